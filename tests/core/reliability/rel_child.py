"""Child processes for the reliability tests; each is killed (SIGKILL or os._exit) mid-work.

Run as a script: ``python rel_child.py <mode> <json args>``. The KDF policy always comes
from the parent as explicit fields, so the child uses exactly the test's weak policy.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import random
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brankas.core.audit import AuditKind
from brankas.core.crypto.kdf import KdfParams, KdfPolicy
from brankas.core.crypto.recovery import parse_recovery_key
from brankas.core.domain.enums import OfficeKind, Platform, RotationReason, TwoFactorMethod
from brankas.core.domain.models import Account, AccountSecrets, PasswordHistoryEntry, utc_now
from brankas.core.keys import table as key_table
from brankas.core.secret import Secret
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import secrets as secret_repo
from brankas.core.storage.repos import settings as settings_repo
from brankas.core.vault import backups, operators, rekey
from brankas.core.vault.opening import db_key
from brankas.core.vault.vault import Vault

KILLED_EXIT = 9  # what an injected crash exits with (os._exit: no cleanup, no flush)


def say(*words: object) -> None:
    """One line to the parent, flushed at once (the parent may kill us right after)."""
    print(*words, flush=True)


def policy_of(args: dict[str, Any]) -> KdfPolicy:
    return KdfPolicy(**args["policy"])


# --- 1. commits until killed ----------------------------------------------------------------


def commit_loop(args: dict[str, Any]) -> None:
    """Unlock, then commit transactions forever; print ``ack <n>`` after each COMMIT.

    Every transaction ``n`` writes settings ``crash/<trial>/<n>`` (naming how many accounts
    it added), ``k`` accounts with handles ``crash-<trial>-<n>-<j>`` and their passwords,
    and moves ``crash/<trial>/last`` to ``n``: the parent checks all of it or none of it.
    """
    trial = int(args["trial"])
    rng = random.Random(args["seed"])
    say("unlocking")
    vault = Vault.unlock(
        Path(args["folder"]), args["user"], Secret(args["password"]), policy=policy_of(args)
    )
    say("ready")
    for n in range(1, int(args["max_commits"]) + 1):
        roll = rng.random()
        k = 0 if roll < 0.55 else 1 if roll < 0.9 else 40
        pad = "x" * rng.randint(0, 6000)  # sometimes spills onto overflow pages
        with vault.write() as conn:
            settings_repo.set_setting(conn, f"crash/{trial}/{n}", {"k": k, "pad": pad})
            if k:
                accounts = [
                    Account(platform=Platform.INSTAGRAM, handle=f"crash-{trial}-{n}-{j}")
                    for j in range(k)
                ]
                account_repo.add_accounts(
                    conn,
                    accounts,
                    [
                        AccountSecrets(account_id=0, password=Secret(f"pw-{trial}-{n}-{j}"))
                        for j in range(k)
                    ],
                )
            settings_repo.set_setting(conn, f"crash/{trial}/last", n)
        say("ack", n)
    say("finished")  # not reached when the parent kills in time


# --- 2. remove an operator, crashing at a chosen step ---------------------------------------


def _exit_after(target: Any, name: str, *, on_call: int = 1, before: bool = False) -> None:
    """Replace ``target.name`` so that its ``on_call``-th call ends the process
    (before or after the real call), as a power cut would."""
    real: Callable[..., Any] = getattr(target, name)
    calls = 0

    def wrapper(*a: Any, **kw: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == on_call and before:
            os._exit(KILLED_EXIT)
        result = real(*a, **kw)
        if calls == on_call:
            os._exit(KILLED_EXIT)
        return result

    setattr(target, name, wrapper)


# Where the injected crashes happen, in the order remove_operator reaches them.
CRASH_POINTS: dict[str, Callable[[], None]] = {
    # Inside the "before-rekey" backup: a .partial folder is left behind.
    "before_backup_written": lambda: _exit_after(backups, "export_encrypted"),
    # rekey.begin wrote the pending table to the first copy only.
    "begin_first_copy": lambda: _exit_after(key_table, "atomic_write", on_call=1),
    "after_begin": lambda: _exit_after(rekey, "begin"),
    "after_apply_to_database": lambda: _exit_after(rekey, "apply_to_database"),
    # finish's DB transaction committed; neither key table copy rewritten yet.
    "after_finish_transaction": lambda: _exit_after(
        key_table, "atomic_write", on_call=3, before=True
    ),
    "finish_first_copy": lambda: _exit_after(key_table, "atomic_write", on_call=3),
    "after_finish": lambda: _exit_after(rekey, "finish"),
    # Inside the "after-rekey" backup.
    "after_backup_written": lambda: _exit_after(backups, "export_encrypted", on_call=2),
}


def remove_operator(args: dict[str, Any]) -> None:
    """Unlock as admin and remove ``args["remove"]``; crash at ``args["crash"]`` if given."""
    vault = Vault.unlock(
        Path(args["folder"]), args["user"], Secret(args["password"]), policy=policy_of(args)
    )
    target = next(o.id for o in operators.list_operators(vault) if o.name == args["remove"])
    crash = args.get("crash")
    if crash:
        CRASH_POINTS[crash]()
    say("go")
    start = time.perf_counter()
    operators.remove_operator(vault, target)
    say("removed", f"{time.perf_counter() - start:.6f}")
    vault.close(backup=False)
    say("closed")


# --- 3. a vault full of canaries ------------------------------------------------------------


def canary_vault(args: dict[str, Any]) -> None:
    """Create a vault holding the canaries from stdin, read them back, back up, lock, close.

    Prints one JSON line with what only this process knows: the recovery key, VK, the
    SQLCipher key and the recovery secret, so the parent can look for them on disk.
    """
    logging.basicConfig(filename=args["log_file"], level=logging.DEBUG, force=True)
    c = json.loads(sys.stdin.readline())
    folder = Path(args["folder"])
    policy = policy_of(args)
    kdf = KdfParams(**{**args["kdf"], "salt": os.urandom(16)})
    vault, kit = Vault.create(
        folder,
        office_kind=OfficeKind.REGENCY,
        office_name=c["office_name"],
        admin_name=c["admin_name"],
        admin_password=Secret(c["admin_password"]),
        kdf=kdf,
        policy=policy,
    )
    operators.add_operator(vault, c["operator_name"], Secret(c["operator_password"]))
    ids: list[int] = []
    for item in c["accounts"]:
        acc = account_repo.add_account(
            vault.conn,
            Account(
                platform=Platform.INSTAGRAM,
                handle=item["handle"],
                twofa_method=TwoFactorMethod.TOTP,
            ),
        )
        secret_repo.set_secrets(
            vault.conn,
            AccountSecrets(
                account_id=acc.id,
                password=Secret(item["password"]),
                totp_secret=Secret(item["totp"]),
                backup_codes=Secret(item["backup_codes"]),
                notes=Secret(item["notes"]),
            ),
        )
        secret_repo.append_password_history(
            vault.conn,
            PasswordHistoryEntry(
                account_id=acc.id,
                password=Secret(item["old_password"]),
                changed_at=utc_now(),
                reason=RotationReason.ROUTINE,
            ),
        )
        ids.append(acc.id)
    _read_back(vault, ids, c)
    # The rollback journal holds the old pages while a transaction runs, then is deleted:
    # keep a copy of it (with the secrets' pages in it) for the parent to scan. The
    # transaction is rolled back, so the read-back below still finds the canaries.
    with contextlib.suppress(_Rollback), vault.write() as conn:
        for account_id in ids:
            old = secret_repo.get_secrets(conn, account_id)
            secret_repo.set_secrets(conn, dataclasses.replace(old, notes=Secret("diganti")))
        shutil.copyfile(folder / "vault.db-journal", Path(args["journal_copy"]))
        raise _Rollback
    vk = vault.vault_key()
    vault.backup("canary")
    lock = vault.lock()
    # Unlock again as the second operator (a second key slot, the same VK), read back again.
    again = Vault.unlock(
        folder, c["operator_name"], Secret(c["operator_password"]), policy=policy, lock=lock
    )
    _read_back(again, ids, c)
    again.close()  # backs up on close, as the app does
    logging.shutdown()
    say(
        json.dumps(
            {
                "recovery_key": kit,
                "recovery_secret": parse_recovery_key(kit).hex(),
                "vk": vk.hex(),
                "db_key": db_key(vk).hex(),
            }
        )
    )


class _Rollback(Exception):
    """Leaves a transaction without committing it."""


def _read_back(vault: Vault, ids: list[int], c: dict[str, Any]) -> None:
    for account_id, item in zip(ids, c["accounts"], strict=True):
        got = secret_repo.get_secrets(vault.conn, account_id)
        assert got.password is not None and got.password.reveal() == item["password"]
        assert got.totp_secret is not None and got.totp_secret.reveal() == item["totp"]
        assert got.notes is not None and got.notes.reveal() == item["notes"]
        history = secret_repo.list_password_history(vault.conn, account_id)
        assert [h.password.reveal() for h in history] == [item["old_password"]]
        vault.record(AuditKind.REVEAL, target=f"account:{account_id}")


MODES: dict[str, Callable[[dict[str, Any]], None]] = {
    "commit-loop": commit_loop,
    "remove-operator": remove_operator,
    "canary": canary_vault,
}

if __name__ == "__main__":
    MODES[sys.argv[1]](json.loads(sys.argv[2]))
