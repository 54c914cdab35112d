"""TOTP secrets: parsing base32 and otpauth URIs, RFC 6238 vectors, agreement with pyotp."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pyotp
import pytest
from hypothesis import given
from hypothesis import strategies as st

from brankas.core.domain.totp import (
    TotpAlgorithm,
    TotpConfig,
    current_code,
    normalize_base32_secret,
    parse_totp,
    to_otpauth_uri,
    verify_code,
)
from brankas.core.errors import InvalidValue, ValidationError
from brankas.core.secret import Secret


def _b32(key: bytes) -> str:
    return base64.b32encode(key).decode().rstrip("=")


RFC_KEYS = {
    TotpAlgorithm.SHA1: _b32(b"12345678901234567890"),
    TotpAlgorithm.SHA256: _b32(b"12345678901234567890123456789012"),
    TotpAlgorithm.SHA512: _b32(b"1234567890" * 6 + b"1234"),
}

# RFC 6238, appendix B.
RFC_VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


def _at(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


@pytest.mark.parametrize(("ts", "sha1", "sha256", "sha512"), RFC_VECTORS)
def test_rfc6238_vectors(ts: int, sha1: str, sha256: str, sha512: str) -> None:
    for algorithm, expected in zip(TotpAlgorithm, (sha1, sha256, sha512), strict=True):
        config = TotpConfig(Secret(RFC_KEYS[algorithm]), digits=8, algorithm=algorithm)
        code, left = current_code(config, _at(ts))
        assert code == expected
        assert left == 30 - ts % 30


def test_rfc_sha1_secret_as_an_app_shows_it() -> None:
    spaced = " ".join(RFC_KEYS[TotpAlgorithm.SHA1].lower()[i : i + 4] for i in range(0, 32, 4))
    config = parse_totp(spaced)
    assert config.secret.reveal() == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert (config.digits, config.period, config.algorithm) == (6, 30, TotpAlgorithm.SHA1)
    assert current_code(config, _at(59)) == ("287082", 1)


@pytest.mark.parametrize(
    "raw",
    [
        "JBSWY3DPEHPK3PXP",
        "jbswy3dpehpk3pxp",
        "jbsw y3dp ehpk 3pxp",
        "JBSW-Y3DP-EHPK-3PXP",
        "  JBSWY3DPEHPK3PXP\n",
        "JBSWY3DPEHPK3PXP====",
        "JBSW\u00a0Y3DP\tEHPK 3PXP",
    ],
)
def test_base32_forms(raw: str) -> None:
    assert parse_totp(raw).secret == Secret("JBSWY3DPEHPK3PXP")
    assert parse_totp(Secret(raw)).secret.reveal() == "JBSWY3DPEHPK3PXP"


def test_unpadded_odd_length_secret() -> None:
    # 26 characters = 16 bytes: needs 6 padding characters to decode.
    raw = _b32(bytes(range(16)))
    assert len(raw) == 26
    assert parse_totp(raw).secret.reveal() == raw


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "totp_secret_empty"),
        ("   ", "totp_secret_empty"),
        ("JBSWY3DPEHPK3PX0", "totp_secret_invalid_chars"),
        ("JBSWY3DPEHPK3PX1", "totp_secret_invalid_chars"),
        ("JBSWY3DPEHPK3PX8", "totp_secret_invalid_chars"),
        ("JBSWY3DPEHPK3PX!", "totp_secret_invalid_chars"),
        ("JBSWY3DP", "totp_secret_too_short"),
        ("JBSWY3DPEHPK3PX", "totp_secret_too_short"),
        ("JBSWY3DPEHPK3PXPA", "totp_secret_malformed"),
        ("A" * 300, "totp_secret_too_long"),
        ("otpauth://hotp/Example:a?secret=JBSWY3DPEHPK3PXP&counter=0", "totp_hotp_unsupported"),
        ("otpauth-migration://offline?data=CjEKCkhlbGxvId", "totp_migration_unsupported"),
        ("otpauth://totp/Example:a", "totp_uri_missing_secret"),
        ("otpauth://totp/Example:a?secret=", "totp_uri_missing_secret"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP", "totp_uri_malformed"),
        ("otpauth://foo/a?secret=JBSWY3DPEHPK3PXP", "totp_uri_malformed"),
        ("https://example.com/?secret=JBSWY3DPEHPK3PXP", "totp_uri_malformed"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=5", "totp_uri_bad_digits"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=six", "totp_uri_bad_digits"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=9", "totp_uri_bad_digits"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=0", "totp_uri_bad_period"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=-30", "totp_uri_bad_period"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=3601", "totp_uri_bad_period"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5", "totp_uri_bad_algorithm"),
        ("otpauth://totp/a?secret=JBSWY3DPEHPK3P0P", "totp_secret_invalid_chars"),
    ],
)
def test_bad_secrets(raw: str, code: str) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_totp(raw)
    assert info.value.code == code
    assert info.value.field == "totp_secret"
    assert isinstance(info.value, ValidationError)
    assert "JBSWY3DP" not in str(info.value), "an error message must not echo the secret"


def test_full_uri() -> None:
    config = parse_totp(
        "otpauth://totp/Bawaslu%20Buol:panwascam.biau%40gmail.com"
        "?secret=jbswy3dpehpk3pxp&issuer=Bawaslu+Buol&algorithm=sha256&digits=8&period=60"
        "&image=https%3A%2F%2Fexample.com%2Flogo.png"
    )
    assert config.secret.reveal() == "JBSWY3DPEHPK3PXP"
    assert config.issuer == "Bawaslu Buol"
    assert config.account == "panwascam.biau@gmail.com"
    assert (config.digits, config.period, config.algorithm) == (8, 60, TotpAlgorithm.SHA256)


@pytest.mark.parametrize(
    ("uri", "issuer", "account"),
    [
        ("otpauth://totp/alice@example.com?secret=JBSWY3DPEHPK3PXP", "", "alice@example.com"),
        ("otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP", "Example", "alice"),
        ("otpauth://totp/Example%3A%20alice?secret=JBSWY3DPEHPK3PXP", "Example", "alice"),
        ("otpauth://totp/Old:alice?secret=JBSWY3DPEHPK3PXP&issuer=New", "New", "alice"),
        ("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&issuer=Example", "Example", "alice"),
        ("OTPAUTH://TOTP/x?secret=JBSWY3DPEHPK3PXP", "", "x"),
        ("otpauth://totp/?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-512", "", ""),
    ],
)
def test_uri_labels(uri: str, issuer: str, account: str) -> None:
    config = parse_totp(uri)
    assert (config.issuer, config.account) == (issuer, account)


def test_uri_defaults_and_empty_params() -> None:
    config = parse_totp("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=&period=")
    assert (config.digits, config.period, config.algorithm) == (6, 30, TotpAlgorithm.SHA1)


def test_seconds_left_counts_down_within_a_period() -> None:
    config = parse_totp("JBSWY3DPEHPK3PXP")
    base = 1_700_000_010  # a period boundary (divisible by 30)
    assert base % 30 == 0
    codes = {current_code(config, _at(base + s))[0] for s in range(30)}
    assert len(codes) == 1
    assert [current_code(config, _at(base + s))[1] for s in (0, 1, 29)] == [30, 29, 1]
    assert current_code(config, _at(base + 29.5))[1] == 1
    assert current_code(config, _at(base + 30))[0] not in codes


def test_time_zone_does_not_matter_but_naive_is_refused() -> None:
    config = parse_totp("JBSWY3DPEHPK3PXP")
    utc = datetime(2025, 1, 27, 9, 0, tzinfo=UTC)
    wita = utc.astimezone(timezone(timedelta(hours=8)))
    assert current_code(config, utc) == current_code(config, wita)
    with pytest.raises(ValueError):
        current_code(config, datetime(2025, 1, 27, 9, 0))
    with pytest.raises(ValueError):
        current_code(config, _at(-31))


def test_now_is_used_by_default() -> None:
    config = parse_totp(RFC_KEYS[TotpAlgorithm.SHA1])
    code, left = current_code(config)
    assert len(code) == 6 and code.isdigit() and 1 <= left <= 30
    assert verify_code(config, code)


def test_verify_code_allows_one_period_of_drift() -> None:
    config = parse_totp("JBSWY3DPEHPK3PXP")
    at = _at(1_700_000_010)
    code, _ = current_code(config, at)
    assert verify_code(config, code, at)
    assert verify_code(config, code[:3] + " " + code[3:], at)
    assert verify_code(config, code, at + timedelta(seconds=30))
    assert not verify_code(config, code, at + timedelta(seconds=60))
    assert not verify_code(config, code, at + timedelta(seconds=30), window=0)
    wrong = str((int(code) + 1) % 10**6).zfill(6)
    assert not verify_code(config, wrong, at)


@given(
    key=st.binary(min_size=14, max_size=64),
    ts=st.integers(min_value=0, max_value=2**33),
    digits=st.sampled_from([6, 7, 8]),
    period=st.sampled_from([15, 30, 60, 120]),
    algorithm=st.sampled_from(TotpAlgorithm),
)
def test_agrees_with_pyotp(
    key: bytes, ts: int, digits: int, period: int, algorithm: TotpAlgorithm
) -> None:
    secret = _b32(key)
    config = TotpConfig(Secret(secret), digits=digits, period=period, algorithm=algorithm)
    digest = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}
    oracle = pyotp.TOTP(secret, digits=digits, interval=period, digest=digest[algorithm.value])
    assert current_code(config, _at(ts))[0] == oracle.at(ts)


def test_eighty_bit_secrets_work() -> None:
    # pyotp refuses these (under 112 bits); services still issue them.
    config = parse_totp("JBSWY3DPEHPK3PXP")
    assert len(base64.b32decode(config.secret.reveal())) == 10
    assert current_code(config, _at(0))[0].isdigit()


@given(
    key=st.binary(min_size=10, max_size=64),
    issuer=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), max_size=20
    ).filter(lambda s: ":" not in s),
    account=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), max_size=30
    ),
    digits=st.sampled_from([6, 7, 8]),
    period=st.integers(min_value=1, max_value=3600),
    algorithm=st.sampled_from(TotpAlgorithm),
)
def test_uri_round_trip(
    key: bytes, issuer: str, account: str, digits: int, period: int, algorithm: TotpAlgorithm
) -> None:
    if not issuer and ":" in account:
        account = account.replace(":", "")
    config = TotpConfig(Secret(_b32(key)), issuer, account, digits, period, algorithm)
    uri = to_otpauth_uri(config)
    assert repr(uri) == "Secret(***)"
    assert parse_totp(uri) == config


def test_secret_is_masked_in_repr() -> None:
    config = parse_totp("JBSWY3DPEHPK3PXP")
    assert "JBSWY3DP" not in repr(config)


def test_normalize_base32_secret_is_idempotent() -> None:
    once = normalize_base32_secret("jbsw y3dp ehpk 3pxp")
    assert normalize_base32_secret(once) == once
