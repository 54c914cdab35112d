"""Credential slips: after an issue, each committee member's passwords on a confidential
sheet — printed only (never saved), after the operator's password is typed again; every
password read is a reveal in the audit log."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import HandoverKind
from brankas.core.domain.models import Handover
from brankas.core.secret import Secret
from brankas.core.services import secrets
from brankas.core.services.context import ServiceContext
from brankas.core.services.secrets import SecretField
from brankas.core.vault import operators
from brankas.documents.credential_slip import (
    CredentialSlipData,
    credential_slip_data,
    render_credential_slip,
)
from brankas.gui.errors import error_message, is_expected
from brankas.gui.handover.env import HandoverEnv
from brankas.gui.handover.wizard_base import error_label, note_label, set_note
from brankas.gui.theme import Spacing
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY


def slips_for(
    ctx: ServiceContext, password: Secret, handovers: Sequence[Handover]
) -> list[CredentialSlipData]:
    """Check the operator's password, then read (audited) the passwords of each handover's
    accounts and make one slip per receiving member (worker thread).

    Raises:
        WrongPassword: the password typed is not the operator's.
    """
    operators.verify_password(ctx.vault, password)
    out = []
    for h in handovers:
        revealed: dict[int, Secret] = {}
        for item in h.items:
            value = secrets.reveal(ctx, item.account_id, SecretField.PASSWORD, "credential slip")
            if value is not None:
                revealed[item.account_id] = value
        if revealed:
            out.append(credential_slip_data(ctx, h, revealed))
    return out


def forget(slips: Sequence[CredentialSlipData]) -> None:
    """Wipe the passwords a list of slips holds."""
    for slip in slips:
        for entry in slip.entries:
            entry.password.wipe()


class CredentialSlipDialog(QDialog):
    """Asks for the operator's password, then prints one slip per committee member."""

    def __init__(
        self, env: HandoverEnv, handovers: Sequence[Handover], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("credentialSlipDialog")
        self.setProperty(SECRET_PROPERTY, True)  # passwords pass through here: closed on lock
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Print credential slips"))
        self.env = env
        self.handovers = [h for h in handovers if h.kind is not HandoverKind.RETURN]
        self.slips: list[CredentialSlipData] = []
        layout = QVBoxLayout(self)
        layout.setSpacing(Spacing.M)
        intro = QLabel(
            self.tr(
                "Each member who received accounts gets a confidential slip with those "
                "accounts' passwords ({count} slips). Slips are printed, never saved as "
                "files; reading the passwords is recorded in the audit log. Hand each slip "
                "over in person, and never attach it to the BAST."
            ).format(count=len(self.handovers))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setObjectName("slipPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Your password:"), self.password)
        layout.addLayout(form)
        self.error = error_label("slipError")
        layout.addWidget(self.error)
        self.status = note_label("slipStatus")
        layout.addWidget(self.status)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            self.tr("Print slips…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setObjectName("printSlips")
        self.print_button.setProperty("role", "primary")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def start(self) -> None:
        """Check the password and read the passwords (worker), then the print dialog."""
        self.error.setVisible(False)
        if not self.env.hooks.has_printer():
            self.error.setText(
                self.tr(
                    "No printer is set up on this PC. Credential slips are only printed, "
                    "never saved as files: print them on a PC with a printer."
                )
            )
            self.error.setVisible(True)
            return
        password = Secret(self.password.text())
        self.password.clear()
        chosen = list(self.handovers)
        self._busy(True)
        started = self.env.run(
            lambda ctx: slips_for(ctx, password, chosen), self._read, self._failed
        )
        if not started:
            self._busy(False)

    def _read(self, slips: list[CredentialSlipData]) -> None:
        self._busy(False)
        self.slips = slips
        self.env.hooks.print_with(self, self.tr("Print credential slips"), self._paint)

    def _paint(self, device: QPagedPaintDevice) -> None:
        try:
            for slip in self.slips:
                render_credential_slip(slip, device)
        finally:
            count = len(self.slips)
            forget(self.slips)
            self.slips = []
        set_note(self.status, self.tr("{count} slips sent to the printer.").format(count=count))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not is_expected(exc):
            self.env.on_unexpected(exc)
            return
        self.error.setText(error_message(exc))
        self.error.setVisible(True)
        self.password.setFocus()

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.print_button.setEnabled(not busy)

    def done(self, result: int) -> None:
        """Forget the passwords read and the one typed."""
        forget(self.slips)
        self.slips = []
        self.password.clear()
        super().done(result)

    def force_close(self) -> None:
        """The vault is locking."""
        self.done(QDialog.DialogCode.Rejected)
