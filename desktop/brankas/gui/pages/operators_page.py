"""Operators page (admins): list, add, remove with key rotation, new recovery kit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView, QWidget

from brankas.core.vault import operators
from brankas.core.vault.operators import OperatorInfo, RotationTask
from brankas.gui.dialogs.messages import ask, show_error
from brankas.gui.dialogs.operator_dialogs import AddOperatorDialog
from brankas.gui.dialogs.recovery_kit_dialog import RecoveryKitDialog
from brankas.gui.dialogs.rotation_dialog import RekeyProgressDialog, RotationTasksDialog
from brankas.gui.i18n import current_language
from brankas.gui.models.operators_model import OPERATOR_ROLE, SORT_ROLE, Column, OperatorsModel
from brankas.gui.pages.base import Page
from brankas.gui.pages.my_account import MyAccountBox
from brankas.gui.recovery_sheet import RecoverySheetData
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn


class OperatorsPage(Page):
    """Who may open the vault, and the admin's tools to change that."""

    def __init__(
        self, on_unexpected: Callable[[BaseException], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent=parent)
        self.title.setText(self.tr("Operators"))
        self.setObjectName("operatorsPage")
        self._on_unexpected = on_unexpected
        self.add_intro(
            self.tr(
                "Each person who uses Brankas has their own name and password. Removing "
                "someone replaces the vault key, so their old password no longer opens it."
            )
        )
        self.model = OperatorsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("operatorsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layout_.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add operator…"))
        self.add_button.setObjectName("addOperator")
        self.remove_button = QPushButton(self.tr("Remove operator…"))
        self.remove_button.setObjectName("removeOperator")
        self.kit_button = QPushButton(self.tr("Make a new recovery kit…"))
        self.kit_button.setObjectName("newRecoveryKit")
        for b in (self.add_button, self.remove_button, self.kit_button):
            row.addWidget(b)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.my_account = MyAccountBox(on_unexpected)
        self.my_account.remembered_changed.connect(lambda _on: self.reload())
        self.layout_.addWidget(self.my_account)
        self.add_button.clicked.connect(self.open_add)
        self.remove_button.clicked.connect(self.confirm_remove)
        self.kit_button.clicked.connect(self.confirm_new_kit)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # --- session ------------------------------------------------------------------------
    def start_session(self, session: Session) -> None:
        """Load the operators."""
        super().start_session(session)
        self.my_account.start_session(session)
        self.reload()

    def end_session(self) -> None:
        """Forget them."""
        self.model.clear()
        self.my_account.end_session()
        super().end_session()

    def page_shown(self) -> None:
        """Refresh on every visit (another admin may have changed things)."""
        self.reload()

    def reload(self) -> None:
        """Read the operator list (in the worker, like every vault read)."""
        session = self.session
        if session is None:
            return
        vault = session.vault

        def job(_progress: ProgressFn) -> list[OperatorInfo]:
            return operators.list_operators(vault)

        session.runner.start(job, on_success=self._loaded, on_error=self._on_unexpected)

    def _loaded(self, ops: list[OperatorInfo]) -> None:
        session = self.session
        if session is None:
            return  # locked while loading
        self.model.set_operators(ops, session.operator.id)
        self.my_account.apply(ops)
        self._update_buttons()

    def selected(self) -> OperatorInfo | None:
        """The operator selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.proxy.data(rows[0], OPERATOR_ROLE)
        return value if isinstance(value, OperatorInfo) else None

    def _update_buttons(self) -> None:
        session = self.session
        admin = session is not None and session.is_admin
        chosen = self.selected()
        for b in (self.add_button, self.kit_button):
            b.setEnabled(admin)
        self.remove_button.setEnabled(
            admin
            and chosen is not None
            and session is not None
            and chosen.id != session.operator.id
        )

    # --- add ----------------------------------------------------------------------------
    def open_add(self) -> None:
        """Open the add-operator dialog."""
        if self.session is None:
            return
        dialog = AddOperatorDialog(self.session, self._on_unexpected, self.window())
        dialog.operator_added.connect(lambda _id: self.reload())
        dialog.open()

    # --- remove -------------------------------------------------------------------------
    def confirm_remove(self) -> None:
        """Ask, then remove the selected operator."""
        chosen = self.selected()
        if chosen is None:
            return
        ask(
            self.window(),
            self.tr("Remove operator"),
            self.tr(
                "Remove {name}? The vault key is replaced so that {name}'s password no longer "
                "opens the vault, and the passwords {name} could have seen are listed for "
                "changing. This cannot be undone."
            ).format(name=chosen.name),
            self.tr("Remove"),
            lambda: self.remove(chosen),
            destructive=True,
        )

    def remove(self, chosen: OperatorInfo) -> None:
        """Remove ``chosen`` in the worker, with progress, then list the rotation tasks."""
        session = self.session
        if session is None:
            return
        vault = session.vault
        progress_dialog = RekeyProgressDialog(chosen.name, self.window())
        progress_dialog.open()

        def job(progress: ProgressFn) -> list[RotationTask]:
            return operators.remove_operator(
                vault, chosen.id, progress=lambda step, i, n: progress(i, n, step)
            )

        def done(tasks: list[RotationTask]) -> None:
            progress_dialog.done(0)
            session.ctx.settings.set_remembered(session.folder, chosen.name, False)
            self.reload()
            RotationTasksDialog(chosen.name, tasks, self.window()).open()

        def failed(exc: BaseException) -> None:
            progress_dialog.done(0)
            self.reload()
            show_error(self.window(), exc)

        session.runner.start(
            job, on_success=done, on_error=failed, on_progress=progress_dialog.set_step
        )

    def _show_error(self, exc: BaseException) -> None:
        show_error(self.window(), exc)

    # --- recovery kit -------------------------------------------------------------------
    def confirm_new_kit(self) -> None:
        """Ask, then replace the recovery kit."""
        ask(
            self.window(),
            self.tr("New recovery kit"),
            self.tr(
                "Make a new recovery kit? The printed kit in the safe stops working at once, "
                "so print the new one before closing it."
            ),
            self.tr("Make a new kit"),
            self.new_kit,
            destructive=True,
        )

    def new_kit(self) -> None:
        """Replace the kit in the worker and show the new one."""
        session = self.session
        if session is None:
            return
        vault = session.vault

        def job(_progress: ProgressFn) -> str:
            return operators.replace_recovery_kit(vault)

        def done(kit: str) -> None:
            data = RecoverySheetData(
                vault_id=vault.vault_id,
                office_name=session.office_name,
                created=date.today(),
                recovery_key=kit,
                language=current_language(),
            )
            RecoveryKitDialog(session.ctx.resources, data, self.window()).open()

        session.runner.start(job, on_success=done, on_error=self._show_error)
