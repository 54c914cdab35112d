"""Lifecycle transitions of stored accounts: facts from the vault, the pure table decides."""

from __future__ import annotations

import dataclasses
from datetime import date

from brankas.core.audit import AuditKind
from brankas.core.domain import lifecycle
from brankas.core.domain.enums import HandoverKind
from brankas.core.domain.lifecycle import Action, TransitionFacts
from brankas.core.domain.models import Account
from brankas.core.services import _fields as f
from brankas.core.services.context import ServiceContext
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import account as repo


def _password_on_record(conn: Connection, account_id: int) -> bool:
    row = conn.execute(
        "SELECT coalesce(password, '') != '' FROM account_secret WHERE account_id = ?",
        (account_id,),
    ).fetchone()
    return row is not None and bool(row[0])


def _latest_return(conn: Connection, account_id: int) -> date | None:
    row = conn.execute(
        "SELECT max(h.date) FROM handover h JOIN handover_item i ON i.handover_id = h.id"
        " WHERE i.account_id = ? AND h.kind = ?",
        (account_id, HandoverKind.RETURN.value),
    ).fetchone()
    return None if row is None or row[0] is None else date.fromisoformat(row[0])


def _checklist_complete(conn: Connection, account_id: int) -> bool:
    total, done = conn.execute(
        "SELECT count(*), count(done_at) FROM checklist_item WHERE account_id = ?", (account_id,)
    ).fetchone()
    return int(total) > 0 and int(done) == int(total)


def facts_for(ctx: ServiceContext, account: Account) -> TransitionFacts:
    """What the vault knows about an account, as the lifecycle table's guards read it.

    * credentials recorded: a username and a non-empty password on record;
    * active period set: both ``active_from`` and ``active_until``;
    * password changed since the return: not flagged ``needs_password_change``, and
      ``password_changed_at`` falls on or after the latest return handover's date (WIB);
    * checklist complete: at least one checklist item, all done.
    """
    conn = ctx.conn
    changed = account.password_changed_at
    latest = _latest_return(conn, account.id)
    rotated = (
        not account.needs_password_change
        and changed is not None
        and (latest is None or f.wib_date(changed) >= latest)
    )
    return TransitionFacts(
        kind=account.lifecycle_kind,
        credentials_recorded=bool(account.handle) and _password_on_record(conn, account.id),
        active_period_set=account.active_from is not None and account.active_until is not None,
        password_changed_since_return=rotated,
        checklist_complete=_checklist_complete(conn, account.id),
    )


def transition_facts(ctx: ServiceContext, account_id: int) -> TransitionFacts:
    """:func:`facts_for` by account id.

    Raises:
        NotFound: no such account.
    """
    return facts_for(ctx, repo.get_account(ctx.conn, account_id))


def allowed(ctx: ServiceContext, account_id: int) -> tuple[Action, ...]:
    """The actions that :func:`apply_transition` would accept now, in table order.

    Raises:
        NotFound: no such account.
    """
    account = repo.get_account(ctx.conn, account_id)
    return lifecycle.allowed_actions(account.status, facts_for(ctx, account))


def apply_transition(
    ctx: ServiceContext, account_id: int, action: Action | str, *, reason: str = ""
) -> Account:
    """Move an account along the lifecycle table, with a TRANSITION audit event.

    Safe inside a caller's ``ctx.tx()`` (it then runs in a savepoint). Besides the
    status: activate stamps ``activated_at``; reissue stamps it only if it was never
    set; deactivate stamps ``deactivated_at``; return sets ``needs_password_change``
    (a handover service may clear it again when the password was already changed on or
    after the handover date).

    Args:
        ctx: the service context.
        account_id: which account.
        action: a :class:`lifecycle.Action` or its value.
        reason: free text kept in the audit event.

    Returns:
        The account as stored.

    Raises:
        NotFound: no such account.
        InvalidValue: field ``action``, code ``value_not_allowed``; field ``reason``
            (``value_*``).
        TransitionRefused: (an IllegalTransition) the table has no such move from the
            account's status, or a guard failed (``failed_guards`` names them).
    """
    act = f.enum_value(Action, action, "action")
    why = f.text(reason, "reason", max_len=300)
    now = ctx.now()
    with ctx.tx() as conn:
        account = repo.get_account(conn, account_id)
        target = lifecycle.check_transition(account.status, act, facts_for(ctx, account))
        new = dataclasses.replace(account, status=target)
        if act is Action.ACTIVATE or (act is Action.REISSUE and new.activated_at is None):
            new = dataclasses.replace(new, activated_at=now)
        elif act is Action.DEACTIVATE:
            new = dataclasses.replace(new, deactivated_at=now)
        elif act is Action.RETURN:
            new = dataclasses.replace(new, needs_password_change=True)
        new = repo.update_account(conn, new, now=now)
        detail = {
            "action": act.value,
            "from": account.status.value,
            "to": target.value,
            "reason": why,
        }
        ctx.audit(AuditKind.TRANSITION, f.target("account", account_id), detail)
    return new
