"""Rotating the vault key (VK → VK′) so that a crash at any moment leaves a vault that opens.

Order: pending slots for VK′ written to both key-table copies (MAC'd under VK) →
``PRAGMA rekey`` (one SQLite transaction) → epoch and the rekey's purpose recorded in the
database → key table rewritten for VK′ without ``pending``. An unlock that finds
``pending`` tries VK, then VK′, and finishes or abandons the rekey accordingly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from brankas.core.audit import AuditKind, AuditLog
from brankas.core.crypto.primitives import random_key
from brankas.core.keys import slots as sl
from brankas.core.keys.table import (
    KeyTable,
    OperatorSlot,
    PendingRekey,
    RecoverySlot,
    Slot,
    write_copies,
)
from brankas.core.storage.db import Connection, rekey, transaction
from brankas.core.vault.opening import db_key


def begin(
    folder: Path,
    table: KeyTable,
    vk: bytes,
    next_slots: tuple[Slot, ...],
    reason: Mapping[str, Any],
) -> tuple[bytes, KeyTable]:
    """Write the pending rekey. ``next_slots`` are operator/recovery slots to keep (device
    slots are always dropped); they are resealed to a fresh VK′ here.

    Returns:
        (VK′, the table as written, with ``pending``).
    """
    new_vk = random_key()
    epoch = table.epoch + 1
    sealed: list[Slot] = []
    for s in next_slots:
        if isinstance(s, OperatorSlot):
            sealed.append(sl.reseal_operator_slot(table.vault_id, epoch, s, new_vk))
        elif isinstance(s, RecoverySlot):
            sealed.append(sl.reseal_recovery_slot(table.vault_id, epoch, s, new_vk))
    written = KeyTable(
        table.vault_id,
        table.epoch,
        table.slots,
        PendingRekey(epoch, tuple(sealed), dict(reason)),
        table.extra,
    )
    write_copies(folder, written, vk)
    return new_vk, written


def apply_to_database(conn: Connection, new_vk: bytes) -> None:
    """``PRAGMA rekey``: atomic in SQLCipher (rollback journal)."""
    rekey(conn, db_key(new_vk))


def finish(
    folder: Path,
    conn: Connection,
    audit: AuditLog,
    table: KeyTable,
    new_vk: bytes,
    *,
    operator_id: str | None,
    at_unlock: bool = False,
) -> KeyTable:
    """Record the rekey in the database and write the final key table.

    Returns:
        The new current key table (epoch + 1, no pending).
    """
    assert table.pending is not None
    pending = table.pending
    reason = dict(pending.reason)
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    row = conn.execute("SELECT epoch FROM meta WHERE id = 1").fetchone()
    if row is not None and int(row[0]) >= pending.epoch:
        # A crash came after this transaction but before the key table: only the key
        # table is left to write (recording the events again would double them).
        final = KeyTable(table.vault_id, pending.epoch, pending.slots, None, table.extra)
        write_copies(folder, final, new_vk)
        return final
    with transaction(conn):
        conn.execute("UPDATE meta SET epoch = ? WHERE id = 1", (pending.epoch,))
        removed = reason.get("remove_operator")
        if isinstance(removed, str):
            conn.execute(
                "UPDATE operator SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
                (now, removed),
            )
            audit.record(AuditKind.OPERATOR_REMOVED, operator_id=operator_id, target=removed)
        audit.record(
            AuditKind.REKEY,
            operator_id=operator_id,
            detail={
                "epoch": pending.epoch,
                "purpose": str(reason.get("purpose", "")),
                "completed_at_unlock": at_unlock,
            },
        )
    final = KeyTable(table.vault_id, pending.epoch, pending.slots, None, table.extra)
    write_copies(folder, final, new_vk)
    return final


def abandon(folder: Path, table: KeyTable, vk: bytes) -> KeyTable:
    """Drop a pending rekey that never reached the database."""
    clean = KeyTable(table.vault_id, table.epoch, table.slots, None, table.extra)
    write_copies(folder, clean, vk)
    return clean
