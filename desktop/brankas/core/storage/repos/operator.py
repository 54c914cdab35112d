"""Operators (named in the DB; their key slots live in vault.keys under the same id)."""

from __future__ import annotations

from datetime import datetime

from brankas.core.domain.enums import Role
from brankas.core.domain.models import Operator
from brankas.core.storage.db import Connection
from brankas.core.storage.repos._convert import dt_in, dt_in_req, dt_out, enum_in
from brankas.core.storage.repos._table import Row, fetch_one, insert, select_sql, update

_COLS = ("name", "role", "created_at", "removed_at")
_SELECT = select_sql("operator", _COLS)


def _operator(r: Row) -> Operator:
    return Operator(
        id=r[0],
        name=r[1],
        role=enum_in(Role, r[2]),
        created_at=dt_in_req(r[3]),
        removed_at=dt_in(r[4]),
    )


def _row(o: Operator) -> Row:
    return (o.name, o.role.value, dt_out(o.created_at), dt_out(o.removed_at))


def add_operator(conn: Connection, operator: Operator) -> Operator:
    """Store an operator under its slot id.

    Raises:
        Conflict: an operator with that id exists.
    """
    insert(conn, "operator", ("id", *_COLS), (operator.id, *_row(operator)))
    return operator


def get_operator(conn: Connection, operator_id: str) -> Operator:
    """The operator with that slot id (removed ones included).

    Raises:
        NotFound: no such operator.
    """
    return _operator(fetch_one(conn, f"{_SELECT} WHERE id = ?", (operator_id,), "operator"))


def list_operators(conn: Connection, *, include_removed: bool = False) -> list[Operator]:
    """Operators by creation time; removed ones only when asked."""
    sql = _SELECT + ("" if include_removed else " WHERE removed_at IS NULL")
    return [_operator(r) for r in conn.execute(f"{sql} ORDER BY created_at, id")]


def update_operator(conn: Connection, operator: Operator) -> None:
    """Save an operator's name, role and dates.

    Raises:
        NotFound: no operator has that id.
    """
    update(conn, "operator", _COLS, _row(operator), "id", operator.id)


def mark_operator_removed(conn: Connection, operator_id: str, at: datetime) -> None:
    """Mark an operator removed; the row stays because history names them.

    Raises:
        NotFound: no operator has that id.
    """
    op = get_operator(conn, operator_id)
    update(conn, "operator", ("removed_at",), (dt_out(at),), "id", op.id)
