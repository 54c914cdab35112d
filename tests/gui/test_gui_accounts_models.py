"""The account models pass Qt's model tester; filtering and sorting keep them consistent."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from accounts_support import build_template, open_copy
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from brankas.core.audit import Event
from brankas.core.domain.enums import PageAccess, PersonRole, Platform, RotationReason
from brankas.core.domain.models import Custody, PageAccessEntry, Person
from brankas.core.services.secrets import PasswordHistoryInfo
from brankas.gui.dialogs.account_editor_tabs import PERSON_ID_ROLE, PersonChoices
from brankas.gui.models.account_data import AccountsData, load_accounts
from brankas.gui.models.account_lists import (
    RECORD_ROLE,
    AccountEventsModel,
    CustodyModel,
    PageAccessModel,
    PasswordHistoryModel,
)
from brankas.gui.models.accounts_model import (
    ACCOUNT_ID_ROLE,
    ACCOUNT_ROLE,
    SORT_ROLE,
    AccountsModel,
    AccountsProxy,
    Column,
)

NOW = datetime(2025, 1, 27, 3, tzinfo=UTC)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> AccountsData:
    template = build_template(tmp_path_factory.mktemp("demo-models") / "vault")
    vault = open_copy(template, tmp_path_factory.mktemp("copy") / "vault")
    try:
        return load_accounts(vault.conn)
    finally:
        vault.close(backup=False)


def test_accounts_model_and_proxy(qtmodeltester: ModelTester, data: AccountsData) -> None:
    model = AccountsModel()
    proxy = AccountsProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    model.set_data(data)
    assert model.rowCount() == len(data.accounts) and model.columnCount() == len(Column)
    first = proxy.index(0, Column.HANDLE)
    account = first.data(ACCOUNT_ROLE)
    assert first.data(ACCOUNT_ID_ROLE) == account.id
    assert proxy.account_at(first) == account
    # Secrets never travel through any role: only the Account dataclass, which has none.
    assert not any(hasattr(account, f) for f in ("password", "totp_secret", "notes"))
    proxy.sort(Column.HANDLE, Qt.SortOrder.AscendingOrder)  # forwarded to the model
    keys = [model.index(r, Column.HANDLE).data(SORT_ROLE) for r in range(model.rowCount())]
    assert keys == sorted(keys)
    assert model.sort_order == (Column.HANDLE, Qt.SortOrder.AscendingOrder)
    ids = data.query("biau")
    model.set_ids(ids)
    assert sorted(model.ids()) == sorted(ids)
    shown = [model.index(r, Column.HANDLE).data() for r in range(model.rowCount())]
    assert shown == sorted(shown, key=str.casefold)
    assert model.row_of(ids[0]) is not None and model.row_of(-1) is None
    model.sort(Column.PASSWORD_CHANGED, Qt.SortOrder.DescendingOrder)
    assert sorted(model.ids()) == sorted(ids)
    model.sort(Column.ROTATION, Qt.SortOrder.AscendingOrder)
    model.set_ids([])
    assert model.rowCount() == 0
    model.clear()
    assert model.data_set.index is None


def test_every_column_displays_and_sorts(data: AccountsData) -> None:
    model = AccountsModel()
    model.set_data(data)
    for column in Column:
        model.sort(column, Qt.SortOrder.AscendingOrder)
        for row in range(model.rowCount()):
            index = model.index(row, column)
            assert isinstance(index.data(), str)
            index.data(Qt.ItemDataRole.ToolTipRole)
            index.data(Qt.ItemDataRole.DecorationRole)
        assert model.headerData(column, Qt.Orientation.Horizontal) is not None


def test_filters_of_the_data(data: AccountsData) -> None:
    term = next(t for t in data.terms.values() if t.name.startswith("Pilkada"))
    ids = data.query("", term_id=term.id, platform=Platform.X)
    assert ids and all(data.accounts[i].platform is Platform.X for i in ids)
    tiloan = next(k for k in data.kecamatan.values() if k.name == "Tiloan")
    start, end = data.default_period(term.id, tiloan.id)
    assert start == term.start_date and end is not None and end > term.end_date  # extended
    assert data.default_period(None, None) == (None, None)


def test_list_models(qtmodeltester: ModelTester) -> None:
    roster = PageAccessModel()
    qtmodeltester.check(roster)
    entries = [
        PageAccessEntry(
            id=1,
            account_id=9,
            person_id=3,
            person_name="Rina",
            access=PageAccess.FULL,
            added_at=NOW,
        ),
        PageAccessEntry(
            id=2,
            account_id=9,
            person_name="Andi",
            access=PageAccess.PARTIAL,
            added_at=NOW,
            removed_at=NOW,
        ),
        PageAccessEntry(account_id=9, person_name="Baru", access=PageAccess.TASK, added_at=NOW),
    ]
    roster.roles = {3: "Regency official"}
    roster.set_records(entries)
    assert roster.index(0, 0).data() == "Rina (Regency official)"
    assert roster.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert roster.index(2, 2).data() == "(not saved yet)"
    roster.pending_removal.add(1)
    roster.set_records(entries)
    assert roster.index(0, 3).data() == "(removed on saving)"
    assert roster.index(0, 0).data(RECORD_ROLE) == entries[0]
    history = PasswordHistoryModel()
    qtmodeltester.check(history)
    history.operators = {"op1": "Siti"}
    history.set_records(
        [
            PasswordHistoryInfo(
                id=1,
                account_id=9,
                changed_at=NOW,
                changed_by_operator_id="op1",
                reason=RotationReason.HANDOVER,
            )
        ]
    )
    assert history.index(0, 1).data() == "Siti"
    assert history.index(0, 2).data() == "After a handover"
    custody = CustodyModel(lambda pid: "Andi" if pid == 5 else "")
    qtmodeltester.check(custody)
    custody.set_records(
        [
            Custody(account_id=9, holder_person_id=5, from_at=NOW, until_at=NOW),
            Custody(account_id=9, holder_person_id=None, from_at=NOW),
        ]
    )
    assert [custody.index(r, 0).data() for r in range(2)] == ["Andi", "Office"]
    assert custody.index(1, 2).data() == "now"
    custody.clear()
    assert custody.rowCount() == 0
    events = AccountEventsModel()
    qtmodeltester.check(events)
    at = NOW.isoformat()
    events.set_events(
        [
            Event(1, at, "op1", "create", "account:9", {}, b"", b""),
            Event(2, at, "op1", "reveal", "account:9", {"field": "password"}, b"", b""),
            Event(3, at, None, "copy", "account:9", {"field": "totp"}, b"", b""),
        ],
        {"op1": "Siti"},
    )
    assert [events.index(r, 1).data() for r in range(3)] == [
        "Secret copied: TOTP code",
        "Secret revealed: password",
        "Created",
    ]
    assert events.index(1, 2).data() == "Siti" and events.index(0, 2).data() == "—"
    assert "2025" in events.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_person_choices(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    people = PersonChoices()
    qtmodeltester.check(people)
    people.set_people(
        [
            Person(id=2, name="Budi", role=PersonRole.KETUA),
            Person(id=1, name="Andi", role=PersonRole.OFFICIAL, position="Kepala Subbagian"),
        ]
    )
    assert people.rowCount() == 3
    assert people.index(0, 0).data() == "—" and people.index(0, 0).data(PERSON_ID_ROLE) is None
    assert people.index(1, 0).data() == "Andi (Kepala Subbagian)"
    assert people.index(2, 0).data() == "Budi (Chair)"
    assert people.row_of(2) == 2 and people.row_of(None) == 0
