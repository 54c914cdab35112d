"""Handovers (BAST) with their witnesses and items, stored and read as one aggregate."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import datetime

from brankas.core.domain.enums import HandoverKind
from brankas.core.domain.models import Handover, HandoverItem
from brankas.core.errors import NotFound
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import d_in_req, d_out, dt_in, dt_in_req, dt_out, enum_in
from brankas.core.storage.repos._table import Row, fetch_one, insert, select_sql, update

_COLS = (
    "number",
    "kind",
    "date",
    "place",
    "term_id",
    "first_party_person_id",
    "second_party_person_id",
    "mengetahui_person_id",
    "notes",
    "created_at",
    "created_by_operator_id",
)
_SELECT = select_sql("handover", _COLS)


def _row(h: Handover) -> Row:
    return (
        h.number,
        h.kind.value,
        d_out(h.date),
        h.place,
        h.term_id,
        h.first_party_person_id,
        h.second_party_person_id,
        h.mengetahui_person_id,
        h.notes,
        dt_out(h.created_at),
        h.created_by_operator_id,
    )


def _handover(r: Row, witnesses: tuple[int, ...], items: tuple[HandoverItem, ...]) -> Handover:
    return Handover(
        id=r[0],
        number=r[1],
        kind=enum_in(HandoverKind, r[2]),
        date=d_in_req(r[3]),
        place=r[4],
        term_id=r[5],
        first_party_person_id=r[6],
        second_party_person_id=r[7],
        mengetahui_person_id=r[8],
        notes=r[9],
        created_at=dt_in_req(r[10]),
        created_by_operator_id=r[11],
        witness_person_ids=witnesses,
        items=items,
    )


def _write_children(conn: Connection, handover_id: int, h: Handover) -> None:
    conn.executemany(
        "INSERT INTO handover_witness (handover_id, person_id, position) VALUES (?, ?, ?)",
        [(handover_id, p, n) for n, p in enumerate(h.witness_person_ids)],
    )
    conn.executemany(
        "INSERT INTO handover_item (handover_id, account_id, position, password_changed_at)"
        " VALUES (?, ?, ?, ?)",
        [
            (handover_id, i.account_id, n, dt_out(i.password_changed_at))
            for n, i in enumerate(h.items)
        ],
    )


def add_handover(conn: Connection, handover: Handover) -> Handover:
    """Store a handover with its witnesses and items, atomically.

    Returns:
        The handover with its id (and the id filled into each item).

    Raises:
        Conflict: the BAST number is already used, an account is listed twice, or a
            reference does not exist.
    """
    with transaction(conn):
        new_id = insert(conn, "handover", _COLS, _row(handover))
        _write_children(conn, new_id, handover)
    items = tuple(dataclasses.replace(i, handover_id=new_id) for i in handover.items)
    return dataclasses.replace(handover, id=new_id, items=items)


def update_handover(conn: Connection, handover: Handover) -> None:
    """Save a handover's fields, witnesses and items (replacing the stored lists).

    Raises:
        NotFound: no handover has that id.
        Conflict: as for :func:`add_handover`.
    """
    with transaction(conn):
        update(conn, "handover", _COLS, _row(handover), "id", handover.id)
        conn.execute("DELETE FROM handover_witness WHERE handover_id = ?", (handover.id,))
        conn.execute("DELETE FROM handover_item WHERE handover_id = ?", (handover.id,))
        _write_children(conn, handover.id, handover)


def _children(
    conn: Connection, handover_id: int | None
) -> tuple[dict[int, list[int]], dict[int, list[HandoverItem]]]:
    where, params = (
        ("WHERE handover_id = ?", (handover_id,)) if handover_id is not None else ("", ())
    )
    witnesses: dict[int, list[int]] = defaultdict(list)
    for hid, pid in conn.execute(
        f"SELECT handover_id, person_id FROM handover_witness {where}"  # noqa: S608
        " ORDER BY handover_id, position",
        params,
    ):
        witnesses[hid].append(pid)
    items: dict[int, list[HandoverItem]] = defaultdict(list)
    for hid, aid, changed in conn.execute(
        f"SELECT handover_id, account_id, password_changed_at FROM handover_item {where}"  # noqa: S608
        " ORDER BY handover_id, position",
        params,
    ):
        items[hid].append(
            HandoverItem(handover_id=hid, account_id=aid, password_changed_at=dt_in(changed))
        )
    return witnesses, items


def get_handover(conn: Connection, handover_id: int) -> Handover:
    """The handover with its witnesses and items.

    Raises:
        NotFound: no such handover.
    """
    row = fetch_one(conn, f"{_SELECT} WHERE id = ?", (handover_id,), "handover")
    witnesses, items = _children(conn, handover_id)
    return _handover(row, tuple(witnesses[handover_id]), tuple(items[handover_id]))


def find_handover_by_number(conn: Connection, number: str) -> Handover:
    """The handover with that BAST number.

    Raises:
        NotFound: no handover has that number.
    """
    row = fetch_one(conn, f"{_SELECT} WHERE number = ?", (number,), "handover with that number")
    return get_handover(conn, int(row[0]))


def list_handovers(conn: Connection, *, term_id: int | None = None) -> list[Handover]:
    """Handovers (with witnesses and items) by date then id; three queries in all."""
    sql, params = (
        (f"{_SELECT} WHERE term_id = ?", (term_id,)) if term_id is not None else (_SELECT, ())
    )
    rows = conn.execute(f"{sql} ORDER BY date, id", params).fetchall()
    witnesses, items = _children(conn, None)
    return [_handover(r, tuple(witnesses[r[0]]), tuple(items[r[0]])) for r in rows]


def handovers_of_account(conn: Connection, account_id: int) -> list[Handover]:
    """Every handover that lists the account, by date then id."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT h.id FROM handover h JOIN handover_item i ON i.handover_id = h.id"
            " WHERE i.account_id = ? ORDER BY h.date, h.id",
            (account_id,),
        )
    ]
    return [get_handover(conn, i) for i in ids]


def mark_password_changed(
    conn: Connection, handover_id: int, account_id: int, at: datetime | None
) -> None:
    """Record when an account's password was changed after a handover (None clears it).

    Raises:
        NotFound: the handover does not list that account.
    """
    with transaction(conn):
        count = conn.execute(
            "UPDATE handover_item SET password_changed_at = ?"
            " WHERE handover_id = ? AND account_id = ?",
            (dt_out(at), handover_id, account_id),
        ).rowcount
    if count == 0:
        raise NotFound(f"handover {handover_id} does not list account {account_id}")
