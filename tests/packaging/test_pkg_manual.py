"""The user manual: Markdown in both languages, every topic, its images, and the PDF build
(Indonesian first, English second)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "docs" / "manual"
SOURCES = {"id": MANUAL / "panduan-pengguna.md", "en": MANUAL / "user-manual.md"}
# The topics the manual must cover, as its section headings say them.
TOPICS = {
    "id": [
        "Memasang Brankas",
        "Pertama kali membuka Brankas",
        "Pekerjaan sehari-hari",
        "Serah terima akhir masa tugas, langkah demi langkah",
        "Ekspor arsip untuk provinsi",
        "Tinjauan di provinsi",
        "Kit pemulihan",
        "Bila staf berhenti atau pindah tugas",
    ],
    "en": [
        "Installing Brankas",
        "The first run",
        "Daily work",
        "Term-end handover, step by step",
        "Exporting the archive for the province",
        "Review at the province",
        "The recovery kit",
        "When a staff member leaves",
    ],
}
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_topic_is_a_section(lang: str) -> None:
    headings = re.findall(r"^## \d+\. (.+)$", SOURCES[lang].read_text(encoding="utf-8"), re.M)
    assert headings == TOPICS[lang]


def test_images_exist_are_used_and_stay_small() -> None:
    used: set[Path] = set()
    for lang, source in SOURCES.items():
        for ref in _IMAGE.findall(source.read_text(encoding="utf-8")):
            path = (MANUAL / ref).resolve()
            assert path.is_file(), ref
            assert path.parent.name == lang, f"{ref}: the {lang} manual shows {lang} screens"
            used.add(path)
    on_disk = {p.resolve() for p in (MANUAL / "img").rglob("*.png")}
    assert on_disk == used, "images not referenced by the manual: remove them"
    assert len(used) >= 16
    assert sum(p.stat().st_size for p in used) < 1_000_000


def test_the_pdf_builds_indonesian_first(tmp_path: Path) -> None:
    pdf = tmp_path / "manual.pdf"
    r = subprocess.run(
        [sys.executable, str(MANUAL / "build_manual.py"), "--out", str(pdf)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 10
    assert "Panduan Pengguna Brankas" in pages[0]
    english = next(i for i, p in enumerate(pages) if "Brankas User Manual" in p)
    assert english > 3
    flat = re.sub(r"\s+", " ", text)
    for lang, topics in TOPICS.items():
        for topic in topics:
            assert topic in flat, (lang, topic)
    # Each part numbers its own pages, in its own language.
    assert re.search(r"Halaman 1 dari \d+", pages[0])
    assert re.search(r"Page 1 of \d+", pages[english])
    images = shutil.which("pdfimages")
    if images is not None:
        listing = subprocess.run(
            [images, "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert len(listing.splitlines()) - 2 >= 22  # the screenshots (and the icons)
