"""Full-count reliability trials (./reliability.sh); the normal suite runs small samples."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import test_rel_byteflip
import test_rel_crash
import test_rel_keys_crash
import test_rel_rekey_crash
import test_rel_replay_diskfull
from rel_counts import count

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.vault.vault import Vault

MakeVault = Callable[..., tuple[Vault, str]]


def test_long_sigkill_during_commits(
    make_vault: MakeVault, fast_policy: KdfPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(test_rel_crash, "TRIALS", count("commit_trials", 200))
    test_rel_crash.test_rel_sigkill_during_commits_loses_no_acknowledged_commit(
        make_vault, fast_policy
    )


def test_long_sigkill_during_key_table_writes(
    make_vault: MakeVault, fast_policy: KdfPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANKAS_REL_KEYS_TRIALS", str(count("keys_trials", 500)))
    test_rel_keys_crash.test_rel_sigkill_during_key_table_writes_always_unlocks(
        make_vault, fast_policy, monkeypatch
    )


def test_long_sigkill_during_rekey(
    make_vault: MakeVault,
    fast_policy: KdfPolicy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(test_rel_rekey_crash, "RANDOM_TRIALS", count("rekey_trials", 50))
    test_rel_rekey_crash.test_rel_remove_operator_survives_sigkill_at_random_moments(
        make_vault, fast_policy, tmp_path
    )


def test_long_byte_flips(
    make_vault: MakeVault, fast_policy: KdfPolicy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANKAS_REL_BYTEFLIP_TRIALS", str(count("byteflip_trials", 1000)))
    test_rel_byteflip.test_rel_every_flipped_byte_of_vault_db_is_refused_with_a_typed_error(
        make_vault, fast_policy, tmp_path
    )


def test_long_disk_full(
    fast_policy: KdfPolicy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANKAS_REL_DISKFULL_TRIALS", str(count("diskfull_trials", 10)))
    test_rel_replay_diskfull.test_rel_disk_full_is_a_clear_error_and_loses_nothing_committed(
        fast_policy, tmp_path
    )


def test_long_backups_between_writes(
    make_vault: MakeVault, fast_policy: KdfPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANKAS_REL_BACKUP_TRIALS", str(count("backup_trials", 20)))
    test_rel_replay_diskfull.test_rel_backup_taken_between_writes_restores_whole(
        make_vault, fast_policy
    )
