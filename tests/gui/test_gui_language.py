"""Translations: the .ts is complete and current, placeholders survive, switching is live."""

from __future__ import annotations

import ast
import re
import subprocess
import threading
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from gui_support import REPO, TS_FILE
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.i18n import format_date, format_datetime

GUI = REPO / "desktop" / "brankas" / "gui"
LUPDATE = REPO / ".venv" / "bin" / "pyside6-lupdate"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()  # noqa: S314 (our own file)
    out: dict[tuple[str, str], ET.Element] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name", "")
        for message in ctx.iter("message"):
            out[(name, message.findtext("source", ""))] = message
    return out


def test_every_entry_is_translated() -> None:
    problems = []
    for (ctx, source), message in _messages(TS_FILE).items():
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("unfinished", "vanished", "obsolete") or not (translation.text or "").strip():
            problems.append(f"{ctx}: {source!r} ({kind or 'empty'})")
        elif sorted(_PLACEHOLDER.findall(source)) != sorted(
            _PLACEHOLDER.findall(translation.text or "")
        ):
            problems.append(f"{ctx}: {source!r} has different placeholders")
    assert not problems, "\n".join(problems)


def test_the_ts_file_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            str(LUPDATE),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-extensions",
            "py",
            str(GUI),
            "-ts",
            str(fresh),
        ],
        check=True,
    )
    in_code, in_ts = set(_messages(fresh)), set(_messages(TS_FILE))
    assert not in_code - in_ts, f"run lupdate and translate: {sorted(in_code - in_ts)}"
    assert not in_ts - in_code, f"obsolete entries: {sorted(in_ts - in_code)}"


def _literal_calls() -> tuple[set[tuple[str, str]], list[str]]:
    """Every tr()/translate() call in gui/, read from the AST (lupdate misses calls inside
    f-strings and through aliases; this does not)."""
    found: set[tuple[str, str]] = set()
    bad: list[str] = []
    for path in GUI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes: dict[ast.AST, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for child in ast.walk(node):
                    classes.setdefault(child, node.name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            where = f"{path.relative_to(GUI)}:{node.lineno}"
            func = node.func
            if func.attr == "tr" and isinstance(func.value, ast.Name) and func.value.id == "self":
                arg = node.args[0] if node.args else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add((classes.get(node, "?"), arg.value))
                else:
                    bad.append(f"{where}: self.tr() needs a literal string")
            elif func.attr == "translate" and getattr(func.value, "id", "") == "QCoreApplication":
                args = node.args
                if len(args) >= 2 and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]
                ):
                    found.add((args[0].value, args[1].value))  # type: ignore[union-attr]
                else:
                    bad.append(f"{where}: translate() needs a literal context and text")
            elif func.attr == "tr" and where not in bad:
                bad.append(f"{where}: tr() on something other than self")
    return found, bad


def test_every_tr_call_is_a_literal_found_in_the_ts() -> None:
    found, bad = _literal_calls()
    assert not bad, "\n".join(bad)
    missing = sorted(found - set(_messages(TS_FILE)))
    assert not missing, f"not in brankas_id.ts (inside an f-string?): {missing}"
    assert len(found) > 250


def test_dates_follow_the_language() -> None:
    assert format_date(date(2025, 1, 27), "id") == "Senin, 27 Januari 2025"
    assert format_date(date(2025, 1, 27), "en") == "Monday, 27 January 2025"
    from datetime import datetime

    moment = datetime(2025, 2, 28, 14, 5).astimezone()
    assert format_datetime(moment, "id") == "Jumat, 28 Februari 2025 pukul 14.05"


def test_indonesian_by_default_and_live_switch(
    qtbot: QtBot, gui_ctx: AppContext, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    controller.set_language("id")
    controller.start()
    window = controller.unlock_window
    assert window is not None
    assert window.unlock_button.text() == "Buka kunci"
    window.operator.setText("Siti")
    controller.set_language("en")
    rebuilt = controller.unlock_window
    assert rebuilt is not None and rebuilt is not window
    assert rebuilt.unlock_button.text() == "Unlock"
    assert rebuilt.operator.text() == "Siti"  # nothing typed is lost
    assert gui_ctx.settings.language == "en"


def test_qt_buttons_are_translated_too(
    qtbot: QtBot, gui_ctx: AppContext, controller: AppController
) -> None:
    controller.set_language("id")
    controller.show_wizard(first_run=True)
    wizard = controller.wizard
    assert wizard is not None
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Lanjut >"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Batal"
    assert wizard.buttonText(QWizard.WizardButton.BackButton) == "< Kembali"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "Selesai"


def test_switch_waits_for_a_running_job(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str]
) -> None:
    controller.start()
    window = controller.unlock_window
    assert window is not None
    release = threading.Event()
    controller.runner.start(lambda _progress: release.wait(10))
    controller.set_language("id")
    assert controller.unlock_window is window  # its job's result would come back here
    release.set()
    qtbot.waitUntil(lambda: controller.unlock_window is not window, timeout=10_000)
    assert controller.unlock_window is not None
    assert controller.unlock_window.unlock_button.text() == "Buka kunci"
