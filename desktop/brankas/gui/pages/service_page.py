"""A page that reads and writes through core services in the worker, with an injectable clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QStackedWidget, QWidget

from brankas.core.services.context import Clock, ServiceContext
from brankas.gui.dialogs.messages import show_error
from brankas.gui.errors import is_expected
from brankas.gui.pages.base import Page
from brankas.gui.workers import ProgressFn

T = TypeVar("T")
WIB = timezone(timedelta(hours=7))  # the office's calendar, as core counts days


def system_clock() -> datetime:
    """The real time (UTC)."""
    return datetime.now(UTC)


class ServicePage(Page):
    """Runs service calls in the session's worker; results that arrive after the vault
    locked are dropped. ``clock`` decides what "today" is (tests fix it)."""

    def __init__(
        self,
        on_unexpected: Callable[[BaseException], None] | None = None,
        *,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.clock: Clock = clock
        self._on_unexpected = on_unexpected
        self._generation = 0  # bumped on every session change: late results are dropped
        self.build()

    def build(self) -> None:
        """Make the page's widgets, for subclasses that need no arguments of their own."""

    def start_session(self, session: Any) -> None:
        """Remember the session; load now only if this page is the one shown (the others
        load when visited, so that unlocking queues one job, not one per page)."""
        self._generation += 1
        super().start_session(session)
        if self.is_current():
            self.reload()

    def is_current(self) -> bool:
        """Whether this page is the one its stack shows (a page outside a stack is)."""
        stack = self.parentWidget()
        return not isinstance(stack, QStackedWidget) or stack.currentWidget() is self

    def end_session(self) -> None:
        """Forget the session; subclasses clear their models first."""
        self._generation += 1
        super().end_session()

    def page_shown(self) -> None:
        """Other pages may have changed things: read again on every visit."""
        self.reload()

    def reload(self) -> None:
        """Read what the page shows (override)."""

    def service_context(self) -> ServiceContext:
        """A context on the session's vault with the page's clock."""
        assert self.session is not None
        return ServiceContext(self.session.vault, clock=self.clock)

    def run(
        self,
        call: Callable[[ServiceContext], T],
        on_success: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``call(ctx)`` in the worker; ``on_success`` on the UI thread if still unlocked."""
        session = self.session
        if session is None:
            return
        ctx = self.service_context()
        generation = self._generation

        def job(_progress: ProgressFn) -> T:
            return call(ctx)

        def done(result: T) -> None:
            if self.session is not None and generation == self._generation:
                on_success(result)

        def failed(exc: BaseException) -> None:
            if self.session is None or generation != self._generation:
                return
            (on_error or self.show_failure)(exc)

        session.runner.start(job, on_success=done, on_error=failed)

    def show_failure(self, exc: BaseException) -> None:
        """A known error as its sentence; anything else through the unexpected-error path."""
        if not is_expected(exc) and self._on_unexpected is not None:
            self._on_unexpected(exc)
            return
        show_error(self.window(), exc)

    def today(self) -> date:
        """Today in the office's calendar (WIB, as ServiceContext.today), by the page's clock."""
        return self.clock().astimezone(WIB).date()


def button_row(*buttons: QPushButton, stretch_first: bool = False) -> QHBoxLayout:
    """Buttons in a row, pushed to the left (or right with ``stretch_first``)."""
    row = QHBoxLayout()
    if stretch_first:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    if not stretch_first:
        row.addStretch(1)
    return row


def search_shortcut(page: QWidget, field: QLineEdit) -> QShortcut:
    """Ctrl+F (the platform's Find key) on ``page`` puts the cursor in ``field``, text selected."""

    def focus() -> None:
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    return QShortcut(QKeySequence.StandardKey.Find, page, focus)
