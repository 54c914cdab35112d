"""Handover service: numbering, validation (every bad input with its code, nothing half
written), applying issue/return, password-change tracking, scans, wizard data."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, date, datetime
from typing import Any

import pytest
from svc_b_support import (
    TERM_END,
    Clock,
    MakeVault,
    World,
    draft,
    events,
    give_back,
    issue,
    last_seq,
    make_world,
    new_ctx,
    snapshot,
)

from brankas.core.domain.enums import AccountStatus, Election, HandoverKind, PersonRole
from brankas.core.domain.lifecycle import Action, Guard, TransitionRefused
from brankas.core.errors import DomainConflict, InvalidValue, NotFound, PermissionDenied
from brankas.core.services import accounts, custody, handover, office, people, secrets, terms
from brankas.core.services.context import ServiceContext


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


def _status(ctx: ServiceContext, ids: tuple[int, ...]) -> set[AccountStatus]:
    return {accounts.get_account(ctx, i).status for i in ids}


# --- issue -----------------------------------------------------------------------------
def test_issue_activates_moves_custody_and_audits(ctx: ServiceContext, world: World) -> None:
    before = last_seq(ctx)
    h = issue(ctx, world, "Biau")
    assert h.id > 0
    assert h.number == "BAST/001/BWS.BUOL/V/2024"
    assert h.kind is HandoverKind.ISSUE
    assert h.place == "Buol"  # the office's city by default
    assert h.witness_person_ids == (world.witness.id,)
    assert h.mengetahui_person_id == world.head.id
    assert [i.account_id for i in h.items] == list(world.ids("Biau"))
    for a in (accounts.get_account(ctx, i) for i in world.ids("Biau")):
        assert a.status is AccountStatus.ACTIVE
        assert a.activated_at == ctx.now()
        assert custody.current_holder(ctx, a.id).person_id == world.kec("Biau").ketua.id
    assert _status(ctx, world.ids("Bokat")) == {AccountStatus.PLANNED}
    evs = events(ctx, before)
    transitions = [e for e in evs if e[0] == "transition"]
    assert [e[1] for e in transitions] == [f"account:{i}" for i in world.ids("Biau")]
    assert all(e[2]["action"] == "activate" for e in transitions)
    kind, target, detail = evs[-1]
    assert (kind, target) == ("handover", f"handover:{h.id}")
    assert detail["number"] == h.number
    assert detail["accounts"] == list(world.ids("Biau"))
    assert "Contoh-" not in str(evs)  # no password in any audit detail


def test_issue_of_active_account_held_by_office_moves_custody_only(
    ctx: ServiceContext, world: World
) -> None:
    aid = world.ids("Biau")[0]
    ctx.conn.execute("UPDATE account SET status = 'active' WHERE id = ?", (aid,))
    before = last_seq(ctx)
    issue(ctx, world, "Biau", account_ids=[aid])
    assert not [e for e in events(ctx, before) if e[0] == "transition"]
    assert custody.current_holder(ctx, aid).person_id == world.kec("Biau").ketua.id


def test_numbers_follow_the_year_and_the_pattern(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    ids = world.ids("Biau")
    assert handover.next_number(ctx, date(2024, 5, 10)) == "BAST/001/BWS.BUOL/V/2024"
    issue(ctx, world, "Biau", account_ids=ids[:1])
    issue(ctx, world, "Biau", account_ids=ids[1:2], number="  BAST/KHUSUS/1  ")
    h3 = issue(ctx, world, "Biau", account_ids=ids[2:])
    assert h3.number == "BAST/002/BWS.BUOL/V/2024"  # a typed number does not use a seq
    assert handover.get_handover(ctx, h3.id - 1).number == "BAST/KHUSUS/1"
    clock.set_day(date(2025, 1, 6))
    assert handover.next_number(ctx, date(2025, 1, 6)) == "BAST/001/BWS.BUOL/I/2025"
    assert handover.set_number_pattern(ctx, " {seq}/BAST/{office}/{year} ") == (
        "{seq}/BAST/{office}/{year}"
    )
    assert handover.next_number(ctx, date(2024, 12, 1)) == "3/BAST/BWS.BUOL/2024"
    with pytest.raises(InvalidValue) as e:
        handover.set_number_pattern(ctx, "BAST/{office}")
    assert (e.value.field, e.value.code) == ("pattern", "pattern_missing_seq")


def test_generated_number_skips_a_number_typed_before(ctx: ServiceContext, world: World) -> None:
    ids = world.ids("Biau")
    issue(ctx, world, "Biau", account_ids=ids[:1], number="BAST/001/BWS.BUOL/V/2024")
    assert issue(ctx, world, "Biau", account_ids=ids[1:2]).number == "BAST/002/BWS.BUOL/V/2024"


def test_number_pattern_needs_an_admin(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(ctx.vault), "operator", property(lambda _v: None))
    with pytest.raises(PermissionDenied):
        handover.set_number_pattern(ctx, "{seq}")


def test_preview_writes_nothing(ctx: ServiceContext, world: World) -> None:
    before = snapshot(ctx)
    h = handover.preview_handover(ctx, draft(world, "Biau"))
    assert (h.id, h.number, len(h.items)) == (0, "BAST/001/BWS.BUOL/V/2024", 3)
    assert snapshot(ctx) == before


def test_no_office_code_refuses_to_number(ctx: ServiceContext, world: World) -> None:
    office.update_office(ctx, code="")
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as e:
        issue(ctx, world, "Biau")
    assert e.value.code == "office_code_empty"
    assert snapshot(ctx) == before


# --- bad input: each with its field and code, nothing written ----------------------------
def _other_term_person(ctx: ServiceContext, world: World) -> int:
    t = terms.add_term(
        ctx,
        election=Election.PEMILU,
        year=2029,
        start_date=date(2027, 1, 1),
        end_date=date(2029, 6, 30),
    )
    kec = world.kec("Biau").kecamatan.id
    return people.add_person(
        ctx, name="Lain Contoh", role="ketua", kecamatan_id=kec, term_id=t.id
    ).id


def _bad_cases(ctx: ServiceContext, world: World) -> dict[str, tuple[dict[str, Any], str, str]]:
    biau, bokat = world.kec("Biau"), world.kec("Bokat")
    return {
        "no accounts": ({"account_ids": ()}, "accounts", "handover_no_accounts"),
        "repeated": ({"account_ids": (biau.accounts[0].id,) * 2}, "accounts", "account_repeated"),
        "witness is party": (
            {"witness_ids": (world.official.id,)},
            "witnesses",
            "witness_is_party",
        ),
        "witness twice": (
            {"witness_ids": (world.witness.id, world.witness.id)},
            "witnesses",
            "witness_repeated",
        ),
        "mengetahui is party": (
            {"mengetahui_id": biau.ketua.id},
            "mengetahui",
            "mengetahui_is_party",
        ),
        "same party": ({"second_party_id": world.official.id}, "second_party", "same_party"),
        "office side is a member": (
            {"first_party_id": biau.anggota.id},
            "first_party",
            "party_wrong_side",
        ),
        "committee side is an official": (
            {"second_party_id": world.head.id, "mengetahui_id": None},
            "second_party",
            "party_wrong_side",
        ),
        "other kecamatan": (
            {"account_ids": (bokat.accounts[0].id,)},
            "accounts",
            "account_other_kecamatan",
        ),
        "future": ({"on": date(2024, 5, 12)}, "date", "handover_date_in_future"),
        "before term": ({"on": date(2024, 4, 30)}, "date", "handover_date_before_term"),
        "number too long": ({"number": "B" * 121}, "number", "number_too_long"),
        "number control": ({"number": "BAST\n1"}, "number", "number_control_char"),
        "place too long": ({"place": "x" * 201}, "place", "value_too_long"),
        "unknown person": ({"first_party_id": 9999}, "first_party", "person_not_found"),
        "unknown witness": ({"witness_ids": (9999,)}, "witnesses", "person_not_found"),
        "unknown account": ({"account_ids": (9999,)}, "accounts", "account_not_found"),
        "unknown term": ({"term_id": 9999}, "term", "term_not_found"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "no accounts",
        "repeated",
        "witness is party",
        "witness twice",
        "mengetahui is party",
        "same party",
        "office side is a member",
        "committee side is an official",
        "other kecamatan",
        "future",
        "before term",
        "number too long",
        "number control",
        "place too long",
        "unknown person",
        "unknown witness",
        "unknown account",
        "unknown term",
    ],
)
def test_bad_input_is_refused_with_its_code(ctx: ServiceContext, world: World, case: str) -> None:
    changes, field, code = _bad_cases(ctx, world)[case]
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as e:
        handover.record_handover(ctx, dataclasses.replace(draft(world, "Biau"), **changes))
    assert (e.value.field, e.value.code) == (field, code)
    assert snapshot(ctx) == before


def test_committee_party_of_another_term(ctx: ServiceContext, world: World) -> None:
    other = _other_term_person(ctx, world)
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as e:
        handover.record_handover(ctx, draft(world, "Biau", second_party_id=other))
    assert (e.value.field, e.value.code) == ("second_party", "party_other_term")
    assert snapshot(ctx) == before


def test_account_of_another_term(ctx: ServiceContext, world: World) -> None:
    aid = world.ids("Biau")[0]
    other = terms.add_term(
        ctx,
        election=Election.PEMILU,
        year=2024,
        start_date=date(2022, 10, 29),
        end_date=date(2024, 4, 30),
    )
    accounts.update_account(ctx, aid, term_id=other.id)
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as e:
        issue(ctx, world, "Biau")
    assert (e.value.field, e.value.code) == ("accounts", "account_other_term")
    assert snapshot(ctx) == before


def test_bast_number_used(ctx: ServiceContext, world: World) -> None:
    ids = world.ids("Biau")
    first = issue(ctx, world, "Biau", account_ids=ids[:1])
    before = snapshot(ctx)
    for call in (handover.record_handover, handover.preview_handover):
        with pytest.raises(DomainConflict) as e:
            call(ctx, draft(world, "Biau", account_ids=ids[1:], number=first.number))
        assert (e.value.field, e.value.code) == ("number", "bast_number_used")
    assert snapshot(ctx) == before


def test_account_held_elsewhere(ctx: ServiceContext, world: World) -> None:
    issue(ctx, world, "Biau")
    before = snapshot(ctx)
    with pytest.raises(DomainConflict) as e:  # issued again: the committee holds it
        issue(ctx, world, "Biau")
    assert (e.value.field, e.value.code) == ("accounts", "account_held_elsewhere")
    assert snapshot(ctx) == before
    # Moved to Bokat while Biau's ketua holds it: Bokat's committee cannot return it.
    aid = world.ids("Biau")[0]
    accounts.update_account(ctx, aid, kecamatan_id=world.kec("Bokat").kecamatan.id)
    before = snapshot(ctx)
    with pytest.raises(DomainConflict) as e:
        give_back(ctx, world, "Bokat", account_ids=[aid], on=date(2024, 5, 10))
    assert (e.value.field, e.value.code) == ("accounts", "account_held_elsewhere")
    assert snapshot(ctx) == before


def test_return_of_accounts_the_office_holds(ctx: ServiceContext, world: World) -> None:
    aid = world.ids("Biau")[0]
    ctx.conn.execute("UPDATE account SET status = 'active' WHERE id = ?", (aid,))
    before = snapshot(ctx)
    with pytest.raises(DomainConflict) as e:
        give_back(ctx, world, "Biau", account_ids=[aid], on=date(2024, 5, 10))
    assert e.value.code == "account_held_elsewhere"
    assert snapshot(ctx) == before


def test_return_of_a_planned_account_is_an_illegal_transition(
    ctx: ServiceContext, world: World
) -> None:
    before = snapshot(ctx)
    with pytest.raises(TransitionRefused) as e:
        give_back(ctx, world, "Biau", on=date(2024, 5, 10))
    assert (e.value.status, e.value.action) == (AccountStatus.PLANNED, Action.RETURN)
    assert snapshot(ctx) == before


def test_guard_failing_midway_leaves_nothing_half_written(
    ctx: ServiceContext, world: World
) -> None:
    # The last account has no password: activating it fails after the others moved.
    last = world.ids("Biau")[-1]
    ctx.conn.execute("UPDATE account_secret SET password = NULL WHERE account_id = ?", (last,))
    before = snapshot(ctx)
    with pytest.raises(TransitionRefused) as e:
        issue(ctx, world, "Biau")
    assert e.value.failed_guards == (Guard.CREDENTIALS_RECORDED,)
    assert snapshot(ctx) == before


def test_batch_is_one_transaction(ctx: ServiceContext, world: World) -> None:
    before = snapshot(ctx)
    bokat_with_biau = draft(world, "Bokat")
    bad = dataclasses.replace(bokat_with_biau, number="BAST/X")
    with pytest.raises(InvalidValue) as e:
        handover.record_handovers(
            ctx, [draft(world, "Biau"), dataclasses.replace(bad, account_ids=world.ids("Biau"))]
        )
    assert e.value.code in {"account_repeated", "account_other_kecamatan"}
    assert snapshot(ctx) == before
    with pytest.raises(InvalidValue) as e:
        handover.record_handovers(ctx, [])
    assert e.value.code == "handover_no_accounts"
    done = handover.record_handovers(ctx, [draft(world, "Biau"), draft(world, "Bokat")])
    assert [h.number for h in done] == ["BAST/001/BWS.BUOL/V/2024", "BAST/002/BWS.BUOL/V/2024"]


def test_two_drafts_listing_one_account(ctx: ServiceContext, world: World) -> None:
    ids = world.ids("Biau")
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as e:
        handover.record_handovers(
            ctx,
            [draft(world, "Biau", account_ids=ids[:2]), draft(world, "Biau", account_ids=ids[1:])],
        )
    assert (e.value.field, e.value.code) == ("accounts", "account_repeated")
    assert snapshot(ctx) == before


# --- return ----------------------------------------------------------------------------
def test_return_flags_rotation_and_starts_checklists(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    issue(ctx, world, "Biau")
    clock.set_day(TERM_END, 15)
    h = give_back(ctx, world, "Biau")
    assert h.number == "BAST/001/BWS.BUOL/I/2025"
    ids = world.ids("Biau")
    for a in (accounts.get_account(ctx, i) for i in ids):
        assert a.status is AccountStatus.RETURNED
        assert a.needs_password_change
        assert custody.current_holder(ctx, a.id).is_office
    assert [a.id for a in handover.rotation_queue(ctx, world.term.id)] == list(ids)
    n_items = ctx.conn.execute("SELECT count(DISTINCT account_id) FROM checklist_item").fetchone()[
        0
    ]
    assert n_items == 3
    clock.advance(hours=1)
    secrets.set_password(ctx, ids[0], "Contoh-baru-1", reason="handover")
    item = next(i for i in handover.get_handover(ctx, h.id).items if i.account_id == ids[0])
    assert item.password_changed_at == clock.now
    assert [a.id for a in handover.rotation_queue(ctx)] == list(ids[1:])


def test_return_recorded_late_after_the_rotation(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    issue(ctx, world, "Biau")
    ids = world.ids("Biau")
    clock.set_day(TERM_END, 16)
    clock.set_day(date(2025, 1, 29))
    before_handover_day = datetime(2025, 1, 26, 16, 59, tzinfo=UTC)  # 23:59 WIB, 26 Jan
    ctx.conn.execute(
        "UPDATE account SET password_changed_at = ? WHERE id = ?",
        (before_handover_day.isoformat(timespec="microseconds"), ids[1]),
    )
    secrets.set_password(ctx, ids[0], "Contoh-baru-awal", reason="handover")  # 29 Jan
    h = give_back(ctx, world, "Biau")  # dated 27 Jan, recorded on the 29th
    flags = {i: accounts.get_account(ctx, i).needs_password_change for i in ids}
    assert flags == {ids[0]: False, ids[1]: True, ids[2]: True}
    changed = {i.account_id: i.password_changed_at for i in h.items}
    assert changed[ids[0]] is not None and changed[ids[1]] is None
    # custody changed at noon WIB of the handover's date, not at recording time
    assert custody.current_holder(ctx, ids[0]).since == datetime(2025, 1, 27, 5, tzinfo=UTC)


def test_return_dated_before_the_issue(ctx: ServiceContext, world: World, clock: Clock) -> None:
    clock.set_day(date(2024, 6, 3))
    issue(ctx, world, "Biau", on=date(2024, 6, 3))
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as e:
        give_back(ctx, world, "Biau", on=date(2024, 6, 1))
    assert (e.value.field, e.value.code) == ("date", "handover_date_before_custody")
    assert snapshot(ctx) == before
    give_back(ctx, world, "Biau", on=date(2024, 6, 3))  # same day: allowed


def test_return_by_the_ketua_of_accounts_an_anggota_holds(
    ctx: ServiceContext, world: World
) -> None:
    biau = world.kec("Biau")
    issue(ctx, world, "Biau", second_party_id=biau.anggota.id)
    h = give_back(ctx, world, "Biau", on=date(2024, 5, 10))
    assert h.first_party_person_id == biau.ketua.id


def test_sync_finds_changes_stored_without_the_secrets_service(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    issue(ctx, world, "Biau")
    clock.set_day(TERM_END, 15)
    h = give_back(ctx, world, "Biau")
    aid = world.ids("Biau")[0]
    at = datetime(2025, 1, 28, 3, tzinfo=UTC)
    ctx.conn.execute(
        "UPDATE account SET password_changed_at = ? WHERE id = ?",
        (at.isoformat(timespec="microseconds"), aid),
    )
    assert handover.sync_password_changes(ctx, [aid + 1]) == 0
    assert handover.sync_password_changes(ctx) == 1
    assert handover.sync_password_changes(ctx) == 0
    item = next(i for i in handover.get_handover(ctx, h.id).items if i.account_id == aid)
    assert item.password_changed_at == at


def test_reading(ctx: ServiceContext, world: World) -> None:
    h1 = issue(ctx, world, "Biau")
    h2 = issue(ctx, world, "Bokat")
    assert [h.id for h in handover.list_handovers(ctx)] == [h1.id, h2.id]
    assert [h.id for h in handover.list_handovers(ctx, term_id=world.term.id)] == [h1.id, h2.id]
    assert [h.id for h in handover.handovers_of_account(ctx, world.ids("Bokat")[0])] == [h2.id]
    with pytest.raises(NotFound):
        handover.get_handover(ctx, 999)


# --- scans -----------------------------------------------------------------------------
PDF = b"%PDF-1.7\n% contoh\n"
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.mark.parametrize(
    ("data", "mime"), [(PDF, "application/pdf"), (JPG, "image/jpeg"), (PNG, "image/png")]
)
def test_attach_scan(ctx: ServiceContext, world: World, data: bytes, mime: str) -> None:
    h = issue(ctx, world, "Biau")
    before = last_seq(ctx)
    a = handover.attach_scan(ctx, h.id, "C:\\Scans\\bast biau.pdf", data)
    assert (a.owner_kind, a.owner_id, a.mime, a.size) == ("handover", h.id, mime, len(data))
    assert a.filename == "bast biau.pdf"
    assert a.sha256 == hashlib.sha256(data).hexdigest()
    assert handover.read_scan(ctx, a.id) == data
    assert [s.id for s in handover.list_scans(ctx, h.id)] == [a.id]
    ((kind, target, detail),) = events(ctx, before)
    assert (kind, target, detail["sha256"]) == ("change", f"handover:{h.id}", a.sha256)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "scan_wrong_type"),
        (b"PK\x03\x04 a zip", "scan_wrong_type"),
        (b"GIF89a", "scan_wrong_type"),
        (b"%PDF", "scan_wrong_type"),  # too short to be the PDF header
        (PDF + b"\x00" * (20 * 1024 * 1024), "scan_too_large"),
    ],
)
def test_attach_scan_refuses(ctx: ServiceContext, world: World, data: bytes, code: str) -> None:
    h = issue(ctx, world, "Biau")
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as e:
        handover.attach_scan(ctx, h.id, "x.pdf", data)
    assert (e.value.field, e.value.code) == ("scan", code)
    assert snapshot(ctx) == before


def test_attach_scan_limits(ctx: ServiceContext, world: World) -> None:
    h = issue(ctx, world, "Biau")
    exact = PDF + b"\x00" * (handover.SCAN_MAX_BYTES - len(PDF))
    assert handover.attach_scan(ctx, h.id, "", exact).filename == "bast.pdf"
    with pytest.raises(NotFound):
        handover.attach_scan(ctx, 999, "x.pdf", PDF)


# --- wizard data -----------------------------------------------------------------------
def test_wizard_data(ctx: ServiceContext, world: World) -> None:
    bare = handover.wizard_data(ctx)
    assert [t.id for t in bare.terms] == [world.term.id]
    assert bare.kecamatan == () and bare.default_place == "Buol"
    data = handover.wizard_data(ctx, HandoverKind.ISSUE, world.term.id)
    assert [k.name for k in data.kecamatan] == ["Biau", "Bokat"]
    assert {o.account_id for o in data.accounts} == set(world.ids("Biau") + world.ids("Bokat"))
    assert {p.id for p in data.office_people()} == {
        world.official.id,
        world.head.id,
        world.witness.id,
    }
    assert {p.role for p in data.committee_of(world.kec("Biau").kecamatan.id)} == {
        PersonRole.KETUA,
        PersonRole.ANGGOTA,
    }
    issue(ctx, world, "Biau")
    back = handover.wizard_data(ctx, HandoverKind.RETURN, world.term.id)
    assert {o.account_id for o in back.accounts} == set(world.ids("Biau"))
    assert all(o.holder_person_id == world.kec("Biau").ketua.id for o in back.accounts)
