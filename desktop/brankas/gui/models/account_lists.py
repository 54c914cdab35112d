"""Small table models of the account detail: Page access roster, password and custody history."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from brankas.core.audit import Event
from brankas.core.domain.models import Custody, PageAccessEntry
from brankas.core.review.labels import date_en, date_id
from brankas.core.services.secrets import PasswordHistoryInfo
from brankas.gui.i18n import current_language, format_datetime, parse_iso
from brankas.gui.labels import audit_kind_label
from brankas.gui.models.account_labels import (
    page_access_label,
    rotation_reason_label,
    secret_field_label,
)

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the core record of the row
MUTED_COLOR = "#7b8a97"  # removed entries: readable on the light and the dark palette


class _ListModel(QAbstractTableModel, Generic[R]):
    """Rows are records; subclasses give the titles and one text per cell."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self.set_records([])

    def records(self) -> list[R]:
        """The rows."""
        return list(self._rows)

    def titles(self) -> tuple[str, ...]:
        """Column titles (override)."""
        raise NotImplementedError

    def cell(self, record: R, column: int) -> str:
        """The text of a cell (override)."""
        raise NotImplementedError

    def muted(self, record: R) -> bool:
        """Whether the row is shown greyed (history that no longer applies)."""
        return False

    def tooltip(self, record: R, column: int) -> str | None:
        """A cell's tool tip (the full moment behind a short date)."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per title."""
        return 0 if parent.isValid() else len(self.titles())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text through DisplayRole, the record through RECORD_ROLE."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(record, index.column())
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ForegroundRole and self.muted(record):
            return QColor(MUTED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None


def _when(moment: datetime | None) -> str:
    """A day for a narrow cell ("20 Mei 2024")."""
    if moment is None:
        return "—"
    day = moment.astimezone().date()
    return date_id(day) if current_language() == "id" else date_en(day)


def _moment(moment: datetime | None) -> str | None:
    """The full moment, for a tool tip."""
    return format_datetime(moment, current_language()) if moment is not None else None


class PageAccessColumn(IntEnum):
    """Columns of the Page access roster."""

    PERSON = 0
    ACCESS = 1
    ADDED = 2
    REMOVED = 3


class PageAccessModel(_ListModel[PageAccessEntry]):
    """Who has (or had) access to a Facebook Page; removed entries are greyed.

    Entries with ``id == 0`` are additions not saved yet (the editor); ``pending_removal``
    holds ids the editor will remove on saving."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pending_removal: set[int] = set()
        self.roles: Mapping[int, str] = {}  # person id -> role word, shown after the name

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Person"), self.tr("Access"), self.tr("Since"), self.tr("Removed"))

    def cell(self, record: PageAccessEntry, column: int) -> str:
        """Names, levels and moments."""
        if column == PageAccessColumn.PERSON:
            role = self.roles.get(record.person_id) if record.person_id is not None else None
            return f"{record.person_name} ({role})" if role else record.person_name
        if column == PageAccessColumn.ACCESS:
            return page_access_label(record.access)
        if column == PageAccessColumn.ADDED:
            return self.tr("(not saved yet)") if record.id == 0 else _when(record.added_at)
        if record.id in self.pending_removal:
            return self.tr("(removed on saving)")
        return _when(record.removed_at) if record.removed_at else ""

    def tooltip(self, record: PageAccessEntry, column: int) -> str | None:
        """When exactly."""
        if column == PageAccessColumn.ADDED and record.id:
            return _moment(record.added_at)
        return _moment(record.removed_at) if column == PageAccessColumn.REMOVED else None

    def muted(self, record: PageAccessEntry) -> bool:
        """Removed or about to be removed."""
        return record.removed_at is not None or record.id in self.pending_removal


class PasswordHistoryModel(_ListModel[PasswordHistoryInfo]):
    """When the password was replaced, by whom and why (never the values)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.operators: Mapping[str, str] = {}

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Replaced"), self.tr("By"), self.tr("Why"))

    def cell(self, record: PasswordHistoryInfo, column: int) -> str:
        """The moment, the operator's name and the reason."""
        if column == 0:
            return _when(record.changed_at)
        if column == 1:
            op = record.changed_by_operator_id
            return self.operators.get(op, "—") if op else "—"
        return rotation_reason_label(record.reason)

    def tooltip(self, record: PasswordHistoryInfo, column: int) -> str | None:
        """When exactly."""
        return _moment(record.changed_at) if column == 0 else None


class CustodyModel(_ListModel[Custody]):
    """Who held the account from when to when (the office when no person)."""

    def __init__(self, name_of: Callable[[int | None], str] | None = None, parent: Any = None):
        super().__init__(parent)
        self.name_of: Callable[[int | None], str] = name_of or (lambda _pid: "")

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Held by"), self.tr("From"), self.tr("Until"))

    def cell(self, record: Custody, column: int) -> str:
        """The holder's name and the period."""
        if column == 0:
            if record.holder_person_id is None:
                return self.tr("Office")
            return self.name_of(record.holder_person_id) or self.tr("(unknown person)")
        if column == 1:
            return _when(record.from_at)
        return _when(record.until_at) if record.until_at else self.tr("now")

    def tooltip(self, record: Custody, column: int) -> str | None:
        """When exactly."""
        if column == 1:
            return _moment(record.from_at)
        return _moment(record.until_at) if column == 2 else None


class AccountEventsModel(_ListModel[Event]):
    """The audit events about one account, newest first: when, what, by whom."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.operators: Mapping[str, str] = {}

    def set_events(self, events: Sequence[Event], operators: Mapping[str, str]) -> None:
        """Show ``events`` (any order) with the operators' names."""
        self.operators = dict(operators)
        self.set_records(sorted(events, key=lambda e: e.seq, reverse=True))

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("When"), self.tr("What"), self.tr("By"))

    def cell(self, record: Event, column: int) -> str:
        """A short moment, the event with the field it touched, the operator."""
        if column == 0:
            moment = parse_iso(record.at)
            if moment is None:
                return record.at
            return f"{_when(moment)} {moment.astimezone():%H:%M}"
        if column == 1:
            what = audit_kind_label(record.kind)
            field = record.detail.get("field")
            return f"{what}: {secret_field_label(str(field))}" if field else what
        op = record.operator_id
        return self.operators.get(op, "—") if op else "—"

    def tooltip(self, record: Event, column: int) -> str | None:
        """The full moment."""
        return _moment(parse_iso(record.at)) if column == 0 else None
