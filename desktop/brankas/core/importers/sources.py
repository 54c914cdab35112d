"""Read a file to import as a grid of cells: .xlsx (see ``_xlsx``) or .csv, within limits."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Final, TypeAlias

from brankas.core.errors import ImportFileInvalid, ImportTooLarge

Cell: TypeAlias = str | int | float | bool | datetime | date | time | timedelta | None
Row: TypeAlias = tuple[Cell, ...]
Progress: TypeAlias = Callable[[int], None]
"""Called with the number of rows read so far; it may raise to cancel the read."""

PROGRESS_EVERY: Final = 1000


class SourceKind(StrEnum):
    """What a file turned out to be."""

    XLSX = "xlsx"
    CSV = "csv"
    KEEPASS_CSV = "keepass_csv"
    KEEPASS_XML = "keepass_xml"
    KDBX = "kdbx"
    BITWARDEN_JSON = "bitwarden_json"
    BITWARDEN_CSV = "bitwarden_csv"


@dataclass(frozen=True, slots=True)
class Limits:
    """What a file may hold; anything over a limit is refused with :class:`ImportTooLarge`.

    ``max_rows`` counts non-empty rows below the header; ``header_rows`` more are allowed
    above it (a title block). ``max_unzipped`` bounds what an .xlsx expands to.
    """

    max_bytes: int = 64 * 2**20
    max_rows: int = 100_000
    header_rows: int = 30
    max_columns: int = 100
    max_cell_chars: int = 32_767  # Excel's own cell limit
    max_unzipped: int = 768 * 2**20

    @property
    def row_cap(self) -> int:
        """Non-empty rows a file may have in all (data and the block above it)."""
        return self.max_rows + self.header_rows


DEFAULT_LIMITS: Final = Limits()


@dataclass(frozen=True, slots=True)
class RawTable:
    """The non-empty rows of one sheet or CSV file, as read (no cleaning yet).

    ``row_numbers[i]`` is the 1-based row (CSV: line) where ``rows[i]`` starts, for
    messages. ``missing_values`` holds (row number, 0-based column) of formula cells whose
    value was never saved (files written by programs that do not calculate). ``complete``
    is False when only the first rows were read (a quick look for the first preview page).
    """

    name: str
    kind: SourceKind
    rows: tuple[Row, ...]
    row_numbers: tuple[int, ...]
    sha256: str
    sheet: str = ""
    encoding: str = ""
    delimiter: str = ""
    date1904: bool = False
    missing_values: frozenset[tuple[int, int]] = frozenset()
    complete: bool = True
    skipped_entries: int = 0  # password-manager items left out (notes, cards, recycle bin)


def read_limited(path: Path, limits: Limits) -> bytes:
    """The bytes of ``path``, refusing a file over ``limits.max_bytes`` without reading it all.

    Raises:
        ImportTooLarge: code ``file_too_large``.
        ImportFileInvalid: code ``file_unreadable``.
    """
    try:
        size = os.stat(path).st_size
        if size > limits.max_bytes:
            raise _too_big(limits)
        with open(path, "rb") as fh:
            data = fh.read(limits.max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise ImportFileInvalid("the file cannot be read", "file_unreadable") from exc
    if len(data) > limits.max_bytes:
        raise _too_big(limits)
    return data


def _too_big(limits: Limits) -> ImportTooLarge:
    return ImportTooLarge(
        f"the file is larger than {limits.max_bytes} bytes",
        "file_too_large",
        limit=limits.max_bytes,
    )


def too_many_rows(limits: Limits, row: int) -> ImportTooLarge:
    """The error for a file with more rows than allowed."""
    return ImportTooLarge(
        f"the file has more than {limits.max_rows} rows",
        "too_many_rows",
        limit=limits.max_rows,
        row=row,
    )


def check_row(values: Sequence[Cell], limits: Limits, row: int) -> Row:
    """Drop trailing empty cells and check the row against the column and cell limits.

    Raises:
        ImportTooLarge: code ``too_many_columns`` or ``cell_too_long``.
    """
    end = len(values)
    while end and (values[end - 1] is None or values[end - 1] == ""):
        end -= 1
    if end > limits.max_columns:
        raise ImportTooLarge(
            f"a row has more than {limits.max_columns} columns",
            "too_many_columns",
            limit=limits.max_columns,
            row=row,
        )
    out = tuple(values[:end])
    for value in out:
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            raise ImportTooLarge(
                f"a cell is longer than {limits.max_cell_chars} characters",
                "cell_too_long",
                limit=limits.max_cell_chars,
                row=row,
            )
    return out


def is_blank(row: Sequence[Cell]) -> bool:
    """True when no cell of the row holds anything but whitespace."""
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


# --- CSV ----------------------------------------------------------------------------------
_CANDIDATES: Final = (",", ";", "\t")
_SNIFF_CHARS: Final = 64 * 1024
_SNIFF_LINES: Final = 60


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file as Excel and Windows write them.

    Returns:
        (text, encoding): UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode
        text"), otherwise Windows-1252.

    Raises:
        ImportFileInvalid: code ``csv_binary`` (NUL bytes: not a text file) or
            ``csv_encoding`` (none of those encodings fits).
    """
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _decode(data[3:], "utf-8"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode(data, "utf-16"), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode(data, "cp1252"), "cp1252"
    if "\x00" in text:
        raise ImportFileInvalid("the file is not a text file", "csv_binary")
    return text, encoding


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFileInvalid("the text encoding is not recognised", "csv_encoding") from exc


def sniff_delimiter(text: str) -> str:
    """Pick ``,``, ``;`` or tab: the one that splits the first lines most consistently."""
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS:
        sample = sample[: sample.rfind("\n") + 1] or sample  # no half line at the end
    best, best_score = ",", (0.0, 0)
    for delimiter in _CANDIDATES:
        counts: list[int] = []
        try:
            for fields in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
                if any(f.strip() for f in fields):
                    counts.append(len(fields))
                if len(counts) >= _SNIFF_LINES:
                    break
        except csv.Error:
            continue
        if not counts:
            continue
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        if mode < 2:
            continue
        score = (counts.count(mode) / len(counts), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_bytes(
    data: bytes,
    name: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    max_rows: int | None = None,
    progress: Progress | None = None,
) -> RawTable:
    """Parse CSV bytes (encoding and delimiter detected; ``sep=`` hint line honoured).

    Cells are kept exactly as written: no trimming here, so passwords survive unchanged.

    Args:
        data: the file's bytes.
        name: the file name, for messages and the audit event.
        limits: size limits.
        max_rows: stop after this many non-empty rows (``complete`` is then False).
        progress: called every 1,000 rows.

    Raises:
        ImportFileInvalid: ``csv_binary``, ``csv_encoding``, ``csv_malformed``.
        ImportTooLarge: ``too_many_rows``, ``too_many_columns``, ``cell_too_long``.
    """
    if len(data) > limits.max_bytes:
        raise _too_big(limits)
    sha = hashlib.sha256(data).hexdigest()
    text, encoding = decode_text(data)
    first_line = 1
    head = text[:16].lower()
    if head.startswith("sep=") and len(text) > 4 and text[4] in ",;\t|":
        delimiter = text[4]
        cut = text.find("\n")
        text = "" if cut < 0 else text[cut + 1 :]
        first_line = 2
    else:
        delimiter = sniff_delimiter(text)
    rows: list[Row] = []
    numbers: list[int] = []
    complete = True
    # The csv module's own field limit (128 KiB) bounds a runaway quoted field; ours is
    # smaller and checked per cell, so the module-wide setting is never changed.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = first_line
    try:
        for fields in reader:
            row_no = start
            start = reader.line_num + first_line
            if is_blank(fields):
                continue
            if len(rows) >= limits.row_cap:
                raise too_many_rows(limits, row_no)
            if max_rows is not None and len(rows) >= max_rows:
                complete = False
                break
            rows.append(check_row(fields, limits, row_no))
            numbers.append(row_no)
            if progress is not None and len(rows) % PROGRESS_EVERY == 0:
                progress(len(rows))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ImportTooLarge(
                "a cell is too long",
                "cell_too_long",
                limit=limits.max_cell_chars,
                row=start,
            ) from exc
        raise ImportFileInvalid("the CSV file is malformed", "csv_malformed", row=start) from exc
    return RawTable(
        name=name,
        kind=SourceKind.CSV,
        rows=tuple(rows),
        row_numbers=tuple(numbers),
        sha256=sha,
        encoding=encoding,
        delimiter=delimiter,
        complete=complete,
    )


def read_csv(
    path: Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    max_rows: int | None = None,
    progress: Progress | None = None,
) -> RawTable:
    """Read a CSV file; see :func:`read_csv_bytes`.

    Raises:
        ImportFileInvalid, ImportTooLarge: as for :func:`read_csv_bytes`, and
            ``file_unreadable`` / ``file_too_large``.
    """
    data = read_limited(path, limits)
    return read_csv_bytes(data, path.name, limits=limits, max_rows=max_rows, progress=progress)
