"""Best-effort detection of the desktop session locking (screen saver, suspend, hidden app).

Qt has no portable "session locked" event. What is watched:
* ``QGuiApplication.applicationStateChanged`` to Suspended or Hidden (platforms that
  report it; on Windows and most X11 desktops locking the screen only makes the app
  inactive, which is also what switching windows does, so Inactive is not used);
* on Linux, the freedesktop and GNOME screen-saver ``ActiveChanged(true)`` D-Bus signals
  (KDE, GNOME, Xfce, Cinnamon emit one of them when the screen locks).
Windows session notifications (WTSRegisterSessionNotification) are not wired yet; the
idle timer still locks there.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

_SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class SessionWatcher(QObject):
    """Emits :attr:`session_locked` when the desktop session appears to lock."""

    session_locked = Signal()

    def __init__(self, app: QGuiApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app.applicationStateChanged.connect(self._on_state)
        self.dbus_connected = self._connect_dbus() if sys.platform.startswith("linux") else False

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state in (
            Qt.ApplicationState.ApplicationSuspended,
            Qt.ApplicationState.ApplicationHidden,
        ):
            self.session_locked.emit()

    @Slot(bool)
    def on_screensaver_active(self, active: bool) -> None:
        """D-Bus slot: the screen saver (and with it usually the lock screen) turned on."""
        if active:
            self.session_locked.emit()

    def _connect_dbus(self) -> bool:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # QtDBus missing from this Qt build
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        connected = False
        for path, interface in _SCREENSAVERS:
            # "1" is Qt's SLOT() prefix: the receiver's slot by signature.
            if bus.connect(  # type: ignore[call-overload]  # PySide6 accepts the signature as str
                "", path, interface, "ActiveChanged", self, "1on_screensaver_active(bool)"
            ):
                connected = True
        log.debug("screen-saver D-Bus signals %s", "watched" if connected else "unavailable")
        return connected
