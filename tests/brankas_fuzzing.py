"""Seed inputs and damage for the fuzzers (tests/core/security/test_sec_fuzz.py and fuzz/).

Every seed is a real input made by the real code or shaped like the real export: a key
table and a recovery key from ``Vault.create``, a signed archive from ``export_archive``,
an XLSX from openpyxl, a .kdbx from pykeepass, and CSV/JSON/XML exports as the password
managers write them.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from brankas_testing import FAST_POLICY, fast_kdf

ARCHIVE_SUPPORT = Path(__file__).resolve().parent / "core" / "archive"
KDBX_PASSWORD = "sandi database fuzz"


def mutate(rng: random.Random, good: bytes) -> bytes:
    """One random damage: bit flips, a truncation, an insertion, a deletion or a splice."""
    data = bytearray(good)
    kind = rng.randrange(5)
    if kind == 0:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif kind == 1:
        del data[rng.randrange(len(data)) :]
    elif kind == 2:
        pos = rng.randrange(len(data) + 1)
        data[pos:pos] = rng.randbytes(rng.randint(1, 64))
    elif kind == 3:
        pos = rng.randrange(len(data))
        del data[pos : pos + rng.randint(1, 64)]
    else:
        a, b = sorted(rng.randrange(len(data)) for _ in range(2))
        c = rng.randrange(len(data))
        data[c:c] = data[a:b]
    return bytes(data)


# --- small exports, shaped like the real ones -------------------------------------------------

BW_JSON_GOOD = (
    b'{"encrypted": false, "folders": [], "items": [{"type": 1, "name": "ig", '
    b'"login": {"username": "a", "password": "p", "uris": [{"uri": "https://x"}], "totp": null},'
    b' "notes": null, "fields": []}]}'
)
KP_XML_GOOD = (
    b'<?xml version="1.0" encoding="utf-8"?><KeePassFile><Root><Group><Name>R</Name><Entry>'
    b"<String><Key>Title</Key><Value>t</Value></String><String><Key>Password</Key>"
    b'<Value ProtectInMemory="True">p</Value></String></Entry></Group></Root></KeePassFile>'
)
OTPAUTH_GOOD = (
    "otpauth://totp/Instagram:bawaslu.biau?secret=JBSWY3DPEHPK3PXP&issuer=Instagram",
    "otpauth://totp/X%20Bokat?secret=JBSWY3DPEHPK3PXPJBSWY3DP&digits=8&period=60&algorithm=SHA256",
    "JBSW Y3DP EHPK 3PXP",
)


def _csv(rows: list[tuple[str, ...]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def bitwarden_json() -> bytes:
    """A Bitwarden personal export (unencrypted JSON) with a folder and two logins."""
    item = {
        "id": "id-1", "organizationId": None, "folderId": "f1", "type": 1, "reprompt": 0,
        "name": "Instagram Biau", "notes": "catatan", "favorite": False,
        "fields": [{"name": "PIN", "value": "4321", "type": 1}],
        "login": {"uris": [{"match": None, "uri": "https://instagram.com/bawaslu.biau"}],
                  "username": "bawaslu.biau", "password": "Ünïcødé sandi", "totp": None},
        "collectionIds": None,
    }  # fmt: skip
    second = {**item, "id": "id-2", "folderId": None, "name": "X", "fields": []}
    doc = {"encrypted": False, "folders": [{"id": "f1", "name": "Biau"}], "items": [item, second]}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def bitwarden_csv() -> bytes:
    head = ("folder", "favorite", "type", "name", "notes", "fields", "reprompt", "login_uri",
            "login_username", "login_password", "login_totp")  # fmt: skip
    return _csv([
        head,
        ("Biau", "", "login", "Instagram Biau", "", "PIN: 4321", "0",
         "https://instagram.com/bawaslu.biau,https://x.com/b", "bawaslu.biau", " sp ace ", ""),
        ("", "1", "note", "Catatan", "teks", "", "0", "", "", "", ""),
    ])  # fmt: skip


def register_csv() -> bytes:
    """A spreadsheet register saved as CSV, with a title line above the header."""
    return _csv([
        ("Daftar akun media sosial Panwaslu Kecamatan",),
        ("No", "Kecamatan", "Platform", "Username", "Password", "No. HP"),
        ("1", "Biau", "Instagram", "@bawaslu.biau", '"kutip", koma', "0812-3456-7890"),
        ("2", "Bokat", "Facebook", "panwaslu.bokat", "=1+2", "6281234567890"),
    ])  # fmt: skip


def keepass_csv() -> bytes:
    return _csv([
        ("Group", "Title", "Username", "Password", "URL", "Notes", "TOTP", "Icon",
         "Last Modified", "Created"),
        ("Root/Biau", "Instagram Biau", "bawaslu.biau", "pw", "https://instagram.com/b", "",
         "", "0", "2024-05-02T03:04:05Z", "2024-05-02T03:04:05Z"),
        ("Root/Recycle Bin", "Lama", "lama", "x", "", "", "", "0", "", ""),
    ])  # fmt: skip


def xlsx_bytes() -> bytes:
    """A small register workbook written by openpyxl."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Platform", "Username", "Password", "Kecamatan"])
    for i in range(5):
        ws.append(["instagram", f"akun{i}", f"sandi{i}", "Biau"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- made by the real code --------------------------------------------------------------------


def key_table_and_kit(folder: Path) -> tuple[bytes, str]:
    """A real vault.keys and the recovery key printed on its kit (fast KDF)."""
    from brankas.core.domain.enums import OfficeKind
    from brankas.core.secret import Secret
    from brankas.core.vault.vault import Vault

    vault, kit = Vault.create(folder / "vault", office_kind=OfficeKind.REGENCY,
                              office_name="Kab. Fuzz", admin_name="Admin",
                              admin_password=Secret("sandi fuzz"), kdf=fast_kdf(),
                              policy=FAST_POLICY)  # fmt: skip
    vault.close(backup=False)
    return (folder / "vault" / "vault.keys").read_bytes(), kit


def signed_archive(folder: Path) -> bytes:
    """A real signed, encrypted regency archive (three accounts)."""
    if str(ARCHIVE_SUPPORT) not in sys.path:
        sys.path.insert(0, str(ARCHIVE_SUPPORT))
    from archive_support import make_province, make_regency  # type: ignore[import-not-found]

    from brankas.core.archive import keys
    from brankas.core.archive.export import export_archive

    prov, reg = make_province(folder / "p"), make_regency(folder / "r", accounts=3)
    try:
        keys.set_province_recipient(reg, keys.recipient_file_text(prov))
        data: bytes = export_archive(reg, term_ids=[1], out_dir=folder).path.read_bytes()
        return data
    finally:
        for v in (prov, reg):
            if v.is_open:
                v.close(backup=False)


def kdbx_bytes(folder: Path) -> bytes:
    """A KDBX 4 database made by pykeepass with a cheap Argon2 (64 KiB, 1 pass)."""
    import pykeepass  # type: ignore[import-untyped,unused-ignore]

    path = folder / "fuzz.kdbx"
    if path.exists():
        return path.read_bytes()
    db = pykeepass.create_database(str(path), password=KDBX_PASSWORD)
    kdf = db.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["I"].value, kdf["M"].value = 1, 64 * 1024
    biau = db.add_group(db.root_group, "Biau")
    ig = db.add_entry(biau, "Instagram", "bawaslu.biau", "sandi", url="https://instagram.com/b")
    ig.otp = OTPAUTH_GOOD[0]
    ref = "{REF:P@I:" + ig.uuid.hex.upper() + "}"
    db.add_entry(db.root_group, "X", "bawaslu_x", ref, url="https://x.com/bawaslu_x")
    db.save()
    return path.read_bytes()


def keepass_xml(folder: Path) -> bytes:
    """The same database as KeePass XML in KeePassXC's layout (an export's plain values:
    pykeepass keeps the inner-stream ciphertext, taken here as the value)."""
    import pykeepass  # type: ignore[import-untyped,unused-ignore]

    kdbx_bytes(folder)
    xml: bytes = pykeepass.PyKeePass(str(folder / "fuzz.kdbx"), password=KDBX_PASSWORD).xml()
    return xml.replace(b'Protected="True"', b'ProtectInMemory="True"')


# Target name -> builder of its seed inputs (given a scratch folder). The names are the
# modules under fuzz/ and the arguments of ./fuzz.sh.
SeedBuilder = Callable[[Path], list[bytes]]


def _kit_seeds(folder: Path) -> list[bytes]:
    kit = key_table_and_kit(folder)[1]
    groups = kit.split("-")
    return [kit.encode(), " ".join(groups).encode(), "\n".join(groups).encode(), kit[:-3].encode()]


SEEDS: dict[str, SeedBuilder] = {
    "key_table": lambda d: [key_table_and_kit(d)[0]],
    "archive": lambda d: [signed_archive(d)],
    "recovery_kit": _kit_seeds,
    "otpauth": lambda d: [u.encode() for u in OTPAUTH_GOOD],
    "csv_import": lambda d: [register_csv(), keepass_csv()],
    "bitwarden_csv": lambda d: [bitwarden_csv()],
    "bitwarden_json": lambda d: [bitwarden_json(), BW_JSON_GOOD],
    "keepass_xml": lambda d: [KP_XML_GOOD, keepass_xml(d)],
    "kdbx": lambda d: [kdbx_bytes(d)],
    "xlsx": lambda d: [xlsx_bytes()],
}


_KDBX_TARGETS = frozenset({"kdbx", "keepass_xml"})


def write_corpus(root: Path, targets: list[str] | None = None) -> dict[str, Path]:
    """Write each target's seeds into ``root/<target>/seed-N``; returns target -> folder."""
    out: dict[str, Path] = {}
    root.mkdir(parents=True, exist_ok=True)
    kdbx_scratch = Path(tempfile.mkdtemp(prefix=".kdbx-", dir=root))  # one .kdbx for both
    for name in targets or list(SEEDS):
        scratch = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root))
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for i, seed in enumerate(SEEDS[name](kdbx_scratch if name in _KDBX_TARGETS else scratch)):
            (folder / f"seed-{i}").write_bytes(seed)
        out[name] = folder
    return out
