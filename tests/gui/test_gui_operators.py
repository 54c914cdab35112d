"""Operators page: add (with validation), remove with key rotation, recovery kit, remember."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, visible
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from brankas.core.errors import Conflict
from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault
from brankas.gui.controller import AppController
from brankas.gui.dialogs.operator_dialogs import AddOperatorDialog
from brankas.gui.dialogs.recovery_kit_dialog import RecoveryKitDialog
from brankas.gui.dialogs.rotation_dialog import RotationTasksDialog
from brankas.gui.errors import error_message
from brankas.gui.pages.operators_page import OperatorsPage

OTHER = "Budi Santoso"
OTHER_PASSWORD = "sepeda-motor-biru-tahun-lalu"


def _unlock(qtbot: QtBot, controller: AppController) -> OperatorsPage:
    controller.start()
    window = controller.unlock_window
    assert window is not None
    window.operator.setText(ADMIN)
    window.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        window.unlock()
    main = controller.main_window
    assert main is not None
    main.show_page("operators")
    page = main.pages["operators"]
    assert isinstance(page, OperatorsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not controller.runner.busy)
    return page


def _add(qtbot: QtBot, page: OperatorsPage, name: str) -> AddOperatorDialog:
    page.open_add()
    dialog = visible(page.window(), AddOperatorDialog)
    assert dialog is not None
    dialog.name.setText(name)
    dialog.password.password.setText(OTHER_PASSWORD)
    dialog.password.confirm.setText(OTHER_PASSWORD)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    return dialog


def _click_confirm(qtbot: QtBot, parent: QWidget) -> None:
    box = next(b for b in parent.findChildren(QMessageBox) if b.isVisible())
    qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), Qt.MouseButton.LeftButton)


def test_add_then_remove_an_operator(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    page = _unlock(qtbot, controller)
    assert page.add_button.isEnabled() and not page.remove_button.isEnabled()
    _add(qtbot, page, OTHER)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert visible(page.window(), AddOperatorDialog) is None
    # A second operator with the same name is refused with a sentence, in the dialog.
    again = _add(qtbot, page, OTHER)
    qtbot.waitUntil(lambda: again.error.isVisible(), timeout=10_000)
    assert again.error.text() == error_message(Conflict(""))
    again.reject()
    # Remove: select, confirm, key rotation in the worker, then the task list.
    row = next(r for r in range(2) if page.model.operator_at(r).name == OTHER)  # type: ignore[union-attr]
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())
    assert page.remove_button.isEnabled()
    epoch_before = controller.vault.table.epoch  # type: ignore[union-attr]
    page.confirm_remove()
    _click_confirm(qtbot, page.window())
    qtbot.waitUntil(lambda: visible(page.window(), RotationTasksDialog) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert controller.vault is not None and controller.vault.table.epoch > epoch_before
    tasks = visible(page.window(), RotationTasksDialog)
    assert tasks is not None and tasks.model.rowCount() == 0


def test_the_removed_operator_can_no_longer_unlock(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    page = _unlock(qtbot, controller)
    _add(qtbot, page, OTHER)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    row = next(r for r in range(2) if page.model.operator_at(r).name == OTHER)  # type: ignore[union-attr]
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())
    page.confirm_remove()
    _click_confirm(qtbot, page.window())
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and not controller.runner.busy, timeout=10_000
    )
    folder = vault_folder[0]
    controller.quit()
    from brankas.core.errors import UnknownOperator

    try:
        Vault.unlock(folder, OTHER, Secret(OTHER_PASSWORD), policy=controller.ctx.policy)
    except UnknownOperator:
        pass
    else:
        raise AssertionError("the removed operator could still unlock")


def test_new_recovery_kit_is_shown_and_must_be_confirmed(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    page = _unlock(qtbot, controller)
    page.confirm_new_kit()
    _click_confirm(qtbot, page.window())
    qtbot.waitUntil(lambda: visible(page.window(), RecoveryKitDialog) is not None, timeout=10_000)
    dialog = visible(page.window(), RecoveryKitDialog)
    assert dialog is not None
    new_kit = "-".join(label.text() for label in dialog.view.group_labels)
    assert new_kit != vault_folder[1]
    assert not dialog.done_button.isEnabled()
    dialog.confirm.input.setText(new_kit.split("-")[dialog.confirm.group_number - 1])
    assert dialog.done_button.isEnabled()
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert visible(page.window(), RecoveryKitDialog) is None


def test_remember_on_this_pc_toggles_the_device_slot(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    page = _unlock(qtbot, controller)
    box = page.my_account
    assert box.remember.isEnabled() and not box.remember.isChecked()
    with qtbot.waitSignal(box.remembered_changed, timeout=10_000):
        box.remember.setChecked(True)
    assert ADMIN in controller.ctx.settings.remembered_operators(vault_folder[0])
    qtbot.waitUntil(lambda: page.model.operator_at(0).remembered_on_this_pc, timeout=10_000)  # type: ignore[union-attr]
    with qtbot.waitSignal(box.remembered_changed, timeout=10_000):
        box.remember.setChecked(False)
    assert ADMIN not in controller.ctx.settings.remembered_operators(vault_folder[0])


def test_change_my_password(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    page = _unlock(qtbot, controller)
    page.my_account.open_change_password()
    from brankas.gui.dialogs.operator_dialogs import ChangePasswordDialog

    dialog = visible(page.window(), ChangePasswordDialog)
    assert dialog is not None
    dialog.current.setText("wrong")
    dialog.password.password.setText(OTHER_PASSWORD)
    dialog.password.confirm.setText(OTHER_PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    dialog.current.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.password_changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    folder = vault_folder[0]
    controller.quit()
    Vault.unlock(folder, ADMIN, Secret(OTHER_PASSWORD), policy=controller.ctx.policy).close(
        backup=False
    )
    for w in QApplication.topLevelWidgets():
        w.close()


def test_an_operator_sees_no_admin_pages(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    page = _unlock(qtbot, controller)
    _add(qtbot, page, OTHER)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and not controller.runner.busy)
    with qtbot.waitSignal(controller.vault_locked):
        controller.lock("user")
    unlock = controller.unlock_window
    assert unlock is not None
    unlock.operator.setText(OTHER)
    unlock.password.setText(OTHER_PASSWORD)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        unlock.unlock()
    main = controller.main_window
    assert main is not None
    assert main.nav_model.row_of("operators") is None
    main.show_page("operators")
    assert main.current_key != "operators"
    assert main.nav_model.row_of("settings") is not None  # own password, remember
    controller.clipboard.copy("secret", "Password")
    assert "Password copied" in main.statusBar().currentMessage()
