"""Shared by the password-manager readers: a table built from entries, with a fixed mapping."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from brankas.core.importers.header import header_at
from brankas.core.importers.mapping import ColumnMapping, Field
from brankas.core.importers.prepared import MappingOrigin, Prepared
from brankas.core.importers.sources import Limits, RawTable, Row, SourceKind, check_row
from brankas.core.importers.sources import too_many_rows as _too_many_rows

RECYCLE_BINS = frozenset({"recycle bin", "tong sampah", "tempat sampah", "trash"})


def in_recycle_bin(group_path: str) -> bool:
    """True when a group path ("Root/Recycle Bin/…") passes through a recycle bin."""
    return any(part.strip().casefold() in RECYCLE_BINS for part in group_path.split("/"))


def fixed(table: RawTable, fields: Mapping[str, Field]) -> Prepared:
    """Header in the first row, each column's field from ``fields`` (others kept as notes)."""
    header = header_at(table, 0)
    mapping = ColumnMapping(
        header.names, tuple(fields.get(name, Field.EXTRA) for name in header.names)
    )
    return Prepared(table, header, mapping, MappingOrigin.FIXED)


def build_table(
    *,
    name: str,
    kind: SourceKind,
    sha256: str,
    names: Sequence[str],
    entries: Sequence[Mapping[str, str]],
    limits: Limits,
    skipped: int,
) -> RawTable:
    """A table with a header row ``names`` and one row per entry (keys are column names).

    Raises:
        ImportTooLarge: too many entries, columns or too long a value.
    """
    if len(entries) > limits.max_rows:
        raise _too_many_rows(limits, len(entries))
    rows: list[Row] = [check_row(list(names), limits, 1)]
    for number, entry in enumerate(entries, start=2):
        rows.append(check_row([entry.get(n, "") for n in names], limits, number))
    return RawTable(
        name=name,
        kind=kind,
        rows=tuple(rows),
        row_numbers=tuple(range(1, len(rows) + 1)),
        sha256=sha256,
        skipped_entries=skipped,
    )


def keep_rows(table: RawTable, keep: Sequence[bool], kind: SourceKind) -> RawTable:
    """The table without the data rows whose ``keep`` flag is False (the header stays)."""
    rows = [table.rows[0]] + [r for r, k in zip(table.rows[1:], keep, strict=True) if k]
    numbers = [table.row_numbers[0]] + [
        n for n, k in zip(table.row_numbers[1:], keep, strict=True) if k
    ]
    return dataclasses.replace(
        table,
        kind=kind,
        rows=tuple(rows),
        row_numbers=tuple(numbers),
        skipped_entries=table.skipped_entries + keep.count(False),
    )
