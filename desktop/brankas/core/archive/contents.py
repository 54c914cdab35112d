"""Read the payload's files (data.json, audit.jsonl, secrets.json) and check them against the manifest."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from brankas.core.archive import format as fmt
from brankas.core.archive.format import Manifest
from brankas.core.archive.safejson import load_json
from brankas.core.audit import GENESIS, Event
from brankas.core.domain.models import AccountSecrets
from brankas.core.errors import ArchiveInconsistent, ArchiveMalformed
from brankas.core.secret import Secret

# data.json's snapshot version in each archive format version.
SNAPSHOT_VERSION_OF: Final = {1: 1, 2: 2}
SECRETS_FORMAT: Final = "brankas-archive-secrets"
SECRETS_VERSION: Final = 1
_HEX64 = re.compile(r"[0-9a-f]{64}")
_EVENT_KEYS = {"seq", "at", "operator_id", "kind", "target", "detail", "prev_hash", "hash"}
_SECRET_KEYS = {"account_id", "password", "totp_secret", "backup_codes"}
_MAX_SECRET = 64 * 1024


@dataclass(frozen=True, slots=True)
class Contents:
    """The payload's files, parsed and checked."""

    data: Mapping[str, Any]
    audit_events: tuple[Event, ...]
    secrets: Mapping[int, AccountSecrets] | None
    files: Mapping[str, bytes]


def data_counts(data: Mapping[str, Any]) -> dict[str, int]:
    """data.json's counts as the manifest states them: the length of every list and the
    number of rows of every table (``{"columns", "rows"}``, snapshot version 2)."""
    out: dict[str, int] = {}
    for name, value in data.items():
        if isinstance(value, list):
            out[name] = len(value)
        elif isinstance(value, dict) and isinstance(value.get("rows"), list):
            out[name] = len(value["rows"])
    return out


def _account_ids(accounts: Any) -> set[Any]:
    """The ids in data.json's accounts (objects in version 1, a table in version 2);
    whatever is malformed gives no id (the snapshot schema refuses it later)."""
    if isinstance(accounts, list):
        return {a.get("id") for a in accounts if isinstance(a, dict)}
    if not isinstance(accounts, dict):
        return set()
    columns, rows = accounts.get("columns"), accounts.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list) or "id" not in columns:
        return set()
    at = columns.index("id")
    out = set()
    for r in rows:
        if isinstance(r, list) and len(r) > at:
            try:
                out.add(r[at])
            except TypeError:  # an unhashable value: not an id
                continue
    return out


def _malformed(member: str, what: str) -> ArchiveMalformed:
    return ArchiveMalformed(f"{member}: {what}", code="content_invalid", member=member)


def _inconsistent(what: str, member: str) -> ArchiveInconsistent:
    return ArchiveInconsistent(
        f"the manifest does not match the payload: {what}", code="counts", member=member
    )


def read_audit(raw: bytes) -> tuple[Event, ...]:
    """audit.jsonl: one event per line; checks the chain's links (not its HMACs, whose key
    stays with the regency).

    Raises:
        ArchiveMalformed: a line is not a well-formed event (code ``content_invalid``).
        ArchiveInconsistent: events missing, out of order, or not linked (code ``audit_chain``).
    """
    member = fmt.AUDIT
    if raw and not raw.endswith(b"\n"):
        raise _malformed(member, "the last line is incomplete")
    events: list[Event] = []
    prev = GENESIS
    for n, line in enumerate(raw.split(b"\n")[:-1], start=1):
        value = load_json(line, member=member, max_bytes=fmt.MAX_AUDIT_LINE)
        if not isinstance(value, dict) or set(value) != _EVENT_KEYS:
            raise _malformed(member, f"line {n} is not an audit event")
        seq, prev_hash, this_hash = value["seq"], value["prev_hash"], value["hash"]
        texts = (value["at"], value["kind"], value["target"])
        if (
            not isinstance(seq, int)
            or isinstance(seq, bool)
            or not all(isinstance(t, str) and len(t) <= 200 for t in texts)
            or not (value["operator_id"] is None or isinstance(value["operator_id"], str))
            or not isinstance(value["detail"], dict)
            or not isinstance(prev_hash, str)
            or not isinstance(this_hash, str)
            or not _HEX64.fullmatch(prev_hash)
            or not _HEX64.fullmatch(this_hash)
        ):
            raise _malformed(member, f"line {n} has a field of the wrong type")
        if seq != n or bytes.fromhex(prev_hash) != prev:
            raise ArchiveInconsistent(
                f"the audit chain is broken at event {n}", code="audit_chain", member=member
            )
        prev = bytes.fromhex(this_hash)
        events.append(
            Event(
                seq,
                value["at"],
                value["operator_id"],
                value["kind"],
                value["target"],
                value["detail"],
                bytes.fromhex(prev_hash),
                prev,
            )
        )
    return tuple(events)


def _opt_secret(value: Any, member: str, n: int) -> Secret | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > _MAX_SECRET:
        raise _malformed(member, f"account entry {n} has a value of the wrong type")
    return Secret(value)


def read_secrets(raw: bytes) -> dict[int, AccountSecrets]:
    """secrets.json: account id → password, TOTP secret, backup codes.

    Raises:
        ArchiveMalformed: not the expected shape (code ``content_invalid``).
    """
    member = fmt.SECRETS
    doc = load_json(raw, member=member, max_bytes=fmt.MAX_MEMBER_PLAINTEXT, max_depth=4)
    if (
        not isinstance(doc, dict)
        or set(doc) != {"format", "version", "accounts"}
        or doc["format"] != SECRETS_FORMAT
        or not isinstance(doc["accounts"], list)
    ):
        raise _malformed(member, "not a secrets file")
    if doc["version"] != SECRETS_VERSION:
        raise _malformed(member, f"version {doc['version']!r} is not supported")
    out: dict[int, AccountSecrets] = {}
    for n, item in enumerate(doc["accounts"]):
        if not isinstance(item, dict) or set(item) != _SECRET_KEYS:
            raise _malformed(member, f"account entry {n} has the wrong fields")
        account_id = item["account_id"]
        if not isinstance(account_id, int) or isinstance(account_id, bool) or account_id < 1:
            raise _malformed(member, f"account entry {n} has no valid account id")
        if account_id in out:
            raise _malformed(member, f"account {account_id} is listed twice")
        out[account_id] = AccountSecrets(
            account_id=account_id,
            password=_opt_secret(item["password"], member, n),
            totp_secret=_opt_secret(item["totp_secret"], member, n),
            backup_codes=_opt_secret(item["backup_codes"], member, n),
            notes=None,
        )
    return out


def check_contents(
    manifest: Manifest, files: dict[str, bytes], *, with_secrets: bool = True
) -> Contents:
    """Parse the payload's files and check them against the signed manifest.

    Args:
        manifest: the verified manifest.
        files: the payload's files except manifest.json (hashes already checked); data.json
            is taken out of it, so that its bytes are freed while it is parsed.
        with_secrets: parse and check secrets.json (False: leave it out of the result
            and of the checks; its hash was checked with the payload).

    Raises:
        ArchiveTooLarge, ArchiveMalformed: a file is not what its name says.
        ArchiveInconsistent: counts or the audit chain head differ from the manifest.
    """
    # Big: only the parser's own recursion guard and, afterwards, the snapshot schema.
    data = load_json(
        files.pop(fmt.DATA),
        member=fmt.DATA,
        max_bytes=fmt.MAX_MEMBER_PLAINTEXT,
        max_depth=None,
        strict_keys=False,
    )
    if not isinstance(data, dict):
        raise _malformed(fmt.DATA, "not a JSON object")
    want = SNAPSHOT_VERSION_OF[manifest.format_version]
    if data.get("version") != want:
        # An old reader must never meet a new data.json under an old format number.
        raise _malformed(
            fmt.DATA, f"archive format {manifest.format_version} holds snapshot {want}"
        )
    events = read_audit(files[fmt.AUDIT])
    secrets = read_secrets(files[fmt.SECRETS]) if with_secrets and fmt.SECRETS in files else None
    counts = data_counts(data)
    counts["audit_events"] = len(events)
    if secrets is not None:
        counts["secrets"] = len(secrets)
    elif fmt.SECRETS in files:
        counts["secrets"] = manifest.counts.get("secrets", -1)  # not read: not compared
    if counts != dict(manifest.counts):
        wrong = sorted(k for k in counts.keys() | manifest.counts.keys()
                       if counts.get(k) != manifest.counts.get(k))  # fmt: skip
        raise _inconsistent(f"the count of {wrong[0]} differs", fmt.DATA)
    if secrets and not secrets.keys() <= _account_ids(data.get("accounts")):
        raise ArchiveInconsistent(
            "secrets.json names accounts that data.json does not hold",
            code="secrets_accounts",
            member=fmt.SECRETS,
        )
    head = events[-1].hash if events else GENESIS
    if head.hex() != manifest.audit_head:
        raise ArchiveInconsistent(
            "the audit chain does not end at the signed head", code="audit_head", member=fmt.AUDIT
        )
    others = {n: b for n, b in files.items() if n not in (fmt.DATA, fmt.AUDIT, fmt.SECRETS)}
    return Contents(data, events, secrets, others)
