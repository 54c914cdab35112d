"""Reveal one secret of an archived account (province review mode): a reason first, audited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.archive.review_mode import MAX_REASON, reveal_archived_secret
from brankas.core.domain.models import Account
from brankas.core.secret import Secret
from brankas.gui.archive.sentences import message
from brankas.gui.errors import is_expected
from brankas.gui.labels import platform_label
from brankas.gui.session import Session
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY
from brankas.gui.workers import ProgressFn


def field_label(field: str) -> str:
    """The name of a secret field."""
    return {
        "password": QCoreApplication.translate("RevealDialog", "Password"),
        "totp_secret": QCoreApplication.translate("RevealDialog", "TOTP secret"),
        "backup_codes": QCoreApplication.translate("RevealDialog", "Backup codes"),
    }.get(field, field)


class RevealDialog(QDialog):
    """Asks why, reveals through core (which records the reason), shows the value until closed."""

    def __init__(
        self,
        session: Session,
        import_id: int,
        account: Account,
        field: str,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revealArchivedDialog")
        self.setProperty(SECRET_PROPERTY, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(480)
        self.session = session
        self._import_id = import_id
        self._account = account
        self._field = field
        self._on_unexpected = on_unexpected
        self._secret: Secret | None = None
        name = field_label(field)
        self.setWindowTitle(self.tr("Reveal: {field}").format(field=name))
        body = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{field} of {platform} account {handle}, from the regency's archive. Revealing "
                "it is recorded in this vault's audit log with your reason."
            ).format(field=name, platform=platform_label(account.platform), handle=account.handle)
        )
        intro.setWordWrap(True)
        body.addWidget(intro)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("revealReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("e.g. checking rule 2 for the review report"))
        form.addRow(self.tr("Reason:"), self.reason)
        body.addLayout(form)
        self.value = QPlainTextEdit()
        self.value.setObjectName("revealedValue")
        self.value.setReadOnly(True)
        self.value.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.value.setMaximumHeight(110)
        self.value.setVisible(False)
        body.addWidget(self.value)
        self.note = QLabel()
        self.note.setObjectName("revealNote")
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        body.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        body.addWidget(self.error)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        body.addWidget(self.busy)
        buttons = QDialogButtonBox()
        self.reveal_button = buttons.addButton(
            self.tr("Reveal"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reveal_button.setObjectName("revealButton")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("revealCopy")
        self.copy_button.setVisible(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.accepted.connect(self.reveal)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        body.addWidget(buttons)
        self.reason.textChanged.connect(
            lambda text: self.reveal_button.setEnabled(bool(text.strip()))
        )
        self.reveal_button.setEnabled(False)

    def reveal(self) -> None:
        """Reveal in the worker (core re-verifies the archive and audits)."""
        if not self.reveal_button.isEnabled():
            return
        vault, import_id = self.session.vault, self._import_id
        account_id, field, reason = self._account.id, self._field, self.reason.text()

        def job(_progress: ProgressFn) -> Secret | None:
            return reveal_archived_secret(vault, import_id, account_id, field, reason=reason)

        self.error.setVisible(False)
        self.busy.setVisible(True)
        self.reveal_button.setEnabled(False)
        self.session.runner.start(job, on_success=self._revealed, on_error=self._failed)

    def _revealed(self, secret: Secret | None) -> None:
        self.busy.setVisible(False)
        self.reason.setReadOnly(True)
        self.reveal_button.setVisible(False)
        self._secret = secret
        if secret is None:
            self.note.setText(self.tr("The archive holds no value for this field."))
            self.note.setVisible(True)
            return
        self.value.setPlainText(secret.reveal())
        self.value.setVisible(True)
        self.copy_button.setVisible(True)
        self.note.setText(self.tr("Close this window when you are done; the value is not kept."))
        self.note.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.reveal_button.setEnabled(bool(self.reason.text().strip()))
        if not is_expected(exc):
            self._on_unexpected(exc)
            return
        self.error.setText(message(exc))
        self.error.setVisible(True)

    def copy(self) -> None:
        """Copy through the clipboard service (it clears itself)."""
        if self._secret is not None:
            self.session.clipboard.copy(self._secret, field_label(self._field))

    def force_close(self) -> None:
        """Close at once (the vault is locking)."""
        self.reject()

    def done(self, result: int) -> None:
        """Drop the value however the dialog closes."""
        self.value.clear()
        if self._secret is not None:
            self._secret.wipe()
            self._secret = None
        super().done(result)
