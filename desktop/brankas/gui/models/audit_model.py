"""Table model of the audit log, newest first, with a kind filter over raw values."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from brankas.core.audit import AuditKind, Event
from brankas.gui.i18n import current_language, format_datetime, parse_iso
from brankas.gui.labels import audit_kind_label, failed_unlock_label

Index = QModelIndex | QPersistentModelIndex
BROKEN_COLOR = "#d9534f"  # readable on the light and the dark palette


class Column(IntEnum):
    """Columns, in display order."""

    SEQ = 0
    TIME = 1
    OPERATOR = 2
    KIND = 3
    TARGET = 4


EVENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the core Event of the row
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw kind value


def _numbered(kind: str, ident: str) -> str | None:
    """A record the log names by its number when its name is not known (deleted since)."""
    words = {
        "account": QCoreApplication.translate("AuditModel", "Account #{id}"),
        "kecamatan": QCoreApplication.translate("AuditModel", "Kecamatan #{id}"),
        "term": QCoreApplication.translate("AuditModel", "Term #{id}"),
        "person": QCoreApplication.translate("AuditModel", "Person #{id}"),
        "handover": QCoreApplication.translate("AuditModel", "Handover #{id}"),
    }
    return words[kind].format(id=ident) if kind in words and ident else None


def _described(kind: str, ident: str) -> str | None:
    """Targets that are not one record: settings, keys, archives."""
    fixed = {
        "office": QCoreApplication.translate("AuditModel", "Office profile"),
        "settings": QCoreApplication.translate("AuditModel", "Settings"),
        "checklist_template": QCoreApplication.translate(
            "AuditModel", "Deactivation checklist steps"
        ),
    }
    if kind in fixed:
        return fixed[kind]
    if kind == "archive":
        if ident == "province_recipient":
            return QCoreApplication.translate("AuditModel", "Province public key")
        if ident == "identity":
            return QCoreApplication.translate("AuditModel", "Province private key")
        return QCoreApplication.translate("AuditModel", "Archive {id}").format(id=ident)
    if kind == "regency_pin":
        return QCoreApplication.translate("AuditModel", "Signing key of {office}").format(
            office=ident
        )
    return None


def describe_target(target: str, names: dict[str, str]) -> str:
    """A readable target: operator ids and records ("account:12") become their names when
    ``names`` has them, other targets translated words; never a raw key."""
    if not target:
        return ""
    if target in names:
        return names[target]
    kind, _sep, ident = target.partition(":")
    return _numbered(kind, ident) or _described(kind, ident) or target


class AuditModel(QAbstractTableModel):
    """Audit events with the operator's name joined in (ids never shown)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Event] = []
        self._rows: list[Event] = []
        self._operators: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._kind: str | None = None
        self._broken_seq: int | None = None

    def set_events(
        self,
        events: list[Event],
        operators: dict[str, str],
        targets: dict[str, str] | None = None,
    ) -> None:
        """Replace the events (any order; shown newest first). ``targets`` names the
        records events concern ("account:12" → its handle)."""
        self.beginResetModel()
        self._all = sorted(events, key=lambda e: e.seq, reverse=True)
        self._operators = dict(operators)
        self._names = {**(targets or {}), **operators}
        self._broken_seq = None
        self._apply_filter()
        self.endResetModel()

    def set_kind_filter(self, kind: str | None) -> None:
        """Show only events of ``kind`` (None: all)."""
        self.beginResetModel()
        self._kind = kind
        self._apply_filter()
        self.endResetModel()

    def mark_broken(self, seq: int | None) -> None:
        """Highlight the first event whose chain link does not verify."""
        self._broken_seq = seq
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def row_of_seq(self, seq: int) -> int | None:
        """The row showing event ``seq`` under the current filter."""
        return next((i for i, e in enumerate(self._rows) if e.seq == seq), None)

    def kinds(self) -> list[str]:
        """The kinds present, for the filter box."""
        return sorted({e.kind for e in self._all})

    def clear(self) -> None:
        """Forget every event (on lock)."""
        self.set_events([], {})

    def _apply_filter(self) -> None:
        kind = self._kind
        self._rows = self._all if kind is None else [e for e in self._all if e.kind == kind]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per :class:`Column`."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Formatted text (times in the UI language) and raw values through roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        event = self._rows[index.row()]
        if role == EVENT_ROLE:
            return event
        if role == KIND_ROLE:
            return event.kind
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, col)
        if role == Qt.ItemDataRole.ToolTipRole and col is Column.TIME:
            return event.at
        if role == Qt.ItemDataRole.ForegroundRole and event.seq == self._broken_seq:
            return QColor(BROKEN_COLOR)
        return None

    def _display(self, event: Event, col: Column) -> str:
        if col is Column.SEQ:
            return str(event.seq)
        failed = event.kind == AuditKind.UNLOCK_FAILED
        if col is Column.TIME:
            # A failed unlock is recorded at the next successful one; show when it happened.
            when = str(event.detail.get("at", "")) if failed else ""
            moment = parse_iso(when or event.at)
            return format_datetime(moment, current_language()) if moment else event.at
        if col is Column.OPERATOR:
            if event.operator_id is not None:
                return self._operators.get(event.operator_id, self.tr("(unknown)"))
            if event.kind in (AuditKind.RECOVERY_USED, AuditKind.RECOVERY_KIT_REPLACED):
                return self.tr("(recovery kit)")
            return "—"
        if col is Column.KIND:
            return audit_kind_label(event.kind)
        if failed:
            return failed_unlock_label(str(event.detail.get("reason", "")))
        return describe_target(event.target, self._names)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (
            self.tr("No."),
            self.tr("Time"),
            self.tr("Operator"),
            self.tr("Event"),
            self.tr("Concerning"),
        )[section]
