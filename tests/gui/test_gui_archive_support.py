"""Helpers for the archive GUI tests: demo regencies (built once per run), a province vault,
sessions on them, and archives exported and imported between them."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brankas.core.archive import keys, province
from brankas.core.archive.export import ExportResult, export_archive
from brankas.core.domain.enums import OfficeKind
from brankas.core.secret import Secret
from brankas.core.services import demo, office
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault
from brankas.gui.clipboard import ClipboardService
from brankas.gui.context import AppContext
from brankas.gui.session import Session, office_name
from brankas.gui.workers import JobRunner
from brankas_testing import FAST_POLICY, fast_kdf

DEMO_PASSWORD = "demo-kata-sandi-contoh"
PROVINCE_ADMIN = "Admin Provinsi"
PROVINCE_PASSWORD = "sandi-provinsi-contoh"
PROVINCE_NAME = "Bawaslu Provinsi Sulawesi Tengah"
# Two fictional regencies from the same demo story, told apart by office code and name.
REGENCIES = (("BWS.BUOL", "Bawaslu Kabupaten Buol"), ("BWS.TOLI", "Bawaslu Kabupaten Tolitoli"))
_TEMPLATES: dict[str, Path] = {}


def demo_template(code: str) -> Path:
    """A closed demo vault with ``code``, built once per test run (it takes seconds)."""
    if code not in _TEMPLATES:
        root = Path(tempfile.mkdtemp(prefix="brankas-archive-demo-"))
        atexit.register(shutil.rmtree, root, True)
        vault, _kit = demo.build_demo_vault(
            root / "vault", password=DEMO_PASSWORD, policy=FAST_POLICY, kdf=fast_kdf()
        )
        name = dict(REGENCIES)[code]
        office.update_office(ServiceContext(vault), code=code, name=name)
        vault.close(backup=False)
        _TEMPLATES[code] = root / "vault"
    return _TEMPLATES[code]


def make_province(folder: Path) -> None:
    """A closed, empty province vault in ``folder``."""
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.PROVINCE,
        office_name=PROVINCE_NAME,
        admin_name=PROVINCE_ADMIN,
        admin_password=Secret(PROVINCE_PASSWORD),
        kdf=fast_kdf(),
        policy=FAST_POLICY,
    )
    vault.close(backup=False)


def copy_regency(code: str, folder: Path) -> Path:
    """A fresh copy of the demo regency ``code`` in ``folder``."""
    shutil.copytree(demo_template(code), folder)
    return folder


@contextmanager
def open_session(
    ctx: AppContext, folder: Path, user: str = demo.ADMIN_NAME, password: str = DEMO_PASSWORD
) -> Iterator[Session]:
    """A GUI session on the vault in ``folder``."""
    vault = Vault.unlock(folder, user, Secret(password), policy=FAST_POLICY, keystore=ctx.keystore)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = JobRunner()
    clipboard = ClipboardService(app.clipboard(), 15)
    try:
        yield Session(ctx, vault, office_name(vault), runner, clipboard)
    finally:
        runner.wait()
        QApplication.processEvents()  # deliver the last results before the vault closes
        vault.close(backup=False)


def province_session(ctx: AppContext, folder: Path) -> Iterator[Session]:
    """A session on the province vault in ``folder`` (a context manager)."""
    return open_session(ctx, folder, PROVINCE_ADMIN, PROVINCE_PASSWORD)  # type: ignore[return-value]


def settle(qtbot: QtBot, session: Session) -> None:
    """Wait until the worker has nothing queued or running (results delivered)."""
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=30_000)


def export_from(regency: Path, province_vault: Vault, out: Path) -> ExportResult:
    """Trust ``province_vault``'s key in the (closed) regency and export its Pilkada term."""
    vault = Vault.unlock(regency, demo.ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)
    try:
        keys.set_province_recipient(vault, keys.recipient_file_text(province_vault))
        return export_archive(vault, term_ids=[2], out_dir=out)
    finally:
        vault.close(backup=False)


def signer_of(regency: Path) -> str:
    """The regency's signing-key fingerprint (as its letter states it)."""
    vault = Vault.unlock(regency, demo.ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)
    try:
        return keys.signing_public_key(vault.conn).fingerprint
    finally:
        vault.close(backup=False)


def import_into(province_vault: Vault, result: ExportResult, regency: Path) -> int:
    """Import an archive with its fingerprint confirmed; returns the import id."""
    fp = signer_of(regency)
    return province.import_archive(province_vault, result.path, confirm_fingerprint=fp).id
