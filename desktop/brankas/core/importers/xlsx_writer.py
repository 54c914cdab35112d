"""A small, fast writer of one-sheet .xlsx registers: styled header, column widths, frozen
header row, autofilter, real dates.

openpyxl's write-only mode needs ~7 s for 50,000 rows × 22 columns (its XML serialiser
works cell by cell); this writes the same SpreadsheetML directly in well under that. The
output is checked by reading it back with openpyxl in the tests.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final, TypeAlias

XlsxValue: TypeAlias = str | int | date | None

_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_EPOCH: Final = date(1899, 12, 30)
_STYLE_HEADER: Final = 1
_STYLE_DATE: Final = 2
# Characters XML cannot carry, CR (XML reading turns CR LF into LF) and a literal "_xHHHH_"
# are written as OOXML escapes, as Excel does, so every string reads back unchanged.
_OOXML_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_XML_SPECIAL = re.compile(r"[&<>]")
_XML_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


@dataclass(frozen=True, slots=True)
class XlsxColumn:
    """A register column: its header text and width (in characters)."""

    title: str
    width: float = 14


def column_letters(count: int) -> list[str]:
    """Excel's letters for the first ``count`` columns."""
    out: list[str] = []
    for index in range(count):
        letters, n = "", index + 1
        while n:
            n, rem = divmod(n - 1, 26)
            letters = chr(65 + rem) + letters
        out.append(letters)
    return out


def ooxml_escape(text: str) -> str:
    """Escape a string for a SpreadsheetML text element (XML entities and ``_xHHHH_``)."""
    if _OOXML_ESCAPE.search(text):
        text = _OOXML_ESCAPE.sub(lambda m: f"_x{ord(m[0]):04X}_", text)
    if _XML_SPECIAL.search(text):
        text = _XML_SPECIAL.sub(lambda m: _XML_ENTITIES[m[0]], text)
    return text


def _cell(ref: str, value: XlsxValue, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    if isinstance(value, str):
        return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{ooxml_escape(value)}</t></is></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'<c r="{ref}" s="{_STYLE_DATE}"><v>{(value - _EPOCH).days}</v></c>'
    return f'<c r="{ref}"{s}><v>{int(value)}</v></c>' if value is not None else ""


def _sheet(columns: Sequence[XlsxColumn], rows: Iterable[Sequence[XlsxValue]]) -> tuple[str, int]:
    letters = column_letters(len(columns))
    parts: list[str] = []
    header = "".join(_cell(f"{letters[i]}1", c.title, _STYLE_HEADER) for i, c in enumerate(columns))
    parts.append(f'<row r="1">{header}</row>')
    number = 1
    for number, values in enumerate(rows, start=2):
        cells = "".join(
            _cell(f"{letters[i]}{number}", v)
            for i, v in enumerate(values)
            if v is not None and v != ""
        )
        parts.append(f'<row r="{number}">{cells}</row>')
    last = f"{letters[-1]}{number}"
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{c.width:g}" customWidth="1"/>'
        for i, c in enumerate(columns, start=1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{cols}</cols>"
        f"<sheetData>{''.join(parts)}</sheetData>"
        f'<autoFilter ref="A1:{last}"/>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )
    return xml, number


_STYLES: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/>'
    "</font></fonts>"
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/>'
    "</patternFill></fill></fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"'
    ' applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def write_xlsx(
    columns: Sequence[XlsxColumn],
    rows: Iterable[Sequence[XlsxValue]],
    *,
    sheet_name: str = "Register",
    created: datetime | None = None,
) -> bytes:
    """A complete .xlsx file with one sheet.

    Args:
        columns: header titles and widths.
        rows: values per column: text, whole numbers, dates (None or "" leaves the cell
            empty). Text is never read as a formula.
        sheet_name: the tab's name (at most 31 characters; ``[]:*?/\\`` are replaced).
        created: the document's creation time (default: now).

    Returns:
        The file's bytes.
    """
    if not columns:
        raise ValueError("a register needs columns")
    name = re.sub(r"[\[\]:*?/\\]", "_", sheet_name)[:31] or "Sheet1"
    sheet, last_row = _sheet(columns, rows)
    last_col = column_letters(len(columns))[-1]
    when = (created or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    escaped = ooxml_escape(name)
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>"
        ),
        "docProps/app.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>Brankas</Application></Properties>"
        ),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:creator>Brankas</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
            "</cp:coreProperties>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets><sheet name="{escaped.replace(chr(34), "&quot;")}" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f"{ooxml_escape(_quote_sheet(name))}!$A$1:${last_col}${last_row}</definedName></definedNames>"
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": _STYLES,
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    # Level 1: a register compresses ~10:1 already; higher levels cost seconds at 50,000 rows.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for part, text in files.items():
            zf.writestr(part, text.encode("utf-8"))
    return buffer.getvalue()
