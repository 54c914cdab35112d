"""The province's review dashboard on two demo regencies: counts, drill-down, audited reveal,
the report PDF; the main window by office kind; the keys in Settings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from gui_support import visible
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QToolBar
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from test_gui_archive_support import (
    DEMO_PASSWORD,
    PROVINCE_PASSWORD,
    copy_regency,
    export_from,
    import_into,
    make_province,
    open_session,
    province_session,
    settle,
)

from brankas.core.archive import keys
from brankas.core.archive.review_mode import SeverityCounts, account_rows, kecamatan_rows
from brankas.core.domain.enums import Platform
from brankas.core.review.load import load_snapshot
from brankas.core.review.rules import review
from brankas.core.secret import Secret
from brankas.core.services import office, secrets
from brankas.core.services.context import ServiceContext
from brankas.core.services.demo import ADMIN_NAME
from brankas.core.vault.vault import Vault
from brankas.gui.archive.keys_box import ArchiveKeysBox
from brankas.gui.archive.province_key_dialog import ProvinceKeyDialog
from brankas.gui.archive.reveal_dialog import RevealDialog
from brankas.gui.archive.review_models import (
    ROW_ROLE,
    FindingsModel,
    OverviewColumn,
    OverviewModel,
    ReviewAccountModel,
    ReviewKecamatanModel,
)
from brankas.gui.archive.review_page import ReviewPage
from brankas.gui.context import AppContext
from brankas.gui.main_window import MainWindow
from brankas.gui.pages.audit_page import target_names
from brankas.gui.session import Session
from brankas_testing import FAST_POLICY

TODAY = date(2025, 3, 10)  # after the demo's Pilkada 2024 ended


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A province vault holding the newest Pilkada archive of Buol and of Tolitoli, plus
    the two regency vaults (built once: exporting and importing take seconds)."""
    root = tmp_path_factory.mktemp("review")
    make_province(root / "provinsi")
    buol = copy_regency("BWS.BUOL", root / "buol")
    toli = copy_regency("BWS.TOLI", root / "toli")
    out = root / "keluar"
    out.mkdir()
    vault = Vault.unlock(
        root / "provinsi", "Admin Provinsi", Secret(PROVINCE_PASSWORD), policy=FAST_POLICY
    )
    try:
        for regency in (buol, toli):
            import_into(vault, export_from(regency, vault, out), regency)
    finally:
        vault.close(backup=False)
    return root / "provinsi", buol, toli


@pytest.fixture
def session(
    gui_ctx: AppContext, archives: tuple[Path, Path, Path], tmp_path: Path
) -> Iterator[Session]:
    import shutil

    shutil.copytree(archives[0], tmp_path / "provinsi")
    with province_session(gui_ctx, tmp_path / "provinsi") as s:
        yield s


def _page(qtbot: QtBot, session: Session) -> ReviewPage:
    page = ReviewPage(lambda exc: pytest.fail(f"unexpected {exc!r}"), clock=lambda: TODAY)
    qtbot.addWidget(page)
    page.start_session(session)
    page.page_shown()
    settle(qtbot, session)
    return page


def _regency_findings(folder: Path) -> SeverityCounts:
    vault = Vault.unlock(folder, ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)
    try:
        return SeverityCounts.of(review(load_snapshot(vault.conn), today=TODAY, term_ids=[2]))
    finally:
        vault.close(backup=False)


def test_dashboard_counts_match_each_regency(
    qtbot: QtBot, session: Session, archives: tuple[Path, Path, Path]
) -> None:
    page = _page(qtbot, session)
    assert "Monday, 10 March 2025" in page.intro.text()
    rows = [page.proxy.index(r, 0).data(ROW_ROLE) for r in range(page.proxy.rowCount())]
    assert [(r.office_code, r.term.name) for r in rows] == [
        ("BWS.BUOL", "Pilkada 2024"),
        ("BWS.TOLI", "Pilkada 2024"),
    ]
    for row, folder in zip(rows, archives[1:], strict=True):
        counts = _regency_findings(folder)
        assert row.counts == counts and counts.error > 0
    first = page.proxy.index(0, OverviewColumn.ERRORS)
    assert first.data() == str(rows[0].counts.error)
    assert first.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.cache.reads == 2
    page.reload()  # a refresh decrypts nothing again
    settle(qtbot, session)
    assert page.cache.reads == 2
    page.end_session()
    assert page.model.rowCount() == 0 and len(page.cache) == 0


def test_drill_down_and_audited_reveal(
    qtbot: QtBot, session: Session, archives: tuple[Path, Path, Path]
) -> None:
    page = _page(qtbot, session)
    row = page.row_of("BWS.BUOL", "Pilkada 2024")
    assert row is not None
    page.open_row(row)
    settle(qtbot, session)
    assert page.stack.currentIndex() == 1 and not page.back.isHidden()
    detail = page.detail
    assert detail.archive is not None
    names = [
        detail.kecamatan_proxy.index(r, 0).data() for r in range(detail.kecamatan_proxy.rowCount())
    ]
    assert names[:3] == ["Biau", "Bokat", "Bukal"] and len(names) >= 11
    expected = kecamatan_rows(detail.archive, 2)
    assert sum(k.counts.total for k in expected) == row.counts.total
    assert detail.select_kecamatan("Biau")
    biau = next(k for k in expected if k.name == "Biau")
    accounts = account_rows(detail.archive, 2, biau.kecamatan_id)
    assert detail.accounts_proxy.rowCount() == len(accounts) > 0
    insta = next(i for i, a in enumerate(accounts) if a.account.platform is Platform.INSTAGRAM)
    source = detail.accounts.index(insta, 0)
    detail.accounts_view.setCurrentIndex(detail.accounts_proxy.mapFromSource(source))
    account = accounts[insta].account
    assert detail.panel.heading.text() == f"Instagram — {account.handle}"
    assert detail.panel.findings.rowCount() == len(accounts[insta].findings)
    assert detail.panel.reveal_buttons["password"].isEnabled()
    dialog = detail.reveal("password")
    assert isinstance(dialog, RevealDialog)
    assert not dialog.reveal_button.isEnabled()
    dialog.reason.setText("memeriksa aturan 2")
    dialog.reveal_button.click()
    settle(qtbot, session)
    regency = Vault.unlock(archives[1], ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)
    try:
        own = secrets.reveal(ServiceContext(regency), account.id, "password", reason="uji")
    finally:
        regency.close(backup=False)
    assert own is not None and dialog.value.toPlainText() == own.reveal()
    event = list(session.vault.audit.events())[-1]
    assert (event.kind, event.detail["reason"], event.detail["account_id"]) == (
        "reveal",
        "memeriksa aturan 2",
        account.id,
    )
    assert own.reveal() not in str(event.detail)
    dialog.close()
    assert dialog.value.toPlainText() == ""
    page.show_overview()
    assert page.stack.currentIndex() == 0 and page.back.isHidden()


def test_review_report_pdf(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    page = _page(qtbot, session)
    target = tmp_path / "laporan.pdf"
    page.print_report(target)
    settle(qtbot, session)
    assert page.last_report is not None and page.last_report[0] == target
    assert target.read_bytes().startswith(b"%PDF") and page.last_report[1] >= 2
    row = page.row_of("BWS.TOLI", "Pilkada 2024")
    assert row is not None
    page.open_row(row)
    settle(qtbot, session)
    one = tmp_path / "toli.pdf"
    page.print_report(one)
    settle(qtbot, session)
    assert one.read_bytes().startswith(b"%PDF")


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, session: Session
) -> None:
    page = _page(qtbot, session)
    row = page.model.row_at(0)
    assert row is not None
    overview_model = OverviewModel()
    qtmodeltester.check(overview_model)
    overview_model.set_rows([page.model.row_at(r) for r in range(page.model.rowCount())])
    qtmodeltester.check(overview_model)
    page.open_row(row)
    settle(qtbot, session)
    archive = page.detail.archive
    assert archive is not None
    kec = ReviewKecamatanModel()
    kec.set_rows(kecamatan_rows(archive, 2))
    qtmodeltester.check(kec)
    accounts = ReviewAccountModel()
    first = kecamatan_rows(archive, 2)[0]
    accounts.set_rows(account_rows(archive, 2, first.kecamatan_id))
    qtmodeltester.check(accounts)
    findings = FindingsModel()
    findings.set_rows(archive.term_findings(2))
    qtmodeltester.check(findings)
    assert findings.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_main_window_shows_the_province_pages(
    qtbot: QtBot, gui_ctx: AppContext, session: Session
) -> None:
    main = MainWindow(gui_ctx, lambda exc: pytest.fail(f"unexpected {exc!r}"))
    qtbot.addWidget(main)
    main.start_session(session)
    settle(qtbot, session)
    keys_shown = [main.nav_model.key_at(r) for r in range(main.nav_model.rowCount())]
    assert keys_shown == ["archives", "review", "audit", "operators", "settings"]
    assert main.current_key == "archives"
    assert main.stack.currentWidget() is main.pages["archives"]
    assert not main.archive.export_action.isVisible()
    main.show_page("review")
    settle(qtbot, session)
    assert main.archive.review.model.rowCount() == 2
    main.end_session()


def test_main_window_offers_export_to_a_regency_admin(
    qtbot: QtBot, gui_ctx: AppContext, tmp_path: Path
) -> None:
    copy_regency("BWS.BUOL", tmp_path / "buol")
    with open_session(gui_ctx, tmp_path / "buol") as s:
        main = MainWindow(gui_ctx, lambda exc: pytest.fail(f"unexpected {exc!r}"))
        qtbot.addWidget(main)
        main.start_session(s)
        settle(qtbot, s)
        keys_shown = [main.nav_model.key_at(r) for r in range(main.nav_model.rowCount())]
        assert "archives" not in keys_shown and "review" not in keys_shown
        assert keys_shown[0] == "dashboard"
        assert main.archive.export_action.isEnabled()
        main.archive.export_action.trigger()
        settle(qtbot, s)
        from brankas.gui.archive.export_dialog import ExportDialog

        dialog = visible(main, ExportDialog)
        assert dialog is not None and dialog.refusal.isVisible()  # no province key yet
        dialog.close()
        main.end_session()
        assert not main.archive.export_action.isEnabled()


def test_settings_keys_regency(
    qtbot: QtBot, gui_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_province(tmp_path / "provinsi")
    copy_regency("BWS.BUOL", tmp_path / "buol")
    province = Vault.unlock(
        tmp_path / "provinsi", "Admin Provinsi", Secret(PROVINCE_PASSWORD), policy=FAST_POLICY
    )
    key_text = keys.recipient_file_text(province)
    province_fp = keys.own_recipient(province.conn).fingerprint
    province.close(backup=False)
    with open_session(gui_ctx, tmp_path / "buol") as s:
        box = ArchiveKeysBox(lambda exc: pytest.fail(f"unexpected {exc!r}"))
        qtbot.addWidget(box)
        box.start_session(s)
        settle(qtbot, s)
        signer = keys.signing_public_key(s.vault.conn)
        assert signer.fingerprint in box.signer.text() and signer.key_id_text in box.signer.text()
        assert box.province.text() == "not imported yet" and box.change.text() == "Import…"
        saved = box.save_public_key(tmp_path / "kunci.pub")
        assert saved is not None and saved.read_text() == signer.to_file_text()
        dialog = box.open_change()
        assert isinstance(dialog, ProvinceKeyDialog)
        dialog.text.setPlainText("age1bukan")
        assert dialog.error.isVisible() and not dialog.ok.isEnabled()
        key_file = tmp_path / "provinsi.txt"
        key_file.write_text(key_text)
        dialog.load_file(key_file)
        assert dialog.fingerprint.text() == province_fp and not dialog.error.isVisible()
        # "Choose key file…" offers .brankaskey first, and still .txt.
        dialog.text.clear()
        chosen = tmp_path / "kunci-provinsi-BWS.SULTENG.brankaskey"
        chosen.write_text(key_text)
        filters: list[str] = []

        def open_dialog(_p: object, _t: str, _d: str, given: str) -> tuple[str, str]:
            filters.append(given)
            return str(chosen), ""

        monkeypatch.setattr(
            "brankas.gui.archive.province_key_dialog.QFileDialog.getOpenFileName", open_dialog
        )
        choose = dialog.findChild(QPushButton, "provinceKeyChoose")
        assert choose is not None
        choose.click()
        assert filters == ["Province key files (*.brankaskey *.txt *.pub *.age);;All files (*)"]
        assert dialog.fingerprint.text() == province_fp and not dialog.error.isVisible()
        dialog.password.setText("salah")
        assert not dialog.ok.isEnabled()  # the fingerprint is not confirmed yet
        dialog.matches.setChecked(True)
        dialog.ok.click()
        settle(qtbot, s)
        assert dialog.isVisible() and "password" in dialog.error.text().lower()
        assert keys.province_recipient(s.vault.conn) is None
        dialog.password.setText(DEMO_PASSWORD)
        dialog.ok.click()
        settle(qtbot, s)
        assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
        stored = keys.province_recipient(s.vault.conn)
        assert stored is not None and stored.fingerprint == province_fp
        assert box.province_fp.text() == province_fp and box.change.text() == "Change…"
        event = list(s.vault.audit.events())[-1]
        assert event.target == "archive:province_recipient"
        box.end_session()
        assert box.signer.text() == ""


def test_settings_keys_province(
    qtbot: QtBot, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.update_office(ServiceContext(session.vault), code="BWS.SULTENG")
    box = ArchiveKeysBox(lambda exc: pytest.fail(f"unexpected {exc!r}"))
    qtbot.addWidget(box)
    box.start_session(session)
    settle(qtbot, session)
    own = keys.own_recipient(session.vault.conn)
    assert box.province.text() == own.recipient and box.province_fp.text() == own.fingerprint
    assert box.change.isHidden() and box.signer.isHidden()
    saved = box.save_public_key(tmp_path / "provinsi.txt")
    assert saved is not None
    assert keys.parse_recipient(saved.read_text())[0] == own.recipient
    assert own.fingerprint in saved.read_text()
    # Asked where, it suggests the .brankaskey name with the office code.
    asked: list[tuple[str, str]] = []

    def save_dialog(_parent: object, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append((suggested, filters))
        return str(tmp_path / suggested), ""

    monkeypatch.setattr("brankas.gui.archive.keys_box.QFileDialog.getSaveFileName", save_dialog)
    saved = box.save_public_key()
    assert asked == [
        (
            "kunci-provinsi-BWS.SULTENG.brankaskey",
            "Brankas province key (*.brankaskey);;Text files (*.txt)",
        )
    ]
    assert saved == tmp_path / "kunci-provinsi-BWS.SULTENG.brankaskey" and saved.is_file()


def _offered(main: MainWindow) -> tuple[list[str], list[str]]:
    """The texts of the visible actions: the File menu's, then the toolbar's."""
    file_menu = main.menuBar().actions()[0].menu()
    toolbar = main.findChild(QToolBar, "mainToolbar")
    assert isinstance(file_menu, QMenu) and toolbar is not None

    def shown(actions: list[QAction]) -> list[str]:
        return [a.text() for a in actions if a.isVisible() and not a.isSeparator()]

    return shown(file_menu.actions()), shown(toolbar.actions())


def test_a_province_window_offers_no_regency_actions(
    qtbot: QtBot, gui_ctx: AppContext, session: Session, tmp_path: Path
) -> None:
    main = MainWindow(gui_ctx, lambda exc: pytest.fail(f"unexpected {exc!r}"))
    qtbot.addWidget(main)
    main.start_session(session)
    settle(qtbot, session)
    regency_actions = [
        *main.handover.actions.actions(),
        *main.transfer.actions(),
        main.archive.export_action,
    ]
    texts = {a.text() for a in regency_actions}
    file_menu, toolbar = _offered(main)
    assert file_menu == ["&Quit"]
    assert not texts & set(toolbar) and toolbar  # lock and backup stay
    assert not any(a.isEnabled() for a in regency_actions)  # no shortcut reaches them
    main.end_session()
    # The same window unlocked on a regency's vault offers them again.
    copy_regency("BWS.BUOL", tmp_path / "buol")
    with open_session(gui_ctx, tmp_path / "buol") as s:
        main.start_session(s)
        settle(qtbot, s)
        file_menu, toolbar = _offered(main)
        assert texts <= set(file_menu)
        assert main.handover.actions.new_action.text() in toolbar
        assert main.transfer.import_action.text() in toolbar
        assert main.transfer.import_action.isEnabled()
        main.end_session()


def test_the_province_audit_log_names_imported_archives(session: Session) -> None:
    ctx = ServiceContext(session.vault)
    targets = {e.target for e in session.vault.audit.events() if e.target.startswith("archive:")}
    names = target_names(ctx, [*targets, "archive:no-such-export"])
    named = [names[t] for t in targets if t in names]
    assert len(named) == 2  # the two imports
    assert any(n.startswith("Bawaslu Kabupaten Buol — ") for n in named), named
    assert all("Pilkada" in n for n in named), named
    assert "archive:no-such-export" not in names
