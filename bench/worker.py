"""One benchmark task in its own process (``python -m bench.worker <task> <json>``).

Each task prints one JSON line: timings in seconds and the peak resident memory of the
measured part. On Linux the peak is reset (``/proc/self/clear_refs``) just before the
measured part, so set-up work (e.g. the Argon2 of an unlock before a backup) is not
counted; elsewhere it is the whole process's peak (``ru_maxrss``).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench.synthetic import add_synthetic_places, synthetic_accounts
from brankas.cli.stats import peak_rss_kib, reset_peak_rss, total_peak_rss_kib
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, calibrate, derive_key, new_salt
from brankas.core.domain.enums import OfficeKind, Role
from brankas.core.keys.slots import username_tag
from brankas.core.keys.table import read_copies
from brankas.core.lock import VaultLock
from brankas.core.secret import Secret
from brankas.core.storage.db import (
    Connection,
    integrity_check,
    open_database,
)
from brankas.core.storage.repos.account import add_accounts
from brankas.core.vault import operators
from brankas.core.vault.opening import DB_NAME, db_key, open_table, operator_opener
from brankas.core.vault.reopen import open_database_for
from brankas.core.vault.vault import Vault

Args = dict[str, Any]


reset_peak = reset_peak_rss  # Linux; False where the peak cannot be reset


def peak_rss_mib() -> float:
    """Peak resident memory since the last reset (or since start), in MiB."""
    return (peak_rss_kib() or total_peak_rss_kib() or 0) / 1024


def clock(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _rows(conn: Connection, sql: str) -> list[Any]:
    return list(conn.execute(sql))


def _unlock(a: Args) -> Vault:
    return Vault.unlock(Path(a["folder"]), a["admin"], Secret(a["password"]))


def task_calibrate(a: Args) -> Args:
    """Calibrate the production KDF on this PC, then time it alone."""
    reset_peak()
    start = time.perf_counter()
    params = calibrate(PRODUCTION_POLICY)
    calibrate_s = time.perf_counter() - start
    probe = Secret("kata sandi untuk mengukur")
    kdf_s = [clock(lambda: derive_key(probe, params)) for _ in range(a["repeats"])]
    return {
        "memory_kib": params.memory_kib,
        "time_cost": params.time_cost,
        "parallelism": params.parallelism,
        "describe": params.describe(),
        "calibrate_s": calibrate_s,
        "kdf_s": kdf_s,
        "rss_mib": peak_rss_mib(),
    }


def task_create(a: Args) -> Args:
    """Create a vault (production KDF), add operators to remove later, insert N accounts."""
    folder = Path(a["folder"])
    kdf = KdfParams(
        a["kdf"]["memory_kib"], a["kdf"]["time_cost"], a["kdf"]["parallelism"], new_salt()
    )
    start = time.perf_counter()
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Contoh",
        admin_name=a["admin"],
        admin_password=Secret(a["password"]),
        kdf=kdf,
    )
    create_s = time.perf_counter() - start
    for i in range(a["repeats"]):
        operators.add_operator(
            vault, f"Operator Bench {i + 1}", Secret(f"sandi {i}"), Role.OPERATOR
        )
    kec_ids, term_id = add_synthetic_places(vault.conn, a["kecamatan"])
    reset_peak()
    start = time.perf_counter()
    accounts, secrets = synthetic_accounts(a["size"], kec_ids, term_id)
    generate_s = time.perf_counter() - start
    insert_s = clock(lambda: add_accounts(vault.conn, accounts, secrets))
    rss = peak_rss_mib()
    count = vault.conn.execute("SELECT count(*) FROM account_secret").fetchone()[0]
    vault.close(backup=False)
    return {
        "create_s": create_s,
        "generate_s": generate_s,
        "insert_s": insert_s,
        "insert_rss_mib": rss,
        "accounts_with_secrets": count,
        "db_bytes": (folder / DB_NAME).stat().st_size,
    }


def task_unlock(a: Args) -> Args:
    """Full unlocks, the KDF alone, and the database open with and without its checks."""
    folder = Path(a["folder"])
    password = Secret(a["password"])
    reset_peak()
    unlock_s = []
    for _ in range(a["repeats"]):
        start = time.perf_counter()
        vault = _unlock(a)
        unlock_s.append(time.perf_counter() - start)
        vault.close(backup=False)
    unlock_rss = peak_rss_mib()

    copies, _errors = read_copies(folder, PRODUCTION_POLICY)
    tag = username_tag(copies[0].table.vault_id, a["admin"])
    slot = next(s for s in copies[0].table.operator_slots() if s.tag == tag)
    kdf_s = [clock(lambda: derive_key(password, slot.kdf)) for _ in range(a["repeats"])]

    open_s, integrity_s, after_kdf_s = [], [], []
    with VaultLock.acquire(folder, app="brankas-bench"):
        opened = open_table(
            folder, PRODUCTION_POLICY, operator_opener(a["admin"], password, PRODUCTION_POLICY)
        )
        reset_peak()
        for _ in range(a["repeats"]):
            start = time.perf_counter()
            conn = open_database(folder / DB_NAME, db_key(opened.vk))
            open_s.append(time.perf_counter() - start)
            start = time.perf_counter()
            problems = integrity_check(conn, structure=False)  # what every open runs
            integrity_s.append(time.perf_counter() - start)
            conn.close()
            if problems:
                raise SystemExit(f"integrity check failed: {problems[:3]}")
        open_rss = peak_rss_mib()
        # The page-HMAC check runs at open; the b-tree walk (quick_check) in check/export.
        conn = open_database(folder / DB_NAME, db_key(opened.vk))
        cipher_check_s, quick_check_s = [], []
        for _ in range(a["repeats"]):
            cipher_check_s.append(clock(partial(_rows, conn, "PRAGMA cipher_integrity_check")))
            quick_check_s.append(clock(partial(_rows, conn, "PRAGMA quick_check")))
        conn.close()
        for _ in range(a["repeats"]):
            start = time.perf_counter()
            state = open_database_for(folder, opened)
            after_kdf_s.append(time.perf_counter() - start)
            state.conn.close()
    return {
        "unlock_s": unlock_s,
        "unlock_rss_mib": unlock_rss,
        "kdf_s": kdf_s,
        "open_s": open_s,
        "integrity_s": integrity_s,
        "open_integrity_s": [o + i for o, i in zip(open_s, integrity_s, strict=True)],
        "open_rss_mib": open_rss,
        "cipher_integrity_check_s": cipher_check_s,
        "quick_check_s": quick_check_s,
        "unlock_after_kdf_s": after_kdf_s,
    }


def task_backup(a: Args) -> Args:
    """Encrypted backups of the open vault."""
    vault = _unlock(a)
    reset_peak()
    backup_s = [clock(lambda: vault.backup("bench")) for _ in range(a["repeats"])]
    rss = peak_rss_mib()
    vault.close(backup=False)
    return {"backup_s": backup_s, "backup_rss_mib": rss}


def _mark(marks: list[tuple[str, float]], label: str, i: int, _n: int) -> None:
    marks.append((f"{i}:{label}", time.perf_counter()))


def task_remove(a: Args) -> Args:
    """Remove operators one by one; each removal is a full rekey with two backups."""
    vault = _unlock(a)
    targets = [o.id for o in operators.list_operators(vault) if o.name.startswith("Operator Bench")]
    reset_peak()
    remove_s, steps = [], []
    for target in targets[: a["repeats"]]:
        marks: list[tuple[str, float]] = []
        start = time.perf_counter()
        operators.remove_operator(
            vault,
            target,
            progress=partial(_mark, marks),
        )
        end = time.perf_counter()
        remove_s.append(end - start)
        # Each progress mark starts a step; the last step runs to the end.
        times = [t for _, t in marks] + [end]
        steps.append({label: times[k + 1] - times[k] for k, (label, _) in enumerate(marks)})
    rss = peak_rss_mib()
    ok = vault.check().ok
    vault.close(backup=False)
    if not ok:
        raise SystemExit("the vault failed its check after the removals")
    return {"remove_s": remove_s, "remove_steps_s": steps, "remove_rss_mib": rss}


TASKS: dict[str, Callable[[Args], Args]] = {
    "calibrate": task_calibrate,
    "create": task_create,
    "unlock": task_unlock,
    "backup": task_backup,
    "remove": task_remove,
}

if __name__ == "__main__":
    result = TASKS[sys.argv[1]](json.loads(sys.argv[2]))
    print(json.dumps(result), flush=True)
