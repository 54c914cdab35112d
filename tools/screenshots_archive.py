"""Screenshots of the review archive: the regency's export dialog, and a province vault that
imports two demo regencies' archives (first-key question, a refused file), its review
dashboard, drill-down, an audited reveal and its Settings. Called by screenshots.py."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from brankas.core.archive import keys
from brankas.core.archive.export import export_archive
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, new_salt
from brankas.core.domain.enums import OfficeKind
from brankas.core.paths import AppPaths
from brankas.core.secret import Secret
from brankas.core.services import demo, office
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault
from brankas.gui.archive.confirm_dialogs import FingerprintDialog
from brankas.gui.archive.export_dialog import ExportDialog
from brankas.gui.archive.reveal_dialog import RevealDialog
from brankas.gui.main_window import MainWindow

PROVINCE = "Bawaslu Provinsi Sulawesi Tengah"
PROVINCE_ADMIN, PROVINCE_PASSWORD = "Nurhayati Contoh", "teh-hangat-di-palu-pagi"


class Shoots(Protocol):
    def shot(self, widget: QWidget, name: str) -> None: ...


def _wait(check: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the archive screens did not reach the expected state")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _visible(kind: type[QWidget]) -> QWidget | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
    )


def _floor() -> KdfParams:
    return KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1, salt=new_salt())


def make_province(folder: Path) -> None:
    """An empty province vault (KDF at the production floor)."""
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.PROVINCE,
        office_name=PROVINCE,
        admin_name=PROVINCE_ADMIN,
        admin_password=Secret(PROVINCE_PASSWORD),
        kdf=_floor(),
    )
    vault.close(backup=False)


def _unlock(folder: Path, user: str, password: str) -> Vault:
    return Vault.unlock(folder, user, Secret(password), policy=PRODUCTION_POLICY)


def prepare_regencies(root: Path, buol: Path, admin: str, password: str) -> Path:
    """A second demo regency (Tolitoli: the demo story under another code and name) and a
    province key in both, so that the export dialog has a recipient. Returns Tolitoli."""
    toli = root / "toli"
    # A demo of its own (not a copy): its own vault id and signing key.
    vault, _kit = demo.build_demo_vault(
        toli, password=Secret(password), policy=PRODUCTION_POLICY, kdf=_floor()
    )
    try:
        office.update_office(
            ServiceContext(vault), code="BWS.TOLI", name="Bawaslu Kabupaten Tolitoli"
        )
    finally:
        vault.close(backup=False)
    make_province(root / "provinsi-contoh")
    _trust(root / "provinsi-contoh", [buol, toli], admin, password)
    return toli


def _trust(province: Path, regencies: list[Path], admin: str, password: str) -> None:
    vault = _unlock(province, PROVINCE_ADMIN, PROVINCE_PASSWORD)
    text = keys.recipient_file_text(vault)
    vault.close(backup=False)
    for folder in regencies:
        regency = _unlock(folder, admin, password)
        try:
            keys.set_province_recipient(regency, text)
        finally:
            regency.close(backup=False)


def shoot_export(main: MainWindow, shoot: Shoots, idle: Callable[[], None], out: Path) -> None:
    """The regency's export dialog: the form, then the result."""
    dialog = main.archive.open_export()
    assert isinstance(dialog, ExportDialog)
    idle()
    out.mkdir(parents=True, exist_ok=True)
    dialog.folder.setText(str(out))
    dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSize()))
    shoot.shot(dialog, "dialog-export-archive")
    dialog.use_passphrase.setChecked(True)
    dialog.passphrase.setText("frasa cadangan")
    dialog.passphrase_again.setText("frasa cadangan")
    dialog.metadata_only.setChecked(True)
    shoot.shot(dialog, "dialog-export-archive-options")
    dialog.use_passphrase.setChecked(False)
    dialog.with_secrets.setChecked(True)
    dialog.export_button.click()
    _wait(lambda: dialog.result_ is not None)
    idle()
    shoot.shot(dialog, "dialog-export-archive-done")
    dialog.accept()


def shoot_province(
    app: QApplication,
    root: Path,
    language: str,
    shoot: Shoots,
    regencies: list[Path],
    admin: str,
    password: str,
    make_context: Callable[[Path, str], object],
) -> None:
    """A province vault of its own for this language: import, review, reveal, settings."""
    from brankas.gui.controller import AppController

    base = root / f"provinsi-{language}"
    ctx = make_context(base, language)
    folder = AppPaths.under(base).default_vault
    make_province(folder)
    _trust(folder, regencies, admin, password)
    out = base / "arsip"
    out.mkdir()
    files = []
    for regency in regencies:
        vault = _unlock(regency, admin, password)
        try:
            files.append(export_archive(vault, term_ids=[2], out_dir=out).path)
        finally:
            vault.close(backup=False)
    tampered = out / "arsip-rusak.brankas"
    data = bytearray(files[0].read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))

    ctrl = AppController(app, ctx)  # type: ignore[arg-type]
    ctrl.start()
    unlock = ctrl.unlock_window
    assert unlock is not None
    unlock.operator.setText(PROVINCE_ADMIN)
    unlock.password.setText(PROVINCE_PASSWORD)
    unlock.unlock()
    _wait(lambda: ctrl.main_window is not None and ctrl.main_window.isVisible())
    main = ctrl.main_window
    assert main is not None
    main.setGeometry(0, 0, 1366, 768)

    def idle() -> None:
        _wait(lambda: not ctrl.runner.busy)

    idle()
    shoot.shot(main, "province-archives-empty")
    page = main.archive.archives
    page.import_files([tampered, *files])
    for _ in files:
        _wait(lambda: _visible(FingerprintDialog) is not None)
        dialog = _visible(FingerprintDialog)
        assert isinstance(dialog, FingerprintDialog)
        dialog.matches.setChecked(True)
        shoot.shot(dialog, "province-confirm-fingerprint")
        dialog.ok.click()
        idle()
    _wait(lambda: page.queue is not None and not page.queue.running)
    idle()
    shoot.shot(main, "province-archives-imported")
    main.show_page("review")
    review = main.archive.review
    idle()
    shoot.shot(main, "province-review")
    row = review.model.row_at(0)
    assert row is not None
    review.open_row(row)
    idle()
    detail = review.detail
    detail.select_kecamatan("Bokat")
    detail.accounts_view.setCurrentIndex(detail.accounts_proxy.index(0, 0))
    idle()
    shoot.shot(main, "province-review-detail")
    reveal = detail.reveal("password")
    assert isinstance(reveal, RevealDialog)
    reveal.reason.setText("memeriksa aturan 2 untuk laporan tinjauan")
    shoot.shot(reveal, "province-reveal-reason")
    reveal.reveal_button.click()
    idle()
    shoot.shot(reveal, "province-reveal-shown")
    reveal.reject()
    main.show_page("audit")  # imports, the pinned keys and the reveal, named in words
    idle()
    shoot.shot(main, "province-audit")
    main.show_page("settings")
    idle()
    shoot.shot(main, "province-settings")
    ctrl.quit()
