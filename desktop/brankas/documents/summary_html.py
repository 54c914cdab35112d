"""The term summary report's HTML: overview, completeness matrix, findings, accounts per kecamatan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

from brankas.core.domain.enums import AccountStatus, Platform, Severity
from brankas.core.review.matrix import BAST, Cell, CellState
from brankas.documents import render as r
from brankas.documents.blocks import (
    HEAD_BG,
    data_table,
    esc,
    heading,
    keep_together,
    paragraph,
    title_block,
)
from brankas.documents.i18n import (
    format_date,
    format_number,
    pick,
    platform_name,
    status_name,
    tr,
)
from brankas.documents.letterhead import letterhead_html

if TYPE_CHECKING:
    from brankas.documents.term_summary import SummaryAccount, SummaryKecamatan, TermSummaryData

# Cell state -> (Indonesian, English, background). Words as well as colours: the report
# is often printed in black and white.
_CELL: Final = {
    CellState.OK: ("ada", "ok", "#d7efd7"),
    CellState.PROBLEM: ("masalah", "issue", "#ffe4a8"),
    CellState.PLANNED: ("rencana", "planned", "#e6e6e6"),
    CellState.MISSING: ("belum ada", "missing", "#f6c9c9"),
}
_SEVERITY: Final = {
    Severity.ERROR: ("kesalahan", "error"),
    Severity.WARNING: ("peringatan", "warning"),
    Severity.INFO: ("info", "info"),
}


def short_date(d: date | None) -> str:
    """``27-01-2025`` (day-month-year, as Indonesian tables write it); ``—`` for none."""
    return "—" if d is None else f"{d:%d-%m-%Y}"


def _column_name(column: str, lang: str) -> str:
    if column == BAST:
        return "BAST"
    return platform_name(Platform(column), lang)


def _matrix_cell(cell: Cell, required: bool, lang: str) -> str:
    word_id, word_en, colour = _CELL[cell.state]
    if cell.state is CellState.MISSING and not required:
        return '<td align="center">—</td>'
    word = esc(pick(lang, word_id, word_en))
    if cell.state is CellState.OK and len(cell.account_ids) > 1:
        word += f" ({len(cell.account_ids)})"
    return f'<td align="center" bgcolor="{colour}">{word}</td>'


def matrix_html(data: TermSummaryData) -> str:
    """The completeness matrix: kecamatan × platforms and BAST, with totals of "ok"."""
    lang = data.language
    m = data.matrix
    columns = list(m.columns)
    width = max(7, 70 // (len(columns) + 1))
    head = (
        f'<th bgcolor="{HEAD_BG}" align="left">{esc(pick(lang, "Kecamatan", "Kecamatan"))}</th>'
        + "".join(
            f'<th bgcolor="{HEAD_BG}" width="{width}%">{esc(_column_name(c, lang))}'
            + (" *" if c in m.required else "")
            + "</th>"
            for c in columns
        )
        + f'<th bgcolor="{HEAD_BG}" width="{width}%">{esc(pick(lang, "Lengkap", "Complete"))}</th>'
    )
    rows = []
    for row in m.rows:
        cells = "".join(
            _matrix_cell(row.cells[c], c in m.required or c == BAST, lang) for c in columns
        )
        done = tr("yes" if row.complete else "no", lang)
        rows.append(
            f"<tr><td>{esc(row.kecamatan_name)}</td>{cells}"
            f'<td align="center"><b>{esc(done)}</b></td></tr>'
        )
    total = len(m.rows)
    sums = "".join(f'<td align="center">{m.totals[c][CellState.OK]}/{total}</td>' for c in columns)
    complete = sum(1 for row in m.rows if row.complete)
    rows.append(
        f'<tr><td bgcolor="{HEAD_BG}"><b>{esc(pick(lang, "Jumlah ada", "Total ok"))}</b></td>'
        f'{sums}<td align="center"><b>{complete}/{total}</b></td></tr>'
    )
    legend = pick(
        lang,
        "ada = tercatat tanpa masalah; masalah = lihat bagian B; rencana = baru direncanakan; "
        "belum ada = tidak ada akun (atau BAST penyerahan)",
        "ok = on record, no issue; issue = see part B; planned = only planned; "
        "missing = no account (or no issue BAST)",
    )
    note = pick(
        lang,
        "* wajib ada di setiap kecamatan. Keterangan: ",
        "* required in every kecamatan. Legend: ",
    )
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
        'style="border-collapse:collapse; border-color:#000000; font-size:8.5pt; margin-top:6px;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<p style="font-size:8pt; margin:3px 0 0 0;">{esc(note)}{esc(legend)}.</p>'
    )


def findings_html(data: TermSummaryData) -> str:
    """The review findings as a numbered table (or a sentence when there are none)."""
    lang = data.language
    if not data.findings:
        return paragraph(esc(pick(lang, "Tidak ada temuan.", "No findings.")), justify=False)
    names = {row.kecamatan_id: row.kecamatan_name for row in data.matrix.rows}
    rows = []
    for n, x in enumerate(data.findings, 1):
        sev_id, sev_en = _SEVERITY[x.severity]
        sev = esc(pick(lang, sev_id, sev_en))
        if x.severity is Severity.ERROR:
            sev = f"<b>{sev}</b>"
        kec = names.get(x.kecamatan_id, "") if x.kecamatan_id is not None else ""
        message = x.message_en if lang == "en" else x.message_id
        rows.append([str(n), esc(x.rule_id), sev, esc(kec or "—"), esc(message)])
    headers = [
        "No",
        pick(lang, "Aturan", "Rule"),
        pick(lang, "Tingkat", "Severity"),
        "Kecamatan",
        pick(lang, "Temuan", "Finding"),
    ]
    return data_table(
        headers, rows, [4, 6, 10, 14, 66], font_pt=8.5, align=["center", "center"] + ["left"] * 3
    )


def _account_row(n: int, a: SummaryAccount, lang: str) -> list[str]:
    status = esc(status_name(a.status, lang))
    if a.overdue:
        status += "<br/><b>" + esc(pick(lang, "lewat masa tugas", "overdue")) + "</b>"
    holder = esc(a.holder) if a.holder else esc(pick(lang, "kantor", "office"))
    period = f"{short_date(a.active_from)} – {short_date(a.active_until)}"
    if a.rotation_due:
        rotation = "<b>" + esc(pick(lang, "perlu diganti", "change due")) + "</b>"
    elif a.password_changed is not None:
        rotation = esc(short_date(a.password_changed))
    else:
        rotation = "—"
    checklist = f"{a.checklist_done}/{a.checklist_total}" if a.checklist_total else "—"
    if a.checklist_total and a.checklist_done < a.checklist_total:
        checklist = f"<b>{checklist}</b>"
    return [
        str(n),
        esc(platform_name(a.platform, lang)),
        esc(a.handle),
        status,
        holder,
        esc(period),
        rotation,
        checklist,
    ]


def kecamatan_html(k: SummaryKecamatan, lang: str) -> str:
    """One kecamatan: a heading with its term end, then its accounts."""
    title = "Kecamatan " + k.name if k.name else pick(lang, "Tanpa kecamatan", "No kecamatan")
    if k.end_date is not None:
        title += " — " + pick(lang, "masa tugas berakhir {d}", "term ends {d}").format(
            d=format_date(k.end_date, lang)
        )
        if k.extended:
            title += pick(lang, " (tanggal khusus)", " (own end date)")
    if not k.accounts:
        return keep_together(
            heading(title, size_pt=9.5, top=0)
            + paragraph(esc(pick(lang, "Belum ada akun.", "No accounts yet.")), top=2),
            top=10,
        )
    headers = [
        "No",
        "Platform",
        pick(lang, "Nama pengguna", "Username"),
        "Status",
        pick(lang, "Pemegang", "Holder"),
        pick(lang, "Masa aktif", "Active period"),
        pick(lang, "Kata sandi diubah", "Password changed"),
        pick(lang, "Daftar periksa", "Checklist"),
    ]
    rows = [_account_row(n, a, lang) for n, a in enumerate(k.accounts, 1)]
    table = data_table(
        headers,
        rows,
        [4, 12, 22, 13, 15, 16, 10, 8],
        font_pt=8.5,
        top=3,
        align=["center", "left", "left", "left", "left", "left", "left", "center"],
    )
    return keep_together(heading(title, size_pt=9.5, top=0) + table, top=10)


def _overview(data: TermSummaryData) -> str:
    lang = data.language
    total = sum(data.counts.values())
    counts = ", ".join(
        f"{esc(status_name(s, lang))} {format_number(data.counts[s], lang)}"
        for s in AccountStatus
        if data.counts.get(s)
    )
    rows = [
        [
            esc(pick(lang, "Masa tugas", "Term")),
            f"<b>{esc(data.term_name)}</b> ({esc(format_date(data.start, lang))} "
            f"{esc(pick(lang, 's.d.', 'to'))} {esc(format_date(data.end, lang))})",
        ],
        [esc(pick(lang, "Nomor SK", "Decree number")), esc(data.sk_number or "—")],
        [
            esc(pick(lang, "Jumlah kecamatan", "Kecamatan")),
            format_number(len(data.matrix.rows), lang),
        ],
        [
            esc(pick(lang, "Jumlah akun", "Accounts")),
            f"{format_number(total, lang)}" + (f" ({counts})" if counts else ""),
        ],
        [
            esc(pick(lang, "Temuan", "Findings")),
            esc(_finding_counts(data)),
        ],
    ]
    return data_table(None, rows, [22, 78], font_pt=9, top=10)


def _finding_counts(data: TermSummaryData) -> str:
    lang = data.language
    parts = []
    for sev in Severity:
        n = sum(1 for x in data.findings if x.severity is sev)
        if n:
            word_id, word_en = _SEVERITY[sev]
            word = pick(
                lang, word_id, word_en + ("s" if n != 1 and sev is not Severity.INFO else "")
            )
            parts.append(f"{format_number(n, lang)} {word}")
    return ", ".join(parts) or pick(lang, "tidak ada", "none")


def term_summary_html(data: TermSummaryData) -> str:
    """The report as HTML (QTextDocument's subset)."""
    lang = data.language
    parts = [
        letterhead_html(data.letterhead) if data.letterhead.office else "",
        title_block(
            pick(lang, "LAPORAN RINGKASAN MASA TUGAS", "TERM SUMMARY REPORT"),
            pick(lang, "{t} — keadaan per {d}", "{t} — as of {d}").format(
                t=data.term_name, d=format_date(data.today, lang)
            ),
        ),
        _overview(data),
        heading(pick(lang, "A. Matriks kelengkapan", "A. Completeness matrix"), keep_next=True),
        matrix_html(data),
        heading(pick(lang, "B. Temuan pemeriksaan", "B. Review findings"), keep_next=True),
        findings_html(data),
        heading(pick(lang, "C. Akun per kecamatan", "C. Accounts per kecamatan"), keep_next=True),
    ]
    parts.extend(kecamatan_html(k, lang) for k in data.kecamatan)
    return r.join_html(parts)
