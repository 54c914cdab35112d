"""``brankas FILE``: archives, province keys and vault folders given on the command line (or
passed on by a second launch) are acted on after unlocking; anything else gets a sentence."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, visible
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from test_gui_archive_support import (
    DEMO_PASSWORD,
    PROVINCE_ADMIN,
    PROVINCE_PASSWORD,
    copy_regency,
    export_from,
    make_province,
    signer_of,
)

from brankas.core.archive import keys
from brankas.core.archive.keys import key_file_name
from brankas.core.secret import Secret
from brankas.core.services import demo
from brankas.core.vault.operators import add_operator
from brankas.core.vault.vault import Vault
from brankas.gui.app import parse_args
from brankas.gui.archive.archives_page import ArchivesPage
from brankas.gui.archive.check_dialog import ArchiveCheckDialog
from brankas.gui.archive.confirm_dialogs import FingerprintDialog
from brankas.gui.archive.province_key_dialog import ProvinceKeyDialog
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.open_file import FileKind, classify
from brankas.gui.single_instance import SingleInstance, decode_files, encode_message, instance_key
from brankas_testing import FAST_POLICY

CLERK, CLERK_PASSWORD = "Budi Operator", "teh-manis-sore-di-buol"


# --- helpers ---------------------------------------------------------------------------------
def _province_key_text(folder: Path) -> str:
    vault = Vault.unlock(folder, PROVINCE_ADMIN, Secret(PROVINCE_PASSWORD), policy=FAST_POLICY)
    try:
        return keys.recipient_file_text(vault)
    finally:
        vault.close(backup=False)


def _archive(regency: Path, province_folder: Path, out: Path) -> Path:
    """An archive from ``regency`` addressed to the province in ``province_folder``."""
    out.mkdir(exist_ok=True)
    vault = Vault.unlock(
        province_folder, PROVINCE_ADMIN, Secret(PROVINCE_PASSWORD), policy=FAST_POLICY
    )
    try:
        return export_from(regency, vault, out).path
    finally:
        vault.close(backup=False)


def _unlock(qtbot: QtBot, c: AppController, user: str, password: str) -> None:
    window = c.unlock_window
    assert window is not None and window.isVisible()
    window.operator.setText(user)
    window.password.setText(password)
    with qtbot.waitSignal(c.vault_unlocked, timeout=20_000):
        window.unlock()


def _settled(qtbot: QtBot, c: AppController) -> None:
    qtbot.waitUntil(lambda: not c.runner.busy, timeout=30_000)


def _box(parent: QWidget | None) -> QMessageBox:
    assert parent is not None
    box = visible(parent, QMessageBox)
    assert box is not None, "no message shown"
    return box


def _confirm(box: QMessageBox) -> None:
    button = box.findChild(QWidget, "confirmButton")
    assert button is not None
    button.click()  # type: ignore[attr-defined]


# --- what a file is --------------------------------------------------------------------------
def test_files_are_told_apart_by_extension_and_contents(tmp_path: Path) -> None:
    make_province(tmp_path / "prov")
    text = _province_key_text(tmp_path / "prov")
    key = tmp_path / "kunci.brankaskey"
    key.write_text(text)
    as_txt = tmp_path / "kunci.txt"
    as_txt.write_text(text)
    pasted = tmp_path / "tempel"
    pasted.write_text(text.splitlines()[-1] + "\n")  # only the age1… line
    archive = tmp_path / "arsip.brankas"
    archive.write_bytes(b"not even a zip")  # the name decides; the import refuses it later
    renamed = tmp_path / "arsip-salinan.zip"
    with zipfile.ZipFile(renamed, "w") as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("manifest.minisig", "x")
    other_zip = tmp_path / "laporan.xlsx"
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
    note = tmp_path / "catatan.txt"
    note.write_text("age1 is not a key\nsecond line\n")
    plain_dir = tmp_path / "folder-biasa"
    plain_dir.mkdir()
    kinds = {
        key: FileKind.PROVINCE_KEY,
        as_txt: FileKind.PROVINCE_KEY,
        pasted: FileKind.PROVINCE_KEY,
        archive: FileKind.ARCHIVE,
        renamed: FileKind.ARCHIVE,
        other_zip: FileKind.UNKNOWN,
        note: FileKind.UNKNOWN,
        plain_dir: FileKind.UNKNOWN,
        tmp_path / "prov": FileKind.VAULT,
        tmp_path / "prov" / "vault.db": FileKind.VAULT,
        tmp_path / "hilang.brankas": FileKind.MISSING,
    }
    for path, kind in kinds.items():
        assert classify(path).kind is kind, path
    assert classify(tmp_path / "prov" / "vault.keys").target == tmp_path / "prov"


def test_key_file_names() -> None:
    assert key_file_name("BWS.SULTENG") == "kunci-provinsi-BWS.SULTENG.brankaskey"
    assert key_file_name("BWS/SUL TENG") == "kunci-provinsi-BWS-SUL-TENG.brankaskey"
    assert key_file_name("") == "kunci-provinsi.brankaskey"


def test_file_arguments_are_parsed_after_qt_took_its_options() -> None:
    app = QApplication.instance()
    assert app is not None
    args = parse_args(["arsip.brankas", "--vault", "/v", "kunci.brankaskey"])
    assert args.files == [Path("arsip.brankas"), Path("kunci.brankaskey")]
    assert args.vault == Path("/v")
    assert parse_args([]).files == []


def test_a_second_launch_passes_its_files_on(qtbot: QtBot, tmp_path: Path) -> None:
    odd = tmp_path / "baris\nbaru.brankas"  # any path survives the trip
    assert decode_files(encode_message([odd, tmp_path / "b"])) == [odd, tmp_path / "b"]
    assert decode_files(b"raise\nopen nonsense\nopen 12\nend\n") == []
    key = instance_key(tmp_path / "vault", user="tester")
    first = SingleInstance(key)
    try:
        assert first.listen()
        second = SingleInstance(key)
        raised: list[bool] = []
        first.activation_requested.connect(lambda: raised.append(True))
        with qtbot.waitSignal(first.files_requested, timeout=5_000) as got:
            assert second.notify_running([odd])
        assert raised == [True] and got.args == [[odd]]
        # Without files only the window is raised.
        with (
            qtbot.assertNotEmitted(first.files_requested),
            qtbot.waitSignal(first.activation_requested, timeout=5_000),
        ):
            assert second.notify_running()
        assert raised == [True, True]
    finally:
        first.close()


# --- province vault: archives ----------------------------------------------------------------
def test_province_unlocks_then_imports_the_archive(
    qtbot: QtBot, controller: AppController, gui_ctx: AppContext, tmp_path: Path
) -> None:
    make_province(gui_ctx.default_vault)
    buol = copy_regency("BWS.BUOL", tmp_path / "buol")
    archive = _archive(buol, gui_ctx.default_vault, tmp_path / "keluar")
    controller.start([archive])
    unlock = controller.unlock_window
    assert unlock is not None and unlock.notice.isVisible()
    assert archive.name in unlock.notice.text()
    _unlock(qtbot, controller, PROVINCE_ADMIN, PROVINCE_PASSWORD)
    window = controller.main_window
    assert window is not None and window.current_key == "archives"
    page = window.pages["archives"]
    assert isinstance(page, ArchivesPage)
    _settled(qtbot, controller)
    dialog = visible(window, FingerprintDialog)
    assert dialog is not None and dialog.fingerprint == signer_of(buol)
    dialog.matches.setChecked(True)
    dialog.ok.click()
    qtbot.waitUntil(lambda: page.outcomes.rowCount() == 1, timeout=30_000)
    outcome = page.outcomes.row_at(0)
    assert outcome is not None and outcome.ok, outcome
    assert outcome.sentence.startswith("Imported: Bawaslu Kabupaten Buol")
    assert not controller.opener.pending


def test_a_second_launch_imports_into_the_open_province(
    qtbot: QtBot, controller: AppController, gui_ctx: AppContext, tmp_path: Path
) -> None:
    make_province(gui_ctx.default_vault)
    toli = copy_regency("BWS.TOLI", tmp_path / "toli")
    archive = _archive(toli, gui_ctx.default_vault, tmp_path / "keluar")
    controller.start()
    _unlock(qtbot, controller, PROVINCE_ADMIN, PROVINCE_PASSWORD)
    _settled(qtbot, controller)
    window = controller.main_window
    assert window is not None
    window.show_page("audit")
    key = instance_key(tmp_path / "v", user="tester")
    first = SingleInstance(key)
    first.activation_requested.connect(controller.raise_window)
    first.files_requested.connect(controller.open_files)
    try:
        assert first.listen()
        with qtbot.waitSignal(first.files_requested, timeout=5_000):
            assert SingleInstance(key).notify_running([archive])
    finally:
        first.close()
    assert window.current_key == "archives"
    _settled(qtbot, controller)
    dialog = visible(window, FingerprintDialog)
    assert dialog is not None and dialog.fingerprint == signer_of(toli)


def test_a_province_is_told_where_a_province_key_goes(
    qtbot: QtBot, controller: AppController, gui_ctx: AppContext, tmp_path: Path
) -> None:
    make_province(gui_ctx.default_vault)
    key = tmp_path / "kunci-provinsi.brankaskey"
    key.write_text(_province_key_text(gui_ctx.default_vault))
    controller.start([key])
    _unlock(qtbot, controller, PROVINCE_ADMIN, PROVINCE_PASSWORD)
    box = _box(controller.main_window)
    assert "is imported in the vault of a regency or city" in box.text()
    assert visible(controller.main_window, ProvinceKeyDialog) is None  # type: ignore[arg-type]


# --- regency vault: archives are only checked; province keys go to Settings ------------------
@pytest.fixture
def regency(gui_ctx: AppContext, tmp_path: Path) -> Path:
    """The demo regency BWS.BUOL as the app's vault (it exports archives)."""
    shutil.rmtree(gui_ctx.default_vault, ignore_errors=True)
    return copy_regency("BWS.BUOL", gui_ctx.default_vault)


def test_a_regency_offers_to_check_the_signature(
    qtbot: QtBot, controller: AppController, regency: Path, tmp_path: Path
) -> None:
    make_province(tmp_path / "prov")
    own = _archive(regency, tmp_path / "prov", tmp_path / "keluar")
    toli = copy_regency("BWS.TOLI", tmp_path / "toli")
    other = _archive(toli, tmp_path / "prov", tmp_path / "keluar")
    own_fingerprint = signer_of(regency)
    controller.start([own])
    _unlock(qtbot, controller, demo.ADMIN_NAME, DEMO_PASSWORD)
    window = controller.main_window
    assert window is not None
    box = _box(window)
    assert "Archives are opened in the province's Brankas vault" in box.text()
    _confirm(box)
    _settled(qtbot, controller)
    dialog = visible(window, ArchiveCheckDialog)
    assert dialog is not None
    assert dialog.findChild(QWidget, "archiveCheckFingerprint").text() == own_fingerprint  # type: ignore[union-attr]
    signed_by = dialog.findChild(QWidget, "archiveCheckSignedBy").text()  # type: ignore[union-attr]
    assert signed_by.startswith("this office's own signing key")
    dialog.close()
    # Another regency's archive, and one changed after signing.
    controller.open_files([other])
    _confirm(_box(window))
    _settled(qtbot, controller)
    dialog = visible(window, ArchiveCheckDialog)
    assert dialog is not None
    signed_by = dialog.findChild(QWidget, "archiveCheckSignedBy").text()  # type: ignore[union-attr]
    assert signed_by.startswith("another office's key")
    dialog.close()
    data = bytearray(other.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed = tmp_path / "diubah.brankas"
    changed.write_bytes(bytes(data))
    controller.open_files([changed])
    _confirm(_box(window))
    _settled(qtbot, controller)
    box = _box(window)
    assert visible(window, ArchiveCheckDialog) is None
    assert "changed after it was signed" in box.text() or "not authentic" in box.text()


def test_a_regency_admin_gets_the_key_dialog_prefilled(
    qtbot: QtBot, controller: AppController, regency: Path, tmp_path: Path
) -> None:
    make_province(tmp_path / "prov")
    text = _province_key_text(tmp_path / "prov")
    key = tmp_path / "kunci-provinsi-BWS.SULTENG.brankaskey"
    key.write_text(text)
    controller.start([key])
    assert key.name in controller.unlock_window.notice.text()  # type: ignore[union-attr]
    _unlock(qtbot, controller, demo.ADMIN_NAME, DEMO_PASSWORD)
    window = controller.main_window
    assert window is not None
    _settled(qtbot, controller)
    assert window.current_key == "settings"
    dialog = visible(window, ProvinceKeyDialog)
    assert dialog is not None, "the province key dialog did not open"
    assert dialog.text.toPlainText() == text
    assert dialog.fingerprint.text() == keys.recipient_fingerprint(text.splitlines()[-1])
    assert not dialog.ok.isEnabled()  # the fingerprint check and the password are still asked


def test_a_regency_operator_is_told_to_ask_an_admin(
    qtbot: QtBot, controller: AppController, regency: Path, tmp_path: Path
) -> None:
    admin = Vault.unlock(regency, demo.ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)
    try:
        add_operator(admin, CLERK, Secret(CLERK_PASSWORD))
    finally:
        admin.close(backup=False)
    make_province(tmp_path / "prov")
    key = tmp_path / "kunci.txt"
    key.write_text(_province_key_text(tmp_path / "prov"))
    controller.start([key])
    _unlock(qtbot, controller, CLERK, CLERK_PASSWORD)
    box = _box(controller.main_window)
    assert "Only an admin can import it" in box.text()


# --- vault folders and files that are not Brankas's ------------------------------------------
def test_a_vault_folder_opens_in_the_unlock_window(
    qtbot: QtBot, controller: AppController, gui_ctx: AppContext, vault_folder: tuple[Path, str]
) -> None:
    other = gui_ctx.default_vault.parent / "kedua"
    make_province(other)
    controller.start([other / "vault.db"])
    unlock = controller.unlock_window
    assert unlock is not None and unlock.folder() == other
    # With a vault open, another one is opened after locking this one (asked first).
    unlock.set_folder(gui_ctx.default_vault)
    _unlock(qtbot, controller, ADMIN, ADMIN_PASSWORD)
    _settled(qtbot, controller)
    controller.open_files([gui_ctx.default_vault])  # the open one: nothing to ask
    assert visible(controller.main_window, QMessageBox) is None  # type: ignore[arg-type]
    controller.open_files([other])
    box = _box(controller.main_window)
    assert "Lock it and open the vault" in box.text()
    with qtbot.waitSignal(controller.vault_locked, timeout=10_000):
        _confirm(box)
    unlock = controller.unlock_window
    assert controller.vault is None and unlock is not None and unlock.isVisible()
    assert unlock.folder() == other


def test_a_vault_folder_on_first_run_skips_the_wizard(
    controller: AppController, tmp_path: Path
) -> None:
    make_province(tmp_path / "dibawa")
    controller.start([tmp_path / "dibawa"])
    assert controller.wizard is None
    unlock = controller.unlock_window
    assert unlock is not None and unlock.folder() == tmp_path / "dibawa"


def test_missing_and_foreign_files_get_a_sentence(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str], tmp_path: Path
) -> None:
    foreign = tmp_path / "brankas.kdbx"
    foreign.write_bytes(b"\x03\xd9\xa2\x9a keepass")
    controller.start([tmp_path / "hilang.brankas", foreign])
    unlock = controller.unlock_window
    assert unlock is not None and unlock.isVisible()
    box = _box(unlock)
    assert "“hilang.brankas”: there is no such file" in box.text()
    assert "“brankas.kdbx”: it is not a review archive" in box.text()
    assert not controller.opener.pending and not unlock.notice.isVisible()
    assert foreign.read_bytes() == b"\x03\xd9\xa2\x9a keepass"
    box.close()
    _unlock(qtbot, controller, ADMIN, ADMIN_PASSWORD)
    assert controller.main_window is not None and controller.main_window.current_key != "archives"


def test_the_lock_notice_stays_next_to_the_file_note(
    qtbot: QtBot, controller: AppController, vault_folder: tuple[Path, str], tmp_path: Path
) -> None:
    controller.start()
    _unlock(qtbot, controller, ADMIN, ADMIN_PASSWORD)
    _settled(qtbot, controller)
    controller.lock("idle")
    unlock = controller.unlock_window
    assert unlock is not None
    reason = unlock.notice.text()
    assert reason.startswith("The vault was locked after")
    first, second = tmp_path / "satu.brankas", tmp_path / "dua.brankas"
    first.write_bytes(b"x")
    second.write_bytes(b"x")
    controller.open_files([first])
    controller.open_files([second])
    assert unlock.notice.text() == (
        f"{reason} Unlock your vault to open the review archive “satu.brankas”, “dua.brankas”."
    )
    assert [g.path.name for g in controller.opener.pending] == ["satu.brankas", "dua.brankas"]
