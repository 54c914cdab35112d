"""A small, plainly fictional vault with a row in every table (shared by storage tests).

Also used (once) to write tests/fixtures/vault_v1.db; see test_storage_migrations.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

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
from brankas.core.domain.models import (
    Account,
    AccountSecrets,
    Attachment,
    AuditEvent,
    ChecklistItem,
    ChecklistTemplateStep,
    Custody,
    Handover,
    HandoverItem,
    Kecamatan,
    Meta,
    Office,
    Operator,
    PageAccessEntry,
    PasswordHistoryEntry,
    Person,
    Term,
    TermKecamatanEnd,
)
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import (
    account,
    attachment,
    audit,
    checklist,
    custody,
    handover,
    office,
    operator,
    page_access,
    person,
    secrets,
    settings,
    term,
)

WITA = timezone(timedelta(hours=8))  # Buol is in Central Sulawesi: UTC+8
T0 = datetime(2024, 9, 20, 9, 30, tzinfo=WITA)
CANARY = "CANARY-kata-sandi-Biau-7f3a9"  # a password that must never be on disk in clear
AUDIT_KEY = bytes(range(32))
PDF = b"%PDF-1.4\n% fictional scanned BAST\n" + bytes(range(256)) * 8


@dataclass(frozen=True, slots=True)
class Sample:
    office: Office
    kecamatan: list[Kecamatan]
    term: Term
    ketua: Person
    official: Person
    witness: Person
    operator: Operator
    email: Account
    instagram: Account
    handover: Handover
    custody: Custody
    attachment: Attachment


def populate(conn: Connection) -> Sample:
    """Fill every table of a migrated, empty vault; returns what was stored."""
    settings.init_meta(
        conn,
        Meta(vault_id="a" * 32, epoch=3, created_at=T0, app_version="0.1.0"),
        audit_key=AUDIT_KEY,
    )
    off = office.add_office(
        conn,
        Office(
            kind=OfficeKind.REGENCY,
            name="Bawaslu Kabupaten Buol",
            code="BUOL",
            province="Sulawesi Tengah",
            region_code="72.05",
            address="Jl. Contoh No. 1",
            city="Buol",
            head_name="Ketua Fiktif",
            head_nip="197001012000031001",
            secretariat_name="Koordinator Fiktif",
            secretariat_nip="198002022005012002",
        ),
    )
    kecs = [
        office.add_kecamatan(conn, Kecamatan(office_id=off.id, name=n, code=f"72.05.0{i}"))
        for i, n in enumerate(("Biau", "Bokat", "Paleleh Barat"), start=1)
    ]
    tm = term.add_term(
        conn,
        Term(
            name="Pilkada 2024",
            election=Election.PILKADA,
            year=2024,
            sk_number="001/HK.01.01/K.ST-05/09/2024",
            sk_date=date(2024, 9, 18),
            start_date=date(2024, 9, 20),
            end_date=date(2025, 1, 27),
        ),
    )
    for k in kecs:
        extended = k.name == "Bokat"
        term.set_term_kecamatan(
            conn,
            TermKecamatanEnd(
                term_id=tm.id,
                kecamatan_id=k.id,
                end_date=date(2025, 2, 28) if extended else None,
                note="sengketa MK" if extended else "",
            ),
        )
    ketua = person.add_person(
        conn,
        Person(
            name="Ketua Panwascam Fiktif",
            role=PersonRole.KETUA,
            kecamatan_id=kecs[0].id,
            term_id=tm.id,
            position="Ketua Panwaslu Kecamatan Biau",
            phone="0812-0000-0001",
            email="ketua.fiktif@example.org",
            nik="7205000000000001",
        ),
    )
    official = person.add_person(
        conn,
        Person(name="Pejabat Fiktif", role=PersonRole.OFFICIAL, nip="198503032010011003"),
    )
    witness = person.add_person(
        conn, Person(name="Saksi Fiktif", role=PersonRole.STAFF, institution="Sekretariat")
    )
    op = operator.add_operator(
        conn, Operator(id="slot-op-1", name="Operator Fiktif", role=Role.ADMIN, created_at=T0)
    )
    email = account.add_account(
        conn,
        Account(
            platform=Platform.EMAIL,
            handle="panwascam.biau@example.org",
            kecamatan_id=kecs[0].id,
            term_id=tm.id,
            lifecycle_kind=LifecycleKind.PERMANENT,
            status=AccountStatus.ACTIVE,
            recovery_phone="0811-0000-0000",
            recovery_phone_owner=Owner.OFFICE,
            created_at=T0,
            updated_at=T0,
        ),
    )
    ig = account.add_account(
        conn,
        Account(
            platform=Platform.INSTAGRAM,
            handle="panwascam.biau",
            display_name="Panwaslu Kecamatan Biau",
            url="https://instagram.com/panwascam.biau",
            kecamatan_id=kecs[0].id,
            term_id=tm.id,
            status=AccountStatus.ACTIVE,
            active_from=date(2024, 9, 20),
            active_until=date(2025, 1, 27),
            activated_at=T0 + timedelta(days=1),
            recovery_email="panwascam.biau@example.org",
            recovery_email_account_id=email.id,
            recovery_email_owner=Owner.OFFICE,
            recovery_phone="0812-0000-0001",
            recovery_phone_owner=Owner.PERSON,
            recovery_phone_holder_person_id=ketua.id,
            twofa_method=TwoFactorMethod.TOTP,
            twofa_device="HP kantor",
            twofa_device_owner=Owner.OFFICE,
            backup_codes_remaining=8,
            backup_codes_regenerated_at=T0,
            needs_password_change=True,
            password_changed_at=T0,
            created_at=T0,
            updated_at=T0 + timedelta(hours=2),
        ),
    )
    secrets.set_secrets(
        conn,
        AccountSecrets(
            account_id=ig.id,
            password=Secret(CANARY),
            totp_secret=Secret("JBSWY3DPEHPK3PXP"),
            backup_codes=Secret("1111 2222\n3333 4444"),
            notes=Secret("catatan fiktif"),
        ),
    )
    secrets.append_password_history(
        conn,
        PasswordHistoryEntry(
            account_id=ig.id,
            password=Secret("sandi-lama-fiktif"),
            changed_at=T0,
            changed_by_operator_id=op.id,
            reason=RotationReason.INITIAL,
        ),
    )
    ho = handover.add_handover(
        conn,
        Handover(
            number="001/BA/BUOL/IX/2024",
            kind=HandoverKind.ISSUE,
            date=date(2024, 9, 21),
            place="Buol",
            term_id=tm.id,
            first_party_person_id=official.id,
            second_party_person_id=ketua.id,
            mengetahui_person_id=official.id,
            notes="serah terima fiktif",
            created_at=T0,
            created_by_operator_id=op.id,
            witness_person_ids=(witness.id,),
            items=(HandoverItem(account_id=ig.id), HandoverItem(account_id=email.id)),
        ),
    )
    cus = custody.open_custody(
        conn,
        Custody(
            account_id=ig.id,
            holder_person_id=ketua.id,
            from_at=T0 + timedelta(days=1),
            handover_id=ho.id,
        ),
    )
    step = checklist.add_template_step(
        conn,
        ChecklistTemplateStep(
            platform=Platform.FACEBOOK_PAGE,
            step_key="remove_members",
            position=1,
            text_id="Hapus anggota dari akses Halaman",
            text_en="Remove members from Page access",
        ),
    )
    checklist.add_checklist_items(
        conn,
        [
            ChecklistItem(
                account_id=ig.id,
                step_key=step.step_key,
                position=1,
                text_id=step.text_id,
                text_en=step.text_en,
            )
        ],
    )
    page_access.add_page_access(
        conn,
        PageAccessEntry(
            account_id=ig.id,
            person_id=ketua.id,
            person_name=ketua.name,
            access=PageAccess.PARTIAL,
            added_at=T0,
        ),
    )
    audit.append_event(
        conn,
        AuditEvent(
            seq=1,
            at=T0,
            operator_id=op.id,
            kind="vault_created",
            detail_json='{"note": "fiktif"}',
            prev_hash=b"\x00" * 32,
            hash=b"\x01" * 32,
        ),
    )
    att = attachment.add_attachment(
        conn,
        Attachment(
            owner_kind="handover",
            owner_id=ho.id,
            filename="bast-001.pdf",
            mime="application/pdf",
            sha256="",
            size=0,
            added_at=T0,
            added_by_operator_id=op.id,
        ),
        PDF,
    )
    settings.set_setting(conn, "clipboard_clear_seconds", 15)
    settings.set_setting(conn, "required_platforms", ["instagram", "facebook_page", "x"])
    return Sample(off, kecs, tm, ketua, official, witness, op, email, ig, ho, cus, att)


def utc(value: datetime) -> datetime:
    """The same instant in UTC (what the repositories return)."""
    return value.astimezone(UTC)
