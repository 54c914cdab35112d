"""Wizard pages from creation on: create (in a worker), show the kit, confirm the kit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWizard, QWizardPage

from brankas.core.errors import BrankasError
from brankas.core.secret import Secret
from brankas.core.services import office
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault
from brankas.gui.context import AppContext
from brankas.gui.errors import error_message, is_expected
from brankas.gui.i18n import current_language
from brankas.gui.recovery_sheet import RecoverySheetData
from brankas.gui.widgets.recovery_kit import KitConfirm, RecoveryKitView
from brankas.gui.wizard import flow
from brankas.gui.wizard.state import WizardState
from brankas.gui.workers import JobRunner, ProgressFn

log = logging.getLogger(__name__)


def _save_profile(vault: Vault, code: str, city: str) -> None:
    """Store the optional office code and city; a failure must not lose the new vault
    (its kit is about to be shown), so it is logged and left for Settings."""
    if not code and not city:
        return
    try:
        office.update_office(ServiceContext(vault), code=code, city=city)
    except BrankasError as exc:
        log.warning("office code and city not saved after creation: %s", type(exc).__name__)


class CreatePage(QWizardPage):
    """Measures this PC for the KDF and creates the vault, off the UI thread."""

    def __init__(
        self,
        state: WizardState,
        ctx: AppContext,
        runner: JobRunner,
        take_password: Callable[[], Secret],
        on_unexpected: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._state = state
        self._ctx = ctx
        self._runner = runner
        self._take_password = take_password
        self._on_unexpected = on_unexpected
        self._running = False
        self.setTitle(self.tr("Creating the vault"))
        self.setSubTitle(
            self.tr("Brankas measures this PC to choose how strongly passwords are protected.")
        )
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("createStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("createProgress")
        self.error = QLabel()
        self.error.setObjectName("createError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.setObjectName("createRetry")
        self.retry.setVisible(False)
        self.retry.clicked.connect(self._start)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.retry)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Start creating as soon as the page shows."""
        self._start()

    def isComplete(self) -> bool:
        """Done when the vault exists."""
        return self._state.vault is not None

    def nextId(self) -> int:
        """Decided by :func:`flow.next_page`."""
        nxt = flow.next_page(flow.Page.CREATE, self._state.choice)
        return -1 if nxt is None else int(nxt)

    def _set_back_enabled(self, enabled: bool) -> None:
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(enabled)

    def _start(self) -> None:
        if self._running or self._state.vault is not None:
            return
        state = self._state
        assert state.folder is not None
        self._running = True
        self.error.setVisible(False)
        self.retry.setVisible(False)
        self._set_back_enabled(False)
        self.status.setText(
            self.tr("Measuring this PC to choose the password protection strength…")
        )
        self.progress.setRange(0, 0)
        password = self._take_password()
        ctx = self._ctx
        folder, office_name, admin = state.folder, state.office_name, state.admin_name
        office_code, city = state.office_code, state.city
        kind = flow.office_kind(state.choice)

        def job(progress: ProgressFn) -> tuple[Vault, str]:
            try:
                params = ctx.choose_kdf(ctx.policy, lambda i, n: progress(i, n, "calibrate"))
                progress(0, 0, "create")
                created = Vault.create(
                    folder,
                    office_kind=kind,
                    office_name=office_name,
                    admin_name=admin,
                    admin_password=password,
                    kdf=params,
                    policy=ctx.policy,
                    keystore=ctx.keystore,
                )
            finally:
                password.wipe()
            _save_profile(created[0], office_code, city)
            return created

        self._runner.start(
            job,
            on_success=self._created,
            on_error=self._failed,
            on_progress=self._progressed,
        )

    def _progressed(self, done: int, total: int, stage: str) -> None:
        if stage == "create":
            self.status.setText(self.tr("Creating the vault and its first backup…"))
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _created(self, result: Any) -> None:
        vault, kit = result
        state = self._state
        state.vault = vault
        state.recovery_key = kit
        state.vault_id = vault.vault_id
        state.created = date.today()
        self._running = False
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("The vault was created."))
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._set_back_enabled(True)
        self.status.setText(self.tr("The vault was not created."))
        if is_expected(exc):
            self.error.setText(error_message(exc))
            self.error.setVisible(True)
        else:
            self._on_unexpected(exc)
        self.retry.setVisible(True)


class KitPage(QWizardPage):
    """The recovery kit, shown once; print it or save it as PDF."""

    def __init__(self, state: WizardState, ctx: AppContext) -> None:
        super().__init__()
        self._state = state
        self._ctx = ctx
        self.view: RecoveryKitView | None = None
        self.setTitle(self.tr("Recovery kit"))
        self.setSubTitle(self.tr("Print the kit now, or write the 48 digits down on paper."))
        self._layout = QVBoxLayout(self)

    def initializePage(self) -> None:
        """Build the kit view for the new vault (once)."""
        if self.view is not None:
            return
        state = self._state
        data = RecoverySheetData(
            vault_id=state.vault_id,
            office_name=state.office_name,
            created=state.created or date.today(),
            recovery_key=state.recovery_key,
            language=current_language(),
        )
        self.view = RecoveryKitView(self._ctx.resources, data)
        self._layout.addWidget(self.view)

    def nextId(self) -> int:
        """Decided by :func:`flow.next_page`."""
        nxt = flow.next_page(flow.Page.KIT, self._state.choice)
        return -1 if nxt is None else int(nxt)


class ConfirmKitPage(QWizardPage):
    """Type one group of the kit back; the wizard chose which one."""

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self._state = state
        self.confirm: KitConfirm | None = None
        self.setTitle(self.tr("Confirm the recovery kit"))
        self.setSubTitle(self.tr("This makes sure the kit was printed or written down."))
        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)

    def initializePage(self) -> None:
        """Ask for the chosen group (once)."""
        if self.confirm is not None:
            return
        self.confirm = KitConfirm(self._state.recovery_key, self._state.kit_group)
        self.confirm.confirmed_changed.connect(lambda _ok: self.completeChanged.emit())
        self._layout.insertWidget(0, self.confirm)

    def isComplete(self) -> bool:
        """Done when the group matches."""
        return self.confirm is not None and self.confirm.confirmed

    def nextId(self) -> int:
        """The last page."""
        return -1
