"""The completeness matrix of a term: kecamatan × (Instagram, Facebook Page, X, e-mail, phone, BAST)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from brankas.core.domain.enums import AccountStatus, HandoverKind, Platform
from brankas.core.domain.models import Account
from brankas.core.errors import NotFound
from brankas.core.review._memory import bulk
from brankas.core.review._rows import builder
from brankas.core.review.facts import Facts, Problem, facts_of
from brankas.core.review.snapshot import Snapshot

BAST: Final = "bast"  # the column of issue handovers; the others are Platform values
DEFAULT_REQUIRED: Final = frozenset({Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X})
_BASE_COLUMNS: Final = (
    Platform.INSTAGRAM,
    Platform.FACEBOOK_PAGE,
    Platform.X,
    Platform.EMAIL,
    Platform.PHONE,
)
_ISSUES: Final = frozenset({HandoverKind.ISSUE, HandoverKind.NEXT_COMMITTEE})


class CellState(StrEnum):
    MISSING = "missing"  # nothing recorded
    PLANNED = "planned"  # only planned accounts (or, for BAST, nothing issued yet)
    OK = "ok"
    PROBLEM = "problem"  # see problem_account_ids / handover_ids


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell:
    """One kecamatan's state for one column."""

    state: CellState
    account_ids: tuple[int, ...] = ()  # the accounts in the cell (platform columns)
    problem_account_ids: tuple[int, ...] = ()
    problems: tuple[Problem, ...] = ()  # every distinct problem found, in enum order
    handover_ids: tuple[int, ...] = ()  # the issue handovers (BAST column)


@dataclass(frozen=True, slots=True, kw_only=True)
class MatrixRow:
    kecamatan_id: int
    kecamatan_name: str
    cells: Mapping[str, Cell]  # column -> cell
    complete: bool  # every required column and BAST is ok


@dataclass(frozen=True, slots=True, kw_only=True)
class Matrix:
    """Rows in kecamatan-name order; ``columns`` are Platform values then ``"bast"``."""

    term_id: int
    today: date
    columns: tuple[str, ...]
    required: frozenset[str]  # the required platform columns (BAST is always expected)
    rows: tuple[MatrixRow, ...]
    totals: Mapping[str, Mapping[CellState, int]]  # column -> state -> kecamatan count


def account_problems(f: Facts, account: Account, today: date) -> tuple[Problem, ...]:
    """What is wrong with one account past planned at ``today`` (empty: nothing): overdue,
    no password on record, password change due, personal recovery link, unfinished
    checklist (definitions: :mod:`brankas.core.review.facts`)."""
    return f.problems(account, today)


def accounts_by_cell(f: Facts, term_id: int) -> dict[tuple[int, Platform], list[Account]]:
    """The term's accounts (cancelled plans left out) by (kecamatan id, platform), each
    cell in list order."""
    accounts = f.snapshot.accounts
    cells: dict[tuple[int, Platform], list[Account]] = defaultdict(list)
    for aid in f.display_order(term_id):
        a = accounts[aid]
        if a.kecamatan_id is not None:
            cells[a.kecamatan_id, a.platform].append(a)
    return cells


_MISSING: Final = Cell(state=CellState.MISSING)
_BAST_PLANNED: Final = Cell(state=CellState.PLANNED)
_PROBLEM_ORDER: Final = tuple(Problem)
_PLANNED = AccountStatus.PLANNED
_CELL = builder(Cell)  # positional: state, account_ids, problem ids, problems, handovers
_ROW = builder(MatrixRow)


def _platform_cell(f: Facts, accounts: list[Account], today: date) -> Cell:
    if not accounts:
        return _MISSING
    if len(accounts) == 1:  # the usual case: one account per platform and kecamatan
        a = accounts[0]
        one = (a.id,)
        if a.status is _PLANNED:
            return _CELL(CellState.PLANNED, one, (), (), ())
        found = f.problems(a, today)  # already in Problem order
        if found:
            return _CELL(CellState.PROBLEM, one, one, found, ())
        return _CELL(CellState.OK, one, (), (), ())
    ids = tuple([a.id for a in accounts])
    bad_ids: list[int] = []
    seen: set[Problem] = set()
    live = False
    problems = f.problems
    for a in accounts:
        if a.status is not _PLANNED:
            live = True
            found = problems(a, today)
            if found:
                bad_ids.append(a.id)
                seen.update(found)
    if not live:
        return _CELL(CellState.PLANNED, ids, (), (), ())
    if not bad_ids:
        return _CELL(CellState.OK, ids, (), (), ())
    order = tuple(p for p in _PROBLEM_ORDER if p in seen)
    return _CELL(CellState.PROBLEM, ids, tuple(bad_ids), order, ())


@bulk
def completeness_matrix(
    snapshot: Snapshot,
    term_id: int,
    today: date,
    *,
    required: Collection[Platform] = DEFAULT_REQUIRED,
) -> Matrix:
    """Kecamatan × platform and BAST cells for one term.

    A platform cell lists the term's accounts of that platform in the kecamatan:
    missing (none), planned (only planned ones), problem (some account is overdue, has no
    password on record, needs a password change, has a personal recovery link, or has an
    unfinished checklist: see :func:`account_problems`), else ok. The BAST cell is ok
    when an issue (or next-committee) handover of the term lists an account of the
    kecamatan, problem when such a handover has no BAST number, planned when nothing was
    issued and the kecamatan has only planned accounts, else missing. Rows are the
    kecamatan the term covers plus any other kecamatan with accounts in it.

    Args:
        snapshot: the records.
        term_id: the term.
        today: the date problems are judged at.
        required: the platforms every kecamatan must have; platforms required beyond
            the five standard columns get a column of their own.

    Returns:
        The matrix.

    Raises:
        NotFound: the snapshot has no such term.
    """
    if term_id not in snapshot.terms:
        raise NotFound(f"no term {term_id}")
    f = facts_of(snapshot)
    platforms = list(_BASE_COLUMNS)
    platforms[3:3] = [p for p in Platform if p in required and p not in _BASE_COLUMNS]
    columns = (*(p.value for p in platforms), BAST)
    cells = accounts_by_cell(f, term_id)
    issued: dict[int, list[int]] = defaultdict(list)
    unnumbered: set[int] = set()
    for h in snapshot.handovers.values():
        if h.kind in _ISSUES and term_id in f.handover_terms(h):
            for kid in f.handover_kecamatan(h):
                issued[kid].append(h.id)
                if not h.number.strip():
                    unnumbered.add(kid)
    live = {
        kid for (kid, _), accounts in cells.items() for a in accounts if a.status is not _PLANNED
    }
    kec_ids = {*f.coverage(term_id), *(kid for kid, _ in cells)}
    names = {k.id: k.name for k in snapshot.kecamatan.values()}
    keys = [p.value for p in platforms]
    must = [p.value for p in platforms if p in required]
    totals = {c: dict.fromkeys(CellState, 0) for c in columns}
    rows = []
    for kid in sorted(kec_ids, key=lambda k: (names.get(k, "").casefold(), k)):
        row_cells: dict[str, Cell] = {}
        for p, key in zip(platforms, keys, strict=True):
            cell = row_cells[key] = _platform_cell(f, cells.get((kid, p), []), today)
            totals[key][cell.state] += 1
        bast = row_cells[BAST] = _bast_cell(
            issued.get(kid), kid in unnumbered, kid in live, kid, cells
        )
        totals[BAST][bast.state] += 1
        complete = bast.state is CellState.OK and all(
            row_cells[k].state is CellState.OK for k in must
        )
        rows.append(_ROW(kid, names.get(kid, ""), MappingProxyType(row_cells), complete))
    return Matrix(
        term_id=term_id,
        today=today,
        columns=columns,
        required=frozenset(p.value for p in required),
        rows=tuple(rows),
        totals=MappingProxyType({c: MappingProxyType(t) for c, t in totals.items()}),
    )


def _bast_cell(
    handovers: list[int] | None,
    unnumbered: bool,
    live: bool,
    kid: int,
    cells: Mapping[tuple[int, Platform], list[Account]],
) -> Cell:
    if handovers:
        ids = tuple(sorted(set(handovers)))
        if unnumbered:
            return _CELL(CellState.PROBLEM, (), (), (Problem.BAST_NUMBER_MISSING,), ids)
        return _CELL(CellState.OK, (), (), (), ids)
    if not live and any((kid, p) in cells for p in Platform):
        return _BAST_PLANNED  # only planned accounts: nothing to issue yet
    return _MISSING
