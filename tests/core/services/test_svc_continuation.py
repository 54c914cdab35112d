"""Continuation: retained accounts taken into a new term and issued to its committee."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from svc_b_support import (
    TERM_END,
    Clock,
    MakeVault,
    World,
    events,
    give_back,
    issue,
    last_seq,
    make_world,
    new_ctx,
    snapshot,
)

from brankas.core.domain.enums import AccountStatus, Election, HandoverKind, PersonRole
from brankas.core.domain.lifecycle import Action, TransitionRefused
from brankas.core.domain.models import Person, Term
from brankas.core.errors import DomainConflict, InvalidValue
from brankas.core.services import (
    accounts,
    checklist,
    continuation,
    custody,
    handover,
    office,
    people,
    secrets,
    terms,
)
from brankas.core.services.context import ServiceContext

NEXT_START = date(2026, 9, 1)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


@pytest.fixture
def world(ctx: ServiceContext, clock: Clock) -> World:
    """Biau's three accounts issued, returned, rotated and closed: the page is retained."""
    w = make_world(ctx)
    issue(ctx, w, "Biau")
    clock.set_day(TERM_END, 15)
    give_back(ctx, w, "Biau")
    clock.advance(hours=1)
    for aid in w.ids("Biau"):
        secrets.set_password(ctx, aid, f"Contoh-baru-{aid}", reason="handover")
        for item in checklist.items(ctx, aid):
            checklist.tick(ctx, item.id)
        checklist.complete(ctx, aid)
    return w


def _next_term(ctx: ServiceContext, world: World, clock: Clock) -> tuple[Term, Person]:
    clock.set_day(NEXT_START)
    term = terms.add_term(
        ctx, election=Election.PEMILU, year=2029, start_date=NEXT_START, end_date=date(2029, 4, 30)
    )
    biau = world.kec("Biau").kecamatan.id
    terms.attach_kecamatan(ctx, term.id, [biau])
    terms.set_kecamatan_end(ctx, term.id, biau, date(2029, 5, 31), note="contoh")
    ketua = people.add_person(
        ctx, name="Ketua Baru Contoh", role=PersonRole.KETUA, kecamatan_id=biau, term_id=term.id
    )
    return term, ketua


def test_continue_to_the_next_committee(ctx: ServiceContext, world: World, clock: Clock) -> None:
    page = world.ids("Biau")[1]
    assert [a.id for a in continuation.retained_accounts(ctx)] == [page]
    old_history = secrets.password_history(ctx, page)
    old_custody = custody.custody_history(ctx, page)
    old_handovers = handover.handovers_of_account(ctx, page)
    activated = accounts.get_account(ctx, page).activated_at
    term, ketua = _next_term(ctx, world, clock)
    before = last_seq(ctx)
    h = continuation.continue_to_term(
        ctx,
        account_ids=[page],
        term_id=term.id,
        office_party_id=world.official.id,
        committee_party_id=ketua.id,
        on=NEXT_START,
        witness_ids=[world.witness.id],
    )
    assert (h.kind, h.term_id, h.number) == (
        HandoverKind.NEXT_COMMITTEE,
        term.id,
        "BAST/001/BWS.BUOL/IX/2026",
    )
    a = accounts.get_account(ctx, page)
    assert (a.status, a.term_id) == (AccountStatus.ACTIVE, term.id)
    assert (a.active_from, a.active_until) == (NEXT_START, date(2029, 5, 31))
    assert a.activated_at == activated  # first activation kept; reissue is in the audit log
    assert custody.current_holder(ctx, page).person_id == ketua.id
    assert custody.custody_history(ctx, page)[: len(old_custody)] == [
        old_custody[0],
        old_custody[1],
        dataclasses.replace(old_custody[2], until_at=clock.now),
    ]
    assert secrets.password_history(ctx, page) == old_history
    assert [x.id for x in handover.handovers_of_account(ctx, page)] == [
        *(x.id for x in old_handovers),
        h.id,
    ]
    kinds = [(e[0], e[1], e[2].get("action") or e[2].get("term_to")) for e in events(ctx, before)]
    assert kinds == [
        ("change", f"account:{page}", term.id),
        ("transition", f"account:{page}", "reissue"),
        ("handover", f"handover:{h.id}", None),
    ]


def test_returned_again_resets_the_checklist(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    page = world.ids("Biau")[1]
    term, ketua = _next_term(ctx, world, clock)
    continuation.continue_to_term(
        ctx,
        account_ids=[page],
        term_id=term.id,
        office_party_id=world.official.id,
        committee_party_id=ketua.id,
        on=NEXT_START,
    )
    clock.set_day(date(2029, 5, 31))
    handover.record_handover(
        ctx,
        handover.HandoverDraft(
            kind=HandoverKind.RETURN,
            term_id=term.id,
            first_party_id=ketua.id,
            second_party_id=world.official.id,
            account_ids=(page,),
            on=date(2029, 5, 31),
        ),
    )
    items = checklist.items(ctx, page)
    assert items and all(i.done_at is None for i in items)
    assert accounts.get_account(ctx, page).needs_password_change


@pytest.mark.parametrize("case", ["older term", "kecamatan not in term", "not retained"])
def test_refused(ctx: ServiceContext, world: World, clock: Clock, case: str) -> None:
    term, ketua = _next_term(ctx, world, clock)
    page, ig = world.ids("Biau")[1], world.ids("Biau")[0]
    ids = [page]
    if case == "older term":
        ctx.conn.execute("UPDATE term SET start_date = '2024-04-01' WHERE id = ?", (term.id,))
    elif case == "kecamatan not in term":
        bokat = world.kec("Bokat").kecamatan.id
        terms.attach_kecamatan(ctx, term.id, [bokat])
        ctx.conn.execute(
            "DELETE FROM term_kecamatan WHERE term_id = ? AND kecamatan_id = ?",
            (term.id, world.kec("Biau").kecamatan.id),
        )
    else:
        ids = [ig]  # deactivated, ad hoc
    before = snapshot(ctx)
    with pytest.raises((InvalidValue, TransitionRefused)) as e:
        continuation.continue_to_term(
            ctx,
            account_ids=ids,
            term_id=term.id,
            office_party_id=world.official.id,
            committee_party_id=ketua.id,
            on=NEXT_START,
        )
    if case == "not retained":
        assert isinstance(e.value, TransitionRefused)
        assert (e.value.status, e.value.action) == (AccountStatus.DEACTIVATED, Action.REISSUE)
    else:
        assert isinstance(e.value, InvalidValue)
        expected = "term_not_later" if case == "older term" else "kecamatan_not_in_term"
        assert (e.value.field, e.value.code) == ("term", expected)
    assert snapshot(ctx) == before


def test_a_retained_ad_hoc_account_is_refused_by_the_guard(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    ig = world.ids("Biau")[0]
    ctx.conn.execute("UPDATE account SET status = 'retained' WHERE id = ?", (ig,))
    term, ketua = _next_term(ctx, world, clock)
    before = snapshot(ctx)
    with pytest.raises(TransitionRefused):
        continuation.continue_to_term(
            ctx,
            account_ids=[ig],
            term_id=term.id,
            office_party_id=world.official.id,
            committee_party_id=ketua.id,
            on=NEXT_START,
        )
    assert snapshot(ctx) == before


def test_held_by_someone_cannot_continue(ctx: ServiceContext, world: World, clock: Clock) -> None:
    page = world.ids("Biau")[1]
    term, ketua = _next_term(ctx, world, clock)
    ctx.conn.execute(
        "UPDATE custody SET holder_person_id = ? WHERE until_at IS NULL AND account_id = ?",
        (world.kec("Biau").ketua.id, page),
    )
    with pytest.raises(DomainConflict) as e:
        continuation.continue_to_term(
            ctx,
            account_ids=[page],
            term_id=term.id,
            office_party_id=world.official.id,
            committee_party_id=ketua.id,
            on=NEXT_START,
        )
    assert e.value.code == "account_held_elsewhere"
    assert office.get_office(ctx).code == "BWS.BUOL"
