"""Account editor: live validation by error code, create, edit, Page roster, delete, generator."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from accounts_support import accounts_page, build_template, make_session, open_copy, wait_idle
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from brankas.core.domain.enums import AccountStatus, Owner, PageAccess, Platform
from brankas.core.errors import InvalidValue
from brankas.core.services import accounts, secrets
from brankas.core.services.context import ServiceContext
from brankas.gui.context import AppContext
from brankas.gui.dialogs.account_editor import AccountEditor
from brankas.gui.errors import error_message
from brankas.gui.models.accounts_model import Column
from brankas.gui.pages.accounts_page import AccountsPage
from brankas.gui.session import Session


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("demo-editor") / "vault")


@pytest.fixture
def session(
    demo_template: Path, tmp_path: Path, gui_ctx: AppContext, qapp: QApplication
) -> Session:
    return make_session(gui_ctx, open_copy(demo_template, tmp_path / "vault"), qapp)


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[AccountsPage]:
    with accounts_page(qtbot, session) as p:
        yield p


def _sentence(code: str) -> str:
    return error_message(InvalidValue("", code=code))


def _select(qtbot: QtBot, page: AccountsPage, handle: str) -> None:
    rows = [page.proxy.index(r, Column.HANDLE).data() for r in range(page.proxy.rowCount())]
    page.table.setCurrentIndex(page.proxy.index(rows.index(handle), 0))
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.account.handle == handle,
        timeout=10_000,
    )
    wait_idle(qtbot, page.session)  # type: ignore[arg-type]


def _ctx(session: Session) -> ServiceContext:
    return ServiceContext(session.vault)


def _find(session: Session, platform: Platform, handle: str) -> int:
    found = [
        a for a in accounts.list_accounts(_ctx(session), platform=platform) if a.handle == handle
    ]
    assert len(found) == 1
    return found[0].id


def test_fields_are_checked_as_typed_with_sentences_by_code(page: AccountsPage) -> None:
    editor = page.open_new()
    assert isinstance(editor, AccountEditor)
    idt, rec, sec = editor.identity, editor.recovery, editor.secrets
    idt.platform.setCurrentIndex(idt.platform.findData(Platform.INSTAGRAM))
    idt.handle.setText("contoh..ganda")
    assert editor.field_error("handle") == _sentence("handle_double_dot")
    idt.handle.setText("https://www.instagram.com/contoh.baru/")
    assert editor.field_error("handle") == ""
    assert "@contoh.baru" in idt.handle_preview.text()
    idt.platform.setCurrentIndex(idt.platform.findData(Platform.FACEBOOK_PAGE))
    idt.handle.setText("https://www.facebook.com/groups/contoh")
    assert editor.field_error("handle") == _sentence("url_facebook_group")
    rec.email.setText("bukan-alamat")
    assert editor.field_error("recovery_email") == _sentence("email_missing_at")
    rec.phone.setText("0212")
    assert editor.field_error("recovery_phone") in (
        _sentence("phone_too_short"),
        _sentence("phone_bad_prefix"),
    )
    sec.totp.setText("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP")
    assert editor.field_error("totp_secret") == _sentence("totp_hotp_unsupported")
    idt.follow_term.setChecked(False)
    idt.active_from.setDate(QDate(2025, 2, 1))
    idt.active_until.setDate(QDate(2025, 1, 1))
    assert editor.field_error("active_until") == _sentence("active_until_before_from")
    # Saving with errors goes to the first one and sends nothing to the vault.
    editor.save_button.click()
    assert editor.tabs.currentIndex() == 0 and editor.isVisible()
    assert error_message(InvalidValue("", code="handle_double_dot")) != _sentence("handle_empty")
    editor.reject()


def test_create_an_account_with_secrets(qtbot: QtBot, page: AccountsPage, session: Session) -> None:
    page.filters.kecamatan.setCurrentIndex(page.filters.kecamatan.findText("Lakea"))
    editor = page.open_new()
    assert editor is not None
    idt, rec, sec = editor.identity, editor.recovery, editor.secrets
    assert idt.kecamatan.currentText() == "Lakea"  # the filter pre-fills it
    idt.platform.setCurrentIndex(idt.platform.findData(Platform.TIKTOK))
    idt.handle.setText("@Panwascam.Lakea")
    idt.term.setCurrentIndex(idt.term.findText("Pilkada 2024"))
    rec.email.setText("panwascam.lakea@contoh.example")  # the vault's e-mail account
    sec.password.setText("Contoh-Lakea-tiktok-2024!")
    sec.totp.setText("JBSW Y3DP EHPK 3PXP")
    sec.codes.setPlainText("1111 0001\n1111 0002\n")
    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        editor.save_button.click()
    account = saved.args[0].account
    assert account.handle == "@panwascam.lakea" and account.status is AccountStatus.PLANNED
    assert account.recovery_email_account_id is not None  # linked by address
    assert account.recovery_email_owner is Owner.OFFICE
    assert account.backup_codes_remaining == 2
    assert account.active_until is not None  # from the term
    wait_idle(qtbot, session)
    ctx = _ctx(session)
    assert secrets.reveal(ctx, account.id, "password").reveal() == "Contoh-Lakea-tiktok-2024!"
    assert secrets.secret_presence(ctx, account.id)["totp_secret"]
    qtbot.waitUntil(lambda: page.current_account_id() == account.id, timeout=10_000)


def test_service_errors_land_under_their_field(
    qtbot: QtBot, page: AccountsPage, session: Session
) -> None:
    editor = page.open_new()
    assert editor is not None
    idt = editor.identity
    idt.platform.setCurrentIndex(idt.platform.findData(Platform.INSTAGRAM))
    idt.handle.setText("@contoh.biau.pilkada")  # already in the vault
    editor.save_button.click()
    qtbot.waitUntil(lambda: bool(editor.field_error("handle")), timeout=10_000)
    assert editor.field_error("handle") == error_message(
        accounts.DomainConflict("", code="account_duplicate")
    )
    assert editor.isVisible()
    editor.secrets.password.setText("sama")
    editor.reject()
    assert editor.secrets.password.text() == ""  # typed secrets are wiped on close


def test_edit_an_account_and_its_page_roster(
    qtbot: QtBot, page: AccountsPage, session: Session
) -> None:
    _select(qtbot, page, "panwascam.tiloan.pilkada")
    editor = page.open_edit()
    assert editor is not None
    assert editor.identity.handle.text() == "panwascam.tiloan.pilkada"
    assert editor.tabs.isTabVisible(2)
    roster = editor.page
    before = len(roster.current())
    partial = next(e for e in roster.current() if e.access is PageAccess.PARTIAL)
    roster.table.selectRow(roster.model.records().index(partial))
    roster.remove_button.click()
    assert len(roster.current()) == before - 1
    roster.free_name.setText("Relawan Contoh")
    roster.access.setCurrentIndex(roster.access.findData(PageAccess.TASK))
    roster.add_button.click()
    roster.free_name.setText("relawan contoh")
    roster.add_button.click()
    assert roster.error.text() == error_message(InvalidValue("", code="page_access_duplicate"))
    editor.identity.display_name.setText("Panwaslu Kecamatan Tiloan (Pilkada)")
    editor.recovery.phone.setText("0812-0000-0777")
    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        editor.save_button.click()
    account = saved.args[0].account
    assert account.display_name == "Panwaslu Kecamatan Tiloan (Pilkada)"
    assert account.recovery_phone == "+6281200000777"
    wait_idle(qtbot, session)
    current = accounts.list_page_access(_ctx(session), account.id, current_only=True)
    names = {e.person_name for e in current}
    assert "Relawan Contoh" in names and partial.person_name not in names


def test_delete_only_a_planned_account(qtbot: QtBot, page: AccountsPage, session: Session) -> None:
    _select(qtbot, page, "@contoh.biau.pilkada")
    assert not page.delete_button.isEnabled()
    made = accounts.create_account(
        _ctx(session), platform=Platform.YOUTUBE, handle="@ContohSalahKetik"
    ).account
    page.reload()
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: page.model.row_of(made.id) is not None, timeout=10_000)
    _select(qtbot, page, made.handle)
    assert page.delete_button.isEnabled()
    page.delete_button.click()
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    confirm = box.findChild(QPushButton, "confirmButton")
    assert confirm is not None
    confirm.click()
    qtbot.waitUntil(lambda: page.model.row_of(made.id) is None, timeout=10_000)
    wait_idle(qtbot, session)
    assert not [a for a in accounts.list_accounts(_ctx(session)) if a.id == made.id]


def test_generator_fills_the_password(qtbot: QtBot, page: AccountsPage) -> None:
    editor = page.open_new()
    assert editor is not None
    dialog = editor.secrets.open_generator()
    gen = dialog.generator
    gen.passphrase.setChecked(True)
    gen.words.setValue(5)
    value = gen.value()
    assert len(value.split("-")) == 5
    assert gen.meter.label.text()  # a strength word
    dialog.use_button.click()
    assert editor.secrets.password.text() == value
    assert gen.value() == ""  # the dialog forgot it
    assert editor.secrets.meter.label.text()
    editor.reject()


def test_locking_closes_the_editor_and_wipes_typed_secrets(
    qtbot: QtBot, page: AccountsPage
) -> None:
    editor = page.open_new()
    assert editor is not None
    editor.secrets.password.setText("rahasia-yang-diketik")
    editor.force_close()
    assert not editor.isVisible()
    assert editor.secrets.password.text() == ""
    qtbot.waitUntil(lambda: page._editor is None)


def test_unsaved_fields_come_back_after_a_lock_but_not_secrets(
    qtbot: QtBot, page: AccountsPage, session: Session
) -> None:
    _select(qtbot, page, "@contoh.biau.pilkada")
    editor = page.open_edit()
    assert editor is not None
    editor.identity.display_name.setText("Nama belum disimpan")
    editor.recovery.device.setText("Ponsel kantor Humas")
    editor.secrets.password.setText("rahasia-yang-diketik")
    editor.force_close()  # what locking does to every dialog of the window
    assert page.draft is not None and "rahasia" not in repr(page.draft)
    page.end_session()
    page.start_session(session)  # unlocked again by the same operator
    qtbot.waitUntil(lambda: page._editor is not None, timeout=10_000)
    restored = page._editor
    assert restored is not None and restored is not editor
    assert restored.identity.display_name.text() == "Nama belum disimpan"
    assert restored.recovery.device.text() == "Ponsel kantor Humas"
    assert restored.secrets.password.text() == ""
    assert restored.notice.isVisibleTo(restored)
    assert page.draft is None
    restored.reject()


def test_a_draft_is_not_shown_to_another_operator(
    qtbot: QtBot, page: AccountsPage, session: Session
) -> None:
    editor = page.open_new()
    assert editor is not None
    editor.identity.handle.setText("@draf.operator.lain")
    editor.force_close()
    assert page.draft is not None
    page.draft = dataclasses.replace(page.draft, operator_id="someone-else")
    page.end_session()
    page.start_session(session)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, session)
    assert page._editor is None and page.draft is None


def test_tab_moves_from_field_to_field_not_to_the_scroll_areas(page: AccountsPage) -> None:
    editor = page.open_new()
    assert isinstance(editor, AccountEditor)
    for index in range(editor.tabs.count()):
        scroll = editor.tabs.widget(index)
        assert isinstance(scroll, QScrollArea)
        assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
    editor.reject()
