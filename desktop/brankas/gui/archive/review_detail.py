"""Review drill-down for one regency and term: kecamatan → accounts → one account, read-only,
with the findings at each level and an audited reveal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brankas.core.archive.review_mode import (
    AccountRow,
    ArchiveReview,
    KecamatanRow,
    account_rows,
    kecamatan_rows,
)
from brankas.core.domain.enums import Owner
from brankas.core.domain.models import Account
from brankas.core.review.labels import status_label
from brankas.gui.archive.export_terms_model import short_date
from brankas.gui.archive.reveal_dialog import RevealDialog
from brankas.gui.archive.review_models import (
    ROW_ROLE,
    AccountColumn,
    FindingColumn,
    FindingsModel,
    KecamatanColumn,
    ReviewAccountModel,
    ReviewKecamatanModel,
    sorted_proxy,
)
from brankas.gui.i18n import current_language
from brankas.gui.labels import platform_label
from brankas.gui.session import Session


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.setSortingEnabled(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    return view


def _value(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AccountPanel(QWidget):
    """One account's recorded facts (never a secret) and its findings."""

    reveal_requested = Signal(str)  # the secret field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("reviewPanelHeading")
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        box.addWidget(self.heading)
        self.form_widget = QWidget()
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.status = _value("reviewStatus")
        self.period = _value("reviewPeriod")
        self.recovery_email = _value("reviewRecoveryEmail")
        self.recovery_phone = _value("reviewRecoveryPhone")
        self.on_record = _value("reviewOnRecord")
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Active period:"), self.period)
        form.addRow(self.tr("Recovery e-mail:"), self.recovery_email)
        form.addRow(self.tr("Recovery phone:"), self.recovery_phone)
        form.addRow(self.tr("On record:"), self.on_record)
        box.addWidget(self.form_widget)
        row = QHBoxLayout()
        self.reveal_buttons: dict[str, QPushButton] = {}
        labels = {
            "password": self.tr("Reveal password…"),
            "totp_secret": self.tr("Reveal TOTP secret…"),
            "backup_codes": self.tr("Reveal backup codes…"),
        }
        for field, text in labels.items():
            button = QPushButton(text)
            button.setObjectName(f"reveal_{field}")
            button.clicked.connect(lambda _c=False, f=field: self.reveal_requested.emit(f))
            row.addWidget(button)
            self.reveal_buttons[field] = button
        row.addStretch(1)
        box.addLayout(row)
        self.findings_title = QLabel()
        self.findings_title.setProperty("role", "hint")
        box.addWidget(self.findings_title)
        self.findings = FindingsModel(self)
        self.findings_view = _table("reviewFindings")
        self.findings_view.setModel(sorted_proxy(self.findings, self))
        self.findings_view.setWordWrap(True)
        header = self.findings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FindingColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.findings_view, 1)
        self.show_nothing()

    def show_nothing(self) -> None:
        """Nothing chosen."""
        self.heading.clear()
        self.form_widget.setVisible(False)
        for b in self.reveal_buttons.values():
            b.setVisible(False)
        self.findings.clear()
        self.findings_title.clear()

    def show_kecamatan(self, archive: ArchiveReview, term_id: int, row: KecamatanRow) -> None:
        """A kecamatan's own findings (those about no single account)."""
        self.show_nothing()
        name = row.name or self.tr("(regency level)")
        self.heading.setText(name)
        found = [
            f
            for f in archive.term_findings(term_id)
            if f.kecamatan_id == row.kecamatan_id and f.account_id is None
        ]
        self.findings.set_rows(found)
        self.findings_title.setText(
            self.tr(
                "Findings about the kecamatan itself ({n}); choose an account for its own."
            ).format(n=len(found))
        )
        self.findings_view.resizeRowsToContents()

    def show_account(self, row: AccountRow, secrets_included: bool) -> None:
        """One account: facts, findings, reveal buttons."""
        a = row.account
        lang = current_language()
        self.heading.setText(f"{platform_label(a.platform)} — {a.handle}")
        self.form_widget.setVisible(True)
        self.status.setText(status_label(a.status, lang))
        self.period.setText(self._period(a, lang))
        self.recovery_email.setText(self._with_owner(a.recovery_email, a.recovery_email_owner))
        self.recovery_phone.setText(self._with_owner(a.recovery_phone, a.recovery_phone_owner))
        parts = [
            self.tr("password") if row.password_on_record else self.tr("no password"),
            self.tr("TOTP secret") if row.totp_on_record else self.tr("no TOTP secret"),
        ]
        self.on_record.setText(", ".join(parts))
        for button in self.reveal_buttons.values():
            button.setVisible(True)
            button.setEnabled(secrets_included)
            button.setToolTip(
                ""
                if secrets_included
                else self.tr("This archive was exported without passwords (metadata only).")
            )
        self.findings.set_rows(row.findings)
        self.findings_title.setText(self.tr("Findings ({n})").format(n=len(row.findings)))
        self.findings_view.resizeRowsToContents()

    def _period(self, a: Account, lang: str) -> str:
        if a.active_from is None and a.active_until is None:
            return self.tr("not set")
        start = short_date(a.active_from, lang) if a.active_from else "?"
        end = short_date(a.active_until, lang) if a.active_until else "?"
        return f"{start} – {end}"

    def _with_owner(self, value: str, owner: Owner) -> str:
        if not value:
            return "—"
        whose = {
            Owner.OFFICE: self.tr("the office's"),
            Owner.PERSON: self.tr("a person's"),
        }.get(owner, self.tr("owner not recorded"))
        return f"{value} ({whose})"


class ReviewDetail(QWidget):
    """Kecamatan | accounts | account panel for one regency and term."""

    def __init__(
        self, on_unexpected: Callable[[BaseException], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._on_unexpected = on_unexpected
        self.session: Session | None = None
        self.archive: ArchiveReview | None = None
        self.term_id = 0
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.kecamatan = ReviewKecamatanModel(self)
        self.kecamatan_proxy = sorted_proxy(self.kecamatan, self)
        self.kecamatan_view = _table("reviewKecamatan")
        self.kecamatan_view.setModel(self.kecamatan_proxy)
        self.kecamatan_view.sortByColumn(KecamatanColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.kecamatan_view.setWordWrap(False)  # "Paleleh Barat" on one line
        header = self.kecamatan_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KecamatanColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.accounts = ReviewAccountModel(self)
        self.accounts_proxy = sorted_proxy(self.accounts, self)
        self.accounts_view = _table("reviewAccounts")
        self.accounts_view.setModel(self.accounts_proxy)
        header = self.accounts_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AccountColumn.HANDLE, QHeaderView.ResizeMode.Stretch)
        self.panel = AccountPanel()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.accounts_view)
        right.addWidget(self.panel)
        right.setSizes([220, 380])
        split.addWidget(self.kecamatan_view)
        split.addWidget(right)
        split.setSizes([400, 700])  # room for a two-word kecamatan and three counts
        box.addWidget(split, 1)
        self.kecamatan_view.selectionModel().currentRowChanged.connect(self._kecamatan_chosen)
        self.accounts_view.selectionModel().currentRowChanged.connect(self._account_chosen)
        self.panel.reveal_requested.connect(self.reveal)

    def show_archive(self, session: Session, archive: ArchiveReview, term_id: int) -> None:
        """Show a term of an archive, starting at its first kecamatan."""
        self.session = session
        self.archive = archive
        self.term_id = term_id
        imp = archive.imported
        term = next((t for t in imp.terms if t.id == term_id), None)
        self.summary.setText(
            self.tr("{office} ({code}) — {term}; archive exported {date}{meta}.").format(
                office=imp.office_name,
                code=imp.office_code,
                term=term.name if term else f"#{term_id}",
                date=short_date(imp.exported_at.astimezone().date(), current_language()),
                meta="" if imp.secrets_included else self.tr(", metadata only"),
            )
        )
        self.kecamatan.set_rows(kecamatan_rows(archive, term_id))
        self.accounts.clear()
        self.panel.show_nothing()
        if self.kecamatan_proxy.rowCount():
            self.kecamatan_view.setCurrentIndex(self.kecamatan_proxy.index(0, 0))

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self.session = None
        self.archive = None
        self.kecamatan.clear()
        self.accounts.clear()
        self.panel.show_nothing()
        self.summary.clear()

    def select_kecamatan(self, name: str) -> bool:
        """Choose a kecamatan by name (keyboard users type; tests call it)."""
        for r in range(self.kecamatan_proxy.rowCount()):
            idx = self.kecamatan_proxy.index(r, KecamatanColumn.NAME)
            if idx.data() == name:
                self.kecamatan_view.setCurrentIndex(idx)
                return True
        return False

    def _kecamatan_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        archive = self.archive
        if not isinstance(row, KecamatanRow) or archive is None:
            return
        self.accounts.set_rows(account_rows(archive, self.term_id, row.kecamatan_id))
        self.panel.show_kecamatan(archive, self.term_id, row)

    def _account_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if isinstance(row, AccountRow) and self.archive is not None:
            self.panel.show_account(row, self.archive.imported.secrets_included)

    def current_account(self) -> AccountRow | None:
        """The account shown in the panel."""
        row = self.accounts_view.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, AccountRow) else None

    def reveal(self, field: str) -> RevealDialog | None:
        """Ask for a reason and reveal one secret of the current account (audited)."""
        row, session, archive = self.current_account(), self.session, self.archive
        if row is None or session is None or archive is None:
            return None
        dialog = RevealDialog(
            session, archive.imported.id, row.account, field, self._on_unexpected, self.window()
        )
        dialog.open()
        return dialog
