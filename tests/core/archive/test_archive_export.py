"""Export: checks first, epoch and seq, audit, file name, recipients, refusals."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from archive_support import MARKER_HANDLE, MARKER_PASSWORD, PASSWORD, Pair, make_province
from hypothesis import given
from hypothesis import strategies as st

from brankas.core.archive import export as export_mod
from brankas.core.archive import format as fmt
from brankas.core.archive import keys
from brankas.core.archive.verify import verify_archive
from brankas.core.domain.enums import Role
from brankas.core.errors import (
    ArchiveNotForThisKey,
    DiskFull,
    ExportRefused,
    InvalidValue,
    NotFound,
    PermissionDenied,
)
from brankas.core.secret import Secret
from brankas.core.storage.db import transaction
from brankas.core.storage.repos import settings
from brankas.core.vault.operators import add_operator
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY


def _exports(vault: Vault) -> list[tuple[int, str, str]]:
    return list(
        vault.conn.execute("SELECT seq, file_name, sha256 FROM archive_export ORDER BY seq")
    )


def test_export_writes_a_stored_zip_and_records_it(pair: Pair) -> None:
    steps: list[tuple[int, int]] = []
    epoch_before = pair.regency.table.epoch
    result = pair.export(progress=lambda a, b: steps.append((a, b)))
    data = result.path.read_bytes()
    assert result.sha256 == hashlib.sha256(data).hexdigest() and result.size == len(data)
    assert re.fullmatch(r"arsip-BUOL-pilkada-2024-\d{4}-\d{2}-\d{2}\.brankas", result.path.name)
    assert result.path.stat().st_mode & 0o077 == 0  # owner-only, like every file we write
    with zipfile.ZipFile(result.path) as zf:
        assert [(i.filename, i.compress_type) for i in zf.infolist()] == [
            (fmt.MANIFEST, zipfile.ZIP_STORED),
            (fmt.SIGNATURE, zipfile.ZIP_STORED),
            (fmt.PAYLOAD, zipfile.ZIP_STORED),
        ]
        assert zf.read(fmt.MANIFEST) == result.manifest.to_bytes()
        assert zf.read(fmt.PAYLOAD).startswith(b"age-encryption.org/v1\n")
    assert steps == [(n, 7) for n in range(1, 8)]
    m = result.manifest
    assert (m.seq, m.epoch, m.office_code, m.office_kind) == (
        1,
        epoch_before + 1,
        "BUOL",
        "regency",
    )
    assert pair.regency.table.epoch == m.epoch == settings.get_meta(pair.regency.conn).epoch
    assert m.signer == keys.signing_public_key(pair.regency.conn)
    assert m.province_recipient == keys.own_recipient(pair.province.conn).recipient
    assert (m.to_self, m.other_recipients, m.passphrase_payload) == (False, (), None)
    assert m.secrets_included and m.counts["accounts"] == 6 and m.counts["secrets"] == 6
    assert [t.name for t in m.terms] == ["Pilkada 2024"]
    assert _exports(pair.regency) == [(1, result.path.name, result.sha256)]
    # Plaintext never reaches the file.
    for marker in (MARKER_PASSWORD, MARKER_HANDLE):
        assert marker.encode() not in data
    last = list(pair.regency.audit.events())[-1]
    assert (last.kind, last.target) == ("export", f"archive:{m.export_id}")
    assert last.detail["sha256"] == result.sha256 and last.detail["seq"] == 1
    assert MARKER_PASSWORD not in json.dumps(dict(last.detail))


def test_second_export_counts_on_and_carries_the_first_export_event(pair: Pair) -> None:
    first = pair.export()
    second = pair.export()
    assert second.path != first.path and second.path.name.endswith("-2.brankas")
    assert (second.manifest.seq, second.manifest.epoch) == (2, first.manifest.epoch + 1)
    got = verify_archive(second.path, identity=pair.identity)
    exports = [e for e in got.audit_events if e.kind == "export"]
    assert [e.detail["sha256"] for e in exports] == [first.sha256]
    assert got.manifest.audit_head == got.audit_events[-1].hash.hex()


def test_metadata_only_leaves_the_secrets_out(pair: Pair) -> None:
    result = pair.export(include_secrets=False)
    m = result.manifest
    assert not m.secrets_included and "secrets" not in m.counts
    assert fmt.SECRETS not in [e.name for e in m.contents]
    got = verify_archive(result.path, identity=pair.identity)
    assert got.secrets is None
    assert MARKER_PASSWORD not in json.dumps(dict(got.data))


def test_the_regency_itself_and_others_can_be_recipients(pair: Pair, tmp_path: Path) -> None:
    other = make_province(tmp_path / "lain", name="Provinsi Lain")
    try:
        mine = keys.own_recipient(pair.regency.conn).recipient
        theirs = keys.own_recipient(other.conn).recipient
        result = pair.export(extra_recipients=[mine, theirs, theirs])
        assert result.manifest.to_self and result.manifest.other_recipients == (theirs,)
        for ident in (
            pair.identity,
            keys.own_identity(pair.regency.conn),
            keys.own_identity(other.conn),
        ):
            assert verify_archive(result.path, identity=ident).manifest == result.manifest
        plain = pair.export()
        with pytest.raises(ArchiveNotForThisKey):
            verify_archive(plain.path, identity=keys.own_identity(pair.regency.conn))
        with pytest.raises(ArchiveNotForThisKey) as err:
            verify_archive(plain.path, passphrase=Secret("apa saja"))
        assert err.value.code == "no_passphrase_payload"
    finally:
        other.close(backup=False)


def test_a_passphrase_adds_a_second_payload(pair: Pair) -> None:
    result = pair.export(passphrase=Secret("frasa sandi cadangan"))
    m = result.manifest
    assert m.passphrase_payload is not None and m.passphrase_payload.name == fmt.PASSPHRASE_PAYLOAD
    with zipfile.ZipFile(result.path) as zf:
        assert zf.namelist()[-1] == fmt.PASSPHRASE_PAYLOAD
    by_pass = verify_archive(result.path, passphrase=Secret("frasa sandi cadangan"))
    by_key = verify_archive(result.path, identity=pair.identity)
    assert by_pass.data == by_key.data
    assert by_pass.secrets is not None and by_key.secrets is not None
    assert {k: v.password.reveal() for k, v in by_pass.secrets.items() if v.password} == {
        k: v.password.reveal() for k, v in by_key.secrets.items() if v.password
    }
    assert "passphrase" in json.dumps(list(pair.regency.audit.events())[-1].detail)


def test_export_refuses_without_a_province_key(pair: Pair) -> None:
    with transaction(pair.regency.conn):
        pair.regency.conn.execute("DELETE FROM province_recipient")
    with pytest.raises(ExportRefused) as err:
        pair.export()
    assert err.value.code == "no_province_key"
    # An explicit key works, and a bad one is refused.
    assert (
        pair.export(
            province_recipient=keys.own_recipient(pair.province.conn).recipient
        ).manifest.seq
        == 1
    )
    with pytest.raises(InvalidValue):
        pair.export(province_recipient="age1bukan")


def test_export_refuses_a_vault_that_fails_its_checks(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    epoch = pair.regency.table.epoch
    monkeypatch.setattr(export_mod, "integrity_check", lambda conn, structure: ["page 3: bad"])
    with pytest.raises(ExportRefused) as err:
        pair.export()
    assert err.value.code == "integrity_failed"
    monkeypatch.undo()
    conn = pair.regency.conn
    with transaction(conn):  # an attacker with the key drops the guards and edits history
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("UPDATE audit_event SET kind = 'lock' WHERE seq = 1")
    with pytest.raises(ExportRefused) as err:
        pair.export()
    assert err.value.code == "audit_broken"
    assert pair.regency.table.epoch == epoch and _exports(pair.regency) == []
    assert list(pair.out.iterdir()) == []


def test_export_refusals_for_office_terms_and_roles(pair: Pair) -> None:
    conn = pair.regency.conn
    with pytest.raises(ExportRefused) as err:
        pair.export(term_ids=[])
    assert err.value.code == "no_terms"
    with pytest.raises(NotFound):
        pair.export(term_ids=[99])
    with transaction(conn):
        conn.execute("UPDATE office SET code = ''")
    with pytest.raises(ExportRefused) as err:
        pair.export()
    assert err.value.code == "office_code_missing"
    with transaction(conn):
        conn.execute("UPDATE office SET code = 'BUOL'")
    with pytest.raises(ExportRefused) as err:
        export_mod.export_archive(pair.province, term_ids=[1], out_dir=pair.out)
    assert err.value.code == "not_regency"
    add_operator(pair.regency, "Operator Dua", Secret(PASSWORD), Role.OPERATOR)
    lock = pair.regency.lock()
    pair.regency = Vault.unlock(
        pair.regency.folder, "Operator Dua", Secret(PASSWORD), policy=FAST_POLICY, lock=lock
    )
    with pytest.raises(PermissionDenied):
        pair.export()


def test_a_failed_write_records_nothing(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExportRefused) as err:
        export_mod.export_archive(pair.regency, term_ids=[1], out_dir=pair.out / "tidak-ada")
    assert err.value.code == "out_dir_missing"
    before = list(pair.regency.audit.events())

    def full(path: Path, data: bytes) -> None:
        raise DiskFull("no space left")

    monkeypatch.setattr(export_mod, "atomic_write", full)
    with pytest.raises(DiskFull):
        pair.export()
    monkeypatch.undo()
    assert _exports(pair.regency) == []
    assert list(pair.regency.audit.events()) == before
    assert list(pair.out.iterdir()) == []
    assert pair.export().manifest.seq == 1  # the seq was not used up


def test_file_names() -> None:
    from datetime import UTC, date, datetime

    from brankas.core.domain.enums import Election
    from brankas.core.domain.models import Term

    def term(i: int, name: str) -> Term:
        return Term(
            id=i, name=name, election=Election.PEMILU, year=2024,
            start_date=date(2023, 1, 1), end_date=date(2024, 12, 31),
        )  # fmt: skip

    at = datetime(2025, 3, 1, 2, tzinfo=UTC)
    day = at.astimezone().date().isoformat()
    assert export_mod.file_name("BUOL", [term(1, "Pemilu 2024 / Tahap II")], at) == (
        f"arsip-BUOL-pemilu-2024-tahap-ii-{day}.brankas"
    )
    assert export_mod.file_name("BUOL", [term(7, "!!!")], at) == f"arsip-BUOL-masa-7-{day}.brankas"
    many = [term(i, f"Masa tugas yang panjang sekali {i}") for i in range(1, 4)]
    assert export_mod.file_name("BUOL", many, at) == f"arsip-BUOL-3-masa-tugas-{day}.brankas"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(_JSON)
def test_compact_json_is_the_utf8_spelling_whatever_the_text(value: object) -> None:
    expected = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert export_mod._compact(value) == expected


def test_compact_json_keeps_non_ascii_as_utf8() -> None:
    for text in (
        "Tiloán",
        "a\u00e9",
        "\x7f",
        r"c:\users\u0041",
        'tab\tquote"',
        "emoji \U0001f600",
        "plain",
    ):
        value = {"name": [text, 1, None]}
        expected = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        assert export_mod._compact(value) == expected
    assert export_mod._compact({"k": "Tiloán"}) == '{"k":"Tiloán"}'.encode()
