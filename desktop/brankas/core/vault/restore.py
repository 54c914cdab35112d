"""Restore a backup without losing anything and without letting old keys back in.

Two ways:
* :func:`restore_into` — the usual one, from an open vault: the backup's data is
  re-encrypted under the *current* vault key and the current key table is kept, so an
  operator removed since the backup stays removed.
* :func:`restore_backup` — disaster recovery when the vault itself no longer opens (key
  table lost or database damaged): the backup is put back with its own key table; the
  caller is told which operators that table admits so removed people can be removed again.
Both keep the state they replace as a backup and never move the epoch backwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from brankas.core.audit import AuditKind, AuditLog
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfPolicy
from brankas.core.errors import DatabaseCorrupt
from brankas.core.fsutil import fsync_dir, make_private_dir
from brankas.core.keys.table import KeyTable, OperatorSlot, copy_paths, read_copies, write_copies
from brankas.core.keystore import DeviceKeyStore
from brankas.core.lock import VaultLock
from brankas.core.secret import Secret
from brankas.core.storage.backup import export_encrypted
from brankas.core.storage.db import Connection, integrity_check, open_database, transaction
from brankas.core.vault import backups
from brankas.core.vault.opening import DB_NAME, Opened, db_key, open_table, operator_opener
from brankas.core.vault.operators import bump_epoch
from brankas.core.vault.vault import Vault, db_salt


def _open_backup(
    folder: Path, name: str, username: str, password: Secret, policy: KdfPolicy
) -> tuple[backups.BackupInfo, Opened, Connection]:
    """Prove the right to a backup (a password valid when it was made) and open it."""
    info = backups.find_backup(folder, name)
    opened = open_table(
        info.path, policy, operator_opener(username, password, policy), repair=False
    )
    conn = open_database(info.path / DB_NAME, db_key(opened.vk))
    try:
        if integrity_check(conn):
            raise DatabaseCorrupt("the backup is damaged")
    except BaseException:
        conn.close()
        raise
    return info, opened, conn


def restore_into(vault: Vault, name: str, username: str, password: Secret) -> None:
    """Replace the open vault's data with backup ``name``, keeping the current keys.

    Raises:
        PermissionDenied (not an admin), BackupNotFound, WrongPassword, UnknownOperator,
        DatabaseCorrupt (backup damaged), DiskFull.
    """
    admin = vault.require_admin()
    info, _opened, src = _open_backup(vault.folder, name, username, password, vault.policy)
    live_ops = vault.conn.execute("SELECT id, name, role, created_at FROM operator").fetchall()
    vault.backup("before-restore")
    key = db_key(vault.vault_key())
    tmp = vault.folder / f".{DB_NAME}.restore"
    try:
        export_encrypted(src, tmp, key)  # the backup's data, under the current key
    finally:
        src.close()
    vault.conn.close()
    os.replace(tmp, vault.folder / DB_NAME)
    fsync_dir(vault.folder)
    conn = open_database(vault.folder / DB_NAME, key)
    audit_key = conn.execute("SELECT audit_key FROM meta WHERE id = 1").fetchone()[0]
    audit = AuditLog(conn, bytes(audit_key))
    slot_ids = {s.id for s in vault.table.operator_slots()}
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with transaction(conn):
        # Operators follow the key table, not the backup: nobody removed since comes back.
        for op_id, op_name, role, created in live_ops:
            conn.execute(
                "INSERT INTO operator (id, name, role, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role",
                (op_id, op_name, role, created),
            )
        conn.execute("UPDATE operator SET removed_at = ? WHERE removed_at IS NULL", (now,))
        conn.executemany(
            "UPDATE operator SET removed_at = NULL WHERE id = ?", [(i,) for i in slot_ids]
        )
    t = vault.table
    vault._replace_state(
        conn=conn,
        audit=audit,
        table=KeyTable(
            t.vault_id,
            t.epoch,
            t.slots,
            None,
            {**t.extra, "db_salt": db_salt(vault.folder / DB_NAME)},
        ),
    )
    bump_epoch(vault, "restore", at_least=max(t.epoch, info.epoch) + 1)
    with transaction(conn):
        audit.record(
            AuditKind.RESTORE,
            operator_id=admin.id,
            detail={"backup": name, "backup_epoch": info.epoch},
        )


def restore_backup(
    folder: Path,
    name: str,
    username: str,
    password: Secret,
    *,
    policy: KdfPolicy = PRODUCTION_POLICY,
    keystore: DeviceKeyStore | None = None,
    lock: VaultLock | None = None,
) -> Vault:
    """Disaster recovery: put backup ``name`` back with its own key table, and open it.

    Use when the vault no longer opens. The backup's key table admits the operators of
    its time: check :func:`brankas.core.vault.operators.list_operators` afterwards and
    remove anyone who has left since.

    Raises:
        BackupNotFound, WrongPassword, UnknownOperator, DatabaseCorrupt (backup damaged).
    """
    info, opened, probe = _open_backup(folder, name, username, password, policy)
    probe.close()
    current, _errors = read_copies(folder, policy)
    floor = max([c.table.epoch for c in current] + [info.epoch]) + 1
    held = lock or VaultLock.acquire(folder)
    try:
        _set_aside_current(folder)
        tmp = folder / f".{DB_NAME}.restore"
        shutil.copyfile(info.path / DB_NAME, tmp)  # a closed backup file, not a live database
        os.chmod(tmp, 0o600)
        os.replace(tmp, folder / DB_NAME)
        fsync_dir(folder)
        write_copies(folder, opened.table, opened.vk)
        vault = Vault.unlock(
            folder, username, password, policy=policy, keystore=keystore, lock=held
        )
    except BaseException:
        if lock is None:
            held.release()
        raise
    bump_epoch(vault, "restore", at_least=floor)
    vault.record(
        AuditKind.RESTORE, detail={"backup": name, "backup_epoch": info.epoch, "mode": "disaster"}
    )
    return vault


def admitted_operators(table: KeyTable) -> list[str]:
    """Operator slot ids a key table admits (after a disaster restore, review these)."""
    return [s.id for s in table.slots if isinstance(s, OperatorSlot)]


def _set_aside_current(folder: Path) -> None:
    """Move the current (closed) files into backups/<time>-before-restore/."""
    root = backups.backup_dir(folder)
    make_private_dir(root)
    dest = root / f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}Z-before-restore"
    make_private_dir(dest)
    for src in (folder / DB_NAME, *copy_paths(folder)):
        if src.exists():
            os.replace(src, dest / src.name)
    with contextlib.suppress(OSError):
        (dest / "backup.json").write_text(
            json.dumps({"reason": "before-restore", "epoch": 0}), encoding="utf-8"
        )
    fsync_dir(root)
