"""load_snapshot reads back exactly what the repositories stored, in a few queries."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest

from brankas.core.domain.enums import (
    AccountStatus,
    Election,
    HandoverKind,
    LifecycleKind,
    Owner,
    PageAccess,
    PersonRole,
    Platform,
    RotationReason,
)
from brankas.core.domain.models import (
    Account,
    AccountSecrets,
    Attachment,
    ChecklistItem,
    Custody,
    Handover,
    HandoverItem,
    Kecamatan,
    PageAccessEntry,
    PasswordHistoryEntry,
    Person,
    Term,
    TermKecamatanEnd,
)
from brankas.core.review.load import load_snapshot
from brankas.core.review.snapshot import Snapshot, make_snapshot, to_json
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos import (
    account,
    attachment,
    checklist,
    custody,
    handover,
    office,
    page_access,
    person,
    secrets,
    term,
)
from brankas.core.vault.vault import Vault

WITA = timezone(timedelta(hours=8))
T0 = datetime(2024, 5, 10, 9, 0, tzinfo=WITA)
CANARY = "kanari-sandi-Biau-3f9"  # must never reach a snapshot


@dataclass
class Stored:
    """Every record inserted, as the repositories returned it (with ids)."""

    conn: Connection
    snapshot_args: dict[str, object]
    terms: tuple[int, int]
    accounts: dict[str, int]


def _store(conn: Connection, *, extra_accounts: int = 0) -> Stored:
    own = office.own_office(conn)
    biau = office.add_kecamatan(conn, Kecamatan(office_id=own.id, name="Biau", code="7201"))
    bokat = office.add_kecamatan(conn, Kecamatan(office_id=own.id, name="Bokat"))
    pemilu = term.add_term(
        conn,
        Term(name="Pemilu 2024", election=Election.PEMILU, year=2024, sk_number="SK-1",
             sk_date=date(2022, 10, 20), start_date=date(2022, 10, 31), end_date=date(2024, 4, 30)),
    )  # fmt: skip
    pilkada = term.add_term(
        conn,
        Term(name="Pilkada 2024", election=Election.PILKADA, year=2024,
             start_date=date(2024, 5, 1), end_date=date(2025, 1, 27)),
    )  # fmt: skip
    coverage = [
        TermKecamatanEnd(term_id=pilkada.id, kecamatan_id=biau.id),
        TermKecamatanEnd(
            term_id=pilkada.id, kecamatan_id=bokat.id, end_date=date(2025, 2, 28), note="MK"
        ),
        TermKecamatanEnd(term_id=pemilu.id, kecamatan_id=biau.id),
    ]
    for c in coverage:
        term.set_term_kecamatan(conn, c)
    official = person.add_person(
        conn, Person(name="Pejabat Contoh", role=PersonRole.OFFICIAL, nip="1")
    )
    ketua = person.add_person(
        conn,
        Person(
            name="Ketua Biau (fiktif)",
            role=PersonRole.KETUA,
            kecamatan_id=biau.id,
            term_id=pilkada.id,
        ),
    )
    old_ketua = person.add_person(
        conn,
        Person(
            name="Ketua lama (fiktif)",
            role=PersonRole.KETUA,
            kecamatan_id=biau.id,
            term_id=pemilu.id,
        ),
    )
    witness = person.add_person(conn, Person(name="Saksi (fiktif)", role=PersonRole.STAFF))
    anggota = person.add_person(
        conn,
        Person(
            name="Anggota Bokat (fiktif)",
            role=PersonRole.ANGGOTA,
            kecamatan_id=bokat.id,
            term_id=pilkada.id,
        ),
    )
    ig = account.add_account(
        conn,
        Account(platform=Platform.INSTAGRAM, handle="panwascam.biau", display_name="Panwaslu Biau",
                url="https://instagram.com/panwascam.biau", kecamatan_id=biau.id, term_id=pilkada.id,
                status=AccountStatus.RETURNED, active_from=date(2024, 5, 1), active_until=date(2025, 1, 27),
                activated_at=T0, recovery_email="humas@buolkab.bawaslu.go.id",
                recovery_email_owner=Owner.OFFICE, recovery_phone="081234567890",
                recovery_phone_owner=Owner.PERSON, recovery_phone_holder_person_id=ketua.id,
                backup_codes_remaining=8, backup_codes_regenerated_at=T0, needs_password_change=True,
                created_at=T0, updated_at=T0),
    )  # fmt: skip
    fb = account.add_account(
        conn,
        Account(platform=Platform.FACEBOOK_PAGE, handle="panwascam.biau.page", kecamatan_id=biau.id,
                term_id=pilkada.id, status=AccountStatus.ACTIVE, created_at=T0, updated_at=T0),
    )  # fmt: skip
    old = account.add_account(
        conn,
        Account(platform=Platform.X, handle="panwascam_biau", kecamatan_id=biau.id, term_id=pemilu.id,
                lifecycle_kind=LifecycleKind.PERMANENT, status=AccountStatus.ACTIVE,
                created_at=T0, updated_at=T0),
    )  # fmt: skip
    extra = [
        account.add_account(
            conn,
            Account(platform=Platform.TIKTOK, handle=f"extra{n}", kecamatan_id=bokat.id, term_id=pilkada.id,
                    created_at=T0, updated_at=T0),
        )
        for n in range(extra_accounts)
    ]  # fmt: skip
    secrets.set_secrets(
        conn,
        AccountSecrets(
            account_id=ig.id,
            password=Secret(CANARY),
            totp_secret=Secret("JBSWY3DPEHPK3PXP"),
            notes=Secret(CANARY),
        ),
    )
    secrets.set_secrets(
        conn, AccountSecrets(account_id=fb.id, password=Secret(""), backup_codes=Secret(CANARY))
    )
    history = secrets.append_password_history(
        conn,
        PasswordHistoryEntry(
            account_id=ig.id,
            password=Secret(CANARY),
            changed_at=T0 + timedelta(days=300),
            reason=RotationReason.HANDOVER,
        ),
    )
    issue = handover.add_handover(
        conn,
        Handover(number="BAST/001/BUOL/V/2024", kind=HandoverKind.ISSUE, date=date(2024, 5, 10), place="Buol",
                 term_id=pilkada.id, first_party_person_id=official.id, second_party_person_id=ketua.id,
                 mengetahui_person_id=official.id, notes="catatan BAST", created_at=T0,
                 witness_person_ids=(witness.id, official.id),
                 items=(HandoverItem(account_id=fb.id), HandoverItem(account_id=ig.id))),
    )  # fmt: skip
    back = handover.add_handover(
        conn,
        Handover(number="BAST/002/BUOL/I/2025", kind=HandoverKind.RETURN, date=date(2025, 1, 27),
                 term_id=pilkada.id, first_party_person_id=ketua.id, second_party_person_id=official.id,
                 created_at=T0 + timedelta(days=262),
                 items=(HandoverItem(account_id=ig.id, password_changed_at=T0 + timedelta(days=262)),)),
    )  # fmt: skip
    onward = handover.add_handover(
        conn,
        Handover(number="BAST/003/BUOL/V/2024", kind=HandoverKind.NEXT_COMMITTEE, date=date(2024, 5, 12),
                 term_id=pilkada.id, first_party_person_id=official.id, second_party_person_id=ketua.id,
                 created_at=T0, items=(HandoverItem(account_id=old.id),)),
    )  # fmt: skip
    first = custody.open_custody(
        conn, Custody(account_id=ig.id, holder_person_id=ketua.id, from_at=T0, handover_id=issue.id)
    )
    closed = custody.close_custody(conn, ig.id, T0 + timedelta(days=262))
    assert closed.id == first.id
    office_period = custody.open_custody(
        conn,
        Custody(
            account_id=ig.id,
            holder_person_id=None,
            from_at=T0 + timedelta(days=262),
            handover_id=back.id,
        ),
    )
    fb_period = custody.open_custody(
        conn, Custody(account_id=fb.id, holder_person_id=ketua.id, from_at=T0, handover_id=issue.id)
    )
    old_period = custody.open_custody(
        conn, Custody(account_id=old.id, holder_person_id=old_ketua.id, from_at=T0)
    )
    items = [
        ChecklistItem(account_id=ig.id, step_key=k, position=n, text_id=f"Langkah {k}", text_en=f"Step {k}",
                      done_at=T0 + timedelta(days=263) if n == 0 else None)
        for n, k in enumerate(("sign_out_sessions", "change_password"))
    ]  # fmt: skip
    checklist.add_checklist_items(conn, items)
    stored_items = checklist.list_checklist_items(conn)
    entry = page_access.add_page_access(
        conn,
        PageAccessEntry(
            account_id=fb.id,
            person_id=ketua.id,
            person_name="Ketua Biau (fiktif)",
            access=PageAccess.PARTIAL,
            added_at=T0,
        ),
    )
    scan = attachment.add_attachment(
        conn, Attachment(owner_kind="handover", owner_id=issue.id, filename="bast.pdf", mime="application/pdf", sha256="", size=0, added_at=T0),
        b"%PDF-1.4 fiktif",
    )  # fmt: skip
    args: dict[str, object] = dict(
        office=own,
        kecamatan=[biau, bokat],
        terms=[pemilu, pilkada],
        term_kecamatan=coverage,
        people=[
            person.get_person(conn, p.id) for p in (official, ketua, old_ketua, witness, anggota)
        ],
        accounts=[ig, fb, old, *extra],
        password_on_record=[ig.id],
        totp_on_record=[ig.id],
        password_changes=[(ig.id, history.changed_at)],
        custody=[closed, office_period, fb_period, old_period],
        handovers=[issue, back, onward],
        checklist_items=stored_items,
        page_access=[entry],
        attachments=[dataclasses.replace(scan)],
    )
    return Stored(conn, args, (pemilu.id, pilkada.id), {"ig": ig.id, "fb": fb.id, "old": old.id})


@pytest.fixture
def stored(make_vault: Callable[..., tuple[Vault, str]]) -> Stored:
    vault, _kit = make_vault()
    return _store(vault.conn)


def test_load_equals_a_snapshot_built_by_hand(stored: Stored) -> None:
    loaded = load_snapshot(stored.conn)
    expected = make_snapshot(**stored.snapshot_args)  # type: ignore[arg-type]
    for name in (f.name for f in dataclasses.fields(Snapshot) if f.compare):
        assert getattr(loaded, name) == getattr(expected, name), name
    assert loaded == expected
    assert loaded.handovers[min(loaded.handovers)].witness_person_ids == tuple(
        stored.snapshot_args["handovers"][0].witness_person_ids  # type: ignore[index]
    )


def test_no_secret_value_reaches_the_snapshot(stored: Stored) -> None:
    loaded = load_snapshot(stored.conn)
    assert CANARY not in repr(loaded)
    assert CANARY not in json.dumps(to_json(loaded))
    assert "JBSWY3DPEHPK3PXP" not in json.dumps(to_json(loaded))
    assert loaded.password_on_record == {stored.accounts["ig"]}  # fb's password is empty


def test_term_ids_select_accounts_handovers_and_people(stored: Stored) -> None:
    pemilu, pilkada = stored.terms
    only_pilkada = load_snapshot(stored.conn, term_ids=[pilkada])
    assert set(only_pilkada.terms) == {pilkada}
    assert {k[0] for k in only_pilkada.term_kecamatan} == {pilkada}
    # the permanent Pemilu account comes along: a Pilkada handover lists it
    assert set(only_pilkada.accounts) == set(stored.accounts.values())
    assert len(only_pilkada.handovers) == 3
    assert {p.name for p in only_pilkada.people.values()} == {
        "Pejabat Contoh", "Ketua Biau (fiktif)", "Ketua lama (fiktif)", "Saksi (fiktif)",
        "Anggota Bokat (fiktif)",
    }  # fmt: skip
    only_pemilu = load_snapshot(stored.conn, term_ids=[pemilu])
    assert set(only_pemilu.accounts) == {stored.accounts["old"]}
    assert set(only_pemilu.handovers) == {
        h.id for h in stored.snapshot_args["handovers"] if h.kind is HandoverKind.NEXT_COMMITTEE
    }  # type: ignore[attr-defined]
    # people without a term, of the term, or named by a loaded handover or custody
    assert {p.name for p in only_pemilu.people.values()} == {
        "Pejabat Contoh", "Ketua Biau (fiktif)", "Ketua lama (fiktif)", "Saksi (fiktif)",
    }  # fmt: skip
    assert set(only_pemilu.custody) == {stored.accounts["old"]}
    assert only_pemilu.attachments == {}
    assert load_snapshot(stored.conn, term_ids=[]).accounts == {}


def test_load_inside_a_callers_transaction(stored: Stored) -> None:
    with transaction(stored.conn):
        loaded = load_snapshot(stored.conn)
        assert stored.conn.in_transaction
    assert len(loaded.accounts) == 3


def _count_queries(conn: Connection, **kwargs: object) -> int:
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        load_snapshot(conn, **kwargs)  # type: ignore[arg-type]
    finally:
        conn.set_trace_callback(None)
    return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))


def test_the_number_of_queries_does_not_grow_with_the_data(
    make_vault: Callable[..., tuple[Vault, str]],
) -> None:
    small, _ = make_vault("small")
    large, _ = make_vault("large")
    _store(small.conn)
    stored = _store(large.conn, extra_accounts=40)
    assert _count_queries(small.conn) == _count_queries(large.conn) <= 16
    assert _count_queries(large.conn, term_ids=[stored.terms[1]]) <= 16


def test_an_empty_vault_loads(make_vault: Callable[..., tuple[Vault, str]]) -> None:
    vault, _ = make_vault()
    loaded = load_snapshot(vault.conn)
    assert loaded.office is not None and loaded.office.name == "Bawaslu Kabupaten Buol"
    assert loaded.accounts == {} and loaded.handovers == {}
