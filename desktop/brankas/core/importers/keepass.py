"""KeePassXC exports: CSV ("Group","Title","Username","Password","URL","Notes",…), KeePass
XML, and .kdbx itself through pykeepass when that library is installed."""

from __future__ import annotations

import hashlib
import importlib
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from brankas.core.errors import ImportFileInvalid, ImportTooLarge
from brankas.core.importers.managed import build_table, fixed, in_recycle_bin, keep_rows
from brankas.core.importers.mapping import Field
from brankas.core.importers.prepared import Prepared
from brankas.core.importers.sources import (
    DEFAULT_LIMITS,
    Limits,
    RawTable,
    SourceKind,
    read_limited,
)
from brankas.core.secret import Secret

CSV_HEADER: Final = ("Group", "Title", "Username", "Password", "URL", "Notes")
_FIELDS: Final = {
    "Group": Field.KECAMATAN,
    "Title": Field.TITLE,
    "Username": Field.HANDLE,
    "Password": Field.PASSWORD,
    "URL": Field.URL,
    "Notes": Field.NOTES,
    "TOTP": Field.TOTP,
    "Icon": Field.IGNORE,
    "Last Modified": Field.IGNORE,
    "Created": Field.IGNORE,
}
_XML_KEYS: Final = {"Title": "Title", "UserName": "Username", "Password": "Password"}
_XML_KEYS_MORE: Final = {"URL": "URL", "Notes": "Notes"}
_TOTP_KEYS: Final = ("otp", "TimeOtp-Secret-Base32", "TOTP Seed")
_MAX_DEPTH: Final = 64


def is_keepass_csv(table: RawTable) -> bool:
    """True for a KeePassXC CSV export (its header row, exactly)."""
    return bool(table.rows) and tuple(table.rows[0][: len(CSV_HEADER)]) == CSV_HEADER


def prepare_csv(table: RawTable) -> Prepared:
    """A KeePassXC CSV export with its fixed mapping; entries in the recycle bin left out.

    The group path (e.g. ``Root/Biau``) is read as the kecamatan.
    """
    group = table.rows[0].index("Group")
    keep = [
        not in_recycle_bin(str(row[group]) if group < len(row) else "") for row in table.rows[1:]
    ]
    return fixed(keep_rows(table, keep, SourceKind.KEEPASS_CSV), _FIELDS)


# --- KeePass XML ------------------------------------------------------------------------
def _text(elem: Any) -> str:
    return "" if elem is None or elem.text is None else str(elem.text)


def _entry(elem: Any, path: str, *, decrypted: bool) -> dict[str, str]:
    values: dict[str, str] = {"Group": path}
    for item in elem.findall("String"):
        key = _text(item.find("Key"))
        value_elem = item.find("Value")
        protected = value_elem is not None and value_elem.get("Protected", "").lower() == "true"
        if protected and not decrypted:
            # Protected values of a database's inner XML are encrypted: not an export.
            raise ImportFileInvalid("the XML file holds encrypted values", "keepass_xml_protected")
        value = _text(value_elem)
        if key in _XML_KEYS:
            values[_XML_KEYS[key]] = value
        elif key in _XML_KEYS_MORE:
            values[_XML_KEYS_MORE[key]] = value
        elif key in _TOTP_KEYS:
            values.setdefault("TOTP", value)
        elif key and not key.startswith(("TimeOtp-", "HmacOtp-", "TOTP ")):
            values[key] = value
    return values


def _walk(
    root: Any, limits: Limits, *, include_root: bool, decrypted: bool
) -> tuple[list[dict[str, str]], int]:
    """The entries of a KeePass XML tree (ElementTree or lxml) and how many were left out.

    Entries' history copies and the recycle bin are left out.
    """
    top = root.find("Root/Group")
    if root.tag != "KeePassFile" or top is None:
        raise ImportFileInvalid("not a KeePass XML export", "keepass_xml_malformed")
    bin_uuid = _text(root.find("Meta/RecycleBinUUID"))
    bin_on = _text(root.find("Meta/RecycleBinEnabled")).lower() != "false"
    entries: list[dict[str, str]] = []
    skipped = 0

    def walk(group: Any, parent: str, depth: int) -> None:
        nonlocal skipped
        if depth > _MAX_DEPTH:
            raise ImportFileInvalid("groups nest too deeply", "keepass_xml_malformed")
        name = _text(group.find("Name")) if depth or include_root else ""
        path = f"{parent}/{name}" if parent else name
        if bin_on and bin_uuid and _text(group.find("UUID")) == bin_uuid:
            skipped += len(group.findall(".//Entry")) - len(group.findall(".//History/Entry"))
            return
        for entry in group.findall("Entry"):  # direct children: never <History> copies
            entries.append(_entry(entry, path, decrypted=decrypted))
            if len(entries) > limits.max_rows:
                return
        for child in group.findall("Group"):
            walk(child, path, depth + 1)

    walk(top, "", 0)
    return entries, skipped


def _table(
    path: Path,
    kind: SourceKind,
    data: bytes,
    entries: list[dict[str, str]],
    skipped: int,
    limits: Limits,
) -> Prepared:
    names = [*CSV_HEADER, "TOTP"]
    for entry in entries:
        names.extend(k for k in entry if k not in names)
    table = build_table(
        name=path.name,
        kind=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        names=names,
        entries=entries,
        limits=limits,
        skipped=skipped,
    )
    return fixed(table, _FIELDS)


def read_xml(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Prepared:
    """Read a KeePass XML export (KeePassXC: Database → Export → XML).

    Entries' history and the recycle bin are left out; custom fields become notes.

    Raises:
        ImportFileInvalid: ``keepass_xml_malformed``, ``keepass_xml_protected``,
            ``xml_doctype`` (DTDs and entities are refused), ``kdbx_keyfile_unsupported``
            (a KeePass key file was chosen: it opens a database, it holds no entries),
            ``file_unreadable``.
        ImportTooLarge: the usual limits.
    """
    data = read_limited(path, limits)
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise ImportFileInvalid("the XML file declares a DTD", "xml_doctype")
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DTD, so no entity expansion
    except (ET.ParseError, LookupError, ValueError) as exc:  # LookupError: unknown encoding
        raise ImportFileInvalid("the XML file is malformed", "keepass_xml_malformed") from exc
    if root.tag == "KeyFile":
        raise ImportFileInvalid("this is a KeePass key file", "kdbx_keyfile_unsupported")
    entries, skipped = _walk(root, limits, include_root=True, decrypted=False)
    return _table(path, SourceKind.KEEPASS_XML, data, entries, skipped, limits)


# --- .kdbx --------------------------------------------------------------------------------
_AES_KDF: Final = bytes.fromhex("c9d9f39a628a4460bf740d08c18a4fea")
_ARGON2: Final = frozenset(
    {
        bytes.fromhex("ef636ddf8c29444b91f7a9a403e30a0c"),
        bytes.fromhex("9e298b1956db4773b23dfc3ec6f0a1e6"),
    }
)
# Past these a database would take minutes to open (or a crafted one forever): refused.
MAX_AES_ROUNDS: Final = 250_000_000  # ~15 s here; KeePass's "1 second" is 5-60 million
MAX_ARGON2_MEMORY: Final = 2 * 2**30  # bytes
MAX_ARGON2_WORK: Final = 64 * 2**30  # memory x iterations: 64 MiB x 1,000 (~30 s here)
_AES_CHUNK: Final = 1 << 16  # blocks per native call


@dataclass(frozen=True, slots=True)
class KdbxKdf:
    """How a .kdbx database derives its key, read from its (unencrypted) header."""

    version: int
    kind: str  # "aes", "argon2" or "" (unknown: left to pykeepass)
    seed: bytes = b""
    rounds: int = 0
    memory: int = 0
    iterations: int = 0


def _variant_dict(data: bytes) -> dict[str, bytes]:
    """KDBX 4's VariantDictionary as raw values (version, then type/key/value triples)."""
    out: dict[str, bytes] = {}
    pos = 2
    while pos < len(data) and data[pos] != 0:
        key_len = int.from_bytes(data[pos + 1 : pos + 5], "little")
        key = data[pos + 5 : pos + 5 + key_len].decode("utf-8", "replace")
        pos += 5 + key_len
        value_len = int.from_bytes(data[pos : pos + 4], "little")
        out[key] = data[pos + 4 : pos + 4 + value_len]
        pos += 4 + value_len
    return out


def kdbx_kdf(data: bytes) -> KdbxKdf:
    """Read the key derivation settings from a .kdbx header (KDBX 3.1 and 4.x).

    Raises:
        ImportFileInvalid: ``kdbx_malformed`` (not a KDBX 3 or 4 header).
    """
    if len(data) < 12:
        raise ImportFileInvalid("the database is damaged", "kdbx_malformed")
    version = int.from_bytes(data[10:12], "little")
    if version not in (3, 4):
        raise ImportFileInvalid("unsupported database version", "kdbx_malformed")
    size_len = 2 if version == 3 else 4
    fields: dict[int, bytes] = {}
    pos = 12
    while pos + 1 + size_len <= len(data):
        field_id = data[pos]
        size = int.from_bytes(data[pos + 1 : pos + 1 + size_len], "little")
        fields[field_id] = data[pos + 1 + size_len : pos + 1 + size_len + size]
        pos += 1 + size_len + size
        if field_id == 0:
            break
    if version == 3:
        rounds = fields.get(6, b"")
        if len(rounds) != 8 or len(fields.get(5, b"")) != 32:
            raise ImportFileInvalid("the database header is damaged", "kdbx_malformed")
        return KdbxKdf(3, "aes", seed=fields[5], rounds=int.from_bytes(rounds, "little"))
    params = _variant_dict(fields.get(11, b""))
    uuid = params.get("$UUID", b"")
    if uuid == _AES_KDF and len(params.get("S", b"")) == 32:
        return KdbxKdf(
            4, "aes", seed=params["S"], rounds=int.from_bytes(params.get("R", b""), "little")
        )
    if uuid in _ARGON2:
        return KdbxKdf(
            4,
            "argon2",
            memory=int.from_bytes(params.get("M", b""), "little"),
            iterations=int.from_bytes(params.get("I", b""), "little"),
        )
    return KdbxKdf(4, "")


def _check_cost(kdf: KdbxKdf) -> None:
    too_costly = (kdf.kind == "aes" and kdf.rounds > MAX_AES_ROUNDS) or (
        kdf.kind == "argon2"
        and (kdf.memory > MAX_ARGON2_MEMORY or kdf.memory * kdf.iterations > MAX_ARGON2_WORK)
    )
    if too_costly:
        raise ImportTooLarge(
            "the database's key derivation is too costly to open here", "kdbx_kdf_too_costly"
        )


def aes_kdf(seed: bytes, rounds: int, composite: bytes) -> bytes:
    """KeePass's AES-KDF (``rounds`` AES-256-ECB encryptions of each 16-byte half, then SHA-256).

    pykeepass loops in Python (9 s for KeePassXC's 5.5 million rounds); CBC-encrypting
    zero blocks with the state as IV chains the same encryptions in native code (0.3 s).
    """
    zeros = bytes(16 * min(rounds, _AES_CHUNK))
    out = b""
    for state in (composite[:16], composite[16:32]):
        left = rounds
        while left:
            n = min(left, _AES_CHUNK)
            encryptor = Cipher(algorithms.AES(seed), modes.CBC(state)).encryptor()
            state = encryptor.update(zeros[: 16 * n])[-16:]
            left -= n
        out += state
    return hashlib.sha256(out).digest()


def _composite(password: Secret) -> bytes:
    return hashlib.sha256(hashlib.sha256(password.reveal_bytes()).digest()).digest()


def _deref(db: Any, entries: list[dict[str, str]]) -> None:
    """Resolve KeePass field references ({REF:P@I:…}) to the values they point at."""
    for values in entries:
        for key in ("Title", "Username", "Password", "URL", "Notes"):
            if "{REF:" in values.get(key, ""):
                try:
                    found = db.deref(values[key])
                except (RecursionError, ValueError, AttributeError, TypeError):
                    found = None  # a reference cycle or a broken reference
                values[key] = found if isinstance(found, str) else ""


def read_kdbx(path: Path, password: Secret, *, limits: Limits = DEFAULT_LIMITS) -> Prepared:
    """Read a KeePass database (KDBX 3.1 or 4) with its password, through pykeepass.

    Groups give the kecamatan (the root group's own name is left out), URLs and titles
    the platform; history copies and the recycle bin are left out; field references are
    resolved; custom fields become notes. Databases that also need a key file or a hardware
    key cannot be opened here (their CSV export can).

    Raises:
        ImportFileInvalid: ``kdbx_unsupported`` (pykeepass is not installed),
            ``kdbx_wrong_password`` (or the database also needs a key file),
            ``kdbx_malformed``, ``file_unreadable``.
        ImportTooLarge: the usual limits; ``kdbx_kdf_too_costly`` when the database's key
            derivation settings would take minutes to compute.
    """
    data = read_limited(path, limits)
    try:
        lib: Any = importlib.import_module("pykeepass")
    except ImportError as exc:
        raise ImportFileInvalid("reading .kdbx files is not available", "kdbx_unsupported") from exc
    kdf = kdbx_kdf(data)
    _check_cost(kdf)
    transformed = aes_kdf(kdf.seed, kdf.rounds, _composite(password)) if kdf.kind == "aes" else None
    try:
        db = lib.PyKeePass(
            io.BytesIO(data), password=password.reveal(), transformed_key=transformed
        )
    except lib.exceptions.CredentialsError as exc:
        raise ImportFileInvalid("the database password is wrong", "kdbx_wrong_password") from exc
    except Exception as exc:  # pykeepass raises many kinds on a damaged file
        raise ImportFileInvalid("the database is damaged", "kdbx_malformed") from exc
    try:
        entries, skipped = _walk(db.tree.getroot(), limits, include_root=False, decrypted=True)
    except ImportFileInvalid as exc:
        raise ImportFileInvalid("the database is damaged", "kdbx_malformed") from exc
    _deref(db, entries)
    return _table(path, SourceKind.KDBX, data, entries, skipped, limits)
