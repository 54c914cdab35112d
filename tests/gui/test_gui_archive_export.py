"""The regency's export dialog: a file verify_archive accepts, options, refusals explained."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_archive_support import (
    copy_regency,
    make_province,
    open_session,
    province_session,
    settle,
)

from brankas.core.archive import keys
from brankas.core.archive.verify import verify_archive
from brankas.core.domain.models import Term
from brankas.core.secret import Secret
from brankas.core.storage.repos.term import list_terms
from brankas.gui.archive.export_dialog import MIN_PASSPHRASE, ExportDialog
from brankas.gui.archive.export_terms_model import Column, ExportTermModel
from brankas.gui.context import AppContext
from brankas.gui.session import Session


@pytest.fixture
def world(gui_ctx: AppContext, tmp_path: Path) -> Iterator[tuple[Session, Session, Path]]:
    make_province(tmp_path / "provinsi")
    copy_regency("BWS.BUOL", tmp_path / "buol")
    out = tmp_path / "keluar"
    out.mkdir()
    with (
        province_session(gui_ctx, tmp_path / "provinsi") as prov,
        open_session(gui_ctx, tmp_path / "buol") as reg,
    ):
        yield reg, prov, out


def _trust(reg: Session, prov: Session) -> None:
    keys.set_province_recipient(reg.vault, keys.recipient_file_text(prov.vault))


def _dialog(qtbot: QtBot, session: Session, out: Path) -> ExportDialog:
    dialog = ExportDialog(session, lambda exc: pytest.fail(f"unexpected {exc!r}"))
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, session)
    dialog.folder.setText(str(out))
    return dialog


def _export(qtbot: QtBot, dialog: ExportDialog, session: Session) -> None:
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    settle(qtbot, session)


def test_term_model_passes_the_model_tester(
    qtmodeltester: ModelTester, world: tuple[Session, Session, Path]
) -> None:
    reg, _prov, _out = world
    model = ExportTermModel()
    qtmodeltester.check(model)
    terms: list[Term] = list_terms(reg.vault.conn)
    model.set_terms(terms, "id")
    qtmodeltester.check(model)
    assert model.chosen_ids() == [max(terms, key=lambda t: t.start_date).id]
    first = model.index(1, Column.NAME)
    assert model.setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.chosen_ids() == sorted(t.id for t in terms)
    assert not model.setData(model.index(0, Column.PERIOD), 2, Qt.ItemDataRole.CheckStateRole)
    assert "-2024" in model.index(0, Column.PERIOD).data()  # dd-mm-yyyy in Indonesian
    qtmodeltester.check(model)


def test_export_writes_an_archive_the_province_verifies(
    qtbot: QtBot, world: tuple[Session, Session, Path]
) -> None:
    reg, prov, out = world
    _trust(reg, prov)
    dialog = _dialog(qtbot, reg, out)
    assert not dialog.refusal.isVisible()
    fp = keys.own_recipient(prov.vault.conn).fingerprint
    assert fp in dialog.province_label.text()
    _export(qtbot, dialog, reg)
    result = dialog.result_
    assert result is not None and dialog.stack.currentIndex() == 2
    assert dialog.result_path.text() == str(result.path) and result.path.parent == out
    assert dialog.result_sha.text() == hashlib.sha256(result.path.read_bytes()).hexdigest()
    signer = keys.signing_public_key(reg.vault.conn)
    assert signer.fingerprint in dialog.result_signer.text()
    verified = verify_archive(result.path, identity=keys.own_identity(prov.vault.conn))
    assert verified.manifest.signer == signer
    assert verified.secrets is not None and verified.manifest.secrets_included
    assert [t.id for t in verified.manifest.terms] == [2]  # the newest term by default
    assert not verified.manifest.to_self and not verified.manifest.to_passphrase


def test_metadata_only_self_and_passphrase(
    qtbot: QtBot, world: tuple[Session, Session, Path]
) -> None:
    reg, prov, out = world
    _trust(reg, prov)
    dialog = _dialog(qtbot, reg, out)
    dialog.metadata_only.setChecked(True)
    dialog.also_self.setChecked(True)
    assert not dialog.passphrase.isEnabled()
    dialog.use_passphrase.setChecked(True)
    assert dialog.passphrase.isEnabled() and not dialog.export_button.isEnabled()
    dialog.passphrase.setText("x" * (MIN_PASSPHRASE - 1))
    dialog.passphrase_again.setText("x" * (MIN_PASSPHRASE - 1))
    assert not dialog.export_button.isEnabled()
    phrase = "frasa cadangan yang cukup panjang"
    dialog.passphrase.setText(phrase)
    dialog.passphrase_again.setText(phrase + "!")
    assert not dialog.export_button.isEnabled()
    dialog.passphrase_again.setText(phrase)
    _export(qtbot, dialog, reg)
    result = dialog.result_
    assert result is not None
    assert dialog.passphrase.text() == "" and dialog.passphrase_again.text() == ""
    m = result.manifest
    assert not m.secrets_included and m.to_self and m.to_passphrase
    by_phrase = verify_archive(result.path, passphrase=Secret(phrase))
    assert by_phrase.secrets is None
    mine = verify_archive(result.path, identity=keys.own_identity(reg.vault.conn))
    assert mine.manifest == m


def test_refusals_are_explained(qtbot: QtBot, world: tuple[Session, Session, Path]) -> None:
    reg, prov, out = world
    dialog = _dialog(qtbot, reg, out)
    assert dialog.refusal.isVisible() and "province's public key" in dialog.refusal.text()
    assert not dialog.export_button.isEnabled()
    dialog.close()
    _trust(reg, prov)
    dialog = _dialog(qtbot, reg, out)
    assert not dialog.refusal.isVisible() and dialog.export_button.isEnabled()
    dialog.folder.setText(str(out / "tidak-ada"))
    dialog.export_button.click()
    settle(qtbot, reg)
    assert dialog.stack.currentIndex() == 0
    assert dialog.error.isVisible() and "folder does not exist" in dialog.error.text()
    # A broken audit chain: the export is refused and explained, and not offered again.
    conn = reg.vault.conn
    conn.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    conn.execute("UPDATE audit_event SET detail_json = '{}' WHERE seq = 3")
    dialog.folder.setText(str(out))
    dialog.export_button.click()
    settle(qtbot, reg)
    assert dialog.refusal.isVisible() and "audit log" in dialog.refusal.text()
    assert not dialog.export_button.isEnabled()
    assert list(out.iterdir()) == []


def test_no_office_code(qtbot: QtBot, world: tuple[Session, Session, Path]) -> None:
    reg, prov, out = world
    _trust(reg, prov)
    reg.vault.conn.execute("UPDATE office SET code = ''")
    dialog = _dialog(qtbot, reg, out)
    assert dialog.refusal.isVisible() and "office code" in dialog.refusal.text()
    assert not dialog.export_button.isEnabled()


def test_the_cover_sheet_is_offered_after_the_export(
    qtbot: QtBot, world: tuple[Session, Session, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    reg, prov, out = world
    _trust(reg, prov)
    dialog = _dialog(qtbot, reg, out)
    button = dialog.cover_sheet
    assert not button.isEnabled()  # nothing exported yet
    _export(qtbot, dialog, reg)
    result = dialog.result_
    assert result is not None and button.isVisible() and button.isEnabled()
    assert button.text() == "Print/Save cover sheet…"
    assert [a.text() for a in button.menu().actions()] == ["Print…", "Save as PDF…"]
    # Saving asks where, suggesting the archive's own name next to it.
    asked: list[str] = []

    def save_dialog(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return suggested, ""

    monkeypatch.setattr(
        "brankas.gui.archive.cover_sheet_button.QFileDialog.getSaveFileName", save_dialog
    )
    button.save_action.trigger()
    sheet = result.path.with_suffix(".pdf")
    assert asked == [str(sheet)] and button.saved == sheet
    assert sheet.read_bytes().startswith(b"%PDF") and sheet.stat().st_mode & 0o777 == 0o600
    assert dialog.cover_status.text() == f"Cover sheet saved: {sheet}"
    assert button.data is not None and button.data.sha256 == result.sha256
    assert button.data.signer_fingerprint == keys.signing_public_key(reg.vault.conn).fingerprint
    assert button.data.office.code == "BWS.BUOL" and button.data.secrets_included
    # A folder that cannot be written: a sentence, no exception.
    assert button.save_pdf(tmp := out / "nope" / "x.pdf") is None and not tmp.exists()
    assert dialog.cover_status.text() and "saved" not in dialog.cover_status.text()
    # Printing paints the same page on the chosen printer.
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "printed.pdf"))
    button.print_to(printer)
    assert (out / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert dialog.cover_status.text() == "The cover sheet was sent to the printer."
