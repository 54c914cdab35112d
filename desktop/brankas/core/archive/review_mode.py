"""The province's review mode: imported archives read back (cached in memory), findings per regency × term, audited reveals."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from brankas.core.archive.format import ManifestTerm
from brankas.core.archive.province import ImportedArchive, get_import, list_imports, open_import
from brankas.core.audit import AuditKind
from brankas.core.domain.enums import OfficeKind, Severity
from brankas.core.domain.models import Account
from brankas.core.errors import ArchiveMalformed, DomainNotFound, InvalidValue
from brankas.core.review.facts import facts_of
from brankas.core.review.rules import Finding, review
from brankas.core.review.snapshot import Snapshot
from brankas.core.secret import Secret
from brankas.core.storage.repos.office import own_office
from brankas.core.vault.vault import Vault

log = logging.getLogger(__name__)

SECRET_FIELDS: Final = ("password", "totp_secret", "backup_codes")
MAX_REASON: Final = 200
# What the cache may hold: a few dozen regencies' latest archives. Snapshots only (never
# secrets); an archive of 50,000 accounts is ~100 MB as objects, hence the account cap.
DEFAULT_MAX_ENTRIES: Final = 64
DEFAULT_MAX_ACCOUNTS: Final = 200_000


@dataclass(frozen=True, slots=True)
class SeverityCounts:
    """How many findings of each severity."""

    error: int = 0
    warning: int = 0
    info: int = 0

    @property
    def total(self) -> int:
        """All findings."""
        return self.error + self.warning + self.info

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> SeverityCounts:
        """Count ``findings`` by severity."""
        n = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
        for f in findings:
            n[f.severity] += 1
        return cls(n[Severity.ERROR], n[Severity.WARNING], n[Severity.INFO])


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveReview:
    """One imported archive read back: its snapshot and the eight rules' findings on
    ``today``. Holds no secret (revealing one goes through :func:`reveal_archived_secret`).
    """

    imported: ImportedArchive
    snapshot: Snapshot
    findings: tuple[Finding, ...]
    today: date

    def term_findings(self, term_id: int) -> tuple[Finding, ...]:
        """The findings about one term (a finding without a term counts for the first)."""
        first = self.imported.terms[0].id if self.imported.terms else None
        return tuple(
            f
            for f in self.findings
            if f.term_id == term_id or (f.term_id is None and first == term_id)
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class RegencyTermRow:
    """One line of the province's dashboard: a regency's term as its newest archive shows it."""

    office_code: str
    office_name: str
    term: ManifestTerm
    import_id: int
    export_id: str
    exported_at: datetime
    imported_at: datetime
    archives: int  # archives of this office that hold the term
    secrets_included: bool
    accounts: int
    counts: SeverityCounts


@dataclass(frozen=True, slots=True, kw_only=True)
class KecamatanRow:
    """A kecamatan of a reviewed term (``kecamatan_id`` None: the regency level)."""

    kecamatan_id: int | None
    name: str
    accounts: int
    counts: SeverityCounts


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountRow:
    """An account of a reviewed term and kecamatan, with its findings (read-only)."""

    account: Account
    findings: tuple[Finding, ...]
    counts: SeverityCounts
    password_on_record: bool
    totp_on_record: bool


class ReviewCache:
    """Archives already read back, in memory only (never written anywhere), least recently
    used first out. It holds snapshots and findings, never a secret.

    Not thread-safe: use it from one thread (the GUI's single worker). Clear it when the
    vault locks.
    """

    def __init__(
        self, max_entries: int = DEFAULT_MAX_ENTRIES, max_accounts: int = DEFAULT_MAX_ACCOUNTS
    ) -> None:
        self._max_entries = max_entries
        self._max_accounts = max_accounts
        self._items: OrderedDict[
            tuple[str, int, str], tuple[Snapshot, dict[date, tuple[Finding, ...]]]
        ]
        self._items = OrderedDict()
        self.reads = 0  # archives decrypted so far (tests and benchmarks look)

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self._items.clear()

    def get(self, vault: Vault, imported: ImportedArchive, *, today: date) -> ArchiveReview:
        """The archive's review, read back (and re-verified) only when not cached.

        Raises:
            ArchiveError: the stored bytes no longer verify (the vault was damaged).
        """
        key = (vault.vault_id, imported.id, imported.sha256)
        entry = self._items.get(key)
        if entry is None:
            entry = (_read_snapshot(vault, imported.id), {})
            self.reads += 1
            self._items[key] = entry
            self._trim(keep=key)
        else:
            self._items.move_to_end(key)
        snapshot, by_day = entry
        findings = by_day.get(today)
        if findings is None:
            by_day.clear()  # findings change with the day; keep only the latest day's
            findings = by_day[today] = _findings(snapshot, imported, today)
        return ArchiveReview(imported=imported, snapshot=snapshot, findings=findings, today=today)

    def _trim(self, keep: tuple[str, int, str]) -> None:
        def accounts() -> int:
            return sum(len(s.accounts) for s, _ in self._items.values())

        while len(self._items) > 1 and (
            len(self._items) > self._max_entries or accounts() > self._max_accounts
        ):
            oldest = next(iter(self._items))
            if oldest == keep:
                break
            del self._items[oldest]


def _read_snapshot(vault: Vault, import_id: int) -> Snapshot:
    verified = open_import(vault, import_id, build_snapshot=True, with_secrets=False)
    if verified.snapshot is None:  # build_snapshot=True always builds it
        raise ArchiveMalformed("the archive has no snapshot", code="snapshot_invalid")
    return verified.snapshot


def _findings(snapshot: Snapshot, imported: ImportedArchive, today: date) -> tuple[Finding, ...]:
    terms = [t.id for t in imported.terms if t.id in snapshot.terms]
    return tuple(review(snapshot, today=today, term_ids=terms))


def _require_province(vault: Vault) -> None:
    if own_office(vault.conn).kind is not OfficeKind.PROVINCE:
        raise InvalidValue(
            "review mode is for a province vault", field="office", code="not_province"
        )


def review_archive(
    vault: Vault, import_id: int, *, today: date, cache: ReviewCache | None = None
) -> ArchiveReview:
    """One imported archive's snapshot and findings.

    Args:
        vault: the province's open vault.
        import_id: the stored archive.
        today: the day "ended" is judged at.
        cache: reuse archives already read back (None: read it now).

    Raises:
        InvalidValue: code ``not_province``.
        NotFound: no such import.
        ArchiveError: the stored bytes no longer verify.
    """
    _require_province(vault)
    cache = cache if cache is not None else ReviewCache()
    return cache.get(vault, get_import(vault.conn, import_id), today=today)


def overview(
    vault: Vault, *, today: date, cache: ReviewCache | None = None
) -> list[RegencyTermRow]:
    """Every regency × term the province holds, from the newest archive that has the term.

    Each archive read is re-verified (see :func:`brankas.core.archive.province.open_import`);
    with a ``cache`` only archives not read before are decrypted.

    Returns:
        Rows by office code, then term start and id.

    Raises:
        InvalidValue: code ``not_province``.
        ArchiveError: a stored archive no longer verifies.
    """
    _require_province(vault)
    cache = cache if cache is not None else ReviewCache()
    newest: dict[tuple[str, int], ImportedArchive] = {}
    holding: dict[tuple[str, int], int] = {}
    terms: dict[tuple[str, int], ManifestTerm] = {}
    for imp in list_imports(vault.conn):  # by office, then export time: newest wins
        for t in imp.terms:
            key = (imp.office_code, t.id)
            newest[key] = imp
            terms[key] = t
            holding[key] = holding.get(key, 0) + 1
    rows = []
    for key in sorted(newest, key=lambda k: (k[0], terms[k].start_date, k[1])):
        imp = newest[key]
        r = cache.get(vault, imp, today=today)
        term = terms[key]
        rows.append(
            RegencyTermRow(
                office_code=imp.office_code,
                office_name=imp.office_name,
                term=term,
                import_id=imp.id,
                export_id=imp.export_id,
                exported_at=imp.exported_at,
                imported_at=imp.imported_at,
                archives=holding[key],
                secrets_included=imp.secrets_included,
                accounts=_term_accounts(r.snapshot, term.id),
                counts=SeverityCounts.of(r.term_findings(term.id)),
            )
        )
    return rows


def _term_accounts(snapshot: Snapshot, term_id: int) -> int:
    """How many accounts the term's lists show (``display_order`` without sorting them:
    the dashboard shows only the number)."""
    facts = facts_of(snapshot)
    cancelled = facts.cancelled
    return sum(1 for aid in facts.accounts_in_term.get(term_id, ()) if aid not in cancelled)


def kecamatan_rows(archive: ArchiveReview, term_id: int) -> list[KecamatanRow]:
    """The kecamatan of a term (those it covers and those with its accounts), by name, then
    a regency-level row when accounts or findings belong to no kecamatan."""
    facts = facts_of(archive.snapshot)
    snap = archive.snapshot
    per_kec: dict[int | None, int] = {}
    for aid in facts.display_order(term_id):
        k = snap.accounts[aid].kecamatan_id
        per_kec[k] = per_kec.get(k, 0) + 1
    findings = archive.term_findings(term_id)
    ids = {*facts.coverage(term_id), *per_kec, *(f.kecamatan_id for f in findings)}
    named = sorted(
        (k for k in ids if k is not None),
        key=lambda k: (facts.kecamatan_name(k).casefold() or "\uffff", k),
    )
    out = [
        KecamatanRow(
            kecamatan_id=k,
            name=facts.kecamatan_name(k) or f"#{k}",
            accounts=per_kec.get(k, 0),
            counts=SeverityCounts.of(f for f in findings if f.kecamatan_id == k),
        )
        for k in named
    ]
    if None in ids:
        out.append(
            KecamatanRow(
                kecamatan_id=None,
                name="",
                accounts=per_kec.get(None, 0),
                counts=SeverityCounts.of(f for f in findings if f.kecamatan_id is None),
            )
        )
    return out


def account_rows(
    archive: ArchiveReview, term_id: int, kecamatan_id: int | None
) -> list[AccountRow]:
    """The term's accounts in one kecamatan (None: regency level), in list order, with
    their findings."""
    facts = facts_of(archive.snapshot)
    snap = archive.snapshot
    by_account: dict[int, list[Finding]] = {}
    for f in archive.term_findings(term_id):
        if f.account_id is not None:
            by_account.setdefault(f.account_id, []).append(f)
    out = []
    for aid in facts.display_order(term_id):
        a = snap.accounts[aid]
        if a.kecamatan_id != kecamatan_id:
            continue
        found = tuple(by_account.get(aid, ()))
        out.append(
            AccountRow(
                account=a,
                findings=found,
                counts=SeverityCounts.of(found),
                password_on_record=aid in snap.password_on_record,
                totp_on_record=aid in snap.totp_on_record,
            )
        )
    return out


def reveal_archived_secret(
    vault: Vault, import_id: int, account_id: int, field: str, *, reason: str
) -> Secret | None:
    """Read one secret of an account from an imported archive; audited with the reason.

    The archive is decrypted and re-verified for this; every other secret read with it is
    wiped before returning. The REVEAL event names the archive, account and field, never
    the value.

    Args:
        vault: the province's open vault.
        import_id: the stored archive.
        account_id: the account's id in the archive.
        field: ``"password"``, ``"totp_secret"`` or ``"backup_codes"``.
        reason: why (required, at most 200 characters; recorded).

    Returns:
        The secret, or None when the archive holds none for that field (still audited).

    Raises:
        InvalidValue: code ``not_province``; field ``reason`` (``reason_required``,
            ``value_too_long``); field ``field`` (``secret_field_unknown``); field
            ``archive`` (``secrets_not_included``: a metadata-only archive).
        DomainNotFound: field ``account_id``, code ``archive_account_not_found``.
        NotFound: no such import.
        ArchiveError: the stored bytes no longer verify.
    """
    _require_province(vault)
    why = " ".join(reason.split())
    if not why:
        raise InvalidValue("a reason is required", field="reason", code="reason_required")
    if len(why) > MAX_REASON:
        raise InvalidValue("the reason is too long", field="reason", code="value_too_long")
    if field not in SECRET_FIELDS:
        raise InvalidValue("unknown secret field", field="field", code="secret_field_unknown")
    imported = get_import(vault.conn, import_id)
    if not imported.secrets_included:
        raise InvalidValue(
            "the archive was exported without secrets",
            field="archive",
            code="secrets_not_included",
        )
    verified = open_import(vault, import_id, build_snapshot=False)
    secrets = verified.secrets or {}
    try:
        entry = secrets.get(account_id)
        if entry is None:
            raise DomainNotFound(
                f"no account {account_id} in the archive",
                field="account_id",
                code="archive_account_not_found",
            )
        value = getattr(entry, field)
        out = None if value is None else Secret(value.reveal())
    finally:
        for s in secrets.values():
            for name in (*SECRET_FIELDS, "notes"):
                held = getattr(s, name)
                if held is not None:
                    held.wipe()
    detail: dict[str, object] = {
        "office": imported.office_code,
        "account_id": account_id,
        "field": field,
        "reason": why,
    }
    if out is None:
        detail["empty"] = True
    vault.record(AuditKind.REVEAL, target=f"archive:{imported.export_id}", detail=detail)
    log.info("revealed %s of account %d from archive %d", field, account_id, import_id)
    return out
