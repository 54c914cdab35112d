"""Locking: idle timer, Ctrl+L, minimise; secrets and dialogs go, the folder lock stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from brankas.core.errors import VaultInUse
from brankas.core.lock import VaultLock
from brankas.gui.controller import AppController
from brankas.gui.idle import IdleTimer


def _unlock(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    window = controller.unlock_window
    assert window is not None
    window.operator.setText(ADMIN)
    window.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        window.unlock()
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)


def test_idle_timer_times_out_and_input_pushes_it_back(qtbot: QtBot, qapp: QApplication) -> None:
    idle = IdleTimer(10_000)
    idle.watch(qapp)
    widget = QWidget()
    qtbot.addWidget(widget)
    try:
        idle.start()
        # Input restarts the timer at most every 500 ms (see IdleTimer.eventFilter).
        qtbot.waitUntil(lambda: idle._since_restart.elapsed() >= 600, timeout=5_000)
        assert idle._timer.remainingTime() < 9_900
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        QApplication.sendEvent(widget, key)
        assert idle._timer.remainingTime() > 9_900
        idle.set_timeout_msecs(50)
        with qtbot.waitSignal(idle.timed_out, timeout=5_000):
            pass
        assert not idle.active and idle.seconds_left == 0
    finally:
        idle.unwatch()


def test_idle_lock_clears_everything_and_keeps_the_folder_lock(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    _unlock(qtbot, controller)
    main = controller.main_window
    assert main is not None
    main.show_page("audit")
    qtbot.waitUntil(lambda: main.pages["audit"].model.rowCount() > 0, timeout=10_000)  # type: ignore[attr-defined]
    controller.clipboard.copy("kata-sandi-instagram", "Password")
    assert QApplication.clipboard().text() == "kata-sandi-instagram"
    main.pages["operators"].open_add()  # type: ignore[attr-defined]
    dialog = main.findChild(QWidget, "addOperatorDialog")
    assert dialog is not None and dialog.isVisible()
    controller.idle.set_timeout_msecs(100)
    with qtbot.waitSignal(controller.vault_locked, timeout=5_000) as locked:
        pass
    assert locked.args == ["idle"]
    assert controller.vault is None and controller.session is None
    assert not main.isVisible()
    assert main.pages["audit"].model.rowCount() == 0  # type: ignore[attr-defined]
    assert main.pages["operators"].model.rowCount() == 0  # type: ignore[attr-defined]
    assert QApplication.clipboard().text() == ""
    assert not dialog.isVisible()
    unlock = controller.unlock_window
    assert unlock is not None and unlock.isVisible()
    assert unlock.notice.isVisible() and unlock.operator.text() == ADMIN
    # Still ours: nobody else can open the folder while we sit locked.
    assert controller.held_lock is not None and controller.held_lock.held
    with pytest.raises(VaultInUse):
        VaultLock.acquire(vault_folder[0])
    # And unlocking again reuses that lock.
    unlock.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        unlock.unlock()
    assert main.isVisible()


def test_ctrl_l_locks(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    _unlock(qtbot, controller)
    main = controller.main_window
    assert main is not None
    main.show_page("operators")
    main.pages["operators"].confirm_new_kit()  # type: ignore[attr-defined]
    question = next(b for b in main.findChildren(QMessageBox) if b.isVisible())
    qtbot.waitUntil(lambda: not controller.runner.busy)
    with qtbot.waitSignal(controller.vault_locked) as locked:
        main.lock_action.trigger()
    assert locked.args == ["user"]
    assert not question.isVisible()  # it acted on the session that ended
    assert main.lock_action.shortcut().toString() == "Ctrl+L"


def test_minimise_locks_when_the_setting_says_so(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    _unlock(qtbot, controller)
    main = controller.main_window
    assert main is not None
    controller.ctx.settings.lock_on_minimise = False
    main.minimised.emit()
    assert controller.vault is not None
    controller.ctx.settings.lock_on_minimise = True
    with qtbot.waitSignal(controller.vault_locked) as locked:
        main.minimised.emit()
    assert locked.args == ["minimised"]


def test_lock_waits_for_a_running_job(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    _unlock(qtbot, controller)
    main = controller.main_window
    assert main is not None
    with qtbot.waitSignal(controller.vault_locked, timeout=10_000):
        main.back_up()  # a job on the vault's connection
        controller.lock("user")
        assert controller.vault is not None  # deferred until the backup ends


def test_settings_apply_at_once(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    _unlock(qtbot, controller)
    main = controller.main_window
    assert main is not None
    main.show_page("settings")
    page = main.pages["settings"]
    page.auto_lock.setValue(2)  # type: ignore[attr-defined]
    assert controller.ctx.settings.auto_lock_minutes == 2
    assert 110 <= controller.idle.seconds_left <= 120
    page.clipboard.setValue(30)  # type: ignore[attr-defined]
    with qtbot.waitSignal(controller.clipboard.copied) as copied:
        controller.clipboard.copy("x", "Password")
    assert copied.args[1] == 30
    page.backups.setValue(7)  # type: ignore[attr-defined]
    assert controller.vault is not None and controller.vault.backup_keep == 7
    page.lock_minimise.setChecked(False)  # type: ignore[attr-defined]
    assert controller.ctx.settings.lock_on_minimise is False
    page.language.setCurrentIndex(page.language.findData("id"))  # type: ignore[attr-defined]
    # Rebuilt at once, or as soon as a running job (a page refresh) has ended.
    qtbot.waitUntil(lambda: controller.main_window is not main)
    rebuilt = controller.main_window
    assert rebuilt is not None and rebuilt is not main
    assert rebuilt.current_key == "settings" and rebuilt.isVisible()
    assert rebuilt.lock_action.text() == "&Kunci"
    assert controller.vault is not None  # still unlocked
