"""Custody service: current holder, history, who holds what, handover candidates."""

from __future__ import annotations

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
)

from brankas.core.domain.enums import AccountStatus, HandoverKind
from brankas.core.errors import NotFound
from brankas.core.services import accounts, custody
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


def test_a_new_account_is_held_by_the_office(ctx: ServiceContext, world: World) -> None:
    aid = world.ids("Biau")[0]
    holder = custody.current_holder(ctx, aid)
    assert holder.is_office and holder.since is None and holder == custody.OFFICE
    assert custody.custody_history(ctx, aid) == []
    with pytest.raises(NotFound):
        custody.current_holder(ctx, 999)
    with pytest.raises(NotFound):
        custody.custody_history(ctx, 999)


def test_record_initial_custody_once(ctx: ServiceContext, world: World) -> None:
    aid = world.ids("Biau")[0]
    before = last_seq(ctx)
    period = custody.record_initial_custody(ctx, aid)
    assert period is not None and period.holder_person_id is None
    assert period.from_at == accounts.get_account(ctx, aid).created_at
    assert events(ctx, before) == [("change", f"account:{aid}", {"custody": "office"})]
    assert custody.record_initial_custody(ctx, aid) is None
    assert len(custody.custody_history(ctx, aid)) == 1
    issue(ctx, world, "Biau")  # the handover closes that office period
    first, second = custody.custody_history(ctx, aid)
    assert first.until_at == second.from_at == ctx.now()


def test_issue_and_return_write_the_history(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    aid = world.ids("Biau")[0]
    created = accounts.get_account(ctx, aid).created_at
    h1 = issue(ctx, world, "Biau")
    issued_at = ctx.now()
    clock.set_day(TERM_END, 15)
    h2 = give_back(ctx, world, "Biau")
    office1, committee, office2 = custody.custody_history(ctx, aid)
    ketua = world.kec("Biau").ketua.id
    assert (office1.holder_person_id, office1.from_at, office1.until_at) == (
        None,
        created,
        issued_at,
    )
    assert office1.handover_id is None
    assert (committee.holder_person_id, committee.handover_id) == (ketua, h1.id)
    assert (committee.from_at, committee.until_at) == (issued_at, ctx.now())
    assert (office2.holder_person_id, office2.handover_id, office2.until_at) == (None, h2.id, None)
    holder = custody.current_holder(ctx, aid)
    assert holder.is_office and holder.handover_id == h2.id and holder.since == ctx.now()


def test_who_holds_what(ctx: ServiceContext, world: World) -> None:
    biau, bokat = world.kec("Biau"), world.kec("Bokat")
    issue(ctx, world, "Biau")
    issue(ctx, world, "Bokat", account_ids=world.ids("Bokat")[:1])
    assert [a.id for a in custody.accounts_held_by(ctx, biau.ketua.id)] == list(world.ids("Biau"))
    assert custody.accounts_held_by(ctx, biau.anggota.id) == []
    held = custody.accounts_held_in(ctx, bokat.kecamatan.id, world.term.id)
    assert [(h.account.id, h.holder.person_id) for h in held] == [
        (world.ids("Bokat")[0], bokat.ketua.id)
    ]
    holders = custody.current_holders(ctx)
    assert set(holders) == set(world.ids("Biau") + world.ids("Bokat"))
    assert holders[world.ids("Bokat")[1]].is_office
    assert custody.current_holders(ctx, [world.ids("Biau")[0], 999]) == {
        world.ids("Biau")[0]: holders[world.ids("Biau")[0]]
    }


def test_candidates_per_kind(ctx: ServiceContext, world: World, clock: Clock) -> None:
    kec = world.kec("Biau").kecamatan.id
    term = world.term.id

    def ids(kind: HandoverKind) -> list[int]:
        return [c.account.id for c in custody.handover_candidates(ctx, kind, term, kec)]

    assert ids(HandoverKind.ISSUE) == list(world.ids("Biau"))
    assert ids(HandoverKind.RETURN) == []
    issue(ctx, world, "Biau", account_ids=world.ids("Biau")[:2])
    assert ids(HandoverKind.ISSUE) == list(world.ids("Biau")[2:])
    assert ids(HandoverKind.RETURN) == list(world.ids("Biau")[:2])
    assert all(c.preselected for c in custody.handover_candidates(ctx, HandoverKind.RETURN, term))
    assert ids(HandoverKind.NEXT_COMMITTEE) == []
    clock.set_day(TERM_END, 15)
    give_back(ctx, world, "Biau", account_ids=world.ids("Biau")[:2])
    assert accounts.get_account(ctx, world.ids("Biau")[1]).status is AccountStatus.RETURNED
    ctx.conn.execute(
        "UPDATE account SET status = 'retained' WHERE id IN (?, ?)", world.ids("Biau")[:2]
    )
    # only the permanent one (the Facebook Page) goes to the next committee
    assert ids(HandoverKind.NEXT_COMMITTEE) == [world.ids("Biau")[1]]


def test_candidates_exclude_other_kecamatan_and_date(ctx: ServiceContext, world: World) -> None:
    issue(ctx, world, "Bokat", on=date(2024, 5, 10))
    assert {
        c.account.kecamatan_id
        for c in custody.handover_candidates(ctx, HandoverKind.RETURN, world.term.id)
    } == {world.kec("Bokat").kecamatan.id}
