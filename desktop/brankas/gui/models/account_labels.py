"""Translated names of the account enums (status, lifecycle, owner, 2FA, Page access, reasons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from brankas.core.domain.enums import (
    AccountStatus,
    LifecycleKind,
    Owner,
    PageAccess,
    PersonRole,
    RotationReason,
    TwoFactorMethod,
)

# Display order of statuses (the life of an account, DOMAIN.md).
STATUS_ORDER = {s: n for n, s in enumerate(AccountStatus)}


def status_label(status: AccountStatus | str) -> str:
    """An account's status as a short word."""
    names = {
        AccountStatus.PLANNED: QCoreApplication.translate("AccountLabels", "Planned"),
        AccountStatus.ACTIVE: QCoreApplication.translate("AccountLabels", "Active"),
        AccountStatus.RETURNED: QCoreApplication.translate("AccountLabels", "Returned"),
        AccountStatus.DEACTIVATED: QCoreApplication.translate("AccountLabels", "Deactivated"),
        AccountStatus.RETAINED: QCoreApplication.translate("AccountLabels", "Kept (permanent)"),
        AccountStatus.ARCHIVED: QCoreApplication.translate("AccountLabels", "Archived"),
    }
    try:
        return names[AccountStatus(str(status))]
    except ValueError:
        return str(status)


def lifecycle_label(kind: LifecycleKind | str) -> str:
    """Ad hoc (one term) or permanent (handed on)."""
    if str(kind) == LifecycleKind.PERMANENT:
        return QCoreApplication.translate(
            "AccountLabels", "Permanent (handed to the next committee)"
        )
    return QCoreApplication.translate("AccountLabels", "Ad hoc (deactivated at the term end)")


def owner_label(owner: Owner | str) -> str:
    """Whose a link of the recovery chain is."""
    names = {
        Owner.OFFICE: QCoreApplication.translate("AccountLabels", "The office"),
        Owner.PERSON: QCoreApplication.translate("AccountLabels", "A person"),
        Owner.UNKNOWN: QCoreApplication.translate("AccountLabels", "Not known"),
    }
    try:
        return names[Owner(str(owner))]
    except ValueError:
        return str(owner)


def twofa_label(method: TwoFactorMethod | str) -> str:
    """A two-factor method."""
    names = {
        TwoFactorMethod.NONE: QCoreApplication.translate("AccountLabels", "None"),
        TwoFactorMethod.TOTP: QCoreApplication.translate("AccountLabels", "Authenticator app"),
        TwoFactorMethod.SMS: QCoreApplication.translate("AccountLabels", "SMS code"),
        TwoFactorMethod.EMAIL: QCoreApplication.translate("AccountLabels", "E-mail code"),
        TwoFactorMethod.SECURITY_KEY: QCoreApplication.translate("AccountLabels", "Security key"),
    }
    try:
        return names[TwoFactorMethod(str(method))]
    except ValueError:
        return str(method)


def page_access_label(access: PageAccess | str) -> str:
    """A Facebook Page access level."""
    names = {
        PageAccess.FULL: QCoreApplication.translate("AccountLabels", "Full control"),
        PageAccess.PARTIAL: QCoreApplication.translate("AccountLabels", "Partial control"),
        PageAccess.TASK: QCoreApplication.translate("AccountLabels", "Task access"),
    }
    try:
        return names[PageAccess(str(access))]
    except ValueError:
        return str(access)


def rotation_reason_label(reason: RotationReason | str) -> str:
    """Why a password was changed."""
    names = {
        RotationReason.INITIAL: QCoreApplication.translate("AccountLabels", "First password"),
        RotationReason.HANDOVER: QCoreApplication.translate("AccountLabels", "After a handover"),
        RotationReason.ROUTINE: QCoreApplication.translate("AccountLabels", "Routine change"),
        RotationReason.COMPROMISE: QCoreApplication.translate("AccountLabels", "Suspected misuse"),
        RotationReason.OPERATOR_REMOVED: QCoreApplication.translate(
            "AccountLabels", "An operator was removed"
        ),
        RotationReason.IMPORT: QCoreApplication.translate("AccountLabels", "Imported"),
    }
    try:
        return names[RotationReason(str(reason))]
    except ValueError:
        return str(reason)


def role_word(role: PersonRole | str) -> str:
    """A person's role in a committee or the office, as a short word."""
    names = {
        PersonRole.KETUA: QCoreApplication.translate("AccountLabels", "Chair"),
        PersonRole.ANGGOTA: QCoreApplication.translate("AccountLabels", "Member"),
        PersonRole.STAFF: QCoreApplication.translate("AccountLabels", "Secretariat staff"),
        PersonRole.OFFICIAL: QCoreApplication.translate("AccountLabels", "Regency official"),
        PersonRole.OPERATOR: QCoreApplication.translate("AccountLabels", "Operator"),
    }
    try:
        return names[PersonRole(str(role))]
    except ValueError:
        return str(role)


def warning_text(code: str) -> str:
    """A sentence for a warning code of the account services (the value was kept)."""
    texts = {
        "facebook_personal_profile": QCoreApplication.translate(
            "AccountLabels",
            "This looks like a personal Facebook profile. Official accounts must be Pages.",
        ),
        "phone_landline": QCoreApplication.translate(
            "AccountLabels", "This is a landline number: it cannot receive SMS codes."
        ),
        "recovery_phone_landline": QCoreApplication.translate(
            "AccountLabels", "The recovery phone is a landline: it cannot receive SMS codes."
        ),
        "recovery_email_personal": QCoreApplication.translate(
            "AccountLabels", "The recovery e-mail belongs to a person, not the office."
        ),
        "recovery_email_free_provider": QCoreApplication.translate(
            "AccountLabels",
            "The recovery e-mail is a free address whose owner is not recorded.",
        ),
        "recovery_phone_personal": QCoreApplication.translate(
            "AccountLabels", "The recovery phone (SIM) belongs to or is held by a person."
        ),
        "twofa_device_personal": QCoreApplication.translate(
            "AccountLabels", "Two-factor codes arrive on a person's own device."
        ),
        "page_few_office_admins": QCoreApplication.translate(
            "AccountLabels",
            "Fewer than two regency officials have full control of this Page.",
        ),
        "page_committee_full_control": QCoreApplication.translate(
            "AccountLabels",
            "A committee member has full control of this Page; give them partial or task "
            "access instead.",
        ),
    }
    return texts.get(code, code)


def secret_field_label(name: str) -> str:
    """What an audit event about an account touched ("password", "totp", …)."""
    names = {
        "password": QCoreApplication.translate("AccountLabels", "password"),
        "totp": QCoreApplication.translate("AccountLabels", "TOTP code"),
        "totp_secret": QCoreApplication.translate("AccountLabels", "authenticator key"),
        "backup_codes": QCoreApplication.translate("AccountLabels", "backup codes"),
        "notes": QCoreApplication.translate("AccountLabels", "secret notes"),
        "username": QCoreApplication.translate("AccountLabels", "username"),
        "password_history": QCoreApplication.translate("AccountLabels", "old passwords"),
    }
    return names.get(name, name)
