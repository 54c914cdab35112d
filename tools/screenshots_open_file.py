"""Screenshots of files opened with Brankas (``brankas FILE``) in a regency vault: an archive
(question, then its signature check), a province key (its dialog, prefilled), a missing file,
and the unlock window waiting to open an archive. Called by screenshots.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from screenshots_archive import PROVINCE_ADMIN, PROVINCE_PASSWORD

from brankas.core.archive import keys
from brankas.core.crypto.kdf import PRODUCTION_POLICY
from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault
from brankas.gui.archive.check_dialog import ArchiveCheckDialog
from brankas.gui.archive.province_key_dialog import ProvinceKeyDialog
from brankas.gui.controller import AppController


class Shoots(Protocol):
    def shot(self, widget: QWidget, name: str) -> None: ...


def _shown(parent: QWidget, kind: type[QWidget]) -> QWidget:
    found = next((w for w in parent.findChildren(kind) if w.isVisible()), None)
    assert found is not None, f"no {kind.__name__} shown"
    return found


def province_key_file(root: Path) -> Path:
    """The sample province's public key saved as the GUI names it."""
    path = root / "kunci-provinsi-BWS.SULTENG.brankaskey"
    if not path.exists():
        vault = Vault.unlock(
            root / "provinsi-contoh",
            PROVINCE_ADMIN,
            Secret(PROVINCE_PASSWORD),
            policy=PRODUCTION_POLICY,
        )
        try:
            path.write_text(keys.recipient_file_text(vault), encoding="utf-8")
        finally:
            vault.close(backup=False)
    return path


def newest_archive(folder: Path) -> Path:
    """The archive the export screens just wrote."""
    return max(folder.glob("*.brankas"), key=lambda p: p.stat().st_mtime)


def shoot_open_files(
    ctrl: AppController, shoot: Shoots, idle: Callable[[], None], root: Path, archive: Path
) -> None:
    """With the regency vault open: an archive, a province key, a missing file."""
    main = ctrl.main_window
    assert main is not None
    ctrl.open_files([archive])
    box = _shown(main, QMessageBox)
    shoot.shot(box, "open-archive-in-regency")
    confirm = box.findChild(QPushButton, "confirmButton")
    assert confirm is not None
    confirm.click()
    idle()
    dialog = _shown(main, ArchiveCheckDialog)
    shoot.shot(dialog, "open-archive-checked")
    dialog.close()
    ctrl.open_files([province_key_file(root)])
    idle()
    key_dialog = _shown(main, ProvinceKeyDialog)
    shoot.shot(key_dialog, "open-province-key")
    key_dialog.reject()
    ctrl.open_files([root / "arsip-yang-dipindah.brankas"])
    box = _shown(main, QMessageBox)
    shoot.shot(box, "open-missing-file")
    box.close()
    idle()


def shoot_open_locked(ctrl: AppController, shoot: Shoots, archive: Path) -> None:
    """Locked: the unlock window says what happens with the archive once unlocked."""
    ctrl.open_files([archive])
    unlock = ctrl.unlock_window
    assert unlock is not None
    shoot.shot(unlock, "unlock-to-open-archive")
    ctrl.opener.pending.clear()
