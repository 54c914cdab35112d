"""The recovery kit view: print, save as PDF, confirm by typing a group back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brankas.gui.context import AppContext
from brankas.gui.recovery_sheet import RecoverySheetData, recovery_sheet_html
from brankas.gui.widgets.recovery_kit import KitConfirm, RecoveryKitView, group_is_valid

KIT = "006281-097207-398354-535205-517594-593307-506121-408243"
DATA = RecoverySheetData("3f2a9c", "Bawaslu Kabupaten Buol", date(2025, 1, 27), KIT, "id")


def test_sheet_holds_everything_needed() -> None:
    html = recovery_sheet_html(DATA)
    assert all(group in html for group in KIT.split("-"))
    assert "Bawaslu Kabupaten Buol" in html and "3f2a9c" in html
    assert "Senin, 27 Januari 2025" in html


def test_print_and_pdf(qtbot: QtBot, gui_ctx: AppContext, tmp_path: Path) -> None:
    view = RecoveryKitView(gui_ctx.resources, DATA)
    qtbot.addWidget(view)
    view.show()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(view.printed):
        view.print_to(printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(view.saved):
        view.save_pdf(tmp_path / "kit.pdf")
    saved = (tmp_path / "kit.pdf").stat()
    assert saved.st_size > 1000
    assert saved.st_mode & 0o777 == 0o600  # it holds the recovery key
    view.save_pdf(tmp_path / "missing-folder" / "kit.pdf")
    assert "kit.pdf" not in view.status.text()  # an error sentence instead
    view.print_button.click()  # opens the print dialog without blocking
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog))
    assert dialog.isVisible()
    dialog.reject()


def test_confirm_takes_only_the_chosen_group(qtbot: QtBot) -> None:
    confirm = KitConfirm(KIT, 3)
    qtbot.addWidget(confirm)
    confirm.show()
    assert not confirm.feedback.isVisible()
    confirm.input.setText("535205")  # group 4, not 3
    assert not confirm.confirmed and confirm.feedback.isVisible()
    assert confirm.feedback.property("role") == "error"
    with qtbot.waitSignal(confirm.confirmed_changed):
        confirm.input.setText("398354")
    assert confirm.confirmed and confirm.feedback.property("role") == "ok"


def test_group_check_uses_core_rules() -> None:
    assert group_is_valid(0, "006281")
    assert not group_is_valid(0, "006282")  # not a multiple of 11
    assert not group_is_valid(0, "12345")
    assert not group_is_valid(0, "720896")  # 65536 * 11: beyond 16 bits
