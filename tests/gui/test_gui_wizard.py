"""First-run wizard: create a regency vault end to end, and the open-existing branch."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, OFFICE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from brankas.core.vault.vault import Vault
from brankas.gui.controller import AppController
from brankas.gui.wizard.flow import Choice, Page
from brankas.gui.wizard.wizard import FirstRunWizard


def _next(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_wizard_creates_a_regency_vault(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    controller.start()
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.currentId() == Page.CHOOSE
    wizard.choose.buttons[Choice.REGENCY].setChecked(True)
    _next(qtbot, wizard)
    assert wizard.currentId() == Page.OFFICE
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(wizard.office.name, OFFICE)
    _next(qtbot, wizard)
    assert wizard.currentId() == Page.ADMIN
    qtbot.keyClicks(wizard.admin.name, ADMIN)
    qtbot.keyClicks(wizard.admin.password.password, "pendek")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.admin.password.password.setText(ADMIN_PASSWORD)
    wizard.admin.password.confirm.setText(ADMIN_PASSWORD + "x")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.admin.password.confirm.setText(ADMIN_PASSWORD)
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Create vault"
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == Page.KIT, timeout=10_000)
    # No going back or cancelling once the vault exists: the kit would be lost.
    assert (
        not wizard.button(QWizard.WizardButton.BackButton).isVisible()
        or not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    )
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    kit = wizard.state.recovery_key
    assert wizard.kit.view is not None
    shown = [label.text() for label in wizard.kit.view.group_labels]
    assert "-".join(shown) == kit
    pdf = tmp_path / "kit.pdf"
    wizard.kit.view.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    _next(qtbot, wizard)
    assert wizard.currentId() == Page.CONFIRM_KIT
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    confirm = wizard.confirm.confirm
    assert confirm is not None
    group = kit.split("-")[confirm.group_number - 1]
    wrong = f"{(int(group) + 11) % 720896:06d}"
    qtbot.keyClicks(confirm.input, wrong)
    assert not finish.isEnabled()
    confirm.input.clear()
    qtbot.keyClicks(confirm.input, group)
    assert finish.isEnabled()
    with qtbot.waitSignal(controller.vault_unlocked):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert controller.main_window is not None and controller.main_window.isVisible()
    vault = controller.vault
    assert isinstance(vault, Vault) and vault.operator is not None
    assert vault.operator.name == ADMIN and vault.operator.is_admin
    assert wizard.state.recovery_key == ""  # forgotten once confirmed


def test_wizard_opens_an_existing_folder(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str], tmp_path: Path
) -> None:
    folder, _kit = vault_folder
    controller.show_wizard(first_run=False)
    wizard = controller.wizard
    assert wizard is not None
    wizard.choose.buttons[Choice.OPEN].setChecked(True)
    _next(qtbot, wizard)
    assert wizard.currentId() == Page.OPEN_EXISTING
    wizard.open_existing.folder.edit.setText(str(tmp_path / "nothing-here"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.open_existing.error.isVisible()
    wizard.open_existing.folder.edit.setText(str(folder))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    unlock = controller.unlock_window
    assert unlock is not None and unlock.isVisible()
    assert unlock.folder() == folder
