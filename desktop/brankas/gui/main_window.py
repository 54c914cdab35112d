"""The main window: menus, toolbar, navigation, pages, and a status bar with the auto-lock countdown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import OfficeKind
from brankas.core.vault.vault import CheckReport
from brankas.gui.archive.ui import ArchiveUi
from brankas.gui.context import AppContext
from brankas.gui.dialogs.about import AboutDialog, open_manual
from brankas.gui.dialogs.messages import show_error, show_message
from brankas.gui.handover.ui import HandoverUi
from brankas.gui.import_wizard.actions import ImportExportActions
from brankas.gui.labels import role_label
from brankas.gui.models.nav_model import KEY_ROLE, NavEntry
from brankas.gui.pages.accounts_page import AccountsPage
from brankas.gui.pages.audit_page import AuditPage
from brankas.gui.pages.base import Page
from brankas.gui.pages.dashboard_page import DashboardPage
from brankas.gui.pages.handovers_page import HandoversPage
from brankas.gui.pages.kecamatan_page import KecamatanPage
from brankas.gui.pages.matrix_page import MatrixPage
from brankas.gui.pages.operators_page import OperatorsPage
from brankas.gui.pages.people_page import PeoplePage
from brankas.gui.pages.settings_page import SettingsPage
from brankas.gui.pages.terms_page import TermsPage
from brankas.gui.session import Session
from brankas.gui.theme import Spacing
from brankas.gui.workers import ProgressFn


class MainWindow(QMainWindow):
    """Shows one session at a time; the controller starts and ends sessions."""

    lock_requested = Signal()
    minimised = Signal()
    close_requested = Signal()
    language_chosen = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._ctx = ctx
        self._on_unexpected = on_unexpected
        self.session: Session | None = None
        self.setWindowIcon(ctx.resources.app_icon())
        self.setWindowTitle("Brankas")
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_body()
        self._build_status()
        self.resize(1280, 720)

    # --- building -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        icon = self._ctx.resources.themed_icon
        self.lock_action = QAction(icon("lock"), self.tr("&Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(self.tr("Lock the vault (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_requested.emit)
        self.backup_action = QAction(icon("backup"), self.tr("&Back up now"), self)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self.back_up)
        self.check_action = QAction(icon("check"), self.tr("&Check the vault"), self)
        self.check_action.setObjectName("checkAction")
        self.check_action.triggered.connect(self.check_vault)
        self.password_action = QAction(icon("key"), self.tr("Change my &password…"), self)
        self.password_action.triggered.connect(self._change_password)
        self.office_action = QAction(icon("edit"), self.tr("&Office profile…"), self)
        self.office_action.setObjectName("officeProfileAction")
        self.office_action.triggered.connect(self._office_profile)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.manual_action = QAction(self.tr("&User manual"), self)
        self.manual_action.setObjectName("manualAction")
        self.manual_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.manual_action.triggered.connect(lambda: open_manual(self._ctx.resources, self))
        self.about_action = QAction(self.tr("&About Brankas"), self)
        self.about_action.triggered.connect(lambda: AboutDialog(self._ctx.resources, self).open())
        self.handover = HandoverUi(self, self._ctx, self._on_unexpected)
        self.archive = ArchiveUi(self, self._ctx, self._on_unexpected)
        self.transfer = ImportExportActions(
            self, self._ctx.resources, lambda: self.session, self._on_unexpected
        )
        self.transfer.imported.connect(lambda _summary: self.show_page(self._current_key))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions(self.handover.actions.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.archive.export_action)
        file_menu.addSeparator()
        file_menu.addActions(self.transfer.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        vault_menu = bar.addMenu(self.tr("&Vault"))
        vault_menu.addAction(self.lock_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.password_action)
        vault_menu.addAction(self.office_action)
        vault_menu.addAction(self.backup_action)
        vault_menu.addAction(self.check_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.manual_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.lock_action)
        bar.addAction(self.backup_action)
        bar.addAction(self.handover.actions.new_action)
        bar.addAction(self.transfer.import_action)

    def _entries(self) -> list[NavEntry]:
        icon = self._ctx.resources.themed_icon
        return [
            *self.archive.nav_entries(),
            NavEntry("dashboard", self.tr("Dashboard"), icon("nav/dashboard")),
            NavEntry("accounts", self.tr("Accounts"), icon("nav/accounts")),
            NavEntry("kecamatan", self.tr("Kecamatan"), icon("nav/kecamatan")),
            NavEntry("matrix", self.tr("Completeness"), icon("nav/matrix")),
            NavEntry("terms", self.tr("Terms of office"), icon("nav/terms")),
            NavEntry("people", self.tr("People"), icon("nav/people")),
            NavEntry("handovers", self.tr("Handovers"), icon("nav/handovers")),
            self.handover.nav_entry(),
            NavEntry("audit", self.tr("Audit log"), icon("nav/audit")),
            NavEntry("operators", self.tr("Operators"), icon("nav/operators"), admin_only=True),
            NavEntry("settings", self.tr("Settings"), icon("nav/settings")),
        ]

    def _build_body(self) -> None:
        entries = self._entries()
        self.nav_model = self.archive.nav_model(entries, self)
        self.nav = QListView()
        self.nav.setObjectName("navigation")
        self.nav.setModel(self.nav_model)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(220)
        self.nav.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self._add_org_pages()
        self.archive.add_pages(self._add_page)
        self._add_page("accounts", AccountsPage(self._ctx.resources, self._on_unexpected))
        self._add_page("audit", AuditPage())
        self._add_page("operators", OperatorsPage(self._on_unexpected))
        settings_page = SettingsPage(self._ctx.settings, self._on_unexpected)
        settings_page.language_chosen.connect(self.language_chosen.emit)
        settings_page.office.office_loaded.connect(lambda office: self._show_office(office.name))
        self._add_page("settings", settings_page)
        self.banner = QFrame()
        self.banner.setVisible(False)
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(Spacing.XL, Spacing.M, Spacing.XL, 0)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("mainBanner")
        self.banner_text.setProperty("role", "warning")
        self.banner_text.setWordWrap(True)
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.clicked.connect(lambda: self.banner.setVisible(False))
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(dismiss)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.stack, 1)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(right, 1)
        self.setCentralWidget(body)
        self.nav.selectionModel().currentChanged.connect(lambda cur, _prev: self._nav_to(cur))
        self.nav_model.modelReset.connect(self._reselect)
        self._current_key = "dashboard"
        self._reselect()

    def _add_org_pages(self) -> None:
        """Dashboard, kecamatan, completeness, terms, people and handovers, wired to the
        account hooks below."""
        unexpected = self._on_unexpected
        dashboard = DashboardPage(unexpected)
        dashboard.account_requested.connect(self.show_account)
        dashboard.attention_found.connect(self.add_banner)
        matrix = MatrixPage(unexpected)
        matrix.account_requested.connect(self.show_account)
        matrix.create_requested.connect(self.create_account)
        matrix.handovers_requested.connect(self.show_handovers)
        self._add_page("dashboard", dashboard)
        self._add_page("kecamatan", KecamatanPage(unexpected))
        self._add_page("matrix", matrix)
        self._add_page("terms", TermsPage(unexpected))
        self._add_page("people", PeoplePage(unexpected))
        handovers = HandoversPage(unexpected)
        self._add_page("handovers", handovers)
        self.handover.add_pages(self._add_page)
        self.handover.connect_pages(dashboard, handovers)

    def _add_page(self, key: str, page: Page) -> None:
        page.setObjectName(page.objectName() or f"{key}Page")
        self.pages[key] = page
        self.stack.addWidget(page)

    def _build_status(self) -> None:
        status = self.statusBar()
        self.vault_label = QLabel()
        self.vault_label.setObjectName("statusVault")
        self.operator_label = QLabel()
        self.operator_label.setObjectName("statusOperator")
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("statusCountdown")
        status.addPermanentWidget(self.vault_label)
        status.addPermanentWidget(self.operator_label)
        status.addPermanentWidget(self.countdown_label)

    # --- navigation ---------------------------------------------------------------------
    def _nav_to(self, index: object) -> None:
        key = self.nav_model.data(index, KEY_ROLE)  # type: ignore[arg-type]
        if isinstance(key, str):
            self.show_page(key)

    def _reselect(self) -> None:
        row = self.nav_model.row_of(self._current_key)
        if row is None:
            self._current_key, row = self.nav_model.key_at(0) or "dashboard", 0
        self.nav.setCurrentIndex(self.nav_model.index(row, 0))
        self.stack.setCurrentWidget(self.pages[self._current_key])

    def show_page(self, key: str) -> None:
        """Switch to the page ``key`` (ignored when that page is not available)."""
        row = self.nav_model.row_of(key)
        if row is None:
            return
        self._current_key = key
        if self.nav.currentIndex().row() != row:
            self.nav.setCurrentIndex(self.nav_model.index(row, 0))
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        if self.session is not None:
            page.page_shown()

    def show_account(self, account_id: int) -> None:
        """Open an account on the Accounts page (its ``show_account``), if that page has one."""
        page = self.pages.get("accounts")
        opener = getattr(page, "show_account", None)
        if not callable(opener):
            self.statusBar().showMessage(
                self.tr("The Accounts page cannot open accounts yet."), 5000
            )
            return
        self.show_page("accounts")
        opener(account_id)

    def create_account(self, platform: str, kecamatan_id: int, term_id: int) -> None:
        """Start a new account on the Accounts page (its ``new_account``), if it has one."""
        page = self.pages.get("accounts")
        creator = getattr(page, "new_account", None)
        if not callable(creator):
            self.statusBar().showMessage(
                self.tr("The Accounts page cannot create accounts yet."), 5000
            )
            return
        self.show_page("accounts")
        creator(platform=platform, kecamatan_id=kecamatan_id, term_id=term_id)

    def show_handovers(self, term_id: int) -> None:
        """The Handovers page, showing one term."""
        self.show_page("handovers")
        page = self.pages.get("handovers")
        if isinstance(page, HandoversPage):
            page.show_term(term_id)

    @property
    def current_key(self) -> str:
        """The key of the page shown."""
        return self._current_key

    # --- sessions -----------------------------------------------------------------------
    def start_session(self, session: Session) -> None:
        """Show ``session``: title, status bar, admin pages, page contents."""
        self.session = session
        op = session.operator
        self._show_office(session.office_name)
        self.operator_label.setText(
            self.tr("Operator: {name} ({role})").format(name=op.name, role=role_label(op.role))
        )
        self.nav_model.set_admin(op.is_admin)
        self.handover.start_session(session)
        self.archive.start_session(session)
        for page in self.pages.values():
            page.start_session(session)
        for action in (
            self.backup_action,
            self.check_action,
            self.password_action,
            self.office_action,
            self.lock_action,
        ):
            action.setEnabled(True)
        self.transfer.set_regency(self.archive.kind is OfficeKind.REGENCY)

    def _show_office(self, name: str) -> None:
        """The office's name in the title and the status bar (also right after a rename)."""
        if self.session is None:
            return
        if name != self.session.office_name:
            self.session.office_renamed(name)
        self.setWindowTitle(self.tr("Brankas — {office}").format(office=name))
        self.vault_label.setText(name)

    def end_session(self) -> None:
        """Drop everything shown from the vault."""
        for page in self.pages.values():
            page.end_session()
        self.session = None
        self.handover.end_session()
        self.archive.end_session()
        self.banner.setVisible(False)
        self.banner_text.clear()
        self.operator_label.clear()
        self.countdown_label.clear()
        for action in (
            self.backup_action,
            self.check_action,
            self.password_action,
            self.office_action,
            self.lock_action,
        ):
            action.setEnabled(False)
        self.transfer.set_enabled(False)

    def show_banner(self, text: str) -> None:
        """A warning above the page until dismissed."""
        self.banner_text.setText(text)
        self.banner.setVisible(bool(text))

    def add_banner(self, text: str) -> None:
        """Add a sentence to the warning above the page (after any already shown)."""
        if not text:
            return
        current = "" if self.banner.isHidden() else self.banner_text.text()
        self.show_banner(f"{current} {text}".strip())

    def show_copied(self, label: str, seconds: int) -> None:
        """Status-bar note after a copy through the clipboard service."""
        self.statusBar().showMessage(
            self.tr("{label} copied; the clipboard is cleared in {seconds} seconds.").format(
                label=label, seconds=seconds
            ),
            seconds * 1000,
        )

    def show_cleared(self) -> None:
        """Status-bar note when a copied secret was cleared."""
        self.statusBar().showMessage(self.tr("Clipboard cleared."), 5000)

    def set_countdown(self, seconds: int) -> None:
        """Show the seconds until the auto-lock."""
        minutes, secs = divmod(max(seconds, 0), 60)
        self.countdown_label.setText(
            self.tr("Auto-lock in {m}:{s:02d}").format(m=minutes, s=secs) if seconds > 0 else ""
        )

    # --- vault actions ------------------------------------------------------------------
    def back_up(self) -> None:
        """Make a backup now (in the worker)."""
        session = self.session
        if session is None:
            return
        vault = session.vault

        def job(_progress: ProgressFn) -> str:
            return vault.backup("manual").name

        session.runner.start(
            job,
            on_success=lambda name: self.statusBar().showMessage(
                self.tr("Backup made: {name}").format(name=name), 8000
            ),
            on_error=self._show_error,
        )

    def check_vault(self) -> None:
        """Integrity, audit chain and key table, in the worker."""
        session = self.session
        if session is None:
            return
        vault = session.vault

        def job(_progress: ProgressFn) -> CheckReport:
            return vault.check()

        session.runner.start(job, on_success=self._checked, on_error=self._show_error)

    def _show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _checked(self, report: CheckReport) -> None:
        if report.ok:
            text = self.tr(
                "The vault is in order: the database, the audit chain ({count} events) and "
                "the key file all verified."
            ).format(count=report.audit.count)
        else:
            problems = []
            if report.integrity_errors:
                problems.append(self.tr("the database has damaged pages"))
            if not report.audit.ok:
                problems.append(
                    self.tr("the audit chain breaks at event #{seq}").format(
                        seq=report.audit.first_broken_seq
                    )
                )
            if not report.key_table_ok:
                problems.append(self.tr("a copy of the key file is damaged"))
            if report.epoch_db != report.epoch_keys:
                problems.append(self.tr("the database and the key file are out of step"))
            text = self.tr("Problems found: {list}. Restore a backup or ask your IT staff.").format(
                list="; ".join(problems)
            )
        show_message(self, self.tr("Check the vault"), text)

    def _change_password(self) -> None:
        page = self.pages["settings"]
        assert isinstance(page, SettingsPage)
        page.my_account.open_change_password()

    def _office_profile(self) -> None:
        page = self.pages["settings"]
        assert isinstance(page, SettingsPage)
        page.office.open_dialog()

    # --- window events ------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """Report minimising (the controller may lock)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.minimised.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the main window quits Brankas (the controller decides how)."""
        event.ignore()
        self.close_requested.emit()
