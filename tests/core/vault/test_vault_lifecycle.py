"""Creating, unlocking (password, recovery kit), locking and closing a vault."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from vault_support import ADMIN, ADMIN_PW, FAST_POLICY, fast_kdf, unlock

from brankas.core.audit import AuditKind
from brankas.core.crypto.recovery import parse_recovery_key
from brankas.core.domain.enums import OfficeKind, Role
from brankas.core.errors import (
    RecoveryKitInvalid,
    UnknownOperator,
    VaultExists,
    VaultInUse,
    VaultLocked,
    WrongPassword,
    WrongRecoveryKit,
)
from brankas.core.lock import LOCK_NAME
from brankas.core.secret import Secret
from brankas.core.vault import failures
from brankas.core.vault import operators as ops
from brankas.core.vault.backups import list_backups
from brankas.core.vault.vault import Vault, VaultWarning

Make = Callable[..., tuple[Vault, str]]


@pytest.fixture
def opened() -> Iterator[list[Vault]]:
    """Vaults a test opened itself; closed afterwards."""
    vaults: list[Vault] = []
    yield vaults
    for v in vaults:
        if v.is_open:
            v.close(backup=False)


def _kinds(vault: Vault) -> list[str]:
    return [e.kind for e in vault.audit.events()]


def _retype(kit: str, group: int) -> str:
    """The kit with one digit of ``group`` (1-8) mistyped."""
    groups = kit.split("-")
    g = groups[group - 1]
    groups[group - 1] = g[:2] + str((int(g[2]) + 1) % 10) + g[3:]
    return "-".join(groups)


# --- create ----------------------------------------------------------------------------
def test_create_writes_the_vault_files(make_vault: Make) -> None:
    vault, kit = make_vault()
    folder = vault.folder
    for name in ("vault.db", "vault.keys", "vault.keys.2", LOCK_NAME):
        assert (folder / name).is_file(), name
    assert (folder / "vault.keys").read_bytes() == (folder / "vault.keys.2").read_bytes()
    for name in ("vault.db", "vault.keys", "vault.keys.2"):
        assert (folder / name).stat().st_mode & 0o777 == 0o600, name
    assert len(parse_recovery_key(kit)) == 16
    assert vault.operator is not None
    assert (vault.operator.name, vault.operator.role) == (ADMIN, Role.ADMIN)
    assert vault.warnings == [] and vault.table.epoch == 0
    assert [b.reason for b in list_backups(folder)] == ["created"]
    assert _kinds(vault) == [AuditKind.VAULT_CREATED]
    keys = (folder / "vault.keys").read_text()
    assert ADMIN not in keys and ADMIN.lower() not in keys  # no names in clear
    assert json.loads(keys)["vault_id"] == vault.vault_id


def test_create_refuses_an_existing_vault(make_vault: Make) -> None:
    vault, _ = make_vault()
    vault.close(backup=False)
    with pytest.raises(VaultExists):
        Vault.create(
            vault.folder,
            office_kind=OfficeKind.REGENCY,
            office_name="x",
            admin_name="y",
            admin_password=Secret("z"),
            policy=FAST_POLICY,
        )


def test_create_in_an_empty_existing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    vault, _ = Vault.create(
        folder,
        office_kind=OfficeKind.PROVINCE,
        office_name="Bawaslu Provinsi Sulawesi Tengah",
        admin_name="Admin",
        admin_password=Secret("pw"),
        kdf=fast_kdf(),
        policy=FAST_POLICY,
    )
    vault.close()
    assert not (folder / LOCK_NAME).exists()


# --- unlock with a password ----------------------------------------------------------------
def test_unlock_right_password(make_vault: Make, opened: list[Vault]) -> None:
    vault, _ = make_vault()
    vid = vault.vault_id
    vault.close()
    v = unlock(vault.folder, "  admin   SATU ")  # names fold case and spacing
    opened.append(v)
    assert v.vault_id == vid and v.operator is not None
    assert v.operator.name == ADMIN and v.operator.is_admin
    assert v.warnings == [] and v.failed_unlocks == 0
    assert _kinds(v)[-1] == AuditKind.UNLOCK
    assert v.check().ok


def test_wrong_password(make_vault: Make) -> None:
    vault, _ = make_vault()
    vault.close()
    with pytest.raises(WrongPassword) as info:
        unlock(vault.folder, ADMIN, "kata sandi salah")
    assert "kata sandi salah" not in str(info.value)
    assert not (vault.folder / LOCK_NAME).exists()  # a failed unlock releases the lock


def test_unknown_operator(make_vault: Make) -> None:
    vault, _ = make_vault()
    vault.close()
    with pytest.raises(UnknownOperator):
        unlock(vault.folder, "Siapa Saja", ADMIN_PW)


def test_failed_unlocks_are_recorded_at_the_next_unlock(
    make_vault: Make, opened: list[Vault]
) -> None:
    vault, _ = make_vault()
    vault.close()
    for pw in ("salah 1", "salah 2"):
        with pytest.raises(WrongPassword):
            unlock(vault.folder, ADMIN, pw)
    with pytest.raises(UnknownOperator):
        unlock(vault.folder, "Orang Lain", "salah 3")
    noted = (vault.folder / failures.FILE_NAME).read_text()
    assert "salah" not in noted and "Orang" not in noted  # no guesses, no names kept
    v = unlock(vault.folder)
    opened.append(v)
    assert v.failed_unlocks == 3
    assert VaultWarning.FAILED_UNLOCKS in v.warnings
    failed = [e for e in v.audit.events() if e.kind == AuditKind.UNLOCK_FAILED]
    assert [e.detail["reason"] for e in failed] == [
        "WrongPassword",
        "WrongPassword",
        "UnknownOperator",
    ]
    assert not (vault.folder / failures.FILE_NAME).exists()
    assert v.audit.verify().ok
    v.close(backup=False)
    again = unlock(vault.folder)  # counted once only
    opened.append(again)
    assert again.failed_unlocks == 0 and VaultWarning.FAILED_UNLOCKS not in again.warnings


def test_second_unlock_of_an_open_vault_is_refused(make_vault: Make) -> None:
    vault, _ = make_vault()
    with pytest.raises(VaultInUse) as info:
        unlock(vault.folder)
    assert info.value.pid > 0
    assert vault.is_open and vault.check().ok  # the first one is unharmed


def test_lock_keeps_the_folder_lock_and_unlock_reuses_it(
    make_vault: Make, opened: list[Vault]
) -> None:
    vault, _ = make_vault()
    held = vault.lock()
    assert not vault.is_open and held.held
    with pytest.raises(VaultLocked):
        _ = vault.conn
    with pytest.raises(VaultInUse):
        unlock(vault.folder)  # another window must not get in while locked
    v = Vault.unlock(vault.folder, ADMIN, Secret(ADMIN_PW), policy=FAST_POLICY, lock=held)
    opened.append(v)
    assert v.is_open
    assert AuditKind.LOCK in _kinds(v)


def test_wrong_password_with_a_held_lock_keeps_the_lock(make_vault: Make) -> None:
    vault, _ = make_vault()
    held = vault.lock()
    with pytest.raises(WrongPassword):
        Vault.unlock(vault.folder, ADMIN, Secret("salah"), policy=FAST_POLICY, lock=held)
    assert held.held


def test_close_releases_and_backs_up(make_vault: Make) -> None:
    vault, _ = make_vault()
    vault.close()
    assert not (vault.folder / LOCK_NAME).exists()
    assert next(b.reason for b in list_backups(vault.folder)) == "close"


# --- recovery kit ----------------------------------------------------------------------
def test_recovery_kit_unlock(make_vault: Make, opened: list[Vault]) -> None:
    vault, kit = make_vault()
    vault.close()
    v = Vault.unlock_with_recovery(vault.folder, kit, policy=FAST_POLICY)
    opened.append(v)
    assert v.operator is None
    assert _kinds(v)[-1] == AuditKind.RECOVERY_USED
    with pytest.raises(Exception, match="admin"):
        v.require_admin()


def test_recovery_kit_typed_loosely_still_works(make_vault: Make, opened: list[Vault]) -> None:
    vault, kit = make_vault()
    vault.close()
    loose = " ".join(kit.split("-")) + "\n"
    opened.append(Vault.unlock_with_recovery(vault.folder, loose, policy=FAST_POLICY))


@pytest.mark.parametrize("group", [1, 3, 8])
def test_recovery_kit_typo_names_the_group(make_vault: Make, group: int) -> None:
    vault, kit = make_vault()
    vault.close()
    typo = _retype(kit, group)
    with pytest.raises(RecoveryKitInvalid) as info:
        Vault.unlock_with_recovery(vault.folder, typo, policy=FAST_POLICY)
    assert info.value.group == group
    for g in typo.split("-"):
        assert g not in str(info.value)
    assert not (vault.folder / LOCK_NAME).exists()


def test_recovery_kit_from_another_vault(make_vault: Make) -> None:
    a, _ = make_vault("a")
    _, kit_b = make_vault("b")
    a.close()
    with pytest.raises(WrongRecoveryKit):
        Vault.unlock_with_recovery(a.folder, kit_b, policy=FAST_POLICY)


def test_reset_password_after_recovery(make_vault: Make, opened: list[Vault]) -> None:
    vault, old_kit = make_vault()
    admin_id = vault.operator.id  # type: ignore[union-attr]
    vault.close()
    v = Vault.unlock_with_recovery(vault.folder, old_kit, policy=FAST_POLICY)
    opened.append(v)
    new_kit = ops.reset_password_after_recovery(v, admin_id, Secret("sandi baru"))
    assert new_kit != old_kit and len(parse_recovery_key(new_kit)) == 16
    assert v.operator is not None and v.operator.id == admin_id  # signed in as that admin now
    assert v.table.epoch == 1
    kinds = _kinds(v)
    assert AuditKind.REKEY in kinds and AuditKind.RECOVERY_KIT_REPLACED in kinds
    v.close()
    with pytest.raises(WrongRecoveryKit):
        Vault.unlock_with_recovery(vault.folder, old_kit, policy=FAST_POLICY)
    with pytest.raises(WrongPassword):
        unlock(vault.folder, ADMIN, ADMIN_PW)
    again = unlock(vault.folder, ADMIN, "sandi baru")
    opened.append(again)
    assert again.check().ok
    again.close()
    opened.append(Vault.unlock_with_recovery(vault.folder, new_kit, policy=FAST_POLICY))


def test_reset_password_needs_a_recovery_session(make_vault: Make) -> None:
    vault, _ = make_vault()
    with pytest.raises(Exception, match="recovery"):
        ops.reset_password_after_recovery(vault, vault.operator.id, Secret("x"))  # type: ignore[union-attr]


def test_replace_recovery_kit(make_vault: Make, opened: list[Vault]) -> None:
    vault, old_kit = make_vault()
    new_kit = ops.replace_recovery_kit(vault)
    vault.close()
    with pytest.raises(WrongRecoveryKit):
        Vault.unlock_with_recovery(vault.folder, old_kit, policy=FAST_POLICY)
    opened.append(Vault.unlock_with_recovery(vault.folder, new_kit, policy=FAST_POLICY))


# --- change password ----------------------------------------------------------------------
def test_change_password(make_vault: Make, opened: list[Vault]) -> None:
    vault, _ = make_vault()
    epoch = vault.table.epoch
    with pytest.raises(WrongPassword):
        ops.change_password(vault, Secret("bukan ini"), Secret("baru"))
    ops.change_password(vault, Secret(ADMIN_PW), Secret("sandi baru"))
    assert vault.table.epoch == epoch  # no rekey
    assert _kinds(vault)[-1] == AuditKind.OPERATOR_PASSWORD_CHANGED
    vault.close()
    with pytest.raises(WrongPassword):
        unlock(vault.folder, ADMIN, ADMIN_PW)
    v = unlock(vault.folder, ADMIN, "sandi baru")
    opened.append(v)
    assert v.check().ok


def test_error_messages_never_contain_the_password(make_vault: Make) -> None:
    secret_pw = "Rahasia-Sekali-123"
    vault, kit = make_vault(password=secret_pw)
    vault.close()
    errors: list[BaseException] = []
    for user, pw in [(ADMIN, secret_pw + "x"), ("nobody", secret_pw), (ADMIN, secret_pw[:-1])]:
        with pytest.raises(Exception) as info:
            unlock(vault.folder, user, pw)
        errors.append(info.value)
    for exc in errors:
        text = f"{exc} {exc!r} {exc.args}"
        assert secret_pw[:-1] not in text
        assert kit not in text
