"""Handover (BAST) numbers from a configurable pattern, e.g. ``BAST/007/BWS.BUOL/I/2025``."""

from __future__ import annotations

import re
import string
from datetime import date
from typing import Final

from brankas.core.errors import InvalidValue

# The default the brief shows as ``BAST/{seq}/…`` with "007": the padding is explicit here so
# that a plain ``{seq}`` in a user's pattern means "no padding".
DEFAULT_PATTERN: Final = "BAST/{seq:03}/{office}/{month_roman}/{year}"

PLACEHOLDERS: Final = frozenset({"seq", "office", "day", "month", "month_roman", "year"})
_PADDING = re.compile(r"0[1-9]")
_MAX_PATTERN = 120
_MAX_OFFICE = 40
_ROMAN: Final = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(n: int) -> str:
    """Write a number in Roman numerals, as Indonesian letter numbers give the month.

    Args:
        n: 1-3999.

    Returns:
        e.g. ``"I"`` for 1, ``"XII"`` for 12, ``"MMXXV"`` for 2025.

    Raises:
        ValueError: when ``n`` is outside 1-3999.
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError("Roman numerals cover 1-3999")
    out: list[str] = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _fail(message: str, code: str) -> InvalidValue:
    return InvalidValue(message, field="pattern", code=code)


def _fields(pattern: str) -> list[tuple[str, str | None, str | None]]:
    """Return (literal, field, spec) triples of a pattern, checking every field."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:  # unbalanced braces
        raise _fail("pattern has an unbalanced '{' or '}'", "pattern_malformed") from exc
    out: list[tuple[str, str | None, str | None]] = []
    for literal, field, spec, conversion in parsed:
        if field is None:
            out.append((literal, None, None))
            continue
        if field not in PLACEHOLDERS:
            raise _fail(f"unknown placeholder {{{field}}}", "pattern_unknown_placeholder")
        if conversion is not None:
            raise _fail(f"placeholder {{{field}}} takes no conversion", "pattern_malformed")
        if spec and (field != "seq" or not _PADDING.fullmatch(spec)):
            # Only the sequence can be padded ({seq:03}); other specs would be silently odd.
            raise _fail(f"unsupported format '{spec}' for {{{field}}}", "pattern_bad_format")
        out.append((literal, field, spec or None))
    return out


def validate_pattern(pattern: str) -> str:
    """Check a user's numbering pattern.

    Placeholders: ``{seq}`` (or ``{seq:0N}`` zero-padded to N digits, N 1-9), ``{office}``,
    ``{day}``, ``{month}`` (two digits), ``{month_roman}``, ``{year}``; ``{{``/``}}`` are
    literal braces.

    Args:
        pattern: the pattern as typed.

    Returns:
        The pattern with surrounding whitespace removed.

    Raises:
        InvalidValue: field ``"pattern"``, code ``pattern_empty``, ``pattern_too_long``,
            ``pattern_control_char``, ``pattern_malformed``, ``pattern_unknown_placeholder``,
            ``pattern_bad_format`` or ``pattern_missing_seq``.
    """
    pattern = pattern.strip()
    if not pattern:
        raise _fail("pattern is empty", "pattern_empty")
    if len(pattern) > _MAX_PATTERN:
        raise _fail(f"pattern is longer than {_MAX_PATTERN} characters", "pattern_too_long")
    if any(not ch.isprintable() for ch in pattern):
        raise _fail("pattern contains a control character", "pattern_control_char")
    if not any(field == "seq" for _, field, _ in _fields(pattern)):
        # Without the sequence every handover of a month would get the same number.
        raise _fail("pattern has no {seq}", "pattern_missing_seq")
    return pattern


def validate_office_code(office_code: str) -> str:
    """Check the office code put into numbers (e.g. ``BWS.BUOL``).

    Args:
        office_code: the code as typed.

    Returns:
        The code with surrounding whitespace removed.

    Raises:
        InvalidValue: field ``"office_code"``, code ``office_code_empty``,
            ``office_code_too_long`` or ``office_code_control_char``.
    """
    code = office_code.strip()
    if not code:
        raise InvalidValue("office code is empty", field="office_code", code="office_code_empty")
    if len(code) > _MAX_OFFICE:
        raise InvalidValue(
            f"office code is longer than {_MAX_OFFICE} characters",
            field="office_code",
            code="office_code_too_long",
        )
    if any(not ch.isprintable() for ch in code):
        raise InvalidValue(
            "office code contains a control character",
            field="office_code",
            code="office_code_control_char",
        )
    return code


def format_number(pattern: str, seq: int, office_code: str, on: date) -> str:
    """Build a handover number.

    Args:
        pattern: a numbering pattern (see :func:`validate_pattern`).
        seq: the sequence number, 1 or more.
        office_code: the office's code, e.g. ``BWS.BUOL``.
        on: the handover date (gives day, month and year).

    Returns:
        e.g. ``"BAST/007/BWS.BUOL/I/2025"`` for the default pattern, seq 7, 27 January 2025.

    Raises:
        InvalidValue: the pattern or office code is not valid, or ``seq`` is below 1
            (field ``"seq"``, code ``seq_not_positive``).
    """
    if isinstance(seq, bool) or seq < 1:
        raise InvalidValue(
            "sequence number must be 1 or more", field="seq", code="seq_not_positive"
        )
    pattern = validate_pattern(pattern)
    values = {
        "office": validate_office_code(office_code),
        "day": f"{on.day:02d}",
        "month": f"{on.month:02d}",
        "month_roman": to_roman(on.month),
        "year": str(on.year),
    }
    out: list[str] = []
    for literal, field, spec in _fields(pattern):
        out.append(literal)
        if field == "seq":
            out.append(str(seq).zfill(int(spec[1:])) if spec else str(seq))
        elif field is not None:
            out.append(values[field])
    return "".join(out)
