"""The recovery chain of an account: checking its links, and flagging personal ones."""

from __future__ import annotations

import dataclasses
from typing import Final

from brankas.core.domain.enums import Owner, Platform, TwoFactorMethod
from brankas.core.domain.models import Account
from brankas.core.domain.normalize import (
    PhoneKind,
    email_is_personal_provider,
    normalize_email,
    normalize_phone,
)
from brankas.core.errors import InvalidValue
from brankas.core.services import _fields as f
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as repo

# Codes of recovery-chain links that point to a person rather than the office.
RECOVERY_EMAIL_PERSONAL: Final = "recovery_email_personal"
RECOVERY_EMAIL_FREE_PROVIDER: Final = "recovery_email_free_provider"
RECOVERY_PHONE_PERSONAL: Final = "recovery_phone_personal"
TWOFA_DEVICE_PERSONAL: Final = "twofa_device_personal"
# A warning only: a landline cannot receive SMS codes.
RECOVERY_PHONE_LANDLINE: Final = "recovery_phone_landline"


def personal_recovery_links(account: Account) -> list[str]:
    """Which links of an account's recovery chain point to a person, not the office.

    Pure: reads only the account's own fields, so the province review can run it on
    archive contents.

    Returns:
        Codes in chain order: ``recovery_email_personal`` (owner is a person),
        ``recovery_email_free_provider`` (owner not known and the address is at a free
        provider such as gmail.com), ``recovery_phone_personal`` (owner is a person, or
        not known while a person holds the SIM), ``twofa_device_personal`` (2FA on a
        device a person owns).
    """
    out: list[str] = []
    if account.recovery_email:
        if account.recovery_email_owner is Owner.PERSON:
            out.append(RECOVERY_EMAIL_PERSONAL)
        elif account.recovery_email_owner is not Owner.OFFICE and email_is_personal_provider(
            account.recovery_email
        ):
            out.append(RECOVERY_EMAIL_FREE_PROVIDER)
    if account.recovery_phone and (
        account.recovery_phone_owner is Owner.PERSON
        or (
            account.recovery_phone_owner is Owner.UNKNOWN
            and account.recovery_phone_holder_person_id is not None
        )
    ):
        out.append(RECOVERY_PHONE_PERSONAL)
    if account.twofa_method is not TwoFactorMethod.NONE and (
        account.twofa_device_owner is Owner.PERSON
        or (
            account.twofa_device_owner is Owner.UNKNOWN
            and account.twofa_device_person_id is not None
        )
    ):
        out.append(TWOFA_DEVICE_PERSONAL)
    return out


def person_ref(ctx: ServiceContext, person_id: int | None, field: str) -> None:
    """Check that a link's person exists (None: no person).

    Raises:
        InvalidValue: ``field``, code ``person_not_found``.
    """
    if person_id is not None:
        f.exists(ctx.conn, "person", person_id, field, "person_not_found")


def owner_of(value: Owner, person_id: int | None, field: str, *, linked: bool = False) -> Owner:
    """A link's owner, made consistent with its person and vault link.

    A person id makes an unknown owner "person"; a link to an account the vault records
    makes an unknown owner "office".

    Raises:
        InvalidValue: ``field``, code ``value_not_allowed`` or ``owner_conflict`` (office
            owner with a person named).
    """
    owner = f.enum_value(Owner, value, field)
    if person_id is not None:
        if owner is Owner.OFFICE:
            raise InvalidValue(
                "a link owned by the office cannot name a person as its owner",
                field=field,
                code="owner_conflict",
            )
        return Owner.PERSON
    if linked and owner is Owner.UNKNOWN:
        return Owner.OFFICE  # the address/SIM is itself an account the office records
    return owner


def _linked_account(
    ctx: ServiceContext, account_id: int, own_id: int, platform: Platform, field: str
) -> Account:
    f.exists(ctx.conn, "account", account_id, field, "account_not_found")
    if account_id == own_id:
        raise InvalidValue(
            "an account cannot recover through itself", field=field, code="recovery_account_self"
        )
    other = repo.get_account(ctx.conn, account_id)
    if other.platform is not platform:
        code = (
            "recovery_account_not_email"
            if platform is Platform.EMAIL
            else "recovery_account_not_phone"
        )
        raise InvalidValue("the linked account is of the wrong platform", field=field, code=code)
    return other


def _auto_link(ctx: ServiceContext, platform: Platform, handle: str, own_id: int) -> int | None:
    found = [a.id for a in repo.find_accounts(ctx.conn, platform, handle) if a.id != own_id]
    return found[0] if len(found) == 1 else None


def check_recovery_email(ctx: ServiceContext, a: Account, given: set[str]) -> Account:
    """Normalise the recovery e-mail, link it to the vault's e-mail account, settle its owner.

    ``given`` names the fields the caller set: a changed address without an account id
    is linked again by address.

    Raises:
        InvalidValue: the ``email_*`` codes (field ``recovery_email``),
            ``recovery_email_mismatch``, ``recovery_account_self``,
            ``recovery_account_not_email``, ``account_not_found``, ``person_not_found``,
            ``owner_conflict``.
    """
    email = a.recovery_email.strip()
    email = normalize_email(email, "recovery_email") if email else ""
    link = a.recovery_email_account_id
    if "recovery_email" in given and "recovery_email_account_id" not in given:
        link = None  # the address changed: find its account again
    if link is not None:
        other = _linked_account(ctx, link, a.id, Platform.EMAIL, "recovery_email_account_id")
        if not email:
            email = other.handle
        elif email.casefold() != other.handle.casefold():
            raise InvalidValue(
                "the recovery e-mail is not the linked account's address",
                field="recovery_email",
                code="recovery_email_mismatch",
            )
    elif email:
        link = _auto_link(ctx, Platform.EMAIL, email, a.id)
    person_ref(ctx, a.recovery_email_person_id, "recovery_email_person_id")
    owner = owner_of(
        a.recovery_email_owner,
        a.recovery_email_person_id,
        "recovery_email_owner",
        linked=link is not None,
    )
    return dataclasses.replace(
        a, recovery_email=email, recovery_email_account_id=link, recovery_email_owner=owner
    )


def check_recovery_phone(
    ctx: ServiceContext, a: Account, given: set[str], warnings: list[str]
) -> Account:
    """Normalise the recovery phone (``+62…``), link it to the vault's SIM, settle its owner.

    Appends ``recovery_phone_landline`` to ``warnings`` for a landline.

    Raises:
        InvalidValue: the ``phone_*`` codes (field ``recovery_phone``),
            ``recovery_phone_mismatch``, ``recovery_account_self``,
            ``recovery_account_not_phone``, ``account_not_found``, ``person_not_found``.
    """
    raw = a.recovery_phone.strip()
    phone = normalize_phone(raw, "recovery_phone") if raw else None
    number = phone.canonical if phone else ""
    if phone is not None and phone.kind is PhoneKind.LANDLINE:
        warnings.append(RECOVERY_PHONE_LANDLINE)
    link = a.recovery_phone_account_id
    if "recovery_phone" in given and "recovery_phone_account_id" not in given:
        link = None
    if link is not None:
        other = _linked_account(ctx, link, a.id, Platform.PHONE, "recovery_phone_account_id")
        if not number:
            number = other.handle
        elif number != other.handle:
            raise InvalidValue(
                "the recovery phone is not the linked SIM's number",
                field="recovery_phone",
                code="recovery_phone_mismatch",
            )
    elif number:
        link = _auto_link(ctx, Platform.PHONE, number, a.id)
    person_ref(ctx, a.recovery_phone_holder_person_id, "recovery_phone_holder_person_id")
    owner = f.enum_value(Owner, a.recovery_phone_owner, "recovery_phone_owner")
    if link is not None and owner is Owner.UNKNOWN:
        owner = Owner.OFFICE
    # The holder of a SIM is not its owner: an office SIM may sit in a staff member's phone.
    return dataclasses.replace(
        a, recovery_phone=number, recovery_phone_account_id=link, recovery_phone_owner=owner
    )
