"""What every handover wizard page does: error lines per field, a busy bar, and the checks
that core's wizard module makes before the page may be left."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget, QWizardPage

from brankas.core.services import handover_wizard as wh
from brankas.core.services.handover_wizard import Page, Problem
from brankas.gui.handover.sentences import problem_text
from brankas.gui.theme import Spacing

if TYPE_CHECKING:
    from brankas.gui.handover.wizard import HandoverWizard


def error_label(name: str) -> QLabel:
    """A hidden, word-wrapped error line."""
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def note_label(name: str) -> QLabel:
    """A hidden, word-wrapped line for a short "done" note (see :func:`set_note`)."""
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", "ok")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def set_note(label: QLabel, text: str) -> None:
    """Show ``text`` in a note line, or hide the line when there is nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))


def with_error(widget: QWidget, error: QLabel) -> QWidget:
    """A form field with its error line right under it (no gap while the line is hidden)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(Spacing.XS)
    column.addWidget(widget)
    column.addWidget(error)
    return box


class WizardStep(QWizardPage):
    """A page for one of core's wizard pages. ``store`` writes the widgets into the
    wizard's state; leaving the page forward runs core's checks for it."""

    core_page: Page = Page.KIND

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.body = QVBoxLayout(self)
        self.body.setSpacing(Spacing.M)
        self.errors: dict[tuple[str, int | None], QLabel] = {}
        self.page_error = error_label("pageError")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        self._loading = False

    def finish_layout(self) -> None:
        """Put the page's own error line and the busy bar at the bottom."""
        self.body.addWidget(self.page_error)
        self.body.addWidget(self.busy)

    # --- loading -----------------------------------------------------------------------
    def set_loading(self, loading: bool) -> None:
        """While loading, the page cannot be left forward."""
        self._loading = loading
        self.busy.setVisible(loading)
        self.completeChanged.emit()

    @property
    def loading(self) -> bool:
        """Whether the page waits for the vault."""
        return self._loading

    def isComplete(self) -> bool:
        """Not while loading."""
        return not self._loading

    # --- problems ----------------------------------------------------------------------
    def add_error(self, field: str, kecamatan_id: int | None = None) -> QLabel:
        """An error line for ``field`` (of one kecamatan); put it under the field's widget."""
        suffix = f"_{kecamatan_id}" if kecamatan_id is not None else ""
        label = error_label(f"{field}Error{suffix}")
        self.errors[(field, kecamatan_id)] = label
        return label

    def clear_problems(self) -> None:
        """Hide every error line."""
        for label in (*self.errors.values(), self.page_error):
            label.clear()
            label.setVisible(False)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each problem's sentence under its field (the page's line when it has none)."""
        self.clear_problems()
        for p in problems:
            label = self.errors.get((p.field, p.kecamatan_id)) or self.errors.get((p.field, None))
            self.show_text(problem_text(p), label)

    def show_text(self, text: str, label: QLabel | None = None) -> None:
        """A sentence under a field, or on the page's own line."""
        target = label or self.page_error
        current = target.text()
        target.setText(f"{current}\n{text}" if current and text not in current else text)
        target.setVisible(True)

    def error_text(self, field: str, kecamatan_id: int | None = None) -> str:
        """The text shown under ``field`` ("" when none)."""
        label = self.errors.get((field, kecamatan_id))
        return label.text() if label is not None and not label.isHidden() else ""

    # --- leaving -----------------------------------------------------------------------
    def store(self) -> None:
        """Write what the widgets say into the wizard's state (override)."""

    def validatePage(self) -> bool:
        """Core decides whether the page is complete; its problems show as sentences."""
        if self._loading:
            return False
        self.store()
        problems = wh.validate(self.wiz.state, self.wiz.data, self.core_page)
        self.show_problems(problems)
        return not problems

    def title_widget(self, text: str) -> QLabel:
        """An explanatory line under the page title."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setProperty("role", "hint")
        return label
