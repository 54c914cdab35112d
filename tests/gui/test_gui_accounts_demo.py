"""First-run wizard: "open the demo vault" builds it (or reopens it) and shows its accounts."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from brankas.core.services.demo import ADMIN_NAME
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.pages.accounts_page import AccountsPage
from brankas.gui.wizard import flow
from brankas.gui.wizard.flow import Choice, Page
from brankas.gui.wizard.pages_demo import DEMO_PASSWORD, demo_folder, open_or_build_demo


def test_demo_branch_of_the_flow() -> None:
    assert flow.next_page(Page.CHOOSE, Choice.DEMO) is Page.DEMO
    assert flow.next_page(Page.DEMO, Choice.DEMO) is None
    assert flow.can_cancel(Page.DEMO) and not flow.can_go_back(Page.DEMO)


def test_demo_vault_is_built_opened_and_reopened(
    qtbot: QtBot, controller: AppController, gui_ctx: AppContext
) -> None:
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    wizard.choose.buttons[Choice.DEMO].setChecked(True)
    wizard.next()
    assert wizard.currentId() == Page.DEMO
    qtbot.waitUntil(wizard.demo.isComplete, timeout=30_000)
    assert DEMO_PASSWORD in wizard.demo.credentials.text()
    assert ADMIN_NAME in wizard.demo.credentials.text()
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    main = controller.main_window
    assert main is not None and controller.vault is not None
    assert controller.vault.folder == demo_folder(gui_ctx.paths.data_dir)
    main.show_page("accounts")
    page = main.pages["accounts"]
    assert isinstance(page, AccountsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 40, timeout=10_000)
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    controller.quit()
    # Choosing the demo again opens the same vault with the password it shows.
    vault, built = open_or_build_demo(gui_ctx)
    try:
        assert not built and vault.folder == demo_folder(gui_ctx.paths.data_dir)
        assert vault.operator is not None and vault.operator.name == ADMIN_NAME
    finally:
        vault.close(backup=False)
