"""Where Brankas keeps things, from platformdirs, overridable for tests and portable use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "Brankas"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders the app uses. Build with :meth:`default` or pass your own."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        """The per-user locations of this OS (e.g. ~/.local/share/Brankas)."""
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything below one folder (tests, portable installs)."""
        return cls(data_dir=root / "data", config_dir=root / "config", log_dir=root / "log")

    @property
    def default_vault(self) -> Path:
        """The vault folder used when the user has not chosen another."""
        return self.data_dir / "vault"
