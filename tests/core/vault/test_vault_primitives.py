"""HKDF, AES-GCM wrapping and X25519 sealing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brankas.core.crypto.primitives import (
    DecryptionFailed,
    aead_decrypt,
    aead_encrypt,
    hkdf,
    hmac_sha256,
    random_key,
    seal,
    unseal,
    x25519_generate,
    x25519_public,
)
from brankas.core.errors import BrankasError

KEY = bytes(range(32))


# --- HKDF / HMAC ------------------------------------------------------------------------
def test_hkdf_rfc5869_test_case_1() -> None:
    ikm = bytes.fromhex("0b" * 22)
    salt = bytes.fromhex("000102030405060708090a0b0c")
    info = bytes.fromhex("f0f1f2f3f4f5f6f7f8f9")
    okm = hkdf(ikm, info, length=42, salt=salt)
    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_hkdf_rfc5869_test_case_3_no_salt_no_info() -> None:
    okm = hkdf(bytes.fromhex("0b" * 22), b"", length=42)
    assert okm.hex() == (
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
    )


def test_hkdf_separates_by_info() -> None:
    assert hkdf(KEY, b"a") != hkdf(KEY, b"b")
    assert len(hkdf(KEY, b"a")) == 32


def test_hmac_sha256_rfc4231_case_2() -> None:
    mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?")
    assert mac.hex() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"


# --- AES-GCM ----------------------------------------------------------------------------
@given(pt=st.binary(max_size=256), aad=st.binary(max_size=64))
def test_aead_round_trip(pt: bytes, aad: bytes) -> None:
    blob = aead_encrypt(KEY, pt, aad)
    assert len(blob) == 12 + len(pt) + 16
    assert aead_decrypt(KEY, blob, aad) == pt


def test_aead_uses_a_fresh_nonce() -> None:
    assert aead_encrypt(KEY, b"same", b"") != aead_encrypt(KEY, b"same", b"")


@given(
    pt=st.binary(max_size=64),
    aad=st.binary(max_size=32),
    data=st.data(),
)
def test_aead_any_bit_flip_in_blob_fails(pt: bytes, aad: bytes, data: st.DataObject) -> None:
    blob = bytearray(aead_encrypt(KEY, pt, aad))
    bit = data.draw(st.integers(0, len(blob) * 8 - 1))
    blob[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(DecryptionFailed):
        aead_decrypt(KEY, bytes(blob), aad)


@given(pt=st.binary(max_size=64), aad=st.binary(min_size=1, max_size=32), data=st.data())
def test_aead_any_bit_flip_in_aad_fails(pt: bytes, aad: bytes, data: st.DataObject) -> None:
    blob = aead_encrypt(KEY, pt, aad)
    bit = data.draw(st.integers(0, len(aad) * 8 - 1))
    bad = bytearray(aad)
    bad[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(DecryptionFailed):
        aead_decrypt(KEY, blob, bytes(bad))


@given(blob=st.binary(max_size=40))
def test_aead_garbage_only_raises_decryption_failed(blob: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        aead_decrypt(KEY, blob, b"")


def test_aead_wrong_key_and_truncation() -> None:
    blob = aead_encrypt(KEY, b"vk", b"aad")
    with pytest.raises(DecryptionFailed):
        aead_decrypt(random_key(), blob, b"aad")
    with pytest.raises(DecryptionFailed):
        aead_decrypt(KEY, blob[:-1], b"aad")
    with pytest.raises(DecryptionFailed):
        aead_decrypt(KEY, blob[:27], b"aad")  # shorter than nonce + tag
    with pytest.raises(DecryptionFailed):
        aead_decrypt(KEY, blob + b"\x00", b"aad")
    assert issubclass(DecryptionFailed, BrankasError)


# --- X25519 sealing -----------------------------------------------------------------------
def test_x25519_public_matches_generated_pair() -> None:
    priv, pub = x25519_generate()
    assert x25519_public(priv) == pub
    assert len(priv) == len(pub) == 32


def test_x25519_rfc7748_public_key() -> None:
    # RFC 7748 §6.1, Alice's key pair.
    priv = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
    pub = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
    assert x25519_public(priv).hex() == pub


_PAIR = x25519_generate()


@settings(max_examples=50)
@given(pt=st.binary(max_size=128), aad=st.binary(max_size=64))
def test_seal_round_trip(pt: bytes, aad: bytes) -> None:
    priv, pub = _PAIR
    blob = seal(pub, pt, aad)
    assert len(blob) == 32 + 12 + len(pt) + 16
    assert unseal(priv, blob, aad) == pt


def test_seal_is_randomised() -> None:
    _, pub = _PAIR
    a, b = seal(pub, b"vk", b""), seal(pub, b"vk", b"")
    assert a[:32] != b[:32]  # fresh ephemeral key each time


def test_unseal_with_wrong_private_key_fails() -> None:
    _, pub = _PAIR
    other, _ = x25519_generate()
    with pytest.raises(DecryptionFailed):
        unseal(other, seal(pub, b"vk", b"aad"), b"aad")


def test_unseal_with_wrong_aad_fails() -> None:
    priv, pub = _PAIR
    with pytest.raises(DecryptionFailed):
        unseal(priv, seal(pub, b"vk", b"slot-1"), b"slot-2")


def test_info_separates_domains() -> None:
    priv, pub = _PAIR
    with pytest.raises(DecryptionFailed):
        unseal(priv, seal(pub, b"vk", b"", info=b"a"), b"", info=b"b")


@settings(max_examples=50)
@given(data=st.data())
def test_sealed_blob_any_bit_flip_fails(data: st.DataObject) -> None:
    priv, pub = _PAIR
    blob = bytearray(seal(pub, b"\x42" * 32, b"aad"))
    bit = data.draw(st.integers(0, len(blob) * 8 - 1))
    blob[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(DecryptionFailed):
        unseal(priv, bytes(blob), b"aad")


def test_unseal_too_short_fails() -> None:
    priv, pub = _PAIR
    with pytest.raises(DecryptionFailed):
        unseal(priv, seal(pub, b"", b"")[:-1], b"")


# Points of small order on Curve25519 (RFC 7748 §7 / cr.yp.to/ecdh.html): the shared
# secret would be all zeros, which would make the seal key public.
LOW_ORDER = [
    bytes(32),
    (1).to_bytes(32, "little"),
    bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
    bytes.fromhex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
    bytes.fromhex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
]


@pytest.mark.parametrize("point", LOW_ORDER, ids=lambda p: p.hex()[:8])
def test_seal_to_low_order_public_key_is_refused(point: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        seal(point, b"vk", b"")


@pytest.mark.parametrize("point", LOW_ORDER, ids=lambda p: p.hex()[:8])
def test_unseal_with_low_order_ephemeral_key_is_refused(point: bytes) -> None:
    priv, _ = _PAIR
    forged = point + aead_encrypt(hkdf(bytes(32), b"brankas/seal/v1"), b"vk", b"")
    with pytest.raises(DecryptionFailed):
        unseal(priv, forged, b"")


def test_seal_refuses_wrong_length_key() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        seal(b"\x09" * 31, b"vk", b"")
