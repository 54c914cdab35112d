"""Wizard page that builds (or reopens) the Kabupaten Buol demo vault, off the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWizard, QWizardPage

from brankas.core.crypto.kdf import KdfParams, new_salt
from brankas.core.errors import UnknownOperator, WrongPassword
from brankas.core.secret import Secret
from brankas.core.services.demo import ADMIN_NAME, build_demo_vault
from brankas.core.vault.opening import looks_like_vault
from brankas.core.vault.vault import Vault
from brankas.gui.context import AppContext
from brankas.gui.errors import error_message, is_expected
from brankas.gui.wizard.state import WizardState
from brankas.gui.workers import JobRunner, ProgressFn

log = logging.getLogger(__name__)

# The demo's data and this password are plainly fictional; the page shows it so that the
# demo vault can be unlocked again later.
DEMO_PASSWORD = "contoh-brankas-buol"  # noqa: S105


def demo_folder(data_dir: Path) -> Path:
    """Where the demo vault lives: ``<data>/demo``, or the first free ``demo-N`` when that
    folder holds something else."""
    for n in range(1, 100):
        folder = data_dir / ("demo" if n == 1 else f"demo-{n}")
        if looks_like_vault(folder) or not folder.exists() or not any(folder.iterdir()):
            return folder
    return data_dir / "demo-new"


def open_or_build_demo(ctx: AppContext) -> tuple[Vault, bool]:
    """Unlock the demo vault made earlier, or build a new one (production KDF at its floor).

    Returns:
        The open vault, and whether it was just built.
    """
    folder = demo_folder(ctx.paths.data_dir)
    if looks_like_vault(folder):
        try:
            vault = Vault.unlock(
                folder, ADMIN_NAME, Secret(DEMO_PASSWORD), policy=ctx.policy, keystore=ctx.keystore
            )
            return vault, False
        except (WrongPassword, UnknownOperator):
            # Someone changed the demo's password: leave that vault alone, make another.
            n = 2
            while looks_like_vault(ctx.paths.data_dir / f"demo-{n}"):
                n += 1
            folder = ctx.paths.data_dir / f"demo-{n}"
    floor = KdfParams(
        memory_kib=ctx.policy.min_memory_kib,
        time_cost=ctx.policy.min_time_cost,
        parallelism=1,
        salt=new_salt(),
    )
    vault, _kit = build_demo_vault(
        folder, password=DEMO_PASSWORD, policy=ctx.policy, kdf=floor, keystore=ctx.keystore
    )
    return vault, True


class DemoPage(QWizardPage):
    """Builds the demo vault as soon as it shows; Finish opens it."""

    def __init__(
        self,
        state: WizardState,
        ctx: AppContext,
        runner: JobRunner,
        on_unexpected: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._state = state
        self._ctx = ctx
        self._runner = runner
        self._on_unexpected = on_unexpected
        self._running = False
        self.setTitle(self.tr("Demo vault"))
        self.setSubTitle(
            self.tr(
                "A vault filled with the plainly fictional accounts, people and handovers of "
                "the eleven kecamatan of Kabupaten Buol, to try Brankas safely."
            )
        )
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open the demo vault"))
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("demoStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        self.progress.setRange(0, 0)
        self.credentials = QLabel()
        self.credentials.setObjectName("demoCredentials")
        self.credentials.setProperty("role", "ok")
        self.credentials.setWordWrap(True)
        self.credentials.setVisible(False)
        self.error = QLabel()
        self.error.setObjectName("demoError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.setObjectName("demoRetry")
        self.retry.setVisible(False)
        self.retry.clicked.connect(self._start)
        for w in (self.status, self.progress, self.credentials, self.error, self.retry):
            layout.addWidget(w)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Start as soon as the page shows."""
        self._start()

    def isComplete(self) -> bool:
        """Done when the demo vault is open."""
        return self._state.vault is not None

    def nextId(self) -> int:
        """The last page of this branch."""
        return -1

    @property
    def running(self) -> bool:
        """Whether the vault is being built or opened."""
        return self._running

    def _start(self) -> None:
        if self._running or self._state.vault is not None:
            return
        self._running = True
        self.error.setVisible(False)
        self.retry.setVisible(False)
        self.progress.setVisible(True)
        self.status.setText(
            self.tr("Preparing the demo vault… This takes a few seconds the first time.")
        )
        ctx = self._ctx

        def job(_progress: ProgressFn) -> tuple[Vault, bool]:
            return open_or_build_demo(ctx)

        self._runner.start(job, on_success=self._ready, on_error=self._failed)

    def _ready(self, result: tuple[Vault, bool]) -> None:
        self._running = False
        vault, _built = result
        wizard = self.wizard()
        if wizard is None or not wizard.isVisible():
            vault.close(backup=False)  # the wizard was closed meanwhile
            return
        self._state.vault = vault
        self.progress.setVisible(False)
        self.status.setText(self.tr("The demo vault is ready."))
        self.credentials.setText(
            self.tr(
                "To open it again later, choose the folder {folder} and unlock as operator "
                "“{name}” with the password “{password}”. Everything in it is fictional."
            ).format(folder=vault.folder, name=ADMIN_NAME, password=DEMO_PASSWORD)
        )
        self.credentials.setVisible(True)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.progress.setVisible(False)
        self.status.clear()
        if not is_expected(exc):
            log.error("building the demo vault failed: %s", type(exc).__name__)
            self._on_unexpected(exc)
        self.error.setText(error_message(exc))
        self.error.setVisible(True)
        self.retry.setVisible(True)
