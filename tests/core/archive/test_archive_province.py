"""The province: import (pin on first import), replay, re-pin, batch import, reopening."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_support import MARKER_HANDLE, MARKER_PASSWORD, Pair, make_regency

from brankas.core.archive import keys, province
from brankas.core.archive.export import export_archive
from brankas.core.archive.verify import verify_signature_only
from brankas.core.errors import (
    ArchiveReplayed,
    ArchiveSignerChanged,
    ArchiveSignerUnconfirmed,
    ArchiveTampered,
    InvalidValue,
)
from brankas.core.storage.db import transaction


def _fp(pair: Pair) -> str:
    return keys.signing_public_key(pair.regency.conn).fingerprint


def _targets(pair: Pair) -> list[tuple[str, str]]:
    return [
        (e.kind, e.target)
        for e in pair.province.audit.events()
        if e.kind in ("create", "change", "import")
    ]


def test_first_import_needs_the_confirmed_fingerprint(pair: Pair) -> None:
    result = pair.export()
    preview = province.preview_import(pair.province, result.path)
    assert preview.signer_status == "new" and preview.manifest.signer.fingerprint == _fp(pair)
    for wrong in (None, "0000 0000 0000 0000 0000 0000", _fp(pair)[:-1]):
        with pytest.raises(ArchiveSignerUnconfirmed):
            province.import_archive(pair.province, result.path, confirm_fingerprint=wrong)
    assert province.list_imports(pair.province.conn) == []
    assert keys.get_pin(pair.province.conn, "BUOL") is None
    # Spaces and case do not matter when the reviewer types it.
    typed = _fp(pair).replace(" ", "").lower()
    imported = province.import_archive(pair.province, result.path, confirm_fingerprint=typed)
    assert (imported.office_code, imported.seq, imported.sha256) == ("BUOL", 1, result.sha256)
    assert imported.terms == result.manifest.terms and imported.secrets_included
    pin = keys.get_pin(pair.province.conn, "buol")
    assert pin is not None and pin.key == result.manifest.signer and pin.reason == ""
    assert _targets(pair) == [
        ("create", "regency_pin:BUOL"),
        ("import", f"archive:{result.manifest.export_id}"),
    ]
    stored = pair.province.conn.execute("SELECT data FROM imported_archive").fetchone()[0]
    assert bytes(stored) == result.path.read_bytes()


def test_later_imports_use_the_pin_and_refuse_replays(pair: Pair) -> None:
    first, second = pair.export(), pair.export()
    province.import_archive(pair.province, first.path, confirm_fingerprint=_fp(pair))
    again = province.preview_import(pair.province, second.path)
    assert again.signer_status == "pinned"
    province.import_archive(pair.province, second.path)  # no confirmation needed now
    with pytest.raises(ArchiveReplayed) as err:
        province.import_archive(pair.province, second.path)
    assert err.value.code == "already_imported"
    third = pair.export()
    older = pair.export()  # exported later, imported out of order below
    province.import_archive(pair.province, older.path)
    with pytest.raises(ArchiveReplayed) as err:
        province.import_archive(pair.province, third.path)
    assert err.value.code == "older_than_imported"
    late = province.import_archive(pair.province, third.path, allow_older=True)
    assert late.seq == 3
    listed = province.list_imports(pair.province.conn, office_code="buol")
    assert [i.seq for i in listed] == [1, 2, 3, 4]
    assert province.get_import(pair.province.conn, late.id) == late


def test_another_key_is_refused_until_an_admin_repins(pair: Pair, tmp_path: Path) -> None:
    province.import_archive(pair.province, pair.export().path, confirm_fingerprint=_fp(pair))
    rebuilt = make_regency(tmp_path / "baru", code="BUOL")  # the regency made a new vault
    try:
        keys.set_province_recipient(rebuilt, keys.recipient_file_text(pair.province))
        new = export_archive(rebuilt, term_ids=[1], out_dir=pair.out)
        with pytest.raises(ArchiveSignerChanged):
            province.import_archive(
                pair.province, new.path, confirm_fingerprint=new.manifest.signer.fingerprint
            )
        signer = verify_signature_only(new.path).signer
        keys.repin_regency_key(pair.province, "BUOL", signer, reason="vault kabupaten dibuat ulang")
        imported = province.import_archive(pair.province, new.path)
        assert imported.vault_id == new.manifest.vault_id
        assert ("change", "regency_pin:BUOL") in _targets(pair)
    finally:
        rebuilt.close(backup=False)


def test_import_many_reports_each_file(pair: Pair) -> None:
    good = pair.export()
    broken = pair.out / "rusak.brankas"
    broken.write_bytes(good.path.read_bytes()[:-10])
    outcomes = province.import_many(
        pair.province, [good.path, broken, good.path], confirmed={"buol": _fp(pair)}
    )
    assert outcomes[0].imported is not None and outcomes[0].error is None
    assert outcomes[1].imported is None and outcomes[1].error is not None
    assert isinstance(outcomes[2].error, ArchiveReplayed)
    assert [o.source for o in outcomes] == [str(good.path), str(broken), str(good.path)]


def test_reopening_a_stored_archive(pair: Pair) -> None:
    result = pair.export()
    imported = province.import_archive(pair.province, result.path, confirm_fingerprint=_fp(pair))
    result.path.unlink()  # the province keeps its own copy
    opened = province.open_import(pair.province, imported.id)
    assert opened.manifest == result.manifest and opened.snapshot is not None
    assert opened.secrets is not None
    assert MARKER_PASSWORD in {s.password.reveal() for s in opened.secrets.values() if s.password}
    conn = pair.province.conn
    stored = bytearray(conn.execute("SELECT data FROM imported_archive").fetchone()[0])
    stored[100] ^= 0x01  # inside manifest.json
    with transaction(conn):
        conn.execute("UPDATE imported_archive SET data = ?", (bytes(stored),))
    with pytest.raises(ArchiveTampered):  # the ZIP checksum catches it first
        province.open_import(pair.province, imported.id)


def test_nothing_in_clear_on_the_provinces_disk(pair: Pair, tmp_path: Path) -> None:
    result = pair.export()
    province.import_archive(pair.province, result.path, confirm_fingerprint=_fp(pair))
    pair.province.backup("uji")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            body = path.read_bytes()
            assert MARKER_PASSWORD.encode() not in body, path
            assert MARKER_HANDLE.encode() not in body, path


def test_only_a_province_imports(pair: Pair) -> None:
    with pytest.raises(InvalidValue) as err:
        province.import_archive(pair.regency, pair.export().path)
    assert err.value.code == "not_province"


def test_import_returns_the_verification_warnings(pair: Pair) -> None:
    first = pair.export()
    ok = province.import_archive(pair.province, first.path, confirm_fingerprint=_fp(pair))
    assert ok.warnings == ()
    # The regency restores a backup taken before that export: its export counter goes back,
    # its epoch (kept outside the restored data) does not.
    with transaction(pair.regency.conn):
        pair.regency.conn.execute("DELETE FROM archive_export")
    restored = pair.export()
    assert restored.manifest.seq == first.manifest.seq
    assert restored.manifest.epoch > first.manifest.epoch
    got = province.import_archive(pair.province, restored.path)
    assert got.warnings == ("seq_backwards",)
    assert province.get_import(pair.province.conn, got.id) == got  # listings carry none
    assert province.get_import(pair.province.conn, got.id).warnings == ()
