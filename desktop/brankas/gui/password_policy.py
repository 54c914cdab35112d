"""What makes a new password acceptable (pure: no Qt), shared by every new-password form."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from zxcvbn import zxcvbn

MIN_LENGTH = 10
MIN_SCORE = 2  # zxcvbn: 0 too guessable … 4 very unguessable
_SCORED_PREFIX = 64  # zxcvbn slows down on long inputs; the first 64 characters decide


class PasswordProblem(StrEnum):
    """Why a new password is refused; the GUI turns each into a sentence."""

    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_WEAK = "too_weak"
    MISMATCH = "mismatch"


def password_score(password: str, user_inputs: Sequence[str] = ()) -> int:
    """zxcvbn's 0-4 score; names and office words the user typed count against it."""
    if not password:
        return 0
    words = [w for text in user_inputs for w in text.split() if w]
    return int(zxcvbn(password[:_SCORED_PREFIX], user_inputs=words)["score"])


def password_problems(password: str, confirm: str, score: int) -> list[PasswordProblem]:
    """Everything wrong with a new password and its confirmation, most important first."""
    if not password:
        return [PasswordProblem.EMPTY]
    problems: list[PasswordProblem] = []
    if len(password) < MIN_LENGTH:
        problems.append(PasswordProblem.TOO_SHORT)
    elif score < MIN_SCORE:
        problems.append(PasswordProblem.TOO_WEAK)
    if confirm != password:
        problems.append(PasswordProblem.MISMATCH)
    return problems
