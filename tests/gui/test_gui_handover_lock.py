"""Locking keeps unsaved edits in forms without secrets: they are hidden and come back when
the same operator unlocks the same vault, and then save through the new session. Another
operator's unlock, or quitting, closes them; secrets and questions still close at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import shiboken6
from gui_support import ADMIN, ADMIN_PASSWORD
from handover_support import STORY_DAY
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_org_support import DEMO_PASSWORD, demo_template, fixed_clock

from brankas.core.domain.enums import HandoverKind, Role
from brankas.core.secret import Secret
from brankas.core.services import demo, office
from brankas.core.services.context import ServiceContext
from brankas.core.vault import operators
from brankas.core.vault.vault import Vault
from brankas.gui.controller import AppController
from brankas.gui.dialogs.kecamatan_dialog import KecamatanDialog
from brankas.gui.dialogs.messages import ask
from brankas.gui.handover.wizard import DONE_ID, HandoverWizard
from brankas.gui.pages.kecamatan_page import KecamatanPage
from brankas.gui.pages.service_page import ServicePage
from brankas.gui.widgets.password_generator import PasswordGeneratorDialog

OTHER, OTHER_PASSWORD = "Budi Santoso", "sepeda-motor-biru-tahun-lalu"


def _unlock(qtbot: QtBot, controller: AppController, name: str, password: str) -> None:
    if controller.unlock_window is None:
        controller.start()
    window = controller.unlock_window
    assert window is not None
    window.operator.setText(name)
    window.password.setText(password)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        window.unlock()
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)


def _lock(qtbot: QtBot, controller: AppController) -> None:
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    with qtbot.waitSignal(controller.vault_locked, timeout=10_000):
        controller.lock("user")


def _add_dialog(qtbot: QtBot, controller: AppController) -> KecamatanDialog:
    main = controller.main_window
    assert main is not None
    main.show_page("kecamatan")
    page = main.pages["kecamatan"]
    assert isinstance(page, KecamatanPage)
    dialog = page.open_add()
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_form_keeps_its_edits_over_a_lock_and_saves_after(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    _unlock(qtbot, controller, ADMIN, ADMIN_PASSWORD)
    main = controller.main_window
    assert main is not None
    dialog = _add_dialog(qtbot, controller)
    dialog.name.setText("Paleleh Barat")
    question = ask(main, "Brankas", "Delete?", "Delete", lambda: None)
    secret = PasswordGeneratorDialog(controller.ctx.resources, main)
    secret.open()
    _lock(qtbot, controller)
    assert not dialog.isVisible() and shiboken6.isValid(dialog)
    assert not secret.isVisible() and secret.generator.value() == ""
    assert not question.isVisible()  # a question answers for the moment: closed
    assert controller.hidden is not None and controller.hidden.dialogs == [dialog]
    _unlock(qtbot, controller, ADMIN, ADMIN_PASSWORD)
    assert dialog.isVisible() and dialog.name.text() == "Paleleh Barat"
    assert not secret.isVisible()
    dialog.ok.click()
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    assert controller.session is not None
    names = [k.name for k in office.list_kecamatan(ServiceContext(controller.session.vault))]
    assert names == ["Paleleh Barat"]
    assert controller.hidden is None


def test_another_operator_or_quitting_closes_the_hidden_forms(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    vault = Vault.unlock(
        vault_folder[0], ADMIN, Secret(ADMIN_PASSWORD), policy=controller.ctx.policy
    )
    operators.add_operator(vault, OTHER, Secret(OTHER_PASSWORD), Role.OPERATOR)
    vault.close(backup=False)
    _unlock(qtbot, controller, ADMIN, ADMIN_PASSWORD)
    dialog = _add_dialog(qtbot, controller)
    dialog.name.setText("Biau")
    _lock(qtbot, controller)
    _unlock(qtbot, controller, OTHER, OTHER_PASSWORD)
    assert controller.hidden is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # closed, and deleted on close
    dialog = _add_dialog(qtbot, controller)
    _lock(qtbot, controller)
    assert controller.hidden is not None
    controller.quit()
    assert controller.hidden is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))


def test_the_handover_wizard_survives_a_lock(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    folder = controller.ctx.default_vault
    shutil.copytree(demo_template(), folder)
    _unlock(qtbot, controller, demo.ADMIN_NAME, DEMO_PASSWORD)
    main = controller.main_window
    assert main is not None
    clock = fixed_clock(STORY_DAY)
    for page in main.pages.values():
        if isinstance(page, ServicePage):
            page.clock = clock
    main.handover.actions.clock = clock
    wizard = main.handover.actions.open_wizard(kind=HandoverKind.RETURN)
    assert isinstance(wizard, HandoverWizard)
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.term_page.loading, timeout=10_000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.kecamatan_page.model.rowCount() > 0, timeout=10_000)
    before = wizard.kecamatan_page.model.checked()
    assert before
    _lock(qtbot, controller)
    assert not wizard.isVisible() and shiboken6.isValid(wizard)
    # Hidden, it cannot reach the locked vault: its jobs do not start.
    assert not wizard.env.run(lambda ctx: ctx.conn, lambda _r: None, lambda _e: None)
    _unlock(qtbot, controller, demo.ADMIN_NAME, DEMO_PASSWORD)
    assert wizard.isVisible() and wizard.currentPage() is wizard.kecamatan_page
    assert wizard.kecamatan_page.model.checked() == before
    wizard.next()  # accounts
    wizard.next()  # parties
    parties = wizard.parties_page
    parties.office_box.setCurrentIndex(
        parties.office_box.findText("Rina", Qt.MatchFlag.MatchStartsWith)
    )
    wizard.next()  # details
    wizard.next()  # preview (loads in the worker, on the new session)
    qtbot.waitUntil(lambda: wizard.preview.isComplete(), timeout=10_000)
    wizard.next()  # record
    qtbot.waitUntil(lambda: wizard.currentId() == DONE_ID, timeout=10_000)
    assert len(wizard.preview.recorded or []) == len(before)
    wizard.accept()
