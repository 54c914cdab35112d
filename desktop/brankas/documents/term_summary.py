"""The term summary report: per kecamatan accounts, the completeness matrix and the review findings.

Built from the read side (core/review): a snapshot of the vault — or of a regency's
archive, for the province — so it never sees a secret, only whether one is on record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType

from PySide6.QtGui import QPagedPaintDevice

from brankas.core.domain.calendar import local_date
from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.review.facts import facts_of
from brankas.core.review.load import load_snapshot
from brankas.core.review.matrix import Matrix, completeness_matrix
from brankas.core.review.rules import Finding, review
from brankas.core.review.snapshot import Snapshot
from brankas.core.services.context import ServiceContext
from brankas.documents import render as r
from brankas.documents.fingerprint import document_id, record_hash, short_hash
from brankas.documents.i18n import format_date, pick
from brankas.documents.letterhead import Letterhead, letterhead_of
from brankas.documents.summary_html import term_summary_html


@dataclass(frozen=True, slots=True)
class SummaryAccount:
    """One account row of the report."""

    platform: Platform
    handle: str
    status: AccountStatus
    holder: str  # the committee member holding it; "" when the office holds it
    active_from: date | None
    active_until: date | None
    rotation_due: bool  # needs a password change (returned, not yet rotated)
    password_changed: date | None  # the latest change on record (WIB calendar day)
    checklist_done: int
    checklist_total: int
    overdue: bool


@dataclass(frozen=True, slots=True)
class SummaryKecamatan:
    """A kecamatan's section: its term end and its accounts in list order."""

    name: str
    end_date: date | None
    extended: bool  # its own end date (e.g. a Constitutional-Court dispute)
    accounts: tuple[SummaryAccount, ...]


@dataclass(frozen=True, slots=True)
class TermSummaryData:
    """Everything the report prints."""

    letterhead: Letterhead
    term_name: str
    sk_number: str
    start: date
    end: date
    today: date
    counts: Mapping[AccountStatus, int]
    kecamatan: tuple[SummaryKecamatan, ...]
    matrix: Matrix
    findings: tuple[Finding, ...]
    language: str = "id"
    document_id: str = ""
    record_hash: str = ""


def term_summary_from_vault(
    ctx: ServiceContext, term_id: int, today: date | None = None
) -> TermSummaryData:
    """Load the term from the vault (one read transaction) and build the report's data.

    Raises:
        NotFound: no such term.
    """
    snapshot = load_snapshot(ctx.conn, term_ids=[term_id])
    return term_summary_data(snapshot, term_id, today or ctx.today(), vault_id=ctx.vault.vault_id)


def _local_day(moment: datetime | None) -> date | None:
    return local_date(moment) if moment is not None else None


def term_summary_data(
    snapshot: Snapshot, term_id: int, today: date, *, vault_id: str = ""
) -> TermSummaryData:
    """The report's data for one term of a snapshot, judged at ``today``.

    Raises:
        NotFound: the snapshot has no such term.
    """
    matrix = completeness_matrix(snapshot, term_id, today)  # raises NotFound first
    findings = tuple(review(snapshot, today=today, term_ids=[term_id]))
    f = facts_of(snapshot)
    term = snapshot.terms[term_id]
    accounts = snapshot.accounts
    by_kec: dict[int | None, list[SummaryAccount]] = {}
    counts = dict.fromkeys(AccountStatus, 0)
    for aid in f.display_order(term_id):
        a = accounts[aid]
        counts[a.status] += 1
        custody = f.holder.get(aid)
        person = f.person(custody.holder_person_id) if custody is not None else None
        holder = (
            person.name
            if person is not None
            else (f"#{custody.holder_person_id}" if custody and custody.holder_person_id else "")
        )
        done, total = f.checklist_progress(aid)
        changes = snapshot.password_changes.get(aid, ())
        last_change = a.password_changed_at or (changes[-1] if changes else None)
        end = f.account_end(aid)
        by_kec.setdefault(a.kecamatan_id, []).append(
            SummaryAccount(
                platform=a.platform,
                handle=a.handle,
                status=a.status,
                holder=holder,
                active_from=a.active_from,
                active_until=a.active_until,
                rotation_due=f.password_change_due(a)[0],
                password_changed=_local_day(last_change),
                checklist_done=done,
                checklist_total=total,
                overdue=end is not None and today > end and aid in f.committee,
            )
        )
    sections = []
    for row in matrix.rows:
        sections.append(
            SummaryKecamatan(
                name=row.kecamatan_name,
                end_date=f.term_end(term_id, row.kecamatan_id),
                extended=f.is_overridden(term_id, row.kecamatan_id),
                accounts=tuple(by_kec.pop(row.kecamatan_id, [])),
            )
        )
    for kid, rows in by_kec.items():  # accounts without a kecamatan, last
        sections.append(SummaryKecamatan(f.kecamatan_name(kid), None, False, tuple(rows)))
    office = snapshot.office
    language = office.language if office is not None else "id"
    head = (
        letterhead_of(office)
        if office is not None
        else Letterhead(institution="", office="", address="", office_name="")
    )
    data = TermSummaryData(
        letterhead=head,
        term_name=term.name,
        sk_number=term.sk_number,
        start=term.start_date,
        end=term.end_date,
        today=today,
        counts=MappingProxyType(counts),
        kecamatan=tuple(sections),
        matrix=matrix,
        findings=findings,
        language=language,
    )
    fingerprint = {
        "v": 1,
        "vault": vault_id,
        "term": [term_id, term.name],
        "today": today.isoformat(),
        "accounts": [
            [s.name, a.platform.value, a.handle, a.status.value, a.holder, a.rotation_due]
            for s in sections
            for a in s.accounts
        ],
        "findings": [[x.code, x.kecamatan_id, x.account_id, x.handover_id] for x in findings],
    }
    return replace(
        data,
        document_id=document_id("RPT", vault_id, f"T{term_id}-{today:%Y%m%d}"),
        record_hash=record_hash(fingerprint),
    )


def term_summary_document(data: TermSummaryData) -> r.Document:
    """The report ready to lay out (A4 landscape: its tables are wide)."""
    lang = data.language
    return r.Document(
        html=term_summary_html(data),
        title=pick(lang, "Ringkasan masa tugas {t}", "Term summary {t}").format(t=data.term_name)
        + f" — {format_date(data.today, lang)}",
        footer=r.Footer(
            document_id=data.document_id,
            short_hash=short_hash(data.record_hash) if data.record_hash else "",
            language=lang,
        ),
        setup=r.PageSetup(landscape=True, left=18, right=15, top=15),
    )


def render_term_summary(data: TermSummaryData, target: Path | QPagedPaintDevice) -> int:
    """Write the report as an A4 PDF file or paint it on a printer/PDF writer.

    Returns:
        The number of pages.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written.
    """
    return r.render(term_summary_document(data), target)
