"""The unlock window: which vault, who, password (KDF in a worker), or the recovery kit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.errors import WrongPassword
from brankas.core.lock import VaultLock
from brankas.core.vault.vault import Vault
from brankas.gui.context import AppContext
from brankas.gui.errors import error_message, is_expected
from brankas.gui.theme import Spacing
from brankas.gui.widgets.password_edit import CapsLockHint, PasswordEdit
from brankas.gui.workers import JobRunner, ProgressFn

LockProvider = Callable[[Path], VaultLock | None]


class UnlockWindow(QWidget):
    """Emits :attr:`unlocked` with the open Vault; the controller takes it from there."""

    unlocked = Signal(object)
    recovery_requested = Signal(Path)
    setup_requested = Signal()
    language_chosen = Signal(str)
    closed_by_user = Signal()

    def __init__(
        self,
        ctx: AppContext,
        runner: JobRunner,
        lock_for: LockProvider,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockWindow")
        self._ctx = ctx
        self._runner = runner
        self._lock_for = lock_for
        self._on_unexpected = on_unexpected
        self._busy = False
        # Asking the OS keyring can take a moment: once per window, not per keystroke.
        self._keystore_ok = ctx.keystore.available()
        self.setWindowTitle(self.tr("Brankas — unlock"))
        self.setWindowIcon(ctx.resources.app_icon())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(Spacing.XL, Spacing.XL, Spacing.XL, Spacing.L)
        outer.setSpacing(Spacing.M)
        outer.addLayout(self._header())
        self.notice = QLabel()
        self.notice.setObjectName("unlockNotice")
        self.notice.setProperty("role", "warning")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        outer.addWidget(self.notice)
        outer.addLayout(self._form())
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        outer.addWidget(self.error)
        self.busy = QProgressBar()
        self.busy.setObjectName("unlockBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        outer.addWidget(self.busy)
        outer.addLayout(self._buttons())
        outer.addStretch(1)
        outer.addLayout(self._footer())
        self.setMinimumWidth(520)
        self._fill_vaults()
        self._vault_changed()

    # --- building -----------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(self._ctx.resources.app_icon().pixmap(48, 48))
        texts = QVBoxLayout()
        title = QLabel(self.tr("Unlock the vault"))
        title.setProperty("role", "title")
        subtitle = QLabel(self.tr("Type your operator name and password."))
        subtitle.setProperty("role", "subtitle")
        texts.addWidget(title)
        texts.addWidget(subtitle)
        row.addWidget(icon)
        row.addSpacing(Spacing.M)
        row.addLayout(texts, 1)
        return row

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setSpacing(Spacing.S)
        self.vault_box = QComboBox()
        self.vault_box.setObjectName("vaultBox")
        self.vault_box.setEditable(True)
        self.vault_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.vault_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.vault_box.setMinimumContentsLength(28)
        browse = QPushButton(self._ctx.resources.themed_icon("folder"), self.tr("Browse…"))
        browse.setObjectName("browseVault")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.vault_box, 1)
        row.addWidget(browse)
        self.operator = QLineEdit()
        self.operator.setObjectName("operatorName")
        self.password = PasswordEdit(self._ctx.resources)
        self.password.setObjectName("unlockPassword")
        self.caps = CapsLockHint(self.password)
        form.addRow(self.tr("Vault:"), row)
        form.addRow(self.tr("Operator name:"), self.operator)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.caps)
        self.vault_box.currentTextChanged.connect(self._vault_changed)
        self.operator.textChanged.connect(self._update_buttons)
        self.password.textChanged.connect(self._update_buttons)
        self.operator.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.unlock)
        return form

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.unlock_button = QPushButton(self._ctx.resources.themed_icon("lock"), self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setProperty("role", "primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.device_button = QPushButton(self.tr("Unlock with this PC’s key"))
        self.device_button.setObjectName("deviceUnlockButton")
        self.device_button.clicked.connect(self.unlock_with_device)
        row.addWidget(self.unlock_button)
        row.addWidget(self.device_button)
        row.addStretch(1)
        return row

    def _footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        recovery = QPushButton(self.tr("Use recovery kit…"))
        recovery.setObjectName("useRecoveryKit")
        recovery.setProperty("role", "link")
        recovery.setCursor(Qt.CursorShape.PointingHandCursor)
        recovery.clicked.connect(lambda: self._request(self.recovery_requested))
        setup = QPushButton(self.tr("Create or open another vault…"))
        setup.setObjectName("openSetup")
        setup.setProperty("role", "link")
        setup.setCursor(Qt.CursorShape.PointingHandCursor)
        setup.clicked.connect(self.setup_requested.emit)
        self.language = QComboBox()
        self.language.setObjectName("languageBox")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        index = self.language.findData(self._ctx.settings.language)
        self.language.setCurrentIndex(max(index, 0))
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )
        self._links = (recovery, setup)
        row.addWidget(recovery)
        row.addSpacing(Spacing.L)
        row.addWidget(setup)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Language:")))
        row.addWidget(self.language)
        return row

    # --- state --------------------------------------------------------------------------
    def _fill_vaults(self) -> None:
        seen: list[Path] = []
        for p in [*self._ctx.settings.recent_vaults(), self._ctx.default_vault]:
            resolved = p.expanduser()
            if resolved not in seen:
                seen.append(resolved)
        for p in seen:
            self.vault_box.addItem(str(p))
        self.vault_box.setCurrentIndex(0)

    def folder(self) -> Path | None:
        """The vault folder in the box."""
        text = self.vault_box.currentText().strip()
        return Path(text).expanduser() if text else None

    def set_folder(self, folder: Path) -> None:
        """Show ``folder`` as the vault to unlock."""
        text = str(folder)
        if self.vault_box.findText(text) < 0:
            self.vault_box.insertItem(0, text)
        self.vault_box.setCurrentText(text)

    def set_operator(self, name: str) -> None:
        """Prefill the operator name."""
        self.operator.setText(name)

    def show_notice(self, text: str) -> None:
        """A neutral note above the form (e.g. "locked after 5 minutes without activity")."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_error(self, text: str) -> None:
        """An error sentence under the form."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _vault_changed(self) -> None:
        folder = self.folder()
        if folder is not None:
            last = self._ctx.settings.last_operator(folder)
            if last:
                self.operator.setText(last)
        self.show_error("")
        self._update_buttons()
        (self.password if self.operator.text() else self.operator).setFocus()

    def _remembered(self) -> bool:
        folder = self.folder()
        name = self.operator.text().strip()
        if folder is None or not name or not self._keystore_ok:
            return False
        return name in self._ctx.settings.remembered_operators(folder)

    def _update_buttons(self) -> None:
        ready = self.folder() is not None and bool(self.operator.text().strip())
        self.unlock_button.setEnabled(not self._busy and ready and bool(self.password.text()))
        self.device_button.setVisible(self._remembered())
        self.device_button.setEnabled(not self._busy and ready)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        # Nothing that rebuilds or leaves this window while the unlock runs: its result
        # comes back here.
        for w in (self.vault_box, self.operator, self.password, self.language, *self._links):
            w.setEnabled(not busy)
        self._update_buttons()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the vault folder"), self.vault_box.currentText()
        )
        if chosen:
            self.set_folder(Path(chosen))

    def _request(self, signal: Any) -> None:
        folder = self.folder()
        if folder is not None:
            signal.emit(folder)

    # --- unlocking ----------------------------------------------------------------------
    def unlock(self) -> None:
        """Unlock with the typed password, off the UI thread."""
        folder = self.folder()
        name = self.operator.text().strip()
        if self._busy or folder is None or not name or not self.password.text():
            return
        password = self.password.secret()
        self.password.wipe()
        ctx, lock = self._ctx, self._lock_for(folder)

        def job(_progress: ProgressFn) -> Vault:
            try:
                return Vault.unlock(
                    folder, name, password, policy=ctx.policy, keystore=ctx.keystore, lock=lock
                )
            finally:
                password.wipe()

        self._run(job, folder, name)

    def unlock_with_device(self) -> None:
        """Unlock with the key this PC remembers for the operator."""
        folder = self.folder()
        name = self.operator.text().strip()
        if self._busy or folder is None or not name:
            return
        ctx, lock = self._ctx, self._lock_for(folder)

        def job(_progress: ProgressFn) -> Vault:
            return Vault.unlock_with_device(
                folder, name, ctx.keystore, policy=ctx.policy, lock=lock
            )

        self._run(job, folder, name)

    def _run(self, job: Callable[[ProgressFn], Vault], folder: Path, name: str) -> None:
        self.show_error("")
        self._set_busy(True)
        self._runner.start(
            job,
            on_success=lambda vault: self._succeeded(vault, folder, name),
            on_error=self._failed,
        )

    def _succeeded(self, vault: Vault, folder: Path, name: str) -> None:
        self._set_busy(False)
        settings = self._ctx.settings
        settings.add_recent_vault(folder)
        settings.set_last_operator(folder, name)
        self.unlocked.emit(vault)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the unlock window quits Brankas (the controller decides how)."""
        event.ignore()
        if not self._busy:
            self.closed_by_user.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not is_expected(exc):
            self._on_unexpected(exc)
            return
        self.show_error(error_message(exc))
        if isinstance(exc, WrongPassword):
            self.password.setFocus()
        else:
            self.operator.setFocus()
