"""SIGKILL while vault.keys is being rewritten (password changes): every vault still unlocks."""

from __future__ import annotations

import random
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import rel_harness
from rel_counts import count
from rel_harness import Child, policy_fields

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.errors import WrongPassword
from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process semantics")
ADMIN, PW_A, PW_B = "Admin Satu", "kata sandi admin", "kata sandi kedua"


def test_rel_sigkill_during_key_table_writes_always_unlocks(
    make_vault: Callable[..., tuple[Vault, str]],
    fast_policy: KdfPolicy,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trials = count("keys_trials", 12)
    monkeypatch.setattr(rel_harness, "CHILD", Path(__file__).with_name("rel_keys_child.py"))
    vault, _ = make_vault(admin=ADMIN, password=PW_A)
    folder: Path = vault.folder
    vault.close(backup=False)
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    current = "a"
    killed_mid = 0
    for trial in range(trials):
        why = f"seed {seed}, trial {trial}"
        args = {"folder": str(folder), "user": ADMIN, "a": PW_A, "b": PW_B,
                "start": current, "policy": policy_fields(fast_policy)}  # fmt: skip
        child = Child("keys", args)
        child.wait_for("ready")
        child.read_for(rng.uniform(0.0, 0.15))
        assert child.kill() == -signal.SIGKILL, why
        acks = [line.split() for line in child.lines if line.startswith("ack ")]
        last = acks[-1][2] if acks else current
        other = "b" if last == "a" else "a"
        # The acknowledged password must work, or (kill mid-write) the next one: never none.
        for name in (last, other):
            try:
                opened = Vault.unlock(folder, ADMIN, Secret(PW_A if name == "a" else PW_B),
                                      policy=fast_policy)  # fmt: skip
            except WrongPassword:
                continue
            killed_mid += name != last
            current = name
            opened.close(backup=False)
            break
        else:
            raise AssertionError(f"{why}: neither password unlocks")
    print(f"keys crash: {trials} trials, {killed_mid} ended on the in-flight password")
