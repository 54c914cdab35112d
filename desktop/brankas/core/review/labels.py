"""Indonesian and English names of platforms and statuses, for messages and search keys."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Final

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.domain.terbilang import month_name_id

# (Indonesian, English). Core text is never shown as-is by the GUI (it translates codes);
# these are for review messages, printed reports and search keys.
PLATFORM_LABELS: Final[Mapping[Platform, tuple[str, str]]] = {
    Platform.INSTAGRAM: ("Instagram", "Instagram"),
    Platform.FACEBOOK_PAGE: ("Halaman Facebook", "Facebook Page"),
    Platform.X: ("X (Twitter)", "X (Twitter)"),
    Platform.TIKTOK: ("TikTok", "TikTok"),
    Platform.YOUTUBE: ("YouTube", "YouTube"),
    Platform.EMAIL: ("Surel (e-mail)", "E-mail"),
    Platform.PHONE: ("Nomor telepon (SIM)", "Phone number (SIM)"),
    Platform.OTHER: ("Lainnya", "Other"),
}

STATUS_LABELS: Final[Mapping[AccountStatus, tuple[str, str]]] = {
    AccountStatus.PLANNED: ("direncanakan", "planned"),
    AccountStatus.ACTIVE: ("aktif", "active"),
    AccountStatus.RETURNED: ("dikembalikan", "returned"),
    AccountStatus.DEACTIVATED: ("nonaktif", "deactivated"),
    AccountStatus.RETAINED: ("dipertahankan (permanen)", "retained (permanent)"),
    AccountStatus.ARCHIVED: ("diarsipkan", "archived"),
}

# Display order of platforms in lists and the matrix.
PLATFORM_ORDER: Final[Mapping[Platform, int]] = {p: n for n, p in enumerate(Platform)}


def platform_label(platform: Platform, language: str = "id") -> str:
    """The platform's name in ``language`` ("id" or "en")."""
    id_, en = PLATFORM_LABELS[platform]
    return en if language == "en" else id_


def status_label(status: AccountStatus, language: str = "id") -> str:
    """The status's name in ``language`` ("id" or "en")."""
    id_, en = STATUS_LABELS[status]
    return en if language == "en" else id_


_MONTHS_EN: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_id(d: date) -> str:
    """A date as Indonesian text, e.g. ``27 Januari 2025``."""
    return f"{d.day} {month_name_id(d.month)} {d.year}"


def date_en(d: date) -> str:
    """A date as English text, e.g. ``27 January 2025`` (independent of the locale)."""
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def fold(text: str) -> str:
    """Lowercase text without accents ("Tiloán" → "tiloan"), for search keys and queries
    alike (the in-memory index and the SQL lookup both fold with this one function)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# What one account's search key is made of, folded, in this order; the in-memory index
# and the SQL lookup both build it here, so that the two always find the same accounts.
# The separator never occurs inside a query word: no match across two fields.
_SEARCH_SEPARATOR: Final = "\n"


def platform_search_words() -> dict[str, str]:
    """Each platform's part of a search key (value, Indonesian and English names), folded."""
    return {p.value: fold(_SEARCH_SEPARATOR.join((p.value, *PLATFORM_LABELS[p]))) for p in Platform}


def search_key(
    handle: str, display_name: str, kecamatan: str, platform: str, holder: str, url: str, email: str
) -> str:
    """An account's search key from its folded parts (``platform``: from
    :func:`platform_search_words`)."""
    return _SEARCH_SEPARATOR.join((handle, display_name, kecamatan, platform, holder, url, email))
