"""Document benchmark: a BAST for one kecamatan (< 300 ms) and a term summary for 40 × 6 (< 2 s).

Run from the repository root: ``.venv/bin/python -m bench.documents_bench [--kecamatan 40
--per-kecamatan 6 --repeats 10]``. One fresh vault (the floor KDF) with generated, plainly
fake data: every kecamatan's accounts issued to its ketua (one BAST each), half of the
kecamatan returned at term end (so the summary has rotation, checklist and findings to
show). Each figure is gathering the data from the vault plus laying out and writing the
PDF in memory, offscreen; "first" is the first document of the process (fonts loaded,
caches cold), the median is over the repeats after it. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, new_salt
from brankas.core.domain.enums import HandoverKind, OfficeKind
from brankas.core.secret import Secret
from brankas.core.services import demo, handover, office
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover_wizard import HandoverDraft
from brankas.core.vault.vault import Vault
from brankas.documents import render
from brankas.documents.bast import bast_data, bast_document
from brankas.documents.term_summary import term_summary_document, term_summary_from_vault

BAST_TARGET_S = 0.300
SUMMARY_TARGET_S = 2.0


def _drafts(
    gen: demo.Generated, ctx: ServiceContext, kind: HandoverKind, on: date, only: int | None
) -> list[HandoverDraft]:
    by_kec: dict[int, list[int]] = {}
    for row in ctx.conn.execute(
        "SELECT id, kecamatan_id FROM account WHERE term_id = ? ORDER BY id", (gen.term_id,)
    ):
        by_kec.setdefault(int(row[1]), []).append(int(row[0]))
    out = []
    for n, (kec, ids) in enumerate(by_kec.items()):
        if only is not None and n >= only:
            break
        ketua = gen.ketua_ids[kec]
        back = kind is HandoverKind.RETURN
        first, second = (ketua, gen.official_id) if back else (gen.official_id, ketua)
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


def _timed(job: Callable[[], int], repeats: int) -> tuple[float, list[float], int]:
    start = time.perf_counter()
    pages = job()
    first = time.perf_counter() - start
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        runs.append(time.perf_counter() - start)
    return first, runs, pages


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit 1 when a median misses its target."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--kecamatan", type=int, default=40)
    p.add_argument("--per-kecamatan", type=int, default=6)
    p.add_argument("--repeats", type=int, default=10)
    ns = p.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
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
            office.update_office(ctx, code="BWS.CONTOH", city="Contoh", address="Jl. Contoh 1")
            gen = demo.generate_accounts(ctx, ns.kecamatan * ns.per_kecamatan, ns.kecamatan)
            issued = handover.record_handovers(
                ctx, _drafts(gen, ctx, HandoverKind.ISSUE, date(2024, 5, 10), None)
            )
            now["t"] = datetime(2025, 1, 27, 3, tzinfo=UTC)
            handover.record_handovers(
                ctx,
                _drafts(gen, ctx, HandoverKind.RETURN, date(2025, 1, 27), ns.kecamatan // 2),
            )
            now["t"] = datetime(2025, 3, 10, 3, tzinfo=UTC)

            def one_bast() -> int:
                laid = render.lay_out(bast_document(bast_data(ctx, issued[0].id)))
                render.pdf_bytes(laid)
                return laid.pages

            def summary() -> int:
                data = term_summary_from_vault(ctx, gen.term_id, date(2025, 3, 10))
                laid = render.lay_out(term_summary_document(data))
                render.pdf_bytes(laid)
                return laid.pages

            rows = [
                (
                    f"BAST, 1 kecamatan ({ns.per_kecamatan} accounts)",
                    BAST_TARGET_S,
                    _timed(one_bast, ns.repeats),
                ),
                (
                    f"term summary, {ns.kecamatan} × {ns.per_kecamatan}",
                    SUMMARY_TARGET_S,
                    _timed(summary, max(3, ns.repeats // 3)),
                ),
            ]
        finally:
            vault.close(backup=False)
    ok = True
    print(f"{'figure':40} {'pages':>5} {'first':>9} {'median':>9} {'max':>9} {'target':>9}  result")
    for label, target, (first, runs, pages) in rows:
        med = statistics.median(runs)
        good = med < target
        ok &= good
        print(
            f"{label:40} {pages:>5} {first * 1000:>7.0f}ms {med * 1000:>7.0f}ms"
            f" {max(runs) * 1000:>7.0f}ms {'< ' + format(target * 1000, '.0f'):>7}ms"
            f"  {'ok' if good else 'MISSED'}"
        )
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
