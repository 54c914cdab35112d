"""A system-tray notification when a term end is near or anything is overdue (once per unlock)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

TrayFactory = Callable[[QIcon, QObject], Any]  # a QSystemTrayIcon, or a stand-in in tests


def system_tray(icon: QIcon, parent: QObject) -> QSystemTrayIcon:
    """The real tray icon."""
    return QSystemTrayIcon(icon, parent)


class AttentionTray(QObject):
    """Shows the dashboard's attention sentence as a tray notification, when the desktop
    has a tray. Clicking the icon or the message emits ``activated``."""

    activated = Signal()

    def __init__(
        self,
        icon: QIcon,
        parent: QObject | None = None,
        *,
        available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        factory: TrayFactory = system_tray,
    ) -> None:
        super().__init__(parent)
        self._icon = icon
        self._available = available
        self._factory = factory
        self.tray: Any = None
        self.last_message = ""

    def notify(self, text: str) -> bool:
        """Show ``text`` (the dashboard says it once per unlock). False: no tray here."""
        if not text or not self._available():
            return False
        if self.tray is None:
            self.tray = self._factory(self._icon, self)
            self.tray.setToolTip("Brankas")
            self.tray.activated.connect(lambda _reason: self.activated.emit())
            self.tray.messageClicked.connect(self.activated.emit)
        self.tray.show()
        self.tray.showMessage(
            self.tr("Brankas: term end"), text, QSystemTrayIcon.MessageIcon.Warning, 15_000
        )
        self.last_message = text
        return True

    def hide(self) -> None:
        """Take the icon away (the vault locked: nothing to point at)."""
        if self.tray is not None:
            self.tray.hide()
