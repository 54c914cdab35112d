"""Helpers for the archive tests: plainly fictional regency data, raw ZIP crafting, forging."""

from __future__ import annotations

import dataclasses
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pyrage

from brankas.core.archive import container, keys
from brankas.core.archive import format as fmt
from brankas.core.archive.export import ExportResult, export_archive
from brankas.core.archive.format import FileEntry, Manifest
from brankas.core.archive.minisign import SigningKey
from brankas.core.domain.enums import (
    AccountStatus,
    Election,
    LifecycleKind,
    OfficeKind,
    Owner,
    PageAccess,
    PersonRole,
    Platform,
    TwoFactorMethod,
)
from brankas.core.domain.models import (
    Account,
    AccountSecrets,
    Custody,
    Kecamatan,
    PageAccessEntry,
    Person,
    Term,
)
from brankas.core.secret import Secret
from brankas.core.storage.db import transaction
from brankas.core.storage.repos import account, custody, office, page_access, person, term
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY, fast_kdf

PASSWORD = "kata sandi admin panjang"
# Values that must never appear in an error message or on disk in clear.
MARKER_PASSWORD = "Rahasia-Contoh-Sandi-0001"
MARKER_HANDLE = "panwascam.biau.contoh"
KECAMATAN = ("Biau", "Bokat", "Bukal")


def make_province(folder: Path, name: str = "Bawaslu Provinsi Sulawesi Tengah") -> Vault:
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.PROVINCE,
        office_name=name,
        admin_name="Admin Provinsi",
        admin_password=Secret(PASSWORD),
        kdf=fast_kdf(),
        policy=FAST_POLICY,
    )
    return vault


def make_regency(folder: Path, *, code: str = "BUOL", accounts: int = 6) -> Vault:
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Buol",
        admin_name="Admin Kabupaten",
        admin_password=Secret(PASSWORD),
        kdf=fast_kdf(),
        policy=FAST_POLICY,
    )
    populate(vault, code=code, accounts=accounts)
    return vault


def populate(vault: Vault, *, code: str, accounts: int) -> int:
    """A few kecamatan, one term, people and accounts with secrets; returns the term id."""
    conn = vault.conn
    own = office.own_office(conn)
    office.update_office(conn, dataclasses.replace(own, code=code))
    with transaction(conn):
        kec = [
            office.add_kecamatan(conn, Kecamatan(office_id=own.id, name=n)).id for n in KECAMATAN
        ]
        tm = term.add_term(
            conn,
            Term(
                name="Pilkada 2024",
                election=Election.PILKADA,
                year=2024,
                start_date=date(2024, 5, 1),
                end_date=date(2025, 1, 27),
            ),
        )
        ketua = person.add_person(
            conn,
            Person(name="Ketua Contoh", role=PersonRole.KETUA, kecamatan_id=kec[0], term_id=tm.id),
        )
        rows, secrets = [], []
        platforms = (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
        for i in range(accounts):
            platform = platforms[i % 3]
            rows.append(
                Account(
                    platform=platform,
                    handle=MARKER_HANDLE if i == 0 else f"panwascam.contoh.{i:03d}",
                    kecamatan_id=kec[i % len(kec)],
                    term_id=tm.id,
                    lifecycle_kind=LifecycleKind.AD_HOC,
                    status=AccountStatus.ACTIVE,
                    active_from=date(2024, 5, 1),
                    active_until=date(2025, 1, 27),
                    activated_at=datetime(2024, 5, 2, 3, tzinfo=UTC),
                    recovery_email=f"panwascam{i}@contoh.invalid",
                    recovery_email_owner=Owner.OFFICE,
                    twofa_method=TwoFactorMethod.TOTP if i % 2 else TwoFactorMethod.NONE,
                )
            )
            secrets.append(
                AccountSecrets(
                    account_id=0,
                    password=Secret(MARKER_PASSWORD if i == 0 else f"sandi-contoh-{i}-ü"),
                    totp_secret=Secret("JBSWY3DPEHPK3PXP") if i % 2 else None,
                    backup_codes=Secret("11111111\n22222222") if i % 3 == 0 else None,
                    notes=None,
                )
            )
        ids = account.add_accounts(conn, rows, secrets)
        custody.open_custody(
            conn,
            Custody(
                account_id=ids[0],
                holder_person_id=ketua.id,
                from_at=datetime(2024, 5, 2, 3, tzinfo=UTC),
            ),
        )
        page_access.add_page_access(
            conn,
            PageAccessEntry(
                account_id=ids[1 % len(ids)],
                person_id=ketua.id,
                person_name=ketua.name,
                access=PageAccess.PARTIAL,
                added_at=datetime(2024, 5, 3, 3, tzinfo=UTC),
            ),
        )
    return tm.id


@dataclass
class Pair:
    """A province, a regency that exports to it, and the folder the archives go to."""

    province: Vault
    regency: Vault
    out: Path
    term_id: int = 1

    def export(self, **kw: object) -> ExportResult:
        kw.setdefault("term_ids", [self.term_id])
        return export_archive(self.regency, out_dir=self.out, **kw)  # type: ignore[arg-type]

    @property
    def identity(self) -> Secret:
        return keys.own_identity(self.province.conn)


# --- raw ZIP crafting (layouts zipfile would never write) -------------------------------------
def raw_zip(
    members: Sequence[tuple[str, bytes]],
    *,
    cd: Sequence[tuple[str, int, int, int]] | None = None,
) -> bytes:
    """A ZIP written by hand (stored members): local headers, a central directory, the end
    record. ``cd`` replaces the directory with (name, offset, compressed size, size)
    entries, for overlap and lying-header tests."""
    out = bytearray()
    entries = []
    for name, data in members:
        raw_name = name.encode("utf-8")
        crc = zlib.crc32(data)
        entries.append((raw_name, len(out), len(data), len(data), crc))
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0,
            0,
            0,
            0x21,
            crc,
            len(data),
            len(data),
            len(raw_name),
            0,
        )
        out += raw_name + data
    if cd is not None:
        entries = [(n.encode("utf-8"), off, cs, sz, 0) for n, off, cs, sz in cd]
    cd_start = len(out)
    for raw_name, offset, csize, size, crc in entries:
        out += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, 0, 0, 0, 0x21, crc, csize, size,
            len(raw_name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        out += raw_name
    cd_size = len(out) - cd_start
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), cd_size, cd_start, 0
    )
    return bytes(out)


# --- forging: a signer who writes whatever it likes ---------------------------------------------
def forge(
    manifest: Manifest,
    files: Sequence[tuple[str, bytes]],
    key: SigningKey,
    recipient: str,
    *,
    inner_manifest: bytes | None = None,
    keep_contents: bool = False,
    inner_zip: bytes | None = None,
) -> bytes:
    """A correctly signed archive around arbitrary payload files (the signer is the attacker)."""
    if not keep_contents:
        manifest = dataclasses.replace(manifest, contents=container.entries(files))
    manifest = dataclasses.replace(
        manifest, signer=key.public_key(), passphrase_payload=None, to_passphrase=False
    )
    inner = inner_zip
    if inner is None:
        own = manifest.inner_bytes() if inner_manifest is None else inner_manifest
        inner = container.write_inner([*files, (fmt.MANIFEST, own)])
    payload = pyrage.encrypt(inner, [pyrage.x25519.Recipient.from_str(recipient)])
    import hashlib

    manifest = dataclasses.replace(
        manifest, payload=FileEntry(fmt.PAYLOAD, hashlib.sha256(payload).hexdigest(), len(payload))
    )
    body = manifest.to_bytes()
    sig = key.sign(body, trusted_comment=manifest.trusted_comment, untrusted_comment="forged")
    return container.write_outer({fmt.MANIFEST: body, fmt.SIGNATURE: sig, fmt.PAYLOAD: payload})


def open_files(data: bytes, identity: Secret) -> tuple[Manifest, list[tuple[str, bytes]]]:
    """The manifest and payload files of a genuine archive (to tamper with and re-forge)."""
    import io
    import zipfile

    members = container.read_outer(data)
    manifest = fmt.parse_manifest(members[fmt.MANIFEST])
    inner = pyrage.decrypt(
        members[fmt.PAYLOAD], [pyrage.x25519.Identity.from_str(identity.reveal())]
    )
    with zipfile.ZipFile(io.BytesIO(inner)) as zf:
        files = [(n, zf.read(n)) for n in zf.namelist() if n != fmt.MANIFEST]
    return manifest, files
