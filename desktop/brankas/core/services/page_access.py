"""The Facebook Page access roster of an account, and what good practice says about it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Final

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import PageAccess, PersonRole, Platform
from brankas.core.domain.models import PageAccessEntry
from brankas.core.errors import DomainConflict, DomainNotFound, InvalidValue
from brankas.core.services import _fields as f
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import page_access as repo
from brankas.core.storage.repos import person as person_repo

# Warning codes of :func:`page_access_warnings`.
PAGE_FEW_OFFICE_ADMINS: Final = "page_few_office_admins"  # < 2 office officials with full control
PAGE_COMMITTEE_FULL_CONTROL: Final = "page_committee_full_control"  # a member holds full control

_OFFICE_ROLES: Final = frozenset({PersonRole.OFFICIAL, PersonRole.OPERATOR})
_COMMITTEE_ROLES: Final = frozenset({PersonRole.KETUA, PersonRole.ANGGOTA, PersonRole.STAFF})


def page_access_warnings(
    entries: Iterable[PageAccessEntry], roles: Mapping[int, PersonRole]
) -> list[str]:
    """Check a Page roster against good practice (pure: no database).

    Args:
        entries: the roster; removed entries are ignored.
        roles: person id -> role, for the people the entries name (entries with a free
            name only, or a person missing here, count as neither office nor committee).

    Returns:
        ``page_few_office_admins`` when fewer than two distinct regency officials or
        operators hold full control; ``page_committee_full_control`` when a committee
        member (ketua, anggota, staff) holds full control.
    """
    office_admins: set[int] = set()
    committee_full = False
    for e in entries:
        if e.removed_at is not None or e.access is not PageAccess.FULL or e.person_id is None:
            continue
        role = roles.get(e.person_id)
        if role in _OFFICE_ROLES:
            office_admins.add(e.person_id)
        elif role in _COMMITTEE_ROLES:
            committee_full = True
    out: list[str] = []
    if len(office_admins) < 2:
        out.append(PAGE_FEW_OFFICE_ADMINS)
    if committee_full:
        out.append(PAGE_COMMITTEE_FULL_CONTROL)
    return out


def page_access_warnings_for(ctx: ServiceContext, account_id: int) -> list[str]:
    """:func:`page_access_warnings` for a stored Page's current roster.

    Raises:
        NotFound: no such account.
    """
    account_repo.get_account(ctx.conn, account_id)
    entries = repo.list_page_access(ctx.conn, account_id, current_only=True)
    roles = {
        e.person_id: person_repo.get_person(ctx.conn, e.person_id).role
        for e in entries
        if e.person_id is not None
    }
    return page_access_warnings(entries, roles)


def list_page_access(
    ctx: ServiceContext, account_id: int, *, current_only: bool = False
) -> list[PageAccessEntry]:
    """A Page's roster in the order added (``current_only`` drops removed people)."""
    return repo.list_page_access(ctx.conn, account_id, current_only=current_only)


def add_page_access(
    ctx: ServiceContext,
    account_id: int,
    *,
    access: PageAccess | str,
    person_id: int | None = None,
    person_name: str = "",
    added_at: datetime | date | None = None,
) -> PageAccessEntry:
    """Record that someone was given access to a Facebook Page.

    Args:
        ctx: the service context.
        account_id: the Page (an account of platform facebook_page).
        access: full, partial or task.
        person_id: a person in the vault; ``person_name`` then defaults to their name.
        person_name: the name shown on Facebook, for someone not in the vault.
        added_at: when (a date means the start of that day, WIB); default now.

    Returns:
        The stored entry.

    Raises:
        NotFound: no such account.
        InvalidValue: field ``account_id`` code ``not_a_facebook_page``; ``person_id``
            ``person_not_found``; ``person_name`` ``value_empty``/``value_*``; ``access``
            ``value_not_allowed``; ``added_at`` ``datetime_naive``/``date_invalid``.
        DomainConflict: field ``person_id`` or ``person_name``, code
            ``page_access_duplicate`` (that person already has current access).
    """
    level = f.enum_value(PageAccess, access, "access")
    when = ctx.now() if added_at is None else f.instant(added_at, "added_at")
    with ctx.tx() as conn:
        page = account_repo.get_account(conn, account_id)
        if page.platform is not Platform.FACEBOOK_PAGE:
            raise InvalidValue(
                "only a Facebook Page has an access roster",
                field="account_id",
                code="not_a_facebook_page",
            )
        name = f.text(person_name, "person_name", max_len=200)
        if person_id is not None:
            f.exists(conn, "person", person_id, "person_id", "person_not_found")
            name = name or person_repo.get_person(conn, person_id).name
        if not name:
            raise InvalidValue("name the person", field="person_name", code=f.CODE_EMPTY)
        for e in repo.list_page_access(conn, account_id, current_only=True):
            same = (
                e.person_id == person_id
                if person_id is not None
                else e.person_id is None and e.person_name.casefold() == name.casefold()
            )
            if same:
                raise DomainConflict(
                    "that person already has access to the Page",
                    field="person_id" if person_id is not None else "person_name",
                    code="page_access_duplicate",
                )
        entry = repo.add_page_access(
            conn,
            PageAccessEntry(
                account_id=account_id,
                person_id=person_id,
                person_name=name,
                access=level,
                added_at=when,
            ),
        )
        ctx.audit(
            AuditKind.CHANGE,
            f.target("account", account_id),
            {
                "page_access": "added",
                "entry_id": entry.id,
                "person_id": person_id,
                "person_name": name,
                "access": level.value,
            },
        )
    return entry


def remove_page_access(
    ctx: ServiceContext, entry_id: int, *, removed_at: datetime | date | None = None
) -> PageAccessEntry:
    """Record that someone's Page access was removed (the entry stays as history).

    Raises:
        DomainNotFound: field ``entry_id``, code ``page_access_not_found``.
        DomainConflict: field ``entry_id``, code ``page_access_already_removed``.
        InvalidValue: field ``removed_at``: ``removed_before_added``, ``datetime_naive``.
    """
    when = ctx.now() if removed_at is None else f.instant(removed_at, "removed_at")
    with ctx.tx() as conn:
        row = conn.execute(
            "SELECT account_id FROM page_access WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise DomainNotFound(
                "no such Page access entry", field="entry_id", code="page_access_not_found"
            )
        entry = next(e for e in repo.list_page_access(conn, int(row[0])) if e.id == entry_id)
        if entry.removed_at is not None:
            raise DomainConflict(
                "the access was already removed",
                field="entry_id",
                code="page_access_already_removed",
            )
        if when < entry.added_at:
            raise InvalidValue(
                "access cannot be removed before it was given",
                field="removed_at",
                code="removed_before_added",
            )
        repo.remove_page_access(conn, entry_id, when)
        ctx.audit(
            AuditKind.CHANGE,
            f.target("account", entry.account_id),
            {"page_access": "removed", "entry_id": entry_id, "person_name": entry.person_name},
        )
    return dataclasses.replace(entry, removed_at=when)
