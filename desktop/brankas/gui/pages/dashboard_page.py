"""Dashboard: per term the countdown to its end, counts by status, and the accounts needing attention."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import AccountStatus
from brankas.core.domain.models import Term
from brankas.core.review.load import load_snapshot
from brankas.core.review.status import (
    AccountRef,
    ChecklistGap,
    HeldAccount,
    PasswordChangeDue,
    TermStatus,
    term_end_status,
)
from brankas.core.services import terms
from brankas.core.services.context import Clock, ServiceContext
from brankas.gui.i18n import current_language, format_date
from brankas.gui.models.dashboard_model import (
    AttentionColumn,
    AttentionModel,
    CountdownColumn,
    CountdownModel,
    days_phrase,
    status_word,
)
from brankas.gui.models.record_model import short_date
from brankas.gui.models.terms_model import default_term
from brankas.gui.pages.service_page import ServicePage, system_clock
from brankas.gui.pages.term_summary_button import TermSummaryButton
from brankas.gui.theme import Spacing
from brankas.gui.widgets.record_table import RecordTable

SOON_DAYS = 30  # a term end this close raises the banner on unlock
STATUS_ORDER = (
    AccountStatus.ACTIVE,
    AccountStatus.RETURNED,
    AccountStatus.DEACTIVATED,
    AccountStatus.RETAINED,
    AccountStatus.PLANNED,
    AccountStatus.ARCHIVED,
)


@dataclass(frozen=True, slots=True)
class DashboardData:
    """Every term's status at ``today``."""

    today: date
    terms: list[Term]
    statuses: dict[int, TermStatus]


def load_dashboard(ctx: ServiceContext) -> DashboardData:
    """The status of every term at the context's today (worker thread)."""
    today = ctx.today()
    term_list = terms.list_terms(ctx)
    if not term_list:
        return DashboardData(today, [], {})
    snapshot = load_snapshot(ctx.conn)
    statuses = {
        t.id: term_end_status(snapshot, t.id, today, due_soon_days=SOON_DAYS) for t in term_list
    }
    return DashboardData(today, term_list, statuses)


class StatusCard(QFrame):
    """A count with its status word."""

    def __init__(self, status: AccountStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setObjectName(f"count_{status.value}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Spacing.M, Spacing.S, Spacing.M, Spacing.S)
        layout.setSpacing(0)
        self.number = QLabel("0")
        self.number.setProperty("role", "title")
        self.word = QLabel(status_word(status))
        self.word.setProperty("role", "hint")
        layout.addWidget(self.number)
        layout.addWidget(self.word)

    def set_count(self, count: int) -> None:
        """Show ``count``."""
        self.number.setText(str(count))


class AttentionTab(QWidget):
    """One attention list: what it means, then the accounts (or a calm "nothing here").
    ``action`` says what a click on a row does (default: open the account)."""

    def __init__(
        self, description: str, empty: str, action: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.has_action = bool(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, Spacing.S, 0, 0)
        self.description = QLabel(f"{description} {action}".strip())
        self.description.setWordWrap(True)
        self.description.setProperty("role", "hint")
        self.model = AttentionModel(self)
        self.table = RecordTable(self.model, stretch=AttentionColumn.DETAIL)
        self.table.setCursor(Qt.CursorShape.PointingHandCursor)
        self.empty = QLabel(empty)
        self.empty.setProperty("role", "ok")
        self.empty.setWordWrap(True)
        layout.addWidget(self.description)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def set_accounts(self, accounts: Sequence[AccountRef]) -> None:
        """Show ``accounts``."""
        self.model.set_records(accounts)
        self.table.setVisible(bool(accounts))
        self.empty.setVisible(not accounts)


class DashboardPage(ServicePage):
    """The first page after unlocking."""

    account_requested = Signal(int)  # open this account
    return_requested = Signal(int, int)  # term id, kecamatan id: take its accounts back
    rotation_requested = Signal(int)  # account id: change its password
    checklist_requested = Signal(int)  # account id: its deactivation checklist
    attention_found = Signal(str)  # a sentence for the main window's banner (once per unlock)

    def __init__(
        self,
        on_unexpected: Callable[[BaseException], None] | None = None,
        *,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_unexpected, clock=clock, parent=parent)
        self.setObjectName("dashboardPage")
        self.title.setText(self.tr("Dashboard"))
        self.layout_.removeWidget(self.title)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Term:")))
        self.term_box = QComboBox()
        self.term_box.setObjectName("dashboardTerm")
        self.term_box.setMinimumWidth(220)
        top.addWidget(self.term_box)
        self.summary_button = TermSummaryButton(self, self._chosen_term)
        top.addWidget(self.summary_button)
        self.layout_.insertLayout(0, top)
        self.summary_note = QLabel()  # what printing or saving the summary did
        self.summary_note.setObjectName("summaryNote")
        self.summary_note.setProperty("role", "hint")
        self.summary_note.setWordWrap(True)
        self.summary_note.setVisible(False)
        self.summary_button.status.connect(self._summary_done)
        self.layout_.insertWidget(1, self.summary_note)
        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(Spacing.L, Spacing.M, Spacing.L, Spacing.M)
        self.countdown = QLabel()
        self.countdown.setObjectName("termCountdown")
        self.countdown.setProperty("role", "heading")
        self.countdown.setWordWrap(True)
        self.overrides = QLabel()
        self.overrides.setObjectName("termOverrides")
        self.overrides.setWordWrap(True)
        card_layout.addWidget(self.countdown)
        card_layout.addWidget(self.overrides)
        self.layout_.addWidget(card)
        counts = QHBoxLayout()
        counts.setSpacing(Spacing.S)
        self.cards = {s: StatusCard(s) for s in STATUS_ORDER}
        for status_card in self.cards.values():
            counts.addWidget(status_card)
        counts.addStretch(1)
        self.total = QLabel()
        self.total.setObjectName("accountTotal")
        self.total.setProperty("role", "hint")
        counts.addWidget(self.total)
        self.layout_.addLayout(counts)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("attentionTabs")
        self.overdue = AttentionTab(
            self.tr("Accounts a committee member still holds after the term ended."),
            self.tr("Nothing overdue: no committee holds an account past its term."),
            self.tr("Click a row to record the return of its kecamatan's accounts."),
        )
        self.due_soon = AttentionTab(
            self.tr("Accounts a committee member holds whose term ends within 30 days."),
            self.tr("No term ends within 30 days for an account still held."),
        )
        self.rotation = AttentionTab(
            self.tr("Accounts handed back whose password has not been changed since."),
            self.tr("Every returned account has a new password."),
            self.tr("Click a row to change its password now."),
        )
        self.checklist = AttentionTab(
            self.tr("Returned, deactivated or retained accounts whose checklist is not done."),
            self.tr("Every deactivation checklist is done."),
            self.tr("Click a row to open its checklist."),
        )
        self.personal = AttentionTab(
            self.tr("Accounts whose recovery e-mail, phone or 2FA device belongs to a person."),
            self.tr("Every recovery link belongs to the office."),
        )
        self.lists = (self.overdue, self.due_soon, self.rotation, self.checklist, self.personal)
        for tab in self.lists:
            self.tabs.addTab(tab, "")
            tab.table.clicked.connect(lambda index, t=tab: self._open(t, index))
            tab.table.activated.connect(lambda index, t=tab: self._open(t, index))
        self.kecamatan_model = CountdownModel(self)
        self.kecamatan_table = RecordTable(self.kecamatan_model, stretch=CountdownColumn.HELD)
        self.kecamatan_table.setObjectName("countdownTable")
        self.kecamatan_table.horizontalHeader().setSortIndicator(
            CountdownColumn.LEFT, Qt.SortOrder.AscendingOrder
        )
        self.tabs.addTab(self.kecamatan_table, "")
        self.layout_.addWidget(self.tabs, 1)
        self._data: DashboardData | None = None
        self._announced = False
        self.term_box.currentIndexChanged.connect(lambda _i: self._show_term())
        self._show_term()

    # --- session -----------------------------------------------------------------------
    def start_session(self, session: object) -> None:
        """Load even when not shown (the unlock banner needs the data), but after the
        other pages have queued their first load: the page shown comes first."""
        self._announced = False
        super().start_session(session)
        if not self.is_current():
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._late_start(generation))

    def _late_start(self, generation: int) -> None:
        if self.session is not None and generation == self._generation:
            self.reload()

    def end_session(self) -> None:
        """Forget every status."""
        self._data = None
        self._summary_done("")
        self.term_box.blockSignals(True)
        self.term_box.clear()
        self.term_box.blockSignals(False)
        super().end_session()
        self._show_term()

    def reload(self) -> None:
        """Read every term's status in the worker."""
        self.run(load_dashboard, self._loaded)

    def _loaded(self, data: DashboardData) -> None:
        self._data = data
        chosen = self.term_box.currentData()
        if chosen is None:
            first = default_term(data.terms, data.today)
            chosen = first.id if first else None
        self.term_box.blockSignals(True)
        self.term_box.clear()
        for t in data.terms:
            self.term_box.addItem(t.name, t.id)
        self.term_box.setCurrentIndex(max(self.term_box.findData(chosen), 0))
        self.term_box.blockSignals(False)
        self._show_term()
        if not self._announced:
            self._announced = True
            text = self.attention_text()
            if text:
                self.attention_found.emit(text)

    # --- showing -----------------------------------------------------------------------
    def current_status(self) -> TermStatus | None:
        """The status of the term chosen."""
        if self._data is None:
            return None
        return self._data.statuses.get(self.term_box.currentData())

    def _term(self, term_id: int) -> Term | None:
        data = self._data
        return next((t for t in data.terms if t.id == term_id), None) if data else None

    def _chosen_term(self) -> tuple[int, str] | None:
        term_id = self.term_box.currentData()
        return None if term_id is None else (term_id, self.term_box.currentText())

    def _summary_done(self, sentence: str) -> None:
        self.summary_note.setText(sentence)
        self.summary_note.setVisible(bool(sentence))

    def _show_term(self) -> None:
        self.summary_button.setEnabled(self.term_box.currentData() is not None)
        status = self.current_status()
        term = self._term(status.term_id) if status else None
        titles = (
            self.tr("Overdue ({count})"),
            self.tr("Due soon ({count})"),
            self.tr("Password change ({count})"),
            self.tr("Checklist ({count})"),
            self.tr("Personal recovery ({count})"),
        )
        lists: tuple[Sequence[AccountRef], ...] = (
            (
                status.overdue,
                status.due_soon,
                status.needs_password_change,
                status.checklist_incomplete,
                status.personal_recovery,
            )
            if status
            else ((), (), (), (), ())
        )
        for n, (tab, items) in enumerate(zip(self.lists, lists, strict=True)):
            tab.set_accounts(items)
            self.tabs.setTabText(n, titles[n].format(count=len(items)))
        self.kecamatan_model.set_records(status.countdown if status else ())
        self.tabs.setTabText(
            len(self.lists),
            self.tr("By kecamatan ({count})").format(count=self.kecamatan_model.rowCount()),
        )
        for s, status_card in self.cards.items():
            status_card.set_count(status.counts.get(s, 0) if status else 0)
        self.total.setText(
            self.tr("{count} accounts in this term").format(count=status.total) if status else ""
        )
        if status is None or term is None:
            self.countdown.setText(
                self.tr("No term is recorded yet. Add one on the Terms page.")
                if self._data is not None
                else ""
            )
            self.overrides.clear()
            return
        self.countdown.setText(self._countdown_sentence(term, status.today))
        self.overrides.setText(self._override_sentence(status))
        self.overrides.setVisible(bool(self.overrides.text()))

    def _countdown_sentence(self, term: Term, today: date) -> str:
        days = (term.end_date - today).days
        when = format_date(term.end_date, current_language())
        if days < 0:
            return self.tr("{term} ended {days} days ago, on {date}.").format(
                term=term.name, days=-days, date=when
            )
        if days == 0:
            return self.tr("{term} ends today, {date}.").format(term=term.name, date=when)
        return self.tr("{term} ends in {days} days, on {date}.").format(
            term=term.name, days=days, date=when
        )

    def _override_sentence(self, status: TermStatus) -> str:
        """The kecamatan whose end differs from the term's, grouped by their date."""
        groups: dict[date, list[str]] = {}
        for row in status.countdown:
            if row.overridden:
                groups.setdefault(row.end_date, []).append(row.kecamatan_name)
        lines = []
        for end, names in sorted(groups.items()):
            shown = ", ".join(sorted(names)[:8]) + (" …" if len(names) > 8 else "")
            lines.append(
                self.tr("Own end date for {names}: {date} ({phrase}).").format(
                    names=shown,
                    date=short_date(end),
                    phrase=days_phrase((end - status.today).days),
                )
            )
        return "\n".join(lines)

    def _open(self, tab: AttentionTab, index: QModelIndex) -> None:
        """The account column opens the account; elsewhere a row does its list's action:
        take the kecamatan's accounts back, change the password, open the checklist."""
        record = tab.table.record_at(index)
        if not isinstance(record, AccountRef):
            return
        status = self.current_status()
        if index.column() == AttentionColumn.ACCOUNT or not tab.has_action:
            self.account_requested.emit(record.account_id)
        elif isinstance(record, HeldAccount) and status is not None:
            if record.kecamatan_id is not None:
                self.return_requested.emit(status.term_id, record.kecamatan_id)
        elif isinstance(record, PasswordChangeDue):
            self.rotation_requested.emit(record.account_id)
        elif isinstance(record, ChecklistGap):
            self.checklist_requested.emit(record.account_id)
        else:
            self.account_requested.emit(record.account_id)

    # --- banner ------------------------------------------------------------------------
    def attention_text(self) -> str:
        """What the unlock banner says: overdue accounts and term ends within 30 days."""
        data = self._data
        if data is None:
            return ""
        parts: list[str] = []
        overdue = [a for s in data.statuses.values() for a in s.overdue]
        if overdue:
            kecamatan = len({(a.kecamatan_id, a.kecamatan_name) for a in overdue})
            parts.append(
                self.tr(
                    "{count} accounts in {kecamatan} kecamatan are still with the committee "
                    "after their term ended."
                ).format(count=len(overdue), kecamatan=kecamatan)
            )
        soon = [
            (row.days_left, row.end_date, term_id)
            for term_id, s in data.statuses.items()
            for row in s.countdown
            if 0 <= row.days_left <= SOON_DAYS
        ]
        if soon:
            days, end, term_id = min(soon)
            term = self._term(term_id)
            parts.append(
                self.tr("The term {term} {phrase} ({date}).").format(
                    term=term.name if term else "",
                    phrase=days_phrase(days),
                    date=format_date(end, current_language()),
                )
            )
        if parts:
            parts.append(self.tr("See the Dashboard."))
        return " ".join(parts)
