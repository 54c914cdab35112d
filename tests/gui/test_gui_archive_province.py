"""The province's archives page: importing good and bad archives shows the right sentence;
first-import fingerprint confirmation; re-pin of a changed key by an admin; drag and drop."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import visible
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_archive_support import (
    DEMO_PASSWORD,
    PROVINCE_PASSWORD,
    copy_regency,
    export_from,
    make_province,
    province_session,
    settle,
    signer_of,
)

from brankas.core.archive import container, keys, province
from brankas.core.archive import format as fmt
from brankas.core.archive.export import ExportResult
from brankas.core.secret import Secret
from brankas.core.services import office
from brankas.core.services.context import ServiceContext
from brankas.core.services.demo import ADMIN_NAME
from brankas.core.storage.db import transaction
from brankas.core.vault.vault import Vault
from brankas.gui.archive.archives_page import ArchivesPage
from brankas.gui.archive.confirm_dialogs import FingerprintDialog, RepinDialog
from brankas.gui.archive.imports_model import ImportsModel, Outcome, OutcomesModel
from brankas.gui.context import AppContext
from brankas.gui.session import Session
from brankas_testing import FAST_POLICY


@dataclasses.dataclass
class World:
    session: Session
    page: ArchivesPage
    buol: Path
    toli: Path
    out: Path
    tmp: Path


@pytest.fixture
def world(qtbot: QtBot, gui_ctx: AppContext, tmp_path: Path) -> Iterator[World]:
    make_province(tmp_path / "provinsi")
    buol = copy_regency("BWS.BUOL", tmp_path / "buol")
    toli = copy_regency("BWS.TOLI", tmp_path / "toli")
    out = tmp_path / "keluar"
    out.mkdir()
    with province_session(gui_ctx, tmp_path / "provinsi") as session:
        page = ArchivesPage(lambda exc: pytest.fail(f"unexpected {exc!r}"))
        qtbot.addWidget(page)
        page.start_session(session)
        settle(qtbot, session)
        yield World(session, page, buol, toli, out, tmp_path)
        page.end_session()


def _export(w: World, regency: Path) -> ExportResult:
    return export_from(regency, w.session.vault, w.out)


def _import(qtbot: QtBot, w: World, *paths: Path) -> None:
    """Start an import and wait until the queue is idle or asks a question."""
    w.page.import_files(list(paths))
    settle(qtbot, w.session)


def _finish(qtbot: QtBot, w: World) -> list[Outcome]:
    qtbot.waitUntil(lambda: w.page.queue is not None and not w.page.queue.running, timeout=30_000)
    settle(qtbot, w.session)
    model = w.page.outcomes
    return [o for r in range(model.rowCount()) if (o := model.row_at(r)) is not None]


def _confirm_fingerprint(qtbot: QtBot, w: World, expected: str) -> None:
    dialog = visible(w.page.window(), FingerprintDialog)
    assert dialog is not None, "the fingerprint question did not appear"
    assert dialog.fingerprint == expected
    assert not dialog.ok.isEnabled()
    dialog.matches.setChecked(True)
    dialog.ok.click()
    settle(qtbot, w.session)


def test_first_import_confirms_the_fingerprint(qtbot: QtBot, world: World) -> None:
    w = world
    result = _export(w, w.buol)
    assert w.page.empty.isVisible() or w.page.imports.rowCount() == 0
    _import(qtbot, w, result.path)
    _confirm_fingerprint(qtbot, w, signer_of(w.buol))
    (outcome,) = _finish(qtbot, w)
    assert outcome.ok and outcome.sentence.startswith("Imported: Bawaslu Kabupaten Buol — Pilkada")
    assert w.page.imports.rowCount() == 1
    assert w.page.status.text() == "1 of 1 file(s) imported."
    pin = keys.get_pin(w.session.vault.conn, "BWS.BUOL")
    assert pin is not None and pin.fingerprint == signer_of(w.buol)


def test_cancelling_the_fingerprint_imports_nothing(qtbot: QtBot, world: World) -> None:
    w = world
    _import(qtbot, w, _export(w, w.buol).path)
    dialog = visible(w.page.window(), FingerprintDialog)
    assert dialog is not None
    dialog.reject()
    (outcome,) = _finish(qtbot, w)
    assert not outcome.ok and outcome.sentence == (
        "Not imported: the key fingerprint was not confirmed."
    )
    assert province.list_imports(w.session.vault.conn) == []


def test_bad_archives_each_get_their_sentence(qtbot: QtBot, world: World) -> None:
    w = world
    good = _export(w, w.buol)
    data = bytearray(good.path.read_bytes())
    tampered = w.tmp / "ubah.brankas"
    copy = bytearray(data)
    copy[len(copy) // 2] ^= 0x01
    tampered.write_bytes(bytes(copy))
    # A well-formed container whose manifest was edited after signing.
    members = container.read_outer(bytes(data))
    members[fmt.MANIFEST] = members[fmt.MANIFEST].replace(b"Buol", b"Bual", 1)
    unsigned = w.tmp / "tanda.brankas"
    unsigned.write_bytes(container.write_outer(members))
    junk = w.tmp / "bukan.brankas"
    junk.write_text("bukan arsip")
    # An archive for another province's key.
    make_province(w.tmp / "provinsi-lain")
    other = Vault.unlock(
        w.tmp / "provinsi-lain", "Admin Provinsi", Secret(PROVINCE_PASSWORD), policy=FAST_POLICY
    )
    try:
        elsewhere = export_from(w.toli, other, w.tmp)
    finally:
        other.close(backup=False)
    _import(qtbot, w, tampered, unsigned, junk, elsewhere.path, good.path)
    _confirm_fingerprint(qtbot, w, signer_of(w.buol))
    outcomes = _finish(qtbot, w)
    assert [o.ok for o in outcomes] == [False, False, False, False, True]
    assert outcomes[0].sentence.startswith("This archive was changed after it was signed.")
    assert outcomes[1].sentence.startswith("This archive is not authentic")
    assert outcomes[2].sentence == "This file is not a valid Brankas archive, or it is damaged."
    assert outcomes[3].sentence.startswith("This archive is not for this province's key")
    assert w.page.status.text() == "1 of 5 file(s) imported."
    # The same file again: already imported.
    _import(qtbot, w, good.path)
    (again,) = _finish(qtbot, w)
    assert not again.ok and again.sentence == "This archive was already imported."


def test_a_changed_key_needs_an_admin_repin(qtbot: QtBot, world: World) -> None:
    w = world
    _import(qtbot, w, _export(w, w.buol).path)
    _confirm_fingerprint(qtbot, w, signer_of(w.buol))
    _finish(qtbot, w)
    # Tolitoli's vault now says it is Buol: another key for a pinned office.
    vault = Vault.unlock(w.toli, ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)
    office.update_office(ServiceContext(vault), code="BWS.BUOL")
    vault.close(backup=False)
    changed = _export(w, w.toli)
    _import(qtbot, w, changed.path)
    dialog = visible(w.page.window(), RepinDialog)
    assert dialog is not None
    assert dialog.findChild(type(dialog.error), "newFingerprint").text() == signer_of(w.toli)
    assert not dialog.ok.isEnabled()
    dialog.matches.setChecked(True)
    dialog.reason.setText("brankas baru setelah PC diganti; surat 12/2025")
    dialog.password.setText("salah")
    dialog.ok.click()
    settle(qtbot, w.session)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "password" in dialog.error.text().lower()
    dialog.password.setText(PROVINCE_PASSWORD)
    dialog.ok.click()
    outcomes = _finish(qtbot, w)
    assert outcomes[-1].ok
    pin = keys.get_pin(w.session.vault.conn, "BWS.BUOL")
    assert pin is not None and pin.fingerprint == signer_of(w.toli)
    assert pin.reason == "brankas baru setelah PC diganti; surat 12/2025"


def test_cancelling_a_repin_refuses_with_the_sentence(qtbot: QtBot, world: World) -> None:
    w = world
    _import(qtbot, w, _export(w, w.buol).path)
    _confirm_fingerprint(qtbot, w, signer_of(w.buol))
    _finish(qtbot, w)
    vault = Vault.unlock(w.toli, ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)
    office.update_office(ServiceContext(vault), code="BWS.BUOL")
    vault.close(backup=False)
    _import(qtbot, w, _export(w, w.toli).path)
    dialog = visible(w.page.window(), RepinDialog)
    assert dialog is not None
    dialog.reject()
    (outcome,) = _finish(qtbot, w)
    assert not outcome.ok and outcome.code == "signer_changed"
    assert outcome.sentence.startswith("This archive is signed with a different key")


def test_dropped_files_are_imported(qtbot: QtBot, world: World) -> None:
    w = world
    result = _export(w, w.buol)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(result.path)), QUrl("https://example.invalid/x")])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    w.page.dropEvent(event)
    settle(qtbot, w.session)
    _confirm_fingerprint(qtbot, w, signer_of(w.buol))
    (outcome,) = _finish(qtbot, w)
    assert outcome.ok and outcome.path == result.path


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, world: World) -> None:
    w = world
    fp = signer_of(w.buol)
    province.import_archive(w.session.vault, _export(w, w.buol).path, confirm_fingerprint=fp)
    imports = ImportsModel()
    qtmodeltester.check(imports)
    imports.set_rows(province.list_imports(w.session.vault.conn))
    qtmodeltester.check(imports)
    assert imports.index(0, 0).data() == "Bawaslu Kabupaten Buol (BWS.BUOL)"
    outcomes = OutcomesModel()
    qtmodeltester.check(outcomes)
    outcomes.add(Outcome(Path("a.brankas"), True, "Imported."))
    outcomes.add(Outcome(Path("b.brankas"), False, "Refused.", "payload_hash"))
    qtmodeltester.check(outcomes)
    assert outcomes.rowCount() == 2


def _forget_exports(regency: Path) -> None:
    """The regency restores a backup made before its exports (its epoch does not go back)."""
    vault = Vault.unlock(regency, ADMIN_NAME, Secret(DEMO_PASSWORD), policy=FAST_POLICY)
    try:
        with transaction(vault.conn):
            vault.conn.execute("DELETE FROM archive_export")
    finally:
        vault.close(backup=False)


def test_an_import_warning_is_a_sentence(qtbot: QtBot, world: World) -> None:
    w = world
    _import(qtbot, w, _export(w, w.buol).path)
    _confirm_fingerprint(qtbot, w, signer_of(w.buol))
    (first,) = _finish(qtbot, w)
    assert first.ok and "backup" not in first.sentence
    _forget_exports(w.buol)
    _import(qtbot, w, _export(w, w.buol).path)
    outcomes = _finish(qtbot, w)
    assert outcomes[-1].ok
    assert outcomes[-1].sentence.startswith("Imported: Bawaslu Kabupaten Buol")
    assert "has probably restored a backup of its vault" in outcomes[-1].sentence
