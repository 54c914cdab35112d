"""About dialog (version, components, licence texts), Help → User manual, and the licence
files being complete for what the bundle ships."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brankas import __version__
from brankas.core.keystore import MemoryDeviceKeyStore
from brankas.core.paths import AppPaths
from brankas.gui.context import AppContext
from brankas.gui.dialogs import about
from brankas.gui.main_window import MainWindow
from brankas.gui.resources import Resources
from brankas.gui.settings import GuiSettings

ROOT = Path(__file__).resolve().parents[2]


def test_licence_files_cover_every_shipped_component() -> None:
    r = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "collect_licenses.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_about_lists_components_with_versions_and_shows_their_licences(
    qtbot: QtBot, qapp: QApplication
) -> None:
    dialog = about.AboutDialog(Resources.locate())
    qtbot.addWidget(dialog)
    names = dialog.component_names()
    for wanted in (
        "Brankas",
        "Python",
        "Qt",
        "PySide6_Essentials",
        "SQLCipher",
        "ICU",
        "OpenSSL",
        "cryptography",
        "argon2-cffi",
        "pyrage",
        "keyring",
        "sqlcipher3",
    ):
        assert wanted in names
    listing = dialog.component_list.toPlainText()
    assert __version__ in listing
    assert "LGPL-3.0-only" in listing
    assert "4.19" in listing or "4." in listing.split("SQLCipher", 1)[1][:40]
    assert dialog.licence_text.toPlainText() == ""
    dialog.component_list.anchorClicked.emit(QUrl("licence:Qt"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    dialog.component_list.anchorClicked.emit(QUrl("licence:PyInstaller bootloader"))
    assert "bootloader" in dialog.licence_text.toPlainText().lower()
    dialog.show_licence("SQLCipher")
    assert "ZETETIC LLC" in dialog.licence_text.toPlainText()


def _resources_with_manual(tmp_path: Path, *, manual: bool) -> Resources:
    root = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "icons", root / "icons")
    shutil.copytree(ROOT / "resources" / "styles", root / "styles")
    if manual:
        (root / "manual").mkdir()
        (root / "manual" / about.MANUAL_NAME).write_bytes(b"%PDF-1.4 stand-in")
    return Resources(root)


def test_help_menu_opens_the_shipped_manual(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    resources = _resources_with_manual(tmp_path, manual=True)
    ctx = AppContext(
        paths=AppPaths.under(tmp_path / "app"),
        settings=GuiSettings.in_folder(tmp_path / "cfg"),
        resources=resources,
        keystore=MemoryDeviceKeyStore(),
    )
    window = MainWindow(ctx, on_unexpected=lambda exc: None)
    qtbot.addWidget(window)
    help_menu = next(
        a.menu()
        for a in window.menuBar().actions()
        if a.menu() and window.manual_action in a.menu().actions()
    )
    assert help_menu.actions().index(window.manual_action) == 0
    window.manual_action.trigger()
    assert len(opened) == 1
    assert opened[0].toLocalFile() == str(resources.path("manual", about.MANUAL_NAME))


def test_without_a_manual_a_sentence_is_shown(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(about, "show_message", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail("nothing to open"))
    resources = _resources_with_manual(tmp_path, manual=False)
    assert about.manual_pdf(resources) is None
    assert about.open_manual(resources) is False
    assert shown and "Panduan-Pengguna-Brankas.pdf" in shown[0]


def test_a_pdf_viewer_missing_is_said_with_the_path(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(about, "show_message", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    resources = _resources_with_manual(tmp_path, manual=True)
    assert about.open_manual(resources) is False
    assert str(resources.path("manual", about.MANUAL_NAME)) in shown[0]
