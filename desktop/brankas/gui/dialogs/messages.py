"""Non-blocking message boxes with translated buttons, and showing an error as a sentence."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from brankas.gui.errors import UnexpectedErrorDialog, error_message, is_expected, scrubbed_details


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
) -> QMessageBox:
    """A message with one "OK" button, shown without blocking."""
    box = _box(parent, icon, title, text)
    ok = box.addButton(QMessageBox.StandardButton.Ok)
    ok.setText(QCoreApplication.translate("Messages", "OK"))
    box.open()
    return box


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    confirm_text: str,
    on_confirm: Callable[[], None],
    *,
    destructive: bool = False,
) -> QMessageBox:
    """A yes/no question; ``on_confirm`` runs if the user chooses ``confirm_text``.
    "Cancel" is the default button for destructive questions."""
    box = _box(
        parent,
        QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
        title,
        text,
    )
    yes = box.addButton(confirm_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirmButton")
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    no.setText(QCoreApplication.translate("Messages", "Cancel"))
    box.setDefaultButton(no if destructive else yes)
    box.setEscapeButton(no)

    def done() -> None:
        if box.clickedButton() is yes:
            on_confirm()

    box.finished.connect(done)
    box.open()
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> QDialog:
    """A known error as its sentence; anything else as the unexpected-error dialog."""
    if is_expected(exc):
        return show_message(
            parent,
            QCoreApplication.translate("Messages", "Brankas"),
            error_message(exc),
            icon=QMessageBox.Icon.Warning,
        )
    dialog = UnexpectedErrorDialog(scrubbed_details(type(exc), exc, exc.__traceback__), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
