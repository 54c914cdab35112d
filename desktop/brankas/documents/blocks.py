"""HTML building blocks shared by the documents: parties, signature blocks, tables, titles.

QTextDocument reads a subset of HTML 4 and CSS 2.1; these blocks stay inside it (tables
for layout, sizes in pt, spacing in px = 1/96 inch as laid out by documents.render).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from brankas.core.domain.models import Person
from brankas.documents.flow import FLOW, KEEP, KEEP_NEXT, marker
from brankas.documents.i18n import tr

BORDER = "#000000"
HEAD_BG = "#e8e8e8"


@dataclass(frozen=True, slots=True)
class Party:
    """A person as a document names them (no contact details: none are printed)."""

    name: str
    position: str = ""
    nip: str = ""
    institution: str = ""

    @property
    def title(self) -> str:
        """Position and institution as one line, e.g. ``Ketua Bawaslu Kabupaten Buol``."""
        if not self.institution or self.institution.casefold() in self.position.casefold():
            return self.position
        if not self.position:
            return self.institution
        return f"{self.position} {self.institution}"


def party_of(person: Person) -> Party:
    """The printable part of a person record."""
    return Party(
        name=" ".join(person.name.split()),
        position=" ".join(person.position.split()),
        nip=person.nip.strip(),
        institution=" ".join(person.institution.split()),
    )


def esc(text: object) -> str:
    """HTML-escape any value's text."""
    return html.escape(str(text), quote=True)


def title_block(title: str, subtitle: str = "") -> str:
    """The document title (bold, underlined, centred) and an optional line under it."""
    sub = f'<p align="center" style="margin:2px 0 0 0;">{esc(subtitle)}</p>' if subtitle else ""
    return (
        '<p align="center" style="font-size:12pt; font-weight:bold; margin:14px 0 0 0;">'
        f"<u>{esc(title)}</u></p>{sub}"
    )


def paragraph(text_html: str, *, justify: bool = True, top: int = 8) -> str:
    """A body paragraph (already-escaped HTML inside)."""
    align = ' align="justify"' if justify else ""
    return f'<p{align} style="margin:{top}px 0 0 0; line-height:130%;">{text_html}</p>'


def numbered(items: Sequence[str], *, top: int = 6) -> str:
    """A numbered list as a two-column table (QTextDocument's list indent is too wide)."""
    rows = "".join(
        f'<tr><td width="22" valign="top">{n}.</td>'
        f'<td align="justify" style="padding-bottom:3px;">{item}</td></tr>'
        for n, item in enumerate(items, 1)
    )
    return (
        f'<table width="100%" cellspacing="0" cellpadding="1" style="margin-top:{top}px;">'
        f"{rows}</table>"
    )


def party_block(number: int, party: Party, called: str, language: str) -> str:
    """``1. Nama : …  Jabatan : …  NIP : …  Instansi : …  Selanjutnya disebut PIHAK …``."""
    rows: list[tuple[str, str]] = [(tr("name", language), f"<b>{esc(party.name)}</b>")]
    if party.position:
        rows.append((tr("position", language), esc(party.position)))
    if party.nip:
        rows.append((tr("nip", language), esc(party.nip)))
    if party.institution:
        rows.append((tr("institution", language), esc(party.institution)))
    body = "".join(
        f'<tr><td width="24" valign="top">{f"{number}." if i == 0 else ""}</td>'
        f'<td width="90" valign="top">{label}</td><td width="12" valign="top">:</td>'
        f"<td>{value}</td></tr>"
        for i, (label, value) in enumerate(rows)
    )
    called_html = tr("hereinafter", language).format(party=f"<b>{esc(called)}</b>")
    body += f'<tr><td></td><td colspan="3">{called_html}</td></tr>'
    return f'<table width="100%" cellspacing="0" cellpadding="1" style="margin-top:6px;">{body}</table>'


def signature_cell(captions: Iterable[str], party: Party | None, language: str) -> str:
    """One signature block: captions, room to sign, the name underlined, the NIP."""
    caption = "<br/>".join(esc(c) for c in captions if c)
    if party is None:
        return f'<p align="center">{caption}</p>'
    nip = f"<br/>{esc(tr('nip_line', language).format(nip=party.nip))}" if party.nip else ""
    return (
        f'<p align="center" style="margin:0;">{caption}</p>'
        '<p align="center" style="margin:64px 0 0 0;">'
        f"<b><u>{esc(party.name)}</u></b>{nip}</p>"
    )


def signature_row(cells: Sequence[str], *, top: int = 18) -> str:
    """Signature blocks side by side in equal columns."""
    width = 100 // max(1, len(cells))
    tds = "".join(f'<td width="{width}%" valign="top">{c}</td>' for c in cells)
    return (
        f'<table width="100%" cellspacing="0" cellpadding="4" style="margin-top:{top}px;">'
        f"<tr>{tds}</tr></table>"
    )


def data_table(
    headers: Sequence[str] | None,
    rows: Iterable[Sequence[str]],
    widths: Sequence[int],
    *,
    font_pt: float = 9.0,
    top: int = 8,
    align: Sequence[str] | None = None,
) -> str:
    """A ruled table; with ``headers``, a header row repeated on every page (without,
    the first column is shaded as labels). Cells are escaped HTML."""
    aligns = list(align) if align else ["left"] * len(widths)
    if headers is None:
        head = ""
        shade = [f' bgcolor="{HEAD_BG}"'] + [""] * (len(widths) - 1)
    else:
        head = (
            "<thead><tr>"
            + "".join(
                f'<th width="{w}%" bgcolor="{HEAD_BG}" align="center" valign="middle">{esc(h)}</th>'
                for h, w in zip(headers, widths, strict=True)
            )
            + "</tr></thead>"
        )
        shade = [""] * len(widths)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td valign="top" align="{a}" width="{w}%"{bg}>{cell}</td>'
            for cell, a, w, bg in zip(row, aligns, widths, shade, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-collapse:collapse; border-color:{BORDER}; font-size:{font_pt}pt; '
        f'margin-top:{top}px;">{head}<tbody>{body}</tbody></table>'
    )


def heading(text: str, *, top: int = 14, size_pt: float = 11.0, keep_next: bool = False) -> str:
    """A section heading; ``keep_next``: kept on the page of what follows it (the next
    piece, see documents.flow), never left alone at the foot of a page."""
    p = f'<p style="font-size:{size_pt}pt; font-weight:bold; margin:{top}px 0 0 0;">{esc(text)}</p>'
    if not keep_next:
        return p
    return marker(KEEP_NEXT) + p + marker(FLOW)


def keep_together(inner: str, *, top: int = 0) -> str:
    """Blocks that must not be split over two pages (e.g. the closing sentence and the
    signatures): a piece of its own, moved to the next page whole when it does not fit in
    what is left of this one. ``top``: space above it, as a margin on an empty line."""
    space = f'<p style="margin:{top}px 0 0 0; font-size:1pt;"></p>' if top else ""
    return marker(KEEP) + space + inner + marker(FLOW)
