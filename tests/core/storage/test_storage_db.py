"""open_database, pragmas, integrity check, rekey, transactions and error translation."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from brankas.core.errors import Conflict, DatabaseCorrupt, DiskFull, NotAVault, VaultReadOnly
from brankas.core.storage.db import (
    Connection,
    integrity_check,
    key_literal,
    open_database,
    rekey,
    transaction,
)

PAGE = 4096


def _fill(conn: Connection, rows: int = 200) -> None:
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    with transaction(conn):
        conn.executemany(
            "INSERT INTO t (v) VALUES (?)", [(f"row {i:04d} " * 8,) for i in range(rows)]
        )


def _pragma(conn: Connection, name: str) -> object:
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_create_sets_the_vault_pragmas(db_path: Path, raw_key: bytes) -> None:
    conn = open_database(db_path, raw_key, create=True)
    try:
        assert _pragma(conn, "foreign_keys") == 1
        assert _pragma(conn, "journal_mode") == "delete"
        assert _pragma(conn, "synchronous") == 2  # FULL
        assert _pragma(conn, "temp_store") == 2  # MEMORY
        # OFF on purpose (see db.py): mlock per allocation slows the whole process.
        assert str(_pragma(conn, "cipher_memory_security")) == "0"
        assert str(_pragma(conn, "cipher_log_level")).upper() == "NONE"
        assert not conn.in_transaction  # autocommit: transactions are explicit
    finally:
        conn.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_reopen_with_the_same_key_reads_the_data(db_path: Path, raw_key: bytes) -> None:
    conn = open_database(db_path, raw_key, create=True)
    _fill(conn, 3)
    conn.close()
    conn = open_database(db_path, raw_key)
    try:
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 3
    finally:
        conn.close()


def test_wrong_key_is_database_corrupt_without_the_key_or_stderr_noise(
    db_path: Path, raw_key: bytes, capfd: pytest.CaptureFixture[str]
) -> None:
    conn = open_database(db_path, raw_key, create=True)
    _fill(conn, 1)
    conn.close()
    wrong = bytes(b ^ 0xFF for b in raw_key)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(db_path, wrong)
    text = f"{info.value!s} {info.value!r} {info.value.__cause__!r} {info.value.__context__!r}"
    for key in (raw_key, wrong):
        assert key.hex() not in text.lower()
    out, err = capfd.readouterr()
    assert "hmac" not in (out + err).lower()


def test_missing_file_is_not_a_vault(tmp_path: Path, raw_key: bytes) -> None:
    with pytest.raises(NotAVault):
        open_database(tmp_path / "nothing.db", raw_key)
    assert not (tmp_path / "nothing.db").exists()


def test_empty_file_is_not_reinitialised(db_path: Path, raw_key: bytes) -> None:
    db_path.write_bytes(b"")
    with pytest.raises(DatabaseCorrupt):
        open_database(db_path, raw_key)


def test_garbage_file_is_database_corrupt(db_path: Path, raw_key: bytes) -> None:
    db_path.write_bytes(os.urandom(3 * PAGE))
    with pytest.raises(DatabaseCorrupt):
        open_database(db_path, raw_key)


def test_a_plain_sqlite_file_is_database_corrupt(db_path: Path, raw_key: bytes) -> None:
    plain = sqlite3.connect(db_path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    with pytest.raises(DatabaseCorrupt):
        open_database(db_path, raw_key)


def test_missing_folder_on_create_is_an_error(tmp_path: Path, raw_key: bytes) -> None:
    with pytest.raises(VaultReadOnly):
        open_database(tmp_path / "no" / "such" / "vault.db", raw_key, create=True)


@pytest.mark.parametrize("key", [b"", b"\x00" * 31, b"\x00" * 33])
def test_key_must_be_32_bytes(db_path: Path, key: bytes) -> None:
    with pytest.raises(ValueError, match="32"):
        open_database(db_path, key, create=True)
    assert not db_path.exists()


def test_key_literal_is_a_raw_key() -> None:
    assert key_literal(bytes(range(32))) == "\"x'" + bytes(range(32)).hex() + "'\""


def test_integrity_check_passes_then_finds_a_damaged_page(db_path: Path, raw_key: bytes) -> None:
    conn = open_database(db_path, raw_key, create=True)
    _fill(conn)
    assert integrity_check(conn) == []
    conn.close()
    data = bytearray(db_path.read_bytes())
    assert len(data) > 4 * PAGE
    data[3 * PAGE + 100] ^= 0x55  # inside page 4: page 1 (the schema) stays readable
    db_path.write_bytes(bytes(data))
    conn = open_database(db_path, raw_key)
    try:
        problems = integrity_check(conn)
    finally:
        conn.close()
    assert problems
    assert any("hmac" in p.lower() or "page" in p.lower() for p in problems)


def test_rekey_changes_the_key_and_keeps_the_data(db_path: Path, raw_key: bytes) -> None:
    conn = open_database(db_path, raw_key, create=True)
    _fill(conn, 10)
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    new_key = os.urandom(32)
    rekey(conn, new_key)
    conn.close()
    assert not any(new_key.hex() in s.lower() for s in seen)
    with pytest.raises(DatabaseCorrupt):
        open_database(db_path, raw_key)
    conn = open_database(db_path, new_key)
    try:
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 10
        assert integrity_check(conn) == []
    finally:
        conn.close()


def test_transaction_commits(conn: Connection) -> None:
    conn.execute("CREATE TABLE t (v TEXT)")
    with transaction(conn):
        conn.execute("INSERT INTO t VALUES ('a')")
        assert conn.in_transaction
    assert not conn.in_transaction
    assert conn.execute("SELECT v FROM t").fetchall() == [("a",)]


def test_transaction_rollback_leaves_nothing(conn: Connection) -> None:
    conn.execute("CREATE TABLE t (v TEXT)")
    with pytest.raises(RuntimeError, match="boom"), transaction(conn):
        conn.execute("INSERT INTO t VALUES ('a')")
        conn.execute("INSERT INTO t VALUES ('b')")
        raise RuntimeError("boom")
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0


def test_nested_transaction_rolls_back_only_the_inner_block(conn: Connection) -> None:
    conn.execute("CREATE TABLE t (v TEXT)")
    with transaction(conn):
        conn.execute("INSERT INTO t VALUES ('outer')")
        with pytest.raises(KeyError), transaction(conn):
            conn.execute("INSERT INTO t VALUES ('inner')")
            raise KeyError("inner")
        assert conn.in_transaction
    assert conn.execute("SELECT v FROM t").fetchall() == [("outer",)]


def test_constraint_failure_is_a_conflict_and_rolls_back(conn: Connection) -> None:
    conn.execute("CREATE TABLE t (v TEXT UNIQUE)")
    with pytest.raises(Conflict, match="UNIQUE"), transaction(conn):
        conn.execute("INSERT INTO t VALUES ('x')")
        conn.execute("INSERT INTO t VALUES ('x')")
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0


def test_full_database_is_disk_full_and_keeps_old_data(conn: Connection) -> None:
    conn.execute("CREATE TABLE t (v BLOB)")
    with transaction(conn):
        conn.execute("INSERT INTO t VALUES (x'01')")
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for almost nothing
    with pytest.raises(DiskFull), transaction(conn):
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 1


def test_read_only_database_is_vault_read_only(conn: Connection) -> None:
    conn.execute("CREATE TABLE t (v TEXT)")
    conn.execute("PRAGMA query_only = ON")
    with pytest.raises(VaultReadOnly), transaction(conn):
        conn.execute("INSERT INTO t VALUES ('x')")


def test_file_holds_no_plaintext(db_path: Path, raw_key: bytes, tmp_path: Path) -> None:
    canary = "CANARY-plaintext-4c1d"
    conn = open_database(db_path, raw_key, create=True)
    conn.execute("CREATE TABLE t (v TEXT)")
    with transaction(conn):
        conn.executemany("INSERT INTO t VALUES (?)", [(canary,)] * 50)
    conn.close()
    assert canary.encode() not in db_path.read_bytes()
    assert b"SQLite format 3" not in db_path.read_bytes()[:16]
    # Control: the same rows in a plain SQLite file do show, so the check can fail.
    plain_path = tmp_path / "plain.db"
    plain = sqlite3.connect(plain_path)
    plain.execute("CREATE TABLE t (v TEXT)")
    plain.executemany("INSERT INTO t VALUES (?)", [(canary,)] * 50)
    plain.commit()
    plain.close()
    assert canary.encode() in plain_path.read_bytes()


def test_memory_security_stays_off_in_the_process(tmp_path: Path) -> None:
    # The setting is process-wide and sticky: once on, every later connection pays for
    # it. Check in a fresh interpreter that opening a vault never switches it on.
    code = (
        "import os, sys, pathlib, sqlcipher3.dbapi2 as d\n"
        "from brankas.core.storage.db import open_database\n"
        "before = d.connect(':memory:').execute('PRAGMA cipher_memory_security').fetchone()[0]\n"
        "c = open_database(pathlib.Path(sys.argv[1]), os.urandom(32), create=True)\n"
        "after = c.execute('PRAGMA cipher_memory_security').fetchone()[0]\n"
        "print(before, after)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "v.db")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["0", "0"]
