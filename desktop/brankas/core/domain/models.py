"""Domain records: one frozen dataclass per stored row (or aggregate), free of SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from brankas.core.domain.enums import (
    AccountStatus,
    Election,
    HandoverKind,
    LifecycleKind,
    OfficeKind,
    Owner,
    PageAccess,
    PersonRole,
    Platform,
    Role,
    RotationReason,
    TwoFactorMethod,
)
from brankas.core.secret import Secret

# Every record is keyword-only: rows have many optional columns, and a call site that
# names its fields cannot silently swap two ids. ``id = 0`` means "not stored yet"; the
# repository's add function returns the record with its new id.


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC (what repositories store)."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    """The vault's single metadata row."""

    vault_id: str
    epoch: int = 0  # bumped on every rekey and export; mirrored in vault.keys
    created_at: datetime = field(default_factory=utc_now)
    app_version: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Office:
    """A Bawaslu office: the regency/city that owns the vault, or a reviewing province."""

    id: int = 0
    kind: OfficeKind
    name: str
    code: str = ""  # office/region code used in BAST numbers and archive names
    province: str = ""
    region_code: str = ""
    address: str = ""
    city: str = ""
    head_name: str = ""
    head_nip: str = ""
    secretariat_name: str = ""
    secretariat_nip: str = ""
    language: str = "id"


@dataclass(frozen=True, slots=True, kw_only=True)
class Kecamatan:
    """A sub-district; retired rather than deleted once it has history."""

    id: int = 0
    office_id: int
    name: str
    code: str = ""
    retired_at: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """A masa tugas: the committees formed by one SK for one election."""

    id: int = 0
    name: str
    election: Election
    year: int
    sk_number: str = ""
    sk_date: date | None = None
    start_date: date
    end_date: date


@dataclass(frozen=True, slots=True, kw_only=True)
class TermKecamatanEnd:
    """A kecamatan covered by a term, with its own end date when it differs."""

    term_id: int
    kecamatan_id: int
    end_date: date | None = None  # None: the term's end_date applies
    note: str = ""  # why it differs, e.g. a Constitutional-Court dispute

    def effective_end(self, term: Term) -> date:
        """The day this kecamatan's term ends."""
        return self.end_date if self.end_date is not None else term.end_date


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """A committee member, secretariat staff, regency official or operator."""

    id: int = 0
    name: str
    role: PersonRole
    kecamatan_id: int | None = None
    term_id: int | None = None
    position: str = ""
    phone: str = ""
    email: str = ""
    nip: str = ""
    nik: str = ""
    institution: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Account:
    """An online account and its recovery chain; never holds a secret."""

    id: int = 0
    platform: Platform
    handle: str
    display_name: str = ""
    url: str = ""
    kecamatan_id: int | None = None
    term_id: int | None = None
    lifecycle_kind: LifecycleKind = LifecycleKind.AD_HOC
    status: AccountStatus = AccountStatus.PLANNED
    active_from: date | None = None
    active_until: date | None = None
    activated_at: datetime | None = None
    deactivated_at: datetime | None = None
    recovery_email: str = ""
    recovery_email_account_id: int | None = None  # the e-mail account, if in the vault
    recovery_email_owner: Owner = Owner.UNKNOWN
    recovery_email_person_id: int | None = None
    recovery_phone: str = ""
    recovery_phone_account_id: int | None = None  # the phone/SIM, if in the vault
    recovery_phone_owner: Owner = Owner.UNKNOWN
    recovery_phone_holder_person_id: int | None = None
    twofa_method: TwoFactorMethod = TwoFactorMethod.NONE
    twofa_device: str = ""
    twofa_device_owner: Owner = Owner.UNKNOWN
    twofa_device_person_id: int | None = None
    backup_codes_remaining: int | None = None
    backup_codes_regenerated_at: datetime | None = None
    needs_password_change: bool = False
    password_changed_at: datetime | None = None
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountSecrets:
    """The secret fields of one account; each is masked in repr."""

    account_id: int
    password: Secret | None = None
    totp_secret: Secret | None = None
    backup_codes: Secret | None = None  # one code per line
    notes: Secret | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PasswordHistoryEntry:
    """A password an account used to have: ``password`` was replaced at ``changed_at``."""

    id: int = 0
    account_id: int
    password: Secret
    changed_at: datetime
    changed_by_operator_id: str | None = None
    reason: RotationReason


@dataclass(frozen=True, slots=True, kw_only=True)
class Custody:
    """Who held an account from when to when (holder None: the office itself)."""

    id: int = 0
    account_id: int
    holder_person_id: int | None
    from_at: datetime
    until_at: datetime | None = None
    handover_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoverItem:
    """An account listed on a BAST, and when its password was changed afterwards."""

    handover_id: int = 0
    account_id: int
    password_changed_at: datetime | None = None

    @property
    def password_changed_after(self) -> bool:
        """Whether the password was changed after this handover."""
        return self.password_changed_at is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class Handover:
    """A serah terima recorded by a BAST, with its witnesses and items in order."""

    id: int = 0
    number: str  # the BAST number, unique in the vault
    kind: HandoverKind
    date: date
    place: str = ""
    term_id: int | None = None
    first_party_person_id: int
    second_party_person_id: int
    mengetahui_person_id: int | None = None
    notes: str = ""
    created_at: datetime = field(default_factory=utc_now)
    created_by_operator_id: str | None = None
    witness_person_ids: tuple[int, ...] = ()
    items: tuple[HandoverItem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecklistTemplateStep:
    """One step of a platform's deactivation checklist."""

    id: int = 0
    platform: Platform
    step_key: str
    position: int = 0
    text_id: str
    text_en: str
    active: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecklistItem:
    """A checklist step copied onto one account, done or not."""

    id: int = 0
    account_id: int
    step_key: str
    position: int = 0
    text_id: str
    text_en: str
    done_at: datetime | None = None
    done_by_operator_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PageAccessEntry:
    """Someone with access to a Facebook Page, from ``added_at`` until ``removed_at``."""

    id: int = 0
    account_id: int
    person_id: int | None = None
    person_name: str
    access: PageAccess
    added_at: datetime
    removed_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Operator:
    """A person who can unlock the vault; ``id`` is the key-slot id."""

    id: str
    name: str
    role: Role
    created_at: datetime = field(default_factory=utc_now)
    removed_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEvent:
    """One link of the hash-chained audit log."""

    seq: int
    at: datetime
    operator_id: str | None
    kind: str
    target: str | None = None
    detail_json: str = "{}"
    prev_hash: bytes | None
    hash: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class Attachment:
    """A stored file's description (scanned BAST, SK); the bytes are read separately."""

    id: int = 0
    owner_kind: str  # e.g. "handover", "term", "account"
    owner_id: int
    filename: str
    mime: str
    sha256: str  # hex
    size: int
    added_at: datetime = field(default_factory=utc_now)
    added_by_operator_id: str | None = None
