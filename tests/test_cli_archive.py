"""brankas-cli archive, province and keys commands end to end: two demo regencies and a province."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest

from brankas.cli import main
from brankas.core.archive import keys
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, new_salt
from brankas.core.domain.enums import OfficeKind
from brankas.core.secret import Secret
from brankas.core.services import office
from brankas.core.services.context import ServiceContext
from brankas.core.storage.db import transaction
from brankas.core.vault.vault import Vault
from cli_support import ADMIN, PW, make_demo

PROV_PW = "sandi-provinsi-uji-9"
PROV_ADMIN = "Admin Provinsi"
TODAY = "2025-03-10"
FP = re.compile(r"[0-9A-F]{4}( [0-9A-F]{4}){5}")


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _demo(path: Path, code: str, name: str) -> None:
    make_demo(path)
    vault = Vault.unlock(path, ADMIN, Secret(PW), policy=PRODUCTION_POLICY)
    try:
        office.update_office(ServiceContext(vault), code=code, name=name)
    finally:
        vault.close(backup=False)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("cli-archive")
    _demo(root / "buol", "BWS.BUOL", "Bawaslu Kabupaten Buol")
    _demo(root / "toli", "BWS.TOLI", "Bawaslu Kabupaten Tolitoli")
    return root / "buol", root / "toli"


@dataclass
class World:
    buol: Path
    toli: Path
    province: Path
    out: Path
    monkeypatch: pytest.MonkeyPatch
    capsys: pytest.CaptureFixture[str]

    def regency(self, vault: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        return run(
            self.monkeypatch,
            self.capsys,
            PW + "\n" + stdin,
            *argv,
            "--vault",
            str(vault),
            "-u",
            ADMIN,
            "--password-stdin",
        )

    def prov(self, *argv: str) -> tuple[int, str, str]:
        return run(
            self.monkeypatch,
            self.capsys,
            PROV_PW + "\n",
            *argv,
            "--vault",
            str(self.province),
            "-u",
            PROV_ADMIN,
            "--password-stdin",
        )

    def bare(self, *argv: str) -> tuple[int, str, str]:
        return run(self.monkeypatch, self.capsys, "", *argv)

    def trust(self) -> None:
        """Both regencies store this province's key."""
        key_file = self.out / "provinsi.pub"
        assert self.prov("province", "key", "--out", str(key_file))[0] == 0
        for vault in (self.buol, self.toli):
            assert self.regency(vault, "keys", "set-province", str(key_file))[0] == 0

    def export(self, vault: Path, *extra: str, stdin: str = "") -> Path:
        code, out, err = self.regency(
            vault, "archive", "export", "--term", "2", "--out", str(self.out), *extra, stdin=stdin
        )
        assert code == 0, err
        return Path(re.search(r"Archive written: (\S+)", out).group(1))  # type: ignore[union-attr]

    def signer(self, vault: Path) -> str:
        code, out, _ = self.regency(vault, "keys", "show")
        assert code == 0
        return FP.search(out).group(0)  # type: ignore[union-attr]


@pytest.fixture
def world(
    templates: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    qapp: object,  # export writes the cover sheet through QtGui: one application per process
) -> Iterator[World]:
    shutil.copytree(templates[0], tmp_path / "buol")
    shutil.copytree(templates[1], tmp_path / "toli")
    vault, _kit = Vault.create(
        tmp_path / "provinsi",
        office_kind=OfficeKind.PROVINCE,
        office_name="Bawaslu Provinsi Sulawesi Tengah",
        admin_name=PROV_ADMIN,
        admin_password=Secret(PROV_PW),
        kdf=KdfParams(64 * 1024, 3, 1, new_salt()),  # the production floor: quick enough
    )
    vault.close(backup=False)
    (tmp_path / "keluar").mkdir()
    yield World(
        tmp_path / "buol",
        tmp_path / "toli",
        tmp_path / "provinsi",
        tmp_path / "keluar",
        monkeypatch,
        capsys,
    )


def test_province_key_into_a_folder_gets_the_suggested_name(world: World) -> None:
    folder = world.out / "kirim"
    folder.mkdir()
    code, out, _ = world.prov("province", "key", "--out", str(folder))
    assert code == 0
    (written,) = folder.iterdir()
    assert written.name.startswith("kunci-provinsi") and written.suffix == ".brankaskey"
    assert f"Public key file written: {written}" in out
    assert re.search(r"age1[0-9a-z]{58}", written.read_text())


def test_keys_show_and_set_province(world: World) -> None:
    key_file = world.out / "provinsi.pub"
    code, out, _ = world.prov("province", "key", "--out", str(key_file))
    assert code == 0
    recipient = re.search(r"age1[0-9a-z]{58}", out).group(0)  # type: ignore[union-attr]
    prov_fp = FP.search(out).group(0)  # type: ignore[union-attr]
    assert recipient in key_file.read_text() and prov_fp in key_file.read_text()
    # A wrong expected fingerprint stores nothing.
    code, _, err = world.regency(
        world.buol, "keys", "set-province", str(key_file), "--expect-fingerprint", "0000"
    )
    assert code == 10 and "nothing stored" in err
    assert "Province" not in world.regency(world.buol, "keys", "show")[1]
    code, out, _ = world.regency(
        world.buol, "keys", "set-province", recipient, "--expect-fingerprint", prov_fp.lower()
    )
    assert code == 0 and prov_fp in out
    minisign_pub = world.out / "buol.pub"
    code, out, _ = world.regency(world.buol, "keys", "show", "--out", str(minisign_pub))
    assert code == 0 and recipient in out
    lines = minisign_pub.read_text().splitlines()
    assert lines[0].startswith("untrusted comment: minisign public key ")
    assert lines[1] in out
    code, _, err = world.regency(world.buol, "keys", "set-province", "age1notakey")
    assert code == 10 and "Invalid input" in err
    code, _, err = world.prov("keys", "set-province", recipient)
    assert code == 0  # a province may hold one too: harmless, never used


def test_export_verify_and_show(world: World) -> None:
    world.trust()
    path = world.export(world.buol)
    assert path.name.startswith("arsip-BWS.BUOL-pilkada-2024-") and path.suffix == ".brankas"
    fp = world.signer(world.buol)
    code, out, _ = world.bare("archive", "verify", str(path))
    assert code == 0 and fp in out and hashlib.sha256(path.read_bytes()).hexdigest() in out
    code, out, _ = world.bare("archive", "verify", str(path), "--json")
    doc = json.loads(out)
    assert doc["authentic"] and doc["signer"]["fingerprint"] == fp
    assert doc["manifest"]["secrets_included"] is True
    # Shown by the province (its identity stays in its vault); never a secret printed.
    code, out, _ = world.prov("archive", "show", str(path))
    assert code == 0 and "no key is pinned" in out and "accounts:" in out
    assert "JBSWY3DPEHPK3PXP" not in out  # the demo's TOTP example key
    code, out, _ = world.prov("archive", "show", str(path), "--json")
    shown = json.loads(out)
    assert shown["counts"]["accounts"] == shown["manifest"]["counts"]["accounts"] > 0
    assert shown["secrets"] == shown["counts"]["accounts"]
    # …or with an identity file, as an admin would export it.
    vault = Vault.unlock(world.province, PROV_ADMIN, Secret(PROV_PW), policy=PRODUCTION_POLICY)
    identity = keys.reveal_own_identity(vault, reason="uji CLI")
    vault.close(backup=False)
    id_file = world.out / "provinsi.key"
    id_file.write_text(f"# created: today\n{identity.reveal()}\n")
    code, out, _ = world.bare("archive", "show", str(path), "--identity", str(id_file), "--json")
    assert code == 0 and json.loads(out)["counts"] == shown["counts"]
    stranger = world.out / "lain.key"
    stranger.write_text(str(pyrage.x25519.Identity.generate()) + "\n")
    code, _, err = world.bare("archive", "show", str(path), "--identity", str(stranger))
    assert code == 10 and "not addressed to this key" in err


def test_verify_refuses_damaged_files(world: World) -> None:
    world.trust()
    path = world.export(world.buol)
    data = bytearray(path.read_bytes())
    for i, name in ((len(data) // 2, "flipped"), (200, "header")):
        bad = world.out / f"{name}.brankas"
        copy = bytearray(data)
        copy[i] ^= 0x01
        bad.write_bytes(bytes(copy))
        code, out, err = world.bare("archive", "verify", str(bad))
        assert code == 6 and out == "" and "[" in err, (name, err)
    truncated = world.out / "potong.brankas"
    truncated.write_bytes(bytes(data[:-100]))
    assert world.bare("archive", "verify", str(truncated))[0] == 6
    text = world.out / "bukan.brankas"
    text.write_text("not an archive")
    code, _, err = world.bare("archive", "verify", str(text))
    assert code == 6 and "not a valid Brankas archive" in err


def test_export_writes_the_cover_sheet(world: World) -> None:
    world.trust()
    path = world.export(world.buol)
    sheet = path.with_suffix(".pdf")
    assert sheet.read_bytes().startswith(b"%PDF") and sheet.stat().st_mode & 0o777 == 0o600
    fp = world.signer(world.buol)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    if shutil.which("pdftotext"):
        text = " ".join(
            subprocess.run(
                ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        assert "LEMBAR PENGANTAR ARSIP TINJAUAN" in text and fp in text
        assert " ".join(sha[i : i + 4] for i in range(0, 64, 4)) in text
        assert "Termasuk data rahasia" in text and "Bawaslu Kabupaten Buol" in text
    chosen = world.out / "sampul" / "lembar.pdf"
    chosen.parent.mkdir()
    code, out, _ = world.regency(
        world.buol,
        "archive",
        "export",
        "--term",
        "2",
        "--out",
        str(world.out),
        "--metadata-only",
        "--cover-sheet",
        str(chosen),
    )
    assert code == 0 and f"Cover sheet:     {chosen}" in out
    assert chosen.read_bytes().startswith(b"%PDF")
    before = set(world.out.glob("*.pdf"))
    code, out, _ = world.regency(
        world.buol, "archive", "export", "--term", "2", "--out", str(world.out), "--no-cover-sheet"
    )
    assert code == 0 and "Cover sheet" not in out and set(world.out.glob("*.pdf")) == before


def test_export_options_and_refusals(world: World) -> None:
    code, _, err = world.regency(
        world.buol, "archive", "export", "--term", "2", "--out", str(world.out)
    )
    assert code == 10 and "province's public key first" in err
    code, _, err = world.prov("archive", "export", "--term", "1", "--out", str(world.out))
    assert code == 10 and "Only a regency" in err
    world.trust()
    code, _, err = world.regency(
        world.buol, "archive", "export", "--term", "2", "--out", str(world.out / "tidak-ada")
    )
    assert code == 10 and "output folder does not exist" in err
    code, _, err = world.regency(
        world.buol,
        "archive",
        "export",
        "--term",
        "2",
        "--passphrase-stdin",
        "--out",
        str(world.out),
        stdin="pendek\n",
    )
    assert code == 10 and "at least 12" in err
    path = world.export(
        world.buol,
        "--metadata-only",
        "--also-self",
        "--passphrase-stdin",
        stdin="frasa sandi cadangan yang panjang\n",
    )
    manifest = json.loads(world.bare("archive", "verify", str(path), "--json")[1])["manifest"]
    assert manifest["secrets_included"] is False
    assert manifest["recipients"]["self"] is True and manifest["recipients"]["passphrase"] is True
    assert "secrets" not in manifest["counts"]


def test_province_import_confirm_and_refusals(world: World) -> None:
    world.trust()
    buol, toli = world.export(world.buol), world.export(world.toli)
    fp_buol, fp_toli = world.signer(world.buol), world.signer(world.toli)
    code, out, _ = world.prov("province", "import", str(buol))
    assert code == 10 and "REFUSED" in out and fp_buol in out and "--confirm-fingerprint" in out
    code, out, _ = world.prov(
        "province",
        "import",
        str(buol),
        str(toli),
        "--confirm-fingerprint",
        fp_buol.replace(" ", "").lower(),
        "--confirm-fingerprint",
        fp_toli,
    )
    assert code == 0, out
    assert out.count("IMPORTED") == 2 and "BWS.BUOL" in out and "BWS.TOLI" in out
    code, out, _ = world.prov("province", "import", str(buol))
    assert code == 10 and "already imported" in out and "[already_imported]" in out
    tampered = world.out / "ubah.brankas"
    data = bytearray(world.export(world.buol).read_bytes())
    data[len(data) // 2] ^= 0x40
    tampered.write_bytes(bytes(data))
    code, out, _ = world.prov("province", "import", str(tampered), str(buol))
    assert code == 10 and "REFUSED" in out  # the worst of 6 and 10 is returned
    assert out.count("REFUSED") == 2
    assert world.prov("province", "import", str(tampered))[0] == 6


def test_signer_change_needs_an_admin_repin(world: World) -> None:
    world.trust()
    first = world.export(world.buol)
    assert (
        world.prov(
            "province", "import", str(first), "--confirm-fingerprint", world.signer(world.buol)
        )[0]
        == 0
    )
    # Tolitoli's vault now calls itself BWS.BUOL: signed by another key than the pinned one.
    vault = Vault.unlock(world.toli, ADMIN, Secret(PW), policy=PRODUCTION_POLICY)
    office.update_office(ServiceContext(vault), code="BWS.BUOL")
    vault.close(backup=False)
    other = world.export(world.toli)
    code, out, _ = world.prov("province", "import", str(other))
    assert code == 6 and "pinned" in out
    new_fp = world.signer(world.toli)
    code, _, err = world.prov(
        "province", "repin", str(other), "--reason", "x", "--confirm-fingerprint", "0000"
    )
    assert code == 10 and "not the fingerprint given" in err
    code, out, _ = world.prov(
        "province",
        "repin",
        str(other),
        "--reason",
        "kunci baru setelah instal ulang",
        "--confirm-fingerprint",
        new_fp,
    )
    assert code == 0 and new_fp in out
    assert world.prov("province", "import", str(other))[0] == 0


def test_province_report_matches_the_regencies_own_findings(world: World) -> None:
    world.trust()
    paths = [world.export(world.buol), world.export(world.toli)]
    fps = [world.signer(world.buol), world.signer(world.toli)]
    code, out, _ = world.prov("province", "report", "--today", TODAY)
    assert code == 0 and "No archives imported yet." in out
    args = [a for fp in fps for a in ("--confirm-fingerprint", fp)]
    assert world.prov("province", "import", *map(str, paths), *args)[0] == 0
    code, out, _ = world.prov("province", "report", "--json", "--today", TODAY)
    assert code == 0
    rows = json.loads(out)["rows"]
    assert [(r["office_code"], r["term"]["id"]) for r in rows] == [("BWS.BUOL", 2), ("BWS.TOLI", 2)]
    for row, vault in zip(rows, (world.buol, world.toli), strict=True):
        code, out, _ = world.regency(vault, "findings", "--term", "2", "--today", TODAY, "--json")
        own = json.loads(out)
        assert row["counts"]["error"] == sum(f["severity"] == "error" for f in own) > 0
        assert row["counts"]["warning"] == sum(f["severity"] == "warning" for f in own)
        assert sorted(f["code"] for f in row["findings"]) == sorted(f["code"] for f in own)
    code, out, _ = world.prov("province", "report", "--today", TODAY, "--lang", "en")
    assert code == 0 and "Bawaslu Kabupaten Tolitoli (BWS.TOLI)" in out and "errors" in out


def test_province_import_prints_its_warnings(world: World) -> None:
    world.trust()
    first = world.export(world.buol)
    fp = world.signer(world.buol)
    code, out, _ = world.prov("province", "import", str(first), "--confirm-fingerprint", fp)
    assert code == 0 and "warning" not in out
    # The regency restores a backup made before that export: seq goes back, epoch does not.
    vault = Vault.unlock(world.buol, ADMIN, Secret(PW), policy=PRODUCTION_POLICY)
    try:
        with transaction(vault.conn):
            vault.conn.execute("DELETE FROM archive_export")
    finally:
        vault.close(backup=False)
    code, out, _ = world.prov("province", "import", str(world.export(world.buol)))
    assert code == 0 and "IMPORTED" in out
    assert "  warning: " in out and "restored a backup" in out
