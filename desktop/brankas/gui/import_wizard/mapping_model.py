"""Table model of the column mapping: one row per column of the file, its field editable."""

from __future__ import annotations

from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from brankas.core.importers.mapping import Field
from brankas.core.importers.prepared import Prepared
from brankas.gui.import_wizard.flow import samples
from brankas.gui.import_wizard.texts import field_label

Index = QModelIndex | QPersistentModelIndex

# The order fields are offered in (most used first).
FIELD_ORDER: Final = (
    Field.KECAMATAN,
    Field.PLATFORM,
    Field.HANDLE,
    Field.URL,
    Field.PASSWORD,
    Field.RECOVERY_EMAIL,
    Field.RECOVERY_PHONE,
    Field.DISPLAY_NAME,
    Field.HOLDER,
    Field.NOTES,
    Field.TOTP,
    Field.BACKUP_CODES,
    Field.ACTIVE_FROM,
    Field.ACTIVE_UNTIL,
    Field.TITLE,
    Field.ROW_NUMBER,
    Field.EXTRA,
    Field.IGNORE,
)


class Column(IntEnum):
    """Columns, in display order."""

    NAME = 0
    FIELD = 1
    SAMPLE = 2


FIELD_ROLE = Qt.ItemDataRole.UserRole + 1  # the Field value of the column
SECRET_FIELDS: Final = frozenset({Field.PASSWORD, Field.TOTP, Field.BACKUP_CODES})


class ImportMappingModel(QAbstractTableModel):
    """The file's columns with what each holds; the field is edited through a combo box."""

    field_chosen = Signal(int, str)  # file column (mapping position), Field value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._prepared: Prepared | None = None
        self._samples: list[str] = []

    def set_prepared(self, prepared: Prepared | None) -> None:
        """Show the columns of ``prepared``."""
        self.beginResetModel()
        self._prepared = prepared
        self._samples = (
            [self._sample(prepared, c) for c in range(len(prepared.header.names))]
            if prepared is not None
            else []
        )
        self.endResetModel()

    def _sample(self, prepared: Prepared, column: int) -> str:
        if prepared.mapping.fields[column] in SECRET_FIELDS:
            return self.tr("(not shown)")
        return " · ".join(samples(prepared, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per column of the file."""
        if parent.isValid() or self._prepared is None:
            return 0
        return len(self._prepared.header.names)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per :class:`Column`."""
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The field column is editable."""
        base = super().flags(index)
        if index.isValid() and index.column() == Column.FIELD:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Header name, field label and a few sample values (never secrets)."""
        prepared = self._prepared
        if prepared is None or not index.isValid() or index.row() >= self.rowCount():
            return None
        field = prepared.mapping.fields[index.row()]
        col = Column(index.column())
        if role == FIELD_ROLE or (role == Qt.ItemDataRole.EditRole and col is Column.FIELD):
            return field.value
        if role == Qt.ItemDataRole.DisplayRole:
            if col is Column.NAME:
                return prepared.header.names[index.row()]
            if col is Column.FIELD:
                return field_label(field)
            return self._samples[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and col is Column.SAMPLE:
            return self._samples[index.row()]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Choose a column's field (the page applies it to the mapping)."""
        if not index.isValid() or index.column() != Column.FIELD:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        try:
            field = Field(str(value))
        except ValueError:
            return False
        self.field_chosen.emit(index.row(), field.value)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (self.tr("Column in the file"), self.tr("Holds"), self.tr("First values"))[section]
