"""Terms page and editors on the demo vault: add and edit terms, kecamatan, own end dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import confirm, dismiss, fixed_clock, open_session, settle, start

from brankas.core.domain.enums import Election
from brankas.core.domain.models import Kecamatan, Term, TermKecamatanEnd
from brankas.core.services import terms
from brankas.core.services.context import ServiceContext
from brankas.gui.context import AppContext
from brankas.gui.dialogs.record_dialog import RecordDialog
from brankas.gui.dialogs.term_dialog import (
    AttachKecamatanDialog,
    DateField,
    KecamatanEndDialog,
    TermDialog,
)
from brankas.gui.models.terms_model import (
    KecamatanPickModel,
    TermColumn,
    TermKecamatanColumn,
    TermKecamatanModel,
    TermRow,
    TermsModel,
    default_term,
    term_kecamatan_rows,
)
from brankas.gui.pages.terms_page import TermsPage
from brankas.gui.session import Session

TODAY = date(2025, 3, 10)
PILKADA = Term(
    id=2,
    name="Pilkada 2024",
    election=Election.PILKADA,
    year=2024,
    start_date=date(2024, 5, 1),
    end_date=date(2025, 1, 27),
)
PEMILU = Term(
    id=1,
    name="Pemilu 2024",
    election=Election.PEMILU,
    year=2024,
    sk_number="SK-1",
    sk_date=date(2022, 10, 25),
    start_date=date(2022, 10, 29),
    end_date=date(2024, 4, 30),
)


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with open_session(gui_ctx, tmp_path / "demo") as s:
        yield s


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[TermsPage]:
    p = TermsPage(clock=fixed_clock(TODAY))
    qtbot.addWidget(p)
    start(qtbot, p, session)
    yield p
    p.end_session()


def _save(qtbot: QtBot, session: Session, dialog: RecordDialog) -> bool:
    """Click Save; True when the dialog closed."""
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.ok.click()
    settle(qtbot, session)
    return bool(closed)


def _set(field: DateField, day: date) -> None:
    field.edit.setDate(QDate(day.year, day.month, day.day))


def _term_names(page: TermsPage) -> list[str]:
    proxy = page.table.proxy
    return [proxy.index(r, TermColumn.NAME).data() for r in range(proxy.rowCount())]


def _kec_rows(page: TermsPage) -> dict[str, tuple[str, str, str]]:
    proxy = page.kec_table.proxy
    return {
        proxy.index(r, 0).data(): tuple(  # type: ignore[misc]
            proxy.index(r, c).data() for c in (1, 2, 3)
        )
        for r in range(proxy.rowCount())
    }


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    links = (
        TermKecamatanEnd(term_id=2, kecamatan_id=7),
        TermKecamatanEnd(term_id=2, kecamatan_id=8, end_date=date(2025, 2, 28), note="MK"),
    )
    model = TermsModel()
    qtmodeltester.check(model)
    model.set_records([TermRow(PILKADA, links), TermRow(PEMILU, ())])
    qtmodeltester.check(model)
    model.sort(TermColumn.START, Qt.SortOrder.DescendingOrder)
    assert model.index(0, TermColumn.NAME).data() == "Pilkada 2024"
    assert model.index(0, TermColumn.KECAMATAN).data() == "2 (1 with their own end)"
    assert model.index(0, TermColumn.SK_NUMBER).data() == "—"
    assert model.index(1, TermColumn.SK_DATE).data() == "25 October 2022"
    assert model.index(1, TermColumn.ELECTION).data() == "Pemilu (general election)"
    kecamatan = {
        7: Kecamatan(id=7, office_id=1, name="Lakea"),
        8: Kecamatan(id=8, office_id=1, name="Momunu"),
    }
    kec_model = TermKecamatanModel()
    qtmodeltester.check(kec_model)
    kec_model.set_records(term_kecamatan_rows(PILKADA, links, kecamatan))
    qtmodeltester.check(kec_model)
    assert kec_model.index(1, TermKecamatanColumn.END).data() == "28 February 2025"
    assert kec_model.index(1, TermKecamatanColumn.SOURCE).data() == "Yes"
    assert kec_model.index(0, TermKecamatanColumn.SOURCE).data() == "No"
    pick = KecamatanPickModel(list(kecamatan.values()))
    qtmodeltester.check(pick)
    pick.setData(pick.index(1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert pick.checked_ids() == [8]
    pick.set_all(True)
    assert pick.checked_ids() == [7, 8]


def test_default_term_is_the_running_one_else_the_newest() -> None:
    assert default_term([PEMILU, PILKADA], date(2023, 1, 1)) == PEMILU
    assert default_term([PEMILU, PILKADA], TODAY) == PILKADA  # none running: the newest
    assert default_term([], TODAY) is None


def test_the_demo_terms_and_the_kecamatan_with_their_own_end(page: TermsPage) -> None:
    assert _term_names(page) == ["Pilkada 2024", "Pemilu 2024"]  # newest first
    current = page.current()
    assert current is not None and current.term.name == "Pilkada 2024"
    assert page.kec_heading.text() == "Kecamatan of Pilkada 2024 (11)"
    rows = _kec_rows(page)
    assert rows["Momunu"][:2] == ("28 February 2025", "Yes")
    assert "Mahkamah Konstitusi" in rows["Momunu"][2]
    assert rows["Biau"] == ("27 January 2025", "No", "")


def test_add_a_term_with_indonesian_dates_then_edit_it(
    qtbot: QtBot, page: TermsPage, session: Session
) -> None:
    dialog = page.open_add()
    assert isinstance(dialog, TermDialog)
    dialog.election.setCurrentIndex(dialog.election.findData("pilkada"))
    dialog.year.setValue(2029)
    assert dialog.name.placeholderText() == "Pilkada 2029"
    dialog.sk_number.setText("SK-CONTOH/PK/2029")
    assert dialog.sk_date.known is not None
    dialog.sk_date.known.setChecked(True)
    _set(dialog.sk_date, date(2029, 3, 1))
    _set(dialog.start, date(2029, 3, 5))
    _set(dialog.end, date(2029, 12, 20))
    assert _save(qtbot, session, dialog)
    assert _term_names(page)[0] == "Pilkada 2029"  # the default name from core
    row = page.current()
    assert row is not None and row.term.sk_date == date(2029, 3, 1)
    assert row.term.start_date == date(2029, 3, 5) and row.term.end_date == date(2029, 12, 20)
    edit = page.open_edit()
    assert isinstance(edit, TermDialog) and edit.sk_number.text() == "SK-CONTOH/PK/2029"
    edit.name.setText("Pilkada Ulang 2029")
    assert edit.sk_date.known is not None
    edit.sk_date.known.setChecked(False)  # the SK date is not known after all
    assert _save(qtbot, session, edit)
    stored = terms.get_term(ServiceContext(session.vault), row.id)
    assert stored.name == "Pilkada Ulang 2029" and stored.sk_date is None


def test_end_before_start_is_shown_under_the_end_date(
    qtbot: QtBot, page: TermsPage, session: Session
) -> None:
    dialog = page.open_add()
    assert isinstance(dialog, TermDialog)
    _set(dialog.start, date(2029, 3, 5))
    _set(dialog.end, date(2029, 3, 4))
    assert not _save(qtbot, session, dialog)
    assert dialog.field_error_text("end_date") == "The term cannot end before it starts."
    assert dialog.field_error_text("start_date") == ""
    assert _term_names(page) == ["Pilkada 2024", "Pemilu 2024"]


def test_date_fields_show_indonesian_dates_in_the_indonesian_ui() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian))
    try:
        field = DateField(date(2025, 1, 27))
        assert field.edit.text() == "Senin, 27 Januari 2025"
        optional = DateField(None, optional=True)
        assert optional.value() is None and not optional.edit.isEnabled()
    finally:
        QLocale.setDefault(before)


def test_attach_kecamatan_and_give_one_its_own_end(
    qtbot: QtBot, page: TermsPage, session: Session
) -> None:
    ctx = ServiceContext(session.vault)
    new = terms.add_term(
        ctx,
        election=Election.PEMILU,
        year=2029,
        start_date=date(2027, 10, 1),
        end_date=date(2029, 4, 30),
    )
    page.reload(select_id=new.id)
    settle(qtbot, session)
    assert page.kec_heading.text() == "Kecamatan of Pemilu 2029 (0)"
    attach = page.open_attach()
    assert isinstance(attach, AttachKecamatanDialog)
    assert not attach.ok.isEnabled()
    pick = attach.pick
    names = [pick.index(r).data() for r in range(pick.rowCount())]
    assert names[:2] == ["Biau", "Bokat"] and len(names) == 11
    for row in (0, 1):
        pick.setData(pick.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert _save(qtbot, session, attach)
    assert set(_kec_rows(page)) == {"Biau", "Bokat"}
    assert page.kec_table.select_where(lambda r: r.kecamatan.name == "Bokat")
    end = page.open_end()
    assert isinstance(end, KecamatanEndDialog)
    assert end.follow.isChecked() and not end.end.isEnabled()
    end.own.setChecked(True)
    _set(end.end, date(2029, 6, 30))
    end.note.setText("Diperpanjang: sengketa di MK")
    assert _save(qtbot, session, end)
    assert _kec_rows(page)["Bokat"] == (
        "30 June 2029",
        "Yes",
        "Diperpanjang: sengketa di MK",
    )
    assert page.kec_table.select_where(lambda r: r.kecamatan.name == "Bokat")
    again = page.open_end()
    assert isinstance(again, KecamatanEndDialog) and again.own.isChecked()
    again.follow.setChecked(True)
    assert _save(qtbot, session, again)
    assert _kec_rows(page)["Bokat"] == ("30 April 2029", "No", "")
    assert page.kec_table.select_where(lambda r: r.kecamatan.name == "Biau")
    page.detach_current()
    confirm(qtbot)
    settle(qtbot, session)
    assert set(_kec_rows(page)) == {"Bokat"}


def test_an_own_end_before_the_start_is_refused_under_the_date(
    qtbot: QtBot, page: TermsPage, session: Session
) -> None:
    assert page.kec_table.select_where(lambda r: r.kecamatan.name == "Lakea")
    dialog = page.open_end()
    assert isinstance(dialog, KecamatanEndDialog)
    dialog.own.setChecked(True)
    _set(dialog.end, date(2024, 4, 1))  # before the Pilkada term started
    assert not _save(qtbot, session, dialog)
    assert dialog.field_error_text("end_date") == "The term cannot end before it starts."


def test_a_term_in_use_cannot_be_deleted_an_unused_one_can(
    qtbot: QtBot, page: TermsPage, session: Session
) -> None:
    page.delete_current()  # Pilkada 2024: accounts and handovers belong to it
    confirm(qtbot)
    settle(qtbot, session)
    assert dismiss(qtbot) == (
        "Accounts, people or handovers belong to this term, so it cannot be deleted."
    )
    assert _term_names(page) == ["Pilkada 2024", "Pemilu 2024"]
    new = terms.add_term(
        ServiceContext(session.vault),
        election=Election.PILKADA,
        year=2030,
        start_date=date(2030, 1, 1),
        end_date=date(2030, 10, 1),
    )
    page.reload(select_id=new.id)
    settle(qtbot, session)
    page.delete_current()
    assert "Pilkada 2030" in confirm(qtbot)
    settle(qtbot, session)
    assert _term_names(page) == ["Pilkada 2024", "Pemilu 2024"]


def test_removing_a_kecamatan_in_use_is_refused(
    qtbot: QtBot, page: TermsPage, session: Session
) -> None:
    assert page.kec_table.select_where(lambda r: r.kecamatan.name == "Gadung")
    page.detach_current()
    confirm(qtbot)
    settle(qtbot, session)
    assert "cannot be removed from the term" in dismiss(qtbot)
    assert "Gadung" in _kec_rows(page)
