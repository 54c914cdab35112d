"""Architectural rules that a review alone would not keep: layers and Qt-free core."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "desktop" / "brankas"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_loads_no_qt_in_a_fresh_interpreter() -> None:
    code = (
        "import sys, pkgutil, importlib, brankas.core\n"
        "for m in pkgutil.walk_packages(brankas.core.__path__, 'brankas.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import brankas.cli\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"core or cli loaded Qt: {out}"


def test_layers_import_only_downwards() -> None:
    for path in (PKG / "core").rglob("*.py"):
        bad = {
            n
            for n in _imports(path)
            if n.startswith(("PySide6", "shiboken6", "brankas.gui", "brankas.documents"))
        }
        assert not bad, f"{path.relative_to(PKG)} imports {bad}"
    for path in (PKG / "documents").rglob("*.py"):
        bad = {n for n in _imports(path) if n.startswith(("PySide6.QtWidgets", "brankas.gui"))}
        assert not bad, f"{path.relative_to(PKG)} imports {bad}"


def test_modules_stay_small() -> None:
    too_big = [
        (str(p.relative_to(PKG)), n)
        for p in PKG.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    ]
    assert not too_big, f"modules over 600 lines: {too_big}"
