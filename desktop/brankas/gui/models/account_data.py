"""What the Accounts page lists, read in the worker from one snapshot (never a secret)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.domain.models import Account, Kecamatan, Person, Term
from brankas.core.review.facts import facts_of
from brankas.core.review.labels import PLATFORM_ORDER
from brankas.core.review.load import load_snapshot
from brankas.core.review.search import SearchIndex
from brankas.core.storage.db import Connection

WIB = timezone(timedelta(hours=7))


@dataclass(frozen=True, slots=True)
class AccountsData:
    """Every account with what its row shows, the filters' choices and the search index."""

    accounts: Mapping[int, Account] = field(default_factory=dict)
    kecamatan: Mapping[int, Kecamatan] = field(default_factory=dict)
    terms: Mapping[int, Term] = field(default_factory=dict)
    people: Mapping[int, Person] = field(default_factory=dict)
    holders: Mapping[int, int] = field(default_factory=dict)  # account -> person holding it
    ends: Mapping[int, date | None] = field(default_factory=dict)  # account -> active until
    # (term, kecamatan) -> that kecamatan's own term end, where it differs from the term's
    term_ends: Mapping[tuple[int, int], date] = field(default_factory=dict)
    rotation_due: frozenset[int] = frozenset()
    personal: frozenset[int] = frozenset()  # a recovery link points at a person
    index: SearchIndex | None = None

    def kecamatan_name(self, kecamatan_id: int | None) -> str:
        """The kecamatan's name ('' when none)."""
        k = self.kecamatan.get(kecamatan_id) if kecamatan_id is not None else None
        return k.name if k is not None else ""

    def holder_name(self, account_id: int) -> str:
        """Who holds the account ('' for the office)."""
        pid = self.holders.get(account_id)
        p = self.people.get(pid) if pid is not None else None
        return p.name if p is not None else ""

    def person_name(self, person_id: int | None) -> str:
        """A person's name ('' when unknown)."""
        p = self.people.get(person_id) if person_id is not None else None
        return p.name if p is not None else ""

    def default_period(
        self, term_id: int | None, kecamatan_id: int | None
    ) -> tuple[date | None, date | None]:
        """The active period an account of this term and kecamatan gets by default."""
        term = self.terms.get(term_id) if term_id is not None else None
        if term is None:
            return None, None
        end = self.term_ends.get((term.id, kecamatan_id)) if kecamatan_id is not None else None
        return term.start_date, end or term.end_date

    def query(
        self,
        text: str,
        *,
        term_id: int | None = None,
        kecamatan_id: int | None = None,
        platform: Platform | None = None,
        status: AccountStatus | None = None,
    ) -> list[int]:
        """Account ids matching the search text and filters, ascending."""
        if self.index is None:
            return []
        return self.index.query(
            text, term_id=term_id, kecamatan_id=kecamatan_id, platform=platform, status=status
        )


def load_accounts(conn: Connection) -> AccountsData:
    """Read the vault's accounts for the list (in the worker: ~0.5 s at 50,000).

    Args:
        conn: the open vault connection.

    Returns:
        The accounts and what the list, filters and search need.
    """
    snapshot = load_snapshot(conn)
    facts = facts_of(snapshot)
    holders = {
        aid: c.holder_person_id for aid, c in facts.holder.items() if c.holder_person_id is not None
    }
    ends = {
        aid: a.active_until if a.active_until is not None else facts.end.get(aid)
        for aid, a in snapshot.accounts.items()
    }
    return AccountsData(
        accounts=snapshot.accounts,
        kecamatan=snapshot.kecamatan,
        terms=snapshot.terms,
        people=snapshot.people,
        holders=holders,
        ends=ends,
        term_ends={key: tk.end_date for key, tk in snapshot.term_kecamatan.items() if tk.end_date},
        rotation_due=frozenset(facts.change_due),
        personal=frozenset(facts.personal),
        index=SearchIndex.build(snapshot),
    )


def platform_rank(platform: Platform) -> int:
    """Where a platform sorts (the order the completeness matrix uses)."""
    return PLATFORM_ORDER.get(platform, len(PLATFORM_ORDER))


def wib_date(moment: datetime | None) -> date | None:
    """The office's calendar day of a moment (None stays None)."""
    return moment.astimezone(WIB).date() if moment is not None else None
