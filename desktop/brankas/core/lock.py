"""Single-writer lock for a vault folder (``vault.lock``): pid, host, time, stale takeover."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from brankas.core.errors import DiskFull, NotAVault, VaultInUse, VaultReadOnly
from brankas.core.fsutil import fsync_dir

log = logging.getLogger(__name__)

LOCK_NAME: Final = "vault.lock"
_MAX_LOCK_BYTES: Final = 4096
# The lock file is being (re)written by the process that holds it: look again soon.
_RETRIES: Final = 200
_RETRY_PAUSE_S: Final = 0.005
_OPEN_FLAGS: Final = (
    os.O_RDWR
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
)

if sys.platform == "win32":
    import ctypes
    import msvcrt

    # Locked bytes cannot be read by others on Windows, so lock one byte far past the
    # JSON; Windows allows locking beyond the end of a file.
    _WIN_LOCK_OFFSET: Final = 1 << 30

    def _try_lock(fd: int) -> bool | None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _pid_alive(pid: int) -> bool:
        if pid <= 0:
            return False
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)

else:
    import fcntl

    _NO_LOCKING: Final = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL}

    def _try_lock(fd: int) -> bool | None:
        # flock, not fcntl/lockf: its lock belongs to the open file, so a second open in
        # the same process conflicts too, and the kernel drops it when the process dies.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in _NO_LOCKING:
                return None  # e.g. some network file systems: fall back to pid checks
            raise
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

    def _pid_alive(pid: int) -> bool:
        if pid <= 0:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # exists, owned by someone else
        return True


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a vault lock, as written in ``vault.lock``."""

    pid: int
    host: str
    since: str
    app: str

    def to_json(self) -> bytes:
        """Return the lock file's content."""
        fields = {"pid": self.pid, "host": self.host, "since": self.since, "app": self.app}
        return json.dumps(fields, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> LockInfo | None:
        """Parse a lock file's content; None when it is empty or not a lock record."""
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(raw, dict):
            return None
        pid, host, since, app = raw.get("pid"), raw.get("host"), raw.get("since"), raw.get("app")
        if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
            return None
        if not (isinstance(host, str) and host and isinstance(since, str)):
            return None
        return cls(pid=pid, host=host, since=since, app=app if isinstance(app, str) else "")


class VaultLock:
    """An acquired ``vault.lock``; release it (or leave the ``with`` block) when done.

    On POSIX the lock file is also held with ``flock`` for the life of the lock, so a
    file whose ``flock`` can be taken has no live holder on this host. Where the file
    system refuses ``flock`` (some network shares), a record naming this host and a
    dead pid is stale. A record from another host is never taken over: that process
    cannot be checked from here.
    """

    __slots__ = ("_fd", "_info", "_path")

    def __init__(self, path: Path, fd: int, info: LockInfo) -> None:
        """Wrap an already-held lock; use :meth:`acquire` instead."""
        self._path = path
        self._fd: int | None = fd
        self._info = info

    @classmethod
    def acquire(cls, folder: Path, *, app: str = "brankas") -> VaultLock:
        """Take the vault folder's single-writer lock.

        Args:
            folder: the vault folder (must exist).
            app: recorded in the lock file, e.g. ``"brankas"`` or ``"brankas-cli"``.

        Returns:
            The held lock.

        Raises:
            VaultInUse: a live process (or one on another host) holds the lock.
            NotAVault: the folder does not exist.
            VaultReadOnly: the lock file cannot be created or written.
            DiskFull: no space to write the lock file.
        """
        path = folder / LOCK_NAME
        me = LockInfo(pid=os.getpid(), host=_host(), since=_now(), app=app)
        holder: LockInfo | None = None
        for _ in range(_RETRIES):
            opened = _open(path, folder)
            if opened is None:
                continue  # released between our two opens: try to create it again
            fd, created = opened
            owned = False
            try:
                got = _try_lock(fd)
                if not _same_file(fd, path):
                    continue  # released or replaced since we opened it
                if got is False:
                    holder = _read(fd)
                    if holder is not None and not _being_taken_over(holder):
                        raise _in_use(holder)
                    # Empty, garbage or a dead holder while someone holds the flock:
                    # the new holder has not finished writing its record yet.
                    time.sleep(_RETRY_PAUSE_S)
                    continue
                if not created:
                    holder = _read(fd)
                    if holder is not None and not _is_stale(holder, got):
                        raise _in_use(holder)
                    if holder is not None:
                        log.warning(
                            "taking over a stale vault lock (pid %s on %s since %s)",
                            holder.pid,
                            holder.host,
                            holder.since,
                        )
                owned = True
                _write(fd, me, folder)
                if created:
                    fsync_dir(folder)
                lock = cls(path, fd, me)
                fd = -1
                return lock
            except BaseException:
                if created and owned and fd >= 0:
                    # We made the file and cannot finish: do not leave a half-written lock.
                    with contextlib.suppress(OSError):
                        os.unlink(path)
                raise
            finally:
                if fd >= 0:
                    _unlock(fd)
                    os.close(fd)
        if holder is not None:
            raise _in_use(holder)
        raise VaultInUse("vault is open by another process", host="", pid=0, since="")

    @property
    def path(self) -> Path:
        """The lock file."""
        return self._path

    @property
    def info(self) -> LockInfo:
        """The record this lock wrote."""
        return self._info

    @property
    def held(self) -> bool:
        """True until :meth:`release`."""
        return self._fd is not None

    def release(self) -> None:
        """Give the lock up; remove ``vault.lock`` only if it is still ours. Idempotent."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if _same_file(fd, self._path) and _read(fd) == self._info:
                if sys.platform == "win32":
                    # An open file cannot be deleted on Windows, and deleting after
                    # closing could delete a successor's lock: leave an empty file,
                    # which reads as free.
                    os.ftruncate(fd, 0)
                else:
                    os.unlink(self._path)
            else:
                log.warning("vault lock file was replaced while held; leaving it alone")
        except OSError as exc:
            log.warning("could not remove the vault lock file: %s", exc.strerror)
        finally:
            _unlock(fd)
            os.close(fd)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def read_lock_info(folder: Path) -> LockInfo | None:
    """Return who the lock file names, without taking or checking the lock.

    Args:
        folder: the vault folder.

    Returns:
        The record, or None when there is no lock file or it is not a lock record.
    """
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDONLY | (_OPEN_FLAGS & ~os.O_RDWR))
    except OSError:
        return None
    try:
        return _read(fd)
    except OSError:
        return None
    finally:
        os.close(fd)


def _open(path: Path, folder: Path) -> tuple[int, bool] | None:
    """Open the lock file, creating it if absent; None if it vanished meanwhile."""
    try:
        return os.open(path, _OPEN_FLAGS | os.O_CREAT | os.O_EXCL, 0o600), True
    except FileExistsError:
        pass
    except OSError as exc:
        raise _translate(exc, folder) from exc
    try:
        return os.open(path, _OPEN_FLAGS), False
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _translate(exc, folder) from exc


def _same_file(fd: int, path: Path) -> bool:
    try:
        linked = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (linked.st_dev, linked.st_ino)


def _read(fd: int) -> LockInfo | None:
    os.lseek(fd, 0, os.SEEK_SET)
    return LockInfo.from_json(os.read(fd, _MAX_LOCK_BYTES))


def _write(fd: int, info: LockInfo, folder: Path) -> None:
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # a taken-over file may have been made with other modes
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        data = info.to_json()
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    except OSError as exc:
        raise _translate(exc, folder) from exc


def _is_stale(holder: LockInfo, got_flock: bool | None) -> bool:
    """Whether a lock record whose file we could lock (or could not try to) is dead."""
    if holder.host.casefold() != _host().casefold():
        return False
    if got_flock:
        return True
    return not _pid_alive(holder.pid)


def _being_taken_over(holder: LockInfo) -> bool:
    """A flock-held file still naming a dead local process is mid-takeover."""
    return holder.host.casefold() == _host().casefold() and not _pid_alive(holder.pid)


def _in_use(holder: LockInfo) -> VaultInUse:
    return VaultInUse(
        f"vault is open on {holder.host} by process {holder.pid} since {holder.since}",
        host=holder.host,
        pid=holder.pid,
        since=holder.since,
    )


def _translate(exc: OSError, folder: Path) -> Exception:
    if isinstance(exc, FileNotFoundError):
        return NotAVault(f"no vault folder at {folder}")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(f"no space left for the lock file in {folder}")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return VaultReadOnly(f"cannot write the lock file in {folder}")
    return exc


def _host() -> str:
    return socket.gethostname() or "localhost"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
