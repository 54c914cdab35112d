"""A TOTP code shown on request with a countdown; hidden again when its period ends."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from brankas.gui.resources import Resources
from brankas.gui.theme import Spacing

MASK = "••• •••"
_MONO = 'font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 13pt;'


class TotpWidget(QWidget):
    """Shows ``MASK`` until :meth:`show_code`; then the code and the seconds it stays
    valid. When the period ends the code is hidden again (each showing is audited, so it
    is not refreshed behind the user's back). :meth:`tick` advances the countdown; a
    one-second timer calls it, tests call it directly."""

    reveal_requested = Signal()
    copy_requested = Signal()
    expired = Signal()

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totpWidget")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(Spacing.S)
        self.code = QLabel(MASK)
        self.code.setObjectName("totpCode")
        self.code.setStyleSheet(_MONO)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.countdown = QProgressBar()
        self.countdown.setObjectName("totpCountdown")
        self.countdown.setTextVisible(False)
        self.countdown.setProperty("role", "strength")
        self.countdown.setProperty("level", "3")
        self.countdown.setFixedWidth(60)
        self.seconds = QLabel()
        self.seconds.setProperty("role", "hint")
        self.seconds.setMinimumWidth(32)
        self.reveal = QToolButton()
        self.reveal.setObjectName("totpReveal")
        self.reveal.setIcon(resources.themed_icon("eye"))
        self.reveal.setToolTip(self.tr("Show the current code (recorded in the audit log)"))
        self.copy = QToolButton()
        self.copy.setObjectName("totpCopy")
        self.copy.setIcon(resources.themed_icon("copy"))
        self.copy.setToolTip(self.tr("Copy the current code (Ctrl+T)"))
        row.addWidget(self.code)
        row.addWidget(self.countdown)
        row.addWidget(self.seconds)
        row.addStretch(1)
        row.addWidget(self.reveal)
        row.addWidget(self.copy)
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.reveal.clicked.connect(self._on_reveal)
        self.copy.clicked.connect(self.copy_requested.emit)
        self.hide_code()

    @property
    def shown(self) -> bool:
        """Whether a code is on screen."""
        return self._left > 0

    @property
    def seconds_left(self) -> int:
        """Seconds until the shown code expires (0: none shown)."""
        return self._left

    def set_available(self, available: bool) -> None:
        """Whether the account has a TOTP secret at all."""
        self.hide_code()
        self.reveal.setEnabled(available)
        self.copy.setEnabled(available)
        self.code.setText(MASK if available else self.tr("None recorded"))
        self.code.setStyleSheet(_MONO if available else "")

    def show_code(self, code: str, seconds_left: int, period: int = 30) -> None:
        """Show ``code`` for ``seconds_left`` seconds."""
        half = len(code) // 2
        self.code.setText(f"{code[:half]} {code[half:]}")
        self.countdown.setRange(0, max(period, seconds_left, 1))
        self._left = max(seconds_left, 1)
        self._show_left()
        self.countdown.setVisible(True)
        self._timer.start()

    def hide_code(self) -> None:
        """Back to the mask (on lock, selection change, expiry)."""
        self._timer.stop()
        self._left = 0
        if self.code.text() != self.tr("None recorded"):
            self.code.setText(MASK)
        self.countdown.setVisible(False)
        self.seconds.clear()

    def tick(self) -> None:
        """One second passed."""
        if self._left <= 0:
            return
        self._left -= 1
        if self._left == 0:
            self.hide_code()
            self.expired.emit()
            return
        self._show_left()

    def _show_left(self) -> None:
        self.countdown.setValue(self._left)
        self.seconds.setText(self.tr("{n} s").format(n=self._left))

    def _on_reveal(self) -> None:
        if self.shown:
            self.hide_code()
        else:
            self.reveal_requested.emit()
