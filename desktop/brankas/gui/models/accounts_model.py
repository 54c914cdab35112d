"""The Accounts table: one row per account, filtered by resetting to matching ids, sorted in Python."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from brankas.core.domain.enums import AccountStatus
from brankas.gui.i18n import current_language, format_date
from brankas.gui.labels import platform_label
from brankas.gui.models.account_data import AccountRow, AccountsData, platform_rank
from brankas.gui.models.account_labels import STATUS_ORDER, status_label

Index = QModelIndex | QPersistentModelIndex
IconFor = Callable[[str], QIcon]
OVERDUE_LIGHT, OVERDUE_DARK = "#b03a2e", "#ff9e94"  # past its active period, still active


def overdue_color() -> QColor:
    """Red that reads well on the palette in use (light or dark)."""
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(OVERDUE_DARK if dark else OVERDUE_LIGHT)


class Column(IntEnum):
    """Columns, in display order."""

    PLATFORM = 0
    KECAMATAN = 1
    HANDLE = 2
    STATUS = 3
    HOLDER = 4
    ACTIVE_UNTIL = 5
    PASSWORD_CHANGED = 6
    ROTATION = 7


ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's AccountRow
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # its id
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # what the column sorts by
ROTATION_ROLE = Qt.ItemDataRole.UserRole + 4  # True when a password change is due
PERSONAL_ROLE = Qt.ItemDataRole.UserRole + 5  # True when a recovery link is personal


_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def short_date(day: date | None, language: str) -> str:
    """A date for a narrow table cell ("27 Jan 2025"; the tool tip has the full date)."""
    if day is None:
        return "—"
    months = _MONTHS["id" if language == "id" else "en"]
    return f"{day.day} {months[day.month - 1]} {day.year}"


class AccountsModel(QAbstractTableModel):
    """Accounts from :class:`AccountsData`. Filtering is :meth:`set_ids` (a reset with
    the matching ids); sorting reorders in Python over a precomputed order, so that a
    keystroke at 50,000 accounts costs milliseconds (PITFALLS.md)."""

    def __init__(self, icon_for: IconFor | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._icon_for = icon_for or (lambda _name: QIcon())
        self._data = AccountsData()
        self._rows: list[int] = []  # account ids in display order
        self._row_of: dict[int, int] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (Column.KECAMATAN, Qt.SortOrder.AscendingOrder)
        self._order: list[int] | None = None  # every id in the current sort order
        self._language = current_language()

    # --- content -------------------------------------------------------------------------
    @property
    def data_set(self) -> AccountsData:
        """What the model shows rows of."""
        return self._data

    def set_data(self, data: AccountsData, ids: Sequence[int] | None = None) -> None:
        """Show ``data``: the accounts ``ids`` (None: all of them)."""
        self._data = data
        self._order = None
        self._language = current_language()
        self.set_ids(list(data.accounts) if ids is None else ids)

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show exactly these accounts (in the current sort order): a model reset."""
        self.beginResetModel()
        wanted = set(ids)
        order = self._sorted_all()
        self._rows = [i for i in order if i in wanted] if len(wanted) < len(order) else order
        self._row_of = None
        self.endResetModel()

    def clear(self) -> None:
        """Forget every account (on lock)."""
        self.beginResetModel()
        self._data = AccountsData()
        self._rows = []
        self._row_of = None
        self._order = None
        self.endResetModel()

    def ids(self) -> list[int]:
        """The account ids shown, in display order."""
        return list(self._rows)

    def account(self, row: int) -> AccountRow | None:
        """The account in ``row`` (None when out of range)."""
        if 0 <= row < len(self._rows):
            return self._data.accounts.get(self._rows[row])
        return None

    def row_of(self, account_id: int) -> int | None:
        """The row showing ``account_id`` (None when filtered out)."""
        if self._row_of is None:
            self._row_of = {aid: n for n, aid in enumerate(self._rows)}
        return self._row_of.get(account_id)

    # --- sorting -------------------------------------------------------------------------
    def _key(self, column: int) -> Callable[[int], Any]:
        d = self._data
        accounts = d.accounts
        if column == Column.PLATFORM:
            return lambda i: (platform_rank(accounts[i].platform), accounts[i].handle.casefold())
        if column == Column.KECAMATAN:
            names = {k: v.name.casefold() for k, v in d.kecamatan.items()}

            def by_kecamatan(i: int) -> Any:
                a = accounts[i]
                kec = names.get(a.kecamatan_id, "\uffff") if a.kecamatan_id else "\uffff"
                return (kec, platform_rank(a.platform), a.handle.casefold())

            return by_kecamatan
        if column == Column.HANDLE:
            return lambda i: accounts[i].handle.casefold()
        if column == Column.STATUS:
            return lambda i: STATUS_ORDER.get(accounts[i].status, 99)
        if column == Column.HOLDER:
            return lambda i: d.holder_name(i).casefold() or "\uffff"
        if column == Column.ACTIVE_UNTIL:
            return lambda i: d.ends.get(i) or date.max
        if column == Column.PASSWORD_CHANGED:
            return lambda i: accounts[i].password_changed or date.min
        return lambda i: (i not in d.rotation_due, i)

    def _sorted_all(self) -> list[int]:
        if self._order is None:
            column, order = self._sort
            ids = sorted(self._data.accounts)  # ties keep id order
            ids.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
            self._order = ids
        return self._order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python; the view keeps its selection by account (a reset, then the page
        selects the same account again)."""
        if not 0 <= column < len(Column) or (column, order) == self._sort:
            return
        self._sort = (column, order)
        self._order = None
        self.set_ids(self._rows)

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """The column and order rows are sorted by."""
        return self._sort

    # --- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per :class:`Column`."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, icons and raw values through roles; never a secret."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        aid = self._rows[index.row()]
        a = self._data.accounts.get(aid)
        if a is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col)
        if role == ACCOUNT_ROLE:
            return a
        if role == ACCOUNT_ID_ROLE:
            return aid
        if role == ROTATION_ROLE:
            return aid in self._data.rotation_due
        if role == PERSONAL_ROLE:
            return aid in self._data.personal
        if role == SORT_ROLE:
            return self._key(col)(aid)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(a, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(a, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.ACTIVE_UNTIL:
            end = self._data.ends.get(aid)
            if end is not None and a.status is AccountStatus.ACTIVE and end < date.today():
                return overdue_color()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(a, col) or self._display(a, col)
        return None

    def _display(self, a: AccountRow, col: int) -> str:
        d = self._data
        if col == Column.PLATFORM:
            return ""
        if col == Column.KECAMATAN:
            return d.kecamatan_name(a.kecamatan_id) or "—"
        if col == Column.HANDLE:
            return a.handle
        if col == Column.STATUS:
            return status_label(a.status)
        if col == Column.HOLDER:
            return d.holder_name(a.id) or self.tr("Office")
        if col == Column.ACTIVE_UNTIL:
            return short_date(d.ends.get(a.id), self._language)
        if col == Column.PASSWORD_CHANGED:
            return short_date(a.password_changed, self._language)
        return ""

    def _decoration(self, a: AccountRow, col: int) -> QIcon | None:
        if col == Column.PLATFORM:
            return self._icon_for(f"platform/{a.platform.value}")
        if col == Column.STATUS:
            return self._icon_for(f"status/{a.status.value}")
        if col == Column.ROTATION and a.id in self._data.rotation_due:
            return self._icon_for("rotate")
        if col == Column.HANDLE and a.id in self._data.personal:
            return self._icon_for("warning")
        return None

    def _tooltip(self, a: AccountRow, col: int) -> str | None:
        if col == Column.PLATFORM:
            return platform_label(a.platform)
        if col == Column.HANDLE:
            parts = [p for p in (a.handle, a.display_name, a.url) if p]
            if a.id in self._data.personal:
                parts.append(self.tr("A link of the recovery chain belongs to a person."))
            return "\n".join(parts) or None
        if col == Column.ROTATION and a.id in self._data.rotation_due:
            return self.tr("The password must be changed (it came back from a committee).")
        if col == Column.ACTIVE_UNTIL:
            end = self._data.ends.get(a.id)
            return format_date(end, self._language) if end else None
        if col == Column.PASSWORD_CHANGED and a.password_changed is not None:
            return format_date(a.password_changed, self._language)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles (the two icon columns explain themselves in a tool tip)."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "",
                self.tr("Kecamatan"),
                self.tr("Username"),
                self.tr("Status"),
                self.tr("Held by"),
                self.tr("Active until"),
                self.tr("Last change"),
                "",
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == Column.PLATFORM:
                return self.tr("Platform")
            if section == Column.ROTATION:
                return self.tr("Password change due")
            if section == Column.PASSWORD_CHANGED:
                return self.tr("When the password was last changed")
        return None


class AccountsProxy(QIdentityProxyModel):
    """A light proxy: forwards rows and roles and passes ``sort`` to the source model
    (QAbstractProxyModel's default), so nothing calls back into Python per comparison."""

    def account_at(self, index: QModelIndex) -> AccountRow | None:
        """The account of ``index``'s row."""
        if not index.isValid():
            return None
        value = self.index(index.row(), 0).data(ACCOUNT_ROLE)
        return value if isinstance(value, AccountRow) else None
