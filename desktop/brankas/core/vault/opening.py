"""Open the key table: try each copy, authenticate it, repair the other, report why not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.crypto.primitives import hkdf
from brankas.core.crypto.recovery import parse_recovery_key
from brankas.core.errors import (
    BrankasError,
    DeviceKeyUnavailable,
    KdfBelowFloor,
    KeyTableCorrupt,
    KeyTableForeign,
    NotAVault,
    UnknownOperator,
    WrongPassword,
    WrongRecoveryKit,
)
from brankas.core.keys import slots as sl
from brankas.core.keys.table import (
    DeviceSlot,
    KeyTable,
    OperatorSlot,
    RecoverySlot,
    copy_paths,
    read_copies,
    write_copies,
)
from brankas.core.keystore import DeviceKeyStore
from brankas.core.secret import Secret

DB_NAME = "vault.db"
_DB_KEY_INFO = b"brankas/sqlcipher/v1"


def db_key(vk: bytes) -> bytes:
    """The raw SQLCipher key: HKDF(VK, "brankas/sqlcipher/v1")."""
    return hkdf(vk, _DB_KEY_INFO)


def looks_like_vault(folder: Path) -> bool:
    """True when ``folder`` holds any of a vault's files."""
    return (folder / DB_NAME).exists() or any(p.exists() for p in copy_paths(folder))


@dataclass(frozen=True, slots=True)
class Opened:
    """A key table that authenticated, and what opened it."""

    table: KeyTable
    vk: bytes
    pending_vk: bytes | None
    slot_id: str
    repaired: bool


# An opener gets a parsed table and returns (VK, pending VK or None, slot id).
Opener = Callable[[KeyTable], tuple[bytes, bytes | None, str]]
_EXPECTED = (
    WrongPassword,
    WrongRecoveryKit,
    UnknownOperator,
    KeyTableCorrupt,
    DeviceKeyUnavailable,
)


def open_table(folder: Path, policy: KdfPolicy, opener: Opener, *, repair: bool = True) -> Opened:
    """Open the newest authentic copy of the key table and repair the other copy.

    Raises:
        NotAVault: no key table and no database.
        KdfBelowFloor: every readable copy asks for parameters below the floor.
        KeyTableCorrupt: no copy authenticates.
        WrongPassword, UnknownOperator, WrongRecoveryKit, DeviceKeyUnavailable: from the opener.
    """
    copies, errors = read_copies(folder, policy)
    if not copies:
        if not looks_like_vault(folder):
            raise NotAVault(f"{folder} holds no Brankas vault")
        floor = next((e for e in errors if isinstance(e, KdfBelowFloor)), None)
        if floor is not None:
            raise floor
        raise KeyTableCorrupt("no copy of the key table (vault.keys) can be read")
    failures: list[BrankasError] = []
    salt = _db_salt(folder)
    for copy in copies:
        want = copy.table.extra.get("db_salt")
        if salt is not None and isinstance(want, str) and want != salt:
            # Another vault's copy: it may open with the same name and password, but it
            # must never be "repaired" over this vault's good copy.
            failures.append(KeyTableForeign("the key table (vault.keys) belongs to another vault"))
            continue
        try:
            vk, pending_vk, slot_id = opener(copy.table)
        except _EXPECTED as exc:
            failures.append(exc)
            continue
        if not copy.authentic(vk):
            failures.append(KeyTableCorrupt("key table copy was changed (MAC mismatch)"))
            continue
        repaired = bool(errors) or len(copies) < 2 or any(c.raw != copy.raw for c in copies)
        if repaired and repair:
            write_copies(folder, copy.table, vk)
        return Opened(copy.table, vk, pending_vk, slot_id, repaired)
    # The password was right somewhere but the table did not authenticate: say so.
    for kind in (KeyTableCorrupt, WrongPassword, WrongRecoveryKit, DeviceKeyUnavailable):
        found = next((f for f in failures if isinstance(f, kind)), None)
        if found is not None:
            raise found
    raise failures[0]


def _db_salt(folder: Path) -> str | None:
    """vault.db's SQLCipher salt (hex), or None when the file is missing or too short."""
    try:
        with open(folder / DB_NAME, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return None
    return head.hex() if len(head) == 16 else None


def operator_opener(username: str, password: Secret, policy: KdfPolicy) -> Opener:
    """Opens the slot of ``username`` with ``password`` (Argon2 runs once per distinct salt)."""
    wrap_keys: dict[tuple[bytes, int, int, int], bytes] = {}

    def private_for(table: KeyTable, slot: OperatorSlot) -> bytes:
        k = (slot.kdf.salt, slot.kdf.memory_kib, slot.kdf.time_cost, slot.kdf.parallelism)
        if k not in wrap_keys:
            wrap_keys[k] = sl.operator_wrap_key(password, slot, policy)
        return sl.operator_private_key(table.vault_id, slot, wrap_keys[k])

    def open_(table: KeyTable) -> tuple[bytes, bytes | None, str]:
        tag = sl.username_tag(table.vault_id, username)
        slot = next((s for s in table.operator_slots() if s.tag == tag), None)
        if slot is None:
            raise UnknownOperator("no operator with that name in this vault")
        private = private_for(table, slot)
        vk = sl.open_operator_slot(table.vault_id, table.epoch, slot, private)
        pending_vk = None
        if table.pending is not None:
            nxt = next((s for s in table.pending.slots if s.id == slot.id), None)
            if isinstance(nxt, OperatorSlot):
                pending_vk = sl.open_operator_slot(
                    table.vault_id, table.pending.epoch, nxt, private
                )
        return vk, pending_vk, slot.id

    return open_


def recovery_opener(recovery_key: str) -> Opener:
    """Opens the recovery slot with the printed kit (parsed first: typos name their group)."""
    secret = parse_recovery_key(recovery_key)

    def open_(table: KeyTable) -> tuple[bytes, bytes | None, str]:
        slot = table.recovery()
        if slot is None:
            raise WrongRecoveryKit("this vault has no recovery kit")
        vk = sl.open_recovery_slot(table.vault_id, table.epoch, slot, secret)
        pending_vk = None
        if table.pending is not None:
            nxt = next((s for s in table.pending.slots if isinstance(s, RecoverySlot)), None)
            if nxt is not None and nxt.public_key == slot.public_key:
                pending_vk = sl.open_recovery_slot(table.vault_id, table.pending.epoch, nxt, secret)
        return vk, pending_vk, slot.id

    return open_


def device_key_name(vault_id: str, slot_id: str) -> str:
    """The keyring entry name of a device slot."""
    return f"vault-{vault_id}/{slot_id}"


def device_opener(username: str, keystore: DeviceKeyStore) -> Opener:
    """Opens the operator's device slot with the secret kept in the OS keyring."""

    def open_(table: KeyTable) -> tuple[bytes, bytes | None, str]:
        tag = sl.username_tag(table.vault_id, username)
        op = next((s for s in table.operator_slots() if s.tag == tag), None)
        if op is None:
            raise UnknownOperator("no operator with that name in this vault")
        for slot in table.slots:
            if isinstance(slot, DeviceSlot) and slot.operator_id == op.id:
                secret = keystore.get(device_key_name(table.vault_id, slot.id))
                if secret is not None:
                    return (
                        sl.open_device_slot(table.vault_id, table.epoch, slot, secret),
                        None,
                        op.id,
                    )
        raise DeviceKeyUnavailable("this PC does not remember that operator")

    return open_
