"""Handovers page on the demo vault: the read-only list, its term filter and search."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import fixed_clock, open_session, settle, start

from brankas.gui.context import AppContext
from brankas.gui.models.handovers_model import Column, HandoversModel
from brankas.gui.pages.handovers_page import HandoversPage, load_handovers
from brankas.gui.pages.service_page import ServicePage
from brankas.gui.session import Session


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with open_session(gui_ctx, tmp_path / "demo") as s:
        yield s


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[HandoversPage]:
    p = HandoversPage(clock=fixed_clock(date(2025, 3, 10)))
    qtbot.addWidget(p)
    start(qtbot, p, session)
    yield p
    p.end_session()


def _column(page: HandoversPage, column: Column) -> list[str]:
    proxy = page.table.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, session: Session) -> None:
    page = ServicePage()
    page.session = session
    data = load_handovers(page.service_context())
    model = HandoversModel()
    qtmodeltester.check(model)
    model.set_handovers(data.rows)
    qtmodeltester.check(model)
    model.set_filter(data.terms[0].id, "BAST/001")
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < model.total


def test_the_demo_handovers_newest_first(page: HandoversPage) -> None:
    assert page.model.total == 45
    assert page.summary.text() == "Showing 45 of 45 handovers."
    first = page.table.proxy
    assert first.index(0, Column.DATE).data() == "28 February 2025"  # Momunu, late return
    assert first.index(0, Column.KIND).data() == "Returned to the regency"
    assert first.index(0, Column.ACCOUNTS).data() == "4"
    kinds = set(_column(page, Column.KIND))
    assert kinds == {
        "Issued to the committee",
        "Returned to the regency",
        "Handed to the next committee",
    }
    scans = set(_column(page, Column.SCAN))
    assert scans == {"Attached", "Not yet"}  # every third BAST still waits for its scan


def test_filter_by_term_and_search(qtbot: QtBot, page: HandoversPage, session: Session) -> None:
    page.term_box.setCurrentIndex(page.term_box.findText("Pemilu 2024"))
    assert page.model.rowCount() == 22  # issued and returned in 11 kecamatan
    page.search.setText("rina contoh")  # the regency's party on every one of them
    assert page.model.rowCount() == 22
    page.search.setText("BAST/001/BWS.BUOL/XI/2022")
    assert _column(page, Column.NUMBER) == ["BAST/001/BWS.BUOL/XI/2022"]
    assert page.summary.text() == "Showing 1 of 45 handovers."
    page.search.clear()
    pilkada = page.term_box.findText("Pilkada 2024")
    page.show_term(page.term_box.itemData(pilkada))
    assert page.term_box.currentIndex() == pilkada
    page.reload()
    settle(qtbot, session)
    assert page.term_box.currentIndex() == pilkada  # kept over a reload
    assert page.model.rowCount() == 45 - 22
