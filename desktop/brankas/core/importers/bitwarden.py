"""Bitwarden's unencrypted exports: JSON (personal or organisation) and CSV.

Logins become rows; secure notes, cards, identities and SSH keys are left out (counted).
Folders (personal) or collections (organisation) are read as the kecamatan; URIs give
the platform.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from brankas.core.errors import ImportFileInvalid
from brankas.core.importers.managed import build_table, fixed, keep_rows
from brankas.core.importers.mapping import Field
from brankas.core.importers.prepared import Prepared
from brankas.core.importers.sources import (
    DEFAULT_LIMITS,
    Limits,
    RawTable,
    SourceKind,
    decode_text,
    read_limited,
)

LOGIN_TYPE: Final = 1  # JSON "type": 1 login, 2 secure note, 3 card, 4 identity, 5 SSH key
CSV_LOGIN: Final = "login"
_CSV_REQUIRED: Final = frozenset({"type", "name", "login_username", "login_password"})
_FIELDS: Final = {
    "folder": Field.KECAMATAN,
    "collections": Field.KECAMATAN,
    "name": Field.TITLE,
    "notes": Field.NOTES,
    "fields": Field.EXTRA,
    "login_uri": Field.URL,
    "login_username": Field.HANDLE,
    "login_password": Field.PASSWORD,
    "login_totp": Field.TOTP,
    "type": Field.IGNORE,
    "favorite": Field.IGNORE,
    "reprompt": Field.IGNORE,
    "login_fido2Credentials": Field.IGNORE,
}
_NAMES: Final = (
    "folder",
    "name",
    "login_username",
    "login_password",
    "login_uri",
    "notes",
    "login_totp",
    "fields",
)


def is_bitwarden_csv(table: RawTable) -> bool:
    """True for a Bitwarden CSV export (personal or organisation)."""
    return bool(table.rows) and {str(v) for v in table.rows[0]} >= _CSV_REQUIRED


def prepare_csv(table: RawTable) -> Prepared:
    """A Bitwarden CSV export with its fixed mapping; only logins are kept.

    ``login_uri`` may hold several links separated by commas, ``collections`` several
    collection names: the preview tries each.
    """
    head = [str(v) for v in table.rows[0]]
    kind_col = head.index("type")
    keep = [
        (str(row[kind_col]) if kind_col < len(row) else "").strip().lower() == CSV_LOGIN
        for row in table.rows[1:]
    ]
    table = keep_rows(table, keep, SourceKind.BITWARDEN_CSV)
    return fixed(table, _FIELDS)


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _list(value: object, what: str) -> list[Any]:
    """A list member of the export (absent or null: empty); any other type is refused."""
    if value is None:
        return []
    if not isinstance(value, list):
        # Found by fuzzing: "uris": 5 let TypeError escape the importer.
        raise ImportFileInvalid(f"the export's {what} is not a list", "bitwarden_malformed")
    return value


def _custom_fields(item: Mapping[str, Any]) -> str:
    lines = []
    for f in _list(item.get("fields"), "fields"):
        if isinstance(f, dict) and (name := _str(f.get("name"))):
            lines.append(f"{name}: {_str(f.get('value'))}")
    return "\n".join(lines)


def _uris(login: Mapping[str, Any]) -> str:
    uris = [_str(u.get("uri")) for u in _list(login.get("uris"), "uris") if isinstance(u, dict)]
    return "\n".join(u for u in uris if u)


def read_json(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Prepared:
    """Read an unencrypted Bitwarden JSON export.

    Raises:
        ImportFileInvalid: ``bitwarden_encrypted`` (an encrypted or password-protected
            export: export again as unencrypted JSON), ``bitwarden_malformed``,
            ``file_unreadable``.
        ImportTooLarge: the usual limits.
    """
    data = read_limited(path, limits)
    try:
        doc = json.loads(decode_text(data)[0])
    except (json.JSONDecodeError, RecursionError, ImportFileInvalid) as exc:
        raise ImportFileInvalid("the JSON file is malformed", "bitwarden_malformed") from exc
    if not isinstance(doc, dict):
        raise ImportFileInvalid("not a Bitwarden export", "bitwarden_malformed")
    if doc.get("encrypted") is True or doc.get("passwordProtected") is True:
        raise ImportFileInvalid("the export is encrypted", "bitwarden_encrypted")
    items = doc.get("items")
    if not isinstance(items, list):
        raise ImportFileInvalid("not a Bitwarden export", "bitwarden_malformed")
    folders = {
        _str(f.get("id")): _str(f.get("name"))
        for f in _list(doc.get("folders"), "folders")
        if isinstance(f, dict)
    }
    collections = {
        _str(c.get("id")): _str(c.get("name"))
        for c in _list(doc.get("collections"), "collections")
        if isinstance(c, dict)
    }
    entries: list[dict[str, str]] = []
    skipped = 0
    for item in items:
        login = item.get("login") if isinstance(item, dict) else None
        if not isinstance(login, dict) or item.get("type") != LOGIN_TYPE or item.get("deletedDate"):
            skipped += 1
            continue
        places = [folders.get(_str(item.get("folderId")), "")]
        places += [
            collections.get(_str(c), "") for c in _list(item.get("collectionIds"), "collectionIds")
        ]
        entries.append(
            {
                "folder": "\n".join(p for p in places if p),
                "name": _str(item.get("name")),
                "login_username": _str(login.get("username")),
                "login_password": _str(login.get("password")),
                "login_uri": _uris(login),
                "notes": _str(item.get("notes")),
                "login_totp": _str(login.get("totp")),
                "fields": _custom_fields(item),
            }
        )
        if len(entries) > limits.max_rows:
            break
    table = build_table(
        name=path.name,
        kind=SourceKind.BITWARDEN_JSON,
        sha256=hashlib.sha256(data).hexdigest(),
        names=_NAMES,
        entries=entries,
        limits=limits,
        skipped=skipped,
    )
    return fixed(table, _FIELDS)
