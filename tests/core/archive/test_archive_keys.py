"""Archive keys in the vault: migration 2 (from the v1 fixture), the province key, pins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyrage
import pytest
from archive_support import PASSWORD, Pair, make_province

from brankas.core.archive import keys
from brankas.core.archive.minisign import SigningKey, parse_signature, verify
from brankas.core.domain.enums import Role
from brankas.core.errors import InvalidValue, NotFound, PermissionDenied
from brankas.core.secret import Secret
from brankas.core.storage.db import integrity_check, open_database, transaction
from brankas.core.storage.migrations import LATEST_VERSION, current_version, migrate
from brankas.core.storage.repos import account, office, secrets, settings
from brankas.core.vault.operators import add_operator
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FIXTURE_V1_KEY = bytes.fromhex("6272616e6b61732d7631" + "00" * 22)  # see make_vault_v1.py
V2_TABLES = {
    "archive_signing_key",
    "archive_identity",
    "province_recipient",
    "archive_export",
    "regency_pin",
    "imported_archive",
}


def _operator_session(vault: Vault) -> Vault:
    add_operator(vault, "Operator Dua", Secret(PASSWORD), Role.OPERATOR)
    lock = vault.lock()
    return Vault.unlock(
        vault.folder, "Operator Dua", Secret(PASSWORD), policy=FAST_POLICY, lock=lock
    )


def _events(vault: Vault, target: str) -> list[tuple[str, dict[str, object]]]:
    return [(e.kind, dict(e.detail)) for e in vault.audit.events() if e.target == target]


def test_v1_vault_gets_its_archive_keys_by_migration(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    shutil.copyfile(FIXTURES / "vault_v1.db", path)  # never touch the committed file
    conn = open_database(path, FIXTURE_V1_KEY)
    try:
        assert current_version(conn) == 1
        backups: list[tuple[int, int]] = []
        assert migrate(conn, before_upgrade=lambda c, t: backups.append((c, t))) == LATEST_VERSION
        assert backups == [(1, LATEST_VERSION)]  # the vault backs up before the upgrade
        assert LATEST_VERSION >= 2
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables >= V2_TABLES
        assert integrity_check(conn) == []
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # The keys work: sign and verify, encrypt and decrypt.
        key = keys.signing_key(conn)
        sig = parse_signature(key.sign(b"x", trusted_comment="t", untrusted_comment="u"))
        assert verify(b"x", sig, keys.signing_public_key(conn)) == "t"
        ident = pyrage.x25519.Identity.from_str(keys.own_identity(conn).reveal())
        mine = keys.own_recipient(conn)
        assert str(ident.to_public()) == mine.recipient
        assert pyrage.decrypt(pyrage.encrypt(b"ok", [ident.to_public()]), [ident]) == b"ok"
        assert keys.province_recipient(conn) is None
        # v1's data is untouched.
        assert settings.get_meta(conn).vault_id == "a" * 32
        assert office.own_office(conn).code == "BUOL"
        ig = account.list_accounts(conn)[1]
        assert secrets.get_secrets(conn, ig.id).password is not None
        # Up to date now: nothing more to do, no second backup.
        assert migrate(conn, before_upgrade=lambda c, t: backups.append((c, t))) == LATEST_VERSION
        assert len(backups) == 1
    finally:
        conn.close()


def test_new_vaults_get_distinct_keys(tmp_path: Path) -> None:
    a = make_province(tmp_path / "a")
    b = make_province(tmp_path / "b")
    try:
        ka, kb = keys.signing_public_key(a.conn), keys.signing_public_key(b.conn)
        assert ka.key != kb.key and ka.key_id != kb.key_id
        assert keys.own_recipient(a.conn).recipient != keys.own_recipient(b.conn).recipient
        # The private halves are in the (encrypted) database and nowhere else.
        assert "AGE-SECRET-KEY" not in repr(keys.own_identity(a.conn))
    finally:
        a.close(backup=False)
        b.close(backup=False)


def test_single_row_tables_refuse_a_second_key(pair: Pair) -> None:
    conn = pair.regency.conn
    with pytest.raises(Exception, match=r"(?i)constraint|conflict|unique"), transaction(conn):
        conn.execute(
            "INSERT INTO archive_signing_key (id, key_id, seed, public_key, created_at)"
            " VALUES (2, zeroblob(8), zeroblob(32), zeroblob(32), 'x')"
        )


def test_province_key_file_round_trip(pair: Pair) -> None:
    text = keys.recipient_file_text(pair.province)
    mine = keys.own_recipient(pair.province.conn)
    assert text.splitlines()[-1] == mine.recipient
    assert f"# fingerprint: {mine.fingerprint}" in text
    assert keys.parse_recipient(text) == (mine.recipient, "Bawaslu Provinsi Sulawesi Tengah")
    assert keys.parse_recipient(f"  {mine.recipient}  \n") == (mine.recipient, "")
    stored = keys.province_recipient(pair.regency.conn)
    assert stored is not None and stored.recipient == mine.recipient
    assert stored.fingerprint == mine.fingerprint == keys.recipient_fingerprint(mine.recipient)
    assert stored.label == "Bawaslu Provinsi Sulawesi Tengah"


def test_only_a_province_publishes_a_key(pair: Pair) -> None:
    with pytest.raises(InvalidValue) as err:
        keys.recipient_file_text(pair.regency)
    assert err.value.code == "not_province"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "age1qqqq\n",
        "AGE-SECRET-KEY-1QQQQ\n",
        "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj\nage1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj\n",
        "x" * 5000,
    ],
)
def test_bad_province_keys_are_refused(text: str) -> None:
    with pytest.raises(InvalidValue) as err:
        keys.parse_recipient(text)
    assert (err.value.field, err.value.code) == ("recipient", "recipient_invalid")


def test_changing_the_province_key_is_audited_and_admin_only(pair: Pair, tmp_path: Path) -> None:
    other = make_province(tmp_path / "lain")
    try:
        new = keys.own_recipient(other.conn)
        old = keys.province_recipient(pair.regency.conn)
        assert old is not None
        keys.set_province_recipient(pair.regency, new.recipient)
        stored = keys.province_recipient(pair.regency.conn)
        assert stored is not None and stored.recipient == new.recipient
        kinds = _events(pair.regency, "archive:province_recipient")
        assert kinds == [
            ("create", {"fingerprint": old.fingerprint, "previous": None}),
            ("change", {"fingerprint": new.fingerprint, "previous": old.fingerprint}),
        ]
        session = _operator_session(pair.regency)
        pair.regency = session
        with pytest.raises(PermissionDenied):
            keys.set_province_recipient(session, old.recipient)
        with pytest.raises(PermissionDenied):
            keys.reveal_own_identity(session, reason="x")
        stored = keys.province_recipient(session.conn)
        assert stored is not None and stored.recipient == new.recipient
    finally:
        other.close(backup=False)


def test_revealing_the_identity_needs_a_reason_and_is_audited(pair: Pair) -> None:
    with pytest.raises(InvalidValue):
        keys.reveal_own_identity(pair.province, reason="  ")
    secret = keys.reveal_own_identity(pair.province, reason="buka dengan age")
    assert secret.reveal().startswith("AGE-SECRET-KEY-1")
    events = _events(pair.province, "archive:identity")
    assert events == [("reveal", {"reason": "buka dengan age"})]
    assert "AGE-SECRET-KEY" not in str(list(pair.province.audit.events()))


def test_repin_needs_an_admin_a_reason_and_an_existing_pin(pair: Pair) -> None:
    prov = pair.province
    first = SigningKey.generate().public_key()
    second = SigningKey.generate().public_key()
    with pytest.raises(NotFound):
        keys.repin_regency_key(prov, "BUOL", second, reason="kunci baru")
    with transaction(prov.conn):
        keys.write_pin(
            prov.conn,
            office_code="buol",
            office_name="Buol",
            key=first,
            operator_id=None,
            reason="",
        )
    pin = keys.get_pin(prov.conn, "BUOL")
    assert pin is not None and pin.key == first and pin.office_code == "BUOL" and pin.reason == ""
    with pytest.raises(InvalidValue):
        keys.repin_regency_key(prov, "BUOL", second, reason=" ")
    pin = keys.repin_regency_key(prov, "Buol", second, reason="  vault dibuat ulang  ")
    assert (pin.key, pin.reason, pin.fingerprint) == (
        second,
        "vault dibuat ulang",
        second.fingerprint,
    )
    assert [p.office_code for p in keys.list_pins(prov.conn)] == ["BUOL"]
    events = _events(prov, "regency_pin:BUOL")
    assert events == [
        (
            "change",
            {
                "old_key_id": first.key_id_text,
                "old_fingerprint": first.fingerprint,
                "new_key_id": second.key_id_text,
                "new_fingerprint": second.fingerprint,
                "reason": "vault dibuat ulang",
            },
        )
    ]
    session = _operator_session(prov)
    pair.province = session
    with pytest.raises(PermissionDenied):
        keys.repin_regency_key(session, "BUOL", first, reason="coba")
    pin = keys.get_pin(session.conn, "BUOL")
    assert pin is not None and pin.key == second
