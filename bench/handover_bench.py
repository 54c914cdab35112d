"""Batch handover benchmark: record 500 accounts over many kecamatan in one batch (< 1 s).

Run from the repository root: ``.venv/bin/python -m bench.handover_bench [--accounts 500
--kecamatan 100 --repeats 3]``. Each repeat uses a fresh vault (the floor KDF, so creating
it is quick) with generated, plainly fake data; it times the term-start issue batch (500
planned accounts activated and handed to their committees) and the term-end return batch
(custody back, status returned, "needs password change" and checklists), each one
transaction with its audit events. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, new_salt
from brankas.core.domain.enums import HandoverKind, OfficeKind
from brankas.core.secret import Secret
from brankas.core.services import demo, handover, office
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover_wizard import HandoverDraft
from brankas.core.vault.vault import Vault

TARGET_S = 1.0


def _drafts(
    gen: demo.Generated, ctx: ServiceContext, kind: HandoverKind, on: date
) -> list[HandoverDraft]:
    by_kec: dict[int, list[int]] = {}
    for row in ctx.conn.execute(
        "SELECT id, kecamatan_id FROM account WHERE term_id = ? ORDER BY id", (gen.term_id,)
    ):
        by_kec.setdefault(int(row[1]), []).append(int(row[0]))
    out = []
    for kec, ids in by_kec.items():
        ketua = gen.ketua_ids[kec]
        first, second = (
            (ketua, gen.official_id) if kind is HandoverKind.RETURN else (gen.official_id, ketua)
        )
        out.append(
            HandoverDraft(
                kind=kind,
                term_id=gen.term_id,
                first_party_id=first,
                second_party_id=second,
                account_ids=tuple(ids),
                on=on,
            )
        )
    return out


def run_once(n: int, m: int) -> tuple[float, float]:
    """One fresh vault: (issue batch seconds, return batch seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        kdf = KdfParams(
            PRODUCTION_POLICY.min_memory_kib, PRODUCTION_POLICY.min_time_cost, 1, new_salt()
        )
        vault, _kit = Vault.create(
            Path(tmp) / "vault",
            office_kind=OfficeKind.REGENCY,
            office_name="Bawaslu Kabupaten Contoh",
            admin_name="Admin Bench",
            admin_password=Secret("kata sandi bench"),
            kdf=kdf,
        )
        try:
            now = {"t": datetime(2024, 5, 10, 3, tzinfo=UTC)}
            ctx = ServiceContext(vault, clock=lambda: now["t"])
            office.update_office(ctx, code="BWS.CONTOH", city="Contoh")
            gen = demo.generate_accounts(ctx, n, m)
            issue = _drafts(gen, ctx, HandoverKind.ISSUE, date(2024, 5, 10))
            start = time.perf_counter()
            handover.record_handovers(ctx, issue)
            issue_s = time.perf_counter() - start
            now["t"] = datetime(2025, 1, 27, 3, tzinfo=UTC)
            back = _drafts(gen, ctx, HandoverKind.RETURN, date(2025, 1, 27))
            start = time.perf_counter()
            handover.record_handovers(ctx, back)
            return_s = time.perf_counter() - start
        finally:
            vault.close(backup=False)
    return issue_s, return_s


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 when a median misses the target."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--accounts", type=int, default=500)
    p.add_argument("--kecamatan", type=int, default=100)
    p.add_argument("--repeats", type=int, default=3)
    ns = p.parse_args(argv)
    runs = [run_once(ns.accounts, ns.kecamatan) for _ in range(ns.repeats)]
    ok = True
    for label, values in (("issue", [r[0] for r in runs]), ("return", [r[1] for r in runs])):
        med = statistics.median(values)
        ok &= med < TARGET_S
        print(
            f"batch {label:6} {ns.accounts} accounts / {ns.kecamatan} kecamatan:"
            f" median {med * 1000:.0f} ms (runs: {', '.join(f'{v * 1000:.0f}' for v in values)} ms)"
            f" target < {TARGET_S * 1000:.0f} ms {'ok' if med < TARGET_S else 'MISSED'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
