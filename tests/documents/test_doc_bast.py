"""The BAST: parties, spelled-out date, every account, page numbers, document id — and no secret."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from doc_support import build_demo, pdf_pages, pdf_streams, pdf_text

from brankas.core.domain.enums import HandoverKind, Owner, Platform, TwoFactorMethod
from brankas.core.domain.models import Handover
from brankas.core.services import accounts, handover, office, people, secrets
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault
from brankas.documents.bast import BastAccount, BastData, bast_data, bast_html, render_bast
from brankas.documents.blocks import Party
from brankas.documents.credential_slip import credential_slip_data, render_credential_slip
from brankas.documents.fingerprint import short_hash
from brankas.documents.letterhead import Letterhead

CANARY_TOTP = "CANARYTOTPSECRETCANARYTOTPSECRET"  # valid base32, easy to grep


def canaries(account_id: int) -> list[str]:
    return [
        f"CANARY-PW-{account_id}-Zq9",
        f"CANARY-BC-{account_id}-1",
        f"CANARY-BC-{account_id}-2",
        f"CANARY-NOTE-{account_id}",
        CANARY_TOTP,
    ]


@pytest.fixture(scope="module")
def canary_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceContext]:
    """The demo vault with a recognisable password, TOTP secret, backup codes and notes on
    every account."""
    vault, _kit, ctx = build_demo(tmp_path_factory.mktemp("canary") / "vault")
    for a in accounts.list_accounts(ctx):
        pw, bc1, bc2, note, totp = canaries(a.id)
        secrets.set_password(ctx, a.id, pw, reason="routine")
        secrets.set_backup_codes(ctx, a.id, [bc1, bc2])
        secrets.set_notes(ctx, a.id, note)
        secrets.set_totp(ctx, a.id, totp)
    yield ctx
    vault.close(backup=False)


def find(ctx: ServiceContext, kind: HandoverKind, on: date) -> Handover:
    return next(h for h in handover.list_handovers(ctx) if h.kind is kind and h.date == on)


def flat(text: str) -> str:
    return " ".join(text.split())


def compact(text: str) -> str:
    """Without any whitespace: a handle wrapped inside a table cell is still found."""
    return "".join(text.split())


def test_return_bast_has_parties_date_accounts_and_pages(
    canary_vault: ServiceContext, tmp_path: Path
) -> None:
    ctx = canary_vault
    h = find(ctx, HandoverKind.RETURN, date(2025, 1, 27))
    data = bast_data(ctx, h.id)
    path = tmp_path / "bast.pdf"
    pages = render_bast(data, path)
    text = pdf_text(path)
    html = bast_html(data)
    first = people.get_person(ctx, h.first_party_person_id)
    second = people.get_person(ctx, h.second_party_person_id)
    for body in (flat(text), flat(html)):
        assert "BERITA ACARA SERAH TERIMA AKUN MEDIA SOSIAL" in body
        assert h.number in body
        assert (
            "Pada hari ini Senin tanggal dua puluh tujuh bulan Januari tahun dua ribu dua "
            "puluh lima, bertempat di Buol, kami yang bertanda tangan di bawah ini:"
        ) in body
        for person in (first, second):
            assert person.name in body and person.position in body
        assert "PIHAK PERTAMA" in body and "PIHAK KEDUA" in body
        assert "SK-CONTOH/PK/IV/2024" in body
        assert "Mengetahui" in body and "Saksi" in body
        assert "tidak lagi menyimpan" in body  # the return's own statement
    listed = [accounts.get_account(ctx, i.account_id) for i in h.items]
    assert len(listed) == 4
    for a in listed:
        assert a.handle in compact(text), a.handle
    assert f"{len(listed)} (empat) akun" in flat(text)
    assert "milik kantor" in flat(text)
    split = pdf_pages(text)
    assert len(split) == pages >= 1
    for n, page in enumerate(split, 1):
        assert f"Halaman {n} dari {pages}" in page
        assert data.document_id in page
        assert short_hash(data.record_hash) in page
    assert data.document_id == f"BAST-{ctx.vault.vault_id[:6].upper()}-{h.id}"


@pytest.mark.parametrize(
    ("kind", "on"),
    [
        (HandoverKind.ISSUE, date(2024, 5, 21)),
        (HandoverKind.RETURN, date(2025, 1, 27)),
        (HandoverKind.NEXT_COMMITTEE, date(2024, 5, 21)),
    ],
)
def test_no_secret_anywhere_in_a_bast(
    canary_vault: ServiceContext, tmp_path: Path, kind: HandoverKind, on: date
) -> None:
    ctx = canary_vault
    for h in (x for x in handover.list_handovers(ctx) if x.kind is kind and x.date == on):
        data = bast_data(ctx, h.id)
        path = tmp_path / f"bast-{h.id}.pdf"
        render_bast(data, path)
        raw = pdf_streams(path.read_bytes())
        text = pdf_text(path)
        html = bast_html(data)
        for item in h.items:
            for canary in canaries(item.account_id):
                assert canary not in text and canary not in html and canary not in repr(data)
                assert canary.encode() not in raw
        assert "CANARY" not in text and b"CANARY" not in raw and "CANARY" not in html


def test_the_canary_check_can_fail(canary_vault: ServiceContext, tmp_path: Path) -> None:
    """The same extraction finds a password where one is printed: the slip."""
    ctx = canary_vault
    h = find(ctx, HandoverKind.ISSUE, date(2024, 5, 21))
    account_id = h.items[0].account_id
    slip = credential_slip_data(ctx, h, {account_id: canaries(account_id)[0]})
    path = tmp_path / "slip.pdf"
    render_credential_slip(slip, path)
    assert canaries(account_id)[0] in pdf_text(path)


def test_each_kind_states_its_own_responsibilities(ctx: ServiceContext) -> None:
    issue = flat(bast_html(bast_data(ctx, find(ctx, HandoverKind.ISSUE, date(2024, 5, 21)))))
    back = flat(bast_html(bast_data(ctx, find(ctx, HandoverKind.RETURN, date(2025, 1, 27)))))
    onward = flat(
        bast_html(bast_data(ctx, find(ctx, HandoverKind.NEXT_COMMITTEE, date(2024, 5, 21))))
    )
    assert "wajib mengembalikan" in issue and "akun permanen" not in issue
    assert "sampai dengan berakhirnya masa tugas pada tanggal 27 Januari 2025" in issue
    assert "tidak lagi menyimpan" in back and "wajib mengembalikan" not in back
    assert "akun permanen" in onward and "wajib mengembalikan" in onward
    assert "1 (satu) akun" in onward and "Akun tersebut" in onward  # singular wording
    # Issue: the office hands over; return: the committee does.
    assert issue.index("Rina Contoh") < issue.index("Ketua Panwaslu")
    assert back.index("Ketua Panwaslu") < back.index("Rina Contoh")


def _sample(on: date, **changes: object) -> BastData:
    data = BastData(
        letterhead=Letterhead(
            institution="BADAN PENGAWAS PEMILIHAN UMUM",
            office="KABUPATEN CONTOH",
            address="Jl. Contoh No. 2",
            office_name="Bawaslu Kabupaten Contoh",
            city="Contoh",
        ),
        number="BAST/001/BWS.CONTOH/I/2025",
        kind=HandoverKind.ISSUE,
        on=on,
        place="Contoh",
        first_party=Party("Ani Contoh", "Koordinator Sekretariat", "", "Bawaslu Kabupaten Contoh"),
        second_party=Party("Budi Fiktif", "Ketua Panwaslu Kecamatan Satu", "", ""),
        accounts=(BastAccount(Platform.INSTAGRAM, "@contoh.satu"),),
        kecamatan="Satu",
        document_id="BAST-000000-1",
        record_hash="ab" * 32,
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("on", "spelled"),
    [
        (
            date(2025, 1, 27),
            "Senin tanggal dua puluh tujuh bulan Januari tahun dua ribu dua puluh lima",
        ),
        (
            date(2025, 2, 28),
            "Jumat tanggal dua puluh delapan bulan Februari tahun dua ribu dua puluh lima",
        ),
        (
            date(2024, 5, 21),
            "Selasa tanggal dua puluh satu bulan Mei tahun dua ribu dua puluh empat",
        ),
        (date(2022, 11, 1), "Selasa tanggal satu bulan November tahun dua ribu dua puluh dua"),
        (date(2024, 12, 11), "Rabu tanggal sebelas bulan Desember tahun dua ribu dua puluh empat"),
        (date(2024, 8, 10), "Sabtu tanggal sepuluh bulan Agustus tahun dua ribu dua puluh empat"),
        (date(2030, 3, 19), "Selasa tanggal sembilan belas bulan Maret tahun dua ribu tiga puluh"),
        (date(2025, 6, 1), "Minggu tanggal satu bulan Juni tahun dua ribu dua puluh lima"),
    ],
)
def test_opening_spells_the_date(on: date, spelled: str) -> None:
    assert f"Pada hari ini {spelled}, bertempat di Contoh," in flat(bast_html(_sample(on)))


def test_english_opening_and_labels() -> None:
    html = flat(bast_html(_sample(date(2025, 1, 27), language="en")))
    assert (
        "On this day, Monday, the twenty-seventh day of January in the year two thousand "
        "twenty-five, at Contoh, we the undersigned:"
    ) in html
    assert "MINUTES OF HANDOVER OF SOCIAL MEDIA ACCOUNTS" in html and "FIRST PARTY" in html
    assert "BADAN PENGAWAS PEMILIHAN UMUM" in html  # official names stay Indonesian


def test_values_are_escaped_and_recovery_owners_shown() -> None:
    tricky = BastAccount(
        Platform.X,
        "<b>@x&y</b>",
        url="https://x.com/<i>",
        recovery_email="a@kantor.example",
        recovery_email_owner=Owner.OFFICE,
        recovery_phone="0812-0000-0001",
        recovery_phone_owner=Owner.PERSON,
        twofa=TwoFactorMethod.TOTP,
        twofa_device_owner=Owner.OFFICE,
    )
    html = bast_html(_sample(date(2025, 1, 27), accounts=(tricky,), notes="<script>"))
    assert "&lt;b&gt;@x&amp;y&lt;/b&gt;" in html and "<b>@x" not in html
    assert "<script>" not in html and "<i>" not in html
    assert "a@kantor.example (milik kantor)" in html
    assert "0812-0000-0001 (milik pribadi)" in html
    assert "aktif (aplikasi autentikator)" in html and "perangkat milik kantor" in html


def test_nip_and_witnesses_are_printed(ctx: ServiceContext) -> None:
    h = find(ctx, HandoverKind.RETURN, date(2025, 1, 27))
    people.update_person(ctx, h.second_party_person_id, nip="198501012010011001")
    html = bast_html(bast_data(ctx, h.id))
    assert "198501012010011001" in html and "NIP. 198501012010011001" in html
    assert "Operator Contoh" in html and "Ahmad Rekaan" in html


def test_many_accounts_run_over_pages_with_the_header_repeated(tmp_path: Path) -> None:
    many = tuple(
        BastAccount(Platform.INSTAGRAM, f"@contoh.akun{n:02d}", url=f"https://instagram.com/a{n}")
        for n in range(40)
    )
    witnesses = tuple(Party(f"Saksi Contoh {n}", "Staf", "", "") for n in range(4))
    data = _sample(
        date(2025, 1, 27),
        accounts=many,
        witnesses=witnesses,
        mengetahui=Party("Kepala Contoh", "Ketua", "", "Bawaslu Kabupaten Contoh"),
    )
    path = tmp_path / "long.pdf"
    pages = render_bast(data, path)
    split = pdf_pages(pdf_text(path))
    assert pages == len(split) >= 3
    assert "40 (empat puluh) akun" in flat(split[0])
    table_pages = [p for p in split if "@contoh.akun" in p]
    assert len(table_pages) >= 2
    assert all("Nama pengguna" in p for p in table_pages)  # header row on every page
    for n, page in enumerate(split, 1):
        assert f"Halaman {n} dari {pages}" in page
    # The closing sentence and both parties' signatures are on one page.
    closing = [p for p in split if "Demikian Berita Acara" in flat(p)]
    assert len(closing) == 1 and "Budi Fiktif" in closing[0] and "Yang menerima" in closing[0]
    whole = compact("".join(split))
    for n in range(40):
        assert whole.count(f"@contoh.akun{n:02d}") == 1  # each row once: none drawn twice


def test_preview_is_a_draft_with_the_hash_the_record_gets(tmp_path: Path) -> None:
    vault, _kit, ctx = build_demo(tmp_path / "vault")
    try:
        from brankas.core.services import custody, terms
        from brankas.core.services.handover_wizard import HandoverDraft

        pilkada = next(t for t in terms.list_terms(ctx) if t.name == "Pilkada 2024")
        biau = next(k for k in office.list_kecamatan(ctx) if k.name == "Biau")
        held = custody.accounts_held_in(ctx, biau.id, pilkada.id)
        ketua = people.get_person(ctx, held[0].holder.person_id)  # type: ignore[arg-type]
        official = next(p for p in people.list_people(ctx) if p.name == "Rina Contoh")
        draft = HandoverDraft(
            kind=HandoverKind.RETURN,
            term_id=pilkada.id,
            first_party_id=ketua.id,
            second_party_id=official.id,
            account_ids=tuple(h.account.id for h in held),
            on=ctx.today(),
        )
        preview = bast_data(ctx, handover.preview_handover(ctx, draft))
        assert preview.draft and preview.document_id.endswith("-DRAF")
        path = tmp_path / "draft.pdf"
        render_bast(preview, path)
        text = pdf_text(path)
        assert "DRAF — BELUM DICATAT" in text
        recorded = handover.record_handover(ctx, draft)
        final = bast_data(ctx, recorded.id)
        assert not final.draft and final.number == preview.number
        assert final.record_hash == preview.record_hash
        render_bast(final, path)
        assert "DRAF" not in pdf_text(path)
    finally:
        vault.close(backup=False)


def test_office_language_english(ctx: ServiceContext, demo_vault: tuple[Vault, str]) -> None:
    office.update_office(ctx, language="en")
    try:
        data = bast_data(ctx, find(ctx, HandoverKind.RETURN, date(2025, 1, 27)))
        assert data.language == "en"
        html = flat(bast_html(data))
        assert "On this day, Monday, the twenty-seventh day of January" in html
        assert "office-owned" in html
    finally:
        office.update_office(ctx, language="id")
