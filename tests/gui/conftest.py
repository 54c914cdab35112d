"""GUI test set-up: Qt warnings fail the test; an AppContext with a fast test-only KDF."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, LRELEASE, OFFICE, TS_FILE, fast_params
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.domain.enums import OfficeKind
from brankas.core.keystore import MemoryDeviceKeyStore
from brankas.core.paths import AppPaths
from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.resources import Resources, find_resources_dir
from brankas.gui.settings import GuiSettings

_FAILING = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}
# The offscreen platform plugin says so when asked for window-manager things it does not
# do (size hints, raising a window); these describe the test platform, not the app.
_OFFSCREEN_LIMITS = re.compile(r"^This plugin does not support (propagateSizeHints|raise)\(\)$")


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qapp: QApplication) -> Iterator[list[str]]:
    """Any Qt warning (including qtmodeltester's) fails the test that caused it."""
    seen: list[str] = []
    offscreen = QGuiApplication.platformName() == "offscreen"

    def handler(mode: QtMsgType, context: object, message: str) -> None:
        if mode in _FAILING and not (offscreen and _OFFSCREEN_LIMITS.match(message)):
            seen.append(f"{mode.name}: {message}")
        if callable(previous):
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)
    if seen:
        pytest.fail("Qt warnings:\n" + "\n".join(seen))


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Indonesian translation compiled from the committed .ts (as bootstrap does)."""
    out = tmp_path_factory.mktemp("qm")
    subprocess.run(
        [str(LRELEASE), "-silent", str(TS_FILE), "-qm", str(out / "brankas_id.qm")], check=True
    )
    return out


@pytest.fixture
def gui_ctx(tmp_path: Path, fast_policy: KdfPolicy, qm_dir: Path, qapp: QApplication) -> AppContext:
    """A context under tmp_path: English UI, in-memory keystore, fast KDF."""
    paths = AppPaths.under(tmp_path / "app")
    settings = GuiSettings.in_folder(paths.config_dir)
    settings.language = "en"
    return AppContext(
        paths=paths,
        settings=settings,
        resources=Resources(find_resources_dir(), translations_dir=qm_dir),
        keystore=MemoryDeviceKeyStore(),
        policy=fast_policy,
        choose_kdf=fast_params,
    )


@pytest.fixture
def vault_folder(gui_ctx: AppContext) -> tuple[Path, str]:
    """A closed vault in the context's default folder; returns (folder, recovery kit)."""
    vault, kit = Vault.create(
        gui_ctx.default_vault,
        office_kind=OfficeKind.REGENCY,
        office_name=OFFICE,
        admin_name=ADMIN,
        admin_password=Secret(ADMIN_PASSWORD),
        kdf=fast_params(gui_ctx.policy),
        policy=gui_ctx.policy,
        keystore=gui_ctx.keystore,
    )
    vault.close(backup=False)
    return gui_ctx.default_vault, kit


@pytest.fixture
def controller(qapp: QApplication, gui_ctx: AppContext) -> Iterator[AppController]:
    """The app controller; quits (closing the vault, releasing locks) afterwards."""
    ctrl = AppController(qapp, gui_ctx)
    yield ctrl
    ctrl.quit()
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()


@pytest.fixture(autouse=True)
def empty_clipboard_after(qapp: QApplication) -> Iterator[None]:
    """Leave the clipboard empty, as the app does on quit: mime data left in Qt's
    clipboard at interpreter shutdown is freed after Python's side of it (a crash)."""
    yield
    qapp.clipboard().clear()
