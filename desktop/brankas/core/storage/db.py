"""Open, check, rekey and transact on the SQLCipher database (vault.db)."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, NoReturn, Protocol

import sqlcipher3.dbapi2 as sqlcipher

from brankas.core.errors import (
    BrankasError,
    Conflict,
    DatabaseCorrupt,
    DiskFull,
    NotAVault,
    VaultReadOnly,
)

log = logging.getLogger(__name__)

# sqlcipher3 has no type hints: these protocols name the part of its DB-API the
# storage layer relies on. At run time a Connection is a sqlcipher3.dbapi2.Connection.


class Cursor(Protocol):
    """A sqlcipher3 cursor (rows are tuples)."""

    @property
    def lastrowid(self) -> int | None: ...
    @property
    def rowcount(self) -> int: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A sqlcipher3 connection opened by :func:`open_database`."""

    @property
    def in_transaction(self) -> bool: ...
    @property
    def total_changes(self) -> int: ...
    def execute(
        self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ..., /
    ) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...
    def set_trace_callback(self, callback: Callable[[str], object] | None, /) -> None: ...
    def interrupt(self) -> None: ...
    def close(self) -> None: ...


SqlError: Final[type[Exception]] = sqlcipher.Error

KEY_BYTES: Final = 32
_SQLITE_PERM: Final = 3
_SQLITE_READONLY: Final = 8
_SQLITE_CORRUPT: Final = 11
_SQLITE_FULL: Final = 13
_SQLITE_CANTOPEN: Final = 14
_SQLITE_NOTADB: Final = 26


def key_literal(raw_key: bytes) -> str:
    """The SQL literal for a raw 256-bit key: ``"x'<64 hex>'"``.

    A raw key makes SQLCipher skip its own PBKDF2 (the key is already derived by HKDF).
    The result holds the key: never log it or put it in a message.

    Raises:
        ValueError: the key is not exactly 32 bytes.
    """
    if not isinstance(raw_key, bytes | bytearray) or len(raw_key) != KEY_BYTES:
        raise ValueError("the database key must be 32 raw bytes")
    return f"\"x'{bytes(raw_key).hex()}'\""


def open_database(path: Path, raw_key: bytes, *, create: bool = False) -> Connection:
    """Open (or create) vault.db with its raw key and set the vault's pragmas.

    The connection is in autocommit mode: use :func:`transaction` for writes that must be
    atomic. It may be used from another thread (one at a time).

    Args:
        path: the database file.
        raw_key: the 32-byte SQLCipher key.
        create: create the file (owner-only) if it does not exist.

    Returns:
        An open, keyed connection with foreign keys on and a rollback journal.

    Raises:
        NotAVault: the file does not exist and ``create`` is false.
        DatabaseCorrupt: the key does not open the file, or the file is damaged/empty.
        VaultReadOnly: the file or its folder cannot be opened.
        ValueError: the key is not 32 bytes.
    """
    literal = key_literal(raw_key)
    if not path.exists():
        if not create:
            raise NotAVault(f"no database at {path}")
        _create_private_file(path)
    elif not create and path.is_file() and path.stat().st_size == 0:
        # SQLite would happily treat an empty file as a new database: a truncated vault
        # must not be silently re-initialised.
        raise DatabaseCorrupt(f"{path.name} is empty")
    try:
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    except SqlError as exc:
        raise _open_error(exc, path) from None
    try:
        # Before the key: SQLCipher's log would otherwise print "hmac check failed" lines
        # to stderr on a wrong key.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # Memory security stays OFF (SQLCipher's own default since 4.5), deliberately
        # deviating from DESIGN.md: with it ON every SQLite allocation is mlock()ed and
        # munlock()ed (measured with strace: ~68 syscall pairs per inserted account row),
        # which fragments the heap's mappings so that the whole process slows down the
        # longer it runs (50,000-account insert: 26 s instead of ~2 s). Its benefit — wiping
        # SQLite's freed buffers — is small next to the Python strings holding the same
        # values, which nothing can wipe; see docs/threat-model.md ("Out of scope").
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute(f"PRAGMA key = {literal}")
        # PRAGMA key only stores the key; the first read is what checks it.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # A rollback journal: crash safety and an atomic PRAGMA rekey (with WAL a copy of
        # vault.db alone could hold nothing).
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        if mode is None or str(mode[0]).lower() != "delete":
            raise DatabaseCorrupt(f"{path.name}: cannot use a rollback journal")
    except SqlError as exc:
        conn.close()
        # "from None": the chained exception could carry the PRAGMA key statement.
        raise _open_error(exc, path) from None
    except BaseException:
        conn.close()
        raise
    log.debug("opened %s", path.name)
    result: Connection = conn
    return result


def integrity_check(conn: Connection, *, structure: bool = True) -> list[str]:
    """Run SQLCipher's page HMAC check and (with ``structure``) SQLite's quick check.

    At every open only the HMAC check runs (~50 ms at 50,000 accounts): it catches any
    changed or damaged page. The structural quick check (~0.2 s more) runs in
    ``check`` and before every export.

    Returns:
        The problems found, one line each; an empty list means the database is sound.
    """
    problems: list[str] = []
    try:
        problems.extend(str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check"))
        if not structure:
            return problems
        quick = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except SqlError as exc:
        return [*problems, f"check failed: {exc}"]
    if quick != ["ok"]:
        problems.extend(quick)
    return problems


def rekey(conn: Connection, new_raw_key: bytes) -> None:
    """Re-encrypt the whole database under a new raw key (atomic, via the journal).

    Any trace callback on the connection is removed first, so that the statement that
    holds the key never reaches it.

    Raises:
        ValueError: the key is not 32 bytes.
        DiskFull, VaultReadOnly, DatabaseCorrupt: the rekey failed; the old key still works.
    """
    literal = key_literal(new_raw_key)
    if conn.in_transaction:
        raise RuntimeError("rekey inside a transaction")
    conn.set_trace_callback(None)
    try:
        conn.execute(f"PRAGMA rekey = {literal}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except SqlError as exc:
        err = translate_error(exc)
        raise (err if err is not exc else DatabaseCorrupt("rekey failed")) from None


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """Run the block atomically: BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception.

    Nested use becomes a SAVEPOINT, so repository functions that guard themselves can be
    combined into one larger transaction. SQLite errors leave as typed core errors
    (DiskFull, VaultReadOnly, DatabaseCorrupt, Conflict).
    """
    nested = conn.in_transaction
    try:
        conn.execute("SAVEPOINT brankas_sp" if nested else "BEGIN IMMEDIATE")
    except SqlError as exc:
        _raise_translated(exc)
    try:
        yield conn
    except SqlError as exc:
        _undo(conn, nested)
        _raise_translated(exc)
    except BaseException:
        _undo(conn, nested)
        raise
    try:
        conn.execute("RELEASE brankas_sp" if nested else "COMMIT")
    except SqlError as exc:
        _undo(conn, nested)
        _raise_translated(exc)


def translate_error(exc: Exception) -> Exception:
    """Map a SQLite error to the core error a user can act on (or return it unchanged).

    Constraint messages name tables and columns only, never values, so they may be kept.
    """
    code = int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc).lower()
    if code == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFull("no space left to write the vault")
    if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN) or "readonly" in text:
        return VaultReadOnly("the vault cannot be written")
    if code in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
        return DatabaseCorrupt("the vault database is damaged")
    if isinstance(exc, sqlcipher.IntegrityError):
        return Conflict(str(exc))
    return exc


def _raise_translated(exc: Exception) -> NoReturn:
    err = translate_error(exc)
    if err is exc:
        raise exc
    raise err from exc


def _undo(conn: Connection, nested: bool) -> None:
    # SQLite may already have rolled back (e.g. after SQLITE_FULL): then there is
    # nothing to undo, and ROLLBACK itself would fail.
    if not conn.in_transaction:
        return
    with contextlib.suppress(SqlError):
        if nested:
            conn.execute("ROLLBACK TO brankas_sp")
            conn.execute("RELEASE brankas_sp")
        else:
            conn.execute("ROLLBACK")


def _open_error(exc: Exception, path: Path) -> BrankasError:
    err = translate_error(exc)
    if isinstance(err, BrankasError) and not isinstance(err, Conflict):
        return err
    return DatabaseCorrupt(f"{path.name} cannot be opened with this key or is damaged")


def _create_private_file(path: Path) -> None:
    # An empty file is a valid new SQLite database; creating it ourselves makes it
    # owner-only from the first byte (SQLite gives its journal the same mode).
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except PermissionError as exc:
        raise VaultReadOnly(f"cannot create {path.name}") from exc
    except OSError as exc:
        raise VaultReadOnly(f"cannot create {path.name}: {exc.strerror}") from exc
    os.close(fd)
