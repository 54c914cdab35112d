"""The archive's cover sheet PDF from the command line (Qt is loaded only when one is written)."""

from __future__ import annotations

from pathlib import Path

from brankas.core.archive.export import ExportResult
from brankas.core.domain.models import Office


def default_path(archive: Path) -> Path:
    """Next to the archive, with its name: ``arsip-….brankas`` → ``arsip-….pdf``."""
    return archive.with_suffix(".pdf")


def write_cover_sheet(result: ExportResult, office: Office, path: Path) -> int:
    """Write the cover sheet of the archive just exported as an owner-only PDF.

    The documents pipeline lays text out with QtGui, which needs a QGuiApplication: one is
    made on the offscreen platform (no display needed) unless the process already has one.

    Returns:
        The number of pages.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written.
    """
    from PySide6.QtGui import QGuiApplication

    from brankas.documents.cover_sheet import cover_sheet_data, render_cover_sheet

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["brankas-cli", "-platform", "offscreen"])
    return render_cover_sheet(cover_sheet_data(result, office), path)
