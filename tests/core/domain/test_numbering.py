"""BAST numbering: Roman months, patterns, padding and validation."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brankas.core.domain.numbering import (
    DEFAULT_PATTERN,
    format_number,
    to_roman,
    validate_office_code,
    validate_pattern,
)
from brankas.core.errors import InvalidValue, ValidationError

JAN_27 = date(2025, 1, 27)


@pytest.mark.parametrize(
    ("n", "roman"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (6, "VI"),
        (7, "VII"),
        (8, "VIII"),
        (9, "IX"),
        (10, "X"),
        (11, "XI"),
        (12, "XII"),
        (14, "XIV"),
        (40, "XL"),
        (49, "XLIX"),
        (90, "XC"),
        (400, "CD"),
        (1994, "MCMXCIV"),
        (2025, "MMXXV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_to_roman(n: int, roman: str) -> None:
    assert to_roman(n) == roman


@pytest.mark.parametrize("bad", [0, -1, 4000, True])
def test_to_roman_out_of_range(bad: int) -> None:
    with pytest.raises(ValueError):
        to_roman(bad)


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@given(st.integers(min_value=1, max_value=3999))
def test_roman_reads_back(n: int) -> None:
    roman = to_roman(n)
    values = [_ROMAN_VALUES[c] for c in roman]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    assert total == n
    assert "IIII" not in roman and "XXXX" not in roman and "CCCC" not in roman


def test_default_pattern_gives_the_office_format() -> None:
    assert format_number(DEFAULT_PATTERN, 7, "BWS.BUOL", JAN_27) == "BAST/007/BWS.BUOL/I/2025"
    assert format_number(DEFAULT_PATTERN, 123, "BWS.BUOL", date(2024, 12, 1)) == (
        "BAST/123/BWS.BUOL/XII/2024"
    )
    assert format_number(DEFAULT_PATTERN, 1234, "BWS.BUOL", JAN_27) == ("BAST/1234/BWS.BUOL/I/2025")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{seq}", "7"),
        ("{seq:01}", "7"),
        ("{seq:05}", "00007"),
        ("{seq}/BA/{office}/{month}/{year}", "7/BA/BWS.BUOL/01/2025"),
        ("BA-{day}{month}{year}-{seq:02}", "BA-27012025-07"),
        ("{{{seq}}}", "{7}"),
        ("  BAST/{seq}  ", "BAST/7"),
        ("{seq}-{seq:03}", "7-007"),
    ],
)
def test_patterns(pattern: str, expected: str) -> None:
    assert format_number(pattern, 7, "BWS.BUOL", JAN_27) == expected


@pytest.mark.parametrize(
    ("pattern", "code"),
    [
        ("", "pattern_empty"),
        ("   ", "pattern_empty"),
        ("BAST/{nomor}/{year}", "pattern_unknown_placeholder"),
        ("BAST/{seq}/{}", "pattern_unknown_placeholder"),
        ("BAST/{0}", "pattern_unknown_placeholder"),
        ("BAST/{seq.real}", "pattern_unknown_placeholder"),
        ("BAST/{SEQ}", "pattern_unknown_placeholder"),
        ("BAST/{seq!r}", "pattern_malformed"),
        ("BAST/{seq", "pattern_malformed"),
        ("BAST/seq}", "pattern_malformed"),
        ("BAST/{seq:3}", "pattern_bad_format"),
        ("BAST/{seq:00}", "pattern_bad_format"),
        ("BAST/{seq:010}", "pattern_bad_format"),
        ("BAST/{seq:>5}", "pattern_bad_format"),
        ("BAST/{seq}/{year:04}", "pattern_bad_format"),
        ("BAST/{office}/{year}", "pattern_missing_seq"),
        ("BAST/\t{seq}", "pattern_control_char"),
        ("BAST/{seq}" + "x" * 200, "pattern_too_long"),
    ],
)
def test_bad_patterns(pattern: str, code: str) -> None:
    with pytest.raises(InvalidValue) as info:
        validate_pattern(pattern)
    assert info.value.code == code
    assert info.value.field == "pattern"
    assert isinstance(info.value, ValidationError)


def test_format_number_validates_its_inputs() -> None:
    with pytest.raises(InvalidValue) as info:
        format_number("BAST/{nomor}", 1, "BWS.BUOL", JAN_27)
    assert info.value.code == "pattern_unknown_placeholder"
    for seq in (0, -3):
        with pytest.raises(InvalidValue) as info:
            format_number(DEFAULT_PATTERN, seq, "BWS.BUOL", JAN_27)
        assert info.value.code == "seq_not_positive"
    with pytest.raises(InvalidValue) as info:
        format_number(DEFAULT_PATTERN, 1, "  ", JAN_27)
    assert (info.value.field, info.value.code) == ("office_code", "office_code_empty")


def test_office_code() -> None:
    assert validate_office_code(" BWS.BUOL ") == "BWS.BUOL"
    assert validate_office_code("K.ST-16/HM.02") == "K.ST-16/HM.02"
    with pytest.raises(InvalidValue) as info:
        validate_office_code("A" * 41)
    assert info.value.code == "office_code_too_long"
    with pytest.raises(InvalidValue) as info:
        validate_office_code("BWS\x00BUOL")
    assert info.value.code == "office_code_control_char"


@given(
    seq=st.integers(min_value=1, max_value=10**6),
    on=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_default_numbers_split_back_into_their_parts(seq: int, on: date) -> None:
    number = format_number(DEFAULT_PATTERN, seq, "BWS.BUOL", on)
    prefix, s, office, month, year = number.split("/")
    assert (prefix, office, year) == ("BAST", "BWS.BUOL", str(on.year))
    assert int(s) == seq and len(s) >= 3
    assert month == to_roman(on.month)
