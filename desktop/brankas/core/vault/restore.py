"""Restore a backup: prove the right to it with a password valid at backup time, keep the
current files as a backup of their own, put the backup in place, bump the epoch."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from brankas.core.audit import AuditKind
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfPolicy
from brankas.core.errors import DatabaseCorrupt
from brankas.core.fsutil import fsync_dir, make_private_dir
from brankas.core.keys.table import copy_paths, write_copies
from brankas.core.keystore import DeviceKeyStore
from brankas.core.lock import VaultLock
from brankas.core.secret import Secret
from brankas.core.storage.db import integrity_check, open_database
from brankas.core.vault import backups
from brankas.core.vault.opening import DB_NAME, db_key, open_table, operator_opener
from brankas.core.vault.operators import bump_epoch
from brankas.core.vault.vault import Vault


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
    """Replace the vault with backup ``name`` and open it.

    The password must open the backup's own key table (the one valid when it was made).
    The current vault.db and key tables are first moved aside into a backup of their
    own, so a restore never loses anything.

    Raises:
        BackupNotFound, WrongPassword, UnknownOperator, DatabaseCorrupt (backup damaged).
    """
    info = backups.find_backup(folder, name)
    opened = open_table(
        info.path, policy, operator_opener(username, password, policy), repair=False
    )
    probe = open_database(info.path / DB_NAME, db_key(opened.vk))
    try:
        if integrity_check(probe):
            raise DatabaseCorrupt("the backup is damaged")
    finally:
        probe.close()
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
    bump_epoch(vault, "restore")
    vault.record(AuditKind.RESTORE, detail={"backup": name, "backup_epoch": info.epoch})
    return vault


def _set_aside_current(folder: Path) -> None:
    """Move the current (closed) files into backups/<time>-before-restore/."""
    root = backups.backup_dir(folder)
    make_private_dir(root)
    dest = root / f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}Z-before-restore"
    make_private_dir(dest)
    for src in (folder / DB_NAME, *copy_paths(folder)):
        if src.exists():
            os.replace(src, dest / src.name)
    (dest / "backup.json").write_text('{"reason": "before-restore", "epoch": 0}', encoding="utf-8")
    fsync_dir(root)
