"""People page and editor on the demo vault: filters, add and edit, validation messages by code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import confirm, dismiss, fixed_clock, open_session, settle, start

from brankas.core.domain.enums import PersonRole
from brankas.core.domain.models import Person
from brankas.core.services import people
from brankas.core.services.context import ServiceContext
from brankas.gui.context import AppContext
from brankas.gui.dialogs.person_dialog import PersonDialog
from brankas.gui.models.people_model import (
    Column,
    PeopleFilter,
    PeopleModel,
    person_row,
)
from brankas.gui.pages.people_page import PeoplePage
from brankas.gui.session import Session

TODAY = date(2025, 3, 10)


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with open_session(gui_ctx, tmp_path / "demo") as s:
        yield s


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[PeoplePage]:
    p = PeoplePage(clock=fixed_clock(TODAY))
    qtbot.addWidget(p)
    start(qtbot, p, session)
    yield p
    p.end_session()


def _save(qtbot: QtBot, session: Session, dialog: PersonDialog) -> bool:
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.ok.click()
    settle(qtbot, session)
    return bool(closed)


def _column(page: PeoplePage, column: Column) -> list[str]:
    proxy = page.table.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def _choose(box: object, value: object) -> None:
    index = box.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    box.setCurrentIndex(index)  # type: ignore[attr-defined]


def _new_dialog(page: PeoplePage) -> PersonDialog:
    dialog = page.open_add()
    assert dialog is not None
    return dialog


def test_model_passes_the_model_tester_and_filters(qtmodeltester: ModelTester) -> None:
    rows = [
        person_row(
            Person(id=1, name="Andi Contoh", role=PersonRole.KETUA, kecamatan_id=1, term_id=2),
            "Biau",
            "Pilkada 2024",
        ),
        person_row(
            Person(id=2, name="Budi Fiktif", role=PersonRole.ANGGOTA, kecamatan_id=2, term_id=2),
            "Bokat",
            "Pilkada 2024",
        ),
        person_row(
            Person(id=3, name="Rina", role=PersonRole.OFFICIAL, phone="+6281234567890"),
            "",
            "",
        ),
    ]
    model = PeopleModel()
    qtmodeltester.check(model)
    model.set_people(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    model.set_filter(PeopleFilter(term_id=2))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    model.set_filter(PeopleFilter(role=PersonRole.KETUA))
    assert [model.index(r, Column.NAME).data() for r in range(model.rowCount())] == ["Andi Contoh"]
    model.set_filter(PeopleFilter(text="0812 3456"))  # the digits are in the search key
    assert model.rowCount() == 0
    model.set_filter(PeopleFilter(text="+62812"))
    assert model.rowCount() == 1
    assert model.index(0, Column.PHONE).data() == "0812-3456-7890"
    assert model.index(0, Column.KECAMATAN).data() == "—"
    model.set_filter(PeopleFilter())
    model.sort(Column.ROLE)
    assert model.index(0, Column.ROLE).data() == "Ketua (chair)"  # roles in natural order
    model.clear()
    assert model.rowCount() == 0 and model.total == 0


def test_filters_by_kecamatan_term_role_and_text(page: PeoplePage) -> None:
    total = page.model.total
    assert total == 4 + 2 * 11 * 3  # officials and operator, two terms of committees
    assert page.summary.text() == f"Showing {total} of {total} people."
    _choose(page.kecamatan_filter, page._data.kecamatan[0].id)  # Biau
    assert page.model.rowCount() == 6
    pilkada = next(t.id for t in page._data.terms if t.name == "Pilkada 2024")
    _choose(page.term_filter, pilkada)
    assert page.model.rowCount() == 3
    _choose(page.role_filter, "ketua")
    assert _column(page, Column.ROLE) == ["Ketua (chair)"]
    assert _column(page, Column.KECAMATAN) == ["Biau"]
    assert page.summary.text() == f"Showing 1 of {total} people."
    page.kecamatan_filter.setCurrentIndex(0)
    page.term_filter.setCurrentIndex(0)
    page.role_filter.setCurrentIndex(0)
    page.search.setText("koordinator sekretariat")
    assert _column(page, Column.NAME) == ["Rina Contoh"]


def test_add_a_committee_member_prefilled_from_the_filters(
    qtbot: QtBot, page: PeoplePage, session: Session
) -> None:
    biau = page._data.kecamatan[0]
    pilkada = next(t for t in page._data.terms if t.name == "Pilkada 2024")
    _choose(page.kecamatan_filter, biau.id)
    _choose(page.term_filter, pilkada.id)
    dialog = _new_dialog(page)
    assert dialog.kecamatan.currentData() == biau.id
    assert dialog.term.currentData() == pilkada.id
    assert dialog.selected_role() is PersonRole.ANGGOTA
    assert dialog.position.placeholderText() == "Anggota Panwaslu Kecamatan Biau"
    assert not dialog.ok.isEnabled()
    dialog.name.setText("Wulan Contoh")
    dialog.phone.setText("0812 3456 7890")
    dialog.email.setText("Wulan@Contoh.Example")
    dialog.nip.setText("19800101 200501 1 001")  # typed in groups: spaces are dropped
    assert _save(qtbot, session, dialog)
    row = page.current()
    assert row is not None and row.person.name == "Wulan Contoh"
    person = row.person
    assert person.phone == "+6281234567890" and person.nip == "198001012005011001"
    assert person.email == "Wulan@contoh.example"  # the domain is lower-cased
    assert person.position == "Anggota Panwaslu Kecamatan Biau"  # the suggestion was taken
    proxy = page.table.proxy
    assert proxy.index(page.table.currentIndex().row(), Column.PHONE).data() == "0812-3456-7890"
    edit = page.open_edit()
    assert edit is not None and edit.phone.text() == "0812-3456-7890"
    _choose(edit.role, "ketua")
    edit.position.setText("Ketua Panwaslu Kecamatan Biau (PAW)")
    assert _save(qtbot, session, edit)
    stored = people.get_person(ServiceContext(session.vault), person.id)
    assert stored.role is PersonRole.KETUA and stored.position.endswith("(PAW)")


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("nip", "1980 0101", "A NIP has 18 digits. Check the number, or leave it empty."),
        ("nik", "72050101010101", "A NIK has 16 digits. Check the number, or leave it empty."),
    ],
)
def test_a_bad_number_is_shown_under_its_field(
    qtbot: QtBot, page: PeoplePage, session: Session, field: str, typed: str, message: str
) -> None:
    dialog = _new_dialog(page)
    _choose(dialog.role, "official")
    dialog.name.setText("Dedi Contoh")
    getattr(dialog, field).setText(typed)
    assert not _save(qtbot, session, dialog)
    assert dialog.field_error_text(field) == message
    assert dialog.field_error_text("name") == ""
    assert not dialog.error.isVisible()


def test_phone_and_email_errors_come_from_their_codes(
    qtbot: QtBot, page: PeoplePage, session: Session
) -> None:
    dialog = _new_dialog(page)
    _choose(dialog.role, "official")
    dialog.name.setText("Dedi Contoh")
    dialog.phone.setText("021-ABC")
    assert not _save(qtbot, session, dialog)
    phone_error = dialog.field_error_text("phone")
    generic = "Some of the data entered is not valid. Check the form and try again."
    assert phone_error and phone_error != generic
    dialog.phone.setText("")
    dialog.email.setText("dedi.contoh.example")
    assert not _save(qtbot, session, dialog)
    assert dialog.field_error_text("phone") == ""  # errors are cleared on every save
    assert "@" in dialog.field_error_text("email")


def test_a_committee_member_needs_a_kecamatan_and_a_term(
    qtbot: QtBot, page: PeoplePage, session: Session
) -> None:
    dialog = _new_dialog(page)
    _choose(dialog.role, "ketua")
    dialog.kecamatan.setCurrentIndex(0)  # (none)
    dialog.name.setText("Tanpa Kecamatan")
    assert not _save(qtbot, session, dialog)
    assert dialog.field_error_text("kecamatan_id") == "A committee member needs a kecamatan."
    dialog.kecamatan.setCurrentIndex(1)
    dialog.term.setCurrentIndex(0)
    assert not _save(qtbot, session, dialog)
    assert dialog.field_error_text("term_id") == "A committee member needs a term."


def test_officials_have_no_kecamatan(page: PeoplePage) -> None:
    dialog = _new_dialog(page)
    dialog.kecamatan.setCurrentIndex(2)
    _choose(dialog.role, "official")
    assert not dialog.kecamatan.isEnabled() and dialog.kecamatan.currentData() is None
    assert dialog.position.placeholderText() == "e.g. Kepala Subbagian"
    _choose(dialog.role, "staff")
    assert dialog.kecamatan.isEnabled()


def test_delete_a_person_without_history_but_not_one_with(
    qtbot: QtBot, page: PeoplePage, session: Session
) -> None:
    added = people.add_person(
        ServiceContext(session.vault), name="Salah Ketik", role=PersonRole.OFFICIAL
    )
    page.reload(select_id=added.id)
    settle(qtbot, session)
    page.delete_current()
    assert "Salah Ketik" in confirm(qtbot)
    settle(qtbot, session)
    assert "Salah Ketik" not in _column(page, Column.NAME)
    page.search.setText("Rina Contoh")
    assert page.table.select_where(lambda r: r.person.name == "Rina Contoh")
    page.delete_current()
    confirm(qtbot)
    settle(qtbot, session)
    assert dismiss(qtbot) == (
        "This person is named in handovers, custody or accounts, so they cannot be deleted."
    )
