"""Accounts page: list, search and filters, detail panel, reveal and copy (audited), lock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from accounts_support import (
    DEMO_PASSWORD,
    accounts_page,
    build_template,
    make_session,
    open_copy,
    wait_idle,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.secret import Secret
from brankas.core.services import accounts
from brankas.core.services.context import ServiceContext
from brankas.core.services.demo import ADMIN_NAME
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.models.accounts_model import ACCOUNT_ROLE, ROTATION_ROLE, Column
from brankas.gui.pages.accounts_detail import MASK
from brankas.gui.pages.accounts_page import AccountsPage
from brankas.gui.session import Session


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("demo") / "vault")


@pytest.fixture
def session(
    demo_template: Path, tmp_path: Path, gui_ctx: AppContext, qapp: QApplication
) -> Session:
    return make_session(gui_ctx, open_copy(demo_template, tmp_path / "vault"), qapp)


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[AccountsPage]:
    with accounts_page(qtbot, session) as p:
        yield p


def _handles(page: AccountsPage) -> list[str]:
    return [page.proxy.index(r, Column.HANDLE).data() for r in range(page.proxy.rowCount())]


def _select(qtbot: QtBot, page: AccountsPage, handle: str) -> None:
    row = _handles(page).index(handle)
    page.table.setCurrentIndex(page.proxy.index(row, 0))
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.account.handle == handle,
        timeout=10_000,
    )
    wait_idle(qtbot, page.session)  # type: ignore[arg-type]


def _events(session: Session, kind: str) -> list[tuple[str, str]]:
    rows = session.vault.conn.execute(
        "SELECT target, detail_json FROM audit_event WHERE kind = ? ORDER BY seq", (kind,)
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def test_lists_every_account_sorted_by_kecamatan(page: AccountsPage, session: Session) -> None:
    total = session.vault.conn.execute("SELECT count(*) FROM account").fetchone()[0]
    assert page.proxy.rowCount() == total > 40
    kec = [page.proxy.index(r, Column.KECAMATAN).data() for r in range(page.proxy.rowCount())]
    assert kec == sorted(kec, key=str.casefold)
    assert page.count.text() == f"{total} accounts"
    # the rotation flag is shown for the demo's not-rotated kecamatan
    flagged = [
        page.proxy.index(r, 0).data(ACCOUNT_ROLE)
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data(ROTATION_ROLE)
    ]
    assert flagged and all(a.status is AccountStatus.RETURNED for a in flagged)


def test_search_as_you_type_and_filters(qtbot: QtBot, page: AccountsPage) -> None:
    page.focus_search()
    qtbot.keyClicks(page.filters.search, "tiloan")
    handles = _handles(page)
    assert handles and all("tiloan" in h for h in handles)
    assert "of" in page.count.text()
    page.filters.search.clear()
    page.filters.platform.setCurrentIndex(page.filters.platform.findData(Platform.X))
    rows = [page.proxy.index(r, 0).data(ACCOUNT_ROLE) for r in range(page.proxy.rowCount())]
    assert rows and {a.platform for a in rows} == {Platform.X}
    page.filters.status.setCurrentIndex(page.filters.status.findData(AccountStatus.ACTIVE))
    rows = [page.proxy.index(r, 0).data(ACCOUNT_ROLE) for r in range(page.proxy.rowCount())]
    assert rows and all(a.status is AccountStatus.ACTIVE and a.platform is Platform.X for a in rows)
    kec = page.filters.kecamatan
    kec.setCurrentIndex(kec.findText("Biau"))
    rows = [page.proxy.index(r, 0).data(ACCOUNT_ROLE) for r in range(page.proxy.rowCount())]
    assert len(rows) == 1 and rows[0].handle.startswith("@pwc_biau")
    page.filters.term.setCurrentIndex(page.filters.term.findText("Pemilu 2024"))
    assert page.proxy.rowCount() == 0  # X accounts came with Pilkada


def test_sorting_by_a_column_keeps_the_selection(qtbot: QtBot, page: AccountsPage) -> None:
    _select(qtbot, page, "@contoh.bokat.pilkada")
    page.table.sortByColumn(Column.HANDLE, Qt.SortOrder.DescendingOrder)
    handles = _handles(page)
    assert handles == sorted(handles, key=str.casefold, reverse=True)
    current = page.proxy.account_at(page.table.currentIndex())
    assert current is not None and current.handle == "@contoh.bokat.pilkada"


def test_detail_shows_the_chain_with_personal_warnings(qtbot: QtBot, page: AccountsPage) -> None:
    _select(qtbot, page, "@contoh.bokat.pilkada")  # Bokat: the ketua holds the SIM
    panel = page.detail
    links = {link.key: link for link in panel.chain.links}
    assert list(links) == ["account", "email", "phone", "twofa", "codes"]
    assert links["phone"].value == "0812-0000-0002"  # as people write it
    assert links["phone"].warning  # a person's SIM
    assert "Belongs to" in links["email"].owner and not links["email"].warning
    assert panel.warnings.isVisibleTo(panel)
    assert panel.password_text == MASK
    assert panel.totp.reveal.isEnabled()  # the demo set a TOTP key
    assert panel.audit_model.rowCount() >= 2  # created, password set, ...
    assert panel.password_model.rowCount() == 0
    _select(qtbot, page, "panwascam.biau.contoh")  # a permanent Page with a roster
    assert panel.tabs.isTabVisible(1) and panel.page_model.rowCount() >= 3
    assert panel.custody_model.rowCount() >= 2
    assert panel.password_model.rowCount() >= 1  # rotated after the Pemilu return


def test_reveal_is_audited_and_hidden_on_selection_change(
    qtbot: QtBot, page: AccountsPage, session: Session
) -> None:
    _select(qtbot, page, "@contoh.biau.pilkada")
    before = len(_events(session, "reveal"))
    page.detail.reveal_password.click()
    qtbot.waitUntil(lambda: page.detail.password_text != MASK, timeout=10_000)
    assert page.detail.password_text == "Contoh-Biau-instagram-2024"
    reveals = _events(session, "reveal")
    assert len(reveals) == before + 1 and '"password"' in reveals[-1][1]
    _select(qtbot, page, "@contoh.bokat.pilkada")
    assert page.detail.password_text == MASK
    assert not page.detail.reveal_password.isChecked()


def test_a_long_revealed_password_wraps_instead_of_widening_the_panel(
    qtbot: QtBot, page: AccountsPage
) -> None:
    _select(qtbot, page, "@contoh.biau.pilkada")
    panel = page.detail
    masked = panel.minimumSizeHint().width()
    long_password = "Xk9mQ2vLp8Rz4tWn7Yb3cHs6eJd5fKa1gUo0iPq" * 3
    panel.show_password(Secret(long_password))
    assert panel.password_text == long_password
    assert panel.minimumSizeHint().width() <= masked
    narrow = panel.password.heightForWidth(120)
    assert narrow > panel.password.heightForWidth(2000)  # it wraps onto more lines


def test_copy_shortcuts_go_through_the_clipboard_service(
    qtbot: QtBot, page: AccountsPage, session: Session, qapp: QApplication
) -> None:
    _select(qtbot, page, "@contoh.biau.pilkada")
    session.clipboard.set_timeout_msecs(200)
    page.table.setFocus()
    with qtbot.waitSignal(session.clipboard.copied, timeout=10_000) as copied:
        qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert copied.args[0] == "Password"
    assert qapp.clipboard().text() == "Contoh-Biau-instagram-2024"
    with qtbot.waitSignal(session.clipboard.cleared, timeout=5_000):
        pass
    assert qapp.clipboard().text() == ""
    with qtbot.waitSignal(session.clipboard.copied, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert qapp.clipboard().text() == "@contoh.biau.pilkada"
    with qtbot.waitSignal(session.clipboard.copied, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    code = qapp.clipboard().text()
    assert len(code) == 6 and code.isdigit()
    copies = [d for _t, d in _events(session, "copy")]
    assert ['"password"' in d for d in copies[-3:]] == [True, False, False]
    assert '"username"' in copies[-2] and '"totp"' in copies[-1]
    session.clipboard.clear()


def test_totp_code_counts_down_and_hides(qtbot: QtBot, page: AccountsPage) -> None:
    _select(qtbot, page, "@contoh.biau.pilkada")
    totp = page.detail.totp
    page.show_totp()
    qtbot.waitUntil(lambda: totp.shown, timeout=10_000)
    code = totp.code.text().replace(" ", "")
    assert len(code) == 6 and code.isdigit()
    left = totp.seconds_left
    totp.tick()
    assert totp.seconds_left == left - 1
    with qtbot.waitSignal(totp.expired, timeout=1_000):
        for _ in range(left):
            totp.tick()
    assert not totp.shown and totp.code.text() == "••• •••"


def test_lock_drops_accounts_detail_and_revealed_values(qtbot: QtBot, page: AccountsPage) -> None:
    _select(qtbot, page, "@contoh.biau.pilkada")
    page.detail.reveal_password.click()
    qtbot.waitUntil(lambda: page.detail.password_text != MASK, timeout=10_000)
    page.end_session()
    assert page.model.rowCount() == 0
    assert page.data.index is None and not page.data.accounts
    assert page.detail.detail is None
    assert page.detail.password_text == MASK
    assert page.filters.kecamatan.count() == 1


def test_loads_when_first_shown_and_again_only_after_a_change(
    qtbot: QtBot, session: Session
) -> None:
    page = AccountsPage(session.ctx.resources)
    qtbot.addWidget(page)
    page.start_session(session)  # not on screen: nothing is read yet
    wait_idle(qtbot, session)
    assert page.data.index is None and page.model.rowCount() == 0
    page.show()
    page.page_shown()
    qtbot.waitUntil(lambda: page.model.rowCount() > 40, timeout=10_000)
    wait_idle(qtbot, session)
    first = page.data
    page.page_shown()  # nothing changed: the list is kept
    wait_idle(qtbot, session)
    assert page.data is first
    made = accounts.create_account(
        ServiceContext(session.vault), platform=Platform.TIKTOK, handle="@contoh.baru.tiktok"
    ).account
    page.page_shown()
    qtbot.waitUntil(lambda: page.model.row_of(made.id) is not None, timeout=10_000)
    assert page.data is not first
    wait_idle(qtbot, session)
    page.end_session()
    session.runner.wait()
    session.vault.close(backup=False)


def test_idle_lock_in_the_app_drops_the_list_and_revealed_password(
    qtbot: QtBot, demo_template: Path, controller: AppController, gui_ctx: AppContext
) -> None:
    shutil.copytree(demo_template, gui_ctx.default_vault)
    controller.start()
    unlock = controller.unlock_window
    assert unlock is not None
    unlock.operator.setText(ADMIN_NAME)
    unlock.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        unlock.unlock()
    main = controller.main_window
    assert main is not None
    main.show_page("accounts")
    page = main.pages["accounts"]
    assert isinstance(page, AccountsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 40, timeout=10_000)
    _select(qtbot, page, "@contoh.biau.pilkada")
    page.detail.reveal_password.click()
    qtbot.waitUntil(lambda: page.detail.password_text != MASK, timeout=10_000)
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    controller.idle.set_timeout_msecs(100)
    controller.idle.start()
    with qtbot.waitSignal(controller.vault_locked, timeout=5_000) as locked:
        pass
    assert locked.args == ["idle"]
    assert page.model.rowCount() == 0 and page.data.index is None
    assert page.detail.detail is None and page.detail.password_text == MASK
