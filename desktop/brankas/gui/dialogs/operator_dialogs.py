"""Add an operator; change one's own password. Both run the slow part in a worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import Role
from brankas.core.errors import WrongPassword
from brankas.core.vault import operators
from brankas.gui.errors import error_message, is_expected
from brankas.gui.labels import role_label
from brankas.gui.session import Session
from brankas.gui.widgets.forms import align_form_labels
from brankas.gui.widgets.new_password import NewPasswordForm
from brankas.gui.widgets.password_edit import CapsLockHint, PasswordEdit
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY
from brankas.gui.wizard import flow
from brankas.gui.workers import ProgressFn


class _JobDialog(QDialog):
    """A form dialog with an error line, a busy bar and OK/Cancel; runs one job."""

    def __init__(
        self,
        session: Session,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty(SECRET_PROPERTY, True)  # passwords are typed here
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(480)
        self.session = session
        self._on_unexpected = on_unexpected
        self.body = QVBoxLayout(self)
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
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        """Put the error line, busy bar and buttons under the form."""
        self.body.addWidget(self.error)
        self.body.addWidget(self.busy)
        self.body.addWidget(self.buttons)

    def submit(self) -> None:
        """Run the dialog's job."""
        raise NotImplementedError

    def run(self, job: Callable[[ProgressFn], Any], done: Callable[[Any], None]) -> None:
        """Run ``job`` in the session's worker; ``done`` gets its result."""
        self.error.setVisible(False)
        self.busy.setVisible(True)
        self.setEnabled(False)

        def ok(result: Any) -> None:
            self.busy.setVisible(False)
            self.setEnabled(True)
            done(result)

        self.session.runner.start(job, on_success=ok, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.setEnabled(True)
        if not is_expected(exc):
            self._on_unexpected(exc)
            return
        self.error.setText(error_message(exc))
        self.error.setVisible(True)


class AddOperatorDialog(_JobDialog):
    """Name, role and first password of a new operator (admin only)."""

    operator_added = Signal(str)

    def __init__(
        self,
        session: Session,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, on_unexpected, parent)
        self.setObjectName("addOperatorDialog")
        self.setWindowTitle(self.tr("Add an operator"))
        self.ok.setText(self.tr("Add"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("operatorNameEdit")
        self.name.setMaxLength(flow.MAX_OPERATOR_NAME)
        self.role = QComboBox()
        self.role.setObjectName("operatorRole")
        for role in (Role.OPERATOR, Role.ADMIN):
            self.role.addItem(role_label(role), role.value)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Role:"), self.role)
        self.body.addLayout(form)
        hint = QLabel(
            self.tr(
                "Tell the new operator this first password in person; they can change it "
                "after unlocking."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.password = NewPasswordForm(session.ctx.resources)
        align_form_labels(form, self.password.form)
        self.body.addWidget(self.password)
        self.body.addWidget(hint)
        self.finish_layout()
        self.name.textChanged.connect(self._update)
        self.password.validity_changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.password.set_user_inputs([self.name.text(), self.session.office_name])
        ok = flow.check_name(self.name.text(), flow.MAX_OPERATOR_NAME) is None
        self.ok.setEnabled(ok and self.password.is_acceptable)

    def submit(self) -> None:
        """Add the operator in the worker."""
        vault = self.session.vault
        name = flow.clean_name(self.name.text())
        role = Role(self.role.currentData())
        secret = self.password.secret()

        def job(_progress: ProgressFn) -> str:
            try:
                return operators.add_operator(vault, name, secret, role)
            finally:
                secret.wipe()

        self.run(job, self._added)

    def _added(self, operator_id: str) -> None:
        self.password.wipe()
        self.accept()
        self.operator_added.emit(operator_id)


class ChangePasswordDialog(_JobDialog):
    """The signed-in operator's password: current one, then the new one twice."""

    password_changed = Signal()

    def __init__(
        self,
        session: Session,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, on_unexpected, parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.ok.setText(self.tr("Change password"))
        form = QFormLayout()
        self.current = PasswordEdit(session.ctx.resources)
        self.current.setObjectName("currentPassword")
        form.addRow(self.tr("Current password:"), self.current)
        form.addRow("", CapsLockHint(self.current))
        self.body.addLayout(form)
        self.password = NewPasswordForm(session.ctx.resources)
        self.password.set_user_inputs([session.operator.name, session.office_name])
        align_form_labels(form, self.password.form)
        self.body.addWidget(self.password)
        self.finish_layout()
        self.current.textChanged.connect(self._update)
        self.password.validity_changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.current.text()) and self.password.is_acceptable)

    def submit(self) -> None:
        """Re-wrap the operator's key with the new password (Argon2 runs twice)."""
        vault = self.session.vault
        old, new = self.current.secret(), self.password.secret()

        def job(_progress: ProgressFn) -> None:
            try:
                operators.change_password(vault, old, new)
            finally:
                old.wipe()
                new.wipe()

        self.run(job, self._changed)

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        if isinstance(exc, WrongPassword):
            self.current.selectAll()
            self.current.setFocus()

    def _changed(self, _result: object) -> None:
        self.current.wipe()
        self.password.wipe()
        self.accept()
        self.password_changed.emit()
