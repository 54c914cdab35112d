"""Dashboard on the demo vault at fixed dates: countdown, counts, attention lists, the unlock banner."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import fixed_clock, open_session, settle, start

from brankas.core.domain.enums import AccountStatus
from brankas.core.review.load import load_snapshot
from brankas.core.review.status import term_end_status
from brankas.gui.context import AppContext
from brankas.gui.main_window import MainWindow
from brankas.gui.models.dashboard_model import (
    AttentionColumn,
    AttentionModel,
    CountdownColumn,
    CountdownModel,
    days_phrase,
)
from brankas.gui.models.record_model import RECORD_ROLE
from brankas.gui.pages.dashboard_page import DashboardPage
from brankas.gui.session import Session

AFTER_END = date(2025, 3, 10)  # Pilkada 2024 ended 27 Jan (Momunu, Tiloan: 28 Feb)
BEFORE_END = date(2025, 1, 20)
MID_TERM = date(2024, 6, 1)


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with open_session(gui_ctx, tmp_path / "demo") as s:
        yield s


def _page(qtbot: QtBot, session: Session, today: date) -> DashboardPage:
    page = DashboardPage(clock=fixed_clock(today))
    qtbot.addWidget(page)
    start(qtbot, page, session)
    return page


def _column(model: AttentionModel, column: AttentionColumn) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, session: Session) -> None:
    snapshot = load_snapshot(session.vault.conn)
    status = term_end_status(snapshot, max(snapshot.terms), AFTER_END)
    for records in (
        status.overdue,
        status.needs_password_change,
        status.checklist_incomplete,
        status.personal_recovery,
    ):
        model = AttentionModel()
        qtmodeltester.check(model)
        model.set_records(records)
        qtmodeltester.check(model)
        model.sort(AttentionColumn.DETAIL, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)
    countdown = CountdownModel()
    countdown.set_records(status.countdown)
    qtmodeltester.check(countdown)
    assert countdown.rowCount() == 11


def test_days_phrases() -> None:
    assert [days_phrase(d) for d in (-3, -1, 0, 1, 12)] == [
        "ended 3 days ago",
        "ended yesterday",
        "ends today",
        "ends tomorrow",
        "ends in 12 days",
    ]


def test_after_the_term_end(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session, AFTER_END)
    assert page.term_box.currentText() == "Pilkada 2024"
    assert page.countdown.text() == ("Pilkada 2024 ended 42 days ago, on Monday, 27 January 2025.")
    assert page.overrides.text() == (
        "Own end date for Momunu, Tiloan: 28 February 2025 (ended 10 days ago)."
    )
    counts = {s: int(card.number.text()) for s, card in page.cards.items()}
    assert counts == {
        AccountStatus.ACTIVE: 12,
        AccountStatus.RETURNED: 15,
        AccountStatus.DEACTIVATED: 14,
        AccountStatus.RETAINED: 2,
        AccountStatus.PLANNED: 0,
        AccountStatus.ARCHIVED: 0,
    }
    assert page.total.text() == "43 accounts in this term"
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == [
        "Overdue (12)",
        "Due soon (0)",
        "Password change (11)",
        "Checklist (15)",
        "Personal recovery (3)",
        "By kecamatan (11)",
    ]
    overdue = page.overdue.model
    assert sorted(set(_column(overdue, AttentionColumn.KECAMATAN))) == ["Biau", "Bokat", "Tiloan"]
    tiloan = next(
        overdue.index(r, AttentionColumn.DETAIL).data()
        for r in range(overdue.rowCount())
        if overdue.index(r, AttentionColumn.KECAMATAN).data() == "Tiloan"
    )
    assert tiloan.startswith("10 days overdue; ") and tiloan.endswith(" still holds it")
    assert page.due_soon.table.isHidden() and not page.due_soon.empty.isHidden()
    rotation = page.rotation.model.index(0, AttentionColumn.DETAIL).data()
    assert rotation.startswith("Handed back on 27 January 2025 (BAST/")
    gaps = _column(page.checklist.model, AttentionColumn.DETAIL)
    assert "3 of 9 steps done (Deactivated)" in gaps or "3 of 9 steps done (Returned)" in gaps
    personal = page.personal.model
    assert sorted(_column(personal, AttentionColumn.KECAMATAN)) == [
        "Bokat",
        "Paleleh",
        "Paleleh Barat",
    ]
    assert set(_column(personal, AttentionColumn.DETAIL)) == {"the recovery phone is a person's"}
    first = page.kecamatan_model.index(0, CountdownColumn.KECAMATAN).data()
    assert page.kecamatan_model.index(0, CountdownColumn.LEFT).data() == "ended 42 days ago"
    assert first == "Biau"
    momunu = next(r for r in range(11) if page.kecamatan_model.index(r, 0).data() == "Momunu")
    assert page.kecamatan_model.index(momunu, CountdownColumn.END).data() == (
        "28 February 2025 (own date)"
    )


def test_before_the_term_end_accounts_are_due_soon(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session, BEFORE_END)
    assert page.countdown.text() == "Pilkada 2024 ends in 7 days, on Monday, 27 January 2025."
    assert page.tabs.tabText(0) == "Overdue (0)"
    due = page.due_soon.model
    # Biau and Bokat end on 27 January; Tiloan (28 February) is further than 30 days.
    assert sorted(set(_column(due, AttentionColumn.KECAMATAN))) == ["Biau", "Bokat"]
    assert due.rowCount() == 8
    assert due.index(0, AttentionColumn.DETAIL).data().startswith("Term ends in 7 days; held by ")
    assert page.attention_text() == (
        "The term Pilkada 2024 ends in 7 days (Monday, 27 January 2025). See the Dashboard."
    )


def test_a_click_on_a_listed_account_opens_it(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session, AFTER_END)
    page.resize(1100, 700)
    page.show()
    table = page.overdue.table
    index = table.proxy.index(2, AttentionColumn.ACCOUNT)
    wanted = index.data(RECORD_ROLE).account_id
    with qtbot.waitSignal(page.account_requested, timeout=2_000) as signal:
        rect = table.visualRect(index)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [wanted]


def test_choosing_another_term(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session, AFTER_END)
    page.term_box.setCurrentIndex(page.term_box.findText("Pemilu 2024"))
    assert page.countdown.text().startswith("Pemilu 2024 ended 314 days ago")
    assert page.cards[AccountStatus.DEACTIVATED].number.text() == "18"
    assert page.tabs.tabText(0) == "Overdue (0)" and page.overrides.text() == ""


def test_lock_empties_the_dashboard(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session, AFTER_END)
    page.end_session()
    assert page.countdown.text() == "" and page.overdue.model.rowCount() == 0
    assert page.term_box.count() == 0
    assert all(card.number.text() == "0" for card in page.cards.values())


def _main(qtbot: QtBot, gui_ctx: AppContext, session: Session, today: date) -> MainWindow:
    main = MainWindow(gui_ctx, lambda exc: None)
    qtbot.addWidget(main)
    dashboard = main.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    dashboard.clock = fixed_clock(today)
    main.start_session(session)
    main.show_banner("")  # what the controller does when the vault had no warnings
    settle(qtbot, session)
    return main


def test_unlock_banner_when_accounts_are_overdue(
    qtbot: QtBot, gui_ctx: AppContext, session: Session
) -> None:
    main = _main(qtbot, gui_ctx, session, AFTER_END)
    assert not main.banner.isHidden()
    assert main.banner_text.text() == (
        "12 accounts in 3 kecamatan are still with the committee after their term ended. "
        "See the Dashboard."
    )
    # It is said once per unlock, not again on every visit.
    main.banner.setVisible(False)
    main.show_page("kecamatan")
    main.show_page("dashboard")
    settle(qtbot, session)
    assert main.banner.isHidden()
    main.end_session()


def test_the_banner_adds_to_a_failed_unlock_warning(
    qtbot: QtBot, gui_ctx: AppContext, session: Session
) -> None:
    main = MainWindow(gui_ctx, lambda exc: None)
    qtbot.addWidget(main)
    dashboard = main.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    dashboard.clock = fixed_clock(BEFORE_END)
    main.start_session(session)
    main.show_banner("There was one failed attempt to unlock this vault.")
    settle(qtbot, session)
    assert main.banner_text.text() == (
        "There was one failed attempt to unlock this vault. The term Pilkada 2024 ends in "
        "7 days (Monday, 27 January 2025). See the Dashboard."
    )
    main.end_session()


def test_no_banner_mid_term(qtbot: QtBot, gui_ctx: AppContext, session: Session) -> None:
    main = _main(qtbot, gui_ctx, session, MID_TERM)
    assert main.banner.isHidden()
    dashboard = main.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.countdown.text().startswith("Pilkada 2024 ends in 240 days")
    main.end_session()


def test_only_the_page_shown_loads_at_unlock_but_the_banner_still_comes(
    qtbot: QtBot, gui_ctx: AppContext, session: Session
) -> None:
    main = MainWindow(gui_ctx, lambda exc: None)
    qtbot.addWidget(main)
    main.show_page("kecamatan")  # locked on this page last time
    dashboard = main.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    dashboard.clock = fixed_clock(AFTER_END)
    jobs: list[object] = []
    start = session.runner.start

    def counting(job: object, **kw: object) -> object:
        if "ServicePage.run" in getattr(job, "__qualname__", ""):  # the organisation pages
            jobs.append(job)
        return start(job, **kw)  # type: ignore[arg-type]

    session.runner.start = counting  # type: ignore[method-assign]
    main.start_session(session)
    assert len(jobs) == 1  # the kecamatan page; the dashboard waits for the event loop
    settle(qtbot, session)
    assert len(jobs) == 2
    kecamatan, people = main.pages["kecamatan"], main.pages["people"]
    assert kecamatan.model.rowCount() == 11  # type: ignore[attr-defined]
    assert people.model.total == 0  # type: ignore[attr-defined]
    assert "still with the committee" in main.banner_text.text()
    main.show_page("people")
    settle(qtbot, session)
    assert people.model.total > 0  # type: ignore[attr-defined]
    main.end_session()


def test_the_term_summary_is_saved_as_pdf(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    page = _page(qtbot, session, AFTER_END)
    page.term_box.setCurrentIndex(page.term_box.findText("Pemilu 2024"))
    asked: list[str] = []

    def save_file(_parent: object, _title: str, suggested: str, _filters: str) -> Path:
        asked.append(suggested)
        return tmp_path / "ringkasan"  # no suffix: ".pdf" is added

    page.summary_button.hooks.save_file = save_file
    page.summary_button.save_action.trigger()
    settle(qtbot, session)
    target = tmp_path / "ringkasan.pdf"
    assert asked == ["ringkasan-Pemilu-2024-2025-03-10.pdf"]
    assert page.summary_note.text().startswith("The term summary of Pemilu 2024 (")
    assert str(target) in page.summary_note.text()
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, check=True, text=True
        ).stdout
        assert "Pemilu 2024" in text
