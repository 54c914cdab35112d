"""Table model of the terms to export, each with a check box (the export dialog's first list)."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from brankas.core.domain.models import Term

Index = QModelIndex | QPersistentModelIndex
TERM_ROLE = Qt.ItemDataRole.UserRole + 1  # the core Term
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # raw value to sort on


class Column(IntEnum):
    """Columns, in display order."""

    NAME = 0
    ELECTION = 1
    PERIOD = 2


def short_date(d: date, language: str) -> str:
    """A compact date for tables: ``27-01-2025`` (Indonesian) or ``2025-01-27``."""
    return f"{d:%d-%m-%Y}" if language == "id" else d.isoformat()


class ExportTermModel(QAbstractTableModel):
    """Terms, newest first; the name column is checkable. ``selection_changed`` fires when a
    box is ticked or cleared."""

    selection_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: list[Term] = []
        self._chosen: set[int] = set()
        self._language = "en"

    def set_terms(self, terms: list[Term], language: str, chosen: set[int] | None = None) -> None:
        """Replace the terms; ``chosen`` ids start ticked (default: the newest term)."""
        self.beginResetModel()
        self._terms = sorted(terms, key=lambda t: (t.start_date, t.id), reverse=True)
        self._language = language
        default = {self._terms[0].id} if self._terms else set()
        self._chosen = (chosen if chosen is not None else default) & {t.id for t in terms}
        self.endResetModel()
        self.selection_changed.emit()

    def chosen_ids(self) -> list[int]:
        """The ticked terms' ids, oldest first."""
        return [t.id for t in reversed(self._terms) if t.id in self._chosen]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._terms)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per :class:`Column`."""
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows are selectable; the name column has the check box."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.NAME:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name, election and period; the check state on the name."""
        if not index.isValid() or not 0 <= index.row() < len(self._terms):
            return None
        term = self._terms[index.row()]
        col = Column(index.column())
        if role == TERM_ROLE:
            return term
        if role == Qt.ItemDataRole.CheckStateRole and col is Column.NAME:
            return (
                Qt.CheckState.Checked if term.id in self._chosen else Qt.CheckState.Unchecked
            ).value
        if role == SORT_ROLE:
            return (term.name.casefold(), str(term.election), term.start_date.isoformat())[col]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col is Column.NAME:
            return term.name
        if col is Column.ELECTION:
            return str(term.election).capitalize()  # "Pemilu" / "Pilkada" in both languages
        return f"{short_date(term.start_date, self._language)} – {short_date(term.end_date, self._language)}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Tick or clear a term."""
        if (
            not index.isValid()
            or index.column() != Column.NAME
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        term = self._terms[index.row()]
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        if state == Qt.CheckState.Checked.value:
            self._chosen.add(term.id)
        else:
            self._chosen.discard(term.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.selection_changed.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (self.tr("Term"), self.tr("Election"), self.tr("Period"))[section]
