"""Helpers for the import/export tests: a vault with a term and kecamatan, and messy
spreadsheets written the way Excel and people write them (made here, never checked in).

Each test module defines its own fixtures with :func:`make_world` (fixtures imported from
here would shadow)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl

from brankas.core.domain.enums import Election
from brankas.core.domain.models import Term
from brankas.core.importers.xlsx_writer import ooxml_escape
from brankas.core.services import office, terms
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault

MakeVault = Callable[..., tuple[Vault, str]]
NOW = datetime(2024, 9, 2, 3, 0, tzinfo=UTC)
KECAMATAN = ("Biau", "Bokat", "Bukal", "Paleleh", "Paleleh Barat", "Tiloan")
TABLES = (
    "kecamatan",
    "term_kecamatan",
    "account",
    "account_secret",
    "password_history",
    "settings",
    "audit_event",
)


@dataclass
class World:
    """A vault of Kabupaten Buol with a Pilkada term and its kecamatan."""

    ctx: ServiceContext
    term: Term
    kec: dict[str, int]


def make_world(make_vault: MakeVault, kecamatan: Sequence[str] = KECAMATAN) -> World:
    vault, _kit = make_vault()
    ctx = ServiceContext(vault, clock=lambda: NOW)
    term = terms.add_term(
        ctx,
        election=Election.PILKADA,
        year=2024,
        start_date=date(2024, 5, 1),
        end_date=date(2025, 1, 27),
    )
    kec = {name: office.add_kecamatan(ctx, name).id for name in kecamatan}
    return World(ctx, term, kec)


def snapshot(ctx: ServiceContext) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an import writes."""
    return {
        t: [tuple(r) for r in ctx.conn.execute(f"SELECT * FROM {t} ORDER BY 1")]  # noqa: S608
        for t in TABLES
    }


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "Akun",
    merges: Sequence[str] = (),
    excel_strings: bool = False,
    extra_sheets: Mapping[str, Sequence[Sequence[Any]]] | None = None,
) -> Path:
    """Write rows with openpyxl (None leaves a cell empty; "=..." strings are formulas).

    ``excel_strings`` escapes text as Excel stores it (``_x000D_`` for CR, ``_x005F_``
    before a literal ``_xHHHH_``, control characters) and never reads "=..." as a formula.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c)
            if excel_strings and isinstance(value, str):
                cell.value = ooxml_escape_for_openpyxl(value)
                cell.data_type = "s"
            else:
                cell.value = value
    for ref in merges:
        ws.merge_cells(ref)
    for name, more in (extra_sheets or {}).items():
        other = wb.create_sheet(name)
        for values in more:
            other.append(list(values))
    wb.save(path)
    return path


def ooxml_escape_for_openpyxl(text: str) -> str:
    """The ``_xHHHH_`` escaping Excel applies (openpyxl does the XML entities itself)."""
    escaped = ooxml_escape(text)
    return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def save_formula_values(path: Path, values: Mapping[str, Any]) -> None:
    """Add cached values to formula cells, as Excel does when it saves (openpyxl does not)."""
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    for ref, value in values.items():
        kind = ' t="str"' if isinstance(value, str) else ""  # Excel marks text results
        sheet, count = re.subn(
            # openpyxl writes <v/> or <v></v> depending on whether lxml is installed
            rf'<c r="{ref}"([^>]*)>\s*(<f>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)',
            lambda m, v=value, k=kind, r=ref: f'<c r="{r}"{m[1]}{k}>{m[2]}<v>{v}</v>',
            sheet,
        )
        assert count == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def csv_bytes(
    rows: Iterable[Sequence[Any]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    lineterminator: str = "\r\n",
) -> bytes:
    """CSV as Excel saves it ("CSV UTF-8" has a BOM; plain "CSV" is Windows-1252)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def write_csv(path: Path, rows: Iterable[Sequence[Any]], **kw: Any) -> Path:
    path.write_bytes(csv_bytes(rows, **kw))
    return path


HEADER_ID = (
    "No",
    "Kecamatan",
    "Media Sosial",
    "Nama Akun",
    "Kata Sandi",
    "No HP",
    "Email Pemulihan",
)
