"""The recovery kit sheet: the 48 digits, vault, office, date and Indonesian instructions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from doc_support import pdf_pages, pdf_text

from brankas.documents.recovery_sheet import (
    RecoverySheetData,
    kit_check,
    recovery_sheet_html,
    render_recovery_sheet,
    save_recovery_sheet_pdf,
)

KIT = "006281-097207-398354-535205-517594-593307-506121-408243"
DATA = RecoverySheetData("ff453251dd6040a9", "Bawaslu Kabupaten Buol", date(2025, 1, 27), KIT)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_sheet_holds_everything_needed(tmp_path: Path) -> None:
    path = tmp_path / "kit.pdf"
    pages = render_recovery_sheet(DATA, path)
    text = pdf_text(path)
    assert pages == 1 == len(pdf_pages(text))
    for body in (flat(text), flat(recovery_sheet_html(DATA))):
        assert all(group in body for group in KIT.split("-"))
        assert "Bawaslu Kabupaten Buol" in body and "ff453251dd6040a9" in body
        assert "Senin, 27 Januari 2025" in body
        assert "KIT PEMULIHAN BRANKAS" in body
        assert "lemari besi kantor" in body  # where to keep it
        assert "Gunakan kit pemulihan" in body and "48 angka" in body  # how to use it
        assert "musnahkan" in body
    assert "RAHASIA" in text and "Halaman 1 dari 1" in text
    assert kit_check(DATA) in text
    assert path.stat().st_mode & 0o777 == 0o600


def test_groups_in_order_and_numbered() -> None:
    html = recovery_sheet_html(DATA)
    positions = [html.index(g) for g in KIT.split("-")]
    assert positions == sorted(positions)
    assert DATA.groups == KIT.split("-")
    assert (
        RecoverySheetData("v", "o", date(2025, 1, 27), KIT.replace("-", " ")).groups == DATA.groups
    )


def test_english_sheet(tmp_path: Path) -> None:
    data = RecoverySheetData(DATA.vault_id, DATA.office_name, DATA.created, KIT, "en")
    path = tmp_path / "kit-en.pdf"
    save_recovery_sheet_pdf(data, path)
    text = flat(pdf_text(path))
    assert "BRANKAS RECOVERY KIT" in text and "Monday, 27 January 2025" in text
    assert "CONFIDENTIAL" in text and "Page 1 of 1" in text
    assert "Use recovery kit" in text


def test_check_code_tells_kits_apart() -> None:
    other = RecoverySheetData(DATA.vault_id, DATA.office_name, DATA.created, KIT[::-1])
    assert kit_check(DATA) != kit_check(other)
    assert len(kit_check(DATA)) == 14  # three groups of four hex digits
    assert "006281" not in kit_check(DATA)
