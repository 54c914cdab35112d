"""The preview: each row's account and problems, nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from import_support import (
    HEADER_ID,
    MakeVault,
    World,
    make_world,
    snapshot,
    write_csv,
    write_xlsx,
)

from brankas.core.domain.enums import Platform, Severity
from brankas.core.importers.detect import open_import
from brankas.core.importers.mapping import Field
from brankas.core.importers.preview import ImportOptions, ImportRow, Preview, build_preview
from brankas.core.importers.values import platform_key
from brankas.core.importers.vaultview import kecamatan_display, kecamatan_key, load_vault_view
from brankas.core.services import accounts, office


@pytest.fixture
def world(make_vault: MakeVault) -> World:
    return make_world(make_vault)


def preview_of(
    world: World, path: Path, options: ImportOptions | None = None, **kw: Any
) -> Preview:
    prepared = open_import(path, conn=world.ctx.conn)
    return build_preview(prepared, load_vault_view(world.ctx, world.term.id), options, **kw)


def codes(row: ImportRow) -> set[str]:
    return {p.code for p in row.problems}


def test_messy_xlsx_rows(world: World, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "akun.xlsx",
        [
            ["DAFTAR AKUN MEDIA SOSIAL"],
            [],
            [*HEADER_ID, "Link", "Keterangan", "Warna"],
            [
                1,
                "Biau",
                "Instagram",
                "@Bawaslu.Biau",
                "Rahasia 1",
                81234567890,
                "biau@bawaslu.go.id",
            ],
            [
                2,
                None,
                "Facebook",
                "",
                "Rahasia 2",
                "8.1234567891E+10",
                "bukan email",
                "https://facebook.com/panwaslu.biau",
                "dibuat 2023",
            ],
            [3, "Kec. Bokat", "IG", "bokat_ig", 123456, "0812-3456-7892"],
            [4, "Tiloan Utara", "TikTok", "@tiloan.tt", "x"],
            [5, "Bokat", "Sosmed Lain", "bokat", "p"],
            [6, "Bukal", "Instagram", "bukal", None, "8.12346E+10", None, None, None, "merah"],
        ],
        merges=["A1:J1"],
    )
    before = snapshot(world.ctx)
    preview = preview_of(world, path)
    assert snapshot(world.ctx) == before  # a preview writes nothing
    assert preview.complete and len(preview.rows) == 6
    biau, fb, bokat, tiloan, unknown, bukal = preview.rows
    assert (biau.platform, biau.handle, biau.url) == (
        Platform.INSTAGRAM,
        "@bawaslu.biau",
        "https://www.instagram.com/bawaslu.biau/",
    )
    assert biau.kecamatan_id == world.kec["Biau"] and biau.source_row == 4
    assert biau.password is not None and biau.password.reveal() == "Rahasia 1"
    assert biau.recovery_phone == "+6281234567890" and "phone_repaired" in codes(biau)
    assert biau.recovery_email == "biau@bawaslu.go.id"
    assert not biau.blocked

    assert fb.kecamatan_id == world.kec["Biau"] and "kecamatan_filled_down" in codes(fb)
    assert (fb.platform, fb.handle) == (Platform.FACEBOOK_PAGE, "panwaslu.biau")
    assert fb.recovery_phone == "+6281234567891"
    assert "email_invalid" in codes(fb) and fb.recovery_email == ""
    assert fb.notes is not None
    assert fb.notes.reveal() == "dibuat 2023\nEmail Pemulihan: bukan email"

    assert bokat.kecamatan_id == world.kec["Bokat"]  # "Kec." prefix
    assert bokat.password is not None and bokat.password.reveal() == "123456"
    assert "password_was_number" in codes(bokat)

    assert tiloan.blocked and "kecamatan_unknown" in codes(tiloan)
    assert unknown.blocked and "platform_unknown" in codes(unknown)
    assert "password_missing" in codes(bukal) and "phone_rounded" in codes(bukal)
    assert bukal.notes is not None and "Warna: merah" in bukal.notes.reveal()
    assert preview.unknown_platforms == ("Sosmed Lain",)
    assert preview.unknown_kecamatan == ("Tiloan Utara",)
    assert preview.counts() == {"rows": 6, "ready": 4, "blocked": 2, "duplicates": 0, "ignored": 0}


def test_duplicates_in_vault_and_in_file(world: World, tmp_path: Path) -> None:
    existing = accounts.create_account(
        world.ctx, platform=Platform.INSTAGRAM, handle="bawaslu.biau"
    ).account
    path = write_csv(
        tmp_path / "d.csv",
        [
            ("Kecamatan", "Platform", "Username", "Password"),
            ("Biau", "Instagram", "https://instagram.com/Bawaslu.Biau", "a"),
            ("Biau", "X", "biau_x", "b"),
            ("Biau", "Twitter", "@BIAU_X", "c"),
        ],
    )
    rows = preview_of(world, path).rows
    assert rows[0].duplicate_of == existing.id and "duplicate_existing" in codes(rows[0])
    assert rows[1].duplicate_of is None and rows[1].duplicate_in_file is None
    assert rows[2].duplicate_in_file == 1 and "duplicate_in_file" in codes(rows[2])
    assert not any(r.blocked for r in rows)


def test_sections_ignored_rows_and_options(world: World, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "s.csv",
        [
            ("Akun", "Sandi", "Jenis"),
            ("KECAMATAN PALELEH BARAT", "", ""),
            ("pb.ig", "s1", "Akun IG Resmi"),
            ("pb.fb", "s2", "Halaman Facebook"),
            ("Kecamatan Lakea", "", ""),
            ("lakea.ig", "s3", "IG"),
            ("lakea_x", "s4", "Burung Biru"),
            ("", "", ""),
            ("Mengetahui,", "", ""),
            ("", "", "Jumlah: 4"),
        ],
    )
    preview = preview_of(world, path)
    first, second, lakea, bird = preview.rows
    assert first.kecamatan_id == second.kecamatan_id == world.kec["Paleleh Barat"]
    assert first.platform is Platform.INSTAGRAM and second.platform is Platform.FACEBOOK_PAGE
    assert "kecamatan_unknown" in codes(lakea) and bird.blocked
    assert preview.ignored_rows == 4  # two headings, the signature and the total
    assert preview.unknown_platforms == ("Burung Biru",)
    options = ImportOptions(
        create_missing_kecamatan=True,
        platform_aliases={platform_key("Burung Biru"): Platform.X},
    )
    again = preview_of(world, path, options)
    lakea, bird = again.rows[2:]
    assert lakea.kecamatan_new == "Lakea" and "kecamatan_new" in codes(lakea)
    assert not lakea.blocked and not bird.blocked and bird.platform is Platform.X
    alias = ImportOptions(kecamatan_aliases={kecamatan_key("Lakea"): world.kec["Bukal"]})
    assert preview_of(world, path, alias).rows[2].kecamatan_id == world.kec["Bukal"]


def test_platform_and_handle_from_links_values_and_defaults(world: World, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "l.csv",
        [
            ("Kecamatan", "Username", "Link", "Password"),
            ("Biau", "", "https://www.tiktok.com/@biau.tt?lang=id", "1"),
            ("Biau", "biau@bawaslu.go.id", "", "2"),
            ("Biau", "0812 3456 7890", "", "3"),
            ("Biau", "login@gmail.com", "https://x.com/biau_x", "4"),
            ("Biau", "biau_yt", "https://instagram.com/other", "5"),
            ("Biau", "biau_plain", "", "6"),
        ],
    )
    tiktok, email, phone, x_login, mismatch, plain = preview_of(world, path).rows
    assert (tiktok.platform, tiktok.handle) == (Platform.TIKTOK, "@biau.tt")
    assert "platform_guessed" in codes(tiktok)
    assert (email.platform, email.handle) == (Platform.EMAIL, "biau@bawaslu.go.id")
    assert (phone.platform, phone.handle) == (Platform.PHONE, "+6281234567890")
    assert (x_login.platform, x_login.handle) == (Platform.X, "@biau_x")
    assert "handle_from_url" in codes(x_login)
    assert x_login.notes is not None and x_login.notes.reveal() == "Username: login@gmail.com"
    assert mismatch.platform is Platform.INSTAGRAM and mismatch.handle == "@biau_yt"
    assert "url_mismatch" in codes(mismatch)
    assert plain.blocked and "platform_missing" in codes(plain)
    default = preview_of(world, path, ImportOptions(default_platform=Platform.YOUTUBE))
    assert default.rows[5].platform is Platform.YOUTUBE and not default.rows[5].blocked


def test_retired_kecamatan_dates_and_period(world: World, tmp_path: Path) -> None:
    office.retire_kecamatan(world.ctx, world.kec["Tiloan"], on=date(2024, 6, 1))
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [
            ("Kecamatan", "Platform", "Akun", "Sandi", "Aktif Sejak", "Aktif Sampai"),
            ("Tiloan", "IG", "tiloan", "x", None, None),
            ("Biau", "IG", "biau", "x", 45413, "27 Januari 2025"),
            ("Bokat", "IG", "bokat", "x", "besok", None),
            ("Bukal", "IG", "bukal", "x", "2025-03-01", None),  # after the term's end
        ],
    )
    tiloan, biau, bokat, bukal = preview_of(world, path).rows
    assert tiloan.blocked and "kecamatan_retired" in codes(tiloan)
    assert (biau.active_from, biau.active_until) == (date(2024, 5, 1), date(2025, 1, 27))
    assert "date_invalid" in codes(bokat) and bokat.active_from is None
    assert "active_period_invalid" in codes(bukal) and bukal.active_from is None


def test_formula_without_value_is_flagged(world: World, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "f.xlsx",
        [("Kecamatan", "Platform", "Akun", "Sandi"), ("Biau", "IG", "biau", '="ra"&"hasia"')],
    )
    (row,) = preview_of(world, path).rows
    problem = next(p for p in row.problems if p.code == "formula_no_value")
    assert problem.field == Field.PASSWORD and problem.severity is Severity.WARNING
    assert row.password is None


def test_first_page_is_marked_incomplete(world: World, tmp_path: Path) -> None:
    rows = [("Kecamatan", "Platform", "Akun", "Sandi")]
    rows += [("Biau", "IG", f"akun_{i}", "x") for i in range(30)]
    path = write_csv(tmp_path / "many.csv", rows)
    page = preview_of(world, path, limit=10)
    assert len(page.rows) == 10 and not page.complete
    assert page.page(8, 5) == page.rows[8:10]
    quick = open_import(path, max_rows=5)
    assert not build_preview(quick, load_vault_view(world.ctx)).complete


def test_secrets_stay_masked_in_reprs(world: World, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m.csv",
        [
            ("Kecamatan", "Platform", "Akun", "Sandi", "2FA", "Catatan"),
            ("Biau", "IG", "biau", "sangat-rahasia", "JBSWY3DPEHPK3PXP", "pin 4321"),
        ],
    )
    (row,) = preview_of(world, path).rows
    text = repr(row)
    assert "sangat-rahasia" not in text and "JBSWY3DP" not in text and "4321" not in text
    assert row.totp is not None and row.totp.reveal() == "JBSWY3DPEHPK3PXP"


def test_kecamatan_names() -> None:
    assert kecamatan_key("Kec. Paleleh  Barat") == kecamatan_key("PALELEH BARAT") == "paleleh barat"
    assert kecamatan_key("Panwaslu Kecamatan Biau") == "biau"
    assert kecamatan_display("KEC.PALELEH BARAT") == "Paleleh Barat"
    assert kecamatan_display("Kecamatan Lakea") == "Lakea"
