"""Audit log page: events with operator names, kind filter, chain verification."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_org_support import open_session

from brankas.core.audit import AuditKind
from brankas.core.services.context import ServiceContext
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.models.audit_model import KIND_ROLE, AuditModel, Column
from brankas.gui.pages.audit_page import AuditPage, target_names
from brankas.gui.session import operator_names


def _audit_page(qtbot: QtBot, controller: AppController) -> AuditPage:
    controller.start()
    window = controller.unlock_window
    assert window is not None
    window.operator.setText(ADMIN)
    window.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(controller.vault_unlocked, timeout=10_000):
        window.unlock()
    main = controller.main_window
    assert main is not None
    main.show_page("audit")
    page = main.pages["audit"]
    assert isinstance(page, AuditPage)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2 and not controller.runner.busy)
    return page


def test_events_show_names_and_filter_by_kind(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    page = _audit_page(qtbot, controller)
    model = page.model
    operators = {model.index(r, Column.OPERATOR).data() for r in range(model.rowCount())}
    assert ADMIN in operators  # the name, never the slot id
    kinds = [model.index(r, 0).data(KIND_ROLE) for r in range(model.rowCount())]
    assert AuditKind.VAULT_CREATED in kinds and AuditKind.UNLOCK in kinds
    # Newest first.
    seqs = [int(model.index(r, Column.SEQ).data()) for r in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)
    index = page.kind_box.findData(str(AuditKind.UNLOCK))
    assert index > 0 and page.kind_box.itemText(index) == "Unlocked"
    page.kind_box.setCurrentIndex(index)
    assert model.rowCount() >= 1
    assert {model.index(r, 0).data(KIND_ROLE) for r in range(model.rowCount())} == {"unlock"}
    page.kind_box.setCurrentIndex(0)
    assert model.rowCount() == len(seqs)


def test_verify_reports_an_intact_chain_then_names_the_broken_event(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    page = _audit_page(qtbot, controller)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=10_000)
    assert page.result.property("role") == "ok"
    # An attacker with the key edits event 1 (dropping the trigger that forbids it).
    vault = controller.vault
    assert vault is not None
    conn = vault.conn
    triggers = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'"
        )
    ]
    for name in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE audit_event SET target = 'edited' WHERE seq = 1")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.property("role") == "error", timeout=10_000)
    assert "#1" in page.result.text()
    selected = page.table.selectionModel().selectedRows()
    assert selected and page.model.index(selected[0].row(), Column.SEQ).data() == "1"


def test_targets_are_named_on_the_demo_vault(gui_ctx: AppContext, tmp_path: Path) -> None:
    with open_session(gui_ctx, tmp_path / "demo") as session:
        ctx = ServiceContext(session.vault)
        names = target_names(ctx)
        events = list(session.vault.audit.events())
        model = AuditModel()
        model.set_events(events, operator_names(session.vault), names)
    shown = {model.index(r, Column.TARGET).data() for r in range(model.rowCount())}
    assert "Instagram @contoh.biau.pilkada" in shown
    assert "Biau" in shown and "Pilkada 2024" in shown
    assert not [t for t in shown if ":" in t and " " not in t]  # no raw "kind:id" left
