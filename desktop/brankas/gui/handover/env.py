"""What the handover windows share: the current session (asked each time), a clock, and hooks
for files, the browser and printers that tests replace."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPagedPaintDevice
from PySide6.QtWidgets import QFileDialog, QWidget

from brankas.core.services.context import Clock, ServiceContext
from brankas.gui.pages.service_page import system_clock
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn

T = TypeVar("T")
SessionSource = Callable[[], Session | None]


def _save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(chosen) if chosen else None


def _open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(chosen) if chosen else None


def _folder(parent: QWidget | None, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title)
    return Path(chosen) if chosen else None


def _open_url(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def _printers() -> bool:
    from PySide6.QtPrintSupport import QPrinterInfo

    return bool(QPrinterInfo.availablePrinters())


Painter = Callable[[QPagedPaintDevice], None]


def _print_dialog(parent: QWidget | None, title: str, paint: Painter) -> None:
    """The print dialog; ``paint`` gets the chosen printer once the user confirms."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.accepted.connect(lambda: paint(printer))
    dialog.show()


@dataclass
class Hooks:
    """The outside world: file dialogs, the browser, whether a printer is set up."""

    save_file: Callable[[QWidget | None, str, str, str], Path | None] = _save_file
    open_file: Callable[[QWidget | None, str, str], Path | None] = _open_file
    choose_folder: Callable[[QWidget | None, str], Path | None] = _folder
    open_url: Callable[[str], bool] = _open_url
    has_printer: Callable[[], bool] = _printers
    print_with: Callable[[QWidget | None, str, Painter], None] = _print_dialog


@dataclass
class HandoverEnv:
    """The session is asked for at every call: a window hidden while the vault was locked
    works on the session of the unlock that showed it again."""

    session: SessionSource
    on_unexpected: Callable[[BaseException], None]
    clock: Clock = system_clock
    hooks: Hooks = field(default_factory=Hooks)

    def context(self) -> ServiceContext | None:
        """A service context on the current session (None while locked)."""
        s = self.session()
        return None if s is None else ServiceContext(s.vault, clock=self.clock)

    def run(
        self,
        call: Callable[[ServiceContext], T],
        on_success: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> bool:
        """``call(ctx)`` in the session's worker; the callbacks run on the UI thread only if
        the same session is still current. Returns False (nothing runs) while locked."""
        session = self.session()
        if session is None:
            return False
        ctx = ServiceContext(session.vault, clock=self.clock)

        def job(_progress: ProgressFn) -> T:
            return call(ctx)

        def done(result: Any) -> None:
            if self.session() is session:
                on_success(result)

        def failed(exc: BaseException) -> None:
            if self.session() is session:
                on_error(exc)

        session.runner.start(job, on_success=done, on_error=failed)
        return True

    @property
    def is_admin(self) -> bool:
        """Whether the current operator is an admin."""
        s = self.session()
        return s is not None and s.is_admin
