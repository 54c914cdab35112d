"""Damaged, foreign, stale and unwritable vault files: refused or repaired, never a crash.

Every refusal is checked to be a BrankasError whose message leaves the password out, and
to leave the folder unlocked.
"""

from __future__ import annotations

import base64
import errno
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from vault_support import (
    ADMIN,
    ADMIN_PW,
    FAST_POLICY,
    edit_json,
    flip_byte,
    put_setting,
    snapshot,
    unlock,
)

from brankas.core import fsutil
from brankas.core.audit import AuditKind
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfPolicy
from brankas.core.errors import (
    BrankasError,
    DatabaseCorrupt,
    DiskFull,
    KdfBelowFloor,
    KeyTableCorrupt,
    KeyTableForeign,
    NotAVault,
    SchemaTooNew,
    VaultReadOnly,
)
from brankas.core.keys.table import copy_paths
from brankas.core.lock import LOCK_NAME
from brankas.core.secret import Secret
from brankas.core.storage.db import open_database
from brankas.core.vault import operators as ops
from brankas.core.vault import rekey
from brankas.core.vault.opening import DB_NAME, db_key
from brankas.core.vault.vault import Vault, VaultWarning

Make = Callable[..., tuple[Vault, str]]
KEYS = ("vault.keys", "vault.keys.2")


@pytest.fixture
def opened() -> Iterator[list[Vault]]:
    vaults: list[Vault] = []
    yield vaults
    for v in vaults:
        if v.is_open:
            v.close(backup=False)


@pytest.fixture
def closed_vault(make_vault: Make) -> Path:
    """A closed vault with some data in it (so vault.db has several pages)."""
    vault, _ = make_vault()
    with vault.write() as c:
        c.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            [(f"filler.{i}", json.dumps("x" * 400)) for i in range(40)],
        )
    vault.close(backup=False)
    return vault.folder


def _refused(
    folder: Path, kind: type[BaseException], *, policy: KdfPolicy = FAST_POLICY
) -> BaseException:
    """Unlock must raise ``kind``, keep the password out of it, and release the lock."""
    before = snapshot(folder)
    with pytest.raises(BrankasError) as info:
        Vault.unlock(folder, ADMIN, Secret(ADMIN_PW), policy=policy)
    exc = info.value
    assert isinstance(exc, kind), f"{type(exc).__name__}: {exc}"
    for text in (str(exc), repr(exc), str(exc.__cause__ or ""), str(exc.__context__ or "")):
        assert ADMIN_PW not in text
    assert not (folder / LOCK_NAME).exists()
    assert snapshot(folder) == before, "a refused unlock changed the files"
    return exc


def _assert_repaired(v: Vault) -> None:
    assert VaultWarning.KEY_TABLE_REPAIRED in v.warnings
    assert AuditKind.KEY_TABLE_REPAIRED in [e.kind for e in v.audit.events()]
    a, b = copy_paths(v.folder)
    assert a.read_bytes() == b.read_bytes()
    assert v.check().ok


def _flip_vk_sealed(body: dict[str, Any]) -> None:
    slot = next(s for s in body["slots"] if s["type"] == "operator")
    raw = bytearray(base64.b64decode(slot["vk_sealed"]))
    raw[40] ^= 0x01
    slot["vk_sealed"] = base64.b64encode(bytes(raw)).decode()


# --- vault.keys: missing, truncated, edited ----------------------------------------------
@pytest.mark.parametrize("name", KEYS)
def test_one_key_copy_missing_is_repaired(
    closed_vault: Path, opened: list[Vault], name: str
) -> None:
    good = (closed_vault / KEYS[1 - KEYS.index(name)]).read_bytes()
    (closed_vault / name).unlink()
    v = unlock(closed_vault)
    opened.append(v)
    _assert_repaired(v)
    assert (closed_vault / name).read_bytes() == good


def test_both_key_copies_missing(closed_vault: Path) -> None:
    for name in KEYS:
        (closed_vault / name).unlink()
    _refused(closed_vault, KeyTableCorrupt)


@pytest.mark.parametrize("name", KEYS)
@pytest.mark.parametrize("keep", [0, 1, 200, -2])
def test_one_key_copy_truncated_is_repaired(
    closed_vault: Path, opened: list[Vault], name: str, keep: int
) -> None:
    path = closed_vault / name
    path.write_bytes(path.read_bytes()[:keep])
    v = unlock(closed_vault)
    opened.append(v)
    _assert_repaired(v)


def test_both_key_copies_truncated(closed_vault: Path) -> None:
    for name in KEYS:
        path = closed_vault / name
        path.write_bytes(path.read_bytes()[:300])
    _refused(closed_vault, KeyTableCorrupt)


def test_one_key_copy_with_any_flipped_byte_is_repaired(closed_vault: Path) -> None:
    path = closed_vault / "vault.keys"
    original = path.read_bytes()
    for offset in range(0, len(original), max(1, len(original) // 25)):
        path.write_bytes(original)
        flip_byte(path, offset)
        v = unlock(closed_vault)
        try:
            _assert_repaired(v)
            assert path.read_bytes() == original, f"offset {offset}"
        finally:
            v.close(backup=False)


@pytest.mark.parametrize("name", KEYS)
def test_one_key_copy_with_edited_slot_is_repaired(
    closed_vault: Path, opened: list[Vault], name: str
) -> None:
    edit_json(closed_vault / name, _flip_vk_sealed)
    v = unlock(closed_vault)
    opened.append(v)
    _assert_repaired(v)


def test_both_key_copies_edited(closed_vault: Path) -> None:
    for name in KEYS:
        edit_json(closed_vault / name, _flip_vk_sealed)
    _refused(closed_vault, KeyTableCorrupt)


def test_both_key_copies_with_a_flipped_structural_byte(closed_vault: Path) -> None:
    for name in KEYS:
        flip_byte(closed_vault / name, 0)  # "{" -> "z"
    _refused(closed_vault, KeyTableCorrupt)


def test_both_copies_with_a_bumped_epoch_fail_the_mac(closed_vault: Path) -> None:
    for name in KEYS:
        edit_json(closed_vault / name, lambda b: b.update(epoch=b["epoch"] + 5))
    _refused(closed_vault, KeyTableCorrupt)


def test_hostile_vault_id_is_refused_not_crashing(closed_vault: Path) -> None:
    for name in KEYS:
        edit_json(closed_vault / name, lambda b: b.update(vault_id="\ud800"))
    _refused(closed_vault, KeyTableCorrupt)


def test_deeply_nested_key_table_is_refused(closed_vault: Path) -> None:
    for name in KEYS:
        raw = (closed_vault / name).read_bytes().rstrip()
        (closed_vault / name).write_bytes(raw[:-1] + b',"x":' + b"[" * 950 + b"]" * 950 + b"}")
    _refused(closed_vault, KeyTableCorrupt)


# --- key tables from another vault ----------------------------------------------------------
def test_key_tables_from_another_vault(make_vault: Make) -> None:
    # Same admin name and password in both: B's key table opens, but belongs to B's database.
    a, _ = make_vault("a")
    b, _ = make_vault("b")
    a.close(backup=False)
    b.close(backup=False)
    for name in KEYS:
        shutil.copy(b.folder / name, a.folder / name)
    exc = _refused(a.folder, KeyTableForeign)
    assert "another vault" in str(exc)


def test_one_key_copy_from_another_vault_is_repaired_not_spread(
    make_vault: Make, opened: list[Vault]
) -> None:
    # vault.keys is tried first. A foreign copy that opens with the same credentials must
    # not be "repaired" over the good copy.
    a, _ = make_vault("a")
    b, _ = make_vault("b")
    a_id = a.vault_id
    a.close(backup=False)
    b.close(backup=False)
    good = (a.folder / "vault.keys.2").read_bytes()
    shutil.copy(b.folder / "vault.keys", a.folder / "vault.keys")
    try:
        v = unlock(a.folder)
    except BrankasError:
        assert (a.folder / "vault.keys.2").read_bytes() == good, "the good copy was overwritten"
        raise
    opened.append(v)
    assert v.vault_id == a_id
    _assert_repaired(v)


def test_one_key_copy_from_another_vault_other_name(make_vault: Make, opened: list[Vault]) -> None:
    a, _ = make_vault("a")
    b, _ = make_vault("b", admin="Admin Lain", password="sandi lain")
    a.close(backup=False)
    b.close(backup=False)
    shutil.copy(b.folder / "vault.keys", a.folder / "vault.keys")
    v = unlock(a.folder)
    opened.append(v)
    _assert_repaired(v)


# --- KDF downgrade -------------------------------------------------------------------------
STRICT = KdfPolicy(min_memory_kib=64, min_time_cost=1)  # the fixture's vaults sit exactly on it


def _lower_kdf(body: dict[str, Any]) -> None:
    for slot in body["slots"]:
        if slot["type"] == "operator":
            slot["kdf"]["m"] = 32


@pytest.mark.parametrize("name", KEYS)
def test_lowered_kdf_in_one_copy_is_repaired(
    closed_vault: Path, opened: list[Vault], name: str
) -> None:
    edit_json(closed_vault / name, _lower_kdf)
    v = Vault.unlock(closed_vault, ADMIN, Secret(ADMIN_PW), policy=STRICT)
    opened.append(v)
    _assert_repaired(v)
    assert v.table.operator_slots()[0].kdf.memory_kib == 64


def test_lowered_kdf_in_both_copies(closed_vault: Path) -> None:
    for name in KEYS:
        edit_json(closed_vault / name, _lower_kdf)
    _refused(closed_vault, KdfBelowFloor, policy=STRICT)


def test_weak_vault_refused_by_production_policy(closed_vault: Path) -> None:
    _refused(closed_vault, KdfBelowFloor, policy=PRODUCTION_POLICY)


# --- vault.db damaged ---------------------------------------------------------------------
@pytest.mark.parametrize("where", [0.5, 0.25, 0.9], ids=["middle", "quarter", "end"])
def test_database_with_flipped_bytes(closed_vault: Path, where: float) -> None:
    db = closed_vault / DB_NAME
    size = db.stat().st_size
    assert size > 8 * 4096
    for i in range(4):
        flip_byte(db, int(size * where) + i * 7, 0xFF)
    _refused(closed_vault, DatabaseCorrupt)


def test_database_with_flipped_byte_in_first_page(closed_vault: Path) -> None:
    flip_byte(closed_vault / DB_NAME, 200)
    _refused(closed_vault, DatabaseCorrupt)


def test_database_salt_damaged(closed_vault: Path) -> None:
    flip_byte(closed_vault / DB_NAME, 3)
    _refused(closed_vault, BrankasError)


@pytest.mark.parametrize("keep", [0, 100, 4096, 0.5])
def test_database_truncated(closed_vault: Path, keep: float) -> None:
    db = closed_vault / DB_NAME
    data = db.read_bytes()
    db.write_bytes(data[: int(keep * len(data)) if isinstance(keep, float) else keep])
    _refused(closed_vault, DatabaseCorrupt)


def test_database_missing(closed_vault: Path) -> None:
    (closed_vault / DB_NAME).unlink()
    _refused(closed_vault, DatabaseCorrupt)


def test_database_replaced_by_garbage(closed_vault: Path) -> None:
    (closed_vault / DB_NAME).write_bytes(os.urandom(64 * 1024))
    _refused(closed_vault, BrankasError)


# --- an older vault.db put back --------------------------------------------------------------
def test_stale_database_warns(make_vault: Make, opened: list[Vault]) -> None:
    vault, _ = make_vault()
    put_setting(vault, "marker", "old")
    vault.close(backup=False)
    old_db = (vault.folder / DB_NAME).read_bytes()
    v = unlock(vault.folder)
    put_setting(v, "marker", "new")
    ops.bump_epoch(v, "export")
    ops.bump_epoch(v, "export")
    v.close(backup=False)
    (vault.folder / DB_NAME).write_bytes(old_db)

    stale = unlock(vault.folder)
    opened.append(stale)
    assert VaultWarning.STALE_DATABASE in stale.warnings
    events = [e for e in stale.audit.events() if e.kind == AuditKind.STALE_WARNING]
    assert len(events) == 1 and events[0].detail == {"db_epoch": 0, "keys_epoch": 2}
    report = stale.check()
    assert (report.epoch_db, report.epoch_keys) == (0, 2) and not report.ok


def test_stale_database_after_a_rekey_is_refused(make_vault: Make) -> None:
    vault, _ = make_vault()
    budi = ops.add_operator(vault, "Budi", Secret("sandi budi"))
    vault.close(backup=False)
    old_db = (vault.folder / DB_NAME).read_bytes()
    v = unlock(vault.folder)
    ops.remove_operator(v, budi)
    v.close(backup=False)
    (vault.folder / DB_NAME).write_bytes(old_db)
    _refused(vault.folder, DatabaseCorrupt)


def test_older_key_table_put_back_is_brought_forward(make_vault: Make, opened: list[Vault]) -> None:
    # The other half of a crash during an epoch bump: DB ahead of the key table.
    vault, _ = make_vault()
    vault.close(backup=False)
    old_keys = {n: (vault.folder / n).read_bytes() for n in KEYS}
    v = unlock(vault.folder)
    ops.bump_epoch(v, "export")
    v.close(backup=False)
    for n, data in old_keys.items():
        (vault.folder / n).write_bytes(data)
    again = unlock(vault.folder)
    opened.append(again)
    assert again.table.epoch == 1 and VaultWarning.STALE_DATABASE not in again.warnings
    assert json.loads((vault.folder / "vault.keys").read_bytes())["epoch"] == 1


# --- interrupted rekeys --------------------------------------------------------------------
def test_rekey_interrupted_after_the_database_is_finished_at_unlock(
    make_vault: Make, opened: list[Vault], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = make_vault()
    budi = ops.add_operator(vault, "Budi", Secret("sandi budi"))
    real_finish = rekey.finish

    def crash(*a: Any, **k: Any) -> Any:
        raise DiskFull("simulated crash after PRAGMA rekey")

    monkeypatch.setattr(rekey, "finish", crash)
    with pytest.raises(DiskFull):
        ops.remove_operator(vault, budi)
    monkeypatch.setattr(rekey, "finish", real_finish)
    vault.close(backup=False)
    v = unlock(vault.folder)
    opened.append(v)
    assert VaultWarning.REKEY_COMPLETED in v.warnings
    assert v.table.epoch == 1 and v.table.pending is None
    assert budi not in {s.id for s in v.table.slots}
    assert {o.name for o in ops.list_operators(v)} == {ADMIN}
    assert v.check().ok


def test_rekey_interrupted_before_the_database_is_abandoned(
    make_vault: Make, opened: list[Vault], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = make_vault()
    budi = ops.add_operator(vault, "Budi", Secret("sandi budi"))

    def crash(*a: Any, **k: Any) -> None:
        raise DiskFull("simulated crash before PRAGMA rekey")

    monkeypatch.setattr(rekey, "apply_to_database", crash)
    with pytest.raises(DiskFull):
        ops.remove_operator(vault, budi)
    vault.close(backup=False)
    v = unlock(vault.folder)
    opened.append(v)
    assert VaultWarning.REKEY_ABANDONED in v.warnings
    assert v.table.epoch == 0 and v.table.pending is None
    assert budi in {s.id for s in v.table.slots}
    assert v.check().ok


# --- read-only folder, full disk ------------------------------------------------------------
def _fail_replace(monkeypatch: pytest.MonkeyPatch, err: int) -> None:
    def replace(*a: Any, **k: Any) -> None:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(fsutil.os, "replace", replace)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_by_permissions(closed_vault: Path) -> None:
    os.chmod(closed_vault, 0o500)
    try:
        _refused(closed_vault, VaultReadOnly)
    finally:
        os.chmod(closed_vault, 0o700)


@pytest.mark.parametrize("err", [errno.EROFS, errno.EACCES, errno.EPERM])
def test_read_only_folder_change_password(
    make_vault: Make, monkeypatch: pytest.MonkeyPatch, err: int
) -> None:
    vault, _ = make_vault()
    before = snapshot(vault.folder)
    table = vault.table
    _fail_replace(monkeypatch, err)
    with pytest.raises(VaultReadOnly) as info:
        ops.change_password(vault, Secret(ADMIN_PW), Secret("sandi baru"))
    assert ADMIN_PW not in str(info.value) and "sandi baru" not in str(info.value)
    monkeypatch.undo()
    assert snapshot(vault.folder)["vault.keys"] == before["vault.keys"]
    assert snapshot(vault.folder)["vault.keys.2"] == before["vault.keys.2"]
    assert vault.table == table
    assert not [p for p in vault.folder.iterdir() if p.name.endswith(".tmp")]
    vault.close(backup=False)
    unlock(vault.folder).close(backup=False)  # the old password still works


def test_read_only_folder_add_operator_changes_nothing(
    make_vault: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = make_vault()
    keys = (vault.folder / "vault.keys").read_bytes()
    events = vault.audit.head()
    _fail_replace(monkeypatch, errno.EROFS)
    with pytest.raises(VaultReadOnly):
        ops.add_operator(vault, "Budi", Secret("sandi budi"))
    monkeypatch.undo()
    assert (vault.folder / "vault.keys").read_bytes() == keys
    assert [o.name for o in ops.list_operators(vault)] == [ADMIN], "a ghost operator was left"
    assert vault.audit.head() == events
    ops.add_operator(vault, "Budi", Secret("sandi budi"))  # and it works once writable


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EDQUOT])
def test_disk_full_leaves_the_key_table(
    make_vault: Make, monkeypatch: pytest.MonkeyPatch, err: int
) -> None:
    vault, _ = make_vault()
    before = snapshot(vault.folder)

    def fsync(fd: int) -> None:
        raise OSError(err, os.strerror(err))

    # A full disk shows up when the temp file's data is flushed (write or fsync).
    monkeypatch.setattr(fsutil.os, "fsync", fsync)
    with pytest.raises(DiskFull):
        ops.change_password(vault, Secret(ADMIN_PW), Secret("sandi baru"))
    with pytest.raises(DiskFull):
        ops.enable_device_unlock(vault)
    monkeypatch.undo()
    after = snapshot(vault.folder)
    assert (
        after["vault.keys"] == before["vault.keys"]
        and after["vault.keys.2"] == before["vault.keys.2"]
    )
    assert not [p for p in vault.folder.iterdir() if p.name.endswith(".tmp")]
    assert vault.table.operator_slots() and len(vault.table.slots) == 2
    ops.change_password(vault, Secret(ADMIN_PW), Secret("sandi baru"))  # works again


def test_disk_full_during_rekey_begin_changes_nothing(
    make_vault: Make, monkeypatch: pytest.MonkeyPatch, opened: list[Vault]
) -> None:
    vault, _ = make_vault()
    budi = ops.add_operator(vault, "Budi", Secret("sandi budi"))
    vault.backup_keep = 100
    keys = (vault.folder / "vault.keys").read_bytes()
    _fail_replace(monkeypatch, errno.ENOSPC)
    with pytest.raises(DiskFull):
        ops.remove_operator(vault, budi)
    monkeypatch.undo()
    assert (vault.folder / "vault.keys").read_bytes() == keys
    vault.close(backup=False)
    v = unlock(vault.folder, "Budi", "sandi budi")  # still an operator: nothing happened
    opened.append(v)
    assert v.warnings == []


# --- not a vault, newer version -----------------------------------------------------------
def test_empty_folder_is_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVault):
        unlock(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_folder_with_other_files_is_not_a_vault(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "photo.jpg").write_bytes(os.urandom(100))
    with pytest.raises(NotAVault):
        unlock(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "photo.jpg"]


def test_missing_folder_is_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVault):
        unlock(tmp_path / "nope")
    assert not (tmp_path / "nope").exists()


def test_schema_too_new(make_vault: Make) -> None:
    vault, _ = make_vault()
    vk = vault.vault_key()
    vault.close(backup=False)
    conn = open_database(vault.folder / DB_NAME, db_key(vk))
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    exc = _refused(vault.folder, SchemaTooNew)
    assert "999" in str(exc)
