"""The import wizard on a real vault: a messy CSV and an XLSX through every page into the
vault, problems shown and explained, passwords never displayed; a .kdbx with its password."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from gui_support import ADMIN, ADMIN_PASSWORD
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QComboBox, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import Election, Platform
from brankas.core.errors import ImportFileInvalid, ImportTooLarge
from brankas.core.importers.apply import DuplicateChoice
from brankas.core.importers.mapping import Field
from brankas.core.importers.prepared import MappingOrigin
from brankas.core.secret import Secret
from brankas.core.services import accounts, office, terms
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import secrets as secrets_repo
from brankas.core.vault.vault import Vault
from brankas.gui.clipboard import ClipboardService
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.import_wizard.flow import Page
from brankas.gui.import_wizard.mapping_model import FIELD_ROLE
from brankas.gui.import_wizard.mapping_model import Column as MapColumn
from brankas.gui.import_wizard.preview_model import (
    CODES_ROLE,
    IMPORT_ROW_ROLE,
    MASK,
    Column,
)
from brankas.gui.import_wizard.texts import file_error_text, problem_text
from brankas.gui.import_wizard.wizard import ImportWizard
from brankas.gui.session import Session
from brankas.gui.workers import JobRunner

PASSWORDS = (' sandi; "kutip" ', "0812-rahasia", "tt-Sandi", "=1+1", "x-sandi", "dup-sandi")


@dataclass
class World:
    session: Session
    files: JobRunner
    term_id: int
    kec: dict[str, int]
    unexpected: list[BaseException]

    @property
    def ctx(self) -> ServiceContext:
        return ServiceContext(self.session.vault)


@pytest.fixture
def world(
    qapp: QApplication, gui_ctx: AppContext, vault_folder: tuple[Path, str]
) -> Iterator[World]:
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
    kec = {n: office.add_kecamatan(ctx, n).id for n in ("Biau", "Bokat", "Paleleh", "Tiloan")}
    accounts.create_account(
        ctx, platform=Platform.INSTAGRAM, handle="bawaslu.tiloan", term_id=term.id
    )
    runner, files = JobRunner(), JobRunner()
    clipboard = ClipboardService(qapp.clipboard(), 15)
    session = Session(gui_ctx, vault, "Bawaslu Kabupaten Buol", runner, clipboard)
    yield World(session, files, term.id, kec, [])
    runner.wait()
    files.wait()
    vault.close(backup=False)


def open_wizard(qtbot: QtBot, world: World) -> ImportWizard:
    wizard = ImportWizard(world.session, world.files, world.unexpected.append)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.term_page.term.count() == 1)
    assert wizard.state.term_id == world.term_id
    wizard.next()
    assert wizard.currentId() == Page.FILE
    return wizard


def read_file(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path.setText(str(path))
    qtbot.waitUntil(lambda: wizard.file_page.isComplete())
    wizard.next()  # reads the file on the file thread, then moves on by itself
    qtbot.waitUntil(lambda: wizard.currentId() == Page.MAPPING, timeout=10_000)


def wait_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = wizard.preview_page
    qtbot.waitUntil(lambda: not page.running and wizard.state.preview is not None)


def messy_csv(path: Path) -> Path:
    """Excel's "CSV UTF-8": BOM, semicolons, a title block, a phone number turned into a
    number, an unknown kecamatan and platform, a duplicate, an empty row, a notes column."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["DAFTAR AKUN MEDIA SOSIAL"])
    writer.writerow(["Panwaslu Kecamatan se-Kabupaten Buol"])
    writer.writerow([])
    writer.writerow(
        ["No", "Kecamatan", "Media Sosial", "Nama Akun", "Kata Sandi", "No HP", "Keterangan"]
    )
    writer.writerow(
        [1, "Biau", "Instagram", "@bawaslu.biau", PASSWORDS[0], 81234567890, "akun utama"]
    )
    writer.writerow(
        [2, "Kec. Bokat", "Facebook", "https://facebook.com/panwaslu.bokat", PASSWORDS[1], "", ""]
    )
    writer.writerow([3, "Bokat", "TikTok", "bawaslu_bokat", PASSWORDS[2], "", ""])
    writer.writerow([4, "Lipunoto", "Instagram", "bawaslu.lipunoto", PASSWORDS[3], "", ""])
    writer.writerow([5, "Paleleh", "Friendster", "paleleh", PASSWORDS[4], "", ""])
    writer.writerow([])
    writer.writerow([6, "Tiloan", "IG", "bawaslu.tiloan", PASSWORDS[5], "", ""])
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))  # fmt: skip
    return path


def all_text(model: object, roles: tuple[int, ...]) -> str:
    out = []
    for r in range(model.rowCount()):  # type: ignore[attr-defined]
        for c in range(model.columnCount()):  # type: ignore[attr-defined]
            for role in roles:
                out.append(str(model.index(r, c).data(role)))  # type: ignore[attr-defined]
    return "\n".join(out)


def row_of(model: object, handle: str) -> int:
    for r in range(model.rowCount()):  # type: ignore[attr-defined]
        if model.index(r, Column.ACCOUNT).data() == handle:  # type: ignore[attr-defined]
            return r
    raise AssertionError(handle)


def alias_box(wizard: ImportWizard, label_part: str) -> QComboBox:
    form = wizard.preview_page.alias_form
    for i in range(form.rowCount()):
        label = form.itemAt(i, form.ItemRole.LabelRole).widget()
        if label_part in label.text():  # type: ignore[attr-defined]
            box = form.itemAt(i, form.ItemRole.FieldRole).widget()
            assert isinstance(box, QComboBox)
            return box
    raise AssertionError(label_part)


def test_messy_csv_through_the_wizard_into_the_vault(
    qtbot: QtBot, world: World, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    wizard = open_wizard(qtbot, world)
    read_file(qtbot, wizard, messy_csv(tmp_path / "akun.csv"))
    mapping = wizard.mapping_page.model
    qtmodeltester.check(mapping)
    fields = {mapping.index(r, MapColumn.NAME).data(): mapping.index(r, MapColumn.FIELD).data(FIELD_ROLE) for r in range(mapping.rowCount())}  # fmt: skip
    assert fields["Kata Sandi"] == Field.PASSWORD and fields["Nama Akun"] == Field.HANDLE
    assert fields["Keterangan"] == Field.NOTES
    assert PASSWORDS[0] not in all_text(mapping, (Qt.ItemDataRole.DisplayRole,))
    # The user decides the remarks column is not worth keeping.
    notes_row = list(fields).index("Keterangan")
    assert mapping.setData(mapping.index(notes_row, MapColumn.FIELD), Field.IGNORE.value)
    qtbot.waitUntil(lambda: wizard.state.prepared.mapping.fields[notes_row] is Field.IGNORE)
    assert wizard.state.prepared.origin is MappingOrigin.EDITED

    wizard.next()
    wait_preview(qtbot, wizard)
    page = wizard.preview_page
    model = page.model
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    shown = all_text(model, (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole))  # fmt: skip
    assert not any(p.strip() in shown for p in PASSWORDS)  # masked, never displayed
    ig = row_of(model, "@bawaslu.biau")
    assert model.index(ig, Column.PASSWORD).data() == MASK
    assert "phone_repaired" in model.index(ig, Column.RECOVERY).data(CODES_ROLE)
    lipunoto = row_of(model, "@bawaslu.lipunoto")
    cell = model.index(lipunoto, Column.KECAMATAN)
    assert cell.data(CODES_ROLE) == ["kecamatan_unknown"]
    assert cell.data(IMPORT_ROW_ROLE).kecamatan_text == "Lipunoto"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None  # highlighted
    assert problem_text("kecamatan_unknown") in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(lipunoto, Column.STATUS).data() == "Left out"
    friendster = row_of(model, "paleleh")
    assert "platform_unknown" in model.index(friendster, Column.PLATFORM).data(CODES_ROLE)
    duplicate = row_of(model, "@bawaslu.tiloan")
    assert model.index(duplicate, Column.ACTION).data() == "Skip"
    # Selecting a row explains all its problems.
    page.table.setCurrentIndex(model.index(lipunoto, Column.KECAMATAN))
    assert "Row 8 of the file" in page.detail.text()
    assert problem_text("kecamatan_unknown") in page.detail.text()
    counts = page.counts.text()
    assert (
        counts.startswith("6 rows: 3 ready") and "1 already" in counts and "2 with errors" in counts
    )

    # Tell Brankas what the file's names mean; the preview is rebuilt each time.
    alias_box(wizard, "Lipunoto").setCurrentIndex(alias_box(wizard, "Lipunoto").findData(world.kec["Biau"]))  # fmt: skip
    wait_preview(qtbot, wizard)
    box = alias_box(wizard, "Friendster")
    box.setCurrentIndex(box.findData(Platform.OTHER.value))
    wait_preview(qtbot, wizard)
    assert not any(r.blocked for r in wizard.state.preview.rows)
    assert alias_box(wizard, "Lipunoto").currentData() == world.kec["Biau"]  # still listed
    duplicate = row_of(model, "@bawaslu.tiloan")
    assert model.setData(model.index(duplicate, Column.ACTION), DuplicateChoice.UPDATE.value)
    assert model.index(duplicate, Column.ACTION).data() == "Update the existing account"
    page.only_problems.setChecked(True)
    assert 0 < model.rowCount() < 6
    page.only_problems.setChecked(False)
    qtmodeltester.check(model)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    before = len(accounts.list_accounts(world.ctx))
    wizard.next()
    assert wizard.currentId() == Page.DRY_RUN
    qtbot.waitUntil(lambda: wizard.state.dry_run is not None)
    text = wizard.dry_run_page.result.text()
    assert "5 new accounts would be added" in text and "1 existing accounts would be updated" in text  # fmt: skip
    assert len(accounts.list_accounts(world.ctx)) == before  # the dry run changed nothing
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Import"

    with qtbot.waitSignal(wizard.imported, timeout=10_000) as done:
        wizard.next()
    summary = done.args[0]
    assert summary.created == 5 and summary.updated == 1 and not summary.dry_run
    assert "5 new accounts were added" in wizard.import_page.summary.toPlainText()
    assert (
        not wizard.button(QWizard.WizardButton.BackButton).isVisible()
        or not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    )
    found = {a.handle: a for a in accounts.list_accounts(world.ctx)}
    assert found["@bawaslu.lipunoto"].kecamatan_id == world.kec["Biau"]
    assert found["paleleh"].platform is Platform.OTHER
    stored = secrets_repo.get_secrets(world.session.vault.conn, found["@bawaslu.biau"].id)
    assert stored.password is not None and stored.password.reveal() == PASSWORDS[0]
    tiloan = secrets_repo.get_secrets(world.session.vault.conn, found["@bawaslu.tiloan"].id)
    assert tiloan.password is not None and tiloan.password.reveal() == PASSWORDS[5]
    kinds = [e.kind for e in world.session.vault.audit.events()]
    assert kinds.count(AuditKind.IMPORT) == 1
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.state.preview is None and model.rowCount() == 0  # secrets dropped
    assert not world.unexpected


def test_xlsx_with_a_sheet_picker_and_a_header_row(
    qtbot: QtBot, world: World, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Petunjuk"
    wb.active.append(["Isi lembar Akun"])
    ws = wb.create_sheet("Akun 2024")
    ws.append(["REKAP AKUN"])
    ws.merge_cells("A1:D1")
    ws.append(["Wilayah", "Platform", "Username", "Password", "Aktif sejak"])
    ws.append(["Biau", "TikTok", "bawaslu_biau", 123456, 45413])  # number password, date serial
    ws.append(["Bokat", "YouTube", "https://youtube.com/@bawaslubokat", "yt pw", None])
    hidden = wb.create_sheet("Lama")
    hidden.sheet_state = "hidden"
    path = tmp_path / "akun.xlsx"
    wb.save(path)

    wizard = open_wizard(qtbot, world)
    wizard.file_page.path.setText(str(path))
    sheet = wizard.file_page.sheet
    qtbot.waitUntil(lambda: sheet.count() == 3)
    assert sheet.isVisibleTo(wizard) and sheet.currentData() == "Petunjuk"
    assert sheet.itemText(2) == "Lama (hidden)"
    sheet.setCurrentIndex(1)
    assert wizard.state.sheet == "Akun 2024"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == Page.MAPPING, timeout=10_000)
    page = wizard.mapping_page
    assert wizard.state.prepared.header.row == 1  # found below the merged title
    assert page.header_row.currentData() == 1 and "Row 2:" in page.header_row.currentText()
    qtmodeltester.check(page.model)
    # Without a header row nothing is mapped: Next is refused until a header is chosen.
    page.header_row.setCurrentIndex(page.header_row.findData(-1))
    assert not page.isComplete() and page.missing.isVisible()
    page.header_row.setCurrentIndex(page.header_row.findData(1))
    assert page.isComplete()
    wizard.next()
    wait_preview(qtbot, wizard)
    rows = {r.handle: r for r in wizard.state.preview.rows}
    assert {p.code for p in rows["@bawaslu_biau"].problems} >= {"password_was_number"}
    assert rows["@bawaslu_biau"].active_from == date(2024, 5, 1)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.state.dry_run is not None)
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        wizard.next()
    handles = {a.handle for a in accounts.list_accounts(world.ctx)}
    assert {"@bawaslu_biau", "@bawaslubokat"} <= handles
    # The mapping is remembered for the next file with the same columns.
    wizard.button(QWizard.WizardButton.FinishButton).click()
    again = open_wizard(qtbot, world)
    again.file_page.path.setText(str(path))
    qtbot.waitUntil(lambda: again.file_page.sheet.count() == 3)
    again.file_page.sheet.setCurrentIndex(1)
    again.next()
    qtbot.waitUntil(lambda: again.currentId() == Page.MAPPING, timeout=10_000)
    assert again.state.prepared.origin is MappingOrigin.REMEMBERED
    assert "Remembered" in again.mapping_page.origin.text()
    again.reject()
    assert not world.unexpected


def test_refused_file_shows_why_and_stays(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, world)
    old = tmp_path / "lama.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    wizard.file_page.path.setText(str(old))
    assert wizard.file_page.error.isVisibleTo(wizard)
    assert ".xlsx" in wizard.file_page.error.text()
    assert not wizard.file_page.isComplete()


def test_kdbx_asks_for_its_password(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    pykeepass = pytest.importorskip("pykeepass", reason="pykeepass is not installed")
    path = tmp_path / "bawaslu.kdbx"
    db = pykeepass.create_database(str(path), password="db-sandi")
    kdf = db.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["I"].value, kdf["M"].value = 2, 8 * 2**20
    group = db.add_group(db.root_group, "Paleleh")
    db.add_entry(group, "IG", "bawaslu.paleleh", "kdbx sandi", url="https://instagram.com/bawaslu.paleleh")  # fmt: skip
    db.save()
    wizard = open_wizard(qtbot, world)
    page = wizard.file_page
    page.path.setText(str(path))
    assert page.password.isVisibleTo(wizard) and page.keyfile_note.isVisibleTo(wizard)
    assert not page.isComplete()
    page.password.setText("salah")
    wizard.next()
    qtbot.waitUntil(lambda: page.error.isVisibleTo(wizard), timeout=10_000)
    assert "key file" in page.error.text() and wizard.currentId() == Page.FILE
    page.password.setText("db-sandi")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == Page.MAPPING, timeout=10_000)
    assert page.password.text() == ""  # not kept once the database was read
    assert wizard.state.prepared.origin is MappingOrigin.FIXED
    wizard.next()
    wait_preview(qtbot, wizard)
    (row,) = wizard.state.preview.rows
    assert row.kecamatan_id == world.kec["Paleleh"] and row.platform is Platform.INSTAGRAM


def test_problems_are_explained_in_indonesian(qapp: QApplication, qm_dir: Path) -> None:
    english = problem_text("kecamatan_unknown")
    translator = QTranslator()
    assert translator.load(str(qm_dir / "brankas_id.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert problem_text("kecamatan_unknown").startswith("Kecamatan ini tidak ada di brankas")
        assert problem_text("phone_repaired") != problem_text("phone_rounded")
        old = ImportFileInvalid("old workbook", "xls_legacy")
        assert "simpan sebagai .xlsx" in file_error_text(old)
        assert "Berkas memiliki lebih dari 100.000 baris" in file_error_text(
            ImportTooLarge("rows", "too_many_rows", limit=100_000)
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    assert problem_text("kecamatan_unknown") == english


def test_file_menu_opens_the_wizard_and_locking_closes_it(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    controller.start()
    window = controller.unlock_window
    assert window is not None
    window.operator.setText(ADMIN)
    window.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        window.unlock()
    main = controller.main_window
    assert main is not None
    qtbot.waitUntil(lambda: not controller.runner.busy)
    file_menu = main.menuBar().actions()[0].menu()
    assert main.transfer.import_action in file_menu.actions()
    assert main.transfer.export_action in file_menu.actions()
    assert main.transfer.import_action.isEnabled()
    main.transfer.import_action.trigger()
    wizard = main.transfer.wizard
    assert wizard is not None and wizard.isVisible()
    assert main.transfer.open_import() is wizard  # one at a time
    qtbot.waitUntil(lambda: not controller.runner.busy)
    controller.lock("idle")
    assert not wizard.isVisible() and wizard.env.closed
    assert not main.transfer.import_action.isEnabled()


def _big_csv(path: Path, rows: int) -> Path:
    lines = ["Kecamatan,Platform,Nama Akun,Kata Sandi"]
    lines += [f"Biau,Instagram,akun.{i},sandi-{i}" for i in range(rows)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_a_big_file_is_mapped_from_its_first_rows_while_the_rest_is_read(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, world)
    read_file(qtbot, wizard, _big_csv(tmp_path / "besar.csv", 450))
    qtbot.waitUntil(lambda: not wizard.state.reading, timeout=10_000)
    assert wizard.state.prepared.data_rows == 450
    assert wizard.mapping_page.model.rowCount() == 4
    wizard.next()
    wait_preview(qtbot, wizard)
    assert wizard.state.preview.complete and len(wizard.state.preview.rows) == 450
    assert not wizard.preview_page.reading.isVisibleTo(wizard)
    assert wizard.preview_page.isComplete()


def test_a_file_over_the_row_limit_is_refused_after_the_first_look(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, world)
    read_file(qtbot, wizard, _big_csv(tmp_path / "terlalu-besar.csv", 100_100))
    page = wizard.mapping_page
    qtbot.waitUntil(lambda: page.error.isVisibleTo(wizard), timeout=30_000)
    assert "100.000" in page.error.text() and not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
