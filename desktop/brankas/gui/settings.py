"""Per-PC preferences in QSettings (an INI file under AppPaths.config_dir), typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from brankas.core.vault.backups import DEFAULT_KEEP

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
MAX_RECENT = 8

# (key, default, minimum, maximum) of the numeric settings.
AUTO_LOCK = ("security/auto_lock_minutes", 5, 1, 240)
CLIPBOARD = ("security/clipboard_seconds", 15, 5, 300)
BACKUPS = ("vault/backups_to_keep", DEFAULT_KEEP, 1, 200)


def _as_bool(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return default


def _as_list(value: object) -> list[object]:
    # An INI file gives back a one-item list as a plain string, and nothing as None.
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return list(value)
    return []


def _vault_key(folder: Path | str) -> str:
    # QSettings keys treat "/" as a group separator; keep the folder as one key.
    return str(Path(folder).expanduser().resolve()).replace("/", "|").replace("\\", "|")


class GuiSettings(QObject):
    """Typed access to the app's QSettings; emits :attr:`changed` with the key written."""

    changed = Signal(str)

    def __init__(self, qsettings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._s = qsettings

    @classmethod
    def in_folder(cls, config_dir: Path, parent: QObject | None = None) -> GuiSettings:
        """Settings stored in ``config_dir/brankas.ini``."""
        config_dir.mkdir(parents=True, exist_ok=True)
        path = str(config_dir / "brankas.ini")
        return cls(QSettings(path, QSettings.Format.IniFormat), parent)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._s.sync()

    # --- generic ----------------------------------------------------------------------
    def _int(self, spec: tuple[str, int, int, int]) -> int:
        key, default, low, high = spec
        try:
            value = int(str(self._s.value(key, default)))
        except (TypeError, ValueError):
            return default
        return min(max(value, low), high)

    def _set_int(self, spec: tuple[str, int, int, int], value: int) -> None:
        key, _default, low, high = spec
        self._s.setValue(key, min(max(int(value), low), high))
        self.changed.emit(key)

    # --- language ---------------------------------------------------------------------
    @property
    def language(self) -> str:
        """``"id"`` (default) or ``"en"``."""
        value = str(self._s.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unsupported language {value!r}")
        self._s.setValue("ui/language", value)
        self.changed.emit("ui/language")

    # --- security ---------------------------------------------------------------------
    @property
    def auto_lock_minutes(self) -> int:
        """Minutes of inactivity before the vault locks itself (default 5)."""
        return self._int(AUTO_LOCK)

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, value: int) -> None:
        self._set_int(AUTO_LOCK, value)

    @property
    def clipboard_seconds(self) -> int:
        """Seconds before a copied secret is cleared from the clipboard (default 15)."""
        return self._int(CLIPBOARD)

    @clipboard_seconds.setter
    def clipboard_seconds(self, value: int) -> None:
        self._set_int(CLIPBOARD, value)

    @property
    def lock_on_minimise(self) -> bool:
        """Lock when the main window is minimised (default on: office PCs are shared)."""
        return _as_bool(self._s.value("security/lock_on_minimise", True), True)

    @lock_on_minimise.setter
    def lock_on_minimise(self, value: bool) -> None:
        self._s.setValue("security/lock_on_minimise", bool(value))
        self.changed.emit("security/lock_on_minimise")

    @property
    def backups_to_keep(self) -> int:
        """How many rolling backups the vault keeps."""
        return self._int(BACKUPS)

    @backups_to_keep.setter
    def backups_to_keep(self, value: int) -> None:
        self._set_int(BACKUPS, value)

    # --- vaults -------------------------------------------------------------------------
    def recent_vaults(self) -> list[Path]:
        """Vault folders opened before, most recent first."""
        items = _as_list(self._s.value("vaults/recent", []))
        return [Path(str(p)) for p in items if str(p)]

    def add_recent_vault(self, folder: Path) -> None:
        """Put ``folder`` first in the recent list."""
        folder = folder.expanduser().resolve()
        items = [folder, *(p for p in self.recent_vaults() if p != folder)][:MAX_RECENT]
        self._s.setValue("vaults/recent", [str(p) for p in items])
        self.changed.emit("vaults/recent")

    def last_operator(self, folder: Path) -> str:
        """The operator name last used to unlock ``folder`` on this PC."""
        return str(self._s.value(f"operators/last/{_vault_key(folder)}", "") or "")

    def set_last_operator(self, folder: Path, name: str) -> None:
        """Remember who unlocked ``folder`` last (a name, never a password)."""
        self._s.setValue(f"operators/last/{_vault_key(folder)}", name)

    def remembered_operators(self, folder: Path) -> list[str]:
        """Operators who turned on "remember on this PC" for ``folder``."""
        items = _as_list(self._s.value(f"operators/remembered/{_vault_key(folder)}", []))
        return [str(n) for n in items if str(n)]

    def set_remembered(self, folder: Path, name: str, remembered: bool) -> None:
        """Note (or forget) that ``name`` can unlock ``folder`` with this PC's key."""
        names = [n for n in self.remembered_operators(folder) if n != name]
        if remembered:
            names.append(name)
        self._s.setValue(f"operators/remembered/{_vault_key(folder)}", names)
        self.changed.emit("operators/remembered")
