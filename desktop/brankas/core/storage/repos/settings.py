"""Vault settings (JSON values by key) and the single meta row (vault id, epoch)."""

from __future__ import annotations

import json
from typing import Any

from brankas.core.domain.models import Meta
from brankas.core.errors import NotFound
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import dt_in_req, dt_out


def get_setting(conn: Connection, key: str, default: Any = None) -> Any:
    """A setting's value decoded from JSON, or ``default`` when it is not set."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def set_setting(conn: Connection, key: str, value: Any) -> None:
    """Store a setting as JSON (replacing any previous value).

    Raises:
        TypeError: the value cannot be written as JSON.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with transaction(conn):
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, text),
        )


def delete_setting(conn: Connection, key: str) -> None:
    """Forget a setting (no error if it was not set)."""
    with transaction(conn):
        conn.execute("DELETE FROM settings WHERE key = ?", (key,))


def all_settings(conn: Connection) -> dict[str, Any]:
    """Every setting, decoded."""
    return {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM settings")}


def init_meta(conn: Connection, meta: Meta, *, audit_key: bytes) -> None:
    """Write the meta row of a new vault.

    Args:
        conn: the vault connection.
        meta: vault id, epoch, creation time, app version.
        audit_key: the audit chain's HMAC key (kept out of :class:`Meta` so that the
            record can be shown and logged).

    Raises:
        Conflict: the vault already has its meta row.
    """
    with transaction(conn):
        conn.execute(
            "INSERT INTO meta (id, vault_id, epoch, created_at, app_version, audit_key)"
            " VALUES (1, ?, ?, ?, ?, ?)",
            (meta.vault_id, meta.epoch, dt_out(meta.created_at), meta.app_version, audit_key),
        )


def get_audit_key(conn: Connection) -> bytes:
    """The audit chain's HMAC key.

    Raises:
        NotFound: the vault has no meta row or no audit key.
    """
    row = conn.execute("SELECT audit_key FROM meta WHERE id = 1").fetchone()
    if row is None or row[0] is None:
        raise NotFound("the vault has no audit key")
    return bytes(row[0])


def get_meta(conn: Connection) -> Meta:
    """The vault's meta row.

    Raises:
        NotFound: the vault has no meta row (creation never finished).
    """
    row = conn.execute(
        "SELECT vault_id, epoch, created_at, app_version FROM meta WHERE id = 1"
    ).fetchone()
    if row is None:
        raise NotFound("the vault has no meta row")
    return Meta(vault_id=row[0], epoch=row[1], created_at=dt_in_req(row[2]), app_version=row[3])


def set_epoch(conn: Connection, epoch: int) -> None:
    """Store the epoch (to match the key table).

    Raises:
        NotFound: the vault has no meta row.
    """
    with transaction(conn):
        if conn.execute("UPDATE meta SET epoch = ? WHERE id = 1", (epoch,)).rowcount == 0:
            raise NotFound("the vault has no meta row")


def bump_epoch(conn: Connection) -> int:
    """Increment the epoch (on rekey and export).

    Returns:
        The new epoch.

    Raises:
        NotFound: the vault has no meta row.
    """
    with transaction(conn):
        row = conn.execute(
            "UPDATE meta SET epoch = epoch + 1 WHERE id = 1 RETURNING epoch"
        ).fetchone()
        if row is None:
            raise NotFound("the vault has no meta row")
    return int(row[0])


def set_app_version(conn: Connection, version: str) -> None:
    """Record the version of Brankas that last wrote the vault."""
    with transaction(conn):
        conn.execute("UPDATE meta SET app_version = ? WHERE id = 1", (version,))
