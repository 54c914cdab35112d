"""Export a regency vault's terms as a signed, encrypted review archive (``.brankas``)."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage

from brankas import __version__
from brankas.core.archive import container
from brankas.core.archive import format as fmt
from brankas.core.archive.contents import SECRETS_FORMAT, SECRETS_VERSION, data_counts
from brankas.core.archive.format import FileEntry, Manifest, ManifestTerm
from brankas.core.archive.keys import (
    own_recipient,
    parse_recipient,
    province_recipient,
    signing_key,
)
from brankas.core.audit import AuditKind, Event
from brankas.core.domain.enums import OfficeKind
from brankas.core.errors import ExportRefused
from brankas.core.fsutil import atomic_write
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection, integrity_check, transaction
from brankas.core.storage.repos import secrets as secrets_repo
from brankas.core.storage.repos.office import own_office
from brankas.core.storage.repos.term import get_term
from brankas.core.vault.operators import bump_epoch
from brankas.core.vault.vault import Vault

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_STEPS = 7


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The archive written: where, its SHA-256 (for the cover sheet) and its manifest."""

    path: Path
    sha256: str
    manifest: Manifest
    size: int


def export_archive(
    vault: Vault,
    *,
    term_ids: Collection[int],
    include_secrets: bool = True,
    province_recipient: str | None = None,
    extra_recipients: Sequence[str] = (),
    passphrase: Secret | None = None,
    out_dir: Path,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write ``arsip-<office code>-<term>-<date>.brankas`` into ``out_dir``.

    Checks the vault first (``cipher_integrity_check`` + structure, the audit chain),
    bumps the epoch, and records an EXPORT audit event (with the file's SHA-256) in the
    same transaction as the export's row; the next archive carries that event.

    Args:
        vault: the open regency vault; an admin must be acting.
        term_ids: the terms to export (their accounts, handovers, people; see
            :func:`brankas.core.review.load.load_snapshot`).
        include_secrets: put passwords, TOTP secrets and backup codes in (the default:
            the province's rules require them); False writes "metadata only".
        province_recipient: the province's ``age1…`` key; None uses the one stored with
            :func:`brankas.core.archive.keys.set_province_recipient`.
        extra_recipients: more ``age1…`` keys that can open the archive (pass
            ``own_recipient(conn).recipient`` to let this regency open it too).
        passphrase: also write ``payload-passphrase.age``, openable with this passphrase
            (age cannot mix a passphrase with public keys in one file). Slow: scrypt.
        out_dir: an existing folder.
        progress: called as ``progress(step, steps)``.
        now: the export time (tests); default the current time.

    Returns:
        The written file, its SHA-256 and manifest.

    Raises:
        PermissionDenied: not an admin.
        ExportRefused: codes ``integrity_failed``, ``audit_broken``, ``not_regency``,
            ``office_code_missing``, ``no_terms``, ``no_province_key``, ``out_dir_missing``,
            ``too_many_recipients``.
        InvalidValue: a recipient is not an ``age1…`` key.
        NotFound: a term does not exist.
        DiskFull, VaultReadOnly: the file could not be written (nothing recorded).
    """
    vault.require_admin()
    step = _Stepper(progress)
    conn = vault.conn
    problems = integrity_check(conn, structure=True)
    if problems:
        raise ExportRefused(
            f"the vault failed its integrity check ({len(problems)} problems)",
            code="integrity_failed",
        )
    chain = vault.audit.verify()
    if not chain.ok:
        raise ExportRefused(
            f"the audit chain is broken at event {chain.first_broken_seq}", code="audit_broken"
        )
    step()
    office = own_office(conn)
    if office.kind is not OfficeKind.REGENCY:
        raise ExportRefused("only a regency vault is exported", code="not_regency")
    if not fmt.valid_office_code(office.code):
        raise ExportRefused("set the office code before exporting", code="office_code_missing")
    if not out_dir.is_dir():
        raise ExportRefused("the output folder does not exist", code="out_dir_missing")
    terms = [get_term(conn, t) for t in sorted(set(term_ids))]
    if not 1 <= len(terms) <= fmt.MAX_TERMS:
        raise ExportRefused(f"choose 1 to {fmt.MAX_TERMS} terms", code="no_terms")
    province = _province(conn, province_recipient)
    mine = own_recipient(conn).recipient
    others = tuple(dict.fromkeys(parse_recipient(r)[0] for r in extra_recipients))
    to_self = mine in others
    others = tuple(r for r in others if r not in (mine, province))
    if len(others) > fmt.MAX_OTHER_RECIPIENTS:
        raise ExportRefused("too many recipients", code="too_many_recipients")
    key = signing_key(conn)
    exported_at = (now or datetime.now(UTC)).astimezone(UTC)

    epoch = bump_epoch(vault, "export")
    with transaction(conn):
        seq = int(
            conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM archive_export").fetchone()[0]
        )
        data, account_ids = snapshot_data(conn, [t.id for t in terms])
        step()
        files: list[tuple[str, bytes]] = [(fmt.DATA, _compact(data))]
        counts = data_counts(data)
        if include_secrets:
            secret_doc = _secrets(conn, account_ids)
            counts["secrets"] = len(secret_doc["accounts"])
        step()
        events = list(vault.audit.events())
        files.append((fmt.AUDIT, audit_lines(events)))
        counts["audit_events"] = len(events)
        if include_secrets:
            files.append((fmt.SECRETS, _compact(secret_doc)))
            del secret_doc
        step()
        contents = container.entries(files)
        manifest = Manifest(
            export_id=str(uuid.uuid4()),
            office_name=_label(office.name),
            office_code=office.code,
            office_kind=str(office.kind),
            vault_id=vault.vault_id,
            terms=tuple(
                ManifestTerm(
                    t.id, _label(t.name), str(t.election), t.year, t.start_date, t.end_date
                )
                for t in terms
            ),
            exported_at=exported_at,
            seq=seq,
            epoch=epoch,
            counts=counts,
            audit_head=(events[-1].hash if events else b"\x00" * 32).hex(),
            signer=key.public_key(),
            province_recipient=province,
            to_self=to_self,
            other_recipients=others,
            payload=FileEntry(fmt.PAYLOAD, "0" * 64, 0),
            passphrase_payload=None,
            to_passphrase=passphrase is not None,
            contents=contents,
            secrets_included=include_secrets,
            software_version=__version__,
        )
        inner = container.write_inner([*files, (fmt.MANIFEST, manifest.inner_bytes())])
        del files
        step()
        recipients = [pyrage.x25519.Recipient.from_str(r) for r in (province, *others)]
        if to_self:
            recipients.append(pyrage.x25519.Recipient.from_str(mine))
        members = {fmt.PAYLOAD: pyrage.encrypt(inner, recipients)}
        if passphrase is not None:
            members[fmt.PASSPHRASE_PAYLOAD] = pyrage.passphrase.encrypt(inner, passphrase.reveal())
        del inner
        manifest = _with_payloads(manifest, members)
        step()
        manifest_bytes = manifest.to_bytes()
        members[fmt.MANIFEST] = manifest_bytes
        members[fmt.SIGNATURE] = key.sign(
            manifest_bytes,
            trusted_comment=manifest.trusted_comment,
            untrusted_comment=f"signature from Brankas signing key {key.public_key().key_id_text}",
        )
        archive = container.write_outer(members)
        del members
        digest = hashlib.sha256(archive).hexdigest()
        path = _free_name(out_dir, file_name(office.code, terms, exported_at))
        atomic_write(path, archive)
        try:
            _record(vault, conn, manifest, path, digest, len(archive))
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    step()
    log.info("exported archive seq %d (%d bytes)", seq, len(archive))
    return ExportResult(path, digest, manifest, len(archive))


class _Stepper:
    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._done = 0

    def __call__(self) -> None:
        self._done += 1
        if self._progress is not None:
            self._progress(self._done, _STEPS)


def _province(conn: Connection, given: str | None) -> str:
    if given is not None:
        return parse_recipient(given)[0]
    stored = province_recipient(conn)
    if stored is None:
        raise ExportRefused("import the province's public key first", code="no_province_key")
    return stored.recipient


def snapshot_data(conn: Connection, term_ids: Sequence[int]) -> tuple[dict[str, Any], list[int]]:
    """data.json's object (the read side's snapshot JSON) and the ids of its accounts.

    The one place the archive meets the review package: export writes what
    :func:`brankas.core.review.snapshot.to_json` makes; verify reads it back with
    ``from_json``.
    """
    from brankas.core.review.load import load_snapshot
    from brankas.core.review.snapshot import to_json

    snapshot = load_snapshot(conn, term_ids=term_ids)
    return dict(to_json(snapshot)), sorted(snapshot.accounts)


def _compact(value: Any) -> bytes:
    """``value`` as compact UTF-8 JSON (``json.dumps(value, ensure_ascii=False,
    separators=(",", ":"))``)."""
    # check_circular=False: what is written was just built, acyclic; the check costs a
    # dictionary entry per list and object (a million at 50,000 accounts).
    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), check_circular=False
    ).encode("utf-8")


def audit_lines(events: Sequence[Event]) -> bytes:
    """audit.jsonl: one event per line, keys sorted, hashes in hex."""
    out = []
    for e in events:
        out.append(
            json.dumps(
                {
                    "seq": e.seq,
                    "at": e.at,
                    "operator_id": e.operator_id,
                    "kind": e.kind,
                    "target": e.target,
                    "detail": e.detail,
                    "prev_hash": e.prev_hash.hex(),
                    "hash": e.hash.hex(),
                },
                ensure_ascii=False,
                sort_keys=True,
                separators=(",", ":"),
            )
        )
    return ("\n".join(out) + "\n" if out else "").encode("utf-8")


def _secrets(conn: Connection, account_ids: Sequence[int]) -> dict[str, Any]:
    accounts = []
    for s in secrets_repo.iter_secrets(conn, account_ids):
        accounts.append(
            {
                "account_id": s.account_id,
                "password": None if s.password is None else s.password.reveal(),
                "totp_secret": None if s.totp_secret is None else s.totp_secret.reveal(),
                "backup_codes": None if s.backup_codes is None else s.backup_codes.reveal(),
            }
        )
    return {"format": SECRETS_FORMAT, "version": SECRETS_VERSION, "accounts": accounts}


def _with_payloads(manifest: Manifest, members: dict[str, bytes]) -> Manifest:
    def entry(name: str) -> FileEntry:
        body = members[name]
        return FileEntry(name, hashlib.sha256(body).hexdigest(), len(body))

    pp = entry(fmt.PASSPHRASE_PAYLOAD) if fmt.PASSPHRASE_PAYLOAD in members else None
    return replace(manifest, payload=entry(fmt.PAYLOAD), passphrase_payload=pp)


def _label(text: str) -> str:
    """A name as the manifest shows it before anything is verified: one line, no control
    characters (a terminal must not be steered by a file), at most 200 characters."""
    clean = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(clean.split())[: fmt.MAX_LABEL]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")


def file_name(office_code: str, terms: Sequence[Any], exported_at: datetime) -> str:
    """``arsip-<office code>-<term>-<date>.brankas`` (date in this PC's time zone)."""
    slugs = [_slug(t.name) or f"masa-{t.id}" for t in terms]
    term_part = "-".join(slugs)
    if len(slugs) > 1 and len(term_part) > 60:
        term_part = f"{len(slugs)}-masa-tugas"
    day = exported_at.astimezone().date().isoformat()
    return f"arsip-{office_code}-{term_part}-{day}{fmt.EXTENSION}"


def _free_name(folder: Path, name: str) -> Path:
    path = folder / name
    stem = name.removesuffix(fmt.EXTENSION)
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{fmt.EXTENSION}"
        n += 1
    return path


def _record(
    vault: Vault, conn: Connection, manifest: Manifest, path: Path, digest: str, size: int
) -> None:
    operator_id = vault.operator.id if vault.operator else None
    terms = [t.id for t in manifest.terms]
    conn.execute(
        "INSERT INTO archive_export (seq, export_id, exported_at, epoch, terms_json,"
        " secrets_included, file_name, sha256, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            manifest.seq,
            manifest.export_id,
            manifest.exported_at.isoformat(timespec="microseconds"),
            manifest.epoch,
            json.dumps(terms),
            int(manifest.secrets_included),
            path.name,
            digest,
            operator_id,
        ),
    )
    vault.audit.record(
        AuditKind.EXPORT,
        operator_id=operator_id,
        target=f"archive:{manifest.export_id}",
        detail={
            "seq": manifest.seq,
            "epoch": manifest.epoch,
            "terms": terms,
            "secrets_included": manifest.secrets_included,
            "file": path.name,
            "sha256": digest,
            "size": size,
            "province": manifest.province_recipient,
            "self": manifest.to_self,
            "passphrase": manifest.to_passphrase,
        },
    )
