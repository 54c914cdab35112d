"""The register export dialog: XLSX/CSV by term and language; secrets only after the
operator's password is typed again, with the plain warning and the archive hint."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from gui_support import ADMIN, ADMIN_PASSWORD
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import Election, Platform
from brankas.core.secret import Secret
from brankas.core.services import accounts, office, secrets, terms
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault
from brankas.gui.clipboard import ClipboardService
from brankas.gui.context import AppContext
from brankas.gui.dialogs.export_dialog import RegisterExportDialog
from brankas.gui.session import Session
from brankas.gui.workers import JobRunner

ACCOUNT_PASSWORD = "sandi-akun-biau-2024"


@pytest.fixture
def session(
    qapp: QApplication, gui_ctx: AppContext, vault_folder: tuple[Path, str]
) -> Iterator[Session]:
    folder, _kit = vault_folder
    vault = Vault.unlock(
        folder, ADMIN, Secret(ADMIN_PASSWORD), policy=gui_ctx.policy, keystore=gui_ctx.keystore
    )
    ctx = ServiceContext(vault)
    term = terms.add_term(
        ctx,
        election=Election.PILKADA,
        year=2024,
        start_date=date(2024, 5, 1),
        end_date=date(2025, 1, 27),
    )
    kec = office.add_kecamatan(ctx, "Biau")
    saved = accounts.create_account(
        ctx,
        platform=Platform.INSTAGRAM,
        handle="bawaslu.biau",
        term_id=term.id,
        kecamatan_id=kec.id,
    )
    secrets.set_password(ctx, saved.account.id, Secret(ACCOUNT_PASSWORD))
    runner = JobRunner()
    yield Session(
        gui_ctx, vault, "Bawaslu Kabupaten Buol", runner, ClipboardService(qapp.clipboard(), 15)
    )
    runner.wait()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()
    vault.close(backup=False)


def exports(session: Session) -> list[dict[str, object]]:
    return [e.detail for e in session.vault.audit.events() if e.kind == AuditKind.EXPORT]


def open_dialog(
    qtbot: QtBot, session: Session, unexpected: list[BaseException]
) -> RegisterExportDialog:
    dialog = RegisterExportDialog(session, unexpected.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.term.count() == 2)  # "All terms" and the term
    return dialog


def test_register_without_secrets(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    unexpected: list[BaseException] = []
    dialog = open_dialog(qtbot, session, unexpected)
    assert not dialog.secrets_box.isVisibleTo(dialog)
    dialog.term.setCurrentIndex(1)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    target = tmp_path / "register.xlsx"
    dialog.path.setText(str(target))
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        dialog.ok.click()
    assert done.args[0].rows == 1 and not done.args[0].with_secrets
    sheet = openpyxl.load_workbook(target).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][3] == "Account" and values[1][3] == "@bawaslu.biau"
    assert ACCOUNT_PASSWORD not in str(values)
    dialog = open_dialog(qtbot, session, unexpected)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.path.text().endswith(".csv")  # the suffix follows the format
    dialog.path.setText(str(tmp_path / "register.csv"))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.ok.click()
    assert (tmp_path / "register.csv").read_bytes().startswith(b"\xef\xbb\xbfNo,Kecamatan")
    assert [d["secrets"] for d in exports(session)] == [False, False]
    assert not unexpected


def test_secrets_need_the_password_again(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    unexpected: list[BaseException] = []
    dialog = open_dialog(qtbot, session, unexpected)
    target = tmp_path / "rahasia.csv"
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(target))
    dialog.with_secrets.setChecked(True)
    assert dialog.secrets_box.isVisibleTo(dialog)
    assert "NOT encrypted" in dialog.warning.text()
    assert ".brankas" in dialog.hint.text()
    assert dialog.ok.text() == "Export with secrets"
    # No password: the dialog refuses (button disabled; submitting anyway writes nothing).
    assert not dialog.ok.isEnabled()
    dialog.submit()
    assert dialog.error.isVisibleTo(dialog) and "password again" in dialog.error.text()
    assert not target.exists() and exports(session) == []
    # A wrong password: refused, recorded, nothing written.
    dialog.password.setText("bukan-sandi-saya")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.isEnabled() and dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert "password is wrong" in dialog.error.text()
    assert not target.exists() and dialog.password.text() == ""
    assert [(d["secrets"], d["confirmed"]) for d in exports(session)] == [(True, False)]
    # The right password: written, with the account's password, and recorded.
    dialog.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        dialog.ok.click()
    assert done.args[0].with_secrets and done.args[0].rows == 1
    assert ACCOUNT_PASSWORD in target.read_text(encoding="utf-8-sig")
    assert [(d["secrets"], d["confirmed"]) for d in exports(session)] == [
        (True, False),
        (True, True),
    ]
    assert not any(ACCOUNT_PASSWORD in str(d) or ADMIN_PASSWORD in str(d) for d in exports(session))
    assert not unexpected


def test_unticking_secrets_forgets_the_password(qtbot: QtBot, session: Session) -> None:
    dialog = open_dialog(qtbot, session, [])
    dialog.with_secrets.setChecked(True)
    dialog.password.setText(ADMIN_PASSWORD)
    assert dialog.ok.isEnabled()
    dialog.with_secrets.setChecked(False)
    assert dialog.password.text() == "" and dialog.ok.text() == "Export"
    dialog.reject()
