"""Admin: edit the deactivation checklist templates (add, reword, switch off, reorder steps)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import Platform
from brankas.core.domain.models import ChecklistTemplateStep
from brankas.core.services import checklist
from brankas.core.services.checklist import FINAL_STEP_KEY
from brankas.core.services.context import ServiceContext
from brankas.gui.errors import is_expected
from brankas.gui.handover.checklist_models import StepColumn, TemplateStepsModel
from brankas.gui.handover.env import HandoverEnv
from brankas.gui.handover.sentences import error_field, error_text
from brankas.gui.handover.wizard_base import error_label
from brankas.gui.labels import platform_label
from brankas.gui.theme import Spacing
from brankas.gui.widgets.record_table import RecordTable


class StepEditDialog(QDialog):
    """One step in Indonesian and English; ``save`` runs the given service call."""

    def __init__(
        self,
        env: HandoverEnv,
        title: str,
        step: ChecklistTemplateStep | None,
        call: Callable[[ServiceContext, str, str], Any],
        on_saved: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepEditDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.env = env
        self._call = call
        self._on_saved = on_saved
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.text_id = QPlainTextEdit(step.text_id if step else "")
        self.text_id.setObjectName("stepTextId")
        self.text_id.setMaximumHeight(70)
        self.text_en = QPlainTextEdit(step.text_en if step else "")
        self.text_en.setObjectName("stepTextEn")
        self.text_en.setMaximumHeight(70)
        self.errors = {"text_id": error_label("textIdError"), "text_en": error_label("textEnError")}
        form.addRow(self.tr("Indonesian:"), self.text_id)
        form.addRow("", self.errors["text_id"])
        form.addRow(self.tr("English:"), self.text_en)
        form.addRow("", self.errors["text_en"])
        layout.addLayout(form)
        self.error = error_label("stepError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("saveStep")
        self.ok.setText(self.tr("Save"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def save(self) -> None:
        """Run the call in the worker; errors show under their field."""
        for label in (*self.errors.values(), self.error):
            label.setVisible(False)
        tid, ten = self.text_id.toPlainText(), self.text_en.toPlainText()
        self.ok.setEnabled(False)
        self.env.run(lambda ctx: self._call(ctx, tid, ten), self._saved, self._failed)

    def _saved(self, _result: object) -> None:
        self.accept()
        self._on_saved()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if not is_expected(exc):
            self.env.on_unexpected(exc)
            return
        label = self.errors.get(error_field(exc), self.error)
        label.setText(error_text(exc))
        label.setVisible(True)


class TemplateDialog(QDialog):
    """A platform's steps; changes apply to accounts returned from now on."""

    def __init__(self, env: HandoverEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Deactivation checklist steps"))
        self.env = env
        layout = QVBoxLayout(self)
        layout.setSpacing(Spacing.M)
        intro = QLabel(
            self.tr(
                "The steps each account of a platform goes through after it is handed back. "
                "Changes apply to accounts handed back from now on; steps are switched off, "
                "never deleted. The final step (deactivate or keep) stays last."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Platform:")))
        self.platform = QComboBox()
        self.platform.setObjectName("templatePlatform")
        for p in Platform:
            self.platform.addItem(platform_label(p), p.value)
        row.addWidget(self.platform)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = TemplateStepsModel(self)
        self.table = RecordTable(self.model, stretch=StepColumn.TEXT, sortable=False)
        self.table.setObjectName("templateTable")
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons_row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addStep")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editStep")
        self.toggle_button = QPushButton(self.tr("Switch off"))
        self.toggle_button.setObjectName("toggleStep")
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("stepUp")
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("stepDown")
        for b in (self.add_button, self.edit_button, self.toggle_button, self.up_button):
            buttons_row.addWidget(b)
        buttons_row.addWidget(self.down_button)
        buttons_row.addStretch(1)
        layout.addLayout(buttons_row)
        self.error = error_label("templateError")
        layout.addWidget(self.error)
        close_box = QDialogButtonBox()
        close = close_box.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close_box.rejected.connect(self.reject)
        layout.addWidget(close_box)
        self.platform.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.current_changed.connect(lambda _r: self._update_buttons())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.toggle_button.clicked.connect(self.toggle)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        self.resize(720, 480)
        self.reload()

    def chosen_platform(self) -> Platform:
        """The platform shown."""
        return Platform(self.platform.currentData())

    def reload(self, keep: int | None = None) -> None:
        """Read the platform's steps (keeping the step ``keep`` current)."""
        platform = self.chosen_platform()

        def shown(steps: list[ChecklistTemplateStep]) -> None:
            self.model.set_records(steps)
            if keep is not None:
                self.table.select_where(lambda s: s.id == keep)
            self._update_buttons()

        self.env.run(lambda ctx: checklist.template_steps(ctx, platform), shown, self._failed)

    def _update_buttons(self) -> None:
        step = self.table.current_record()
        steps = self.model.records()
        final = step is not None and step.step_key == FINAL_STEP_KEY
        self.edit_button.setEnabled(step is not None)
        self.toggle_button.setEnabled(step is not None and not final)
        self.toggle_button.setText(
            self.tr("Switch on") if step is not None and not step.active else self.tr("Switch off")
        )
        at = steps.index(step) if step in steps else -1
        self.up_button.setEnabled(step is not None and not final and at > 0)
        self.down_button.setEnabled(step is not None and not final and 0 <= at < len(steps) - 2)

    def _run(self, call: Callable[[ServiceContext], Any], keep: int | None) -> None:
        self.error.setVisible(False)
        self.env.run(call, lambda _r: self.reload(keep), self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not is_expected(exc):
            self.env.on_unexpected(exc)
            return
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def add(self) -> StepEditDialog:
        """A new step, just before the final one."""
        platform = self.chosen_platform()
        dialog = StepEditDialog(
            self.env,
            self.tr("New step"),
            None,
            lambda ctx, tid, ten: checklist.add_step(ctx, platform, text_id=tid, text_en=ten),
            self.reload,
            self,
        )
        dialog.open()
        return dialog

    def edit(self) -> StepEditDialog | None:
        """Reword the current step."""
        step = self.table.current_record()
        if step is None:
            return None
        sid = step.id
        dialog = StepEditDialog(
            self.env,
            self.tr("Edit step"),
            step,
            lambda ctx, tid, ten: checklist.edit_step(ctx, sid, text_id=tid, text_en=ten),
            lambda: self.reload(sid),
            self,
        )
        dialog.open()
        return dialog

    def toggle(self) -> None:
        """Switch the current step off (or on again)."""
        step = self.table.current_record()
        if step is not None:
            sid, on = step.id, not step.active
            self._run(lambda ctx: checklist.set_step_active(ctx, sid, on), sid)

    def move_step(self, delta: int) -> None:
        """Move the current step up or down one place."""
        step = self.table.current_record()
        steps = self.model.records()
        if step is None or step not in steps:
            return
        at = steps.index(step)
        to = at + delta
        if not 0 <= to < len(steps) - 1:
            return
        ids = [s.id for s in steps]
        ids[at], ids[to] = ids[to], ids[at]
        platform = self.chosen_platform()
        self._run(lambda ctx: checklist.reorder_steps(ctx, platform, ids), step.id)
