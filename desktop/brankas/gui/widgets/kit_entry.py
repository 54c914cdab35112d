"""Typing a recovery kit in: eight 6-digit fields, each checked as it is completed."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from brankas.core.crypto.recovery import GROUP_DIGITS, GROUPS
from brankas.core.errors import RecoveryKitInvalid
from brankas.gui.errors import error_message
from brankas.gui.theme import repolish
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY, group_is_valid


class _GroupEdit(QLineEdit):
    """One group; a paste of the whole key is handed to the entry to spread out."""

    pasted_many = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+V of more than six digits (the whole key) fills every field."""
        if event.matches(QKeySequence.StandardKey.Paste):
            digits = "".join(c for c in QGuiApplication.clipboard().text() if c.isdigit())
            if len(digits) > GROUP_DIGITS:
                self.pasted_many.emit(digits)
                return
        super().keyPressEvent(event)


class KitEntry(QWidget):
    """Eight fields for the recovery key; names the first group that fails its check."""

    completed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kitEntry")
        self.setProperty(SECRET_PROPERTY, True)
        self._complete = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        self.fields: list[_GroupEdit] = []
        validator = QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self)
        for i in range(GROUPS):
            row, col = divmod(i, 4)
            index = QLabel(str(i + 1))
            index.setProperty("role", "kitIndex")
            field = _GroupEdit()
            field.setObjectName(f"kitInput{i + 1}")
            field.setProperty("role", "kitInput")
            field.setMaxLength(GROUP_DIGITS)
            field.setValidator(validator)
            field.setMinimumWidth(110)
            field.textChanged.connect(lambda text, i=i: self._on_changed(i, text))
            field.pasted_many.connect(self.set_key)
            grid.addWidget(index, row * 2, col)
            grid.addWidget(field, row * 2 + 1, col)
            self.fields.append(field)
        layout.addLayout(grid)
        self.message = QLabel()
        self.message.setObjectName("kitEntryMessage")
        self.message.setProperty("role", "error")
        self.message.setVisible(False)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    @property
    def is_complete(self) -> bool:
        """True when all eight groups pass their check."""
        return self._complete

    def key(self) -> str:
        """The key as typed, groups joined by dashes."""
        return "-".join(f.text() for f in self.fields)

    def set_key(self, digits: str) -> None:
        """Spread up to 48 digits over the fields (a pasted key)."""
        only = "".join(c for c in digits if c.isdigit())[: GROUPS * GROUP_DIGITS]
        for i, field in enumerate(self.fields):
            field.setText(only[i * GROUP_DIGITS : (i + 1) * GROUP_DIGITS])
        self.fields[min(len(only) // GROUP_DIGITS, GROUPS - 1)].setFocus()

    def wipe(self) -> None:
        """Empty every field."""
        for field in self.fields:
            field.clear()

    def show_group_error(self, group: int | None) -> None:
        """Mark a group as wrong (e.g. after core rejected the whole key)."""
        self.message.setText(error_message(RecoveryKitInvalid("", group=group)))
        self.message.setVisible(True)
        if group:
            self._mark(group - 1, "bad")

    def _on_changed(self, index: int, text: str) -> None:
        field = self.fields[index]
        if len(text) < GROUP_DIGITS:
            self._mark(index, "")
        elif group_is_valid(index, text):
            self._mark(index, "good")
            if index + 1 < GROUPS and field.hasFocus():
                self.fields[index + 1].setFocus()
        else:
            self._mark(index, "bad")
        self._refresh()

    def _refresh(self) -> None:
        bad = next((i for i, f in enumerate(self.fields) if f.property("state") == "bad"), None)
        if bad is not None:
            self.show_group_error(bad + 1)
        else:
            self.message.setText("")
            self.message.setVisible(False)
        complete = all(f.property("state") == "good" for f in self.fields)
        if complete != self._complete:
            self._complete = complete
            self.completed_changed.emit(complete)

    def _mark(self, index: int, state: str) -> None:
        field = self.fields[index]
        field.setProperty("state", state)
        repolish(field)
