"""Pagination in pieces: a document's HTML is cut at markers into parts that flow over pages and
parts kept on one page, each laid out once in its own QTextDocument and placed page by page.

Why not one QTextDocument with page breaks: moving a block to the next page means setting
a page-break policy after layout, and each such change lays the whole document out again
(0.2 s for a 50-page report, times every move). Here each piece is laid out once: a piece
that fits in what is left of the page goes there; one that does not starts the next page
(whole when it fits on a page; a longer one is paginated by Qt from the top of that page,
table headers repeated). So a "flow" piece differs from a "keep" one only by where the
markers cut: long tables go in flow pieces, signature blocks in keep pieces.

Markers are HTML comments, so the same HTML still reads as one document anywhere else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtGui import QTextDocument

FLOW: Final = "flow"
KEEP: Final = "keep"
KEEP_NEXT: Final = "keep-next"
_MARK: Final = re.compile(r"<!--brankas-piece:(flow|keep|keep-next)-->")
_BODY: Final = re.compile(r"^\s*<html><body>|</body></html>\s*$")


def marker(kind: str) -> str:
    """The comment that starts a piece of ``kind`` (flow, keep, keep-next)."""
    return f"<!--brankas-piece:{kind}-->"


def split_pieces(html: str) -> list[tuple[str, str]]:
    """The document's pieces in order as (kind, html), a keep-next piece joined to the
    piece after it (taking that piece's kind), empty pieces dropped."""
    body = _BODY.sub("", html)
    parts = _MARK.split(body)
    raw = [(FLOW, parts[0]), *zip(parts[1::2], parts[2::2], strict=True)]
    out: list[tuple[str, str]] = []
    pending = ""
    for kind, text in raw:
        if not text.strip():
            continue
        if kind == KEEP_NEXT:
            pending += text
            continue
        out.append((kind, pending + text))
        pending = ""
    if pending:
        out.append((KEEP, pending))
    return out


def content_bottom(doc: QTextDocument) -> float:
    """The bottom of the last thing drawn (the empty block Qt keeps after a final table
    does not count)."""
    layout = doc.documentLayout()
    bottom = 0.0
    it = doc.rootFrame().begin()
    while not it.atEnd():
        block = it.currentBlock()
        if not block.isValid():  # a frame (a table) at this point of the root frame
            bottom = max(bottom, layout.frameBoundingRect(it.currentFrame()).bottom())
        elif block.text().strip():
            bottom = max(bottom, layout.blockBoundingRect(block).bottom())
        it += 1
    return bottom


@dataclass(slots=True)
class Placed:
    """A piece on the pages: from page ``page`` at ``y`` (0 when paginated), over ``pages``."""

    doc: QTextDocument
    page: int
    y: float
    height: float  # unpaginated: its height; paginated: the page height
    paginated: bool
    pages: int = 1
    # Paginated: for a page whose top continues a paragraph from the page before, where
    # the paint clip must start (see continued_lines).
    clip_tops: dict[int, float] = field(default_factory=dict)


def place(html: str, page_height: float, make: Callable[[str], QTextDocument]) -> list[Placed]:
    """Lay the pieces of ``html`` out on pages ``page_height`` high.

    Args:
        html: the document, with piece markers.
        page_height: the height of a page's body, in layout pixels.
        make: builds a piece's QTextDocument, paginated in pages of the body's size (a
            piece shorter than a page is then laid out as it would be anywhere on a
            page: one layout per piece).

    Returns:
        The placed pieces in document order.
    """
    out: list[Placed] = []
    page, y = 0, 0.0
    for _kind, text in split_pieces(html):
        doc = make(text)
        height = content_bottom(doc)
        if height <= 0:
            continue
        if y > 0 and y + height > page_height:
            page, y = page + 1, 0.0  # kept whole on the next page
        if height <= page_height:
            out.append(Placed(doc, page, y, height, paginated=False))
            y += height
            continue
        # Longer than a page: Qt paginated it from the top of a page.
        last = max(0, math.ceil(height / page_height) - 1)
        tops = continued_lines(doc, page_height)
        out.append(Placed(doc, page, 0.0, page_height, True, last + 1, tops))
        page, y = page + last, height - last * page_height
    return out


def continued_lines(doc: QTextDocument, page_height: float) -> dict[int, float]:
    """For each page that begins in the middle of a paragraph: just below that page's
    first line (in the piece's coordinates).

    QTextLayout.draw starts at the last line lying wholly above its clip, not the first
    one inside it; so a paragraph running over a page break would have its last line of
    the page before drawn again (invisible under the painter's clip, but text a PDF
    reader extracts twice). A clip starting below the page's first line makes that first
    line the one drawn first.
    """
    layout = doc.documentLayout()
    tops: dict[int, float] = {}
    it = doc.rootFrame().begin()
    # Paragraphs of the body only: a table repeats its header row at the top of a page,
    # and a clip starting lower would leave it out.
    while not it.atEnd():
        block = it.currentBlock()
        lines = block.layout() if block.isValid() else None
        if lines is not None and lines.lineCount() > 1:
            origin = layout.blockBoundingRect(block).top()
            page = int((origin + lines.lineAt(0).y()) // page_height)
            for i in range(1, lines.lineCount()):
                line = lines.lineAt(i)
                top = origin + line.y()
                if int(top // page_height) > page:
                    page = int(top // page_height)
                    tops.setdefault(page, top + line.height() + 0.5)
        it += 1
    return tops


def page_count(placed: list[Placed]) -> int:
    """How many pages the placed pieces fill (at least one)."""
    return max([p.page + p.pages for p in placed], default=1)


def on_page(placed: list[Placed], index: int) -> Iterator[tuple[Placed, int]]:
    """The pieces with something on page ``index``, each with its own page number there."""
    for p in placed:
        if p.page <= index < p.page + p.pages:
            yield p, index - p.page
