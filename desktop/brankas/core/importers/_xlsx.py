"""Read one sheet of an .xlsx workbook with openpyxl (read-only, values of formulas),
after checking the ZIP container, and recover what read-only mode cannot see: merged
ranges and formula cells without a saved value."""

from __future__ import annotations

import hashlib
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from brankas.core.errors import ImportFileInvalid, ImportTooLarge
from brankas.core.importers.sources import (
    DEFAULT_LIMITS,
    PROGRESS_EVERY,
    Cell,
    Limits,
    Progress,
    RawTable,
    Row,
    SourceKind,
    check_row,
    is_blank,
    read_limited,
    too_many_rows,
)

log = logging.getLogger(__name__)

_MAX_MEMBERS: Final = 10_000
_SCAN_CHUNK: Final = 1 << 20
_SCAN_OVERLAP: Final = 16 * 1024  # a formula cell longer than this is not flagged
_MAX_MERGES: Final = 100_000
_EXCEL_ROWS: Final = 1_048_576
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
# A formula cell whose <v> is absent or empty: what openpyxl and other non-calculating
# writers produce. Excel always saves the value.
_NO_VALUE = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*'
    rb"(?:<(?:\w+:)?f\b[^>]*/>|<(?:\w+:)?f\b[^>]*>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)


@dataclass(frozen=True, slots=True)
class SheetInfo:
    """A worksheet of a workbook, as the wizard offers it."""

    name: str
    visible: bool


def unescape(text: str) -> str:
    """Decode OOXML ``_xHHHH_`` escapes, as Excel writes CR (``_x000D_``), control
    characters and a literal ``_x`` (``_x005F_``)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), text)


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_container(path: Path, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise ImportFileInvalid("the workbook is damaged", "xlsx_malformed") from exc
    if len(infos) > _MAX_MEMBERS:
        raise ImportFileInvalid("the workbook is malformed", "xlsx_malformed")
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        code = "ods_unsupported" if "content.xml" in names else "xlsx_not_workbook"
        raise ImportFileInvalid("the file is not an Excel workbook", code)
    # Declared sizes are enforced by zipfile (a member that expands further fails its CRC).
    if sum(i.file_size for i in infos) > limits.max_unzipped:
        raise ImportTooLarge(
            "the workbook expands to too much data", "file_too_large", limit=limits.max_unzipped
        )


def _load(path: Path) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (ImportFileInvalid, MemoryError):
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ImportFileInvalid("the workbook is damaged", "xlsx_malformed") from exc


def list_sheets(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> list[SheetInfo]:
    """The worksheets of a workbook in their order (chart sheets left out).

    Raises:
        ImportFileInvalid: ``xlsx_malformed``, ``xlsx_not_workbook``, ``ods_unsupported``.
        ImportTooLarge: ``file_too_large``.
    """
    read_limited_size(path, limits)
    _check_container(path, limits)
    wb = _load(path)
    try:
        return [SheetInfo(ws.title, ws.sheet_state == "visible") for ws in wb.worksheets]
    finally:
        wb.close()


def read_limited_size(path: Path, limits: Limits) -> None:
    """Refuse a file over the byte limit before opening it (no read)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileInvalid("the file cannot be read", "file_unreadable") from exc
    if size > limits.max_bytes:
        raise ImportTooLarge(
            f"the file is larger than {limits.max_bytes} bytes",
            "file_too_large",
            limit=limits.max_bytes,
        )


def _pick(wb: Any, sheet: str | None) -> Any:
    if sheet is not None:
        if sheet not in wb.sheetnames:
            raise ImportFileInvalid("the workbook has no sheet of that name", "xlsx_no_sheet")
        ws = wb[sheet]
        if not hasattr(ws, "iter_rows"):
            raise ImportFileInvalid("that sheet is a chart", "xlsx_no_sheet")
        return ws
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            return ws
    if wb.worksheets:
        return wb.worksheets[0]
    raise ImportFileInvalid("the workbook has no worksheet", "xlsx_no_sheet")


def _scan(path: Path, member: str) -> tuple[list[tuple[int, int, int, int]], set[tuple[int, int]]]:
    """Merged ranges (min_col, min_row, max_col, max_row) and formula cells with no value."""
    merges: list[tuple[int, int, int, int]] = []
    missing: set[tuple[int, int]] = set()
    with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
        tail = b""
        while chunk := fh.read(_SCAN_CHUNK):
            data = tail + chunk
            if b"<f" in data or b":f" in data:
                for m in _NO_VALUE.finditer(data):
                    missing.add((int(m[2]), _column_number(m[1]) - 1))
            if b"mergeCell" in data:
                for m in _MERGE.finditer(data):
                    merges.append(
                        (_column_number(m[1]), int(m[2]), _column_number(m[3]), int(m[4]))
                    )
                    if len(merges) > _MAX_MERGES:
                        raise ImportFileInvalid("the sheet is malformed", "xlsx_malformed")
            tail = data[-_SCAN_OVERLAP:]
    # Overlapping chunks can report a merge twice.
    return sorted(set(merges)), missing


def _fill_merges(
    rows: dict[int, list[Cell]], merges: list[tuple[int, int, int, int]], limits: Limits
) -> None:
    """Give every cell of a merged range the range's value (a kecamatan merged down)."""
    for min_col, min_row, max_col, max_row in merges:
        top = rows.get(min_row)
        if top is None or min_col > len(top):
            continue
        value = top[min_col - 1]
        if value is None:
            continue
        last_col = min(max_col, limits.max_columns)
        for number in range(min_row, max_row + 1):
            row = rows.get(number)
            if row is None:
                continue  # a row holding nothing but the merged range stays out
            if len(row) < last_col:
                row.extend([None] * (last_col - len(row)))
            for col in range(min_col - 1, last_col):
                if row[col] is None:
                    row[col] = value


def _rows(ws: Any, limits: Limits) -> Iterator[tuple[int, Row]]:
    # Dimensions recorded in the file can be wrong; reading without them (and with an
    # explicit column bound) can neither cut rows off nor pad rows to 16,384 cells.
    ws.reset_dimensions()
    number = 0
    for number, values in enumerate(
        ws.iter_rows(max_col=limits.max_columns + 1, values_only=True), start=1
    ):
        if number > _EXCEL_ROWS:
            raise ImportFileInvalid("the sheet is malformed", "xlsx_malformed", row=number)
        if is_blank(values):
            continue
        yield number, values


def read_xlsx(
    path: Path,
    *,
    sheet: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    max_rows: int | None = None,
    progress: Progress | None = None,
) -> RawTable:
    """Read one sheet (default: the first visible one) of an .xlsx workbook.

    Formulas give their saved values; merged ranges are filled with their value; text
    keeps every character (OOXML escapes decoded) so passwords survive unchanged.

    Args:
        path: the workbook.
        sheet: the sheet's name (see :func:`list_sheets`).
        limits: size limits.
        max_rows: stop after this many non-empty rows (a quick first look: no merges and
            no formula check; ``complete`` is False).
        progress: called every 1,000 rows.

    Raises:
        ImportFileInvalid: ``file_unreadable``, ``xlsx_malformed``, ``xlsx_not_workbook``,
            ``ods_unsupported``, ``xlsx_no_sheet``.
        ImportTooLarge: ``file_too_large``, ``too_many_rows``, ``too_many_columns``,
            ``cell_too_long``.
    """
    data = read_limited(path, limits)  # read once for the hash the audit event records
    sha = hashlib.sha256(data).hexdigest()
    del data
    _check_container(path, limits)
    wb = _load(path)
    try:
        ws = _pick(wb, sheet)
        stored: dict[int, list[Cell]] = {}
        complete = True
        try:
            for number, values in _rows(ws, limits):
                if len(stored) >= limits.row_cap:
                    raise too_many_rows(limits, number)
                if max_rows is not None and len(stored) >= max_rows:
                    complete = False
                    break
                row = list(check_row(values, limits, number))
                for i, value in enumerate(row):
                    if isinstance(value, str):
                        row[i] = unescape(value)
                stored[number] = row
                if progress is not None and len(stored) % PROGRESS_EVERY == 0:
                    progress(len(stored))
        except (ImportFileInvalid, MemoryError):
            raise
        except Exception as exc:  # a damaged sheet part
            raise ImportFileInvalid("the sheet is damaged", "xlsx_malformed") from exc
        member = getattr(ws, "_worksheet_path", None)
        title, date1904 = str(ws.title), bool(getattr(wb, "epoch", None) and wb.epoch.year == 1904)
    finally:
        wb.close()
    missing: set[tuple[int, int]] = set()
    if complete and isinstance(member, str):
        try:
            merges, missing = _scan(path, member.lstrip("/"))
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise ImportFileInvalid("the sheet is damaged", "xlsx_malformed") from exc
        _fill_merges(stored, merges, limits)
        missing = {m for m in missing if m[1] < limits.max_columns}
        for number, _col in missing:
            # A row of formulas alone reads as empty: keep it, so the preview can say why.
            stored.setdefault(number, [])
    elif complete:
        log.warning("openpyxl gave no sheet path: merged cells and formulas not checked")
    numbers = sorted(stored)
    return RawTable(
        name=path.name,
        kind=SourceKind.XLSX,
        rows=tuple(tuple(stored[n]) for n in numbers),
        row_numbers=tuple(numbers),
        sha256=sha,
        sheet=title,
        date1904=date1904,
        missing_values=frozenset(missing),
        complete=complete,
    )
