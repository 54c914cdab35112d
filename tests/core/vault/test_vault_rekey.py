"""Rekey corner cases: the crash window between the database and the key table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from brankas.core.errors import UnknownOperator
from brankas.core.keys.table import read_copies
from brankas.core.secret import Secret
from brankas.core.vault import operators, rekey
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY

PW = "kata sandi admin"


def _half_removed(make_vault: Callable[..., tuple[Vault, str]]) -> tuple[Vault, str]:
    """Remove Budi up to (and including) PRAGMA rekey, then stop as a crash would."""
    v, _kit = make_vault()
    budi = operators.add_operator(v, "Budi", Secret("budi-pw"))
    keep = tuple(s for s in v.table.slots if s.id != budi)
    reason = {"purpose": "remove_operator", "remove_operator": budi}
    new_vk, _pending = rekey.begin(v.folder, v.table, v.vault_key(), keep, reason)
    rekey.apply_to_database(v.conn, new_vk)
    return v, budi


def test_operator_being_removed_is_told_so_not_damage(
    make_vault: Callable[..., tuple[Vault, str]],
) -> None:
    v, _budi = _half_removed(make_vault)
    lock = v.lock()
    with pytest.raises(UnknownOperator):
        Vault.unlock(v.folder, "Budi", Secret("budi-pw"), policy=FAST_POLICY, lock=lock)
    admin = Vault.unlock(v.folder, "Admin Satu", Secret(PW), policy=FAST_POLICY, lock=lock)
    assert [o.name for o in operators.list_operators(admin)] == ["Admin Satu"]
    admin.lock()


def test_finishing_twice_records_the_removal_once(
    make_vault: Callable[..., tuple[Vault, str]],
) -> None:
    v, budi = _half_removed(make_vault)
    copies, _ = read_copies(v.folder, FAST_POLICY)
    assert copies[0].table.pending is not None  # the crash left the rekey pending
    lock = v.lock()
    first = Vault.unlock(v.folder, "Admin Satu", Secret(PW), policy=FAST_POLICY, lock=lock)
    kinds = [e.kind for e in first.audit.events()]
    assert kinds.count("operator_removed") == 1
    assert kinds.count("rekey") == 1
    # Unlocking again changes nothing more.
    lock = first.lock()
    again = Vault.unlock(v.folder, "Admin Satu", Secret(PW), policy=FAST_POLICY, lock=lock)
    kinds = [e.kind for e in again.audit.events()]
    assert kinds.count("operator_removed") == 1
    assert kinds.count("rekey") == 1
    assert budi not in {o.id for o in operators.list_operators(again)}
    again.lock()


def test_finish_after_its_database_half_only_writes_the_key_table(
    make_vault: Callable[..., tuple[Vault, str]],
) -> None:
    v, _kit = make_vault()
    budi = operators.add_operator(v, "Budi", Secret("budi-pw"))
    keep = tuple(s for s in v.table.slots if s.id != budi)
    reason = {"purpose": "remove_operator", "remove_operator": budi}
    new_vk, pending = rekey.begin(v.folder, v.table, v.vault_key(), keep, reason)
    rekey.apply_to_database(v.conn, new_vk)
    rekey.finish(v.folder, v.conn, v.audit, pending, new_vk, operator_id=None)
    before = [e.kind for e in v.audit.events()]
    final = rekey.finish(v.folder, v.conn, v.audit, pending, new_vk, operator_id=None)
    assert [e.kind for e in v.audit.events()] == before
    assert final.pending is None
    assert pending.pending is not None
    assert final.epoch == pending.pending.epoch == pending.epoch + 1
    v._replace_state(table=final, vk=bytearray(new_vk))
