"""Province import questions: confirm a regency's key against its letter; re-pin a changed key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from brankas.core.archive.keys import Pin
from brankas.core.archive.minisign import PublicKey
from brankas.gui.resources import Resources
from brankas.gui.widgets.password_edit import CapsLockHint, PasswordEdit
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY

MAX_REASON = 200


def _fingerprint_label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setProperty("role", "heading")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _Base(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
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
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("ArchiveDialogs", "Cancel"))
        self.buttons.rejected.connect(self.reject)

    def finish(self, ok_text: str, on_ok: Callable[[], None] | None = None) -> None:
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("dialogOk")
        self.buttons.accepted.connect(on_ok or self.accept)
        self.body.addWidget(self.error)
        self.body.addWidget(self.busy)
        self.body.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        """Say why the last try failed; the dialog stays open."""
        self.busy.setVisible(False)
        self.setEnabled(True)
        self.error.setText(text)
        self.error.setVisible(True)

    def set_busy(self) -> None:
        """The worker is on it."""
        self.error.setVisible(False)
        self.busy.setVisible(True)
        self.setEnabled(False)

    def force_close(self) -> None:
        """Close at once (the vault is locking)."""
        self.reject()


class FingerprintDialog(_Base):
    """First archive from a regency: the reviewer compares its signing key's fingerprint
    with the regency's letter; accepting pins the key."""

    def __init__(
        self, office_name: str, office_code: str, signer: PublicKey, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprintDialog")
        self.setWindowTitle(self.tr("First archive from this regency"))
        self.fingerprint = signer.fingerprint
        intro = QLabel(
            self.tr(
                "This is the first archive from {office} ({code}). Before it is imported, "
                "compare its signing key's fingerprint, group by group, with the fingerprint in "
                "the regency's signed letter. Brankas then remembers the key and refuses "
                "archives signed by any other key."
            ).format(office=office_name, code=office_code)
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        form.addRow(
            self.tr("Fingerprint:"), _fingerprint_label(signer.fingerprint, "signerFingerprint")
        )
        form.addRow(self.tr("Key ID:"), QLabel(signer.key_id_text))
        self.matches = QCheckBox(self.tr("It is the same as in the regency's letter"))
        self.matches.setObjectName("fingerprintMatches")
        form.addRow("", self.matches)
        self.body.addLayout(form)
        self.finish(self.tr("Import"))
        self.ok.setEnabled(False)
        self.matches.toggled.connect(self.ok.setEnabled)


class RepinDialog(_Base):
    """A regency's archive signed by a new key: an admin accepts the new key, with a reason
    and their password (audited), before the archive is imported. ``confirmed`` asks the
    caller to do it; the caller closes the dialog when done, or calls :meth:`show_error`."""

    confirmed = Signal()

    def __init__(
        self,
        resources: Resources,
        office_name: str,
        old: Pin | None,
        new: PublicKey,
        *,
        is_admin: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("repinDialog")
        self.setProperty(SECRET_PROPERTY, True)  # the admin password is typed here
        self.setWindowTitle(self.tr("The regency's signing key has changed"))
        intro = QLabel(
            self.tr(
                "This archive from {office} is signed with a different key than the one on "
                "record. That happens when the regency made a new vault or lost its key, but it "
                "is also what a forged archive looks like. Accept the new key only if the "
                "regency's new signed letter states its fingerprint."
            ).format(office=office_name)
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        if old is not None:
            form.addRow(
                self.tr("Key on record:"), _fingerprint_label(old.fingerprint, "oldFingerprint")
            )
        form.addRow(self.tr("New key:"), _fingerprint_label(new.fingerprint, "newFingerprint"))
        self.matches = QCheckBox(self.tr("The new fingerprint is the one in the regency's letter"))
        self.matches.setObjectName("repinMatches")
        form.addRow("", self.matches)
        self.reason = QLineEdit()
        self.reason.setObjectName("repinReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(
            self.tr("e.g. new vault after the PC was replaced; letter no. …")
        )
        form.addRow(self.tr("Reason:"), self.reason)
        self.password = PasswordEdit(resources)
        self.password.setObjectName("repinPassword")
        form.addRow(self.tr("Your admin password:"), self.password)
        form.addRow("", CapsLockHint(self.password))
        self.body.addLayout(form)
        if not is_admin:
            only = QLabel(self.tr("Only an admin can accept a new key."))
            only.setProperty("role", "warning")
            self.body.addWidget(only)
        self.finish(self.tr("Accept the new key and import"), self._confirm)
        self._admin = is_admin
        for signal in (self.matches.toggled, self.reason.textChanged, self.password.textChanged):
            signal.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(
            self._admin
            and self.matches.isChecked()
            and bool(self.reason.text().strip())
            and bool(self.password.text())
        )

    def _confirm(self) -> None:
        if self.ok.isEnabled():
            self.confirmed.emit()

    def done(self, result: int) -> None:
        """Clear the password however the dialog closes."""
        self.password.wipe()
        super().done(result)
