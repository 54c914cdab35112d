"""A table model over a list of records, sorted in Python on precomputed keys (no proxy callbacks)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from brankas.core.review.labels import date_en, date_id
from brankas.gui.i18n import current_language

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the record of the row (a core dataclass)
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the record's id (int)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # the raw value a column sorts by


def short_date(day: date | None, language: str | None = None) -> str:
    """``27 Januari 2025`` / ``27 January 2025`` for tables; "—" for no date."""
    if day is None:
        return "—"
    return date_id(day) if (language or current_language()) == "id" else date_en(day)


def fold(text: str) -> str:
    """A case-insensitive sort and search key."""
    return text.casefold()


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are records; subclasses say how a column shows and sorts.

    Sorting happens here, in Python over one key per row (``sort_key``), and reaches the
    view through ``layoutChanged``; a proxy in front only forwards (``QIdentityProxyModel``
    forwards ``sort`` to its source), so nothing calls back into Python per comparison.
    """

    column_count = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- to override -------------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        """Column titles, in the current language."""
        raise NotImplementedError

    def display(self, record: R, column: int) -> str:
        """The text of one cell."""
        raise NotImplementedError

    def sort_key(self, record: R, column: int) -> Any:
        """What ``column`` sorts by (default: its folded text)."""
        return fold(self.display(record, column))

    def record_id(self, record: R) -> Any:
        """The record's id for ID_ROLE."""
        return getattr(record, "id", None)

    def role_data(self, record: R, column: int, role: int) -> Any:
        """Any other role (tool tips, colours); None when the role says nothing."""
        return None

    # --- content -----------------------------------------------------------------------
    def set_records(self, records: Sequence[R]) -> None:
        """Replace every row (kept in the current sort order)."""
        self.beginResetModel()
        self._rows = list(records)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self.set_records([])

    def records(self) -> list[R]:
        """The rows, in display order."""
        return list(self._rows)

    def record(self, row: int) -> R | None:
        """The record in ``row`` (None when out of range)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_where(self, match: Callable[[R], bool]) -> int | None:
        """The first row whose record matches."""
        return next((i for i, r in enumerate(self._rows) if match(r)), None)

    # --- Qt ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The subclass's column count."""
        return 0 if parent.isValid() else self.column_count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text through DisplayRole, the record and raw values through named roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == RECORD_ROLE:
            return record
        if role == ID_ROLE:
            return self.record_id(record)
        if role == SORT_ROLE:
            return self.sort_key(record, column)
        return self.role_data(record, column, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.headers()
        return titles[section] if 0 <= section < len(titles) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python on one precomputed key per row."""
        if not 0 <= column < self.column_count:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._sort_rows(column, order)
        # Keep selections and current indexes on the same records.
        where = {id(r): i for i, r in enumerate(self._rows)}
        sources = self.persistentIndexList()
        targets = [
            self.index(where[id(old[i.row()])], i.column())
            if 0 <= i.row() < len(old)
            else QModelIndex()
            for i in sources
        ]
        self.changePersistentIndexList(sources, targets)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        keyed = [(self.sort_key(r, column), n, r) for n, r in enumerate(self._rows)]
        keyed.sort(key=lambda t: (t[0], t[1]), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [r for _k, _n, r in keyed]
