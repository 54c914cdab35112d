"""Account secrets and password history: the only readers of secret columns."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from brankas.core.domain.enums import RotationReason
from brankas.core.domain.models import AccountSecrets, PasswordHistoryEntry
from brankas.core.errors import NotFound
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import dt_in_req, dt_out, enum_in, secret_in, secret_out
from brankas.core.storage.repos._table import insert

_HISTORY = ("account_id", "password", "changed_at", "changed_by_operator_id", "reason")
# Ids per query of iter_secrets: well under SQLite's 999-parameter floor of old builds.
_CHUNK = 500


def get_secrets(conn: Connection, account_id: int) -> AccountSecrets:
    """The secrets of one account (all ``None`` if none were stored).

    Raises:
        NotFound: no such account.
    """
    return next(iter_secrets(conn, (account_id,)))


def iter_secrets(conn: Connection, account_ids: Sequence[int]) -> Iterator[AccountSecrets]:
    """The secrets of many accounts, in the order of ``account_ids``, a few queries in all
    (one per 500 ids; an export reads 50,000 accounts' secrets, one query each was ~0.5 s).

    Only the accounts asked for are read: no other account's secret reaches Python.

    Args:
        conn: an open vault connection.
        account_ids: the accounts (each at most once).

    Yields:
        Each account's secrets (all ``None`` if none were stored).

    Raises:
        NotFound: an id names no account (raised when that chunk is read).
    """
    for start in range(0, len(account_ids), _CHUNK):
        chunk = account_ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        # Only placeholders are formatted in; the ids travel as parameters.
        sql = (
            "SELECT a.id, s.password, s.totp_secret, s.backup_codes, s.notes"  # noqa: S608
            " FROM account a LEFT JOIN account_secret s ON s.account_id = a.id"
            f" WHERE a.id IN ({marks})"
        )
        found = {r[0]: r for r in conn.execute(sql, chunk)}
        for account_id in chunk:
            row = found.get(account_id)
            if row is None:
                raise NotFound(f"no account {account_id}")
            yield AccountSecrets(
                account_id=account_id,
                password=secret_in(row[1]),
                totp_secret=secret_in(row[2]),
                backup_codes=secret_in(row[3]),
                notes=secret_in(row[4]),
            )
        del found


def set_secrets(conn: Connection, secrets: AccountSecrets) -> None:
    """Store (replace) all secret fields of one account.

    Raises:
        Conflict: no account has that id.
    """
    with transaction(conn):
        conn.execute(
            "INSERT INTO account_secret (account_id, password, totp_secret, backup_codes, notes)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
            " password = excluded.password, totp_secret = excluded.totp_secret,"
            " backup_codes = excluded.backup_codes, notes = excluded.notes",
            (
                secrets.account_id,
                secret_out(secrets.password),
                secret_out(secrets.totp_secret),
                secret_out(secrets.backup_codes),
                secret_out(secrets.notes),
            ),
        )


def append_password_history(conn: Connection, entry: PasswordHistoryEntry) -> PasswordHistoryEntry:
    """Record a replaced password; returns the entry with its id."""
    row = (
        entry.account_id,
        entry.password.reveal(),
        dt_out(entry.changed_at),
        entry.changed_by_operator_id,
        entry.reason.value,
    )
    return dataclasses.replace(entry, id=insert(conn, "password_history", _HISTORY, row))


def list_password_history(conn: Connection, account_id: int) -> list[PasswordHistoryEntry]:
    """An account's replaced passwords, oldest first."""
    rows = conn.execute(
        "SELECT id, account_id, password, changed_at, changed_by_operator_id, reason"
        " FROM password_history WHERE account_id = ? ORDER BY changed_at, id",
        (account_id,),
    )
    return [
        PasswordHistoryEntry(
            id=r[0],
            account_id=r[1],
            password=Secret(r[2]),
            changed_at=dt_in_req(r[3]),
            changed_by_operator_id=r[4],
            reason=enum_in(RotationReason, r[5]),
        )
        for r in rows
    ]
