"""TOTP (authenticator app) secrets: parse base32 or otpauth:// URIs, compute current codes."""

from __future__ import annotations

import base64
import binascii
import hmac
import math
import re
import time
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final
from urllib.parse import parse_qs, quote, unquote, urlsplit

from brankas.core.errors import InvalidValue
from brankas.core.secret import Secret

_FIELD: Final = "totp_secret"
_BASE32 = re.compile(r"[A-Z2-7]+")
# Services issue 80-bit (16 characters) and longer secrets. Below that, a secret is almost
# certainly a partial copy, and refusing it beats storing codes that never match.
_MIN_KEY_BYTES: Final = 10
_MAX_SECRET_CHARS: Final = 256
_DIGITS: Final = range(6, 9)  # RFC 4226 needs at least 6; apps show 6 or 8
_MAX_PERIOD: Final = 3600


class TotpAlgorithm(StrEnum):
    """The HMAC hash of a TOTP secret (value is the otpauth spelling)."""

    SHA1 = "SHA1"
    SHA256 = "SHA256"
    SHA512 = "SHA512"


@dataclass(frozen=True, slots=True)
class TotpConfig:
    """A TOTP generator's settings; ``secret`` is canonical base32 (upper case, no padding)."""

    secret: Secret
    issuer: str = ""
    account: str = ""
    digits: int = 6
    period: int = 30
    algorithm: TotpAlgorithm = TotpAlgorithm.SHA1


def _fail(message: str, code: str) -> InvalidValue:
    # Messages never echo the input: it is a secret.
    return InvalidValue(message, field=_FIELD, code=code)


def normalize_base32_secret(raw: str) -> str:
    """Canonicalise a base32 secret as apps display it (spaces, dashes, lower case, padding).

    Args:
        raw: the secret as typed or pasted.

    Returns:
        Upper-case base32 without padding or separators.

    Raises:
        InvalidValue: field ``"totp_secret"``, code ``totp_secret_empty``,
            ``totp_secret_too_long``, ``totp_secret_invalid_chars`` (0, 1, 8, 9 and other
            characters are not base32), ``totp_secret_malformed`` (an impossible length) or
            ``totp_secret_too_short`` (under 80 bits).
    """
    text = "".join(raw.split()).replace("-", "").upper().rstrip("=")
    if not text:
        raise _fail("TOTP secret is empty", "totp_secret_empty")
    if len(text) > _MAX_SECRET_CHARS:
        raise _fail("TOTP secret is too long", "totp_secret_too_long")
    if not _BASE32.fullmatch(text):
        raise _fail(
            "TOTP secret has characters outside base32 (A-Z, 2-7)", "totp_secret_invalid_chars"
        )
    try:
        key = base64.b32decode(text + "=" * (-len(text) % 8))
    except binascii.Error as exc:
        raise _fail("TOTP secret has an impossible length", "totp_secret_malformed") from exc
    if len(key) < _MIN_KEY_BYTES:
        raise _fail("TOTP secret is too short (under 80 bits)", "totp_secret_too_short")
    return text


def _single(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    if values is None:
        return None
    if len(values) != 1:
        raise _fail(f"otpauth URI repeats '{name}'", "totp_uri_malformed")
    return values[0].strip()


def _int_param(query: dict[str, list[str]], name: str, default: int, allowed: range) -> int:
    value = _single(query, name)
    if value is None or value == "":
        return default
    if not value.isascii() or not value.isdigit() or int(value) not in allowed:
        raise _fail(f"otpauth URI has an unsupported {name}", f"totp_uri_bad_{name}")
    return int(value)


def _parse_uri(uri: str) -> TotpConfig:
    try:
        parts = urlsplit(uri)
    except ValueError:
        # Found by fuzzing: "otpauth://[totp/…" (an unclosed IPv6 bracket) made urlsplit
        # raise. Not chained: the URI holds the secret.
        raise _fail("not an otpauth://totp/ URI", "totp_uri_malformed") from None
    kind = parts.netloc.lower()
    if kind == "hotp":
        raise _fail("counter-based (HOTP) secrets are not supported", "totp_hotp_unsupported")
    if parts.scheme.lower() != "otpauth" or kind != "totp":
        raise _fail("not an otpauth://totp/ URI", "totp_uri_malformed")
    query = parse_qs(parts.query, keep_blank_values=True)
    secret = _single(query, "secret")
    if not secret:
        raise _fail("otpauth URI has no secret", "totp_uri_missing_secret")
    algorithm_text = (_single(query, "algorithm") or "SHA1").upper().replace("-", "")
    try:
        algorithm = TotpAlgorithm(algorithm_text)
    except ValueError as exc:
        raise _fail("otpauth URI has an unsupported algorithm", "totp_uri_bad_algorithm") from exc
    label = unquote(parts.path.lstrip("/")).strip()
    label_issuer, sep, account = label.partition(":")
    if not sep:
        label_issuer, account = "", label
    issuer = _single(query, "issuer") or label_issuer.strip()
    return TotpConfig(
        secret=Secret(normalize_base32_secret(secret)),
        issuer=issuer,
        account=account.strip(),
        digits=_int_param(query, "digits", 6, _DIGITS),
        period=_int_param(query, "period", 30, range(1, _MAX_PERIOD + 1)),
        algorithm=algorithm,
    )


def parse_totp(raw: str | Secret) -> TotpConfig:
    """Read a TOTP secret as an operator pastes it.

    Args:
        raw: a base32 secret (spaces, lower case and missing padding tolerated) or an
            ``otpauth://totp/Issuer:account?secret=…&digits=…&period=…&algorithm=…`` URI.

    Returns:
        The generator's settings (defaults: 6 digits, 30 s, SHA1).

    Raises:
        InvalidValue: field ``"totp_secret"``; the codes of :func:`normalize_base32_secret`,
            or ``totp_hotp_unsupported``, ``totp_migration_unsupported`` (a Google
            Authenticator export), ``totp_uri_malformed``, ``totp_uri_missing_secret``,
            ``totp_uri_bad_digits``, ``totp_uri_bad_period``, ``totp_uri_bad_algorithm``.
    """
    text = (raw.reveal() if isinstance(raw, Secret) else raw).strip()
    lowered = text.lower()
    if lowered.startswith("otpauth-migration:"):
        raise _fail(
            "Google Authenticator export URIs hold several secrets; add each account's own",
            "totp_migration_unsupported",
        )
    if lowered.startswith("otpauth:"):
        return _parse_uri(text)
    if "://" in text:
        raise _fail("not an otpauth://totp/ URI", "totp_uri_malformed")
    return TotpConfig(secret=Secret(normalize_base32_secret(text)))


def _timestamp(at: datetime | None) -> float:
    if at is None:
        return time.time()
    if at.tzinfo is None or at.utcoffset() is None:
        # A naive time would silently be read as local time: codes off by hours.
        raise ValueError("current_code() needs a timezone-aware datetime")
    return at.timestamp()


def _code_at(config: TotpConfig, counter: int) -> str:
    # RFC 4226 dynamic truncation. Done here rather than with pyotp, which (2.12+) refuses
    # the 80-bit secrets many services still issue.
    key = base64.b32decode(config.secret.reveal() + "=" * (-len(config.secret) % 8))
    mac = hmac.new(key, counter.to_bytes(8, "big"), config.algorithm.value.lower()).digest()
    offset = mac[-1] & 0x0F
    value = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(value % 10**config.digits).zfill(config.digits)


def current_code(config: TotpConfig, at: datetime | None = None) -> tuple[str, int]:
    """Compute the code an authenticator app shows.

    Args:
        config: the generator's settings.
        at: the moment (timezone-aware); now when None.

    Returns:
        ``(code, seconds_left)``: the zero-padded code and how many whole seconds it stays
        valid (1 to ``config.period``).

    Raises:
        ValueError: ``at`` is naive, or before 1970.
    """
    t = _timestamp(at)
    if t < 0:
        raise ValueError("TOTP is undefined before 1970")
    counter = int(t // config.period)
    seconds_left = math.ceil((counter + 1) * config.period - t)
    return _code_at(config, counter), seconds_left


def verify_code(config: TotpConfig, code: str, at: datetime | None = None, window: int = 1) -> bool:
    """Check a code typed back from an app, allowing ``window`` periods of clock drift.

    Args:
        config: the generator's settings.
        code: the digits the operator typed (spaces ignored).
        at: the moment (timezone-aware); now when None.
        window: how many periods before and after to accept.

    Returns:
        True when the code matches one of the accepted periods.
    """
    typed = "".join(code.split())
    counter = int(_timestamp(at) // config.period)
    return any(
        hmac.compare_digest(typed, _code_at(config, c))
        for c in range(max(counter - window, 0), counter + window + 1)
    )


def to_otpauth_uri(config: TotpConfig) -> Secret:
    """Build the ``otpauth://totp/`` URI (for a QR code) of a configuration.

    Args:
        config: the generator's settings.

    Returns:
        The URI, wrapped as a :class:`Secret` because it contains the secret.
    """
    label = quote(f"{config.issuer}:{config.account}" if config.issuer else config.account, safe="")
    params = f"secret={config.secret.reveal()}"
    if config.issuer:
        params += f"&issuer={quote(config.issuer, safe='')}"
    params += f"&algorithm={config.algorithm.value}&digits={config.digits}&period={config.period}"
    return Secret(f"otpauth://totp/{label}?{params}")
