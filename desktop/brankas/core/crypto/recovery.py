"""Printed recovery kit codec: 128 random bits as 48 digits in 8 checked groups of 6."""

from __future__ import annotations

import secrets
import unicodedata
from typing import Final

from brankas.core.errors import RecoveryKitInvalid

SECRET_BYTES: Final = 16
GROUPS: Final = 8
GROUP_DIGITS: Final = 6
TOTAL_DIGITS: Final = GROUPS * GROUP_DIGITS
_MULTIPLIER: Final = 11
_WORD_LIMIT: Final = 1 << 16

# Dots and dashes of every kind, because kits get retyped from paper and pasted from
# word processors that turn "-" into an en dash; whitespace is handled separately.
_EXTRA_SEPARATORS: Final = frozenset(".\u00b7\u2024\u2212\u3002\uff0e_")


def generate_recovery_secret() -> bytes:
    """Return a fresh 128-bit recovery secret from the OS random source.

    Returns:
        16 random bytes.
    """
    return secrets.token_bytes(SECRET_BYTES)


def encode_recovery_key(secret: bytes | bytearray) -> str:
    """Write a recovery secret the way it is printed on the kit.

    The layout is BitLocker's: each 16-bit little-endian word ``w`` of the secret
    becomes the 6-digit group ``w * 11``, so every group is a multiple of 11 below
    720896 and any single mistyped digit breaks its group's check.

    Args:
        secret: exactly 16 bytes (bytes or bytearray).

    Returns:
        ``"dddddd-dddddd-dddddd-dddddd-dddddd-dddddd-dddddd-dddddd"``.

    Raises:
        ValueError: ``secret`` is not 16 bytes (a programming error, not user input).
    """
    if not isinstance(secret, bytes | bytearray) or len(secret) != SECRET_BYTES:
        raise ValueError(f"a recovery secret is exactly {SECRET_BYTES} bytes")
    words = (int.from_bytes(secret[i : i + 2], "little") for i in range(0, SECRET_BYTES, 2))
    return "-".join(f"{word * _MULTIPLIER:0{GROUP_DIGITS}d}" for word in words)


def parse_recovery_key(text: str) -> bytes:
    """Read a recovery key as a person typed or pasted it.

    Digits may be separated (or not) by spaces, newlines, dashes or dots; full-width
    and other Unicode decimal digits count as digits. Messages never repeat the digits.

    Args:
        text: the key as entered.

    Returns:
        The 16-byte recovery secret.

    Raises:
        RecoveryKitInvalid: with ``group`` set to the first wrong group (1-8) when a
            group has a character that is not a digit, does not have 6 digits, or fails
            its check; with ``group=None`` when the number of digits is not 48 and the
            separators do not show which group is short or long.
    """
    chunks = _digit_chunks(text)
    digits = "".join(chunks)
    misaligned = _first_misaligned_group(chunks)
    if len(digits) != TOTAL_DIGITS:
        counted = f"{TOTAL_DIGITS} digits are needed, {len(digits)} found"
        if misaligned is not None and misaligned <= GROUPS:
            raise RecoveryKitInvalid(
                f"group {misaligned} does not have {GROUP_DIGITS} digits ({counted})",
                group=misaligned,
            )
        raise RecoveryKitInvalid(f"the recovery key has the wrong length: {counted}", group=None)

    values = [int(digits[i : i + GROUP_DIGITS]) for i in range(0, TOTAL_DIGITS, GROUP_DIGITS)]
    failing = next((n for n, v in enumerate(values, 1) if not _group_ok(v)), None)
    if failing is None:
        # Every group checks out, so a stray separator inside a group did no harm.
        return b"".join((v // _MULTIPLIER).to_bytes(2, "little") for v in values)
    if misaligned is not None and misaligned <= failing:
        # A separator in the wrong place is the likelier cause than a typo here.
        raise RecoveryKitInvalid(
            f"group {misaligned} does not have {GROUP_DIGITS} digits", group=misaligned
        )
    raise RecoveryKitInvalid(f"group {failing} fails its check", group=failing)


def _group_ok(value: int) -> bool:
    return value % _MULTIPLIER == 0 and value // _MULTIPLIER < _WORD_LIMIT


def _digit_chunks(text: str) -> list[str]:
    """Split ``text`` into runs of ASCII digits; raise on anything but separators."""
    chunks: list[str] = []
    current: list[str] = []
    seen = 0
    for char in text:
        if char.isdecimal():
            current.append(str(unicodedata.decimal(char)))
            seen += 1
            continue
        if not _is_separator(char):
            group = min(seen // GROUP_DIGITS + 1, GROUPS)
            raise RecoveryKitInvalid(
                f"group {group} contains a character that is not a digit", group=group
            )
        if current:
            chunks.append("".join(current))
            current = []
    if current:
        chunks.append("".join(current))
    return chunks


def _is_separator(char: str) -> bool:
    return char.isspace() or char in _EXTRA_SEPARATORS or unicodedata.category(char) == "Pd"


def _first_misaligned_group(chunks: list[str]) -> int | None:
    """Return the group the typed separators show to be short or long, if they show one.

    Missing separators are fine (a chunk of 12 digits is two groups). A chunk of 1-5 or
    7-8 digits is one group that lost or gained a digit or two; in a longer chunk of the
    wrong length (11 digits: a long group, or two groups, one short?) none is named.
    """
    offset = 0
    for chunk in chunks:
        size = len(chunk)
        if size % GROUP_DIGITS:
            return offset // GROUP_DIGITS + 1 if size < GROUP_DIGITS + 3 else None
        offset += size
    return None
