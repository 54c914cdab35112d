"""Replay of an older vault.db warns; a full disk or a read-only folder gives a clear typed error
and loses nothing that was committed; a backup taken while writing restores whole."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rel_counts import count

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.domain.enums import Platform
from brankas.core.domain.models import Account, AccountSecrets
from brankas.core.errors import BrankasError, DiskFull, VaultReadOnly
from brankas.core.secret import Secret
from brankas.core.storage.db import integrity_check
from brankas.core.storage.repos.account import add_accounts
from brankas.core.vault import operators
from brankas.core.vault.opening import DB_NAME
from brankas.core.vault.restore import restore_backup
from brankas.core.vault.vault import Vault, VaultWarning

ADMIN, PASSWORD = "Admin Satu", "kata sandi admin"
posix_root = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="needs root (tmpfs / permission bypass)"
)


def _add(vault: Vault, tag: str, n: int) -> None:
    add_accounts(
        vault.conn,
        [Account(platform=Platform.INSTAGRAM, handle=f"{tag}-{i}") for i in range(n)],
        [AccountSecrets(account_id=0, password=Secret(f"{tag}-pw-{i}")) for i in range(n)],
    )


def _accounts(vault: Vault) -> int:
    return int(vault.conn.execute("SELECT count(*) FROM account").fetchone()[0])


def test_rel_replayed_older_database_is_flagged_stale_never_silently_current(
    make_vault: Callable[..., tuple[Vault, str]], fast_policy: KdfPolicy, tmp_path: Path
) -> None:
    vault, _ = make_vault(admin=ADMIN, password=PASSWORD)
    folder: Path = vault.folder
    _add(vault, "old", 10)
    vault.close(backup=False)
    old_db = tmp_path / "old.db"
    shutil.copy2(folder / DB_NAME, old_db)
    vault = Vault.unlock(folder, ADMIN, Secret(PASSWORD), policy=fast_policy)
    _add(vault, "new", 10)
    operators.bump_epoch(vault, "test: newer state")
    vault.close(backup=False)
    shutil.copy2(old_db, folder / DB_NAME)  # the attacker (or a sync tool) puts it back
    try:
        replayed = Vault.unlock(folder, ADMIN, Secret(PASSWORD), policy=fast_policy)
    except BrankasError:
        return  # refused outright: also never silently current
    try:
        assert VaultWarning.STALE_DATABASE in replayed.warnings
        assert _accounts(replayed) == 10
    finally:
        replayed.close(backup=False)


@contextlib.contextmanager
def _tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@posix_root
def test_rel_disk_full_is_a_clear_error_and_loses_nothing_committed(
    fast_policy: KdfPolicy, tmp_path: Path
) -> None:
    from brankas.core.domain.enums import OfficeKind
    from brankas_testing import fast_kdf

    rounds = count("diskfull_trials", 1)
    for r in range(rounds):
        with _tmpfs(tmp_path / f"small-{r}", "3m") as disk:
            vault, _ = Vault.create(
                disk / "vault",
                office_kind=OfficeKind.REGENCY,
                office_name="Bawaslu Kabupaten Buol",
                admin_name=ADMIN,
                admin_password=Secret(PASSWORD),
                kdf=fast_kdf(),
                policy=fast_policy,
            )
            committed = _accounts(vault)
            with pytest.raises(DiskFull):
                for i in range(10_000):
                    _add(vault, f"fill{i}", 200)
                    committed += 200
            # The failed transaction left nothing behind; the session still reads.
            assert _accounts(vault) == committed
            with contextlib.suppress(BrankasError):
                vault.close(backup=False)
            vault._lock.release()
            reopened = Vault.unlock(disk / "vault", ADMIN, Secret(PASSWORD), policy=fast_policy)
            try:
                assert integrity_check(reopened.conn) == []
                assert _accounts(reopened) == committed
            finally:
                with contextlib.suppress(BrankasError):
                    reopened.close(backup=False)


def test_rel_read_only_folder_is_a_clear_error(
    make_vault: Callable[..., tuple[Vault, str]], fast_policy: KdfPolicy, tmp_path: Path
) -> None:
    vault, _ = make_vault(admin=ADMIN, password=PASSWORD)
    folder: Path = vault.folder
    _add(vault, "ro", 5)
    vault.close(backup=False)
    # Root ignores mode bits, so a read-only bind mount simulates a read-only medium.
    if os.geteuid() == 0:
        ro = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
        ro.mkdir()
        ok = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(ro)],
                            capture_output=True, check=False)  # fmt: skip
        if ok.returncode != 0:
            pytest.skip("cannot bind-mount read-only here")
        target = ro
    else:
        os.chmod(folder, 0o500)
        target = folder
    try:
        with pytest.raises((VaultReadOnly, DiskFull)) as info:
            Vault.unlock(target, ADMIN, Secret(PASSWORD), policy=fast_policy)
        assert PASSWORD not in str(info.value)
    finally:
        if target != folder:
            subprocess.run(["umount", "-l", str(target)], check=False)
        else:
            os.chmod(folder, 0o700)
    again = Vault.unlock(folder, ADMIN, Secret(PASSWORD), policy=fast_policy)
    try:
        assert _accounts(again) == 5
    finally:
        again.close(backup=False)


def test_rel_backup_taken_between_writes_restores_whole(
    make_vault: Callable[..., tuple[Vault, str]], fast_policy: KdfPolicy
) -> None:
    vault, _ = make_vault(admin=ADMIN, password=PASSWORD)
    folder: Path = vault.folder
    rounds = count("backup_trials", 3)
    expected: dict[str, int] = {}
    for r in range(rounds):
        _add(vault, f"b{r}", 50)
        info = vault.backup(f"test round {r}")
        expected[info.name] = _accounts(vault)
        _add(vault, f"after{r}", 7)  # writes continue after the snapshot
    vault.close(backup=False)
    for name, want in expected.items():
        restored = restore_backup(folder, name, ADMIN, Secret(PASSWORD), policy=fast_policy)
        try:
            assert restored.check().ok
            assert integrity_check(restored.conn) == []
            assert _accounts(restored) == want
        finally:
            restored.close(backup=False)
