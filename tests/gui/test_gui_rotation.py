"""The rotation queue on the demo vault: a new password generated, copied, the platform's
page opened, confirmed and saved; the account leaves the queue, the old password goes to
the history, new backup codes are stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from handover_support import STORY_DAY, FakeWorld, ctx_of, demo_session, fake_world
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import fixed_clock, settle, start

from brankas.core.domain.enums import Platform, RotationReason
from brankas.core.services import accounts, handover, secrets
from brankas.core.services.secrets import SecretField
from brankas.gui.context import AppContext
from brankas.gui.handover.platform_urls import password_page
from brankas.gui.handover.rotation_dialog import RotationDialog
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
    start(qtbot, p, session)
    yield p
    p.end_session()


def test_the_queue_is_the_returned_accounts_not_yet_rotated(
    qtmodeltester: ModelTester, page: TermEndPage, session: Session
) -> None:
    rows = page.rotation.rows()
    assert {r.kecamatan for r in rows} == {"Bukal", "Bunobogu", "Paleleh Barat"}
    assert {r.id for r in rows} == {a.id for a in handover.rotation_queue(ctx_of(session))}
    assert all(r.returned_on is not None and r.handover_number for r in rows)
    assert page.tabs.tabText(0) == f"Password changes ({len(rows)})"
    qtmodeltester.check(page.rotation.model)


def test_rotate_one_account_and_it_leaves_the_queue(
    qtbot: QtBot, page: TermEndPage, session: Session, world: FakeWorld
) -> None:
    rows = page.rotation.rows()
    fb = next(r for r in rows if r.account.platform is Platform.FACEBOOK_PAGE)
    before = len(rows)
    dialog = page.open_rotation(fb.id)
    assert isinstance(dialog, RotationDialog) and dialog.isVisible()
    assert dialog.current() is not None and dialog.current().id == fb.id  # type: ignore[union-attr]
    new_password = dialog.generator.value()
    assert len(new_password) >= 16
    assert not dialog.save_button.isEnabled()  # not confirmed yet
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == new_password
    dialog.open_button.click()
    assert world.opened_urls == ["https://www.facebook.com/settings?tab=security"]
    dialog.confirm.setChecked(True)
    dialog.codes.setPlainText("2222 0001\n2222 0002\n\n2222 0003\n")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    settle(qtbot, session)
    settle(qtbot, session)  # the page reloads the queue after the save
    assert fb.id not in {r.id for r in page.rotation.rows()}
    assert len(page.rotation.rows()) == before - 1
    assert dialog.current() is not None and dialog.current().id != fb.id  # type: ignore[union-attr]
    assert "left the queue" in dialog.status.text()
    ctx = ctx_of(session)
    stored = secrets.reveal(ctx, fb.id, SecretField.PASSWORD)
    assert stored is not None and stored.reveal() == new_password
    history = secrets.password_history(ctx, fb.id)
    assert history[-1].reason is RotationReason.HANDOVER
    account = accounts.get_account(ctx, fb.id)
    assert not account.needs_password_change and account.backup_codes_remaining == 3
    # The queue lives in the vault: a page opened afresh shows the same.
    again = TermEndPage(page.resources, clock=fixed_clock(STORY_DAY))
    qtbot.addWidget(again)
    start(qtbot, again, session)
    assert {r.id for r in again.rotation.rows()} == {r.id for r in page.rotation.rows()}
    again.end_session()
    dialog.force_close()
    assert dialog.generator.value() == ""


def test_refusals_and_skipping(qtbot: QtBot, page: TermEndPage, session: Session) -> None:
    rows = page.rotation.rows()
    dialog = page.open_rotation(rows[0].id)
    assert dialog is not None
    dialog.confirm.setChecked(True)
    dialog.codes.setPlainText("   \n")  # blank: no new codes, that is fine
    first = dialog.current()
    assert first is not None
    dialog.skip_button.click()
    assert dialog.current() is not None and dialog.current().id != first.id  # type: ignore[union-attr]
    assert not dialog.confirm.isChecked()
    # The generator refuses impossible options; nothing can be saved then.
    for box in dialog.generator.sets.values():
        box.setChecked(False)
    dialog.confirm.setChecked(True)
    assert not dialog.save_button.isEnabled()
    dialog.force_close()


def test_password_pages_per_platform(session: Session) -> None:
    ctx = ctx_of(session)
    by_platform = {a.platform: a for a in accounts.list_accounts(ctx)}
    assert password_page(by_platform[Platform.INSTAGRAM]) == (
        "https://www.instagram.com/accounts/password/change/"
    )
    assert password_page(by_platform[Platform.X]) == "https://x.com/settings/password"
    # The demo's mailboxes are at contoh.example: no known provider page.
    assert password_page(by_platform[Platform.EMAIL]) is None
