"""A table view over a RecordTableModel: sorting through a forwarding proxy, records through roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from brankas.gui.models.record_model import RECORD_ROLE, RecordTableModel


class RecordTable(QTableView):
    """Rows select whole; ``current_changed`` and ``record_activated`` carry records, read
    through RECORD_ROLE on the proxy (never by row number on the source)."""

    current_changed = Signal(object)  # the current record, or None
    record_activated = Signal(object)  # double click or Enter on a row

    def __init__(
        self,
        model: RecordTableModel[Any],
        *,
        stretch: int | None = None,
        sortable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = QIdentityProxyModel(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        if sortable:
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
            self.setSortingEnabled(True)
        self.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.activated.connect(self._activated)

    def record_at(self, index: QModelIndex) -> Any:
        """The record of the row of ``index`` (a proxy index)."""
        if not index.isValid():
            return None
        return self.proxy.index(index.row(), 0).data(RECORD_ROLE)

    def current_record(self) -> Any:
        """The record of the current row, or None."""
        return self.record_at(self.currentIndex())

    def select_where(self, match: Callable[[Any], bool]) -> bool:
        """Make the first row whose record matches current; False when none does."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if match(index.data(RECORD_ROLE)):
                self.setCurrentIndex(index)
                self.scrollTo(index)
                return True
        return False

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.record_at(current))

    def _activated(self, index: QModelIndex) -> None:
        record = self.record_at(index)
        if record is not None:
            self.record_activated.emit(record)
