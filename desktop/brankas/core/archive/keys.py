"""Archive keys kept in the vault: the signing key, the age identity, the province recipient, pins."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pyrage

from brankas.core.archive.minisign import PublicKey, SigningKey, fingerprint, key_id_text
from brankas.core.audit import AuditKind
from brankas.core.domain.enums import OfficeKind
from brankas.core.errors import InvalidValue, NotFound
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection
from brankas.core.storage.repos.office import own_office
from brankas.core.vault.vault import Vault

log = logging.getLogger(__name__)

_MAX_KEY_FILE = 4096
KEY_EXTENSION = ".brankaskey"  # the province's public-key file (associated with Brankas)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def key_file_name(office_code: str) -> str:
    """The suggested name of the province's public-key file, e.g.
    ``kunci-provinsi-BWS.SULTENG.brankaskey`` (characters unsafe in file names dropped)."""
    code = _UNSAFE_NAME.sub("-", office_code.strip()).strip("-.")
    return f"kunci-provinsi-{code}{KEY_EXTENSION}" if code else f"kunci-provinsi{KEY_EXTENSION}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _operator_id(vault: Vault) -> str | None:
    op = vault.operator
    return op.id if op else None


# --- this vault's own keys ---------------------------------------------------------------
def signing_key(conn: Connection) -> SigningKey:
    """The vault's Ed25519 signing key (made by schema migration 2).

    Raises:
        NotFound: the vault has no signing key (its schema is older than version 2).
    """
    row = conn.execute("SELECT seed, key_id FROM archive_signing_key WHERE id = 1").fetchone()
    if row is None:
        raise NotFound("the vault has no archive signing key")
    return SigningKey(Secret(bytes(row[0])), bytes(row[1]))


def signing_public_key(conn: Connection) -> PublicKey:
    """The signing key's public half: its ``key_id_text`` and ``fingerprint`` are what the
    Settings page and the cover sheet show, ``to_file_text()`` the minisign key file.

    Raises:
        NotFound: the vault has no signing key.
    """
    row = conn.execute("SELECT key_id, public_key FROM archive_signing_key WHERE id = 1").fetchone()
    if row is None:
        raise NotFound("the vault has no archive signing key")
    return PublicKey(bytes(row[0]), bytes(row[1]))


@dataclass(frozen=True, slots=True)
class RecipientInfo:
    """An age recipient (public key, ``age1…``) with its fingerprint for the paper letter."""

    recipient: str
    fingerprint: str
    label: str = ""
    set_at: datetime | None = None


def recipient_fingerprint(recipient: str) -> str:
    """The fingerprint of an ``age1…`` recipient: SHA-256 of its text, 6 groups of 4."""
    return fingerprint(recipient.encode("ascii"))


def own_recipient(conn: Connection) -> RecipientInfo:
    """This vault's own age recipient (a province publishes it; a regency may add itself).

    Raises:
        NotFound: the vault has no age identity (schema older than version 2).
    """
    row = conn.execute("SELECT recipient, created_at FROM archive_identity WHERE id = 1").fetchone()
    if row is None:
        raise NotFound("the vault has no age identity")
    return RecipientInfo(row[0], recipient_fingerprint(row[0]), "", datetime.fromisoformat(row[1]))


def own_identity(conn: Connection) -> Secret:
    """This vault's age identity (``AGE-SECRET-KEY-1…``), to decrypt archives. Never log it.

    Raises:
        NotFound: the vault has no age identity.
    """
    row = conn.execute("SELECT identity FROM archive_identity WHERE id = 1").fetchone()
    if row is None:
        raise NotFound("the vault has no age identity")
    return Secret(str(row[0]))


def reveal_own_identity(vault: Vault, *, reason: str) -> Secret:
    """The age identity for use outside Brankas (``age -d -i``), for an admin; audited.

    Raises:
        PermissionDenied: not an admin.
        ValidationError: no reason given.
    """
    vault.require_admin()
    if not reason.strip():
        raise InvalidValue("a reason is required", field="reason", code="reason_required")
    identity = own_identity(vault.conn)
    vault.record(AuditKind.REVEAL, target="archive:identity", detail={"reason": reason.strip()})
    return identity


def recipient_file_text(vault: Vault) -> str:
    """The province's public key file to send to its regencies: an age recipients file
    (usable as ``age -R``) whose comments name the office and the fingerprint.

    Raises:
        InvalidValue: code ``not_province`` when this vault is not a province's.
    """
    office = own_office(vault.conn)
    if office.kind is not OfficeKind.PROVINCE:
        raise InvalidValue(
            "only a province publishes an archive key", field="office", code="not_province"
        )
    info = own_recipient(vault.conn)
    name = " ".join(office.name.split())
    return (
        "# Brankas: public key of the province for review archives (age recipient)\n"
        f"# office: {name}\n"
        f"# fingerprint: {info.fingerprint}\n"
        f"{info.recipient}\n"
    )


# --- regency side: the province recipient ---------------------------------------------------
def parse_recipient(text: str) -> tuple[str, str]:
    """Read the province's key: an ``age1…`` string, or the file :func:`recipient_file_text`
    writes (comments allowed, exactly one recipient line).

    Returns:
        (recipient, label from an ``# office:`` comment or '').

    Raises:
        InvalidValue: code ``recipient_invalid`` (field ``recipient``).
    """
    if len(text) > _MAX_KEY_FILE:
        raise InvalidValue("the key file is too large", field="recipient", code="recipient_invalid")
    label = ""
    found: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#"):
            body = line[1:].strip()
            if body.lower().startswith("office:"):
                label = body[len("office:") :].strip()[:200]
        elif line:
            found.append(line)
    if len(found) != 1 or not found[0].startswith("age1"):
        raise InvalidValue(
            "expected exactly one age public key (age1…)",
            field="recipient",
            code="recipient_invalid",
        )
    try:
        recipient = str(pyrage.x25519.Recipient.from_str(found[0]))
    except pyrage.RecipientError:
        raise InvalidValue(
            "this is not a valid age public key", field="recipient", code="recipient_invalid"
        ) from None
    return recipient, label


def province_recipient(conn: Connection) -> RecipientInfo | None:
    """The province's recipient this regency exports to, or None when not set."""
    row = conn.execute(
        "SELECT recipient, fingerprint, label, set_at FROM province_recipient WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    return RecipientInfo(row[0], row[1], row[2], datetime.fromisoformat(row[3]))


def set_province_recipient(vault: Vault, text: str) -> RecipientInfo:
    """Store (or replace) the province's key. The GUI asks for the admin password first
    and shows the fingerprint to compare against the province's letter.

    Args:
        vault: the open vault (an admin is acting).
        text: the ``age1…`` string or the key file's text.

    Returns:
        What was stored, with its fingerprint.

    Raises:
        PermissionDenied: not an admin.
        InvalidValue: code ``recipient_invalid``.
    """
    vault.require_admin()
    recipient, label = parse_recipient(text)
    info = RecipientInfo(recipient, recipient_fingerprint(recipient), label, datetime.now(UTC))
    previous = province_recipient(vault.conn)
    with vault.write() as conn:
        conn.execute(
            "INSERT INTO province_recipient (id, recipient, fingerprint, label, set_at,"
            " set_by_operator_id) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " recipient = excluded.recipient, fingerprint = excluded.fingerprint,"
            " label = excluded.label, set_at = excluded.set_at,"
            " set_by_operator_id = excluded.set_by_operator_id",
            (recipient, info.fingerprint, label, _now(), _operator_id(vault)),
        )
        vault.audit.record(
            AuditKind.CREATE if previous is None else AuditKind.CHANGE,
            operator_id=_operator_id(vault),
            target="archive:province_recipient",
            detail={
                "fingerprint": info.fingerprint,
                "previous": None if previous is None else previous.fingerprint,
            },
        )
    log.info("province recipient set (%s)", info.fingerprint)
    return info


# --- province side: pinned regency keys ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Pin:
    """A regency's signing key as pinned by this province."""

    office_code: str
    office_name: str
    key: PublicKey
    pinned_at: datetime
    pinned_by_operator_id: str | None
    reason: str

    @property
    def fingerprint(self) -> str:
        """The pinned key's fingerprint."""
        return self.key.fingerprint


def pin_key(office_code: str) -> str:
    """Pins are per office code, compared case-insensitively."""
    return office_code.upper()


def get_pin(conn: Connection, office_code: str) -> Pin | None:
    """The key pinned for an office, or None."""
    row = conn.execute(
        "SELECT office_code, office_name, key_id, public_key, pinned_at, pinned_by_operator_id,"
        " reason FROM regency_pin WHERE office_code = ?",
        (pin_key(office_code),),
    ).fetchone()
    return None if row is None else _pin(row)


def list_pins(conn: Connection) -> list[Pin]:
    """Every pinned regency key, by office code."""
    rows = conn.execute(
        "SELECT office_code, office_name, key_id, public_key, pinned_at, pinned_by_operator_id,"
        " reason FROM regency_pin ORDER BY office_code"
    )
    return [_pin(r) for r in rows]


def _pin(r: tuple[str, str, str, bytes, str, str | None, str]) -> Pin:
    raw = bytes(r[3])
    key_id = int(r[2], 16).to_bytes(8, "little")
    return Pin(r[0], r[1], PublicKey(key_id, raw), datetime.fromisoformat(r[4]), r[5], r[6])


def write_pin(
    conn: Connection,
    *,
    office_code: str,
    office_name: str,
    key: PublicKey,
    operator_id: str | None,
    reason: str,
) -> None:
    """Insert or replace a pin (inside the caller's transaction; the caller audits)."""
    conn.execute(
        "INSERT INTO regency_pin (office_code, office_name, key_id, public_key, fingerprint,"
        " pinned_at, pinned_by_operator_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (office_code) DO UPDATE SET office_name = excluded.office_name,"
        " key_id = excluded.key_id, public_key = excluded.public_key,"
        " fingerprint = excluded.fingerprint, pinned_at = excluded.pinned_at,"
        " pinned_by_operator_id = excluded.pinned_by_operator_id, reason = excluded.reason",
        (
            pin_key(office_code),
            office_name,
            key_id_text(key.key_id),
            key.key,
            key.fingerprint,
            _now(),
            operator_id,
            reason,
        ),
    )


def repin_regency_key(vault: Vault, office_code: str, key: PublicKey, *, reason: str) -> Pin:
    """Replace the key pinned for a regency (it made a new vault, lost its key, …).

    The GUI shows the new key's fingerprint (from :func:`brankas.core.archive.verify.
    verify_signature_only` on the refused archive) and asks for the admin password.

    Args:
        vault: the province's open vault, an admin acting.
        office_code: the regency's office code.
        key: the new signing key.
        reason: why (required; audited).

    Returns:
        The new pin.

    Raises:
        PermissionDenied: not an admin.
        InvalidValue: no reason (code ``reason_required``).
        NotFound: nothing is pinned for that office yet (the first import pins).
    """
    vault.require_admin()
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidValue("a reason is required", field="reason", code="reason_required")
    with vault.write() as conn:
        old = get_pin(conn, office_code)
        if old is None:
            raise NotFound(f"no key is pinned for office {office_code}")
        write_pin(
            conn,
            office_code=office_code,
            office_name=old.office_name,
            key=key,
            operator_id=_operator_id(vault),
            reason=reason[:500],
        )
        vault.audit.record(
            AuditKind.CHANGE,
            operator_id=_operator_id(vault),
            target=f"regency_pin:{pin_key(office_code)}",
            detail={
                "old_key_id": old.key.key_id_text,
                "old_fingerprint": old.fingerprint,
                "new_key_id": key.key_id_text,
                "new_fingerprint": key.fingerprint,
                "reason": reason[:500],
            },
        )
    pin = get_pin(vault.conn, office_code)
    assert pin is not None  # written just above
    return pin
