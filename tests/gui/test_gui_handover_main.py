"""Handover and term end in the main window: the Dashboard's lists one click from their
action, the Handovers page's buttons, the File menu, the tray notification."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from handover_support import STORY_DAY, FakeWorld, demo_session, fake_world
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_org_support import fixed_clock, settle

from brankas.core.domain.enums import HandoverKind
from brankas.gui.context import AppContext
from brankas.gui.handover.rotation_dialog import RotationDialog
from brankas.gui.handover.scan_dialog import ScanDialog
from brankas.gui.handover.tray import AttentionTray
from brankas.gui.handover.ui import TERM_END
from brankas.gui.handover.wizard import HandoverWizard
from brankas.gui.main_window import MainWindow
from brankas.gui.models.dashboard_model import AttentionColumn
from brankas.gui.pages.dashboard_page import AttentionTab, DashboardPage
from brankas.gui.pages.handovers_page import HandoversPage
from brankas.gui.pages.service_page import ServicePage
from brankas.gui.session import Session


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with demo_session(gui_ctx, tmp_path) as s:
        yield s


@pytest.fixture
def world(tmp_path: Path) -> FakeWorld:
    return fake_world(tmp_path)


@pytest.fixture
def main(
    qtbot: QtBot, gui_ctx: AppContext, session: Session, world: FakeWorld
) -> Iterator[MainWindow]:
    window = MainWindow(gui_ctx, world.unexpected.append)
    qtbot.addWidget(window)
    clock = fixed_clock(STORY_DAY)
    for page in window.pages.values():
        if isinstance(page, ServicePage):
            page.clock = clock
    window.handover.actions.clock = clock
    window.handover.actions.env.hooks = world.hooks()
    window.handover.term_end.env.hooks = world.hooks()
    window.handover.tray = AttentionTray(gui_ctx.resources.app_icon(), available=lambda: False)
    window.show()
    window.start_session(session)
    settle(qtbot, session)
    yield window
    window.end_session()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, HandoverWizard | RotationDialog | ScanDialog):
            w.close()


def _click(qtbot: QtBot, tab: AttentionTab, row: int, column: AttentionColumn) -> None:
    table = tab.table
    index = table.proxy.index(row, column)
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _dashboard(main: MainWindow) -> DashboardPage:
    page = main.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    return page


def test_overdue_row_opens_the_return_wizard_at_its_accounts(
    qtbot: QtBot, main: MainWindow, session: Session
) -> None:
    dashboard = _dashboard(main)
    assert main.nav_model.row_of(TERM_END) is not None
    tab = dashboard.overdue
    record = tab.table.record_at(tab.table.proxy.index(0, 0))
    _click(qtbot, tab, 0, AttentionColumn.DETAIL)
    wizard = main.handover.actions.wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.accounts_page, timeout=10_000)
    settle(qtbot, session)
    assert wizard.state.kind is HandoverKind.RETURN
    assert {r.kecamatan for r in wizard.accounts_page.model.records()} == {record.kecamatan_name}
    # The account column still opens the account itself.
    wizard.reject()
    with qtbot.waitSignal(dashboard.account_requested) as opened:
        _click(qtbot, tab, 0, AttentionColumn.ACCOUNT)
    assert opened.args == [record.account_id]


def test_password_and_checklist_rows_open_their_work(
    qtbot: QtBot, main: MainWindow, session: Session
) -> None:
    dashboard = _dashboard(main)
    record = dashboard.rotation.table.record_at(dashboard.rotation.table.proxy.index(0, 0))
    _click(qtbot, dashboard.rotation, 0, AttentionColumn.DETAIL)
    settle(qtbot, session)
    term_end = main.handover.term_end
    assert main.current_key == TERM_END
    dialog = term_end.dialog
    qtbot.waitUntil(lambda: term_end.dialog is not None, timeout=10_000)
    dialog = term_end.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.current() is not None and dialog.current().id == record.account_id  # type: ignore[union-attr]
    dialog.force_close()
    main.show_page("dashboard")
    settle(qtbot, session)
    gap = dashboard.checklist.table.record_at(dashboard.checklist.table.proxy.index(0, 0))
    _click(qtbot, dashboard.checklist, 0, AttentionColumn.DETAIL)
    settle(qtbot, session)
    assert main.current_key == TERM_END
    assert term_end.tabs.currentWidget() is term_end.checklists
    row = term_end.checklists.current_row()
    assert row is not None and row.id == gap.account_id


def test_handovers_page_buttons_and_file_menu(
    qtbot: QtBot, main: MainWindow, session: Session
) -> None:
    main.show_page("handovers")
    settle(qtbot, session)
    page = main.pages["handovers"]
    assert isinstance(page, HandoversPage)
    assert not page.scan_button.isEnabled()
    page.table.selectRow(0)
    assert page.scan_button.isEnabled()
    chosen = page.current_handover()
    assert chosen is not None
    page.scan_button.click()
    dialog = next(w for w in main.findChildren(ScanDialog) if w.isVisible())
    assert chosen.number in dialog.windowTitle()
    dialog.close()
    page.new_button.click()
    wizard = main.handover.actions.wizard
    assert wizard is not None and wizard.isVisible() and wizard.state.kind is None
    wizard.reject()
    menu_texts = [a.text() for a in main.menuBar().actions()[0].menu().actions()]
    assert "New &handover…" in menu_texts
    assert main.handover.actions.new_action.isVisible()  # a regency's vault
    main.handover.actions.continue_action.trigger()
    wizard = main.handover.actions.wizard
    assert wizard is not None and wizard.state.kind is HandoverKind.NEXT_COMMITTEE
    wizard.reject()
    main.end_session()
    assert not main.handover.actions.new_action.isEnabled()
    assert main.handover.actions.open_wizard() is None


class FakeTray(QObject):
    """Stands in for QSystemTrayIcon (the offscreen platform has no tray)."""

    activated = Signal(object)
    messageClicked = Signal()

    def __init__(self, _icon: object, parent: QObject) -> None:
        super().__init__(parent)
        self.visible = False
        self.messages: list[tuple[str, str]] = []

    def setToolTip(self, _text: str) -> None:
        pass

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def showMessage(self, title: str, text: str, *_args: object) -> None:
        self.messages.append((title, text))


def test_tray_notification_once_per_unlock(
    qtbot: QtBot, gui_ctx: AppContext, session: Session, world: FakeWorld
) -> None:
    window = MainWindow(gui_ctx, world.unexpected.append)
    qtbot.addWidget(window)
    tray = window.handover.tray
    tray._available = lambda: True  # offscreen has no tray; pretend there is one
    tray._factory = FakeTray
    _dashboard(window).clock = fixed_clock(STORY_DAY)
    window.start_session(session)
    settle(qtbot, session)
    fake = tray.tray
    assert isinstance(fake, FakeTray) and len(fake.messages) == 1
    assert "still with the committee" in fake.messages[0][1]
    window.show_page("dashboard")
    settle(qtbot, session)
    assert len(fake.messages) == 1
    window.end_session()
    assert not fake.visible


def test_the_tray_shows_the_sentence(qtbot: QtBot, gui_ctx: AppContext) -> None:
    off = AttentionTray(gui_ctx.resources.app_icon(), available=lambda: False)
    assert not off.notify("12 accounts are overdue.") and off.tray is None
    on = AttentionTray(gui_ctx.resources.app_icon(), available=lambda: True, factory=FakeTray)
    assert not on.notify("")
    assert on.notify("12 accounts are overdue.")
    fake = on.tray
    assert isinstance(fake, FakeTray) and fake.visible
    assert fake.messages == [("Brankas: term end", "12 accounts are overdue.")]
    with qtbot.waitSignal(on.activated):
        fake.messageClicked.emit()
    on.hide()
    assert not fake.visible
