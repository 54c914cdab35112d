"""The vault facade the GUI and CLI use: create, unlock (password, recovery kit, device), lock."""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from brankas.core.audit import AuditKind, AuditLog, ChainStatus
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, KdfPolicy, calibrate
from brankas.core.crypto.primitives import random_key
from brankas.core.crypto.recovery import encode_recovery_key, generate_recovery_secret
from brankas.core.domain.enums import OfficeKind, Role
from brankas.core.errors import (
    BrankasError,
    DatabaseCorrupt,
    KeyTableForeign,
    PermissionDenied,
    UnknownOperator,
    VaultExists,
    VaultLocked,
    WrongPassword,
    WrongRecoveryKit,
)
from brankas.core.fsutil import make_private_dir
from brankas.core.keys import slots as sl
from brankas.core.keys.table import KeyTable, write_copies
from brankas.core.keystore import DeviceKeyStore, MemoryDeviceKeyStore
from brankas.core.lock import VaultLock
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection, integrity_check, open_database, transaction
from brankas.core.storage.migrations import migrate
from brankas.core.vault import backups, failures
from brankas.core.vault.opening import (
    DB_NAME,
    Opener,
    db_key,
    device_opener,
    looks_like_vault,
    open_table,
    operator_opener,
    recovery_opener,
)

log = logging.getLogger(__name__)


class VaultWarning(StrEnum):
    """Things the user should be told after opening, though the vault opened."""

    KEY_TABLE_REPAIRED = "key_table_repaired"  # one copy of vault.keys was bad and was rewritten
    STALE_DATABASE = "stale_database"  # vault.db is older than its key table (old copy put back?)
    REKEY_COMPLETED = "rekey_completed"  # an interrupted rekey was finished at this unlock
    REKEY_ABANDONED = "rekey_abandoned"  # an interrupted rekey never reached the database
    FAILED_UNLOCKS = "failed_unlocks"  # failed attempts since the last unlock


@dataclass(frozen=True, slots=True)
class CurrentOperator:
    """Who has the vault open."""

    id: str
    name: str
    role: Role

    @property
    def is_admin(self) -> bool:
        """True for an admin."""
        return self.role is Role.ADMIN


@dataclass(frozen=True, slots=True)
class CheckReport:
    """``brankas-cli check``: database integrity, audit chain, key table."""

    integrity_errors: list[str]
    audit: ChainStatus
    key_table_ok: bool
    epoch_db: int
    epoch_keys: int

    @property
    def ok(self) -> bool:
        """True when everything verified."""
        return (
            not self.integrity_errors
            and self.audit.ok
            and self.key_table_ok
            and self.epoch_db == self.epoch_keys
        )


@dataclass(slots=True)
class _State:
    conn: Connection
    vk: bytearray
    table: KeyTable
    audit: AuditLog
    operator: CurrentOperator | None
    warnings: list[VaultWarning] = field(default_factory=list)
    failed_unlocks: int = 0


class Vault:
    """An open (unlocked) vault. Create with :meth:`create` or one of the ``unlock`` methods."""

    def __init__(
        self,
        folder: Path,
        lock: VaultLock,
        state: _State,
        policy: KdfPolicy,
        keystore: DeviceKeyStore,
    ) -> None:
        self.folder = folder
        self._lock = lock
        self._state: _State | None = state
        self.policy = policy
        self.keystore = keystore
        self.backup_keep = backups.DEFAULT_KEEP
        self._changes_at_open = -1  # total_changes after opening; -1: always back up

    def _mark_unchanged(self) -> None:
        """Remember the database's change count now (after the unlock bookkeeping)."""
        self._changes_at_open = int(self._require().conn.total_changes)

    @property
    def changed_since_open(self) -> bool:
        """True when this session wrote anything beyond its own unlock record."""
        st = self._state
        return st is None or int(st.conn.total_changes) != self._changes_at_open

    # --- creating ---------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        folder: Path,
        *,
        office_kind: OfficeKind,
        office_name: str,
        admin_name: str,
        admin_password: Secret,
        kdf: KdfParams | None = None,
        policy: KdfPolicy = PRODUCTION_POLICY,
        keystore: DeviceKeyStore | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[Vault, str]:
        """Create a new vault in ``folder`` and open it as its first admin.

        Returns:
            The open vault and the recovery key (48 digits) to print — shown once.

        Raises:
            VaultExists: ``folder`` already holds a vault.
            VaultReadOnly, DiskFull: the folder cannot be written.
        """
        if looks_like_vault(folder):
            raise VaultExists(f"{folder} already holds a vault")
        from brankas import __version__  # importlib.metadata: only when a vault is made

        make_private_dir(folder)
        lock = VaultLock.acquire(folder)
        try:
            params = kdf or calibrate(policy, progress=progress)
            vault_id = uuid.uuid4().hex
            vk = random_key()
            admin = sl.make_operator_slot(
                vault_id, 0, vk, admin_name, admin_password, params, policy
            )
            recovery_secret = generate_recovery_secret()
            recovery = sl.make_recovery_slot(vault_id, 0, vk, recovery_secret)
            conn = open_database(folder / DB_NAME, db_key(vk), create=True)
            migrate(conn, before_upgrade=lambda _cur, _to: None)  # new: nothing to back up
            audit_key = secrets.token_bytes(32)
            now = _now()
            with transaction(conn):
                conn.execute(
                    "INSERT INTO meta (id, vault_id, epoch, created_at, app_version, audit_key)"
                    " VALUES (1, ?, 0, ?, ?, ?)",
                    (vault_id, now, __version__, audit_key),
                )
                conn.execute(
                    "INSERT INTO office (kind, name) VALUES (?, ?)", (str(office_kind), office_name)
                )
                conn.execute(
                    "INSERT INTO operator (id, name, role, created_at) VALUES (?, ?, ?, ?)",
                    (admin.id, admin_name.strip(), str(Role.ADMIN), now),
                )
                audit = AuditLog(conn, audit_key)
                audit.record(
                    AuditKind.VAULT_CREATED, operator_id=admin.id, detail={"kdf": params.describe()}
                )
            table = KeyTable(
                vault_id, 0, (admin, recovery), None, {"db_salt": db_salt(folder / DB_NAME)}
            )
            write_copies(folder, table, vk)
        except BaseException:
            lock.release()
            raise
        op = CurrentOperator(admin.id, admin_name.strip(), Role.ADMIN)
        state = _State(conn, bytearray(vk), table, audit, op)
        vault = cls(folder, lock, state, policy, keystore or MemoryDeviceKeyStore())
        vault.backup("created")
        return vault, encode_recovery_key(recovery_secret)

    # --- unlocking ---------------------------------------------------------------------
    @classmethod
    def unlock(
        cls,
        folder: Path,
        username: str,
        password: Secret,
        *,
        policy: KdfPolicy = PRODUCTION_POLICY,
        keystore: DeviceKeyStore | None = None,
        lock: VaultLock | None = None,
    ) -> Vault:
        """Open the vault with an operator's name and password.

        Raises:
            NotAVault, VaultInUse, UnknownOperator, WrongPassword, KdfBelowFloor,
            KeyTableCorrupt, KeyTableForeign, DatabaseCorrupt, SchemaTooNew.
        """
        return cls._open(
            folder, operator_opener(username, password, policy), policy, keystore, lock
        )

    @classmethod
    def unlock_with_device(
        cls,
        folder: Path,
        username: str,
        keystore: DeviceKeyStore,
        *,
        policy: KdfPolicy = PRODUCTION_POLICY,
        lock: VaultLock | None = None,
    ) -> Vault:
        """Open with the key this PC remembers for ``username`` ("remember on this PC").

        Raises:
            DeviceKeyUnavailable: nothing remembered, expired, or no OS keyring.
        """
        return cls._open(folder, device_opener(username, keystore), policy, keystore, lock)

    @classmethod
    def unlock_with_recovery(
        cls,
        folder: Path,
        recovery_key: str,
        *,
        policy: KdfPolicy = PRODUCTION_POLICY,
        keystore: DeviceKeyStore | None = None,
        lock: VaultLock | None = None,
    ) -> Vault:
        """Open with the printed recovery kit. The caller must then set a new password
        (:meth:`reset_password_after_recovery`), which also prints a new kit.

        Raises:
            RecoveryKitInvalid: a typo (names the group); WrongRecoveryKit: another kit.
        """
        opener = recovery_opener(recovery_key)
        vault = cls._open(folder, opener, policy, keystore, lock)
        st = vault._require()
        st.audit.record(AuditKind.RECOVERY_USED, operator_id=None)
        return vault

    @classmethod
    def _open(
        cls,
        folder: Path,
        opener: Opener,
        policy: KdfPolicy,
        keystore: DeviceKeyStore | None,
        lock: VaultLock | None,
    ) -> Vault:
        from brankas.core.vault.reopen import open_database_for

        own_lock = lock is None
        held = lock or VaultLock.acquire(folder)
        try:
            try:
                opened = open_table(folder, policy, opener)
            except (WrongPassword, UnknownOperator, WrongRecoveryKit) as exc:
                failures.note_failure(folder, type(exc).__name__)
                raise
            state = open_database_for(folder, opened)
        except BaseException:
            if own_lock:
                held.release()
            raise
        vault = cls(folder, held, state, policy, keystore or MemoryDeviceKeyStore())
        if state.operator is not None:
            st = vault._require()
            with transaction(st.conn):
                st.audit.record(AuditKind.UNLOCK, operator_id=state.operator.id)
        vault._mark_unchanged()
        return vault

    # --- state -------------------------------------------------------------------------
    def _require(self) -> _State:
        if self._state is None:
            raise VaultLocked("the vault is locked")
        return self._state

    @property
    def is_open(self) -> bool:
        """False after :meth:`lock` or :meth:`close`."""
        return self._state is not None

    @property
    def conn(self) -> Connection:
        """The database connection (raises VaultLocked when locked)."""
        return self._require().conn

    @property
    def audit(self) -> AuditLog:
        """The audit log."""
        return self._require().audit

    @property
    def table(self) -> KeyTable:
        """The current key table."""
        return self._require().table

    @property
    def vault_id(self) -> str:
        """The vault's id."""
        return self._require().table.vault_id

    @property
    def operator(self) -> CurrentOperator | None:
        """Who opened the vault; None when opened with the recovery kit."""
        return self._require().operator

    @property
    def warnings(self) -> list[VaultWarning]:
        """Warnings raised while opening."""
        return list(self._require().warnings)

    @property
    def failed_unlocks(self) -> int:
        """Failed unlock attempts since the previous unlock."""
        return self._require().failed_unlocks

    def vault_key(self) -> bytes:
        """VK, for the modules that reseal slots. Never log or display it."""
        return bytes(self._require().vk)

    def require_admin(self) -> CurrentOperator:
        """The current operator, who must be an admin.

        Raises:
            PermissionDenied: not an admin (or opened by recovery kit).
        """
        op = self.operator
        if op is None or not op.is_admin:
            raise PermissionDenied("this needs an admin")
        return op

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction on the vault database (audit events inside commit with it)."""
        with transaction(self.conn) as c:
            yield c

    def record(
        self,
        kind: AuditKind | str,
        *,
        target: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Append an audit event in its own transaction."""
        st = self._require()
        with transaction(st.conn):
            st.audit.record(
                kind,
                operator_id=st.operator.id if st.operator else None,
                target=target,
                detail=detail,
            )

    def _replace_state(self, **changes: Any) -> None:
        st = self._require()
        for k, v in changes.items():
            setattr(st, k, v)

    # --- backups and checks -------------------------------------------------------------
    def backup(self, reason: str) -> backups.BackupInfo:
        """An encrypted backup of the vault now (never a file copy)."""
        st = self._require()
        info = backups.make_backup(
            self.folder,
            st.conn,
            db_key(bytes(st.vk)),
            st.table,
            bytes(st.vk),
            reason,
            keep=self.backup_keep,
        )
        return info

    def check(self) -> CheckReport:
        """Integrity of the database, the audit chain and the key table."""
        from brankas.core.keys.table import read_copies

        st = self._require()
        copies, errors = read_copies(self.folder, self.policy)
        keys_ok = len(copies) == 2 and not errors and all(c.authentic(bytes(st.vk)) for c in copies)
        row = st.conn.execute("SELECT epoch FROM meta WHERE id = 1").fetchone()
        return CheckReport(
            integrity_errors=integrity_check(st.conn),
            audit=st.audit.verify(),
            key_table_ok=keys_ok,
            epoch_db=int(row[0]),
            epoch_keys=st.table.epoch,
        )

    # --- locking -----------------------------------------------------------------------
    def lock(self) -> VaultLock:
        """Close the database and forget the keys; the folder lock stays held.

        Returns:
            The lock, to pass to the next ``unlock`` call.
        """
        st = self._state
        if st is not None:
            try:
                if st.operator is not None:
                    with transaction(st.conn):
                        st.audit.record(AuditKind.LOCK, operator_id=st.operator.id)
            except BrankasError:
                log.warning("could not record the lock event")
            finally:
                st.conn.close()
                st.vk[:] = b"\x00" * len(st.vk)
                self._state = None
        return self._lock

    def close(self, *, backup: bool = True) -> None:
        """Back up (on close, as DESIGN.md asks, when this session changed anything),
        lock, and release the folder lock."""
        if self._state is not None and backup and self.changed_since_open:
            try:
                self.backup("close")
            except (BrankasError, OSError):
                log.warning("backup on close failed", exc_info=False)
        self.lock()
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def db_salt(db_file: Path) -> str:
    """SQLCipher's per-file salt (first 16 bytes), which ties a key table to its database."""
    with open(db_file, "rb") as fh:
        return fh.read(16).hex()


def check_db_salt(folder: Path, table: KeyTable) -> None:
    """Raise KeyTableForeign when the key table was made for another database file."""
    want = table.extra.get("db_salt")
    try:
        have = db_salt(folder / DB_NAME)
    except OSError as exc:
        raise DatabaseCorrupt("vault.db is missing or unreadable") from exc
    if len(have) < 32:  # shorter than its salt: damaged, not foreign
        raise DatabaseCorrupt("vault.db is truncated")
    if isinstance(want, str) and want != have:
        raise KeyTableForeign("the key table (vault.keys) belongs to another vault")
