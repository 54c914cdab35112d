"""Custody periods: who holds an account from when to when."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from brankas.core.domain.models import Custody
from brankas.core.errors import NotFound
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import dt_in, dt_in_req, dt_out
from brankas.core.storage.repos._table import Row, insert, select_sql

_COLS = ("account_id", "holder_person_id", "from_at", "until_at", "handover_id")
_SELECT = select_sql("custody", _COLS)


def _custody(r: Row) -> Custody:
    return Custody(
        id=r[0],
        account_id=r[1],
        holder_person_id=r[2],
        from_at=dt_in_req(r[3]),
        until_at=dt_in(r[4]),
        handover_id=r[5],
    )


def open_custody(conn: Connection, custody: Custody) -> Custody:
    """Start a custody period; returns it with its id.

    Raises:
        Conflict: the account already has an open period (close it first), or a
            reference does not exist.
    """
    row = (
        custody.account_id,
        custody.holder_person_id,
        dt_out(custody.from_at),
        dt_out(custody.until_at),
        custody.handover_id,
    )
    return dataclasses.replace(custody, id=insert(conn, "custody", _COLS, row))


def close_custody(conn: Connection, account_id: int, until_at: datetime) -> Custody:
    """End an account's open custody period.

    Returns:
        The closed period.

    Raises:
        NotFound: the account has no open period.
        Conflict: ``until_at`` is before the period's start.
    """
    with transaction(conn):
        current = current_custody(conn, account_id)
        if current is None:
            raise NotFound(f"account {account_id} has no open custody")
        conn.execute("UPDATE custody SET until_at = ? WHERE id = ?", (dt_out(until_at), current.id))
    return dataclasses.replace(current, until_at=until_at)


def current_custody(conn: Connection, account_id: int) -> Custody | None:
    """The open custody period of an account, or None if nobody is recorded as holding it."""
    row = conn.execute(
        f"{_SELECT} WHERE account_id = ? AND until_at IS NULL", (account_id,)
    ).fetchone()
    return None if row is None else _custody(tuple(row))


def custody_history(conn: Connection, account_id: int) -> list[Custody]:
    """All custody periods of an account, oldest first."""
    sql = f"{_SELECT} WHERE account_id = ? ORDER BY from_at, id"
    return [_custody(r) for r in conn.execute(sql, (account_id,))]


def list_open_custody(conn: Connection) -> list[Custody]:
    """Every open custody period (one per held account), by account id."""
    sql = f"{_SELECT} WHERE until_at IS NULL ORDER BY account_id"
    return [_custody(r) for r in conn.execute(sql)]
