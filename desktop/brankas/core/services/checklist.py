"""Deactivation checklists: admin-editable templates per platform, per-account items, completion.

Templates are seeded from :func:`brankas.core.domain.checklists.default_steps` (the final
step in its kind-neutral wording) the first time anything asks for them. A return handover
copies the active steps onto each returned account; ticking records who and when; when
every item is done, :func:`complete` moves the account to deactivated (ad hoc) or retained
(permanent). A permanent account that comes back again in a later term gets its items
reset (unticked and refreshed from the templates); earlier ticks stay in the audit log.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from brankas.core.audit import AuditKind
from brankas.core.domain import checklists as defaults
from brankas.core.domain.enums import AccountStatus, LifecycleKind, Platform
from brankas.core.domain.lifecycle import Action, Guard, TransitionRefused
from brankas.core.domain.models import Account, ChecklistItem, ChecklistTemplateStep
from brankas.core.errors import DomainConflict, InvalidValue, NotFound
from brankas.core.services import transitions
from brankas.core.services.context import ServiceContext
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import checklist as repo

FINAL_STEP_KEY = defaults.FINAL_STEP_KEY
CHANGE_PASSWORD_KEY = "change_password"  # noqa: S105 - a step key, not a password
_STEP_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
_MAX_TEXT = 500


@dataclass(frozen=True, slots=True)
class AccountChecklist:
    """One account's checklist progress, for the per-kecamatan bulk view."""

    account: Account
    items: tuple[ChecklistItem, ...]

    @property
    def done(self) -> int:
        """How many items are ticked."""
        return sum(1 for i in self.items if i.done_at is not None)

    @property
    def total(self) -> int:
        """How many items the checklist has."""
        return len(self.items)

    @property
    def next_item(self) -> ChecklistItem | None:
        """The first item not yet ticked, in checklist order."""
        return next((i for i in self.items if i.done_at is None), None)

    @property
    def ready_to_complete(self) -> bool:
        """True when :func:`complete` would find every item done."""
        return (
            self.account.status is AccountStatus.RETURNED
            and bool(self.items)
            and self.done == self.total
        )


# --- templates ----------------------------------------------------------------------
def ensure_templates(ctx: ServiceContext) -> int:
    """Seed the templates with the default steps that are missing (idempotent).

    Steps an admin edited, deactivated or reordered are left as they are; a default
    step added by a newer version is put just before the final step.

    Returns:
        How many steps were added (0 when nothing was missing).
    """
    present: dict[Platform, dict[str, ChecklistTemplateStep]] = {p: {} for p in Platform}
    for step in repo.list_template_steps(ctx.conn):
        present[step.platform][step.step_key] = step
    missing = {
        p: [s for s in defaults.default_steps(p) if s.step_key not in present[p]] for p in Platform
    }
    added = sum(len(v) for v in missing.values())
    if not added:
        return 0
    with ctx.tx() as conn:
        for platform, steps in missing.items():
            have = present[platform]
            top = max((s.position for s in have.values()), default=-1)
            for default in steps:
                top += 1
                repo.add_template_step(
                    conn,
                    ChecklistTemplateStep(
                        platform=platform,
                        step_key=default.step_key,
                        position=top,
                        text_id=default.text_id,
                        text_en=default.text_en,
                    ),
                )
            final = have.get(FINAL_STEP_KEY)
            if final is not None and steps:  # keep the final step last
                repo.update_template_step(conn, replace(final, position=top + 1))
        ctx.audit(AuditKind.CREATE, "checklist_template", {"steps_added": added})
    return added


def template_steps(
    ctx: ServiceContext, platform: Platform, *, include_inactive: bool = True
) -> list[ChecklistTemplateStep]:
    """A platform's template steps in order (seeding the defaults first if needed)."""
    ensure_templates(ctx)
    return repo.list_template_steps(ctx.conn, platform, active_only=not include_inactive)


def _text(value: str, field: str) -> str:
    text = value.strip()
    if not text:
        raise InvalidValue("the step text is empty", field=field, code="step_text_empty")
    if len(text) > _MAX_TEXT:
        raise InvalidValue(
            f"the step text is longer than {_MAX_TEXT} characters",
            field=field,
            code="step_text_too_long",
        )
    return text


def _get_step(conn: Connection, step_id: int) -> ChecklistTemplateStep:
    for step in repo.list_template_steps(conn):
        if step.id == step_id:
            return step
    raise NotFound(f"no checklist step {step_id}")


def add_step(
    ctx: ServiceContext,
    platform: Platform,
    *,
    text_id: str,
    text_en: str,
    step_key: str | None = None,
) -> ChecklistTemplateStep:
    """Add a step to a platform's template, just before the final step (admin only).

    Args:
        ctx: the service context.
        platform: the platform.
        text_id: the step in Indonesian.
        text_en: the step in English.
        step_key: a stable key (lowercase letters, digits, ``_``); default ``custom_<n>``.

    Returns:
        The new step.

    Raises:
        PermissionDenied: not an admin.
        InvalidValue: ``step_text_empty``, ``step_text_too_long`` (fields ``text_id`` /
            ``text_en``) or ``step_key_invalid`` (field ``step_key``).
        DomainConflict: ``step_key_used`` (field ``step_key``).
    """
    ctx.require_admin()
    tid, ten = _text(text_id, "text_id"), _text(text_en, "text_en")
    steps = template_steps(ctx, platform)
    keys = {s.step_key for s in steps}
    if step_key is None:
        n = 1
        while f"custom_{n}" in keys:
            n += 1
        step_key = f"custom_{n}"
    elif not _STEP_KEY.fullmatch(step_key):
        raise InvalidValue(
            "a step key is lowercase letters, digits and '_'",
            field="step_key",
            code="step_key_invalid",
        )
    if step_key in keys:
        raise DomainConflict("the platform has a step with that key", "step_key", "step_key_used")
    with ctx.tx() as conn:
        final = next((s for s in steps if s.step_key == FINAL_STEP_KEY), None)
        position = final.position if final else len(steps)
        if final is not None:
            repo.update_template_step(conn, replace(final, position=final.position + 1))
        step = repo.add_template_step(
            conn,
            ChecklistTemplateStep(
                platform=platform, step_key=step_key, position=position, text_id=tid, text_en=ten
            ),
        )
        ctx.audit(
            AuditKind.CREATE,
            f"checklist_template:{step.id}",
            {"platform": platform.value, "step_key": step_key},
        )
    return step


def edit_step(
    ctx: ServiceContext, step_id: int, *, text_id: str, text_en: str
) -> ChecklistTemplateStep:
    """Change a template step's texts (admin only); accounts already returned keep theirs.

    Raises:
        PermissionDenied: not an admin.
        NotFound: no such step.
        InvalidValue: ``step_text_empty`` or ``step_text_too_long``.
    """
    ctx.require_admin()
    tid, ten = _text(text_id, "text_id"), _text(text_en, "text_en")
    with ctx.tx() as conn:
        step = replace(_get_step(conn, step_id), text_id=tid, text_en=ten)
        repo.update_template_step(conn, step)
        ctx.audit(AuditKind.CHANGE, f"checklist_template:{step_id}", {"texts": "edited"})
    return step


def set_step_active(ctx: ServiceContext, step_id: int, active: bool) -> ChecklistTemplateStep:
    """Deactivate (or reactivate) a template step (admin only); steps are never deleted.

    Raises:
        PermissionDenied: not an admin.
        NotFound: no such step.
        InvalidValue: ``final_step_required`` (the final step cannot be deactivated).
    """
    ctx.require_admin()
    with ctx.tx() as conn:
        step = _get_step(conn, step_id)
        if step.step_key == FINAL_STEP_KEY and not active:
            raise InvalidValue(
                "the final step cannot be deactivated", field="active", code="final_step_required"
            )
        step = replace(step, active=active)
        repo.update_template_step(conn, step)
        ctx.audit(AuditKind.CHANGE, f"checklist_template:{step_id}", {"active": active})
    return step


def reorder_steps(
    ctx: ServiceContext, platform: Platform, step_ids: Sequence[int]
) -> list[ChecklistTemplateStep]:
    """Put a platform's steps in a new order (admin only).

    Args:
        ctx: the service context.
        platform: the platform.
        step_ids: every step id of the platform (inactive ones too), in the new order;
            the final step must stay last.

    Returns:
        The steps in their new order.

    Raises:
        PermissionDenied: not an admin.
        InvalidValue: ``reorder_mismatch`` (not exactly the platform's steps) or
            ``final_step_not_last`` (field ``order``).
    """
    ctx.require_admin()
    steps = {s.id: s for s in template_steps(ctx, platform)}
    if len(step_ids) != len(steps) or set(step_ids) != set(steps):
        raise InvalidValue(
            "the new order must list each step of the platform once",
            field="order",
            code="reorder_mismatch",
        )
    if steps[step_ids[-1]].step_key != FINAL_STEP_KEY:
        raise InvalidValue(
            "the final step must stay last", field="order", code="final_step_not_last"
        )
    with ctx.tx() as conn:
        out = [replace(steps[sid], position=n) for n, sid in enumerate(step_ids)]
        for step in out:
            repo.update_template_step(conn, step)
        ctx.audit(
            AuditKind.CHANGE, "checklist_template", {"platform": platform.value, "reordered": True}
        )
    return out


# --- items --------------------------------------------------------------------------
def start_checklists(ctx: ServiceContext, accounts: Sequence[Account]) -> None:
    """Copy the active template steps onto each account (inside the caller's transaction).

    Called by a return handover. An account that already has items (a permanent account
    returned again) gets them replaced: unticked, and as the templates read now.
    """
    ensure_templates(ctx)
    by_platform: dict[Platform, list[ChecklistTemplateStep]] = {}
    for step in repo.list_template_steps(ctx.conn, active_only=True):
        by_platform.setdefault(step.platform, []).append(step)
    neutral = {p: defaults.final_step(p, None) for p in Platform}
    rows: list[ChecklistItem] = []
    for a in accounts:
        for n, step in enumerate(by_platform.get(a.platform, [])):
            text_id, text_en = step.text_id, step.text_en
            if step.step_key == FINAL_STEP_KEY and (text_id, text_en) == (
                neutral[a.platform].text_id,
                neutral[a.platform].text_en,
            ):
                # Unedited final step: say "deactivate" or "keep" as the account's kind needs.
                specific = defaults.final_step(a.platform, a.lifecycle_kind)
                text_id, text_en = specific.text_id, specific.text_en
            rows.append(
                ChecklistItem(
                    account_id=a.id,
                    step_key=step.step_key,
                    position=n,
                    text_id=text_id,
                    text_en=text_en,
                )
            )
    with ctx.tx() as conn:
        conn.executemany(
            "DELETE FROM checklist_item WHERE account_id = ?", [(a.id,) for a in accounts]
        )
        repo.add_checklist_items(conn, rows)


def items(ctx: ServiceContext, account_id: int) -> list[ChecklistItem]:
    """An account's checklist items in order (empty before its first return).

    Raises:
        NotFound: no such account.
    """
    account_repo.get_account(ctx.conn, account_id)
    return repo.list_checklist_items(ctx.conn, account_id)


def tick(ctx: ServiceContext, item_id: int, *, done: bool = True) -> ChecklistItem:
    """Tick (or untick) a checklist item, recording who and when.

    Args:
        ctx: the service context.
        item_id: the item.
        done: True to tick, False to untick.

    Returns:
        The item as stored.

    Raises:
        NotFound: no such item.
        DomainConflict: ``checklist_closed`` (the account is not returned, so its checklist
            is not open) or ``password_not_changed`` (the change-password step cannot be
            ticked while the account still needs its password changed); field ``checklist``.
    """
    with ctx.tx() as conn:
        row = conn.execute(f"{repo.ITEM_SELECT} WHERE i.id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFound(f"no checklist item {item_id}")
        item = repo.item_from_row(tuple(row))
        account = account_repo.get_account(conn, item.account_id)
        if account.status is not AccountStatus.RETURNED:
            raise DomainConflict(
                f"the checklist of account {account.id} is closed ({account.status.value})",
                "checklist",
                "checklist_closed",
            )
        if done and item.step_key == CHANGE_PASSWORD_KEY and account.needs_password_change:
            raise DomainConflict(
                f"account {account.id} still needs its password changed",
                "checklist",
                "password_not_changed",
            )
        at = ctx.now() if done else None
        repo.set_item_done(conn, item_id, at, ctx.operator_id)
        ctx.audit(
            AuditKind.CHANGE,
            f"account:{account.id}",
            {"checklist_step": item.step_key, "done": done},
        )
    return replace(item, done_at=at, done_by_operator_id=ctx.operator_id if done else None)


def complete(ctx: ServiceContext, account_id: int) -> Account:
    """Finish an account's checklist: deactivate it (ad hoc) or retain it (permanent).

    Args:
        ctx: the service context.
        account_id: a returned account whose items are all ticked.

    Returns:
        The account in its new status.

    Raises:
        NotFound: no such account.
        TransitionRefused: (an IllegalTransition) the account is not returned, its
            checklist is missing or incomplete (guard ``checklist_complete``), or another
            guard of the lifecycle table fails (e.g. ``password_changed``).
    """
    with ctx.tx() as conn:
        account = account_repo.get_account(conn, account_id)
        action = (
            Action.RETAIN
            if account.lifecycle_kind is LifecycleKind.PERMANENT
            else Action.DEACTIVATE
        )
        todo = repo.list_checklist_items(conn, account_id)
        if account.status is AccountStatus.RETURNED and (
            not todo or any(i.done_at is None for i in todo)
        ):
            raise TransitionRefused(
                f"cannot {action.value} account {account_id}: its checklist is not complete",
                status=account.status,
                action=action,
                failed_guards=(Guard.CHECKLIST_COMPLETE,),
            )
        return transitions.apply_transition(ctx, account_id, action, reason="checklist complete")


def checklist_overview(
    ctx: ServiceContext, term_id: int, kecamatan_id: int | None = None
) -> list[AccountChecklist]:
    """Checklist progress of every account of a term (one kecamatan, or all) that has one.

    Returns:
        One entry per account with checklist items, by kecamatan, platform, then id.
    """
    accounts = account_repo.list_accounts(ctx.conn, term_id=term_id, kecamatan_id=kecamatan_id)
    by_account: dict[int, list[ChecklistItem]] = {}
    ids = [a.id for a in accounts]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for r in ctx.conn.execute(
            f"{repo.ITEM_SELECT} WHERE i.account_id IN ({marks})"
            " ORDER BY i.account_id, i.position, i.id",
            chunk,
        ):
            item = repo.item_from_row(tuple(r))
            by_account.setdefault(item.account_id, []).append(item)
    order = {p: n for n, p in enumerate(Platform)}
    out = [AccountChecklist(a, tuple(by_account[a.id])) for a in accounts if a.id in by_account]
    out.sort(key=lambda c: (c.account.kecamatan_id or 0, order[c.account.platform], c.account.id))
    return out
