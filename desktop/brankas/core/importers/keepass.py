"""KeePassXC exports: CSV ("Group","Title","Username","Password","URL","Notes",…), KeePass
XML, and .kdbx itself through pykeepass when that library is installed."""

from __future__ import annotations

import hashlib
import importlib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Final

from brankas.core.errors import ImportFileInvalid
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
def _text(elem: ET.Element | None) -> str:
    return "" if elem is None or elem.text is None else elem.text


def _entry(elem: ET.Element, path: str) -> dict[str, str]:
    values: dict[str, str] = {"Group": path}
    for item in elem.findall("String"):
        key = _text(item.find("Key"))
        value_elem = item.find("Value")
        if value_elem is not None and value_elem.get("Protected", "").lower() == "true":
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


def read_xml(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Prepared:
    """Read a KeePass XML export (KeePassXC: Database → Export → XML).

    Entries' history and the recycle bin are left out; custom fields become notes.

    Raises:
        ImportFileInvalid: ``keepass_xml_malformed``, ``keepass_xml_protected``,
            ``xml_doctype`` (DTDs and entities are refused), ``file_unreadable``.
        ImportTooLarge: the usual limits.
    """
    data = read_limited(path, limits)
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise ImportFileInvalid("the XML file declares a DTD", "xml_doctype")
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DTD, so no entity expansion
    except ET.ParseError as exc:
        raise ImportFileInvalid("the XML file is malformed", "keepass_xml_malformed") from exc
    top = root.find("Root/Group")
    if root.tag != "KeePassFile" or top is None:
        raise ImportFileInvalid("not a KeePass XML export", "keepass_xml_malformed")
    bin_uuid = _text(root.find("Meta/RecycleBinUUID"))
    bin_on = _text(root.find("Meta/RecycleBinEnabled")).lower() != "false"
    entries: list[dict[str, str]] = []
    skipped = 0

    def walk(group: ET.Element, parent: str, depth: int) -> None:
        nonlocal skipped
        if depth > _MAX_DEPTH:
            raise ImportFileInvalid("groups nest too deeply", "keepass_xml_malformed")
        path = f"{parent}/{_text(group.find('Name'))}" if parent else _text(group.find("Name"))
        if bin_on and bin_uuid and _text(group.find("UUID")) == bin_uuid:
            skipped += len(group.findall(".//Entry"))
            return
        for entry in group.findall("Entry"):  # direct children: never <History> copies
            entries.append(_entry(entry, path))
            if len(entries) > limits.max_rows:
                return
        for child in group.findall("Group"):
            walk(child, path, depth + 1)

    walk(top, "", 0)
    names = [*CSV_HEADER, "TOTP"]
    for entry in entries:
        names.extend(k for k in entry if k not in names)
    table = build_table(
        name=path.name,
        kind=SourceKind.KEEPASS_XML,
        sha256=hashlib.sha256(data).hexdigest(),
        names=names,
        entries=entries,
        limits=limits,
        skipped=skipped,
    )
    return fixed(table, _FIELDS)


# --- .kdbx --------------------------------------------------------------------------------
def read_kdbx(path: Path, password: Secret, *, limits: Limits = DEFAULT_LIMITS) -> Prepared:
    """Read a KeePass database directly (needs the optional ``pykeepass`` library).

    Raises:
        ImportFileInvalid: ``kdbx_unsupported`` (pykeepass is not installed),
            ``kdbx_wrong_password``, ``kdbx_malformed``, ``file_unreadable``.
        ImportTooLarge: the usual limits.
    """
    data = read_limited(path, limits)
    try:
        lib: Any = importlib.import_module("pykeepass")
    except ImportError as exc:
        raise ImportFileInvalid("reading .kdbx files is not available", "kdbx_unsupported") from exc
    try:
        db = lib.PyKeePass(str(path), password=password.reveal())
    except lib.exceptions.CredentialsError as exc:
        raise ImportFileInvalid("the database password is wrong", "kdbx_wrong_password") from exc
    except Exception as exc:  # pykeepass raises many kinds on a damaged file
        raise ImportFileInvalid("the database is damaged", "kdbx_malformed") from exc
    entries: list[dict[str, str]] = []
    skipped = 0
    for entry in db.entries:
        group_path = "/".join(str(p) for p in (getattr(entry.group, "path", None) or []) if p)
        if in_recycle_bin(group_path):
            skipped += 1
            continue
        values = {
            "Group": group_path,
            "Title": entry.title or "",
            "Username": entry.username or "",
            "Password": entry.password or "",
            "URL": entry.url or "",
            "Notes": entry.notes or "",
            "TOTP": getattr(entry, "otp", None) or "",
        }
        for key, value in (getattr(entry, "custom_properties", None) or {}).items():
            if key not in values and key != "otp":
                values[str(key)] = str(value or "")
        entries.append(values)
    names = [*CSV_HEADER, "TOTP"]
    for values in entries:
        names.extend(k for k in values if k not in names)
    table = build_table(
        name=path.name,
        kind=SourceKind.KDBX,
        sha256=hashlib.sha256(data).hexdigest(),
        names=names,
        entries=entries,
        limits=limits,
        skipped=skipped,
    )
    return fixed(table, _FIELDS)
