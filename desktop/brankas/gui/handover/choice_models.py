"""Checkable table models for the handover wizard: the kecamatan and the accounts to list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from brankas.core.review.labels import PLATFORM_ORDER
from brankas.core.services.handover_wizard import (
    AccountOption,
    KecamatanOption,
    PersonOption,
    TermOption,
)
from brankas.gui.labels import platform_label
from brankas.gui.models.dashboard_model import status_word
from brankas.gui.models.record_model import RecordTableModel, fold, short_date

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class CheckableModel(RecordTableModel[R]):
    """Column 0 carries a check box per row; ``toggled`` says which record id changed.

    The checked ids are kept here only to show them: the wizard's state decides.
    """

    toggled = Signal(int, bool)  # record id, checked

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._checked: set[int] = set()

    def can_check(self, record: R) -> bool:
        """Whether the row may be ticked (override)."""
        return True

    def set_checked(self, ids: Iterable[int]) -> None:
        """Show these ids ticked."""
        self._checked = set(ids)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )

    def checked(self) -> set[int]:
        """The ids shown ticked."""
        return set(self._checked)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows select; the first column is checkable where allowed."""
        base = super().flags(index)
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return base
        if index.column() == 0 and self.can_check(record):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if not self.can_check(record):
            return base & ~Qt.ItemFlag.ItemIsEnabled
        return base

    def role_data(self, record: R, column: int, role: int) -> Any:
        """The check state of column 0."""
        if column == 0 and role == Qt.ItemDataRole.CheckStateRole:
            ticked = self.record_id(record) in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return self.more_role_data(record, column, role)

    def more_role_data(self, record: R, column: int, role: int) -> Any:
        """Other roles (override)."""
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ticking a row reports it through ``toggled``."""
        record = self.record(index.row()) if index.isValid() else None
        if record is None or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if not self.can_check(record):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        on = state == Qt.CheckState.Checked
        rid = int(self.record_id(record))
        (self._checked.add if on else self._checked.discard)(rid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(rid, on)
        return True


# --- kecamatan -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class KecamatanChoice:
    """A kecamatan of the term and how many accounts it could hand over."""

    option: KecamatanOption
    candidates: int

    @property
    def id(self) -> int:
        """The kecamatan id."""
        return self.option.id


class KecamatanColumn(IntEnum):
    """Columns of the kecamatan choice."""

    NAME = 0
    END = 1
    ACCOUNTS = 2


class KecamatanChoiceModel(CheckableModel[KecamatanChoice]):
    """The kecamatan of the chosen term; those without accounts to hand over are greyed."""

    column_count = len(KecamatanColumn)

    def can_check(self, record: KecamatanChoice) -> bool:
        """Only kecamatan with accounts for this kind of handover."""
        return record.candidates > 0

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (self.tr("Kecamatan"), self.tr("Term ends"), self.tr("Accounts to hand over"))

    def display(self, record: KecamatanChoice, column: int) -> str:
        """Cell text."""
        col = KecamatanColumn(column)
        if col is KecamatanColumn.NAME:
            return record.option.name
        if col is KecamatanColumn.END:
            return short_date(record.option.end_date)
        return str(record.candidates) if record.candidates else self.tr("none")

    def sort_key(self, record: KecamatanChoice, column: int) -> Any:
        """Dates and counts as values."""
        name = fold(record.option.name)
        col = KecamatanColumn(column)
        if col is KecamatanColumn.END:
            return (record.option.end_date, name)
        if col is KecamatanColumn.ACCOUNTS:
            return (record.candidates, name)
        return name

    def more_role_data(self, record: KecamatanChoice, column: int, role: int) -> Any:
        """Why a row is greyed."""
        if role == Qt.ItemDataRole.ToolTipRole and not record.candidates:
            return self.tr("No account of this kecamatan can be handed over this way.")
        return None


# --- accounts --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AccountChoice:
    """A candidate account with the names its row shows."""

    option: AccountOption
    kecamatan: str
    holder: str  # "" when the office holds it

    @property
    def id(self) -> int:
        """The account id."""
        return self.option.account_id


class AccountColumn(IntEnum):
    """Columns of the account choice."""

    ACCOUNT = 0
    PLATFORM = 1
    KECAMATAN = 2
    STATUS = 3
    HOLDER = 4


class AccountChoiceModel(CheckableModel[AccountChoice]):
    """The candidate accounts of the chosen kecamatan, pre-ticked from custody."""

    column_count = len(AccountColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (
            self.tr("Account"),
            self.tr("Platform"),
            self.tr("Kecamatan"),
            self.tr("Status"),
            self.tr("Held by"),
        )

    def display(self, record: AccountChoice, column: int) -> str:
        """Cell text."""
        col = AccountColumn(column)
        if col is AccountColumn.ACCOUNT:
            return record.option.handle
        if col is AccountColumn.PLATFORM:
            return platform_label(record.option.platform)
        if col is AccountColumn.KECAMATAN:
            return record.kecamatan
        if col is AccountColumn.STATUS:
            return status_word(record.option.status)
        return record.holder or self.tr("the office")

    def sort_key(self, record: AccountChoice, column: int) -> Any:
        """Kecamatan, then platform order, then handle."""
        base = (
            fold(record.kecamatan),
            PLATFORM_ORDER.get(record.option.platform, 99),
            fold(record.option.handle),
        )
        if AccountColumn(column) is AccountColumn.KECAMATAN:
            return base
        return (fold(self.display(record, column)), *base)


# --- terms and people ------------------------------------------------------------------
class TermColumn(IntEnum):
    """Columns of the term choice."""

    NAME = 0
    START = 1
    END = 2


class TermChoiceModel(RecordTableModel[TermOption]):
    """The terms, newest first."""

    column_count = len(TermColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (self.tr("Term"), self.tr("Starts"), self.tr("Ends"))

    def display(self, record: TermOption, column: int) -> str:
        """Cell text."""
        col = TermColumn(column)
        if col is TermColumn.NAME:
            return record.name
        return short_date(record.start_date if col is TermColumn.START else record.end_date)

    def sort_key(self, record: TermOption, column: int) -> Any:
        """Dates as values."""
        col = TermColumn(column)
        if col is TermColumn.NAME:
            return (fold(record.name), record.start_date)
        return (record.start_date if col is TermColumn.START else record.end_date, record.id)


class PersonColumn(IntEnum):
    """Columns of the witness choice."""

    NAME = 0
    POSITION = 1


class PeopleChoiceModel(CheckableModel[PersonOption]):
    """People to tick as witnesses."""

    column_count = len(PersonColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (self.tr("Name"), self.tr("Position"))

    def display(self, record: PersonOption, column: int) -> str:
        """Cell text."""
        if PersonColumn(column) is PersonColumn.NAME:
            return record.name
        return record.position or "—"
