"""Completeness matrix on the demo vault at a fixed date: cell looks, legend, opening and creating."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import confirm, fixed_clock, open_session, settle, start

from brankas.core.domain.enums import Platform
from brankas.core.review.load import load_snapshot
from brankas.core.review.matrix import completeness_matrix
from brankas.gui.context import AppContext
from brankas.gui.main_window import MainWindow
from brankas.gui.models.matrix_model import (
    CELL_ROLE,
    LOOK_ROLE,
    Look,
    MatrixData,
    MatrixModel,
)
from brankas.gui.pages.matrix_page import LegendChip, MatrixPage
from brankas.gui.session import Session

TODAY = date(2025, 3, 10)


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with open_session(gui_ctx, tmp_path / "demo") as s:
        yield s


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[MatrixPage]:
    p = MatrixPage(clock=fixed_clock(TODAY))
    qtbot.addWidget(p)
    start(qtbot, p, session)
    yield p
    p.end_session()


def _index(page: MatrixPage, kecamatan: str, key: str) -> QModelIndex:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == kecamatan)
    column = model.column_of(key) if key != "complete" else model.columnCount() - 1
    assert column is not None
    return model.index(row, column)


def _look(page: MatrixPage, kecamatan: str, key: str) -> str:
    return str(_index(page, kecamatan, key).data(LOOK_ROLE))


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, session: Session) -> None:
    snapshot = load_snapshot(session.vault.conn)
    term_id = max(snapshot.terms)  # Pilkada 2024
    model = MatrixModel()
    qtmodeltester.check(model)
    model.set_matrix(MatrixData(completeness_matrix(snapshot, term_id, TODAY)))
    qtmodeltester.check(model)
    assert model.rowCount() == 11 and model.columnCount() == 8
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == [
        "Kecamatan",
        "Instagram *",
        "Facebook Page *",
        "X (Twitter) *",
        "E-mail",
        "Phone number",
        "BAST *",
        "Complete",
    ]
    model.clear()
    assert model.rowCount() == 0 and model.columnCount() == 0


def test_cells_on_the_demo_vault(page: MatrixPage) -> None:
    assert page.term_box.currentText() == "Pilkada 2024"  # the newest term: none runs now
    assert page.summary.text() == "3 of 11 kecamatan complete."
    # A kecamatan with everything in order.
    for key in ("instagram", "facebook_page", "x", "email", "bast"):
        assert _look(page, "Karamat", key) == Look.OK
    assert _look(page, "Karamat", "complete") == Look.COMPLETE
    assert _index(page, "Karamat", "complete").data() == "Complete"
    # Paleleh Barat never had an X account; nobody records phone numbers (optional).
    assert _look(page, "Paleleh Barat", "x") == Look.MISSING
    assert _index(page, "Paleleh Barat", "x").data() == "Missing"
    assert _look(page, "Karamat", "phone") == Look.NONE
    # Biau's committee still holds its accounts after the term ended.
    biau = _index(page, "Biau", "instagram")
    assert biau.data(LOOK_ROLE) == Look.PROBLEM and biau.data() == "Needs attention"
    tip = biau.data(Qt.ItemDataRole.ToolTipRole)
    assert "@contoh.biau.pilkada" in tip
    assert "still held by the committee after the term ended" in tip
    # Paleleh's Instagram recovers through the ketua's own phone.
    assert "a recovery link points to a person" in _index(page, "Paleleh", "instagram").data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert _look(page, "Paleleh", "facebook_page") == Look.OK


def test_the_legend_says_each_look_in_words() -> None:
    chips = [LegendChip(look) for look in (Look.OK, Look.PROBLEM, Look.MISSING, Look.NONE)]
    assert [c.text for c in chips] == ["OK", "Needs attention", "Missing", "None"]


def test_an_earlier_term(qtbot: QtBot, page: MatrixPage, session: Session) -> None:
    page.term_box.setCurrentIndex(page.term_box.findText("Pemilu 2024"))
    settle(qtbot, session)
    assert page.term_box.currentText() == "Pemilu 2024"
    assert _look(page, "Bokat", "instagram") == Look.OK
    assert _look(page, "Bokat", "x") == Look.MISSING  # Pemilu 2024 had no X accounts
    assert page.summary.text() == "0 of 11 kecamatan complete."


def test_a_cell_opens_its_account(qtbot: QtBot, page: MatrixPage) -> None:
    index = _index(page, "Karamat", "instagram")
    (account_id,) = index.data(CELL_ROLE).account_ids
    with qtbot.waitSignal(page.account_requested, timeout=2_000) as signal:
        rect = page.table.visualRect(index)
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [account_id]
    with qtbot.waitSignal(page.account_requested, timeout=2_000) as signal:
        page.table.setCurrentIndex(_index(page, "Lakea", "x"))
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert signal.args == list(_index(page, "Lakea", "x").data(CELL_ROLE).account_ids)


def test_a_missing_cell_offers_to_create_the_account(qtbot: QtBot, page: MatrixPage) -> None:
    index = _index(page, "Paleleh Barat", "x")
    matrix = page.model.matrix
    assert matrix is not None
    with qtbot.waitSignal(page.create_requested, timeout=2_000) as signal:
        page.choose_cell(index)
        text = confirm(qtbot)
    assert text == (
        "No X (Twitter) account is recorded for Paleleh Barat in Pilkada 2024. Create it now?"
    )
    kid = index.data(Qt.ItemDataRole.UserRole + 5)
    assert signal.args == [Platform.X.value, kid, matrix.term_id]


def test_the_bast_column_shows_the_terms_handovers(qtbot: QtBot, page: MatrixPage) -> None:
    matrix = page.model.matrix
    assert matrix is not None
    with qtbot.waitSignal(page.handovers_requested, timeout=2_000) as signal:
        page.choose_cell(_index(page, "Biau", "bast"))
    assert signal.args == [matrix.term_id]


def test_a_cell_with_several_accounts_asks_which(
    qtbot: QtBot, page: MatrixPage, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brankas.core.services import accounts
    from brankas.core.services.context import ServiceContext

    index = _index(page, "Lakea", "phone")
    matrix = page.model.matrix
    assert matrix is not None
    kid = index.data(Qt.ItemDataRole.UserRole + 5)
    ctx = ServiceContext(session.vault)
    for number in ("0812-0000-7001", "0812-0000-7002"):
        accounts.create_account(
            ctx, platform=Platform.PHONE, handle=number, kecamatan_id=kid, term_id=matrix.term_id
        )
    page.reload()
    settle(qtbot, session)
    index = _index(page, "Lakea", "phone")
    assert index.data() == "Planned (2)"
    popped: list[QMenu] = []
    # A real pop-up grabs the keyboard, which the offscreen platform cannot do.
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: popped.append(menu))
    page.choose_cell(index)
    (menu,) = popped
    assert [a.text() for a in menu.actions()] == ["+6281200007001", "+6281200007002"]
    with qtbot.waitSignal(page.account_requested, timeout=2_000) as signal:
        menu.actions()[1].trigger()
    assert signal.args == [index.data(CELL_ROLE).account_ids[1]]


def test_the_main_window_routes_to_the_accounts_page(
    qtbot: QtBot, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = MainWindow(gui_ctx, lambda exc: None)
    qtbot.addWidget(main)
    accounts_page = main.pages["accounts"]
    opened: list[Any] = []
    created: list[Any] = []
    # Without hooks on the Accounts page (not built yet) nothing breaks.
    monkeypatch.delattr(type(accounts_page), "show_account", raising=False)
    monkeypatch.delattr(type(accounts_page), "new_account", raising=False)
    main.show_account(7)
    main.create_account("x", 1, 2)
    assert main.current_key == "dashboard"
    assert "cannot" in main.statusBar().currentMessage()
    monkeypatch.setattr(accounts_page, "show_account", opened.append, raising=False)
    monkeypatch.setattr(
        accounts_page, "new_account", lambda **kw: created.append(kw), raising=False
    )
    matrix = main.pages["matrix"]
    assert isinstance(matrix, MatrixPage)
    matrix.account_requested.emit(42)
    assert opened == [42] and main.current_key == "accounts"
    matrix.create_requested.emit("x", 3, 2)
    assert created == [{"platform": "x", "kecamatan_id": 3, "term_id": 2}]
    matrix.handovers_requested.emit(2)
    assert main.current_key == "handovers"


def test_cells_reach_the_real_accounts_page(
    qtbot: QtBot, gui_ctx: AppContext, session: Session
) -> None:
    from brankas.gui.dialogs.account_editor import AccountEditor
    from brankas.gui.pages.accounts_page import AccountsPage

    main = MainWindow(gui_ctx, lambda exc: None)
    qtbot.addWidget(main)
    matrix = main.pages["matrix"]
    assert isinstance(matrix, MatrixPage)
    matrix.clock = fixed_clock(TODAY)
    main.start_session(session)
    main.show_page("matrix")
    settle(qtbot, session)
    accounts_page = main.pages["accounts"]
    assert isinstance(accounts_page, AccountsPage)
    index = _index(matrix, "Lakea", "facebook_page")
    (wanted,) = index.data(CELL_ROLE).account_ids
    matrix.choose_cell(index)
    settle(qtbot, session)
    assert main.current_key == "accounts"
    assert accounts_page.current_account_id() == wanted
    main.show_page("matrix")
    settle(qtbot, session)
    matrix.choose_cell(_index(matrix, "Paleleh Barat", "x"))
    confirm(qtbot)
    settle(qtbot, session)
    assert main.current_key == "accounts"
    editor = next(w for w in accounts_page.findChildren(AccountEditor) if w.isVisible())
    editor.reject()
    main.end_session()
