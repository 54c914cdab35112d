"""Printing: a recorded BAST from the Handovers page, and credential slips after an issue —
printed only, after the operator's password, each password read audited."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from handover_support import FakeWorld, ctx_of, demo_session, fake_world, make_env
from PySide6.QtGui import QPagedPaintDevice, QPdfWriter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_gui_org_support import DEMO_PASSWORD, settle

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import HandoverKind
from brankas.core.services import handover
from brankas.gui.context import AppContext
from brankas.gui.handover.actions import HandoverActions
from brankas.gui.handover.slip_dialog import CredentialSlipDialog
from brankas.gui.session import Session

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler")


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with demo_session(gui_ctx, tmp_path) as s:
        yield s


@pytest.fixture
def world(tmp_path: Path) -> FakeWorld:
    return fake_world(tmp_path)


def pdf_printer(path: Path) -> Callable[[QWidget | None, str, Callable[..., None]], None]:
    """A "printer" that is a PDF file, so that what was printed can be read back."""

    def print_with(
        _parent: QWidget | None, _title: str, paint: Callable[[QPagedPaintDevice], None]
    ) -> None:
        writer = QPdfWriter(str(path))
        paint(writer)
        del writer

    return print_with


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_pdftotext
def test_print_a_recorded_bast(
    qtbot: QtBot, session: Session, world: FakeWorld, gui_ctx: AppContext, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = HandoverActions(window, gui_ctx.resources, lambda: session, world.unexpected.append)
    actions.env.hooks = world.hooks()
    printed = tmp_path / "printed.pdf"
    world.printer = True
    actions.env.hooks.print_with = pdf_printer(printed)
    record = handover.list_handovers(ctx_of(session))[-1]
    actions.print_handover(record)
    settle(qtbot, session)
    text = _text(printed)
    assert record.number in text and "BERITA ACARA" in text.upper()
    assert "Contoh-" not in text  # no password on a BAST
    assert not world.unexpected


@needs_pdftotext
def test_credential_slips_need_the_password_and_are_audited(
    qtbot: QtBot, session: Session, world: FakeWorld, tmp_path: Path
) -> None:
    ctx = ctx_of(session)
    issued = next(
        h
        for h in reversed(handover.list_handovers(ctx))
        if h.kind is HandoverKind.ISSUE and len(h.items) > 1
    )
    dialog = CredentialSlipDialog(make_env(session, world), [issued])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.print_button.click()  # no printer here
    assert "only printed" in dialog.error.text()
    world.printer = True
    printed = tmp_path / "slips.pdf"
    dialog.env.hooks = world.hooks()
    dialog.env.hooks.print_with = pdf_printer(printed)
    reveals = _slip_reveals(session)
    dialog.password.setText("bukan-kata-sandinya")
    dialog.print_button.click()
    settle(qtbot, session)
    assert "password is wrong" in dialog.error.text()
    assert not printed.exists()
    assert dialog.password.text() == ""  # never kept
    dialog.password.setText(DEMO_PASSWORD)
    dialog.print_button.click()
    settle(qtbot, session)
    text = _text(printed)
    assert "Contoh-" in text  # the slip is where passwords belong
    assert "slips sent to the printer" in dialog.status.text()
    assert dialog.slips == []
    assert _slip_reveals(session) - reveals == len(issued.items)


def _slip_reveals(session: Session) -> int:
    return sum(
        1
        for e in session.vault.audit.events()
        if e.kind == AuditKind.REVEAL and e.detail.get("reason") == "credential slip"
    )
