"""Rolling encrypted backups: each a folder with an sqlcipher_export() copy and its key table."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from brankas.core.errors import BackupNotFound
from brankas.core.fsutil import atomic_write, fsync_dir, make_private_dir
from brankas.core.keys.table import COPY_NAMES, DeviceSlot, KeyTable, serialize
from brankas.core.storage.backup import export_encrypted

log = logging.getLogger(__name__)

DIR_NAME = "backups"
DEFAULT_KEEP = 20
_NAME_RE = re.compile(r"^\d{8}T\d{6}\d{6}Z-[a-z0-9-]{1,40}$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup on disk."""

    name: str
    path: Path
    created_at: str
    reason: str
    epoch: int
    size: int


def backup_dir(folder: Path) -> Path:
    """The vault's backup folder."""
    return folder / DIR_NAME


def make_backup(
    folder: Path,
    conn: Any,
    db_key: bytes,
    table: KeyTable,
    vk: bytes,
    reason: str,
    *,
    keep: int = DEFAULT_KEEP,
) -> BackupInfo:
    """Write a backup of the open database and its key table, then prune to ``keep``.

    Device slots are left out: a restored backup must never unlock by itself.

    Raises:
        DiskFull, VaultReadOnly: the backup could not be written (the vault is untouched).
    """
    root = backup_dir(folder)
    make_private_dir(root)
    now = datetime.now(UTC)
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-")[:40] or "manual"
    name = f"{now:%Y%m%dT%H%M%S%f}Z-{slug}"
    n = 1
    while (root / name).exists():  # a coarse clock (Windows) can repeat a timestamp
        n += 1
        name = f"{now:%Y%m%dT%H%M%S%f}Z-{slug[:30]}-{n}"
    tmp = root / f".{name}.partial"
    make_private_dir(tmp)
    try:
        export_encrypted(conn, tmp / "vault.db", db_key)
        with open(tmp / "vault.db", "rb") as fh:  # the copy has its own SQLCipher salt
            salt = fh.read(16).hex()
        kept = KeyTable(
            table.vault_id,
            table.epoch,
            tuple(s for s in table.slots if not isinstance(s, DeviceSlot)),
            None,
            {**table.extra, "db_salt": salt},
        )
        atomic_write(tmp / COPY_NAMES[0], serialize(kept, vk))
        info = {
            "created_at": now.isoformat(timespec="seconds"),
            "reason": reason,
            "epoch": table.epoch,
        }
        atomic_write(tmp / "backup.json", json.dumps(info).encode())
        os.replace(tmp, root / name)
        fsync_dir(root)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    prune(folder, keep)
    return _info(root / name)


def _info(path: Path) -> BackupInfo:
    try:
        meta = json.loads((path / "backup.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    db = path / "vault.db"
    return BackupInfo(
        name=path.name,
        path=path,
        created_at=str(meta.get("created_at", "")),
        reason=str(meta.get("reason", "")),
        epoch=int(meta.get("epoch", 0)) if isinstance(meta.get("epoch", 0), int) else 0,
        size=db.stat().st_size if db.exists() else 0,
    )


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups, newest first."""
    root = backup_dir(folder)
    if not root.is_dir():
        return []
    items = [_info(p) for p in root.iterdir() if p.is_dir() and _NAME_RE.match(p.name)]
    return sorted(items, key=lambda b: b.name, reverse=True)


def find_backup(folder: Path, name: str) -> BackupInfo:
    """The backup called ``name``.

    Raises:
        BackupNotFound: no such backup (names are validated: no path tricks).
    """
    if not _NAME_RE.match(name):
        raise BackupNotFound(f"no backup called {name!r}")
    path = backup_dir(folder) / name
    if not (path / "vault.db").is_file():
        raise BackupNotFound(f"no backup called {name!r}")
    return _info(path)


def prune(folder: Path, keep: int) -> None:
    """Delete all but the newest ``keep`` backups."""
    for old in list_backups(folder)[keep:]:
        shutil.rmtree(old.path, ignore_errors=True)
        log.info("pruned backup %s", old.name)
