"""Demo vault for Kabupaten Buol (plainly fictional people and passwords) and benchmark data.

The story runs on a simulated clock (October 2022 to March 2025), so custody periods,
handovers, rotations and the audit log carry the dates they would have had: Pemilu 2024
(committees installed late October 2022, ended) and Pilkada 2024 (ended 27 January 2025;
Momunu and Tiloan extended to 28 February 2025 by a Constitutional-Court dispute), in
mixed states — overdue, returned but not rotated, checklist half done, deactivated,
retained and continued, personal recovery phones, a kecamatan without an X account,
handovers with and without a signed scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from brankas.core.audit import AuditKind
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, KdfPolicy
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
)
from brankas.core.domain.models import Account, AccountSecrets, Person, Term
from brankas.core.keystore import DeviceKeyStore
from brankas.core.secret import Secret
from brankas.core.services import (
    accounts,
    checklist,
    continuation,
    handover,
    office,
    page_access,
    people,
    secrets,
    terms,
)
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover_wizard import HandoverDraft
from brankas.core.storage.repos import account as account_repo
from brankas.core.vault.vault import Vault

# fmt: off
KECAMATAN = (
    "Biau", "Bokat", "Bukal", "Bunobogu", "Gadung", "Karamat", "Lakea", "Momunu", "Paleleh",
    "Paleleh Barat", "Tiloan",
)
# fmt: on
OFFICE_NAME = "Bawaslu Kabupaten Buol"
ADMIN_NAME = "Admin Contoh"
EXTENDED = ("Momunu", "Tiloan")  # Pilkada term to 28 Feb 2025 (Constitutional Court)
PERMANENT_PAGES = ("Biau", "Gadung", "Momunu", "Paleleh")  # kept since Pemilu 2024
OVERDUE = ("Biau", "Bokat", "Tiloan")  # still with the committee after the term end
NOT_ROTATED = ("Bukal", "Bunobogu", "Paleleh Barat")
HALF_DONE = ("Gadung",)
PERSONAL_PHONE = ("Bokat", "Paleleh", "Paleleh Barat")
# fmt: off
_FIRST = (
    "Andi", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko", "Kartika",
    "Lukman", "Maya", "Nanda", "Oki", "Putri", "Rahmat", "Sari", "Taufik", "Umi", "Wahyu",
    "Yuni", "Zainal",
)
# fmt: on
_LAST = ("Contoh", "Fiktif", "Rekaan", "Samaran")
_TOTP_EXAMPLE = "JBSWY3DPEHPK3PXP"  # the textbook example key, not a real one
# A tiny, valid one-page PDF standing in for a signed scan.
_SCAN = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class _StoryClock:
    def __init__(self) -> None:
        self.now = datetime(2022, 10, 20, 3, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def at(self, day: date, hour_wib: int = 10) -> None:
        self.now = datetime(day.year, day.month, day.day, hour_wib - 7, tzinfo=UTC)


def build_demo_vault(
    folder: Path | str,
    *,
    password: Secret | str,
    policy: KdfPolicy = PRODUCTION_POLICY,
    kdf: KdfParams | None = None,
    keystore: DeviceKeyStore | None = None,
) -> tuple[Vault, str]:
    """Create a demo vault in ``folder`` (admin "Admin Contoh") and fill it.

    Args:
        folder: where to create the vault (must not hold one).
        password: the admin's password.
        policy, kdf: KDF policy and parameters (None: calibrate on this PC).
        keystore: device-key store (default: in memory).

    Returns:
        The open vault and its recovery key (48 digits).

    Raises:
        VaultExists, VaultReadOnly, DiskFull: as ``Vault.create``.
    """
    vault, kit = Vault.create(
        Path(folder),
        office_kind=OfficeKind.REGENCY,
        office_name=OFFICE_NAME,
        admin_name=ADMIN_NAME,
        admin_password=password if isinstance(password, Secret) else Secret(password),
        kdf=kdf,
        policy=policy,
        keystore=keystore,
    )
    try:
        clock = _StoryClock()
        _Story(ServiceContext(vault, clock=clock), clock).run()
        vault.backup("demo")
    except BaseException:
        vault.close(backup=False)
        raise
    return vault, kit


@dataclass
class _Committee:
    ketua: Person
    anggota: tuple[Person, ...]


class _Story:
    def __init__(self, ctx: ServiceContext, clock: _StoryClock) -> None:
        self.ctx, self.clock = ctx, clock
        self.kec: dict[str, int] = {}
        self.names = (f"{a} {b}" for b in _LAST for a in _FIRST)

    def run(self) -> None:
        ctx, at = self.ctx, self.clock.at
        self._office()
        at(date(2022, 10, 27))
        pemilu = terms.add_term(
            ctx,
            election=Election.PEMILU,
            year=2024,
            start_date=date(2022, 10, 29),
            end_date=date(2024, 4, 30),
            sk_number="SK-CONTOH/PM/X/2022",
            sk_date=date(2022, 10, 25),
        )
        terms.attach_kecamatan(ctx, pemilu.id, list(self.kec.values()))
        committees = self._committees(pemilu)
        issued = {k: self._pemilu_accounts(k, pemilu) for k in KECAMATAN}
        at(date(2022, 11, 1))
        self._batch(HandoverKind.ISSUE, pemilu, committees, issued, date(2022, 11, 1))
        at(date(2024, 4, 25))
        pilkada = terms.add_term(
            ctx,
            election=Election.PILKADA,
            year=2024,
            start_date=date(2024, 5, 1),
            end_date=date(2025, 1, 27),
            sk_number="SK-CONTOH/PK/IV/2024",
            sk_date=date(2024, 4, 24),
        )
        terms.attach_kecamatan(ctx, pilkada.id, list(self.kec.values()))
        for k in EXTENDED:
            terms.set_kecamatan_end(
                ctx,
                pilkada.id,
                self.kec[k],
                date(2025, 2, 28),
                note="Diperpanjang: perselisihan hasil di Mahkamah Konstitusi",
            )
        at(date(2024, 4, 30), 14)
        self._batch(HandoverKind.RETURN, pemilu, committees, issued, date(2024, 4, 30), scan=True)
        at(date(2024, 5, 2))
        for ids in issued.values():
            self._rotate(ids, "2024")
            self._finish(ids)
        at(date(2024, 5, 20))
        committees = self._committees(pilkada)
        fresh = {k: self._pilkada_accounts(k, pilkada, committees[k]) for k in KECAMATAN}
        at(date(2024, 5, 21))
        self._batch(HandoverKind.ISSUE, pilkada, committees, fresh, date(2024, 5, 21), scan=True)
        for k in PERMANENT_PAGES:
            page = next(a for a in continuation.retained_accounts(ctx, kecamatan_id=self.kec[k]))
            continuation.continue_to_term(
                ctx,
                account_ids=[page.id],
                term_id=pilkada.id,
                office_party_id=self.official.id,
                committee_party_id=committees[k].ketua.id,
                on=date(2024, 5, 21),
                witness_ids=[self.witness.id],
                mengetahui_id=self.head.id,
            )
            fresh[k].append(page.id)
            self._page_roster(page.id, committees[k])
        self._term_end(pilkada, committees, fresh)

    def _office(self) -> None:
        ctx = self.ctx
        office.update_office(
            ctx,
            code="BWS.BUOL",
            province="Sulawesi Tengah",
            region_code="72.05",
            address="Jl. Contoh Raya No. 1 (alamat fiktif)",
            city="Buol",
            head_name="Ahmad Rekaan, S.H. (contoh)",
            secretariat_name="Rina Contoh, S.E.",
        )
        for name in KECAMATAN:
            self.kec[name] = office.add_kecamatan(ctx, name).id
        official = PersonRole.OFFICIAL
        inst = OFFICE_NAME
        self.official = people.add_person(
            ctx,
            name="Rina Contoh",
            role=official,
            position="Koordinator Sekretariat",
            institution=inst,
        )
        self.head = people.add_person(
            ctx, name="Ahmad Rekaan", role=official, position="Ketua", institution=inst
        )
        self.deputy = people.add_person(
            ctx, name="Dedi Fiktif", role=official, position="Kepala Subbagian", institution=inst
        )
        self.witness = people.add_person(
            ctx,
            name="Operator Contoh",
            role=PersonRole.OPERATOR,
            position="Staf Humas dan Datin",
            institution=inst,
        )

    def _committees(self, term: Term) -> dict[str, _Committee]:
        out: dict[str, _Committee] = {}
        for k, kid in self.kec.items():
            inst = f"Panwaslu Kecamatan {k}"
            ketua = people.add_person(
                self.ctx,
                name=next(self.names),
                role=PersonRole.KETUA,
                kecamatan_id=kid,
                term_id=term.id,
                position=f"Ketua Panwaslu Kecamatan {k}",
                institution=inst,
            )
            anggota = tuple(
                people.add_person(
                    self.ctx,
                    name=next(self.names),
                    role=PersonRole.ANGGOTA,
                    kecamatan_id=kid,
                    term_id=term.id,
                    position=f"Anggota Panwaslu Kecamatan {k}",
                    institution=inst,
                )
                for _ in range(2)
            )
            out[k] = _Committee(ketua, anggota)
        return out

    def _account(self, k: str, term: Term, platform: Platform, handle: str, **kw: object) -> int:
        a = accounts.create_account(
            self.ctx,
            platform=platform,
            handle=handle,
            kecamatan_id=self.kec[k],
            term_id=term.id,
            display_name=f"Panwaslu Kecamatan {k}",
            **kw,  # type: ignore[arg-type]
        ).account
        slug = k.replace(" ", "")
        secrets.set_password(
            self.ctx, a.id, f"Contoh-{slug}-{platform.value}-{term.year}", reason="initial"
        )
        return a.id

    def _pemilu_accounts(self, k: str, term: Term) -> list[int]:
        slug = k.lower().replace(" ", "")
        kind = LifecycleKind.PERMANENT if k in PERMANENT_PAGES else LifecycleKind.AD_HOC
        return [
            self._account(k, term, Platform.INSTAGRAM, f"@contoh.{slug}.pemilu"),
            self._account(
                k, term, Platform.FACEBOOK_PAGE, f"panwascam.{slug}.contoh", lifecycle_kind=kind
            ),
        ]

    def _pilkada_accounts(self, k: str, term: Term, c: _Committee) -> list[int]:
        slug = k.lower().replace(" ", "")
        email = f"panwascam.{slug}@contoh.example"
        ids = [self._account(k, term, Platform.EMAIL, email, recovery_email_owner=Owner.OFFICE)]
        phone: dict[str, object] = {}
        if k in PERSONAL_PHONE:
            n = KECAMATAN.index(k) + 1
            phone = {
                "recovery_phone": f"0812-0000-{n:04d}",
                "recovery_phone_owner": Owner.PERSON,
                "recovery_phone_holder_person_id": c.ketua.id,
            }
        ids.append(
            self._account(
                k,
                term,
                Platform.INSTAGRAM,
                f"@contoh.{slug}.pilkada",
                recovery_email=email,
                recovery_email_owner=Owner.OFFICE,
                **phone,
            )
        )
        secrets.set_totp(self.ctx, ids[-1], _TOTP_EXAMPLE)
        if k != "Paleleh Barat":  # its X account was never made: a gap in the matrix
            ids.append(
                self._account(k, term, Platform.X, f"@pwc_{slug[:8]}24", recovery_email=email)
            )
        if k not in PERMANENT_PAGES:
            page = self._account(k, term, Platform.FACEBOOK_PAGE, f"panwascam.{slug}.pilkada")
            secrets.set_backup_codes(self.ctx, page, ["1111 0001", "1111 0002", "1111 0003"])
            self._page_roster(page, c)
            ids.append(page)
        return ids

    def _page_roster(self, page_id: int, c: _Committee) -> None:
        for p, access in ((self.official, PageAccess.FULL), (self.deputy, PageAccess.FULL)):
            if not any(
                e.person_id == p.id for e in page_access.list_page_access(self.ctx, page_id)
            ):
                page_access.add_page_access(self.ctx, page_id, access=access, person_id=p.id)
        page_access.add_page_access(
            self.ctx, page_id, access=PageAccess.PARTIAL, person_id=c.ketua.id
        )

    def _batch(
        self,
        kind: HandoverKind,
        term: Term,
        committees: dict[str, _Committee],
        ids: dict[str, list[int]],
        on: date,
        *,
        only: Sequence[str] = KECAMATAN,
        scan: bool = False,
    ) -> None:
        drafts = []
        for k in only:
            ours, theirs = self.official.id, committees[k].ketua.id
            first, second = (theirs, ours) if kind is HandoverKind.RETURN else (ours, theirs)
            drafts.append(
                HandoverDraft(
                    kind=kind,
                    term_id=term.id,
                    first_party_id=first,
                    second_party_id=second,
                    account_ids=tuple(ids[k]),
                    on=on,
                    witness_ids=(self.witness.id,),
                    mengetahui_id=self.head.id,
                )
            )
        for n, h in enumerate(handover.record_handovers(self.ctx, drafts)):
            if scan and n % 3 != 2:  # every third BAST still waits for its scan
                handover.attach_scan(self.ctx, h.id, f"{h.number.replace('/', '-')}.pdf", _SCAN)

    def _rotate(self, ids: Sequence[int], tag: str) -> None:
        for i in ids:
            a = accounts.get_account(self.ctx, i)
            slug = f"{a.platform.value}-{i}"
            secrets.set_password(self.ctx, i, f"Contoh-baru-{slug}-{tag}", reason="handover")

    def _finish(self, ids: Sequence[int], *, complete: bool = True, upto: int = 999) -> None:
        for i in ids:
            for item in checklist.items(self.ctx, i)[:upto]:
                checklist.tick(self.ctx, item.id)
            if complete:
                for e in page_access.list_page_access(self.ctx, i, current_only=True):
                    if e.person_id not in (self.official.id, self.deputy.id):
                        page_access.remove_page_access(self.ctx, e.id)
                checklist.complete(self.ctx, i)

    def _term_end(
        self, term: Term, committees: dict[str, _Committee], ids: dict[str, list[int]]
    ) -> None:
        at = self.clock.at
        on_time = [k for k in KECAMATAN if k not in OVERDUE and k not in EXTENDED]
        at(date(2025, 1, 27), 14)
        self._batch(
            HandoverKind.RETURN, term, committees, ids, date(2025, 1, 27), only=on_time, scan=True
        )
        at(date(2025, 2, 28), 14)
        self._batch(HandoverKind.RETURN, term, committees, ids, date(2025, 2, 28), only=["Momunu"])
        at(date(2025, 3, 3))
        for k in [*on_time, "Momunu"]:
            if k in NOT_ROTATED:
                continue
            self._rotate(ids[k], "2025")
            if k in HALF_DONE:
                self._finish(ids[k], complete=False, upto=3)
            else:
                self._finish(ids[k])


# --- benchmark data -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Generated:
    """What :func:`generate_accounts` made."""

    term_id: int
    kecamatan_ids: tuple[int, ...]
    account_ids: tuple[int, ...]
    official_id: int
    ketua_ids: dict[int, int]  # kecamatan id -> its ketua's person id


_GEN_PLATFORMS = (
    Platform.INSTAGRAM,
    Platform.FACEBOOK_PAGE,
    Platform.X,
    Platform.EMAIL,
    Platform.PHONE,
)


def _gen_handle(platform: Platform, i: int) -> str:
    if platform is Platform.EMAIL:
        return f"contoh{i:07d}@contoh.example"
    if platform is Platform.PHONE:
        return f"+62812{i:08d}"
    if platform is Platform.X:
        return f"@contoh{i:07d}"
    return f"contoh.{i:07d}"


def generate_accounts(ctx: ServiceContext, n: int, m: int, *, seed: int = 0) -> Generated:
    """Add ``m`` made-up kecamatan, a term, a ketua per kecamatan, an official and ``n``
    planned accounts (with passwords and active periods, ready to issue) in bulk.

    One transaction and one audit event; for benchmarks (50,000 accounts in seconds).

    Args:
        ctx: the service context.
        n: how many accounts (round-robin over the kecamatan and five platforms).
        m: how many kecamatan (1 or more).
        seed: varies the names so that several calls can share a vault.

    Returns:
        The ids made.
    """
    now = ctx.now()
    start, end = date(2024, 5, 1), date(2025, 1, 27)
    with ctx.tx() as conn:
        office_id = int(conn.execute("SELECT id FROM office ORDER BY id LIMIT 1").fetchone()[0])
        term_id = int(
            conn.execute(
                "INSERT INTO term (name, election, year, start_date, end_date)"
                " VALUES (?, 'pilkada', 2024, ?, ?)",
                (f"Pilkada 2024 (contoh {seed})", start.isoformat(), end.isoformat()),
            ).lastrowid
            or 0
        )
        kec: list[int] = []
        for k in range(m):
            cur = conn.execute(
                "INSERT INTO kecamatan (office_id, name) VALUES (?, ?)",
                (office_id, f"Kecamatan Contoh {seed}-{k + 1:05d}"),
            )
            kec.append(int(cur.lastrowid or 0))
        conn.executemany(
            "INSERT INTO term_kecamatan (term_id, kecamatan_id) VALUES (?, ?)",
            [(term_id, k) for k in kec],
        )
        ketua: dict[int, int] = {}
        for k in kec:
            cur = conn.execute(
                "INSERT INTO person (name, role, kecamatan_id, term_id) VALUES (?, 'ketua', ?, ?)",
                (f"Ketua Contoh {k}", k, term_id),
            )
            ketua[k] = int(cur.lastrowid or 0)
        official = conn.execute(
            "INSERT INTO person (name, role) VALUES (?, 'official')", (f"Pejabat Contoh {seed}",)
        ).lastrowid
        base = seed * 10_000_000
        rows = [
            Account(
                platform=_GEN_PLATFORMS[(i // m) % len(_GEN_PLATFORMS)],
                handle=_gen_handle(_GEN_PLATFORMS[(i // m) % len(_GEN_PLATFORMS)], base + i),
                kecamatan_id=kec[i % m],
                term_id=term_id,
                status=AccountStatus.PLANNED,
                active_from=start,
                active_until=end,
                created_at=now,
                updated_at=now,
            )
            for i in range(n)
        ]
        secret_rows = [
            AccountSecrets(account_id=0, password=Secret(f"Contoh-{base + i:08d}"))
            for i in range(n)
        ]
        ids = account_repo.add_accounts(conn, rows, secret_rows)
        ctx.audit(
            AuditKind.CREATE,
            f"term:{term_id}",
            {"generated_accounts": n, "kecamatan": m, "seed": seed},
        )
    return Generated(term_id, tuple(kec), tuple(ids), int(official or 0), ketua)
