"""Indonesian spelled-out numbers and dates for BAST documents."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brankas.core.domain.terbilang import (
    day_name_id,
    format_date_id,
    month_name_id,
    spell_date_id,
    terbilang,
)

KNOWN = [
    (0, "nol"),
    (1, "satu"),
    (7, "tujuh"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (27, "dua puluh tujuh"),
    (99, "sembilan puluh sembilan"),
    (100, "seratus"),
    (101, "seratus satu"),
    (110, "seratus sepuluh"),
    (111, "seratus sebelas"),
    (115, "seratus lima belas"),
    (200, "dua ratus"),
    (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (1011, "seribu sebelas"),
    (1100, "seribu seratus"),
    (1999, "seribu sembilan ratus sembilan puluh sembilan"),
    (2000, "dua ribu"),
    (2024, "dua ribu dua puluh empat"),
    (2025, "dua ribu dua puluh lima"),
    (10000, "sepuluh ribu"),
    (11000, "sebelas ribu"),
    (100000, "seratus ribu"),
    (101000, "seratus satu ribu"),
    (111111, "seratus sebelas ribu seratus sebelas"),
    (1000000, "satu juta"),
    (1001000, "satu juta seribu"),
    (1000001, "satu juta satu"),
    (2500000, "dua juta lima ratus ribu"),
    (1000000000, "satu miliar"),
    (1000000000000, "satu triliun"),
    (
        999999999999999,
        "sembilan ratus sembilan puluh sembilan triliun"
        " sembilan ratus sembilan puluh sembilan miliar"
        " sembilan ratus sembilan puluh sembilan juta"
        " sembilan ratus sembilan puluh sembilan ribu"
        " sembilan ratus sembilan puluh sembilan",
    ),
    (-5, "minus lima"),
]


@pytest.mark.parametrize(("n", "words"), KNOWN)
def test_known_numbers(n: int, words: str) -> None:
    assert terbilang(n) == words


def test_too_large_and_wrong_type() -> None:
    with pytest.raises(ValueError):
        terbilang(10**15)
    with pytest.raises(TypeError):
        terbilang(True)
    with pytest.raises(TypeError):
        terbilang(1.0)  # type: ignore[arg-type]


_VALUES = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
}
_SCALE = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}


def _parse(words: str) -> int:
    """An independent reader of Indonesian number words, to check terbilang() against."""
    total = 0
    group = 0
    current = 0
    for w in words.split(" "):
        if w == "belas":
            group += current + 10
            current = 0
        elif w == "puluh":
            group += current * 10
            current = 0
        elif w == "ratus":
            group += current * 100
            current = 0
        elif w in _SCALE:
            total += (group + current) * _SCALE[w]
            group = current = 0
        elif w == "seribu":
            total += (group + current + 1) * 1000 if group + current else 1000
            group = current = 0
        elif w == "seratus":
            group += 100
        else:
            value = _VALUES[w]
            if value >= 10:
                group += value
            else:
                current = value
    return total + group + current


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_spelling_reads_back(n: int) -> None:
    words = terbilang(n)
    assert "  " not in words and words == words.strip()
    assert _parse(words) == n


@given(st.integers(min_value=2, max_value=10**15 - 1))
def test_se_forms_are_used(n: int) -> None:
    words = ["", *terbilang(n).split(" ")]
    for before, a, b in zip(words, words[1:], words[2:], strict=False):
        assert (a, b) not in {("satu", "ratus"), ("satu", "puluh"), ("satu", "belas")}
        # A thousands group of exactly one is "seribu"; "satu ribu" only ends a longer group.
        if (a, b) == ("satu", "ribu"):
            assert before in {"puluh", "ratus", "seratus"}


def test_27_january_2025_is_a_monday() -> None:
    d = date(2025, 1, 27)
    assert day_name_id(d) == "Senin"
    assert format_date_id(d) == "Senin, 27 Januari 2025"
    assert spell_date_id(d) == (
        "Senin tanggal dua puluh tujuh bulan Januari tahun dua ribu dua puluh lima"
    )


def test_day_names_cover_a_week() -> None:
    names = [day_name_id(date(2025, 1, 27 + i)) for i in range(5)] + [
        day_name_id(date(2025, 2, 1)),
        day_name_id(date(2025, 2, 2)),
    ]
    assert names == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def test_month_names() -> None:
    assert [month_name_id(m) for m in range(1, 13)] == [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    for bad in (0, 13, -1):
        with pytest.raises(ValueError):
            month_name_id(bad)


def test_other_dates() -> None:
    assert format_date_id(date(2025, 2, 28)) == "Jumat, 28 Februari 2025"
    assert spell_date_id(date(2024, 10, 1)) == (
        "Selasa tanggal satu bulan Oktober tahun dua ribu dua puluh empat"
    )
    assert spell_date_id(date(2022, 10, 31)) == (
        "Senin tanggal tiga puluh satu bulan Oktober tahun dua ribu dua puluh dua"
    )
