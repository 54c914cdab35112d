"""Audit events: append-only storage of the hash chain (hashing is the caller's job)."""

from __future__ import annotations

from brankas.core.domain.models import AuditEvent
from brankas.core.errors import Conflict
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import dt_in_req, dt_out
from brankas.core.storage.repos._table import Row

_COLS = ("seq", "at", "operator_id", "kind", "target", "detail_json", "prev_hash", "hash")
_SELECT = f"SELECT {', '.join(_COLS)} FROM audit_event"  # noqa: S608


def _event(r: Row) -> AuditEvent:
    return AuditEvent(
        seq=r[0],
        at=dt_in_req(r[1]),
        operator_id=r[2],
        kind=r[3],
        target=r[4],
        detail_json=r[5],
        prev_hash=None if r[6] is None else bytes(r[6]),
        hash=bytes(r[7]),
    )


def append_event(conn: Connection, event: AuditEvent) -> None:
    """Append one event whose hashes the caller computed.

    Raises:
        Conflict: ``event.seq`` is not the last seq + 1, or ``prev_hash`` is not the
            last event's hash (the chain would fork). The first event's ``prev_hash``
            is the caller's genesis value and is not checked.
    """
    with transaction(conn):
        last = last_event(conn)
        expected_seq = 1 if last is None else last.seq + 1
        if event.seq != expected_seq:
            raise Conflict(f"audit seq {event.seq} given, {expected_seq} expected")
        if last is not None and event.prev_hash != last.hash:
            raise Conflict(f"audit event {event.seq} does not chain to the last event")
        conn.execute(
            f"INSERT INTO audit_event ({', '.join(_COLS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            (
                event.seq,
                dt_out(event.at),
                event.operator_id,
                event.kind,
                event.target,
                event.detail_json,
                event.prev_hash,
                event.hash,
            ),
        )


def list_events(
    conn: Connection, *, after_seq: int = 0, limit: int | None = None
) -> list[AuditEvent]:
    """Events in seq order, starting after ``after_seq``, at most ``limit`` of them."""
    sql = f"{_SELECT} WHERE seq > ? ORDER BY seq"
    params: tuple[int, ...] = (after_seq,)
    if limit is not None:
        sql += " LIMIT ?"
        params = (after_seq, limit)
    return [_event(r) for r in conn.execute(sql, params)]


def last_event(conn: Connection) -> AuditEvent | None:
    """The newest event (the chain head), or None for an empty log."""
    row = conn.execute(f"{_SELECT} ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else _event(tuple(row))


def count_events(conn: Connection) -> int:
    """How many events the log holds."""
    return int(conn.execute("SELECT count(*) FROM audit_event").fetchone()[0])
