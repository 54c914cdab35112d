"""The credential slip: one committee member's passwords, printed apart from the BAST, confidential.

This layer never reads a secret: the caller (the GUI, after asking the operator's
password again and recording the reveal in the audit log) passes the passwords it
revealed. The slip lists only the accounts of one handover given to that member, and
refuses a password for any other account.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from brankas.core.domain.enums import HandoverKind, Platform
from brankas.core.domain.models import Handover
from brankas.core.errors import InvalidValue
from brankas.core.secret import Secret
from brankas.core.services import accounts, handover, office, people
from brankas.core.services.context import ServiceContext
from brankas.documents import render as r
from brankas.documents.blocks import (
    Party,
    data_table,
    esc,
    heading,
    keep_together,
    numbered,
    paragraph,
    party_of,
    signature_cell,
    signature_row,
    title_block,
)
from brankas.documents.fingerprint import document_id, record_hash, short_hash
from brankas.documents.i18n import format_date, pick, platform_name, tr
from brankas.documents.letterhead import Letterhead, letterhead_html, letterhead_of

_MONO = ", ".join(f"'{f}'" for f in r.MONO_FAMILIES) + ", monospace"


@dataclass(frozen=True, slots=True)
class SlipEntry:
    """One account and its password (a :class:`Secret`: masked in every repr)."""

    platform: Platform
    handle: str
    password: Secret
    url: str = ""


@dataclass(frozen=True, slots=True)
class CredentialSlipData:
    """What a slip prints: whose it is, which BAST it belongs to, and the passwords."""

    letterhead: Letterhead
    holder: Party
    number: str  # the BAST number
    on: date
    entries: tuple[SlipEntry, ...]
    place: str = ""
    language: str = "id"
    document_id: str = ""
    record_hash: str = ""  # over the handles, never the passwords


def credential_slip_data(
    ctx: ServiceContext, record: Handover | int, passwords: Mapping[int, Secret | str]
) -> CredentialSlipData:
    """The slip for the member who receives the accounts of an issue (or next-committee)
    handover, with the passwords the caller revealed (account id → password).

    Args:
        ctx: the service context.
        record: the stored handover or its id.
        passwords: revealed passwords by account id; only accounts listed on the handover.

    Returns:
        The slip's data, accounts in the handover's order (those without a password in
        ``passwords`` are left out).

    Raises:
        NotFound: no such handover.
        InvalidValue: field ``passwords``: ``slip_wrong_kind`` (a return handover: the
            committee gives passwords back, it does not receive them),
            ``slip_account_not_listed`` (a password for an account not on the handover),
            ``slip_empty`` (no password given).
    """
    h = handover.get_handover(ctx, record) if isinstance(record, int) else record
    if h.kind is HandoverKind.RETURN:
        raise InvalidValue(
            "a return handover has no credential slip", field="passwords", code="slip_wrong_kind"
        )
    listed = [i.account_id for i in h.items]
    stray = set(passwords) - set(listed)
    if stray:
        raise InvalidValue(
            f"account {min(stray)} is not listed on handover {h.id}",
            field="passwords",
            code="slip_account_not_listed",
        )
    if not passwords:
        raise InvalidValue("no password to print", field="passwords", code="slip_empty")
    entries = []
    for account_id in listed:
        if account_id in passwords:
            a = accounts.get_account(ctx, account_id)
            value = passwords[account_id]
            secret = value if isinstance(value, Secret) else Secret(value)
            entries.append(SlipEntry(a.platform, a.handle, secret, a.url))
    holder = party_of(people.get_person(ctx, h.second_party_person_id))
    own = office.get_office(ctx)
    fingerprint = {
        "v": 1,
        "vault": ctx.vault.vault_id,
        "number": h.number,
        "date": h.date.isoformat(),
        "holder": [holder.name, holder.position],
        "accounts": [[e.platform.value, e.handle] for e in entries],
    }
    return CredentialSlipData(
        letterhead=letterhead_of(own),
        holder=holder,
        number=h.number,
        on=h.date,
        entries=tuple(entries),
        place=h.place or own.city,
        language=own.language,
        document_id=document_id(
            "SLIP", ctx.vault.vault_id, f"{h.id or 'DRAF'}-P{h.second_party_person_id}"
        ),
        record_hash=record_hash(fingerprint),
    )


def _password_cell(secret: Secret) -> str:
    # A password broken over two lines (at a hyphen, say) is misread: keep it on one line,
    # smaller when long; only a password too long for the column is allowed to wrap.
    value = secret.reveal()
    size = 12 if len(value) <= 26 else 10 if len(value) <= 34 else 8.5
    nowrap = " white-space:nowrap;" if len(value) <= 44 else ""
    return (
        f'<p style="margin:0;{nowrap}"><span style="font-family:{_MONO}; font-size:{size}pt; '
        f'font-weight:bold;">{esc(value)}</span></p>'
    )


def credential_slip_html(data: CredentialSlipData) -> str:
    """The slip as HTML. It holds the passwords in clear: never log or keep it."""
    lang = data.language
    rows = [
        [
            str(n),
            esc(platform_name(e.platform, lang)),
            f"<b>{esc(e.handle)}</b>",
            _password_cell(e.password),
        ]
        for n, e in enumerate(data.entries, 1)
    ]
    headers = [
        "No",
        pick(lang, "Platform", "Platform"),
        pick(lang, "Nama pengguna", "Username"),
        pick(lang, "Kata sandi", "Password"),
    ]
    holder = data.holder
    to = esc(holder.name) + (f" — {esc(holder.title)}" if holder.title else "")
    rules = [
        pick(
            lang,
            "Lembar ini RAHASIA dan hanya untuk penerima yang namanya tertulis di atas. Jangan "
            "memotret, menggandakan, atau membagikannya.",
            "This sheet is CONFIDENTIAL and only for the person named above. Do not "
            "photograph, copy or share it.",
        ),
        pick(
            lang,
            "Simpan kata sandi di tempat yang aman, lalu musnahkan lembar ini.",
            "Keep the passwords somewhere safe, then destroy this sheet.",
        ),
        pick(
            lang,
            "Jangan mengganti kata sandi, surel atau nomor telepon pemulihan, maupun pengaturan "
            "verifikasi dua langkah tanpa persetujuan {office}.",
            "Do not change a password, recovery e-mail or phone, or a two-step verification "
            "setting without the consent of {office}.",
        ).format(office=esc(data.letterhead.office_name)),
        pick(
            lang,
            "Pada akhir masa tugas, akun dikembalikan dan kata sandinya diganti oleh kantor.",
            "At the end of the term the accounts are returned and the office changes the "
            "passwords.",
        ),
    ]
    receipt = signature_row(
        [
            "",
            signature_cell(
                [
                    ", ".join(x for x in (data.place, format_date(data.on, lang)) if x),
                    tr("receiving", lang),
                ],
                holder,
                lang,
            ),
        ]
    )
    parts = [
        letterhead_html(data.letterhead),
        title_block(
            pick(lang, "LEMBAR KATA SANDI AKUN", "ACCOUNT PASSWORD SLIP"),
            pick(
                lang, "Lampiran Berita Acara Nomor {n}", "Attachment to minutes number {n}"
            ).format(n=data.number),
        ),
        paragraph(f"{esc(pick(lang, 'Untuk', 'For'))}: <b>{to}</b>", justify=False, top=14),
        paragraph(
            esc(pick(lang, "Tanggal serah terima", "Handover date"))
            + f": {esc(format_date(data.on, lang))}",
            justify=False,
            top=2,
        ),
        data_table(headers, rows, [6, 18, 30, 46], font_pt=10, align=["center"] + ["left"] * 3),
        heading(pick(lang, "Ketentuan", "Rules")),
        numbered(rules),
        keep_together(receipt),
    ]
    return r.join_html(parts)


def credential_slip_document(data: CredentialSlipData) -> r.Document:
    """The slip ready to lay out, marked confidential on every page."""
    lang = data.language
    return r.Document(
        html=credential_slip_html(data),
        title=pick(lang, "Lembar kata sandi {n}", "Password slip {n}").format(n=data.number),
        footer=r.Footer(
            document_id=data.document_id,
            short_hash=short_hash(data.record_hash) if data.record_hash else "",
            language=lang,
            mark=tr("mark_secret", lang),
        ),
    )


def render_credential_slip(data: CredentialSlipData, target: Path | QPagedPaintDevice) -> int:
    """Print the slip, or write it as a PDF file readable by its owner only.

    Returns:
        The number of pages.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written.
    """
    return r.render(credential_slip_document(data), target)
