"""The hash-chained audit log: h_n = HMAC(audit key, h_{n-1} ‖ event)."""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

from brankas.core.crypto.primitives import hmac_sha256
from brankas.core.errors import AuditChainBroken
from brankas.core.keys.table import canonical_json

GENESIS = b"\x00" * 32


class AuditKind(StrEnum):
    """What happened. Persisted: never change a value."""

    VAULT_CREATED = "vault_created"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"
    LOCK = "lock"
    REVEAL = "reveal"
    COPY = "copy"
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    TRANSITION = "transition"
    HANDOVER = "handover"
    EXPORT = "export"
    IMPORT = "import"
    OPERATOR_ADDED = "operator_added"
    OPERATOR_REMOVED = "operator_removed"
    OPERATOR_PASSWORD_CHANGED = "operator_password_changed"  # noqa: S105
    RECOVERY_USED = "recovery_used"
    RECOVERY_KIT_REPLACED = "recovery_kit_replaced"
    REKEY = "rekey"
    REKEY_ABANDONED = "rekey_abandoned"
    DEVICE_ENABLED = "device_enabled"
    DEVICE_DISABLED = "device_disabled"
    BACKUP = "backup"
    RESTORE = "restore"
    MIGRATION = "migration"
    KEY_TABLE_REPAIRED = "key_table_repaired"
    STALE_WARNING = "stale_warning"


class _Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a DB-API connection the audit log uses."""

    def execute(self, sql: str, params: Any = ..., /) -> _Cursor: ...


@dataclass(frozen=True, slots=True)
class Event:
    """One audit event as stored."""

    seq: int
    at: str
    operator_id: str | None
    kind: str
    target: str
    detail: Mapping[str, Any]
    prev_hash: bytes
    hash: bytes


@dataclass(frozen=True, slots=True)
class ChainStatus:
    """Result of :func:`verify`: ok, or the first broken event."""

    ok: bool
    count: int
    head: bytes
    first_broken_seq: int | None = None
    reason: str = ""


def _event_bytes(
    seq: int,
    at: str,
    operator_id: str | None,
    kind: str,
    target: str | None,
    detail: Mapping[str, Any],
) -> bytes:
    return canonical_json(
        {"seq": seq, "at": at, "op": operator_id, "kind": kind, "target": target, "detail": detail}
    )


def link(key: bytes, prev: bytes, event_bytes: bytes) -> bytes:
    """One link of the chain."""
    return hmac_sha256(key, prev + event_bytes)


class AuditLog:
    """Appends and verifies events in the ``audit_event`` table. Never stores a secret value."""

    def __init__(self, conn: Connection, key: bytes) -> None:
        self._conn = conn
        self._key = key

    def head(self) -> tuple[int, bytes]:
        """(last seq, last hash), or (0, genesis) for an empty log."""
        row = self._conn.execute(
            "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return 0, GENESIS
        if not isinstance(row[1], bytes) or len(row[1]) != len(GENESIS):
            # Appending after a damaged head would hide the damage: refuse, typed.
            raise AuditChainBroken("the last audit event is damaged", seq=int(row[0]))
        return int(row[0]), row[1]

    def record(
        self,
        kind: AuditKind | str,
        *,
        operator_id: str | None,
        target: str | None = None,
        detail: Mapping[str, Any] | None = None,
        at: datetime | None = None,
    ) -> Event:
        """Append an event. Call inside the caller's transaction so it commits with the change."""
        seq, prev = self.head()
        seq += 1
        when = (at or datetime.now(UTC)).isoformat(timespec="microseconds")
        det = dict(detail or {})
        tgt = target or ""
        h = link(self._key, prev, _event_bytes(seq, when, operator_id, str(kind), tgt, det))
        self._conn.execute(
            "INSERT INTO audit_event (seq, at, operator_id, kind, target, detail_json, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, when, operator_id, str(kind), tgt, json.dumps(det, sort_keys=True), prev, h),
        )
        return Event(seq, when, operator_id, str(kind), tgt, det, prev, h)

    def events(self, *, after_seq: int = 0, limit: int | None = None) -> Iterator[Event]:
        """Events in chain order."""
        sql = (
            "SELECT seq, at, operator_id, kind, target, detail_json, prev_hash, hash"
            " FROM audit_event WHERE seq > ? ORDER BY seq"
        )
        params: tuple[int, ...] = (after_seq,)
        if limit is not None:
            sql += " LIMIT ?"
            params = (after_seq, limit)
        for r in self._conn.execute(sql, params):
            yield _row_event(r)

    def verify(self) -> ChainStatus:
        """Walk the chain; name the first event whose link does not verify."""
        prev = GENESIS
        expected_seq = 1
        count = 0
        rows = self.events()
        while True:
            try:
                ev = next(rows)
            except StopIteration:
                break
            except AuditChainBroken:  # a row someone filled with garbage
                return ChainStatus(
                    False,
                    count,
                    prev,
                    first_broken_seq=expected_seq,
                    reason="an event is malformed",
                )
            reason = ""
            if ev.seq != expected_seq:
                reason = f"event {expected_seq} is missing"
            elif not hmac.compare_digest(ev.prev_hash, prev):
                reason = "the link to the previous event does not match"
            else:
                raw = _event_bytes(ev.seq, ev.at, ev.operator_id, ev.kind, ev.target, ev.detail)
                if not hmac.compare_digest(link(self._key, prev, raw), ev.hash):
                    reason = "the event was changed"
            if reason:
                return ChainStatus(False, count, prev, first_broken_seq=expected_seq, reason=reason)
            prev = ev.hash
            expected_seq += 1
            count += 1
        return ChainStatus(True, count, prev)


def _row_event(r: Any) -> Event:
    """One stored row as an Event.

    Raises:
        AuditChainBroken: the row's values are not what :meth:`AuditLog.record` writes.
    """
    try:
        return Event(
            int(r[0]),
            r[1],
            r[2],
            r[3],
            r[4],
            json.loads(r[5] or "{}"),
            bytes(r[6]),
            bytes(r[7]),
        )
    except (TypeError, ValueError) as exc:
        raise AuditChainBroken(f"audit event {r[0]} is malformed", seq=int(r[0])) from exc
