"""Terms (masa tugas), the kecamatan each covers, and per-kecamatan end dates."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any, Final

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import AccountStatus, Election
from brankas.core.domain.models import Term, TermKecamatanEnd
from brankas.core.errors import Conflict, DomainConflict, InvalidValue
from brankas.core.services import _fields as f
from brankas.core.services._fields import UNSET, Unset
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import term as repo

YEARS: Final = range(1999, 2101)
# Accounts whose period still follows the term when its dates move (history stays put).
_FOLLOWING: Final = frozenset({AccountStatus.PLANNED, AccountStatus.ACTIVE})
_ELECTION_NAMES: Final = {Election.PEMILU: "Pemilu", Election.PILKADA: "Pilkada"}


def _check(t: Term) -> Term:
    election = f.enum_value(Election, t.election, "election")
    if not isinstance(t.year, int) or isinstance(t.year, bool) or t.year not in YEARS:
        raise InvalidValue("the year is out of range", field="year", code="year_out_of_range")
    start = f.a_date(t.start_date, "start_date")
    end = f.a_date(t.end_date, "end_date")
    if end < start:
        raise InvalidValue(
            "the term ends before it starts", field="end_date", code="term_end_before_start"
        )
    name = f.text(t.name, "name", max_len=120) or f"{_ELECTION_NAMES[election]} {t.year}"
    return dataclasses.replace(
        t,
        name=name,
        election=election,
        sk_number=f.text(t.sk_number, "sk_number", max_len=120),
        sk_date=f.opt_date(t.sk_date, "sk_date"),
        start_date=start,
        end_date=end,
    )


def get_term(ctx: ServiceContext, term_id: int) -> Term:
    """One term.

    Raises:
        NotFound: no such term.
    """
    return repo.get_term(ctx.conn, term_id)


def list_terms(ctx: ServiceContext) -> list[Term]:
    """All terms, newest start first."""
    return repo.list_terms(ctx.conn)


def add_term(
    ctx: ServiceContext,
    *,
    election: Election | str,
    year: int,
    start_date: date,
    end_date: date,
    name: str = "",
    sk_number: str = "",
    sk_date: date | None = None,
) -> Term:
    """Add a term.

    Args:
        ctx: the service context.
        election: pemilu or pilkada.
        year: the election year (1999-2100).
        start_date, end_date: the masa tugas; ``end_date >= start_date``.
        name: defaults to "Pemilu <year>" / "Pilkada <year>".
        sk_number, sk_date: the decree that formed the committees.

    Returns:
        The stored term.

    Raises:
        InvalidValue: field = the argument's name; codes ``value_not_allowed``,
            ``year_out_of_range``, ``date_invalid``, ``term_end_before_start``, ``value_*``.
    """
    draft = Term(
        name=name,
        election=election,  # type: ignore[arg-type]  # checked by _check
        year=year,
        sk_number=sk_number,
        sk_date=sk_date,
        start_date=start_date,
        end_date=end_date,
    )
    term = _check(draft)
    with ctx.tx() as conn:
        term = repo.add_term(conn, term)
        ctx.audit(AuditKind.CREATE, f.target("term", term.id), {"name": term.name})
    return term


def update_term(
    ctx: ServiceContext,
    term_id: int,
    *,
    name: str | Unset = UNSET,
    election: Election | str | Unset = UNSET,
    year: int | Unset = UNSET,
    sk_number: str | Unset = UNSET,
    sk_date: date | Unset | None = UNSET,
    start_date: date | Unset = UNSET,
    end_date: date | Unset = UNSET,
) -> Term:
    """Change a term's fields; arguments left out stay as they are.

    Planned and active accounts of the term whose active period still equals the old
    default (term start; the kecamatan's effective end) move with the new dates.

    Raises:
        NotFound: no such term.
        InvalidValue: as for :func:`add_term`; field ``start_date``, code
            ``term_override_before_start`` when a kecamatan's end would fall before it.
    """
    given: dict[str, Any] = {
        k: v
        for k, v in {
            "name": name,
            "election": election,
            "year": year,
            "sk_number": sk_number,
            "sk_date": sk_date,
            "start_date": start_date,
            "end_date": end_date,
        }.items()
        if not isinstance(v, Unset)
    }
    with ctx.tx() as conn:
        old = repo.get_term(conn, term_id)
        new = _check(dataclasses.replace(old, **given))
        links = repo.list_term_kecamatan(conn, term_id)
        for link in links:
            if link.end_date is not None and link.end_date < new.start_date:
                raise InvalidValue(
                    "a kecamatan's end date would fall before the new start",
                    field="start_date",
                    code="term_override_before_start",
                )
        changed = [
            fl.name
            for fl in dataclasses.fields(new)
            if getattr(old, fl.name) != getattr(new, fl.name)
        ]
        if changed:
            repo.update_term(conn, new)
            moved = _follow(ctx, old, links, new, links)
            detail: dict[str, Any] = {"fields": changed}
            if moved:
                detail["accounts_following"] = moved
            ctx.audit(AuditKind.CHANGE, f.target("term", new.id), detail)
    return new


def _follow(
    ctx: ServiceContext,
    old: Term,
    old_links: list[TermKecamatanEnd],
    new: Term,
    new_links: list[TermKecamatanEnd],
) -> list[int]:
    """Move the defaulted periods of the term's current accounts; returns their ids."""
    old_end = {link.kecamatan_id: link.effective_end(old) for link in old_links}
    new_end = {link.kecamatan_id: link.effective_end(new) for link in new_links}
    moved: list[int] = []
    for acc in account_repo.list_accounts(ctx.conn, term_id=old.id):
        if acc.status not in _FOLLOWING:
            continue
        kec = acc.kecamatan_id
        was_end = old_end.get(kec, old.end_date) if kec is not None else old.end_date
        now_end = new_end.get(kec, new.end_date) if kec is not None else new.end_date
        upd = acc
        if acc.active_from == old.start_date:
            upd = dataclasses.replace(upd, active_from=new.start_date)
        if acc.active_until == was_end:
            upd = dataclasses.replace(upd, active_until=now_end)
        if upd != acc:
            account_repo.update_account(ctx.conn, upd, now=ctx.now())
            moved.append(acc.id)
    return moved


def delete_term(ctx: ServiceContext, term_id: int) -> None:
    """Delete a term nothing uses (no accounts, people or handovers).

    Raises:
        NotFound: no such term.
        DomainConflict: field ``term_id``, code ``term_in_use``.
    """
    with ctx.tx() as conn:
        old = repo.get_term(conn, term_id)
        try:
            repo.delete_term(conn, term_id)
        except Conflict:
            raise DomainConflict(
                "accounts, people or handovers belong to the term",
                field="term_id",
                code="term_in_use",
            ) from None
        ctx.audit(AuditKind.DELETE, f.target("term", term_id), {"name": old.name})


# --- kecamatan of a term ------------------------------------------------------------------
def list_term_kecamatan(ctx: ServiceContext, term_id: int) -> list[TermKecamatanEnd]:
    """The kecamatan a term covers, with their end overrides, by kecamatan id."""
    return repo.list_term_kecamatan(ctx.conn, term_id)


def _link(ctx: ServiceContext, term_id: int, kecamatan_id: int) -> TermKecamatanEnd | None:
    row = ctx.conn.execute(
        "SELECT end_date, note FROM term_kecamatan WHERE term_id = ? AND kecamatan_id = ?",
        (term_id, kecamatan_id),
    ).fetchone()
    if row is None:
        return None
    end = None if row[0] is None else date.fromisoformat(row[0])
    return TermKecamatanEnd(term_id=term_id, kecamatan_id=kecamatan_id, end_date=end, note=row[1])


def attach_kecamatan(
    ctx: ServiceContext, term_id: int, kecamatan_ids: int | Iterable[int]
) -> list[TermKecamatanEnd]:
    """Add kecamatan to a term (those already in it keep their override).

    Returns:
        The links of the given kecamatan, in the order given.

    Raises:
        NotFound: no such term.
        InvalidValue: field ``kecamatan_id``, code ``kecamatan_not_found``.
    """
    ids = [kecamatan_ids] if isinstance(kecamatan_ids, int) else list(dict.fromkeys(kecamatan_ids))
    out: list[TermKecamatanEnd] = []
    added: list[int] = []
    with ctx.tx() as conn:
        repo.get_term(conn, term_id)
        for kec_id in ids:
            f.exists(conn, "kecamatan", kec_id, "kecamatan_id", "kecamatan_not_found")
            link = _link(ctx, term_id, kec_id)
            if link is None:
                link = TermKecamatanEnd(term_id=term_id, kecamatan_id=kec_id)
                repo.set_term_kecamatan(conn, link)
                added.append(kec_id)
            out.append(link)
        if added:
            ctx.audit(AuditKind.CHANGE, f.target("term", term_id), {"kecamatan_added": added})
    return out


def detach_kecamatan(ctx: ServiceContext, term_id: int, kecamatan_id: int) -> None:
    """Take a kecamatan out of a term that none of its accounts or people use.

    Raises:
        NotFound: the kecamatan is not in the term.
        DomainConflict: field ``kecamatan_id``, code ``term_kecamatan_in_use``.
    """
    with ctx.tx() as conn:
        for table in ("account", "person"):
            used = conn.execute(
                f"SELECT 1 FROM {table} WHERE term_id = ? AND kecamatan_id = ? LIMIT 1",  # noqa: S608
                (term_id, kecamatan_id),
            ).fetchone()
            if used is not None:
                raise DomainConflict(
                    "accounts or people of the term belong to this kecamatan",
                    field="kecamatan_id",
                    code="term_kecamatan_in_use",
                )
        repo.remove_term_kecamatan(conn, term_id, kecamatan_id)
        ctx.audit(
            AuditKind.CHANGE, f.target("term", term_id), {"kecamatan_removed": [kecamatan_id]}
        )


def set_kecamatan_end(
    ctx: ServiceContext, term_id: int, kecamatan_id: int, end_date: date | None, *, note: str = ""
) -> TermKecamatanEnd:
    """Give one kecamatan its own term end (e.g. extended by a Constitutional-Court dispute).

    The kecamatan is added to the term if it was not in it. An end equal to the term's
    is stored as no override. Planned and active accounts of that kecamatan whose active
    period ended on the old effective end move to the new one.

    Args:
        ctx: the service context.
        term_id, kecamatan_id: which link.
        end_date: the kecamatan's own end, or None to follow the term again.
        note: why it differs (kept with the link).

    Returns:
        The stored link.

    Raises:
        NotFound: no such term.
        InvalidValue: field ``end_date`` (``date_invalid``, ``term_end_before_start``),
            ``kecamatan_id`` (``kecamatan_not_found``), ``note`` (``value_*``).
    """
    clean_note = f.text(note, "note", max_len=300)
    end = f.opt_date(end_date, "end_date")
    with ctx.tx() as conn:
        term = repo.get_term(conn, term_id)
        f.exists(conn, "kecamatan", kecamatan_id, "kecamatan_id", "kecamatan_not_found")
        if end is not None and end < term.start_date:
            raise InvalidValue(
                "the kecamatan's term ends before the term starts",
                field="end_date",
                code="term_end_before_start",
            )
        if end == term.end_date:
            end = None
        old = _link(ctx, term_id, kecamatan_id)
        new = TermKecamatanEnd(
            term_id=term_id, kecamatan_id=kecamatan_id, end_date=end, note=clean_note
        )
        if new != old:
            repo.set_term_kecamatan(conn, new)
            moved = _follow(ctx, term, [old] if old else [], term, [new])
            detail: dict[str, Any] = {
                "kecamatan_id": kecamatan_id,
                "end_date": None if end is None else end.isoformat(),
                "note": clean_note,
            }
            if moved:
                detail["accounts_following"] = moved
            ctx.audit(AuditKind.CHANGE, f.target("term", term_id), detail)
    return new


def effective_end(ctx: ServiceContext, term_id: int, kecamatan_id: int | None) -> date:
    """The day a term ends for one kecamatan (its override, else the term's end).

    A kecamatan not linked to the term (or None) gets the term's end.

    Raises:
        NotFound: no such term.
    """
    term = repo.get_term(ctx.conn, term_id)
    link = None if kecamatan_id is None else _link(ctx, term_id, kecamatan_id)
    return term.end_date if link is None else link.effective_end(term)
