"""Published test vectors for the primitives Brankas builds on (RFC 9106 Argon2id and RFC 5869
HKDF are in tests/core/vault: test_vault_kdf.py, test_vault_primitives.py)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from brankas.core.crypto.primitives import (
    DecryptionFailed,
    aead_decrypt,
    aead_encrypt,
    hkdf,
    x25519_public,
)


@pytest.mark.parametrize(
    ("scalar", "u", "out"),
    [  # RFC 7748 §5.2, the two single-step X25519 vectors.
        (
            "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
            "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
            "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        ),
        (
            "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
            "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
            "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
        ),
    ],
)
def test_sec_x25519_rfc7748_section_5_2(scalar: str, u: str, out: str) -> None:
    priv = X25519PrivateKey.from_private_bytes(bytes.fromhex(scalar))
    assert priv.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(u))).hex() == out


def test_sec_x25519_rfc7748_section_6_1_shared_secret() -> None:
    alice = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
    bob = bytes.fromhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
    shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"
    a = X25519PrivateKey.from_private_bytes(alice)
    b = X25519PrivateKey.from_private_bytes(bob)
    assert a.exchange(X25519PublicKey.from_public_bytes(x25519_public(bob))).hex() == shared
    assert b.exchange(X25519PublicKey.from_public_bytes(x25519_public(alice))).hex() == shared


def test_sec_hkdf_rfc5869_test_case_2_long_inputs() -> None:
    ikm = bytes(range(0x00, 0x50))
    salt = bytes(range(0x60, 0xB0))
    info = bytes(range(0xB0, 0x100))
    okm = (
        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
        "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
        "cc30c58179ec3e87c14c01d5c1f3434f1d87"
    )
    assert hkdf(ikm, info, length=82, salt=salt).hex() == okm


# The GCM specification (McGrew & Viega) test cases 13 and 14: AES-256, zero key, zero IV.
ZERO_KEY, ZERO_IV = bytes(32), bytes(12)


@pytest.mark.parametrize(
    ("pt", "ct", "tag"),
    [
        ("", "", "530f8afbc74536b9a963b4f1c4cb738b"),
        ("00" * 16, "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
    ],
)
def test_sec_aes256_gcm_spec_vectors(pt: str, ct: str, tag: str) -> None:
    blob = ZERO_IV + bytes.fromhex(ct) + bytes.fromhex(tag)
    assert aead_decrypt(ZERO_KEY, blob, b"").hex() == pt
    bad = bytearray(blob)
    bad[-1] ^= 1
    with pytest.raises(DecryptionFailed):
        aead_decrypt(ZERO_KEY, bytes(bad), b"")


def test_sec_aead_blob_layout_is_nonce_ciphertext_tag() -> None:
    blob = aead_encrypt(ZERO_KEY, b"\x00" * 16, b"")
    assert len(blob) == 12 + 16 + 16
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    assert AESGCM(ZERO_KEY).decrypt(blob[:12], blob[12:], b"") == b"\x00" * 16
