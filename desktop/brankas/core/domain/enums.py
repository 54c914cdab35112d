"""Persisted enumerations. Values are stored in the database and in archives: never change one."""

from __future__ import annotations

from enum import StrEnum


class OfficeKind(StrEnum):
    REGENCY = "regency"  # Bawaslu Kabupaten/Kota: owns accounts
    PROVINCE = "province"  # Bawaslu Provinsi: reviews archives


class Role(StrEnum):
    ADMIN = "admin"
    OPERATOR = "operator"


class Platform(StrEnum):
    INSTAGRAM = "instagram"
    FACEBOOK_PAGE = "facebook_page"
    X = "x"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    EMAIL = "email"
    PHONE = "phone"  # a SIM / phone number used for recovery codes
    OTHER = "other"


class Election(StrEnum):
    PEMILU = "pemilu"
    PILKADA = "pilkada"


class LifecycleKind(StrEnum):
    AD_HOC = "ad_hoc"  # lives for one term, deactivated at its end
    PERMANENT = "permanent"  # kept across elections, handed to the next committee


class AccountStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    RETURNED = "returned"
    DEACTIVATED = "deactivated"
    RETAINED = "retained"
    ARCHIVED = "archived"


class PersonRole(StrEnum):
    KETUA = "ketua"
    ANGGOTA = "anggota"
    STAFF = "staff"  # secretariat staff of the committee
    OFFICIAL = "official"  # regency official (party, witness, "mengetahui")
    OPERATOR = "operator"


class Owner(StrEnum):
    """Who a link of the recovery chain belongs to."""

    OFFICE = "office"
    PERSON = "person"
    UNKNOWN = "unknown"


class TwoFactorMethod(StrEnum):
    NONE = "none"
    TOTP = "totp"  # authenticator app
    SMS = "sms"
    EMAIL = "email"
    SECURITY_KEY = "security_key"


class PageAccess(StrEnum):
    """Facebook Page access levels."""

    FULL = "full"  # Facebook access, full control
    PARTIAL = "partial"  # Facebook access, partial control
    TASK = "task"  # task access


class HandoverKind(StrEnum):
    ISSUE = "issue"  # regency -> committee
    RETURN = "return"  # committee -> regency
    NEXT_COMMITTEE = "next_committee"  # retained account -> the next committee


class RotationReason(StrEnum):
    INITIAL = "initial"
    HANDOVER = "handover"  # after an account came back from a committee
    ROUTINE = "routine"
    COMPROMISE = "compromise"  # suspected compromise
    OPERATOR_REMOVED = "operator_removed"
    IMPORT = "import"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
