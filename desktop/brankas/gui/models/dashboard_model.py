"""Dashboard models: accounts needing attention (one list per kind) and the per-kecamatan countdown."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from brankas.core.domain.enums import AccountStatus
from brankas.core.review.labels import PLATFORM_ORDER
from brankas.core.review.status import (
    AccountRef,
    ChecklistGap,
    HeldAccount,
    KecamatanCountdown,
    PasswordChangeDue,
    PersonalRecovery,
)
from brankas.gui.labels import platform_label
from brankas.gui.models.record_model import RecordTableModel, fold, short_date


def status_word(status: AccountStatus | str) -> str:
    """An account status in the current language."""
    words = {
        AccountStatus.PLANNED: QCoreApplication.translate("Labels", "Planned"),
        AccountStatus.ACTIVE: QCoreApplication.translate("Labels", "Active"),
        AccountStatus.RETURNED: QCoreApplication.translate("Labels", "Returned"),
        AccountStatus.DEACTIVATED: QCoreApplication.translate("Labels", "Deactivated"),
        AccountStatus.RETAINED: QCoreApplication.translate("Labels", "Retained (permanent)"),
        AccountStatus.ARCHIVED: QCoreApplication.translate("Labels", "Archived"),
    }
    try:
        return words[AccountStatus(str(status))]
    except ValueError:
        return str(status)


def personal_link_label(link: str) -> str:
    """Which link of the recovery chain points at a person (a core ``PersonalLink`` value)."""
    words = {
        "recovery_email_person": QCoreApplication.translate(
            "DashboardModel", "the recovery e-mail is a person's"
        ),
        "recovery_email_personal_provider": QCoreApplication.translate(
            "DashboardModel", "the recovery e-mail is at a personal provider"
        ),
        "recovery_phone_person": QCoreApplication.translate(
            "DashboardModel", "the recovery phone is a person's"
        ),
        "twofa_device_person": QCoreApplication.translate(
            "DashboardModel", "codes arrive on a person's device"
        ),
    }
    return words.get(str(link), str(link))


def days_phrase(days_left: int) -> str:
    """ "ends today", "in 12 days", "ended 3 days ago"."""
    if days_left == 0:
        return QCoreApplication.translate("DashboardModel", "ends today")
    if days_left == 1:
        return QCoreApplication.translate("DashboardModel", "ends tomorrow")
    if days_left > 1:
        return QCoreApplication.translate("DashboardModel", "ends in {days} days").format(
            days=days_left
        )
    if days_left == -1:
        return QCoreApplication.translate("DashboardModel", "ended yesterday")
    return QCoreApplication.translate("DashboardModel", "ended {days} days ago").format(
        days=-days_left
    )


class AttentionColumn(IntEnum):
    """Columns of an attention list."""

    KECAMATAN = 0
    PLATFORM = 1
    ACCOUNT = 2
    DETAIL = 3


class AttentionModel(RecordTableModel[AccountRef]):
    """Accounts from one list of a TermStatus (overdue, due soon, password change,
    checklist, personal recovery); the detail column says why each is listed."""

    column_count = len(AttentionColumn)

    def record_id(self, record: AccountRef) -> Any:
        """The account id."""
        return record.account_id

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (self.tr("Kecamatan"), self.tr("Platform"), self.tr("Account"), self.tr("Why"))

    def display(self, record: AccountRef, column: int) -> str:
        """Cell text."""
        col = AttentionColumn(column)
        if col is AttentionColumn.KECAMATAN:
            return record.kecamatan_name or "—"
        if col is AttentionColumn.PLATFORM:
            return platform_label(record.platform)
        if col is AttentionColumn.ACCOUNT:
            return record.handle
        return self.detail(record)

    def detail(self, record: AccountRef) -> str:
        """Why the account is listed, in words."""
        if isinstance(record, HeldAccount):
            holder = record.holder_name or self.tr("a committee member")
            if record.days_left < 0:
                return self.tr("{days} days overdue; {holder} still holds it").format(
                    days=-record.days_left, holder=holder
                )
            return self.tr("Term {phrase}; held by {holder}").format(
                phrase=days_phrase(record.days_left), holder=holder
            )
        if isinstance(record, PasswordChangeDue):
            if record.returned_on is None:
                return self.tr("Marked for a password change")
            return self.tr("Handed back on {date} ({number}); password not changed since").format(
                date=short_date(record.returned_on), number=record.handover_number or "—"
            )
        if isinstance(record, ChecklistGap):
            return self.tr("{done} of {total} steps done ({status})").format(
                done=record.done, total=record.total, status=status_word(record.status)
            )
        if isinstance(record, PersonalRecovery):
            return "; ".join(personal_link_label(link) for link in record.links)
        return ""

    def sort_key(self, record: AccountRef, column: int) -> Any:
        """Kecamatan then platform order; overdue lists by days; the rest folded."""
        base = (fold(record.kecamatan_name), PLATFORM_ORDER.get(record.platform, 99))
        col = AttentionColumn(column)
        if col is AttentionColumn.KECAMATAN:
            return (*base, fold(record.handle))
        if col is AttentionColumn.PLATFORM:
            return (PLATFORM_ORDER.get(record.platform, 99), *base)
        if col is AttentionColumn.DETAIL and isinstance(record, HeldAccount):
            return (record.days_left, *base)
        if col is AttentionColumn.DETAIL and isinstance(record, ChecklistGap):
            return (record.done / max(record.total, 1), *base)
        return (fold(self.display(record, column)), *base)

    def role_data(self, record: AccountRef, column: int, role: int) -> Any:
        """The account column looks like a link (one click opens the account); the
        detail in full as a tool tip."""
        if column == AttentionColumn.DETAIL and role == Qt.ItemDataRole.ToolTipRole:
            return self.detail(record)  # the column may be too narrow for all of it
        if column != AttentionColumn.ACCOUNT:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Click to open the account")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().color(QPalette.ColorRole.Link)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setUnderline(True)
            return font
        return None


class CountdownColumn(IntEnum):
    """Columns of the per-kecamatan countdown."""

    KECAMATAN = 0
    END = 1
    LEFT = 2
    ACCOUNTS = 3
    HELD = 4


class CountdownModel(RecordTableModel[KecamatanCountdown]):
    """Each kecamatan of the term with its end date, days left and accounts still held."""

    column_count = len(CountdownColumn)

    def record_id(self, record: KecamatanCountdown) -> Any:
        """The kecamatan id."""
        return record.kecamatan_id

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (
            self.tr("Kecamatan"),
            self.tr("Term ends"),
            self.tr("Countdown"),
            self.tr("Accounts"),
            self.tr("Still with the committee"),
        )

    def display(self, record: KecamatanCountdown, column: int) -> str:
        """Cell text; an own end date is marked."""
        col = CountdownColumn(column)
        if col is CountdownColumn.KECAMATAN:
            return record.kecamatan_name
        if col is CountdownColumn.END:
            when = short_date(record.end_date)
            return self.tr("{date} (own date)").format(date=when) if record.overridden else when
        if col is CountdownColumn.LEFT:
            return days_phrase(record.days_left)
        if col is CountdownColumn.ACCOUNTS:
            return str(record.accounts)
        return str(record.held)

    def sort_key(self, record: KecamatanCountdown, column: int) -> Any:
        """Numbers and dates as values."""
        name = fold(record.kecamatan_name)
        col = CountdownColumn(column)
        if col in (CountdownColumn.END, CountdownColumn.LEFT):
            return (record.days_left, name)
        if col is CountdownColumn.ACCOUNTS:
            return (record.accounts, name)
        if col is CountdownColumn.HELD:
            return (record.held, name)
        return name
