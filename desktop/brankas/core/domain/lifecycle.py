"""The account lifecycle as a pure transition table with guards expressed as data.

planned -> active -> returned -> deactivated | retained -> archived, and retained -> active
for the next committee. A planned account that was never created is cancelled straight to
archived: it never existed on the platform, so there is nothing to deactivate, and archiving
(not deleting) keeps the record of the plan for the province's review.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from brankas.core.domain.enums import AccountStatus, LifecycleKind
from brankas.core.errors import IllegalTransition


class Action(StrEnum):
    """What an operator does to an account; persisted in the audit log."""

    ACTIVATE = "activate"  # planned -> active: created/activated and issued to the committee
    RETURN = "return"  # active -> returned: handed back by the committee
    DEACTIVATE = "deactivate"  # returned -> deactivated (ad hoc account)
    RETAIN = "retain"  # returned -> retained (permanent account, kept for the next committee)
    REISSUE = "reissue"  # retained -> active: handed to the next committee
    ARCHIVE = "archive"  # deactivated | retained -> archived
    CANCEL = "cancel"  # planned -> archived: never created


class Guard(StrEnum):
    """A condition a transition requires; each reads one or two facts."""

    CREDENTIALS_RECORDED = "credentials_recorded"  # username and password/PIN on record
    ACTIVE_PERIOD_SET = "active_period_set"
    PASSWORD_CHANGED = "password_changed"  # noqa: S105 - a guard name, not a password
    CHECKLIST_COMPLETE = "checklist_complete"
    PERMANENT = "permanent"
    AD_HOC = "ad_hoc"


@dataclass(frozen=True, slots=True)
class TransitionFacts:
    """What the caller knows about an account; guards read only these."""

    kind: LifecycleKind = LifecycleKind.AD_HOC
    credentials_recorded: bool = False
    active_period_set: bool = False
    password_changed_since_return: bool = False  # rotated after the return handover
    checklist_complete: bool = False


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the table: ``action`` moves any of ``sources`` to ``target``."""

    action: Action
    sources: frozenset[AccountStatus]
    target: AccountStatus
    guards: tuple[Guard, ...] = ()


_S = AccountStatus
TRANSITIONS: Final[tuple[Transition, ...]] = (
    Transition(
        Action.ACTIVATE,
        frozenset({_S.PLANNED}),
        _S.ACTIVE,
        (Guard.CREDENTIALS_RECORDED, Guard.ACTIVE_PERIOD_SET),
    ),
    Transition(Action.RETURN, frozenset({_S.ACTIVE}), _S.RETURNED),
    Transition(
        Action.DEACTIVATE,
        frozenset({_S.RETURNED}),
        _S.DEACTIVATED,
        (Guard.AD_HOC, Guard.PASSWORD_CHANGED, Guard.CHECKLIST_COMPLETE),
    ),
    Transition(
        Action.RETAIN,
        frozenset({_S.RETURNED}),
        _S.RETAINED,
        (Guard.PERMANENT, Guard.PASSWORD_CHANGED, Guard.CHECKLIST_COMPLETE),
    ),
    Transition(
        Action.REISSUE,
        frozenset({_S.RETAINED}),
        _S.ACTIVE,
        # The next committee's term is a new active period; the caller's facts describe it.
        (Guard.PERMANENT, Guard.CREDENTIALS_RECORDED, Guard.ACTIVE_PERIOD_SET),
    ),
    Transition(Action.ARCHIVE, frozenset({_S.DEACTIVATED, _S.RETAINED}), _S.ARCHIVED),
    Transition(Action.CANCEL, frozenset({_S.PLANNED}), _S.ARCHIVED),
)

GUARD_CHECKS: Final[Mapping[Guard, Callable[[TransitionFacts], bool]]] = {
    Guard.CREDENTIALS_RECORDED: lambda f: f.credentials_recorded,
    Guard.ACTIVE_PERIOD_SET: lambda f: f.active_period_set,
    Guard.PASSWORD_CHANGED: lambda f: f.password_changed_since_return,
    Guard.CHECKLIST_COMPLETE: lambda f: f.checklist_complete,
    Guard.PERMANENT: lambda f: f.kind is LifecycleKind.PERMANENT,
    Guard.AD_HOC: lambda f: f.kind is LifecycleKind.AD_HOC,
}


class TransitionRefused(IllegalTransition):
    """An :class:`IllegalTransition` that says which status, action and guards were involved.

    ``failed_guards`` is empty when the table has no such move at all.
    """

    def __init__(
        self,
        message: str,
        *,
        status: AccountStatus,
        action: Action,
        failed_guards: tuple[Guard, ...] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.action = action
        self.failed_guards = failed_guards


def find_transition(status: AccountStatus, action: Action) -> Transition | None:
    """Return the table row for ``action`` from ``status``, ignoring guards, or None."""
    for transition in TRANSITIONS:
        if transition.action is action and status in transition.sources:
            return transition
    return None


def failed_guards(transition: Transition, facts: TransitionFacts) -> tuple[Guard, ...]:
    """Return the guards of ``transition`` that ``facts`` do not satisfy, in table order."""
    return tuple(g for g in transition.guards if not GUARD_CHECKS[g](facts))


def check_transition(
    status: AccountStatus, action: Action, facts: TransitionFacts
) -> AccountStatus:
    """Decide whether ``action`` may be applied to an account in ``status``.

    Args:
        status: the account's current status.
        action: what the operator wants to do.
        facts: what is known about the account (kind, credentials, rotation, checklist).

    Returns:
        The status the account moves to.

    Raises:
        TransitionRefused: (an :class:`IllegalTransition`) when the table has no such move
            from ``status``, or when a guard fails; the message names the status, the action
            and every failed guard.
    """
    transition = find_transition(status, action)
    if transition is None:
        raise TransitionRefused(
            f"cannot {action.value} an account that is {status.value}",
            status=status,
            action=action,
        )
    failed = failed_guards(transition, facts)
    if failed:
        names = ", ".join(g.value for g in failed)
        raise TransitionRefused(
            f"cannot {action.value} an account that is {status.value}: requires {names}",
            status=status,
            action=action,
            failed_guards=failed,
        )
    return transition.target


def possible_actions(status: AccountStatus) -> tuple[Action, ...]:
    """Return the actions the table offers from ``status``, guards not considered."""
    return tuple(t.action for t in TRANSITIONS if status in t.sources)


def allowed_actions(status: AccountStatus, facts: TransitionFacts) -> tuple[Action, ...]:
    """Return the actions that :func:`check_transition` would accept now, in table order.

    Args:
        status: the account's current status.
        facts: what is known about the account.

    Returns:
        The actions whose guards all pass.
    """
    return tuple(
        t.action for t in TRANSITIONS if status in t.sources and not failed_guards(t, facts)
    )


def is_final(status: AccountStatus) -> bool:
    """Return True when no action leads out of ``status`` (archived)."""
    return not possible_actions(status)
