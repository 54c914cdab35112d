"""Primitives: HKDF-SHA256, AES-256-GCM wrapping, X25519 sealing, HMAC. Thin, typed, tested."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from brankas.core.errors import BrankasError

KEY_BYTES = 32
NONCE_BYTES = 12
X25519_BYTES = 32
SEAL_INFO = b"brankas/seal/v1"


class DecryptionFailed(BrankasError):
    """An AEAD tag did not verify: wrong key, or the data was changed."""


def random_key() -> bytes:
    """A fresh 256-bit key."""
    return secrets.token_bytes(KEY_BYTES)


def hkdf(ikm: bytes, info: bytes, *, length: int = KEY_BYTES, salt: bytes | None = None) -> bytes:
    """HKDF-SHA256 (RFC 5869)."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def hmac_sha256(key: bytes, data: bytes) -> bytes:
    """HMAC-SHA256."""
    return hmac.new(key, data, hashlib.sha256).digest()


def aead_encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """AES-256-GCM with a random 96-bit nonce; returns ``nonce ‖ ciphertext ‖ tag``."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def aead_decrypt(key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Open :func:`aead_encrypt` output.

    Raises:
        DecryptionFailed: wrong key, wrong AAD, or changed data.
    """
    if len(blob) < NONCE_BYTES + 16:
        raise DecryptionFailed("ciphertext too short")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag as exc:
        raise DecryptionFailed("authentication failed") from exc


def x25519_generate() -> tuple[bytes, bytes]:
    """A new X25519 key pair as raw (private, public) bytes."""
    priv = X25519PrivateKey.generate()
    return priv.private_bytes_raw(), priv.public_key().public_bytes_raw()


def x25519_public(private: bytes) -> bytes:
    """The public key of a raw private key."""
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def _shared_key(private: X25519PrivateKey, peer_public: bytes, info: bytes, salt: bytes) -> bytes:
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(peer_public))
    except ValueError as exc:  # low-order point: all-zero shared secret
        raise DecryptionFailed("invalid public key") from exc
    return hkdf(shared, info, salt=salt)


def seal(
    recipient_public: bytes, plaintext: bytes, aad: bytes, *, info: bytes = SEAL_INFO
) -> bytes:
    """Encrypt to an X25519 public key: ephemeral ECDH → HKDF → AES-256-GCM.

    Returns ``ephemeral public ‖ nonce ‖ ciphertext ‖ tag``. The HKDF salt binds both
    public keys so a sealed blob cannot be re-targeted.
    """
    if len(recipient_public) != X25519_BYTES:
        raise ValueError("recipient key must be 32 bytes")
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes_raw()
    key = _shared_key(eph, recipient_public, info, eph_pub + recipient_public)
    return eph_pub + aead_encrypt(key, plaintext, aad)


def unseal(private: bytes, blob: bytes, aad: bytes, *, info: bytes = SEAL_INFO) -> bytes:
    """Open :func:`seal` output with the recipient's raw private key.

    Raises:
        DecryptionFailed: wrong key, wrong AAD, or changed data.
    """
    if len(blob) < X25519_BYTES + NONCE_BYTES + 16:
        raise DecryptionFailed("sealed blob too short")
    me = X25519PrivateKey.from_private_bytes(private)
    eph_pub = blob[:X25519_BYTES]
    my_pub = me.public_key().public_bytes_raw()
    key = _shared_key(me, eph_pub, info, eph_pub + my_pub)
    return aead_decrypt(key, blob[X25519_BYTES:], aad)
