"""Build the user manual PDF (Indonesian first, English second) from the Markdown in docs/manual/.

Usage: .venv/bin/python docs/manual/build_manual.py [--out FILE] [--refresh-images [DIR]]

Markdown → HTML (the small subset the manual uses) → the documents layer's A4 pipeline
(QTextDocument laid out once, painted on a QPdfWriter), one part per language, each with
its own page numbers. ``--refresh-images`` first copies the curated screenshots from
tools/screenshots.sh's output (default screenshots/) into docs/manual/img/, scaled down
and reduced to a palette so that the repository and the PDF stay small.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPdfWriter

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from brankas import __version__  # noqa: E402
from brankas.documents import flow  # noqa: E402
from brankas.documents import render as r  # noqa: E402

PARTS = (("id", HERE / "panduan-pengguna.md"), ("en", HERE / "user-manual.md"))
OUTPUT = HERE / "build" / "Panduan-Pengguna-Brankas.pdf"
ICON = ROOT / "resources" / "icons" / "app" / "png" / "brankas-128.png"
# Stable image name → the screenshot it is taken from (tools/screenshots.py's name without
# its running number; the newest file wins when a run left several).
SHOTS = {
    "first-run": "wizard-choose",
    "recovery-kit": "wizard-kit",
    "unlock": "unlock",
    "dashboard": "main-dashboard",
    "accounts": "main-accounts",
    "handover-accounts": "handover-4-accounts",
    "term-end-rotation": "main-term-end-rotation",
    "term-end-checklist": "main-term-end-checklist",
    "export-archive": "dialog-export-archive",
    "province-review": "province-review",
    "operators": "main-operators",
}
MAX_IMAGE_WIDTH = 960  # pixels kept in the repository (printed at ~140 dpi)
TEXT_WIDTH = 600.0  # layout pixels an image may take on the page (of ~631)
IMAGE_SCALE = 0.5  # layout pixels per screenshot pixel: window text stays readable


# --- images ------------------------------------------------------------------------------
def refresh_images(shots: Path) -> list[Path]:
    """Copy the curated screenshots of both languages into img/<lang>/, reduced."""
    written = []
    for lang in ("id", "en"):
        folder = HERE / "img" / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name, suffix in SHOTS.items():
            pattern = re.compile(rf"^\d+-{re.escape(suffix)}\.png$")
            found = sorted(
                (p for p in (shots / lang).glob("*.png") if pattern.match(p.name)),
                key=lambda p: p.stat().st_mtime,
            )
            if not found:
                raise SystemExit(f"no screenshot *-{suffix}.png in {shots / lang}")
            image = QImage(str(found[-1]))
            if image.width() > MAX_IMAGE_WIDTH:
                image = image.scaledToWidth(
                    MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            # A palette keeps UI screenshots sharp at a third of the size.
            image = image.convertToFormat(
                QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
            )
            target = folder / f"{name}.png"
            if not image.save(str(target), "PNG", 9):
                raise SystemExit(f"could not write {target}")
            written.append(target)
    return written


# --- Markdown (the subset the manual uses) → HTML -----------------------------------------
@dataclass(frozen=True, slots=True)
class Block:
    """One block of the Markdown: its kind and lines."""

    kind: str  # h1 h2 h3 p ul ol quote code img
    lines: tuple[str, ...]


_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)\)$")
_ITEM_UL = re.compile(r"^[*-] +")
_ITEM_OL = re.compile(r"^\d+\. +")


def blocks(text: str) -> list[Block]:
    """Split Markdown into blocks (headings, paragraphs, lists, quotes, code, images)."""
    out: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("```"):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            out.append(Block("code", tuple(lines[i + 1 : end])))
            i = end + 1
            continue
        heading = re.match(r"^(#{1,3}) +(.*)$", line)
        if heading:
            out.append(Block(f"h{len(heading.group(1))}", (heading.group(2),)))
            i += 1
            continue
        if _IMAGE.match(line.strip()):
            out.append(Block("img", (line.strip(),)))
            i += 1
            continue
        kind = (
            "quote"
            if line.startswith(">")
            else "ul"
            if _ITEM_UL.match(line)
            else "ol"
            if _ITEM_OL.match(line)
            else "p"
        )
        group = [line]
        i += 1
        while i < len(lines) and lines[i].strip() and not lines[i].startswith(("#", "```")):
            nxt = lines[i]
            if _IMAGE.match(nxt.strip()):
                break
            if kind == "p" and (_ITEM_UL.match(nxt) or _ITEM_OL.match(nxt)):
                break
            group.append(nxt)
            i += 1
        out.append(Block(kind, tuple(group)))
    return out


def inline(text: str) -> str:
    """Escape, then `code`, **bold** and *italic*."""
    parts = re.split(r"(`[^`]+`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(
                "<span style=\"font-family:'DejaVu Sans Mono',Consolas,monospace;\">"
                f"{html.escape(part[1:-1])}</span>"
            )
            continue
        s = html.escape(part, quote=False)
        s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
        s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", s)
        out.append(s)
    return "".join(out)


def _items(lines: tuple[str, ...], marker: re.Pattern[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        if marker.match(line):
            items.append(marker.sub("", line, count=1))
        elif items:
            items[-1] += " " + line.strip()
    return items


def _image(line: str, base: Path) -> str:
    match = _IMAGE.match(line)
    assert match is not None
    alt, src = match.groups()
    path = (base / src).resolve()
    image = QImage(str(path))
    if image.isNull():
        raise SystemExit(f"image missing or unreadable: {path}")
    width = min(TEXT_WIDTH, image.width() * IMAGE_SCALE)
    url = QUrl.fromLocalFile(str(path)).toString()
    return (
        f'<p align="center" style="margin:10px 0 2px 0;"><img src="{html.escape(url)}" '
        f'width="{width:.0f}" height="{width * image.height() / image.width():.0f}"></p>'
        f'<p align="center" style="margin:0 0 10px 0; font-size:9pt; color:#444444;">'
        f"<i>{inline(alt)}</i></p>"
    )


def _space(points: int) -> str:
    # Each piece is its own QTextDocument, whose first block's top margin is dropped:
    # the space above a heading is an empty line of this height.
    return f'<p style="margin:0; font-size:{points}pt;">&nbsp;</p>'


def to_html(text: str, base: Path) -> str:
    """The manual's Markdown as HTML with flow markers: a heading stays with what follows
    it, an image with its caption."""
    parts: list[str] = []
    for block in blocks(text):
        body = " ".join(line.strip() for line in block.lines)
        if block.kind == "h1":
            parts.append(
                flow.marker(flow.KEEP_NEXT)
                + f'<h1 style="font-size:20pt; margin:0 0 6px 0;">{inline(body)}</h1>'
            )
        elif block.kind == "h2":
            parts.append(
                flow.marker(flow.KEEP_NEXT) + _space(12) + f'<h2 style="font-size:14pt; '
                f'margin:0 0 6px 0; color:#1d5b86;">{inline(body)}</h2>'
            )
        elif block.kind == "h3":
            parts.append(
                flow.marker(flow.KEEP_NEXT)
                + _space(6)
                + f'<h3 style="font-size:11.5pt; margin:0 0 4px 0;">{inline(body)}</h3>'
            )
        elif block.kind == "img":
            parts.append(flow.marker(flow.KEEP) + _image(block.lines[0], base))
        elif block.kind == "code":
            code = "<br>".join(html.escape(line) for line in block.lines)
            parts.append(
                flow.marker(flow.KEEP) + '<table width="100%" cellpadding="6" '
                'style="background-color:#eef2f5; margin:4px 0 8px 0;"><tr><td>'
                "<span style=\"font-family:'DejaVu Sans Mono',Consolas,monospace;\">"
                f"{code}</span></td></tr></table>"
            )
        elif block.kind == "quote":
            quoted = " ".join(line.lstrip(">").strip() for line in block.lines)
            parts.append(
                flow.marker(flow.KEEP) + '<table width="100%" cellpadding="8" '
                'style="background-color:#fff6dc; margin:6px 0 8px 0;"><tr><td>'
                f"{inline(quoted)}</td></tr></table>"
            )
        elif block.kind in ("ul", "ol"):
            marker = _ITEM_UL if block.kind == "ul" else _ITEM_OL
            start = re.match(r"^(\d+)\.", block.lines[0])
            attrs = f' start="{start.group(1)}"' if start and block.kind == "ol" else ""
            items = "".join(
                f'<li style="margin-bottom:3px;">{inline(item)}</li>'
                for item in _items(block.lines, marker)
            )
            parts.append(
                flow.marker(flow.FLOW)
                + f'<{block.kind}{attrs} style="margin:2px 0 6px 0;">{items}</{block.kind}>'
            )
        else:
            parts.append(
                flow.marker(flow.FLOW) + f'<p style="margin:0 0 7px 0;">{inline(body)}</p>'
            )
    return "".join(parts)


# --- PDF ---------------------------------------------------------------------------------
def cover(language: str) -> str:
    """The icon and the version line above each part's title."""
    url = QUrl.fromLocalFile(str(ICON)).toString()
    line = f"Brankas {__version__}" + (" — versi program" if language == "id" else "")
    return (
        flow.marker(flow.KEEP_NEXT)
        + f'<p><img src="{html.escape(url)}" width="64" height="64"></p>'
        + f'<p style="color:#555555; margin:0 0 4px 0;">{html.escape(line)}</p>'
    )


def documents() -> list[r.Document]:
    """One A4 document per language, Indonesian first."""
    out = []
    for language, source in PARTS:
        body = cover(language) + to_html(source.read_text(encoding="utf-8"), source.parent)
        title = "Panduan Pengguna Brankas" if language == "id" else "Brankas User Manual"
        out.append(
            r.Document(
                html=body,
                title=title,
                footer=r.Footer(document_id=f"{title} {__version__}", language=language),
            )
        )
    return out


def build(target: Path) -> int:
    """Write the manual PDF; returns the number of pages."""
    laid = [r.lay_out(doc) for doc in documents()]
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(r.PDF_DPI)
    writer.setTitle("Panduan Pengguna Brankas / Brankas User Manual")
    writer.setCreator(f"Brankas {__version__}")
    writer.setPageLayout(laid[0].document.setup.page_layout())
    painter = QPainter()
    if not painter.begin(writer):
        raise SystemExit("could not start the PDF")
    scale = writer.logicalDpiX() / r.LAYOUT_DPI
    pages = 0
    for part in laid:
        for index in range(part.pages):
            if pages:
                writer.newPage()
            part.paint_page(painter, index, scale)
            pages += 1
    painter.end()
    del writer
    # Not fsutil.atomic_write: that makes the file owner-only, and the packaged manual
    # must be readable by every user of the PC.
    target.write_bytes(bytes(buffer.data().data()))
    buffer.close()
    return pages


def main(argv: list[str] | None = None) -> int:
    """Build the PDF (after refreshing the images when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="the PDF to write")
    parser.add_argument(
        "--refresh-images",
        nargs="?",
        const=ROOT / "screenshots",
        type=Path,
        metavar="DIR",
        help="copy the curated screenshots from DIR (default: screenshots/) first",
    )
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    if args.refresh_images is not None:
        for path in refresh_images(args.refresh_images):
            print(f"image {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pages = build(args.out)
    print(f"wrote {args.out} ({pages} pages, {args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
