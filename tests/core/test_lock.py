"""Tests for the vault folder's single-writer lock (vault.lock)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from brankas.core import lock as lock_module
from brankas.core.errors import DiskFull, NotAVault, VaultInUse
from brankas.core.lock import LOCK_NAME, LockInfo, VaultLock, read_lock_info

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals and modes")

# A child that takes the lock, says so, and holds it until its stdin says "release".
HOLDER = """
import sys
from pathlib import Path
from brankas.core.errors import VaultInUse
from brankas.core.lock import VaultLock
folder = Path(sys.argv[1])
sys.stdin.readline()  # "go"
try:
    lock = VaultLock.acquire(folder, app="child")
except VaultInUse as exc:
    print(f"lost {exc.pid} {exc.host}", flush=True)
    sys.exit(0)
print("won", flush=True)
sys.stdin.readline()  # "release"
lock.release()
"""


class Child:
    """A python child process running HOLDER against ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def answer(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def finish(self) -> int:
        """Tell the child to release (if it still listens), wait, and close the pipes."""
        stdin = self.proc.stdin
        if stdin is not None and not stdin.closed:
            with contextlib.suppress(BrokenPipeError):  # a loser has already exited
                stdin.write("release\n")
                stdin.flush()
            with contextlib.suppress(BrokenPipeError):
                stdin.close()
        code = self.proc.wait(timeout=30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        return code


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    vault = tmp_path / "vault"
    vault.mkdir()
    return vault


@pytest.fixture
def dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=30)
    return proc.pid


def _write_record(folder: Path, **fields: object) -> None:
    record = {"pid": 1, "host": socket.gethostname(), "since": "2024-01-01T00:00:00+00:00"}
    record.update(fields)
    (folder / LOCK_NAME).write_text(json.dumps(record), encoding="utf-8")


@pytest.fixture
def no_flock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the file system refuses flock, as some network shares do."""
    monkeypatch.setattr(lock_module, "_try_lock", lambda fd: None)


# --- acquire and release ----------------------------------------------------------------


def test_acquire_writes_a_private_record_and_release_removes_it(folder: Path) -> None:
    lock = VaultLock.acquire(folder, app="brankas-test")
    path = folder / LOCK_NAME
    assert lock.held
    assert lock.path == path
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["pid"] == os.getpid()
    assert record["host"] == socket.gethostname()
    assert record["app"] == "brankas-test"
    assert record["since"].endswith("+00:00")
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert (
        read_lock_info(folder)
        == lock.info
        == LockInfo(
            pid=os.getpid(), host=socket.gethostname(), since=record["since"], app="brankas-test"
        )
    )
    lock.release()
    assert not lock.held
    assert not path.exists()
    assert read_lock_info(folder) is None
    lock.release()  # idempotent


def test_context_manager_releases(folder: Path) -> None:
    with VaultLock.acquire(folder) as lock:
        assert lock.held
        assert (folder / LOCK_NAME).exists()
    assert not lock.held
    assert not (folder / LOCK_NAME).exists()


def test_context_manager_releases_on_error(folder: Path) -> None:
    with pytest.raises(RuntimeError), VaultLock.acquire(folder):
        raise RuntimeError("boom")
    VaultLock.acquire(folder).release()


def test_missing_folder_is_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVault):
        VaultLock.acquire(tmp_path / "nowhere")


def test_a_failed_write_leaves_no_lock_behind(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, info: LockInfo, where: Path) -> None:
        raise DiskFull("no space")

    monkeypatch.setattr(lock_module, "_write", full)
    with pytest.raises(DiskFull):
        VaultLock.acquire(folder)
    assert not (folder / LOCK_NAME).exists()
    monkeypatch.undo()
    VaultLock.acquire(folder).release()


def test_read_lock_info_of_garbage_is_none(folder: Path) -> None:
    (folder / LOCK_NAME).write_bytes(b"\x00\xffnot json")
    assert read_lock_info(folder) is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{}",
        b"[1, 2]",
        b'{"pid": "12", "host": "h", "since": ""}',
        b'{"pid": true, "host": "h", "since": ""}',
        b'{"pid": 0, "host": "h", "since": ""}',
        b'{"pid": 12, "host": "", "since": ""}',
        b'{"pid": 12, "host": "h"}',
    ],
)
def test_lock_info_rejects_what_is_not_a_record(content: bytes) -> None:
    assert LockInfo.from_json(content) is None


# --- held by a live process ------------------------------------------------------------


def test_second_acquire_in_the_same_process_is_refused(folder: Path) -> None:
    with VaultLock.acquire(folder) as first:
        with pytest.raises(VaultInUse) as info:
            VaultLock.acquire(folder)
        assert info.value.pid == os.getpid()
        assert info.value.host == socket.gethostname()
        assert info.value.since == first.info.since
        assert str(os.getpid()) in str(info.value)
        assert socket.gethostname() in str(info.value)
        # The failed attempt must not have disturbed the holder's file.
        assert read_lock_info(folder) == first.info
    with VaultLock.acquire(folder):
        pass


def test_a_child_process_is_refused_while_the_parent_holds_it(folder: Path) -> None:
    with VaultLock.acquire(folder):
        child = Child(folder)
        child.send("go")
        assert child.answer() == f"lost {os.getpid()} {socket.gethostname()}"
        assert child.finish() == 0


def test_the_parent_is_refused_while_a_child_holds_it(folder: Path) -> None:
    child = Child(folder)
    try:
        child.send("go")
        assert child.answer() == "won"
        held = read_lock_info(folder)
        assert held is not None
        assert (held.pid, held.app) == (child.pid, "child")
        with pytest.raises(VaultInUse) as info:
            VaultLock.acquire(folder)
        assert info.value.pid == child.pid
    finally:
        assert child.finish() == 0
    assert not (folder / LOCK_NAME).exists()
    VaultLock.acquire(folder).release()


# --- stale locks ------------------------------------------------------------------------


def test_a_stale_lock_with_a_dead_pid_is_taken_over(folder: Path, dead_pid: int) -> None:
    _write_record(folder, pid=dead_pid)
    with VaultLock.acquire(folder) as lock:
        assert read_lock_info(folder) == lock.info
        assert lock.info.pid == os.getpid()
    assert not (folder / LOCK_NAME).exists()


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage", b"{not json", b'{"pid": -5}'])
def test_a_garbage_lock_file_is_taken_over(folder: Path, content: bytes) -> None:
    (folder / LOCK_NAME).write_bytes(content)
    with VaultLock.acquire(folder) as lock:
        assert read_lock_info(folder) == lock.info


@posix_only
def test_a_taken_over_file_is_made_private(folder: Path, dead_pid: int) -> None:
    _write_record(folder, pid=dead_pid)
    os.chmod(folder / LOCK_NAME, 0o644)
    with VaultLock.acquire(folder):
        assert stat.S_IMODE((folder / LOCK_NAME).stat().st_mode) == 0o600


def test_a_lock_from_another_host_is_never_taken_over(folder: Path, dead_pid: int) -> None:
    _write_record(
        folder, pid=dead_pid, host="another-pc.example", since="2024-05-01T08:00:00+00:00"
    )
    with pytest.raises(VaultInUse) as info:
        VaultLock.acquire(folder)
    assert (info.value.host, info.value.pid) == ("another-pc.example", dead_pid)
    assert info.value.since == "2024-05-01T08:00:00+00:00"
    assert str(info.value) == (
        f"vault is open on another-pc.example by process {dead_pid} since 2024-05-01T08:00:00+00:00"
    )
    assert (folder / LOCK_NAME).exists()


@posix_only
def test_a_child_killed_while_holding_leaves_a_lock_the_parent_takes_over(folder: Path) -> None:
    child = Child(folder)
    child.send("go")
    assert child.answer() == "won"
    with pytest.raises(VaultInUse):
        VaultLock.acquire(folder)
    child.proc.send_signal(signal.SIGKILL)
    assert child.finish() == -signal.SIGKILL
    left = read_lock_info(folder)
    assert left is not None
    assert left.pid == child.pid  # the record survives the crash
    with VaultLock.acquire(folder) as lock:
        assert read_lock_info(folder) == lock.info
        assert lock.info.pid == os.getpid()


def test_without_flock_a_dead_local_pid_is_stale(
    folder: Path, dead_pid: int, no_flock: None
) -> None:
    _write_record(folder, pid=dead_pid)
    with VaultLock.acquire(folder) as lock:
        assert lock.info.pid == os.getpid()


def test_without_flock_a_live_local_pid_holds_the_lock(folder: Path, no_flock: None) -> None:
    _write_record(folder, pid=os.getppid())
    with pytest.raises(VaultInUse) as info:
        VaultLock.acquire(folder)
    assert info.value.pid == os.getppid()


def test_without_flock_the_same_process_is_refused(folder: Path, no_flock: None) -> None:
    with VaultLock.acquire(folder), pytest.raises(VaultInUse):
        VaultLock.acquire(folder)


def test_release_leaves_a_file_that_is_no_longer_ours(folder: Path) -> None:
    lock = VaultLock.acquire(folder)
    path = folder / LOCK_NAME
    # Someone (wrongly) replaced the file while we held it: it is theirs now.
    path.unlink()
    _write_record(folder, pid=12345, host="another-pc.example")
    lock.release()
    assert path.exists()
    info = read_lock_info(folder)
    assert info is not None
    assert info.host == "another-pc.example"


# --- races ------------------------------------------------------------------------------


@pytest.fixture
def children(folder: Path) -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        if child.proc.poll() is None:
            child.proc.kill()
        child.finish()


@pytest.mark.parametrize("stale", ["dead-pid", "garbage", "none"])
def test_processes_racing_for_the_lock_exactly_one_wins(
    folder: Path, dead_pid: int, children: list[Child], stale: str
) -> None:
    for _round in range(4):
        if stale == "dead-pid":
            _write_record(folder, pid=dead_pid)
        elif stale == "garbage":
            (folder / LOCK_NAME).write_bytes(b"garbage")
        racers = [Child(folder) for _ in range(4)]
        children.extend(racers)
        for racer in racers:
            racer.send("go")
        answers = {racer.pid: racer.answer() for racer in racers}
        winners = [pid for pid, answer in answers.items() if answer == "won"]
        assert len(winners) == 1, answers
        (winner,) = winners
        for pid, answer in answers.items():
            if pid != winner:
                assert answer == f"lost {winner} {socket.gethostname()}"
        held = read_lock_info(folder)
        assert held is not None
        assert held.pid == winner
        for racer in racers:
            assert racer.finish() == 0
        assert not (folder / LOCK_NAME).exists()


# Takes and releases the lock ``rounds`` times; while holding it, owns a marker file that
# only one process may hold (O_EXCL), so two holders at once is caught, not assumed.
CYCLER = """
import os, sys
from pathlib import Path
from brankas.core.errors import VaultInUse
from brankas.core.lock import VaultLock
folder, marker, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sys.stdin.readline()
done = contended = 0
while done < rounds:
    try:
        lock = VaultLock.acquire(folder)
    except VaultInUse:
        contended += 1
        continue
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        print("overlap", flush=True)
        sys.exit(1)
    os.close(fd)
    os.unlink(marker)
    lock.release()
    done += 1
print(f"ok {contended}", flush=True)
"""


def test_acquire_and_release_in_a_tight_loop_never_overlap(folder: Path) -> None:
    marker = folder.parent / "holder.marker"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CYCLER, str(folder), str(marker), "150"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    try:
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outputs = [proc.communicate(timeout=120)[0].strip() for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert all(out.startswith("ok ") for out in outputs), outputs
    assert not (folder / LOCK_NAME).exists()
