"""A small, plainly fictional office built in memory, for read-side tests (no database).

Kabupaten Buol's Pilkada 2024 term: 1 May 2024 to 27 January 2025, Bokat extended to
28 February 2025 (a Constitutional-Court dispute).
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, date, datetime
from typing import Any

from brankas.core.domain.enums import (
    AccountStatus,
    Election,
    HandoverKind,
    LifecycleKind,
    OfficeKind,
    Owner,
    PersonRole,
    Platform,
)
from brankas.core.domain.models import (
    Account,
    Attachment,
    ChecklistItem,
    Custody,
    Handover,
    HandoverItem,
    Kecamatan,
    Office,
    Person,
    Term,
    TermKecamatanEnd,
)
from brankas.core.review.snapshot import Snapshot, make_snapshot

START, END, EXTENDED = date(2024, 5, 1), date(2025, 1, 27), date(2025, 2, 28)
ISSUED = date(2024, 5, 10)
REQUIRED = (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)


def at(day: date, hour: int = 9) -> datetime:
    """A moment on ``day`` (UTC)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


class World:
    """Records of one office, added step by step; :meth:`snapshot` freezes them."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.office = Office(id=1, kind=OfficeKind.REGENCY, name="Bawaslu Kabupaten Buol")
        self.kecamatan: list[Kecamatan] = []
        self.terms: list[Term] = []
        self.coverage: list[TermKecamatanEnd] = []
        self.people: list[Person] = []
        self.accounts: dict[int, Account] = {}
        self.passwords: set[int] = set()
        self.changes: list[tuple[int, datetime]] = []
        self.custody: list[Custody] = []
        self.handovers: list[Handover] = []
        self.checklist_items: list[ChecklistItem] = []
        self.attachments: list[Attachment] = []
        self.official = self.person("Pejabat Contoh", PersonRole.OFFICIAL)

    def _id(self) -> int:
        return next(self._ids)

    # --- places, terms, people --------------------------------------------------------
    def kec(self, name: str) -> int:
        k = Kecamatan(id=self._id(), office_id=1, name=name)
        self.kecamatan.append(k)
        return k.id

    def term(
        self,
        name: str = "Pilkada 2024",
        start: date = START,
        end: date = END,
        kecamatan: tuple[int, ...] = (),
        overrides: dict[int, date] | None = None,
    ) -> int:
        t = Term(
            id=self._id(), name=name, election=Election.PILKADA, year=2024, start_date=start,
            end_date=end,
        )  # fmt: skip
        self.terms.append(t)
        for kid in kecamatan:
            end_date = (overrides or {}).get(kid)
            self.coverage.append(
                TermKecamatanEnd(term_id=t.id, kecamatan_id=kid, end_date=end_date)
            )
        return t.id

    def person(
        self, name: str, role: PersonRole, kec: int | None = None, term: int | None = None
    ) -> int:
        p = Person(id=self._id(), name=name, role=role, kecamatan_id=kec, term_id=term)
        self.people.append(p)
        return p.id

    # --- accounts ---------------------------------------------------------------------
    def account(
        self,
        platform: Platform,
        handle: str,
        kec: int | None,
        term: int | None,
        *,
        status: AccountStatus = AccountStatus.ACTIVE,
        password: bool = True,
        **fields: Any,
    ) -> int:
        live = status is not AccountStatus.PLANNED
        values: dict[str, Any] = {
            "lifecycle_kind": LifecycleKind.AD_HOC,
            "active_from": START,
            "active_until": END,
            "activated_at": at(ISSUED) if live else None,
            "recovery_email": "humas@buolkab.bawaslu.go.id",
            "recovery_email_owner": Owner.OFFICE,
            "twofa_device_owner": Owner.OFFICE,
        }
        values.update(fields)
        a = Account(
            id=self._id(), platform=platform, handle=handle, kecamatan_id=kec, term_id=term,
            status=status, created_at=at(START), updated_at=at(START), **values,
        )  # fmt: skip
        self.accounts[a.id] = a
        if password:
            self.passwords.add(a.id)
        return a.id

    def update(self, account_id: int, **fields: Any) -> None:
        self.accounts[account_id] = dataclasses.replace(self.accounts[account_id], **fields)

    # --- handovers and custody ----------------------------------------------------------
    def handover(
        self,
        kind: HandoverKind,
        day: date,
        accounts: tuple[int, ...],
        *,
        committee: int,
        term: int | None,
        number: str | None = None,
        rotated: bool = False,
        scan: bool = True,
    ) -> int:
        hid = self._id()
        first, second = (
            (self.official, committee)
            if kind is not HandoverKind.RETURN
            else (committee, self.official)
        )
        items = tuple(
            HandoverItem(
                handover_id=hid,
                account_id=aid,
                password_changed_at=at(day, 12) if rotated else None,
            )
            for aid in accounts
        )
        self.handovers.append(
            Handover(
                id=hid, number=f"BAST/{hid}/BUOL/2024" if number is None else number, kind=kind,
                date=day, term_id=term, first_party_person_id=first, second_party_person_id=second,
                created_at=at(day), items=items,
            )
        )  # fmt: skip
        holder = None if kind is HandoverKind.RETURN else committee
        for aid in accounts:
            self.custody = [
                dataclasses.replace(c, until_at=at(day))
                if c.account_id == aid and c.until_at is None
                else c
                for c in self.custody
            ]
            self.custody.append(
                Custody(
                    id=self._id(), account_id=aid, holder_person_id=holder, from_at=at(day),
                    handover_id=hid,
                )
            )  # fmt: skip
        if scan:
            self.attachments.append(
                Attachment(
                    id=self._id(), owner_kind="handover", owner_id=hid, filename="bast.pdf",
                    mime="application/pdf", sha256="0" * 64, size=10, added_at=at(day),
                )
            )  # fmt: skip
        return hid

    def checklist(self, account_id: int, done: int, total: int) -> None:
        for n in range(total):
            self.checklist_items.append(
                ChecklistItem(
                    id=self._id(), account_id=account_id, step_key=f"step_{n}", position=n,
                    text_id=f"Langkah {n}", text_en=f"Step {n}",
                    done_at=at(END, 10) if n < done else None,
                )
            )  # fmt: skip

    def change_password(self, account_id: int, when: datetime) -> None:
        self.changes.append((account_id, when))

    def snapshot(self) -> Snapshot:
        return make_snapshot(
            office=self.office,
            kecamatan=self.kecamatan,
            terms=self.terms,
            term_kecamatan=self.coverage,
            people=self.people,
            accounts=self.accounts.values(),
            password_on_record=self.passwords,
            password_changes=self.changes,
            custody=self.custody,
            handovers=self.handovers,
            checklist_items=self.checklist_items,
            attachments=self.attachments,
        )


@dataclasses.dataclass
class Buol:
    """Two kecamatan of one ended term, every account issued to its ketua."""

    world: World
    term: int
    biau: int
    bokat: int
    ketua_biau: int
    ketua_bokat: int
    biau_accounts: dict[Platform, int]
    bokat_accounts: dict[Platform, int]


def buol(platforms: tuple[Platform, ...] = REQUIRED) -> Buol:
    """Biau (term ends 27 Jan 2025) and Bokat (28 Feb 2025), each with ``platforms``
    accounts issued on 10 May 2024 and still held by the ketua."""
    w = World()
    biau, bokat = w.kec("Biau"), w.kec("Bokat")
    term = w.term(kecamatan=(biau, bokat), overrides={bokat: EXTENDED})
    ketua_biau = w.person("Ketua Biau (fiktif)", PersonRole.KETUA, biau, term)
    ketua_bokat = w.person("Ketua Bokat (fiktif)", PersonRole.KETUA, bokat, term)
    accounts = {}
    for kid, name, ketua in ((biau, "biau", ketua_biau), (bokat, "bokat", ketua_bokat)):
        ids = {p: w.account(p, f"panwascam.{name}.{p.value}", kid, term) for p in platforms}
        w.handover(HandoverKind.ISSUE, ISSUED, tuple(ids.values()), committee=ketua, term=term)
        accounts[kid] = ids
    return Buol(w, term, biau, bokat, ketua_biau, ketua_bokat, accounts[biau], accounts[bokat])


def close_out(b: Buol, kec: int, *, day: date = END) -> None:
    """Return every account of ``kec``, rotate, tick every checklist step, deactivate."""
    accounts = b.biau_accounts if kec == b.biau else b.bokat_accounts
    ketua = b.ketua_biau if kec == b.biau else b.ketua_bokat
    ids = tuple(accounts.values())
    b.world.handover(HandoverKind.RETURN, day, ids, committee=ketua, term=b.term, rotated=True)
    for aid in ids:
        b.world.checklist(aid, done=6, total=6)
        b.world.update(aid, status=AccountStatus.DEACTIVATED, deactivated_at=at(day, 15))
