"""The BAST (Berita Acara Serah Terima): the signed minutes of handing accounts over.

A BAST lists accounts by platform, handle, URL, recovery chain ownership and 2FA status —
never a password, TOTP secret or backup code: :class:`BastAccount` has no field that
could hold one, and the builder reads account rows only (the secrets live in another
table that it never touches). Passwords go on the separate credential slip.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from brankas.core.domain.enums import HandoverKind, Owner, Platform, TwoFactorMethod
from brankas.core.domain.models import Account, Handover
from brankas.core.services import accounts, handover, office, people, terms
from brankas.core.services.context import ServiceContext
from brankas.documents import bast_text as text
from brankas.documents import render as r
from brankas.documents.blocks import (
    Party,
    data_table,
    esc,
    keep_together,
    numbered,
    paragraph,
    party_block,
    party_of,
    signature_cell,
    signature_row,
    title_block,
)
from brankas.documents.fingerprint import document_id, record_hash, short_hash
from brankas.documents.i18n import (
    owner_name,
    pick,
    platform_name,
    tr,
    twofa_name,
)
from brankas.documents.letterhead import Letterhead, letterhead_html, letterhead_of

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BastAccount:
    """One row of the BAST's account table (public facts only)."""

    platform: Platform
    handle: str
    url: str = ""
    recovery_email: str = ""
    recovery_email_owner: Owner = Owner.UNKNOWN
    recovery_phone: str = ""
    recovery_phone_owner: Owner = Owner.UNKNOWN
    twofa: TwoFactorMethod = TwoFactorMethod.NONE
    twofa_device_owner: Owner = Owner.UNKNOWN


@dataclass(frozen=True, slots=True)
class BastData:
    """Everything a BAST prints. ``draft``: a preview of a handover not recorded yet."""

    letterhead: Letterhead
    number: str
    kind: HandoverKind
    on: date
    place: str
    first_party: Party
    second_party: Party
    accounts: tuple[BastAccount, ...]
    kecamatan: str = ""
    term_name: str = ""
    sk_number: str = ""
    sk_date: date | None = None
    term_start: date | None = None
    term_end: date | None = None
    witnesses: tuple[Party, ...] = ()
    mengetahui: Party | None = None
    notes: str = ""
    language: str = "id"
    document_id: str = ""
    record_hash: str = ""
    draft: bool = False


def _owner(value: str, owner: Owner, linked: int | None) -> Owner:
    # An address that is itself an account in the vault is the office's own.
    if value and owner is Owner.UNKNOWN and linked is not None:
        return Owner.OFFICE
    return owner


def bast_account(a: Account) -> BastAccount:
    """The printable facts of an account."""
    return BastAccount(
        platform=a.platform,
        handle=a.handle,
        url=a.url,
        recovery_email=a.recovery_email,
        recovery_email_owner=_owner(
            a.recovery_email, a.recovery_email_owner, a.recovery_email_account_id
        ),
        recovery_phone=a.recovery_phone,
        recovery_phone_owner=_owner(
            a.recovery_phone, a.recovery_phone_owner, a.recovery_phone_account_id
        ),
        twofa=a.twofa_method,
        twofa_device_owner=a.twofa_device_owner,
    )


def bast_data(ctx: ServiceContext, record: Handover | int) -> BastData:
    """Gather a BAST's data from the vault (never reads a secret).

    Args:
        ctx: the service context.
        record: a stored handover or its id, or a preview from
            ``handover.preview_handover`` (id 0: printed as a draft).

    Returns:
        The data, with the document id and the record's hash.

    Raises:
        NotFound: no such handover (or a person, term or account it names).
    """
    h = handover.get_handover(ctx, record) if isinstance(record, int) else record
    own = office.get_office(ctx)
    listed = [accounts.get_account(ctx, i.account_id) for i in h.items]
    term = terms.get_term(ctx, h.term_id) if h.term_id is not None else None
    first = people.get_person(ctx, h.first_party_person_id)
    second = people.get_person(ctx, h.second_party_person_id)
    committee = first if h.kind is HandoverKind.RETURN else second
    kec_id = committee.kecamatan_id
    if kec_id is None and listed:
        kec_id = listed[0].kecamatan_id
    kecamatan = office.get_kecamatan(ctx, kec_id).name if kec_id is not None else ""
    end = terms.effective_end(ctx, term.id, kec_id) if term is not None else None
    data = BastData(
        letterhead=letterhead_of(own),
        number=h.number,
        kind=h.kind,
        on=h.date,
        place=h.place or own.city,
        first_party=party_of(first),
        second_party=party_of(second),
        accounts=tuple(bast_account(a) for a in listed),
        kecamatan=kecamatan,
        term_name=term.name if term else "",
        sk_number=term.sk_number if term else "",
        sk_date=term.sk_date if term else None,
        term_start=term.start_date if term else None,
        term_end=end,
        witnesses=tuple(party_of(people.get_person(ctx, w)) for w in h.witness_person_ids),
        mengetahui=(
            party_of(people.get_person(ctx, h.mengetahui_person_id))
            if h.mengetahui_person_id is not None
            else None
        ),
        notes=h.notes,
        language=own.language,
        draft=h.id == 0,
    )
    digest = record_hash(bast_record(data, ctx.vault.vault_id))
    ident = document_id("BAST", ctx.vault.vault_id, h.id if h.id else "DRAF")
    return replace(data, document_id=ident, record_hash=digest)


def bast_record(data: BastData, vault_id: str) -> dict[str, object]:
    """What the record hash covers: what the paper shows, plus the vault it belongs to.

    The handover's database id is left out, so a preview and the recorded handover have
    the same hash when nothing changed in between.
    """

    def party(p: Party | None) -> list[str] | None:
        return None if p is None else [p.name, p.position, p.nip, p.institution]

    return {
        "v": 1,
        "vault": vault_id,
        "number": data.number,
        "kind": data.kind.value,
        "date": data.on.isoformat(),
        "place": data.place,
        "kecamatan": data.kecamatan,
        "term": [data.term_name, data.sk_number, str(data.sk_date or "")],
        "first": party(data.first_party),
        "second": party(data.second_party),
        "witnesses": [party(w) for w in data.witnesses],
        "mengetahui": party(data.mengetahui),
        "accounts": [[a.platform.value, a.handle, a.url] for a in data.accounts],
    }


# --- the text -------------------------------------------------------------------------
def _recovery_cell(a: BastAccount, lang: str) -> str:
    lines = []
    if a.recovery_email:
        label = pick(lang, "Surel", "E-mail")
        lines.append(
            f"{label}: {esc(a.recovery_email)} ({esc(owner_name(a.recovery_email_owner, lang))})"
        )
    if a.recovery_phone:
        label = pick(lang, "Telepon", "Phone")
        lines.append(
            f"{label}: {esc(a.recovery_phone)} ({esc(owner_name(a.recovery_phone_owner, lang))})"
        )
    return "<br/>".join(lines) or esc(tr("none", lang))


def _url_cell(a: BastAccount, lang: str) -> str:
    # An e-mail account's "mailto:" address only repeats its handle.
    if not a.url or a.url.casefold() == f"mailto:{a.handle}".casefold():
        return esc(tr("none", lang))
    return esc(a.url)


def _twofa_cell(a: BastAccount, lang: str) -> str:
    text = esc(twofa_name(a.twofa, lang))
    if a.twofa in (TwoFactorMethod.TOTP, TwoFactorMethod.SECURITY_KEY) and (
        a.twofa_device_owner is not Owner.UNKNOWN
    ):
        owner = owner_name(a.twofa_device_owner, lang)
        text += "<br/>" + esc(tr("device_on", lang).format(owner=owner))
    return text


def _accounts_table(data: BastData) -> str:
    lang = data.language
    headers = [
        "No",
        pick(lang, "Platform", "Platform"),
        pick(lang, "Nama pengguna", "Username"),
        pick(lang, "Alamat (URL)", "Address (URL)"),
        pick(lang, "Surel / telepon pemulihan", "Recovery e-mail / phone"),
        pick(lang, "Verifikasi dua langkah", "Two-step verification"),
    ]
    rows = [
        [
            str(n),
            esc(platform_name(a.platform, lang)),
            f"<b>{esc(a.handle)}</b>",
            _url_cell(a, lang),
            _recovery_cell(a, lang),
            _twofa_cell(a, lang),
        ]
        for n, a in enumerate(data.accounts, 1)
    ]
    return data_table(
        headers,
        rows,
        [5, 12, 25, 20, 24, 14],
        font_pt=8.5,
        align=["center", "left", "left", "left", "left", "left"],
    )


def _signatures(data: BastData) -> list[str]:
    """Signature blocks, each group kept on one page: the parties (with the closing
    sentence before them), the witnesses, "mengetahui"."""
    lang = data.language
    p1, p2 = tr("first_party", lang), tr("second_party", lang)
    parties = signature_row(
        [
            signature_cell([p1 + ",", tr("handing", lang)], data.first_party, lang),
            signature_cell([p2 + ",", tr("receiving", lang)], data.second_party, lang),
        ]
    )
    groups = [keep_together(paragraph(text.closing(lang)) + parties, top=8)]
    if data.witnesses:
        cells = [
            signature_cell([pick(lang, f"Saksi {n}", f"Witness {n}"), w.title], w, lang)
            for n, w in enumerate(data.witnesses, 1)
        ]
        rows = "".join(
            signature_row(cells[start : start + 3], top=4 if start == 0 else 18)
            for start in range(0, len(cells), 3)
        )
        caption = f'<p style="margin:0;">{esc(tr("witnesses", lang))}</p>'
        groups.append(keep_together(caption + rows, top=16))
    if data.mengetahui is not None:
        m = data.mengetahui
        cell = signature_cell([tr("mengetahui", lang), m.title], m, lang)
        groups.append(keep_together(signature_row([cell], top=0), top=16))
    return groups


def bast_html(data: BastData) -> str:
    """The BAST as HTML (QTextDocument's subset); no secret can appear in it."""
    lang = data.language
    parts = [
        letterhead_html(data.letterhead),
        title_block(
            text.title(lang), pick(lang, "Nomor: {n}", "Number: {n}").format(n=data.number)
        ),
        paragraph(text.opening(data), top=14),
        party_block(1, data.first_party, tr("first_party", lang), lang),
        party_block(2, data.second_party, tr("second_party", lang), lang),
        paragraph(text.handing(data)),
        _accounts_table(data),
        numbered(text.statements(data), top=10),
    ]
    if data.notes.strip():
        label = pick(lang, "Catatan", "Notes")
        parts.append(paragraph(f"{esc(label)}: {esc(data.notes.strip())}"))
    parts.extend(_signatures(data))
    return r.join_html(parts)


def bast_document(data: BastData) -> r.Document:
    """The BAST ready to lay out (a draft carries a mark on every page)."""
    lang = data.language
    return r.Document(
        html=bast_html(data),
        title=f"BAST {data.number}",
        footer=r.Footer(
            document_id=data.document_id,
            short_hash=short_hash(data.record_hash) if data.record_hash else "",
            language=lang,
            mark=tr("mark_draft", lang) if data.draft else "",
        ),
    )


def render_bast(data: BastData, target: Path | QPagedPaintDevice) -> int:
    """Write the BAST as an A4 PDF file or paint it on a printer/PDF writer.

    Returns:
        The number of pages.

    Raises:
        DiskFull, VaultReadOnly: the file could not be written.
    """
    return r.render(bast_document(data), target)
