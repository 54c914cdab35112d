"""Recovery: type the kit → choose an admin and a new password → print the new kit."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from brankas.core.crypto.recovery import GROUPS
from brankas.core.domain.enums import Role
from brankas.core.errors import RecoveryKitInvalid
from brankas.core.lock import VaultLock
from brankas.core.vault import operators
from brankas.core.vault.vault import Vault
from brankas.gui.context import AppContext
from brankas.gui.errors import error_message, is_expected
from brankas.gui.i18n import current_language
from brankas.gui.recovery_sheet import RecoverySheetData
from brankas.gui.session import office_name
from brankas.gui.widgets.forms import align_form_labels
from brankas.gui.widgets.kit_entry import KitEntry
from brankas.gui.widgets.new_password import NewPasswordForm
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY, KitConfirm, RecoveryKitView
from brankas.gui.workers import JobRunner, ProgressFn


class RecoveryDialog(QDialog):
    """Emits :attr:`recovered` with the open vault (now as the chosen admin), or
    :attr:`abandoned` with the folder lock to keep when the user gives up."""

    recovered = Signal(object)
    abandoned = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        runner: JobRunner,
        folder: Path,
        lock: VaultLock | None,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setProperty(SECRET_PROPERTY, True)
        self.setWindowTitle(self.tr("Use the recovery kit"))
        self._ctx = ctx
        self._runner = runner
        self._folder = folder
        self._lock = lock
        self._on_unexpected = on_unexpected
        self.vault: Vault | None = None
        self._admin_ids: list[str] = []
        self.kit_group = secrets.randbelow(GROUPS) + 1
        self.confirm: KitConfirm | None = None
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.error = QLabel()
        self.error.setObjectName("recoveryError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("recoveryCancel")
        self.next_button = QPushButton(self.tr("Open with the kit"))
        self.next_button.setObjectName("recoveryNext")
        self.next_button.setProperty("role", "primary")
        self.next_button.setDefault(True)
        row.addWidget(self.cancel_button)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self._next)
        self.stack.addWidget(self._kit_step())
        self.stack.addWidget(self._password_step())
        self.stack.addWidget(QWidget())  # the new kit, built when known
        self.entry.completed_changed.connect(self._update)
        self.new_password.validity_changed.connect(self._update)
        self._update()
        self.resize(720, 520)

    def _kit_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Type the 48 digits of the printed recovery kit for {folder}. Each group "
                "of six is checked as you type."
            ).format(folder=str(self._folder))
        )
        intro.setWordWrap(True)
        self.entry = KitEntry()
        layout.addWidget(intro)
        layout.addWidget(self.entry)
        layout.addStretch(1)
        return page

    def _password_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "The kit opened the vault. Choose the admin whose password is reset and "
                "type a new password. The old kit stops working and a new one is made."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.admin_box = QComboBox()
        self.admin_box.setObjectName("recoveryAdmin")
        form.addRow(self.tr("Admin:"), self.admin_box)
        self.new_password = NewPasswordForm(self._ctx.resources)
        align_form_labels(form, self.new_password.form)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.new_password)
        layout.addStretch(1)
        return page

    # --- flow ---------------------------------------------------------------------------
    def _update(self, *_args: Any) -> None:
        step = self.stack.currentIndex()
        busy = self.busy.isVisible()
        if step == 0:
            ok = self.entry.is_complete
        elif step == 1:
            ok = self.new_password.is_acceptable and self.admin_box.count() > 0
        else:
            ok = self.confirm is not None and self.confirm.confirmed
        self.next_button.setEnabled(ok and not busy)
        self.cancel_button.setVisible(step < 2)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.stack.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self._update()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _next(self) -> None:
        step = self.stack.currentIndex()
        if step == 0:
            self._open_with_kit()
        elif step == 1:
            self._reset_password()
        else:
            self._finish()

    def _open_with_kit(self) -> None:
        key = self.entry.key()
        ctx, folder, lock = self._ctx, self._folder, self._lock

        def job(_progress: ProgressFn) -> tuple[Vault, list[operators.OperatorInfo]]:
            vault = Vault.unlock_with_recovery(
                folder, key, policy=ctx.policy, keystore=ctx.keystore, lock=lock
            )
            return vault, operators.list_operators(vault)

        self._show_error("")
        self._set_busy(True)
        self._runner.start(job, on_success=self._opened, on_error=self._failed)

    def _opened(self, result: tuple[Vault, list[operators.OperatorInfo]]) -> None:
        self._set_busy(False)
        self.vault, ops = result
        self.entry.wipe()
        admins = [o for o in ops if o.role is Role.ADMIN]
        self._admin_ids = [o.id for o in admins]
        for o in admins:
            self.admin_box.addItem(o.name, o.id)
        self.new_password.set_user_inputs([o.name for o in ops])
        self.stack.setCurrentIndex(1)
        self.next_button.setText(self.tr("Set the new password"))
        self._update()

    def _reset_password(self) -> None:
        vault = self.vault
        assert vault is not None
        admin_id = str(self.admin_box.currentData())
        password = self.new_password.secret()

        def job(_progress: ProgressFn) -> tuple[str, str]:
            try:
                kit = operators.reset_password_after_recovery(vault, admin_id, password)
            finally:
                password.wipe()
            return kit, office_name(vault)

        self._show_error("")
        self._set_busy(True)
        self._runner.start(job, on_success=self._reset_done, on_error=self._failed)

    def _reset_done(self, result: tuple[str, str]) -> None:
        self._set_busy(False)
        self.new_password.wipe()
        kit, office = result
        assert self.vault is not None
        data = RecoverySheetData(
            vault_id=self.vault.vault_id,
            office_name=office,
            created=date.today(),
            recovery_key=kit,
            language=current_language(),
        )
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(RecoveryKitView(self._ctx.resources, data))
        self.confirm = KitConfirm(kit, self.kit_group)
        self.confirm.confirmed_changed.connect(self._update)
        layout.addWidget(self.confirm)
        old = self.stack.widget(2)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.addWidget(page)
        self.stack.setCurrentIndex(2)
        self.next_button.setText(self.tr("Done"))
        self._update()

    def _finish(self) -> None:
        vault, self.vault = self.vault, None
        self.accept()
        self.recovered.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not is_expected(exc):
            self._on_unexpected(exc)
            return
        if isinstance(exc, RecoveryKitInvalid):
            self.entry.show_group_error(exc.group)
            return
        self._show_error(error_message(exc))

    # --- leaving ------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel before the new kit exists; the vault (if opened) locks again."""
        if self.stack.currentIndex() == 2 or self.busy.isVisible():
            return
        super().reject()
        vault, self.vault = self.vault, None
        self.abandoned.emit(vault.lock() if vault is not None else self._lock)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing is cancelling (not possible once the new kit is shown)."""
        if self.stack.currentIndex() == 2 or self.busy.isVisible():
            event.ignore()
            return
        super().closeEvent(event)

    def force_close(self) -> None:
        """Close whatever the step (the app is locking or quitting)."""
        if self.stack.currentIndex() == 2 and self.vault is not None:
            self._finish()  # the password was reset: the session is a normal one now
            return
        self.stack.setCurrentIndex(0)
        self.busy.setVisible(False)
        self.reject()
