"""Term-end status of one term at a date: counts, overdue, due soon, rotation, checklists."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.domain.models import Custody
from brankas.core.errors import NotFound
from brankas.core.review._memory import bulk
from brankas.core.review._rows import builder
from brankas.core.review.facts import Facts, facts_of
from brankas.core.review.recovery import PersonalLink
from brankas.core.review.snapshot import Snapshot


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountRef:
    """What a list row needs to show an account and jump to it."""

    account_id: int
    kecamatan_id: int | None
    kecamatan_name: str
    platform: Platform
    handle: str


@dataclass(frozen=True, slots=True, kw_only=True)
class HeldAccount(AccountRef):
    """An account a committee member still holds (overdue or due soon)."""

    term_end: date  # the effective end for the account's kecamatan
    days_left: int  # negative: days overdue
    holder_person_id: int | None
    holder_name: str
    held_since: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class PasswordChangeDue(AccountRef):
    """A returned account whose password has not been changed since the return."""

    returned_on: date | None  # None: flagged on the account, no return handover on record
    handover_id: int | None
    handover_number: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecklistGap(AccountRef):
    """A returned (or deactivated/retained) account whose checklist is not all done."""

    status: AccountStatus
    done: int
    total: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonalRecovery(AccountRef):
    """An account whose recovery chain points at a person."""

    links: tuple[PersonalLink, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class KecamatanCountdown:
    """How long a kecamatan's committee has left in the term."""

    kecamatan_id: int
    kecamatan_name: str
    end_date: date
    days_left: int  # negative once ended
    overridden: bool  # the kecamatan has its own end date (e.g. a court dispute)
    accounts: int  # accounts of the term in the kecamatan
    held: int  # of which a committee member still holds


@dataclass(frozen=True, slots=True, kw_only=True)
class TermStatus:
    """The state of one term at ``today``; every list is in kecamatan, platform, handle order."""

    term_id: int
    today: date
    due_soon_days: int
    total: int
    counts: Mapping[AccountStatus, int]  # every status, zero included
    overdue: tuple[HeldAccount, ...]
    due_soon: tuple[HeldAccount, ...]
    needs_password_change: tuple[PasswordChangeDue, ...]
    checklist_incomplete: tuple[ChecklistGap, ...]
    personal_recovery: tuple[PersonalRecovery, ...]
    countdown: tuple[KecamatanCountdown, ...]  # by days left, then name


# Positional constructors: a national term lists tens of thousands of rows.
_HELD = builder(HeldAccount)
_ROTATE = builder(PasswordChangeDue)
_GAP = builder(ChecklistGap)
_PERSONAL = builder(PersonalRecovery)
_Ref = tuple[int, int | None, str, Platform, str]  # the AccountRef fields, in order


@bulk
def term_end_status(
    snapshot: Snapshot, term_id: int, today: date, *, due_soon_days: int = 30
) -> TermStatus:
    """Where a term stands at ``today`` (definitions: :mod:`brankas.core.review.facts`).

    * overdue: the account's current term is this one, its kecamatan's effective end is
      before ``today``, and a committee member still holds it;
    * due soon: as overdue, but the end is ``today`` or within ``due_soon_days`` days;
    * needs password change: flagged, or its latest return handover was not followed by a
      password change;
    * checklist incomplete: returned with its checklist missing or not all done, or
      deactivated/retained with some step not done;
    * personal recovery: a recovery e-mail, phone or 2FA device that points at a person.

    Cancelled plans (archived, never activated) are counted by status but listed nowhere.

    Args:
        snapshot: the records.
        term_id: the term.
        today: the date to judge at (the office's calendar day).
        due_soon_days: how far ahead "due soon" looks.

    Returns:
        The counts, the lists and a per-kecamatan countdown.

    Raises:
        NotFound: the snapshot has no such term.
    """
    if term_id not in snapshot.terms:
        raise NotFound(f"no term {term_id}")
    f = facts_of(snapshot)
    accounts = snapshot.accounts
    counts = dict.fromkeys(AccountStatus, 0)
    for aid in f.accounts_in_term.get(term_id, ()):
        counts[accounts[aid].status] += 1
    committee, current, ends = f.committee, f.current_term, f.end
    change_due, links_of, gaps_of = f.change_due, f.personal, f.checklist_gaps
    held_ids: list[tuple[int, Custody]] = []
    rotate_ids: list[int] = []
    gap_ids: list[int] = []
    personal_ids: list[int] = []
    order = f.display_order(term_id)
    # One cheap pass in list order (every list comes out sorted), then records for hits.
    for aid in order:
        custody = committee.get(aid)
        if custody is not None and current[aid] == term_id:
            held_ids.append((aid, custody))
        if aid in change_due:
            rotate_ids.append(aid)
        if aid in gaps_of:
            gap_ids.append(aid)
        if aid in links_of:
            personal_ids.append(aid)
    names = {k.id: k.name for k in snapshot.kecamatan.values()}

    def ref(aid: int) -> _Ref:
        a = accounts[aid]
        kid = a.kecamatan_id
        kname = names.get(kid, "") if kid is not None else ""
        return (aid, kid, kname, a.platform, a.handle)

    overdue: list[HeldAccount] = []
    due: list[HeldAccount] = []
    held_per_kec: Counter[int | None] = Counter()
    for aid, custody in held_ids:
        held_per_kec[accounts[aid].kecamatan_id] += 1
        end = ends[aid]
        if end is not None and (end - today).days <= due_soon_days:
            holder = f.person(custody.holder_person_id)
            held = _HELD(
                *ref(aid),
                end,
                (end - today).days,
                custody.holder_person_id,
                holder.name if holder is not None else "",
                custody.from_at,
            )
            (overdue if held.days_left < 0 else due).append(held)
    rotate = [
        _ROTATE(*ref(aid), h.date, h.id, h.number) if h else _ROTATE(*ref(aid), None, None, "")
        for aid in rotate_ids
        for h in (change_due[aid],)
    ]
    gaps = [_GAP(*ref(aid), accounts[aid].status, *f.checklist_progress(aid)) for aid in gap_ids]
    personal = [_PERSONAL(*ref(aid), links_of[aid]) for aid in personal_ids]
    per_kec = Counter(accounts[aid].kecamatan_id for aid in order)
    return TermStatus(
        term_id=term_id,
        today=today,
        due_soon_days=due_soon_days,
        total=sum(counts.values()),
        counts=MappingProxyType(counts),
        overdue=tuple(overdue),
        due_soon=tuple(due),
        needs_password_change=tuple(rotate),
        checklist_incomplete=tuple(gaps),
        personal_recovery=tuple(personal),
        countdown=_countdown(f, term_id, today, per_kec, held_per_kec),
    )


def _countdown(
    f: Facts,
    term_id: int,
    today: date,
    accounts: Counter[int | None],
    held: Counter[int | None],
) -> tuple[KecamatanCountdown, ...]:
    rows = []
    for kid in {*f.coverage(term_id), *(k for k in accounts if k is not None)}:
        end = f.term_end(term_id, kid)
        assert end is not None  # the term exists
        rows.append(
            KecamatanCountdown(
                kecamatan_id=kid,
                kecamatan_name=f.kecamatan_name(kid),
                end_date=end,
                days_left=(end - today).days,
                overridden=f.is_overridden(term_id, kid),
                accounts=accounts[kid],
                held=held[kid],
            )
        )
    rows.sort(key=lambda r: (r.days_left, r.kecamatan_name.casefold(), r.kecamatan_id))
    return tuple(rows)
