"""Helpers for the account screen tests: a copy of the Buol demo vault opened as a session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brankas.core.secret import Secret
from brankas.core.services.demo import ADMIN_NAME, build_demo_vault
from brankas.core.vault.vault import Vault
from brankas.gui.clipboard import ClipboardService
from brankas.gui.context import AppContext
from brankas.gui.pages.accounts_page import AccountsPage
from brankas.gui.session import Session, office_name
from brankas.gui.workers import JobRunner
from brankas_testing import FAST_POLICY, fast_kdf

DEMO_PASSWORD = "kata sandi contoh untuk uji"
_TEMPLATE: list[Path] = []  # built once per test run, shared by the account test modules


def build_template(folder: Path) -> Path:
    """The demo vault, built once per run (about two seconds) and closed; later calls
    return the first one's folder."""
    if not _TEMPLATE:
        vault, _kit = build_demo_vault(
            folder, password=DEMO_PASSWORD, policy=FAST_POLICY, kdf=fast_kdf()
        )
        vault.close(backup=False)
        _TEMPLATE.append(folder)
    return _TEMPLATE[0]


def open_copy(template: Path, where: Path) -> Vault:
    """A private copy of the demo vault, unlocked as its admin."""
    shutil.copytree(template, where)
    return Vault.unlock(where, ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)


def make_session(ctx: AppContext, vault: Vault, qapp: QApplication) -> Session:
    """A session like the controller builds, with a short clipboard timer."""
    clipboard = ClipboardService(qapp.clipboard(), 15)
    return Session(ctx, vault, office_name(vault), JobRunner(), clipboard)


def wait_idle(qtbot: QtBot, session: Session, timeout: int = 10_000) -> None:
    """Until the session's worker has nothing queued."""
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=timeout)


@contextmanager
def accounts_page(qtbot: QtBot, session: Session) -> Iterator[AccountsPage]:
    """The Accounts page on ``session``, loaded; ends the session afterwards."""
    page = AccountsPage(session.ctx.resources)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.start_session(session)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, session)
    try:
        yield page
    finally:
        wait_idle(qtbot, session)
        page.end_session()
        session.clipboard.clear()
        session.runner.wait()
        if session.vault.is_open:
            session.vault.close(backup=False)
