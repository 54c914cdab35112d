"""The term summary: every account per kecamatan, the completeness matrix, the findings."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from doc_support import pdf_pages, pdf_text

from brankas.core.errors import NotFound
from brankas.core.review.load import load_snapshot
from brankas.core.review.rules import review
from brankas.core.services import accounts, office, terms
from brankas.core.services.context import ServiceContext
from brankas.core.services.demo import KECAMATAN
from brankas.documents.fingerprint import short_hash
from brankas.documents.term_summary import (
    render_term_summary,
    term_summary_data,
    term_summary_from_vault,
    term_summary_html,
)

TODAY = date(2025, 3, 10)


def flat(text: str) -> str:
    return " ".join(text.split())


def _pilkada(ctx: ServiceContext) -> int:
    return next(t.id for t in terms.list_terms(ctx) if t.name == "Pilkada 2024")


def test_summary_lists_everything(ctx: ServiceContext, tmp_path: Path) -> None:
    term_id = _pilkada(ctx)
    data = term_summary_from_vault(ctx, term_id, TODAY)
    path = tmp_path / "summary.pdf"
    pages = render_term_summary(data, path)
    text = pdf_text(path)
    html = term_summary_html(data)
    whole = "".join(text.split())
    term_accounts = accounts.list_accounts(ctx, term_id=term_id)
    assert term_accounts
    for a in term_accounts:
        assert a.handle in whole, a.handle
    listed = {a.handle for k in data.kecamatan for a in k.accounts}
    # Permanent pages handed on into this term are listed too.
    assert {a.handle for a in term_accounts} <= listed
    for name in KECAMATAN:
        assert f"Kecamatan {name}" in flat(text)
    assert [row.kecamatan_name for row in data.matrix.rows] == sorted(KECAMATAN)
    for body in (flat(text), flat(html)):
        assert "LAPORAN RINGKASAN MASA TUGAS" in body and "Pilkada 2024" in body
        assert "keadaan per 10 Maret 2025" in body
        assert "Matriks kelengkapan" in body and "Temuan pemeriksaan" in body
        assert "Kecamatan Paleleh Barat belum memiliki akun X (Twitter) untuk Pilkada 2024." in body
        assert "perlu diganti" in body and "lewat masa tugas" in body
        assert "masa tugas berakhir 28 Februari 2025 (tanggal khusus)" in body  # Momunu, Tiloan
    findings = review(load_snapshot(ctx.conn, term_ids=[term_id]), today=TODAY, term_ids=[term_id])
    assert len(data.findings) == len(findings) > 0
    for x in findings:
        assert flat(x.message_id) in flat(html)
    split = pdf_pages(text)
    assert len(split) == pages >= 2
    for n, page in enumerate(split, 1):
        assert f"Halaman {n} dari {pages}" in page
        assert data.document_id in page and short_hash(data.record_hash) in page
    # No secret: the demo's passwords all start "Contoh-".
    assert "Contoh-Biau" not in text and "Contoh-baru" not in text


def test_matrix_cells_and_counts(ctx: ServiceContext) -> None:
    data = term_summary_from_vault(ctx, _pilkada(ctx), TODAY)
    row = next(r for r in data.matrix.rows if r.kecamatan_name == "Paleleh Barat")
    html = term_summary_html(data)
    assert row.cells["x"].state.value == "missing"
    assert "belum ada" in html and ">ada<" in html and "masalah" in html
    total = sum(data.counts.values())
    assert f"Jumlah akun {total} (aktif " in flat(re.sub(r"<[^>]+>", " ", html))


def test_same_data_from_a_snapshot(ctx: ServiceContext) -> None:
    term_id = _pilkada(ctx)
    snapshot = load_snapshot(ctx.conn, term_ids=[term_id])
    a = term_summary_data(snapshot, term_id, TODAY, vault_id=ctx.vault.vault_id)
    b = term_summary_from_vault(ctx, term_id, TODAY)
    assert a.record_hash == b.record_hash and a.document_id == b.document_id
    with pytest.raises(NotFound):
        term_summary_data(snapshot, 999, TODAY)


def test_english_summary(ctx: ServiceContext) -> None:
    office.update_office(ctx, language="en")
    try:
        data = term_summary_from_vault(ctx, _pilkada(ctx), TODAY)
        html = flat(term_summary_html(data))
        assert "TERM SUMMARY REPORT" in html and "as of 10 March 2025" in html
        assert "Kecamatan Paleleh Barat has no X (Twitter) account for Pilkada 2024." in html
    finally:
        office.update_office(ctx, language="id")


@pytest.mark.slow
def test_forty_kecamatan_every_account_once(tmp_path: Path) -> None:
    """40 kecamatan × 6 accounts, issued and half returned: many pages, nothing lost or
    drawn twice across page breaks."""
    from datetime import UTC, datetime

    from doc_support import build_vault

    from brankas.core.domain.enums import HandoverKind
    from brankas.core.services import demo, handover
    from brankas.core.services.handover_wizard import HandoverDraft

    vault, ctx, now = build_vault(tmp_path / "vault")
    try:
        office.update_office(ctx, code="BWS.CONTOH", city="Contoh")
        gen = demo.generate_accounts(ctx, 240, 40)
        by_kec: dict[int, list[int]] = {}
        for a in accounts.list_accounts(ctx, term_id=gen.term_id):
            by_kec.setdefault(a.kecamatan_id or 0, []).append(a.id)

        def drafts(kind: HandoverKind, on: date, count: int) -> list[HandoverDraft]:
            out = []
            for kec, ids in list(by_kec.items())[:count]:
                k, o = gen.ketua_ids[kec], gen.official_id
                first, second = (k, o) if kind is HandoverKind.RETURN else (o, k)
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

        handover.record_handovers(ctx, drafts(HandoverKind.ISSUE, date(2024, 5, 10), 40))
        now[0] = datetime(2025, 1, 27, 3, tzinfo=UTC)
        handover.record_handovers(ctx, drafts(HandoverKind.RETURN, date(2025, 1, 27), 20))
        data = term_summary_from_vault(ctx, gen.term_id, TODAY)
        path = tmp_path / "summary.pdf"
        pages = render_term_summary(data, path)
        text = pdf_text(path)
        split = pdf_pages(text)
        assert pages == len(split) > 10
        whole = "".join(text.split())
        handles = [a.handle for a in accounts.list_accounts(ctx, term_id=gen.term_id)]
        assert len(handles) == 240
        for handle in handles:
            assert handle in whole, handle
        for n, page in enumerate(split, 1):
            assert f"Halaman {n} dari {pages}" in page
        # Every finding row once, in order, none lost or repeated at a page break.
        laid_out = pdf_text(path, layout=True)
        numbers = [int(m) for m in re.findall(r"(?m)^\s*(\d+)\s+R\d\s", laid_out)]
        assert numbers == list(range(1, len(data.findings) + 1)) and len(numbers) > 100
        # Each kecamatan section once.
        for row in data.matrix.rows:
            assert whole.count("Kecamatan" + "".join(row.kecamatan_name.split()) + "—") == 1
    finally:
        vault.close(backup=False)
