"""Inactivity auto-lock: an application-wide event filter restarts a timer on any input."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.Shortcut,
    }
)


class IdleTimer(QObject):
    """Emits :attr:`timed_out` after a period with no keyboard, mouse or touch input,
    and :attr:`ticked` every second with the seconds left (for the status bar)."""

    timed_out = Signal()
    ticked = Signal(int)

    def __init__(self, msecs: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._msecs = max(1, msecs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise: the countdown shown in the status bar reads remainingTime().
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(lambda: self.ticked.emit(self.seconds_left))
        self._since_restart = QElapsedTimer()
        self._watched: QObject | None = None

    def watch(self, app: QObject) -> None:
        """Listen to every input event of ``app`` (the QApplication)."""
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        app.installEventFilter(self)
        self._watched = app

    def unwatch(self) -> None:
        """Stop listening (before the app goes away)."""
        if self._watched is not None:
            self._watched.removeEventFilter(self)
            self._watched = None

    def set_timeout_msecs(self, msecs: int) -> None:
        """Change the idle period; a running timer restarts with it."""
        self._msecs = max(1, msecs)
        if self.active:
            self.start()

    @property
    def active(self) -> bool:
        """True between :meth:`start` and :meth:`stop` (or the timeout)."""
        return self._timer.isActive()

    @property
    def seconds_left(self) -> int:
        """Seconds until the lock, 0 when not running."""
        return (self._timer.remainingTime() + 999) // 1000 if self._timer.isActive() else 0

    def start(self) -> None:
        """Start (or restart) counting down."""
        self._timer.start(self._msecs)
        self._since_restart.start()
        self._ticker.start()
        self.ticked.emit(self.seconds_left)

    def stop(self) -> None:
        """Stop counting (while locked)."""
        self._timer.stop()
        self._ticker.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any input pushes the lock back; nothing is filtered out."""
        # An event reaches the filter once per widget it propagates through; restarting
        # the timer at most every few hundred milliseconds is plenty.
        if (
            self._timer.isActive()
            and event.type() in _INPUT_EVENTS
            and self._since_restart.elapsed() >= min(500, self._msecs // 4)
        ):
            self._timer.start(self._msecs)
            self._since_restart.restart()
        return False

    def _on_timeout(self) -> None:
        self._ticker.stop()
        self.timed_out.emit()
