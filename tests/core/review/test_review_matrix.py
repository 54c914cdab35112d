"""The completeness matrix: one cell per kecamatan and column."""

from __future__ import annotations

from datetime import date

import pytest
from review_world import END, ISSUED, World, buol, close_out

from brankas.core.domain.enums import AccountStatus, HandoverKind, Owner, PersonRole, Platform
from brankas.core.errors import NotFound
from brankas.core.review.matrix import BAST, CellState, Problem, completeness_matrix

DAY = date(2025, 2, 5)  # Biau has ended, Bokat (extended) has not


def _row(matrix: object, kid: int) -> object:
    return next(r for r in matrix.rows if r.kecamatan_id == kid)  # type: ignore[attr-defined]


def test_columns_and_rows() -> None:
    b = buol()
    m = completeness_matrix(b.world.snapshot(), b.term, DAY)
    assert m.columns == ("instagram", "facebook_page", "x", "email", "phone", BAST)
    assert m.required == {"instagram", "facebook_page", "x"}
    assert [r.kecamatan_name for r in m.rows] == ["Biau", "Bokat"]


def test_cells_missing_planned_ok_problem() -> None:
    w = World()
    kec = w.kec("Lakea")
    term = w.term(kecamatan=(kec,))
    ketua = w.person("Ketua Lakea (fiktif)", PersonRole.KETUA, kec, term)
    ig = w.account(Platform.INSTAGRAM, "lakea.ig", kec, term)
    fb = w.account(Platform.FACEBOOK_PAGE, "lakea.fb", kec, term, password=False)
    w.account(
        Platform.EMAIL, "lakea@buolkab.bawaslu.go.id", kec, term, status=AccountStatus.PLANNED
    )
    w.handover(HandoverKind.ISSUE, ISSUED, (ig, fb), committee=ketua, term=term)
    row = _row(completeness_matrix(w.snapshot(), term, date(2024, 6, 1)), kec)
    cells = row.cells  # type: ignore[attr-defined]
    assert cells["instagram"].state is CellState.OK and cells["instagram"].account_ids == (ig,)
    assert cells["facebook_page"].state is CellState.PROBLEM
    assert cells["facebook_page"].problem_account_ids == (fb,)
    assert cells["facebook_page"].problems == (Problem.PASSWORD_MISSING,)
    assert cells["x"].state is CellState.MISSING and cells["x"].account_ids == ()
    assert cells["email"].state is CellState.PLANNED
    assert cells["phone"].state is CellState.MISSING
    assert cells[BAST].state is CellState.OK and len(cells[BAST].handover_ids) == 1
    assert row.complete is False  # type: ignore[attr-defined]


def test_overdue_accounts_make_problem_cells_only_where_the_term_ended() -> None:
    b = buol()
    m = completeness_matrix(b.world.snapshot(), b.term, DAY)
    biau, bokat = _row(m, b.biau), _row(m, b.bokat)
    assert biau.cells["instagram"].problems == (Problem.OVERDUE,)  # type: ignore[attr-defined]
    assert bokat.cells["instagram"].state is CellState.OK  # type: ignore[attr-defined]
    assert bokat.complete and not biau.complete  # type: ignore[attr-defined]
    assert m.totals["instagram"][CellState.PROBLEM] == 1
    assert m.totals["instagram"][CellState.OK] == 1
    assert m.totals["phone"][CellState.MISSING] == 2


def test_a_closed_out_kecamatan_is_ok_again() -> None:
    b = buol()
    close_out(b, b.biau)
    m = completeness_matrix(b.world.snapshot(), b.term, DAY)
    assert _row(m, b.biau).complete  # type: ignore[attr-defined]


def test_each_account_problem_shows() -> None:
    b = buol()
    w = b.world
    ig, fb, x = (
        b.biau_accounts[p] for p in (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
    )
    w.handover(HandoverKind.RETURN, END, (ig, fb, x), committee=b.ketua_biau, term=b.term)
    w.update(ig, status=AccountStatus.RETURNED)  # not rotated, no checklist
    w.update(fb, status=AccountStatus.DEACTIVATED, recovery_email_owner=Owner.PERSON)
    w.checklist(fb, done=6, total=6)
    w.change_password(fb, w.handovers[-1].created_at)
    w.update(x, status=AccountStatus.DEACTIVATED)
    w.checklist(x, done=6, total=6)
    w.change_password(x, w.handovers[-1].created_at)
    row = _row(completeness_matrix(w.snapshot(), b.term, DAY), b.biau)
    cells = row.cells  # type: ignore[attr-defined]
    assert cells["instagram"].problems == (
        Problem.PASSWORD_CHANGE_DUE,
        Problem.CHECKLIST_INCOMPLETE,
    )
    assert cells["facebook_page"].problems == (Problem.PERSONAL_RECOVERY,)
    assert cells["x"].state is CellState.OK


def test_bast_cell() -> None:
    w = World()
    issued, unnumbered, planned, nothing = (w.kec(n) for n in ("Biau", "Bokat", "Bukal", "Gadung"))
    term = w.term(kecamatan=(issued, unnumbered, planned, nothing))
    ketua = w.person("Ketua (fiktif)", PersonRole.KETUA, issued, term)
    a = w.account(Platform.INSTAGRAM, "biau", issued, term)
    b = w.account(Platform.INSTAGRAM, "bokat", unnumbered, term)
    w.account(Platform.INSTAGRAM, "bukal", planned, term, status=AccountStatus.PLANNED)
    w.account(Platform.INSTAGRAM, "gadung", nothing, term)  # active, but no BAST
    w.handover(HandoverKind.ISSUE, ISSUED, (a,), committee=ketua, term=term)
    w.handover(HandoverKind.ISSUE, ISSUED, (b,), committee=ketua, term=term, number=" ")
    w.handover(HandoverKind.RETURN, END, (a,), committee=ketua, term=term)  # not an issue
    m = completeness_matrix(w.snapshot(), term, DAY)
    states = {r.kecamatan_name: r.cells[BAST] for r in m.rows}
    assert states["Biau"].state is CellState.OK
    assert states["Bokat"].state is CellState.PROBLEM
    assert states["Bokat"].problems == (Problem.BAST_NUMBER_MISSING,)
    assert states["Bukal"].state is CellState.PLANNED
    assert states["Gadung"].state is CellState.MISSING


def test_an_issue_in_another_term_is_not_this_terms_bast() -> None:
    b = buol()
    other = b.world.term("Pemilu 2029", date(2027, 10, 1), date(2029, 4, 30), kecamatan=(b.biau,))
    m = completeness_matrix(b.world.snapshot(), other, DAY)
    assert m.rows[0].cells[BAST].state is CellState.MISSING


def test_required_platforms_are_configurable() -> None:
    b = buol((Platform.INSTAGRAM, Platform.TIKTOK))
    snapshot = b.world.snapshot()
    m = completeness_matrix(snapshot, b.term, date(2024, 6, 1), required=(Platform.TIKTOK,))
    assert m.columns == ("instagram", "facebook_page", "x", "tiktok", "email", "phone", BAST)
    assert m.required == {"tiktok"}
    assert all(r.complete for r in m.rows)
    default = completeness_matrix(snapshot, b.term, date(2024, 6, 1))
    assert not any(r.complete for r in default.rows)  # no Facebook Page, no X


def test_kecamatan_with_accounts_outside_the_coverage_still_get_a_row() -> None:
    b = buol()
    stray = b.world.kec("Tiloan")
    b.world.account(Platform.INSTAGRAM, "tiloan", stray, b.term)
    m = completeness_matrix(b.world.snapshot(), b.term, DAY)
    assert [r.kecamatan_name for r in m.rows] == ["Biau", "Bokat", "Tiloan"]


def test_an_unknown_term_is_not_found() -> None:
    with pytest.raises(NotFound):
        completeness_matrix(buol().world.snapshot(), 404, DAY)
