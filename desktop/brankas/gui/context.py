"""AppContext: everything the GUI is given from outside (paths, settings, KDF policy, keystore)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, KdfPolicy, calibrate
from brankas.core.keystore import DeviceKeyStore, KeyringDeviceKeyStore
from brankas.core.paths import AppPaths
from brankas.gui.resources import Resources
from brankas.gui.settings import GuiSettings

Progress = Callable[[int, int], None]
KdfChooser = Callable[[KdfPolicy, Progress | None], KdfParams]


def calibrated_kdf(policy: KdfPolicy, progress: Progress | None) -> KdfParams:
    """Measure this PC and choose Argon2id parameters (DESIGN.md "KDF")."""
    return calibrate(policy, progress=progress)


@dataclass(frozen=True, slots=True)
class AppContext:
    """What the GUI needs from outside, passed down instead of read from globals.

    The app builds one with :meth:`production`; tests build their own with a temporary
    folder, a test-only KDF policy and an in-memory keystore.
    """

    paths: AppPaths
    settings: GuiSettings
    resources: Resources
    keystore: DeviceKeyStore
    policy: KdfPolicy = PRODUCTION_POLICY
    choose_kdf: KdfChooser = calibrated_kdf
    vault_folder: Path | None = None  # --vault on the command line; else the default

    @classmethod
    def production(
        cls, paths: AppPaths | None = None, vault_folder: Path | None = None
    ) -> AppContext:
        """The context the installed app runs with."""
        where = paths or AppPaths.default()
        return cls(
            paths=where,
            settings=GuiSettings.in_folder(where.config_dir),
            resources=Resources.locate(),
            keystore=KeyringDeviceKeyStore(),
            vault_folder=vault_folder,
        )

    @property
    def default_vault(self) -> Path:
        """The vault folder to offer first."""
        return self.vault_folder or self.paths.default_vault
