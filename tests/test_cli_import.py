"""brankas-cli import / export register / export secrets, end to end in-process."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from brankas.cli import main
from brankas.core.audit import AuditKind
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, new_salt
from brankas.core.domain.enums import Election, OfficeKind
from brankas.core.secret import Secret
from brankas.core.services import accounts, office, terms
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import secrets as secrets_repo
from brankas.core.vault.vault import Vault

ADMIN = "Admin Impor"
PW = "sandi-admin-impor-9"
KECAMATAN = ("Biau", "Bokat", "Paleleh")


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def vault_dir(tmp_path: Path) -> tuple[Path, int]:
    """A vault (KDF at the production floor, as the CLI requires) with a term and kecamatan."""
    folder = tmp_path / "vault"
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Buol",
        admin_name=ADMIN,
        admin_password=Secret(PW),
        kdf=KdfParams(64 * 1024, 3, 1, new_salt()),
        policy=PRODUCTION_POLICY,
    )
    ctx = ServiceContext(vault)
    term = terms.add_term(
        ctx,
        election=Election.PILKADA,
        year=2024,
        start_date=date(2024, 5, 1),
        end_date=date(2025, 1, 27),
    )
    for name in KECAMATAN:
        office.add_kecamatan(ctx, name)
    vault.close(backup=False)
    return folder, term.id


def opened(folder: Path) -> Vault:
    return Vault.unlock(folder, ADMIN, Secret(PW), policy=PRODUCTION_POLICY)


def _v(folder: Path) -> list[str]:
    return ["--vault", str(folder), "-u", ADMIN, "--password-stdin"]


def messy_csv(path: Path, rows: list[tuple[Any, ...]] | None = None) -> Path:
    """Semicolons, a BOM and a title block above the header, as Excel saves "CSV UTF-8"."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["DAFTAR AKUN MEDIA SOSIAL PANWASLU KECAMATAN"])
    writer.writerow([])
    writer.writerow(["No", "Kecamatan", "Media Sosial", "Nama Akun", "Kata Sandi", "No HP"])
    for row in rows or [
        (1, "Biau", "Instagram", "@bawaslu.biau", " sandi; dengan \"kutip\" ", 81234567890),
        (2, "Kec. Bokat", "TikTok", "bawaslu_bokat", "tt-Sandi", "0812-3456-7891"),
        (3, "Lipunoto", "Instagram", "bawaslu.lipunoto", "x", ""),
        (4, "Paleleh", "Friendster", "paleleh", "y", ""),
    ]:  # fmt: skip
        writer.writerow(row)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return path


def account_count(folder: Path) -> int:
    with opened(folder) as vault:
        return len(accounts.list_accounts(ServiceContext(vault)))


def test_dry_run_then_import_with_problems_listed(
    vault_dir: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, term = vault_dir
    path = messy_csv(tmp_path / "akun.csv")
    argv = ["import", *_v(folder), str(path), "--term", str(term)]
    code, out, _ = run(monkeypatch, capsys, PW + "\n", *argv, "--dry-run", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["source"] == "csv" and result["mapping"]["Kata Sandi"] == "password"
    assert result["summary"] == {
        **result["summary"],
        "dry_run": True,
        "created": 2,
        "skipped_errors": 2,
    }
    problems = {r["row"]: {p["code"] for p in r["problems"]} for r in result["rows"]}
    assert "kecamatan_unknown" in problems[6] and "platform_unknown" in problems[7]
    assert "phone_repaired" in problems[4]  # Excel's number lost the leading 0
    assert all("sandi" not in json.dumps(r) for r in result["rows"])  # no secret in output
    assert account_count(folder) == 0  # the dry run changed nothing

    code, out, _ = run(monkeypatch, capsys, PW + "\n", *argv)
    assert code == 0
    assert "row 6 (@bawaslu.lipunoto): error kecamatan_unknown [kecamatan]" in out
    assert "row 7 (paleleh): error platform_unknown [platform]" in out
    assert "2 accounts were created" in out
    with opened(folder) as vault:
        ctx = ServiceContext(vault)
        found = {a.handle: a for a in accounts.list_accounts(ctx)}
        assert set(found) == {"@bawaslu.biau", "@bawaslu_bokat"}
        ig = secrets_repo.get_secrets(vault.conn, found["@bawaslu.biau"].id).password
        assert ig is not None and ig.reveal() == ' sandi; dengan "kutip" '
        assert found["@bawaslu.biau"].recovery_phone == "+6281234567890"
        kinds = [e.kind for e in vault.audit.events()]
        assert kinds.count(AuditKind.IMPORT) == 1

    # Unknown kecamatan created on request; duplicates updated on request.
    code, out, _ = run(
        monkeypatch, capsys, PW + "\n", *argv, "--create-kecamatan", "--duplicates", "update"
    )
    assert code == 0 and "kecamatan were created: Lipunoto" in out
    assert account_count(folder) == 3


def test_mapping_header_row_and_sheet_of_a_workbook(
    vault_dir: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, term = vault_dir
    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    wb.active.append(["bukan data"])
    ws = wb.create_sheet("Akun 2024")
    ws.append(["Lembar kerja panitia"])
    ws.append(["Wilayah", "Kolom A", "Kolom B", "Rahasia"])
    ws.append(["Biau", "instagram", "bawaslu.biau", 12345])  # a number as typed
    path = tmp_path / "akun.xlsx"
    wb.save(path)
    mapping = json.dumps({"Kolom A": "platform", "C": "handle", "Rahasia": "password"})
    code, out, _ = run(
        monkeypatch, capsys, PW + "\n", "import", *_v(folder), str(path), "--term", str(term),
        "--sheet", "Akun 2024", "--header-row", "2", "--mapping", mapping, "--json",
    )  # fmt: skip
    assert code == 0
    result = json.loads(out)
    assert result["sheet"] == "Akun 2024" and result["mapping_origin"] == "edited"
    assert result["summary"]["created"] == 1
    assert {p["code"] for p in result["rows"][0]["problems"]} >= {"password_was_number"}
    code, _out, err = run(
        monkeypatch, capsys, PW + "\n", "import", *_v(folder), str(path), "--term", str(term),
        "--mapping", '{"Nope": "handle"}',
    )  # fmt: skip
    assert code == 2 and "no column named 'Nope'" in err


def test_kdbx_asks_for_the_database_password(
    vault_dir: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pykeepass = pytest.importorskip("pykeepass", reason="pykeepass is not installed")
    folder, term = vault_dir
    path = tmp_path / "bawaslu.kdbx"
    db = pykeepass.create_database(str(path), password="db-sandi")
    group = db.add_group(db.root_group, "Biau")
    db.add_entry(group, "IG", "bawaslu.biau", "kdbx pw", url="https://instagram.com/bawaslu.biau")
    db.save()
    argv = ["import", *_v(folder), str(path), "--term", str(term), "--json"]
    code, _out, err = run(monkeypatch, capsys, f"{PW}\nsalah\n", *argv)
    assert code == 10 and "[kdbx_wrong_password]" in err and "salah" not in err
    code, out, _ = run(monkeypatch, capsys, f"{PW}\ndb-sandi\n", *argv)
    assert code == 0 and json.loads(out)["summary"]["created"] == 1


def test_unreadable_files_are_refused_with_a_reason(
    vault_dir: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, term = vault_dir
    old_xls = tmp_path / "lama.xls"
    old_xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    code, _out, err = run(
        monkeypatch, capsys, PW + "\n", "import", *_v(folder), str(old_xls), "--term", str(term)
    )
    assert code == 10 and "save it as .xlsx" in err and "[xls_legacy]" in err


def test_export_register_has_no_secrets(
    vault_dir: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, term = vault_dir
    path = messy_csv(tmp_path / "akun.csv")
    assert run(monkeypatch, capsys, PW + "\n", "import", *_v(folder), str(path), "--term", str(term))[0] == 0  # fmt: skip
    xlsx = tmp_path / "register.xlsx"
    code, out, _ = run(
        monkeypatch, capsys, PW + "\n", "export", "register", *_v(folder), str(xlsx),
        "--term", str(term), "--lang", "en",
    )  # fmt: skip
    assert code == 0 and "2 accounts written" in out
    sheet = openpyxl.load_workbook(xlsx).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:4] == ["No", "Kecamatan", "Platform", "Account"]
    assert "@bawaslu.biau" in values[1] or "@bawaslu.biau" in values[2]
    assert not any("sandi" in str(v) for row in values for v in row)
    register_csv = tmp_path / "register.csv"
    code, _out, _ = run(
        monkeypatch, capsys, PW + "\n", "export", "register", *_v(folder), str(register_csv)
    )
    assert code == 0 and register_csv.read_bytes().startswith(b"\xef\xbb\xbfNo,Kecamatan")


def test_export_secrets_warns_and_needs_the_password_again(
    vault_dir: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, term = vault_dir
    path = messy_csv(tmp_path / "akun.csv")
    assert run(monkeypatch, capsys, PW + "\n", "import", *_v(folder), str(path), "--term", str(term))[0] == 0  # fmt: skip
    out_file = tmp_path / "rahasia.csv"
    argv = ["export", "secrets", *_v(folder), str(out_file)]
    code, _out, err = run(monkeypatch, capsys, f"{PW}\nbukan-sandinya\n", *argv)
    assert code == 3 and "Wrong password." in err
    assert "NOT encrypted" in err and "encrypted review archive" in err
    assert not out_file.exists()
    code, _out, err = run(monkeypatch, capsys, PW + "\n", *argv)  # no second line at all
    assert code == 2 and not out_file.exists()
    code, out, err = run(monkeypatch, capsys, f"{PW}\n{PW}\n", *argv)
    assert code == 0 and "NOT encrypted" in err and "not encrypted" in out
    text = out_file.read_text(encoding="utf-8-sig")
    assert ' sandi; dengan "kutip" ' in next(csv.reader(io.StringIO(text.splitlines()[1] + "\r\n"), delimiter=","))  # fmt: skip
    with opened(folder) as vault:
        exports = [e for e in vault.audit.events() if e.kind == AuditKind.EXPORT]
    # The wrong password is recorded as a refused export; an unanswered prompt is not.
    assert [e.detail.get("confirmed") for e in exports] == [False, True]
    assert all("sandi" not in json.dumps(e.detail) for e in exports)
