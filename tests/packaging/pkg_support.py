"""packaging/pkgcheck.py for the packaging tests (packaging/ is not a Python package, and
"packaging" is also a PyPI name, so the module is loaded by its path)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load() -> object:
    if "pkgcheck" in sys.modules:
        return sys.modules["pkgcheck"]
    spec = importlib.util.spec_from_file_location("pkgcheck", ROOT / "packaging" / "pkgcheck.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pkgcheck"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


pkgcheck = _load()
