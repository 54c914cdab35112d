"""The province's review report (PDF) for every regency or for one, through the documents
pipeline (documents/render.py): letterhead, summary table, findings per regency and term.

Wording follows the province office's document language, like every Brankas document.
The GUI (gui/archive/review_page.py) calls it; it imports no QtWidgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from brankas.core.archive.format import parse_manifest
from brankas.core.archive.review_mode import RegencyTermRow, ReviewCache, overview, review_archive
from brankas.core.domain.enums import Severity
from brankas.core.domain.models import Office
from brankas.core.review.rules import Finding
from brankas.core.storage.repos.office import own_office
from brankas.core.vault.vault import Vault
from brankas.documents import render as r
from brankas.documents.blocks import data_table, esc, heading, paragraph, title_block
from brankas.documents.fingerprint import document_id, record_hash, short_hash
from brankas.documents.i18n import format_date, format_number, language_of, pick
from brankas.documents.letterhead import letterhead_html, letterhead_of


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One regency and term with its findings (errors and warnings)."""

    row: RegencyTermRow
    findings: tuple[Finding, ...]
    signer_fingerprint: str
    sha256: str


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything the report prints, read in the worker."""

    office: Office
    vault_id: str
    today: date
    entries: tuple[ReportEntry, ...]
    office_code: str | None  # one regency's report, or None for the whole province


def read_report_input(
    vault: Vault, *, today: date, cache: ReviewCache, office_code: str | None = None
) -> ReportInput:
    """The rows and findings for the report (worker thread: archives may be decrypted)."""
    entries = []
    for row in overview(vault, today=today, cache=cache):
        if office_code is not None and row.office_code != office_code:
            continue
        archive = review_archive(vault, row.import_id, today=today, cache=cache)
        found = tuple(
            f for f in archive.term_findings(row.term.id) if f.severity is not Severity.INFO
        )
        entries.append(
            ReportEntry(
                row=row,
                findings=found,
                signer_fingerprint=_signer(vault, row.import_id),
                sha256=archive.imported.sha256,
            )
        )
    return ReportInput(own_office(vault.conn), vault.vault_id, today, tuple(entries), office_code)


def _signer(vault: Vault, import_id: int) -> str:
    """The fingerprint of the key that signed the stored archive (from its signed manifest)."""
    row = vault.conn.execute(
        "SELECT manifest_json FROM imported_archive WHERE id = ?", (import_id,)
    ).fetchone()
    if row is None:
        return ""
    return parse_manifest(str(row[0]).encode("utf-8")).signer.fingerprint


def _severity(s: Severity, lang: str) -> str:
    return {
        Severity.ERROR: pick(lang, "kesalahan", "error"),
        Severity.WARNING: pick(lang, "peringatan", "warning"),
        Severity.INFO: pick(lang, "catatan", "note"),
    }[s]


def _summary(data: ReportInput, lang: str) -> str:
    rows = [
        [
            esc(f"{e.row.office_name} ({e.row.office_code})"),
            esc(e.row.term.name),
            format_number(e.row.counts.error, lang),
            format_number(e.row.counts.warning, lang),
            format_number(e.row.accounts, lang),
            esc(format_date(e.row.exported_at.astimezone().date(), lang)),
        ]
        for e in data.entries
    ]
    return data_table(
        [
            pick(lang, "Kabupaten/Kota", "Regency/city"),
            pick(lang, "Masa tugas", "Term"),
            pick(lang, "Kesalahan", "Errors"),
            pick(lang, "Peringatan", "Warnings"),
            pick(lang, "Akun", "Accounts"),
            pick(lang, "Arsip terakhir", "Last archive"),
        ],
        rows,
        [27, 17, 14, 14, 9, 19],
        align=["left", "left", "right", "right", "right", "left"],
    )


def _entry(e: ReportEntry, n: int, lang: str) -> str:
    row = e.row
    title = f"{n}. {row.office_name} ({row.office_code}) — {row.term.name}"
    facts = [
        [
            esc(pick(lang, "Arsip", "Archive")),
            esc(
                pick(lang, "diekspor {d}, nomor {s}", "exported {d}, no. {s}").format(
                    d=format_date(row.exported_at.astimezone().date(), lang), s=row.export_id[:8]
                )
            )
            + (
                "" if row.secrets_included else esc(pick(lang, " (tanpa sandi)", " (no passwords)"))
            ),
        ],
        [
            esc(pick(lang, "Sidik jari penanda tangan", "Signer fingerprint")),
            esc(e.signer_fingerprint),
        ],
        [esc("SHA-256"), f'<span style="font-size:7.5pt;">{esc(e.sha256)}</span>'],
    ]
    parts = [heading(title, keep_next=True), data_table(None, facts, [28, 72], font_pt=8.5, top=4)]
    if not e.findings:
        parts.append(paragraph(esc(pick(lang, "Tidak ada temuan.", "No findings.")), top=6))
        return "".join(parts)
    rows = [
        [
            str(i),
            esc(f.rule_id),
            esc(_severity(f.severity, lang)),
            esc(f.message_id if lang == "id" else f.message_en),
        ]
        for i, f in enumerate(e.findings, 1)
    ]
    parts.append(
        data_table(
            [
                "No.",
                pick(lang, "Aturan", "Rule"),
                pick(lang, "Jenis", "Kind"),
                pick(lang, "Temuan", "Finding"),
            ],
            rows,
            [5, 10, 13, 72],
            font_pt=8.5,
            top=6,
            align=["right", "center", "left", "left"],
        )
    )
    return "".join(parts)


def report_document(data: ReportInput) -> r.Document:
    """The report ready to lay out (A4 portrait)."""
    lang = language_of(data.office.language)
    one = data.office_code is not None and data.entries
    subject = (
        data.entries[0].row.office_name
        if one
        else pick(lang, "seluruh kabupaten/kota", "all regencies and cities")
    )
    parts = [
        letterhead_html(letterhead_of(data.office)),
        title_block(
            pick(lang, "LAPORAN TINJAUAN ARSIP", "ARCHIVE REVIEW REPORT"),
            pick(lang, "{s} — keadaan per {d}", "{s} — as of {d}").format(
                s=subject, d=format_date(data.today, lang)
            ),
        ),
        paragraph(
            esc(
                pick(
                    lang,
                    "Temuan delapan aturan pemeriksaan atas arsip terbaru setiap kabupaten/kota "
                    "yang diterima dan diverifikasi (tanda tangan dan isi) oleh Brankas.",
                    "Findings of the eight review rules on each regency's newest archive, "
                    "received and verified (signature and contents) by Brankas.",
                )
            )
        ),
    ]
    if not data.entries:
        parts.append(paragraph(esc(pick(lang, "Belum ada arsip.", "No archives yet."))))
    else:
        parts.append(_summary(data, lang))
        parts.extend(_entry(e, n, lang) for n, e in enumerate(data.entries, 1))
    fingerprint = {
        "v": 1,
        "today": data.today.isoformat(),
        "rows": [
            [e.row.office_code, e.row.term.id, e.row.export_id, [f.code for f in e.findings]]
            for e in data.entries
        ],
    }
    record = f"{data.office_code or 'ALL'}-{data.today:%Y%m%d}"
    return r.Document(
        html=r.join_html(parts),
        title=pick(lang, "Laporan tinjauan arsip", "Archive review report")
        + f" — {format_date(data.today, lang)}",
        footer=r.Footer(
            document_id=document_id("TNJ", data.vault_id, record),
            short_hash=short_hash(record_hash(fingerprint)),
            language=lang,
        ),
    )


def write_report(data: ReportInput, path: Path) -> int:
    """Write the report as an owner-only PDF (UI thread: Qt lays out the text).

    Returns:
        The number of pages.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written.
    """
    return r.render(report_document(data), path)
