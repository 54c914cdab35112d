"""Table models of the province's archives page: archives kept in the vault, and the outcome of
each file of the last import."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor

from brankas.core.archive.province import ImportedArchive
from brankas.gui.archive.export_terms_model import short_date
from brankas.gui.archive.review_models import ERROR_COLOR, RowsModel
from brankas.gui.i18n import current_language

OK_COLOR = "#2e7d32"


class ImportColumn(IntEnum):
    """Columns of the imported archives."""

    REGENCY = 0
    TERMS = 1
    EXPORTED = 2
    IMPORTED = 3
    CONTENTS = 4
    SEQ = 5
    SIGNER = 6


class ImportsModel(RowsModel[ImportedArchive]):
    """Archives kept in the province vault, by regency then export time."""

    columns = ImportColumn

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (
            self.tr("Regency / city"),
            self.tr("Terms"),
            self.tr("Exported"),
            self.tr("Imported"),
            self.tr("Contents"),
            self.tr("No."),
            self.tr("Signing key"),
        )

    def display(self, row: ImportedArchive, col: IntEnum) -> str:
        """Cell text."""
        c = ImportColumn(col)
        lang = current_language()
        if c is ImportColumn.REGENCY:
            return f"{row.office_name} ({row.office_code})"
        if c is ImportColumn.TERMS:
            return ", ".join(t.name for t in row.terms)
        if c is ImportColumn.EXPORTED:
            return short_date(row.exported_at.astimezone().date(), lang)
        if c is ImportColumn.IMPORTED:
            return short_date(row.imported_at.astimezone().date(), lang)
        if c is ImportColumn.CONTENTS:
            return self.tr("complete") if row.secrets_included else self.tr("metadata only")
        if c is ImportColumn.SEQ:
            return str(row.seq)
        return row.signer_key_id

    def sort_key(self, row: ImportedArchive, col: IntEnum) -> Any:
        """Times and numbers sort as such."""
        c = ImportColumn(col)
        if c is ImportColumn.EXPORTED:
            return row.exported_at.isoformat()
        if c is ImportColumn.IMPORTED:
            return row.imported_at.isoformat()
        if c is ImportColumn.SEQ:
            return row.seq
        return super().sort_key(row, col)

    def is_number(self, col: IntEnum) -> bool:
        """The export number."""
        return col == ImportColumn.SEQ

    def tooltip(self, row: ImportedArchive, col: IntEnum) -> str | None:
        """The file's SHA-256 on every cell (to compare with the regency's letter)."""
        return f"SHA-256 {row.sha256}"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One file of an import: accepted or refused, in a sentence."""

    path: Path
    ok: bool
    sentence: str
    code: str = ""  # the archive error's code ('' when imported)


class OutcomeColumn(IntEnum):
    """Columns of the import outcomes."""

    FILE = 0
    RESULT = 1


class OutcomesModel(RowsModel[Outcome]):
    """What happened to each file of the last import, in order."""

    columns = OutcomeColumn

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("File"), self.tr("Result"))

    def add(self, outcome: Outcome) -> None:
        """Append one file's outcome."""
        row = self.rowCount()
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(outcome)
        self.endInsertRows()

    def display(self, row: Outcome, col: IntEnum) -> str:
        """Cell text."""
        return row.path.name if col == OutcomeColumn.FILE else row.sentence

    def foreground(self, row: Outcome, col: IntEnum) -> QColor | None:
        """Green when imported, red when refused."""
        if col != OutcomeColumn.RESULT:
            return None
        return QColor(OK_COLOR if row.ok else ERROR_COLOR)

    def tooltip(self, row: Outcome, col: IntEnum) -> str | None:
        """The full path and the sentence."""
        return str(row.path) if col == OutcomeColumn.FILE else row.sentence
