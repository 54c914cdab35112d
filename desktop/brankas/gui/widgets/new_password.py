"""New password + confirmation + strength meter + Caps Lock hint, with the reasons it is refused."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from brankas.core.secret import Secret
from brankas.gui.password_policy import (
    MIN_LENGTH,
    PasswordProblem,
    password_problems,
    password_score,
)
from brankas.gui.resources import Resources
from brankas.gui.widgets.password_edit import CapsLockHint, PasswordEdit
from brankas.gui.widgets.strength_meter import StrengthMeter


class NewPasswordForm(QWidget):
    """Two password fields; :attr:`validity_changed` says when the pair becomes usable."""

    validity_changed = Signal(bool)

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user_inputs: list[str] = []
        self._valid = False
        self.password = PasswordEdit(resources)
        self.password.setObjectName("newPassword")
        self.confirm = PasswordEdit(resources)
        self.confirm.setObjectName("confirmPassword")
        self.meter = StrengthMeter()
        self.caps = CapsLockHint(self.password, self.confirm)
        self.problem = QLabel()
        self.problem.setObjectName("passwordProblem")
        self.problem.setProperty("role", "hint")
        self.problem.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Password:"), self.password)
        self.form.addRow(self.tr("Repeat password:"), self.confirm)
        self.form.addRow(self.tr("Strength:"), self.meter)
        self.form.addRow("", self.caps)
        self.form.addRow("", self.problem)
        self.password.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def set_user_inputs(self, words: Sequence[str]) -> None:
        """Names and words a password should not be built from (they lower the score)."""
        self._user_inputs = [w for w in words if w]
        self._update()

    @property
    def is_acceptable(self) -> bool:
        """True when the password is strong enough and both fields match."""
        return self._valid

    def secret(self) -> Secret:
        """The new password."""
        return self.password.secret()

    def wipe(self) -> None:
        """Clear both fields."""
        self.password.wipe()
        self.confirm.wipe()

    def _update(self) -> None:
        text = self.password.text()
        score = password_score(text, self._user_inputs) if text else None
        self.meter.set_score(score)
        problems = password_problems(text, self.confirm.text(), score or 0)
        self.problem.setText(self._describe(problems, bool(self.confirm.text())))
        valid = not problems
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def _describe(self, problems: list[PasswordProblem], confirm_typed: bool) -> str:
        if not problems:
            return self.tr("The passwords match.")
        first = problems[0]
        if first is PasswordProblem.EMPTY:
            return self.tr(
                "Use at least {n} characters. A few unrelated words make a strong, "
                "memorable password."
            ).format(n=MIN_LENGTH)
        if first is PasswordProblem.TOO_SHORT:
            return self.tr("Too short: use at least {n} characters.").format(n=MIN_LENGTH)
        if first is PasswordProblem.TOO_WEAK:
            return self.tr(
                "Too easy to guess. Add another word or avoid names, dates and common words."
            )
        if not confirm_typed:
            return self.tr("Type the password again to confirm it.")
        return self.tr("The two passwords are not the same.")
