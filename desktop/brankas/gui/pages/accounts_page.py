"""The Accounts page: search and filters over every account, a detail panel, reveal/copy, editing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from brankas.core.domain.enums import AccountStatus
from brankas.core.services.context import Clock, ServiceContext
from brankas.gui.dialogs.account_editor import AccountEditor
from brankas.gui.dialogs.account_editor_draft import Draft
from brankas.gui.dialogs.messages import show_error
from brankas.gui.models.account_data import AccountsData, data_version, load_accounts
from brankas.gui.models.account_detail import AccountDetail, load_detail
from brankas.gui.models.accounts_model import AccountsModel, AccountsProxy, Column
from brankas.gui.pages.accounts_actions import AccountActions
from brankas.gui.pages.accounts_detail import AccountDetailPanel
from brankas.gui.pages.accounts_filters import FilterBar
from brankas.gui.pages.base import Page
from brankas.gui.resources import Resources
from brankas.gui.session import Session
from brankas.gui.theme import Spacing
from brankas.gui.workers import ProgressFn

T = TypeVar("T")
# Sized for a 1366-pixel office screen with the detail panel open; the username column
# takes what is left (and the splitter gives more to whoever needs it).
_WIDTHS = {
    Column.PLATFORM: 30,
    Column.KECAMATAN: 96,
    Column.STATUS: 114,
    Column.HOLDER: 104,
    Column.ACTIVE_UNTIL: 86,
    Column.PASSWORD_CHANGED: 86,
    Column.ROTATION: 28,
}


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AccountsPage(AccountActions, Page):
    """Every account; nothing secret is held except a value the user just revealed, and
    that goes on selection change and on lock."""

    def __init__(
        self,
        resources: Resources,
        on_unexpected: Callable[[BaseException], None] | None = None,
        *,
        clock: Clock = _utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.setObjectName("accountsPage")
        self.title.setText(self.tr("Accounts"))
        self.resources = resources
        self.clock = clock
        self._on_unexpected = on_unexpected
        self._generation = 0  # bumped on every session change: late results are dropped
        self._detail_for: int | None = None  # the account the panel shows or is loading
        self._loading_detail = False
        self._loading = False  # the list is being read
        self._reload_again = False  # a change came in while it was being read
        self._editor: AccountEditor | None = None
        self.draft: Draft | None = None  # kept across a lock: see AccountActions
        self.data = AccountsData()
        top = QHBoxLayout()
        top.setSpacing(Spacing.S)
        self.filters = FilterBar(resources)
        top.addWidget(self.filters, 1)
        self.new_button = self._button("add", self.tr("New"), "newAccount")
        self.edit_button = self._button("edit", self.tr("Edit"), "editAccount")
        self.delete_button = self._button("remove", self.tr("Delete"), "deleteAccount")
        for b in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(b)
        self.layout_.addLayout(top)
        self.count = QLabel()
        self.count.setObjectName("accountCount")
        self.count.setProperty("role", "hint")
        self.layout_.addWidget(self.count)
        self.model = AccountsModel(resources.icon, self)
        self.proxy = AccountsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._build_table()
        self.detail = AccountDetailPanel(resources)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("accountsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 360])
        self.layout_.addWidget(splitter, 1)
        self._build_actions()
        self.filters.changed.connect(self.apply_filters)
        self.detail.password_reveal_toggled.connect(self._reveal_toggled)
        self.detail.copy_requested.connect(self.copy)
        self.detail.totp_requested.connect(self.show_totp)
        self._update_buttons()

    # --- building -----------------------------------------------------------------------
    def _button(self, icon: str, text: str, name: str) -> QPushButton:
        button = QPushButton(self.resources.themed_icon(icon), text)
        button.setObjectName(name)
        return button

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("accountsTable")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # both ends of a handle show
        table.setIconSize(QSize(18, 18))
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        header = table.horizontalHeader()
        # Never ResizeToContents: at 50,000 rows it measures every cell.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, width in _WIDTHS.items():
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.PLATFORM, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.ROTATION, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.HANDLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        header.setSortIndicator(Column.KECAMATAN, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(lambda *_a: self._reselect())
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        table.activated.connect(lambda _i: self.open_edit())
        return table

    def _action(self, text: str, keys: str, slot: Callable[[], Any], name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.find_action = self._action(
            self.tr("Search"), "Ctrl+F", self.focus_search, "findAction"
        )
        self.new_action = self._action(
            self.tr("New account"), "Ctrl+N", lambda: self.open_new(), "newAction"
        )
        self.edit_action = self._action(
            self.tr("Edit account"), "Ctrl+E", self.open_edit, "editAction"
        )
        self.copy_user_action = self._action(
            self.tr("Copy username"), "Ctrl+B", lambda: self.copy("username"), "copyUserAction"
        )
        self.copy_password_action = self._action(
            self.tr("Copy password"), "Ctrl+C", lambda: self.copy("password"), "copyPasswordAction"
        )
        self.copy_totp_action = self._action(
            self.tr("Copy TOTP code"), "Ctrl+T", lambda: self.copy("totp"), "copyTotpAction"
        )
        self.delete_action = QAction(self.tr("Delete account"), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.new_button.clicked.connect(lambda: self.open_new())
        self.edit_button.clicked.connect(self.open_edit)
        self.delete_button.clicked.connect(self.delete_selected)
        self.new_button.setToolTip(self.tr("New account (Ctrl+N)"))
        self.edit_button.setToolTip(self.tr("Edit the selected account (Enter)"))
        self.delete_button.setToolTip(
            self.tr("Delete an account registered by mistake (only while it is planned)")
        )

    # --- session ------------------------------------------------------------------------
    def start_session(self, session: Session) -> None:
        """Load the accounts if the page is on screen; otherwise when it is first shown
        (at 50,000 accounts the list takes a second and ~130 MiB: not for nothing)."""
        self._generation += 1
        self._loading = False
        super().start_session(session)
        if self.isVisibleTo(self.window()):
            self.reload()

    def end_session(self) -> None:
        """Drop every account, the detail and any revealed value."""
        self._generation += 1
        self.detail.clear()
        self.model.clear()
        self.data = AccountsData()
        self.filters.clear_choices()
        self._detail_for = None
        self._loading_detail = False
        self._loading = self._reload_again = False
        self._editor = None
        self.count.clear()
        self._update_buttons()
        super().end_session()

    def page_shown(self) -> None:
        """Load on the first visit; later, read again only if the vault changed since
        (other pages may have changed names, holders or statuses)."""
        if self.data.index is None:
            self.reload()
        else:
            self.run(lambda ctx: data_version(ctx.conn), self._version_read)

    def _version_read(self, version: int) -> None:
        if version != self.data.version:
            self.reload()

    def _context(self) -> ServiceContext:
        assert self.session is not None
        return ServiceContext(self.session.vault, clock=self.clock)

    def run(
        self,
        call: Callable[[ServiceContext], T],
        on_success: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``call(ctx)`` in the worker; ``on_success`` on the UI thread if still unlocked."""
        if self.session is None:
            return
        ctx = self._context()
        generation = self._generation

        def job(_progress: ProgressFn) -> T:
            return call(ctx)

        def done(result: T) -> None:
            if generation == self._generation:
                on_success(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                (on_error or self._show_error)(exc)

        self.session.runner.start(job, on_success=done, on_error=failed)

    def _show_error(self, exc: BaseException) -> None:
        show_error(self.window(), exc)

    # --- loading and filtering ----------------------------------------------------------
    def reload(self) -> None:
        """Read every account in the worker (unless a read is under way); the selection
        is kept."""
        if self.session is None:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.run(lambda ctx: load_accounts(ctx.conn), self._loaded, self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._show_error(exc)

    def _loaded(self, data: AccountsData) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()
        self.data = data
        self.filters.set_choices(data)
        self.model.set_data(data, self._query())
        self._after_filter(refresh_detail=True)
        if self.draft is not None:
            self.restore_draft()

    def _query(self) -> list[int]:
        f = self.filters.filters()
        return self.data.query(
            f.text,
            term_id=f.term_id,
            kecamatan_id=f.kecamatan_id,
            platform=f.platform,
            status=f.status,
        )

    def apply_filters(self) -> None:
        """Show the accounts matching the search text and filters (a model reset)."""
        if self.data.index is None:
            return
        self.model.set_ids(self._query())
        self._after_filter(refresh_detail=False)

    def _after_filter(self, *, refresh_detail: bool) -> None:
        shown, total = self.model.rowCount(), len(self.data.accounts)
        self.count.setText(
            self.tr("{shown} of {total} accounts").format(shown=f"{shown:n}", total=f"{total:n}")
            if shown != total
            else self.tr("{total} accounts").format(total=f"{total:n}")
        )
        self._reselect(refresh_detail=refresh_detail)

    def _reselect(self, *, refresh_detail: bool = False) -> None:
        """Select the account the panel shows again after a reset (or clear the panel)."""
        aid = self._detail_for
        row = self.model.row_of(aid) if aid is not None else None
        if row is None:
            self.table.selectionModel().clearCurrentIndex()
            self.table.clearSelection()
            self._detail_for = None
            self.detail.show_detail(None)
        else:
            index = self.proxy.index(row, 0)
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(index)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            self.table.scrollTo(index)
            if refresh_detail:
                self._request_detail(aid, force=True)
        self._update_buttons()

    def current_account_id(self) -> int | None:
        """The id of the selected account."""
        account = self.proxy.account_at(self.table.currentIndex())
        return account.id if account is not None else None

    def select_account(self, account_id: int) -> bool:
        """Select an account by id (False when it is filtered out)."""
        row = self.model.row_of(account_id)
        if row is None:
            return False
        self.table.setCurrentIndex(self.proxy.index(row, 0))
        self.table.scrollTo(self.proxy.index(row, 0))
        return True

    def show_account(self, account_id: int) -> None:
        """Select an account (other pages open accounts this way); filters that hide it
        are cleared. Before the list has loaded, it is selected when it arrives."""
        self._detail_for = account_id
        if account_id in self.data.accounts and self.model.row_of(account_id) is None:
            self.filters.clear_filters()
        if self.model.row_of(account_id) is not None:
            self._reselect(refresh_detail=True)

    def new_account(
        self,
        *,
        platform: str | None = None,
        kecamatan_id: int | None = None,
        term_id: int | None = None,
    ) -> AccountEditor | None:
        """The editor for a new account with these fields filled in (the completeness
        matrix creates a missing account this way)."""
        defaults = {
            k: v
            for k, v in (
                ("platform", platform),
                ("kecamatan_id", kecamatan_id),
                ("term_id", term_id),
            )
            if v is not None
        }
        return self.open_new(defaults)

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    # --- detail -------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        account = self.proxy.account_at(current)
        self._update_buttons()
        if account is None or account.id != self._detail_for:
            self.detail.hide_secrets()
            self._request_detail(account.id if account is not None else None)

    def _request_detail(self, account_id: int | None, *, force: bool = False) -> None:
        if account_id == self._detail_for and not force and not self._loading_detail:
            return
        self._detail_for = account_id
        if account_id is None:
            self.detail.show_detail(None)
            return
        if not self._loading_detail:
            self._load_detail(account_id)

    def _load_detail(self, account_id: int) -> None:
        self._loading_detail = True
        self.run(
            lambda ctx: load_detail(ctx, account_id),
            self._detail_loaded,
            self._detail_failed,
        )

    def _detail_loaded(self, detail: AccountDetail) -> None:
        self._loading_detail = False
        if self._detail_for is not None and detail.account.id != self._detail_for:
            self._load_detail(self._detail_for)  # the user moved on while it loaded
            return
        if self._detail_for is not None:
            self.detail.show_detail(detail)
        self._update_buttons()
        if self.draft is not None and self.draft.account_id == detail.account.id:
            self.restore_draft()

    def _detail_failed(self, exc: BaseException) -> None:
        self._loading_detail = False
        self.detail.show_detail(None)
        self._show_error(exc)

    def _shown(self) -> AccountDetail | None:
        d = self.detail.detail
        return d if d is not None and d.account.id == self._detail_for else None

    def _update_buttons(self) -> None:
        d = self._shown()
        unlocked = self.session is not None
        self.new_button.setEnabled(unlocked)
        self.edit_button.setEnabled(d is not None)
        self.delete_button.setEnabled(d is not None and d.account.status is AccountStatus.PLANNED)
