"""The minisign format: Ed25519 keys and signatures that the stock ``minisign`` tool reads.

Public key file (two lines)::

    untrusted comment: minisign public key <KEY ID>
    base64("Ed" ‖ key id (8 bytes) ‖ Ed25519 public key (32 bytes))

Signature file (four lines)::

    untrusted comment: <free text, not signed>
    base64("ED" ‖ key id ‖ Ed25519(BLAKE2b-512(file)))
    trusted comment: <one line>
    base64(Ed25519(signature (64 bytes) ‖ trusted comment))

"ED" is minisign's default, pre-hashed algorithm; the legacy "Ed" (the file signed as
is) is read too. ``<KEY ID>`` is the key id read as a little-endian 64-bit number,
printed in upper-case hex without leading zeros, as minisign prints it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from brankas.core.secret import Secret

PUBLIC_KEY_ALG: Final = b"Ed"
SIG_ALG_HASHED: Final = b"ED"
SIG_ALG_LEGACY: Final = b"Ed"
UNTRUSTED_PREFIX: Final = "untrusted comment: "
TRUSTED_PREFIX: Final = "trusted comment: "
KEY_ID_BYTES: Final = 8
MAX_SIGNATURE_FILE: Final = 8 * 1024
MAX_COMMENT: Final = 1024  # ours are one short line; minisign itself allows 8 KiB


class MinisignError(ValueError):
    """A minisign key or signature is malformed or does not verify (``reason`` says which)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def key_id_text(key_id: bytes) -> str:
    """The key id as minisign prints it (little-endian number, upper-case hex)."""
    return f"{int.from_bytes(key_id, 'little'):X}"


def fingerprint(data: bytes) -> str:
    """A fingerprint to read aloud or compare on paper: SHA-256, first 12 bytes, 6 groups.

    Example: ``"3F2A 91C0 5B7E 0D44 A1C9 77E2"``.
    """
    digest = hashlib.sha256(data).hexdigest()[:24].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 24, 4))


@dataclass(frozen=True, slots=True)
class PublicKey:
    """A minisign public key: key id and Ed25519 public key."""

    key_id: bytes
    key: bytes

    def __post_init__(self) -> None:
        if len(self.key_id) != KEY_ID_BYTES or len(self.key) != 32:
            raise MinisignError("a public key has an 8-byte id and 32 key bytes", "key_length")

    @property
    def key_id_text(self) -> str:
        """The key id as minisign prints it."""
        return key_id_text(self.key_id)

    @property
    def fingerprint(self) -> str:
        """Fingerprint of the 32 public key bytes (printed on the cover sheet)."""
        return fingerprint(self.key)

    def to_base64(self) -> str:
        """The key's base64 line (what ``minisign -P`` takes)."""
        return base64.b64encode(PUBLIC_KEY_ALG + self.key_id + self.key).decode("ascii")

    def to_file_text(self) -> str:
        """The public key file, as ``minisign -G`` writes it."""
        return f"{UNTRUSTED_PREFIX}minisign public key {self.key_id_text}\n{self.to_base64()}\n"

    @classmethod
    def from_base64(cls, text: str) -> PublicKey:
        """Parse a public key's base64 line.

        Raises:
            MinisignError: not a minisign Ed25519 public key.
        """
        raw = _b64(text.strip(), 42, "public key")
        if raw[:2] != PUBLIC_KEY_ALG:
            raise MinisignError("not an Ed25519 minisign public key", "key_algorithm")
        return cls(raw[2:10], raw[10:])

    @classmethod
    def from_file_text(cls, text: str) -> PublicKey:
        """Parse a public key file (an untrusted comment line, then the base64 line).

        Raises:
            MinisignError: not a minisign public key file.
        """
        lines = [ln for ln in text.strip().splitlines() if ln.strip()]
        if len(lines) == 2 and lines[0].startswith(UNTRUSTED_PREFIX):
            return cls.from_base64(lines[1])
        if len(lines) == 1:
            return cls.from_base64(lines[0])
        raise MinisignError("not a minisign public key file", "key_file")


class SigningKey:
    """An Ed25519 signing key with its minisign key id. ``repr`` never shows the key."""

    __slots__ = ("_private", "_seed", "key_id")

    def __init__(self, seed: Secret, key_id: bytes) -> None:
        raw = seed.reveal_bytes()
        if len(raw) != 32 or len(key_id) != KEY_ID_BYTES:
            raise MinisignError("a signing key has a 32-byte seed and an 8-byte id", "key_length")
        self._seed = seed
        self._private = Ed25519PrivateKey.from_private_bytes(raw)
        self.key_id = key_id

    @classmethod
    def generate(cls) -> SigningKey:
        """A new random key and key id."""
        return cls(Secret(secrets.token_bytes(32)), secrets.token_bytes(KEY_ID_BYTES))

    def seed(self) -> Secret:
        """The 32-byte private seed (to store in the vault)."""
        return self._seed

    def public_key(self) -> PublicKey:
        """The matching public key."""
        raw = self._private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(self.key_id, raw)

    def sign(self, data: bytes, *, trusted_comment: str, untrusted_comment: str) -> bytes:
        """Sign ``data`` in minisign's pre-hashed ("ED") format.

        Returns:
            The signature file's bytes (four lines, each ending in a newline).

        Raises:
            MinisignError: a comment is not a single printable line.
        """
        _check_comment(trusted_comment)
        _check_comment(untrusted_comment)
        signature = self._private.sign(hashlib.blake2b(data, digest_size=64).digest())
        global_sig = self._private.sign(signature + trusted_comment.encode("utf-8"))
        lines = (
            UNTRUSTED_PREFIX + untrusted_comment,
            base64.b64encode(SIG_ALG_HASHED + self.key_id + signature).decode("ascii"),
            TRUSTED_PREFIX + trusted_comment,
            base64.b64encode(global_sig).decode("ascii"),
        )
        return ("\n".join(lines) + "\n").encode("utf-8")

    def __repr__(self) -> str:
        return f"SigningKey(key_id={key_id_text(self.key_id)}, seed=***)"


@dataclass(frozen=True, slots=True)
class Signature:
    """A parsed signature file."""

    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str


def parse_signature(raw: bytes) -> Signature:
    """Parse a minisign signature file strictly (four lines, canonical base64).

    Raises:
        MinisignError: anything else.
    """
    if len(raw) > MAX_SIGNATURE_FILE:
        raise MinisignError("the signature file is too large", "signature_size")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MinisignError("the signature file is not UTF-8 text", "signature_encoding") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [ln.removesuffix("\r") for ln in lines]
    if len(lines) != 4:
        raise MinisignError("a signature file has four lines", "signature_lines")
    if not lines[0].startswith(UNTRUSTED_PREFIX) or not lines[2].startswith(TRUSTED_PREFIX):
        raise MinisignError("the signature file's comment lines are missing", "signature_lines")
    body = _b64(lines[1], 74, "signature")
    if body[:2] not in (SIG_ALG_HASHED, SIG_ALG_LEGACY):
        raise MinisignError("unknown signature algorithm", "signature_algorithm")
    trusted = lines[2][len(TRUSTED_PREFIX) :]
    untrusted = lines[0][len(UNTRUSTED_PREFIX) :]
    if len(trusted) > MAX_COMMENT or len(untrusted) > MAX_COMMENT:
        raise MinisignError("a comment is too long", "signature_comment")
    return Signature(
        algorithm=body[:2],
        key_id=body[2:10],
        signature=body[10:],
        trusted_comment=trusted,
        global_signature=_b64(lines[3], 64, "global signature"),
        untrusted_comment=untrusted,
    )


def verify(data: bytes, signature: Signature, key: PublicKey) -> str:
    """Check a signature the way ``minisign -V`` does, including the trusted comment.

    Returns:
        The trusted comment (authenticated).

    Raises:
        MinisignError: reason ``key_id`` (signed by another key), ``signature`` (the file
            or the signature was changed), or ``trusted_comment`` (the comment was changed).
    """
    if not hmac.compare_digest(signature.key_id, key.key_id):
        raise MinisignError("the signature was made by another key", "key_id")
    public = Ed25519PublicKey.from_public_bytes(key.key)
    message = (
        hashlib.blake2b(data, digest_size=64).digest()
        if signature.algorithm == SIG_ALG_HASHED
        else data
    )
    try:
        public.verify(signature.signature, message)
    except InvalidSignature:
        raise MinisignError("the signature does not verify", "signature") from None
    try:
        public.verify(
            signature.global_signature,
            signature.signature + signature.trusted_comment.encode("utf-8"),
        )
    except InvalidSignature:
        raise MinisignError("the trusted comment was changed", "trusted_comment") from None
    return signature.trusted_comment


def _b64(text: str, length: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise MinisignError(f"the {what} is not valid base64", "base64") from None
    # Only the canonical spelling: no second encoding of the same bytes slips through.
    if len(raw) != length or base64.b64encode(raw).decode("ascii") != text:
        raise MinisignError(f"the {what} has the wrong length", "base64")
    return raw


def _check_comment(comment: str) -> None:
    if len(comment) > MAX_COMMENT or any(c in comment for c in "\r\n\x00"):
        raise MinisignError("a comment must be one short line", "signature_comment")
