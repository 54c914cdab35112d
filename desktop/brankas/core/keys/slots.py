"""Making and opening key slots. Every sealed value's AAD binds vault id, slot id and epoch."""

from __future__ import annotations

import secrets
import unicodedata
from datetime import UTC, datetime, timedelta

from brankas.core.crypto.kdf import KdfParams, KdfPolicy, derive_key
from brankas.core.crypto.primitives import (
    DecryptionFailed,
    aead_decrypt,
    aead_encrypt,
    hkdf,
    hmac_sha256,
    seal,
    unseal,
    x25519_generate,
    x25519_public,
)
from brankas.core.errors import (
    DeviceKeyUnavailable,
    KeyTableCorrupt,
    WrongPassword,
    WrongRecoveryKit,
)
from brankas.core.keys.table import DeviceSlot, OperatorSlot, RecoverySlot, Slot, canonical_json
from brankas.core.secret import Secret

RECOVERY_SLOT_ID = "recovery"
_RECOVERY_INFO = b"brankas/recovery/v1"
_DEVICE_INFO = b"brankas/device/v1"
_KDEV_INFO = b"brankas/device-wrap/v1"


def new_slot_id(prefix: str) -> str:
    """A random slot id such as ``op-1f2e…``."""
    return f"{prefix}-{secrets.token_hex(8)}"


def normalize_username(name: str) -> str:
    """The form of an operator name that identifies its slot (case and spacing folded)."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def username_tag(vault_id: str, name: str) -> bytes:
    """Lookup tag for an operator slot: finds it by name without storing the name."""
    return hmac_sha256(vault_id.encode(), b"brankas/operator/" + normalize_username(name).encode())[
        :16
    ]


def _vk_aad(vault_id: str, slot_id: str, epoch: int, **extra: object) -> bytes:
    return canonical_json({"p": "vk", "vault": vault_id, "slot": slot_id, "epoch": epoch, **extra})


def _private_aad(vault_id: str, slot_id: str, kdf: KdfParams) -> bytes:
    return canonical_json(
        {"p": "op-private", "vault": vault_id, "slot": slot_id, "kdf": kdf.to_dict()}
    )


# --- operator slots -----------------------------------------------------------------
def make_operator_slot(
    vault_id: str,
    epoch: int,
    vk: bytes,
    username: str,
    password: Secret,
    kdf: KdfParams,
    policy: KdfPolicy,
    *,
    slot_id: str | None = None,
) -> OperatorSlot:
    """A new operator slot (a new key pair) holding ``vk``.

    Raises:
        KdfBelowFloor: ``kdf`` is below the policy floor (checked on write too).
    """
    sid = slot_id or new_slot_id("op")
    private, public = x25519_generate()
    wrap_key = derive_key(password, kdf, policy)
    return OperatorSlot(
        id=sid,
        tag=username_tag(vault_id, username),
        kdf=kdf,
        public_key=public,
        private_enc=aead_encrypt(wrap_key, private, _private_aad(vault_id, sid, kdf)),
        vk_sealed=seal(public, vk, _vk_aad(vault_id, sid, epoch, kdf=kdf.to_dict())),
    )


def operator_wrap_key(password: Secret, slot: OperatorSlot, policy: KdfPolicy) -> bytes:
    """Argon2id(password) with the slot's parameters: the key that wraps its private key.

    Raises:
        KdfBelowFloor: the slot's parameters are below the floor.
    """
    return derive_key(password, slot.kdf, policy)


def operator_private_key(vault_id: str, slot: OperatorSlot, wrap_key: bytes) -> bytes:
    """Decrypt the operator's private key with the key from :func:`operator_wrap_key`.

    Raises:
        WrongPassword: the password does not open the slot (or the slot was changed).
    """
    try:
        private = aead_decrypt(
            wrap_key, slot.private_enc, _private_aad(vault_id, slot.id, slot.kdf)
        )
    except DecryptionFailed as exc:
        raise WrongPassword("the password does not open this operator slot") from exc
    if x25519_public(private) != slot.public_key:
        raise KeyTableCorrupt("operator slot's key pair does not match")
    return private


def open_operator_slot(vault_id: str, epoch: int, slot: OperatorSlot, private: bytes) -> bytes:
    """Unseal VK from an operator slot with the operator's private key.

    Raises:
        KeyTableCorrupt: the sealed VK does not authenticate (moved or edited slot).
    """
    try:
        return unseal(
            private, slot.vk_sealed, _vk_aad(vault_id, slot.id, epoch, kdf=slot.kdf.to_dict())
        )
    except DecryptionFailed as exc:
        raise KeyTableCorrupt("operator slot's vault key does not authenticate") from exc


def reseal_operator_slot(vault_id: str, epoch: int, slot: OperatorSlot, vk: bytes) -> OperatorSlot:
    """The same slot with ``vk`` sealed for ``epoch`` (no password needed: public key)."""
    aad = _vk_aad(vault_id, slot.id, epoch, kdf=slot.kdf.to_dict())
    return OperatorSlot(
        slot.id,
        slot.tag,
        slot.kdf,
        slot.public_key,
        slot.private_enc,
        seal(slot.public_key, vk, aad),
    )


def rewrap_operator_private(
    vault_id: str,
    epoch: int,
    slot: OperatorSlot,
    private: bytes,
    vk: bytes,
    new_password: Secret,
    kdf: KdfParams,
    policy: KdfPolicy,
    *,
    username: str | None = None,
) -> OperatorSlot:
    """The slot with its private key under a new password (and optionally a new name)."""
    wrap_key = derive_key(new_password, kdf, policy)
    return OperatorSlot(
        id=slot.id,
        tag=username_tag(vault_id, username) if username is not None else slot.tag,
        kdf=kdf,
        public_key=slot.public_key,
        private_enc=aead_encrypt(wrap_key, private, _private_aad(vault_id, slot.id, kdf)),
        vk_sealed=seal(slot.public_key, vk, _vk_aad(vault_id, slot.id, epoch, kdf=kdf.to_dict())),
    )


# --- recovery slot --------------------------------------------------------------------
def _recovery_private(recovery_secret: bytes) -> bytes:
    return hkdf(recovery_secret, _RECOVERY_INFO)


def make_recovery_slot(
    vault_id: str, epoch: int, vk: bytes, recovery_secret: bytes
) -> RecoverySlot:
    """The recovery slot for a 128-bit kit secret."""
    public = x25519_public(_recovery_private(recovery_secret))
    return RecoverySlot(
        id=RECOVERY_SLOT_ID,
        public_key=public,
        vk_sealed=seal(public, vk, _vk_aad(vault_id, RECOVERY_SLOT_ID, epoch)),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def open_recovery_slot(
    vault_id: str, epoch: int, slot: RecoverySlot, recovery_secret: bytes
) -> bytes:
    """Unseal VK with the recovery kit.

    Raises:
        WrongRecoveryKit: the kit belongs to another vault or an older kit.
    """
    private = _recovery_private(recovery_secret)
    if x25519_public(private) != slot.public_key:
        raise WrongRecoveryKit("the recovery kit does not open this vault")
    try:
        return unseal(private, slot.vk_sealed, _vk_aad(vault_id, slot.id, epoch))
    except DecryptionFailed as exc:
        raise KeyTableCorrupt("recovery slot's vault key does not authenticate") from exc


def reseal_recovery_slot(vault_id: str, epoch: int, slot: RecoverySlot, vk: bytes) -> RecoverySlot:
    """The recovery slot sealed for ``epoch``."""
    aad = _vk_aad(vault_id, slot.id, epoch)
    return RecoverySlot(slot.id, slot.public_key, seal(slot.public_key, vk, aad), slot.created_at)


# --- device slots ---------------------------------------------------------------------
def _device_aad(
    vault_id: str, slot_id: str, epoch: int, operator_id: str, expires_at: str
) -> bytes:
    return _vk_aad(vault_id, slot_id, epoch, operator=operator_id, expires=expires_at)


def make_device_slot(
    vault_id: str, epoch: int, vk: bytes, operator_id: str, days: int, device_secret: bytes
) -> DeviceSlot:
    """A device slot for ``operator_id``, valid for ``days``; ``device_secret`` goes to the keyring."""
    sid = new_slot_id("dev")
    expires = (datetime.now(UTC) + timedelta(days=days)).isoformat(timespec="seconds")
    kdev = hkdf(device_secret, _DEVICE_INFO)
    return DeviceSlot(
        id=sid,
        operator_id=operator_id,
        expires_at=expires,
        kdev_wrapped=aead_encrypt(hkdf(vk, _KDEV_INFO), kdev, sid.encode()),
        vk_wrapped=aead_encrypt(kdev, vk, _device_aad(vault_id, sid, epoch, operator_id, expires)),
    )


def open_device_slot(vault_id: str, epoch: int, slot: DeviceSlot, device_secret: bytes) -> bytes:
    """Unwrap VK with the secret from the keyring.

    Raises:
        DeviceKeyUnavailable: expired, or the keyring's secret does not fit.
    """
    if slot.expired(datetime.now(UTC)):
        raise DeviceKeyUnavailable("remembered unlock on this PC has expired")
    kdev = hkdf(device_secret, _DEVICE_INFO)
    aad = _device_aad(vault_id, slot.id, epoch, slot.operator_id, slot.expires_at)
    try:
        return aead_decrypt(kdev, slot.vk_wrapped, aad)
    except DecryptionFailed as exc:
        raise DeviceKeyUnavailable("the key remembered on this PC does not fit") from exc


def reseal_device_slot(vault_id: str, epoch: int, slot: DeviceSlot, vk: bytes) -> DeviceSlot:
    """The device slot re-wrapped for ``epoch`` (same VK), via its VK-wrapped device key."""
    kdev = aead_decrypt(hkdf(vk, _KDEV_INFO), slot.kdev_wrapped, slot.id.encode())
    aad = _device_aad(vault_id, slot.id, epoch, slot.operator_id, slot.expires_at)
    return DeviceSlot(
        slot.id, slot.operator_id, slot.expires_at, slot.kdev_wrapped, aead_encrypt(kdev, vk, aad)
    )


def reseal_all(vault_id: str, epoch: int, slots: tuple[Slot, ...], vk: bytes) -> tuple[Slot, ...]:
    """Every slot sealed for ``epoch`` (epoch bump without a new VK, e.g. on export)."""
    out: list[Slot] = []
    for s in slots:
        if isinstance(s, OperatorSlot):
            out.append(reseal_operator_slot(vault_id, epoch, s, vk))
        elif isinstance(s, RecoverySlot):
            out.append(reseal_recovery_slot(vault_id, epoch, s, vk))
        else:
            out.append(reseal_device_slot(vault_id, epoch, s, vk))
    return tuple(out)
