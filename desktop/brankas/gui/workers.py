"""Runs slow core work (KDF, rekey, backup) off the UI thread, one job at a time."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

# A job receives a progress callback: progress(done, total, label). Labels are codes,
# not user text; the receiving widget translates them.
ProgressFn = Callable[[int, int, str], None]
Job = Callable[[ProgressFn], Any]


class JobSignals(QObject):
    """Signals of one job; they are delivered in the thread that created this object."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    completed = Signal(bool, object)  # from the worker: (ok, result or exception)


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._signals = signals

    def run(self) -> None:
        signals = self._signals

        def progress(done: int, total: int, label: str = "") -> None:
            signals.progressed.emit(done, total, label)

        try:
            result = self._job(progress)
        except Exception as exc:  # handed to the UI thread, which maps it to a sentence
            log.debug("job failed with %s", type(exc).__name__)
            self._job = _done
            signals.completed.emit(False, exc)
        else:
            self._job = _done
            signals.completed.emit(True, result)


def _done(_progress: ProgressFn) -> None:
    return None


class JobRunner(QObject):
    """Runs jobs on a private single-thread pool, so that two jobs never touch the
    vault's database connection at once. ``busy_changed`` tells the UI to show a busy
    state and the idle lock to wait."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: list[JobSignals] = []

    @property
    def busy(self) -> bool:
        """True while a job is queued or running."""
        return bool(self._running)

    def start(
        self,
        job: Job,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> JobSignals:
        """Queue ``job``; the callbacks run on the UI thread. Returns the job's signals."""
        signals = JobSignals(self)
        if on_success is not None:
            signals.succeeded.connect(on_success)
        if on_error is not None:
            signals.failed.connect(on_error)
        if on_progress is not None:
            signals.progressed.connect(on_progress)
        signals.completed.connect(lambda ok, payload: self._completed(signals, ok, payload))
        was_busy = self.busy
        self._running.append(signals)
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(_Runnable(job, signals))
        return signals

    def _completed(self, signals: JobSignals, ok: bool, payload: object) -> None:
        # Not busy any more before the callbacks run, so that they may use the vault
        # (or start the next job) straight away.
        if signals in self._running:
            self._running.remove(signals)
        if not self._running:
            self.busy_changed.emit(False)
        try:
            if ok:
                signals.succeeded.emit(payload)
            else:
                signals.failed.emit(payload)
        finally:
            signals.deleteLater()

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued jobs are done (used at quit)."""
        return self._pool.waitForDone(msecs)
