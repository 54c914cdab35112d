"""After removing an operator: the key rotation's progress, then the passwords to change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brankas.core.vault.operators import RotationTask
from brankas.gui.models.rotation_model import RotationTasksModel


class RekeyProgressDialog(QDialog):
    """Shown while the vault key is replaced; it cannot be cancelled halfway."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rekeyProgress")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Removing an operator"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        self.label = QLabel(
            self.tr("Removing {name} and replacing the vault key…").format(name=name)
        )
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.resize(420, 120)

    def set_step(self, done: int, total: int, step: str) -> None:
        """Show progress ``done``/``total`` with a sentence for ``step`` (core's code)."""
        texts = {
            "backup": self.tr("Making a backup…"),
            "keys": self.tr("Sealing a new key for the remaining operators…"),
            "rekey": self.tr("Re-encrypting the vault…"),
            "record": self.tr("Recording the change…"),
        }
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if step in texts:
            self.label.setText(texts[step])

    def reject(self) -> None:
        """Escape does nothing: the rotation must run to its end."""


class RotationTasksDialog(QDialog):
    """The social-media passwords the removed person could have seen."""

    def __init__(self, name: str, tasks: list[RotationTask], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rotationTasksDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Passwords to change"))
        layout = QVBoxLayout(self)
        if tasks:
            text = self.tr(
                "{name} was removed and the vault key was replaced. {name} could have seen "
                "the passwords below: change them on each platform, starting with those the "
                "audit log shows they revealed or copied."
            ).format(name=name)
        else:
            text = self.tr(
                "{name} was removed and the vault key was replaced. No account passwords "
                "need changing."
            ).format(name=name)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.model = RotationTasksModel(tasks, self)
        if tasks:
            view = QTableView()
            view.setObjectName("rotationTable")
            view.setModel(self.model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            layout.addWidget(view)
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 420 if tasks else 180)
