"""Accounts without their secrets: add, bulk add, get, list, update, delete.

Nothing in this module reads or writes ``account_secret`` except :func:`add_accounts`
(which stores initial secrets with a bulk import); listing never touches it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from brankas.core.domain.enums import (
    AccountStatus,
    LifecycleKind,
    Owner,
    Platform,
    TwoFactorMethod,
)
from brankas.core.domain.models import Account, AccountSecrets, utc_now
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import (
    d_in,
    d_out,
    dt_out,
    enum_in,
    fast_builder,
    members,
    secret_out,
)
from brankas.core.storage.repos._table import (
    Row,
    delete,
    fetch_one,
    insert,
    insert_many,
    select_sql,
    update,
)

_COLS = (
    "platform",
    "handle",
    "display_name",
    "url",
    "kecamatan_id",
    "term_id",
    "lifecycle_kind",
    "status",
    "active_from",
    "active_until",
    "activated_at",
    "deactivated_at",
    "recovery_email",
    "recovery_email_account_id",
    "recovery_email_owner",
    "recovery_email_person_id",
    "recovery_phone",
    "recovery_phone_account_id",
    "recovery_phone_owner",
    "recovery_phone_holder_person_id",
    "twofa_method",
    "twofa_device",
    "twofa_device_owner",
    "twofa_device_person_id",
    "backup_codes_remaining",
    "backup_codes_regenerated_at",
    "needs_password_change",
    "password_changed_at",
    "created_at",
    "updated_at",
)
# Public: the read side and the GUI's lean list read accounts row by row with these two.
ACCOUNT_SELECT = select_sql("account", _COLS)
_SECRET_COLS = ("account_id", "password", "totp_secret", "backup_codes", "notes")


def _row(a: Account) -> Row:
    return (
        a.platform.value,
        a.handle,
        a.display_name,
        a.url,
        a.kecamatan_id,
        a.term_id,
        a.lifecycle_kind.value,
        a.status.value,
        d_out(a.active_from),
        d_out(a.active_until),
        dt_out(a.activated_at),
        dt_out(a.deactivated_at),
        a.recovery_email,
        a.recovery_email_account_id,
        a.recovery_email_owner.value,
        a.recovery_email_person_id,
        a.recovery_phone,
        a.recovery_phone_account_id,
        a.recovery_phone_owner.value,
        a.recovery_phone_holder_person_id,
        a.twofa_method.value,
        a.twofa_device,
        a.twofa_device_owner.value,
        a.twofa_device_person_id,
        a.backup_codes_remaining,
        dt_out(a.backup_codes_regenerated_at),
        int(a.needs_password_change),
        dt_out(a.password_changed_at),
        dt_out(a.created_at),
        dt_out(a.updated_at),
    )


_PLATFORM = members(Platform)
_LIFECYCLE = members(LifecycleKind)
_STATUS = members(AccountStatus)
_OWNER = members(Owner)
_TWOFA = members(TwoFactorMethod)
_iso = datetime.fromisoformat
_build = fast_builder(Account, ("id", *_COLS))


def account_from_row(r: Row) -> Account:
    """An Account from one ``ACCOUNT_SELECT`` row (the fast reader listing and snapshots use)."""
    # The listing hot path (50,000 rows): dict look-ups, direct parsing and a positional
    # builder (fields in _COLS order, checked at import). Unknown enum values still raise.
    return _build(
        r[0],  # id
        _PLATFORM.get(r[1]) or enum_in(Platform, r[1]),  # platform
        r[2],  # handle
        r[3],  # display_name
        r[4],  # url
        r[5],  # kecamatan_id
        r[6],  # term_id
        _LIFECYCLE.get(r[7]) or enum_in(LifecycleKind, r[7]),  # lifecycle_kind
        _STATUS.get(r[8]) or enum_in(AccountStatus, r[8]),  # status
        d_in(r[9]),  # active_from
        d_in(r[10]),  # active_until
        None if r[11] is None else _iso(r[11]),  # activated_at
        None if r[12] is None else _iso(r[12]),  # deactivated_at
        r[13],  # recovery_email
        r[14],  # recovery_email_account_id
        _OWNER.get(r[15]) or enum_in(Owner, r[15]),  # recovery_email_owner
        r[16],  # recovery_email_person_id
        r[17],  # recovery_phone
        r[18],  # recovery_phone_account_id
        _OWNER.get(r[19]) or enum_in(Owner, r[19]),  # recovery_phone_owner
        r[20],  # recovery_phone_holder_person_id
        _TWOFA.get(r[21]) or enum_in(TwoFactorMethod, r[21]),  # twofa_method
        r[22],  # twofa_device
        _OWNER.get(r[23]) or enum_in(Owner, r[23]),  # twofa_device_owner
        r[24],  # twofa_device_person_id
        r[25],  # backup_codes_remaining
        None if r[26] is None else _iso(r[26]),  # backup_codes_regenerated_at
        bool(r[27]),  # needs_password_change
        None if r[28] is None else _iso(r[28]),  # password_changed_at
        _iso(r[29]),  # created_at
        _iso(r[30]),  # updated_at
    )


def add_account(conn: Connection, account: Account) -> Account:
    """Store a new account (without secrets); returns it with its id."""
    return dataclasses.replace(account, id=insert(conn, "account", _COLS, _row(account)))


def add_accounts(
    conn: Connection,
    accounts: Sequence[Account],
    secrets: Sequence[AccountSecrets | None] | None = None,
) -> list[int]:
    """Store many accounts, and optionally their secrets, in one transaction.

    Used by import and benchmarks: one prepared statement per table (50,000 accounts
    in well under a second).

    Args:
        conn: the vault connection.
        accounts: the new accounts (their ``id`` is ignored).
        secrets: parallel to ``accounts``; each item's ``account_id`` is ignored and
            ``None`` means no secrets for that account.

    Returns:
        The new ids, in the order of ``accounts``.

    Raises:
        ValueError: ``secrets`` is not as long as ``accounts``.
        Conflict: a reference (kecamatan, term, person) does not exist.
    """
    if secrets is not None and len(secrets) != len(accounts):
        raise ValueError("secrets must be parallel to accounts")
    with transaction(conn):
        # Explicit ids (executemany gives no per-row lastrowid): the table is locked by
        # BEGIN IMMEDIATE, so max(id) cannot move under us.
        first = int(conn.execute("SELECT coalesce(max(id), 0) FROM account").fetchone()[0]) + 1
        ids = list(range(first, first + len(accounts)))
        insert_many(
            conn,
            "account",
            ("id", *_COLS),
            [(i, *_row(a)) for i, a in zip(ids, accounts, strict=True)],
        )
        if secrets is not None:
            rows = [
                (
                    i,
                    secret_out(s.password),
                    secret_out(s.totp_secret),
                    secret_out(s.backup_codes),
                    secret_out(s.notes),
                )
                for i, s in zip(ids, secrets, strict=True)
                if s is not None
            ]
            insert_many(conn, "account_secret", _SECRET_COLS, rows)
    return ids


def get_account(conn: Connection, account_id: int) -> Account:
    """The account with that id (no secrets).

    Raises:
        NotFound: no such account.
    """
    return account_from_row(
        fetch_one(conn, f"{ACCOUNT_SELECT} WHERE id = ?", (account_id,), "account")
    )


def list_accounts(
    conn: Connection,
    *,
    term_id: int | None = None,
    kecamatan_id: int | None = None,
    platform: Platform | None = None,
    status: AccountStatus | None = None,
) -> list[Account]:
    """Accounts in id order, optionally filtered; one query, never reads secrets."""
    where: list[str] = []
    params: list[object] = []
    for column, value in (
        ("term_id", term_id),
        ("kecamatan_id", kecamatan_id),
        ("platform", platform.value if platform is not None else None),
        ("status", status.value if status is not None else None),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = ACCOUNT_SELECT + (f" WHERE {' AND '.join(where)}" if where else "")
    return [account_from_row(r) for r in conn.execute(f"{sql} ORDER BY id", params).fetchall()]


def find_accounts(conn: Connection, platform: Platform, handle: str) -> list[Account]:
    """Accounts with this platform and handle (case-insensitive), e.g. to spot duplicates."""
    sql = f"{ACCOUNT_SELECT} WHERE platform = ? AND lower(handle) = lower(?) ORDER BY id"
    return [account_from_row(r) for r in conn.execute(sql, (platform.value, handle))]


def update_account(conn: Connection, account: Account, *, now: datetime | None = None) -> Account:
    """Save an account's fields, stamping ``updated_at``.

    Args:
        conn: the vault connection.
        account: the account as it should be stored.
        now: the time to stamp (default: the current UTC time).

    Returns:
        The account as stored (with the new ``updated_at``).

    Raises:
        NotFound: no account has that id.
    """
    stored = dataclasses.replace(account, updated_at=now or utc_now())
    update(conn, "account", _COLS, _row(stored), "id", stored.id)
    return stored


def delete_account(conn: Connection, account_id: int) -> None:
    """Delete an account that has no history (its secrets go with it).

    Raises:
        NotFound: no such account.
        Conflict: custody, handovers, history or other accounts refer to it.
    """
    delete(conn, "account", "id", account_id)
