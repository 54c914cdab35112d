"""Sample documents from the demo vault, as PDFs and PNG pages, for looking at them.

Run from the repository root: ``.venv/bin/python tools/render_documents.py [--language
id|en|both] [--dpi 100] [--out screenshots/documents]``. Builds the Kabupaten Buol demo
vault in a temporary folder (the production KDF at its floor, m = 64 MiB, t = 3), renders
the BAST of each kind (and a draft preview), a credential slip, the recovery kit sheet
and the term summaries offscreen, and turns every page into a PNG with poppler's
``pdftoppm`` (package poppler-utils). Only a QGuiApplication: no window opens.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, new_salt
from brankas.core.domain.enums import HandoverKind
from brankas.core.keystore import MemoryDeviceKeyStore
from brankas.core.secret import Secret
from brankas.core.services import custody, demo, handover, office, people, secrets, terms
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover_wizard import HandoverDraft
from brankas.documents.bast import bast_data, render_bast
from brankas.documents.credential_slip import (
    credential_slip_data,
    render_credential_slip,
)
from brankas.documents.recovery_sheet import RecoverySheetData, render_recovery_sheet
from brankas.documents.term_summary import render_term_summary, term_summary_from_vault

ROOT = Path(__file__).resolve().parents[1]
SUMMARY_DAY = date(2025, 3, 10)  # after the demo story's last step (3 March 2025)


def _handover(ctx: ServiceContext, kind: HandoverKind, on: date, kecamatan: str) -> int:
    for h in handover.list_handovers(ctx):
        if h.kind is kind and h.date == on:
            second = people.get_person(ctx, h.second_party_person_id)
            first = people.get_person(ctx, h.first_party_person_id)
            if any(p.institution.endswith(kecamatan) for p in (first, second)):
                return h.id
    raise LookupError(f"no {kind.value} handover for {kecamatan} on {on}")


def _draft(ctx: ServiceContext) -> handover.Handover:
    """A return for Biau, still held after the term: what the wizard would preview."""
    pilkada = next(t for t in terms.list_terms(ctx) if t.name == "Pilkada 2024")
    biau = next(k for k in office.list_kecamatan(ctx) if k.name == "Biau")
    held = custody.accounts_held_in(ctx, biau.id, pilkada.id)
    holder = held[0].holder.person_id
    official = next(p for p in people.list_people(ctx) if p.name == "Rina Contoh")
    assert holder is not None
    return handover.preview_handover(
        ctx,
        HandoverDraft(
            kind=HandoverKind.RETURN,
            term_id=pilkada.id,
            first_party_id=holder,
            second_party_id=official.id,
            account_ids=tuple(h.account.id for h in held),
            on=ctx.today(),
        ),
    )


def _jobs(ctx: ServiceContext, kit: str, language: str) -> dict[str, Callable[[Path], int]]:
    issue = _handover(ctx, HandoverKind.ISSUE, date(2024, 5, 21), "Biau")
    back = _handover(ctx, HandoverKind.RETURN, date(2025, 1, 27), "Karamat")
    onward = _handover(ctx, HandoverKind.NEXT_COMMITTEE, date(2024, 5, 21), "Biau")
    # The slip's caller reveals the passwords (audited), as the GUI does after asking
    # for the operator's password again; the documents layer never reads them.
    items = handover.get_handover(ctx, issue).items
    revealed: dict[int, Secret] = {}
    for item in items:
        value = secrets.reveal(ctx, item.account_id, "password", reason="contoh slip")
        if value is not None:
            revealed[item.account_id] = value
    terms_by_name = {t.name: t.id for t in terms.list_terms(ctx)}
    sheet = RecoverySheetData(
        ctx.vault.vault_id, office.get_office(ctx).name, date(2022, 10, 20), kit, language
    )
    return {
        "bast-penyerahan": lambda p: render_bast(bast_data(ctx, issue), p),
        "bast-pengembalian": lambda p: render_bast(bast_data(ctx, back), p),
        "bast-panitia-berikutnya": lambda p: render_bast(bast_data(ctx, onward), p),
        "bast-draf": lambda p: render_bast(bast_data(ctx, _draft(ctx)), p),
        "lembar-kata-sandi": lambda p: render_credential_slip(
            credential_slip_data(ctx, issue, revealed), p
        ),
        "kit-pemulihan": lambda p: render_recovery_sheet(sheet, p),
        "ringkasan-pilkada-2024": lambda p: render_term_summary(
            term_summary_from_vault(ctx, terms_by_name["Pilkada 2024"], SUMMARY_DAY), p
        ),
        "ringkasan-pemilu-2024": lambda p: render_term_summary(
            term_summary_from_vault(ctx, terms_by_name["Pemilu 2024"], SUMMARY_DAY), p
        ),
    }


def _png(pdf: Path, dpi: int) -> int:
    tool = shutil.which("pdftoppm")
    if tool is None:
        return 0
    for old in pdf.parent.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    subprocess.run([tool, "-png", "-r", str(dpi), str(pdf), str(pdf.with_suffix(""))], check=True)
    return len(list(pdf.parent.glob(f"{pdf.stem}-*.png")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("id", "en", "both"), default="both")
    parser.add_argument("--dpi", type=int, default=100, help="PNG resolution (default 100)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "documents")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (install poppler-utils): writing PDFs only", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        kdf = KdfParams(
            PRODUCTION_POLICY.min_memory_kib, PRODUCTION_POLICY.min_time_cost, 1, new_salt()
        )
        vault, kit = demo.build_demo_vault(
            Path(tmp) / "vault",
            password="kata sandi contoh dokumen",  # noqa: S106 (a throwaway demo vault)
            kdf=kdf,
            keystore=MemoryDeviceKeyStore(),
        )
        try:
            ctx = ServiceContext(vault)
            languages = ("id", "en") if args.language == "both" else (args.language,)
            for language in languages:
                office.update_office(ctx, language=language)
                folder = args.out / language
                folder.mkdir(parents=True, exist_ok=True)
                for name, job in _jobs(ctx, kit, language).items():
                    start = time.perf_counter()
                    pdf = folder / f"{name}.pdf"
                    pages = job(pdf)
                    ms = (time.perf_counter() - start) * 1000
                    pngs = _png(pdf, args.dpi)
                    print(f"{language}/{name}.pdf  {pages} page(s), {ms:.0f} ms, {pngs} PNG")
        finally:
            vault.close(backup=False)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
