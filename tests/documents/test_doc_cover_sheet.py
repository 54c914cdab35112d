"""The archive cover sheet: office, terms, counts, export id and time, SHA-256, signer, contents."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from doc_support import pdf_pages, pdf_text

from brankas.core.domain.enums import OfficeKind
from brankas.core.domain.models import Office
from brankas.documents.cover_sheet import (
    CoverSheetData,
    cover_sheet_html,
    default_cover_sheet_path,
    render_cover_sheet,
)

SHA = "9b1c0f5e2d7a44e3b8c6a1f0e9d2c3b4a5f60718293a4b5c6d7e8f9012345678"
OFFICE = Office(
    kind=OfficeKind.REGENCY,
    name="Bawaslu Kabupaten Buol",
    code="BWS.BUOL",
    province="Sulawesi Tengah",
    address="Jl. Syarif Mansyur No. 5",
    city="Buol",
    head_name="Rahmat Hidayat",
)
DATA = CoverSheetData(
    office=OFFICE,
    vault_id="ff453251dd6040a9ff453251dd6040a9",
    file_name="arsip-BWS.BUOL-pilkada-2024-2025-03-01.brankas",
    size=1_234_567,
    sha256=SHA,
    export_id="3f0c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6",
    exported_at=datetime(2025, 3, 1, 2, 0, tzinfo=UTC),
    seq=3,
    epoch=7,
    terms=(("Pilkada 2024", "1 Agustus 2024 – 31 Juli 2025"),),
    counts={
        "accounts": 1234,
        "secrets": 1200,
        "kecamatan": 11,
        "terms": 1,
        "term_kecamatan": 11,
        "people": 40,
        "custody": 2500,
        "handovers": 12,
        "checklist_items": 9000,
        "page_access": 300,
        "attachments": 4,
        "password_on_record": 1190,
        "totp_on_record": 400,
        "password_changes": 321,
        "checklist_texts": 22,
        "audit_events": 87,
    },
    signer_key_id="5A3B9C1D2E3F4A5B",
    signer_fingerprint="3F2A 91C0 5B7E 0D44 A1C9 77E2",
    province_fingerprint="0D44 A1C9 77E2 3F2A 91C0 5B7E",
    secrets_included=True,
)


def flat(text: str) -> str:
    return " ".join(text.split())


def _sha_groups(sha: str) -> str:
    return " ".join(sha[i : i + 4] for i in range(0, 64, 4))


def test_the_sheet_holds_everything_to_check_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sampul.pdf"
    pages = render_cover_sheet(DATA, path)
    assert pages == 1
    html = flat(cover_sheet_html(DATA))
    assert "LEMBAR PENGANTAR ARSIP TINJAUAN" in html and "KABUPATEN BUOL" in html
    for needed in (
        "Bawaslu Kabupaten Buol",
        "BWS.BUOL",
        "Pilkada 2024",
        DATA.file_name,
        DATA.export_id,
        "3 (epoch 7)",
        "5A3B9C1D2E3F4A5B",
        "3F2A 91C0 5B7E 0D44 A1C9 77E2",
        "0D44 A1C9 77E2 3F2A 91C0 5B7E",
        "Termasuk data rahasia",
        "1.234",  # accounts, grouped the Indonesian way
        "1.200",
        "Peristiwa jejak audit",
        "tanda tangan dan cap dinas",
        "Rahmat Hidayat",
    ):
        assert needed in html, needed
    assert "Masa tugas" in html and "terms" not in html  # terms listed by name, not counted
    # Every count under a label a reader understands; the format's own tables are not counted.
    for label in ("Akun dengan kata sandi tercatat", "Akun dengan kode TOTP tercatat"):
        assert label in html
    assert "Penggantian kata sandi" in html and "1.190" in html
    assert "_on_record" not in html and "password_changes" not in html
    assert "checklist_texts" not in html
    sha_html = html.replace("<br/>", " ")
    assert SHA not in html  # printed in groups of four, easier to compare by eye
    assert all(SHA[i : i + 4] in sha_html for i in range(0, 64, 4))
    text = pdf_text(path)
    assert len(pdf_pages(text)) == 1
    body = flat(text)
    for needed in (
        "LEMBAR PENGANTAR ARSIP TINJAUAN",
        DATA.export_id,
        "3F2A 91C0 5B7E 0D44 A1C9 77E2",
        "5A3B9C1D2E3F4A5B",
        "Metadata saja" if not DATA.secrets_included else "Termasuk data rahasia",
        "Sabtu, 1 Maret 2025",
        "Halaman 1 dari 1",
    ):
        assert needed in body, needed
    assert _sha_groups(SHA) in body


def test_metadata_only_in_english_with_a_passphrase(tmp_path: Path) -> None:
    data = dataclasses.replace(
        DATA,
        office=dataclasses.replace(OFFICE, language="en", head_name="", city=""),
        secrets_included=False,
        passphrase=True,
        counts={"accounts": 1234, "future_list": 5},
    )
    html = flat(cover_sheet_html(data))
    assert "REVIEW ARCHIVE COVER SHEET" in html and "LEMBAR PENGANTAR" not in html
    assert "Metadata only" in html and "Secrets included" not in html
    assert "1,234" in html and "future_list" in html  # a count a later format adds
    assert "Fallback passphrase" in html and "never with this sheet" in html
    assert "signature and official stamp" in html
    path = tmp_path / "cover.pdf"
    render_cover_sheet(data, path)
    body = flat(pdf_text(path))
    assert "REVIEW ARCHIVE COVER SHEET" in body and "Metadata only" in body
    assert "Saturday, 1 March 2025" in body and "Page 1 of 1" in body


def test_the_default_path_is_next_to_the_archive() -> None:
    archive = Path("/x/arsip-BWS.BUOL-pilkada-2024-2025-03-01.brankas")
    assert default_cover_sheet_path(archive) == Path(
        "/x/arsip-BWS.BUOL-pilkada-2024-2025-03-01.pdf"
    )


def test_the_sheet_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "sampul.pdf"
    render_cover_sheet(DATA, path)
    assert path.read_bytes().startswith(b"%PDF") and path.stat().st_mode & 0o777 == 0o600
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "p")], check=True)
        assert list(tmp_path.glob("p*.png"))
