"""The one clipboard service: copies marked as secret, cleared after N seconds, on lock and quit."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import struct

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard

from brankas.core.secret import Secret

log = logging.getLogger(__name__)

# Tells KDE Klipper and other clipboard managers not to keep the value in their history.
KDE_HINT = "x-kde-passwordManagerHint"
# Windows clipboard formats (set as plain QMimeData formats, registered by name):
# exclude from clipboard monitors, from Win+V history and from cloud clipboard sync.
WIN_EXCLUDE = "ExcludeClipboardContentFromMonitorProcessing"
WIN_HISTORY = "CanIncludeInClipboardHistory"
WIN_CLOUD = "CanUploadToCloudClipboard"
_DWORD_ZERO = struct.pack("<I", 0)
_DWORD_ONE = struct.pack("<I", 1)


def secret_mime(text: str) -> QMimeData:
    """QMimeData holding ``text`` with every "do not keep this" hint we know of."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(KDE_HINT, b"secret")
    mime.setData(WIN_EXCLUDE, _DWORD_ONE)
    mime.setData(WIN_HISTORY, _DWORD_ZERO)
    mime.setData(WIN_CLOUD, _DWORD_ZERO)
    return mime


class ClipboardService(QObject):
    """Copies values and clears them again, but only if the clipboard still holds them.

    Only a keyed digest of the copied value is kept, never the value itself.
    """

    copied = Signal(str, int)  # label, seconds until cleared
    cleared = Signal()
    expired = Signal()  # the timer ran out (cleared or left alone because it changed)

    def __init__(self, clipboard: QClipboard, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._msecs = seconds * 1000
        self._digest: bytes | None = None
        self._key = secrets.token_bytes(32)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # its countdown is shown
        self._timer.timeout.connect(self._on_timeout)

    def set_timeout(self, seconds: int) -> None:
        """Seconds before a copy is cleared (applies to the next copy)."""
        self._msecs = max(1, seconds) * 1000

    def set_timeout_msecs(self, msecs: int) -> None:
        """Like :meth:`set_timeout` in milliseconds (tests use short timers)."""
        self._msecs = max(1, msecs)

    @property
    def seconds_left(self) -> int:
        """Seconds until the current copy is cleared, 0 when nothing is pending."""
        return (self._timer.remainingTime() + 999) // 1000 if self._timer.isActive() else 0

    @property
    def holds_copy(self) -> bool:
        """True while a copy of ours may still be on the clipboard."""
        return self._digest is not None

    def copy(self, value: str | Secret, label: str) -> None:
        """Put ``value`` on the clipboard, marked as secret; ``label`` names it for the
        status bar (e.g. "Password"), never the value."""
        text = value.reveal() if isinstance(value, Secret) else value
        self._digest = self._fingerprint(text)
        self._clipboard.setMimeData(secret_mime(text), QClipboard.Mode.Clipboard)
        self._timer.start(self._msecs)
        self.copied.emit(label, (self._msecs + 999) // 1000)

    def clear(self) -> bool:
        """Clear the clipboard now if it still holds our copy. Returns True if it did."""
        self._timer.stop()
        if self._digest is None:
            return False
        ours = hmac.compare_digest(self._fingerprint(self._clipboard.text()), self._digest)
        self._digest = None
        if ours:
            self._clipboard.clear(QClipboard.Mode.Clipboard)
            self.cleared.emit()
        return ours

    def _on_timeout(self) -> None:
        self.clear()
        self.expired.emit()

    def _fingerprint(self, text: str) -> bytes:
        return hmac.new(self._key, text.encode("utf-8"), hashlib.sha256).digest()
