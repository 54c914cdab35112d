"""The office profile: the dialog saves and shows errors by code, admins only; the wizard
stores the office code and city."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, OFFICE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from test_gui_org_support import DEMO_PASSWORD, demo_template, open_session, settle

from brankas.core.errors import InvalidValue
from brankas.core.secret import Secret
from brankas.core.services import demo, office
from brankas.core.services.context import ServiceContext
from brankas.core.vault.operators import add_operator
from brankas.core.vault.vault import Vault
from brankas.gui.clipboard import ClipboardService
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.dialogs.office_dialog import OfficeBox, OfficeDialog
from brankas.gui.errors import error_message
from brankas.gui.session import Session, office_name
from brankas.gui.wizard import flow
from brankas.gui.wizard.flow import Choice, Page
from brankas.gui.workers import JobRunner
from brankas_testing import FAST_POLICY

CLERK, CLERK_PASSWORD = "Budi Operator", "teh-manis-sore-di-buol"


def _unexpected(exc: BaseException) -> None:
    raise AssertionError(f"unexpected error: {exc!r}")


def _opened(qtbot: QtBot, session: Session) -> tuple[OfficeBox, OfficeDialog]:
    box = OfficeBox(_unexpected)
    qtbot.addWidget(box)
    box.start_session(session)
    settle(qtbot, session)
    assert box.code.text() == "BWS.BUOL"
    dialog = box.open_dialog()
    assert dialog is not None
    return box, dialog


def test_the_dialog_shows_errors_by_code_and_saves(
    qtbot: QtBot, gui_ctx: AppContext, tmp_path: Path
) -> None:
    with open_session(gui_ctx, tmp_path / "vault") as session:
        box, dialog = _opened(qtbot, session)
        assert dialog.edits["name"].text() == "Bawaslu Kabupaten Buol"
        assert not dialog.edits["code"].isReadOnly() and dialog.ok.isVisible()
        dialog.edits["code"].setText("BWS\x07BUOL")
        dialog.edits["head_nip"].setText("123")
        dialog.ok.click()
        settle(qtbot, session)
        assert dialog.isVisible()
        sentence = error_message(InvalidValue("", code="office_code_control_char"))
        assert "control character" in sentence
        assert dialog.field_error_text("code") == sentence
        dialog.edits["code"].setText("BWS.BUOL.2")
        dialog.ok.click()
        settle(qtbot, session)
        assert dialog.field_error_text("code") == ""
        assert dialog.field_error_text("head_nip").startswith("A NIP has 18 digits")
        dialog.edits["head_nip"].setText("19800101 200501 1 001")
        dialog.edits["city"].setText("Buol")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        with qtbot.waitSignal(dialog.saved):
            dialog.ok.click()
        settle(qtbot, session)
        stored = office.get_office(ServiceContext(session.vault))
        assert (stored.code, stored.city, stored.language) == ("BWS.BUOL.2", "Buol", "en")
        assert stored.head_nip == "198001012005011001"
        assert box.code.text() == "BWS.BUOL.2"


@contextmanager
def _clerk_session(ctx: AppContext, folder: Path) -> Iterator[Session]:
    """A session of a non-admin operator on a copy of the demo vault."""
    shutil.copytree(demo_template(), folder)
    admin = Vault.unlock(
        folder, demo.ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY, keystore=ctx.keystore
    )
    add_operator(admin, CLERK, Secret(CLERK_PASSWORD))
    admin.close(backup=False)
    vault = Vault.unlock(
        folder, CLERK, Secret(CLERK_PASSWORD), policy=FAST_POLICY, keystore=ctx.keystore
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = JobRunner()
    try:
        yield Session(ctx, vault, office_name(vault), runner, ClipboardService(app.clipboard(), 15))
    finally:
        runner.wait()
        QApplication.processEvents()
        vault.close(backup=False)


def test_a_non_admin_sees_the_profile_but_cannot_save(
    qtbot: QtBot, gui_ctx: AppContext, tmp_path: Path
) -> None:
    with _clerk_session(gui_ctx, tmp_path / "vault") as session:
        assert not session.is_admin
        _box, dialog = _opened(qtbot, session)
        assert dialog.edits["code"].isReadOnly() and not dialog.language.isEnabled()
        assert not dialog.ok.isVisible()
        assert dialog.read_only_note.isVisibleTo(dialog)
        dialog.edits["code"].setText("BWS.LAIN")  # even if the text changed somehow
        dialog.submit()
        settle(qtbot, session)
        assert "Only an admin" in dialog.error.text()
        assert office.get_office(ServiceContext(session.vault)).code == "BWS.BUOL"


def _next(qtbot: QtBot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_wizard_stores_the_office_code_and_city(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    wizard.choose.buttons[Choice.REGENCY].setChecked(True)
    _next(qtbot, wizard)
    qtbot.keyClicks(wizard.office.name, OFFICE)
    wizard.office.code.setText("BWS\x07BUOL")
    _next(qtbot, wizard)
    assert wizard.currentId() == Page.OFFICE  # refused, with the sentence for its code
    assert "control character" in wizard.office.error.text()
    wizard.office.code.setText("  BWS.BUOL ")
    qtbot.keyClicks(wizard.office.city, "Buol")
    _next(qtbot, wizard)
    assert wizard.currentId() == Page.ADMIN
    qtbot.keyClicks(wizard.admin.name, ADMIN)
    wizard.admin.password.password.setText(ADMIN_PASSWORD)
    wizard.admin.password.confirm.setText(ADMIN_PASSWORD)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == Page.KIT, timeout=10_000)
    vault = wizard.state.vault
    assert vault is not None
    stored = office.get_office(ServiceContext(vault))
    assert (stored.name, stored.code, stored.city) == (OFFICE, "BWS.BUOL", "Buol")
    _next(qtbot, wizard)
    confirm = wizard.confirm.confirm
    assert confirm is not None
    group = wizard.state.recovery_key.split("-")[confirm.group_number - 1]
    qtbot.keyClicks(confirm.input, group)
    with qtbot.waitSignal(controller.vault_unlocked):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )


def test_the_office_code_check_is_optional_and_pure() -> None:
    assert flow.office_code_problem("") is None
    assert flow.office_code_problem("   ") is None
    assert flow.office_code_problem(" BWS.BUOL ") is None
    assert flow.office_code_problem("B" * 41) == "office_code_too_long"
    assert flow.office_code_problem("BWS\x07BUOL") == "office_code_control_char"
    # The page order is unchanged: the code and city are on the office page.
    assert flow.next_page(Page.OFFICE, Choice.REGENCY) is Page.ADMIN


def test_a_rename_shows_in_the_window_title_at_once(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    controller.start()
    unlock = controller.unlock_window
    assert unlock is not None
    unlock.operator.setText(ADMIN)
    unlock.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        unlock.unlock()
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    window, session = controller.main_window, controller.session
    assert window is not None and session is not None
    assert window.windowTitle() == f"Brankas — {OFFICE}"
    window.office_action.trigger()
    dialog = next(d for d in window.findChildren(OfficeDialog) if d.isVisible())
    dialog.edits["name"].setText("Bawaslu Kabupaten Buol Baru")
    with qtbot.waitSignal(dialog.saved):
        dialog.ok.click()
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    assert window.windowTitle() == "Brankas — Bawaslu Kabupaten Buol Baru"
    assert window.vault_label.text() == "Bawaslu Kabupaten Buol Baru"
    assert session.office_name == "Bawaslu Kabupaten Buol Baru"  # e.g. for recovery sheets
