"""A form dialog that saves one record in the worker and shows each validation error under its field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from brankas.core.services.context import ServiceContext
from brankas.gui.errors import error_message, is_expected
from brankas.gui.session import Session
from brankas.gui.theme import Spacing
from brankas.gui.workers import ProgressFn

ServiceJob = Callable[[ServiceContext], Any]
ContextFactory = Callable[[], ServiceContext]


class RecordDialog(QDialog):
    """Fields in a form, each with an error line under it; Save runs a service call.

    Core raises ``InvalidValue``/``DomainConflict`` with the ``field`` (the service
    argument's name) and a ``code``; the sentence for the code (gui/errors.py) appears
    under the widget registered for that field, anything else above the buttons.
    """

    saved = Signal(object)  # what the service returned

    def __init__(
        self,
        session: Session,
        make_context: ContextFactory,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
        self.session = session
        self._make_context = make_context
        self._on_unexpected = on_unexpected
        self.body = QVBoxLayout(self)
        self.body.setSpacing(Spacing.M)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(Spacing.S)
        self.body.addLayout(self.form)
        self.fields: dict[str, QWidget] = {}
        self.field_errors: dict[str, QLabel] = {}
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("dialogOk")
        self.ok.setText(self.tr("Save"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    # --- building ----------------------------------------------------------------------
    def add_field(self, key: str, label: str, widget: QWidget, *, hint: str = "") -> None:
        """A form row for ``widget``; errors whose ``field`` is ``key`` show under it."""
        widget.setObjectName(widget.objectName() or f"{key}Field")
        self.form.addRow(label, widget)
        self.fields[key] = widget
        if hint:
            note = QLabel(hint)
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            self.form.addRow("", note)
        error = QLabel()
        error.setObjectName(f"{key}Error")
        error.setProperty("role", "error")
        error.setWordWrap(True)
        self.form.addRow("", error)
        self.form.setRowVisible(error, False)
        self.field_errors[key] = error

    def alias(self, key: str, *aliases: str) -> None:
        """Show errors about ``aliases`` (other service argument names) under ``key``."""
        for name in aliases:
            self.fields[name] = self.fields[key]
            self.field_errors[name] = self.field_errors[key]

    def finish_layout(self) -> None:
        """Put the error line, busy bar and buttons under the form."""
        self.body.addWidget(self.error)
        self.body.addWidget(self.busy)
        self.body.addStretch(1)
        self.body.addWidget(self.buttons)

    # --- errors ------------------------------------------------------------------------
    def clear_errors(self) -> None:
        """Hide every error line."""
        for label in self.field_errors.values():
            label.clear()
            self.form.setRowVisible(label, False)
        self.error.setVisible(False)

    def show_field_error(self, key: str, text: str) -> None:
        """``text`` under the field ``key`` (above the buttons when there is no such field)."""
        label = self.field_errors.get(key)
        if label is None:
            self.error.setText(text)
            self.error.setVisible(True)
            return
        label.setText(text)
        self.form.setRowVisible(label, True)
        widget = self.fields[key]
        if widget.isEnabled():
            widget.setFocus()
        self.adjustSize()

    def field_error_text(self, key: str) -> str:
        """The error shown under ``key`` ("" when none)."""
        label = self.field_errors.get(key)
        return label.text() if label is not None and self.form.isRowVisible(label) else ""

    # --- saving ------------------------------------------------------------------------
    def service_call(self) -> ServiceJob | None:
        """The call that saves the form (None: a check in the form failed and said so)."""
        raise NotImplementedError

    def submit(self) -> None:
        """Check the form, then run the service call in the worker."""
        self.clear_errors()
        call = self.service_call()
        if call is None:
            return
        ctx = self._make_context()
        self.busy.setVisible(True)
        self.setEnabled(False)

        def job(_progress: ProgressFn) -> Any:
            return call(ctx)

        self.session.runner.start(job, on_success=self._succeeded, on_error=self._failed)

    def _succeeded(self, result: Any) -> None:
        self.busy.setVisible(False)
        self.setEnabled(True)
        self.accept()
        self.saved.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.setEnabled(True)
        if not is_expected(exc):
            self._on_unexpected(exc)
            return
        self.show_field_error(str(getattr(exc, "field", "")), error_message(exc))
