"""KeePassXC (CSV, XML, .kdbx) and Bitwarden (JSON, CSV) exports, shaped like the real ones."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from import_support import MakeVault, World, make_world

from brankas.core.domain.enums import Platform
from brankas.core.errors import ImportFileInvalid
from brankas.core.importers.apply import apply_import
from brankas.core.importers.detect import open_import
from brankas.core.importers.preview import Preview, build_preview
from brankas.core.importers.sources import SourceKind
from brankas.core.importers.vaultview import load_vault_view
from brankas.core.secret import Secret
from brankas.core.storage.repos import secrets as secrets_repo

TOTP_URI = "otpauth://totp/Instagram:bawaslu.biau?secret=JBSWY3DPEHPK3PXP&issuer=Instagram"


@pytest.fixture
def world(make_vault: MakeVault) -> World:
    return make_world(make_vault)


def preview_of(world: World, path: Path) -> Preview:
    prepared = open_import(path, conn=world.ctx.conn)
    return build_preview(prepared, load_vault_view(world.ctx, world.term.id))


def by_handle(preview: Preview) -> dict[str, Any]:
    return {r.handle: r for r in preview.rows}


# --- KeePassXC ------------------------------------------------------------------------------
def _kp_csv(rows: list[tuple[str, ...]]) -> bytes:
    header = ("Group", "Title", "Username", "Password", "URL", "Notes", "TOTP", "Icon",
              "Last Modified", "Created")  # fmt: skip
    lines = []
    for row in [header, *rows]:  # KeePassXC quotes every field and ends lines with \n
        lines.append(",".join('"' + v.replace('"', '""') + '"' for v in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_keepassxc_csv(world: World, tmp_path: Path) -> None:
    stamp = "2024-05-02T03:04:05Z"
    path = tmp_path / "export.csv"
    path.write_bytes(
        _kp_csv(
            [
                (
                    "Root/Biau",
                    "Instagram Biau",
                    "bawaslu.biau",
                    'pw "kutip", koma',
                    "https://instagram.com/bawaslu.biau",
                    "baris 1\nbaris 2",
                    TOTP_URI,
                    "0",
                    stamp,
                    stamp,
                ),
                (
                    "Root/Media Sosial/Paleleh Barat",
                    "FB Paleleh Barat",
                    "admin@gmail.com",
                    "fb-pw",
                    "https://www.facebook.com/panwaslu.pb",
                    "",
                    "",
                    "0",
                    stamp,
                    stamp,
                ),
                (
                    "Root",
                    "Email kantor",
                    "kantor@bawaslu.go.id",
                    "mail-pw",
                    "",
                    "",
                    "",
                    "0",
                    stamp,
                    stamp,
                ),
                (
                    "Root/Recycle Bin",
                    "Instagram lama",
                    "lama",
                    "old",
                    "https://instagram.com/lama",
                    "",
                    "",
                    "0",
                    stamp,
                    stamp,
                ),
            ]
        )
    )
    preview = preview_of(world, path)
    table = preview.prepared.table
    assert table.kind is SourceKind.KEEPASS_CSV and table.skipped_entries == 1
    rows = by_handle(preview)
    ig = rows["@bawaslu.biau"]
    assert ig.platform is Platform.INSTAGRAM and ig.kecamatan_id == world.kec["Biau"]
    assert ig.password.reveal() == 'pw "kutip", koma'
    assert ig.totp.reveal().startswith("otpauth://totp/") and "JBSWY3DPEHPK3PXP" in ig.totp.reveal()
    assert ig.notes.reveal() == "baris 1\nbaris 2\nTitle: Instagram Biau"
    fb = rows["panwaslu.pb"]  # the login e-mail is kept, the Page comes from the URL
    assert fb.kecamatan_id == world.kec["Paleleh Barat"]
    assert "Username: admin@gmail.com" in fb.notes.reveal()
    mail = rows["kantor@bawaslu.go.id"]
    assert mail.platform is Platform.EMAIL and mail.kecamatan_id is None
    assert "kecamatan_missing" in {p.code for p in mail.problems}
    summary = apply_import(world.ctx, preview, term_id=world.term.id)
    assert summary.created == 3


def _xml_entry(title: str, user: str, password: str, url: str, extra: str = "") -> str:
    return (
        "<Entry><UUID>AAAAAAAAAAAAAAAAAAAAAA==</UUID>"
        f"<String><Key>Title</Key><Value>{title}</Value></String>"
        f"<String><Key>UserName</Key><Value>{user}</Value></String>"
        f'<String><Key>Password</Key><Value ProtectInMemory="True">{password}</Value></String>'
        f"<String><Key>URL</Key><Value>{url}</Value></String>"
        "<String><Key>Notes</Key><Value/></String>"
        f"{extra}</Entry>"
    )


def _xml(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<KeePassFile><Meta>'
        "<Generator>KeePassXC</Generator><DatabaseName>Bawaslu Buol</DatabaseName>"
        "<RecycleBinEnabled>True</RecycleBinEnabled><RecycleBinUUID>QklOQklOQklOQklOQklOQg==</RecycleBinUUID>"
        f"</Meta><Root>{body}<DeletedObjects/></Root></KeePassFile>"
    ).encode()


def test_keepass_xml_export(world: World, tmp_path: Path) -> None:
    history = "<History>" + _xml_entry("Old", "bawaslu.biau", "old-pw", "") + "</History>"
    otp = f'<String><Key>otp</Key><Value ProtectInMemory="True">{TOTP_URI.replace("&", "&amp;")}</Value></String>'
    pin = "<String><Key>PIN SIM</Key><Value>4321</Value></String>"
    body = (
        "<Group><UUID>cm9vdHJvb3Ryb290cm9vdA==</UUID><Name>Root</Name>"
        "<Group><UUID>YmlhdWJpYXViaWF1YmlhdQ==</UUID><Name>Kecamatan Biau</Name>"
        + _xml_entry("IG Biau", "bawaslu.biau", "s&amp;p &lt;3", "https://instagram.com/bawaslu.biau", otp + history + pin)
        + "</Group>"
        "<Group><UUID>QklOQklOQklOQklOQklOQg==</UUID><Name>Recycle Bin</Name>"
        + _xml_entry("Trash", "gone", "x", "https://x.com/gone")
        + "</Group></Group>"
    )  # fmt: skip
    path = tmp_path / "export.xml"
    path.write_bytes(_xml(body))
    preview = preview_of(world, path)
    assert preview.prepared.table.kind is SourceKind.KEEPASS_XML
    assert preview.prepared.table.skipped_entries == 1
    (row,) = preview.rows  # the history copy and the recycle bin are left out
    assert row.handle == "@bawaslu.biau" and row.kecamatan_id == world.kec["Biau"]
    assert row.password.reveal() == "s&p <3"
    assert row.totp is not None
    assert "PIN SIM: 4321" in row.notes.reveal()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><KeePassFile/>', "xml_doctype"),
        (b"<KeePassFile><Root>", "keepass_xml_malformed"),
        (b"<KeePassFile><Meta/></KeePassFile>", "keepass_xml_malformed"),
    ],
)
def test_keepass_xml_refused(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(data)
    with pytest.raises(ImportFileInvalid) as err:
        open_import(path)
    assert err.value.code == code


def test_keepass_xml_with_encrypted_values_is_refused(tmp_path: Path) -> None:
    entry = '<Entry><String><Key>Password</Key><Value Protected="True">aGVsbG8=</Value></String></Entry>'
    path = tmp_path / "inner.xml"
    path.write_bytes(_xml(f"<Group><Name>Root</Name>{entry}</Group>"))
    with pytest.raises(ImportFileInvalid) as err:
        open_import(path)
    assert err.value.code == "keepass_xml_protected"


@pytest.mark.skipif(
    importlib.util.find_spec("pykeepass") is not None, reason="pykeepass is installed"
)
def test_kdbx_needs_pykeepass_and_a_password(tmp_path: Path) -> None:
    path = tmp_path / "db.kdbx"
    path.write_bytes(b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5" + b"\x00" * 64)
    with pytest.raises(ImportFileInvalid) as err:
        open_import(path)
    assert err.value.code == "kdbx_password_required"
    with pytest.raises(ImportFileInvalid) as err:
        open_import(path, password=Secret("sandi database"))
    assert err.value.code == "kdbx_unsupported"


# --- Bitwarden ----------------------------------------------------------------------------
def _item(name: str, user: str, password: str, uris: list[str], **kw: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "passwordHistory": None,
        "revisionDate": "2024-05-02T03:04:05.000Z",
        "creationDate": "2024-05-02T03:04:05.000Z",
        "deletedDate": None,
        "id": f"id-{name}",
        "organizationId": None,
        "folderId": None,
        "type": 1,
        "reprompt": 0,
        "name": name,
        "notes": None,
        "favorite": False,
        "login": {
            "fido2Credentials": [],
            "uris": [{"match": None, "uri": u} for u in uris],
            "username": user,
            "password": password,
            "totp": None,
            "passwordRevisionDate": None,
        },
        "collectionIds": None,
    }
    item.update(kw)
    return item


def test_bitwarden_personal_json(world: World, tmp_path: Path) -> None:
    export = {
        "encrypted": False,
        "folders": [{"id": "f-biau", "name": "Biau"}, {"id": "f-kab", "name": "Kabupaten"}],
        "items": [
            _item(
                "Instagram",
                "biau@gmail.com",
                " pw bw ",
                ["https://accounts.google.com", "https://www.instagram.com/bawaslu.biau/"],
                folderId="f-biau",
                fields=[{"name": "PIN", "value": "1234", "type": 1, "linkedId": None}],
                notes="akun resmi",
            ),
            _item("TikTok Kabupaten", "tt_buol", "tt", [], folderId="f-kab"),
            {"type": 2, "name": "Catatan rahasia", "notes": "x", "secureNote": {"type": 0}},
            {"type": 3, "name": "Kartu", "card": {}},
        ],
    }
    path = tmp_path / "bitwarden_export.json"
    path.write_text(json.dumps(export, indent=2), encoding="utf-8")
    preview = preview_of(world, path)
    assert preview.prepared.table.kind is SourceKind.BITWARDEN_JSON
    assert preview.prepared.table.skipped_entries == 2
    ig, tiktok = preview.rows
    assert (ig.platform, ig.handle) == (Platform.INSTAGRAM, "@bawaslu.biau")
    assert ig.kecamatan_id == world.kec["Biau"] and ig.password.reveal() == " pw bw "
    notes = ig.notes.reveal()
    assert "akun resmi" in notes and "PIN: 1234" in notes and "accounts.google.com" in notes
    assert tiktok.platform is Platform.TIKTOK and tiktok.blocked  # "Kabupaten" is no kecamatan
    assert preview.unknown_kecamatan == ("Kabupaten",)


def test_bitwarden_organisation_json_collections(world: World, tmp_path: Path) -> None:
    export = {
        "encrypted": False,
        "collections": [
            {"id": "c1", "organizationId": "o1", "name": "Panwaslu/Kecamatan Bokat", "externalId": None}
        ],
        "items": [
            _item("x", "bokat_x", "pw", ["https://x.com/bokat_x"], organizationId="o1", collectionIds=["c1"])
        ],
    }  # fmt: skip
    path = tmp_path / "org.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    (row,) = preview_of(world, path).rows
    assert row.kecamatan_id == world.kec["Bokat"] and row.handle == "@bokat_x"


@pytest.mark.parametrize(
    ("doc", "code"),
    [
        ({"encrypted": True, "encKeyValidation_DO_NOT_EDIT": "2.x", "items": []}, "bitwarden_encrypted"),
        ({"encrypted": True, "passwordProtected": True, "data": "2.abc"}, "bitwarden_encrypted"),
        ({"folders": []}, "bitwarden_malformed"),
        ([1, 2], "bitwarden_malformed"),
    ],
)  # fmt: skip
def test_bitwarden_json_refused(tmp_path: Path, doc: Any, code: str) -> None:
    path = tmp_path / "bw.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ImportFileInvalid) as err:
        open_import(path)
    assert err.value.code == code
    broken = tmp_path / "broken.json"
    broken.write_text('{"items": [', encoding="utf-8")
    with pytest.raises(ImportFileInvalid):
        open_import(broken)


def test_bitwarden_csv_personal_and_organisation(world: World, tmp_path: Path) -> None:
    personal = tmp_path / "bitwarden_export.csv"
    personal.write_text(
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
        'Biau,,login,IG Biau,"catatan\nbaris",PIN: 1234,0,"https://instagram.com/bawaslu.biau,https://example.org",bawaslu.biau,"p,w",\n'
        "Biau,,note,Rahasia,isi,,0,,,,\n"
        ",1,login,FB,,,0,https://facebook.com/panwaslu.bokat,,fb,\n",
        encoding="utf-8",
    )  # fmt: skip
    preview = preview_of(world, personal)
    assert preview.prepared.table.kind is SourceKind.BITWARDEN_CSV
    assert preview.prepared.table.skipped_entries == 1
    ig, fb = preview.rows
    assert ig.handle == "@bawaslu.biau" and ig.password.reveal() == "p,w"
    assert ig.kecamatan_id == world.kec["Biau"]
    assert "catatan\nbaris" in ig.notes.reveal() and "https://example.org" in ig.notes.reveal()
    assert fb.handle == "panwaslu.bokat" and fb.kecamatan_id is None
    org = tmp_path / "org.csv"
    org.write_text(
        "collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
        '"Kabupaten,Bukal",login,X,,,0,https://x.com/bukal_x,bukal_x,pw,\n',
        encoding="utf-8",
    )  # fmt: skip
    (row,) = preview_of(world, org).rows
    assert row.kecamatan_id == world.kec["Bukal"]
    before = secrets_repo  # the import stores exactly what the export held
    summary = apply_import(world.ctx, preview_of(world, org), term_id=world.term.id)
    stored = before.get_secrets(world.ctx.conn, summary.created_ids[0]).password
    assert stored is not None and stored.reveal() == "pw"
