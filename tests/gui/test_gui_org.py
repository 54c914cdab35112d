"""Kecamatan page and editor on the demo vault: list, add, rename, retire, delete; validation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import confirm, fixed_clock, open_session, settle, start

from brankas.core.domain.models import Kecamatan
from brankas.core.services import office
from brankas.core.services.context import ServiceContext
from brankas.gui.context import AppContext
from brankas.gui.dialogs.kecamatan_dialog import KecamatanDialog
from brankas.gui.models.kecamatan_model import Column, KecamatanModel, KecamatanRow
from brankas.gui.models.record_model import RECORD_ROLE
from brankas.gui.pages.kecamatan_page import KecamatanPage
from brankas.gui.session import Session

TODAY = date(2025, 3, 10)


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with open_session(gui_ctx, tmp_path / "demo") as s:
        yield s


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[KecamatanPage]:
    p = KecamatanPage(clock=fixed_clock(TODAY))
    qtbot.addWidget(p)
    start(qtbot, p, session)
    yield p
    p.end_session()


def _names(page: KecamatanPage) -> list[str]:
    proxy = page.table.proxy
    return [proxy.index(r, Column.NAME).data() for r in range(proxy.rowCount())]


def _select(page: KecamatanPage, name: str) -> KecamatanRow:
    assert page.table.select_where(lambda r: r.kecamatan.name == name)
    row = page.current()
    assert row is not None
    return row


def _save(qtbot: QtBot, session: Session, dialog: KecamatanDialog) -> bool:
    """Click Save; True when the dialog closed (it deletes itself then)."""
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.ok.click()
    settle(qtbot, session)
    return bool(closed)


def test_model_passes_the_model_tester_and_hides_retired(qtmodeltester: ModelTester) -> None:
    model = KecamatanModel()
    qtmodeltester.check(model)
    rows = [
        KecamatanRow(Kecamatan(id=1, office_id=1, name="Tiloan"), True),
        KecamatanRow(Kecamatan(id=2, office_id=1, name="biau", code="72.05.01"), False),
        KecamatanRow(Kecamatan(id=3, office_id=1, name="Lama", retired_at=date(2024, 1, 2)), True),
    ]
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.retired_count() == 1
    model.sort(Column.NAME)
    assert [model.index(r, 0).data() for r in range(2)] == ["biau", "Tiloan"]  # case-folded
    assert model.index(0, Column.CODE).data() == "72.05.01"
    assert model.index(1, Column.CODE).data() == "—"
    model.set_show_retired(True)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    retired = next(
        model.index(r, Column.STATUS).data()
        for r in range(3)
        if model.index(r, 0).data(RECORD_ROLE).id == 3
    )
    assert retired == "Retired since 2 January 2024"
    model.clear()
    assert model.rowCount() == 0 and model.retired_count() == 0


def test_the_demo_kecamatan_are_listed_with_their_history(page: KecamatanPage) -> None:
    assert _names(page)[:3] == ["Biau", "Bokat", "Bukal"]
    assert len(_names(page)) == 11
    assert page.summary.text() == "11 kecamatan in use, 0 retired."
    row = _select(page, "Biau")
    assert row.has_history
    # Every demo kecamatan has accounts: delete is offered only as retire.
    assert page.rename_button.isEnabled() and page.retire_button.isEnabled()
    assert not page.delete_button.isEnabled()
    assert "only be retired" in page.delete_button.toolTip()


def test_add_a_kecamatan_then_rename_and_delete_it(
    qtbot: QtBot, page: KecamatanPage, session: Session
) -> None:
    dialog = page.open_add()
    assert dialog is not None
    assert not dialog.ok.isEnabled()  # no name yet
    dialog.name.setText("  Lipunoto   Baru ")
    dialog.code.setText("72.05.12")
    assert dialog.ok.isEnabled()
    assert _save(qtbot, session, dialog)
    assert "Lipunoto Baru" in _names(page)  # trimmed, inner spaces collapsed by core
    current = page.current()
    assert current is not None and current.kecamatan.name == "Lipunoto Baru"
    assert not current.has_history and page.delete_button.isEnabled()
    renamed = page.open_rename()
    assert renamed is not None and renamed.name.text() == "Lipunoto Baru"
    renamed.name.setText("Lipunoto")
    assert _save(qtbot, session, renamed)
    assert "Lipunoto" in _names(page) and "Lipunoto Baru" not in _names(page)
    page.delete_current()
    assert "Lipunoto" in confirm(qtbot)
    settle(qtbot, session)
    assert "Lipunoto" not in _names(page)
    assert page.summary.text() == "11 kecamatan in use, 0 retired."


def test_a_duplicate_name_is_shown_under_the_name_field(
    qtbot: QtBot, page: KecamatanPage, session: Session
) -> None:
    dialog = page.open_add()
    assert dialog is not None
    dialog.name.setText("paleleh barat")  # the same name in other letter case
    assert not _save(qtbot, session, dialog)  # nothing saved, the form stays
    assert dialog.field_error_text("name") == "A kecamatan with this name is already recorded."
    assert not dialog.error.isVisible()
    assert _names(page).count("Paleleh Barat") == 1
    dialog.name.setText("Paleleh Tengah")
    assert _save(qtbot, session, dialog)
    assert "Paleleh Tengah" in _names(page)


def test_a_too_long_code_is_refused_by_core_under_its_field(
    qtbot: QtBot, page: KecamatanPage, session: Session
) -> None:
    dialog = page.open_add()
    assert dialog is not None
    dialog.name.setText("Baru")
    dialog.code.setMaxLength(100)  # the field limits typing; core checks anyway
    dialog.code.setText("9" * 30)
    assert not _save(qtbot, session, dialog)
    assert dialog.field_error_text("code") == "This text is too long."
    assert dialog.field_error_text("name") == ""


def test_retire_hides_it_and_bring_back_restores_it(
    qtbot: QtBot, page: KecamatanPage, session: Session
) -> None:
    _select(page, "Tiloan")
    page.toggle_retired()
    assert "Retire Tiloan?" in confirm(qtbot)
    settle(qtbot, session)
    assert "Tiloan" not in _names(page)
    assert page.summary.text() == "10 kecamatan in use, 1 retired."
    page.show_retired.setChecked(True)
    row = _select(page, "Tiloan")
    assert row.retired and row.kecamatan.retired_at == TODAY  # the page's clock
    status = page.table.proxy.index(page.table.currentIndex().row(), Column.STATUS).data()
    assert status == "Retired since 10 March 2025"
    assert page.retire_button.text() == "Bring back"
    page.toggle_retired()
    settle(qtbot, session)
    row = _select(page, "Tiloan")
    assert not row.retired and page.retire_button.text() == "Retire"
    stored = office.get_kecamatan(ServiceContext(session.vault), row.id)
    assert stored.retired_at is None


def test_deleting_one_with_history_offers_to_retire(
    qtbot: QtBot, page: KecamatanPage, session: Session
) -> None:
    _select(page, "Lakea")
    page.delete_button.setEnabled(True)  # as if the list were stale: core still refuses
    page.delete_current()
    confirm(qtbot)
    settle(qtbot, session)
    text = confirm(qtbot)  # the refusal, offering to retire instead
    assert text == "This kecamatan has a history, so it cannot be deleted. Retire it instead."
    assert "Retire Lakea?" in confirm(qtbot)
    settle(qtbot, session)
    assert "Lakea" not in _names(page)


def test_lock_forgets_the_list(page: KecamatanPage) -> None:
    page.end_session()
    assert page.model.rowCount() == 0
    assert not page.add_button.isEnabled() and not page.rename_button.isEnabled()
    assert page.summary.text() == ""
