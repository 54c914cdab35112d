"""A password line edit with a reveal toggle and Caps Lock detection."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from brankas.core.secret import Secret
from brankas.gui.resources import Resources


class PasswordEdit(QLineEdit):
    """Masked input; the eye action reveals it. Emits :attr:`caps_lock_changed` when a
    typed letter shows Caps Lock on or off (Qt cannot read the key's state directly)."""

    caps_lock_changed = Signal(bool)

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resources = resources
        self._caps = False
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setClearButtonEnabled(False)
        self.reveal_action = QAction(self)
        self.reveal_action.setCheckable(True)
        self.reveal_action.setObjectName("revealPassword")
        self.reveal_action.toggled.connect(self._on_reveal)
        self.addAction(self.reveal_action, QLineEdit.ActionPosition.TrailingPosition)
        self._on_reveal(False)

    @property
    def caps_lock_on(self) -> bool:
        """Our best guess of Caps Lock."""
        return self._caps

    def secret(self) -> Secret:
        """The typed password, wrapped so it cannot leak through repr or logs."""
        return Secret(self.text())

    def wipe(self) -> None:
        """Clear the text and hide it again."""
        self.clear()
        self.reveal_action.setChecked(False)

    def _on_reveal(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.reveal_action.setIcon(self._resources.themed_icon("eye-off" if shown else "eye"))
        self.reveal_action.setToolTip(
            self.tr("Hide password") if shown else self.tr("Show password")
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Watch letters for Caps Lock, then type as usual."""
        text = event.text()
        if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._set_caps(text.isupper() != shift)
        elif event.key() == Qt.Key.Key_CapsLock:
            self._set_caps(not self._caps)
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Hide a revealed password when focus leaves, as password managers do."""
        self.reveal_action.setChecked(False)
        super().focusOutEvent(event)

    def _set_caps(self, on: bool) -> None:
        if on != self._caps:
            self._caps = on
            self.caps_lock_changed.emit(on)


class CapsLockHint(QLabel):
    """ "Caps Lock is on" under a password field; hidden otherwise."""

    def __init__(self, *edits: PasswordEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capsLockHint")
        self.setProperty("role", "capsLock")
        self.setText(self.tr("Caps Lock is on"))
        self.setVisible(False)
        for edit in edits:
            edit.caps_lock_changed.connect(self.setVisible)
