"""Helpers for the vault tests (FAST_POLICY from tests/conftest.py, file surgery, reopening)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from brankas.core.keystore import MemoryDeviceKeyStore
from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY, fast_kdf  # noqa: F401

ADMIN = "Admin Satu"
ADMIN_PW = "kata sandi admin"


def unlock(
    folder: Path,
    user: str = ADMIN,
    password: str = ADMIN_PW,
    *,
    keystore: MemoryDeviceKeyStore | None = None,
) -> Vault:
    """Vault.unlock with the fast test policy."""
    return Vault.unlock(folder, user, Secret(password), policy=FAST_POLICY, keystore=keystore)


def flip_byte(path: Path, offset: int, mask: int = 0x01) -> None:
    """XOR one byte of a file (negative offsets count from the end)."""
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


def edit_json(path: Path, edit: Any) -> None:
    """Load a JSON file, let ``edit`` change the object in place, write it back."""
    body = json.loads(path.read_bytes())
    edit(body)
    path.write_text(json.dumps(body, sort_keys=True, indent=1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """The bytes of the vault's top-level files (vault.db and both key tables)."""
    names = ("vault.db", "vault.keys", "vault.keys.2")
    return {n: (folder / n).read_bytes() for n in names if (folder / n).exists()}


def settings_value(vault: Vault, key: str) -> Any:
    """A value from the settings table, or None."""
    row = vault.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def put_setting(vault: Vault, key: str, value: Any) -> None:
    """Insert or replace one settings row."""
    with vault.write() as c:
        c.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value))
        )
