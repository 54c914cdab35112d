"""List model of the main window's navigation (pages; Operators for admins only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the page key, e.g. "audit"


@dataclass(frozen=True, slots=True)
class NavEntry:
    """One navigation item."""

    key: str
    title: str
    icon: QIcon
    admin_only: bool = False


class NavModel(QAbstractListModel):
    """The visible entries: all of them for an admin, the others for an operator."""

    def __init__(self, entries: list[NavEntry], parent: Any = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._admin = False
        self._rows = self._visible()

    def _visible(self) -> list[NavEntry]:
        return [e for e in self._entries if self._admin or not e.admin_only]

    def set_admin(self, admin: bool) -> None:
        """Show or hide the admin-only entries."""
        if admin == self._admin:
            return
        self.beginResetModel()
        self._admin = admin
        self._rows = self._visible()
        self.endResetModel()

    def row_of(self, key: str) -> int | None:
        """The row of the entry ``key`` (None when hidden)."""
        return next((i for i, e in enumerate(self._rows) if e.key == key), None)

    def key_at(self, row: int) -> str | None:
        """The key of the entry in ``row``."""
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Entries under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title, icon and key."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.DecorationRole:
            return entry.icon
        if role == KEY_ROLE:
            return entry.key
        return None
