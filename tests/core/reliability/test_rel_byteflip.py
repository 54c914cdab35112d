"""A damaged vault.db is detected at open with a typed error: one flipped byte anywhere."""

from __future__ import annotations

import collections
import random
import shutil
from collections.abc import Callable
from pathlib import Path

from rel_counts import count

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.domain.enums import Platform
from brankas.core.domain.models import Account, AccountSecrets
from brankas.core.errors import BrankasError
from brankas.core.secret import Secret
from brankas.core.storage.repos.account import add_accounts
from brankas.core.vault.opening import DB_NAME
from brankas.core.vault.vault import Vault

ADMIN, PASSWORD = "Admin Satu", "kata sandi admin"


def test_rel_every_flipped_byte_of_vault_db_is_refused_with_a_typed_error(
    make_vault: Callable[..., tuple[Vault, str]], fast_policy: KdfPolicy, tmp_path: Path
) -> None:
    trials = count("byteflip_trials", 40)
    vault, _ = make_vault(admin=ADMIN, password=PASSWORD)
    add_accounts(
        vault.conn,
        [Account(platform=Platform.INSTAGRAM, handle=f"flip-{i}") for i in range(300)],
        [AccountSecrets(account_id=0, password=Secret(f"pw-{i}")) for i in range(300)],
    )
    folder: Path = vault.folder
    vault.close(backup=False)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    good = (folder / DB_NAME).read_bytes()
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    kinds: collections.Counter[str] = collections.Counter()
    work = tmp_path / "flip"
    for trial in range(trials):
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(folder, work)
        damaged = bytearray(good)
        # Half the trials in page 1 (salt, header, schema), the rest anywhere.
        pos = rng.randrange(4096 if trial % 2 == 0 else len(damaged))
        damaged[pos] ^= 1 << rng.randrange(8)
        (work / DB_NAME).write_bytes(bytes(damaged))
        try:
            opened = Vault.unlock(work, ADMIN, Secret(PASSWORD), policy=fast_policy)
        except BrankasError as exc:
            kinds[type(exc).__name__] += 1
            continue
        opened.close(backup=False)
        raise AssertionError(f"seed {seed}, trial {trial}: flip at byte {pos} not detected")
    assert sum(kinds.values()) == trials
    print(f"byte flips: {trials} trials, errors {dict(kinds)}")
