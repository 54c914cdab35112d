"""Constants and helpers shared by the GUI tests (a module with a unique name: the
tests directories have no __init__.py, so two modules named conftest would clash)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from brankas.core.crypto.kdf import KdfParams, KdfPolicy, new_salt

W = TypeVar("W", bound=QWidget)

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "translations" / "brankas_id.ts"
LRELEASE = REPO / ".venv" / "bin" / "pyside6-lrelease"
ADMIN = "Siti Rahmawati"
ADMIN_PASSWORD = "kopi-pagi-di-kantor-buol"
OFFICE = "Bawaslu Kabupaten Buol"


def fast_params(_policy: KdfPolicy, _progress: object = None) -> KdfParams:
    """Cheap Argon2id parameters that only the test-only FAST_POLICY accepts."""
    return KdfParams(memory_kib=64, time_cost=1, parallelism=1, salt=new_salt())


def visible(parent: QWidget, kind: type[W]) -> W | None:
    """The visible child window of ``kind`` (closed ones may linger until deleted)."""
    return next((w for w in parent.findChildren(kind) if w.isVisible()), None)
