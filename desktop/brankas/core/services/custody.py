"""Custody: who holds each account (a person or the office), now and over time.

Custody changes only through handovers (see :mod:`brankas.core.services.handover`) and the
initial "the office holds it". An account with no custody row at all is held by the office:
the office registered it and nobody has received it yet. The first handover of such an
account writes that initial office period (from the account's creation) so that the
history has no gap. What a handover of each kind may take (and so what the handover
wizard offers, :func:`wizard_data`) follows from custody and status.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import AccountStatus, HandoverKind, LifecycleKind, PersonRole
from brankas.core.domain.models import Account, Custody
from brankas.core.errors import DomainConflict
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover_wizard import (
    OFFICE_ROLES,
    AccountOption,
    KecamatanOption,
    PersonOption,
    TermOption,
    WizardData,
)
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import custody as custody_repo
from brankas.core.storage.repos import office as office_repo
from brankas.core.storage.repos import person as person_repo
from brankas.core.storage.repos import term as term_repo
from brankas.core.storage.repos._convert import dt_in_req, dt_out


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds an account now: a person, or the office when ``person_id`` is None."""

    person_id: int | None
    since: datetime | None = None  # None: the office has held it since it was registered
    handover_id: int | None = None  # the handover that gave it to the holder

    @property
    def is_office(self) -> bool:
        """True when the office (no person) holds the account."""
        return self.person_id is None


OFFICE = Holder(None)


@dataclass(frozen=True, slots=True)
class HeldAccount:
    """An account with its current holder."""

    account: Account
    holder: Holder


@dataclass(frozen=True, slots=True)
class Candidate:
    """An account a handover of some kind could list, and whether to tick it by default."""

    account: Account
    holder: Holder
    preselected: bool = True


def _holder(c: Custody | None) -> Holder:
    if c is None:
        return OFFICE
    return Holder(c.holder_person_id, c.from_at, c.handover_id)


def current_holder(ctx: ServiceContext, account_id: int) -> Holder:
    """Who holds an account now.

    Args:
        ctx: the service context.
        account_id: the account.

    Returns:
        The holder (:data:`OFFICE`-like when no person holds it).

    Raises:
        NotFound: no such account.
    """
    account_repo.get_account(ctx.conn, account_id)
    return _holder(custody_repo.current_custody(ctx.conn, account_id))


def current_holders(
    ctx: ServiceContext, account_ids: Iterable[int] | None = None
) -> dict[int, Holder]:
    """The current holder of many accounts in one query.

    Args:
        ctx: the service context.
        account_ids: the accounts to look up; None: every account in the vault.

    Returns:
        account id → holder; accounts without an open custody period map to the office
        (ids that are not accounts are left out).
    """
    return holders_of(ctx.conn, account_ids)


def holders_of(conn: Connection, account_ids: Iterable[int] | None = None) -> dict[int, Holder]:
    """Like :func:`current_holders`, on a bare connection (used inside transactions)."""
    sql = (
        "SELECT a.id, c.holder_person_id, c.from_at, c.handover_id FROM account a"
        " LEFT JOIN custody c ON c.account_id = a.id AND c.until_at IS NULL"
    )
    if account_ids is None:
        rows = conn.execute(sql).fetchall()
    else:
        ids = sorted(set(account_ids))
        rows = []
        # SQLite limits bound parameters; 500 per query keeps far below any build's limit.
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows.extend(conn.execute(f"{sql} WHERE a.id IN ({marks})", chunk).fetchall())
    out: dict[int, Holder] = {}
    for aid, person, since, handover in rows:
        out[int(aid)] = OFFICE if since is None else Holder(person, dt_in_req(since), handover)
    return out


def custody_history(ctx: ServiceContext, account_id: int) -> list[Custody]:
    """Every custody period of an account, oldest first (the open one last).

    Raises:
        NotFound: no such account.
    """
    account_repo.get_account(ctx.conn, account_id)
    return custody_repo.custody_history(ctx.conn, account_id)


def accounts_held_by(ctx: ServiceContext, person_id: int) -> list[Account]:
    """The accounts a person holds now, in id order."""
    ids = [
        int(r[0])
        for r in ctx.conn.execute(
            "SELECT account_id FROM custody WHERE holder_person_id = ? AND until_at IS NULL"
            " ORDER BY account_id",
            (person_id,),
        )
    ]
    return [account_repo.get_account(ctx.conn, i) for i in ids]


def accounts_held_in(ctx: ServiceContext, kecamatan_id: int, term_id: int) -> list[HeldAccount]:
    """The accounts of one kecamatan and term that a person (its committee) holds now.

    What a return handover takes back; accounts the office holds are left out.
    """
    accounts = account_repo.list_accounts(ctx.conn, term_id=term_id, kecamatan_id=kecamatan_id)
    holders = holders_of(ctx.conn, (a.id for a in accounts))
    return [HeldAccount(a, holders[a.id]) for a in accounts if not holders[a.id].is_office]


def record_initial_custody(
    ctx: ServiceContext, account_id: int, *, at: datetime | None = None
) -> Custody | None:
    """Record that the office holds an account that has no custody history yet.

    Account creation may call this; handovers do it themselves when it was not done.

    Args:
        ctx: the service context.
        account_id: the account.
        at: since when (default: the account's creation time).

    Returns:
        The new period, or None when the account already has custody history.

    Raises:
        NotFound: no such account.
    """
    with ctx.tx() as conn:
        account = account_repo.get_account(conn, account_id)
        if custody_repo.custody_history(conn, account_id):
            return None
        period = custody_repo.open_custody(
            conn,
            Custody(account_id=account_id, holder_person_id=None, from_at=at or account.created_at),
        )
        ctx.audit(AuditKind.CHANGE, f"account:{account_id}", {"custody": "office"})
        return period


def transfer(
    conn: Connection,
    accounts: Sequence[Account],
    holder_person_id: int | None,
    at: datetime,
    handover_id: int,
) -> None:
    """Move accounts to a new holder from ``at`` (bulk; inside the caller's transaction).

    Only :mod:`brankas.core.services.handover` calls this: custody changes through
    handovers. Accounts without any custody row first get their initial office period.
    """
    ids = [a.id for a in accounts]
    with_history = _with_history(conn, ids)
    when = dt_out(at)
    initial = [
        (a.id, None, dt_out(min(a.created_at, at)), when, None)
        for a in accounts
        if a.id not in with_history
    ]
    conn.executemany(
        "INSERT INTO custody (account_id, holder_person_id, from_at, until_at, handover_id)"
        " VALUES (?, ?, ?, ?, ?)",
        initial,
    )
    conn.executemany(
        "UPDATE custody SET until_at = ? WHERE account_id = ? AND until_at IS NULL",
        [(when, i) for i in ids],
    )
    conn.executemany(
        "INSERT INTO custody (account_id, holder_person_id, from_at, until_at, handover_id)"
        " VALUES (?, ?, ?, NULL, ?)",
        [(i, holder_person_id, when, handover_id) for i in ids],
    )


def _with_history(conn: Connection, ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(
            int(r[0])
            for r in conn.execute(
                f"SELECT DISTINCT account_id FROM custody WHERE account_id IN ({marks})",  # noqa: S608
                chunk,
            )
        )
    return found


def handover_candidates(
    ctx: ServiceContext, kind: HandoverKind, term_id: int, kecamatan_id: int | None = None
) -> list[Candidate]:
    """The accounts a handover of ``kind`` in one kecamatan could list, pre-selected.

    * issue: accounts of the term and kecamatan that are planned or active and held by
      the office;
    * return: active accounts of the term and kecamatan held by a person (the committee);
    * next_committee: retained permanent accounts of the kecamatan from any term, held by
      the office (the continuation moves them into ``term_id``).

    Args:
        ctx: the service context.
        kind: the handover kind.
        term_id: the handover's term.
        kecamatan_id: the kecamatan; None: every kecamatan.

    Returns:
        The candidates in account id order, all pre-selected.
    """
    if kind is HandoverKind.NEXT_COMMITTEE:
        pool = account_repo.list_accounts(
            ctx.conn, kecamatan_id=kecamatan_id, status=AccountStatus.RETAINED
        )
        pool = [a for a in pool if a.lifecycle_kind is LifecycleKind.PERMANENT]
    else:
        pool = account_repo.list_accounts(ctx.conn, term_id=term_id, kecamatan_id=kecamatan_id)
    holders = holders_of(ctx.conn, (a.id for a in pool))
    out: list[Candidate] = []
    for a in pool:
        h = holders[a.id]
        if kind is HandoverKind.ISSUE:
            ok = h.is_office and a.status in (AccountStatus.PLANNED, AccountStatus.ACTIVE)
        elif kind is HandoverKind.RETURN:
            ok = not h.is_office and a.status is AccountStatus.ACTIVE
        else:
            ok = h.is_office
        if ok:
            out.append(Candidate(a, h))
    return out


_COMMITTEE_ROLES = frozenset({PersonRole.KETUA, PersonRole.ANGGOTA, PersonRole.STAFF})


def check_holder(
    conn: Connection, kind: HandoverKind, first_party_id: int, account: Account, holder: Holder
) -> None:
    """Check that a handover of ``kind`` may take ``account`` from its current holder.

    Issue and next committee need the office to hold it; a return takes it from the
    returning person, or from any committee member of the account's kecamatan and term.

    Raises:
        DomainConflict: field ``accounts``, code ``account_held_elsewhere``.
    """

    def elsewhere(whom: str) -> DomainConflict:
        return DomainConflict(
            f"account {account.id} is held by {whom}",
            field="accounts",
            code="account_held_elsewhere",
        )

    if kind is not HandoverKind.RETURN:
        if not holder.is_office:
            raise elsewhere(f"person {holder.person_id}, not the office")
        return
    if holder.person_id is None:
        raise elsewhere("the office, not the committee")
    if holder.person_id == first_party_id:
        return
    person = person_repo.get_person(conn, holder.person_id)
    if not (
        person.role in _COMMITTEE_ROLES
        and person.kecamatan_id == account.kecamatan_id
        and person.term_id == account.term_id
    ):
        raise elsewhere(f"person {holder.person_id}, not the committee of its kecamatan")


def wizard_data(
    ctx: ServiceContext, kind: HandoverKind | None = None, term_id: int | None = None
) -> WizardData:
    """What the handover wizard's pages offer; call again when the kind or term changes.

    Args:
        ctx: the service context.
        kind: the chosen kind (None: no candidate accounts yet).
        term_id: the chosen term (None: only the terms are offered).

    Returns:
        Terms; for a term: its kecamatan (those linked to it, else every kecamatan not
        retired) with their term end, candidate accounts for the kind (see
        :func:`custody.handover_candidates`), the office's officials and operators and
        the term's committee members, today and the office's city.
    """
    conn = ctx.conn
    terms = term_repo.list_terms(conn)
    base = WizardData(
        terms=tuple(TermOption(t.id, t.name, t.start_date, t.end_date) for t in terms),
        today=ctx.today(),
        default_place=office_repo.own_office(conn).city,
    )
    term = next((t for t in terms if t.id == term_id), None)
    if term is None:
        return base
    names = {k.id: k for k in office_repo.list_kecamatan(conn)}
    links = {k.kecamatan_id: k for k in term_repo.list_term_kecamatan(conn, term.id)}
    ids = list(links) or [k.id for k in names.values() if k.retired_at is None]
    kecamatan = sorted(
        (
            KecamatanOption(
                k, names[k].name, links[k].effective_end(term) if k in links else term.end_date
            )
            for k in ids
        ),
        key=lambda o: o.name.lower(),
    )
    accounts: list[AccountOption] = []
    if kind is not None:
        for c in handover_candidates(ctx, kind, term.id):
            a, kec = c.account, c.account.kecamatan_id
            if kec is not None:
                accounts.append(
                    AccountOption(
                        a.id, kec, a.platform, a.handle, a.status, c.holder.person_id, c.preselected
                    )
                )
    people = [
        PersonOption(p.id, p.name, p.role, p.kecamatan_id, p.term_id, p.position)
        for p in person_repo.list_people(conn)
        if p.role in OFFICE_ROLES or p.term_id == term.id
    ]
    return dataclasses.replace(
        base, kecamatan=tuple(kecamatan), accounts=tuple(accounts), people=tuple(people)
    )
