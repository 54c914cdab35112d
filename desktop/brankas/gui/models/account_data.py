"""What the Accounts page lists, read in the worker from one snapshot (never a secret)."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from types import MappingProxyType

from brankas.core.domain.enums import AccountStatus, HandoverKind, Platform
from brankas.core.domain.models import Custody, Handover, HandoverItem, Kecamatan, Person, Term
from brankas.core.review.facts import facts_of
from brankas.core.review.labels import PLATFORM_ORDER
from brankas.core.review.search import SearchIndex
from brankas.core.review.snapshot import Snapshot, freeze
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import office as office_repo
from brankas.core.storage.repos import person as person_repo
from brankas.core.storage.repos import term as term_repo
from brankas.core.storage.repos.account import ACCOUNT_SELECT
from brankas.core.storage.repos.account import account_from_row as account_row

WIB = timezone(timedelta(hours=7))


@dataclass(frozen=True, slots=True)
class AccountRow:
    """What one row of the list shows about an account: a slim copy of the record (the
    full record, some 30 fields with their datetimes, is read for the detail panel)."""

    id: int
    platform: Platform
    handle: str
    display_name: str
    url: str
    kecamatan_id: int | None
    status: AccountStatus
    password_changed: date | None  # the office's calendar day


@dataclass(frozen=True, slots=True)
class AccountsData:
    """Every account with what its row shows, the filters' choices and the search index."""

    accounts: Mapping[int, AccountRow] = field(default_factory=dict)
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
    version: int = -1  # data_version() when read

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


_HELD_SQL = (
    "SELECT id, account_id, holder_person_id, from_at, handover_id FROM custody"
    " WHERE until_at IS NULL AND holder_person_id IS NOT NULL"
)
_RETURNS_SQL = (
    # Issue handovers change nothing the list shows; returns (password change due) and
    # next-committee handovers (an account's current term) do.
    "SELECT id, number, kind, date, term_id, first_party_person_id, second_party_person_id"
    " FROM handover WHERE kind != 'issue'"
)
_ITEMS_SQL = (
    "SELECT i.handover_id, i.account_id, i.password_changed_at FROM handover_item i"
    " JOIN handover h ON h.id = i.handover_id WHERE h.kind != 'issue'"
    " ORDER BY i.handover_id, i.position"
)


def _handovers(conn: Connection) -> dict[int, Handover]:
    items: dict[int, list[HandoverItem]] = {}
    for hid, aid, changed in conn.execute(_ITEMS_SQL):
        at = datetime.fromisoformat(changed) if changed else None
        items.setdefault(hid, []).append(
            HandoverItem(handover_id=hid, account_id=aid, password_changed_at=at)
        )
    return {
        r[0]: Handover(
            id=r[0],
            number=r[1],
            kind=HandoverKind(r[2]),
            date=date.fromisoformat(r[3]),
            term_id=r[4],
            first_party_person_id=r[5],
            second_party_person_id=r[6],
            items=tuple(items.get(r[0], ())),
        )
        for r in conn.execute(_RETURNS_SQL)
    }


def list_snapshot(conn: Connection) -> Snapshot:
    """The part of a review snapshot the list needs, in one read transaction.

    ``load_snapshot`` also reads every checklist item, Page roster and attachment, which
    the list does not show: at 50,000 accounts that is most of a 1.5 s load. Open custody
    periods only, return and next-committee handovers only, and each account's latest
    password change are enough for the holder, term, search and "change due" facts.
    """
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        # Row by row rather than list_accounts' fetchall: at 50,000 rows the fetched list
        # alone is ~35 MiB that would sit next to the records being built.
        accounts = {r[0]: account_row(r) for r in conn.execute(f"{ACCOUNT_SELECT} ORDER BY id")}
        # Only open periods with a person: the office holding an account shows as "Office"
        # and counts as no holder for every fact the list uses.
        custody = {
            r[1]: (
                Custody(
                    id=r[0],
                    account_id=r[1],
                    holder_person_id=r[2],
                    from_at=datetime.fromisoformat(r[3]),
                    handover_id=r[4],
                ),
            )
            for r in conn.execute(_HELD_SQL)
        }
        changes = {
            aid: (datetime.fromisoformat(at),)
            for aid, at in conn.execute(
                "SELECT account_id, max(changed_at) FROM password_history GROUP BY account_id"
            )
        }
        snapshot = Snapshot(
            kecamatan=freeze({k.id: k for k in office_repo.list_kecamatan(conn)}),
            terms=freeze({t.id: t for t in term_repo.list_terms(conn)}),
            term_kecamatan=MappingProxyType(
                {(c.term_id, c.kecamatan_id): c for c in term_repo.list_term_kecamatan(conn)}
            ),
            people=freeze({p.id: p for p in person_repo.list_people(conn)}),
            accounts=freeze(accounts),
            password_changes=MappingProxyType(changes),
            custody=MappingProxyType(custody),
            handovers=freeze(_handovers(conn)),
        )
    finally:
        if began:
            conn.execute("COMMIT")
    return snapshot


def load_accounts(conn: Connection) -> AccountsData:
    """Read the vault's accounts for the list (in the worker: under a second at 50,000).

    Args:
        conn: the open vault connection.

    Returns:
        The accounts and what the list, filters and search need.
    """
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of new records: no collector passes meanwhile
    try:
        return _load(conn)
    finally:
        gc.freeze()  # move them out of the young generations at once (they form no cycles)
        gc.unfreeze()
        if collecting:
            gc.enable()


def data_version(conn: Connection) -> int:
    """A number that changes whenever the vault changes: every change is audited, so the
    audit log's last sequence number (reveals and copies move it too)."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM audit_event").fetchone()[0])


def _load(conn: Connection) -> AccountsData:
    version = data_version(conn)  # read first: a change meanwhile only causes a reload
    snapshot = list_snapshot(conn)
    facts = facts_of(snapshot)
    holders = {
        aid: c.holder_person_id for aid, c in facts.holder.items() if c.holder_person_id is not None
    }
    ends = {
        aid: a.active_until if a.active_until is not None else facts.end.get(aid)
        for aid, a in snapshot.accounts.items()
    }
    rows = {
        aid: AccountRow(
            aid,
            a.platform,
            a.handle,
            a.display_name,
            a.url,
            a.kecamatan_id,
            a.status,
            None if a.password_changed_at is None else a.password_changed_at.astimezone(WIB).date(),
        )
        for aid, a in snapshot.accounts.items()
    }
    return AccountsData(
        accounts=rows,
        kecamatan=snapshot.kecamatan,
        terms=snapshot.terms,
        people=snapshot.people,
        holders=holders,
        ends=ends,
        term_ends={key: tk.end_date for key, tk in snapshot.term_kecamatan.items() if tk.end_date},
        rotation_due=frozenset(facts.change_due),
        personal=frozenset(facts.personal),
        index=SearchIndex.build(snapshot),
        version=version,
    )


def platform_rank(platform: Platform) -> int:
    """Where a platform sorts (the order the completeness matrix uses)."""
    return PLATFORM_ORDER.get(platform, len(PLATFORM_ORDER))


def wib_date(moment: datetime | None) -> date | None:
    """The office's calendar day of a moment (None stays None)."""
    return moment.astimezone(WIB).date() if moment is not None else None
