"""Update an existing account from an import row, through the account and secret services."""

from __future__ import annotations

from datetime import date
from typing import Any

from brankas.core.domain.enums import RotationReason
from brankas.core.errors import InvalidValue
from brankas.core.importers.model import ImportRow
from brankas.core.secret import Secret
from brankas.core.services import accounts, secrets
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import secrets as secrets_repo


def _same(a: Secret | None, b: Secret | None) -> bool:
    return (a.reveal() if a else "") == (b.reveal() if b else "")


def update_existing(
    ctx: ServiceContext, row: ImportRow, account_id: int, kecamatan_id: int | None, term_id: int
) -> tuple[bool, list[str]]:
    """Fill an existing account from ``row`` (call inside the import's transaction).

    Only what the file gives is changed: display name, recovery e-mail and phone, active
    period; kecamatan and term only where the account has none (moving an account between
    terms is the continuation workflow's job). A new password replaces the old one, which
    goes to the history (reason ``import``); TOTP and backup codes are replaced when they
    differ; notes from the file are added below the existing notes.

    Returns:
        (whether anything changed, the account service's warning codes).

    Raises:
        InvalidValue, DomainConflict: a service refused the change.
    """
    current = accounts.get_account(ctx, account_id)
    changes: dict[str, Any] = {}
    if row.display_name and row.display_name != current.display_name:
        changes["display_name"] = row.display_name
    if row.recovery_email and row.recovery_email.casefold() != current.recovery_email.casefold():
        changes["recovery_email"] = row.recovery_email
    if row.recovery_phone and row.recovery_phone != current.recovery_phone:
        changes["recovery_phone"] = row.recovery_phone
    period: tuple[tuple[str, date | None, date | None], ...] = (
        ("active_from", row.active_from, current.active_from),
        ("active_until", row.active_until, current.active_until),
    )
    for name, new, old in period:
        if new is not None and new != old:
            changes[name] = new
    if current.kecamatan_id is None and kecamatan_id is not None:
        changes["kecamatan_id"] = kecamatan_id
    if current.term_id is None:
        changes["term_id"] = term_id
    warnings: list[str] = []
    changed = False
    if changes:
        saved = accounts.update_account(ctx, account_id, **changes)
        warnings.extend(saved.warnings)
        changed = saved.account != current
    # Compared internally (nothing is shown), so that an unchanged secret makes no event.
    stored = secrets_repo.get_secrets(ctx.conn, account_id)
    if row.password and not _same(row.password, stored.password):
        try:
            secrets.set_password(ctx, account_id, row.password, reason=RotationReason.IMPORT)
            changed = True
        except InvalidValue as exc:
            if exc.code != "password_empty":
                raise
    if row.totp and not _same(row.totp, stored.totp_secret):
        secrets.set_totp(ctx, account_id, row.totp)
        changed = True
    if row.backup_codes and not _same(row.backup_codes, stored.backup_codes):
        secrets.set_backup_codes(ctx, account_id, row.backup_codes)
        changed = True
    if row.notes:
        before = stored.notes.reveal() if stored.notes else ""
        added = row.notes.reveal()
        if added not in before:
            secrets.set_notes(ctx, account_id, f"{before}\n{added}" if before else added)
            changed = True
    return changed, warnings
