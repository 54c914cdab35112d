"""Fixtures and helpers for the part-A service tests (office, terms, people, accounts,
secrets, transitions). Each test module defines its ``clock`` and ``ctx`` fixtures with
:class:`Clock` and :func:`new_ctx` (fixture names imported from here would shadow)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from brankas.core.domain.enums import Election, Platform
from brankas.core.domain.models import Account, Kecamatan, Person, Term
from brankas.core.services import accounts, office, people, terms
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault

MakeVault = Callable[..., tuple[Vault, str]]  # the make_vault fixture of tests/conftest.py
START = datetime(2024, 9, 1, 3, 0, tzinfo=UTC)  # 10:00 WIB

# Every table a part-A service writes, for "nothing half-written" comparisons.
TABLES = (
    "office",
    "kecamatan",
    "term",
    "term_kecamatan",
    "person",
    "account",
    "account_secret",
    "password_history",
    "handover_item",
    "page_access",
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


def new_ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    """A context over a fresh vault (fast KDF) whose clock the test controls."""
    vault, _kit = make_vault()
    return ServiceContext(vault, clock=clock)


def snapshot(ctx: ServiceContext) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the services write (to prove nothing changed)."""
    return {
        t: [tuple(r) for r in ctx.conn.execute(f"SELECT * FROM {t} ORDER BY 1")]  # noqa: S608
        for t in TABLES
    }


def audit_rows(ctx: ServiceContext) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in ctx.conn.execute(
            "SELECT seq, kind, target, detail_json FROM audit_event ORDER BY seq"
        )
    ]


def last_audit(ctx: ServiceContext) -> tuple[str, str, dict[str, Any]]:
    import json

    row = ctx.conn.execute(
        "SELECT kind, target, detail_json FROM audit_event ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return row[0], row[1], json.loads(row[2])


def audit_count(ctx: ServiceContext) -> int:
    return int(ctx.conn.execute("SELECT count(*) FROM audit_event").fetchone()[0])


def break_audit(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the next audit write fail (as a full disk or a damaged chain would)."""

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("audit write failed")

    monkeypatch.setattr(ctx.vault.audit, "record", boom)


@dataclass
class Org:
    """A small regency: two kecamatan, one term (Pilkada 2024), a ketua and an official."""

    term: Term
    biau: Kecamatan
    bokat: Kecamatan
    ketua: Person
    official: Person


def make_org(ctx: ServiceContext) -> Org:
    biau = office.add_kecamatan(ctx, "Biau")
    bokat = office.add_kecamatan(ctx, "Bokat")
    term = terms.add_term(
        ctx,
        election=Election.PILKADA,
        year=2024,
        start_date=date(2024, 5, 1),
        end_date=date(2025, 1, 27),
        sk_number="SK-01/2024",
    )
    terms.attach_kecamatan(ctx, term.id, [biau.id, bokat.id])
    ketua = people.add_person(
        ctx, name="Budi Contoh", role="ketua", kecamatan_id=biau.id, term_id=term.id
    )
    official = people.add_person(ctx, name="Siti Pejabat", role="official")
    return Org(term, biau, bokat, ketua, official)


def make_account(
    ctx: ServiceContext, org: Org, handle: str = "@panwascam.biau", **kw: Any
) -> Account:
    args: dict[str, Any] = {
        "platform": Platform.INSTAGRAM,
        "handle": handle,
        "kecamatan_id": org.biau.id,
        "term_id": org.term.id,
    }
    args.update(kw)
    return accounts.create_account(ctx, **args).account
