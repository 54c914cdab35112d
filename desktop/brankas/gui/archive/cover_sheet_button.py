"""The export result's "Print/Save cover sheet…" button: the sheet to sign, stamp and send."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from brankas.core.errors import DiskFull, VaultReadOnly
from brankas.documents.cover_sheet import (
    CoverSheetData,
    default_cover_sheet_path,
    render_cover_sheet,
)
from brankas.gui.errors import error_message


class CoverSheetButton(QPushButton):
    """A button with a menu: print the cover sheet, or save it as PDF (next to the archive
    by default). ``status`` carries a sentence for the dialog after each attempt."""

    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Print/Save cover sheet…"), parent)
        self.setObjectName("exportCoverSheet")
        self.setToolTip(
            self.tr(
                "One page to print, sign, stamp and send with the archive: it states the "
                "archive's SHA-256 and this office's signing-key fingerprint."
            )
        )
        menu = QMenu(self)
        self.print_action = menu.addAction(self.tr("Print…"))
        self.save_action = menu.addAction(self.tr("Save as PDF…"))
        self.setMenu(menu)
        self.print_action.triggered.connect(self._ask_print)
        self.save_action.triggered.connect(lambda: self.save_pdf())
        self.data: CoverSheetData | None = None
        self.archive: Path | None = None
        self.saved: Path | None = None
        self._print_dialog: QPrintDialog | None = None
        self.setEnabled(False)

    def set_sheet(self, data: CoverSheetData, archive: Path) -> None:
        """The sheet of the archive just written."""
        self.data, self.archive, self.saved = data, archive, None
        self.setEnabled(True)

    def _ask_print(self) -> None:
        # Reused, never deleted on close (PySide6 crashes deleting a QPrintDialog that way;
        # see widgets/recovery_kit.py).
        if self._print_dialog is None:
            dialog = QPrintDialog(self)
            dialog.setWindowTitle(self.tr("Print the cover sheet"))
            dialog.accepted.connect(lambda: self.print_to(dialog.printer()))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._print_dialog = dialog
        self._print_dialog.show()

    def print_to(self, printer: QPrinter) -> None:
        """Print the sheet on ``printer``."""
        if self.data is None:
            return
        render_cover_sheet(self.data, printer)
        self.status.emit(self.tr("The cover sheet was sent to the printer."))

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Write the sheet as PDF to ``path`` (asked for when None); returns where, or None."""
        if self.data is None or self.archive is None:
            return None
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the cover sheet as PDF"),
                str(default_cover_sheet_path(self.archive)),
                self.tr("PDF files (*.pdf)"),
            )
            if not name:
                return None
            path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        try:
            render_cover_sheet(self.data, path)
        except DiskFull as exc:
            self.status.emit(error_message(exc))
            return None
        except (VaultReadOnly, OSError):
            # Not the vault's folder: "could not write a file", not "vault read-only".
            self.status.emit(error_message(OSError()))
            return None
        self.saved = path
        self.status.emit(self.tr("Cover sheet saved: {path}").format(path=str(path)))
        return path
