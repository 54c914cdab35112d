"""Atomic, owner-only file writes (temp file, chmod before data, fsync, rename)."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from brankas.core.errors import DiskFull, VaultReadOnly

_OWNER_ONLY = 0o600


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    Raises:
        DiskFull: the disk (or quota) is full; the old file is untouched.
        VaultReadOnly: the folder cannot be written.
    """
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except PermissionError as exc:
        raise VaultReadOnly(f"cannot write in {folder}") from exc
    except OSError as exc:
        raise _translate(exc, folder) from exc
    try:
        if hasattr(os, "fchmod"):  # POSIX; Windows Python < 3.13 has no fchmod
            os.fchmod(fd, _OWNER_ONLY)
        else:
            os.chmod(tmp, _OWNER_ONLY)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _translate(exc, folder) from exc
        raise
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)


def _translate(exc: OSError, folder: Path) -> Exception:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(f"no space left while writing in {folder}")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return VaultReadOnly(f"cannot write in {folder}")
    return exc
