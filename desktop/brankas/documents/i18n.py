"""Document wording in the office's language (id or en), with Indonesian date and number conventions.

Documents follow the office profile's language, not the operator's GUI language: a BAST
printed in Buol reads the same whoever prints it. So the texts live in this table rather
than in Qt's translation files; a missing English text falls back to Indonesian.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from brankas.core.domain.enums import AccountStatus, HandoverKind, Owner, Platform, TwoFactorMethod
from brankas.core.domain.terbilang import (
    format_date_id,
    spell_date_id,
    terbilang,
)
from brankas.core.review.labels import date_en, date_id, platform_label, status_label

LANGUAGES: Final = ("id", "en")

_EN_DAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_UNITS: Final = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS: Final = [
    "_",
    "_",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]
_EN_ORDINAL: Final = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}

# key -> (Indonesian, English)
_TEXTS: Final[Mapping[str, tuple[str, str]]] = {
    # page furniture
    "doc_id": ("Dokumen {id}", "Document {id}"),
    "doc_hash": ("Kode verifikasi {hash}", "Verification code {hash}"),
    "page_of": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "mark_draft": ("DRAF — BELUM DICATAT", "DRAFT — NOT RECORDED"),
    "mark_secret": ("RAHASIA", "CONFIDENTIAL"),
    "none": ("—", "—"),
    # parties and signatures
    "name": ("Nama", "Name"),
    "position": ("Jabatan", "Position"),
    "nip": ("NIP", "NIP"),
    "institution": ("Instansi", "Institution"),
    "first_party": ("PIHAK PERTAMA", "FIRST PARTY"),
    "second_party": ("PIHAK KEDUA", "SECOND PARTY"),
    "hereinafter": ("Selanjutnya disebut {party}.", "Hereinafter referred to as the {party}."),
    "handing": ("Yang menyerahkan,", "Handed over by,"),
    "receiving": ("Yang menerima,", "Received by,"),
    "witnesses": ("Saksi-saksi:", "Witnesses:"),
    "mengetahui": ("Mengetahui,", "Acknowledged by,"),
    "nip_line": ("NIP. {nip}", "NIP {nip}"),
    # owners and 2FA
    "owner_office": ("milik kantor", "office-owned"),
    "owner_person": ("milik pribadi", "personal"),
    "owner_unknown": ("kepemilikan belum dicatat", "ownership not recorded"),
    "twofa_none": ("tidak aktif", "off"),
    "twofa_totp": ("aktif (aplikasi autentikator)", "on (authenticator app)"),
    "twofa_sms": ("aktif (SMS)", "on (SMS)"),
    "twofa_email": ("aktif (surel)", "on (e-mail)"),
    "twofa_security_key": ("aktif (kunci keamanan)", "on (security key)"),
    "device_on": ("perangkat {owner}", "device {owner}"),
    # handover kinds
    "kind_issue": ("penyerahan kepada Panwaslu Kecamatan", "issue to the committee"),
    "kind_return": ("pengembalian kepada Bawaslu", "return to the regency"),
    "kind_next_committee": (
        "penyerahan kepada panitia berikutnya",
        "hand-on to the next committee",
    ),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
}


def language_of(value: str | None) -> str:
    """A supported document language: ``"en"`` when asked for, else ``"id"``."""
    return "en" if value == "en" else "id"


def tr(key: str, language: str) -> str:
    """The text ``key`` in ``language``.

    Raises:
        KeyError: no such text (a programming error).
    """
    id_, en = _TEXTS[key]
    return en if language == "en" and en else id_


def pick(language: str, indonesian: str, english: str) -> str:
    """One of two texts written at the call site (for sentences used once)."""
    return english if language == "en" else indonesian


# --- dates and numbers ----------------------------------------------------------------
def format_date(d: date | None, language: str) -> str:
    """``27 Januari 2025`` / ``27 January 2025``; ``—`` for no date."""
    if d is None:
        return tr("none", language)
    return date_en(d) if language == "en" else date_id(d)


def format_long_date(d: date, language: str) -> str:
    """``Senin, 27 Januari 2025`` / ``Monday, 27 January 2025``."""
    if language == "en":
        return f"{_EN_DAYS[d.weekday()]}, {date_en(d)}"
    return format_date_id(d)


def format_number(n: int, language: str = "id") -> str:
    """Digits grouped the way the language writes them: ``1.234`` / ``1,234``."""
    text = f"{n:,}"
    return text if language == "en" else text.replace(",", ".")


def number_with_words(n: int, language: str) -> str:
    """``4 (empat)`` — a number as formal Indonesian documents write it."""
    words = spell_en(n) if language == "en" else terbilang(n)
    return f"{format_number(n, language)} ({words})"


def spell_en(n: int) -> str:
    """An integer below a million in English words (``two thousand twenty-five``)."""
    if not 0 <= n < 1_000_000:
        raise ValueError("spell_en covers 0 to 999,999")
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_UNITS[hundreds]} hundred" + (f" {spell_en(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{spell_en(thousands)} thousand" + (f" {spell_en(rest)}" if rest else "")


def ordinal_en(n: int) -> str:
    """``twenty-seventh``: the ordinal of 1-99 in words."""
    words = spell_en(n)
    head, _, last = words.rpartition("-")
    if last in _EN_ORDINAL:
        last = _EN_ORDINAL[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


def spell_date(d: date, language: str) -> str:
    """The date as a BAST's opening spells it.

    ``Senin tanggal dua puluh tujuh bulan Januari tahun dua ribu dua puluh lima`` /
    ``Monday, the twenty-seventh day of January in the year two thousand twenty-five``.
    """
    if language == "en":
        return (
            f"{_EN_DAYS[d.weekday()]}, the {ordinal_en(d.day)} day of "
            f"{date_en(d).split()[1]} in the year {spell_en(d.year)}"
        )
    return spell_date_id(d)


# --- labels ---------------------------------------------------------------------------
def platform_name(platform: Platform, language: str) -> str:
    """``Halaman Facebook`` / ``Facebook Page``."""
    return platform_label(platform, language)


def status_name(status: AccountStatus, language: str) -> str:
    """``nonaktif`` / ``deactivated``."""
    return status_label(status, language)


def owner_name(owner: Owner, language: str) -> str:
    """``milik kantor`` / ``milik pribadi`` / not recorded."""
    return tr(f"owner_{owner.value}", language)


def twofa_name(method: TwoFactorMethod, language: str) -> str:
    """``aktif (aplikasi autentikator)`` / ``tidak aktif``."""
    return tr(f"twofa_{method.value}", language)


def kind_name(kind: HandoverKind, language: str) -> str:
    """What a handover kind does, in words."""
    return tr(f"kind_{kind.value}", language)
