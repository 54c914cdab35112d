"""One account's detail (recovery chain, Page roster, histories, audit events), read in the worker."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from brankas.core.audit import Event
from brankas.core.domain.enums import PersonRole, Platform
from brankas.core.domain.models import Account, Custody, PageAccessEntry, Term
from brankas.core.errors import NotFound
from brankas.core.services import accounts, custody, office, people, secrets, terms
from brankas.core.services.context import ServiceContext
from brankas.core.services.secrets import PasswordHistoryInfo, SecretField
from brankas.gui.session import operator_names

_EVENTS_SQL = (
    "SELECT seq, at, operator_id, kind, target, detail_json, prev_hash, hash"
    " FROM audit_event WHERE target = ? ORDER BY seq"
)


@dataclass(frozen=True, slots=True)
class AccountDetail:
    """What the detail panel shows about one account; never a secret value."""

    account: Account
    kecamatan: str = ""
    term: Term | None = None
    holder_person_id: int | None = None
    presence: Mapping[SecretField, bool] = field(default_factory=dict)
    personal_links: tuple[str, ...] = ()  # accounts.personal_recovery_links codes
    people: Mapping[int, str] = field(default_factory=dict)  # person id -> name, as needed
    roles: Mapping[int, PersonRole] = field(default_factory=dict)  # the same people's roles
    linked: Mapping[int, str] = field(default_factory=dict)  # recovery account id -> handle
    page_access: tuple[PageAccessEntry, ...] = ()
    page_warnings: tuple[str, ...] = ()
    password_history: tuple[PasswordHistoryInfo, ...] = ()
    custody: tuple[Custody, ...] = ()
    events: tuple[Event, ...] = ()
    operators: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_page(self) -> bool:
        """Whether the account is a Facebook Page (it has an access roster)."""
        return self.account.platform is Platform.FACEBOOK_PAGE

    def person(self, person_id: int | None) -> str:
        """A person's name ('' when none or unknown)."""
        return self.people.get(person_id, "") if person_id is not None else ""


def account_events(ctx: ServiceContext, account_id: int) -> list[Event]:
    """The audit events about one account, oldest first."""
    out: list[Event] = []
    for r in ctx.conn.execute(_EVENTS_SQL, (f"account:{account_id}",)):
        detail: Any = json.loads(r[5] or "{}")
        out.append(Event(int(r[0]), r[1], r[2], r[3], r[4], detail, bytes(r[6]), bytes(r[7])))
    return out


def load_detail(ctx: ServiceContext, account_id: int) -> AccountDetail:
    """Everything the detail panel shows, in one read (the worker calls this).

    Raises:
        NotFound: the account was removed meanwhile.
    """
    a = accounts.get_account(ctx, account_id)
    kec = office.get_kecamatan(ctx, a.kecamatan_id).name if a.kecamatan_id is not None else ""
    term = terms.get_term(ctx, a.term_id) if a.term_id is not None else None
    holder = custody.current_holder(ctx, account_id).person_id
    history = custody.custody_history(ctx, account_id)
    roster: list[PageAccessEntry] = []
    warnings: list[str] = []
    if a.platform is Platform.FACEBOOK_PAGE:
        roster = accounts.list_page_access(ctx, account_id)
        warnings = accounts.page_access_warnings_for(ctx, account_id)
    wanted = {
        a.recovery_email_person_id,
        a.recovery_phone_holder_person_id,
        a.twofa_device_person_id,
        holder,
        *(c.holder_person_id for c in history),
        *(e.person_id for e in roster),
    }
    names: dict[int, str] = {}
    roles: dict[int, PersonRole] = {}
    for pid in wanted:
        if pid is not None:
            try:
                person = people.get_person(ctx, pid)
            except NotFound:
                continue
            names[pid], roles[pid] = person.name, person.role
    linked: dict[int, str] = {}
    for lid in (a.recovery_email_account_id, a.recovery_phone_account_id):
        if lid is not None:
            try:
                linked[lid] = accounts.get_account(ctx, lid).handle
            except NotFound:
                continue
    return AccountDetail(
        account=a,
        kecamatan=kec,
        term=term,
        holder_person_id=holder,
        presence=secrets.secret_presence(ctx, account_id),
        personal_links=tuple(accounts.personal_recovery_links(a)),
        people=names,
        roles=roles,
        linked=linked,
        page_access=tuple(roster),
        page_warnings=tuple(warnings),
        password_history=tuple(secrets.password_history(ctx, account_id)),
        custody=tuple(history),
        events=tuple(account_events(ctx, account_id)),
        operators=operator_names(ctx.vault),
    )
