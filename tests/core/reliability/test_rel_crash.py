"""Crash safety: a writer SIGKILLed at random moments loses no acknowledged commit."""

from __future__ import annotations

import random
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rel_harness import Child, policy_fields

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection, integrity_check
from brankas.core.storage.repos.settings import all_settings
from brankas.core.vault.vault import Vault, VaultWarning

TRIALS = 24
# SIGKILL and flock semantics: the Windows build is checked on its own CI runner.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process semantics")

ADMIN, PASSWORD = "Admin Satu", "kata sandi admin"


def _verify(conn: Connection, trial: int, acked: list[int], why: str) -> int:
    """Every transaction of ``trial`` is all there or not there at all, and every
    acknowledged one is there. Returns the number of committed transactions."""
    prefix = f"crash/{trial}/"
    rows = {k[len(prefix) :]: v for k, v in all_settings(conn).items() if k.startswith(prefix)}
    last = int(rows.pop("last", 0))
    committed = sorted(int(k) for k in rows)
    assert committed == list(range(1, last + 1)), f"{why}: gaps or a stray row"
    assert set(acked) <= set(committed), f"{why}: acknowledged commits lost"
    # Sequential commits: at most the one in flight at the kill is unacknowledged.
    assert last - max(acked, default=0) in (0, 1), f"{why}: last={last}, acked up to {acked[-1:]}"
    accounts: dict[int, dict[str, str | None]] = {}
    for handle, password in conn.execute(
        "SELECT a.handle, s.password FROM account a"
        " LEFT JOIN account_secret s ON s.account_id = a.id WHERE a.handle LIKE ?",
        (f"crash-{trial}-%",),
    ):
        _, _, n, _ = handle.split("-")
        accounts.setdefault(int(n), {})[handle] = password
    assert set(accounts) <= set(committed), f"{why}: accounts of an uncommitted transaction"
    for n in committed:
        want = {f"crash-{trial}-{n}-{j}": f"pw-{trial}-{n}-{j}" for j in range(rows[str(n)]["k"])}
        assert accounts.get(n, {}) == want, f"{why}: transaction {n} is torn"
    return len(committed)


def test_rel_sigkill_during_commits_loses_no_acknowledged_commit(
    make_vault: Callable[..., tuple[Vault, str]], fast_policy: KdfPolicy
) -> None:
    vault, _ = make_vault(admin=ADMIN, password=PASSWORD)
    folder: Path = vault.folder
    vault.close(backup=False)
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    with_acks = 0
    for trial in range(1, TRIALS + 1):
        why = f"seed {seed}, trial {trial}"
        args: dict[str, Any] = {
            "folder": str(folder),
            "user": ADMIN,
            "password": PASSWORD,
            "policy": policy_fields(fast_policy),
            "trial": trial,
            "seed": rng.randrange(2**32),
            "max_commits": 20_000,  # far more than fit before the kill
        }
        child = Child("commit-loop", args)
        if rng.random() < 0.2:
            # Kill while it unlocks (key table, integrity check, audit "unlock" write).
            child.wait_for("unlocking")
            child.read_for(rng.uniform(0.0, 0.03))
        else:
            child.wait_for("ready")
            child.read_for(rng.uniform(0.0, 0.25))
        status = child.kill()
        assert status == -signal.SIGKILL, f"{why}: child ended by itself ({status})"
        acked = child.acked()
        with_acks += bool(acked)

        # The dead child's vault.lock is stale: unlock must take it over, not refuse.
        reopened = Vault.unlock(folder, ADMIN, Secret(PASSWORD), policy=fast_policy)
        try:
            assert integrity_check(reopened.conn) == [], why
            report = reopened.check()
            assert report.ok, f"{why}: {report}"
            assert VaultWarning.STALE_DATABASE not in reopened.warnings, why
            committed = _verify(reopened.conn, trial, acked, why)
            assert committed >= len(acked)
        finally:
            reopened.close(backup=False)
    # Honesty: most kills must land among commits, not before the first one.
    assert with_acks >= TRIALS // 2, f"seed {seed}: only {with_acks} trials had commits"
