"""The cover sheet printed and sent with a review archive: what it holds, its SHA-256, who signed it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from brankas.core.archive.export import ExportResult
from brankas.core.archive.keys import recipient_fingerprint
from brankas.core.domain.models import Office
from brankas.documents import render as r
from brankas.documents.blocks import (
    data_table,
    esc,
    heading,
    keep_together,
    numbered,
    signature_row,
    title_block,
)
from brankas.documents.fingerprint import document_id, hash_lines, short_hash
from brankas.documents.i18n import format_date, format_long_date, format_number, language_of, pick
from brankas.documents.letterhead import letterhead_html, letterhead_of

_MONO = ", ".join(f"'{f}'" for f in r.MONO_FAMILIES) + ", monospace"

# The manifest's counts in the order they are printed, with their labels (id, en);
# counts of lists a later format adds are printed after these under their own names.
_COUNTS: tuple[tuple[str, str, str], ...] = (
    ("accounts", "Akun", "Accounts"),
    ("secrets", "Akun dengan data rahasia", "Accounts with secrets"),
    ("kecamatan", "Kecamatan", "Kecamatan"),
    ("people", "Orang", "People"),
    ("custody", "Catatan penguasaan akun", "Custody records"),
    ("handovers", "Serah terima", "Handovers"),
    ("checklist_items", "Butir daftar periksa", "Checklist items"),
    ("page_access", "Akses halaman", "Page access entries"),
    ("attachments", "Lampiran", "Attachments"),
    ("password_on_record", "Akun dengan kata sandi tercatat", "Accounts with a password"),
    ("totp_on_record", "Akun dengan kode TOTP tercatat", "Accounts with a TOTP secret"),
    ("password_changes", "Penggantian kata sandi", "Password changes"),
    ("audit_events", "Peristiwa jejak audit", "Audit trail events"),
)
# Not printed: the terms are listed by name instead; checklist_texts (format 2) counts
# the distinct step wordings stored once in data.json, an encoding detail, not records.
_HIDDEN = frozenset({"terms", "term_kecamatan", "checklist_texts"})


@dataclass(frozen=True, slots=True)
class CoverSheetData:
    """Everything the cover sheet prints (nothing secret: all of it is in the manifest)."""

    office: Office
    vault_id: str
    file_name: str
    size: int
    sha256: str
    export_id: str
    exported_at: datetime
    seq: int
    epoch: int
    terms: tuple[tuple[str, str], ...]  # (name, "start – end" as printed)
    counts: Mapping[str, int]
    signer_key_id: str
    signer_fingerprint: str
    province_fingerprint: str
    secrets_included: bool
    passphrase: bool = False

    @property
    def language(self) -> str:
        """The office's document language."""
        return language_of(self.office.language)


def cover_sheet_data(result: ExportResult, office: Office) -> CoverSheetData:
    """The cover sheet's data for an archive just written by ``office``."""
    m = result.manifest
    lang = language_of(office.language)
    return CoverSheetData(
        office=office,
        vault_id=m.vault_id,
        file_name=result.path.name,
        size=result.size,
        sha256=result.sha256,
        export_id=m.export_id,
        exported_at=m.exported_at,
        seq=m.seq,
        epoch=m.epoch,
        terms=tuple(
            (t.name, f"{format_date(t.start_date, lang)} – {format_date(t.end_date, lang)}")
            for t in m.terms
        ),
        counts=dict(m.counts),
        signer_key_id=m.signer.key_id_text,
        signer_fingerprint=m.signer.fingerprint,
        province_fingerprint=recipient_fingerprint(m.province_recipient),
        secrets_included=m.secrets_included,
        passphrase=m.to_passphrase,
    )


def _mono(text: str, size_pt: float = 10.0) -> str:
    return f'<span style="font-family:{_MONO}; font-size:{size_pt}pt;">{esc(text)}</span>'


def _sha_lines(sha256: str) -> str:
    return "<br/>".join(_mono(line, 9.5) for line in hash_lines(sha256))


def _counts(data: CoverSheetData, lang: str) -> str:
    known = {key for key, _, _ in _COUNTS}
    cells = [
        (esc(pick(lang, id_label, en_label)), format_number(data.counts[key], lang))
        for key, id_label, en_label in _COUNTS
        if key in data.counts
    ]
    cells += [
        (esc(key), format_number(n, lang))
        for key, n in sorted(data.counts.items())
        if key not in known and key not in _HIDDEN
    ]
    if len(cells) % 2:
        cells.append(("", ""))
    # Two label/number pairs per row: half the height, so the sheet stays one page.
    rows = [[*cells[i], *cells[i + 1]] for i in range(0, len(cells), 2)]
    return data_table(
        None, rows, [35, 15, 35, 15], font_pt=9, top=6, align=["left", "right", "left", "right"]
    )


def _contents_line(data: CoverSheetData, lang: str) -> str:
    if data.secrets_included:
        return pick(
            lang,
            "<b>Termasuk data rahasia</b> (kata sandi, kunci TOTP, kode cadangan)",
            "<b>Secrets included</b> (passwords, TOTP keys, backup codes)",
        )
    return pick(
        lang,
        "<b>Metadata saja</b>: tanpa kata sandi atau data rahasia lain",
        "<b>Metadata only</b>: no passwords or other secrets",
    )


def _utc_offset(when: datetime) -> str:
    z = when.strftime("%z") or "+0000"
    return f"UTC{z[:3]}:{z[3:]}"


def _facts(data: CoverSheetData, lang: str) -> list[list[str]]:
    when = data.exported_at.astimezone()
    terms = "<br/>".join(f"<b>{esc(name)}</b> ({esc(span)})" for name, span in data.terms)
    size = pick(lang, "{n} bita", "{n} bytes").format(n=format_number(data.size, lang))
    office = esc(" ".join(data.office.name.split()))
    return [
        [esc(pick(lang, "Kantor", "Office")), f"{office} ({_mono(data.office.code)})"],
        [esc(pick(lang, "Masa tugas", "Term(s)")), terms],
        [esc(pick(lang, "Isi", "Contents")), _contents_line(data, lang)],
        [
            esc(pick(lang, "Berkas arsip", "Archive file")),
            f"{_mono(data.file_name, 9)} ({esc(size)})",
        ],
        [
            esc(pick(lang, "Waktu ekspor", "Exported at")),
            esc(f"{format_long_date(when.date(), lang)}, {when:%H:%M:%S} ({_utc_offset(when)})"),
        ],
        [esc(pick(lang, "Nomor ekspor", "Export number")), esc(f"{data.seq} (epoch {data.epoch})")],
        [esc(pick(lang, "ID ekspor", "Export ID")), _mono(data.export_id, 9.5)],
        [esc("SHA-256"), _sha_lines(data.sha256)],
    ]


def _keys(data: CoverSheetData, lang: str) -> list[list[str]]:
    rows = [
        [esc(pick(lang, "ID kunci penanda tangan", "Signing key ID")), _mono(data.signer_key_id)],
        [
            esc(pick(lang, "Sidik jari kunci penanda tangan", "Signing key fingerprint")),
            f"<b>{_mono(data.signer_fingerprint, 11)}</b>",
        ],
        [
            esc(pick(lang, "Sidik jari kunci provinsi", "Province key fingerprint")),
            _mono(data.province_fingerprint),
        ],
    ]
    if data.passphrase:
        rows.append(
            [
                esc(pick(lang, "Frasa sandi cadangan", "Fallback passphrase")),
                esc(
                    pick(
                        lang,
                        "ada (disampaikan terpisah, tidak pernah bersama lembar ini)",
                        "yes (sent separately, never with this sheet)",
                    )
                ),
            ]
        )
    return rows


def _checks(lang: str) -> list[str]:
    return [
        pick(
            lang,
            "Cocokkan <b>sidik jari kunci penanda tangan</b> dengan surat resmi kabupaten/kota.",
            "Compare the <b>signing key fingerprint</b> with the regency's official letter.",
        ),
        pick(
            lang,
            "SHA-256 yang dihitung Brankas provinsi saat impor harus sama dengan yang di atas.",
            "The SHA-256 the province's Brankas computes on import must equal the one above.",
        ),
        pick(
            lang,
            "Jika tidak cocok, jangan impor arsip ini; hubungi kabupaten/kota pengirim.",
            "If either differs, do not import the archive; contact the regency that sent it.",
        ),
    ]


def _signature(data: CoverSheetData, lang: str) -> str:
    office = data.office
    place = office.city.strip() or "……………………"
    dated = pick(lang, "{p}, ……………………", "{p}, ……………………").format(p=esc(place))
    if office.head_name.strip():
        role, name = pick(lang, "Ketua", "Chair"), office.head_name.strip()
    elif office.secretariat_name.strip():
        role = pick(lang, "Kepala Sekretariat", "Head of Secretariat")
        name = office.secretariat_name.strip()
    else:
        role, name = pick(lang, "Ketua/Kepala Sekretariat", "Chair / Head of Secretariat"), ""
    named = (
        f"<b><u>{esc(name)}</u></b>"
        if name
        else "(…………………………………………)"  # room to write the name by hand
    )
    cell = (
        f'<p align="center" style="margin:0;">{dated}<br/>{esc(role)}<br/>'
        f"{esc(' '.join(office.name.split()))}</p>"
        '<p align="center" style="margin:48px 0 0 0;">'
        f"{named}</p>"
        '<p align="center" style="font-size:8pt; color:#555555; margin:4px 0 0 0;">'
        + esc(pick(lang, "(tanda tangan dan cap dinas)", "(signature and official stamp)"))
        + "</p>"
    )
    return signature_row(["", cell], top=10)


def cover_sheet_html(data: CoverSheetData) -> str:
    """The cover sheet as HTML (QTextDocument's subset), in the office's language."""
    lang = data.language
    parts = [
        letterhead_html(letterhead_of(data.office)),
        title_block(
            pick(lang, "LEMBAR PENGANTAR ARSIP TINJAUAN", "REVIEW ARCHIVE COVER SHEET"),
            pick(
                lang,
                "Untuk Bawaslu Provinsi — lembar ini tidak memuat kata sandi",
                "For the provincial Bawaslu — this sheet holds no passwords",
            ),
        ),
        heading(pick(lang, "Arsip dan kunci", "Archive and keys"), top=12, keep_next=True),
        data_table(None, [*_facts(data, lang), *_keys(data, lang)], [37, 63], font_pt=9.5, top=6),
        heading(pick(lang, "Jumlah data", "Counts"), top=10, keep_next=True),
        _counts(data, lang),
        heading(pick(lang, "Pemeriksaan oleh penerima", "Checks by the receiver"), top=10),
        numbered(_checks(lang), top=4),
        keep_together(_signature(data, lang)),
    ]
    return r.join_html(parts)


def cover_sheet_document(data: CoverSheetData) -> r.Document:
    """The cover sheet ready to lay out (A4 portrait)."""
    lang = data.language
    return r.Document(
        html=cover_sheet_html(data),
        title=pick(lang, "Lembar pengantar arsip", "Archive cover sheet") + f" — {data.file_name}",
        footer=r.Footer(
            document_id=document_id("ARS", data.vault_id, data.seq),
            short_hash=short_hash(data.sha256),
            language=lang,
        ),
    )


def render_cover_sheet(data: CoverSheetData, target: Path | QPagedPaintDevice) -> int:
    """Write the cover sheet as a PDF file (owner-only) or paint it on a printer.

    Returns:
        The number of pages.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written (nothing is left behind).
    """
    return r.render(cover_sheet_document(data), target)


def default_cover_sheet_path(archive: Path) -> Path:
    """Next to the archive, with its name: ``arsip-….brankas`` → ``arsip-….pdf``."""
    return archive.with_suffix(".pdf")
