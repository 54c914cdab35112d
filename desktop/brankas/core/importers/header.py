"""Find the header row of a sheet (also below a title block) and name its columns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from brankas.core.importers.mapping import REPEATABLE, Field, match_field
from brankas.core.importers.sources import RawTable
from brankas.core.importers.values import clean_text

SCAN_ROWS: Final = 30  # a title block is a few rows; headers further down are not looked for
_MAX_HEADER_CHARS: Final = 80
_MIN_FIELDS: Final = 2


@dataclass(frozen=True, slots=True)
class Header:
    """The header row and the columns kept.

    ``row`` indexes ``RawTable.rows`` (-1: the file has no header row, every row is data);
    ``columns[i]`` is the 0-based source column named ``names[i]``. ``guessed`` says that no
    row looked like a header, so the wizard should ask.
    """

    row: int
    names: tuple[str, ...]
    columns: tuple[int, ...]
    guessed: bool = False

    @property
    def first_data_row(self) -> int:
        """Index in ``RawTable.rows`` of the first row below the header."""
        return self.row + 1


def column_letter(index: int) -> str:
    """Excel's letter for a 0-based column (0 → ``A``, 26 → ``AA``)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _score(row: tuple[object, ...]) -> int:
    fields: set[Field] = set()
    for value in row:
        if isinstance(value, str) and 0 < len(value) <= _MAX_HEADER_CHARS:
            hit = match_field(value)
            if hit is not None and hit[0] not in REPEATABLE:
                fields.add(hit[0])
    return len(fields)


def _texty(row: tuple[object, ...]) -> bool:
    filled = [v for v in row if v is not None and v != ""]
    return len(filled) >= _MIN_FIELDS and all(isinstance(v, str) for v in filled)


def find_header(table: RawTable, *, scan_rows: int = SCAN_ROWS) -> Header:
    """Find the header: among the first rows, the one naming the most known fields.

    A title block above it (merged or not) is skipped. When no row names at least two
    fields, the first row of text only is taken and ``guessed`` is set; when there is none,
    the file is read as having no header row.
    """
    best_row, best_score = -1, 0
    for i, row in enumerate(table.rows[:scan_rows]):
        score = _score(row)
        if score > best_score:
            best_row, best_score = i, score
    if best_score >= _MIN_FIELDS:
        return header_at(table, best_row)
    for i, row in enumerate(table.rows[:scan_rows]):
        if _texty(row):
            return header_at(table, i, guessed=True)
    return header_at(table, -1, guessed=True)


def header_at(table: RawTable, row: int, *, guessed: bool = False) -> Header:
    """The header when the user says which row it is (-1: no header row).

    Columns with neither a name nor any data are left out; unnamed columns with data are
    called "Kolom <letter>"; repeated names get " (2)", " (3)", ...

    Raises:
        IndexError: ``row`` is not a row of the table.
    """
    if not -1 <= row < len(table.rows):
        raise IndexError("no such row")
    head = table.rows[row] if row >= 0 else ()
    width = max((len(r) for r in table.rows[row + 1 :]), default=0)
    width = max(width, len(head))
    used = [False] * width
    for r in table.rows[row + 1 :]:
        for c, value in enumerate(r):
            if not used[c] and value is not None and value != "":
                used[c] = True
    names: list[str] = []
    columns: list[int] = []
    seen: dict[str, int] = {}
    for c in range(width):
        name = clean_text(head[c]) if c < len(head) else ""
        if not name and not used[c]:
            continue
        name = name or f"Kolom {column_letter(c)}"
        key = name.casefold()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            name = f"{name} ({seen[key]})"
        names.append(name)
        columns.append(c)
    return Header(row, tuple(names), tuple(columns), guessed)
