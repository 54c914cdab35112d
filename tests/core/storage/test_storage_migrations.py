"""Schema migrations: 0 -> latest, refusing newer vaults, atomic steps, the v1 fixture."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import storage_sample

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.errors import Conflict, DatabaseCorrupt, SchemaTooNew
from brankas.core.storage.db import Connection, integrity_check, open_database, transaction
from brankas.core.storage.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    current_version,
    migrate,
    sql_statements,
)
from brankas.core.storage.repos import (
    account,
    attachment,
    audit,
    checklist,
    custody,
    handover,
    office,
    secrets,
    settings,
    term,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# The test-only key of tests/fixtures/vault_v1.db (see make_vault_v1.py).
FIXTURE_V1_KEY = bytes.fromhex("6272616e6b61732d7631" + "00" * 22)

TABLES = {
    "meta",
    "office",
    "kecamatan",
    "term",
    "term_kecamatan",
    "person",
    "operator",
    "account",
    "account_secret",
    "password_history",
    "custody",
    "handover",
    "handover_witness",
    "handover_item",
    "checklist_template",
    "checklist_item",
    "page_access",
    "audit_event",
    "attachment",
    "settings",
    # v2: the review archive
    "archive_signing_key",
    "archive_identity",
    "province_recipient",
    "archive_export",
    "regency_pin",
    "imported_archive",
    # v3: checklist step texts stored once
    "checklist_text",
}


def _tables(conn: Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows}


def test_new_database_migrates_from_0_to_latest(db_path: Path, raw_key: bytes) -> None:
    conn = open_database(db_path, raw_key, create=True)
    calls: list[tuple[int, int, set[str], int]] = []

    def before(cur: int, target: int) -> None:
        calls.append((cur, target, _tables(conn), current_version(conn)))

    assert migrate(conn, before_upgrade=before) == LATEST_VERSION
    assert calls == [(0, LATEST_VERSION, set(), 0)]  # called before anything changed
    assert current_version(conn) == LATEST_VERSION
    assert _tables(conn) == TABLES
    assert integrity_check(conn) == []
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_up_to_date_database_is_left_alone(conn: Connection) -> None:
    def before(_cur: int, _target: int) -> None:
        raise AssertionError("no backup needed")

    assert migrate(conn, before_upgrade=before) == LATEST_VERSION


def test_newer_database_is_refused_unchanged(conn: Connection) -> None:
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    called: list[int] = []
    with pytest.raises(SchemaTooNew, match=str(LATEST_VERSION + 5)):
        migrate(conn, before_upgrade=lambda c, t: called.append(c))
    assert called == []
    assert current_version(conn) == LATEST_VERSION + 5
    assert _tables(conn) == TABLES


def test_negative_version_is_corrupt(conn: Connection) -> None:
    conn.execute("PRAGMA user_version = -1")
    with pytest.raises(DatabaseCorrupt):
        migrate(conn, before_upgrade=lambda c, t: None)


def test_failing_before_upgrade_changes_nothing(db_path: Path, raw_key: bytes) -> None:
    conn = open_database(db_path, raw_key, create=True)

    def before(_cur: int, _target: int) -> None:
        raise OSError("backup failed")

    with pytest.raises(OSError, match="backup failed"):
        migrate(conn, before_upgrade=before)
    assert current_version(conn) == 0
    assert _tables(conn) == set()
    conn.close()


def _add_column(conn: Connection) -> None:
    conn.execute("ALTER TABLE office ADD COLUMN motto TEXT NOT NULL DEFAULT ''")


def _broken(conn: Connection) -> None:
    conn.execute("CREATE TABLE half_done (x)")
    raise RuntimeError("step failed")


def test_each_step_is_atomic_and_bumps_the_version(conn: Connection) -> None:
    steps = (
        *MIGRATIONS,
        Migration(LATEST_VERSION + 1, "add a column", _add_column),
        Migration(LATEST_VERSION + 2, "fails midway", _broken),
    )
    seen: list[tuple[int, int]] = []
    with pytest.raises(RuntimeError, match="step failed"):
        migrate(conn, before_upgrade=lambda c, t: seen.append((c, t)), migrations=steps)
    assert seen == [(LATEST_VERSION, LATEST_VERSION + 2)]
    assert current_version(conn) == LATEST_VERSION + 1  # the good step stayed
    assert "half_done" not in _tables(conn)  # the failed step left nothing
    cols = {r[1] for r in conn.execute("PRAGMA table_info(office)")}
    assert "motto" in cols


def _rebuild_office(conn: Connection) -> None:
    # SQLite's 12-step table change: new table, copy, drop, rename.
    conn.execute(
        "CREATE TABLE office_new (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,"
        " code TEXT NOT NULL DEFAULT '', province TEXT NOT NULL DEFAULT '',"
        " region_code TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',"
        " city TEXT NOT NULL DEFAULT '', head_name TEXT NOT NULL DEFAULT '',"
        " head_nip TEXT NOT NULL DEFAULT '', secretariat_name TEXT NOT NULL DEFAULT '',"
        " secretariat_nip TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT 'id')"
    )
    conn.execute("INSERT INTO office_new SELECT * FROM office")
    conn.execute("DROP TABLE office")
    conn.execute("ALTER TABLE office_new RENAME TO office")


def test_table_rebuild_step_keeps_foreign_keys(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    steps = (*MIGRATIONS, Migration(LATEST_VERSION + 1, "rebuild", _rebuild_office, True))
    assert migrate(conn, before_upgrade=lambda c, t: None, migrations=steps) == LATEST_VERSION + 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert office.list_kecamatan(conn, office_id=sample.office.id)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_migrations_must_be_numbered_in_order(conn: Connection) -> None:
    steps = (Migration(2, "gap", _add_column),)
    with pytest.raises(ValueError, match="numbered"):
        migrate(conn, before_upgrade=lambda c, t: None, migrations=steps)


def test_sql_statements_keeps_trigger_bodies_whole() -> None:
    script = (
        "-- comment\n\nCREATE TABLE a (x);\n"
        "CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n    SELECT RAISE(ABORT, 'no');\nEND;\n"
        "INSERT INTO a VALUES (';');\n"
    )
    stmts = list(sql_statements(script))
    assert len(stmts) == 3
    assert stmts[1].startswith("CREATE TRIGGER") and stmts[1].endswith("END;")
    with pytest.raises(ValueError, match="incomplete"):
        list(sql_statements("CREATE TABLE b (x"))


def test_vault_written_by_v1_opens_and_migrates(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    shutil.copyfile(FIXTURES / "vault_v1.db", path)  # never touch the committed file
    conn = open_database(path, FIXTURE_V1_KEY)
    try:
        assert current_version(conn) == 1
        assert integrity_check(conn) == []
        backups: list[tuple[int, int]] = []
        assert migrate(conn, before_upgrade=lambda c, t: backups.append((c, t))) == LATEST_VERSION
        assert backups == ([] if LATEST_VERSION == 1 else [(1, LATEST_VERSION)])
        assert integrity_check(conn) == []
        # What v1 wrote is still there and readable through today's repositories.
        meta = settings.get_meta(conn)
        assert (meta.vault_id, meta.epoch) == ("a" * 32, 3)
        assert settings.get_audit_key(conn) == bytes(range(32))
        assert office.own_office(conn).code == "BUOL"
        assert [k.name for k in office.list_kecamatan(conn)] == ["Biau", "Bokat", "Paleleh Barat"]
        tm = term.list_terms(conn)[0]
        ends = {e.kecamatan_id: e.end_date for e in term.list_term_kecamatan(conn, tm.id)}
        assert sorted(str(d) for d in ends.values() if d) == ["2025-02-28"]
        accounts = account.list_accounts(conn)
        assert [(a.platform, a.status) for a in accounts] == [
            (Platform.EMAIL, AccountStatus.ACTIVE),
            (Platform.INSTAGRAM, AccountStatus.ACTIVE),
        ]
        ig = accounts[1]
        assert secrets.get_secrets(conn, ig.id).password is not None
        assert len(secrets.list_password_history(conn, ig.id)) == 1
        ho = handover.find_handover_by_number(conn, "001/BA/BUOL/IX/2024")
        assert [i.account_id for i in ho.items] == [ig.id, accounts[0].id]
        current = custody.current_custody(conn, ig.id)
        assert current is not None and current.handover_id == ho.id
        assert audit.count_events(conn) == 1
        att = attachment.list_attachments(conn, "handover", ho.id)[0]
        assert len(attachment.read_attachment_data(conn, att.id)) == att.size
        assert settings.get_setting(conn, "clipboard_clear_seconds") == 15
    finally:
        conn.close()


# Items as a version 1 or 2 vault stores them: (id, account, step, position, text_id,
# text_en, done_at, done_by); texts repeat, and one item has its own edited wording.
_V1_ITEMS = [
    (7, "login", 0, "Masuk", "Log in", "2025-03-01T01:00:00.000000+00:00"),
    (8, "change_password", 1, "Ganti sandi", "Change password", None),
    (9, "final", 2, "Nonaktifkan akun", "Deactivate the account", None),
    (10, "login", 0, "Masuk", "Log in", None),
    (11, "change_password", 1, "Ganti sandi (baru)", "Change password", None),
    (12, "final", 2, "Nonaktifkan akun", "Deactivate the account", None),
]


def test_v1_checklist_items_keep_their_texts_through_v3(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    shutil.copyfile(FIXTURES / "vault_v1.db", path)
    conn = open_database(path, FIXTURE_V1_KEY)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM account ORDER BY id")]
        operator = conn.execute("SELECT id FROM operator").fetchone()[0]
        with transaction(conn):
            conn.executemany(
                "INSERT INTO checklist_item (id, account_id, step_key, position, text_id,"
                " text_en, done_at, done_by_operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (n, ids[n >= 10], key, pos, tid, ten, done, operator if done else None)
                    for n, key, pos, tid, ten, done in _V1_ITEMS
                ],
            )
        before = checklist_rows(conn, v1=True)
        assert migrate(conn, before_upgrade=lambda c, t: None) == LATEST_VERSION
        # Compacted afterwards: the pages of the old checklist_item are given back.
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert integrity_check(conn) == []
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Each distinct pair stored once, in order of first use; items keep ids and texts.
        texts = conn.execute("SELECT text_id, text_en FROM checklist_text ORDER BY id").fetchall()
        assert len(before) > len(_V1_ITEMS)  # the fixture's own items and ours
        assert [tuple(t) for t in texts] == list(dict.fromkeys((r[4], r[5]) for r in before))
        assert ("Ganti sandi (baru)", "Change password") in texts
        assert checklist_rows(conn, v1=False) == before
        cols = [r[1] for r in conn.execute("PRAGMA table_info(checklist_item)")]
        assert "text_id" not in cols and "text_ref" in cols
        items = checklist.list_checklist_items(conn)
        mine = {i.id: i for i in items if i.id in range(7, 13)}
        assert [(mine[n].text_id, mine[n].text_en) for n in (7, 11)] == [
            ("Masuk", "Log in"),
            ("Ganti sandi (baru)", "Change password"),
        ]
        assert mine[7].done_at is not None and mine[7].done_by_operator_id == operator
        # The repositories still write and tick through the new table.
        checklist.set_item_done(conn, 8, None, None)
        with pytest.raises(Conflict):
            checklist.add_checklist_items(conn, [dataclasses.replace(mine[7], id=0)])
    finally:
        conn.close()


def checklist_rows(conn: Connection, *, v1: bool) -> list[tuple[object, ...]]:
    """Every item with its texts, whatever the schema stores them as."""
    sql = (
        "SELECT id, account_id, step_key, position, text_id, text_en, done_at,"
        " done_by_operator_id FROM checklist_item ORDER BY id"
        if v1
        else "SELECT i.id, i.account_id, i.step_key, i.position, t.text_id, t.text_en,"
        " i.done_at, i.done_by_operator_id FROM checklist_item i"
        " JOIN checklist_text t ON t.id = i.text_ref ORDER BY i.id"
    )
    return [tuple(r) for r in conn.execute(sql)]
