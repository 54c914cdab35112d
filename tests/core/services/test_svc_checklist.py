"""Checklist service: templates (seeding, admin edits), items at return, ticking, completion."""

from __future__ import annotations

from pathlib import Path

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

from brankas.core.domain import checklists as defaults
from brankas.core.domain.enums import AccountStatus, LifecycleKind, Platform, Role
from brankas.core.domain.lifecycle import Action, Guard, TransitionRefused
from brankas.core.errors import DomainConflict, InvalidValue, NotFound, PermissionDenied
from brankas.core.secret import Secret
from brankas.core.services import accounts, checklist, secrets
from brankas.core.services.context import ServiceContext
from brankas.core.vault import operators
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


def _returned(ctx: ServiceContext, world: World, clock: Clock, name: str = "Biau") -> None:
    issue(ctx, world, name)
    clock.set_day(TERM_END, 15)
    give_back(ctx, world, name)


def _rotate_and_tick(ctx: ServiceContext, account_id: int, clock: Clock) -> None:
    clock.advance(hours=1)
    secrets.set_password(ctx, account_id, f"Contoh-baru-{account_id}", reason="handover")
    for item in checklist.items(ctx, account_id):
        checklist.tick(ctx, item.id)


# --- templates -------------------------------------------------------------------------
def test_templates_are_seeded_once(ctx: ServiceContext) -> None:
    expected = sum(len(defaults.default_steps(p)) for p in Platform)
    before = last_seq(ctx)
    assert checklist.ensure_templates(ctx) == expected
    assert events(ctx, before) == [("create", "checklist_template", {"steps_added": expected})]
    assert checklist.ensure_templates(ctx) == 0
    steps = checklist.template_steps(ctx, Platform.X)
    assert [s.step_key for s in steps] == [s.step_key for s in defaults.default_steps(Platform.X)]
    assert steps[-1].text_en == defaults.final_step(Platform.X, None).text_en


def test_a_new_default_step_goes_before_the_final_one(ctx: ServiceContext) -> None:
    checklist.ensure_templates(ctx)
    ctx.conn.execute(
        "DELETE FROM checklist_template WHERE platform = 'x' AND step_key = 'revoke_apps'"
    )
    assert checklist.ensure_templates(ctx) == 1
    keys = [s.step_key for s in checklist.template_steps(ctx, Platform.X)]
    assert keys[-2:] == ["revoke_apps", checklist.FINAL_STEP_KEY]


def test_admin_edits_templates(ctx: ServiceContext) -> None:
    step = checklist.add_step(
        ctx, Platform.INSTAGRAM, text_id="  Hapus tautan di bio  ", text_en="Remove the bio link"
    )
    assert (step.step_key, step.text_id) == ("custom_1", "Hapus tautan di bio")
    keys = [s.step_key for s in checklist.template_steps(ctx, Platform.INSTAGRAM)]
    assert keys[-2:] == ["custom_1", checklist.FINAL_STEP_KEY]
    named = checklist.add_step(
        ctx, Platform.INSTAGRAM, text_id="Langkah", text_en="Step", step_key="arsip_konten"
    )
    edited = checklist.edit_step(ctx, named.id, text_id="Arsipkan konten", text_en="Archive posts")
    assert edited.text_id == "Arsipkan konten"
    assert not checklist.set_step_active(ctx, step.id, False).active
    inactive = checklist.template_steps(ctx, Platform.INSTAGRAM, include_inactive=False)
    assert step.id not in {s.id for s in inactive}
    order = [s.id for s in checklist.template_steps(ctx, Platform.INSTAGRAM)]
    new_order = [order[-2], *order[:-2], order[-1]]
    assert [s.id for s in checklist.reorder_steps(ctx, Platform.INSTAGRAM, new_order)] == new_order
    assert [s.id for s in checklist.template_steps(ctx, Platform.INSTAGRAM)] == new_order


@pytest.mark.parametrize(
    ("call", "field", "code"),
    [
        (
            lambda c, _: checklist.add_step(c, Platform.X, text_id=" ", text_en="x"),
            "text_id",
            "step_text_empty",
        ),
        (
            lambda c, _: checklist.add_step(c, Platform.X, text_id="x", text_en="y" * 501),
            "text_en",
            "step_text_too_long",
        ),
        (
            lambda c, _: checklist.add_step(
                c, Platform.X, text_id="x", text_en="y", step_key="A b"
            ),
            "step_key",
            "step_key_invalid",
        ),
        (lambda c, f: checklist.set_step_active(c, f, False), "active", "final_step_required"),
        (lambda c, f: checklist.reorder_steps(c, Platform.X, [f]), "order", "reorder_mismatch"),
        (
            lambda c, f: checklist.reorder_steps(
                c, Platform.X, [f, *[s.id for s in checklist.template_steps(c, Platform.X)][:-1]]
            ),
            "order",
            "final_step_not_last",
        ),
    ],
)
def test_template_edits_refused(ctx: ServiceContext, call: object, field: str, code: str) -> None:
    final = checklist.template_steps(ctx, Platform.X)[-1].id
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as e:
        call(ctx, final)  # type: ignore[operator]
    assert (e.value.field, e.value.code) == (field, code)
    assert snapshot(ctx) == before


def test_template_key_used_and_unknown_step(ctx: ServiceContext) -> None:
    with pytest.raises(DomainConflict) as e:
        checklist.add_step(ctx, Platform.X, text_id="x", text_en="y", step_key="revoke_apps")
    assert (e.value.field, e.value.code) == ("step_key", "step_key_used")
    with pytest.raises(NotFound):
        checklist.edit_step(ctx, 99999, text_id="x", text_en="y")


def test_template_edits_need_an_admin(make_vault: MakeVault, tmp_path: Path, clock: Clock) -> None:
    vault, _kit = make_vault("ops")
    operators.add_operator(vault, "Operator Dua", Secret("sandi operator dua"), Role.OPERATOR)
    folder = vault.folder
    lock = vault.lock()
    op_vault = Vault.unlock(
        folder, "Operator Dua", Secret("sandi operator dua"), policy=FAST_POLICY, lock=lock
    )
    try:
        ctx = ServiceContext(op_vault, clock=clock)
        assert checklist.ensure_templates(ctx) > 0  # seeding is not an admin edit
        step = checklist.template_steps(ctx, Platform.X)[0]
        for call in (
            lambda: checklist.add_step(ctx, Platform.X, text_id="x", text_en="y"),
            lambda: checklist.edit_step(ctx, step.id, text_id="x", text_en="y"),
            lambda: checklist.set_step_active(ctx, step.id, False),
            lambda: checklist.reorder_steps(ctx, Platform.X, [step.id]),
        ):
            with pytest.raises(PermissionDenied):
                call()
    finally:
        op_vault.close(backup=False)


# --- items -----------------------------------------------------------------------------
def test_items_follow_the_templates_and_the_kind(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    checklist.ensure_templates(ctx)
    x_steps = checklist.template_steps(ctx, Platform.INSTAGRAM)
    checklist.set_step_active(ctx, x_steps[1].id, False)  # not copied onto accounts
    checklist.edit_step(ctx, x_steps[0].id, text_id="Ganti sandi (diedit)", text_en="Edited")
    ig, page, _x = world.ids("Biau")
    assert checklist.items(ctx, ig) == []
    _returned(ctx, world, clock)
    ig_items = checklist.items(ctx, ig)
    assert [i.step_key for i in ig_items] == [s.step_key for s in x_steps if s.id != x_steps[1].id]
    assert ig_items[0].text_id == "Ganti sandi (diedit)"
    assert [i.position for i in ig_items] == list(range(len(ig_items)))
    assert (
        ig_items[-1].text_en
        == defaults.final_step(Platform.INSTAGRAM, LifecycleKind.AD_HOC).text_en
    )
    page_final = checklist.items(ctx, page)[-1]
    assert (
        page_final.text_en
        == defaults.final_step(Platform.FACEBOOK_PAGE, LifecycleKind.PERMANENT).text_en
    )
    with pytest.raises(NotFound):
        checklist.items(ctx, 999)


def test_tick_records_who_and_when(ctx: ServiceContext, world: World, clock: Clock) -> None:
    _returned(ctx, world, clock)
    aid = world.ids("Biau")[0]
    item = checklist.items(ctx, aid)[1]
    clock.advance(minutes=5)
    before = last_seq(ctx)
    done = checklist.tick(ctx, item.id)
    assert (done.done_at, done.done_by_operator_id) == (clock.now, ctx.operator_id)
    assert checklist.items(ctx, aid)[1] == done
    undone = checklist.tick(ctx, item.id, done=False)
    assert (undone.done_at, undone.done_by_operator_id) == (None, None)
    assert checklist.items(ctx, aid)[1] == undone
    assert [e[2] for e in events(ctx, before)] == [
        {"checklist_step": item.step_key, "done": True},
        {"checklist_step": item.step_key, "done": False},
    ]
    with pytest.raises(NotFound):
        checklist.tick(ctx, 99999)


def test_change_password_step_needs_the_change(
    ctx: ServiceContext, world: World, clock: Clock
) -> None:
    _returned(ctx, world, clock)
    aid = world.ids("Biau")[0]
    step = next(i for i in checklist.items(ctx, aid) if i.step_key == "change_password")
    before = snapshot(ctx)
    with pytest.raises(DomainConflict) as e:
        checklist.tick(ctx, step.id)
    assert (e.value.field, e.value.code) == ("checklist", "password_not_changed")
    assert snapshot(ctx) == before
    checklist.tick(ctx, step.id, done=False)  # unticking is always fine
    clock.advance(hours=1)
    secrets.set_password(ctx, aid, "Contoh-baru", reason="handover")
    assert checklist.tick(ctx, step.id).done_at == clock.now


def test_complete_deactivates_or_retains(ctx: ServiceContext, world: World, clock: Clock) -> None:
    _returned(ctx, world, clock)
    ig, page, x = world.ids("Biau")
    for aid in (ig, page):
        _rotate_and_tick(ctx, aid, clock)
    before = last_seq(ctx)
    done = checklist.complete(ctx, ig)
    assert done.status is AccountStatus.DEACTIVATED and done.deactivated_at == clock.now
    assert checklist.complete(ctx, page).status is AccountStatus.RETAINED
    assert [(e[0], e[2]["action"]) for e in events(ctx, before)] == [
        ("transition", "deactivate"),
        ("transition", "retain"),
    ]
    closed = checklist.items(ctx, ig)[0]
    with pytest.raises(DomainConflict) as e:
        checklist.tick(ctx, closed.id, done=False)
    assert e.value.code == "checklist_closed"
    # x: not rotated and nothing ticked
    before_state = snapshot(ctx)
    with pytest.raises(TransitionRefused) as r:
        checklist.complete(ctx, x)
    assert (r.value.action, r.value.failed_guards) == (
        Action.DEACTIVATE,
        (Guard.CHECKLIST_COMPLETE,),
    )
    assert snapshot(ctx) == before_state


def test_complete_still_needs_the_rotation(ctx: ServiceContext, world: World, clock: Clock) -> None:
    checklist.ensure_templates(ctx)
    step = next(
        s
        for s in checklist.template_steps(ctx, Platform.INSTAGRAM)
        if s.step_key == "change_password"
    )
    checklist.set_step_active(ctx, step.id, False)  # an admin removed the step...
    _returned(ctx, world, clock)
    ig = world.ids("Biau")[0]
    for item in checklist.items(ctx, ig):
        checklist.tick(ctx, item.id)
    with pytest.raises(TransitionRefused) as e:  # ...the lifecycle guard still holds
        checklist.complete(ctx, ig)
    assert e.value.failed_guards == (Guard.PASSWORD_CHANGED,)
    assert accounts.get_account(ctx, ig).status is AccountStatus.RETURNED


def test_complete_before_the_return(ctx: ServiceContext, world: World) -> None:
    with pytest.raises(TransitionRefused) as e:
        checklist.complete(ctx, world.ids("Biau")[0])
    assert e.value.status is AccountStatus.PLANNED


def test_overview_per_kecamatan(ctx: ServiceContext, world: World, clock: Clock) -> None:
    issue(ctx, world, "Bokat")
    _returned(ctx, world, clock)
    assert checklist.checklist_overview(ctx, world.term.id, world.kec("Bokat").kecamatan.id) == []
    ig, page, _x = world.ids("Biau")
    _rotate_and_tick(ctx, ig, clock)
    rows = checklist.checklist_overview(ctx, world.term.id, world.kec("Biau").kecamatan.id)
    assert [r.account.platform for r in rows] == [
        Platform.INSTAGRAM,
        Platform.FACEBOOK_PAGE,
        Platform.X,
    ]
    first = rows[0]
    assert first.done == first.total > 0 and first.ready_to_complete and first.next_item is None
    assert rows[1].done == 0 and not rows[1].ready_to_complete
    assert rows[1].next_item == checklist.items(ctx, page)[0]
    assert len(checklist.checklist_overview(ctx, world.term.id)) == 3
