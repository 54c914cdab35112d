"""``python -m bench.domain_bench``: time the read side (snapshot, status, matrix, search, rules).

Builds (or reuses, with ``--keep``) a vault of plainly fake data — by default 50,000
accounts over 7,300 kecamatan in one ended Pilkada term, in mixed states: planned,
active and still held after the term end, returned with and without a password change,
deactivated and retained with their checklists, some recovery links personal, half the
BASTs scanned — then prints: figure, target, measured, pass/fail.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.synthetic import add_synthetic_places, synthetic_accounts
from bench.worker import peak_rss_mib, reset_peak
from brankas.core.crypto.kdf import KdfParams, new_salt
from brankas.core.domain.checklists import default_steps
from brankas.core.domain.enums import (
    AccountStatus,
    Election,
    HandoverKind,
    LifecycleKind,
    OfficeKind,
    Owner,
    Platform,
)
from brankas.core.domain.models import Account, Attachment, ChecklistItem, Handover, HandoverItem
from brankas.core.review._memory import many_objects
from brankas.core.review.facts import prepare
from brankas.core.review.load import load_snapshot
from brankas.core.review.matrix import completeness_matrix
from brankas.core.review.rules import review
from brankas.core.review.search import SearchIndex
from brankas.core.review.snapshot import Snapshot, from_json, to_json
from brankas.core.review.status import term_end_status
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos import attachment, checklist, handover, term
from brankas.core.storage.repos.account import add_accounts
from brankas.core.vault.vault import Vault

ADMIN, PASSWORD = "Admin Bench", "kata sandi bench domain yang panjang"
TERM_START, TERM_END, EXTENDED_END = date(2024, 5, 1), date(2025, 1, 27), date(2025, 2, 28)
TODAY = date(2025, 2, 20)  # after the term end; the extended kecamatan are "due soon"
TYPED = ("contoh 12", "ketua", "instagram 0042", "gmail")  # typed one key at a time


def _say(text: str) -> None:
    print(f"[domain-bench] {text}", file=sys.stderr, flush=True)


def _at(d: date, hour: int = 9) -> datetime:
    return datetime(d.year, d.month, d.day, hour, tzinfo=UTC)


# --- data ------------------------------------------------------------------------------
def _state(rng: random.Random) -> AccountStatus:
    roll = rng.random()
    for share, status in (
        (0.08, AccountStatus.PLANNED),
        (0.43, AccountStatus.ACTIVE),
        (0.68, AccountStatus.RETURNED),
        (0.88, AccountStatus.DEACTIVATED),
    ):
        if roll < share:
            return status
    return AccountStatus.RETAINED


def generate(conn: Connection, n_accounts: int, n_kecamatan: int, seed: int = 7) -> None:
    """Fill a fresh vault: people, accounts in mixed states, custody, handovers, checklists."""
    rng = random.Random(seed)
    kec_ids, term_id = add_synthetic_places(conn, n_kecamatan)
    t = term.get_term(conn, term_id)
    term.update_term(
        conn,
        dataclasses.replace(
            t,
            name="Pilkada 2024 (contoh)",
            election=Election.PILKADA,
            start_date=TERM_START,
            end_date=TERM_END,
        ),
    )
    accounts, secrets = synthetic_accounts(n_accounts, kec_ids, term_id)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO term_kecamatan (term_id, kecamatan_id, end_date) VALUES (?, ?, ?)",
            [
                (term_id, k, EXTENDED_END.isoformat() if n % 20 == 0 else None)
                for n, k in enumerate(kec_ids)
            ],
        )
        official = conn.execute(
            "INSERT INTO person (name, role) VALUES ('Pejabat Contoh', 'official')"
        ).lastrowid
        first = int(conn.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0]) + 1
        people = []
        ketua: dict[int, int] = {}
        for n, k in enumerate(kec_ids):
            ketua[k] = first + 3 * n
            for j, role in enumerate(("ketua", "anggota", "anggota")):
                people.append(
                    (first + 3 * n + j, f"{role.title()} Contoh {k}-{j}", role, k, term_id)
                )
        conn.executemany(
            "INSERT INTO person (id, name, role, kecamatan_id, term_id) VALUES (?, ?, ?, ?, ?)",
            people,
        )
        states = [_state(rng) for _ in accounts]
        shaped: list[Account] = []
        for a, status in zip(accounts, states, strict=True):
            personal = rng.random() < 0.1
            shaped.append(
                dataclasses.replace(
                    a,
                    status=status,
                    lifecycle_kind=(
                        LifecycleKind.PERMANENT
                        if status is AccountStatus.RETAINED
                        else LifecycleKind.AD_HOC
                    ),
                    active_from=TERM_START,
                    active_until=TERM_END,
                    activated_at=None if status is AccountStatus.PLANNED else _at(TERM_START),
                    recovery_email=(
                        f"anggota{a.kecamatan_id}@gmail.com" if personal else a.recovery_email
                    ),
                    recovery_email_owner=Owner.PERSON if personal else Owner.OFFICE,
                )
            )
        ids = add_accounts(conn, shaped, secrets)
        _handovers(conn, rng, ids, shaped, ketua, official, term_id)


def _handovers(
    conn: Connection,
    rng: random.Random,
    ids: list[int],
    accounts: list[Account],
    ketua: dict[int, int],
    official: int,
    term_id: int,
) -> None:
    issued: dict[int, list[int]] = {}
    returned: dict[int, list[int]] = {}
    rotated: set[int] = set()
    for aid, a in zip(ids, accounts, strict=True):
        assert a.kecamatan_id is not None
        if a.status is AccountStatus.PLANNED:
            continue
        issued.setdefault(a.kecamatan_id, []).append(aid)
        if a.status is not AccountStatus.ACTIVE:
            returned.setdefault(a.kecamatan_id, []).append(aid)
            if a.status is not AccountStatus.RETURNED or rng.random() < 0.5:
                rotated.add(aid)
    issue_ids: dict[int, int] = {}
    return_ids: dict[int, int] = {}
    seq = 0
    for kinds, groups, day, out in (
        (HandoverKind.ISSUE, issued, TERM_START, issue_ids),
        (HandoverKind.RETURN, returned, TERM_END, return_ids),
    ):
        for kid, members in groups.items():
            seq += 1
            parties = (
                (official, ketua[kid]) if kinds is HandoverKind.ISSUE else (ketua[kid], official)
            )
            h = handover.add_handover(
                conn,
                Handover(
                    number=f"BAST/{seq}/BENCH/{day.month}/{day.year}",
                    kind=kinds,
                    date=day,
                    term_id=term_id,
                    first_party_person_id=parties[0],
                    second_party_person_id=parties[1],
                    items=tuple(
                        HandoverItem(
                            account_id=aid,
                            password_changed_at=(
                                _at(day, 12)
                                if kinds is HandoverKind.RETURN and aid in rotated
                                else None
                            ),
                        )
                        for aid in members
                    ),
                ),
            )
            out[kid] = h.id
            if seq % 2 == 0:
                attachment.add_attachment(
                    conn,
                    Attachment(
                        owner_kind="handover",
                        owner_id=h.id,
                        filename="bast.pdf",
                        mime="application/pdf",
                        sha256="",
                        size=0,
                    ),
                    b"%PDF-1.4 contoh",
                )
    custody: list[tuple[Any, ...]] = []
    history: list[tuple[Any, ...]] = []
    items: list[ChecklistItem] = []
    status_of = dict(zip(ids, (a.status for a in accounts), strict=True))
    platform_of = dict(zip(ids, (a.platform for a in accounts), strict=True))
    steps = {p: default_steps(p, LifecycleKind.AD_HOC) for p in Platform}
    for kid, members in issued.items():
        back = set(returned.get(kid, ()))
        for aid in members:
            until = _at(TERM_END) if aid in back else None
            custody.append(
                (
                    aid,
                    ketua[kid],
                    _at(TERM_START).isoformat(),
                    until and until.isoformat(),
                    issue_ids[kid],
                )
            )
            if aid in back:
                custody.append((aid, None, _at(TERM_END).isoformat(), None, return_ids[kid]))
                if aid in rotated:
                    history.append(
                        (aid, "sandi-lama-contoh", _at(TERM_END, 13).isoformat(), None, "handover")
                    )
                done = status_of[aid] is not AccountStatus.RETURNED
                for n, step in enumerate(steps[platform_of[aid]]):
                    tick = done or n < 2
                    items.append(
                        ChecklistItem(
                            account_id=aid,
                            step_key=step.step_key,
                            position=n,
                            text_id=step.text_id,
                            text_en=step.text_en,
                            done_at=_at(TERM_END + timedelta(days=3)) if tick else None,
                        )
                    )
    conn.executemany(
        "INSERT INTO custody (account_id, holder_person_id, from_at, until_at, handover_id)"
        " VALUES (?, ?, ?, ?, ?)",
        custody,
    )
    conn.executemany(
        "INSERT INTO password_history (account_id, password, changed_at,"
        " changed_by_operator_id, reason) VALUES (?, ?, ?, ?, ?)",
        history,
    )
    checklist.add_checklist_items(conn, items)


# --- measuring -------------------------------------------------------------------------
def timed(fn: Callable[[], object], repeats: int) -> tuple[list[float], object]:
    """Wall-clock seconds of ``repeats`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def _fresh(snapshot: Snapshot) -> Snapshot:
    """The snapshot with its derived indexes dropped, so a figure includes building them."""
    snapshot._cache.clear()
    return snapshot


def keystrokes(words: tuple[str, ...]) -> list[str]:
    """The query text after each key press: typing each phrase, then erasing it."""
    texts: list[str] = []
    for phrase in words:
        texts += [phrase[:n] for n in range(1, len(phrase) + 1)]
        texts += [phrase[:n] for n in range(len(phrase) - 1, 0, -1)]
    return texts


# What load_snapshot reads, fetched without building records: the floor of any load.
FETCH_ONLY = (
    "SELECT * FROM account",
    "SELECT account_id, coalesce(password, '') <> '', coalesce(totp_secret, '') <> ''"
    " FROM account_secret",
    "SELECT account_id, changed_at FROM password_history",
    "SELECT id, account_id, holder_person_id, from_at, until_at, handover_id FROM custody",
    "SELECT id, text_id, text_en FROM checklist_text",
    "SELECT id, account_id, step_key, position, text_ref, done_at,"
    " done_by_operator_id FROM checklist_item",
    "SELECT * FROM page_access",
    "SELECT * FROM handover",
    "SELECT handover_id, account_id, position, password_changed_at FROM handover_item",
    "SELECT * FROM handover_witness",
    "SELECT * FROM person",
    "SELECT * FROM kecamatan",
    "SELECT * FROM term_kecamatan",
)
Row = tuple[str, str, str, bool | None]  # figure, target, measured, ok (None: info)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _median(name: str, target: str, limit: float | None, times: list[float]) -> Row:
    value = statistics.median(times)
    return (name, target, _ms(value), None if limit is None else value < limit)


def _load(conn: Connection, repeats: int, rows: list[Row]) -> Snapshot:
    reset_peak()
    start = time.perf_counter()
    snapshot = load_snapshot(conn)
    first = time.perf_counter() - start
    rows.append(
        ("  peak RSS of the process during a load", "info", f"{peak_rss_mib():.0f} MiB", None)
    )
    times, _ = timed(lambda: load_snapshot(conn), repeats - 1)
    rows.insert(-1, _median("load_snapshot (whole vault)", "< 1 s", 1.0, [first, *times]))

    def fetch_only() -> None:
        with many_objects():  # as load_snapshot does: no collector passes over the rows
            for q in FETCH_ONLY:
                conn.execute(q).fetchall()

    floor, _ = timed(fetch_only, repeats)
    rows.insert(
        -1, _median("  of which fetching the rows (SQLCipher + sqlite3)", "info", None, floor)
    )
    return snapshot


def _search(index: SearchIndex, term_id: int, repeats: int, rows: list[Row]) -> int:
    per_key: list[float] = []
    hits = 0
    for _ in range(repeats):
        for text in keystrokes(TYPED):
            start = time.perf_counter()
            hits = len(index.query(text))
            per_key.append(time.perf_counter() - start)
        index.query("")
    rows.append(_median("search keystroke (median)", "< 20 ms", 0.02, per_key))
    rows.append(("  slowest keystroke", "info", _ms(max(per_key)), None))
    start = time.perf_counter()
    for text in keystrokes(("contoh",)):
        index.query(text, term_id=term_id, platform=Platform.INSTAGRAM)
    total = time.perf_counter() - start
    rows.append(("  typing+erasing 'contoh', 2 filters (total)", "info", _ms(total), None))
    return hits


def measure(conn: Connection, repeats: int) -> tuple[list[Row], dict[str, Any]]:
    """Run every figure on the vault; return the rows and the facts behind them."""
    rows: list[Row] = []
    snapshot = _load(conn, repeats, rows)
    term_id = next(iter(snapshot.terms))

    def status_and_matrix(s: Snapshot) -> tuple[Any, Any]:
        return term_end_status(s, term_id, TODAY), completeness_matrix(s, term_id, TODAY)

    times, _ = timed(lambda: prepare(_fresh(snapshot)), repeats)
    rows.append(_median("snapshot indexes (prepare, once per load)", "info", None, times))
    times, result = timed(lambda: status_and_matrix(snapshot), repeats)
    status, matrix = result  # type: ignore[misc]
    rows.append(_median("term-end status + matrix (indexes ready)", "< 300 ms", 0.3, times))
    times, _ = timed(lambda: status_and_matrix(_fresh(snapshot)), repeats)
    rows.append(_median("  the same, first call after a load", "info", None, times))

    times, built = timed(lambda: SearchIndex.build(_fresh(snapshot)), repeats)
    rows.append(_median("search index build", "info", None, times))
    hits = _search(built, term_id, repeats, rows)  # type: ignore[arg-type]

    times, found = timed(lambda: review(_fresh(snapshot), today=TODAY), repeats)
    rows.append(_median("review rules, whole vault (builds indexes)", "< 1 s", 1.0, times))
    times, _ = timed(lambda: review(snapshot, today=TODAY), repeats)
    rows.append(_median("  the same, indexes ready", "info", None, times))

    times, _ = timed(lambda: from_json(to_json(snapshot)), 1)
    rows.append(_median("snapshot to_json + from_json", "info", None, times))
    rows.append(("peak RSS (whole run)", "info", f"{peak_rss_mib():.0f} MiB", None))
    findings: list[Any] = found  # type: ignore[assignment]
    facts = {
        "accounts": len(snapshot.accounts),
        "kecamatan": len(snapshot.kecamatan),
        "handovers": len(snapshot.handovers),
        "custody periods": sum(len(c) for c in snapshot.custody.values()),
        "checklist items": sum(len(c) for c in snapshot.checklists.values()),
        "overdue": len(status.overdue),
        "due soon": len(status.due_soon),
        "needs password change": len(status.needs_password_change),
        "checklist incomplete": len(status.checklist_incomplete),
        "personal recovery": len(status.personal_recovery),
        "matrix rows": len(matrix.rows),
        "findings": len(findings),
        "last query hits": hits,
    }
    return rows, facts


def table(rows: list[Row]) -> str:
    """The rows as a plain-text table."""
    head = ("figure", "target", "measured", "result")
    cells = [(n, t, m, "info" if ok is None else "pass" if ok else "FAIL") for n, t, m, ok in rows]
    widths = [max(len(c[i]) for c in (head, *cells)) for i in range(4)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in (head, *cells)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _open(folder: Path, accounts: int, kecamatan: int) -> Vault:
    if (folder / "vault.keys").exists():
        _say(f"reusing the vault in {folder}")
        return Vault.unlock(folder, ADMIN, Secret(PASSWORD))
    _say(f"generating {accounts:,} accounts over {kecamatan:,} kecamatan in {folder} …")
    start = time.perf_counter()
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Contoh",
        admin_name=ADMIN,
        admin_password=Secret(PASSWORD),
        kdf=KdfParams(65536, 3, 2, new_salt()),  # the production floor: quick to unlock
    )
    generate(vault.conn, accounts, kecamatan)
    _say(f"generated in {time.perf_counter() - start:.1f} s")
    return vault


def main(argv: list[str] | None = None) -> int:
    """Generate (or reuse) the vault, measure, print the table; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.domain_bench", description=__doc__)
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--kecamatan", type=int, default=7_300)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="vault folder to create once and reuse")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brankas-domain-bench-") as tmp:
        folder = args.keep or Path(tmp) / "vault"
        vault = _open(folder, args.accounts, args.kecamatan)
        try:
            rows, facts = measure(vault.conn, args.repeats)
        finally:
            vault.close(backup=False)
    print(table(rows))
    print()
    print("data: " + ", ".join(f"{k} {v:,}" for k, v in facts.items()))
    return 0 if all(ok is not False for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
