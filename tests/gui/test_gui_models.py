"""Every model passes Qt's model tester; None-returning data() through a proxy is safe."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon
from pytestqt.modeltest import ModelTester

from brankas.core.audit import Event
from brankas.core.domain.enums import Role
from brankas.core.vault.operators import OperatorInfo, RotationTask
from brankas.gui.models.audit_model import AuditModel, describe_target
from brankas.gui.models.nav_model import NavEntry, NavModel
from brankas.gui.models.operators_model import OPERATOR_ROLE, OperatorsModel
from brankas.gui.models.rotation_model import RotationTasksModel

NOW = datetime(2025, 1, 27, 3, 0, tzinfo=UTC).isoformat()


def _ops() -> list[OperatorInfo]:
    return [
        OperatorInfo("a1", "Siti", Role.ADMIN, NOW, False),
        OperatorInfo("b2", "Budi", Role.OPERATOR, NOW, True),
    ]


def _events() -> list[Event]:
    failed = {"at": "2025-01-27T02:00:00+00:00", "reason": "WrongPassword"}
    rows = [
        ("a1", "vault_created", "", {}),
        ("a1", "operator_added", "b2", {}),
        (None, "unlock_failed", "", failed),
        (None, "recovery_used", "", {}),
        ("b2", "copy", "account:7", {}),
    ]
    return [
        Event(i, NOW, op, kind, target, detail, b"", b"")
        for i, (op, kind, target, detail) in enumerate(rows, 1)
    ]


def test_operators_model(qtmodeltester: ModelTester) -> None:
    model = OperatorsModel()
    qtmodeltester.check(model)
    model.set_operators(_ops(), "a1")
    assert model.index(0, 0).data() == "Siti (you)"
    assert model.index(1, 3).data() == "Yes"
    assert model.index(1, 0).data(OPERATOR_ROLE).id == "b2"
    model.clear()
    assert model.rowCount() == 0


def test_audit_model(qtmodeltester: ModelTester) -> None:
    model = AuditModel()
    qtmodeltester.check(model)
    model.set_events(_events(), {"a1": "Siti", "b2": "Budi"})
    assert model.rowCount() == 5  # newest first
    assert model.index(0, 4).data() == "Account #7"
    assert model.index(0, 2).data() == "Budi"
    assert model.index(1, 2).data() == "(recovery kit)"
    assert model.index(2, 2).data() == "—"  # nobody: a failed unlock
    assert model.index(2, 4).data() == "wrong password"
    assert "January 2025" in model.index(2, 1).data()  # when it failed, not when noted
    assert model.index(3, 4).data() == "Budi"
    model.set_kind_filter("unlock_failed")
    assert model.rowCount() == 1
    model.mark_broken(2)
    model.set_kind_filter(None)
    model.clear()


def test_rotation_and_nav_models(qtmodeltester: ModelTester) -> None:
    tasks = RotationTasksModel([RotationTask(1, "instagram", "@panwascam.biau", True)])
    qtmodeltester.check(tasks)
    assert tasks.index(0, 0).data() == "Instagram"
    nav = NavModel(
        [NavEntry("a", "A", QIcon()), NavEntry("ops", "Operators", QIcon(), admin_only=True)]
    )
    qtmodeltester.check(nav)
    assert nav.rowCount() == 1
    nav.set_admin(True)
    assert nav.rowCount() == 2 and nav.row_of("ops") == 1


def test_describe_target() -> None:
    assert describe_target("", {}) == ""
    assert describe_target("abc", {"abc": "Siti"}) == "Siti"
    assert describe_target("something", {}) == "something"
    # Records by name when known, by number once deleted; keys and settings in words.
    assert describe_target("account:7", {"account:7": "Instagram @a"}) == "Instagram @a"
    assert describe_target("account:7", {}) == "Account #7"
    assert describe_target("kecamatan:3", {}) == "Kecamatan #3"
    assert describe_target("handover:2", {}) == "Handover #2"
    assert describe_target("archive:province_recipient", {}) == "Province public key"
    assert describe_target("archive:identity", {}) == "Province private key"
    assert describe_target("archive:ab12", {}) == "Archive ab12"
    assert describe_target("regency_pin:BWS.BUOL", {}) == "Signing key of BWS.BUOL"
    assert describe_target("checklist_template:4", {}) == "Deactivation checklist steps"
    assert describe_target("office:1", {}) == "Office profile"
    assert describe_target("settings", {}) == "Settings"


def test_none_from_data_through_a_proxy_keeps_none_alive() -> None:
    # PITFALLS.md: PySide6 6.12.0 on Python 3.11 loses a reference to None per call.
    model = OperatorsModel()
    model.set_operators(_ops())
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        proxy.data(index, Qt.ItemDataRole.UserRole + 77)  # an unknown role: data() → None
    assert sys.getrefcount(None) >= before - 10
