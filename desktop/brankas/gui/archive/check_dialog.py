"""A regency vault given a review archive: check its signature and hashes (nothing decrypted)
and show what the signed manifest says, to compare with the cover sheet and the letter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from brankas.core.archive import keys
from brankas.core.archive.verify import SignatureCheck, verify_signature_only
from brankas.documents.fingerprint import hash_lines
from brankas.gui.archive.sentences import message
from brankas.gui.dialogs.messages import show_message
from brankas.gui.errors import is_expected
from brankas.gui.i18n import current_language, format_datetime
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn


@dataclass(frozen=True, slots=True)
class ArchiveCheck:
    """The check of one archive, and whether this vault's own key signed it."""

    path: Path
    check: SignatureCheck
    signed_here: bool


def check_archive(session: Session, path: Path) -> ArchiveCheck:
    """Verify ``path``'s signature and payload hashes (worker thread).

    Raises:
        ArchiveTooLarge, ArchiveMalformed, ArchiveUnsupported, ArchiveNotAuthentic,
        ArchiveTampered: as ``verify_signature_only``.
    """
    check = verify_signature_only(path)
    own = keys.signing_public_key(session.vault.conn)
    return ArchiveCheck(path, check, own.fingerprint == check.signer.fingerprint)


def _value(text: str, name: str, *, mono: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(not mono)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return label


class ArchiveCheckDialog(QDialog):
    """The archive verified: office, terms, export time, contents, signing key, SHA-256."""

    def __init__(self, result: ArchiveCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archiveCheckDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Review archive checked"))
        self.setMinimumWidth(560)
        m = result.check.manifest
        body = QVBoxLayout(self)
        verdict = QLabel(
            self.tr(
                "The signature and the hashes of “{name}” verify: nothing in it changed after "
                "it was signed. Nothing was decrypted."
            ).format(name=result.path.name)
        )
        verdict.setObjectName("archiveCheckVerdict")
        verdict.setWordWrap(True)
        verdict.setProperty("role", "ok")
        body.addWidget(verdict)
        form = QFormLayout()
        form.addRow(
            self.tr("Office:"), _value(f"{m.office_name} ({m.office_code})", "archiveCheckOffice")
        )
        form.addRow(
            self.tr("Terms:"), _value(", ".join(t.name for t in m.terms), "archiveCheckTerms")
        )
        form.addRow(
            self.tr("Exported:"),
            _value(format_datetime(m.exported_at, current_language()), "archiveCheckExported"),
        )
        form.addRow(
            self.tr("Contents:"),
            _value(
                self.tr("usernames and passwords")
                if m.secrets_included
                else self.tr("metadata only (no passwords)"),
                "archiveCheckContents",
            ),
        )
        fingerprint = _value(m.signer.fingerprint, "archiveCheckFingerprint")
        fingerprint.setProperty("role", "heading")
        form.addRow(self.tr("Signing key fingerprint:"), fingerprint)
        form.addRow(self.tr("Key ID:"), _value(m.signer.key_id_text, "archiveCheckKeyId"))
        form.addRow(
            self.tr("Signed by:"),
            _value(
                self.tr("this office's own signing key (an archive exported from this vault)")
                if result.signed_here
                else self.tr("another office's key, not this vault's"),
                "archiveCheckSignedBy",
            ),
        )
        form.addRow(
            self.tr("SHA-256:"),
            _value(
                "\n".join(hash_lines(result.check.archive_sha256)), "archiveCheckSha", mono=True
            ),
        )
        body.addLayout(form)
        hint = QLabel(
            self.tr(
                "A signature proves only that nothing changed after signing, not who signed. "
                "Compare the fingerprint with the one in the letter that came with the "
                "archive, and the SHA-256 with its cover sheet. The archive itself is opened "
                "in the province's vault."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        body.addWidget(hint)
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setObjectName("dialogClose")
        buttons.rejected.connect(self.reject)
        body.addWidget(buttons)


def start_check(
    session: Session,
    path: Path,
    parent: QWidget,
    on_unexpected: Callable[[BaseException], None],
    on_shown: Callable[[QDialog], None] | None = None,
) -> None:
    """Check ``path`` in the worker; show the result dialog, or the refusal as a sentence."""

    def job(_progress: ProgressFn) -> ArchiveCheck:
        return check_archive(session, path)

    def done(result: ArchiveCheck) -> None:
        dialog = ArchiveCheckDialog(result, parent)
        dialog.open()
        if on_shown is not None:
            on_shown(dialog)

    def failed(exc: BaseException) -> None:
        if not is_expected(exc):
            on_unexpected(exc)
            return
        box = show_message(
            parent,
            QCoreApplication.translate("ArchiveCheckDialog", "Review archive"),
            message(exc),
            icon=QMessageBox.Icon.Warning,
        )
        if on_shown is not None:
            on_shown(box)

    session.runner.start(job, on_success=done, on_error=failed)
