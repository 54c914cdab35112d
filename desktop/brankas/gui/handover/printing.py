"""Print a handover's BAST, or save them as PDF files; with no printer set up, offer PDF."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice
from PySide6.QtWidgets import QWidget

from brankas.core.errors import BrankasError
from brankas.documents.bast import BastData, render_bast
from brankas.gui.dialogs.messages import ask, show_error, show_message
from brankas.gui.handover.env import Hooks

log = logging.getLogger(__name__)


def pdf_name(data: BastData) -> str:
    """A file name for a BAST: ``BAST-001-BWS.BUOL-I-2025.pdf``."""
    safe = re.sub(r"[^\w.\-]+", "-", data.number).strip("-.") or "draf"
    return f"BAST-{safe}.pdf"


class BastOutput(QObject):
    """Prints or saves the BAST of a handover; says what happened in ``done``."""

    done = Signal(str)  # a sentence for the status line

    def __init__(self, parent: QWidget, hooks: Callable[[], Hooks]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._hooks_of = hooks  # asked each time: tests and screenshots replace them

    @property
    def _hooks(self) -> Hooks:
        return self._hooks_of()

    def print_basts(self, basts: Sequence[BastData]) -> None:
        """The print dialog, then every BAST as its own print job; with no printer, an
        offer to save PDF files instead."""
        if not basts:
            return
        if not self._hooks.has_printer():
            ask(
                self._parent,
                self.tr("No printer"),
                self.tr(
                    "No printer is set up on this PC. Save the BAST as PDF files instead? "
                    "They can be printed on another PC."
                ),
                self.tr("Save as PDF…"),
                lambda: self._save_later(basts),
            )
            return
        chosen = list(basts)
        self._hooks.print_with(
            self._parent, self.tr("Print BAST"), lambda device: self._print_on(device, chosen)
        )

    def _save_later(self, basts: Sequence[BastData]) -> None:
        self.save_pdfs(basts)

    def _print_on(self, printer: QPagedPaintDevice, basts: list[BastData]) -> None:
        def work() -> None:
            for data in basts:
                render_bast(data, printer)

        if self._busy(work):
            self.done.emit(self.tr("{count} BAST sent to the printer.").format(count=len(basts)))

    def save_pdfs(self, basts: Sequence[BastData]) -> list[Path]:
        """One BAST: a file dialog; several: a folder for all of them. Returns the files."""
        if not basts:
            return []
        if len(basts) == 1:
            target = self._hooks.save_file(
                self._parent,
                self.tr("Save the BAST as PDF"),
                pdf_name(basts[0]),
                self.tr("PDF files (*.pdf)"),
            )
            if target is None:
                return []
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
            files = [target]
        else:
            folder = self._hooks.choose_folder(
                self._parent,
                self.tr("Choose a folder for the {count} BAST").format(count=len(basts)),
            )
            if folder is None:
                return []
            files = [folder / pdf_name(d) for d in basts]

        def work() -> None:
            for data, path in zip(basts, files, strict=True):
                render_bast(data, path)

        if not self._busy(work):
            return []
        where = str(files[0] if len(files) == 1 else files[0].parent)
        self.done.emit(
            self.tr("{count} BAST saved in {where}.").format(count=len(files), where=where)
        )
        if len(files) > 1:
            show_message(
                self._parent,
                self.tr("BAST saved"),
                self.tr("{count} PDF files were saved in {where}.").format(
                    count=len(files), where=where
                ),
            )
        return files

    def _busy(self, work: Callable[[], None]) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        except (OSError, BrankasError) as exc:  # DiskFull, VaultReadOnly, a lost printer
            log.warning("BAST output failed: %s", type(exc).__name__)
            QGuiApplication.restoreOverrideCursor()
            show_error(self._parent, exc)
            return False
        QGuiApplication.restoreOverrideCursor()
        return True
