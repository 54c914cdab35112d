"""Import or change the province's public key (regency): fingerprint to compare, admin password."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.archive import keys
from brankas.core.archive.keys import KEY_EXTENSION, RecipientInfo
from brankas.core.errors import InvalidValue, WrongPassword
from brankas.gui.archive.admin_check import verify_admin_password
from brankas.gui.archive.sentences import message
from brankas.gui.errors import is_expected
from brankas.gui.session import Session
from brankas.gui.widgets.password_edit import CapsLockHint, PasswordEdit
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY
from brankas.gui.workers import ProgressFn

MAX_KEY_FILE = 4096


class ProvinceKeyDialog(QDialog):
    """Paste the ``age1…`` key or choose the province's key file; compare the fingerprint
    with the letter; confirm with the admin password. Saving is audited by core."""

    key_changed = Signal(object)  # RecipientInfo

    def __init__(
        self,
        session: Session,
        current: RecipientInfo | None,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("provinceKeyDialog")
        self.setProperty(SECRET_PROPERTY, True)  # the admin password is typed here
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Province key for review archives"))
        self.setMinimumWidth(560)
        self.session = session
        self._on_unexpected = on_unexpected
        self._parsed: str | None = None
        body = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Paste the province's public key (the line that starts with age1), or choose "
                "the key file the province sent. Then compare the fingerprint below with the "
                "one in the province's letter."
            )
        )
        intro.setWordWrap(True)
        body.addWidget(intro)
        if current is not None:
            now = QLabel(
                self.tr(
                    "The key now in use has the fingerprint {fp}. Replacing it is recorded in "
                    "the audit log."
                ).format(fp=current.fingerprint)
            )
            now.setObjectName("provinceKeyCurrent")
            now.setWordWrap(True)
            now.setProperty("role", "warning")
            body.addWidget(now)
        self.text = QPlainTextEdit()
        self.text.setObjectName("provinceKeyText")
        self.text.setPlaceholderText("age1…")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMaximumHeight(90)
        body.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        choose = QPushButton(self.tr("Choose key file…"))
        choose.setObjectName("provinceKeyChoose")
        choose.clicked.connect(self._choose_file)
        row.addWidget(choose)
        body.addLayout(row)
        form = QFormLayout()
        self.fingerprint = QLabel("—")
        self.fingerprint.setObjectName("provinceKeyFingerprint")
        self.fingerprint.setProperty("role", "heading")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        self.matches = QCheckBox(self.tr("This fingerprint is the one in the province's letter"))
        self.matches.setObjectName("provinceKeyMatches")
        form.addRow("", self.matches)
        self.password = PasswordEdit(session.ctx.resources)
        self.password.setObjectName("provinceKeyPassword")
        form.addRow(self.tr("Your admin password:"), self.password)
        form.addRow("", CapsLockHint(self.password))
        body.addLayout(form)
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
        self.ok = buttons.addButton(self.tr("Save key"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("dialogOk")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        body.addWidget(buttons)
        self.text.textChanged.connect(self._parse)
        self.matches.toggled.connect(self._update)
        self.password.textChanged.connect(self._update)
        self._parse()

    def load_file(self, path: Path) -> None:
        """Put a key file's text in the box (refusing anything that is not a small text)."""
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read(MAX_KEY_FILE + 1)
        except (OSError, UnicodeDecodeError):
            text = ""
        if not text or len(text) > MAX_KEY_FILE:
            self._show_error(message(InvalidValue("", field="recipient", code="recipient_invalid")))
            return
        self.text.setPlainText(text)

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The province's key file"),
            "",
            self.tr("Province key files (*{ext} *.txt *.pub *.age);;All files (*)").format(
                ext=KEY_EXTENSION
            ),
        )
        if name:
            self.load_file(Path(name))

    def _parse(self) -> None:
        text = self.text.toPlainText()
        self._parsed = None
        self.matches.setChecked(False)
        if text.strip():
            try:
                self._parsed = keys.parse_recipient(text)[0]
            except InvalidValue as exc:
                self.fingerprint.setText("—")
                self._show_error(message(exc))
                self._update()
                return
        self.error.setVisible(False)
        self.fingerprint.setText(
            keys.recipient_fingerprint(self._parsed) if self._parsed is not None else "—"
        )
        self._update()

    def _update(self) -> None:
        self.matches.setEnabled(self._parsed is not None)
        self.ok.setEnabled(
            self._parsed is not None and self.matches.isChecked() and bool(self.password.text())
        )

    def submit(self) -> None:
        """Check the admin password, then store the key (in the worker)."""
        if not self.ok.isEnabled():
            return
        vault = self.session.vault
        text = self.text.toPlainText()
        password = self.password.secret()

        def job(_progress: ProgressFn) -> RecipientInfo:
            try:
                verify_admin_password(vault, password)
            finally:
                password.wipe()
            return keys.set_province_recipient(vault, text)

        self.error.setVisible(False)
        self.busy.setVisible(True)
        self.setEnabled(False)
        self.session.runner.start(job, on_success=self._saved, on_error=self._failed)

    def _saved(self, info: RecipientInfo) -> None:
        self.busy.setVisible(False)
        self.setEnabled(True)
        self.password.wipe()
        self.key_changed.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.setEnabled(True)
        if not is_expected(exc):
            self._on_unexpected(exc)
            return
        if isinstance(exc, WrongPassword):
            self.password.selectAll()
            self.password.setFocus()
        self._show_error(message(exc))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def force_close(self) -> None:
        """Close at once (the vault is locking)."""
        self.reject()

    def done(self, result: int) -> None:
        """Clear the password however the dialog closes."""
        self.password.wipe()
        super().done(result)
