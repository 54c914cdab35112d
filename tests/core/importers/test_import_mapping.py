"""Header row detection and the proposed, edited and remembered column mapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_support import MakeVault, World, make_world, write_csv, write_xlsx

from brankas.core.importers.detect import open_import, prepare_table
from brankas.core.importers.header import column_letter, find_header, header_at
from brankas.core.importers.mapping import (
    Field,
    header_signature,
    match_field,
    propose_mapping,
    remember_mapping,
    remembered_mapping,
)
from brankas.core.importers.prepared import MappingOrigin
from brankas.core.importers.sources import RawTable, SourceKind


def _table(*rows: tuple[object, ...]) -> RawTable:
    return RawTable(
        name="t.csv",
        kind=SourceKind.CSV,
        rows=tuple(rows),  # type: ignore[arg-type]
        row_numbers=tuple(range(1, len(rows) + 1)),
        sha256="0" * 64,
    )


@pytest.fixture
def world(make_vault: MakeVault) -> World:
    return make_world(make_vault)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Kecamatan", Field.KECAMATAN),
        ("Nama Kecamatan", Field.KECAMATAN),
        ("Media Sosial", Field.PLATFORM),
        ("Jenis Akun", Field.PLATFORM),
        ("Platform", Field.PLATFORM),
        ("Nama Akun", Field.HANDLE),
        ("Username", Field.HANDLE),
        ("Nama Pengguna", Field.HANDLE),
        ("ID", Field.HANDLE),
        ("Username Instagram", Field.HANDLE),
        ("Kata Sandi", Field.PASSWORD),
        ("PASSWORD", Field.PASSWORD),
        ("Sandi", Field.PASSWORD),
        ("Kata Sandi Akun IG", Field.PASSWORD),
        ("Email", Field.RECOVERY_EMAIL),
        ("Surel Pemulihan", Field.RECOVERY_EMAIL),
        ("E-mail Pemulihan", Field.RECOVERY_EMAIL),
        ("No HP", Field.RECOVERY_PHONE),
        ("No. HP", Field.RECOVERY_PHONE),
        ("Nomor Telepon", Field.RECOVERY_PHONE),
        ("WA", Field.RECOVERY_PHONE),
        ("No HP/WA Terdaftar", Field.RECOVERY_PHONE),
        ("Link", Field.URL),
        ("URL", Field.URL),
        ("Link Akun", Field.URL),
        ("Keterangan", Field.NOTES),
        ("Catatan", Field.NOTES),
        ("Pemegang", Field.HOLDER),
        ("PJ", Field.HOLDER),
        ("Penanggung Jawab Akun", Field.HOLDER),
        ("Nama Tampilan", Field.DISPLAY_NAME),
        ("Kode 2FA", Field.TOTP),
        ("Kode Cadangan", Field.BACKUP_CODES),
        ("Aktif Sejak", Field.ACTIVE_FROM),
        ("Aktif Sampai", Field.ACTIVE_UNTIL),
        ("No", Field.ROW_NUMBER),
        ("No.", Field.ROW_NUMBER),
        ("Password Email", Field.EXTRA),  # the e-mail account's password, not this one's
        ("Metode 2FA", Field.EXTRA),  # looks like TOTP, is not
        ("Sandi Akun IG", Field.PASSWORD),
        ("Email Pemulihan IG", Field.RECOVERY_EMAIL),
        ("Pemilik Email", Field.EXTRA),
    ],
)
def test_match_field(header: str, field: Field) -> None:
    hit = match_field(header)
    assert hit is not None and hit[0] is field


def test_no_match_for_unknown_headers() -> None:
    assert match_field("Warna Favorit") is None
    assert match_field("") is None


def test_proposal_gives_each_field_one_column() -> None:
    names = ("No", "Kecamatan", "Akun", "Username", "Password", "Status", "Kolom H")
    mapping = propose_mapping(names)
    assert mapping.fields == (
        Field.ROW_NUMBER,
        Field.KECAMATAN,
        Field.HANDLE,  # "Akun" and "Username" both name it exactly: the first keeps it
        Field.EXTRA,
        Field.PASSWORD,
        Field.EXTRA,
        Field.EXTRA,
    )


def test_editing_moves_a_single_field() -> None:
    mapping = propose_mapping(("Kecamatan", "Akun", "Catatan"))
    edited = mapping.with_field(2, Field.HANDLE)
    assert edited.fields == (Field.KECAMATAN, Field.EXTRA, Field.HANDLE)
    assert edited.with_field(0, Field.IGNORE).with_field(1, Field.IGNORE).fields[:2] == (
        Field.IGNORE,
        Field.IGNORE,
    )
    with pytest.raises(IndexError):
        mapping.with_field(3, Field.NOTES)
    assert mapping.column_of(Field.PASSWORD) is None


def test_header_below_a_title_block() -> None:
    table = _table(
        ("DAFTAR AKUN MEDIA SOSIAL PANWASLU KECAMATAN",) * 5,
        ("KABUPATEN BUOL",),
        ("No", "Kecamatan", "Platform", "Username", "", "Password"),
        (1, "Biau", "IG", "biau", "", "x", "catatan tanpa judul"),
    )
    header = find_header(table)
    assert (header.row, header.guessed) == (2, False)
    assert header.names == ("No", "Kecamatan", "Platform", "Username", "Password", "Kolom G")
    assert header.columns == (0, 1, 2, 3, 5, 6)  # the empty column E is left out
    assert header.first_data_row == 3


def test_header_guessed_or_absent() -> None:
    guessed = find_header(_table(("Kolom satu", "Kolom dua"), ("a", "b")))
    assert (guessed.row, guessed.guessed) == (0, True)
    none = find_header(_table((1, 2), (3, 4)))
    assert (none.row, none.guessed, none.names) == (-1, True, ("Kolom A", "Kolom B"))


def test_header_chosen_by_the_user_and_repeated_names() -> None:
    table = _table(("x",), ("Akun", "Akun", "akun"), ("a", "b", "c"))
    header = header_at(table, 1)
    assert header.names == ("Akun", "Akun (2)", "akun (3)")
    with pytest.raises(IndexError):
        header_at(table, 5)
    assert column_letter(0) == "A" and column_letter(27) == "AB"


def test_mapping_is_remembered_by_header_signature(world: World, tmp_path: Path) -> None:
    rows = [("Wilayah Kerja", "Akun Resmi", "Kunci"), ("Biau", "biau", "rahasia")]
    path = write_csv(tmp_path / "a.csv", rows)
    first = open_import(path, conn=world.ctx.conn)
    assert first.origin is MappingOrigin.PROPOSED
    edited = first.mapping.with_field(0, Field.KECAMATAN).with_field(2, Field.PASSWORD)
    remember_mapping(world.ctx.conn, edited)
    again = open_import(write_csv(tmp_path / "b.csv", rows), conn=world.ctx.conn)
    assert again.origin is MappingOrigin.REMEMBERED
    assert again.mapping == edited
    # A different layout is not affected; an old mapping that no longer fits is ignored.
    assert remembered_mapping(world.ctx.conn, ("Wilayah Kerja", "Akun Resmi")) is None
    assert header_signature(("A", "b")) == header_signature(("a", "B"))


def test_prepared_xlsx_end_to_end(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "x.xlsx",
        [["Rekap Akun"], [], ["No", "Kecamatan", "Jenis Akun", "Username", "Kata Sandi"]],
    )
    prepared = prepare_table(open_import(path).table)
    assert prepared.header.row == 1
    assert prepared.mapping.fields[1:] == (
        Field.KECAMATAN,
        Field.PLATFORM,
        Field.HANDLE,
        Field.PASSWORD,
    )
    with pytest.raises(ValueError):
        prepared.with_mapping(propose_mapping(("a",)))
