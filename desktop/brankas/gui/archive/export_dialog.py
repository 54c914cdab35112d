"""Export dialog (regency): terms, contents, recipients, folder → progress → file, SHA-256, signer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brankas.core.archive import keys
from brankas.core.archive.export import ExportResult, export_archive
from brankas.core.archive.format import valid_office_code
from brankas.core.archive.keys import RecipientInfo
from brankas.core.archive.minisign import PublicKey
from brankas.core.domain.models import Office, Term
from brankas.core.errors import ExportRefused
from brankas.core.storage.repos.office import own_office
from brankas.core.storage.repos.term import list_terms
from brankas.documents.cover_sheet import cover_sheet_data
from brankas.gui.archive.cover_sheet_button import CoverSheetButton
from brankas.gui.archive.export_terms_model import Column, ExportTermModel
from brankas.gui.archive.sentences import code_sentences, message
from brankas.gui.errors import is_expected
from brankas.gui.i18n import current_language
from brankas.gui.session import Session
from brankas.gui.widgets.password_edit import CapsLockHint, PasswordEdit
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY
from brankas.gui.workers import ProgressFn

MIN_PASSPHRASE = 12  # the fallback opens everything: no short ones (the CLI agrees)


@dataclass(frozen=True, slots=True)
class ExportSetup:
    """What the form shows, read in the worker."""

    terms: list[Term]
    office: Office
    province: RecipientInfo | None
    own_recipient: str
    signer: PublicKey


def read_setup(session: Session) -> ExportSetup:
    """Terms, office code, the province's key and this vault's keys (worker thread)."""
    conn = session.vault.conn
    return ExportSetup(
        terms=list_terms(conn),
        office=own_office(conn),
        province=keys.province_recipient(conn),
        own_recipient=keys.own_recipient(conn).recipient,
        signer=keys.signing_public_key(conn),
    )


def _selectable(text: str = "", *, mono: bool = False) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setReadOnly(True)
    if mono:
        edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return edit


class ExportDialog(QDialog):
    """Export the chosen terms for the province, in the session's worker."""

    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        session: Session,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportArchiveDialog")
        self.setProperty(SECRET_PROPERTY, True)  # a passphrase may be typed here
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Export archive for the province"))
        self.setMinimumWidth(760)
        self.session = session
        self._on_unexpected = on_unexpected
        self._setup: ExportSetup | None = None
        self._blocked = False
        self.result_: ExportResult | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_progress())
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.session.runner.start(
            lambda _p: read_setup(session), on_success=self._loaded, on_error=self._failed
        )

    # --- building -----------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "The archive holds the chosen terms' records for the province's review. It is "
                "signed with this office's key and encrypted, so only the recipients below can "
                "open it."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "subtitle")
        box.addWidget(intro)
        self.refusal = QLabel()
        self.refusal.setObjectName("exportRefusal")
        self.refusal.setProperty("role", "warning")
        self.refusal.setWordWrap(True)
        self.refusal.setVisible(False)
        box.addWidget(self.refusal)
        self.terms_model = ExportTermModel(self)
        self.terms_view = QTableView()
        self.terms_view.setObjectName("exportTerms")
        self.terms_view.setModel(self.terms_model)
        self.terms_view.verticalHeader().setVisible(False)
        self.terms_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.terms_view.horizontalHeader().setSectionResizeMode(
            Column.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.terms_view.setMaximumHeight(150)
        box.addWidget(QLabel(self.tr("Terms to export:")))
        box.addWidget(self.terms_view)

        contents = QGroupBox(self.tr("Contents"))
        cbox = QVBoxLayout(contents)
        self.with_secrets = QRadioButton(
            self.tr("Include passwords, TOTP secrets and backup codes (recommended)")
        )
        self.with_secrets.setObjectName("exportWithSecrets")
        self.with_secrets.setChecked(True)
        self.metadata_only = QRadioButton(self.tr("Metadata only"))
        self.metadata_only.setObjectName("exportMetadataOnly")
        meta_hint = QLabel(
            self.tr(
                "Metadata only leaves every password, TOTP secret and backup code out of the "
                "archive. The province can review everything else, but cannot confirm that "
                "passwords are on record, and the archive says that it is metadata only."
            )
        )
        meta_hint.setWordWrap(True)
        meta_hint.setProperty("role", "hint")
        for w in (self.with_secrets, self.metadata_only, meta_hint):
            cbox.addWidget(w)
        box.addWidget(contents)

        recipients = QGroupBox(self.tr("Who can open it"))
        form = QFormLayout(recipients)
        self.province_label = QLabel()
        self.province_label.setObjectName("exportProvince")
        self.province_label.setWordWrap(True)
        self.province_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Province:"), self.province_label)
        self.also_self = QCheckBox(self.tr("This office too (to check the archive later)"))
        self.also_self.setObjectName("exportAlsoSelf")
        form.addRow("", self.also_self)
        self.use_passphrase = QCheckBox(self.tr("Also a passphrase, as a fallback"))
        self.use_passphrase.setObjectName("exportUsePassphrase")
        form.addRow("", self.use_passphrase)
        resources = self.session.ctx.resources
        self.passphrase = PasswordEdit(resources)
        self.passphrase.setObjectName("exportPassphrase")
        self.passphrase_again = PasswordEdit(resources)
        self.passphrase_again.setObjectName("exportPassphraseAgain")
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Repeat:"), self.passphrase_again)
        self.caps = CapsLockHint(self.passphrase, self.passphrase_again)
        form.addRow("", self.caps)
        self.passphrase_hint = QLabel(
            self.tr(
                "At least {n} characters. Anyone who has it can open the whole archive: give it "
                "to the province separately from the file (for example by telephone)."
            ).format(n=MIN_PASSPHRASE)
        )
        self.passphrase_hint.setObjectName("exportPassphraseHint")
        self.passphrase_hint.setWordWrap(True)
        self.passphrase_hint.setProperty("role", "hint")
        form.addRow("", self.passphrase_hint)
        self._recipients_form = form
        box.addWidget(recipients)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Save in folder:")))
        self.folder = QLineEdit(self._default_folder())
        self.folder.setObjectName("exportFolder")
        row.addWidget(self.folder, 1)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        row.addWidget(choose)
        box.addLayout(row)

        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        box.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.setProperty("role", "primary")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.start_export)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

        self.terms_model.selection_changed.connect(self._update)
        self.use_passphrase.toggled.connect(self._update)
        self.passphrase.textChanged.connect(self._update)
        self.passphrase_again.textChanged.connect(self._update)
        self.folder.textChanged.connect(self._update)
        self._update()
        return page

    def _build_progress(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.progress_label = QLabel(
            self.tr("Checking the vault, then writing, signing and encrypting the archive…")
        )
        self.progress_label.setWordWrap(True)
        box.addWidget(self.progress_label)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)
        box.addWidget(self.progress)
        box.addStretch(1)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        done = QLabel(self.tr("The archive is ready."))
        done.setProperty("role", "heading")
        box.addWidget(done)
        form = QFormLayout()
        self.result_path = _selectable()
        self.result_path.setObjectName("exportResultPath")
        self.result_sha = _selectable(mono=True)
        self.result_sha.setObjectName("exportResultSha")
        self.result_signer = _selectable(mono=True)
        self.result_signer.setObjectName("exportResultSigner")
        self.result_contents = QLabel()
        self.result_contents.setWordWrap(True)
        form.addRow(self.tr("File:"), self.result_path)
        form.addRow(self.tr("SHA-256:"), self.result_sha)
        form.addRow(self.tr("Signer fingerprint:"), self.result_signer)
        form.addRow(self.tr("Contents:"), self.result_contents)
        box.addLayout(form)
        hint = QLabel(
            self.tr(
                "Send the file to the province with its cover sheet, printed, signed and "
                "stamped: it states the SHA-256 and this office's signing-key fingerprint, "
                "which the province compares before importing."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        box.addWidget(hint)
        self.cover_status = QLabel()
        self.cover_status.setObjectName("exportCoverStatus")
        self.cover_status.setWordWrap(True)
        self.cover_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.cover_status)
        box.addStretch(1)
        buttons = QDialogButtonBox()
        self.cover_sheet = CoverSheetButton()
        self.cover_sheet.status.connect(self.cover_status.setText)
        buttons.addButton(self.cover_sheet, QDialogButtonBox.ButtonRole.ActionRole)
        show = buttons.addButton(self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        show.clicked.connect(self._open_folder)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setObjectName("exportClose")
        buttons.rejected.connect(self.accept)
        box.addWidget(buttons)
        return page

    # --- state --------------------------------------------------------------------------
    @staticmethod
    def _default_folder() -> str:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return docs or str(Path.home())

    def _loaded(self, setup: ExportSetup) -> None:
        self._setup = setup
        self.terms_model.set_terms(setup.terms, current_language())
        self.terms_view.resizeColumnsToContents()
        self.terms_view.setCurrentIndex(self.terms_model.index(-1, -1))  # no cell highlighted
        self.terms_view.horizontalHeader().setSectionResizeMode(
            Column.NAME, QHeaderView.ResizeMode.Stretch
        )
        if setup.province is None:
            self.province_label.setText(self.tr("No province key yet."))
        else:
            name = setup.province.label or self.tr("the province")
            self.province_label.setText(
                self.tr("{name} — fingerprint {fp}").format(
                    name=name, fp=setup.province.fingerprint
                )
            )
        problems = []
        if setup.province is None:
            problems.append(code_sentences()["no_province_key"])
        if not valid_office_code(setup.office.code):
            problems.append(code_sentences()["office_code_missing"])
        if not setup.terms:
            problems.append(code_sentences()["no_terms"])
        self.refusal.setText(" ".join(problems))
        self.refusal.setVisible(bool(problems))
        self._update()

    def can_export(self) -> bool:
        """Whether the form is complete (the core still checks everything)."""
        s = self._setup
        if s is None or self._blocked or s.province is None or not valid_office_code(s.office.code):
            return False
        if not self.terms_model.chosen_ids() or not self.folder.text().strip():
            return False
        return not self.use_passphrase.isChecked() or self._passphrase_problem() is None

    def _passphrase_problem(self) -> str | None:
        text = self.passphrase.text()
        if len(text) < MIN_PASSPHRASE:
            return self.tr("The passphrase needs at least {n} characters.").format(n=MIN_PASSPHRASE)
        if text != self.passphrase_again.text():
            return self.tr("The two passphrases differ.")
        return None

    def _update(self) -> None:
        on = self.use_passphrase.isChecked()
        for w in (self.passphrase, self.passphrase_again, self.caps, self.passphrase_hint):
            w.setEnabled(on)
            self._recipients_form.setRowVisible(w, on)
        self.export_button.setEnabled(self.can_export())

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the archive"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def _open_folder(self) -> None:
        if self.result_ is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_.path.parent)))

    # --- export -------------------------------------------------------------------------
    def start_export(self) -> None:
        """Export in the worker; the progress page shows the steps."""
        setup = self._setup
        if setup is None or not self.can_export():
            return
        vault = self.session.vault
        term_ids = self.terms_model.chosen_ids()
        include = self.with_secrets.isChecked()
        extra = [setup.own_recipient] if self.also_self.isChecked() else []
        passphrase = self.passphrase.secret() if self.use_passphrase.isChecked() else None
        out_dir = Path(self.folder.text().strip())

        def job(progress: ProgressFn) -> ExportResult:
            try:
                return export_archive(
                    vault,
                    term_ids=term_ids,
                    include_secrets=include,
                    extra_recipients=extra,
                    passphrase=passphrase,
                    out_dir=out_dir,
                    progress=lambda done, total: progress(done, total, "export"),
                )
            finally:
                if passphrase is not None:
                    passphrase.wipe()

        self.error.setVisible(False)
        self.progress.setRange(0, 0)
        self.stack.setCurrentIndex(1)
        self.session.runner.start(
            job, on_success=self._done, on_error=self._failed, on_progress=self._progressed
        )

    def _progressed(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, result: ExportResult) -> None:
        self.result_ = result
        self.passphrase.wipe()
        self.passphrase_again.wipe()
        m = result.manifest
        self.result_path.setText(str(result.path))
        self.result_sha.setText(result.sha256)
        self.result_signer.setText(f"{m.signer.fingerprint}  (ID {m.signer.key_id_text})")
        for edit in (self.result_path, self.result_sha, self.result_signer):
            edit.setCursorPosition(0)  # show the start of long values
        parts = [
            self.tr("with passwords, TOTP secrets and backup codes")
            if m.secrets_included
            else self.tr("metadata only (no passwords)")
        ]
        if m.to_self:
            parts.append(self.tr("this office can open it too"))
        if m.to_passphrase:
            parts.append(self.tr("a passphrase opens it too"))
        self.result_contents.setText("; ".join(parts))
        if self._setup is not None:
            self.cover_sheet.set_sheet(cover_sheet_data(result, self._setup.office), result.path)
        self.stack.setCurrentIndex(2)
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.stack.setCurrentIndex(0)
        if not is_expected(exc):
            self._on_unexpected(exc)
            return
        if isinstance(exc, ExportRefused) and exc.code in ("integrity_failed", "audit_broken"):
            self._blocked = True  # the vault must be repaired first: no point trying again
            self.refusal.setText(message(exc))
            self.refusal.setVisible(True)
            self._update()
            return
        self.error.setText(message(exc))
        self.error.setVisible(True)

    def force_close(self) -> None:
        """Close at once (the vault is locking): typed passphrases are cleared."""
        self.passphrase.wipe()
        self.passphrase_again.wipe()
        self.reject()

    def done(self, result: int) -> None:
        """Clear the passphrase fields however the dialog closes."""
        self.passphrase.wipe()
        self.passphrase_again.wipe()
        super().done(result)
