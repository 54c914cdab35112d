"""The printed recovery kit: the 48 digits, the vault and office, and how to keep and use it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from brankas.documents import render as r
from brankas.documents.blocks import data_table, esc, heading, numbered, title_block
from brankas.documents.fingerprint import document_id, short_hash
from brankas.documents.i18n import format_long_date, language_of, pick, tr
from brankas.documents.letterhead import INSTITUTION

_MONO = ", ".join(f"'{f}'" for f in r.MONO_FAMILIES) + ", monospace"


@dataclass(frozen=True, slots=True)
class RecoverySheetData:
    """What the sheet shows. ``recovery_key`` is the secret: the sheet's whole point."""

    vault_id: str
    office_name: str
    created: date
    recovery_key: str
    language: str = "id"

    @property
    def groups(self) -> list[str]:
        """The 8 groups of 6 digits."""
        return [g for g in self.recovery_key.replace(" ", "-").split("-") if g]


def kit_check(data: RecoverySheetData) -> str:
    """A short code telling two printed kits apart without reading all 48 digits (a hash
    of 48 bits reveals nothing useful about a 128-bit key)."""
    digest = hashlib.sha256(b"brankas/kit-check/v1\0" + "".join(data.groups).encode()).hexdigest()
    return short_hash(digest)


def _key_table(data: RecoverySheetData) -> str:
    cells = []
    for i, group in enumerate(data.groups, 1):
        cells.append(
            '<td align="center" width="25%" style="padding:6px 4px;">'
            f'<span style="font-size:8pt; color:#555555;">{i}</span><br/>'
            f'<span style="font-family:{_MONO}; font-size:20pt; font-weight:bold;">'
            f"{esc(group)}</span></td>"
        )
    rows = "".join(f"<tr>{''.join(cells[i : i + 4])}</tr>" for i in range(0, len(cells), 4))
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        'style="border-collapse:collapse; border-color:#000000; margin-top:8px;">'
        f"{rows}</table>"
    )


def _keep(lang: str) -> list[str]:
    return [
        pick(
            lang,
            "Simpan lembar ini di lemari besi kantor, dalam amplop tertutup. Jangan memotret, "
            "memindai, atau menyimpannya di komputer, surel, atau aplikasi pesan.",
            "Keep this sheet in the office safe, in a sealed envelope. Do not photograph it, "
            "scan it or store it on a computer, in e-mail or in a messaging app.",
        ),
        pick(
            lang,
            "Siapa pun yang memegang lembar ini dapat membuka brankas: perlakukan lembar ini "
            "seperti kunci lemari besi itu sendiri.",
            "Anyone holding this sheet can open the vault: treat it like the key to the safe "
            "itself.",
        ),
        pick(
            lang,
            "Catat siapa yang menyimpan lembar ini (kolom di bawah). Saat pergantian pejabat, "
            "serahkan lembar ini dengan berita acara.",
            "Write down who keeps this sheet (below). When the official changes, hand the "
            "sheet over with minutes.",
        ),
    ]


def _use(lang: str) -> list[str]:
    return [
        pick(
            lang,
            "Kit ini hanya dipakai jika semua kata sandi admin hilang atau lupa.",
            "Use this kit only when every admin password is lost or forgotten.",
        ),
        pick(
            lang,
            "Buka Brankas, pilih <b>“Gunakan kit pemulihan…”</b> di jendela buka kunci, lalu "
            "ketik ke-48 angka di atas (kelompok 1 sampai 8).",
            "Open Brankas, choose <b>“Use recovery kit…”</b> in the unlock window and type the "
            "48 digits above (groups 1 to 8).",
        ),
        pick(
            lang,
            "Buat kata sandi admin yang baru. Brankas lalu membuat kit pemulihan baru: cetak "
            "dan simpan kit baru tersebut.",
            "Set a new admin password. Brankas then makes a new recovery kit: print it and "
            "store it.",
        ),
        pick(
            lang,
            "Setelah kit digunakan atau diganti, lembar ini tidak berlaku lagi: musnahkan "
            "(sobek atau hancurkan dengan mesin penghancur kertas).",
            "Once the kit has been used or replaced, this sheet no longer works: destroy it "
            "(tear it up or shred it).",
        ),
    ]


def recovery_sheet_html(data: RecoverySheetData) -> str:
    """The sheet as HTML (QTextDocument's subset)."""
    lang = language_of(data.language)
    facts = [
        [esc(pick(lang, "Kantor", "Office")), f"<b>{esc(data.office_name)}</b>"],
        [esc(pick(lang, "ID brankas", "Vault ID")), esc(data.vault_id)],
        [esc(pick(lang, "Tanggal dibuat", "Date made")), esc(format_long_date(data.created, lang))],
        [esc(pick(lang, "Kode pemeriksaan kit", "Kit check code")), esc(kit_check(data))],
    ]
    room = "&nbsp;<br/>&nbsp;"  # two lines to write in by hand
    keeper = [
        [esc(pick(lang, "Disimpan oleh (nama)", "Kept by (name)")), room],
        [esc(pick(lang, "Jabatan", "Position")), room],
        [esc(pick(lang, "Tanggal", "Date")), "&nbsp;"],
        [esc(pick(lang, "Tanda tangan", "Signature")), room + "<br/>&nbsp;"],
    ]
    parts = [
        f'<p align="center" style="font-size:10pt; margin:0;">{esc(INSTITUTION)}</p>',
        title_block(pick(lang, "KIT PEMULIHAN BRANKAS", "BRANKAS RECOVERY KIT")),
        '<p align="center" style="margin:4px 0 0 0;">'
        + esc(
            pick(
                lang,
                "Lembar ini membuka brankas data akun media sosial kantor jika semua kata "
                "sandi admin hilang.",
                "This sheet opens the office's social media account vault if every admin "
                "password is lost.",
            )
        )
        + "</p>",
        data_table(None, facts, [32, 68], font_pt=10, top=14),
        heading(pick(lang, "Kunci pemulihan (48 angka)", "Recovery key (48 digits)")),
        _key_table(data),
        heading(pick(lang, "Cara menyimpan", "Where to keep it")),
        numbered(_keep(lang)),
        heading(pick(lang, "Cara menggunakan", "How to use it")),
        numbered(_use(lang)),
        heading(pick(lang, "Penyimpan", "Keeper")),
        data_table(None, keeper, [32, 68], font_pt=10),
    ]
    return r.join_html(parts)


def recovery_sheet_document(data: RecoverySheetData) -> r.Document:
    """The sheet ready to lay out, marked confidential on every page."""
    lang = language_of(data.language)
    return r.Document(
        html=recovery_sheet_html(data),
        title=pick(lang, "Kit Pemulihan Brankas", "Brankas recovery kit"),
        footer=r.Footer(
            document_id=document_id("KIT", data.vault_id, data.created.strftime("%Y%m%d")),
            short_hash=kit_check(data),
            language=lang,
            mark=tr("mark_secret", lang),
        ),
    )


def render_recovery_sheet(data: RecoverySheetData, target: Path | QPagedPaintDevice) -> int:
    """Render the sheet on a printer/PDF writer, or write it as a PDF file readable by its
    owner only (it holds the key).

    Returns:
        The number of pages.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written (nothing is left behind).
    """
    return r.render(recovery_sheet_document(data), target)


def save_recovery_sheet_pdf(data: RecoverySheetData, path: Path) -> None:
    """Write the sheet as a PDF file, readable by its owner only.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written (nothing is left behind).
    """
    render_recovery_sheet(data, path)
