""".kdbx import: real databases made by keepassxc-cli (KDBX 3.1, AES-KDF) and by pykeepass
(KDBX 4, Argon2), read with the database password; the same database's CSV and XML exports
give the same accounts."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from import_support import MakeVault, World, make_world

from brankas.core.domain.enums import Platform
from brankas.core.errors import ImportFileInvalid, ImportTooLarge
from brankas.core.importers.apply import apply_import
from brankas.core.importers.detect import open_import
from brankas.core.importers.keepass import aes_kdf, kdbx_kdf
from brankas.core.importers.model import ImportOptions, ImportRow
from brankas.core.importers.preview import Preview, build_preview
from brankas.core.importers.sources import SourceKind
from brankas.core.importers.vaultview import load_vault_view
from brankas.core.secret import Secret
from brankas.core.storage.repos import secrets as secrets_repo

pykeepass = pytest.importorskip("pykeepass", reason="pykeepass is not installed")
from pykeepass.kdbx_parsing.common import aes_kdf as pykeepass_aes_kdf  # noqa: E402

DB_PASSWORD = "sandi database KeePassXC"
KPCLI = shutil.which("keepassxc-cli")
needs_kpcli = pytest.mark.skipif(
    KPCLI is None,
    reason="keepassxc-cli is missing (Debian package keepassxc: apt-get install keepassxc)",
)
TOTP_URI = "otpauth://totp/Instagram:bawaslu.biau?secret=JBSWY3DPEHPK3PXP&issuer=Instagram"

# (group path, title, username, password, url) — passwords as people type them.
KPX_ENTRIES = (
    ("Biau", "Instagram Biau", "bawaslu.biau", '  sp ace "kutip", koma ', "https://www.instagram.com/bawaslu.biau/"),
    ("Kecamatan Paleleh Barat", "FB Paleleh Barat", "admin@gmail.com", "Ünïcødé-ß-€\ttab", "https://www.facebook.com/panwaslu.pb"),
    ("Media Sosial/Tiloan", "TikTok Tiloan", "bawaslu_tiloan", "=1+2;DROP", "https://www.tiktok.com/@bawaslu_tiloan"),
    ("", "Email kantor", "kantor@bawaslu.go.id", "0812", ""),
    ("Lainnya", "YouTube Buol", "bawaslubuol", "yt-pw", "https://youtube.com/@bawaslubuol"),
)  # fmt: skip


@pytest.fixture
def world(make_vault: MakeVault) -> World:
    return make_world(make_vault)


def kpcli(*args: str, stdin: str) -> str:
    assert KPCLI is not None
    done = subprocess.run(
        [KPCLI, *args], input=stdin.encode(), capture_output=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def kpx_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A KeePassXC database made with keepassxc-cli; one entry recycled."""
    if KPCLI is None:
        pytest.skip(
            "keepassxc-cli is missing (Debian package keepassxc: apt-get install keepassxc)"
        )
    path = tmp_path_factory.mktemp("kpx") / "bawaslu.kdbx"
    db = str(path)
    kpcli("db-create", "-q", "-p", "-t", "100", db, stdin=f"{DB_PASSWORD}\n{DB_PASSWORD}\n")
    for group in (
        "Biau",
        "Kecamatan Paleleh Barat",
        "Media Sosial",
        "Media Sosial/Tiloan",
        "Lainnya",
    ):
        kpcli("mkdir", "-q", db, group, stdin=f"{DB_PASSWORD}\n")
    for group, title, user, password, url in KPX_ENTRIES:
        entry = f"{group}/{title}" if group else title
        extra = ["--url", url] if url else []
        kpcli(
            "add", "-q", "-u", user, *extra, "-p", db, entry, stdin=f"{DB_PASSWORD}\n{password}\n"
        )
    kpcli("add", "-q", "-u", "lama", "-p", db, "Biau/Instagram lama", stdin=f"{DB_PASSWORD}\nold\n")
    kpcli("rm", "-q", db, "Biau/Instagram lama", stdin=f"{DB_PASSWORD}\n")  # to the recycle bin
    return path


def preview_of(
    world: World, path: Path, password: str | None = DB_PASSWORD, **opts: Any
) -> Preview:
    prepared = open_import(path, password=Secret(password) if password is not None else None)
    return build_preview(prepared, load_vault_view(world.ctx, world.term.id), ImportOptions(**opts))


def by_title(preview: Preview) -> dict[str, ImportRow]:
    title = preview.prepared.header.names.index("Title")
    return {str(preview.prepared.table.rows[r.source_row - 1][title]): r for r in preview.rows}


def codes(row: ImportRow) -> set[str]:
    return {p.code for p in row.problems}


@needs_kpcli
def test_keepassxc_database_groups_urls_and_passwords(world: World, kpx_db: Path) -> None:
    preview = preview_of(world, kpx_db)
    table = preview.prepared.table
    assert table.kind is SourceKind.KDBX and table.skipped_entries == 1  # the recycled entry
    assert preview.complete and len(preview.rows) == len(KPX_ENTRIES)
    rows = by_title(preview)
    ig = rows["Instagram Biau"]
    assert (ig.platform, ig.handle, ig.kecamatan_id) == (
        Platform.INSTAGRAM,
        "@bawaslu.biau",
        world.kec["Biau"],
    )
    assert ig.password is not None and ig.password.reveal() == '  sp ace "kutip", koma '
    fb = rows["FB Paleleh Barat"]  # "Kecamatan Paleleh Barat" names a kecamatan
    assert fb.platform is Platform.FACEBOOK_PAGE and fb.kecamatan_id == world.kec["Paleleh Barat"]
    assert fb.password is not None and fb.password.reveal() == "Ünïcødé-ß-€\ttab"
    tiktok = rows["TikTok Tiloan"]  # the deepest group that names a kecamatan wins
    assert tiktok.platform is Platform.TIKTOK and tiktok.kecamatan_id == world.kec["Tiloan"]
    mail = rows["Email kantor"]  # in the root group: no kecamatan, not "Passwords"
    assert mail.platform is Platform.EMAIL and mail.kecamatan_id is None
    assert "kecamatan_missing" in codes(mail) and not mail.blocked
    youtube = rows["YouTube Buol"]  # a group that is no kecamatan
    assert youtube.platform is Platform.YOUTUBE and "kecamatan_unknown" in codes(youtube)
    assert preview.unknown_kecamatan == ("Lainnya",)
    created = preview_of(world, kpx_db, create_missing_kecamatan=True)
    assert by_title(created)["YouTube Buol"].kecamatan_new == "Lainnya"

    summary = apply_import(world.ctx, preview, term_id=world.term.id)
    assert summary.created == 4 and summary.skipped_errors == 1
    stored = {
        secrets_repo.get_secrets(world.ctx.conn, account_id).password.reveal()  # type: ignore[union-attr]
        for account_id in summary.created_ids
    }
    assert stored == {p for _g, t, _u, p, _l in KPX_ENTRIES if t != "YouTube Buol"}


def _essence(preview: Preview) -> set[tuple[Any, ...]]:
    return {
        (
            r.platform,
            r.handle,
            r.url,
            r.kecamatan_id,
            r.password.reveal() if r.password else None,
            r.blocked,
        )
        for r in preview.rows
    }


@needs_kpcli
def test_the_csv_and_xml_exports_of_the_same_database_agree(
    world: World, kpx_db: Path, tmp_path: Path
) -> None:
    direct = preview_of(world, kpx_db)
    for fmt in ("csv", "xml"):
        exported = tmp_path / f"export.{fmt}"
        exported.write_text(
            kpcli("export", "-q", "-f", fmt, str(kpx_db), stdin=f"{DB_PASSWORD}\n"),
            encoding="utf-8",
        )
        via_export = preview_of(world, exported, password=None)
        assert via_export.prepared.table.skipped_entries == 1, fmt
        assert _essence(via_export) == _essence(direct), fmt


@needs_kpcli
def test_wrong_password_key_file_and_missing_password(kpx_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ImportFileInvalid) as err:
        open_import(kpx_db, password=Secret("salah"))
    assert err.value.code == "kdbx_wrong_password"
    assert "salah" not in str(err.value) and DB_PASSWORD not in str(err.value)
    with pytest.raises(ImportFileInvalid) as err:
        open_import(kpx_db)
    assert err.value.code == "kdbx_password_required"
    # A database that also needs a key file: the password alone does not open it.
    keyed = tmp_path / "keyed.kdbx"
    key_file = tmp_path / "keyed.keyx"
    kpcli(
        "db-create", "-q", "-p", "-t", "100", "--set-key-file", str(key_file), str(keyed),
        stdin=f"{DB_PASSWORD}\n{DB_PASSWORD}\n",
    )  # fmt: skip
    with pytest.raises(ImportFileInvalid) as err:
        open_import(keyed, password=Secret(DB_PASSWORD))
    assert err.value.code == "kdbx_wrong_password"
    with pytest.raises(ImportFileInvalid) as err:  # the key file chosen instead of the database
        open_import(key_file)
    assert err.value.code == "kdbx_keyfile_unsupported"


@needs_kpcli
def test_damaged_and_too_costly_databases_are_refused(kpx_db: Path, tmp_path: Path) -> None:
    data = kpx_db.read_bytes()
    kdf = kdbx_kdf(data)
    assert kdf.version in (3, 4) and kdf.kind == "aes" and kdf.rounds > 100_000
    cases = {
        "half.kdbx": data[: len(data) // 2],
        "tail.kdbx": data[:-40] + bytes(b ^ 0x5A for b in data[-40:]),
        "header.kdbx": data[:12],
    }
    for name, damaged in cases.items():
        path = tmp_path / name
        path.write_bytes(damaged)
        with pytest.raises(ImportFileInvalid) as err:
            open_import(path, password=Secret(DB_PASSWORD))
        assert err.value.code == "kdbx_malformed", name
    # 2**40 AES rounds would take a day: refused before any is computed.
    rounds_at = data.index(kdf.rounds.to_bytes(8, "little"))
    costly = tmp_path / "costly.kdbx"
    costly.write_bytes(data[:rounds_at] + (2**40).to_bytes(8, "little") + data[rounds_at + 8 :])
    with pytest.raises(ImportTooLarge) as too:
        open_import(costly, password=Secret(DB_PASSWORD))
    assert too.value.code == "kdbx_kdf_too_costly"


# --- pykeepass (KDBX 4, Argon2) ----------------------------------------------------------------
@pytest.fixture(scope="module")
def pk_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A KDBX 4 database made with pykeepass: TOTP, a custom field, a field reference, an
    entry with history, one in the recycle bin, and a root group named after the office."""
    path = tmp_path_factory.mktemp("pk") / "pykeepass.kdbx"
    db = pykeepass.create_database(str(path), password=DB_PASSWORD)
    kdf = db.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["I"].value, kdf["M"].value = 2, 8 * 2**20  # a cheaper Argon2 keeps the test quick
    db.root_group.name = "Bawaslu Kabupaten Buol"
    biau = db.add_group(db.root_group, "Biau")
    bokat = db.add_group(db.add_group(db.root_group, "Pilkada 2024"), "Kec. Bokat")
    ig = db.add_entry(
        biau, "Instagram", "bawaslu.biau", "lama", url="https://instagram.com/bawaslu.biau"
    )
    ig.save_history()
    ig.password = "baru \u00a0 tetap"  # the current password, not the history copy
    ig.otp = TOTP_URI
    ig.set_custom_property("PIN SIM", "4321", protect=True)
    ig.notes = "catatan\nbaris dua"
    reference = "{REF:P@I:" + ig.uuid.hex.upper() + "}"
    db.add_entry(bokat, "X Bokat", "bawaslu_bokat", reference, url="https://x.com/bawaslu_bokat")
    db.add_entry(db.root_group, "Gmail", "bawaslu.buol@gmail.com", "mail-pw")
    db.trash_entry(db.add_entry(biau, "Dihapus", "dihapus", "x", url="https://x.com/dihapus"))
    db.save()
    yield path


def test_pykeepass_database(world: World, pk_db: Path) -> None:
    assert kdbx_kdf(pk_db.read_bytes()).kind == "argon2"
    preview = preview_of(world, pk_db)
    assert preview.prepared.table.skipped_entries == 1 and len(preview.rows) == 3
    rows = by_title(preview)
    ig = rows["Instagram"]
    assert ig.kecamatan_id == world.kec["Biau"] and ig.platform is Platform.INSTAGRAM
    assert ig.password is not None and ig.password.reveal() == "baru \u00a0 tetap"
    assert ig.totp is not None and "JBSWY3DPEHPK3PXP" in ig.totp.reveal()
    assert ig.notes is not None
    assert ig.notes.reveal().splitlines()[:2] == ["catatan", "baris dua"]
    assert "PIN SIM: 4321" in ig.notes.reveal()
    x = rows["X Bokat"]  # the reference resolves to the Instagram password
    assert x.kecamatan_id == world.kec["Bokat"] and x.platform is Platform.X
    assert x.password is not None and x.password.reveal() == "baru \u00a0 tetap"
    gmail = rows["Gmail"]  # the root group's name is no kecamatan
    assert gmail.platform is Platform.EMAIL and codes(gmail) >= {"kecamatan_missing"}
    assert not any(r.blocked for r in preview.rows)
    summary = apply_import(world.ctx, preview, term_id=world.term.id)
    assert summary.created == 3


def test_pykeepass_wrong_password_and_costly_argon2(pk_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ImportFileInvalid) as err:
        open_import(pk_db, password=Secret(DB_PASSWORD + " "))
    assert err.value.code == "kdbx_wrong_password"
    data = pk_db.read_bytes()
    memory = (8 * 2**20).to_bytes(8, "little")
    assert data.count(memory) >= 1
    costly = tmp_path / "costly.kdbx"
    costly.write_bytes(data.replace(memory, (64 * 2**30).to_bytes(8, "little"), 1))
    with pytest.raises(ImportTooLarge) as too:
        open_import(costly, password=Secret(DB_PASSWORD))
    assert too.value.code == "kdbx_kdf_too_costly"


# --- the KDF and the header -------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(
    seed=st.binary(min_size=32, max_size=32),
    rounds=st.integers(min_value=0, max_value=20_000),
    composite=st.binary(min_size=32, max_size=32),
)
def test_native_aes_kdf_equals_pykeepass(seed: bytes, rounds: int, composite: bytes) -> None:
    assert aes_kdf(seed, rounds, composite) == pykeepass_aes_kdf(seed, rounds, composite)


def _variant(items: list[tuple[int, str, bytes]]) -> bytes:
    out = b"\x00\x01"
    for kind, key, value in items:
        name = key.encode()
        out += bytes([kind]) + len(name).to_bytes(4, "little") + name
        out += len(value).to_bytes(4, "little") + value
    return out + b"\x00"


def test_kdbx4_aes_kdf_header() -> None:
    seed = hashlib.sha256(b"seed").digest()
    params = _variant(
        [
            (0x42, "$UUID", bytes.fromhex("c9d9f39a628a4460bf740d08c18a4fea")),
            (0x05, "R", (60_000).to_bytes(8, "little")),
            (0x42, "S", seed),
        ]
    )
    header = b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5" + b"\x00\x00\x04\x00"
    header += bytes([2]) + (16).to_bytes(4, "little") + bytes(16)  # cipher id
    header += bytes([11]) + len(params).to_bytes(4, "little") + params
    header += bytes([0]) + (4).to_bytes(4, "little") + b"\r\n\r\n"
    kdf = kdbx_kdf(header)
    assert (kdf.version, kdf.kind, kdf.rounds, kdf.seed) == (4, "aes", 60_000, seed)
