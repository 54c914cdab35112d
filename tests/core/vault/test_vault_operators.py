"""Operator management: add, remove (full rekey), device unlock, epoch bumps."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from vault_support import ADMIN, ADMIN_PW, FAST_POLICY, unlock

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import Role
from brankas.core.errors import (
    BrankasError,
    Conflict,
    DatabaseCorrupt,
    DeviceKeyUnavailable,
    PermissionDenied,
    UnknownOperator,
    ValidationError,
    WrongPassword,
)
from brankas.core.keys import slots as sl
from brankas.core.keys.table import DeviceSlot, copy_paths
from brankas.core.keystore import MemoryDeviceKeyStore
from brankas.core.secret import Secret
from brankas.core.storage.db import open_database
from brankas.core.vault import operators as ops
from brankas.core.vault.opening import DB_NAME, db_key, device_key_name, open_table, operator_opener
from brankas.core.vault.vault import Vault

Make = Callable[..., tuple[Vault, str]]
BUDI, BUDI_PW = "Budi Dua", "sandi budi"


@pytest.fixture
def opened() -> Iterator[list[Vault]]:
    vaults: list[Vault] = []
    yield vaults
    for v in vaults:
        if v.is_open:
            v.close(backup=False)


def _kinds(vault: Vault) -> list[str]:
    return [e.kind for e in vault.audit.events()]


def _with_budi(make_vault: Make) -> tuple[Vault, str]:
    vault, _ = make_vault()
    budi = ops.add_operator(vault, BUDI, Secret(BUDI_PW), Role.OPERATOR)
    return vault, budi


# --- add ----------------------------------------------------------------------------
def test_added_operator_logs_in(make_vault: Make, opened: list[Vault]) -> None:
    vault, budi = _with_budi(make_vault)
    assert _kinds(vault)[-1] == AuditKind.OPERATOR_ADDED
    names = {(o.name, o.role) for o in ops.list_operators(vault)}
    assert names == {(ADMIN, Role.ADMIN), (BUDI, Role.OPERATOR)}
    vault.close()
    v = unlock(vault.folder, BUDI, BUDI_PW)
    opened.append(v)
    assert v.operator is not None and v.operator.id == budi and v.operator.role is Role.OPERATOR
    with pytest.raises(PermissionDenied):
        ops.add_operator(v, "Citra", Secret("x"))
    with pytest.raises(PermissionDenied):
        ops.remove_operator(v, budi)


def test_add_operator_refuses_duplicates_and_empty_names(make_vault: Make) -> None:
    vault, _ = _with_budi(make_vault)
    with pytest.raises(Conflict):
        ops.add_operator(vault, "  budi   DUA ", Secret("x"))
    with pytest.raises(ValidationError) as info:
        ops.add_operator(vault, "   ", Secret("x"))
    assert info.value.field == "name"
    assert len(vault.table.operator_slots()) == 2


def test_new_operator_slot_gets_the_admins_kdf_with_a_new_salt(make_vault: Make) -> None:
    vault, budi = _with_budi(make_vault)
    admin_slot, budi_slot = vault.table.operator_slots()
    assert budi_slot.id == budi
    assert (budi_slot.kdf.memory_kib, budi_slot.kdf.time_cost) == (
        admin_slot.kdf.memory_kib,
        admin_slot.kdf.time_cost,
    )
    assert budi_slot.kdf.salt != admin_slot.kdf.salt


# --- remove --------------------------------------------------------------------------
def _insert_account(vault: Vault, account_id: int, handle: str) -> None:
    with vault.write() as c:
        c.execute(
            "INSERT INTO account (id, platform, handle, lifecycle_kind, status, created_at, updated_at)"
            " VALUES (?, 'instagram', ?, 'permanent', 'active', '2024-01-01', '2024-01-01')",
            (account_id, handle),
        )
        c.execute(
            "INSERT INTO account_secret (account_id, password) VALUES (?, 'pw-on-record')",
            (account_id,),
        )


def test_remove_operator_rekeys_and_locks_them_out(
    make_vault: Make, opened: list[Vault], tmp_path: Path
) -> None:
    vault, budi = _with_budi(make_vault)
    _insert_account(vault, 1, "bawaslu_a")
    _insert_account(vault, 2, "bawaslu_b")
    # Budi revealed account 2 before being removed.
    vault.audit.record(AuditKind.REVEAL, operator_id=budi, target="account:2")
    old_vk = vault.vault_key()
    epoch = vault.table.epoch
    kept = tmp_path / "budi-kept-these"  # Budi's copies of the key table from before
    kept.mkdir()
    for p in copy_paths(vault.folder):
        shutil.copy(p, kept / p.name)

    steps: list[str] = []
    tasks = ops.remove_operator(vault, budi, progress=lambda label, i, n: steps.append(label))

    assert steps and steps[-1] == "backup"
    assert [t.account_id for t in tasks] == [2, 1] and tasks[0].seen and not tasks[1].seen
    assert vault.table.epoch == epoch + 1
    assert vault.vault_key() != old_vk
    assert budi not in {s.id for s in vault.table.slots}
    assert vault.table.pending is None
    assert {o.name for o in ops.list_operators(vault)} == {ADMIN}
    kinds = _kinds(vault)
    assert AuditKind.OPERATOR_REMOVED in kinds and AuditKind.REKEY in kinds
    assert vault.conn.execute("SELECT epoch FROM meta").fetchone()[0] == epoch + 1
    assert vault.check().ok
    new_vk = vault.vault_key()
    vault.close()

    with pytest.raises(UnknownOperator):
        unlock(vault.folder, BUDI, BUDI_PW)

    # Budi's old key table still opens with his password and yields the OLD key ...
    got = open_table(
        kept, FAST_POLICY, operator_opener(BUDI, Secret(BUDI_PW), FAST_POLICY), repair=False
    )
    assert got.vk == old_vk
    # ... which no longer opens the current database; only the new key does.
    with pytest.raises(DatabaseCorrupt):
        open_database(vault.folder / DB_NAME, db_key(old_vk))
    open_database(vault.folder / DB_NAME, db_key(new_vk)).close()

    # Putting his old key tables back in place does not let him in either.
    saved = {p.name: p.read_bytes() for p in copy_paths(vault.folder)}
    for name in saved:
        shutil.copy(kept / name, vault.folder / name)
    with pytest.raises(BrankasError) as info:
        unlock(vault.folder, BUDI, BUDI_PW)
    assert BUDI_PW not in str(info.value)
    for name, data in saved.items():
        (vault.folder / name).write_bytes(data)

    v = unlock(vault.folder)  # the admin still gets in
    opened.append(v)
    assert v.check().ok


def test_remove_operator_refusals(make_vault: Make) -> None:
    vault, budi = _with_budi(make_vault)
    admin = vault.operator
    assert admin is not None
    with pytest.raises(PermissionDenied):
        ops.remove_operator(vault, admin.id)
    with pytest.raises(UnknownOperator):
        ops.remove_operator(vault, "op-nobody")
    assert vault.table.epoch == 0 and budi in {s.id for s in vault.table.slots}


def test_removed_operator_stays_in_history(make_vault: Make) -> None:
    vault, budi = _with_budi(make_vault)
    ops.remove_operator(vault, budi)
    row = vault.conn.execute(
        "SELECT name, removed_at FROM operator WHERE id = ?", (budi,)
    ).fetchone()
    assert row[0] == BUDI and row[1]
    assert vault.audit.verify().ok


def test_recovery_kit_survives_a_rekey(make_vault: Make, opened: list[Vault]) -> None:
    vault, kit = make_vault()
    budi = ops.add_operator(vault, BUDI, Secret(BUDI_PW))
    ops.remove_operator(vault, budi)
    vault.close()
    opened.append(Vault.unlock_with_recovery(vault.folder, kit, policy=FAST_POLICY))


# --- device unlock ---------------------------------------------------------------------
def test_device_unlock(make_vault: Make, opened: list[Vault]) -> None:
    vault, _ = make_vault()
    store = vault.keystore
    ops.enable_device_unlock(vault, days=30)
    dev = [s for s in vault.table.slots if isinstance(s, DeviceSlot)]
    assert len(dev) == 1 and dev[0].operator_id == vault.operator.id  # type: ignore[union-attr]
    assert store.get(device_key_name(vault.vault_id, dev[0].id)) is not None
    assert [o.remembered_on_this_pc for o in ops.list_operators(vault)] == [True]
    assert _kinds(vault)[-1] == AuditKind.DEVICE_ENABLED
    vault.close()
    v = Vault.unlock_with_device(vault.folder, "admin satu", store, policy=FAST_POLICY)
    opened.append(v)
    assert v.operator is not None and v.operator.name == ADMIN
    v.close()
    with pytest.raises(DeviceKeyUnavailable):  # another PC (empty keyring)
        Vault.unlock_with_device(vault.folder, ADMIN, MemoryDeviceKeyStore(), policy=FAST_POLICY)
    with pytest.raises(UnknownOperator):
        Vault.unlock_with_device(vault.folder, "nobody", store, policy=FAST_POLICY)


def test_device_unlock_expires(make_vault: Make, monkeypatch: pytest.MonkeyPatch) -> None:
    vault, _ = make_vault()
    ops.enable_device_unlock(vault, days=7)
    store = vault.keystore
    vault.close()

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
            return datetime.now(tz) + timedelta(days=7, seconds=5)

    monkeypatch.setattr(sl, "datetime", Later)
    with pytest.raises(DeviceKeyUnavailable, match="expired"):
        Vault.unlock_with_device(vault.folder, ADMIN, store, policy=FAST_POLICY)


def test_device_unlock_not_for_another_operator(make_vault: Make) -> None:
    vault, _ = _with_budi(make_vault)
    ops.enable_device_unlock(vault)
    store = vault.keystore
    vault.close()
    with pytest.raises(DeviceKeyUnavailable):
        Vault.unlock_with_device(vault.folder, BUDI, store, policy=FAST_POLICY)


def test_disable_device_unlock(make_vault: Make) -> None:
    vault, _ = make_vault()
    ops.enable_device_unlock(vault)
    ops.enable_device_unlock(vault)  # enabling again replaces, never duplicates
    dev = [s for s in vault.table.slots if isinstance(s, DeviceSlot)]
    assert len(dev) == 1
    ops.disable_device_unlock(vault)
    assert not [s for s in vault.table.slots if isinstance(s, DeviceSlot)]
    assert vault.keystore.get(device_key_name(vault.vault_id, dev[0].id)) is None
    assert _kinds(vault)[-1] == AuditKind.DEVICE_DISABLED
    store = vault.keystore
    vault.close()
    with pytest.raises(DeviceKeyUnavailable):
        Vault.unlock_with_device(vault.folder, ADMIN, store, policy=FAST_POLICY)


def test_device_unlock_refusals(make_vault: Make) -> None:
    vault, _ = make_vault()
    for days in (0, 366):
        with pytest.raises(ValidationError):
            ops.enable_device_unlock(vault, days=days)
    vault.keystore = MemoryDeviceKeyStore(available=False)
    with pytest.raises(DeviceKeyUnavailable):
        ops.enable_device_unlock(vault)
    assert not [s for s in vault.table.slots if isinstance(s, DeviceSlot)]


def test_device_slots_dropped_on_remove_operator(make_vault: Make) -> None:
    vault, budi = _with_budi(make_vault)
    ops.enable_device_unlock(vault)
    store = vault.keystore
    name = device_key_name(vault.vault_id, vault.table.slots[-1].id)
    assert store.get(name) is not None
    ops.remove_operator(vault, budi)
    assert not [s for s in vault.table.slots if isinstance(s, DeviceSlot)]
    assert store.get(name) is None
    vault.close()
    with pytest.raises(DeviceKeyUnavailable):
        Vault.unlock_with_device(vault.folder, ADMIN, store, policy=FAST_POLICY)


def test_device_slot_survives_an_epoch_bump(make_vault: Make, opened: list[Vault]) -> None:
    vault, _ = make_vault()
    ops.enable_device_unlock(vault)
    store = vault.keystore
    assert ops.bump_epoch(vault, "export") == 1
    vault.close()
    v = Vault.unlock_with_device(vault.folder, ADMIN, store, policy=FAST_POLICY)
    opened.append(v)
    assert v.table.epoch == 1 and v.warnings == []


# --- epoch ----------------------------------------------------------------------------
def test_bump_epoch(make_vault: Make, opened: list[Vault]) -> None:
    vault, kit = make_vault()
    assert ops.bump_epoch(vault, "export") == 1
    assert ops.bump_epoch(vault, "export") == 2
    assert vault.check().ok
    vault.close()
    v = unlock(vault.folder)
    opened.append(v)
    assert v.table.epoch == 2 and v.warnings == []
    assert v.conn.execute("SELECT epoch FROM meta").fetchone()[0] == 2
    v.close()
    opened.append(Vault.unlock_with_recovery(vault.folder, kit, policy=FAST_POLICY))


def test_wrong_old_password_on_change_leaves_the_table(make_vault: Make) -> None:
    vault, _ = make_vault()
    before = (vault.folder / "vault.keys").read_bytes()
    with pytest.raises(WrongPassword):
        ops.change_password(vault, Secret(ADMIN_PW + "x"), Secret("baru"))
    assert (vault.folder / "vault.keys").read_bytes() == before
