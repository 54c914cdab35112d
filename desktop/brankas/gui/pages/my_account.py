"""The signed-in operator's own settings: change password, "remember on this PC"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.vault import operators
from brankas.gui.dialogs.messages import show_error, show_message
from brankas.gui.dialogs.operator_dialogs import ChangePasswordDialog
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn

REMEMBER_DAYS = 30


class MyAccountBox(QGroupBox):
    """Buttons any operator may use on themself."""

    password_changed = Signal()
    remembered_changed = Signal(bool)

    def __init__(
        self, on_unexpected: Callable[[BaseException], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("My account"))
        self._on_unexpected = on_unexpected
        self.session: Session | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.change_button = QPushButton(self.tr("Change my password…"))
        self.change_button.setObjectName("changeMyPassword")
        self.change_button.clicked.connect(self.open_change_password)
        row.addWidget(self.change_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.remember = QCheckBox(
            self.tr("Remember me on this PC for {days} days (unlock without a password)").format(
                days=REMEMBER_DAYS
            )
        )
        self.remember.setObjectName("rememberOnThisPc")
        self.remember.toggled.connect(self._toggled)
        layout.addWidget(self.remember)
        self.remember_note = QLabel()
        self.remember_note.setObjectName("rememberNote")
        self.remember_note.setProperty("role", "hint")
        self.remember_note.setWordWrap(True)
        layout.addWidget(self.remember_note)
        self._updating = False

    def start_session(self, session: Session) -> None:
        """Use ``session`` (the page holding this box loads the state)."""
        self.session = session

    def end_session(self) -> None:
        """Forget the session."""
        self.session = None

    def refresh(self) -> None:
        """Read whether this operator is remembered (from the key table, in the worker)."""
        session = self.session
        if session is None:
            return
        vault = session.vault

        def job(_progress: ProgressFn) -> list[operators.OperatorInfo]:
            return operators.list_operators(vault)

        session.runner.start(job, on_success=self.apply, on_error=self._on_unexpected)

    def apply(self, ops: list[operators.OperatorInfo]) -> None:
        """Show the state read from ``ops`` (the operator list)."""
        session = self.session
        if session is None:
            return
        available = session.ctx.keystore.available()
        me = session.operator.id
        remembered = any(o.id == me and o.remembered_on_this_pc for o in ops)
        self._updating = True
        self.remember.setChecked(remembered and available)
        self._updating = False
        self.remember.setEnabled(available)
        if available:
            self.remember_note.setText(
                self.tr(
                    "Only on a PC that nobody else uses. Managing operators and exports "
                    "still ask for the password."
                )
            )
        else:
            self.remember_note.setText(
                self.tr(
                    "Not available on this PC: there is no system password store "
                    "(such as Windows Credential Manager or GNOME Keyring)."
                )
            )

    def open_change_password(self) -> None:
        """Open the change-password dialog."""
        if self.session is None:
            return
        dialog = ChangePasswordDialog(self.session, self._on_unexpected, self.window())
        dialog.password_changed.connect(self._password_done)
        dialog.open()

    def _password_done(self) -> None:
        show_message(
            self.window(), self.tr("Password changed"), self.tr("Your password was changed.")
        )
        self.password_changed.emit()

    def _toggled(self, on: bool) -> None:
        session = self.session
        if self._updating or session is None:
            return
        vault = session.vault

        def job(_progress: ProgressFn) -> None:
            if on:
                operators.enable_device_unlock(vault, REMEMBER_DAYS)
            else:
                operators.disable_device_unlock(vault)

        def done(_result: object) -> None:
            session.ctx.settings.set_remembered(session.folder, session.operator.name, on)
            self.remembered_changed.emit(on)

        def failed(exc: BaseException) -> None:
            self._updating = True
            self.remember.setChecked(not on)
            self._updating = False
            show_error(self.window(), exc)

        session.runner.start(job, on_success=done, on_error=failed)
