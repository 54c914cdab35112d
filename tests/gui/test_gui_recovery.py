"""Recovery flow: type the kit (a typo names its group) → new admin password → new kit."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import ADMIN
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from brankas.core.errors import RecoveryKitInvalid, WrongRecoveryKit
from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault
from brankas.gui.controller import AppController
from brankas.gui.errors import error_message
from brankas.gui.widgets.kit_entry import KitEntry

NEW_PASSWORD = "lemari-besi-hijau-di-lantai-dua"


def _typo(kit: str, group: int) -> str:
    groups = kit.split("-")
    groups[group - 1] = f"{(int(groups[group - 1]) + 1) % 1_000_000:06d}"
    return "-".join(groups)


def test_kit_entry_names_the_wrong_group(qtbot: QtBot, vault_folder: tuple[Path, str]) -> None:
    entry = KitEntry()
    qtbot.addWidget(entry)
    entry.set_key(_typo(vault_folder[1], 3))
    assert not entry.is_complete
    assert entry.message.text() == error_message(RecoveryKitInvalid("", group=3))
    assert entry.fields[2].property("state") == "bad"
    entry.set_key(vault_folder[1])
    assert entry.is_complete
    assert entry.message.text() == ""
    assert entry.key() == vault_folder[1]


def test_recovery_resets_the_admin_password_and_prints_a_new_kit(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    folder, kit = vault_folder
    controller.start()
    assert controller.unlock_window is not None
    controller.unlock_window.recovery_requested.emit(folder)
    dialog = controller.recovery
    assert dialog is not None and dialog.isVisible()
    assert not dialog.next_button.isEnabled()
    dialog.entry.set_key(kit)
    assert dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1, timeout=10_000)
    assert dialog.admin_box.currentText() == ADMIN
    assert all(f.text() == "" for f in dialog.entry.fields)  # the typed kit is gone
    dialog.new_password.password.setText(NEW_PASSWORD)
    dialog.new_password.confirm.setText(NEW_PASSWORD)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 2, timeout=10_000)
    assert dialog.confirm is not None
    new_kit = dialog.confirm._expected  # the group the dialog asks for
    group_number = dialog.confirm.group_number
    assert not dialog.next_button.isEnabled()
    dialog.reject()  # not allowed before the new kit is confirmed
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.confirm.input, new_kit)
    assert dialog.next_button.isEnabled()
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    vault = controller.vault
    assert vault is not None and vault.operator is not None
    assert vault.operator.name == ADMIN and vault.operator.is_admin
    assert 1 <= group_number <= 8
    # The old kit no longer opens the vault; the new password does.
    controller.quit()
    with pytest.raises(WrongRecoveryKit):
        Vault.unlock_with_recovery(folder, kit, policy=controller.ctx.policy)
    Vault.unlock(folder, ADMIN, Secret(NEW_PASSWORD), policy=controller.ctx.policy).close(
        backup=False
    )


def test_abandoned_recovery_keeps_nothing_open(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    folder, kit = vault_folder
    controller.start()
    controller.show_recovery(folder)
    dialog = controller.recovery
    assert dialog is not None
    dialog.entry.set_key(kit)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1, timeout=10_000)
    with qtbot.waitSignal(dialog.abandoned):
        dialog.reject()
    assert controller.vault is None
    assert controller.held_lock is not None and controller.held_lock.held
