"""The hash-chained audit log: it verifies, and tampering names the first broken event."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from typing import Any

import pytest

from brankas.core.audit import GENESIS, AuditKind, AuditLog
from brankas.core.errors import AuditChainBroken, Conflict
from brankas.core.vault.vault import Vault

Make = Callable[..., tuple[Vault, str]]


def _with_events(make_vault: Make, n: int = 6) -> Vault:
    vault, _ = make_vault()
    for i in range(n):
        vault.record(AuditKind.REVEAL, target=f"account:{i}", detail={"field": "password", "i": i})
    return vault


def _drop_triggers(vault: Vault) -> None:
    # What someone holding the key could do: the triggers guard against bugs, not attackers.
    vault.conn.execute("DROP TRIGGER audit_event_no_update")
    vault.conn.execute("DROP TRIGGER audit_event_no_delete")


def _seq_of(vault: Vault, target: str) -> int:
    row = vault.conn.execute("SELECT seq FROM audit_event WHERE target = ?", (target,)).fetchone()
    return int(row[0])


def test_chain_verifies_and_links(make_vault: Make) -> None:
    vault = _with_events(make_vault)
    status = vault.audit.verify()
    events = list(vault.audit.events())
    assert status.ok and status.first_broken_seq is None
    assert status.count == len(events) >= 7
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    assert status.head == events[-1].hash
    assert events[0].kind == AuditKind.VAULT_CREATED


def test_events_after_seq_and_limit(make_vault: Make) -> None:
    vault = _with_events(make_vault)
    assert [e.seq for e in vault.audit.events(after_seq=3, limit=2)] == [4, 5]


def test_triggers_refuse_update_and_delete(make_vault: Make) -> None:
    vault = _with_events(make_vault, 1)
    for sql in ("UPDATE audit_event SET kind = 'x' WHERE seq = 1", "DELETE FROM audit_event"):
        with pytest.raises(Exception, match="append-only"):
            vault.conn.execute(sql)
    assert vault.audit.verify().ok


EDITS: dict[str, str] = {
    "kind": "UPDATE audit_event SET kind = 'copy' WHERE seq = ?",
    "target": "UPDATE audit_event SET target = 'account:99' WHERE seq = ?",
    "detail": 'UPDATE audit_event SET detail_json = \'{"field": "notes", "i": 3}\' WHERE seq = ?',
    "time": "UPDATE audit_event SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = ?",
    "operator": "UPDATE audit_event SET operator_id = NULL WHERE seq = ?",
    "hash": "UPDATE audit_event SET hash = zeroblob(32) WHERE seq = ?",
    "prev_hash": "UPDATE audit_event SET prev_hash = zeroblob(32) WHERE seq = ?",
}


@pytest.mark.parametrize("what", sorted(EDITS))
def test_editing_an_event_names_it(make_vault: Make, what: str) -> None:
    vault = _with_events(make_vault)
    seq = _seq_of(vault, "account:3")
    _drop_triggers(vault)
    vault.conn.execute(EDITS[what], (seq,))
    status = vault.audit.verify()
    assert not status.ok
    assert status.first_broken_seq == seq
    assert status.count == seq - 1
    assert status.reason


def test_editing_then_rehashing_without_the_key_still_breaks(make_vault: Make) -> None:
    vault = _with_events(make_vault)
    seq = _seq_of(vault, "account:2")
    _drop_triggers(vault)
    # The forger recomputes the event's "hash" with a plain hash (no audit key).
    forged = hashlib.sha256(b"forged").digest()
    vault.conn.execute("UPDATE audit_event SET target = 'x', hash = ? WHERE seq = ?", (forged, seq))
    vault.conn.execute("UPDATE audit_event SET prev_hash = ? WHERE seq = ?", (forged, seq + 1))
    status = vault.audit.verify()
    assert status.first_broken_seq == seq


@pytest.mark.parametrize("victim", ["account:0", "account:3"])
def test_deleting_an_event_names_the_gap(make_vault: Make, victim: str) -> None:
    vault = _with_events(make_vault)
    seq = _seq_of(vault, victim)
    _drop_triggers(vault)
    vault.conn.execute("DELETE FROM audit_event WHERE seq = ?", (seq,))
    status = vault.audit.verify()
    assert not status.ok
    assert status.first_broken_seq == seq
    assert "missing" in status.reason


def test_deleting_and_renumbering_still_breaks(make_vault: Make) -> None:
    vault = _with_events(make_vault)
    seq = _seq_of(vault, "account:2")
    last = vault.audit.head()[0]
    _drop_triggers(vault)
    vault.conn.execute("DELETE FROM audit_event WHERE seq = ?", (seq,))
    for s in range(seq + 1, last + 1):
        vault.conn.execute("UPDATE audit_event SET seq = ? WHERE seq = ?", (s - 1, s))
    assert vault.audit.verify().first_broken_seq == seq


def test_swapping_two_events_breaks_at_the_first(make_vault: Make) -> None:
    vault = _with_events(make_vault)
    a, b = _seq_of(vault, "account:1"), _seq_of(vault, "account:4")
    _drop_triggers(vault)
    vault.conn.execute("UPDATE audit_event SET seq = 10000 WHERE seq = ?", (a,))
    vault.conn.execute("UPDATE audit_event SET seq = ? WHERE seq = ?", (a, b))
    vault.conn.execute("UPDATE audit_event SET seq = ? WHERE seq = 10000", (b,))
    assert vault.audit.verify().first_broken_seq == a


def test_cutting_the_tail_changes_the_head(make_vault: Make) -> None:
    # The chain alone cannot see a cut tail; the head carried by each export can.
    vault = _with_events(make_vault)
    before = vault.audit.verify()
    _drop_triggers(vault)
    vault.conn.execute("DELETE FROM audit_event WHERE seq = ?", (before.count,))
    after = vault.audit.verify()
    assert after.ok and after.count == before.count - 1
    assert after.head != before.head


def test_appending_with_another_key_breaks(make_vault: Make) -> None:
    vault = _with_events(make_vault, 2)
    n = vault.audit.head()[0]
    AuditLog(vault.conn, b"\x00" * 32).record(AuditKind.UNLOCK, operator_id=None)
    assert vault.audit.verify().first_broken_seq == n + 1


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_event SET detail_json = 'not json' WHERE seq = ?",
        "UPDATE audit_event SET detail_json = '[1, 2]' WHERE seq = ?",
        "UPDATE audit_event SET prev_hash = NULL WHERE seq = ?",
        "UPDATE audit_event SET hash = 'text' WHERE seq = ?",
    ],
    ids=["detail_not_json", "detail_not_object", "prev_hash_null", "hash_text"],
)
def test_garbage_in_an_event_is_reported_not_raised(make_vault: Make, sql: str) -> None:
    vault = _with_events(make_vault)
    seq = _seq_of(vault, "account:2")
    _drop_triggers(vault)
    vault.conn.execute(sql, (seq,))
    status = vault.audit.verify()
    assert not status.ok
    assert status.first_broken_seq == seq


def test_check_reports_a_broken_chain(make_vault: Make) -> None:
    vault = _with_events(make_vault)
    assert vault.check().ok
    _drop_triggers(vault)
    vault.conn.execute("UPDATE audit_event SET target = 'x' WHERE seq = 2")
    report = vault.check()
    assert not report.ok and report.audit.first_broken_seq == 2


def test_record_inside_a_failed_transaction_leaves_no_event(make_vault: Make) -> None:
    vault, _ = make_vault()
    n = vault.audit.head()[0]
    with pytest.raises(Conflict), vault.write() as c:
        vault.audit.record(AuditKind.CHANGE, operator_id=None, target="x")
        c.execute(
            "INSERT INTO meta (id, vault_id, epoch, created_at, app_version) VALUES (1, 'x', 0, '', '')"
        )
    assert vault.audit.head()[0] == n
    assert vault.audit.verify().ok


def test_recorded_event_reads_back(make_vault: Make) -> None:
    vault, _ = make_vault()
    detail: dict[str, Any] = {"field": "password"}
    vault.record(AuditKind.COPY, target="account:1", detail=detail)
    ev = list(vault.audit.events())[-1]
    assert ev.kind == "copy" and ev.target == "account:1" and ev.detail == detail
    assert vault.operator is not None and ev.operator_id == vault.operator.id


def test_events_on_a_garbage_row_raise_a_core_error(make_vault: Make) -> None:
    vault = _with_events(make_vault, 2)
    _drop_triggers(vault)
    vault.conn.execute("UPDATE audit_event SET detail_json = '{' WHERE seq = 2")
    with pytest.raises(AuditChainBroken) as info:
        list(vault.audit.events())
    assert info.value.seq == 2
