"""The account editor's secrets tab: password with strength and generator, TOTP, backup codes, notes."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from brankas.core.domain.enums import RotationReason
from brankas.core.domain.totp import parse_totp
from brankas.core.errors import InvalidValue
from brankas.core.secret import Secret
from brankas.core.services.secrets import SecretField
from brankas.gui.errors import error_message
from brankas.gui.models.account_labels import rotation_reason_label
from brankas.gui.password_policy import password_score
from brankas.gui.resources import Resources
from brankas.gui.theme import Spacing
from brankas.gui.widgets.password_edit import PasswordEdit
from brankas.gui.widgets.password_generator import PasswordGeneratorDialog
from brankas.gui.widgets.strength_meter import StrengthMeter

from .account_editor_tabs import block, enum_combo, error_label, hint_label

NotesLoader = Callable[[Callable[[Secret | None], None]], None]


class SecretsTab(QWidget):
    """Secrets on record are never loaded into the form: an empty field keeps them. Notes
    can be fetched (an audited reveal) to edit them."""

    def __init__(
        self,
        resources: Resources,
        editing: bool,
        notes_loader: NotesLoader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._resources = resources
        self._notes_loader = notes_loader
        self.notes_loaded = True
        self.user_inputs: list[str] = []
        form = QFormLayout(self)
        form.setSpacing(Spacing.S)
        self.form = form
        self.errors: dict[str, QLabel] = {}
        pw_row = QHBoxLayout()
        self.password = PasswordEdit(resources)
        self.password.setObjectName("accountPassword")
        self.generate = QPushButton(resources.themed_icon("dice"), self.tr("Generate…"))
        self.generate.setObjectName("openGenerator")
        pw_row.addWidget(self.password, 1)
        pw_row.addWidget(self.generate)
        self.password_note = hint_label("passwordNote")
        self.meter = StrengthMeter()
        self.meter.setVisible(False)  # until something is typed
        self.errors["password"] = error_label("password")
        self.errors["reason"] = self.errors["password"]
        form.addRow(
            self.tr("Password:"),
            block(pw_row, self.password_note, self.meter, self.errors["password"]),
        )
        reasons = (RotationReason.ROUTINE, RotationReason.HANDOVER, RotationReason.COMPROMISE)
        self.reason = enum_combo("rotationReason", ((rotation_reason_label(r), r) for r in reasons))
        form.addRow(self.tr("Why it changes:"), self.reason)
        form.setRowVisible(self.reason, editing)
        self.totp = PasswordEdit(resources)
        self.totp.setObjectName("totpSecret")
        self.totp.setPlaceholderText(self.tr("Paste the otpauth:// link or the key"))
        self.totp_info = hint_label("totpInfo")
        self.clear_totp = QCheckBox(self.tr("Remove the recorded authenticator key"))
        self.clear_totp.setObjectName("clearTotp")
        self.clear_totp.setVisible(False)
        self.errors["totp_secret"] = error_label("totp_secret")
        form.addRow(
            self.tr("Authenticator key:"),
            block(self.totp, self.totp_info, self.clear_totp, self.errors["totp_secret"]),
        )
        self.codes = QPlainTextEdit()
        self.codes.setObjectName("backupCodes")
        self.codes.setPlaceholderText(self.tr("One code per line; replaces the codes on record"))
        self.codes.setFixedHeight(72)
        self.errors["backup_codes"] = error_label("backup_codes")
        form.addRow(self.tr("Backup codes:"), block(self.codes, self.errors["backup_codes"]))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("secretNotes")
        self.notes.setFixedHeight(72)
        self.load_notes = QPushButton(self.tr("Show the notes on record"))
        self.load_notes.setObjectName("loadNotes")
        self.load_notes.setVisible(False)
        load_row = QHBoxLayout()
        load_row.addWidget(self.load_notes)
        load_row.addStretch(1)
        form.addRow(self.tr("Secret notes:"), block(self.notes, load_row))
        self.password.textChanged.connect(self._password_changed)
        self.generate.clicked.connect(self.open_generator)
        self.totp.textChanged.connect(self.check_totp)
        self.load_notes.clicked.connect(self._load_notes)

    def show_presence(self, presence: Mapping[SecretField, bool], editing: bool) -> None:
        """Say which secrets are on record (their values stay in the vault)."""
        if presence.get(SecretField.PASSWORD):
            self.password_note.setText(
                self.tr("A password is on record; leave this empty to keep it.")
            )
        elif editing:
            self.password_note.setText(self.tr("No password is on record yet."))
        has_totp = bool(presence.get(SecretField.TOTP_SECRET))
        self.clear_totp.setVisible(has_totp)
        if has_totp:
            self.totp.setPlaceholderText(
                self.tr("A key is on record; paste a new one to replace it")
            )
        if presence.get(SecretField.BACKUP_CODES):
            self.codes.setPlaceholderText(
                self.tr("Codes are on record; paste new ones to replace them")
            )
        has_notes = bool(presence.get(SecretField.NOTES))
        self.load_notes.setVisible(has_notes and self._notes_loader is not None)
        self.notes.setEnabled(not has_notes)
        self.notes_loaded = not has_notes

    def show_error(self, field: str, text: str) -> None:
        """An error under a field ('' hides it)."""
        label = self.errors[field]
        label.setText(text)
        label.setVisible(bool(text))

    def _password_changed(self, text: str) -> None:
        self.meter.set_score(password_score(text, self.user_inputs) if text else None)
        self.meter.setVisible(bool(text))
        self.show_error("password", "")

    def check_totp(self) -> bool:
        """Read the pasted key or link; say what it is, or what is wrong."""
        text = self.totp.text().strip()
        self.totp_info.clear()
        if not text:
            self.show_error("totp_secret", "")
            return True
        try:
            config = parse_totp(Secret(text))
        except InvalidValue as exc:
            self.show_error("totp_secret", error_message(exc))
            return False
        self.show_error("totp_secret", "")
        who = " · ".join(p for p in (config.issuer, config.account) if p)
        info = self.tr("{digits} digits every {period} seconds").format(
            digits=config.digits, period=config.period
        )
        self.totp_info.setText(f"{who} — {info}" if who else info)
        return True

    def open_generator(self) -> PasswordGeneratorDialog:
        """Open the generator; "Use this password" fills the password field."""
        dialog = PasswordGeneratorDialog(self._resources, self)
        dialog.accepted.connect(lambda: self._use_generated(dialog))
        dialog.open()
        return dialog

    def _use_generated(self, dialog: PasswordGeneratorDialog) -> None:
        self.password.setText(dialog.value())
        dialog.generator.wipe()

    def _load_notes(self) -> None:
        if self._notes_loader is None:
            return
        self.load_notes.setEnabled(False)
        self._notes_loader(self._notes_arrived)

    def _notes_arrived(self, value: Secret | None) -> None:
        self.notes.setPlainText(value.reveal() if value is not None else "")
        self.notes.setEnabled(True)
        self.load_notes.setVisible(False)
        self.notes_loaded = True

    def wipe(self) -> None:
        """Forget every typed secret (on close and on lock)."""
        self.password.wipe()
        self.totp.wipe()
        self.codes.clear()
        self.notes.clear()
