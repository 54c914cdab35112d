"""A file read and understood: its table, header row and column mapping."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

from brankas.core.importers.header import Header
from brankas.core.importers.mapping import ColumnMapping
from brankas.core.importers.sources import RawTable


class MappingOrigin(StrEnum):
    """Where the column mapping came from (the wizard says so to the user)."""

    PROPOSED = "proposed"  # guessed from the header names
    REMEMBERED = "remembered"  # saved when a file with the same header was imported
    FIXED = "fixed"  # a password manager's export: the layout is known
    EDITED = "edited"  # changed by the user


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the preview is built from. ``mapping.names`` equals ``header.names``."""

    table: RawTable
    header: Header
    mapping: ColumnMapping
    origin: MappingOrigin

    def __post_init__(self) -> None:
        if self.mapping.names != self.header.names:
            raise ValueError("the mapping does not belong to this header")

    @property
    def data_rows(self) -> int:
        """How many rows lie below the header (read so far, when the table is a first look)."""
        return len(self.table.rows) - self.header.first_data_row

    def with_mapping(self, mapping: ColumnMapping) -> Prepared:
        """The same file with a mapping the user edited.

        Raises:
            ValueError: the mapping is for other columns.
        """
        return dataclasses.replace(self, mapping=mapping, origin=MappingOrigin.EDITED)
