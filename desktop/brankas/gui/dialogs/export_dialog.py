"""Export the account register (XLSX or CSV, by term and language); with secrets only after
the operator's password is typed again, under a plain warning that the file is not encrypted."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.models import Term
from brankas.core.errors import ExportNotConfirmed, WrongPassword
from brankas.core.importers.export import (
    ExportFormat,
    ExportResult,
    export_register,
    export_with_secrets,
)
from brankas.core.services import terms
from brankas.core.services.context import ServiceContext
from brankas.core.vault import operators
from brankas.gui.dialogs.messages import show_message
from brankas.gui.errors import error_message, is_expected
from brankas.gui.session import Session
from brankas.gui.widgets.forms import align_form_labels
from brankas.gui.widgets.password_edit import CapsLockHint, PasswordEdit
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY
from brankas.gui.workers import ProgressFn


class RegisterExportDialog(QDialog):
    """Term, language, format and file; optionally the secrets, behind the password."""

    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        session: Session,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registerExportDialog")
        self.setProperty(SECRET_PROPERTY, True)  # the password is typed here
        self.setWindowTitle(self.tr("Export the account register"))
        self.setMinimumWidth(560)
        self.session = session
        self._on_unexpected = on_unexpected
        self._closed = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The register lists every account with its kecamatan, platform, status, "
                "holder, dates and recovery details, for office reports and evaluation "
                "meetings. Passwords and other secrets are left out unless you include them "
                "below."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.term = QComboBox()
        self.term.setObjectName("exportTerm")
        self.term.addItem(self.tr("All terms"), None)
        form.addRow(self.tr("Term of office:"), self.term)
        self.language = QComboBox()
        self.language.setObjectName("exportLanguage")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Language of the file:"), self.language)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), ExportFormat.XLSX.value)
        self.format.addItem(self.tr("CSV file (.csv)"), ExportFormat.CSV.value)
        self.format.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Format:"), self.format)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        self.path.setText(str(Path.home() / f"daftar-akun-{date.today().isoformat()}.xlsx"))
        self.path.textChanged.connect(self._update)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save as:"), row)
        layout.addLayout(form)
        self.with_secrets = QCheckBox(
            self.tr("Include passwords, authenticator keys, backup codes and notes")
        )
        self.with_secrets.setObjectName("exportWithSecrets")
        self.with_secrets.toggled.connect(self._secrets_toggled)
        layout.addWidget(self.with_secrets)
        self.secrets_box = QFrame()
        self.secrets_box.setObjectName("exportSecretsBox")
        box = QVBoxLayout(self.secrets_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.warning = QLabel(
            self.tr(
                "Warning: the file will hold every password, authenticator key, backup code "
                "and note in plain text. It is NOT encrypted: anyone who gets a copy of the "
                "file can read them all and sign in to every account. The export is recorded "
                "in the audit log."
            )
        )
        self.warning.setObjectName("exportSecretsWarning")
        self.warning.setProperty("role", "warning")
        self.warning.setWordWrap(True)
        box.addWidget(self.warning)
        self.hint = QLabel(
            self.tr(
                "Safer: send the province the encrypted review archive (.brankas) instead. "
                "It holds the same data, and only the province's key opens it."
            )
        )
        self.hint.setObjectName("exportArchiveHint")
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        secret_form = QFormLayout()
        self.password = PasswordEdit(session.ctx.resources)
        self.password.setObjectName("exportPassword")
        self.password.textChanged.connect(self._update)
        secret_form.addRow(self.tr("Your password again:"), self.password)
        secret_form.addRow("", CapsLockHint(self.password))
        box.addLayout(secret_form)
        align_form_labels(form, secret_form)
        layout.addWidget(self.secrets_box)
        self.error = QLabel()
        self.error.setObjectName("exportError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("exportOk")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._secrets_toggled(False)
        self._load_terms()

    # --- form -------------------------------------------------------------------------------
    def _load_terms(self) -> None:
        vault = self.session.vault

        def job(_progress: ProgressFn) -> list[Term]:
            found = terms.list_terms(ServiceContext(vault))
            return sorted(found, key=lambda t: t.start_date, reverse=True)

        def show(found: list[Term]) -> None:
            if self._closed:
                return
            for t in found:
                self.term.addItem(t.name, t.id)

        self.session.runner.start(job, on_success=show, on_error=self._failed)

    def _format_changed(self) -> None:
        text = self.path.text().strip()
        if text:
            suffix = ".csv" if self.format.currentData() == ExportFormat.CSV.value else ".xlsx"
            self.path.setText(str(Path(text).with_suffix(suffix)))

    def _browse(self) -> None:
        csv_chosen = self.format.currentData() == ExportFormat.CSV.value
        filters = (
            self.tr("CSV files (*.csv)") if csv_chosen else self.tr("Excel workbooks (*.xlsx)")
        )
        chosen, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save the register as"), self.path.text(), filters
        )
        if chosen:
            self.path.setText(chosen)

    def _secrets_toggled(self, on: bool) -> None:
        self.secrets_box.setVisible(on)
        if not on:
            self.password.wipe()
        self.ok.setText(self.tr("Export with secrets") if on else self.tr("Export"))
        self.adjustSize()
        self._update()

    def _update(self) -> None:
        ready = bool(self.path.text().strip())
        if self.with_secrets.isChecked():
            ready = ready and bool(self.password.text())
        self.ok.setEnabled(ready and not self.busy.isVisible())

    # --- export -----------------------------------------------------------------------------
    def submit(self) -> None:
        """Write the file in the vault's worker."""
        text = self.path.text().strip()
        if not text:
            return
        path = Path(text)
        secrets = self.with_secrets.isChecked()
        if secrets and not self.password.text():
            self._show_error(self.tr("Type your password again to export the secrets."))
            return
        vault = self.session.vault
        term_id = self.term.currentData()
        language = str(self.language.currentData())
        fmt = str(self.format.currentData())
        password = self.password.secret() if secrets else None
        self.password.wipe()

        def job(_progress: ProgressFn) -> ExportResult:
            ctx = ServiceContext(vault)
            if password is None:
                return export_register(ctx, path, term_id=term_id, language=language, fmt=fmt)
            try:
                operators.verify_password(vault, password)
            except WrongPassword:
                with contextlib.suppress(ExportNotConfirmed):  # the refusal is audited too
                    export_with_secrets(ctx, path, confirmed=False, term_id=term_id, fmt=fmt)
                raise
            finally:
                password.wipe()
            return export_with_secrets(
                ctx, path, confirmed=True, term_id=term_id, language=language, fmt=fmt
            )

        self.error.setVisible(False)
        self.busy.setVisible(True)
        self.setEnabled(False)
        self.session.runner.start(job, on_success=self._done, on_error=self._failed)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self.busy.setVisible(False)
        self.setEnabled(True)
        self._update()
        if not is_expected(exc):
            self._on_unexpected(exc)
            return
        self._show_error(error_message(exc))
        if isinstance(exc, WrongPassword):
            self.password.setFocus()

    def _done(self, result: ExportResult) -> None:
        if self._closed:
            return
        self.busy.setVisible(False)
        self.setEnabled(True)
        self.exported.emit(result)
        parent = self.parentWidget()
        if result.with_secrets:
            text = self.tr(
                "{rows} accounts with their secrets were written to {file}. The file is not "
                "encrypted: keep it safe and delete it when it is no longer needed."
            )
        else:
            text = self.tr("{rows} accounts were written to {file}.")
        self.accept()
        show_message(
            parent,
            self.tr("Export the account register"),
            text.format(rows=result.rows, file=str(result.path)),
        )

    def done(self, result: int) -> None:
        """Closing: forget the typed password."""
        self._closed = True
        self.password.wipe()
        super().done(result)
