"""Unlock window: wrong and right password, unknown operator, vault in use, device key."""

from __future__ import annotations

import socket
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from brankas.core.errors import UnknownOperator, WrongPassword
from brankas.core.lock import VaultLock
from brankas.core.secret import Secret
from brankas.core.vault import operators
from brankas.core.vault.vault import Vault
from brankas.gui.controller import AppController
from brankas.gui.errors import error_message
from brankas.gui.unlock.unlock_window import UnlockWindow


def _attempt(qtbot: QtBot, window: UnlockWindow, name: str, password: str) -> None:
    window.operator.setText(name)
    window.password.setText(password)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=10_000)


def test_wrong_then_right_password(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    controller.start()
    window = controller.unlock_window
    assert window is not None and window.isVisible()
    assert window.folder() == vault_folder[0]
    _attempt(qtbot, window, ADMIN, "not the password")
    assert window.error.isVisible()
    assert window.error.text() == error_message(WrongPassword(""))
    assert window.password.text() == ""  # never left in the field
    assert controller.vault is None
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        _attempt(qtbot, window, ADMIN, ADMIN_PASSWORD)
    assert controller.vault is not None and controller.vault.operator is not None
    assert controller.vault.operator.name == ADMIN
    assert controller.main_window is not None and controller.main_window.isVisible()
    assert not window.isVisible()
    # The failed attempt is reported after the right one.
    assert "one failed attempt" in controller.main_window.banner_text.text()
    # Remembered for next time: the folder and the operator's name, never the password.
    assert controller.ctx.settings.last_operator(vault_folder[0]) == ADMIN
    assert vault_folder[0].resolve() in controller.ctx.settings.recent_vaults()


def test_unknown_operator_says_so(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    controller.start()
    window = controller.unlock_window
    assert window is not None
    _attempt(qtbot, window, "Nobody", ADMIN_PASSWORD)
    assert window.error.text() == error_message(UnknownOperator(""))


def test_vault_in_use_names_host_and_process(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    folder, _kit = vault_folder
    held = VaultLock.acquire(folder, app="other")
    try:
        controller.start()
        window = controller.unlock_window
        assert window is not None
        _attempt(qtbot, window, ADMIN, ADMIN_PASSWORD)
        text = window.error.text()
        assert socket.gethostname() in text
        assert str(held.info.pid) in text
        assert controller.vault is None
    finally:
        held.release()


def test_remembered_operator_unlocks_without_password(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    folder, _kit = vault_folder
    ctx = controller.ctx
    vault = Vault.unlock(
        folder, ADMIN, Secret(ADMIN_PASSWORD), policy=ctx.policy, keystore=ctx.keystore
    )
    operators.enable_device_unlock(vault, 30)
    vault.close(backup=False)
    ctx.settings.set_remembered(folder, ADMIN, True)
    controller.start()
    window = controller.unlock_window
    assert window is not None
    window.operator.setText(ADMIN)
    assert window.device_button.isVisible()
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        qtbot.mouseClick(window.device_button, Qt.MouseButton.LeftButton)
    assert controller.vault is not None
