"""Reveal and copy of an account's secrets, each audited, run in the page's worker."""

from __future__ import annotations

from dataclasses import dataclass

from brankas.core.audit import AuditKind
from brankas.core.secret import Secret
from brankas.core.services import accounts, secrets
from brankas.core.services.context import ServiceContext
from brankas.core.services.secrets import TOTP_CODE, SecretField

USERNAME = "username"  # audit field name of a copied username (not a secret field)


@dataclass(frozen=True, slots=True)
class Copied:
    """A value to put on the clipboard (None: nothing on record) and what it is."""

    field: str
    value: Secret | None


def reveal_password(ctx: ServiceContext, account_id: int) -> Secret | None:
    """The password, audited as a reveal ("show")."""
    return secrets.reveal(ctx, account_id, SecretField.PASSWORD, reason="show")


def totp_now(ctx: ServiceContext, account_id: int) -> tuple[str, int]:
    """The current TOTP code and its seconds left, audited as a reveal of "totp"."""
    return secrets.totp_code(ctx, account_id)


def copy_value(ctx: ServiceContext, account_id: int, field: str) -> Copied:
    """Read what is to be copied and record the copy, in one transaction.

    ``field`` is ``"username"``, ``"password"`` or ``"totp"``. A password is revealed
    (reason "copy") and its copy recorded; a TOTP code likewise; a username (not secret)
    gets a copy event only.
    """
    with ctx.tx():
        if field == USERNAME:
            account = accounts.get_account(ctx, account_id)
            ctx.audit(AuditKind.COPY, f"account:{account_id}", {"field": USERNAME})
            return Copied(field, Secret(account.handle))
        if field == TOTP_CODE:
            code, _left = secrets.totp_code(ctx, account_id)
            secrets.record_copy(ctx, account_id, TOTP_CODE)
            return Copied(field, Secret(code))
        value = secrets.reveal(ctx, account_id, field, reason="copy")
        if value is not None:
            secrets.record_copy(ctx, account_id, field)
        return Copied(field, value)
