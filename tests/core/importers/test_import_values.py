"""Cell values: invisible characters, passwords untouched, platforms, phones, dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from brankas.core.domain.enums import Platform
from brankas.core.importers.values import (
    PASSWORD_EDGE_SPACE,
    PASSWORD_WAS_BOOLEAN,
    PASSWORD_WAS_DATE,
    PASSWORD_WAS_NUMBER,
    PHONE_INVALID,
    PHONE_REPAIRED,
    PHONE_ROUNDED,
    clean_multiline,
    clean_text,
    date_value,
    excel_serial_to_date,
    guess_platform,
    parse_platform,
    password_text,
    phone_value,
    platform_from_url,
    split_urls,
)
from brankas.core.review.labels import platform_label


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\ufeff Biau\u200b ", "Biau"),
        ("Paleleh\u00a0\u00a0Barat", "Paleleh Barat"),
        ("\u200dKec.\u202fBokat\u2060", "Kec. Bokat"),
        ("a\x07b", "ab"),
        ("'=HYPERLINK(1)", "=HYPERLINK(1)"),  # the guard our CSV export adds
        ("'+6281234567890", "+6281234567890"),
        ("it's", "it's"),
        (12, "12"),
        (12.0, "12"),
        (True, "TRUE"),
        (None, ""),
        (datetime(2024, 5, 1), "2024-05-01"),
    ],
)
def test_clean_text(raw: object, clean: str) -> None:
    assert clean_text(raw) == clean  # type: ignore[arg-type]


def test_clean_multiline_keeps_lines() -> None:
    assert clean_multiline(" baris satu \r\n\u200bbaris  dua\n\n") == "baris satu\nbaris dua"


@pytest.mark.parametrize(
    "password",
    [
        " spasi di depan",
        "spasi di belakang ",
        "\u200bzwsp",
        "nbsp\u00a0",
        "\ufeffbom",
        "a\tb",
        "ÄbC",
    ],
)
def test_password_text_is_never_trimmed(password: str) -> None:
    text, _warnings = password_text(password)
    assert text == password


@pytest.mark.parametrize(
    ("cell", "text", "codes"),
    [
        ("rahasia", "rahasia", ()),
        (" rahasia", " rahasia", (PASSWORD_EDGE_SPACE,)),
        (123456, "123456", (PASSWORD_WAS_NUMBER,)),
        (1.5, "1.5", (PASSWORD_WAS_NUMBER,)),
        (True, "TRUE", (PASSWORD_WAS_BOOLEAN,)),
        (datetime(2024, 2, 1), "2024-02-01", (PASSWORD_WAS_DATE,)),
        (None, "", ()),
    ],
)
def test_password_text_flags_what_excel_changed(
    cell: object, text: str, codes: tuple[str, ...]
) -> None:
    assert password_text(cell) == (text, codes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "platform"),
    [
        ("Instagram", Platform.INSTAGRAM),
        ("IG", Platform.INSTAGRAM),
        ("Akun IG Resmi", Platform.INSTAGRAM),
        ("Facebook", Platform.FACEBOOK_PAGE),
        ("Fanpage", Platform.FACEBOOK_PAGE),
        ("Halaman FB", Platform.FACEBOOK_PAGE),
        ("Twitter", Platform.X),
        ("X (Twitter)", Platform.X),
        ("X", Platform.X),
        ("Tik Tok", Platform.TIKTOK),
        ("YouTube", Platform.YOUTUBE),
        ("Gmail", Platform.EMAIL),
        ("E-mail", Platform.EMAIL),
        ("No HP", Platform.PHONE),
        ("WhatsApp", Platform.PHONE),
        ("Threads", Platform.OTHER),
        ("Lainnya", Platform.OTHER),
        ("Sosmed X", None),
        ("Instagram dan Facebook", None),  # two platforms: the user must say
        ("", None),
    ],
)
def test_parse_platform(text: str, platform: Platform | None) -> None:
    assert parse_platform(text) is platform


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_register_label_reads_back(language: str) -> None:
    for platform in Platform:
        assert parse_platform(platform_label(platform, language)) is platform


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://www.instagram.com/bawaslu.biau/", Platform.INSTAGRAM),
        ("instagram.com/bawaslu.biau", Platform.INSTAGRAM),
        ("https://m.facebook.com/panwaslu.biau", Platform.FACEBOOK_PAGE),
        ("https://twitter.com/bawaslu_biau", Platform.X),
        ("https://www.tiktok.com/@biau", Platform.TIKTOK),
        ("https://youtu.be/xyz", Platform.YOUTUBE),
        ("mailto:biau@bawaslu.go.id", Platform.EMAIL),
        ("https://wa.me/6281234567890", Platform.PHONE),
        ("https://bawaslu.go.id", None),
        ("https://[bad", None),
    ],
)
def test_platform_from_url(url: str, platform: Platform | None) -> None:
    assert platform_from_url(url) is platform


def test_guess_platform_from_the_value() -> None:
    assert guess_platform("https://x.com/biau") is Platform.X
    assert guess_platform("biau@bawaslu.go.id") is Platform.EMAIL
    assert guess_platform("0812-3456-7890") is Platform.PHONE
    assert guess_platform("bawaslu.biau") is None
    assert split_urls("https://a.com/x, https://b.com/y\nc.com") == [
        "https://a.com/x",
        "https://b.com/y",
        "c.com",
    ]


@pytest.mark.parametrize(
    ("cell", "canonical", "code"),
    [
        (81234567890, "+6281234567890", PHONE_REPAIRED),  # Excel dropped the 0
        (81234567890.0, "+6281234567890", PHONE_REPAIRED),
        (6281234567890, "+6281234567890", PHONE_REPAIRED),
        ("8.1234567890E+10", "+6281234567890", PHONE_REPAIRED),  # shown as, saved as text
        ("8,1234567890E+10", "+6281234567890", PHONE_REPAIRED),  # Indonesian decimal comma
        ("8.12346E+10", "", PHONE_ROUNDED),  # digits lost: refused, never guessed
        ("81234567890", "+6281234567890", PHONE_REPAIRED),  # CSV saved by Excel
        ("81234567890.0", "+6281234567890", PHONE_REPAIRED),
        ("0812-3456-7890", "+6281234567890", ""),
        ("+62 812 3456 7890", "+6281234567890", ""),
        ("\u200b0812 3456 7890\u00a0", "+6281234567890", ""),
        ("0812-3456-7890 / 0813", "", PHONE_INVALID),
        (12, "", PHONE_INVALID),
        ("", "", ""),
        (None, "", ""),
    ],
)
def test_phone_value(cell: object, canonical: str, code: str) -> None:
    value = phone_value(cell)  # type: ignore[arg-type]
    assert (value.canonical, value.code) == (canonical, code)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(2024, 5, 1, 10, 30), date(2024, 5, 1)),
        (date(2024, 5, 1), date(2024, 5, 1)),
        (45413, date(2024, 5, 1)),  # Excel serial
        (45413.75, date(2024, 5, 1)),
        ("45413", date(2024, 5, 1)),
        ("2024-05-01", date(2024, 5, 1)),
        ("01/05/2024", date(2024, 5, 1)),  # day first, as in Indonesia
        ("1-5-2024", date(2024, 5, 1)),
        ("1 Mei 2024", date(2024, 5, 1)),
        ("27 Januari 2025", date(2025, 1, 27)),
        ("3 Agt 2024", date(2024, 8, 3)),
        ("", None),
        (None, None),
    ],
)
def test_date_value(cell: object, expected: date | None) -> None:
    assert date_value(cell) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["besok", "32/01/2024", "1 Foo 2024", -5, True])
def test_date_value_refuses(cell: object) -> None:
    with pytest.raises(ValueError):
        date_value(cell)  # type: ignore[arg-type]


def test_excel_serials_across_the_1900_leap_bug_and_1904() -> None:
    assert excel_serial_to_date(1) == date(1900, 1, 1)
    assert excel_serial_to_date(59) == date(1900, 2, 28)
    assert excel_serial_to_date(61) == date(1900, 3, 1)
    assert excel_serial_to_date(45413, date1904=True) == date(2028, 5, 2)
    assert excel_serial_to_date(0) is None
