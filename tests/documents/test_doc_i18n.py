"""Document wording: Indonesian and English dates and numbers, letterhead lines, labels."""

from __future__ import annotations

from datetime import date

import pytest

from brankas.core.domain.enums import OfficeKind, Owner, Platform, TwoFactorMethod
from brankas.core.domain.models import Office
from brankas.documents.fingerprint import document_id, record_hash, short_hash
from brankas.documents.i18n import (
    format_date,
    format_long_date,
    format_number,
    language_of,
    number_with_words,
    ordinal_en,
    owner_name,
    platform_name,
    spell_date,
    spell_en,
    tr,
    twofa_name,
)
from brankas.documents.letterhead import letterhead_of, office_line


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (1, "one"),
        (11, "eleven"),
        (12, "twelve"),
        (19, "nineteen"),
        (20, "twenty"),
        (21, "twenty-one"),
        (100, "one hundred"),
        (101, "one hundred one"),
        (111, "one hundred eleven"),
        (1000, "one thousand"),
        (2024, "two thousand twenty-four"),
        (2025, "two thousand twenty-five"),
        (999_999, "nine hundred ninety-nine thousand nine hundred ninety-nine"),
    ],
)
def test_spell_en(n: int, words: str) -> None:
    assert spell_en(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "first"),
        (2, "second"),
        (3, "third"),
        (5, "fifth"),
        (8, "eighth"),
        (9, "ninth"),
        (11, "eleventh"),
        (12, "twelfth"),
        (20, "twentieth"),
        (21, "twenty-first"),
        (27, "twenty-seventh"),
        (30, "thirtieth"),
        (31, "thirty-first"),
    ],
)
def test_ordinal_en(n: int, words: str) -> None:
    assert ordinal_en(n) == words


def test_spell_en_range() -> None:
    with pytest.raises(ValueError):
        spell_en(1_000_000)
    with pytest.raises(ValueError):
        spell_en(-1)


def test_dates_and_numbers() -> None:
    d = date(2025, 1, 27)
    assert format_date(d, "id") == "27 Januari 2025"
    assert format_date(d, "en") == "27 January 2025"
    assert format_date(None, "id") == "—"
    assert format_long_date(d, "id") == "Senin, 27 Januari 2025"
    assert format_long_date(d, "en") == "Monday, 27 January 2025"
    assert spell_date(d, "id") == (
        "Senin tanggal dua puluh tujuh bulan Januari tahun dua ribu dua puluh lima"
    )
    assert spell_date(d, "en") == (
        "Monday, the twenty-seventh day of January in the year two thousand twenty-five"
    )
    assert format_number(1234567, "id") == "1.234.567"
    assert format_number(1234567, "en") == "1,234,567"
    assert number_with_words(2, "id") == "2 (dua)"
    assert number_with_words(11, "id") == "11 (sebelas)"
    assert number_with_words(1000, "id") == "1.000 (seribu)"
    assert number_with_words(21, "en") == "21 (twenty-one)"


def test_labels() -> None:
    assert tr("page_of", "id").format(page=1, pages=2) == "Halaman 1 dari 2"
    assert tr("page_of", "en").format(page=1, pages=2) == "Page 1 of 2"
    assert owner_name(Owner.OFFICE, "id") == "milik kantor"
    assert owner_name(Owner.PERSON, "id") == "milik pribadi"
    assert twofa_name(TwoFactorMethod.NONE, "id") == "tidak aktif"
    assert platform_name(Platform.FACEBOOK_PAGE, "id") == "Halaman Facebook"
    assert language_of("en") == "en" and language_of("fr") == "id" and language_of(None) == "id"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Bawaslu Kabupaten Buol", "KABUPATEN BUOL"),
        ("bawaslu  kota   Palu", "KOTA PALU"),
        ("Badan Pengawas Pemilihan Umum Provinsi Sulawesi Tengah", "PROVINSI SULAWESI TENGAH"),
        ("Kabupaten Contoh", "KABUPATEN CONTOH"),
    ],
)
def test_office_line(name: str, line: str) -> None:
    assert office_line(name) == line


def test_letterhead_from_office() -> None:
    office = Office(
        kind=OfficeKind.REGENCY,
        name="Bawaslu Kabupaten Buol",
        address="Jl. Contoh No. 1, Buol",
        city="Buol",
        province="Sulawesi Tengah",
    )
    head = letterhead_of(office)
    assert head.institution == "BADAN PENGAWAS PEMILIHAN UMUM"
    assert head.office == "KABUPATEN BUOL"
    assert head.address == "Jl. Contoh No. 1, Buol, Sulawesi Tengah"  # the city once
    assert office_line("Bawaslu", OfficeKind.PROVINCE) == "PROVINSI"


def test_fingerprints() -> None:
    a = record_hash({"b": 1, "a": [1, "é"]})
    assert a == record_hash({"a": [1, "é"], "b": 1})  # key order does not matter
    assert a != record_hash({"a": [1, "e"], "b": 1})
    assert short_hash(a) == "-".join([a[:4], a[4:8], a[8:12]]).upper()
    assert document_id("BAST", "ff453251-dd60", 38) == "BAST-FF4532-38"
    assert document_id("KIT", "", "X") == "KIT-000000-X"
