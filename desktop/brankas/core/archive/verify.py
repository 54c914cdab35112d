"""Verify a review archive, failing closed at each step; nothing is returned before all pass."""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyrage

from brankas.core.archive import container
from brankas.core.archive import format as fmt
from brankas.core.archive.contents import check_contents
from brankas.core.archive.format import Manifest
from brankas.core.archive.minisign import MinisignError, PublicKey, parse_signature, verify
from brankas.core.archive.safejson import load_json
from brankas.core.audit import Event
from brankas.core.domain.models import AccountSecrets
from brankas.core.errors import (
    ArchiveMalformed,
    ArchiveNotAuthentic,
    ArchiveNotForThisKey,
    ArchiveReplayed,
    ArchiveSignerChanged,
    ArchiveTampered,
    ArchiveTooLarge,
    InvalidValue,
)
from brankas.core.secret import Secret

if TYPE_CHECKING:
    from brankas.core.review.snapshot import Snapshot

log = logging.getLogger(__name__)

# Warning codes on a verified archive (shown, not refused).
SEQ_BACKWARDS = "seq_backwards"  # a newer epoch with a lower seq: the regency restored a backup


@dataclass(frozen=True, slots=True)
class KnownRegency:
    """What the province already knows about the archive's office (see :func:`verify_archive`).

    Attributes:
        pinned_key: the signing key pinned for the office, None before the first import.
        last_epoch: the newest epoch imported from the archive's vault id (None: none yet).
        last_seq: the seq of that newest import.
        export_ids: every export id already imported from the office.
    """

    pinned_key: PublicKey | None = None
    last_epoch: int | None = None
    last_seq: int | None = None
    export_ids: frozenset[str] = frozenset()


PinLookup = Callable[[Manifest], KnownRegency]


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """``brankas-cli archive verify``: the signature and the payload hash, nothing decrypted."""

    manifest: Manifest
    signer: PublicKey
    archive_sha256: str
    size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifiedArchive:
    """An archive that passed every check, with its contents.

    Attributes:
        manifest: the signed manifest.
        archive_sha256: SHA-256 of the whole file (as on the cover sheet).
        size: the file's size in bytes.
        data: data.json (the review snapshot's JSON), parsed.
        snapshot: the :class:`Snapshot` built from ``data`` (None when not asked for).
        audit_events: audit.jsonl, in chain order (linkage and head checked).
        secrets: account id → secrets, or None for a "metadata only" archive.
        files: other payload files (``pdfs/…``) by name.
        signer_status: ``"pinned"`` (matches the pin), ``"new"`` (nothing pinned yet: the
            reviewer must confirm the fingerprint) or ``"unchecked"`` (no pins given).
        warnings: codes such as :data:`SEQ_BACKWARDS`.
    """

    manifest: Manifest
    archive_sha256: str
    size: int
    data: Mapping[str, Any]
    snapshot: Snapshot | None
    audit_events: tuple[Event, ...]
    secrets: Mapping[int, AccountSecrets] | None
    files: Mapping[str, bytes] = field(default_factory=dict)
    signer_status: str = "unchecked"
    warnings: tuple[str, ...] = ()


def read_source(source: Path | bytes) -> bytes:
    """The archive's bytes, refusing a file over the size limit before reading it.

    Raises:
        ArchiveTooLarge: over :data:`format.MAX_ARCHIVE_BYTES`.
        ArchiveMalformed: the file cannot be read (code ``unreadable``).
    """
    if isinstance(source, bytes):
        return source
    try:
        if source.stat().st_size > fmt.MAX_ARCHIVE_BYTES:
            raise ArchiveTooLarge("the archive is too large", code="archive_too_large")
        with open(source, "rb") as fh:
            data = fh.read(fmt.MAX_ARCHIVE_BYTES + 1)
    except OSError:
        raise ArchiveMalformed("the archive file cannot be read", code="unreadable") from None
    if len(data) > fmt.MAX_ARCHIVE_BYTES:
        raise ArchiveTooLarge("the archive is too large", code="archive_too_large")
    return data


def _signer_of(raw: bytes) -> PublicKey:
    """The public key named in the manifest, read before the manifest is trusted."""
    data = load_json(raw, member=fmt.MANIFEST, max_bytes=fmt.MAX_MANIFEST_BYTES)
    signer = data.get("signer") if isinstance(data, dict) else None
    text = signer.get("public_key") if isinstance(signer, dict) else None
    try:
        if not isinstance(text, str):
            raise MinisignError("no key", "key_missing")
        return PublicKey.from_base64(text)
    except MinisignError:
        raise ArchiveNotAuthentic(
            "the manifest does not name a valid signing key", code="signer_missing"
        ) from None


def _authenticate(members: Mapping[str, bytes]) -> Manifest:
    """Signature first, then the manifest's schema, then the payload hashes."""
    raw = members[fmt.MANIFEST]
    key = _signer_of(raw)
    try:
        signature = parse_signature(members[fmt.SIGNATURE])
        verify(raw, signature, key)
    except MinisignError as exc:
        raise ArchiveNotAuthentic(
            "the signature of manifest.json does not verify", code=exc.reason, member=fmt.SIGNATURE
        ) from None
    manifest = fmt.parse_manifest(raw)
    if signature.trusted_comment != manifest.trusted_comment:
        raise ArchiveNotAuthentic(
            "the signature's trusted comment does not match the manifest",
            code="trusted_comment",
            member=fmt.SIGNATURE,
        )
    declared = {fmt.PAYLOAD: manifest.payload}
    if manifest.passphrase_payload is not None:
        declared[fmt.PASSPHRASE_PAYLOAD] = manifest.passphrase_payload
    for name in (fmt.PAYLOAD, fmt.PASSPHRASE_PAYLOAD):
        body = members.get(name)
        entry = declared.get(name)
        if (body is None) != (entry is None):
            raise ArchiveTampered(
                f"{name} is {'missing' if body is None else 'not in the manifest'}",
                code="payload_members",
                member=name,
            )
        if body is None or entry is None:
            continue
        digest = hashlib.sha256(body).hexdigest()
        if len(body) != entry.size or not hmac.compare_digest(digest, entry.sha256):
            raise ArchiveTampered(
                f"{name} does not match the signed hash", code="payload_hash", member=name
            )
    return manifest


def verify_signature_only(source: Path | bytes) -> SignatureCheck:
    """Check the container, the signature and the payload hashes without decrypting.

    The signer is only as trustworthy as its key: compare ``signer.fingerprint`` with the
    regency's paper letter (or the province's pin).

    Raises:
        ArchiveTooLarge, ArchiveMalformed, ArchiveUnsupported, ArchiveNotAuthentic,
        ArchiveTampered: see :func:`verify_archive`.
    """
    data = read_source(source)
    manifest = _authenticate(container.read_outer(data))
    return SignatureCheck(manifest, manifest.signer, hashlib.sha256(data).hexdigest(), len(data))


def _decrypt(
    members: Mapping[str, bytes], identity: Secret | None, passphrase: Secret | None
) -> bytes:
    try:
        if identity is not None:
            try:
                key = pyrage.x25519.Identity.from_str(identity.reveal().strip())
            except pyrage.IdentityError:
                raise ArchiveNotForThisKey(
                    "the key given is not an age identity", code="identity_invalid"
                ) from None
            return bytes(pyrage.decrypt(members[fmt.PAYLOAD], [key]))
        assert passphrase is not None
        body = members.get(fmt.PASSPHRASE_PAYLOAD)
        if body is None:
            raise ArchiveNotForThisKey(
                "this archive cannot be opened with a passphrase", code="no_passphrase_payload"
            )
        return bytes(pyrage.passphrase.decrypt(body, passphrase.reveal()))
    except pyrage.DecryptError as exc:
        if passphrase is not None or "no matching keys" in str(exc).lower():
            raise ArchiveNotForThisKey(
                "the payload is not addressed to this key", code="not_for_this_key"
            ) from None
        # The hash matched the signed manifest: the signer wrote a broken payload.
        raise ArchiveMalformed("the payload cannot be decrypted", code="payload_corrupt") from None


def verify_archive(
    source: Path | bytes,
    *,
    identity: Secret | None = None,
    passphrase: Secret | None = None,
    pinned: PinLookup | KnownRegency | None = None,
    allow_older: bool = False,
    build_snapshot: bool = True,
    with_secrets: bool = True,
) -> VerifiedArchive:
    """Verify an archive in the fail-closed order of DESIGN.md and return its contents.

    Order: container guards → signature of manifest.json → payload hash → decrypt (the
    whole age stream is authenticated before anything is read) → payload container and
    per-file hashes → inner manifest equals outer → contents match the manifest (counts,
    audit chain head) and the snapshot schema → seq/epoch not backwards → pinned key.

    Args:
        source: a path or the file's bytes.
        identity: the province's age identity (``AGE-SECRET-KEY-1…``).
        passphrase: or the export's passphrase (``payload-passphrase.age``).
        pinned: what is known about the archive's office (a :class:`KnownRegency`, or a
            function of the manifest returning one); None skips the replay and pin checks.
        allow_older: accept an archive older than one already imported from the same
            vault (the reviewer confirmed it; a duplicate export id is still refused).
        build_snapshot: also validate data.json as a review snapshot and return it.
        with_secrets: read secrets.json (False: only its signed hash is checked and
            ``secrets`` is None; for re-reading an archive whose secrets were checked
            when it was imported, when none is needed).

    Returns:
        The verified archive.

    Raises:
        ArchiveTooLarge, ArchiveMalformed, ArchiveUnsupported: the container or a file.
        ArchiveNotAuthentic: the signature does not verify.
        ArchiveTampered: a hash, the inner manifest or a member does not match.
        ArchiveNotForThisKey: the identity/passphrase does not open the payload.
        ArchiveInconsistent: counts or the audit chain differ from the manifest.
        ArchiveReplayed: already imported, or older than what was imported.
        ArchiveSignerChanged: signed by another key than the office's pinned key.
        ValueError: neither ``identity`` nor ``passphrase`` was given.
    """
    if (identity is None) == (passphrase is None):
        raise ValueError("give exactly one of identity or passphrase")
    data = read_source(source)
    members = container.read_outer(data)
    manifest = _authenticate(members)
    plaintext = _decrypt(members, identity, passphrase)
    del members
    inner = container.read_inner(plaintext, manifest.contents)
    del plaintext
    if not hmac.compare_digest(inner.pop(fmt.MANIFEST), manifest.inner_bytes()):
        raise ArchiveTampered(
            "the manifest inside the payload differs from the signed one",
            code="inner_manifest",
            member=fmt.MANIFEST,
        )
    contents = check_contents(manifest, inner, with_secrets=with_secrets)
    snapshot = _snapshot(contents.data) if build_snapshot else None
    known = pinned(manifest) if callable(pinned) else pinned
    warnings: list[str] = []
    status = "unchecked"
    if known is not None:
        _check_replay(manifest, known, allow_older, warnings)
        status = _check_signer(manifest, known)
    return VerifiedArchive(
        manifest=manifest,
        archive_sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        data=contents.data,
        snapshot=snapshot,
        audit_events=contents.audit_events,
        secrets=contents.secrets,
        files=contents.files,
        signer_status=status,
        warnings=tuple(warnings),
    )


def _snapshot(data: Mapping[str, Any]) -> Snapshot:
    from brankas.core.review.snapshot import from_json

    try:
        return from_json(dict(data))
    except InvalidValue as exc:
        raise ArchiveMalformed(
            f"data.json is not a valid review snapshot ({exc.field})",
            code="snapshot_invalid",
            member=fmt.DATA,
        ) from None


def _check_replay(
    manifest: Manifest, known: KnownRegency, allow_older: bool, warnings: list[str]
) -> None:
    if manifest.export_id in known.export_ids:
        raise ArchiveReplayed("this archive was already imported", code="already_imported")
    if known.last_epoch is None:
        return
    # Every export bumps the epoch, which never goes back (not even on restore), so two
    # different exports of one vault never share an epoch.
    if manifest.epoch <= known.last_epoch and not allow_older:
        raise ArchiveReplayed(
            "a newer archive from this vault was already imported", code="older_than_imported"
        )
    if (
        known.last_seq is not None
        and manifest.seq <= known.last_seq
        and manifest.epoch > known.last_epoch
    ):
        warnings.append(SEQ_BACKWARDS)


def _check_signer(manifest: Manifest, known: KnownRegency) -> str:
    if known.pinned_key is None:
        return "new"
    same = hmac.compare_digest(known.pinned_key.key, manifest.signer.key) and hmac.compare_digest(
        known.pinned_key.key_id, manifest.signer.key_id
    )
    if not same:
        raise ArchiveSignerChanged(
            f"signed by key {manifest.signer.key_id_text}, but key"
            f" {known.pinned_key.key_id_text} is pinned for office {manifest.office_code}",
            code="signer_changed",
        )
    return "pinned"
