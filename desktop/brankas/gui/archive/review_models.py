"""Table models of the province's review: regency × term overview, kecamatan, accounts, findings."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from brankas.core.archive.review_mode import (
    AccountRow,
    KecamatanRow,
    RegencyTermRow,
    SeverityCounts,
)
from brankas.core.domain.enums import Severity
from brankas.core.review.labels import status_label
from brankas.core.review.rules import Finding
from brankas.gui.archive.export_terms_model import short_date
from brankas.gui.i18n import current_language
from brankas.gui.labels import platform_label

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the core row object
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value the column sorts on
ERROR_COLOR = "#d9534f"  # readable on the light and the dark palette
WARNING_COLOR = "#c77c02"
R = TypeVar("R")
_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of one core type; subclasses give titles, display text and sort keys."""

    columns: type[IntEnum]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self.set_rows([])

    def row_at(self, row: int) -> R | None:
        """The core object of ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per ``columns`` member."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, raw sort values and the row object through roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self.columns(index.column())
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, col)
        if role == SORT_ROLE:
            return self.sort_key(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.is_number(col):
            return _NUMBER.value
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    # --- for subclasses -----------------------------------------------------------------
    def titles(self) -> tuple[str, ...]:
        """Column titles, in column order."""
        raise NotImplementedError

    def display(self, row: R, col: IntEnum) -> str:
        """The text of one cell."""
        raise NotImplementedError

    def sort_key(self, row: R, col: IntEnum) -> Any:
        """What one cell sorts on (numbers as numbers)."""
        return self.display(row, col).casefold()

    def is_number(self, col: IntEnum) -> bool:
        """Whether the column holds counts (right-aligned)."""
        return False

    def foreground(self, row: R, col: IntEnum) -> QColor | None:
        """A colour for counts that need attention."""
        return None

    def tooltip(self, row: R, col: IntEnum) -> str | None:
        """An optional tooltip."""
        return None


def _count_color(counts: SeverityCounts, severity: Severity) -> QColor | None:
    if severity is Severity.ERROR and counts.error:
        return QColor(ERROR_COLOR)
    if severity is Severity.WARNING and counts.warning:
        return QColor(WARNING_COLOR)
    return None


class OverviewColumn(IntEnum):
    """Columns of the regency × term overview."""

    REGENCY = 0
    TERM = 1
    ERRORS = 2
    WARNINGS = 3
    ACCOUNTS = 4
    ARCHIVE_DATE = 5
    CONTENTS = 6


class OverviewModel(RowsModel[RegencyTermRow]):
    """One row per regency and term, as its newest archive shows it."""

    columns = OverviewColumn

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (
            self.tr("Regency / city"),
            self.tr("Term"),
            self.tr("Errors"),
            self.tr("Warnings"),
            self.tr("Accounts"),
            self.tr("Last archive"),
            self.tr("Contents"),
        )

    def display(self, row: RegencyTermRow, col: IntEnum) -> str:
        """Cell text."""
        c = OverviewColumn(col)
        if c is OverviewColumn.REGENCY:
            return f"{row.office_name} ({row.office_code})"
        if c is OverviewColumn.TERM:
            return row.term.name
        if c is OverviewColumn.ERRORS:
            return str(row.counts.error)
        if c is OverviewColumn.WARNINGS:
            return str(row.counts.warning)
        if c is OverviewColumn.ACCOUNTS:
            return str(row.accounts)
        if c is OverviewColumn.ARCHIVE_DATE:
            return short_date(row.exported_at.astimezone().date(), current_language())
        return self.tr("complete") if row.secrets_included else self.tr("metadata only")

    def sort_key(self, row: RegencyTermRow, col: IntEnum) -> Any:
        """Counts and dates sort as such."""
        c = OverviewColumn(col)
        if c is OverviewColumn.ERRORS:
            return row.counts.error
        if c is OverviewColumn.WARNINGS:
            return row.counts.warning
        if c is OverviewColumn.ACCOUNTS:
            return row.accounts
        if c is OverviewColumn.ARCHIVE_DATE:
            return row.exported_at.isoformat()
        if c is OverviewColumn.TERM:
            return row.term.start_date.isoformat()
        return super().sort_key(row, col)

    def is_number(self, col: IntEnum) -> bool:
        """The count columns."""
        return col in (OverviewColumn.ERRORS, OverviewColumn.WARNINGS, OverviewColumn.ACCOUNTS)

    def foreground(self, row: RegencyTermRow, col: IntEnum) -> QColor | None:
        """Errors red, warnings amber (when there are any)."""
        if col == OverviewColumn.ERRORS:
            return _count_color(row.counts, Severity.ERROR)
        if col == OverviewColumn.WARNINGS:
            return _count_color(row.counts, Severity.WARNING)
        return None

    def tooltip(self, row: RegencyTermRow, col: IntEnum) -> str | None:
        """How many archives hold the term."""
        if col == OverviewColumn.ARCHIVE_DATE:
            return self.tr("{n} archive(s) of this term imported; the newest is shown.").format(
                n=row.archives
            )
        return None


class KecamatanColumn(IntEnum):
    """Columns of a term's kecamatan."""

    NAME = 0
    ACCOUNTS = 1
    ERRORS = 2
    WARNINGS = 3


class ReviewKecamatanModel(RowsModel[KecamatanRow]):
    """A reviewed term's kecamatan (and the regency level) with their counts."""

    columns = KecamatanColumn

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Kecamatan"), self.tr("Accounts"), self.tr("Errors"), self.tr("Warnings"))

    def display(self, row: KecamatanRow, col: IntEnum) -> str:
        """Cell text."""
        c = KecamatanColumn(col)
        if c is KecamatanColumn.NAME:
            return row.name if row.kecamatan_id is not None else self.tr("(regency level)")
        if c is KecamatanColumn.ACCOUNTS:
            return str(row.accounts)
        if c is KecamatanColumn.ERRORS:
            return str(row.counts.error)
        return str(row.counts.warning)

    def sort_key(self, row: KecamatanRow, col: IntEnum) -> Any:
        """Numbers as numbers; the regency level last by name."""
        c = KecamatanColumn(col)
        if c is KecamatanColumn.NAME:
            return row.name.casefold() if row.kecamatan_id is not None else "\uffff"
        return (row.accounts, row.counts.error, row.counts.warning)[c - 1]

    def is_number(self, col: IntEnum) -> bool:
        """Every column but the name."""
        return col != KecamatanColumn.NAME

    def foreground(self, row: KecamatanRow, col: IntEnum) -> QColor | None:
        """Errors red, warnings amber."""
        if col == KecamatanColumn.ERRORS:
            return _count_color(row.counts, Severity.ERROR)
        if col == KecamatanColumn.WARNINGS:
            return _count_color(row.counts, Severity.WARNING)
        return None


class AccountColumn(IntEnum):
    """Columns of a kecamatan's accounts."""

    PLATFORM = 0
    HANDLE = 1
    STATUS = 2
    PASSWORD = 3
    ERRORS = 4
    WARNINGS = 5


class ReviewAccountModel(RowsModel[AccountRow]):
    """Accounts of one term and kecamatan, read-only; never a secret (only "on record")."""

    columns = AccountColumn

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (
            self.tr("Platform"),
            self.tr("Username"),
            self.tr("Status"),
            self.tr("Password"),
            self.tr("Errors"),
            self.tr("Warnings"),
        )

    def display(self, row: AccountRow, col: IntEnum) -> str:
        """Cell text."""
        c = AccountColumn(col)
        a = row.account
        if c is AccountColumn.PLATFORM:
            return platform_label(a.platform)
        if c is AccountColumn.HANDLE:
            return a.handle
        if c is AccountColumn.STATUS:
            return status_label(a.status, current_language())
        if c is AccountColumn.PASSWORD:
            return self.tr("on record") if row.password_on_record else self.tr("missing")
        if c is AccountColumn.ERRORS:
            return str(row.counts.error)
        return str(row.counts.warning)

    def sort_key(self, row: AccountRow, col: IntEnum) -> Any:
        """Counts as numbers."""
        c = AccountColumn(col)
        if c is AccountColumn.ERRORS:
            return row.counts.error
        if c is AccountColumn.WARNINGS:
            return row.counts.warning
        return super().sort_key(row, col)

    def is_number(self, col: IntEnum) -> bool:
        """The count columns."""
        return col in (AccountColumn.ERRORS, AccountColumn.WARNINGS)

    def foreground(self, row: AccountRow, col: IntEnum) -> QColor | None:
        """Errors red, warnings amber, a missing password red."""
        if col == AccountColumn.ERRORS:
            return _count_color(row.counts, Severity.ERROR)
        if col == AccountColumn.WARNINGS:
            return _count_color(row.counts, Severity.WARNING)
        if col == AccountColumn.PASSWORD and not row.password_on_record:
            return QColor(ERROR_COLOR)
        return None


class FindingColumn(IntEnum):
    """Columns of a findings list."""

    SEVERITY = 0
    RULE = 1
    MESSAGE = 2


def severity_label(severity: Severity) -> str:
    """The severity's name."""
    return {
        Severity.ERROR: QCoreApplication.translate("ReviewModels", "error"),
        Severity.WARNING: QCoreApplication.translate("ReviewModels", "warning"),
        Severity.INFO: QCoreApplication.translate("ReviewModels", "note"),
    }[severity]


class FindingsModel(RowsModel[Finding]):
    """Review findings with their sentence in the UI language."""

    columns = FindingColumn

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Severity"), self.tr("Rule"), self.tr("Finding"))

    def display(self, row: Finding, col: IntEnum) -> str:
        """Cell text (core states each finding in Indonesian and English)."""
        c = FindingColumn(col)
        if c is FindingColumn.SEVERITY:
            return severity_label(row.severity)
        if c is FindingColumn.RULE:
            return row.rule_id
        return row.message_id if current_language() == "id" else row.message_en

    def sort_key(self, row: Finding, col: IntEnum) -> Any:
        """Severity by weight, rules by number."""
        c = FindingColumn(col)
        if c is FindingColumn.SEVERITY:
            return {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}[row.severity]
        if c is FindingColumn.RULE:
            return int(row.rule_id[1:])
        return super().sort_key(row, col)

    def foreground(self, row: Finding, col: IntEnum) -> QColor | None:
        """The severity in its colour."""
        if col == FindingColumn.SEVERITY:
            return _count_color(SeverityCounts.of([row]), row.severity)
        return None

    def tooltip(self, row: Finding, col: IntEnum) -> str | None:
        """The whole sentence (long ones are cut in the column)."""
        return self.display(row, FindingColumn.MESSAGE) if col == FindingColumn.MESSAGE else None


def sorted_proxy(model: QAbstractTableModel, parent: Any = None) -> QSortFilterProxyModel:
    """A proxy that sorts on :data:`SORT_ROLE` (a few hundred rows: fine in Python)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
