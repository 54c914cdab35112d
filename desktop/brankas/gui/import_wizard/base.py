"""What the import wizard's pages share: the session, two job runners (the vault's, and one
for reading files off the database thread), the state, and a page that runs jobs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QProgressBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from brankas.core.errors import ImportFileInvalid
from brankas.core.services.context import ServiceContext
from brankas.gui.errors import error_message, is_expected
from brankas.gui.import_wizard.flow import ImportState
from brankas.gui.import_wizard.texts import file_error_text
from brankas.gui.session import Session
from brankas.gui.workers import JobRunner, ProgressFn

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Env:
    """Shared by the pages of one wizard. ``closed`` turns late job results away."""

    session: Session
    files: JobRunner  # reads files; never touches the vault
    on_unexpected: Callable[[BaseException], None]
    state: ImportState
    closed: bool = False

    def service(self) -> ServiceContext:
        """A service context (use it on the vault's job thread only)."""
        return ServiceContext(self.session.vault)


def sentence_for(exc: BaseException) -> str | None:
    """The sentence for a known error (a refused file or a core error), else None."""
    if isinstance(exc, ImportFileInvalid):
        return file_error_text(exc)
    if is_expected(exc):
        return error_message(exc)
    return None


class JobPage(QWizardPage):
    """A wizard page with an error line and a busy bar under its content."""

    def __init__(self, env: Env) -> None:
        super().__init__()
        self.env = env
        self.running = False
        self.body = QVBoxLayout(self)
        self.error = QLabel()
        self.error.setObjectName("importError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)

    def finish_layout(self) -> None:
        """Put the error line and the busy bar at the bottom."""
        self.body.addWidget(self.error)
        self.body.addWidget(self.busy)

    def show_error(self, text: str) -> None:
        """Show a sentence in the error line ('' hides it)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def run(
        self,
        job: Callable[[ProgressFn], Any],
        done: Callable[[Any], None],
        *,
        on_vault: bool = True,
        progress: Callable[[int, int, str], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``job`` on the vault's thread (or the file thread); ``done`` gets its result."""
        env = self.env
        self.running = True
        self.show_error("")
        self.busy.setVisible(True)
        self.completeChanged.emit()

        def ok(result: Any) -> None:
            if env.closed:
                return
            self._stopped()
            done(result)

        def bad(exc: BaseException) -> None:
            if env.closed:
                return
            self._stopped()
            text = sentence_for(exc)
            if text is None:
                env.on_unexpected(exc)
            else:
                self.show_error(text)
            if failed is not None:
                failed(exc)

        runner = env.session.runner if on_vault else env.files
        runner.start(job, on_success=ok, on_error=bad, on_progress=progress)

    def _stopped(self) -> None:
        self.running = False
        self.busy.setVisible(False)
        self.completeChanged.emit()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for a cell; ``options(index)`` gives (value, label) pairs and the model's
    EditRole holds the chosen value."""

    def __init__(
        self, options: Callable[[Index], list[tuple[str, str]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._options = options

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A combo box with the cell's options."""
        box = QComboBox(parent)
        box.setObjectName("cellChoice")
        for value, label in self._options(index):
            box.addItem(label, value)
        # Commit as soon as a choice is made, not only when focus leaves.
        box.activated.connect(lambda _i: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Select the current value."""
        assert isinstance(editor, QComboBox)
        at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        """Store the chosen value."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
