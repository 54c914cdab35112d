"""Lifecycle transitions through the service: facts from the vault, every move allowed or not."""

from __future__ import annotations

import dataclasses
import itertools
import json
from datetime import UTC, datetime, timedelta

import pytest
from svc_a_support import (
    Clock,
    MakeVault,
    Org,
    audit_count,
    break_audit,
    last_audit,
    make_account,
    make_org,
    new_ctx,
    snapshot,
)

from brankas.core.domain.enums import AccountStatus, HandoverKind, LifecycleKind
from brankas.core.domain.lifecycle import (
    TRANSITIONS,
    Action,
    Guard,
    TransitionRefused,
    find_transition,
)
from brankas.core.domain.models import Account, ChecklistItem, Handover, HandoverItem
from brankas.core.errors import IllegalTransition, InvalidValue, NotFound
from brankas.core.services import accounts, secrets, transitions
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import checklist as checklist_repo
from brankas.core.storage.repos import handover as handover_repo


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


@pytest.fixture
def org(ctx: ServiceContext) -> Org:
    return make_org(ctx)


_handles = itertools.count(1)


def _checklist(ctx: ServiceContext, account_id: int, *, done: bool) -> None:
    now = ctx.now()
    checklist_repo.add_checklist_items(
        ctx.conn,
        [
            ChecklistItem(
                account_id=account_id,
                step_key=key,
                position=n,
                text_id=key,
                text_en=key,
                done_at=now if (done or n == 0) else None,
                done_by_operator_id=ctx.operator_id,
            )
            for n, key in enumerate(("sign_out_sessions", "final_disposition"))
        ],
    )


def _tick_all(ctx: ServiceContext, account_id: int) -> None:
    for item in checklist_repo.list_checklist_items(ctx.conn, account_id):
        checklist_repo.set_item_done(ctx.conn, item.id, ctx.now(), ctx.operator_id)


def prepared(
    ctx: ServiceContext,
    org: Org,
    status: AccountStatus,
    *,
    kind: LifecycleKind = LifecycleKind.AD_HOC,
    password: bool = True,
    period: bool = True,
    rotated: bool = True,
    checklist: bool | None = True,
) -> Account:
    """An account in ``status`` whose facts are as given (set up below the service)."""
    a = make_account(ctx, org, f"@akun.{next(_handles)}", lifecycle_kind=kind)
    if not period:
        a = accounts.update_account(ctx, a.id, active_until=None).account
    if password:
        a = secrets.set_password(ctx, a.id, "sandi-contoh")
    if checklist is not None:
        _checklist(ctx, a.id, done=checklist)
    a = dataclasses.replace(a, status=status, needs_password_change=not rotated)
    return account_repo.update_account(ctx.conn, a, now=ctx.now())


def _transition_events(ctx: ServiceContext) -> list[dict[str, str]]:
    rows = ctx.conn.execute(
        "SELECT detail_json FROM audit_event WHERE kind = 'transition' ORDER BY seq"
    ).fetchall()
    return [json.loads(r[0]) for r in rows]


# --- the whole life of an account ---------------------------------------------------------
def test_ad_hoc_life(ctx: ServiceContext, org: Org, clock: Clock) -> None:
    a = make_account(ctx, org)
    assert transitions.allowed(ctx, a.id) == (Action.CANCEL,)  # no password yet
    with pytest.raises(TransitionRefused) as err:
        transitions.apply_transition(ctx, a.id, Action.ACTIVATE)
    assert err.value.failed_guards == (Guard.CREDENTIALS_RECORDED,)
    secrets.set_password(ctx, a.id, "sandi-awal")
    assert transitions.allowed(ctx, a.id) == (Action.ACTIVATE, Action.CANCEL)

    t_active = clock.advance(days=1)
    a = transitions.apply_transition(ctx, a.id, "activate", reason="diserahkan ke panitia")
    assert (a.status, a.activated_at) == (AccountStatus.ACTIVE, t_active)
    assert accounts.get_account(ctx, a.id) == a
    assert last_audit(ctx) == (
        "transition",
        f"account:{a.id}",
        {
            "action": "activate",
            "from": "planned",
            "to": "active",
            "reason": "diserahkan ke panitia",
        },
    )
    assert transitions.allowed(ctx, a.id) == (Action.RETURN,)

    clock.advance(days=150)
    a = transitions.apply_transition(ctx, a.id, Action.RETURN)
    assert a.status is AccountStatus.RETURNED and a.needs_password_change
    assert transitions.allowed(ctx, a.id) == ()
    with pytest.raises(TransitionRefused) as err:
        transitions.apply_transition(ctx, a.id, Action.DEACTIVATE)
    assert err.value.failed_guards == (Guard.PASSWORD_CHANGED, Guard.CHECKLIST_COMPLETE)

    secrets.set_password(ctx, a.id, "sandi-baru", reason="handover")
    _checklist(ctx, a.id, done=False)
    with pytest.raises(TransitionRefused) as err:
        transitions.apply_transition(ctx, a.id, Action.DEACTIVATE)
    assert err.value.failed_guards == (Guard.CHECKLIST_COMPLETE,)
    _tick_all(ctx, a.id)
    assert transitions.allowed(ctx, a.id) == (Action.DEACTIVATE,)
    with pytest.raises(TransitionRefused) as err:
        transitions.apply_transition(ctx, a.id, Action.RETAIN)
    assert err.value.failed_guards == (Guard.PERMANENT,)

    t_off = clock.advance(days=20)
    a = transitions.apply_transition(ctx, a.id, Action.DEACTIVATE)
    assert (a.status, a.deactivated_at, a.activated_at) == (
        AccountStatus.DEACTIVATED,
        t_off,
        t_active,
    )
    a = transitions.apply_transition(ctx, a.id, Action.ARCHIVE)
    assert a.status is AccountStatus.ARCHIVED
    assert transitions.allowed(ctx, a.id) == ()
    assert [(e["action"], e["from"], e["to"]) for e in _transition_events(ctx)] == [
        ("activate", "planned", "active"),
        ("return", "active", "returned"),
        ("deactivate", "returned", "deactivated"),
        ("archive", "deactivated", "archived"),
    ]


def test_permanent_life_continues_with_the_next_committee(
    ctx: ServiceContext, org: Org, clock: Clock
) -> None:
    a = make_account(ctx, org, lifecycle_kind="permanent")
    secrets.set_password(ctx, a.id, "sandi-awal")
    first = clock.advance(days=1)
    transitions.apply_transition(ctx, a.id, Action.ACTIVATE)
    transitions.apply_transition(ctx, a.id, Action.RETURN)
    clock.advance(days=1)
    secrets.set_password(ctx, a.id, "sandi-kedua", reason="handover")
    _checklist(ctx, a.id, done=True)
    with pytest.raises(TransitionRefused) as err:
        transitions.apply_transition(ctx, a.id, Action.DEACTIVATE)
    assert err.value.failed_guards == (Guard.AD_HOC,)
    a = transitions.apply_transition(ctx, a.id, Action.RETAIN)
    assert a.status is AccountStatus.RETAINED and a.deactivated_at is None
    assert transitions.allowed(ctx, a.id) == (Action.REISSUE, Action.ARCHIVE)
    clock.advance(days=30)
    a = transitions.apply_transition(ctx, a.id, Action.REISSUE, reason="panitia berikutnya")
    assert a.status is AccountStatus.ACTIVE
    assert a.activated_at == first  # the first activation stays on record
    a = transitions.apply_transition(ctx, a.id, Action.RETURN)
    assert a.needs_password_change
    assert not transitions.transition_facts(ctx, a.id).password_changed_since_return


def test_reissue_stamps_an_activation_never_recorded(
    ctx: ServiceContext, org: Org, clock: Clock
) -> None:
    a = prepared(ctx, org, AccountStatus.RETAINED, kind=LifecycleKind.PERMANENT)
    assert a.activated_at is None
    assert transitions.apply_transition(ctx, a.id, Action.REISSUE).activated_at == clock.now


def test_cancel_a_plan(ctx: ServiceContext, org: Org) -> None:
    a = make_account(ctx, org)
    a = transitions.apply_transition(ctx, a.id, Action.CANCEL, reason="tidak jadi dibuat")
    assert (a.status, a.activated_at) == (AccountStatus.ARCHIVED, None)


# --- every pair of status and action ------------------------------------------------------
def _kind_for(action: Action) -> LifecycleKind:
    return LifecycleKind.AD_HOC if action is Action.DEACTIVATE else LifecycleKind.PERMANENT


_PAIRS = [(s, a) for s in AccountStatus for a in Action]


@pytest.mark.parametrize(("status", "action"), _PAIRS, ids=[f"{s}-{a}" for s, a in _PAIRS])
def test_every_status_and_action(
    ctx: ServiceContext, org: Org, status: AccountStatus, action: Action
) -> None:
    row = find_transition(status, action)
    kind = _kind_for(action) if action is not Action.ACTIVATE else LifecycleKind.AD_HOC
    a = prepared(ctx, org, status, kind=kind)
    before = audit_count(ctx)
    if row is None:
        with pytest.raises(IllegalTransition) as err:
            transitions.apply_transition(ctx, a.id, action)
        assert isinstance(err.value, TransitionRefused)
        assert err.value.failed_guards == ()
        assert (err.value.status, err.value.action) == (status, action)
        assert accounts.get_account(ctx, a.id) == a
        assert audit_count(ctx) == before
        assert action not in transitions.allowed(ctx, a.id)
    else:
        assert action in transitions.allowed(ctx, a.id)
        moved = transitions.apply_transition(ctx, a.id, action)
        assert moved.status is row.target
        assert accounts.get_account(ctx, a.id).status is row.target
        assert audit_count(ctx) == before + 1
        assert last_audit(ctx)[2] == {
            "action": action.value,
            "from": status.value,
            "to": row.target.value,
            "reason": "",
        }


_GUARDED = [(t.action, next(iter(t.sources)), g) for t in TRANSITIONS for g in t.guards]


def _break(guard: Guard, kind: LifecycleKind) -> dict[str, object]:
    return {
        Guard.CREDENTIALS_RECORDED: {"password": False},
        Guard.ACTIVE_PERIOD_SET: {"period": False},
        Guard.PASSWORD_CHANGED: {"rotated": False},
        Guard.CHECKLIST_COMPLETE: {"checklist": False},
        Guard.PERMANENT: {"kind": LifecycleKind.AD_HOC},
        Guard.AD_HOC: {"kind": LifecycleKind.PERMANENT},
    }[guard]


@pytest.mark.parametrize(
    ("action", "status", "guard"), _GUARDED, ids=[f"{a}-{g}" for a, _s, g in _GUARDED]
)
def test_each_failing_guard_refuses(
    ctx: ServiceContext, org: Org, action: Action, status: AccountStatus, guard: Guard
) -> None:
    kind = (
        LifecycleKind.AD_HOC
        if action in (Action.ACTIVATE, Action.DEACTIVATE)
        else LifecycleKind.PERMANENT
    )
    args: dict[str, object] = {"kind": kind}
    args.update(_break(guard, kind))
    a = prepared(ctx, org, status, **args)  # type: ignore[arg-type]
    before = snapshot(ctx)
    with pytest.raises(TransitionRefused) as err:
        transitions.apply_transition(ctx, a.id, action)
    assert err.value.failed_guards == (guard,)
    assert action not in transitions.allowed(ctx, a.id)
    assert snapshot(ctx) == before


def test_an_empty_checklist_is_not_complete(ctx: ServiceContext, org: Org) -> None:
    a = prepared(ctx, org, AccountStatus.RETURNED, checklist=None)
    facts = transitions.transition_facts(ctx, a.id)
    assert not facts.checklist_complete
    assert facts.credentials_recorded and facts.active_period_set
    assert facts.password_changed_since_return


# --- rotation against the return handover --------------------------------------------------
def _return_handover(ctx: ServiceContext, org: Org, account_id: int, on: datetime) -> Handover:
    return handover_repo.add_handover(
        ctx.conn,
        Handover(
            number=f"BAST/{on:%d%H}/BWS.BUOL/I/2025",
            kind=HandoverKind.RETURN,
            date=on.date(),
            first_party_person_id=org.ketua.id,
            second_party_person_id=org.official.id,
            items=(HandoverItem(account_id=account_id),),
        ),
    )


def test_rotation_must_fall_on_or_after_the_return_date(
    ctx: ServiceContext, org: Org, clock: Clock
) -> None:
    clock.now = datetime(2025, 1, 20, 3, 0, tzinfo=UTC)
    a = prepared(ctx, org, AccountStatus.RETURNED)  # password set 20 Jan, flag clear
    assert transitions.transition_facts(ctx, a.id).password_changed_since_return
    # The BAST of the return is dated 27 January: a password from the 20th is stale.
    _return_handover(ctx, org, a.id, datetime(2025, 1, 27, tzinfo=UTC))
    assert not transitions.transition_facts(ctx, a.id).password_changed_since_return
    # Changed on the 27th at 06:30 WIB (26th 23:30 UTC): the same office day counts.
    clock.now = datetime(2025, 1, 26, 23, 30, tzinfo=UTC)
    secrets.set_password(ctx, a.id, "sandi-setelah-bast", reason="handover")
    assert transitions.transition_facts(ctx, a.id).password_changed_since_return


def test_needs_password_change_wins_over_dates(ctx: ServiceContext, org: Org) -> None:
    a = prepared(ctx, org, AccountStatus.RETURNED, rotated=False)
    assert a.password_changed_at is not None
    assert not transitions.transition_facts(ctx, a.id).password_changed_since_return


# --- transactions --------------------------------------------------------------------------
def test_nested_in_a_callers_transaction(ctx: ServiceContext, org: Org) -> None:
    a = prepared(ctx, org, AccountStatus.PLANNED)
    before = snapshot(ctx)

    class Abort(Exception):
        pass

    with pytest.raises(Abort), ctx.tx():
        moved = transitions.apply_transition(ctx, a.id, Action.ACTIVATE)
        assert moved.status is AccountStatus.ACTIVE
        raise Abort
    assert snapshot(ctx) == before  # the caller's rollback took the transition and its event

    b = prepared(ctx, org, AccountStatus.PLANNED, password=False)
    with ctx.tx():
        transitions.apply_transition(ctx, a.id, Action.ACTIVATE)
        with pytest.raises(TransitionRefused):
            transitions.apply_transition(ctx, b.id, Action.ACTIVATE)
        transitions.apply_transition(ctx, b.id, Action.CANCEL)
    assert accounts.get_account(ctx, a.id).status is AccountStatus.ACTIVE
    assert accounts.get_account(ctx, b.id).status is AccountStatus.ARCHIVED
    assert [e["action"] for e in _transition_events(ctx)] == ["activate", "cancel"]


def test_apply_transition_rolls_back_when_audit_fails(
    ctx: ServiceContext, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = prepared(ctx, org, AccountStatus.PLANNED)
    before = snapshot(ctx)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        transitions.apply_transition(ctx, a.id, Action.ACTIVATE)
    assert snapshot(ctx) == before


def test_bad_arguments(ctx: ServiceContext, org: Org) -> None:
    a = prepared(ctx, org, AccountStatus.PLANNED)
    with pytest.raises(InvalidValue) as err:
        transitions.apply_transition(ctx, a.id, "destroy")
    assert (err.value.field, err.value.code) == ("action", "value_not_allowed")
    with pytest.raises(InvalidValue) as err:
        transitions.apply_transition(ctx, a.id, Action.ACTIVATE, reason="r" * 301)
    assert (err.value.field, err.value.code) == ("reason", "value_too_long")
    for call in (
        lambda: transitions.apply_transition(ctx, 999, Action.ACTIVATE),
        lambda: transitions.allowed(ctx, 999),
        lambda: transitions.transition_facts(ctx, 999),
    ):
        with pytest.raises(NotFound):
            call()
    assert accounts.get_account(ctx, a.id).status is AccountStatus.PLANNED


def test_return_handover_date_is_read_per_account(
    ctx: ServiceContext, org: Org, clock: Clock
) -> None:
    a = prepared(ctx, org, AccountStatus.RETURNED)
    b = prepared(ctx, org, AccountStatus.RETURNED)
    _return_handover(ctx, org, a.id, clock.now + timedelta(days=5))
    assert not transitions.transition_facts(ctx, a.id).password_changed_since_return
    assert transitions.transition_facts(ctx, b.id).password_changed_since_return
