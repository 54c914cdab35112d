"""Audit log page: events with operator names, kind filter, chain verification."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_org_support import open_session

from brankas.core.audit import AuditKind
from brankas.core.services import accounts, handover, office, people, terms
from brankas.core.services.context import ServiceContext
from brankas.gui import labels
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.models.audit_model import KIND_ROLE, AuditModel, Column
from brankas.gui.pages import audit_page
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
        events = list(session.vault.audit.events())
        names = target_names(ctx, {e.target for e in events})
        model = AuditModel()
        model.set_events(events, operator_names(session.vault), names)
    shown = {model.index(r, Column.TARGET).data() for r in range(model.rowCount())}
    assert "Instagram @contoh.biau.pilkada" in shown
    assert "Biau" in shown and "Pilkada 2024" in shown
    assert not [t for t in shown if ":" in t and " " not in t]  # no raw "kind:id" left


def _every_target(ctx: ServiceContext) -> dict[str, str]:
    """What each record of the vault is called in the log (read the long way)."""
    names = {f"kecamatan:{k.id}": k.name for k in office.list_kecamatan(ctx)}
    names.update((f"term:{t.id}", t.name) for t in terms.list_terms(ctx))
    names.update((f"person:{p.id}", p.name) for p in people.list_people(ctx))
    names.update((f"handover:{h.id}", h.number) for h in handover.list_handovers(ctx))
    names.update(
        (f"account:{a.id}", f"{labels.platform_label(a.platform)} {a.handle}")
        for a in accounts.list_accounts(ctx)
    )
    return names


@pytest.mark.parametrize("one_by_one", [0, 1000])
def test_only_the_named_targets_are_read(
    gui_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_by_one: int
) -> None:
    # People and handovers read one by one (1000) or from the whole list (0): same names.
    monkeypatch.setattr(audit_page, "ONE_BY_ONE", one_by_one)
    with open_session(gui_ctx, tmp_path / "demo") as session:
        ctx = ServiceContext(session.vault)
        every = _every_target(ctx)
        kinds = ("kecamatan", "term", "person", "handover", "account")
        some = {kind: sorted(t for t in every if t.startswith(f"{kind}:"))[:2] for kind in kinds}
        assert all(len(ts) == 2 for ts in some.values())  # the demo vault has them all
        asked = [t for ts in some.values() for t in ts]
        gone = ["account:999999", "person:999999", "handover:999999", "term:999999"]
        other = ["archive:identity", "settings", "account:", "account:x1", "", "a1"]
        names = target_names(ctx, [*asked, *gone, *other])
    assert names == {t: every[t] for t in asked}
