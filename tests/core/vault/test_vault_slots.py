"""Key slots: every sealed value is bound to its vault, its slot id, its KDF and its epoch."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from vault_support import FAST_POLICY, fast_kdf

from brankas.core.crypto.primitives import random_key
from brankas.core.errors import (
    DeviceKeyUnavailable,
    KeyTableCorrupt,
    WrongPassword,
    WrongRecoveryKit,
)
from brankas.core.keys import slots as sl
from brankas.core.keys.table import OperatorSlot
from brankas.core.secret import Secret

VAULT_A = "a" * 32
VAULT_B = "b" * 32
PW = Secret("kata sandi")


def _op(
    vault_id: str = VAULT_A, epoch: int = 0, vk: bytes | None = None
) -> tuple[OperatorSlot, bytes]:
    vk = vk or random_key()
    return sl.make_operator_slot(vault_id, epoch, vk, "Ani", PW, fast_kdf(), FAST_POLICY), vk


def _private(vault_id: str, slot: OperatorSlot, password: Secret = PW) -> bytes:
    return sl.operator_private_key(
        vault_id, slot, sl.operator_wrap_key(password, slot, FAST_POLICY)
    )


# --- operator slots ----------------------------------------------------------------------
def test_operator_slot_opens_with_its_password() -> None:
    slot, vk = _op(epoch=2)
    assert sl.open_operator_slot(VAULT_A, 2, slot, _private(VAULT_A, slot)) == vk


def test_operator_slot_wrong_password() -> None:
    slot, _ = _op()
    with pytest.raises(WrongPassword) as info:
        _private(VAULT_A, slot, Secret("kata sandi!"))
    assert "kata sandi" not in str(info.value)


def test_slot_copied_from_another_vault_is_refused() -> None:
    slot, _ = _op(VAULT_A)
    # The name tag does not match in vault B ...
    assert slot.tag != sl.username_tag(VAULT_B, "Ani")
    # ... and even with the right password neither sealed value opens there.
    with pytest.raises(WrongPassword):
        _private(VAULT_B, slot)
    private = _private(VAULT_A, slot)
    with pytest.raises(KeyTableCorrupt):
        sl.open_operator_slot(VAULT_B, 0, slot, private)


def test_slot_moved_to_another_slot_id_is_refused() -> None:
    slot, _ = _op()
    private = _private(VAULT_A, slot)
    moved = dataclasses.replace(slot, id="op-someone-else")
    with pytest.raises(WrongPassword):
        _private(VAULT_A, moved)
    with pytest.raises(KeyTableCorrupt):
        sl.open_operator_slot(VAULT_A, 0, moved, private)


def test_vk_sealed_from_an_older_epoch_is_refused() -> None:
    slot, vk = _op(epoch=4)
    private = _private(VAULT_A, slot)
    with pytest.raises(KeyTableCorrupt):
        sl.open_operator_slot(VAULT_A, 5, slot, private)
    newer = sl.reseal_operator_slot(VAULT_A, 5, slot, vk)
    assert sl.open_operator_slot(VAULT_A, 5, newer, private) == vk
    # and the newer sealing cannot be replayed as the old epoch either
    with pytest.raises(KeyTableCorrupt):
        sl.open_operator_slot(VAULT_A, 4, newer, private)


def test_old_vk_sealed_spliced_into_new_slot_is_refused() -> None:
    # After a rekey, the slot's epoch-1 sealing of the old VK cannot pass as epoch 2.
    slot, old_vk = _op(epoch=1)
    newer = sl.reseal_operator_slot(VAULT_A, 2, slot, random_key())
    spliced = dataclasses.replace(newer, vk_sealed=slot.vk_sealed)
    private = _private(VAULT_A, slot)
    with pytest.raises(KeyTableCorrupt):
        sl.open_operator_slot(VAULT_A, 2, spliced, private)
    assert sl.open_operator_slot(VAULT_A, 1, spliced, private) == old_vk


def test_kdf_parameters_are_bound_into_the_slot() -> None:
    slot, _ = _op()
    private = _private(VAULT_A, slot)
    # Claiming other parameters (e.g. a weaker t) breaks both AADs, whatever the key.
    weaker = dataclasses.replace(slot, kdf=dataclasses.replace(slot.kdf, time_cost=2))
    with pytest.raises(KeyTableCorrupt):
        sl.open_operator_slot(VAULT_A, 0, weaker, private)
    wrap_key = sl.operator_wrap_key(PW, slot, FAST_POLICY)  # the key of the real parameters
    with pytest.raises(WrongPassword):
        sl.operator_private_key(VAULT_A, weaker, wrap_key)


def test_private_key_swapped_between_slots_is_detected() -> None:
    a, _ = _op()
    b = sl.make_operator_slot(
        VAULT_A, 0, random_key(), "Budi", PW, a.kdf, FAST_POLICY, slot_id=a.id
    )
    # b's private key under a's public key: decrypts (same password, id, KDF) but does not match.
    franken = dataclasses.replace(a, private_enc=b.private_enc)
    with pytest.raises(KeyTableCorrupt):
        _private(VAULT_A, franken)


def test_rewrap_changes_password_keeps_key_pair() -> None:
    slot, vk = _op(epoch=1)
    private = _private(VAULT_A, slot)
    new = sl.rewrap_operator_private(
        VAULT_A, 1, slot, private, vk, Secret("baru"), fast_kdf(), FAST_POLICY
    )
    assert new.public_key == slot.public_key and new.id == slot.id and new.tag == slot.tag
    with pytest.raises(WrongPassword):
        _private(VAULT_A, new)
    assert sl.open_operator_slot(VAULT_A, 1, new, _private(VAULT_A, new, Secret("baru"))) == vk


def test_username_tag_folds_case_space_and_width() -> None:
    base = sl.username_tag(VAULT_A, "Admin Satu")
    for variant in ("admin satu", "  ADMIN   Satu ", "Ａｄｍｉｎ Satu", "admin\tsatu"):
        assert sl.username_tag(VAULT_A, variant) == base
    assert sl.username_tag(VAULT_A, "Admin Dua") != base
    assert sl.username_tag(VAULT_B, "Admin Satu") != base
    assert len(base) == 16


# --- recovery slot ---------------------------------------------------------------------
def test_recovery_slot_binding() -> None:
    vk = random_key()
    secret = b"\x11" * 16
    slot = sl.make_recovery_slot(VAULT_A, 3, vk, secret)
    assert sl.open_recovery_slot(VAULT_A, 3, slot, secret) == vk
    with pytest.raises(WrongRecoveryKit):
        sl.open_recovery_slot(VAULT_A, 3, slot, b"\x12" * 16)
    with pytest.raises(KeyTableCorrupt):
        sl.open_recovery_slot(VAULT_B, 3, slot, secret)  # copied from another vault
    with pytest.raises(KeyTableCorrupt):
        sl.open_recovery_slot(VAULT_A, 4, slot, secret)  # older epoch
    resealed = sl.reseal_recovery_slot(VAULT_A, 4, slot, vk)
    assert sl.open_recovery_slot(VAULT_A, 4, resealed, secret) == vk


# --- device slots ------------------------------------------------------------------------
DEV = b"\x22" * 32


def test_device_slot_round_trip_and_binding() -> None:
    vk = random_key()
    slot = sl.make_device_slot(VAULT_A, 1, vk, "op-1", 30, DEV)
    assert sl.open_device_slot(VAULT_A, 1, slot, DEV) == vk
    for vault_id, epoch, s, secret in [
        (VAULT_A, 1, slot, b"\x23" * 32),  # wrong keyring secret
        (VAULT_B, 1, slot, DEV),  # another vault
        (VAULT_A, 2, slot, DEV),  # older epoch
        (VAULT_A, 1, dataclasses.replace(slot, operator_id="op-2"), DEV),  # other operator
        (VAULT_A, 1, dataclasses.replace(slot, id="dev-x"), DEV),  # moved
    ]:
        with pytest.raises(DeviceKeyUnavailable):
            sl.open_device_slot(vault_id, epoch, s, secret)


def test_device_slot_expiry_is_authenticated_and_enforced() -> None:
    vk = random_key()
    slot = sl.make_device_slot(VAULT_A, 1, vk, "op-1", 1, DEV)
    assert datetime.fromisoformat(slot.expires_at) > datetime.now(UTC) + timedelta(hours=23)
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat(timespec="seconds")
    with pytest.raises(DeviceKeyUnavailable, match="expired"):
        sl.open_device_slot(VAULT_A, 1, dataclasses.replace(slot, expires_at=past), DEV)
    later = (datetime.now(UTC) + timedelta(days=400)).isoformat(timespec="seconds")
    with pytest.raises(DeviceKeyUnavailable):  # extending it by editing the file fails
        sl.open_device_slot(VAULT_A, 1, dataclasses.replace(slot, expires_at=later), DEV)
    garbage = dataclasses.replace(slot, expires_at="not a date")
    assert garbage.expired(datetime.now(UTC))


def test_reseal_all_moves_every_slot_to_the_new_epoch() -> None:
    vk = random_key()
    op, _ = _op(epoch=0, vk=vk)
    rec = sl.make_recovery_slot(VAULT_A, 0, vk, b"\x33" * 16)
    dev = sl.make_device_slot(VAULT_A, 0, vk, op.id, 10, DEV)
    out = sl.reseal_all(VAULT_A, 1, (op, rec, dev), vk)
    assert [s.id for s in out] == [op.id, rec.id, dev.id]
    assert isinstance(out[0], OperatorSlot)
    assert sl.open_operator_slot(VAULT_A, 1, out[0], _private(VAULT_A, op)) == vk
    assert sl.open_recovery_slot(VAULT_A, 1, out[1], b"\x33" * 16) == vk  # type: ignore[arg-type]
    assert sl.open_device_slot(VAULT_A, 1, out[2], DEV) == vk  # type: ignore[arg-type]


def test_new_slot_ids_are_unique() -> None:
    ids = {sl.new_slot_id("op") for _ in range(200)}
    assert len(ids) == 200 and all(i.startswith("op-") for i in ids)
