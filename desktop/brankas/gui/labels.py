"""Translated names for persisted enums (roles, office kinds, audit event kinds, platforms)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import OfficeKind, Platform, Role
from brankas.core.errors import KeyTableRepaired, StaleVault
from brankas.core.vault.vault import VaultWarning
from brankas.gui.errors import error_message


def role_label(role: Role | str) -> str:
    """ "Admin" / "Operator" in the current language."""
    if str(role) == Role.ADMIN:
        return QCoreApplication.translate("Labels", "Admin")
    return QCoreApplication.translate("Labels", "Operator")


def office_kind_label(kind: OfficeKind | str) -> str:
    """The kind of office that owns a vault."""
    if str(kind) == OfficeKind.PROVINCE:
        return QCoreApplication.translate("Labels", "Bawaslu Province")
    return QCoreApplication.translate("Labels", "Bawaslu Regency/City")


def platform_label(platform: Platform | str) -> str:
    """A platform's display name (brand names stay as they are)."""
    names = {
        Platform.INSTAGRAM: "Instagram",
        Platform.FACEBOOK_PAGE: QCoreApplication.translate("Labels", "Facebook Page"),
        Platform.X: "X (Twitter)",
        Platform.TIKTOK: "TikTok",
        Platform.YOUTUBE: "YouTube",
        Platform.EMAIL: QCoreApplication.translate("Labels", "E-mail"),
        Platform.PHONE: QCoreApplication.translate("Labels", "Phone number"),
        Platform.OTHER: QCoreApplication.translate("Labels", "Other"),
    }
    try:
        return names[Platform(str(platform))]
    except ValueError:
        return str(platform)


def audit_kind_label(kind: AuditKind | str) -> str:
    """What an audit event records, as a short phrase."""
    names = {
        AuditKind.VAULT_CREATED: QCoreApplication.translate("Labels", "Vault created"),
        AuditKind.UNLOCK: QCoreApplication.translate("Labels", "Unlocked"),
        AuditKind.UNLOCK_FAILED: QCoreApplication.translate("Labels", "Failed unlock"),
        AuditKind.LOCK: QCoreApplication.translate("Labels", "Locked"),
        AuditKind.REVEAL: QCoreApplication.translate("Labels", "Secret revealed"),
        AuditKind.COPY: QCoreApplication.translate("Labels", "Secret copied"),
        AuditKind.CREATE: QCoreApplication.translate("Labels", "Created"),
        AuditKind.CHANGE: QCoreApplication.translate("Labels", "Changed"),
        AuditKind.DELETE: QCoreApplication.translate("Labels", "Deleted"),
        AuditKind.TRANSITION: QCoreApplication.translate("Labels", "Status changed"),
        AuditKind.HANDOVER: QCoreApplication.translate("Labels", "Handover"),
        AuditKind.EXPORT: QCoreApplication.translate("Labels", "Exported"),
        AuditKind.IMPORT: QCoreApplication.translate("Labels", "Imported"),
        AuditKind.OPERATOR_ADDED: QCoreApplication.translate("Labels", "Operator added"),
        AuditKind.OPERATOR_REMOVED: QCoreApplication.translate("Labels", "Operator removed"),
        AuditKind.OPERATOR_PASSWORD_CHANGED: QCoreApplication.translate(
            "Labels", "Operator password changed"
        ),
        AuditKind.RECOVERY_USED: QCoreApplication.translate("Labels", "Recovery kit used"),
        AuditKind.RECOVERY_KIT_REPLACED: QCoreApplication.translate("Labels", "New recovery kit"),
        AuditKind.REKEY: QCoreApplication.translate("Labels", "Vault key replaced"),
        AuditKind.REKEY_ABANDONED: QCoreApplication.translate(
            "Labels", "Key replacement abandoned"
        ),
        AuditKind.DEVICE_ENABLED: QCoreApplication.translate("Labels", "Remembered on a PC"),
        AuditKind.DEVICE_DISABLED: QCoreApplication.translate(
            "Labels", "No longer remembered on a PC"
        ),
        AuditKind.BACKUP: QCoreApplication.translate("Labels", "Backup made"),
        AuditKind.RESTORE: QCoreApplication.translate("Labels", "Backup restored"),
        AuditKind.MIGRATION: QCoreApplication.translate("Labels", "Vault upgraded"),
        AuditKind.KEY_TABLE_REPAIRED: QCoreApplication.translate("Labels", "Key file repaired"),
        AuditKind.STALE_WARNING: QCoreApplication.translate("Labels", "Old database warning"),
    }
    try:
        return names[AuditKind(str(kind))]
    except ValueError:
        return str(kind)


def vault_warning_text(warning: str, failed_unlocks: int = 0) -> str:
    """What to tell the user about a warning raised while the vault opened."""
    if warning == VaultWarning.KEY_TABLE_REPAIRED:
        return error_message(KeyTableRepaired(""))
    if warning == VaultWarning.STALE_DATABASE:
        return error_message(StaleVault(""))
    if warning == VaultWarning.REKEY_COMPLETED:
        return QCoreApplication.translate(
            "Labels", "An interrupted change of the vault key was completed."
        )
    if warning == VaultWarning.REKEY_ABANDONED:
        return QCoreApplication.translate(
            "Labels",
            "An interrupted change of the vault key had not reached the database and was "
            "undone; the vault is as it was before.",
        )
    if warning == VaultWarning.FAILED_UNLOCKS and failed_unlocks == 1:
        return QCoreApplication.translate(
            "Labels",
            "There was one failed attempt to unlock this vault since it was last opened. "
            "The audit log shows when.",
        )
    if warning == VaultWarning.FAILED_UNLOCKS:
        return QCoreApplication.translate(
            "Labels",
            "There were {count} failed attempts to unlock this vault since it was last "
            "opened. The audit log shows when.",
        ).format(count=failed_unlocks)
    return str(warning)


def failed_unlock_label(reason: str) -> str:
    """Why an unlock failed, as noted by core (an exception class name)."""
    names = {
        "WrongPassword": QCoreApplication.translate("Labels", "wrong password"),
        "UnknownOperator": QCoreApplication.translate("Labels", "unknown operator name"),
        "WrongRecoveryKit": QCoreApplication.translate("Labels", "wrong recovery kit"),
    }
    return names.get(reason, reason)
