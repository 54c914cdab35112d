"""Secret fields of an account: set, reveal and copy (audited), TOTP codes, password history."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import HandoverKind, RotationReason, TwoFactorMethod
from brankas.core.domain.models import Account, PasswordHistoryEntry
from brankas.core.domain.totp import current_code, parse_totp, to_otpauth_uri
from brankas.core.errors import DomainNotFound, InvalidValue
from brankas.core.secret import Secret
from brankas.core.services import _fields as f
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import handover as handover_repo
from brankas.core.storage.repos import secrets as repo


class SecretField(StrEnum):
    """A stored secret field; the value names it in audit events."""

    PASSWORD = "password"  # noqa: S105 - a field name
    TOTP_SECRET = "totp_secret"  # noqa: S105
    BACKUP_CODES = "backup_codes"
    NOTES = "notes"


TOTP_CODE: Final = "totp"  # audit field name of a computed TOTP code
PASSWORD_HISTORY: Final = "password_history"  # noqa: S105 - audit field name


@dataclass(frozen=True, slots=True, kw_only=True)
class PasswordHistoryInfo:
    """A replaced password without its value (reveal it with :func:`reveal_history`)."""

    id: int
    account_id: int
    changed_at: datetime
    changed_by_operator_id: str | None
    reason: RotationReason


def _value(raw: Secret | str) -> str:
    return raw.reveal() if isinstance(raw, Secret) else raw


def _audit(ctx: ServiceContext, kind: AuditKind, account_id: int, detail: dict[str, Any]) -> None:
    ctx.audit(kind, f.target("account", account_id), detail)


def _store(ctx: ServiceContext, account_id: int, **fields: Any) -> None:
    current = repo.get_secrets(ctx.conn, account_id)  # NotFound for an unknown account
    repo.set_secrets(ctx.conn, dataclasses.replace(current, **fields))


def _save(ctx: ServiceContext, account: Account) -> Account:
    return account_repo.update_account(ctx.conn, account, now=ctx.now())


def set_password(
    ctx: ServiceContext,
    account_id: int,
    password: Secret | str,
    *,
    reason: RotationReason | str = RotationReason.ROUTINE,
) -> Account:
    """Store a new password; the old one (if any) goes to the history with who, when, why.

    Clears ``needs_password_change``, sets ``password_changed_at`` and marks the account's
    return handovers (dated today or earlier) as rotated.

    Args:
        ctx: the service context.
        account_id: which account.
        password: the new password (never logged, never in an audit detail).
        reason: why it changed (handover, routine, compromise, ...).

    Returns:
        The account as stored.

    Raises:
        NotFound: no such account.
        InvalidValue: field ``password``, code ``password_empty`` or ``password_unchanged``
            (the same as the current one: that is no rotation); field ``reason``, code
            ``value_not_allowed``.
    """
    value = _value(password)
    why = f.enum_value(RotationReason, reason, "reason")
    if not value.strip():
        raise InvalidValue("the password is empty", field="password", code="password_empty")
    now = ctx.now()
    with ctx.tx() as conn:
        account = account_repo.get_account(conn, account_id)
        old = repo.get_secrets(conn, account_id).password
        if old is not None and old.reveal() == value:
            raise InvalidValue(
                "the new password is the current one", field="password", code="password_unchanged"
            )
        _store(ctx, account_id, password=Secret(value))
        if old is not None and old.reveal():
            repo.append_password_history(
                conn,
                PasswordHistoryEntry(
                    account_id=account_id,
                    password=old,
                    changed_at=now,
                    changed_by_operator_id=ctx.operator_id,
                    reason=why,
                ),
            )
        today = ctx.today()
        for h in handover_repo.handovers_of_account(conn, account_id):
            if h.kind is HandoverKind.RETURN and h.date <= today:
                item = next(i for i in h.items if i.account_id == account_id)
                if item.password_changed_at is None:
                    handover_repo.mark_password_changed(conn, h.id, account_id, now)
        account = _save(
            ctx, dataclasses.replace(account, needs_password_change=False, password_changed_at=now)
        )
        detail = {"field": "password", "reason": why.value, "history_kept": old is not None}
        _audit(ctx, AuditKind.CHANGE, account_id, detail)
    return account


def set_totp(ctx: ServiceContext, account_id: int, raw: Secret | str) -> Account:
    """Store a TOTP secret: a base32 key (kept canonical) or an ``otpauth://`` URI (kept as a
    canonical URI, so digits, period and algorithm survive).

    An account whose 2FA method was "none" gets "totp".

    Raises:
        NotFound: no such account.
        InvalidValue: field ``totp_secret``, the codes of ``totp.parse_totp``.
    """
    config = parse_totp(raw)
    is_uri = _value(raw).strip().lower().startswith("otpauth:")
    stored = to_otpauth_uri(config) if is_uri else config.secret
    with ctx.tx() as conn:
        account = account_repo.get_account(conn, account_id)
        _store(ctx, account_id, totp_secret=stored)
        if account.twofa_method is TwoFactorMethod.NONE:
            account = _save(ctx, dataclasses.replace(account, twofa_method=TwoFactorMethod.TOTP))
        _audit(ctx, AuditKind.CHANGE, account_id, {"field": SecretField.TOTP_SECRET.value})
    return account


def clear_totp(ctx: ServiceContext, account_id: int) -> None:
    """Forget an account's TOTP secret.

    Raises:
        NotFound: no such account.
    """
    with ctx.tx():
        _store(ctx, account_id, totp_secret=None)
        _audit(ctx, AuditKind.CHANGE, account_id, {"field": "totp_secret", "cleared": True})


def _codes(raw: Sequence[str] | Secret | str) -> list[str]:
    items = _value(raw).splitlines() if isinstance(raw, Secret | str) else list(raw)
    # A code may contain a space ("1234 5678"); one per line or per item.
    return list(dict.fromkeys(" ".join(c.split()) for c in items if c.strip()))


def set_backup_codes(
    ctx: ServiceContext, account_id: int, codes: Sequence[str] | Secret | str
) -> Account:
    """Store a fresh set of backup codes; the account records how many and when.

    Args:
        ctx: the service context.
        account_id: which account.
        codes: a list, or pasted text with one code per line (blank lines and repeats
            dropped).

    Returns:
        The account with ``backup_codes_remaining`` and ``backup_codes_regenerated_at``.

    Raises:
        NotFound: no such account.
        InvalidValue: field ``backup_codes``, code ``backup_codes_empty``.
    """
    clean = _codes(codes)
    if not clean:
        raise InvalidValue("no backup codes given", field="backup_codes", code="backup_codes_empty")
    with ctx.tx() as conn:
        account = account_repo.get_account(conn, account_id)
        _store(ctx, account_id, backup_codes=Secret("\n".join(clean)))
        account = _save(
            ctx,
            dataclasses.replace(
                account, backup_codes_remaining=len(clean), backup_codes_regenerated_at=ctx.now()
            ),
        )
        _audit(ctx, AuditKind.CHANGE, account_id, {"field": "backup_codes", "count": len(clean)})
    return account


def use_backup_code(ctx: ServiceContext, account_id: int, code: Secret | str) -> Account:
    """Cross off a backup code that was used (each works once).

    Raises:
        NotFound: no such account.
        InvalidValue: field ``code``, code ``backup_code_unknown``.
    """
    wanted = "".join(_value(code).split()).casefold()
    with ctx.tx() as conn:
        account = account_repo.get_account(conn, account_id)
        stored = repo.get_secrets(conn, account_id).backup_codes
        codes = _codes(stored) if stored is not None else []
        rest = [c for c in codes if "".join(c.split()).casefold() != wanted]
        if len(rest) == len(codes):
            raise InvalidValue(
                "that backup code is not on record", field="code", code="backup_code_unknown"
            )
        _store(ctx, account_id, backup_codes=Secret("\n".join(rest)) if rest else None)
        account = _save(ctx, dataclasses.replace(account, backup_codes_remaining=len(rest)))
        detail = {"field": "backup_codes", "used": 1, "remaining": len(rest)}
        _audit(ctx, AuditKind.CHANGE, account_id, detail)
    return account


def set_notes(ctx: ServiceContext, account_id: int, notes: Secret | str) -> None:
    """Store the account's secret notes ("" clears them).

    Raises:
        NotFound: no such account.
    """
    value = _value(notes)
    with ctx.tx():
        _store(ctx, account_id, notes=Secret(value) if value.strip() else None)
        _audit(ctx, AuditKind.CHANGE, account_id, {"field": "notes"})


def secret_presence(ctx: ServiceContext, account_id: int) -> dict[SecretField, bool]:
    """Which secret fields hold a value, without reading any value into Python.

    Raises:
        NotFound: no such account.
    """
    account_repo.get_account(ctx.conn, account_id)
    row = ctx.conn.execute(
        "SELECT coalesce(password, '') != '', coalesce(totp_secret, '') != '',"
        " coalesce(backup_codes, '') != '', coalesce(notes, '') != ''"
        " FROM account_secret WHERE account_id = ?",
        (account_id,),
    ).fetchone()
    flags = tuple(bool(x) for x in row) if row is not None else (False,) * 4
    return dict(zip(SecretField, flags, strict=True))


def _field(value: SecretField | str, allowed: Sequence[str]) -> str:
    text = str(value)
    if text not in allowed:
        raise InvalidValue("unknown secret field", field="field", code="secret_field_unknown")
    return text


def reveal(
    ctx: ServiceContext, account_id: int, field: SecretField | str, reason: str = ""
) -> Secret | None:
    """Read one secret field; records a REVEAL audit event naming the field (not the value).

    Returns:
        The secret, or None when the field is empty (the attempt is still audited).

    Raises:
        NotFound: no such account.
        InvalidValue: field ``field``, code ``secret_field_unknown``; field ``reason``
            (``value_*``).
    """
    name = _field(field, [m.value for m in SecretField])
    why = f.text(reason, "reason", max_len=200)
    with ctx.tx() as conn:
        value: Secret | None = getattr(repo.get_secrets(conn, account_id), name)
        detail: dict[str, Any] = {"field": name, "reason": why}
        if value is None:
            detail["empty"] = True
        _audit(ctx, AuditKind.REVEAL, account_id, detail)
    return value


def record_copy(ctx: ServiceContext, account_id: int, field: SecretField | str) -> None:
    """Record that the GUI copied a secret field (or the TOTP code, field ``"totp"``).

    Raises:
        NotFound: no such account.
        InvalidValue: field ``field``, code ``secret_field_unknown``.
    """
    name = _field(field, [*(m.value for m in SecretField), TOTP_CODE])
    with ctx.tx() as conn:
        account_repo.get_account(conn, account_id)
        _audit(ctx, AuditKind.COPY, account_id, {"field": name})


def totp_code(ctx: ServiceContext, account_id: int) -> tuple[str, int]:
    """The account's current TOTP code, audited as a reveal of ``"totp"``.

    Returns:
        ``(code, seconds_left)`` at ``ctx.now()``.

    Raises:
        NotFound: no such account.
        DomainNotFound: field ``totp_secret``, code ``totp_not_set``.
    """
    with ctx.tx() as conn:
        stored = repo.get_secrets(conn, account_id).totp_secret
        if stored is None:
            raise DomainNotFound(
                "no TOTP secret on record", field="totp_secret", code="totp_not_set"
            )
        code = current_code(parse_totp(stored), ctx.now())
        _audit(ctx, AuditKind.REVEAL, account_id, {"field": TOTP_CODE})
    return code


def password_history(ctx: ServiceContext, account_id: int) -> list[PasswordHistoryInfo]:
    """An account's replaced passwords, oldest first, without their values (not audited).

    Raises:
        NotFound: no such account.
    """
    account_repo.get_account(ctx.conn, account_id)
    return [
        PasswordHistoryInfo(
            id=e.id,
            account_id=e.account_id,
            changed_at=e.changed_at,
            changed_by_operator_id=e.changed_by_operator_id,
            reason=e.reason,
        )
        for e in repo.list_password_history(ctx.conn, account_id)
    ]


def reveal_history(
    ctx: ServiceContext, account_id: int, *, entry_id: int | None = None, reason: str = ""
) -> list[PasswordHistoryEntry]:
    """Old passwords with their values (all, or one entry); audited as a REVEAL.

    Raises:
        NotFound: no such account.
        DomainNotFound: field ``entry_id``, code ``history_entry_not_found``.
    """
    why = f.text(reason, "reason", max_len=200)
    with ctx.tx() as conn:
        account_repo.get_account(conn, account_id)
        entries = repo.list_password_history(conn, account_id)
        if entry_id is not None:
            entries = [e for e in entries if e.id == entry_id]
            if not entries:
                raise DomainNotFound(
                    "no such history entry", field="entry_id", code="history_entry_not_found"
                )
        detail = {"field": PASSWORD_HISTORY, "entries": [e.id for e in entries], "reason": why}
        _audit(ctx, AuditKind.REVEAL, account_id, detail)
    return entries
