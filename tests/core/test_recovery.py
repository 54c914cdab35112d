"""Tests for the printed recovery kit codec (48 digits, 8 groups of 6, check per group)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brankas.core.crypto.recovery import (
    encode_recovery_key,
    generate_recovery_secret,
    parse_recovery_key,
)
from brankas.core.errors import RecoveryKitInvalid

SEQUENTIAL = bytes(range(16))
# Worked by hand: little-endian words 0x0100, 0x0302, ... times 11.
SEQUENTIAL_KEY = "002816-008470-014124-019778-025432-031086-036740-042394"
KEY_PATTERN = re.compile(r"^\d{6}(-\d{6}){7}$")


def _groups(key: str) -> list[str]:
    return key.split("-")


def _join(groups: list[str]) -> str:
    return "-".join(groups)


# --- known vectors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("secret", "key"),
    [
        (bytes(16), "-".join(["000000"] * 8)),
        (b"\xff" * 16, "-".join(["720885"] * 8)),
        (b"\x01\x00" + bytes(14), "000011-" + "-".join(["000000"] * 7)),
        (b"\x00\x01" + bytes(14), "002816-" + "-".join(["000000"] * 7)),
        (bytes(14) + b"\x34\x12", "-".join(["000000"] * 7) + f"-{0x1234 * 11:06d}"),
        (SEQUENTIAL, SEQUENTIAL_KEY),
    ],
)
def test_known_vectors(secret: bytes, key: str) -> None:
    assert encode_recovery_key(secret) == key
    assert parse_recovery_key(key) == secret


def test_every_group_is_a_multiple_of_11_below_the_limit() -> None:
    for group in _groups(encode_recovery_key(generate_recovery_secret())):
        value = int(group)
        assert value % 11 == 0
        assert value < 720896


def test_generate_gives_16_fresh_bytes() -> None:
    first, second = generate_recovery_secret(), generate_recovery_secret()
    assert isinstance(first, bytes)
    assert len(first) == 16
    assert first != second  # 2**-128 chance of a false failure


@pytest.mark.parametrize("bad", [b"", bytes(15), bytes(17), bytes(32)])
def test_encode_refuses_a_secret_of_the_wrong_size(bad: bytes) -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        encode_recovery_key(bad)


def test_encode_accepts_a_bytearray() -> None:
    assert encode_recovery_key(bytearray(SEQUENTIAL)) == SEQUENTIAL_KEY


@given(st.binary(min_size=16, max_size=16))
def test_round_trip_over_all_16_byte_values(secret: bytes) -> None:
    key = encode_recovery_key(secret)
    assert KEY_PATTERN.match(key)
    assert parse_recovery_key(key) == secret


# --- single-digit typos ----------------------------------------------------------------


def test_a_single_digit_change_always_breaks_the_check() -> None:
    # The arithmetic fact the per-group check rests on: a change of d * 10**k with
    # 1 <= |d| <= 9 is never a multiple of the prime 11.
    for k in range(6):
        for d in range(1, 10):
            assert (d * 10**k) % 11 != 0


@given(st.binary(min_size=16, max_size=16))
def test_every_single_digit_typo_names_its_group(secret: bytes) -> None:
    groups = _groups(encode_recovery_key(secret))
    for g in range(8):
        for pos in range(6):
            for digit in "0123456789":
                if groups[g][pos] == digit:
                    continue
                typo = list(groups)
                typo[g] = groups[g][:pos] + digit + groups[g][pos + 1 :]
                with pytest.raises(RecoveryKitInvalid) as info:
                    parse_recovery_key(_join(typo))
                assert info.value.group == g + 1


def test_the_first_wrong_group_is_named() -> None:
    groups = _groups(SEQUENTIAL_KEY)
    groups[2] = "000001"  # fails %11
    groups[6] = "000002"
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(_join(groups))
    assert info.value.group == 3


def test_a_multiple_of_11_that_is_too_large_is_refused() -> None:
    groups = _groups(SEQUENTIAL_KEY)
    groups[4] = str(65536 * 11)  # 720896: divisible by 11 but not a 16-bit word
    assert int(groups[4]) % 11 == 0
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(_join(groups))
    assert info.value.group == 5
    groups[4] = str(90909 * 11)  # 999999
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(_join(groups))
    assert info.value.group == 5


# --- separators and other digits --------------------------------------------------------

DIGITS = SEQUENTIAL_KEY.replace("-", "")


@pytest.mark.parametrize(
    "text",
    [
        SEQUENTIAL_KEY,
        DIGITS,
        " ".join(_groups(SEQUENTIAL_KEY)),
        ".".join(_groups(SEQUENTIAL_KEY)),
        "\n".join(_groups(SEQUENTIAL_KEY)),
        "  " + SEQUENTIAL_KEY + "\n",
        "-".join(_groups(SEQUENTIAL_KEY)[:4]) + "\r\n" + "-".join(_groups(SEQUENTIAL_KEY)[4:]),
        "".join(_groups(SEQUENTIAL_KEY)[:3]) + " - " + "-".join(_groups(SEQUENTIAL_KEY)[3:]),
        "\u2013".join(_groups(SEQUENTIAL_KEY)),  # en dash from a word processor
        "\u2212".join(_groups(SEQUENTIAL_KEY)),  # minus sign
        "\t".join(_groups(SEQUENTIAL_KEY)),
        "--".join(_groups(SEQUENTIAL_KEY)),
        # a stray space inside a group is harmless when every group checks out
        SEQUENTIAL_KEY[:3] + " " + SEQUENTIAL_KEY[3:],
    ],
)
def test_separators_are_tolerated(text: str) -> None:
    assert parse_recovery_key(text) == SEQUENTIAL


def _translate_digits(text: str, zero: int) -> str:
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)


@pytest.mark.parametrize(
    "zero",
    [0xFF10, 0x0660, 0x06F0, 0x0966],  # full-width, Arabic-Indic, Persian, Devanagari
)
def test_unicode_decimal_digits_are_read(zero: int) -> None:
    text = _translate_digits(SEQUENTIAL_KEY, zero)
    assert text != SEQUENTIAL_KEY
    assert parse_recovery_key(text) == SEQUENTIAL
    full_width_dashes = text.replace("-", "\uff0d")
    assert parse_recovery_key(full_width_dashes) == SEQUENTIAL


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("O" + SEQUENTIAL_KEY[1:], 1),  # letter O for zero
        (SEQUENTIAL_KEY[:7] + "a" + SEQUENTIAL_KEY[8:], 2),
        (SEQUENTIAL_KEY[:-1] + "l", 8),
        (SEQUENTIAL_KEY + "x", 8),
        ("key: " + SEQUENTIAL_KEY, 1),
        (SEQUENTIAL_KEY.replace("-", "/"), 2),
        (SEQUENTIAL_KEY[:15] + "\u00b2" + SEQUENTIAL_KEY[16:], 3),  # superscript two
    ],
)
def test_letters_and_other_marks_are_refused(text: str, group: int) -> None:
    with pytest.raises(RecoveryKitInvalid, match="not a digit") as info:
        parse_recovery_key(text)
    assert info.value.group == group


# --- wrong length and misplaced separators -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("", 0),
        ("   -  ", 0),
        (DIGITS[:-1], 47),
        (DIGITS + "0", 49),
        (DIGITS[:42], 42),
        (SEQUENTIAL_KEY + "-000000", 54),
    ],
)
def test_wrong_total_length_names_no_group(text: str, found: int) -> None:
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(text)
    assert info.value.group is None
    assert "48 digits" in str(info.value)
    assert f"{found} found" in str(info.value)


def test_a_short_group_between_separators_is_named() -> None:
    groups = _groups(SEQUENTIAL_KEY)
    groups[3] = groups[3][:5]
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(_join(groups))
    assert info.value.group == 4
    assert "6 digits" in str(info.value)
    assert "47 found" in str(info.value)


def test_a_wrong_length_inside_a_run_of_joined_groups_names_no_group() -> None:
    groups = _groups(SEQUENTIAL_KEY)
    text = groups[0] + groups[1][:5] + "-" + "-".join(groups[2:])
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(text)
    assert info.value.group is None


@pytest.mark.parametrize(
    ("third", "group"),
    [("", None), ("1", 3), ("12345", 3), ("1234567", 3), ("12345678", 3), ("123456789", None)],
)
def test_which_chunk_lengths_name_a_group(third: str, group: int | None) -> None:
    groups = _groups(SEQUENTIAL_KEY)
    groups[2] = third
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(_join(groups))
    assert info.value.group == group


def test_a_long_group_between_separators_is_named() -> None:
    groups = _groups(SEQUENTIAL_KEY)
    groups[1] += "0"
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(_join(groups))
    assert info.value.group == 2


def test_a_short_group_after_two_joined_groups_is_named() -> None:
    groups = _groups(SEQUENTIAL_KEY)
    text = groups[0] + groups[1] + "-" + groups[2][:4] + "-" + "-".join(groups[3:])
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(text)
    assert info.value.group == 3


def test_a_moved_separator_is_blamed_before_the_check_it_breaks() -> None:
    groups = _groups(SEQUENTIAL_KEY)
    # 48 digits, but the separator between groups 2 and 3 moved one place left.
    text = "-".join(groups[:1]) + "-" + groups[1][:5] + "-" + groups[1][5] + "-".join(groups[2:])
    assert len(re.sub(r"\D", "", text)) == 48
    assert parse_recovery_key(text) == SEQUENTIAL  # digits unchanged: still accepted
    broken = list(groups)
    broken[1] = groups[1][:5]
    broken[2] = "7" + groups[2]  # 48 digits, groups 2 and 3 both shifted
    with pytest.raises(RecoveryKitInvalid) as info:
        parse_recovery_key(_join(broken))
    assert info.value.group == 2


# --- messages never repeat the key ------------------------------------------------------


@given(st.binary(min_size=16, max_size=16), st.integers(0, 47), st.integers(1, 9))
def test_messages_never_contain_the_digits(secret: bytes, where: int, bump: int) -> None:
    digits = list(encode_recovery_key(secret).replace("-", ""))
    digits[where] = str((int(digits[where]) + bump) % 10)
    typo = "".join(digits)
    for text in (typo, typo[:-2], typo + "A"):
        with pytest.raises(RecoveryKitInvalid) as info:
            parse_recovery_key(text)
        message = str(info.value)
        for start in range(0, 48, 6):
            assert typo[start : start + 6] not in message
        assert not re.search(r"\d{3,}", message)
