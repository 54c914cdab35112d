"""Screenshots of the import wizard (file with its sheet, mapping, preview with problems, dry
run) and the register export dialog with secrets, on the demo vault. Nothing is imported or
exported: the wizard is cancelled after the dry run. Called by screenshots.py."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import openpyxl
from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from brankas.gui.import_wizard.flow import Page
from brankas.gui.import_wizard.preview_model import Column
from brankas.gui.main_window import MainWindow


class Shoots(Protocol):
    def shot(self, widget: QWidget, name: str) -> None: ...


def _wait(check: Callable[[], bool], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the import wizard did not reach the expected state")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _workbook(path: Path) -> Path:
    """A sheet the way a regency keeps it: a title block, a numbered list, a phone number
    Excel turned into a number, a kecamatan and a platform written in the office's own way,
    an account the vault already has, a password that became a number."""
    wb = openpyxl.Workbook()
    wb.active.title = "Petunjuk"
    wb.active.append(["Isi lembar Akun Medsos."])
    ws = wb.create_sheet("Akun Medsos")
    ws.append(["DAFTAR AKUN MEDIA SOSIAL PANWASLU KECAMATAN SE-KABUPATEN BUOL"])
    ws.merge_cells("A1:H1")
    ws.append(["Pemilihan Bupati dan Wakil Bupati Tahun 2024"])
    ws.merge_cells("A2:H2")
    ws.append([])
    ws.append(["No", "Kecamatan", "Media Sosial", "Nama Akun", "Kata Sandi", "No HP", "Email Pemulihan", "Keterangan"])  # fmt: skip
    rows = [
        (1, "Kec. Biau", "Instagram", "@panwascam.biau", "Biau#2024!", 81234567890, "panwascam.biau@gmail.com", "akun utama"),
        (2, "BOKAT", "Facebook", "https://www.facebook.com/panwascam.bokat", "fb-Bokat-24", "0812 3456 7891", "", ""),
        (3, "Bukal", "TikTok", "@panwascam_bukal", 240517, "", "bukal.panwascam@", ""),
        (4, "Lipunoto", "Instagram", "@panwascam.lipunoto", "Lipu-2024", "", "", "kecamatan baru?"),
        (5, "Paleleh", "Fesbuk", "panwascam.paleleh", "pal-eleh", "", "", ""),
        (6, "Tiloan", "IG", "@contoh.tiloan.pilkada", "Tiloan!24", "", "", "sudah ada"),
        (7, "Momunu", "YouTube", "https://youtube.com/@panwascammomunu", "", "", "", ""),
    ]  # fmt: skip
    for row in rows:
        ws.append(list(row))
    ws.append([])
    ws.append(["", "Mengetahui,"])
    wb.save(path)
    return path


def shoot_import(main: MainWindow, shoot: Shoots, idle: Callable[[], None]) -> None:
    """The wizard's pages on a messy workbook, then the export dialog with secrets."""
    with tempfile.TemporaryDirectory(prefix="brankas-import-shots-") as tmp:
        path = _workbook(Path(tmp) / "akun-medsos-panwascam.xlsx")
        wizard = main.transfer.open_import()
        assert wizard is not None
        wizard.setGeometry(40, 20, 1240, 720)
        _wait(lambda: wizard.term_page.term.count() > 0 and not wizard.term_page.running)
        wizard.next()
        page = wizard.file_page
        page.path.setText(str(path))
        _wait(lambda: page.sheet.count() == 2 and not page.running)
        page.sheet.setCurrentIndex(1)
        shoot.shot(wizard, "import-file")
        wizard.next()
        _wait(lambda: wizard.currentId() == Page.MAPPING and not wizard.state.reading)
        shoot.shot(wizard, "import-mapping")
        wizard.next()
        preview = wizard.preview_page
        _wait(lambda: not preview.running and wizard.state.preview is not None)
        model = preview.model
        row = next(
            r
            for r in range(model.rowCount())
            if model.index(r, Column.KECAMATAN).data() == "Lipunoto"
        )
        preview.table.setCurrentIndex(model.index(row, Column.KECAMATAN))
        shoot.shot(wizard, "import-preview-problems")
        # Say what the file's names mean; the preview is rebuilt.
        preview.create_kecamatan.setChecked(True)
        _wait(lambda: not preview.running)
        form = preview.alias_form
        for i in range(form.rowCount()):
            label = form.itemAt(i, form.ItemRole.LabelRole).widget()
            if "Fesbuk" in label.text():  # type: ignore[attr-defined]
                box = form.itemAt(i, form.ItemRole.FieldRole).widget()
                box.setCurrentIndex(box.findData("facebook_page"))  # type: ignore[attr-defined]
                break
        _wait(lambda: not preview.running)
        shoot.shot(wizard, "import-preview-resolved")
        wizard.next()
        _wait(lambda: wizard.state.dry_run is not None)
        shoot.shot(wizard, "import-dry-run")
        wizard.reject()
        idle()
    dialog = main.transfer.open_export()
    assert dialog is not None
    dialog.move(120, 60)
    _wait(lambda: dialog.term.count() > 1)
    shoot.shot(dialog, "dialog-export-register")
    dialog.with_secrets.setChecked(True)
    dialog.password.setText("kopi")
    shoot.shot(dialog, "dialog-export-secrets")
    dialog.reject()
    idle()
