"""A page that is not built yet: says what will be here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from brankas.gui.pages.base import Page


class PlaceholderPage(Page):
    """ "Coming soon", with a sentence about the page's purpose."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        card = QFrame()
        card.setProperty("role", "placeholder")
        inner = QVBoxLayout(card)
        coming = QLabel(self.tr("Coming in the next version"))
        coming.setProperty("role", "heading")
        coming.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(description)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setProperty("role", "subtitle")
        inner.addStretch(1)
        inner.addWidget(coming)
        inner.addWidget(text)
        inner.addStretch(1)
        self.layout_.addWidget(card, 1)
