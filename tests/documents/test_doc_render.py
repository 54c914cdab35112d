"""The A4 pipeline: same pages on every device and screen, fonts embedded, keep-together, files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from doc_support import pdf_pages, pdf_text
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPageLayout, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from brankas.documents import flow
from brankas.documents import render as r
from brankas.documents.blocks import heading, keep_together, paragraph

FILLER = paragraph("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 6)


def _doc(parts: list[str], **footer: str) -> r.Document:
    return r.Document(
        html=r.join_html(parts),
        title="Uji",
        footer=r.Footer(
            document_id=footer.get("id", "UJI-1"),
            short_hash="ABCD-EF01-2345",
            mark=footer.get("mark", ""),
        ),
    )


def _pdf_at(document: r.Document, dpi: int) -> tuple[int, bytes]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(dpi)
    pages = r.render_to_device(document, writer)
    del writer
    return pages, bytes(buffer.data().data())


def test_pages_are_a4_with_page_numbers_and_footer(tmp_path: Path) -> None:
    document = _doc([FILLER] * 30)
    path = tmp_path / "a.pdf"
    pages = r.render(document, path)
    assert pages >= 2
    split = pdf_pages(pdf_text(path))
    assert len(split) == pages
    for n, page in enumerate(split, 1):
        assert f"Halaman {n} dari {pages}" in page
        assert "Dokumen UJI-1" in page and "Kode verifikasi ABCD-EF01-2345" in page
    info = shutil.which("pdfinfo")
    if info:
        out = subprocess.run([info, str(path)], capture_output=True, text=True, check=True).stdout
        assert "595 x 842 pts (A4)" in out
        assert "Title:           Uji" in out


def test_the_same_pages_at_any_device_resolution(tmp_path: Path) -> None:
    document = _doc([FILLER] * 25)
    texts = []
    counts = set()
    for dpi in (72, 300, 1200):
        pages, data = _pdf_at(document, dpi)
        counts.add(pages)
        path = tmp_path / f"{dpi}.pdf"
        path.write_bytes(data)
        texts.append(pdf_text(path, layout=True))
    images = r.render_images(document, dpi=50)
    counts.add(len(images))
    assert len(counts) == 1
    assert texts[0] == texts[1] == texts[2]  # same words on the same lines of each page
    layout = r.PageSetup().page_layout()
    assert images[0].width() == round(layout.fullRectPixels(50).width())


def test_text_is_point_sized_not_microscopic(tmp_path: Path) -> None:
    """PITFALLS.md: laid out for the screen and printed at 300 dpi, text shrinks ~3x."""
    document = _doc([paragraph("kata " * 400)])
    narrow = r.LaidOut(document)
    doc = narrow.docs[0]
    lines = doc.documentLayout().blockBoundingRect(doc.begin()).height()
    # 10.5 pt text on a 167 mm line: about 13 words a line, so 400 words run ~30 lines
    # of ~18 px each; microscopic text would fit in a handful of lines.
    assert 400 < lines < 900
    pages, _ = _pdf_at(document, 1200)
    assert pages == narrow.pages


def test_fonts_are_embedded_and_no_ligatures(tmp_path: Path) -> None:
    path = tmp_path / "f.pdf"
    r.render(_doc([paragraph("Verifikasi fiktif, offline, efisien — “kutip” · ±")]), path)
    text = pdf_text(path)
    assert "Verifikasi fiktif, offline, efisien" in text
    assert "\ufb01" not in text and "\ufb02" not in text  # no fi/fl ligature glyphs
    assert "“kutip”" in text and "—" in text
    fonts = shutil.which("pdffonts")
    if fonts:
        out = subprocess.run([fonts, str(path)], capture_output=True, text=True, check=True)
        rows = out.stdout.splitlines()[2:]
        assert rows, out.stdout
        for row in rows:
            assert " yes " in row, f"font not embedded: {row}"


def test_font_families_are_installed_and_cover_the_text() -> None:
    families = r.font_families("Pemulihan — “kata” · ±")
    assert families
    assert r._covers(families[0], "—“”·±")


def _straddling_filler(block: str, path: Path) -> int:
    """How many filler paragraphs put ``block`` (unmarked) across the first page break."""
    for n in range(4, 20):
        r.render(_doc([*[FILLER] * n, block]), path)
        split = pdf_pages(pdf_text(path))
        if len(split) > 1 and "AWAL-BLOK" in split[0] and "AKHIR-BLOK" in split[1]:
            return n
    raise AssertionError("no filler length splits the block")


def test_keep_together_moves_a_block_to_the_next_page(tmp_path: Path) -> None:
    text = "AWAL-BLOK " + "isi blok yang tidak boleh terpotong " * 30 + " AKHIR-BLOK"
    path = tmp_path / "k.pdf"
    n = _straddling_filler(paragraph(text), path)  # unmarked, it is split: the test can fail
    pages = r.render(_doc([*[FILLER] * n, keep_together(paragraph(text))]), path)
    split = pdf_pages(pdf_text(path))
    assert pages == len(split) == 2
    assert "AWAL-BLOK" in split[1] and "AKHIR-BLOK" in split[1]


def test_a_heading_is_not_left_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    table = keep_together(paragraph("ISI-TABEL " * 150))
    path = tmp_path / "h.pdf"
    orphaned = 0
    for n in range(4, 20):  # some filler lengths put the heading at a page's foot
        parts = [*[FILLER] * n, heading("JUDUL-BAGIAN"), table]
        r.render(_doc(parts), path)
        orphaned += any("ISI-TABEL" not in p for p in pdf_pages(pdf_text(path)) if "JUDUL" in p)
        parts[n] = heading("JUDUL-BAGIAN", keep_next=True)
        r.render(_doc(parts), path)
        for page in pdf_pages(pdf_text(path)):
            if "JUDUL-BAGIAN" in page:
                assert "ISI-TABEL" in page, n
    assert orphaned  # without keep_next some lengths do leave it alone


def test_mark_on_every_page(tmp_path: Path) -> None:
    path = tmp_path / "m.pdf"
    pages = r.render(_doc([FILLER] * 25, mark="RAHASIA"), path)
    split = pdf_pages(pdf_text(path))
    assert pages >= 2 and all("RAHASIA" in p for p in split)


def test_files_are_owner_only_and_errors_are_typed(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    r.render(_doc([FILLER]), path)
    assert path.read_bytes().startswith(b"%PDF")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(OSError):
        r.render(_doc([FILLER]), tmp_path / "no-such-folder" / "x.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]  # no temp file left


def test_a_printer_gets_the_same_pages(tmp_path: Path) -> None:
    document = _doc([FILLER] * 25)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = r.render(document, printer)
    assert printer.pageLayout().orientation() is QPageLayout.Orientation.Portrait
    del printer
    assert pages == r.LaidOut(document).pages
    assert len(pdf_pages(pdf_text(tmp_path / "printed.pdf"))) == pages


_CHILD = r"""
import hashlib, json, sys
from datetime import date
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from brankas.core.domain.enums import HandoverKind, Platform
from brankas.documents import flow
from brankas.documents import render as r
from brankas.documents.bast import BastAccount, BastData, bast_document
from brankas.documents.blocks import Party
from brankas.documents.letterhead import Letterhead
from brankas.documents.recovery_sheet import RecoverySheetData, recovery_sheet_document
data = BastData(
    letterhead=Letterhead("BADAN PENGAWAS PEMILIHAN UMUM", "KABUPATEN CONTOH", "Jl. Contoh",
                          "Bawaslu Kabupaten Contoh"),
    number="BAST/001/X/I/2025", kind=HandoverKind.ISSUE, on=date(2025, 1, 27), place="Contoh",
    first_party=Party("Ani Contoh", "Koordinator"), second_party=Party("Budi Fiktif", "Ketua"),
    accounts=tuple(BastAccount(Platform.INSTAGRAM, f"@contoh.{n}") for n in range(12)),
    document_id="BAST-1", record_hash="ab" * 32,
)
kit = RecoverySheetData("ff4532", "Bawaslu Kabupaten Contoh", date(2025, 1, 27),
                        "006281-097207-398354-535205-517594-593307-506121-408243")
out = {}
for name, doc in (("bast", bast_document(data)), ("kit", recovery_sheet_document(kit))):
    images = r.render_images(doc, dpi=60)
    out[name] = [hashlib.sha256(r.image_bytes(i)).hexdigest() for i in images]
out["widgets"] = sorted(m for m in sys.modules if m.startswith("PySide6.QtWidgets"))
print(json.dumps(out))
"""


@pytest.mark.slow
def test_same_pixels_whatever_the_screen_and_no_widgets() -> None:
    """Documents need only a QGuiApplication, and a high-DPI screen changes nothing."""
    results = []
    for dpi in ("96", "192"):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_FONT_DPI": dpi}
        run = subprocess.run(
            [sys.executable, "-c", _CHILD], capture_output=True, text=True, env=env, check=True
        )
        results.append(json.loads(run.stdout.strip().splitlines()[-1]))
    assert results[0]["widgets"] == [] == results[1]["widgets"]
    assert len(results[0]["bast"]) >= 1 and len(results[0]["kit"]) == 1
    assert results[0] == results[1]


def test_pieces_split_at_markers() -> None:
    html = r.join_html(
        [
            "<p>A</p>",
            heading("H1", keep_next=True),
            "<p>B</p>",
            keep_together("<p>C</p>"),
            heading("H2", keep_next=True),
            keep_together("<p>D</p>"),
            heading("H3", keep_next=True),
        ]
    )
    pieces = flow.split_pieces(html)
    assert [k for k, _ in pieces] == ["flow", "flow", "keep", "keep", "keep"]
    texts = [t for _, t in pieces]
    assert "A" in texts[0] and "H1" in texts[1] and "B" in texts[1]  # heading with what follows
    assert "H2" in texts[3] and "D" in texts[3] and "H3" in texts[4]


def test_a_kept_block_longer_than_a_page_still_prints_whole(tmp_path: Path) -> None:
    words = " ".join(f"kata{n:04d}" for n in range(2500))
    path = tmp_path / "long.pdf"
    pages = r.render(_doc([FILLER, keep_together(paragraph(words))]), path)
    text = "".join(pdf_text(path).split())
    assert pages >= 3
    for n in range(2500):
        assert text.count(f"kata{n:04d}") == 1
