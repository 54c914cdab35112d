"""Rolling encrypted backups and restoring one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from vault_support import ADMIN, ADMIN_PW, FAST_POLICY, put_setting, settings_value, unlock

from brankas.core.audit import AuditKind
from brankas.core.errors import BackupNotFound, DatabaseCorrupt, VaultInUse, WrongPassword
from brankas.core.keys.table import DeviceSlot, parse
from brankas.core.secret import Secret
from brankas.core.storage.db import integrity_check, open_database
from brankas.core.vault import backups
from brankas.core.vault import operators as ops
from brankas.core.vault.opening import DB_NAME, db_key
from brankas.core.vault.restore import restore_backup
from brankas.core.vault.vault import Vault

Make = Callable[..., tuple[Vault, str]]


@pytest.fixture
def opened() -> Iterator[list[Vault]]:
    vaults: list[Vault] = []
    yield vaults
    for v in vaults:
        if v.is_open:
            v.close(backup=False)


def _reasons(folder: Path) -> list[str]:
    return [b.reason for b in backups.list_backups(folder)]


def _restore(folder: Path, name: str, user: str = ADMIN, pw: str = ADMIN_PW) -> Vault:
    return restore_backup(folder, name, user, Secret(pw), policy=FAST_POLICY)


# --- when backups are made ----------------------------------------------------------------
def test_backups_on_create_close_and_rekey(make_vault: Make) -> None:
    vault, _ = make_vault()
    assert _reasons(vault.folder) == ["created"]
    budi = ops.add_operator(vault, "Budi", Secret("sandi budi"))
    ops.remove_operator(vault, budi)
    assert _reasons(vault.folder)[:2] == ["after-rekey", "before-rekey"]
    vault.close()
    assert _reasons(vault.folder)[0] == "close"
    infos = backups.list_backups(vault.folder)
    assert [b.epoch for b in infos] == [1, 1, 0, 0]
    assert all(b.size > 0 and b.created_at for b in infos)
    assert infos == sorted(infos, key=lambda b: b.name, reverse=True)


def test_a_backup_is_an_encrypted_export_not_a_file_copy(make_vault: Make) -> None:
    vault, _ = make_vault()
    put_setting(vault, "marker", "in backup")
    info = vault.backup("manual")
    vk = vault.vault_key()
    live = (vault.folder / DB_NAME).read_bytes()
    copy = (info.path / DB_NAME).read_bytes()
    assert copy != live
    assert copy[:16] != live[:16]  # its own SQLCipher salt
    assert b"in backup" not in copy and b"SQLite format 3" not in copy[:16]
    conn = open_database(info.path / DB_NAME, db_key(vk))  # same key
    try:
        assert integrity_check(conn) == []
        assert (
            conn.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone()[0]
            == '"in backup"'
        )
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    finally:
        conn.close()
    table = parse((info.path / "vault.keys").read_bytes(), info.path / "vault.keys", FAST_POLICY)
    assert table.authentic(vk)
    assert table.table.extra["db_salt"] == copy[:16].hex()
    assert (info.path / DB_NAME).stat().st_mode & 0o777 == 0o600


def test_backups_leave_device_slots_out(make_vault: Make) -> None:
    vault, _ = make_vault()
    ops.enable_device_unlock(vault)
    info = vault.backup("manual")
    table = parse(
        (info.path / "vault.keys").read_bytes(), info.path / "vault.keys", FAST_POLICY
    ).table
    assert not [s for s in table.slots if isinstance(s, DeviceSlot)]
    assert [s for s in vault.table.slots if isinstance(s, DeviceSlot)]


def test_prune_keeps_the_newest(make_vault: Make) -> None:
    vault, _ = make_vault()
    vault.backup_keep = 3
    made = [vault.backup(f"step {i}").name for i in range(5)]
    assert [b.name for b in backups.list_backups(vault.folder)] == made[::-1][:3]
    backups.prune(vault.folder, 1)
    assert [b.name for b in backups.list_backups(vault.folder)] == [made[-1]]
    assert _reasons(vault.folder) == ["step 4"]


def test_backups_in_the_same_clock_tick_do_not_collide(
    make_vault: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = make_vault()
    frozen = datetime(2024, 5, 1, 8, 0, 0, tzinfo=UTC)

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
            return frozen

    monkeypatch.setattr(backups, "datetime", Frozen)
    names = [vault.backup("manual").name for _ in range(3)]
    assert len(set(names)) == 3
    listed = [b.name for b in backups.list_backups(vault.folder) if b.name in names]
    assert listed == names[::-1]


def test_list_ignores_strays_and_find_validates_names(make_vault: Make) -> None:
    vault, _ = make_vault()
    root = backups.backup_dir(vault.folder)
    (root / "not-a-backup").mkdir()
    (root / ".20240101T000000000000Z-x.partial").mkdir()
    (root / "README.txt").write_text("x")
    assert _reasons(vault.folder) == ["created"]
    name = backups.list_backups(vault.folder)[0].name
    assert backups.find_backup(vault.folder, name).name == name
    for bad in (
        "../vault",
        "/etc",
        "not-a-backup",
        name + "/..",
        "20990101T000000000000Z-nope",
        "",
    ):
        with pytest.raises(BackupNotFound):
            backups.find_backup(vault.folder, bad)


# --- restoring ----------------------------------------------------------------------------
def test_restore_brings_back_the_data(make_vault: Make, opened: list[Vault]) -> None:
    vault, _ = make_vault()
    put_setting(vault, "marker", "old")
    name = vault.backup("manual").name
    put_setting(vault, "marker", "new")
    epoch_before = vault.table.epoch
    vault.close(backup=False)

    v = _restore(vault.folder, name)
    opened.append(v)
    assert settings_value(v, "marker") == "old"
    assert v.table.epoch > epoch_before
    assert v.conn.execute("SELECT epoch FROM meta").fetchone()[0] == v.table.epoch
    kinds = [e.kind for e in v.audit.events()]
    assert kinds[-1] == AuditKind.RESTORE
    assert v.audit.verify().ok and v.check().ok

    # The state before the restore was kept as a backup of its own, and holds "new".
    before = [b for b in backups.list_backups(vault.folder) if b.reason == "before-restore"]
    assert len(before) == 1
    assert {p.name for p in before[0].path.iterdir()} >= {"vault.db", "vault.keys", "vault.keys.2"}
    v.close(backup=False)
    undo = _restore(vault.folder, before[0].name)
    opened.append(undo)
    assert settings_value(undo, "marker") == "new"


def test_restore_needs_a_password_valid_at_backup_time(
    make_vault: Make, opened: list[Vault]
) -> None:
    vault, _ = make_vault()
    name = vault.backup("manual").name
    ops.change_password(vault, Secret(ADMIN_PW), Secret("sandi baru"))
    vault.close(backup=False)
    keys = (vault.folder / "vault.keys").read_bytes()
    with pytest.raises(WrongPassword):
        _restore(vault.folder, name, pw="sandi baru")
    assert (vault.folder / "vault.keys").read_bytes() == keys  # nothing moved
    assert _reasons(vault.folder).count("before-restore") == 0
    v = _restore(vault.folder, name)
    opened.append(v)
    v.close(backup=False)
    opened.append(unlock(vault.folder))  # the backup's password is the password again


def test_restore_refuses_unknown_names(make_vault: Make) -> None:
    vault, _ = make_vault()
    vault.close(backup=False)
    with pytest.raises(BackupNotFound):
        _restore(vault.folder, "../../etc")
    with pytest.raises(BackupNotFound):
        _restore(vault.folder, "20990101T000000000000Z-missing")


def test_restore_while_open_elsewhere_is_refused(make_vault: Make) -> None:
    vault, _ = make_vault()
    name = backups.list_backups(vault.folder)[0].name
    with pytest.raises(VaultInUse):
        _restore(vault.folder, name)
    assert vault.check().ok


def test_restore_with_the_held_lock(make_vault: Make, opened: list[Vault]) -> None:
    vault, _ = make_vault()
    put_setting(vault, "marker", "old")
    name = vault.backup("manual").name
    put_setting(vault, "marker", "new")
    held = vault.lock()
    v = restore_backup(vault.folder, name, ADMIN, Secret(ADMIN_PW), policy=FAST_POLICY, lock=held)
    opened.append(v)
    assert settings_value(v, "marker") == "old"


def test_damaged_backup_is_refused_and_nothing_changes(make_vault: Make) -> None:
    vault, _ = make_vault()
    for i in range(30):
        put_setting(vault, f"k{i}", "y" * 500)
    info = vault.backup("manual")
    vault.close(backup=False)
    db = info.path / DB_NAME
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db.write_bytes(bytes(data))
    live = (vault.folder / DB_NAME).read_bytes()
    with pytest.raises(DatabaseCorrupt) as exc:
        _restore(vault.folder, info.name)
    assert ADMIN_PW not in str(exc.value)
    assert (vault.folder / DB_NAME).read_bytes() == live


def test_close_backs_up_only_when_the_session_changed_something(
    make_vault: Callable[..., tuple[Vault, str]],
) -> None:
    from brankas.core.vault import backups as bk

    v, _kit = make_vault()
    folder = v.folder
    lock = v.lock()
    reader = Vault.unlock(
        folder, "Admin Satu", Secret("kata sandi admin"), policy=FAST_POLICY, lock=lock
    )
    before = len(bk.list_backups(folder))
    reader.conn.execute("SELECT count(*) FROM account").fetchone()
    assert not reader.changed_since_open
    reader.close()
    assert len(bk.list_backups(folder)) == before
    writer = Vault.unlock(folder, "Admin Satu", Secret("kata sandi admin"), policy=FAST_POLICY)
    writer.record("change", target="settings:x")
    assert writer.changed_since_open
    writer.close()
    assert len(bk.list_backups(folder)) == before + 1
