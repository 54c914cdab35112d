"""Table model of the vault's operators (name, role, since, remembered on this PC)."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from brankas.core.vault.operators import OperatorInfo
from brankas.gui.i18n import current_language, format_date, parse_iso
from brankas.gui.labels import role_label

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """Columns, in display order."""

    NAME = 0
    ROLE = 1
    CREATED = 2
    REMEMBERED = 3


OPERATOR_ROLE = Qt.ItemDataRole.UserRole + 1  # the OperatorInfo of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a raw value to sort by


class OperatorsModel(QAbstractTableModel):
    """Operators as listed by :func:`brankas.core.vault.operators.list_operators`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OperatorInfo] = []
        self._current_id = ""

    def set_operators(self, operators: list[OperatorInfo], current_id: str = "") -> None:
        """Replace the rows; ``current_id`` is shown in bold (the signed-in operator)."""
        self.beginResetModel()
        self._rows = list(operators)
        self._current_id = current_id
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self.set_operators([])

    def operator_at(self, row: int) -> OperatorInfo | None:
        """The operator shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per :class:`Column`."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort keys and the OperatorInfo itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        op = self._rows[index.row()]
        col = Column(index.column())
        if role == OPERATOR_ROLE:
            return op
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(op, col)
        if role == SORT_ROLE:
            return {
                Column.NAME: op.name.casefold(),
                Column.ROLE: str(op.role),
                Column.CREATED: op.created_at,
                Column.REMEMBERED: int(op.remembered_on_this_pc),
            }[col]
        if role == Qt.ItemDataRole.FontRole and op.id == self._current_id:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, op: OperatorInfo, col: Column) -> str:
        if col is Column.NAME:
            if op.id == self._current_id:
                return self.tr("{name} (you)").format(name=op.name)
            return op.name
        if col is Column.ROLE:
            return role_label(op.role)
        if col is Column.CREATED:
            moment = parse_iso(op.created_at)
            local: date | None = moment.astimezone().date() if moment else None
            return format_date(local, current_language()) if local else op.created_at
        return self.tr("Yes") if op.remembered_on_this_pc else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Operator since"),
            self.tr("Remembered on a PC"),
        )[section]
