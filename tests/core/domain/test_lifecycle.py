"""The account lifecycle table: every (status, action) pair, and every guard."""

from __future__ import annotations

from dataclasses import replace
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brankas.core.domain.enums import AccountStatus as S
from brankas.core.domain.enums import LifecycleKind
from brankas.core.domain.lifecycle import (
    GUARD_CHECKS,
    TRANSITIONS,
    Action,
    Guard,
    TransitionFacts,
    TransitionRefused,
    allowed_actions,
    check_transition,
    is_final,
    possible_actions,
)
from brankas.core.errors import IllegalTransition

# Written out by hand from DOMAIN.md, independently of the module's table.
EXPECTED: dict[tuple[S, Action], S] = {
    (S.PLANNED, Action.ACTIVATE): S.ACTIVE,
    (S.PLANNED, Action.CANCEL): S.ARCHIVED,
    (S.ACTIVE, Action.RETURN): S.RETURNED,
    (S.RETURNED, Action.DEACTIVATE): S.DEACTIVATED,
    (S.RETURNED, Action.RETAIN): S.RETAINED,
    (S.RETAINED, Action.REISSUE): S.ACTIVE,
    (S.RETAINED, Action.ARCHIVE): S.ARCHIVED,
    (S.DEACTIVATED, Action.ARCHIVE): S.ARCHIVED,
}

ALL_TRUE = TransitionFacts(
    credentials_recorded=True,
    active_period_set=True,
    password_changed_since_return=True,
    checklist_complete=True,
)
AD_HOC = replace(ALL_TRUE, kind=LifecycleKind.AD_HOC)
PERMANENT = replace(ALL_TRUE, kind=LifecycleKind.PERMANENT)

facts_strategy = st.builds(
    TransitionFacts,
    kind=st.sampled_from(LifecycleKind),
    credentials_recorded=st.booleans(),
    active_period_set=st.booleans(),
    password_changed_since_return=st.booleans(),
    checklist_complete=st.booleans(),
)


def _facts_for(action: Action) -> TransitionFacts:
    return PERMANENT if action in {Action.RETAIN, Action.REISSUE} else AD_HOC


@pytest.mark.parametrize(("status", "action"), list(product(S, Action)))
def test_every_pair(status: S, action: Action) -> None:
    facts = _facts_for(action)
    if (status, action) in EXPECTED:
        assert check_transition(status, action, facts) is EXPECTED[status, action]
        assert action in allowed_actions(status, facts)
    else:
        with pytest.raises(IllegalTransition) as info:
            check_transition(status, action, facts)
        err = info.value
        assert isinstance(err, TransitionRefused)
        assert (err.status, err.action, err.failed_guards) == (status, action, ())
        assert status.value in str(err) and action.value in str(err)
        assert action not in allowed_actions(status, facts)


def test_possible_actions_match_the_expected_table() -> None:
    for status in S:
        expected = {a for (s, a) in EXPECTED if s is status}
        assert set(possible_actions(status)) == expected


def test_only_archived_is_final() -> None:
    assert [s for s in S if is_final(s)] == [S.ARCHIVED]


def test_every_status_is_reachable_from_planned() -> None:
    seen = {S.PLANNED}
    frontier = [S.PLANNED]
    while frontier:
        status = frontier.pop()
        for t in TRANSITIONS:
            if status in t.sources and t.target not in seen:
                seen.add(t.target)
                frontier.append(t.target)
    assert seen == set(S)


def test_every_guard_has_a_check() -> None:
    assert set(GUARD_CHECKS) == set(Guard)


# (status, action, facts that make exactly this guard fail, the guard)
GUARD_CASES = [
    (
        S.PLANNED,
        Action.ACTIVATE,
        replace(AD_HOC, credentials_recorded=False),
        Guard.CREDENTIALS_RECORDED,
    ),
    (S.PLANNED, Action.ACTIVATE, replace(AD_HOC, active_period_set=False), Guard.ACTIVE_PERIOD_SET),
    (
        S.RETURNED,
        Action.DEACTIVATE,
        replace(AD_HOC, password_changed_since_return=False),
        Guard.PASSWORD_CHANGED,
    ),
    (
        S.RETURNED,
        Action.DEACTIVATE,
        replace(AD_HOC, checklist_complete=False),
        Guard.CHECKLIST_COMPLETE,
    ),
    (S.RETURNED, Action.DEACTIVATE, PERMANENT, Guard.AD_HOC),
    (
        S.RETURNED,
        Action.RETAIN,
        replace(PERMANENT, password_changed_since_return=False),
        Guard.PASSWORD_CHANGED,
    ),
    (
        S.RETURNED,
        Action.RETAIN,
        replace(PERMANENT, checklist_complete=False),
        Guard.CHECKLIST_COMPLETE,
    ),
    (S.RETURNED, Action.RETAIN, AD_HOC, Guard.PERMANENT),
    (S.RETAINED, Action.REISSUE, AD_HOC, Guard.PERMANENT),
    (
        S.RETAINED,
        Action.REISSUE,
        replace(PERMANENT, active_period_set=False),
        Guard.ACTIVE_PERIOD_SET,
    ),
    (
        S.RETAINED,
        Action.REISSUE,
        replace(PERMANENT, credentials_recorded=False),
        Guard.CREDENTIALS_RECORDED,
    ),
]


@pytest.mark.parametrize(("status", "action", "facts", "guard"), GUARD_CASES)
def test_each_guard_blocks(status: S, action: Action, facts: TransitionFacts, guard: Guard) -> None:
    with pytest.raises(TransitionRefused) as info:
        check_transition(status, action, facts)
    assert info.value.failed_guards == (guard,)
    message = str(info.value)
    assert status.value in message and action.value in message and guard.value in message
    assert action not in allowed_actions(status, facts)


def test_all_failed_guards_are_named() -> None:
    with pytest.raises(TransitionRefused) as info:
        check_transition(S.RETURNED, Action.DEACTIVATE, TransitionFacts())
    assert info.value.failed_guards == (Guard.PASSWORD_CHANGED, Guard.CHECKLIST_COMPLETE)


def test_unguarded_moves_need_no_facts() -> None:
    empty = TransitionFacts()
    assert check_transition(S.ACTIVE, Action.RETURN, empty) is S.RETURNED
    assert check_transition(S.PLANNED, Action.CANCEL, empty) is S.ARCHIVED
    assert check_transition(S.DEACTIVATED, Action.ARCHIVE, empty) is S.ARCHIVED
    assert check_transition(S.RETAINED, Action.ARCHIVE, empty) is S.ARCHIVED
    assert allowed_actions(S.PLANNED, empty) == (Action.CANCEL,)


def test_returned_account_offers_the_move_matching_its_kind() -> None:
    assert allowed_actions(S.RETURNED, AD_HOC) == (Action.DEACTIVATE,)
    assert allowed_actions(S.RETURNED, PERMANENT) == (Action.RETAIN,)


def test_a_full_ad_hoc_life_and_a_permanent_one() -> None:
    status = S.PLANNED
    for action in (Action.ACTIVATE, Action.RETURN, Action.DEACTIVATE, Action.ARCHIVE):
        status = check_transition(status, action, AD_HOC)
    assert status is S.ARCHIVED
    status = S.PLANNED
    for action in (
        Action.ACTIVATE,
        Action.RETURN,
        Action.RETAIN,
        Action.REISSUE,
        Action.RETURN,
        Action.RETAIN,
        Action.ARCHIVE,
    ):
        status = check_transition(status, action, PERMANENT)
    assert status is S.ARCHIVED


@given(status=st.sampled_from(S), action=st.sampled_from(Action), facts=facts_strategy)
def test_allowed_actions_agree_with_check_transition(
    status: S, action: Action, facts: TransitionFacts
) -> None:
    try:
        target = check_transition(status, action, facts)
    except TransitionRefused:
        assert action not in allowed_actions(status, facts)
    else:
        assert action in allowed_actions(status, facts)
        assert target is EXPECTED[status, action]


def test_action_values_are_stable() -> None:
    # Persisted in the audit log: a rename here would orphan old records.
    assert {a.value for a in Action} == {
        "activate",
        "return",
        "deactivate",
        "retain",
        "reissue",
        "archive",
        "cancel",
    }
