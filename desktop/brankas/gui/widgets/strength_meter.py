"""A password strength bar (zxcvbn score 0-4) with a word for the level."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from brankas.gui.theme import repolish


class StrengthMeter(QWidget):
    """Shows a score from :func:`brankas.gui.password_policy.password_score`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strengthMeter")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 8)
        self.bar.setTextVisible(False)
        self.bar.setProperty("role", "strength")
        self.label = QLabel()
        self.label.setProperty("role", "hint")
        self.label.setMinimumWidth(110)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self.set_score(None)

    def set_score(self, score: int | None) -> None:
        """Show ``score`` (None: nothing typed yet)."""
        words = (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        )
        level = 0 if score is None else max(0, min(4, score))
        # A sliver for "very weak", so the bar is visibly red rather than empty.
        self.bar.setValue(0 if score is None else max(1, level * 2))
        self.bar.setProperty("level", str(level))
        repolish(self.bar)
        self.label.setText("" if score is None else words[level])
