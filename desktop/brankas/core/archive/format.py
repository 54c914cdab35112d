"""The archive's manifest (schema, canonical bytes, strict validation) and untrusted-JSON reading."""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from brankas.core.archive.minisign import MinisignError, PublicKey
from brankas.core.archive.safejson import load_json
from brankas.core.errors import ArchiveMalformed, ArchiveUnsupported

FORMAT: Final = "brankas-archive"
FORMAT_VERSION: Final = 2  # what export writes
# Versions a reader accepts (province vaults keep version 1 archives from before 2).
# Version 2 differs only in data.json: the review snapshot's version 2 (column tables).
FORMAT_VERSIONS: Final = (1, 2)
EXTENSION: Final = ".brankas"

# Outer container members (an uncompressed ZIP, in this order).
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.minisig"
PAYLOAD: Final = "payload.age"
PASSPHRASE_PAYLOAD: Final = "payload-passphrase.age"  # noqa: S105 (a file name)
# Inner members (the payload's plaintext is a ZIP too).
DATA: Final = "data.json"
AUDIT: Final = "audit.jsonl"
SECRETS: Final = "secrets.json"
PDF_FOLDER: Final = "pdfs/"

# Limits on what is read from a file nobody vouched for yet.
MAX_ARCHIVE_BYTES: Final = 256 * 1024 * 1024
MAX_MANIFEST_BYTES: Final = 64 * 1024
MAX_SIGNATURE_BYTES: Final = 8 * 1024
MAX_MEMBER_PLAINTEXT: Final = 512 * 1024 * 1024
MAX_PLAINTEXT_TOTAL: Final = 768 * 1024 * 1024
MAX_COMPRESSION_RATIO: Final = 200
MAX_INNER_MEMBERS: Final = 4096
MAX_AUDIT_LINE: Final = 64 * 1024
MAX_TERMS: Final = 100
MAX_OTHER_RECIPIENTS: Final = 16
MAX_LABEL: Final = 200  # office and term names in the manifest

_OFFICE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_VAULT_ID = re.compile(r"[0-9a-f]{32}")
_COUNT_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_EXPORTING_KIND = re.compile(r"regency")  # only a regency vault exports archives
_RECIPIENT = re.compile(r"age1[0-9a-z]{58}")
_MEMBER_NAME = re.compile(r"(pdfs/)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def valid_office_code(code: str) -> bool:
    """Office codes name files and pins: 1-32 letters, digits, ``.``, ``_`` or ``-``."""
    return _OFFICE_CODE.fullmatch(code) is not None


def valid_member_name(name: str) -> bool:
    """A payload member name: a plain file name, or one in ``pdfs/``; never ``..``."""
    return _MEMBER_NAME.fullmatch(name) is not None and ".." not in name


@dataclass(frozen=True, slots=True)
class ManifestTerm:
    """One exported term, as named in the manifest."""

    id: int
    name: str
    election: str
    year: int
    start_date: date
    end_date: date


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file the manifest vouches for: name, SHA-256 (hex) and size in bytes."""

    name: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Manifest:
    """manifest.json: what the archive holds. Plaintext and non-secret; signed."""

    export_id: str
    office_name: str
    office_code: str
    office_kind: str
    vault_id: str
    terms: tuple[ManifestTerm, ...]
    exported_at: datetime
    seq: int
    epoch: int
    counts: Mapping[str, int]
    audit_head: str
    signer: PublicKey
    province_recipient: str
    to_self: bool
    other_recipients: tuple[str, ...]
    to_passphrase: bool
    payload: FileEntry
    passphrase_payload: FileEntry | None
    contents: tuple[FileEntry, ...]
    secrets_included: bool
    software_version: str
    format_version: int = field(default=FORMAT_VERSION)

    @property
    def trusted_comment(self) -> str:
        """The signature's trusted comment (minisign prints it after verifying)."""
        return (
            f"brankas-archive v{self.format_version} export:{self.export_id}"
            f" office:{self.office_code} seq:{self.seq} epoch:{self.epoch}"
        )

    def to_json(self) -> dict[str, Any]:
        """The manifest as a JSON object (see docs/archive-format.md)."""
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "export_id": self.export_id,
            "office": {
                "name": self.office_name,
                "code": self.office_code,
                "kind": self.office_kind,
            },
            "vault_id": self.vault_id,
            "terms": [
                {
                    "id": t.id,
                    "name": t.name,
                    "election": t.election,
                    "year": t.year,
                    "start_date": t.start_date.isoformat(),
                    "end_date": t.end_date.isoformat(),
                }
                for t in self.terms
            ],
            "exported_at": self.exported_at.isoformat(timespec="microseconds"),
            "seq": self.seq,
            "epoch": self.epoch,
            "counts": dict(sorted(self.counts.items())),
            "audit_head": self.audit_head,
            "signer": {"key_id": self.signer.key_id_text, "public_key": self.signer.to_base64()},
            "recipients": {
                "province": self.province_recipient,
                "self": self.to_self,
                "others": list(self.other_recipients),
                "passphrase": self.to_passphrase,
            },
            "payload": _entry_json(self.payload),
            "passphrase_payload": (
                None if self.passphrase_payload is None else _entry_json(self.passphrase_payload)
            ),
            "contents": [_entry_json(e) for e in self.contents],
            "secrets_included": self.secrets_included,
            "software": {"name": "brankas", "version": self.software_version},
        }

    def to_bytes(self) -> bytes:
        """Canonical bytes: sorted keys, two-space indent, UTF-8, one final newline."""
        return _canonical(self.to_json())

    def inner_bytes(self) -> bytes:
        """The copy inside the payload: the same, with ``payload`` and
        ``passphrase_payload`` null (a file cannot hold its own hash)."""
        data = self.to_json()
        data["payload"] = None
        data["passphrase_payload"] = None
        return _canonical(data)


def _canonical(data: dict[str, Any]) -> bytes:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)
    return (text + "\n").encode("utf-8")


def _entry_json(e: FileEntry) -> dict[str, Any]:
    return {"name": e.name, "sha256": e.sha256, "size": e.size}


# --- manifest validation ----------------------------------------------------------------
class _Reader:
    """Field-by-field checks; every failure is ArchiveMalformed naming the JSON path."""

    def __init__(self, member: str) -> None:
        self.member = member

    def fail(self, path: str, what: str) -> ArchiveMalformed:
        return ArchiveMalformed(
            f"{self.member}: {path} {what}", code="manifest_invalid", member=self.member
        )

    def obj(self, value: Any, path: str, keys: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "must be an object")
        if set(value) != keys:
            raise self.fail(path, f"must have exactly the fields {sorted(keys)}")
        return value

    def str_(
        self,
        value: Any,
        path: str,
        *,
        pattern: re.Pattern[str] | None = None,
        max_len: int = MAX_LABEL,
    ) -> str:
        if (
            not isinstance(value, str)
            or len(value) > max_len
            or (pattern and not pattern.fullmatch(value))
        ):
            raise self.fail(path, "is not a valid string")
        if any(unicodedata.category(c) == "Cc" for c in value):
            raise self.fail(path, "holds control characters")
        return value

    def int_(self, value: Any, path: str, *, minimum: int = 0) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value < 2**53:
            raise self.fail(path, "is not a valid number")
        return value

    def bool_(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, "must be true or false")
        return value

    def date_(self, value: Any, path: str) -> date:
        text = self.str_(value, path, max_len=10)
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail(path, "is not a date") from None

    def entry(self, value: Any, path: str) -> FileEntry:
        v = self.obj(value, path, {"name", "sha256", "size"})
        name = self.str_(v["name"], f"{path}.name", max_len=110)
        if not valid_member_name(name):
            raise self.fail(f"{path}.name", "is not a safe file name")
        return FileEntry(
            name,
            self.str_(v["sha256"], f"{path}.sha256", pattern=_HEX64),
            self.int_(v["size"], f"{path}.size"),
        )


_TOP = {
    "format", "format_version", "export_id", "office", "vault_id", "terms", "exported_at",
    "seq", "epoch", "counts", "audit_head", "signer", "recipients", "payload",
    "passphrase_payload", "contents", "secrets_included", "software",
}  # fmt: skip


def parse_manifest(raw: bytes, *, member: str = MANIFEST) -> Manifest:
    """Read and validate manifest.json strictly; its bytes must be canonical.

    Args:
        raw: the file's bytes.
        member: its name, for errors (the outer or the inner copy).

    Returns:
        The manifest.

    Raises:
        ArchiveTooLarge, ArchiveMalformed: see :func:`safejson.load_json`; code ``manifest_invalid``
            for a missing, extra or wrong field, ``manifest_not_canonical`` when the bytes
            are not what this format writes.
        ArchiveUnsupported: another format or a newer version.
    """
    data = load_json(raw, member=member, max_bytes=MAX_MANIFEST_BYTES)
    r = _Reader(member)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ArchiveMalformed(
            f"{member} is not a Brankas archive manifest", code="manifest_invalid", member=member
        )
    version = data.get("format_version")
    if type(version) is not int or version not in FORMAT_VERSIONS:
        raise ArchiveUnsupported(
            f"archive format version {version!r} is not supported"
            f" (this Brankas reads {', '.join(map(str, FORMAT_VERSIONS))})",
            code="format_version",
            member=member,
        )
    d = r.obj(data, "manifest", _TOP)
    office = r.obj(d["office"], "office", {"name", "code", "kind"})
    signer = r.obj(d["signer"], "signer", {"key_id", "public_key"})
    recipients = r.obj(d["recipients"], "recipients", {"province", "self", "others", "passphrase"})
    others = recipients["others"]
    if not isinstance(others, list) or len(others) > MAX_OTHER_RECIPIENTS:
        raise r.fail("recipients.others", f"must list at most {MAX_OTHER_RECIPIENTS} recipients")
    software = r.obj(d["software"], "software", {"name", "version"})
    try:
        export_id = str(uuid.UUID(r.str_(d["export_id"], "export_id", max_len=36)))
    except ValueError:
        raise r.fail("export_id", "is not a UUID") from None
    try:
        key = PublicKey.from_base64(r.str_(signer["public_key"], "signer.public_key", max_len=60))
    except MinisignError:
        raise r.fail("signer.public_key", "is not a minisign public key") from None
    if r.str_(signer["key_id"], "signer.key_id", max_len=16) != key.key_id_text:
        raise r.fail("signer.key_id", "does not match the public key")
    try:
        exported_at = datetime.fromisoformat(r.str_(d["exported_at"], "exported_at", max_len=40))
    except ValueError:
        raise r.fail("exported_at", "is not a date and time") from None
    if exported_at.tzinfo is None:
        raise r.fail("exported_at", "has no time zone")
    if not isinstance(d["terms"], list) or not 1 <= len(d["terms"]) <= MAX_TERMS:
        raise r.fail("terms", f"must list 1 to {MAX_TERMS} terms")
    terms = []
    for n, t in enumerate(d["terms"]):
        p = f"terms[{n}]"
        t = r.obj(t, p, {"id", "name", "election", "year", "start_date", "end_date"})
        terms.append(
            ManifestTerm(
                r.int_(t["id"], f"{p}.id", minimum=1),
                r.str_(t["name"], f"{p}.name"),
                r.str_(t["election"], f"{p}.election", max_len=20),
                r.int_(t["year"], f"{p}.year"),
                r.date_(t["start_date"], f"{p}.start_date"),
                r.date_(t["end_date"], f"{p}.end_date"),
            )
        )
    counts_raw = d["counts"]
    if not isinstance(counts_raw, dict) or len(counts_raw) > 64:
        raise r.fail("counts", "must be an object of at most 64 counts")
    counts = {
        r.str_(k, "counts", pattern=_COUNT_NAME): r.int_(v, f"counts.{k}")
        for k, v in counts_raw.items()
    }
    if not isinstance(d["contents"], list) or not 1 <= len(d["contents"]) <= MAX_INNER_MEMBERS:
        raise r.fail("contents", "must list the payload's files")
    contents = tuple(r.entry(e, f"contents[{n}]") for n, e in enumerate(d["contents"]))
    names = [e.name for e in contents]
    if (
        len(set(names)) != len(names)
        or MANIFEST in names
        or DATA not in names
        or AUDIT not in names
    ):
        raise r.fail(
            "contents", "must name data.json and audit.jsonl once each, and not manifest.json"
        )
    payload = r.entry(d["payload"], "payload")
    if payload.name != PAYLOAD:
        raise r.fail("payload.name", f"must be {PAYLOAD}")
    pp = (
        None
        if d["passphrase_payload"] is None
        else r.entry(d["passphrase_payload"], "passphrase_payload")
    )
    if pp is not None and pp.name != PASSPHRASE_PAYLOAD:
        raise r.fail("passphrase_payload.name", f"must be {PASSPHRASE_PAYLOAD}")
    to_passphrase = r.bool_(recipients["passphrase"], "recipients.passphrase")
    if to_passphrase != (pp is not None):
        raise r.fail("recipients.passphrase", "does not match passphrase_payload")
    secrets_included = r.bool_(d["secrets_included"], "secrets_included")
    if secrets_included != (SECRETS in names):
        raise r.fail("secrets_included", "does not match the payload's files")
    if r.str_(software["name"], "software.name") != "brankas":
        raise r.fail("software.name", "must be brankas")
    manifest = Manifest(
        export_id=export_id,
        office_name=r.str_(office["name"], "office.name"),
        office_code=r.str_(office["code"], "office.code", pattern=_OFFICE_CODE),
        office_kind=r.str_(office["kind"], "office.kind", pattern=_EXPORTING_KIND),
        vault_id=r.str_(d["vault_id"], "vault_id", pattern=_VAULT_ID),
        terms=tuple(terms),
        exported_at=exported_at,
        seq=r.int_(d["seq"], "seq", minimum=1),
        epoch=r.int_(d["epoch"], "epoch", minimum=1),
        counts=counts,
        audit_head=r.str_(d["audit_head"], "audit_head", pattern=_HEX64),
        signer=key,
        province_recipient=r.str_(
            recipients["province"], "recipients.province", pattern=_RECIPIENT
        ),
        to_self=r.bool_(recipients["self"], "recipients.self"),
        other_recipients=tuple(
            r.str_(o, f"recipients.others[{n}]", pattern=_RECIPIENT) for n, o in enumerate(others)
        ),
        payload=payload,
        passphrase_payload=pp,
        to_passphrase=to_passphrase,
        contents=contents,
        secrets_included=secrets_included,
        software_version=r.str_(software["version"], "software.version", max_len=40),
        format_version=version,
    )
    if manifest.to_bytes() != raw:
        # One spelling only: what the signature covers is exactly what a reader sees.
        raise ArchiveMalformed(
            f"{member} is not in canonical form", code="manifest_not_canonical", member=member
        )
    return manifest
