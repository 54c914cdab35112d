"""Helpers for the organisation-page tests: a demo vault (built once per run), sessions on
copies of it, fixed clocks, and driving the non-blocking message boxes."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from brankas.core.secret import Secret
from brankas.core.services import demo
from brankas.core.vault.vault import Vault
from brankas.gui.clipboard import ClipboardService
from brankas.gui.context import AppContext
from brankas.gui.pages.service_page import ServicePage
from brankas.gui.session import Session, office_name
from brankas.gui.workers import JobRunner
from brankas_testing import FAST_POLICY, fast_kdf

DEMO_PASSWORD = "demo-kata-sandi-contoh"
_TEMPLATE: list[Path] = []


def demo_template() -> Path:
    """A closed demo vault (Kabupaten Buol), built once per test run (it takes seconds)."""
    if not _TEMPLATE:
        root = Path(tempfile.mkdtemp(prefix="brankas-demo-"))
        atexit.register(shutil.rmtree, root, True)
        vault, _kit = demo.build_demo_vault(
            root / "vault", password=DEMO_PASSWORD, policy=FAST_POLICY, kdf=fast_kdf()
        )
        vault.close(backup=False)
        _TEMPLATE.append(root / "vault")
    return _TEMPLATE[0]


def fixed_clock(day: date, hour_wib: int = 10) -> Callable[[], datetime]:
    """A clock stopped at ``hour_wib`` o'clock (WIB) on ``day``."""
    moment = datetime(day.year, day.month, day.day, hour_wib - 7, tzinfo=UTC)
    return lambda: moment


@contextmanager
def open_session(ctx: AppContext, folder: Path, *, demo_copy: bool = True) -> Iterator[Session]:
    """A session on a fresh copy of the demo vault in ``folder`` (or the vault there)."""
    if demo_copy:
        shutil.copytree(demo_template(), folder)
    vault = Vault.unlock(
        folder, demo.ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY, keystore=ctx.keystore
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = JobRunner()
    clipboard = ClipboardService(app.clipboard(), 15)
    try:
        yield Session(ctx, vault, office_name(vault), runner, clipboard)
    finally:
        runner.wait()
        QApplication.processEvents()  # deliver the last results before the vault closes
        vault.close(backup=False)


def start(qtbot: QtBot, page: ServicePage, session: Session) -> None:
    """Start ``page`` on ``session`` and wait until its first load arrived."""
    page.start_session(session)
    settle(qtbot, session)


def settle(qtbot: QtBot, session: Session) -> None:
    """Wait until the worker has nothing queued or running (results delivered); posted
    events first, since a page may queue its load from the event loop."""
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=20_000)


def message_box(qtbot: QtBot) -> QMessageBox:
    """The message box on screen (they open without blocking)."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5_000)
    return found[-1]


def confirm(qtbot: QtBot) -> str:
    """Click the confirming button of the question on screen; returns its text."""
    box = message_box(qtbot)
    text = box.text()
    button = box.findChild(QPushButton, "confirmButton")
    assert button is not None, "not a question"
    button.click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5_000)
    return text


def dismiss(qtbot: QtBot) -> str:
    """Close the message on screen with its default button; returns its text."""
    box = message_box(qtbot)
    text = box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5_000)
    return text
