"""Per-platform validation and normalisation of handles, profile URLs, e-mail and phone numbers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final
from urllib.parse import parse_qs, quote, unquote, urlsplit

from brankas.core.domain.enums import Platform
from brankas.core.errors import InvalidValue


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Warning codes (not errors): the value is stored, the GUI shows a caution.
WARN_FACEBOOK_PROFILE: Final = "facebook_personal_profile"  # a Page, never a personal profile
WARN_PHONE_LANDLINE: Final = "phone_landline"  # cannot receive SMS codes

PERSONAL_EMAIL_DOMAINS: Final = _words(
    "gmail.com googlemail.com yahoo.com yahoo.co.id ymail.com rocketmail.com outlook.com "
    "hotmail.com live.com icloud.com"
)
OFFICIAL_EMAIL_DOMAIN: Final = "bawaslu.go.id"


@dataclass(frozen=True, slots=True)
class Identity:
    """An account's canonical handle and URL, with warning codes (``warnings``)."""

    handle: str
    url: str
    warnings: tuple[str, ...] = ()


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"


@dataclass(frozen=True, slots=True)
class Phone:
    """An Indonesian number: ``canonical`` ``+6281234567890``, ``display`` ``0812-3456-7890``."""

    canonical: str
    display: str
    kind: PhoneKind


def _err(message: str, code: str, field: str) -> InvalidValue:
    return InvalidValue(message, field=field, code=code)


# --- URLs ------------------------------------------------------------------------------
_HOSTS: Final[dict[Platform, frozenset[str]]] = {
    Platform.INSTAGRAM: frozenset({"instagram.com", "instagr.am"}),
    Platform.X: frozenset({"x.com", "twitter.com"}),
    Platform.TIKTOK: frozenset({"tiktok.com"}),
    Platform.FACEBOOK_PAGE: frozenset({"facebook.com", "fb.com", "fb.me"}),
    Platform.YOUTUBE: frozenset({"youtube.com"}),
}
_ALL_HOSTS: Final = frozenset().union(*_HOSTS.values())
_HOST_PREFIXES: Final = ("www.", "m.", "mobile.", "web.", "mbasic.", "touch.")
_SHORT_LINK_HOSTS: Final = frozenset({"vm.tiktok.com", "vt.tiktok.com", "youtu.be", "t.co"})
_DOMAIN_LIKE = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Path:
    segments: tuple[str, ...]
    query: dict[str, list[str]]
    fragment: str


def _strip_prefixes(host: str) -> str:
    while host.startswith(_HOST_PREFIXES) and host.count(".") > 1:
        host = host.split(".", 1)[1]
    return host


def _known(host: str) -> bool:
    bare = _strip_prefixes(host)
    return (
        bare in _ALL_HOSTS
        or host in _SHORT_LINK_HOSTS
        or any(bare.endswith("." + h) for h in _ALL_HOSTS)
    )


def _to_path(raw: str, platform: Platform, field: str) -> _Path | None:
    """Split a URL (or a bare ``a/b`` path) of ``platform``; None for a bare name."""
    text = raw.strip()
    first = re.split(r"[/?#]", text, maxsplit=1)[0]
    if "://" in text:
        url = text
    elif _DOMAIN_LIKE.fullmatch(first) and (_known(first.lower()) or text.rstrip("/") != first):
        url = "https://" + text  # "instagram.com/name", "example.org/x"; not "bawaslu.buol/"
    elif "/" in text:
        url = "/" + text.lstrip("/")  # a bare path such as "c/Name"
    else:
        return None  # a bare name: "@name", "name", "bawaslu.buol"
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError as exc:  # e.g. an unbalanced "[" in the host
        raise _err("the link is not a web address", "url_malformed", field) from exc
    if "://" in text and (parts.scheme.lower() not in {"http", "https"} or not host):
        raise _err("the link is not a web address", "url_malformed", field)
    if host:
        bare_host = _strip_prefixes(host)
        own = _HOSTS.get(platform, frozenset())
        if host in _SHORT_LINK_HOSTS:
            raise _err("short links cannot be resolved offline", "url_short_link", field)
        if bare_host not in own:
            if any(bare_host.endswith("." + h) for h in own):
                raise _err("the link is not a profile page", "url_not_profile", field)
            raise _err("the link is not on this platform's site", "url_wrong_site", field)
    segments = tuple(unquote(s) for s in parts.path.split("/") if s)
    return _Path(segments, parse_qs(parts.query), parts.fragment)


def _bare(raw: str) -> str:
    return raw.strip().removeprefix("@")


# --- handle rules ------------------------------------------------------------------------
def _check_handle(
    name: str,
    field: str,
    *,
    lengths: tuple[int, int],
    chars: str,
    dots: bool = False,
    no_trailing_dot: bool = False,
    reserved: frozenset[str] = frozenset(),
) -> str:
    low, high = lengths
    if not name:
        raise _err("the username is empty", "handle_empty", field)
    if not re.fullmatch(f"[{chars}]+", name):
        raise _err(
            "the username has characters the platform does not allow", "handle_invalid_chars", field
        )
    if len(name) < low:
        raise _err(f"the username is shorter than {low} characters", "handle_too_short", field)
    if len(name) > high:
        raise _err(f"the username is longer than {high} characters", "handle_too_long", field)
    if dots and (name.startswith(".") or name.endswith(".")):
        raise _err("the username cannot start or end with a dot", "handle_dot_position", field)
    if no_trailing_dot and name.endswith("."):
        raise _err("the username cannot end with a dot", "handle_dot_position", field)
    if dots and ".." in name:
        raise _err("the username cannot contain '..'", "handle_double_dot", field)
    if name.lower() in reserved or _known(name.lower()):  # "x.com" would read back as a link
        raise _err("that name is a page of the platform, not a username", "handle_reserved", field)
    return name


_IG_RESERVED: Final = _words(
    "p reel reels tv stories explore accounts direct about developer legal web challenge "
    "emails session oauth api graphql static privacy terms directory ar s _u"
)
_X_RESERVED: Final = _words(
    "home explore search i intent settings messages notifications login logout signup tos "
    "privacy hashtag share compose account jobs about download lists communities premium "
    "bookmarks topics"
)
_FB_RESERVED: Final = _words(
    "events marketplace watch login login.php help settings home.php photo.php photo photos "
    "story.php permalink.php sharer sharer.php hashtag reel reels stories gaming friends "
    "messages notifications bookmarks search business ads privacy policies legal dialog "
    "plugins l.php recover pages pg p people groups share profile.php"
)
_YT_RESERVED: Final = _words(
    "watch shorts playlist results feed embed live hashtag account premium gaming t redirect "
    "signin logout upload studio kids music"
)
_YT_CHANNEL_ID = re.compile(r"UC[A-Za-z0-9_-]{22}")
_FB_NAME_WITH_ID = re.compile(r".+-(\d{6,})")


def _instagram(raw: str, field: str) -> Identity:
    path = _to_path(raw, Platform.INSTAGRAM, field)
    if path is None:
        name = _bare(raw)
    else:
        segs = path.segments[1:] if path.segments[:1] == ("_u",) else path.segments
        if not segs or segs[0].lower() in _IG_RESERVED:
            raise _err("the link is not a profile page", "url_not_profile", field)
        name = segs[0]
    name = _check_handle(
        name.lower(), field, lengths=(1, 30), chars="a-z0-9._", dots=True, reserved=_IG_RESERVED
    )
    return Identity(f"@{name}", f"https://www.instagram.com/{name}/")


def _x(raw: str, field: str) -> Identity:
    path = _to_path(raw, Platform.X, field)
    if path is None:
        name = _bare(raw)
    else:
        segs = path.segments
        if not segs and path.fragment.startswith("!/"):  # twitter.com/#!/name (old links)
            segs = tuple(s for s in path.fragment[2:].split("/") if s)
        if not segs or segs[0].lower() in _X_RESERVED:
            raise _err("the link is not a profile page", "url_not_profile", field)
        name = segs[0].removeprefix("@")
    name = _check_handle(
        name.lower(), field, lengths=(1, 15), chars="a-z0-9_", reserved=_X_RESERVED
    )
    return Identity(f"@{name}", f"https://x.com/{name}")


def _tiktok(raw: str, field: str) -> Identity:
    path = _to_path(raw, Platform.TIKTOK, field)
    if path is None:
        name = _bare(raw)
    else:
        if not path.segments or not path.segments[0].startswith("@"):
            raise _err("the link is not a profile page", "url_not_profile", field)
        name = path.segments[0][1:]
    name = _check_handle(
        name.lower(), field, lengths=(2, 24), chars="a-z0-9._", no_trailing_dot=True
    )
    return Identity(f"@{name}", f"https://www.tiktok.com/@{name}")


def _facebook_name(name: str, field: str) -> Identity:
    if name.isascii() and name.isdigit():
        return Identity(name, f"https://www.facebook.com/{name}")
    if match := _FB_NAME_WITH_ID.fullmatch(name):  # "Bawaslu-Kab-Buol-100064…": id at the end
        return Identity(match[1], f"https://www.facebook.com/{match[1]}")
    # Usernames: letters, digits, dots; new ones need 5+, but older Pages have shorter ones.
    name = _check_handle(
        name, field, lengths=(3, 50), chars="A-Za-z0-9.", dots=True, reserved=_FB_RESERVED
    )
    return Identity(name, f"https://www.facebook.com/{name}")


def _facebook(raw: str, field: str) -> Identity:
    path = _to_path(raw, Platform.FACEBOOK_PAGE, field)
    if path is None:
        return _facebook_name(_bare(raw), field)
    segs = path.segments
    first = segs[0].lower() if segs else ""
    if first == "profile.php":
        ids = path.query.get("id", [])
        if len(ids) != 1 or not (ids[0].isascii() and ids[0].isdigit()):
            raise _err("the link is not a profile page", "url_not_profile", field)
        # New-style Pages also live at profile.php?id=…, so this is a warning, not an error.
        url = f"https://www.facebook.com/profile.php?id={ids[0]}"
        return Identity(ids[0], url, (WARN_FACEBOOK_PROFILE,))
    if first == "people" and len(segs) >= 3 and segs[2].isascii() and segs[2].isdigit():
        url = f"https://www.facebook.com/profile.php?id={segs[2]}"
        return Identity(segs[2], url, (WARN_FACEBOOK_PROFILE,))  # /people/Name/123: a person
    if first == "groups":
        raise _err("the link is a group, not a Page", "url_facebook_group", field)
    if first == "share":
        raise _err("share links cannot be resolved offline", "url_share_link", field)
    if first == "pages" and len(segs) >= 3 and segs[-1].isascii() and segs[-1].isdigit():
        return _facebook_name(segs[-1], field)  # /pages/Name/123456
    if first in {"pg", "p"} and len(segs) >= 2:
        return _facebook_name(segs[1], field)  # /pg/name/about, /p/Name-123456/
    if not segs or first in _FB_RESERVED:
        raise _err("the link is not a Page", "url_not_profile", field)
    return _facebook_name(segs[0], field)


def _youtube(raw: str, field: str) -> Identity:
    path = _to_path(raw, Platform.YOUTUBE, field)
    if path is None:
        text = raw.strip()
        if _YT_CHANNEL_ID.fullmatch(text):
            segs: tuple[str, ...] = ("channel", text)
        else:
            segs = ("@" + text.removeprefix("@"),)
    else:
        segs = path.segments
    first = segs[0] if segs else ""
    if first.startswith("@"):
        name = _check_handle(first[1:], field, lengths=(3, 30), chars="A-Za-z0-9._-")
        return Identity(f"@{name}", f"https://www.youtube.com/@{name}")
    if first == "channel" and len(segs) >= 2 and _YT_CHANNEL_ID.fullmatch(segs[1]):
        return Identity(segs[1], f"https://www.youtube.com/channel/{segs[1]}")
    if first in {"c", "user"} and len(segs) >= 2:
        kind, name = first, segs[1]
    elif first and first.lower() not in _YT_RESERVED and first not in {"channel", "c", "user"}:
        kind, name = "c", first  # youtube.com/Name is the same legacy custom URL as /c/Name
    else:
        raise _err("the link is not a channel", "url_not_profile", field)
    name = _check_handle(name, field, lengths=(1, 100), chars="A-Za-z0-9._-")
    return Identity(f"{kind}/{name}", f"https://www.youtube.com/{kind}/{name}")


# --- e-mail --------------------------------------------------------------------------------
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def normalize_email(raw: str, field: str = "email") -> str:
    """Validate an address pragmatically (dot-atom local part, DNS domain) and tidy it.

    Args:
        raw: as typed; ``mailto:`` and ``Name <addr>`` forms are accepted.
        field: the field name put on errors.

    Returns:
        The address, trimmed, with the domain lower-cased (and IDNA-encoded).

    Raises:
        InvalidValue: code ``email_empty``, ``email_missing_at``, ``email_bad_local``,
            ``email_bad_domain`` or ``email_too_long``.
    """
    text = raw.strip()
    if "<" in text and text.endswith(">"):
        text = text[text.rindex("<") + 1 : -1].strip()
    if text.lower().startswith("mailto:"):
        text = unquote(text[7:].split("?", 1)[0]).strip()  # RFC 6068: "?" in an address is %3F
    if not text:
        raise _err("the e-mail address is empty", "email_empty", field)
    if "@" not in text:
        raise _err("the e-mail address has no '@'", "email_missing_at", field)
    local, _, domain = text.rpartition("@")
    if len(local) > 64 or not _LOCAL.fullmatch(local):
        raise _err("the part before '@' is not valid", "email_bad_local", field)
    domain = domain.rstrip(".").lower()
    try:
        domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError as exc:
        raise _err("the domain is not valid", "email_bad_domain", field) from exc
    labels = domain.split(".")
    tld = labels[-1]
    if (
        len(labels) < 2
        or len(domain) > 253
        or not all(_LABEL.fullmatch(label) for label in labels)
        or not (tld.isalpha() or tld.startswith("xn--"))
        or len(tld) < 2
    ):
        raise _err("the domain is not valid", "email_bad_domain", field)
    address = f"{local}@{domain}"
    if len(address) > 254:
        raise _err("the e-mail address is too long", "email_too_long", field)
    return address


def _email_domain(email: str) -> str | None:
    try:
        return normalize_email(email).rpartition("@")[2]
    except InvalidValue:
        return None


def email_looks_official(email: str) -> bool:
    """Return True for an address of the office's own domain (``bawaslu.go.id`` or below)."""
    domain = _email_domain(email)
    return domain is not None and (
        domain == OFFICIAL_EMAIL_DOMAIN or domain.endswith("." + OFFICIAL_EMAIL_DOMAIN)
    )


def email_is_personal_provider(email: str) -> bool:
    """Return True for an address at a free personal provider (gmail.com, yahoo.co.id, …)."""
    return _email_domain(email) in PERSONAL_EMAIL_DOMAINS


# --- phone numbers ---------------------------------------------------------------------------
_PHONE_SEPARATORS = re.compile(r"[\s\-.()/]+")
_TWO_DIGIT_AREAS: Final = frozenset({"21", "22", "24", "31", "61"})  # Jakarta, Bandung, …


def _group(digits: str, sizes: tuple[int, ...]) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(digits[i : i + size])
        i += size
    return "-".join(out + ([digits[i:]] if digits[i:] else []))


def _phone_display(nsn: str, kind: PhoneKind) -> str:
    if kind is PhoneKind.MOBILE:
        rest = len(nsn) - 3  # after "08xx"
        return _group("0" + nsn, (4, 3) if rest == 6 else (4, 4))
    area = 2 if nsn[:2] in _TWO_DIGIT_AREAS else 3
    sub = nsn[area:]
    sub = sub if len(sub) <= 6 else _group(sub, (len(sub) - 4,))
    return f"(0{nsn[:area]}) {sub}"


def normalize_phone(raw: str, field: str = "phone") -> Phone:
    """Read an Indonesian number written any usual way and say whether it is mobile.

    Args:
        raw: e.g. ``0812-3456-7890``, ``+62 812 3456 7890``, ``6281234567890``,
            ``81234567890`` (Excel lost the 0), ``(0445) 21234``.
        field: the field name put on errors.

    Returns:
        The canonical ``+62…`` form, a display form and the kind.

    Raises:
        InvalidValue: code ``phone_empty``, ``phone_invalid_chars``, ``phone_bad_country``,
            ``phone_bad_prefix``, ``phone_too_short`` or ``phone_too_long``.
    """
    text = raw.strip()
    text = text[4:] if text.lower().startswith("tel:") else text
    plus = text.startswith("+")
    body = _PHONE_SEPARATORS.sub("", text.removeprefix("+").replace("(0)", ""))
    if not body:
        raise _err("the phone number is empty", "phone_empty", field)
    if not (body.isascii() and body.isdigit()):
        raise _err(
            "the phone number has characters other than digits", "phone_invalid_chars", field
        )
    if plus or body.startswith("00"):
        body = body.removeprefix("00")
        if not body.startswith("62"):
            raise _err("not an Indonesian (+62) number", "phone_bad_country", field)
        nsn = body[2:]
    elif body.startswith(("0", "62")):
        nsn = body[1:] if body.startswith("0") else body[2:]
    elif body.startswith("8"):
        nsn = body  # a mobile number whose leading 0 was lost (Excel)
    else:
        raise _err("the number does not start like an Indonesian one", "phone_bad_prefix", field)
    nsn = nsn.removeprefix("0")  # "+62 0812…": a trunk 0 kept after the country code
    if nsn[:1] == "8":
        kind, lengths = PhoneKind.MOBILE, (9, 12)
        if nsn[1:2] in {"0", "4"}:  # 080x toll-free/premium, 084x unassigned
            raise _err("not a mobile prefix", "phone_bad_prefix", field)
    elif nsn[:1] in set("2345679"):
        kind, lengths = PhoneKind.LANDLINE, (7, 11)
    else:
        raise _err("the number does not start like an Indonesian one", "phone_bad_prefix", field)
    if len(nsn) < lengths[0]:
        raise _err("the phone number is too short", "phone_too_short", field)
    if len(nsn) > lengths[1]:
        raise _err("the phone number is too long", "phone_too_long", field)
    return Phone("+62" + nsn, _phone_display(nsn, kind), kind)


_E_NOTATION = re.compile(r"\d+(?:\.\d+)?[eE]\+?\d+")
_TRAILING_POINT_ZERO = re.compile(r"(\d+)\.0+")
_EXCEL_LIMIT: Final = 10**16  # longer than any phone number; keeps huge values cheap


def repair_excel_phone(value: object) -> str | None:
    """Recover a phone number that Excel turned into a number (losing the leading 0).

    Args:
        value: a cell value: int ``81234567890``, float ``8.123456789E+10``, text
            ``"81234567890.0"`` or ``"8.123456789E+10"``, or ordinary phone text.

    Returns:
        The canonical ``+62…`` number, or None when the value cannot be a phone number or
        its digits were lost (a rounded ``8.12346E+10`` is refused, never guessed).
    """
    digits: str | None = None
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        digits = str(value) if 0 < value < _EXCEL_LIMIT else None
    elif isinstance(value, float | Decimal):
        number = Decimal(value)  # exact for a float: no rounding of its own
        if number.is_finite() and 0 < number < _EXCEL_LIMIT and number == int(number):
            digits = str(int(number))
    elif isinstance(value, str):
        text = value.strip().removeprefix("'")  # Excel's "this is text" marker
        if _E_NOTATION.fullmatch(text):
            number = Decimal(text)
            exponent = number.as_tuple().exponent
            # A positive exponent means Excel rounded the digits away: do not invent them.
            if isinstance(exponent, int) and exponent <= 0 and number < _EXCEL_LIMIT:
                digits = str(int(number)) if number == int(number) else None
        elif match := _TRAILING_POINT_ZERO.fullmatch(text):
            digits = match[1]
        else:
            try:
                return normalize_phone(text).canonical
            except InvalidValue:
                return None
    if not digits:
        return None
    if digits.startswith("62") and len(digits) >= 11:
        candidate = "+" + digits
    elif digits[0] in "23456789":
        candidate = "0" + digits
    else:
        return None
    try:
        return normalize_phone(candidate).canonical
    except InvalidValue:
        return None


# --- one entry point ---------------------------------------------------------------------------
def _email_identity(raw: str, field: str) -> Identity:
    email = normalize_email(raw, field)
    return Identity(email, "mailto:" + quote(email, safe="@!$&'*+/=^_`{|}~."))


def _phone_identity(raw: str, field: str) -> Identity:
    phone = normalize_phone(raw, field)
    warnings = (WARN_PHONE_LANDLINE,) if phone.kind is PhoneKind.LANDLINE else ()
    return Identity(phone.canonical, f"tel:{phone.canonical}", warnings)


def _other(raw: str, field: str) -> Identity:
    text = raw.strip()
    if not text:
        raise _err("the username is empty", "handle_empty", field)
    if len(text) > 200:
        raise _err("the username is longer than 200 characters", "handle_too_long", field)
    if not text.isprintable():
        raise _err("the username has control characters", "handle_invalid_chars", field)
    return Identity(text, text if text.lower().startswith(("http://", "https://")) else "")


_NORMALIZERS: Final[dict[Platform, Callable[[str, str], Identity]]] = {
    Platform.INSTAGRAM: _instagram,
    Platform.X: _x,
    Platform.TIKTOK: _tiktok,
    Platform.FACEBOOK_PAGE: _facebook,
    Platform.YOUTUBE: _youtube,
    Platform.EMAIL: _email_identity,
    Platform.PHONE: _phone_identity,
    Platform.OTHER: _other,
}


def normalize_account_identity(platform: Platform, raw: str, field: str = "handle") -> Identity:
    """Turn whatever the operator pasted (name, @name, profile link) into a canonical identity.

    Args:
        platform: the account's platform.
        raw: the name, handle, profile URL, e-mail address or phone number.
        field: the field name put on errors.

    Returns:
        The canonical handle (``@name`` lower case for Instagram/X/TikTok; Page username or
        numeric id for Facebook; ``@Handle``, ``UC…`` id or ``c/Name`` for YouTube; the
        address or ``+62…`` number) with its canonical URL and warning codes.

    Raises:
        InvalidValue: a ``handle_*``, ``url_*``, ``email_*`` or ``phone_*`` code.
    """
    return _NORMALIZERS[platform](raw, field)
