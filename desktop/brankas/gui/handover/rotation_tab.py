"""The rotation queue as a list: returned accounts waiting for a new password."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brankas.gui.handover.rotation_model import RotationColumn, RotationQueueModel, RotationRow
from brankas.gui.theme import Spacing
from brankas.gui.widgets.record_table import RecordTable


class RotationTab(QWidget):
    """``rotate_requested`` asks for the guided queue from one account."""

    rotate_requested = Signal(int)  # account id to start with
    account_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rotationTab")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, Spacing.S, 0, 0)
        intro = QLabel(
            self.tr(
                "Every account handed back gets a new password at once: the committee knew "
                "the old one. The old password stays in the account's history. The queue is "
                "kept in the vault, so work can stop and continue later."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        self.model = RotationQueueModel(self)
        self.table = RecordTable(self.model, stretch=RotationColumn.ACCOUNT)
        self.table.setObjectName("rotationQueue")
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No account waits for a new password."))
        self.empty.setObjectName("rotationEmpty")
        self.empty.setProperty("role", "ok")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Change passwords…"))
        self.start_button.setObjectName("startRotationQueue")
        self.start_button.setProperty("role", "primary")
        self.open_button = QPushButton(self.tr("Open the account"))
        self.open_button.setObjectName("openRotationAccount")
        row.addWidget(self.start_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.start_button.clicked.connect(self._start)
        self.open_button.clicked.connect(self._open)
        self.table.record_activated.connect(lambda r: self.rotate_requested.emit(r.id))
        self.set_rows([])

    def set_rows(self, rows: list[RotationRow]) -> None:
        """Show the queue (keeping the current account selected)."""
        current = self.table.current_record()
        self.model.set_records(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.start_button.setEnabled(bool(rows))
        self.open_button.setEnabled(bool(rows))
        if current is not None and self.table.select_where(lambda r: r.id == current.id):
            return
        if rows:
            self.table.selectRow(0)

    def rows(self) -> list[RotationRow]:
        """The queue in the order shown."""
        return self.model.records()

    def select(self, account_id: int) -> bool:
        """Make an account current; False when it is not in the queue."""
        return self.table.select_where(lambda r: r.id == account_id)

    def _start(self) -> None:
        row = self.table.current_record() or (self.rows()[0] if self.rows() else None)
        if row is not None:
            self.rotate_requested.emit(row.id)

    def _open(self) -> None:
        row = self.table.current_record()
        if row is not None:
            self.account_requested.emit(row.id)
