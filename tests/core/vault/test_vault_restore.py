"""Restoring backups: current keys kept, removed operators stay out, epoch never goes back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from brankas.core.errors import UnknownOperator, WrongPassword
from brankas.core.secret import Secret
from brankas.core.vault import backups, operators
from brankas.core.vault.restore import restore_backup, restore_into
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY

PW = "kata sandi admin"


def _setting(v: Vault, key: str) -> object:
    row = v.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def _put(v: Vault, key: str, value: object) -> None:
    with v.write() as c:
        c.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )


def test_restore_into_keeps_current_keys_and_removed_operators_out(
    make_vault: Callable[..., tuple[Vault, str]], tmp_path: Path
) -> None:
    v, _kit = make_vault()
    folder = v.folder
    budi = operators.add_operator(v, "Budi", Secret("budi-pw"))
    _put(v, "marker", "old")
    snap = v.backup("snapshot").name
    _put(v, "marker", "new")
    operators.remove_operator(v, budi)
    epoch_before = v.table.epoch
    restore_into(v, snap, "Admin Satu", Secret(PW))
    assert _setting(v, "marker") == "old"
    assert [o.name for o in operators.list_operators(v)] == ["Admin Satu"]
    assert v.table.epoch > epoch_before
    assert v.check().ok
    assert any(b.reason == "before-restore" for b in backups.list_backups(folder))
    lock = v.lock()
    with pytest.raises((UnknownOperator, WrongPassword)):
        Vault.unlock(folder, "Budi", Secret("budi-pw"), policy=FAST_POLICY, lock=lock)
    again = Vault.unlock(folder, "Admin Satu", Secret(PW), policy=FAST_POLICY, lock=lock)
    assert _setting(again, "marker") == "old"
    kinds = [e.kind for e in again.audit.events()]
    assert "restore" in kinds
    assert kinds[-2:] == ["unlock_failed", "unlock"]  # Budi's attempt was recorded
    again.lock()


def test_restore_into_needs_the_password_of_backup_time(
    make_vault: Callable[..., tuple[Vault, str]],
) -> None:
    v, _kit = make_vault()
    snap = v.backup("snapshot").name
    operators.change_password(v, Secret(PW), Secret("baru"))
    with pytest.raises(WrongPassword):
        restore_into(v, snap, "Admin Satu", Secret("baru"))
    restore_into(v, snap, "Admin Satu", Secret(PW))
    assert v.check().ok


def test_disaster_restore_never_moves_the_epoch_back(
    make_vault: Callable[..., tuple[Vault, str]],
) -> None:
    v, _kit = make_vault()
    folder = v.folder
    snap = v.backup("snapshot").name
    for _ in range(3):
        operators.bump_epoch(v, "export")
    high = v.table.epoch
    lock = v.lock()
    db = folder / "vault.db"
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\x00" * 4096  # the database is damaged; the key files are fine
    db.write_bytes(bytes(data))
    restored = restore_backup(folder, snap, "Admin Satu", Secret(PW), policy=FAST_POLICY, lock=lock)
    assert restored.table.epoch > high
    assert restored.check().ok
    restored.lock()
