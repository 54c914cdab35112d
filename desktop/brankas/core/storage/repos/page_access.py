"""Facebook Page access roster per account."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from brankas.core.domain.enums import PageAccess
from brankas.core.domain.models import PageAccessEntry
from brankas.core.errors import NotFound
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import dt_in, dt_in_req, dt_out, enum_in
from brankas.core.storage.repos._table import Row, insert, select_sql

_COLS = ("account_id", "person_id", "person_name", "access", "added_at", "removed_at")
_SELECT = select_sql("page_access", _COLS)


def _entry(r: Row) -> PageAccessEntry:
    return PageAccessEntry(
        id=r[0],
        account_id=r[1],
        person_id=r[2],
        person_name=r[3],
        access=enum_in(PageAccess, r[4]),
        added_at=dt_in_req(r[5]),
        removed_at=dt_in(r[6]),
    )


def add_page_access(conn: Connection, entry: PageAccessEntry) -> PageAccessEntry:
    """Record that someone has access to a Page; returns the entry with its id."""
    row = (
        entry.account_id,
        entry.person_id,
        entry.person_name,
        entry.access.value,
        dt_out(entry.added_at),
        dt_out(entry.removed_at),
    )
    return dataclasses.replace(entry, id=insert(conn, "page_access", _COLS, row))


def remove_page_access(conn: Connection, entry_id: int, removed_at: datetime) -> None:
    """Record that someone's access was removed (the entry stays as history).

    Raises:
        NotFound: no entry has that id.
    """
    with transaction(conn):
        count = conn.execute(
            "UPDATE page_access SET removed_at = ? WHERE id = ?", (dt_out(removed_at), entry_id)
        ).rowcount
    if count == 0:
        raise NotFound(f"no page access entry {entry_id}")


def list_page_access(
    conn: Connection, account_id: int, *, current_only: bool = False
) -> list[PageAccessEntry]:
    """An account's Page roster in the order added; ``current_only`` drops removed people."""
    sql = f"{_SELECT} WHERE account_id = ?" + (" AND removed_at IS NULL" if current_only else "")
    return [_entry(r) for r in conn.execute(f"{sql} ORDER BY added_at, id", (account_id,))]
