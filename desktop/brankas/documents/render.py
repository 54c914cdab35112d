"""The shared A4 pipeline: HTML → QTextDocument laid out at 96 dpi → pages on a PDF, printer or image.

Why 96 dpi: the document is laid out once on a fixed-resolution PDF device (with design
metrics, so no screen hinting), and every target — a PDF file, a printer at 600 dpi, a
preview image — gets the same pages through a scaled painter. A layout made for the
screen and painted on a 300 dpi writer comes out microscopic (PITFALLS.md); a layout made
for each device can break pages differently on each. Here one "px" in the HTML is 1/96
inch, as in CSS, and font sizes are given in points.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

from brankas.core.fsutil import atomic_write
from brankas.documents import flow
from brankas.documents.i18n import tr

log = logging.getLogger(__name__)

LAYOUT_DPI: Final = 96.0
PDF_DPI: Final = 600  # the written PDF is vector: this is only coordinate precision
_MM_PER_INCH: Final = 25.4
BODY_PT: Final = 10.5
FOOTER_PT: Final = 7.5
_EDGE: Final = 8.0  # layout pixels; see LaidOut.paint_page
# Tried in order; the first installed family that has every character of the document
# wins, and Qt's own per-glyph fallback covers what is left. The system's general font
# comes first (Segoe UI on Windows, usually DejaVu Sans on Debian).
SANS_FALLBACKS: Final = ("DejaVu Sans", "Liberation Sans", "Arial", "Noto Sans", "Helvetica")
MONO_FAMILIES: Final = ("DejaVu Sans Mono", "Liberation Mono", "Consolas", "Courier New")


def mm(value: float) -> float:
    """Millimetres in layout pixels (1/96 inch)."""
    return value / _MM_PER_INCH * LAYOUT_DPI


@dataclass(frozen=True, slots=True)
class PageSetup:
    """A4 and its margins in millimetres (left wider for binding, as office letters are)."""

    landscape: bool = False
    left: float = 25.0
    top: float = 18.0
    right: float = 18.0
    bottom: float = 12.0
    footer: float = 10.0  # band under the body for the footer line (within the margins)
    header: float = 7.0  # band above the body, used only when the document has a mark

    def page_layout(self) -> QPageLayout:
        """The Qt page layout: A4, this orientation, these margins."""
        return QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape
            if self.landscape
            else QPageLayout.Orientation.Portrait,
            QMarginsF(self.left, self.top, self.right, self.bottom),
            QPageLayout.Unit.Millimeter,
        )


@dataclass(frozen=True, slots=True)
class Footer:
    """What every page carries besides the body.

    ``document_id`` and ``short_hash`` let a printed copy be matched to its record;
    ``mark`` (e.g. "RAHASIA", "DRAF") is printed at the top of every page.
    """

    document_id: str
    short_hash: str = ""
    language: str = "id"
    mark: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A document ready to lay out: its HTML, title (PDF metadata) and page furniture."""

    html: str
    title: str
    footer: Footer
    setup: PageSetup = field(default_factory=PageSetup)


@functools.lru_cache(maxsize=1)
def _known_families() -> frozenset[str]:
    # Asking the font database for every family takes ~30 ms; the documents use the
    # system's fonts, which do not change while the app runs.
    return frozenset(f.casefold() for f in QFontDatabase.families())


def _installed(families: Iterable[str]) -> list[str]:
    known = _known_families()
    return [f for f in families if f.casefold() in known]


def _covers(family: str, text: str) -> bool:
    metrics = QFontMetricsF(QFont(family))
    return all(metrics.inFontUcs4(ord(ch)) for ch in text)


def font_families(text: str = "") -> list[str]:
    """Installed sans families to try, best first: the first one that can draw every
    character of ``text`` leads, the others stay as Qt's fallbacks."""
    system = QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)).family()
    families = list(dict.fromkeys(_installed([system, *SANS_FALLBACKS])))
    chars = "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) > 0x7E}))
    if chars:
        complete = [f for f in families if _covers(f, chars)]
        if complete:
            families = [complete[0], *(f for f in families if f != complete[0])]
        else:
            log.warning("no installed font has every character; relying on Qt's fallback")
    return families or [system]


def base_font(text: str = "", size_pt: float = BODY_PT) -> QFont:
    """The document's base font (sans, with fallbacks) at ``size_pt``."""
    font = QFont()
    font.setFamilies(font_families(text))
    font.setPointSizeF(size_pt)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # No ligatures: "fi" drawn as one glyph comes out of a PDF as "ﬁ", and a search
    # or copy of "verifikasi" or a handle would then fail.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    # Unhinted outlines, as on paper: hinting depends on the screen (Qt turns it off on
    # high-DPI screens), and a preview must look the same on every PC.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _painter_font(text: str, size_pt: float, *, bold: bool = False) -> QFont:
    # Sized in layout pixels: a point size would be converted with the target device's
    # resolution and then scaled again by the painter.
    font = base_font(text, size_pt)
    font.setPixelSize(max(1, round(size_pt * LAYOUT_DPI / 72)))
    font.setBold(bold)
    return font


class LaidOut:
    """A document laid out in pages of a fixed size; paints any page on any device.

    Keeps the layout's paint device alive (each layout holds a raw pointer to it).
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        setup = document.setup
        self._metric_buffer = QBuffer()
        self._metric_device = QPdfWriter(self._metric_buffer)
        self._metric_device.setResolution(int(LAYOUT_DPI))
        self._metric_device.setPageLayout(setup.page_layout())
        paint = setup.page_layout().paintRect(QPageLayout.Unit.Millimeter)
        self.width = mm(paint.width())
        self.height = mm(paint.height())
        self.header = mm(setup.header) if document.footer.mark else 0.0
        self.footer = mm(setup.footer)
        # On the layout's own grid (1/64 px): a page break then falls exactly on a page
        # boundary, not a hair above it, where the next page's first line would be drawn
        # (and extracted as text) at the foot of the previous one too.
        self.body_height = math.floor((self.height - self.header - self.footer) * 64) / 64
        self._font = base_font(document.html)
        self._footer_font = _painter_font(document.footer.document_id + "·", FOOTER_PT)
        self.placed = flow.place(document.html, self.body_height, self._new_doc)
        self.pages = flow.page_count(self.placed)

    def _new_doc(self, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self._metric_device)
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(self._font)
        option = doc.defaultTextOption()
        # Handles and URLs have no spaces: let them break anywhere rather than overflow.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        # Page size before the text, so that it is laid out once (see flow.place).
        doc.setPageSize(QSizeF(self.width, self.body_height))
        doc.setHtml(f"<html><body>{html}</body></html>")
        return doc

    @property
    def docs(self) -> list[QTextDocument]:
        """The laid-out pieces in order."""
        return [p.doc for p in self.placed]

    def plain_text(self) -> str:
        """The body's text, as a reader extracting it would roughly see it."""
        return "\n".join(doc.toPlainText() for doc in self.docs)

    def paint_page(self, painter: QPainter, index: int, scale: float) -> None:
        """Paint page ``index`` (0-based) with the painter's origin at the paint rect's
        top-left corner; ``scale`` is device pixels per layout pixel."""
        painter.save()
        painter.scale(scale, scale)
        for piece, local in flow.on_page(self.placed, index):
            painter.save()
            context = QAbstractTextDocumentLayout.PaintContext()
            if piece.paginated:
                top = local * self.body_height
                painter.translate(0, self.header - top)
                painter.setClipRect(QRectF(0, top, self.width, self.body_height))
                # The layout draws what meets the context's clip, boxes rounded to whole
                # pixels: a few pixels in from each edge, what belongs to the pages before
                # and after is not drawn here too — invisible under the painter's clip,
                # but still text that a PDF reader would extract twice. A paragraph
                # running over the break needs more: see flow.continued_lines.
                start = max(top + _EDGE, piece.clip_tops.get(local, 0.0))
                context.clip = QRectF(0, start, self.width, top + self.body_height - _EDGE - start)
            else:
                painter.translate(0, self.header + piece.y)
                context.clip = QRectF(0, 0, self.width, piece.height + 1)
            piece.doc.documentLayout().draw(painter, context)
            painter.restore()
        self._furniture(painter, index)
        painter.restore()

    def _furniture(self, painter: QPainter, index: int) -> None:
        footer = self.document.footer
        lang = footer.language
        left = tr("doc_id", lang).format(id=footer.document_id)
        if footer.short_hash:
            left += "  ·  " + tr("doc_hash", lang).format(hash=footer.short_hash)
        right = tr("page_of", lang).format(page=index + 1, pages=self.pages)
        painter.setFont(self._footer_font)
        grey = QColor("#555555")
        y = self.height - self.footer + mm(3)
        painter.setPen(QPen(grey, 0.6))
        painter.drawLine(QPointF(0, y), QPointF(self.width, y))
        box = QRectF(0, y + mm(1), self.width, self.footer - mm(4))
        flags = Qt.AlignmentFlag.AlignTop
        painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignLeft), left)
        painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignRight), right)
        if footer.mark:
            painter.setFont(_painter_font(footer.mark, 9.5, bold=True))
            red = QColor("#b00020")
            painter.setPen(QPen(red, 1.2))
            metrics = QFontMetricsF(painter.font())
            width = metrics.horizontalAdvance(footer.mark) + mm(4)
            height = metrics.height() + mm(1.5)
            box = QRectF(self.width - width, 0, width, height)
            painter.drawRect(box)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), footer.mark)


def lay_out(document: Document) -> LaidOut:
    """Lay a document out in A4 pages (no device needed)."""
    return LaidOut(document)


def _scale(device: QPagedPaintDevice) -> float:
    return device.logicalDpiX() / LAYOUT_DPI


def render_to_device(document: Document | LaidOut, device: QPagedPaintDevice) -> int:
    """Paint every page on ``device`` (a QPdfWriter or QPrinter), A4 with the document's
    margins.

    Returns:
        The number of pages.

    Raises:
        OSError: the device could not be painted on (e.g. a printer that went away).
    """
    laid = document if isinstance(document, LaidOut) else LaidOut(document)
    if not device.setPageLayout(laid.document.setup.page_layout()):
        log.warning("the device refused the A4 page layout; printing on its own page size")
    if isinstance(device, QPdfWriter):
        device.setTitle(laid.document.title)
        device.setCreator("Brankas")
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting on the device")
    try:
        scale = _scale(device)
        for index in range(laid.pages):
            if index:
                device.newPage()
            laid.paint_page(painter, index, scale)
    finally:
        painter.end()
    return laid.pages


def pdf_bytes(document: Document | LaidOut) -> bytes:
    """The document as a PDF file's bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    render_to_device(document, writer)
    del writer  # the PDF is complete once the writer is gone
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def render(document: Document, target: Path | QPagedPaintDevice) -> int:
    """Write ``document`` as an A4 PDF file (owner-only, atomically) or paint it on a device.

    Args:
        document: what to render.
        target: a file path, or a QPdfWriter / QPrinter to paint on.

    Returns:
        The number of pages.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written (nothing is left behind).
    """
    laid = LaidOut(document)
    if isinstance(target, QPagedPaintDevice):
        return render_to_device(laid, target)
    atomic_write(Path(target), pdf_bytes(laid))
    return laid.pages


def render_images(document: Document | LaidOut, dpi: float = 96.0) -> list[QImage]:
    """Every page as a white A4 image at ``dpi`` (for an on-screen preview)."""
    laid = document if isinstance(document, LaidOut) else LaidOut(document)
    layout = laid.document.setup.page_layout()
    full = layout.fullRect(QPageLayout.Unit.Millimeter)
    paint = layout.paintRect(QPageLayout.Unit.Millimeter)
    scale = dpi / LAYOUT_DPI
    out = []
    for index in range(laid.pages):
        image = QImage(
            round(mm(full.width()) * scale),
            round(mm(full.height()) * scale),
            QImage.Format.Format_RGB32,
        )
        image.setDotsPerMeterX(round(dpi / _MM_PER_INCH * 1000))
        image.setDotsPerMeterY(round(dpi / _MM_PER_INCH * 1000))
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(mm(paint.left()) * scale, mm(paint.top()) * scale)
        laid.paint_page(painter, index, scale)
        painter.end()
        out.append(image)
    return out


def image_bytes(image: QImage, fmt: str = "PNG") -> bytes:
    """An image encoded (PNG by default)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time, whatever its stubs say.
    image.save(buffer, fmt)  # type: ignore[call-overload]
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def join_html(parts: Sequence[str]) -> str:
    """Wrap body parts in one HTML document."""
    return "<html><body>" + "".join(parts) + "</body></html>"
