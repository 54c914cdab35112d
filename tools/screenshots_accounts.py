"""Screenshots of the Accounts page (detail panel tabs, search), the account editor and the
password generator, on the demo vault. Called by screenshots.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from brankas.core.domain.enums import Platform
from brankas.gui.dialogs.account_editor import AccountEditor
from brankas.gui.main_window import MainWindow
from brankas.gui.models.accounts_model import Column
from brankas.gui.pages.accounts_detail import AUDIT, HISTORY, OVERVIEW, PAGE_TAB
from brankas.gui.pages.accounts_page import AccountsPage


class Shoots(Protocol):
    def shot(self, widget: QWidget, name: str) -> None: ...


def _select(page: AccountsPage, handle: str, idle: Callable[[], None]) -> None:
    model = page.proxy
    rows = [model.index(r, Column.HANDLE).data() for r in range(model.rowCount())]
    page.table.setCurrentIndex(model.index(rows.index(handle), 0))
    idle()


def shoot_accounts(main: MainWindow, shoot: Shoots, idle: Callable[[], None]) -> None:
    """The detail panel (chain with a personal SIM, Page roster, histories, audit), a search,
    the editor's tabs with validation errors, and the generator in both modes."""
    main.show_page("accounts")
    idle()
    page = main.pages["accounts"]
    assert isinstance(page, AccountsPage)
    _select(page, "@contoh.bokat.pilkada", idle)  # the ketua holds its SIM
    page.detail.tabs.setCurrentIndex(OVERVIEW)
    shoot.shot(main, "main-accounts-recovery-chain")
    page.show_totp()
    idle()
    shoot.shot(main, "main-accounts-totp")
    page.detail.totp.hide_code()
    page.detail.reveal_password.click()  # the reveal is audited, like a copy
    idle()
    shoot.shot(main, "main-accounts-password-shown")
    page.detail.reveal_password.click()
    _select(page, "panwascam.tiloan.pilkada", idle)  # a Page still with the committee
    page.detail.tabs.setCurrentIndex(PAGE_TAB)
    shoot.shot(main, "main-accounts-page-access")
    _select(page, "panwascam.biau.contoh", idle)  # permanent since Pemilu 2024
    page.detail.tabs.setCurrentIndex(HISTORY)
    shoot.shot(main, "main-accounts-history")
    page.detail.tabs.setCurrentIndex(AUDIT)
    shoot.shot(main, "main-accounts-audit")
    page.detail.tabs.setCurrentIndex(OVERVIEW)
    page.focus_search()
    page.filters.search.setText("paleleh")
    idle()
    shoot.shot(main, "main-accounts-search")
    page.filters.clear_filters()
    idle()
    # The editor of an existing Page, tab by tab.
    _select(page, "panwascam.tiloan.pilkada", idle)
    editor = page.open_edit()
    assert isinstance(editor, AccountEditor)
    idle()
    for index, name in enumerate(("account", "recovery", "page-access", "secrets")):
        editor.tabs.setCurrentIndex(index)
        shoot.shot(editor, f"dialog-account-editor-{name}")
    editor.reject()
    # A new account with mistakes, as typed.
    editor = page.open_new()
    assert isinstance(editor, AccountEditor)
    editor.identity.platform.setCurrentIndex(editor.identity.platform.findData(Platform.INSTAGRAM))
    editor.identity.handle.setText("https://www.instagram.com/contoh..baru")
    editor.recovery.email.setText("panwascam.gadung")
    editor.recovery.phone.setText("0812-0000")
    editor.tabs.setCurrentIndex(0)
    shoot.shot(editor, "dialog-account-editor-errors")
    editor.tabs.setCurrentIndex(1)
    shoot.shot(editor, "dialog-account-editor-errors-recovery")
    editor.tabs.setCurrentIndex(3)
    editor.secrets.password.setText("Contoh-Gadung-2025")
    generator = editor.secrets.open_generator()
    shoot.shot(generator, "dialog-password-generator")
    generator.generator.passphrase.setChecked(True)
    shoot.shot(generator, "dialog-password-generator-passphrase")
    generator.reject()
    shoot.shot(editor, "dialog-account-editor-new-secrets")
    editor.reject()
    idle()
