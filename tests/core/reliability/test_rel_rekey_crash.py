"""Removing an operator (a full rekey) survives a crash at every step and at random moments."""

from __future__ import annotations

import hashlib
import random
import shutil
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rel_child import CRASH_POINTS, KILLED_EXIT
from rel_harness import Child, policy_fields

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.domain.enums import Platform, Role
from brankas.core.domain.models import Account, AccountSecrets
from brankas.core.errors import UnknownOperator, WrongPassword
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection
from brankas.core.storage.repos.account import add_accounts
from brankas.core.storage.repos.settings import set_setting
from brankas.core.vault import operators
from brankas.core.vault.vault import Vault

# SIGKILL and flock semantics: the Windows build is checked on its own CI runner.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process semantics")

ADMIN, ADMIN_PW = "Admin Satu", "kata sandi admin"
LEAVING, LEAVING_PW = "Operator Dua", "sandi operator dua"
STAYING, STAYING_PW = "Operator Tiga", "sandi operator tiga"
ACCOUNTS = 1000
RANDOM_TRIALS = 10

# Crash points after which the database is already under the new key: the next unlock
# must finish the removal. Before them, it must be as if nothing happened.
COMPLETED_AFTER = {
    "after_apply_to_database",
    "after_finish_transaction",
    "finish_first_copy",
    "after_finish",
    "after_backup_written",
}


@dataclass(frozen=True, slots=True)
class Template:
    folder: Path
    kit: str
    leaving_id: str
    digest: str


def _digest(conn: Connection) -> str:
    """A fingerprint of the user data a rekey must carry over unchanged."""
    h = hashlib.sha256()
    for sql in (
        "SELECT id, platform, handle FROM account ORDER BY id",
        "SELECT account_id, password, totp_secret, backup_codes, notes"
        " FROM account_secret ORDER BY account_id",
        "SELECT key, value FROM settings ORDER BY key",
    ):
        for row in conn.execute(sql):
            h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def _build(make_vault: Callable[..., tuple[Vault, str]]) -> Template:
    vault, kit = make_vault(admin=ADMIN, password=ADMIN_PW)
    leaving = operators.add_operator(vault, LEAVING, Secret(LEAVING_PW), Role.OPERATOR)
    operators.add_operator(vault, STAYING, Secret(STAYING_PW), Role.ADMIN)
    rng = random.Random(7)
    accounts = [
        Account(platform=Platform.FACEBOOK_PAGE, handle=f"panwascam-{i}") for i in range(ACCOUNTS)
    ]
    secrets = [
        AccountSecrets(
            account_id=0,
            password=Secret(f"pw-{i}-{rng.randrange(10**9)}"),
            notes=Secret("catatan " * rng.randint(0, 40)),
        )
        for i in range(ACCOUNTS)
    ]
    add_accounts(vault.conn, accounts, secrets)
    for i in range(50):
        set_setting(vault.conn, f"rekey-test/{i}", {"i": i})
    digest = _digest(vault.conn)
    folder = vault.folder
    vault.close(backup=False)
    return Template(folder, kit, leaving, digest)


def _remove(template: Template, folder: Path, policy: KdfPolicy, crash: str | None) -> Child:
    args: dict[str, Any] = {
        "folder": str(folder),
        "user": ADMIN,
        "password": ADMIN_PW,
        "policy": policy_fields(policy),
        "remove": LEAVING,
        "crash": crash,
    }
    return Child("remove-operator", args)


def _can_unlock(folder: Path, user: str, password: str, policy: KdfPolicy) -> bool:
    try:
        vault = Vault.unlock(folder, user, Secret(password), policy=policy)
    except (UnknownOperator, WrongPassword):
        return False
    vault.close(backup=False)
    return True


def _check_after_crash(template: Template, folder: Path, policy: KdfPolicy, why: str) -> bool:
    """Unlock as admin and check everything; returns whether the removal took effect."""
    vault = Vault.unlock(folder, ADMIN, Secret(ADMIN_PW), policy=policy)
    try:
        report = vault.check()
        assert report.ok, f"{why}: {report}"
        assert _digest(vault.conn) == template.digest, f"{why}: data changed"
        assert vault.table.pending is None, why
        in_table = template.leaving_id in {s.id for s in vault.table.operator_slots()}
        removed_at = vault.conn.execute(
            "SELECT removed_at FROM operator WHERE id = ?", (template.leaving_id,)
        ).fetchone()[0]
        assert (removed_at is None) == in_table, f"{why}: database and key table disagree"
        assert vault.table.epoch == (0 if in_table else 1), why
    finally:
        vault.close(backup=False)
    removed = not in_table
    assert _can_unlock(folder, LEAVING, LEAVING_PW, policy) is not removed, why
    assert _can_unlock(folder, STAYING, STAYING_PW, policy), why
    Vault.unlock_with_recovery(folder, template.kit, policy=policy).close(backup=False)
    return removed


def _finish_removal(template: Template, folder: Path, policy: KdfPolicy) -> None:
    """After a crash that left the operator in place, removing again must work."""
    vault = Vault.unlock(folder, ADMIN, Secret(ADMIN_PW), policy=policy)
    try:
        operators.remove_operator(vault, template.leaving_id)
        assert vault.check().ok
    finally:
        vault.close(backup=False)
    assert not _can_unlock(folder, LEAVING, LEAVING_PW, policy)


@pytest.mark.parametrize("crash", [*CRASH_POINTS, None])
def test_rel_remove_operator_survives_a_crash_at_each_step(
    crash: str | None, make_vault: Callable[..., tuple[Vault, str]], fast_policy: KdfPolicy
) -> None:
    template = _build(make_vault)
    child = _remove(template, template.folder, fast_policy, crash)
    status = child.finish()
    if crash is None:
        assert status == 0, child.stderr_text()
        assert any(line.startswith("removed") for line in child.lines)
    else:
        assert status == KILLED_EXIT, child.stderr_text()
        assert not any(line.startswith("removed") for line in child.lines)
    removed = _check_after_crash(template, template.folder, fast_policy, f"crash {crash}")
    assert removed == (crash is None or crash in COMPLETED_AFTER)
    if not removed:
        _finish_removal(template, template.folder, fast_policy)


def test_rel_remove_operator_survives_sigkill_at_random_moments(
    make_vault: Callable[..., tuple[Vault, str]], fast_policy: KdfPolicy, tmp_path: Path
) -> None:
    template = _build(make_vault)
    pristine = tmp_path / "pristine"
    shutil.copytree(template.folder, pristine)
    # How long one removal takes here, so that kills spread over all of it.
    timing = _remove(template, template.folder, fast_policy, None)
    assert timing.finish() == 0, timing.stderr_text()
    duration = float(timing.wait_for("removed").split()[1])
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    outcomes: list[bool] = []
    for trial in range(RANDOM_TRIALS):
        why = f"seed {seed}, trial {trial}"
        folder = tmp_path / f"trial-{trial}"
        shutil.copytree(pristine, folder)
        child = _remove(template, folder, fast_policy, None)
        child.wait_for("go")
        child.read_for(rng.uniform(0.0, duration * 1.2))
        status = child.kill()
        assert status in (-signal.SIGKILL, 0), f"{why}: {child.stderr_text()}"
        removed = _check_after_crash(template, folder, fast_policy, why)
        if status == 0 or any(line.startswith("removed") for line in child.lines):
            assert removed, f"{why}: the removal returned but did not last"
        if not removed:
            _finish_removal(template, folder, fast_policy)
        outcomes.append(removed)
        shutil.rmtree(folder)
    assert len(outcomes) == RANDOM_TRIALS
