"""export_encrypted: an encrypted, consistent, owner-only copy made by sqlcipher_export."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import storage_sample

from brankas.core.errors import DatabaseCorrupt, VaultReadOnly
from brankas.core.storage.backup import export_encrypted
from brankas.core.storage.db import Connection, integrity_check, open_database
from brankas.core.storage.migrations import LATEST_VERSION, current_version
from brankas.core.storage.repos import account, attachment, audit, handover, secrets


def _dump(conn: Connection) -> dict[str, list[tuple[object, ...]]]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    ]
    return {n: conn.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall() for n in names}  # noqa: S608


def _schema(conn: Connection) -> list[tuple[object, ...]]:
    return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_copy_opens_with_the_key_and_matches(
    conn: Connection, raw_key: bytes, tmp_path: Path
) -> None:
    sample = storage_sample.populate(conn)
    dest = tmp_path / "backups" / "vault-1.db"
    dest.parent.mkdir()
    export_encrypted(conn, dest, raw_key)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert sorted(p.name for p in dest.parent.iterdir()) == ["vault-1.db"]  # no temp left
    copy = open_database(dest, raw_key)
    try:
        assert integrity_check(copy) == []
        assert current_version(copy) == LATEST_VERSION
        assert _schema(copy) == _schema(conn)  # tables, indexes and triggers
        assert _dump(copy) == _dump(conn)
        assert secrets.get_secrets(copy, sample.instagram.id).password is not None
        assert handover.get_handover(copy, sample.handover.id) == sample.handover
        assert attachment.read_attachment_data(copy, sample.attachment.id) == storage_sample.PDF
        assert audit.count_events(copy) == 1
    finally:
        copy.close()
    raw = dest.read_bytes()
    assert storage_sample.CANARY.encode() not in raw
    assert b"SQLite format 3" not in raw[:16]


def test_copy_can_use_another_key(conn: Connection, raw_key: bytes, tmp_path: Path) -> None:
    storage_sample.populate(conn)
    other = os.urandom(32)
    dest = tmp_path / "other.db"
    export_encrypted(conn, dest, other)
    with pytest.raises(DatabaseCorrupt):
        open_database(dest, raw_key)
    copy = open_database(dest, other)
    try:
        assert len(account.list_accounts(copy)) == 2
    finally:
        copy.close()


def test_export_replaces_an_older_copy(conn: Connection, raw_key: bytes, tmp_path: Path) -> None:
    dest = tmp_path / "copy.db"
    export_encrypted(conn, dest, raw_key)
    storage_sample.populate(conn)
    export_encrypted(conn, dest, raw_key)
    copy = open_database(dest, raw_key)
    try:
        assert len(account.list_accounts(copy)) == 2
    finally:
        copy.close()


def test_export_keeps_the_key_from_trace_callbacks(
    conn: Connection, raw_key: bytes, tmp_path: Path
) -> None:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    export_encrypted(conn, tmp_path / "copy.db", raw_key)
    assert not any(raw_key.hex() in s.lower() for s in seen)


def test_failed_export_leaves_no_file_and_a_usable_connection(
    conn: Connection, raw_key: bytes, tmp_path: Path
) -> None:
    with pytest.raises((VaultReadOnly, OSError)):
        export_encrypted(conn, tmp_path / "missing" / "copy.db", raw_key)
    assert not (tmp_path / "missing").exists()
    assert not conn.in_transaction
    # Detached: only main (and temp, which a schema change such as migration 3 opens).
    assert {r[1] for r in conn.execute("PRAGMA database_list")} <= {"main", "temp"}
    with pytest.raises(ValueError, match="32"):
        export_encrypted(conn, tmp_path / "copy.db", b"short")
    assert list(tmp_path.glob("*copy.db*")) == []
