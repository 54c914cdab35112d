"""The guided rotation queue: for each returned account a new password, copied, changed on
the platform, confirmed and saved (the old one goes to the history); new backup codes too."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import RotationReason
from brankas.core.secret import Secret
from brankas.core.services import secrets
from brankas.core.services.context import ServiceContext
from brankas.gui.errors import is_expected
from brankas.gui.handover.env import HandoverEnv
from brankas.gui.handover.platform_urls import password_page
from brankas.gui.handover.rotation_model import RotationRow
from brankas.gui.handover.sentences import error_field, error_text
from brankas.gui.handover.wizard_base import error_label, note_label, set_note
from brankas.gui.labels import platform_label
from brankas.gui.resources import Resources
from brankas.gui.theme import Spacing
from brankas.gui.widgets.password_generator import PasswordGenerator
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY

_MONO = 'font-family: "DejaVu Sans Mono", "Consolas", monospace;'


def save_rotation(ctx: ServiceContext, account_id: int, password: Secret, codes: str) -> None:
    """Store the new password (reason: handover) and, when given, the new backup codes,
    in one transaction (worker thread)."""
    with ctx.tx():
        secrets.set_password(ctx, account_id, password, reason=RotationReason.HANDOVER)
        if codes.strip():
            secrets.set_backup_codes(ctx, account_id, Secret(codes))


class RotationDialog(QDialog):
    """Walks the queue from one account; ``saved`` carries each account id saved."""

    saved = Signal(int)

    def __init__(
        self,
        env: HandoverEnv,
        resources: Resources,
        queue: Sequence[RotationRow],
        start: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rotationDialog")
        self.setProperty(SECRET_PROPERTY, True)  # shows a new password: closed on lock
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Change passwords"))
        self.env = env
        self.queue = list(queue)
        self.index = max(0, min(start, len(self.queue) - 1))
        self.done_ids: set[int] = set()
        layout = QVBoxLayout(self)
        layout.setSpacing(Spacing.M)
        self.position = QLabel()
        self.position.setObjectName("rotationPosition")
        self.position.setProperty("role", "hint")
        self.heading = QLabel()
        self.heading.setObjectName("rotationAccount")
        self.heading.setProperty("role", "heading")
        layout.addWidget(self.position)
        layout.addWidget(self.heading)
        # 1. a new password, 2. copy it
        step1 = QGroupBox(self.tr("1. A new password"))
        box1 = QVBoxLayout(step1)
        self.generator = PasswordGenerator(resources)
        box1.addWidget(self.generator)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton(resources.themed_icon("copy"), self.tr("Copy"))
        self.copy_button.setObjectName("copyNewPassword")
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(
            self._hint(self.tr("The clipboard is cleared by itself after a few seconds.")), 1
        )
        box1.addLayout(copy_row)
        layout.addWidget(step1)
        # 3. change it on the platform
        step2 = QGroupBox(self.tr("2. Change it on the platform"))
        box2 = QVBoxLayout(step2)
        link_row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open the password page"))
        self.open_button.setObjectName("openPasswordPage")
        self.url = QLabel()
        self.url.setObjectName("passwordPageUrl")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setStyleSheet(_MONO)
        link_row.addWidget(self.open_button)
        link_row.addWidget(self.url, 1)
        box2.addLayout(link_row)
        box2.addWidget(
            self._hint(
                self.tr(
                    "Sign in with the current password (reveal it on the Accounts page), paste "
                    "the new one, and sign out the other sessions if the platform offers it."
                )
            )
        )
        self.confirm = QCheckBox()
        self.confirm.setObjectName("confirmChanged")
        box2.addWidget(self.confirm)
        layout.addWidget(step2)
        # 4. backup codes
        step3 = QGroupBox(self.tr("3. New backup codes (if the account uses them)"))
        box3 = QVBoxLayout(step3)
        self.codes_hint = self._hint("")
        box3.addWidget(self.codes_hint)
        self.codes = QPlainTextEdit()
        self.codes.setObjectName("newBackupCodes")
        self.codes.setPlaceholderText(self.tr("One code per line"))
        self.codes.setMaximumHeight(80)
        self.codes.setStyleSheet(_MONO)
        box3.addWidget(self.codes)
        layout.addWidget(step3)
        self.error = error_label("rotationError")
        layout.addWidget(self.error)
        self.status = note_label("rotationStatus")
        layout.addWidget(self.status)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save and go to the next"))
        self.save_button.setObjectName("saveRotation")
        self.save_button.setProperty("role", "primary")
        self.skip_button = QPushButton(self.tr("Skip for now"))
        self.skip_button.setObjectName("skipRotation")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(self.copy_password)
        self.open_button.clicked.connect(self.open_page)
        self.save_button.clicked.connect(self.save)
        self.skip_button.clicked.connect(self.skip)
        self.confirm.toggled.connect(lambda _on: self._update_buttons())
        self.generator.generated.connect(lambda _v: self._changed_value())
        self.resize(640, 0)
        self._show_current()

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setProperty("role", "hint")
        return label

    # --- the account shown ---------------------------------------------------------------
    def current(self) -> RotationRow | None:
        """The account being rotated (None when the queue is done)."""
        return self.queue[self.index] if 0 <= self.index < len(self.queue) else None

    def _show_current(self) -> None:
        row = self.current()
        self.error.setVisible(False)
        self.codes.clear()
        self.confirm.setChecked(False)
        if row is None:
            self.position.setText("")
            left = len(self.queue) - len(self.done_ids)
            self.heading.setText(
                self.tr("Every account in this queue has a new password.")
                if not left
                else self.tr(
                    "The end of the queue: {count} skipped accounts still need a new password."
                ).format(count=left)
            )
            for w in (self.generator, self.copy_button, self.open_button, self.confirm):
                w.setEnabled(False)
            self.codes.setEnabled(False)
            self.generator.wipe()
            self._update_buttons()
            return
        account = row.account
        platform = platform_label(account.platform)
        self.position.setText(
            self.tr("Account {n} of {total} in the queue").format(
                n=self.index + 1, total=len(self.queue)
            )
        )
        where = f" — {row.kecamatan}" if row.kecamatan else ""
        self.heading.setText(f"{platform} {account.handle}{where}")
        self.generator.regenerate()
        url = password_page(account)
        self.open_button.setEnabled(url is not None)
        self.url.setText(url or self.tr("Change it in the provider's or device's own settings."))
        self.confirm.setText(
            self.tr("I changed the password on {platform} to the new one.").format(
                platform=platform
            )
        )
        if account.backup_codes_remaining is not None:
            self.codes_hint.setText(
                self.tr(
                    "This account had backup codes, and the committee may know them. Make a "
                    "new set on the platform (the old ones stop working) and paste it here."
                )
            )
        else:
            self.codes_hint.setText(
                self.tr(
                    "If the account uses two-step verification with backup codes, make a new "
                    "set on the platform and paste it here. Otherwise leave this empty."
                )
            )
        self._update_buttons()

    def _changed_value(self) -> None:
        # A new value means the platform has not been given it yet.
        self.confirm.setChecked(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current()
        ready = row is not None and bool(self.generator.value()) and self.confirm.isChecked()
        self.save_button.setEnabled(ready and not self.busy.isVisible())
        self.skip_button.setEnabled(row is not None and not self.busy.isVisible())

    # --- actions ------------------------------------------------------------------------
    def copy_password(self) -> None:
        """The new password to the clipboard (cleared by itself)."""
        session = self.env.session()
        value = self.generator.value()
        if session is None or not value:
            return
        session.clipboard.copy(Secret(value), self.tr("New password"))
        set_note(self.status, self.tr("Copied. Paste it on the platform's password page."))

    def open_page(self) -> None:
        """The platform's password page in the browser."""
        row = self.current()
        url = password_page(row.account) if row is not None else None
        if url is not None and not self.env.hooks.open_url(url):
            set_note(self.status, self.tr("The browser could not be opened. Type the address."))

    def skip(self) -> None:
        """Leave this account in the queue and show the next one."""
        set_note(self.status, "")
        self._advance()

    def save(self) -> None:
        """Store the new password (and codes) in the worker, then go to the next account."""
        row = self.current()
        value = self.generator.value()
        if row is None or not value or not self.confirm.isChecked():
            return
        self.error.setVisible(False)
        self.busy.setVisible(True)
        self._update_buttons()
        password, codes, aid = Secret(value), self.codes.toPlainText(), row.id
        started = self.env.run(
            lambda ctx: save_rotation(ctx, aid, password, codes), self._saved, self._failed
        )
        if not started:
            self.busy.setVisible(False)
            self._update_buttons()

    def _saved(self, _result: object) -> None:
        self.busy.setVisible(False)
        row = self.current()
        assert row is not None
        self.done_ids.add(row.id)
        set_note(
            self.status,
            self.tr("Saved: {handle} has its new password and left the queue.").format(
                handle=row.account.handle
            ),
        )
        self.saved.emit(row.id)
        self.generator.wipe()
        self._advance()

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self._update_buttons()
        if not is_expected(exc):
            self.env.on_unexpected(exc)
            return
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        if error_field(exc) == "backup_codes":
            self.codes.setFocus()

    def _advance(self) -> None:
        following = [
            i
            for i in range(self.index + 1, len(self.queue))
            if self.queue[i].id not in self.done_ids
        ]
        self.index = following[0] if following else len(self.queue)
        self._show_current()

    # --- closing ------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Forget the password shown."""
        self.generator.wipe()
        self.codes.clear()
        super().done(result)

    def force_close(self) -> None:
        """The vault is locking: forget everything and close."""
        self.done(QDialog.DialogCode.Rejected)
