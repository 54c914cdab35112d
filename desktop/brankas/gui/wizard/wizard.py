"""The first-run wizard: create a vault (regency or province) or pick an existing folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from brankas.gui.context import AppContext
from brankas.gui.wizard import flow
from brankas.gui.wizard.flow import Page
from brankas.gui.wizard.pages_create import ConfirmKitPage, CreatePage, KitPage
from brankas.gui.wizard.pages_demo import DemoPage
from brankas.gui.wizard.pages_setup import AdminPage, ChoosePage, OfficePage, OpenExistingPage
from brankas.gui.wizard.state import WizardState
from brankas.gui.workers import JobRunner


class FirstRunWizard(QWizard):
    """Emits :attr:`vault_created` (an open Vault) or :attr:`folder_chosen` (a Path)."""

    vault_created = Signal(object)
    folder_chosen = Signal(Path)
    cancelled = Signal()

    def __init__(
        self,
        ctx: AppContext,
        runner: JobRunner,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.state = WizardState()
        self.setWindowTitle(self.tr("Brankas — set up"))
        self.setWindowIcon(ctx.resources.app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, ctx.resources.app_icon().pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self._set_button_texts()
        default = ctx.default_vault
        self.choose = ChoosePage(self.state)
        self.open_existing = OpenExistingPage(self.state, ctx.resources, default)
        self.office = OfficePage(self.state, ctx.resources, default)
        self.admin = AdminPage(self.state, ctx.resources)
        self.admin.setButtonText(QWizard.WizardButton.NextButton, self.tr("Create vault"))
        self.create_page = CreatePage(
            self.state,
            ctx,
            runner,
            self.admin.password.secret,
            on_unexpected,
        )
        self.kit = KitPage(self.state, ctx)
        self.confirm = ConfirmKitPage(self.state)
        self.demo = DemoPage(self.state, ctx, runner, on_unexpected)
        for page_id, page in (
            (Page.CHOOSE, self.choose),
            (Page.OPEN_EXISTING, self.open_existing),
            (Page.OFFICE, self.office),
            (Page.ADMIN, self.admin),
            (Page.CREATE, self.create_page),
            (Page.KIT, self.kit),
            (Page.CONFIRM_KIT, self.confirm),
            (Page.DEMO, self.demo),
        ):
            self.setPage(int(page_id), page)
        self.setStartId(int(Page.CHOOSE))
        self.currentIdChanged.connect(self._on_page)
        self.resize(760, 600)

    def _set_button_texts(self) -> None:
        # Qt ships no Indonesian for its own wizard buttons (PITFALLS.md): set them here.
        button = QWizard.WizardButton
        self.setButtonText(button.BackButton, self.tr("< Back"))
        self.setButtonText(button.NextButton, self.tr("Next >"))
        self.setButtonText(button.CommitButton, self.tr("Next >"))
        self.setButtonText(button.FinishButton, self.tr("Finish"))
        self.setButtonText(button.CancelButton, self.tr("Cancel"))
        self.setButtonText(button.HelpButton, self.tr("Help"))

    def _on_page(self, page_id: int) -> None:
        if page_id < 0:
            return
        page = Page(page_id)
        self.setOption(QWizard.WizardOption.NoCancelButton, not flow.can_cancel(page))
        if page is Page.ADMIN:
            self.admin.password.password.setFocus()

    def accept(self) -> None:
        """Finish: hand on the new vault, or the chosen existing folder."""
        # QWizard.accept validates the last page; that must happen before reading state.
        if not self.validateCurrentPage():
            return
        state = self.state
        if state.choice is flow.Choice.OPEN:
            if state.existing_folder is not None:
                self.folder_chosen.emit(state.existing_folder)
        elif state.vault is not None:
            state.forget_kit()
            self.vault_created.emit(state.vault)
        super().accept()

    def reject(self) -> None:
        """Cancel only before the vault exists; afterwards the kit must be confirmed
        (a demo vault has no kit to lose: it is closed)."""
        if self.state.vault is not None and self.state.choice is flow.Choice.DEMO:
            self.state.vault.close(backup=False)
            self.state.vault = None
        if self.state.vault is not None:
            return
        super().reject()
        self.cancelled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window is cancelling."""
        if self.state.vault is not None:
            event.ignore()
            return
        super().closeEvent(event)

    def force_close(self) -> None:
        """Close whatever the state (the app is quitting)."""
        self.state.forget_kit()
        self.done(QWizard.DialogCode.Rejected)
