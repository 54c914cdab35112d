"""Repositories for accounts and their history: secrets, password history, custody,
handovers, checklists, Page access and the audit log."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
import storage_sample
from storage_sample import CANARY, T0

from brankas.core.domain.enums import (
    AccountStatus,
    HandoverKind,
    LifecycleKind,
    Owner,
    PageAccess,
    Platform,
    RotationReason,
    TwoFactorMethod,
)
from brankas.core.domain.models import (
    Account,
    AccountSecrets,
    AuditEvent,
    ChecklistItem,
    ChecklistTemplateStep,
    Custody,
    Handover,
    HandoverItem,
    PageAccessEntry,
    PasswordHistoryEntry,
)
from brankas.core.errors import Conflict, NotFound
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos import (
    account,
    audit,
    checklist,
    custody,
    handover,
    page_access,
    secrets,
)


def _every_field(sample: storage_sample.Sample) -> Account:
    """An account with no field left at its default."""
    return Account(
        platform=Platform.FACEBOOK_PAGE,
        handle="panwascam.bokat",
        display_name="Panwaslu Kecamatan Bokat",
        url="https://facebook.com/panwascam.bokat",
        kecamatan_id=sample.kecamatan[1].id,
        term_id=sample.term.id,
        lifecycle_kind=LifecycleKind.PERMANENT,
        status=AccountStatus.DEACTIVATED,
        active_from=date(2024, 9, 20),
        active_until=date(2025, 2, 28),
        activated_at=T0,
        deactivated_at=T0 + timedelta(days=200),
        recovery_email="x@example.org",
        recovery_email_account_id=sample.email.id,
        recovery_email_owner=Owner.PERSON,
        recovery_email_person_id=sample.ketua.id,
        recovery_phone="0812",
        recovery_phone_account_id=sample.email.id,
        recovery_phone_owner=Owner.UNKNOWN,
        recovery_phone_holder_person_id=sample.ketua.id,
        twofa_method=TwoFactorMethod.SECURITY_KEY,
        twofa_device="kunci",
        twofa_device_owner=Owner.PERSON,
        twofa_device_person_id=sample.witness.id,
        backup_codes_remaining=0,
        backup_codes_regenerated_at=T0 + timedelta(seconds=1, microseconds=5),
        needs_password_change=True,
        password_changed_at=T0 + timedelta(days=3),
        created_at=T0,
        updated_at=T0 + timedelta(days=4),
    )


def test_account_round_trip_every_field(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    full = _every_field(sample)
    stored = account.add_account(conn, full)
    got = account.get_account(conn, stored.id)
    assert got == stored == dataclasses.replace(full, id=stored.id)
    assert got.created_at.tzinfo is not None and got.created_at.utcoffset() == timedelta(0)
    assert account.get_account(conn, sample.instagram.id) == sample.instagram
    with pytest.raises(NotFound):
        account.get_account(conn, 999)


def test_list_filters_and_find(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    full = account.add_account(conn, _every_field(sample))
    assert account.list_accounts(conn) == [sample.email, sample.instagram, full]
    assert account.list_accounts(conn, kecamatan_id=sample.kecamatan[1].id) == [full]
    assert account.list_accounts(conn, platform=Platform.INSTAGRAM) == [sample.instagram]
    assert account.list_accounts(conn, term_id=sample.term.id, status=AccountStatus.ACTIVE) == [
        sample.email,
        sample.instagram,
    ]
    assert account.find_accounts(conn, Platform.INSTAGRAM, "PANWASCAM.Biau") == [sample.instagram]


def test_update_stamps_updated_at_and_delete(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    later = datetime(2025, 1, 28, 8, 0, tzinfo=UTC)
    changed = account.update_account(
        conn, dataclasses.replace(sample.instagram, status=AccountStatus.RETURNED), now=later
    )
    assert changed.updated_at == later
    assert account.get_account(conn, sample.instagram.id) == changed
    with pytest.raises(NotFound):
        account.update_account(conn, dataclasses.replace(changed, id=999))
    with pytest.raises(Conflict):  # history refers to it
        account.delete_account(conn, sample.instagram.id)
    fresh = account.add_account(conn, Account(platform=Platform.X, handle="baru"))
    secrets.set_secrets(conn, AccountSecrets(account_id=fresh.id, password=Secret("p")))
    account.delete_account(conn, fresh.id)  # its secrets go with it
    assert (
        conn.execute(
            "SELECT count(*) FROM account_secret WHERE account_id = ?", (fresh.id,)
        ).fetchone()[0]
        == 0
    )


def test_listing_never_reads_secrets(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    accounts = account.list_accounts(conn)
    account.list_accounts(conn, term_id=sample.term.id, platform=Platform.INSTAGRAM)
    account.get_account(conn, sample.instagram.id)
    account.find_accounts(conn, Platform.INSTAGRAM, "x")
    listing = list(statements)
    secrets.get_secrets(conn, sample.instagram.id)  # control: this one must show up
    conn.set_trace_callback(None)
    assert len(accounts) == 2
    assert listing and not any("account_secret" in s for s in listing)
    assert any("account_secret" in s for s in statements[len(listing) :])
    assert CANARY not in repr(accounts)


def test_secrets_round_trip_and_are_masked(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    got = secrets.get_secrets(conn, sample.instagram.id)
    assert got.password is not None and got.password.reveal() == CANARY
    assert got.totp_secret is not None and got.totp_secret.reveal() == "JBSWY3DPEHPK3PXP"
    assert got.backup_codes is not None and got.notes is not None
    assert CANARY not in repr(got) and CANARY not in str(got)
    assert secrets.get_secrets(conn, sample.email.id) == AccountSecrets(account_id=sample.email.id)
    secrets.set_secrets(
        conn, AccountSecrets(account_id=sample.instagram.id, password=Secret("new"))
    )
    replaced = secrets.get_secrets(conn, sample.instagram.id)
    assert replaced.password == Secret("new") and replaced.totp_secret is None
    with pytest.raises(NotFound):
        secrets.get_secrets(conn, 999)
    with pytest.raises(Conflict):
        secrets.set_secrets(conn, AccountSecrets(account_id=999, password=Secret("x")))


def test_iter_secrets_reads_many_in_the_order_asked(
    conn: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = storage_sample.populate(conn)
    batch = [
        Account(platform=Platform.X, handle=f"many{i}", kecamatan_id=sample.kecamatan[2].id)
        for i in range(7)
    ]
    pw = [
        AccountSecrets(account_id=0, password=Secret(f"pw{i}")) if i % 3 else None for i in range(7)
    ]
    ids = account.add_accounts(conn, batch, pw)
    monkeypatch.setattr(secrets, "_CHUNK", 3)  # several chunks, the last one short
    wanted = [ids[5], sample.email.id, *ids[:4], sample.instagram.id, ids[6]]
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    got = list(secrets.iter_secrets(conn, wanted))
    conn.set_trace_callback(None)
    assert got == [secrets.get_secrets(conn, i) for i in wanted]
    assert [g.account_id for g in got] == wanted
    assert got[0].password == Secret("pw5") and got[2].password is None
    assert got[6].password is not None and got[6].password.reveal() == CANARY
    assert len([s for s in statements if "account_secret" in s]) == 3
    # Only the accounts asked for are read.
    assert list(secrets.iter_secrets(conn, [ids[1]])) == [secrets.get_secrets(conn, ids[1])]
    assert list(secrets.iter_secrets(conn, [])) == []
    with pytest.raises(NotFound):
        list(secrets.iter_secrets(conn, [ids[0], 999]))


def test_password_history_in_order(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    entry = secrets.append_password_history(
        conn,
        PasswordHistoryEntry(
            account_id=sample.instagram.id,
            password=Secret("sandi-kedua"),
            changed_at=T0 + timedelta(days=130),
            reason=RotationReason.HANDOVER,
        ),
    )
    history = secrets.list_password_history(conn, sample.instagram.id)
    assert [h.password.reveal() for h in history] == ["sandi-lama-fiktif", "sandi-kedua"]
    assert history[1] == entry
    assert history[0].changed_by_operator_id == sample.operator.id
    assert secrets.list_password_history(conn, sample.email.id) == []


def test_bulk_add_with_secrets(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    batch = [
        Account(platform=Platform.X, handle=f"bulk{i}", kecamatan_id=sample.kecamatan[2].id)
        for i in range(5)
    ]
    pw = [
        AccountSecrets(account_id=0, password=Secret(f"pw{i}")) if i % 2 else None for i in range(5)
    ]
    ids = account.add_accounts(conn, batch, pw)
    assert len(set(ids)) == 5 and min(ids) > sample.instagram.id
    assert [account.get_account(conn, i).handle for i in ids] == [f"bulk{i}" for i in range(5)]
    assert secrets.get_secrets(conn, ids[1]).password == Secret("pw1")
    assert secrets.get_secrets(conn, ids[0]).password is None
    with pytest.raises(ValueError, match="parallel"):
        account.add_accounts(conn, batch, pw[:2])
    before = len(account.list_accounts(conn))
    with pytest.raises(Conflict):  # a bad reference rolls back the whole batch
        account.add_accounts(conn, [*batch, Account(platform=Platform.X, handle="x", term_id=99)])
    assert len(account.list_accounts(conn)) == before


def test_custody_open_close_current_history(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    aid = sample.instagram.id
    assert custody.current_custody(conn, aid) == sample.custody
    with pytest.raises(Conflict):  # one open period per account
        custody.open_custody(conn, Custody(account_id=aid, holder_person_id=None, from_at=T0))
    back = T0 + timedelta(days=129)
    closed = custody.close_custody(conn, aid, back)
    assert closed == dataclasses.replace(sample.custody, until_at=back)
    assert custody.current_custody(conn, aid) is None
    with pytest.raises(NotFound):
        custody.close_custody(conn, aid, back)
    office_holds = custody.open_custody(
        conn, Custody(account_id=aid, holder_person_id=None, from_at=back)
    )
    assert custody.custody_history(conn, aid) == [closed, office_holds]
    assert custody.list_open_custody(conn) == [office_holds]
    with pytest.raises(Conflict):  # cannot end before it began
        custody.close_custody(conn, aid, back - timedelta(days=1))


def test_handover_aggregate(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    assert handover.get_handover(conn, sample.handover.id) == sample.handover
    assert sample.handover.items[0].handover_id == sample.handover.id
    ret = handover.add_handover(
        conn,
        Handover(
            number="002/BA/BUOL/I/2025",
            kind=HandoverKind.RETURN,
            date=date(2025, 1, 27),
            term_id=sample.term.id,
            first_party_person_id=sample.ketua.id,
            second_party_person_id=sample.official.id,
            created_at=T0,
            witness_person_ids=(sample.witness.id, sample.official.id),
            items=(HandoverItem(account_id=sample.instagram.id),),
        ),
    )
    assert handover.list_handovers(conn) == [sample.handover, ret]
    assert handover.list_handovers(conn, term_id=sample.term.id + 1) == []
    assert handover.find_handover_by_number(conn, "002/BA/BUOL/I/2025") == ret
    assert handover.handovers_of_account(conn, sample.instagram.id) == [sample.handover, ret]
    changed_at = T0 + timedelta(days=130)
    handover.mark_password_changed(conn, ret.id, sample.instagram.id, changed_at)
    item = handover.get_handover(conn, ret.id).items[0]
    assert item.password_changed_after and item.password_changed_at == changed_at
    with pytest.raises(NotFound):
        handover.mark_password_changed(conn, ret.id, sample.email.id, changed_at)
    with pytest.raises(Conflict, match="UNIQUE"):
        handover.add_handover(conn, dataclasses.replace(ret, id=0))
    edited = dataclasses.replace(
        ret,
        place="Kantor",
        witness_person_ids=(sample.official.id,),
        items=(HandoverItem(handover_id=ret.id, account_id=sample.email.id),),
    )
    handover.update_handover(conn, edited)
    assert handover.get_handover(conn, ret.id) == edited
    with pytest.raises(NotFound):
        handover.get_handover(conn, 999)
    with pytest.raises(NotFound):
        handover.find_handover_by_number(conn, "nope")


def test_failed_handover_leaves_no_partial_rows(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    bad = dataclasses.replace(
        sample.handover,
        id=0,
        number="003",
        items=(HandoverItem(account_id=sample.email.id), HandoverItem(account_id=12345)),
    )
    with pytest.raises(Conflict):
        handover.add_handover(conn, bad)
    assert [h.number for h in handover.list_handovers(conn)] == [sample.handover.number]
    count = conn.execute("SELECT count(*) FROM handover_item").fetchone()[0]
    assert count == len(sample.handover.items)


def test_checklists(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    steps = checklist.list_template_steps(conn, Platform.FACEBOOK_PAGE)
    assert len(steps) == 1
    second = checklist.add_template_step(
        conn,
        ChecklistTemplateStep(
            platform=Platform.FACEBOOK_PAGE,
            step_key="deactivate",
            position=9,
            text_id="Nonaktifkan",
            text_en="Deactivate",
        ),
    )
    with pytest.raises(Conflict):
        checklist.add_template_step(conn, dataclasses.replace(second, id=0))
    checklist.update_template_step(conn, dataclasses.replace(second, active=False))
    assert checklist.list_template_steps(conn, active_only=True) == steps
    assert len(checklist.list_template_steps(conn)) == 2
    (item,) = checklist.list_checklist_items(conn, sample.instagram.id)
    assert item.done_at is None
    checklist.set_item_done(conn, item.id, T0, sample.operator.id)
    done = checklist.list_checklist_items(conn)[0]
    assert (done.done_at, done.done_by_operator_id) == (T0, sample.operator.id)
    checklist.set_item_done(conn, item.id, None, sample.operator.id)
    assert checklist.list_checklist_items(conn)[0] == item
    with pytest.raises(NotFound):
        checklist.set_item_done(conn, 999, T0, None)
    with pytest.raises(Conflict):  # same step twice on one account
        checklist.add_checklist_items(
            conn,
            [
                ChecklistItem(
                    account_id=sample.instagram.id, step_key=item.step_key, text_id="a", text_en="b"
                )
            ],
        )


def test_checklist_texts_are_stored_once_and_items_keep_theirs(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    step = checklist.add_template_step(
        conn,
        ChecklistTemplateStep(
            platform=Platform.X, step_key="logout", text_id="Keluar", text_en="Log out"
        ),
    )

    def items_from_template(account_id: int) -> list[ChecklistItem]:
        (s,) = [t for t in checklist.list_template_steps(conn, Platform.X) if t.id == step.id]
        return [
            ChecklistItem(
                account_id=account_id, step_key=s.step_key, text_id=s.text_id, text_en=s.text_en
            )
        ]

    def text_rows() -> int:
        return int(conn.execute("SELECT count(*) FROM checklist_text").fetchone()[0])

    before = text_rows()
    checklist.add_checklist_items(conn, items_from_template(sample.instagram.id))
    checklist.add_checklist_items(conn, items_from_template(sample.email.id))
    assert text_rows() == before + 1  # one pair, stored once for both accounts
    # An admin rewords the template: items already made keep the words they were given.
    checklist.update_template_step(conn, dataclasses.replace(step, text_id="Keluar dari akun"))
    new = [dataclasses.replace(i, step_key="logout2") for i in items_from_template(sample.email.id)]
    checklist.add_checklist_items(conn, new)
    assert text_rows() == before + 2
    got = {
        (i.account_id, i.step_key): i.text_id
        for i in checklist.list_checklist_items(conn)
        if i.step_key.startswith("logout")
    }
    assert got == {
        (sample.instagram.id, "logout"): "Keluar",
        (sample.email.id, "logout"): "Keluar",
        (sample.email.id, "logout2"): "Keluar dari akun",
    }


def test_page_access_roster(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    (member,) = page_access.list_page_access(conn, sample.instagram.id)
    official = page_access.add_page_access(
        conn,
        PageAccessEntry(
            account_id=sample.instagram.id,
            person_name="Pejabat",
            access=PageAccess.FULL,
            added_at=T0 + timedelta(minutes=1),
        ),
    )
    page_access.remove_page_access(conn, member.id, T0 + timedelta(days=130))
    assert page_access.list_page_access(conn, sample.instagram.id, current_only=True) == [official]
    full = page_access.list_page_access(conn, sample.instagram.id)
    assert full[0].removed_at == T0 + timedelta(days=130)
    with pytest.raises(NotFound):
        page_access.remove_page_access(conn, 999, T0)


def _event(seq: int, prev: bytes | None, h: bytes) -> AuditEvent:
    return AuditEvent(
        seq=seq,
        at=T0 + timedelta(seconds=seq),
        operator_id=None,
        kind="reveal",
        target=str(seq),
        detail_json="{}",
        prev_hash=prev,
        hash=h,
    )


def test_audit_log_appends_in_chain_and_is_append_only(conn: Connection) -> None:
    assert audit.last_event(conn) is None
    first = _event(1, b"\x00" * 32, b"h1")
    audit.append_event(conn, first)
    second = dataclasses.replace(_event(2, b"h1", b"h2"), target=None)
    audit.append_event(conn, second)
    with pytest.raises(Conflict, match="seq"):
        audit.append_event(conn, _event(4, b"h2", b"h4"))
    with pytest.raises(Conflict, match="chain"):
        audit.append_event(conn, _event(3, b"forged", b"h3"))
    assert audit.list_events(conn) == [first, second]
    assert audit.list_events(conn, after_seq=1) == [second]
    assert audit.list_events(conn, limit=1) == [first]
    assert audit.last_event(conn) == second
    assert audit.count_events(conn) == 2
    for sql in ("UPDATE audit_event SET kind = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(Conflict, match="append-only"), transaction(conn):
            conn.execute(sql)
    assert audit.count_events(conn) == 2
