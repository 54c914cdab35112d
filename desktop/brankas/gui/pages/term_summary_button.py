"""The dashboard's "Term summary…" button: print the term summary report or save it as PDF."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QMenu, QPushButton

from brankas.core.errors import DiskFull, VaultReadOnly
from brankas.core.services.context import ServiceContext
from brankas.documents.term_summary import (
    TermSummaryData,
    render_term_summary,
    term_summary_from_vault,
)
from brankas.gui.dialogs.messages import ask
from brankas.gui.errors import error_message
from brankas.gui.handover.env import Hooks
from brankas.gui.pages.service_page import ServicePage

log = logging.getLogger(__name__)


def summary_file_name(term_name: str, day: str) -> str:
    """A file name for the report: ``ringkasan-Pilkada-2024-2025-03-10.pdf``."""
    safe = re.sub(r"[^\w.\-]+", "-", term_name).strip("-.") or "masa-tugas"
    return f"ringkasan-{safe}-{day}.pdf"


class TermSummaryButton(QPushButton):
    """A button with a menu (print / save as PDF) for the term the page has chosen. The data
    is read in the page's worker; ``status`` carries the outcome as a sentence."""

    status = Signal(str)

    def __init__(self, page: ServicePage, term: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__(page)
        self.setText(self.tr("Term summary…"))
        self.setObjectName("termSummaryButton")
        self.setToolTip(
            self.tr(
                "The term summary report: accounts per kecamatan, the completeness matrix "
                "and the review findings."
            )
        )
        self._page = page
        self._term = term  # the chosen term's id and name, asked each time
        self.hooks = Hooks()  # file dialog, printers: tests replace them
        menu = QMenu(self)
        self.print_action = menu.addAction(self.tr("Print…"))
        self.save_action = menu.addAction(self.tr("Save as PDF…"))
        self.setMenu(menu)
        self.print_action.triggered.connect(lambda: self.print_summary())
        self.save_action.triggered.connect(lambda: self.save_pdf())

    def save_pdf(self) -> None:
        """Ask where, read the report's data in the worker, then write the PDF."""
        chosen = self._term()
        if chosen is None:
            return
        term_id, name = chosen
        suggested = summary_file_name(name, self._page.today().isoformat())
        path = self.hooks.save_file(
            self.window(),
            self.tr("Save the term summary as PDF"),
            suggested,
            self.tr("PDF files (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        target = path
        self._load(term_id, lambda data: self._write(data, target))

    def print_summary(self) -> None:
        """The print dialog for the report; with no printer, an offer to save a PDF."""
        chosen = self._term()
        if chosen is None:
            return
        if not self.hooks.has_printer():
            ask(
                self.window(),
                self.tr("No printer"),
                self.tr(
                    "No printer is set up on this PC. Save the term summary as a PDF file "
                    "instead? It can be printed on another PC."
                ),
                self.tr("Save as PDF…"),
                self.save_pdf,
            )
            return
        self._load(chosen[0], self._ask_printer)

    def _load(self, term_id: int, then: Callable[[TermSummaryData], None]) -> None:
        def read(ctx: ServiceContext) -> TermSummaryData:
            return term_summary_from_vault(ctx, term_id)

        self._page.run(read, then)

    def _ask_printer(self, data: TermSummaryData) -> None:
        self.hooks.print_with(
            self.window(), self.tr("Print the term summary"), lambda d: self._print_on(data, d)
        )

    def _print_on(self, data: TermSummaryData, printer: QPagedPaintDevice) -> None:
        try:
            pages = render_term_summary(data, printer)
        except OSError as exc:  # a printer lost on the way
            log.warning("term summary print failed: %s", type(exc).__name__)
            self.status.emit(error_message(exc))
            return
        self.status.emit(
            self.tr("The term summary of {term} ({pages} pages) was sent to the printer.").format(
                term=data.term_name, pages=pages
            )
        )

    def _write(self, data: TermSummaryData, path: Path) -> None:
        try:
            pages = render_term_summary(data, path)
        except DiskFull as exc:
            self.status.emit(error_message(exc))
            return
        except (VaultReadOnly, OSError):
            # Not the vault's folder: "could not write a file", not "vault read-only".
            self.status.emit(error_message(OSError()))
            return
        self.status.emit(
            self.tr("The term summary of {term} ({pages} pages) was saved: {path}").format(
                term=data.term_name, pages=pages, path=str(path)
            )
        )
