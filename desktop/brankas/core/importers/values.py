"""Cell values to domain values: text trimmed of invisible characters (never passwords),
platforms from names or links, phone numbers Excel turned into numbers, dates."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Final
from urllib.parse import urlsplit

from brankas.core.domain.enums import Platform
from brankas.core.domain.normalize import normalize_phone, repair_excel_phone
from brankas.core.errors import InvalidValue
from brankas.core.importers.sources import Cell

# Zero-width characters, the BOM and soft hyphen vanish; non-breaking spaces become spaces.
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"))
_SPACES: Final = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u3000"), " ")
_TABLE: Final = {**_INVISIBLE, **_SPACES}
_FORMULA_GUARD = re.compile(r"'(?=[=+\-@])")  # CSV exports prefix such cells with "'"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _scalar_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)  # timedelta


def clean_text(value: Cell) -> str:
    """One line of text: invisible characters removed, whitespace trimmed and collapsed."""
    if (
        type(value) is str
        and value.isascii()
        and value.isprintable()
        and "  " not in value
        and value == value.strip()
    ):  # the common case, ten times faster
        return value[1:] if value[:1] == "'" and _FORMULA_GUARD.match(value) else value
    text = _CONTROL.sub("", _scalar_text(value).translate(_TABLE))
    text = " ".join(text.split())
    return text[1:] if _FORMULA_GUARD.match(text) else text


def clean_multiline(value: Cell) -> str:
    """Notes: invisible characters removed, each line trimmed, blank edge lines dropped."""
    text = _scalar_text(value).translate(_TABLE).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


# --- passwords ------------------------------------------------------------------------------
PASSWORD_WAS_NUMBER: Final = "password_was_number"  # noqa: S105 - codes, not secrets
PASSWORD_WAS_DATE: Final = "password_was_date"  # noqa: S105
PASSWORD_WAS_BOOLEAN: Final = "password_was_boolean"  # noqa: S105
PASSWORD_EDGE_SPACE: Final = "password_edge_whitespace"  # noqa: S105


def password_text(value: Cell) -> tuple[str, tuple[str, ...]]:
    """A password cell as text, exactly as written, with warning codes.

    Text is returned unchanged: no trimming, no invisible-character removal, no case
    change. A number, boolean or date means the spreadsheet reinterpreted what was typed:
    the text is reconstructed and a warning says so (a date cannot be trusted at all).

    Returns:
        (password, warning codes); "" for an empty cell.
    """
    if value is None:
        return "", ()
    if isinstance(value, str):
        warnings = (PASSWORD_EDGE_SPACE,) if value and value != value.strip() else ()
        return value, warnings
    if isinstance(value, bool):
        return _scalar_text(value), (PASSWORD_WAS_BOOLEAN,)
    if isinstance(value, int | float):
        return _scalar_text(value), (PASSWORD_WAS_NUMBER,)
    return _scalar_text(value), (PASSWORD_WAS_DATE,)


# --- platforms ------------------------------------------------------------------------------
def _key(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z@]+", " ", clean_text(text).casefold()).split())


_PLATFORM_NAMES: Final[dict[str, Platform]] = {}
for _platform, _names in (
    (
        Platform.INSTAGRAM,
        "instagram|ig|insta|akun instagram|instagram ig|ig instagram|instagram account",
    ),
    (
        Platform.FACEBOOK_PAGE,
        "facebook|fb|facebook page|halaman facebook|fanpage|fan page|page facebook|"
        "facebook fanpage|halaman fb|fb page|page fb|facebook halaman|akun facebook|meta",
    ),
    (Platform.X, "x|twitter|x twitter|twitter x|tweeter|akun x|akun twitter|x com"),
    (Platform.TIKTOK, "tiktok|tik tok|tt|akun tiktok"),
    (Platform.YOUTUBE, "youtube|yt|you tube|youtube channel|kanal youtube|akun youtube"),
    (
        Platform.EMAIL,
        "email|e mail|surel|surel e mail|gmail|yahoo|outlook|surat elektronik|mail|"
        "akun email|akun gmail|google|akun google",
    ),
    (
        Platform.PHONE,
        "phone|no hp|nomor hp|hp|sim|kartu sim|nomor telepon|telepon|whatsapp|wa|"
        "nomor whatsapp|phone number|nomor telepon sim|phone number sim|nomor|no telp",
    ),
    (
        Platform.OTHER,
        "other|lainnya|lain lain|threads|telegram|website|situs|situs web|linkedin|"
        "snack video|blog|lain",
    ),
):
    for _name in _names.split("|"):
        _PLATFORM_NAMES[_key(_name)] = _platform

_KEYWORDS: Final[dict[str, Platform]] = {
    "instagram": Platform.INSTAGRAM,
    "ig": Platform.INSTAGRAM,
    "facebook": Platform.FACEBOOK_PAGE,
    "fb": Platform.FACEBOOK_PAGE,
    "fanpage": Platform.FACEBOOK_PAGE,
    "twitter": Platform.X,
    "tiktok": Platform.TIKTOK,
    "youtube": Platform.YOUTUBE,
    "gmail": Platform.EMAIL,
    "email": Platform.EMAIL,
    "whatsapp": Platform.PHONE,
}


def platform_key(text: str) -> str:
    """The form under which a platform name is looked up (and aliased by the wizard)."""
    return _key(text)


@functools.lru_cache(maxsize=4096)
def parse_platform(text: str) -> Platform | None:
    """A platform from its name as people write it ("IG", "Halaman Facebook", "X (Twitter)").

    An exact name wins; otherwise one platform keyword among the words ("Akun IG Resmi").
    """
    key = _key(text)
    if not key:
        return None
    if key in _PLATFORM_NAMES:
        return _PLATFORM_NAMES[key]
    found = {_KEYWORDS[w] for w in key.split() if w in _KEYWORDS}
    return found.pop() if len(found) == 1 else None


_URL_HOSTS: Final[dict[str, Platform]] = {
    "instagram.com": Platform.INSTAGRAM,
    "instagr.am": Platform.INSTAGRAM,
    "facebook.com": Platform.FACEBOOK_PAGE,
    "fb.com": Platform.FACEBOOK_PAGE,
    "fb.me": Platform.FACEBOOK_PAGE,
    "x.com": Platform.X,
    "twitter.com": Platform.X,
    "tiktok.com": Platform.TIKTOK,
    "youtube.com": Platform.YOUTUBE,
    "youtu.be": Platform.YOUTUBE,
    "wa.me": Platform.PHONE,
}
_EMAIL_LIKE = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_PHONE_LIKE = re.compile(r"\+?[\d\s\-.()]{9,20}")


def platform_from_url(text: str) -> Platform | None:
    """The platform whose site a link points to (``mailto:`` e-mail, ``tel:`` phone)."""
    raw = text.strip()
    low = raw.lower()
    if low.startswith("mailto:"):
        return Platform.EMAIL
    if low.startswith("tel:"):
        return Platform.PHONE
    if "://" not in raw:
        raw = "https://" + raw
    try:
        host = (urlsplit(raw).hostname or "").lower()
    except ValueError:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        platform = _URL_HOSTS.get(".".join(parts[i:]))
        if platform is not None:
            return platform
    return None


def guess_platform(handle: str) -> Platform | None:
    """A platform read off the account value itself: a link, an e-mail address, a number."""
    text = handle.strip()
    if not text:
        return None
    if "/" in text or text.lower().startswith(("mailto:", "tel:")):
        return platform_from_url(text)
    if _EMAIL_LIKE.fullmatch(text):
        return Platform.EMAIL
    if _PHONE_LIKE.fullmatch(text) and sum(ch.isdigit() for ch in text) >= 9:
        return Platform.PHONE
    return None


def split_urls(text: str) -> list[str]:
    """The links in a cell (several may be separated by spaces, commas or new lines)."""
    return [p for p in re.split(r"[\s,]+", text) if p]


# --- phone numbers ------------------------------------------------------------------------
PHONE_REPAIRED: Final = "phone_repaired"
PHONE_ROUNDED: Final = "phone_rounded"
PHONE_INVALID: Final = "phone_invalid"
_E_NOTATION = re.compile(r"\d+(?:[.,]\d+)?[eE]\+?\d+")
_POINT_ZERO = re.compile(r"\d+[.,]0+")  # a number cell saved to CSV as "81234567890.0"


@dataclass(frozen=True, slots=True)
class PhoneValue:
    """A phone cell read: ``canonical`` ``+62…`` (or ""), and a problem code (or "")."""

    canonical: str
    code: str = ""


def phone_value(value: Cell) -> PhoneValue:
    """Read a phone number cell, repairing what Excel did to it.

    A number (``81234567890``, ``8.1234567890E10``) gets its leading 0 back
    (``phone_repaired``); scientific notation with digits rounded away is refused
    (``phone_rounded``), never guessed; anything else unreadable is ``phone_invalid``.
    """
    if value is None or value == "":
        return PhoneValue("")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        repaired = repair_excel_phone(value)
        return PhoneValue(repaired, PHONE_REPAIRED) if repaired else PhoneValue("", PHONE_INVALID)
    text = clean_text(value)
    if not text:
        return PhoneValue("")
    if _E_NOTATION.fullmatch(text) or _POINT_ZERO.fullmatch(text):
        repaired = repair_excel_phone(text.replace(",", "."))
        return PhoneValue(repaired, PHONE_REPAIRED) if repaired else PhoneValue("", PHONE_ROUNDED)
    try:
        phone = normalize_phone(text)
    except InvalidValue:
        return PhoneValue("", PHONE_INVALID)
    digits = re.sub(r"\D", "", text)
    lost_zero = digits.startswith("8") and not text.startswith("+")
    return PhoneValue(phone.canonical, PHONE_REPAIRED if lost_zero else "")


# --- dates --------------------------------------------------------------------------------
_MONTHS: Final[dict[str, int]] = {}
for _i, _names in enumerate(
    (
        "januari jan january",
        "februari feb pebruari february",
        "maret mar march",
        "april apr",
        "mei may",
        "juni jun june",
        "juli jul july",
        "agustus agu agt ags aug august",
        "september sep sept",
        "oktober okt oct october",
        "november nov nop nopember",
        "desember des dec december",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _i

_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_D_MONTH_Y = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")
_SERIAL_MAX: Final = 2_958_465  # 9999-12-31
_EPOCH_1900: Final = date(1899, 12, 30)
_EPOCH_1904: Final = date(1904, 1, 1)


def excel_serial_to_date(serial: float, *, date1904: bool = False) -> date | None:
    """The day an Excel date serial stands for (None when out of Excel's range)."""
    if not 1 <= serial <= _SERIAL_MAX:
        return None
    days = int(serial)
    if date1904:
        return _EPOCH_1904 + timedelta(days=days)
    if days < 61:  # Excel counts 1900-02-29, which never existed
        days += 1
    return _EPOCH_1900 + timedelta(days=days)


def date_value(value: Cell, *, date1904: bool = False) -> date | None:
    """A date from a cell: a date, an Excel serial number, or text (``2024-05-01``,
    ``01/05/2024`` day first as in Indonesia, ``1 Mei 2024``).

    Raises:
        ValueError: the cell holds something that is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        found = excel_serial_to_date(value, date1904=date1904)
        if found is None:
            raise ValueError("not a date serial")
        return found
    text = clean_text(value)
    if not text:
        return None
    if m := _YMD.fullmatch(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.fullmatch(text):
        return date(int(m[3]), int(m[2]), int(m[1]))
    if (m := _D_MONTH_Y.fullmatch(text)) and m[2].casefold() in _MONTHS:
        return date(int(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
    if text.isdigit():
        found = excel_serial_to_date(int(text), date1904=date1904)
        if found is not None:
            return found
    raise ValueError("not a date")
