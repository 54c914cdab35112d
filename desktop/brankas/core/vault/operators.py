"""Operator management on an open vault: add, remove (with rekey), passwords, device unlock."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from brankas.core.audit import AuditKind
from brankas.core.crypto.kdf import KdfParams, calibrate, new_salt
from brankas.core.crypto.recovery import encode_recovery_key, generate_recovery_secret
from brankas.core.domain.enums import Role
from brankas.core.errors import (
    Conflict,
    DeviceKeyUnavailable,
    LastAdmin,
    PermissionDenied,
    UnknownOperator,
    ValidationError,
    WrongPassword,
)
from brankas.core.keys import slots as sl
from brankas.core.keys.table import (
    DeviceSlot,
    KeyTable,
    OperatorSlot,
    RecoverySlot,
    Slot,
    write_copies,
)
from brankas.core.secret import Secret
from brankas.core.storage.db import transaction
from brankas.core.vault import rekey
from brankas.core.vault.opening import device_key_name
from brankas.core.vault.vault import CurrentOperator, Vault

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class OperatorInfo:
    """An operator as listed to admins."""

    id: str
    name: str
    role: Role
    created_at: str
    remembered_on_this_pc: bool


@dataclass(frozen=True, slots=True)
class RotationTask:
    """A password the removed person could have seen, to change on the platform."""

    account_id: int
    platform: str
    handle: str
    seen: bool  # revealed or copied by that person, per the audit log


def list_operators(vault: Vault) -> list[OperatorInfo]:
    """Active operators, by name."""
    device_ops = {s.operator_id for s in vault.table.slots if isinstance(s, DeviceSlot)}
    rows = vault.conn.execute(
        "SELECT id, name, role, created_at FROM operator WHERE removed_at IS NULL ORDER BY name"
    ).fetchall()
    return [OperatorInfo(r[0], r[1], Role(r[2]), r[3], r[0] in device_ops) for r in rows]


def _kdf_like(vault: Vault) -> KdfParams:
    """Parameters for a new slot: the current operator's, with a new salt (no recalibration)."""
    op = vault.operator
    base = next((s for s in vault.table.operator_slots() if op and s.id == op.id), None)
    if base is None:
        return calibrate(vault.policy)
    return KdfParams(base.kdf.memory_kib, base.kdf.time_cost, base.kdf.parallelism, new_salt())


def _save_table(vault: Vault, slots: tuple[Slot, ...]) -> KeyTable:
    t = vault.table
    table = KeyTable(t.vault_id, t.epoch, slots, None, t.extra)
    write_copies(vault.folder, table, vault.vault_key())
    vault._replace_state(table=table)
    return table


def add_operator(vault: Vault, name: str, password: Secret, role: Role = Role.OPERATOR) -> str:
    """Add an operator (admin only). Returns the new operator's id.

    Raises:
        PermissionDenied, ValidationError (empty name), Conflict (name taken).
    """
    admin = vault.require_admin()
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("operator name is empty", field="name")
    tag = sl.username_tag(vault.vault_id, clean)
    if any(s.tag == tag for s in vault.table.operator_slots()):
        raise Conflict("an operator with that name exists")
    slot = sl.make_operator_slot(
        vault.vault_id,
        vault.table.epoch,
        vault.vault_key(),
        clean,
        password,
        _kdf_like(vault),
        vault.policy,
    )
    with transaction(vault.conn):
        vault.conn.execute(
            "INSERT INTO operator (id, name, role, created_at) VALUES (?, ?, ?, ?)",
            (slot.id, clean, str(role), _now()),
        )
        vault.audit.record(
            AuditKind.OPERATOR_ADDED,
            operator_id=admin.id,
            target=slot.id,
            detail={"role": str(role)},
        )
        # Inside the transaction: if the key table cannot be written, the operator row
        # rolls back too (no listed operator without a slot).
        _save_table(vault, (*vault.table.slots, slot))
    return slot.id


def remove_operator(
    vault: Vault, operator_id: str, progress: Progress | None = None
) -> list[RotationTask]:
    """Remove an operator and rotate the vault key (DESIGN.md order).

    Returns:
        The social-media passwords that person could see, as rotation tasks
        (those the audit log shows they revealed or copied first).

    Raises:
        PermissionDenied, UnknownOperator, LastAdmin.
    """
    admin = vault.require_admin()
    if operator_id == admin.id:
        raise PermissionDenied("an admin cannot remove themself")
    target = next((s for s in vault.table.operator_slots() if s.id == operator_id), None)
    if target is None:
        raise UnknownOperator("no such operator")
    admins = [o for o in list_operators(vault) if o.role is Role.ADMIN]
    if [a.id for a in admins] == [operator_id]:
        raise LastAdmin("the last admin cannot be removed")
    step = progress or (lambda _label, _i, _n: None)
    step("backup", 1, 5)
    vault.backup("before-rekey")
    keep = tuple(
        s
        for s in vault.table.slots
        if isinstance(s, OperatorSlot | RecoverySlot) and s.id != operator_id
    )
    step("keys", 2, 5)
    reason = {"purpose": "remove_operator", "remove_operator": operator_id}
    new_vk, pending = rekey.begin(vault.folder, vault.table, vault.vault_key(), keep, reason)
    step("rekey", 3, 5)
    rekey.apply_to_database(vault.conn, new_vk)
    step("record", 4, 5)
    final = rekey.finish(
        vault.folder, vault.conn, vault.audit, pending, new_vk, operator_id=admin.id
    )
    _forget_device_secrets(vault, vault.table)
    vault._replace_state(table=final, vk=bytearray(new_vk))
    step("backup", 5, 5)
    vault.backup("after-rekey")
    return rotation_tasks(vault, operator_id)


def rotation_tasks(vault: Vault, operator_id: str) -> list[RotationTask]:
    """Accounts with a password on record; those the person revealed or copied come first."""
    seen = {
        r[0]
        for r in vault.conn.execute(
            "SELECT DISTINCT target FROM audit_event WHERE operator_id = ? AND kind IN ('reveal', 'copy')",
            (operator_id,),
        )
    }
    rows = vault.conn.execute(
        "SELECT a.id, a.platform, a.handle FROM account a JOIN account_secret s ON s.account_id = a.id"
        " WHERE s.password IS NOT NULL AND s.password != '' AND a.status NOT IN ('deactivated', 'archived')"
        " ORDER BY a.id"
    ).fetchall()
    tasks = [RotationTask(r[0], r[1], r[2], f"account:{r[0]}" in seen) for r in rows]
    return sorted(tasks, key=lambda t: not t.seen)


def verify_password(vault: Vault, password: Secret) -> bytes:
    """Check the signed-in operator's password again (before exports, slips, key changes).

    Returns:
        The operator's private key (callers that only check may drop it).

    Raises:
        PermissionDenied: no operator is signed in (a recovery-kit session).
        WrongPassword: it is not their password (or it is empty).
    """
    op = _current(vault)
    slot = _slot(vault, op.id)
    if not password:
        raise WrongPassword("no password given")
    return sl.operator_private_key(
        vault.vault_id, slot, sl.operator_wrap_key(password, slot, vault.policy)
    )


def change_password(vault: Vault, old: Secret, new: Secret, *, recalibrate: bool = False) -> None:
    """Change the current operator's password (re-wraps their private key; no rekey).

    Raises:
        WrongPassword: ``old`` is not the current password.
    """
    slot = _slot(vault, _current(vault).id)
    private = verify_password(vault, old)
    kdf = (
        calibrate(vault.policy)
        if recalibrate
        else KdfParams(slot.kdf.memory_kib, slot.kdf.time_cost, slot.kdf.parallelism, new_salt())
    )
    new_slot = sl.rewrap_operator_private(
        vault.vault_id, vault.table.epoch, slot, private, vault.vault_key(), new, kdf, vault.policy
    )
    _save_table(vault, tuple(new_slot if s.id == slot.id else s for s in vault.table.slots))
    vault.record(AuditKind.OPERATOR_PASSWORD_CHANGED, target=slot.id)


def reset_password_after_recovery(vault: Vault, operator_id: str, new: Secret) -> str:
    """After a recovery-kit unlock: give ``operator_id`` a new password, rotate VK, and
    replace the used kit. Returns the NEW recovery key to print (the old kit stops working).
    """
    if vault.operator is not None:
        raise PermissionDenied("only a recovery-kit session resets a password this way")
    old = _slot(vault, operator_id)
    admins = {o.id for o in list_operators(vault) if o.role is Role.ADMIN}
    if operator_id not in admins:
        raise PermissionDenied("the recovery kit resets an admin's password")
    name = vault.conn.execute("SELECT name FROM operator WHERE id = ?", (operator_id,)).fetchone()[
        0
    ]
    vault.backup("before-recovery-reset")
    fresh = sl.make_operator_slot(
        vault.vault_id,
        vault.table.epoch,
        vault.vault_key(),
        name,
        new,
        KdfParams(old.kdf.memory_kib, old.kdf.time_cost, old.kdf.parallelism, new_salt()),
        vault.policy,
        slot_id=old.id,
    )
    secret = generate_recovery_secret()
    kit = sl.make_recovery_slot(vault.vault_id, vault.table.epoch, vault.vault_key(), secret)
    keep: list[Slot] = [
        fresh if s.id == operator_id else kit if isinstance(s, RecoverySlot) else s
        for s in vault.table.slots
        if not isinstance(s, DeviceSlot)
    ]
    reason = {"purpose": "recovery"}
    new_vk, pending = rekey.begin(vault.folder, vault.table, vault.vault_key(), tuple(keep), reason)
    rekey.apply_to_database(vault.conn, new_vk)
    final = rekey.finish(vault.folder, vault.conn, vault.audit, pending, new_vk, operator_id=None)
    vault._replace_state(table=final, vk=bytearray(new_vk))
    vault.record(AuditKind.RECOVERY_KIT_REPLACED, target=operator_id)
    vault._replace_state(operator=CurrentOperator(operator_id, name, Role.ADMIN))
    vault.backup("after-recovery-reset")
    return encode_recovery_key(secret)


def replace_recovery_kit(vault: Vault) -> str:
    """A new recovery kit for an admin (the old one stops working). Returns the new key."""
    vault.require_admin()
    secret = generate_recovery_secret()
    kit = sl.make_recovery_slot(vault.vault_id, vault.table.epoch, vault.vault_key(), secret)
    slots = tuple(s for s in vault.table.slots if not isinstance(s, RecoverySlot))
    _save_table(vault, (*slots, kit))
    vault.record(AuditKind.RECOVERY_KIT_REPLACED)
    return encode_recovery_key(secret)


def enable_device_unlock(vault: Vault, days: int = 30) -> None:
    """Remember this operator on this PC for ``days`` (secret in the OS keyring).

    Raises:
        DeviceKeyUnavailable: no usable OS keyring.
    """
    op = _current(vault)
    if not 1 <= days <= 365:
        raise ValidationError("days must be between 1 and 365", field="days")
    if not vault.keystore.available():
        raise DeviceKeyUnavailable("this PC has no usable keyring")
    disable_device_unlock(vault, record=False)
    secret = secrets.token_bytes(32)
    slot = sl.make_device_slot(
        vault.vault_id, vault.table.epoch, vault.vault_key(), op.id, days, secret
    )
    vault.keystore.set(device_key_name(vault.vault_id, slot.id), secret)
    _save_table(vault, (*vault.table.slots, slot))
    vault.record(AuditKind.DEVICE_ENABLED, target=op.id, detail={"days": days})


def disable_device_unlock(vault: Vault, *, record: bool = True) -> None:
    """Forget this operator on this PC."""
    op = _current(vault)
    mine = [s for s in vault.table.slots if isinstance(s, DeviceSlot) and s.operator_id == op.id]
    if not mine:
        return
    for s in mine:
        vault.keystore.delete(device_key_name(vault.vault_id, s.id))
    _save_table(vault, tuple(s for s in vault.table.slots if s not in mine))
    if record:
        vault.record(AuditKind.DEVICE_DISABLED, target=op.id)


def bump_epoch(vault: Vault, reason: str, *, at_least: int = 0) -> int:
    """Increment the epoch (export, restore): database first, then the resealed key table.

    Args:
        vault: the open vault.
        reason: why (for the log).
        at_least: the new epoch is at least this (a restore never goes backwards).
    """
    t = vault.table
    epoch = max(t.epoch + 1, at_least)
    log.info("epoch %d -> %d (%s)", t.epoch, epoch, reason)
    with transaction(vault.conn):
        vault.conn.execute("UPDATE meta SET epoch = ? WHERE id = 1", (epoch,))
    table = KeyTable(
        t.vault_id,
        epoch,
        sl.reseal_all(t.vault_id, epoch, t.slots, vault.vault_key()),
        None,
        t.extra,
    )
    write_copies(vault.folder, table, vault.vault_key())
    vault._replace_state(table=table)
    return epoch


def _forget_device_secrets(vault: Vault, table: KeyTable) -> None:
    for s in table.slots:
        if isinstance(s, DeviceSlot):
            vault.keystore.delete(device_key_name(table.vault_id, s.id))


def _current(vault: Vault) -> CurrentOperator:
    op = vault.operator
    if op is None:
        raise PermissionDenied("no operator is signed in")
    return op


def _slot(vault: Vault, operator_id: str) -> OperatorSlot:
    slot = next((s for s in vault.table.operator_slots() if s.id == operator_id), None)
    if slot is None:
        raise UnknownOperator("no such operator")
    return slot


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
