"""Accounts: identity, kecamatan, term, active period and the recovery chain (no secrets).

The recovery-chain checks live in :mod:`recovery_chain` and the Facebook Page roster in
:mod:`page_access`; their public names are re-exported here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import (
    AccountStatus,
    LifecycleKind,
    Owner,
    Platform,
    TwoFactorMethod,
)
from brankas.core.domain.models import Account, Term
from brankas.core.domain.normalize import normalize_account_identity
from brankas.core.errors import Conflict, DomainConflict, InvalidValue
from brankas.core.services import _fields as f
from brankas.core.services import recovery_chain as rc
from brankas.core.services._fields import UNSET, Unset
from brankas.core.services.context import ServiceContext
from brankas.core.services.page_access import (
    add_page_access,
    list_page_access,
    page_access_warnings,
    page_access_warnings_for,
    remove_page_access,
)
from brankas.core.services.recovery_chain import (
    RECOVERY_EMAIL_FREE_PROVIDER,
    RECOVERY_EMAIL_PERSONAL,
    RECOVERY_PHONE_LANDLINE,
    RECOVERY_PHONE_PERSONAL,
    TWOFA_DEVICE_PERSONAL,
    personal_recovery_links,
)
from brankas.core.services.terms import effective_end
from brankas.core.storage.repos import account as repo
from brankas.core.storage.repos import term as term_repo

__all__ = [
    "RECOVERY_EMAIL_FREE_PROVIDER",
    "RECOVERY_EMAIL_PERSONAL",
    "RECOVERY_PHONE_LANDLINE",
    "RECOVERY_PHONE_PERSONAL",
    "TWOFA_DEVICE_PERSONAL",
    "SavedAccount",
    "add_page_access",
    "create_account",
    "delete_account",
    "get_account",
    "list_accounts",
    "list_page_access",
    "page_access_warnings",
    "page_access_warnings_for",
    "personal_recovery_links",
    "remove_page_access",
    "update_account",
]


@dataclass(frozen=True, slots=True)
class SavedAccount:
    """An account as stored, with warning codes for the operator (the value was kept).

    ``warnings`` holds the normaliser's codes (e.g. ``facebook_personal_profile``,
    ``phone_landline``), ``recovery_phone_landline`` and the codes of
    :func:`personal_recovery_links`.
    """

    account: Account
    warnings: tuple[str, ...] = ()


def _period(ctx: ServiceContext, a: Account, old: Account | None, given: set[str]) -> Account:
    term: Term | None = term_repo.get_term(ctx.conn, a.term_id) if a.term_id is not None else None
    d_from = term.start_date if term else None
    d_until = effective_end(ctx, term.id, a.kecamatan_id) if term else None
    moved = old is None or old.term_id != a.term_id or old.kecamatan_id != a.kecamatan_id
    if old is not None and moved:
        o_term = term_repo.get_term(ctx.conn, old.term_id) if old.term_id is not None else None
        o_from = o_term.start_date if o_term else None
        o_until = effective_end(ctx, o_term.id, old.kecamatan_id) if o_term else None
    else:
        o_from = o_until = None
    start, until = a.active_from, a.active_until
    if "active_from" in given:
        start = f.opt_date(start, "active_from")
        if start is None and old is None:
            start = d_from
    elif moved and (old is None or old.active_from in (None, o_from)):
        start = d_from
    if "active_until" in given:
        until = f.opt_date(until, "active_until")
        if until is None and old is None:
            until = d_until
    elif moved and (old is None or old.active_until in (None, o_until)):
        until = d_until
    if start is not None and until is not None and until < start:
        raise InvalidValue(
            "the active period ends before it starts",
            field="active_until",
            code="active_until_before_from",
        )
    return dataclasses.replace(a, active_from=start, active_until=until)


def _prepare(
    ctx: ServiceContext, a: Account, old: Account | None, given: set[str]
) -> tuple[Account, list[str]]:
    """Normalise and check a merged record; ``given`` names the fields the caller set."""
    warnings: list[str] = []
    platform = f.enum_value(Platform, a.platform, "platform")
    a = dataclasses.replace(a, platform=platform)
    if old is None or {"handle", "platform"} & given:
        ident = normalize_account_identity(platform, a.handle, "handle")
        warnings.extend(ident.warnings)
        a = dataclasses.replace(a, handle=ident.handle, url=ident.url)
        for other in repo.find_accounts(ctx.conn, platform, ident.handle):
            if other.id != a.id:
                raise DomainConflict(
                    "an account with that platform and username is already in the vault",
                    field="handle",
                    code="account_duplicate",
                )
    a = dataclasses.replace(
        a,
        display_name=f.text(a.display_name, "display_name", max_len=200),
        lifecycle_kind=f.enum_value(LifecycleKind, a.lifecycle_kind, "lifecycle_kind"),
        twofa_method=f.enum_value(TwoFactorMethod, a.twofa_method, "twofa_method"),
        twofa_device=f.text(a.twofa_device, "twofa_device", max_len=200),
    )
    if a.kecamatan_id is not None:
        f.exists(ctx.conn, "kecamatan", a.kecamatan_id, "kecamatan_id", "kecamatan_not_found")
        if old is None or old.kecamatan_id != a.kecamatan_id:
            row = ctx.conn.execute(
                "SELECT retired_at FROM kecamatan WHERE id = ?", (a.kecamatan_id,)
            ).fetchone()
            if row[0] is not None:
                raise InvalidValue(
                    "the kecamatan is retired", field="kecamatan_id", code="kecamatan_retired"
                )
    if a.term_id is not None:
        f.exists(ctx.conn, "term", a.term_id, "term_id", "term_not_found")
    a = _period(ctx, a, old, given)
    a = rc.check_recovery_email(ctx, a, given)
    a = rc.check_recovery_phone(ctx, a, given, warnings)
    rc.person_ref(ctx, a.twofa_device_person_id, "twofa_device_person_id")
    a = dataclasses.replace(
        a,
        twofa_device_owner=rc.owner_of(
            a.twofa_device_owner, a.twofa_device_person_id, "twofa_device_owner"
        ),
    )
    remaining = a.backup_codes_remaining
    if remaining is not None and (
        not isinstance(remaining, int) or isinstance(remaining, bool) or remaining < 0
    ):
        raise InvalidValue(
            "backup codes remaining must be 0 or more",
            field="backup_codes_remaining",
            code="backup_codes_negative",
        )
    if a.backup_codes_regenerated_at is not None:
        at = f.instant(a.backup_codes_regenerated_at, "backup_codes_regenerated_at")
        a = dataclasses.replace(a, backup_codes_regenerated_at=at)
    warnings.extend(rc.personal_recovery_links(a))
    return a, warnings


# --- the service functions ----------------------------------------------------------------
def create_account(
    ctx: ServiceContext,
    *,
    platform: Platform | str,
    handle: str,
    display_name: str = "",
    kecamatan_id: int | None = None,
    term_id: int | None = None,
    lifecycle_kind: LifecycleKind | str = LifecycleKind.AD_HOC,
    active_from: date | None = None,
    active_until: date | None = None,
    recovery_email: str = "",
    recovery_email_account_id: int | None = None,
    recovery_email_owner: Owner | str = Owner.UNKNOWN,
    recovery_email_person_id: int | None = None,
    recovery_phone: str = "",
    recovery_phone_account_id: int | None = None,
    recovery_phone_owner: Owner | str = Owner.UNKNOWN,
    recovery_phone_holder_person_id: int | None = None,
    twofa_method: TwoFactorMethod | str = TwoFactorMethod.NONE,
    twofa_device: str = "",
    twofa_device_owner: Owner | str = Owner.UNKNOWN,
    twofa_device_person_id: int | None = None,
    backup_codes_remaining: int | None = None,
    backup_codes_regenerated_at: datetime | date | None = None,
) -> SavedAccount:
    """Register an account (status planned); secrets are set with the secrets service.

    Args:
        ctx: the service context.
        platform: the platform; ``handle`` is read by ``normalize_account_identity``
            (a name, ``@name`` or profile link; e-mail address; phone number).
        display_name: the name shown on the platform.
        kecamatan_id, term_id: whose account and for which term (a retired kecamatan
            is refused).
        lifecycle_kind: ad_hoc or permanent.
        active_from, active_until: default to the term's start and the kecamatan's
            effective term end; ``active_until >= active_from``.
        recovery_email: normalised; linked to the vault's e-mail account of that address
            when there is exactly one (or name it with ``recovery_email_account_id``).
        recovery_email_owner, recovery_email_person_id: whose address it is; a person id
            makes the owner "person"; a linked vault account makes an unknown owner
            "office".
        recovery_phone: normalised to ``+62…``; linked like the e-mail (a phone account);
            ``recovery_phone_holder_person_id`` is who holds the SIM.
        twofa_method, twofa_device, twofa_device_owner, twofa_device_person_id: 2FA.
        backup_codes_remaining, backup_codes_regenerated_at: usually set by
            ``secrets.set_backup_codes``.

    Returns:
        The stored account and warning codes.

    Raises:
        InvalidValue: field = the argument's name; the normaliser's ``handle_*``/``url_*``/
            ``email_*``/``phone_*`` codes, ``value_*``, ``kecamatan_not_found``,
            ``kecamatan_retired``, ``term_not_found``, ``person_not_found``,
            ``account_not_found``, ``active_until_before_from``, ``owner_conflict``,
            ``recovery_account_self``, ``recovery_account_not_email``,
            ``recovery_account_not_phone``, ``recovery_email_mismatch``,
            ``recovery_phone_mismatch``, ``backup_codes_negative``, ``datetime_naive``.
        DomainConflict: field ``handle``, code ``account_duplicate``.
    """
    args = dict(locals())
    del args["ctx"]
    now = ctx.now()
    draft = Account(**args, status=AccountStatus.PLANNED, created_at=now, updated_at=now)
    with ctx.tx() as conn:
        account, warnings = _prepare(ctx, draft, None, set(args))
        account = repo.add_account(conn, account)
        detail = {"platform": account.platform.value, "handle": account.handle}
        ctx.audit(AuditKind.CREATE, f.target("account", account.id), detail)
    return SavedAccount(account, tuple(dict.fromkeys(warnings)))


def update_account(
    ctx: ServiceContext,
    account_id: int,
    *,
    platform: Platform | str | Unset = UNSET,
    handle: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    kecamatan_id: int | Unset | None = UNSET,
    term_id: int | Unset | None = UNSET,
    lifecycle_kind: LifecycleKind | str | Unset = UNSET,
    active_from: date | Unset | None = UNSET,
    active_until: date | Unset | None = UNSET,
    recovery_email: str | Unset = UNSET,
    recovery_email_account_id: int | Unset | None = UNSET,
    recovery_email_owner: Owner | str | Unset = UNSET,
    recovery_email_person_id: int | Unset | None = UNSET,
    recovery_phone: str | Unset = UNSET,
    recovery_phone_account_id: int | Unset | None = UNSET,
    recovery_phone_owner: Owner | str | Unset = UNSET,
    recovery_phone_holder_person_id: int | Unset | None = UNSET,
    twofa_method: TwoFactorMethod | str | Unset = UNSET,
    twofa_device: str | Unset = UNSET,
    twofa_device_owner: Owner | str | Unset = UNSET,
    twofa_device_person_id: int | Unset | None = UNSET,
    backup_codes_remaining: int | Unset | None = UNSET,
    backup_codes_regenerated_at: datetime | date | Unset | None = UNSET,
) -> SavedAccount:
    """Change an account's fields; arguments left out (UNSET) stay as they are.

    The arguments are those of :func:`create_account`. Status, activation and password
    fields are not changed here (see the transitions and secrets services). When the term
    or kecamatan changes, an active period that still equals the old default moves to the
    new one; explicitly passing None clears a period date. Changing the recovery e-mail or
    phone without naming its account links it again by address.

    Returns:
        The account as stored and warning codes.

    Raises:
        NotFound: no such account.
        InvalidValue, DomainConflict: as for :func:`create_account`.
    """
    changes = {k: v for k, v in locals().items() if k not in ("ctx", "account_id")}
    given = {k for k, v in changes.items() if not isinstance(v, Unset)}
    with ctx.tx() as conn:
        old = repo.get_account(conn, account_id)
        merged = dataclasses.replace(old, **{k: changes[k] for k in given})
        new, warnings = _prepare(ctx, merged, old, given)
        changed = [
            fl.name
            for fl in dataclasses.fields(new)
            if fl.name != "updated_at" and getattr(old, fl.name) != getattr(new, fl.name)
        ]
        if changed:
            new = repo.update_account(conn, new, now=ctx.now())
            ctx.audit(AuditKind.CHANGE, f.target("account", new.id), {"fields": changed})
    return SavedAccount(new, tuple(dict.fromkeys(warnings)))


def get_account(ctx: ServiceContext, account_id: int) -> Account:
    """One account (without secrets).

    Raises:
        NotFound: no such account.
    """
    return repo.get_account(ctx.conn, account_id)


def list_accounts(
    ctx: ServiceContext,
    *,
    term_id: int | None = None,
    kecamatan_id: int | None = None,
    platform: Platform | str | None = None,
    status: AccountStatus | str | None = None,
) -> list[Account]:
    """Accounts in id order, optionally filtered (never reads secrets).

    Raises:
        InvalidValue: field ``platform`` or ``status``, code ``value_not_allowed``.
    """
    return repo.list_accounts(
        ctx.conn,
        term_id=term_id,
        kecamatan_id=kecamatan_id,
        platform=None if platform is None else f.enum_value(Platform, platform, "platform"),
        status=None if status is None else f.enum_value(AccountStatus, status, "status"),
    )


def delete_account(ctx: ServiceContext, account_id: int) -> None:
    """Delete an account registered by mistake: planned, and nothing refers to it.

    Its secrets go with it. Any other account is cancelled/archived instead.

    Raises:
        NotFound: no such account.
        DomainConflict: field ``account_id``, code ``account_has_history``.
    """
    with ctx.tx() as conn:
        old = repo.get_account(conn, account_id)
        history = DomainConflict(
            "the account has history: archive it instead",
            field="account_id",
            code="account_has_history",
        )
        if old.status is not AccountStatus.PLANNED:
            raise history
        try:
            repo.delete_account(conn, account_id)
        except Conflict:
            raise history from None
        detail = {"platform": old.platform.value, "handle": old.handle}
        ctx.audit(AuditKind.DELETE, f.target("account", account_id), detail)
