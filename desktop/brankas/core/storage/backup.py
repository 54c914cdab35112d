"""Encrypted copies of the open vault database, made with ``sqlcipher_export()``."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
from pathlib import Path

from brankas.core.errors import DiskFull, VaultReadOnly
from brankas.core.fsutil import fsync_dir
from brankas.core.storage.db import Connection, SqlError, key_literal, translate_error

log = logging.getLogger(__name__)

_ALIAS = "brankas_export"


def export_encrypted(conn: Connection, dest: Path, raw_key: bytes) -> None:
    """Write an encrypted, self-consistent copy of the database to ``dest``.

    Never a file copy: ``sqlcipher_export()`` writes every table, index and trigger into a
    new database keyed with ``raw_key`` (which may differ from the live key), in one
    transaction, so the copy is consistent even while the app runs. The copy is
    built under a temporary name in ``dest``'s folder, made owner-only, fsynced and then
    renamed over ``dest``; a failure leaves ``dest`` as it was.

    Any trace callback on ``conn`` is removed, so the statement carrying the key never
    reaches it.

    Args:
        conn: the open vault connection (not inside a transaction).
        dest: where the copy goes.
        raw_key: the 32-byte key for the copy.

    Raises:
        DiskFull: no space for the copy.
        VaultReadOnly: the destination folder cannot be written.
        ValueError: the key is not 32 bytes.
    """
    literal = key_literal(raw_key)
    if conn.in_transaction:
        raise RuntimeError("export inside a transaction")
    folder = dest.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    os.close(fd)  # mkstemp made it 0600 and empty: a valid new database
    tmp = Path(tmp_name)
    conn.set_trace_callback(None)
    try:
        _export(conn, tmp, literal[1:-1])
        _fsync_file(tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        with contextlib.suppress(OSError):
            Path(f"{tmp}-journal").unlink()
        if isinstance(exc, SqlError):
            err = translate_error(exc)
            raise (err if err is not exc else DiskFull("the backup could not be written")) from None
        if isinstance(exc, OSError):
            raise _os_error(exc, folder) from exc
        raise
    fsync_dir(folder)
    log.info("encrypted copy written to %s", dest.name)


def _export(conn: Connection, target: Path, key_text: str) -> None:
    # The KEY expression is bound as a parameter: "x'<hex>'" selects a raw key.
    conn.execute(f"ATTACH DATABASE ? AS {_ALIAS} KEY ?", (str(target), key_text))
    try:
        # One transaction: the copy is a single consistent snapshot of main.
        conn.execute("BEGIN")
        try:
            version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
            conn.execute(f"SELECT sqlcipher_export('{_ALIAS}')").fetchall()
            # sqlcipher_export copies schema and rows but not the header's user_version.
            conn.execute(f"PRAGMA {_ALIAS}.user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute(f"DETACH DATABASE {_ALIAS}")


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _os_error(exc: OSError, folder: Path) -> Exception:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(f"no space left while writing in {folder}")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return VaultReadOnly(f"cannot write in {folder}")
    return exc
