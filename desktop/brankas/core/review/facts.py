"""Facts derived from a snapshot that status, matrix, rules and search share, indexed once.

Definitions used by every reader (and written in the review rules' docstring):

* An account's **terms** are its own ``term_id`` plus the term of every next-committee
  handover that lists it; its **current term** is the term of the latest such handover
  (by date, then id), else its own. Term-end duties (overdue, deactivation) follow the
  current term, so a permanent account handed on is judged by the new committee's term.
* A term's **effective end** for a kecamatan is the kecamatan's override, else the term's
  end. The term has **ended** for it when ``today`` is after that day.
* An account is **held by a committee member** when its open custody period names a
  person who is ketua, anggota or committee staff, or a person the snapshot does not know
  (an unknown holder is not assumed to be the office). No holder means the office.
* A password counts as **changed after a handover** when the handover item says so, or the
  password history (or the account's ``password_changed_at``) has a change at or after
  the start of the handover day in WIB (core/domain/calendar.py), as the write side judges it.
* An account is **cancelled** when it is archived and was never activated, held or handed
  over: a plan that never became an account. Readers ignore it.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from typing import Final

from brankas.core.domain.calendar import day_start as calendar_day_start
from brankas.core.domain.enums import AccountStatus, HandoverKind
from brankas.core.domain.models import Account, Custody, Handover, HandoverItem, Person
from brankas.core.review._checklists import ChecklistColumns
from brankas.core.review._memory import bulk
from brankas.core.review.labels import PLATFORM_ORDER
from brankas.core.review.recovery import COMMITTEE_ROLES, PersonalLink, RecoveryCheck
from brankas.core.review.snapshot import Snapshot

_CACHE_KEY: Final = "facts"


class Problem(StrEnum):
    """Why an account (or a BAST cell) needs attention; in the order lists show them."""

    OVERDUE = "overdue"  # term ended, a committee member still holds it
    PASSWORD_MISSING = "password_missing"  # noqa: S105 - a code, not a password
    PASSWORD_CHANGE_DUE = "password_change_due"  # noqa: S105
    PERSONAL_RECOVERY = "personal_recovery"
    CHECKLIST_INCOMPLETE = "checklist_incomplete"
    BAST_NUMBER_MISSING = "bast_number_missing"


_CHECKLIST_STATUSES: Final = frozenset(
    {AccountStatus.RETURNED, AccountStatus.DEACTIVATED, AccountStatus.RETAINED}
)


def day_start(day: date) -> datetime:
    """00:00 WIB on ``day`` (the office calendar shared with the services)."""
    return calendar_day_start(day)


class Facts:
    """Indexes over one snapshot; get it with :func:`facts_of` (built once, then cached).

    Per-account facts are computed for every account in one pass (or on first use, for
    the costlier ones) so that status, matrix and rules read them by dictionary look-up.
    """

    def __init__(self, snapshot: Snapshot) -> None:
        # A weak reference: the snapshot keeps its facts in its cache, and a cycle would
        # keep a dropped snapshot (hundreds of MiB at national size) until a full collection.
        self._snapshot = weakref.ref(snapshot)
        s = snapshot
        self._accounts, self._people, self._terms = s.accounts, s.people, s.terms
        self._kecamatan, self._changes = s.kecamatan, s.password_changes
        listed: dict[int, list[Handover]] = defaultdict(list)
        self.handovers_by_date = sorted(s.handovers.values(), key=lambda h: (h.date, h.id))
        for h in self.handovers_by_date:
            for item in h.items:
                listed[item.account_id].append(h)
        self.handovers_of: Mapping[int, tuple[Handover, ...]] = {
            k: tuple(v) for k, v in listed.items()
        }
        overrides: dict[tuple[int, int], date] = {}
        covered: dict[int, list[int]] = defaultdict(list)
        for (tid, kid), tk in s.term_kecamatan.items():
            covered[tid].append(kid)
            if tk.end_date is not None:
                overrides[tid, kid] = tk.end_date
        self._overrides = overrides
        self._covered = covered
        self.holder: Mapping[int, Custody] = {
            aid: c for aid, periods in s.custody.items() for c in periods if c.until_at is None
        }
        people = s.people
        # Held by a committee member, or by a person the snapshot does not know.
        self.committee: Mapping[int, Custody] = {
            aid: c
            for aid, c in self.holder.items()
            if c.holder_person_id is not None
            and ((p := people.get(c.holder_person_id)) is None or p.role in COMMITTEE_ROLES)
        }
        self.current_term: dict[int, int | None] = {}
        self.end: dict[int, date | None] = {}  # effective end of the current term
        members: dict[int, list[int]] = defaultdict(list)
        cancelled: list[int] = []
        ends = {t.id: t.end_date for t in s.terms.values()}
        archived = AccountStatus.ARCHIVED
        for aid, a in s.accounts.items():
            current = a.term_id
            mine = self.handovers_of.get(aid)
            if mine is None:
                if current is not None:
                    members[current].append(aid)  # accounts are visited in id order
            else:
                terms = [current] if current is not None else []
                for h in mine:
                    if h.kind is HandoverKind.NEXT_COMMITTEE and h.term_id is not None:
                        current = h.term_id
                        if current not in terms:
                            terms.append(current)
                for t in terms:
                    members[t].append(aid)
            self.current_term[aid] = current
            end = None
            if current is not None:
                end = ends.get(current)
                if end is not None and a.kecamatan_id is not None:
                    end = overrides.get((current, a.kecamatan_id), end)
            self.end[aid] = end
            if (
                a.status is archived
                and a.activated_at is None
                and mine is None
                and aid not in s.custody
            ):
                cancelled.append(aid)
        self.accounts_in_term: Mapping[int, tuple[int, ...]] = {
            k: tuple(v) for k, v in members.items()
        }
        self.cancelled = frozenset(cancelled)
        self._orders: dict[tuple[str, int], tuple[int, ...]] = {}

    @property
    def snapshot(self) -> Snapshot:
        """The snapshot these facts describe."""
        s = self._snapshot()
        if s is None:
            raise ReferenceError("the snapshot of these facts was dropped")
        return s

    # --- terms ------------------------------------------------------------------------
    def term_end(self, term_id: int | None, kecamatan_id: int | None) -> date | None:
        """The term's effective end for the kecamatan (None: unknown term)."""
        term = self._terms.get(term_id) if term_id is not None else None
        if term is None:
            return None
        if kecamatan_id is not None:
            return self._overrides.get((term.id, kecamatan_id), term.end_date)
        return term.end_date

    def is_overridden(self, term_id: int, kecamatan_id: int) -> bool:
        """Whether the kecamatan has its own end date in the term."""
        return (term_id, kecamatan_id) in self._overrides

    def account_end(self, account_id: int) -> date | None:
        """The effective end of the account's current term for its kecamatan."""
        return self.end.get(account_id)

    def coverage(self, term_id: int) -> tuple[int, ...]:
        """The kecamatan a term covers: its coverage rows, or (with none) every kecamatan
        not retired by the term's start."""
        if term_id in self._covered:
            return tuple(self._covered[term_id])
        term = self._terms.get(term_id)
        if term is None:
            return ()
        return tuple(
            k.id
            for k in self._kecamatan.values()
            if k.retired_at is None or k.retired_at > term.start_date
        )

    def kecamatan_name(self, kecamatan_id: int | None) -> str:
        """The kecamatan's name ('' when unknown or None)."""
        k = self._kecamatan.get(kecamatan_id) if kecamatan_id is not None else None
        return k.name if k is not None else ""

    # --- custody and people -------------------------------------------------------------
    def committee_holder(self, account_id: int) -> Custody | None:
        """The open custody period if a committee member (or an unknown person) holds it."""
        return self.committee.get(account_id)

    def person(self, person_id: int | None) -> Person | None:
        """The person with that id, if the snapshot has them."""
        return self._people.get(person_id) if person_id is not None else None

    def is_committee(self, person_id: int | None) -> bool:
        """Whether the person is a committee member (ketua, anggota, staff)."""
        p = self.person(person_id)
        return p is not None and p.role in COMMITTEE_ROLES

    # --- lifecycle --------------------------------------------------------------------
    def is_cancelled(self, account: Account) -> bool:
        """Archived without ever being activated, held or handed over."""
        return account.id in self.cancelled

    def changed_since(self, account_id: int, day: date) -> bool:
        """Whether the password changed at or after the start of ``day`` (see module doc)."""
        start = day_start(day)
        a = self._accounts.get(account_id)
        if a is not None and a.password_changed_at is not None and a.password_changed_at >= start:
            return True
        changes = self._changes.get(account_id, ())
        return bool(changes) and changes[-1] >= start

    def rotated_after(self, handover: Handover, item: HandoverItem) -> bool:
        """Whether the item's account had its password changed after that handover."""
        return item.password_changed_at is not None or self.changed_since(
            item.account_id, handover.date
        )

    @cached_property
    def change_due(self) -> Mapping[int, Handover | None]:
        """Accounts needing a password change: flagged, or not changed since their latest
        return handover; each with that return (None when only flagged)."""
        last: dict[int, tuple[Handover, HandoverItem]] = {}
        for h in self.handovers_by_date:
            if h.kind is HandoverKind.RETURN:
                for item in h.items:
                    last[item.account_id] = (h, item)
        due: dict[int, Handover | None] = {}
        for aid, (h, item) in last.items():
            if not self.rotated_after(h, item):
                due[aid] = h
        for aid, a in self._accounts.items():
            if a.needs_password_change and aid not in due:
                pair = last.get(aid)
                due[aid] = pair[0] if pair else None
        return due

    def password_change_due(self, account: Account) -> tuple[bool, Handover | None]:
        """Whether the account needs a password change, and the return that caused it."""
        due = self.change_due
        return (True, due[account.id]) if account.id in due else (False, None)

    @cached_property
    def progress(self) -> Mapping[int, tuple[int, int]]:
        """(steps done, steps in all) of each account that has a checklist."""
        checklists = self.snapshot.checklists
        if isinstance(checklists, ChecklistColumns):
            return checklists.progress()  # counted from the columns: no record is made
        return {
            aid: (len(items) - [i.done_at for i in items].count(None), len(items))
            for aid, items in checklists.items()
        }

    def display_order(self, term_id: int) -> tuple[int, ...]:
        """The term's accounts (cancelled plans left out) in list order: kecamatan name,
        platform, handle, id. Sorted once per term."""
        key = ("order", term_id)
        cached = self._orders.get(key)
        if cached is None:
            s = self.snapshot
            names = {k.id: k.name.casefold() for k in s.kecamatan.values()}
            accounts = s.accounts
            rows = []
            for aid in self.accounts_in_term.get(term_id, ()):
                if aid not in self.cancelled:
                    a = accounts[aid]
                    kec = (
                        names.get(a.kecamatan_id, "\uffff")
                        if a.kecamatan_id is not None
                        else "\uffff"
                    )
                    rows.append((kec, PLATFORM_ORDER[a.platform], a.handle.casefold(), aid))
            rows.sort()
            cached = self._orders[key] = tuple(r[3] for r in rows)
        return cached

    def checklist_progress(self, account_id: int) -> tuple[int, int]:
        """(steps done, steps in all) of the account's deactivation checklist."""
        return self.progress.get(account_id, (0, 0))

    def checklist_gap(self, account: Account) -> bool:
        """Returned with its checklist missing or unfinished, or deactivated/retained with
        some step not done."""
        if account.status not in _CHECKLIST_STATUSES:
            return False
        done, total = self.progress.get(account.id, (0, 0))
        return done < total or (total == 0 and account.status is AccountStatus.RETURNED)

    @cached_property
    def checklist_gaps(self) -> frozenset[int]:
        """The accounts for which :meth:`checklist_gap` holds."""
        return frozenset(a.id for a in self._accounts.values() if self.checklist_gap(a))

    @cached_property
    def standing_problems(self) -> Mapping[int, tuple[Problem, ...]]:
        """The problems of each account past planned that do not depend on the date."""
        s = self.snapshot
        on_record, due, personal = s.password_on_record, self.change_due, self.personal
        planned, cancelled = AccountStatus.PLANNED, self.cancelled
        out: dict[int, tuple[Problem, ...]] = {}
        for aid, a in s.accounts.items():
            if a.status is planned or aid in cancelled:
                continue
            found: list[Problem] = []
            if aid not in on_record:
                found.append(Problem.PASSWORD_MISSING)
            if aid in due:
                found.append(Problem.PASSWORD_CHANGE_DUE)
            if aid in personal:
                found.append(Problem.PERSONAL_RECOVERY)
            if aid in self.checklist_gaps:
                found.append(Problem.CHECKLIST_INCOMPLETE)
            if found:
                out[aid] = tuple(found)
        return out

    def problems(self, account: Account, today: date) -> tuple[Problem, ...]:
        """What is wrong with an account past planned at ``today`` (empty: nothing)."""
        aid = account.id
        standing = self.standing_problems.get(aid, ())
        end = self.end.get(aid)
        if end is not None and today > end and aid in self.committee:
            return (Problem.OVERDUE, *standing)
        return standing

    # --- recovery chain ---------------------------------------------------------------
    @cached_property
    def personal(self) -> Mapping[int, tuple[PersonalLink, ...]]:
        """The accounts whose recovery chain has a link to a person, with those links."""
        check = RecoveryCheck(self._people)
        out: dict[int, tuple[PersonalLink, ...]] = {}
        for aid, a in self._accounts.items():
            links = check.links(a)
            if links:
                out[aid] = links
        return out

    def personal_links(self, account: Account) -> tuple[PersonalLink, ...]:
        """The links of the account's recovery chain that point at a person."""
        return self.personal.get(account.id, ())

    # --- handovers --------------------------------------------------------------------
    @cached_property
    def _handover_places(self) -> Mapping[int, tuple[frozenset[int], frozenset[int]]]:
        get = self._accounts.get
        term_sets: dict[int, frozenset[int]] = {}
        out: dict[int, tuple[frozenset[int], frozenset[int]]] = {}
        for h in self.snapshot.handovers.values():
            listed = [a for i in h.items if (a := get(i.account_id)) is not None]
            kecs = {a.kecamatan_id for a in listed}
            if not kecs:
                for pid in (h.first_party_person_id, h.second_party_person_id):
                    p = self.person(pid)
                    if p is not None:
                        kecs.add(p.kecamatan_id)
            if h.term_id is not None:
                terms = term_sets.get(h.term_id)
                if terms is None:
                    terms = term_sets[h.term_id] = frozenset((h.term_id,))
            else:
                terms = frozenset(a.term_id for a in listed if a.term_id is not None)
            out[h.id] = (frozenset(k for k in kecs if k is not None), terms)
        return out

    def handover_kecamatan(self, handover: Handover) -> frozenset[int]:
        """The kecamatan a handover concerns: those of its accounts, else of its parties."""
        return self._handover_places[handover.id][0]

    def handover_terms(self, handover: Handover) -> frozenset[int]:
        """The terms a handover belongs to: its own, else its accounts' terms."""
        return self._handover_places[handover.id][1]


@bulk
def facts_of(snapshot: Snapshot) -> Facts:
    """The snapshot's facts, built on first use and kept with the snapshot."""
    cached = snapshot._cache.get(_CACHE_KEY)
    if isinstance(cached, Facts):
        return cached
    facts = Facts(snapshot)
    snapshot._cache[_CACHE_KEY] = facts
    return facts


@bulk
def prepare(snapshot: Snapshot) -> Facts:
    """Build every index of the snapshot now rather than on first use.

    Call it where the snapshot is loaded (a worker thread), so that the first term-end
    status, matrix or review on the GUI thread does not pay for it (about 0.3 s at
    50,000 accounts).

    Args:
        snapshot: the records.

    Returns:
        The snapshot's facts, complete.
    """
    f = facts_of(snapshot)
    for term_id in snapshot.terms:
        f.display_order(term_id)
    for index in ("change_due", "progress", "personal", "checklist_gaps", "standing_problems"):
        getattr(f, index)
    getattr(f, "_handover_places")  # noqa: B009 - a cached property, computed for its effect
    return f
