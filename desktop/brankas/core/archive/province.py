"""The province's side: import archives (verify, pin on first import, keep the bytes), list, reopen."""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from brankas.core.archive.format import Manifest, ManifestTerm
from brankas.core.archive.keys import get_pin, own_identity, pin_key, write_pin
from brankas.core.archive.verify import (
    KnownRegency,
    VerifiedArchive,
    read_source,
    verify_archive,
)
from brankas.core.audit import AuditKind
from brankas.core.domain.enums import OfficeKind
from brankas.core.errors import ArchiveError, ArchiveSignerUnconfirmed, InvalidValue, NotFound
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos.office import own_office
from brankas.core.vault.vault import Vault

log = logging.getLogger(__name__)

_LIST = (
    "SELECT id, export_id, office_code, office_name, vault_id, seq, epoch, exported_at,"
    " terms_json, secrets_included, signer_key_id, sha256, imported_at, size"
    " FROM imported_archive"
)


@dataclass(frozen=True, slots=True)
class ImportedArchive:
    """An accepted archive as listed on the province's dashboard (its bytes stay in the vault).

    ``warnings`` are the verification warnings of the import that just accepted it (codes
    such as :data:`brankas.core.archive.verify.SEQ_BACKWARDS`, also in the IMPORT audit
    event); a listing read back later carries none, and they do not take part in equality.
    """

    id: int
    export_id: str
    office_code: str
    office_name: str
    vault_id: str
    seq: int
    epoch: int
    exported_at: datetime
    terms: tuple[ManifestTerm, ...]
    secrets_included: bool
    signer_key_id: str
    sha256: str
    imported_at: datetime
    size: int
    warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """One file of a batch import: the accepted archive, or the typed error that refused it."""

    source: str
    imported: ImportedArchive | None
    error: ArchiveError | None


def _require_province(vault: Vault) -> None:
    if own_office(vault.conn).kind is not OfficeKind.PROVINCE:
        raise InvalidValue(
            "archives are imported into a province vault", field="office", code="not_province"
        )


def known_regency(conn: Connection, manifest: Manifest) -> KnownRegency:
    """What this province already holds from the manifest's office (pin, newest import)."""
    pin = get_pin(conn, manifest.office_code)
    code = pin_key(manifest.office_code)
    ids = frozenset(
        r[0]
        for r in conn.execute(
            "SELECT export_id FROM imported_archive WHERE office_code = ?", (code,)
        )
    )
    row = conn.execute(
        "SELECT epoch, seq FROM imported_archive WHERE office_code = ? AND vault_id = ?"
        " ORDER BY epoch DESC LIMIT 1",
        (code, manifest.vault_id),
    ).fetchone()
    return KnownRegency(
        pinned_key=None if pin is None else pin.key,
        last_epoch=None if row is None else int(row[0]),
        last_seq=None if row is None else int(row[1]),
        export_ids=ids,
    )


def preview_import(
    vault: Vault, source: Path | bytes, *, allow_older: bool = False
) -> VerifiedArchive:
    """Verify an archive against this province's key and pins without storing anything.

    ``signer_status == "new"`` means no key is pinned for the office yet: show the
    manifest's ``signer.fingerprint`` for the reviewer to compare with the paper letter,
    then call :func:`import_archive` with ``confirm_fingerprint``.

    Raises:
        InvalidValue: code ``not_province``.
        ArchiveError: any subclass (see :func:`brankas.core.archive.verify.verify_archive`).
    """
    _require_province(vault)
    conn = vault.conn
    return verify_archive(
        source,
        identity=own_identity(conn),
        pinned=lambda m: known_regency(conn, m),
        allow_older=allow_older,
    )


def _same_fingerprint(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[^0-9A-F]", "", s.upper())

    return norm(a) == norm(b) and len(norm(a)) == 24


def import_archive(
    vault: Vault,
    source: Path | bytes,
    *,
    confirm_fingerprint: str | None = None,
    allow_older: bool = False,
) -> ImportedArchive:
    """Verify an archive and keep it in the province vault (bytes as received, encrypted at
    rest by the vault; never unpacked to disk). Pins the regency's key on first import.

    Args:
        vault: the province's open vault.
        source: the archive file or its bytes.
        confirm_fingerprint: the signer fingerprint the reviewer confirmed against the
            paper letter; required when nothing is pinned for the office yet.
        allow_older: accept an archive older than one already imported (confirmed).

    Returns:
        The stored archive's listing, with the verification warnings (e.g.
        ``seq_backwards``: the regency restored a backup) in ``warnings``.

    Raises:
        InvalidValue: code ``not_province``.
        ArchiveSignerUnconfirmed: first archive of an office and the fingerprint was not
            confirmed (or differs).
        ArchiveError: any other subclass, from verification; nothing is stored.
    """
    _require_province(vault)
    conn = vault.conn
    data = read_source(source)
    verified = verify_archive(
        data,
        identity=own_identity(conn),
        pinned=lambda m: known_regency(conn, m),
        allow_older=allow_older,
    )
    m = verified.manifest
    first = verified.signer_status == "new"
    if first and (
        confirm_fingerprint is None
        or not _same_fingerprint(confirm_fingerprint, m.signer.fingerprint)
    ):
        raise ArchiveSignerUnconfirmed(
            f"confirm the signing key of office {m.office_code} ({m.signer.fingerprint})"
            " against the regency's letter",
            code="signer_unconfirmed",
        )
    operator_id = vault.operator.id if vault.operator else None
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with transaction(conn):
        if first:
            write_pin(
                conn,
                office_code=m.office_code,
                office_name=m.office_name,
                key=m.signer,
                operator_id=operator_id,
                reason="",
            )
            vault.audit.record(
                AuditKind.CREATE,
                operator_id=operator_id,
                target=f"regency_pin:{pin_key(m.office_code)}",
                detail={"key_id": m.signer.key_id_text, "fingerprint": m.signer.fingerprint},
            )
        cur = conn.execute(
            "INSERT INTO imported_archive (export_id, office_code, office_name, vault_id, seq,"
            " epoch, exported_at, terms_json, secrets_included, signer_key_id, sha256,"
            " manifest_json, imported_at, imported_by_operator_id, size, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                m.export_id,
                pin_key(m.office_code),
                m.office_name,
                m.vault_id,
                m.seq,
                m.epoch,
                m.exported_at.isoformat(timespec="microseconds"),
                _terms_json(m.terms),
                int(m.secrets_included),
                m.signer.key_id_text,
                verified.archive_sha256,
                m.to_bytes().decode("utf-8"),
                now,
                operator_id,
                len(data),
                data,
            ),
        )
        new_id = int(cur.lastrowid or 0)
        vault.audit.record(
            AuditKind.IMPORT,
            operator_id=operator_id,
            target=f"archive:{m.export_id}",
            detail={
                "office": pin_key(m.office_code),
                "seq": m.seq,
                "epoch": m.epoch,
                "sha256": verified.archive_sha256,
                "signer": m.signer.fingerprint,
                "warnings": list(verified.warnings),
                "older_accepted": allow_older,
            },
        )
    log.info("imported archive %s from %s", m.export_id, m.office_code)
    return replace(get_import(conn, new_id), warnings=verified.warnings)


def import_many(
    vault: Vault,
    sources: Iterable[Path],
    *,
    confirmed: dict[str, str] | None = None,
) -> list[ImportOutcome]:
    """Import several files; each is accepted or refused on its own.

    Args:
        vault: the province's open vault.
        sources: archive files (drag and drop).
        confirmed: office code → fingerprint the reviewer confirmed, for first imports.

    Returns:
        One outcome per file, in order (refusals carry their typed error).
    """
    confirmed = {pin_key(k): v for k, v in (confirmed or {}).items()}
    out: list[ImportOutcome] = []
    for path in sources:
        try:
            fp = None
            with contextlib.suppress(ArchiveError):  # import_archive raises it precisely
                fp = confirmed.get(pin_key(_peek_office(path)))
            out.append(
                ImportOutcome(str(path), import_archive(vault, path, confirm_fingerprint=fp), None)
            )
        except ArchiveError as exc:
            out.append(ImportOutcome(str(path), None, exc))
    return out


def _peek_office(path: Path) -> str:
    from brankas.core.archive.verify import verify_signature_only

    return verify_signature_only(path).manifest.office_code


def _terms_json(terms: tuple[ManifestTerm, ...]) -> str:
    return json.dumps(
        [
            {
                "id": t.id,
                "name": t.name,
                "election": t.election,
                "year": t.year,
                "start_date": t.start_date.isoformat(),
                "end_date": t.end_date.isoformat(),
            }
            for t in terms
        ],
        ensure_ascii=False,
    )


def _row(r: tuple[object, ...]) -> ImportedArchive:
    terms = tuple(
        ManifestTerm(
            t["id"],
            t["name"],
            t["election"],
            t["year"],
            date.fromisoformat(t["start_date"]),
            date.fromisoformat(t["end_date"]),
        )
        for t in json.loads(str(r[8]))
    )
    return ImportedArchive(
        id=int(str(r[0])),
        export_id=str(r[1]),
        office_code=str(r[2]),
        office_name=str(r[3]),
        vault_id=str(r[4]),
        seq=int(str(r[5])),
        epoch=int(str(r[6])),
        exported_at=datetime.fromisoformat(str(r[7])),
        terms=terms,
        secrets_included=bool(r[9]),
        signer_key_id=str(r[10]),
        sha256=str(r[11]),
        imported_at=datetime.fromisoformat(str(r[12])),
        size=int(str(r[13])),
    )


def list_imports(conn: Connection, *, office_code: str | None = None) -> list[ImportedArchive]:
    """Accepted archives, by office then export time (newest last)."""
    if office_code is None:
        rows = conn.execute(f"{_LIST} ORDER BY office_code, exported_at, id")
    else:
        rows = conn.execute(
            f"{_LIST} WHERE office_code = ? ORDER BY exported_at, id", (pin_key(office_code),)
        )
    return [_row(tuple(r)) for r in rows]


def get_import(conn: Connection, import_id: int) -> ImportedArchive:
    """One accepted archive's listing.

    Raises:
        NotFound: no such import.
    """
    row = conn.execute(f"{_LIST} WHERE id = ?", (import_id,)).fetchone()
    if row is None:
        raise NotFound(f"no imported archive {import_id}")
    return _row(tuple(row))


def open_import(
    vault: Vault, import_id: int, *, build_snapshot: bool = True, with_secrets: bool = True
) -> VerifiedArchive:
    """Decrypt and re-verify a stored archive for review (read-only, nothing written).

    Pins and replay are not checked again (they were at import); the signature, hashes,
    decryption and contents are (secrets.json only by its hash when ``with_secrets`` is
    False: the dashboard needs none). Revealing a secret from it is the caller's audited act.

    Raises:
        NotFound: no such import.
        ArchiveError: the stored bytes no longer verify (the vault was damaged).
    """
    row = vault.conn.execute(
        "SELECT data FROM imported_archive WHERE id = ?", (import_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"no imported archive {import_id}")
    return verify_archive(
        bytes(row[0]),
        identity=own_identity(vault.conn),
        build_snapshot=build_snapshot,
        with_secrets=with_secrets,
    )
