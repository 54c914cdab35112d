"""The deactivation checklists: each account's progress (per kecamatan), its steps with who
and when, and "Finish" that deactivates or retains it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import AccountStatus, LifecycleKind
from brankas.core.domain.models import Account
from brankas.core.services import checklist
from brankas.gui.errors import is_expected
from brankas.gui.handover.checklist_models import (
    ChecklistData,
    ChecklistItemsModel,
    ChecklistOverviewModel,
    ChecklistRow,
    ItemColumn,
    OverviewColumn,
)
from brankas.gui.handover.env import HandoverEnv
from brankas.gui.handover.sentences import error_text
from brankas.gui.handover.template_dialog import TemplateDialog
from brankas.gui.handover.wizard_base import error_label, note_label, set_note
from brankas.gui.labels import platform_label
from brankas.gui.models.dashboard_model import status_word
from brankas.gui.theme import Spacing
from brankas.gui.widgets.record_table import RecordTable


class ChecklistTab(QWidget):
    """Emits ``changed`` after a tick or a finish (the page reads everything again) and
    ``rotation_requested`` when a step waits for the password change."""

    changed = Signal()
    rotation_requested = Signal(int)  # account id

    def __init__(self, env: HandoverEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistTab")
        self.env = env
        self.data: ChecklistData | None = None
        self._wanted: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, Spacing.S, 0, 0)
        intro = QLabel(
            self.tr(
                "After an account is handed back, its platform's steps are worked through: "
                "remove committee members, sign out other sessions, replace the recovery "
                "e-mail and phone, then deactivate it, or keep it when it is permanent."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Kecamatan:")))
        self.kecamatan = QComboBox()
        self.kecamatan.setObjectName("checklistKecamatan")
        self.kecamatan.setMinimumWidth(180)
        filters.addWidget(self.kecamatan)
        self.show_finished = QCheckBox(self.tr("Show finished checklists"))
        self.show_finished.setObjectName("showFinished")
        filters.addWidget(self.show_finished)
        filters.addStretch(1)
        self.templates_button = QPushButton(self.tr("Edit the steps…"))
        self.templates_button.setObjectName("editTemplates")
        self.templates_button.setToolTip(self.tr("Admins: the steps of each platform"))
        filters.addWidget(self.templates_button)
        layout.addLayout(filters)
        split = QSplitter()
        self.overview = ChecklistOverviewModel(self)
        self.table = RecordTable(self.overview, stretch=OverviewColumn.ACCOUNT)
        self.table.setObjectName("checklistOverview")
        split.addWidget(self.table)
        split.addWidget(self._detail())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 560])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.empty = QLabel(self.tr("No account is waiting for its deactivation checklist."))
        self.empty.setObjectName("noChecklist")
        self.empty.setProperty("role", "ok")
        layout.addWidget(self.empty)
        self.kecamatan.currentIndexChanged.connect(lambda _i: self._filter())
        self.show_finished.toggled.connect(lambda _on: self._filter())
        self.table.current_changed.connect(self._show)
        self.items.toggled.connect(self._ticked)
        self.finish_button.clicked.connect(self.finish)
        self.password_button.clicked.connect(self._ask_rotation)
        self.templates_button.clicked.connect(self.edit_templates)
        self._show(None)

    def _detail(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(Spacing.S, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("checklistAccount")
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        box.addWidget(self.heading)
        self.state_line = QLabel()
        self.state_line.setObjectName("checklistState")
        self.state_line.setProperty("role", "hint")
        self.state_line.setWordWrap(True)
        box.addWidget(self.state_line)
        self.items = ChecklistItemsModel(self)
        self.items_table = RecordTable(self.items, stretch=ItemColumn.STEP, sortable=False)
        self.items_table.setObjectName("checklistItems")
        self.items_table.setWordWrap(True)
        self.items_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        box.addWidget(self.items_table, 1)
        self.error = error_label("checklistError")
        box.addWidget(self.error)
        self.status = note_label("checklistStatus")
        box.addWidget(self.status)
        row = QHBoxLayout()
        self.password_button = QPushButton(self.tr("Change the password…"))
        self.password_button.setObjectName("checklistRotate")
        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setObjectName("finishChecklist")
        self.finish_button.setProperty("role", "primary")
        row.addWidget(self.password_button)
        row.addStretch(1)
        row.addWidget(self.finish_button)
        box.addLayout(row)
        return panel

    # --- data ---------------------------------------------------------------------------
    def set_data(self, data: ChecklistData | None) -> None:
        """Show a term's checklists (None: forget them)."""
        self.data = data
        current = self.table.current_record()
        keep = self._wanted or (current.id if isinstance(current, ChecklistRow) else None)
        chosen = self.kecamatan.currentData()
        self.kecamatan.blockSignals(True)
        self.kecamatan.clear()
        self.kecamatan.addItem(self.tr("All kecamatan"), None)
        for kid, name in data.kecamatan if data else []:
            self.kecamatan.addItem(name, kid)
        self.kecamatan.setCurrentIndex(max(self.kecamatan.findData(chosen), 0) if chosen else 0)
        self.kecamatan.blockSignals(False)
        self._filter(keep)

    def show_account(self, account_id: int) -> None:
        """Select an account's checklist (filters that hide it are cleared)."""
        self._wanted = account_id
        rows = self.data.rows if self.data else []
        if any(r.id == account_id for r in rows):
            self.kecamatan.setCurrentIndex(0)
            row = next(r for r in rows if r.id == account_id)
            if not row.entry.ready_to_complete and row.entry.done == row.entry.total:
                self.show_finished.setChecked(True)
            self._filter(account_id)

    def count_open(self) -> int:
        """Accounts whose checklist is not finished."""
        return sum(1 for r in (self.data.rows if self.data else []) if self._open(r))

    @staticmethod
    def _open(row: ChecklistRow) -> bool:
        return row.entry.account.status is AccountStatus.RETURNED

    def _filter(self, keep: int | None = None) -> None:
        rows = self.data.rows if self.data else []
        kid = self.kecamatan.currentData()
        shown = [
            r
            for r in rows
            if (kid is None or r.entry.account.kecamatan_id == kid)
            and (self.show_finished.isChecked() or self._open(r))
        ]
        current = self.table.current_record()
        keep = keep or (current.id if isinstance(current, ChecklistRow) else None)
        self.overview.set_records(shown)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if keep is None or not self.table.select_where(lambda r: r.id == keep):
            if shown:
                self.table.selectRow(0)
            else:
                self._show(None)
        else:
            self._wanted = None

    # --- one account --------------------------------------------------------------------
    def current_row(self) -> ChecklistRow | None:
        """The account whose steps are shown."""
        row = self.table.current_record()
        return row if isinstance(row, ChecklistRow) else None

    def _show(self, row: ChecklistRow | None) -> None:
        self.error.setVisible(False)
        if row is None:
            self.heading.setText(self.tr("Choose an account to see its steps."))
            self.state_line.clear()
            self.items.set_items([], {})
            self.finish_button.setEnabled(False)
            self.password_button.setVisible(False)
            return
        entry, account = row.entry, row.entry.account
        where = f" — {row.kecamatan}" if row.kecamatan else ""
        self.heading.setText(f"{platform_label(account.platform)} {account.handle}{where}")
        self.items.editable = self._open(row)
        self.items.set_items(entry.items, self.data.operators if self.data else {})
        self.state_line.setText(self._state_text(account, entry.done, entry.total))
        self.finish_button.setEnabled(entry.ready_to_complete)
        self.finish_button.setText(
            self.tr("Finish: keep it (permanent)")
            if account.lifecycle_kind is LifecycleKind.PERMANENT
            else self.tr("Finish: deactivated")
        )
        self.password_button.setVisible(account.needs_password_change)

    def _state_text(self, account: Account, done: int, total: int) -> str:
        status = status_word(account.status)
        if account.status is not AccountStatus.RETURNED:
            return self.tr("{status}: this checklist is closed.").format(status=status)
        text = self.tr("{status}; {done} of {total} steps done.").format(
            status=status, done=done, total=total
        )
        if account.needs_password_change:
            text += " " + self.tr("Its password still has to be changed.")
        return text

    def _ticked(self, item_id: int, on: bool) -> None:
        self.error.setVisible(False)
        set_note(self.status, "")
        self.env.run(lambda ctx: checklist.tick(ctx, item_id, done=on), self._saved, self._refused)

    def finish(self) -> None:
        """Deactivate (ad hoc) or retain (permanent) the account; refusals say why."""
        row = self.current_row()
        if row is None:
            return
        aid = row.id
        self.error.setVisible(False)
        self.env.run(lambda ctx: checklist.complete(ctx, aid), self._finished, self._refused)

    def _finished(self, account: Account) -> None:
        set_note(
            self.status,
            self.tr("{handle} is now: {status}.").format(
                handle=account.handle, status=status_word(account.status)
            ),
        )
        self._wanted = account.id
        self.changed.emit()

    def _saved(self, _result: object) -> None:
        self.changed.emit()

    def _refused(self, exc: BaseException) -> None:
        if not is_expected(exc):
            self.env.on_unexpected(exc)
            return
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        row = self.current_row()
        if row is not None:  # undo the tick shown: the vault did not change
            self.items.set_checked(i.id for i in row.entry.items if i.done_at is not None)

    def _ask_rotation(self) -> None:
        row = self.current_row()
        if row is not None:
            self.rotation_requested.emit(row.id)

    def edit_templates(self) -> TemplateDialog:
        """The admin's template editor."""
        dialog = TemplateDialog(self.env, self.window())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog
