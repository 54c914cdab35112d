"""The office letterhead (kop surat) at the top of every document, from the office profile."""

from __future__ import annotations

import html
from dataclasses import dataclass

from brankas.core.domain.enums import OfficeKind
from brankas.core.domain.models import Office

INSTITUTION = "BADAN PENGAWAS PEMILIHAN UMUM"
_PREFIXES = ("bawaslu ", "badan pengawas pemilihan umum ")


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The lines of a letterhead. Official names stay in Indonesian in every language."""

    institution: str
    office: str
    address: str
    office_name: str  # the office's name as written in sentences ("Bawaslu Kabupaten Buol")
    city: str = ""


def office_line(name: str, kind: OfficeKind = OfficeKind.REGENCY) -> str:
    """``KABUPATEN BUOL`` from ``Bawaslu Kabupaten Buol``: the office's own line."""
    text = " ".join(name.split())
    lowered = text.casefold() + " "
    for prefix in _PREFIXES:
        if lowered.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    if not text:
        text = "PROVINSI" if kind is OfficeKind.PROVINCE else "KABUPATEN/KOTA"
    return text.upper()


def letterhead_of(office: Office) -> Letterhead:
    """The letterhead for an office profile (address, city and province on one line)."""
    parts = [office.address.strip()]
    for extra in (office.city.strip(), office.province.strip()):
        if extra and extra.casefold() not in " ".join(parts).casefold():
            parts.append(extra)
    return Letterhead(
        institution=INSTITUTION,
        office=office_line(office.name, office.kind),
        address=", ".join(p for p in parts if p),
        office_name=" ".join(office.name.split()),
        city=office.city.strip(),
    )


def letterhead_html(head: Letterhead) -> str:
    """The letterhead: two bold centred lines, the address, and a heavy rule under it."""
    address = (
        f'<p align="center" style="font-size:9pt; margin:2px 0 0 0;">{html.escape(head.address)}</p>'
        if head.address
        else ""
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
        '<tr><td style="border-bottom:3px double #000000; padding-bottom:6px;">'
        '<p align="center" style="font-size:13pt; font-weight:bold; margin:0;">'
        f"{html.escape(head.institution)}</p>"
        '<p align="center" style="font-size:13pt; font-weight:bold; margin:0;">'
        f"{html.escape(head.office)}</p>"
        f"{address}</td></tr></table>"
    )
