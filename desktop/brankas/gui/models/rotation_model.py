"""Table model of the passwords to change after an operator was removed."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from brankas.core.vault.operators import RotationTask
from brankas.gui.labels import platform_label

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """Columns, in display order."""

    PLATFORM = 0
    HANDLE = 1
    SEEN = 2


TASK_ROLE = Qt.ItemDataRole.UserRole + 1


class RotationTasksModel(QAbstractTableModel):
    """The accounts whose passwords the removed person could have seen."""

    def __init__(self, tasks: list[RotationTask], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(tasks)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per :class:`Column`."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Platform, handle, and whether the log shows they revealed or copied it."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        task = self._rows[index.row()]
        if role == TASK_ROLE:
            return task
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = Column(index.column())
        if col is Column.PLATFORM:
            return platform_label(task.platform)
        if col is Column.HANDLE:
            return task.handle
        return self.tr("Yes, per the audit log") if task.seen else self.tr("Could have")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (self.tr("Platform"), self.tr("Account"), self.tr("Seen the password"))[section]
