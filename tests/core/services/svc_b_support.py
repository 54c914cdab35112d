"""Helpers for the part-B service tests (custody, handover, checklist, continuation, demo).

Each test module defines its own ``clock`` and ``ctx`` fixtures with :class:`Clock` and
:func:`new_ctx` (fixtures imported from a helper module would shadow each other).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from brankas.core.domain.enums import Election, HandoverKind, LifecycleKind, Platform
from brankas.core.domain.models import Account, Handover, Kecamatan, Person, Term
from brankas.core.services import accounts, handover, office, people, secrets, terms
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover_wizard import HandoverDraft
from brankas.core.vault.vault import Vault

MakeVault = Callable[..., tuple[Vault, str]]

# 10:00 WIB on 10 May 2024: the Pilkada term below started on 1 May.
START = datetime(2024, 5, 10, 3, 0, tzinfo=UTC)
TERM_START = date(2024, 5, 1)
TERM_END = date(2025, 1, 27)

# Every table a domain operation may write (for "nothing half-written").
TABLES = (
    "kecamatan",
    "term",
    "term_kecamatan",
    "person",
    "account",
    "account_secret",
    "password_history",
    "handover",
    "handover_witness",
    "handover_item",
    "custody",
    "checklist_template",
    "checklist_text",
    "checklist_item",
    "attachment",
    "settings",
    "audit_event",
)


class Clock:
    """A settable clock for ServiceContext."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def set_day(self, day: date, hour_wib: int = 10) -> datetime:
        """Move to ``hour_wib`` o'clock (WIB) on ``day``."""
        self.now = datetime(day.year, day.month, day.day, hour_wib - 7, tzinfo=UTC)
        return self.now


def new_ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    """A context over a fresh vault (fast KDF) whose clock the test controls."""
    vault, _kit = make_vault()
    return ServiceContext(vault, clock=clock)


def snapshot(ctx: ServiceContext) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every domain table (to prove that a failed operation wrote nothing)."""
    return {
        t: [tuple(r) for r in ctx.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")]  # noqa: S608
        for t in TABLES
    }


def counts(ctx: ServiceContext) -> dict[str, int]:
    return {
        t: int(ctx.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # noqa: S608
        for t in TABLES
    }


def events(ctx: ServiceContext, after: int = 0) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, target, detail) of the audit events after seq ``after``."""
    return [
        (r[0], r[1], json.loads(r[2]))
        for r in ctx.conn.execute(
            "SELECT kind, target, detail_json FROM audit_event WHERE seq > ? ORDER BY seq",
            (after,),
        )
    ]


def last_seq(ctx: ServiceContext) -> int:
    return int(ctx.conn.execute("SELECT coalesce(max(seq), 0) FROM audit_event").fetchone()[0])


@dataclass
class Committee:
    kecamatan: Kecamatan
    ketua: Person
    anggota: Person
    accounts: list[Account] = field(default_factory=list)


@dataclass
class World:
    """A regency with a Pilkada term, officials and per-kecamatan committees and accounts."""

    term: Term
    official: Person  # the office's party
    head: Person  # "mengetahui"
    witness: Person
    committees: dict[str, Committee]

    def kec(self, name: str) -> Committee:
        return self.committees[name]

    def ids(self, name: str) -> tuple[int, ...]:
        return tuple(a.id for a in self.committees[name].accounts)


_PLATFORMS = (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X, Platform.EMAIL)
_HANDLES = {
    Platform.INSTAGRAM: "@panwascam.{k}.contoh",
    Platform.FACEBOOK_PAGE: "https://www.facebook.com/panwascam.{k}.contoh",
    Platform.X: "@pwc_{k}",
    Platform.EMAIL: "panwascam.{k}@contoh.example.com",
}


def make_world(
    ctx: ServiceContext,
    names: Iterable[str] = ("Biau", "Bokat"),
    *,
    per_kecamatan: int = 3,
    permanent: Iterable[Platform] = (Platform.FACEBOOK_PAGE,),
) -> World:
    """Build the regency through the part-A services; accounts are planned with passwords."""
    office.update_office(ctx, code="BWS.BUOL", city="Buol")
    term = terms.add_term(
        ctx,
        election=Election.PILKADA,
        year=2024,
        start_date=TERM_START,
        end_date=TERM_END,
        sk_number="SK-01/2024",
    )
    official = people.add_person(ctx, name="Siti Pejabat Contoh", role="official")
    head = people.add_person(ctx, name="Ketua Bawaslu Contoh", role="official")
    witness = people.add_person(ctx, name="Saksi Operator Contoh", role="operator")
    keep = set(permanent)
    committees: dict[str, Committee] = {}
    for name in names:
        kec = office.add_kecamatan(ctx, name)
        terms.attach_kecamatan(ctx, term.id, [kec.id])
        ketua = people.add_person(
            ctx, name=f"Ketua {name} Contoh", role="ketua", kecamatan_id=kec.id, term_id=term.id
        )
        anggota = people.add_person(
            ctx, name=f"Anggota {name} Contoh", role="anggota", kecamatan_id=kec.id, term_id=term.id
        )
        c = Committee(kec, ketua, anggota)
        slug = name.lower().replace(" ", "")
        for platform in _PLATFORMS[:per_kecamatan]:
            kind = LifecycleKind.PERMANENT if platform in keep else LifecycleKind.AD_HOC
            a = accounts.create_account(
                ctx,
                platform=platform,
                handle=_HANDLES[platform].format(k=slug[:10] if platform is Platform.X else slug),
                kecamatan_id=kec.id,
                term_id=term.id,
                lifecycle_kind=kind,
            ).account
            secrets.set_password(ctx, a.id, f"Contoh-{slug}-{platform.value}-1", reason="initial")
            c.accounts.append(accounts.get_account(ctx, a.id))
        committees[name] = c
    return World(term, official, head, witness, committees)


def draft(
    world: World,
    name: str,
    kind: HandoverKind = HandoverKind.ISSUE,
    *,
    on: date = date(2024, 5, 10),
    account_ids: Iterable[int] | None = None,
    **kw: Any,
) -> HandoverDraft:
    c = world.kec(name)
    office_side, committee_side = world.official.id, c.ketua.id
    first, second = (
        (committee_side, office_side)
        if kind is HandoverKind.RETURN
        else (office_side, committee_side)
    )
    args: dict[str, Any] = {
        "kind": kind,
        "term_id": world.term.id,
        "first_party_id": first,
        "second_party_id": second,
        "account_ids": tuple(world.ids(name) if account_ids is None else account_ids),
        "on": on,
        "witness_ids": (world.witness.id,),
        "mengetahui_id": world.head.id,
    }
    args.update(kw)
    return HandoverDraft(**args)


def issue(ctx: ServiceContext, world: World, name: str, **kw: Any) -> Handover:
    return handover.record_handover(ctx, draft(world, name, HandoverKind.ISSUE, **kw))


def give_back(ctx: ServiceContext, world: World, name: str, **kw: Any) -> Handover:
    kw.setdefault("on", TERM_END)
    return handover.record_handover(ctx, draft(world, name, HandoverKind.RETURN, **kw))
