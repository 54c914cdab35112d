"""Settings box "Review archive": the signing key and the province key (regency), or the
province's own public key to send to its regencies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.archive import keys
from brankas.core.archive.keys import KEY_EXTENSION, RecipientInfo, key_file_name
from brankas.core.archive.minisign import PublicKey
from brankas.core.domain.enums import OfficeKind
from brankas.core.fsutil import atomic_write
from brankas.core.storage.repos.office import own_office
from brankas.gui.archive.province_key_dialog import ProvinceKeyDialog
from brankas.gui.dialogs.messages import show_error
from brankas.gui.errors import is_expected
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn


@dataclass(frozen=True, slots=True)
class KeysState:
    """What the box shows, read in the worker."""

    kind: OfficeKind
    signer: PublicKey
    own: RecipientInfo
    province: RecipientInfo | None
    province_file: str  # the public-key file text (province vaults only)
    office_code: str = ""


def read_keys(session: Session) -> KeysState:
    """The vault's archive keys (worker thread)."""
    vault = session.vault
    office = own_office(vault.conn)
    kind = office.kind
    return KeysState(
        kind=kind,
        signer=keys.signing_public_key(vault.conn),
        own=keys.own_recipient(vault.conn),
        province=keys.province_recipient(vault.conn),
        province_file=keys.recipient_file_text(vault) if kind is OfficeKind.PROVINCE else "",
        office_code=office.code or "",
    )


def _field(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setReadOnly(True)
    edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return edit


def save_text_file(
    parent: QWidget,
    title: str,
    suggested: str,
    text: str,
    path: Path | None,
    filters: str = "",
) -> Path | None:
    """Write a public-key file (asking where when ``path`` is None); errors as sentences."""
    if path is None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        if not name:
            return None
        path = Path(name)
    try:
        atomic_write(path, text.encode("utf-8"))
    except Exception as exc:  # DiskFull, VaultReadOnly, OSError: each has its sentence
        show_error(parent.window(), exc)
        return None
    return path


class ArchiveKeysBox(QGroupBox):
    """Regency: signing key id and fingerprint; the province key with "Change…" (admin).
    Province: its ``age1…`` key, fingerprint and "Save public key file…"."""

    changed = Signal()

    def __init__(
        self, on_unexpected: Callable[[BaseException], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Review archive"), parent)
        self.setObjectName("archiveKeysBox")
        self._on_unexpected = on_unexpected
        self.session: Session | None = None
        self.state: KeysState | None = None
        self._key_file: Path | None = None  # to open in the dialog once the keys are read
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.signer = _field("archiveSigner")
        self.signer_label = QLabel(self.tr("This office's signing key:"))
        form.addRow(self.signer_label, self.signer)
        self.province = _field("archiveProvinceKey")
        self.province_fp = _field("archiveProvinceFingerprint")
        self.province_label = QLabel(self.tr("Province key:"))
        self.province_fp_label = QLabel(self.tr("Its fingerprint:"))
        form.addRow(self.province_label, self.province)
        form.addRow(self.province_fp_label, self.province_fp)
        buttons = QHBoxLayout()
        self.change = QPushButton(self.tr("Change…"))
        self.change.setObjectName("archiveChangeProvinceKey")
        self.change.clicked.connect(self.open_change)
        self.save = QPushButton(self.tr("Save public key file…"))
        self.save.setObjectName("archiveSavePublicKey")
        self.save.clicked.connect(lambda: self.save_public_key())
        buttons.addWidget(self.change)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self._form = form
        # Outside the form: a wrapped label in a form row gets a blank line of extra height.
        self.hint = QLabel()
        self.hint.setObjectName("archiveKeysHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        outer.addWidget(self.hint)
        self.setVisible(False)

    def start_session(self, session: Session) -> None:
        """Read the keys."""
        self.session = session
        self.refresh()

    def end_session(self) -> None:
        """Forget them."""
        self.session = None
        self.state = None
        self._key_file = None
        for edit in (self.signer, self.province, self.province_fp):
            edit.clear()
        self.setVisible(False)

    def refresh(self) -> None:
        """Read the keys again (in the worker)."""
        session = self.session
        if session is None:
            return

        def job(_progress: ProgressFn) -> KeysState:
            return read_keys(session)

        session.runner.start(job, on_success=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        # A vault from before schema 2 has no keys: there is nothing to show.
        self.setVisible(False)
        if not is_expected(exc):
            self._on_unexpected(exc)

    def _loaded(self, state: KeysState) -> None:
        if self.session is None:
            return
        self.state = state
        self.setVisible(True)
        province = state.kind is OfficeKind.PROVINCE
        self.signer.setText(f"{state.signer.fingerprint}   (ID {state.signer.key_id_text})")
        self._form.setRowVisible(self.signer, not province)
        self.change.setVisible(not province)
        self.change.setEnabled(self.session.is_admin)
        if province:
            self.province_label.setText(self.tr("This province's public key:"))
            self.province.setText(state.own.recipient)
            self.province_fp.setText(state.own.fingerprint)
            self.save.setText(self.tr("Save public key file…"))
            self.hint.setText(
                self.tr(
                    "Send this file to the regencies with a signed letter that states the "
                    "fingerprint; they compare it before they import the key."
                )
            )
            return
        self.province_label.setText(self.tr("Province key:"))
        self.save.setText(self.tr("Save signing key file…"))
        if state.province is None:
            self.province.setText(self.tr("not imported yet"))
            self.province_fp.clear()
            self.change.setText(self.tr("Import…"))
        else:
            label = f"{state.province.label}: " if state.province.label else ""
            self.province.setText(label + state.province.recipient)
            self.province_fp.setText(state.province.fingerprint)
            self.change.setText(self.tr("Change…"))
        self.change.setToolTip(
            "" if self.session.is_admin else self.tr("Only an admin can do this.")
        )
        self.hint.setText(
            self.tr(
                "Archives for the province are signed with this office's key and encrypted to "
                "the province key. Put the signing key's fingerprint in the letter that goes "
                "with each archive."
            )
        )
        key_file, self._key_file = self._key_file, None
        if key_file is not None:
            self.open_change(key_file)

    def open_change(self, key_file: Path | None = None) -> ProvinceKeyDialog | None:
        """The dialog to import or change the province key (admins only), with ``key_file``
        read into it when given. Asked before the keys are read (just after unlocking), it
        opens as soon as they are."""
        session, state = self.session, self.state
        if session is None or not session.is_admin:
            return None
        if state is None:
            self._key_file = key_file
            return None
        dialog = ProvinceKeyDialog(session, state.province, self._on_unexpected, self.window())
        dialog.key_changed.connect(self._key_changed)
        if key_file is not None:
            dialog.load_file(key_file)
        dialog.open()
        return dialog

    def _key_changed(self, _info: RecipientInfo) -> None:
        self.refresh()
        self.changed.emit()

    def save_public_key(self, path: Path | None = None) -> Path | None:
        """Write this vault's public key file: the province's age recipient file, or the
        regency's minisign signing key."""
        state = self.state
        if state is None:
            return None
        if state.kind is OfficeKind.PROVINCE:
            return save_text_file(
                self,
                self.tr("Save the province's public key"),
                key_file_name(state.office_code),
                state.province_file,
                path,
                self.tr("Brankas province key (*{ext});;Text files (*.txt)").format(
                    ext=KEY_EXTENSION
                ),
            )
        return save_text_file(
            self,
            self.tr("Save this office's signing key"),
            "kunci-tanda-tangan.pub",
            state.signer.to_file_text(),
            path,
        )
