"""A new recovery kit in a dialog: shown once, printable, closed only after one group is typed back."""

from __future__ import annotations

import secrets

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from brankas.core.crypto.recovery import GROUPS
from brankas.gui.recovery_sheet import RecoverySheetData
from brankas.gui.resources import Resources
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY, KitConfirm, RecoveryKitView


class RecoveryKitDialog(QDialog):
    """Shows ``data``'s kit; "Done" unlocks once the chosen group is typed back."""

    def __init__(
        self,
        resources: Resources,
        data: RecoverySheetData,
        parent: QWidget | None = None,
        group_number: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKitDialog")
        self.setProperty(SECRET_PROPERTY, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("New recovery kit"))
        layout = QVBoxLayout(self)
        self.view = RecoveryKitView(resources, data)
        layout.addWidget(self.view)
        self.confirm = KitConfirm(data.recovery_key, group_number or secrets.randbelow(GROUPS) + 1)
        layout.addWidget(self.confirm)
        self.buttons = QDialogButtonBox()
        self.done_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.done_button.setText(self.tr("Done"))
        self.done_button.setObjectName("kitDone")
        self.done_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)
        self.confirm.confirmed_changed.connect(self.done_button.setEnabled)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)

    def reject(self) -> None:
        """Escape does not dismiss an unconfirmed kit (it would be lost for good)."""
        if self.confirm.confirmed:
            super().reject()

    def force_close(self) -> None:
        """Close even unconfirmed (the vault is locking; the kit stays valid)."""
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button counts as Escape."""
        if self.confirm.confirmed:
            super().closeEvent(event)
        else:
            event.ignore()
