"""Register export (XLSX, CSV; without secrets), export with secrets only when confirmed,
and the round trip register → import."""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from import_support import MakeVault, World, make_world

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import Owner, Platform
from brankas.core.domain.models import Account
from brankas.core.errors import ExportNotConfirmed
from brankas.core.importers.apply import apply_import
from brankas.core.importers.detect import open_import
from brankas.core.importers.export import (
    ExportFormat,
    export_register,
    export_with_secrets,
    register_table,
)
from brankas.core.importers.preview import ImportOptions, build_preview
from brankas.core.importers.vaultview import load_vault_view
from brankas.core.services import accounts, office, secrets
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import secrets as secrets_repo

PASSWORDS = {
    "@bawaslu.biau": " sandi\u200b dengan spasi ",
    "panwaslu.bokat": '=HYPERLINK("x")\r\nbaris',
    "@bokat_x": "_x0041_ dan \x01",
    "kantor.biau@bawaslu.go.id": "-mulai dengan minus",
}


@pytest.fixture
def world(make_vault: MakeVault) -> World:
    w = make_world(make_vault)
    ctx = w.ctx
    mail = accounts.create_account(
        ctx,
        platform=Platform.EMAIL,
        handle="kantor.biau@bawaslu.go.id",
        kecamatan_id=w.kec["Biau"],
        term_id=w.term.id,
    ).account
    made = [
        mail,
        accounts.create_account(
            ctx,
            platform=Platform.INSTAGRAM,
            handle="bawaslu.biau",
            display_name="Panwaslu Kec. Biau",
            kecamatan_id=w.kec["Biau"],
            term_id=w.term.id,
            recovery_email=mail.handle,
            recovery_phone="081234567890",
            recovery_phone_owner=Owner.PERSON,
        ).account,
        accounts.create_account(
            ctx,
            platform=Platform.FACEBOOK_PAGE,
            handle="panwaslu.bokat",
            display_name="=cmd|' /C calc'!A0",
            kecamatan_id=w.kec["Bokat"],
            term_id=w.term.id,
        ).account,
        accounts.create_account(
            ctx,
            platform=Platform.X,
            handle="bokat_x",
            kecamatan_id=w.kec["Bokat"],
            term_id=w.term.id,
            active_until=date(2024, 12, 31),
        ).account,
    ]
    for account in made:
        secrets.set_password(ctx, account.id, PASSWORDS[account.handle])
    secrets.set_totp(ctx, made[1].id, "JBSWY3DPEHPK3PXP")
    secrets.set_backup_codes(ctx, made[1].id, ["1111 2222", "3333 4444"])
    secrets.set_notes(ctx, made[1].id, "PIN HP: 9999")
    return w


def export_events(world: World) -> list[dict[str, Any]]:
    rows = world.ctx.conn.execute(
        "SELECT detail_json FROM audit_event WHERE kind = ? ORDER BY seq",
        (AuditKind.EXPORT.value,),
    ).fetchall()
    return [json.loads(r[0]) for r in rows]


def unzipped(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())


def test_register_xlsx_is_formatted_and_has_no_secret(world: World, tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    result = export_register(world.ctx, path, term_id=world.term.id)
    assert (result.rows, result.format, result.with_secrets) == (4, ExportFormat.XLSX, False)
    assert path.stat().st_mode & 0o777 == 0o600
    text = unzipped(path)
    for secret in [*PASSWORDS.values(), "JBSWY3DP", "1111", "9999"]:
        assert secret.strip()[:8] not in text
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "Daftar Akun"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:V5"
    header = [c.value for c in ws[1]]
    assert header[:5] == ["No", "Kecamatan", "Platform", "Akun", "Link"]
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb == "FF1F4E79"
    assert ws.column_dimensions["D"].width == 28
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[3] for r in rows] == [
        "@bawaslu.biau",
        "kantor.biau@bawaslu.go.id",
        "panwaslu.bokat",
        "@bokat_x",
    ]  # by kecamatan, then platform order
    biau = rows[0]
    assert biau[1:3] == ["Biau", "Instagram"]
    assert biau[5] == "Panwaslu Kec. Biau" and biau[8] == "Kantor"
    assert biau[9] == datetime(2024, 5, 1) and biau[10] == datetime(2025, 1, 27)
    assert biau[13] == "kantor.biau@bawaslu.go.id" and biau[14] == "Kantor"
    assert biau[15] == "0812-3456-7890" and biau[16] == "Perorangan"
    assert biau[17] == "Aplikasi autentikator" and biau[19] == 2
    assert rows[2][5] == "=cmd|' /C calc'!A0"  # text, never a formula
    assert ws["F4"].data_type == "s"
    (event,) = export_events(world)
    assert event == {
        "what": "register",
        "format": "xlsx",
        "rows": 4,
        "secrets": False,
        "file": "register.xlsx",
    }


def test_register_csv_english_and_formula_guard(world: World, tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    export_register(world.ctx, path, language="en", delimiter=";")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("No;Kecamatan;Platform;Account;Link;Display Name;Status")
    assert ";'@bawaslu.biau;" in lines[1]  # Excel would read "@…" and "=…" as formulas
    assert "'=cmd|' /C calc'!A0" in data.decode("utf-8-sig")
    assert "Facebook Page" in lines[3] and "2024-05-01" in lines[1]
    for secret in PASSWORDS.values():
        assert secret.strip()[:8] not in data.decode("utf-8-sig")
    with pytest.raises(ValueError):
        register_table(world.ctx, language="fr")


def test_secrets_need_a_confirmed_password(world: World, tmp_path: Path) -> None:
    path = tmp_path / "sandi.xlsx"
    with pytest.raises(ExportNotConfirmed):
        export_with_secrets(world.ctx, path, confirmed=False)
    assert not path.exists()
    assert export_events(world)[-1] == {
        "what": "register",
        "format": "xlsx",
        "secrets": True,
        "confirmed": False,
        "file": "sandi.xlsx",
    }
    result = export_with_secrets(world.ctx, path, confirmed=True, term_id=world.term.id)
    assert result.with_secrets and result.rows == 4
    event = export_events(world)[-1]
    assert event["confirmed"] is True and event["rows"] == 4
    assert not any(p.strip()[:6] in json.dumps(event) for p in PASSWORDS.values())
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]][-4:] == ["Kata Sandi", "Kunci TOTP", "Kode Cadangan", "Catatan"]


def _reimport(make_vault: MakeVault, path: Path) -> tuple[World, list[Account]]:
    fresh = make_world(lambda: make_vault("fresh"), kecamatan=())
    prepared = open_import(path, conn=fresh.ctx.conn)
    view = load_vault_view(fresh.ctx, fresh.term.id)
    preview = build_preview(prepared, view, ImportOptions(create_missing_kecamatan=True))
    assert not any(r.blocked for r in preview.rows)
    summary = apply_import(fresh.ctx, preview, term_id=fresh.term.id)
    assert summary.created == 4 and set(summary.kecamatan_created) == {"Biau", "Bokat"}
    return fresh, [account_repo.get_account(fresh.ctx.conn, i) for i in summary.created_ids]


def _same_register(original: World, copy: World) -> None:
    def key(w: World) -> set[tuple[Any, ...]]:
        names = {k.id: k.name for k in office.list_kecamatan(w.ctx)}
        return {
            (
                names.get(a.kecamatan_id),
                a.platform,
                a.handle,
                a.url,
                a.display_name,
                a.active_from,
                a.active_until,
                a.recovery_email,
                a.recovery_phone,
            )
            for a in account_repo.list_accounts(w.ctx.conn)
        }

    assert key(copy) == key(original)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_register_to_import(
    world: World, make_vault: MakeVault, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"register{suffix}"
    export_register(world.ctx, path)
    copy, _made = _reimport(make_vault, path)
    _same_register(world, copy)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_with_secrets_keeps_every_byte(
    world: World, make_vault: MakeVault, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"sandi{suffix}"
    export_with_secrets(world.ctx, path, confirmed=True)
    copy, made = _reimport(make_vault, path)
    _same_register(world, copy)
    for account in made:
        stored = secrets_repo.get_secrets(copy.ctx.conn, account.id)
        assert stored.password is not None
        assert stored.password.reveal() == PASSWORDS[account.handle]
    ig = next(a for a in made if a.platform is Platform.INSTAGRAM)
    stored = secrets_repo.get_secrets(copy.ctx.conn, ig.id)
    assert stored.totp_secret is not None and stored.totp_secret.reveal() == "JBSWY3DPEHPK3PXP"
    assert stored.backup_codes is not None
    assert stored.backup_codes.reveal() == "1111 2222\n3333 4444"
    assert ig.backup_codes_remaining == 2
    assert stored.notes is not None and stored.notes.reveal().startswith("PIN HP: 9999")
