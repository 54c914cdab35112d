"""The printed recovery kit sheet: one function renders it to a printer or a PDF writer.

The sheet itself is made by the documents layer (brankas.documents.recovery_sheet);
this module keeps the names the GUI imports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from brankas.documents import recovery_sheet as sheet
from brankas.documents.recovery_sheet import RecoverySheetData, recovery_sheet_html

__all__ = [
    "RecoverySheetData",
    "recovery_sheet_html",
    "render_recovery_sheet",
    "save_recovery_sheet_pdf",
]


def render_recovery_sheet(data: RecoverySheetData, device: QPagedPaintDevice) -> None:
    """Render the sheet on ``device`` (a QPrinter or QPdfWriter), A4 portrait."""
    sheet.render_recovery_sheet(data, device)


def save_recovery_sheet_pdf(data: RecoverySheetData, path: Path) -> None:
    """Write the sheet as a PDF file, readable by its owner only (it holds the key).

    Raises:
        DiskFull, VaultReadOnly: the file could not be written (nothing is left behind).
    """
    sheet.save_recovery_sheet_pdf(data, path)
