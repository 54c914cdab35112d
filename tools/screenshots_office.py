"""Screenshots of the office profile: the Settings box and the dialog with an error under a
field. Called by screenshots.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from brankas.gui.main_window import MainWindow
from brankas.gui.pages.settings_page import SettingsPage


class Shoots(Protocol):
    def shot(self, widget: QWidget, name: str) -> None: ...


def shoot_office(main: MainWindow, shoot: Shoots, idle: Callable[[], None]) -> None:
    """The profile dialog as opened from the Vault menu, then a NIP refused under its field."""
    main.show_page("settings")
    idle()
    page = main.pages["settings"]
    assert isinstance(page, SettingsPage)
    main.office_action.trigger()
    dialog = page.office.dialog
    assert dialog is not None
    idle()
    shoot.shot(dialog, "dialog-office-profile")
    dialog.edits["head_nip"].setText("1980 0101")
    dialog.ok.click()
    idle()
    shoot.shot(dialog, "dialog-office-profile-nip-error")
    dialog.reject()
    idle()
