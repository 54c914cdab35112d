"""What every main-window page does when the vault unlocks and locks."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from brankas.gui.session import Session
from brankas.gui.theme import Spacing


class Page(QWidget):
    """A page of the main window. Holds vault data only between start and end of a session."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(Spacing.XL, Spacing.L, Spacing.XL, Spacing.L)
        self.layout_.setSpacing(Spacing.M)
        self.title = QLabel(title)
        self.title.setProperty("role", "title")
        self.layout_.addWidget(self.title)

    def add_intro(self, text: str) -> QLabel:
        """The page's explanatory line under its title."""
        intro = QLabel(text)
        intro.setWordWrap(True)
        intro.setProperty("role", "subtitle")
        self.layout_.addWidget(intro)
        return intro

    def start_session(self, session: Session) -> None:
        """The vault was unlocked: load what the page shows."""
        self.session = session

    def end_session(self) -> None:
        """The vault is locking: drop everything read from it."""
        self.session = None

    def page_shown(self) -> None:
        """The user navigated here (refresh if needed)."""
