"""Attaching the signed BAST's scan: PDF/JPG/PNG up to 20 MB, stored with its SHA-256;
anything else refused with a sentence by code."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from handover_support import FakeWorld, ctx_of, demo_session, fake_world, make_env
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import settle

from brankas.core.services import handover
from brankas.gui.context import AppContext
from brankas.gui.handover.scan_dialog import ScanDialog
from brankas.gui.session import Session

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with demo_session(gui_ctx, tmp_path) as s:
        yield s


@pytest.fixture
def world(tmp_path: Path) -> FakeWorld:
    return fake_world(tmp_path)


def test_attach_refuse_and_list(
    qtmodeltester: ModelTester,
    qtbot: QtBot,
    session: Session,
    world: FakeWorld,
    tmp_path: Path,
) -> None:
    ctx = ctx_of(session)
    waiting = next(h for h in handover.list_handovers(ctx) if not handover.list_scans(ctx, h.id))
    dialog = ScanDialog(make_env(session, world), waiting)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, session)
    assert dialog.empty.isVisible() and dialog.model.rowCount() == 0
    text = tmp_path / "notes.txt"
    text.write_text("not a scan")
    world.open_path = text
    dialog.attach_button.click()
    settle(qtbot, session)
    assert dialog.error.text() == "Only a PDF, JPG or PNG file can be attached as the signed BAST."
    big = tmp_path / "huge.pdf"
    with big.open("wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(20 * 1024 * 1024 + 1)
    world.open_path = big
    dialog.attach_button.click()
    settle(qtbot, session)
    assert dialog.error.text() == "The file is larger than 20 MB. Scan at a lower resolution."
    assert handover.list_scans(ctx, waiting.id) == []
    good = tmp_path / "bast-ditandatangani.png"
    good.write_bytes(PNG)
    world.open_path = good
    with qtbot.waitSignal(dialog.attached):
        dialog.attach_button.click()
    settle(qtbot, session)
    assert not dialog.error.isVisible()
    scans = handover.list_scans(ctx, waiting.id)
    assert [s.filename for s in scans] == ["bast-ditandatangani.png"]
    assert scans[0].sha256 == hashlib.sha256(PNG).hexdigest()
    assert dialog.model.rowCount() == 1 and "attached" in dialog.status.text()
    qtmodeltester.check(dialog.model)
    world.open_path = None  # the file dialog cancelled: nothing happens
    dialog.attach_button.click()
    settle(qtbot, session)
    assert len(handover.list_scans(ctx, waiting.id)) == 1
