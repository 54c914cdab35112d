"""Deactivation checklists on the demo vault: ticking records who and when, "Finish" moves
the account on, refusals are sentences, admins edit the templates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from handover_support import STORY_DAY, FakeWorld, ctx_of, demo_session, fake_world
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import fixed_clock, settle, start

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.services import accounts, checklist
from brankas.gui.context import AppContext
from brankas.gui.handover.checklist_models import ItemColumn
from brankas.gui.handover.checklist_tab import ChecklistTab
from brankas.gui.handover.template_dialog import TemplateDialog
from brankas.gui.handover.term_end_page import TermEndPage
from brankas.gui.session import Session


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with demo_session(gui_ctx, tmp_path) as s:
        yield s


@pytest.fixture
def world(tmp_path: Path) -> FakeWorld:
    return fake_world(tmp_path)


@pytest.fixture
def page(
    qtbot: QtBot, session: Session, world: FakeWorld, gui_ctx: AppContext
) -> Iterator[TermEndPage]:
    p = TermEndPage(gui_ctx.resources, clock=fixed_clock(STORY_DAY), hooks=world.hooks())
    qtbot.addWidget(p)
    p.show()
    start(qtbot, p, session)
    yield p
    p.end_session()


def _tick(qtbot: QtBot, session: Session, tab: ChecklistTab, row: int) -> None:
    index = tab.items.index(row, ItemColumn.STEP)
    assert tab.items.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, session)
    settle(qtbot, session)


def test_tick_the_rest_and_finish_moves_the_status(
    qtbot: QtBot, page: TermEndPage, session: Session
) -> None:
    tab = page.checklists
    gadung = [
        r
        for r in tab.data.rows  # type: ignore[union-attr]
        if r.kecamatan == "Gadung" and r.entry.account.status is AccountStatus.RETURNED
    ]
    assert gadung and all(0 < r.entry.done < r.entry.total for r in gadung)
    target = next(r for r in gadung if r.entry.account.platform is Platform.INSTAGRAM)
    page.show_checklist(target.id)
    assert page.tabs.currentWidget() is tab
    assert tab.current_row() is not None and tab.current_row().id == target.id  # type: ignore[union-attr]
    assert "steps done" in tab.state_line.text()
    assert not tab.finish_button.isEnabled()
    # Finishing early is refused with the reason.
    tab.finish()
    settle(qtbot, session)
    assert tab.error.text() == (
        "The account cannot change status yet: its deactivation checklist is not complete."
    )
    while (row := tab.current_row()) is not None and row.entry.next_item is not None:
        _tick(qtbot, session, tab, row.entry.items.index(row.entry.next_item))
    row = tab.current_row()
    assert row is not None and row.entry.ready_to_complete and tab.finish_button.isEnabled()
    who = tab.items.index(0, ItemColumn.WHO).data()
    assert who == "Admin Contoh"
    assert tab.finish_button.text() == "Finish: deactivated"
    tab.finish_button.click()
    settle(qtbot, session)
    settle(qtbot, session)
    account = accounts.get_account(ctx_of(session), target.id)
    assert account.status is AccountStatus.DEACTIVATED
    assert "is now: Deactivated" in tab.status.text()
    assert target.id not in {r.id for r in tab.overview.records()}  # finished: hidden
    tab.show_finished.setChecked(True)
    assert target.id in {r.id for r in tab.overview.records()}


def test_a_step_waits_for_the_password_change(
    qtbot: QtBot, page: TermEndPage, session: Session
) -> None:
    tab = page.checklists
    waiting = next(
        r
        for r in tab.data.rows
        if r.entry.account.needs_password_change  # type: ignore[union-attr]
    )
    page.show_checklist(waiting.id)
    assert tab.password_button.isVisibleTo(tab)
    step = next(i for i in waiting.entry.items if i.step_key == checklist.CHANGE_PASSWORD_KEY)
    index = tab.items.index(waiting.entry.items.index(step), ItemColumn.STEP)
    tab.items.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, session)
    assert "Change the account's password first" in tab.error.text()
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(tab.rotation_requested) as asked:
        tab.password_button.click()
    assert asked.args == [waiting.id]


def test_kecamatan_filter_and_models(
    qtmodeltester: ModelTester, page: TermEndPage, qtbot: QtBot, session: Session
) -> None:
    tab = page.checklists
    qtmodeltester.check(tab.overview)
    qtmodeltester.check(tab.items)
    tab.kecamatan.setCurrentIndex(tab.kecamatan.findText("Bukal"))
    assert {r.kecamatan for r in tab.overview.records()} == {"Bukal"}
    assert page.tabs.tabText(1) == f"Deactivation checklists ({tab.count_open()})"


def test_admin_edits_the_templates(
    qtmodeltester: ModelTester, qtbot: QtBot, page: TermEndPage, session: Session
) -> None:
    assert not page.checklists.templates_button.isHidden()
    dialog = page.checklists.edit_templates()
    assert isinstance(dialog, TemplateDialog)
    settle(qtbot, session)
    qtmodeltester.check(dialog.model)
    steps = dialog.model.records()
    assert steps[-1].step_key == checklist.FINAL_STEP_KEY
    editor = dialog.add()
    editor.text_id.setPlainText("Hapus aplikasi pihak ketiga")
    editor.save()
    settle(qtbot, session)
    assert editor.errors["text_en"].text() == "Write the step in both languages."
    editor.text_en.setPlainText("Remove third-party apps")
    editor.save()
    settle(qtbot, session)
    settle(qtbot, session)
    texts = [s.text_en for s in dialog.model.records()]
    assert texts[-2] == "Remove third-party apps" and len(texts) == len(steps) + 1
    # Move it up one place, then switch it off; the final step cannot be switched off.
    dialog.table.select_where(lambda s: s.text_en == "Remove third-party apps")
    dialog.up_button.click()
    settle(qtbot, session)
    settle(qtbot, session)
    assert [s.text_en for s in dialog.model.records()][-3] == "Remove third-party apps"
    dialog.toggle_button.click()
    settle(qtbot, session)
    settle(qtbot, session)
    added = next(s for s in dialog.model.records() if s.text_en == "Remove third-party apps")
    assert not added.active and dialog.toggle_button.text() == "Switch on"
    dialog.table.select_where(lambda s: s.step_key == checklist.FINAL_STEP_KEY)
    assert not dialog.toggle_button.isEnabled() and not dialog.up_button.isEnabled()
    ctx = ctx_of(session)
    platform = dialog.chosen_platform()
    assert any(
        s.text_en == "Remove third-party apps" and not s.active
        for s in checklist.template_steps(ctx, platform)
    )
