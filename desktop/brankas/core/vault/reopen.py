"""After the key table opened: open vault.db, finish or drop a pending rekey, migrate,
check integrity and epoch, and find who is unlocking."""

from __future__ import annotations

import logging
from pathlib import Path

from brankas.core.audit import AuditKind, AuditLog
from brankas.core.domain.enums import Role
from brankas.core.errors import DatabaseCorrupt, KeyTableForeign, UnknownOperator
from brankas.core.keys.slots import RECOVERY_SLOT_ID, reseal_all
from brankas.core.keys.table import KeyTable, write_copies
from brankas.core.storage.db import Connection, integrity_check, open_database, transaction
from brankas.core.storage.migrations import migrate
from brankas.core.vault import backups, failures, rekey
from brankas.core.vault.opening import DB_NAME, Opened, db_key
from brankas.core.vault.vault import CurrentOperator, VaultWarning, _State, check_db_salt

log = logging.getLogger(__name__)


def open_database_for(folder: Path, opened: Opened) -> _State:
    """Open the database with the key the table gave, and bring the pair into agreement.

    Raises:
        KeyTableForeign: the key table belongs to another vault.
        DatabaseCorrupt: vault.db does not open with the vault key or fails its check.
        SchemaTooNew: written by a newer Brankas.
    """
    check_db_salt(folder, opened.table)
    table, vk = opened.table, opened.vk
    warnings: list[VaultWarning] = []
    if opened.repaired:
        warnings.append(VaultWarning.KEY_TABLE_REPAIRED)
    finish_pending = False
    try:
        conn = open_database(folder / DB_NAME, db_key(vk))
        if table.pending is not None:  # the rekey never reached the database
            table = rekey.abandon(folder, table, vk)
            warnings.append(VaultWarning.REKEY_ABANDONED)
    except DatabaseCorrupt:
        if opened.pending_vk is None:
            if table.pending is not None and not any(
                s.id == opened.slot_id for s in table.pending.slots
            ):
                # The database already moved to the next key and this slot is not
                # among the next epoch's: this operator is being removed.
                raise UnknownOperator("this operator's access has been removed") from None
            raise
        conn = open_database(folder / DB_NAME, db_key(opened.pending_vk))
        vk, finish_pending = opened.pending_vk, True
    try:
        return _after_open(folder, conn, table, vk, opened.slot_id, warnings, finish_pending)
    except BaseException:
        conn.close()
        raise


def _after_open(
    folder: Path,
    conn: Connection,
    table: KeyTable,
    vk: bytes,
    slot_id: str,
    warnings: list[VaultWarning],
    finish_pending: bool,
) -> _State:
    problems = integrity_check(conn, structure=False)
    if problems:
        raise DatabaseCorrupt(f"vault.db failed its integrity check ({len(problems)} problems)")

    def before_upgrade(current: int, target: int) -> None:
        if current > 0:
            backups.make_backup(
                folder, conn, db_key(vk), table, vk, f"before-migration-{current}-to-{target}"
            )

    migrate(conn, before_upgrade=before_upgrade)
    row = conn.execute("SELECT vault_id, epoch, audit_key FROM meta WHERE id = 1").fetchone()
    if row is None:
        raise DatabaseCorrupt("vault.db has no vault record")
    if row[0] != table.vault_id:
        raise KeyTableForeign("the key table (vault.keys) belongs to another vault")
    audit = AuditLog(conn, bytes(row[2]))
    operator = _operator(conn, slot_id)
    op_id = operator.id if operator else None
    if finish_pending:
        table = rekey.finish(folder, conn, audit, table, vk, operator_id=op_id, at_unlock=True)
        warnings.append(VaultWarning.REKEY_COMPLETED)
    db_epoch = int(row[1]) if not finish_pending else table.epoch
    if db_epoch < table.epoch:
        # An older vault.db was put back under a newer key table: never show it as current.
        warnings.append(VaultWarning.STALE_DATABASE)
        log.warning("vault.db epoch %d is older than the key table's %d", db_epoch, table.epoch)
    elif db_epoch > table.epoch:
        # A crash between the database and key-table halves of an epoch bump: heal it.
        table = KeyTable(
            table.vault_id,
            db_epoch,
            reseal_all(table.vault_id, db_epoch, table.slots, vk),
            None,
            table.extra,
        )
        write_copies(folder, table, vk)
    noted = failures.take_failures(folder)
    with transaction(conn):
        for f in noted:
            audit.record(AuditKind.UNLOCK_FAILED, operator_id=None, detail=f)
        if VaultWarning.STALE_DATABASE in warnings:
            audit.record(
                AuditKind.STALE_WARNING,
                operator_id=op_id,
                detail={"db_epoch": db_epoch, "keys_epoch": table.epoch},
            )
        if VaultWarning.KEY_TABLE_REPAIRED in warnings:
            audit.record(AuditKind.KEY_TABLE_REPAIRED, operator_id=op_id)
        if VaultWarning.REKEY_ABANDONED in warnings:
            audit.record(AuditKind.REKEY_ABANDONED, operator_id=op_id)
    if noted:
        warnings.append(VaultWarning.FAILED_UNLOCKS)
    return _State(conn, bytearray(vk), table, audit, operator, warnings, failed_unlocks=len(noted))


def _operator(conn: Connection, slot_id: str) -> CurrentOperator | None:
    if slot_id == RECOVERY_SLOT_ID:
        return None
    row = conn.execute(
        "SELECT id, name, role FROM operator WHERE id = ? AND removed_at IS NULL", (slot_id,)
    ).fetchone()
    if row is None:
        raise DatabaseCorrupt("the operator of this key slot is not in the vault")
    return CurrentOperator(row[0], row[1], Role(row[2]))
