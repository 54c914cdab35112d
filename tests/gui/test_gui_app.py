"""Entry point, single instance, settings and resources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from brankas import __version__
from brankas.gui.app import main
from brankas.gui.resources import Resources, find_resources_dir
from brankas.gui.settings import GuiSettings
from brankas.gui.single_instance import SingleInstance, instance_key


def test_version_flag(capsys: object) -> None:
    assert main(["brankas", "--version"]) == 0
    out = subprocess.run(
        [sys.executable, "-m", "brankas.gui.app", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == f"Brankas {__version__}"


def test_second_launch_asks_the_first_to_raise(qtbot: QtBot, tmp_path: Path) -> None:
    key = instance_key(tmp_path / "vault", user="tester")
    assert key != instance_key(tmp_path / "vault", user="someone-else")
    assert key != instance_key(tmp_path / "other", user="tester")
    first = SingleInstance(key)
    try:
        assert not first.notify_running()  # nobody there yet
        assert first.listen()
        second = SingleInstance(key)
        with qtbot.waitSignal(first.activation_requested, timeout=5_000):
            assert second.notify_running()
    finally:
        first.close()


def test_settings_defaults_and_limits(tmp_path: Path) -> None:
    settings = GuiSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.language == "id"
    assert settings.auto_lock_minutes == 5
    assert settings.clipboard_seconds == 15
    settings.auto_lock_minutes = 0
    assert settings.auto_lock_minutes == 1
    folder = tmp_path / "v"
    settings.add_recent_vault(folder)
    settings.add_recent_vault(tmp_path / "w")
    settings.add_recent_vault(folder)
    assert settings.recent_vaults()[0] == folder.resolve()
    assert len(settings.recent_vaults()) == 2
    settings.set_last_operator(folder, "Siti")
    assert settings.last_operator(folder) == "Siti"
    settings.set_remembered(folder, "Siti", True)
    assert settings.remembered_operators(folder) == ["Siti"]


def test_resources_are_found_and_icons_render() -> None:
    resources = Resources(find_resources_dir())
    assert (resources.root / "icons" / "app" / "brankas.svg").is_file()
    icon = resources.app_icon()
    assert not icon.isNull() and not icon.pixmap(16, 16).isNull()
    for name in ("nav/audit", "nav/operators", "lock", "eye", "eye-off", "print", "save"):
        assert not resources.icon(name, "#000000").isNull(), name
    assert "$accent" in resources.stylesheet_template()
