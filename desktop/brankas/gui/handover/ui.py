"""Handover and term end in the main window: the actions, the Term end page, the tray, and
the wiring from the Dashboard and Handovers pages to the wizard, the queue and checklists."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from brankas.core.domain.enums import HandoverKind, OfficeKind
from brankas.core.domain.models import Handover
from brankas.core.services.handover_wizard import Page as WizardPage
from brankas.core.storage.repos.office import own_office
from brankas.gui.context import AppContext
from brankas.gui.handover.actions import HandoverActions
from brankas.gui.handover.term_end_page import TermEndPage
from brankas.gui.handover.tray import AttentionTray
from brankas.gui.models.nav_model import NavEntry
from brankas.gui.pages.base import Page
from brankas.gui.session import Session

if TYPE_CHECKING:
    from brankas.gui.main_window import MainWindow
    from brankas.gui.pages.dashboard_page import DashboardPage
    from brankas.gui.pages.handovers_page import HandoversPage

TERM_END = "termend"  # the Term end page's key


class HandoverUi(QObject):
    """Built by the main window; asks it for the session each time."""

    def __init__(
        self,
        window: MainWindow,
        ctx: AppContext,
        on_unexpected: Callable[[BaseException], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.actions = HandoverActions(window, ctx.resources, lambda: window.session, on_unexpected)
        self.term_end = TermEndPage(ctx.resources, on_unexpected)
        self.tray = AttentionTray(ctx.resources.app_icon(), self)
        self._icon = ctx.resources.themed_icon("rotate")
        self.actions.recorded.connect(lambda _h: self._refresh())
        self.actions.scan_attached.connect(lambda _a: self._refresh())
        self.actions.rotation_requested.connect(self.show_queue)
        self.term_end.wizard_requested.connect(self._wizard_for)
        self.term_end.account_requested.connect(window.show_account)
        self.tray.activated.connect(self._tray_clicked)

    # --- building -----------------------------------------------------------------------
    def nav_entry(self) -> NavEntry:
        """The Term end page in the navigation."""
        return NavEntry(TERM_END, self.tr("Term end"), self._icon)

    def add_pages(self, add_page: Callable[[str, Page], None]) -> None:
        """Register the Term end page."""
        add_page(TERM_END, self.term_end)

    def connect_pages(self, dashboard: DashboardPage, handovers: HandoversPage) -> None:
        """Each Dashboard list one click from its action; the Handovers page's buttons."""
        dashboard.return_requested.connect(self.take_back)
        dashboard.rotation_requested.connect(self.show_rotation)
        dashboard.checklist_requested.connect(self.show_checklist)
        dashboard.attention_found.connect(self.tray.notify)
        handovers.new_requested.connect(lambda: self.actions.open_wizard())
        handovers.scan_requested.connect(self.actions.open_scans)
        handovers.print_requested.connect(self._print)

    # --- sessions -----------------------------------------------------------------------
    def start_session(self, session: Session) -> None:
        """The actions work while unlocked, in a regency's vault (a province holds no
        accounts of its own)."""
        regency = own_office(session.vault.conn).kind is OfficeKind.REGENCY  # one row
        for action in self.actions.actions():
            action.setVisible(regency)
        self.actions.set_enabled(regency)

    def end_session(self) -> None:
        """Locked: nothing to act on; the tray icon goes until the next unlock."""
        self.actions.set_enabled(False)
        self.tray.hide()

    # --- going places -------------------------------------------------------------------
    def take_back(self, term_id: int, kecamatan_id: int) -> None:
        """The return wizard for a kecamatan's overdue accounts, at its accounts page."""
        self.actions.open_wizard(
            kind=HandoverKind.RETURN,
            term_id=term_id,
            kecamatan_ids=[kecamatan_id],
            jump_to=WizardPage.ACCOUNTS,
        )

    def show_rotation(self, account_id: int) -> None:
        """The rotation queue at an account, with the guided queue open there."""
        self.window.show_page(TERM_END)
        self.term_end.show_rotation(account_id)

    def show_checklist(self, account_id: int) -> None:
        """An account's deactivation checklist."""
        self.window.show_page(TERM_END)
        self.term_end.show_checklist(account_id)

    def show_queue(self) -> None:
        """The rotation queue (after a return was recorded)."""
        self.window.show_page(TERM_END)
        self.term_end.tabs.setCurrentWidget(self.term_end.rotation)

    def _wizard_for(self, kind: str, term_id: object) -> None:
        self.actions.open_wizard(
            kind=HandoverKind(kind), term_id=term_id if isinstance(term_id, int) else None
        )

    def _print(self, record: Handover) -> None:
        self.actions.print_handover(record)

    def _refresh(self) -> None:
        # The page shown reads again (the others do when visited).
        self.window.show_page(self.window.current_key)

    def _tray_clicked(self) -> None:
        window = self.window
        if window.isVisible():
            window.showNormal() if window.isMinimized() else window.show()
            window.raise_()
            window.activateWindow()
            window.show_page("dashboard")
