"""Typed errors raised by core; the front ends turn each into one sentence for the user.

No message here may contain a secret: messages name files, slots and counts only.
"""

from __future__ import annotations


class BrankasError(Exception):
    """Base of every error core raises on purpose."""


# --- vault and keys -----------------------------------------------------------------
class NotAVault(BrankasError):
    """The folder holds no Brankas vault (or not one this app recognises)."""


class VaultExists(BrankasError):
    """A vault already exists where a new one was to be created."""


class WrongPassword(BrankasError):
    """The password (or device key) does not open the operator's slot."""


class UnknownOperator(BrankasError):
    """No operator slot with that id or name."""


class RecoveryKitInvalid(BrankasError):
    """The recovery kit is malformed; ``group`` names the first wrong group (1-8)."""

    def __init__(self, message: str, group: int | None = None) -> None:
        super().__init__(message)
        self.group = group


class WrongRecoveryKit(BrankasError):
    """The recovery kit is well formed but does not open this vault."""


class KeyTableCorrupt(BrankasError):
    """No copy of vault.keys could be read and authenticated."""


class KeyTableRepaired(BrankasError):
    """Not raised: used as a warning code when one copy was repaired from the other."""


class KdfBelowFloor(BrankasError):
    """A key slot asks for Argon2id parameters below the floor (downgrade defence)."""


class VaultLocked(BrankasError):
    """The vault is locked; unlock it first."""


class VaultInUse(BrankasError):
    """Another process holds the vault's lock."""

    def __init__(self, message: str, *, host: str = "", pid: int = 0, since: str = "") -> None:
        super().__init__(message)
        self.host = host
        self.pid = pid
        self.since = since


class VaultReadOnly(BrankasError):
    """The vault folder cannot be written."""


class DiskFull(BrankasError):
    """A write failed for lack of space; nothing was changed."""


class DatabaseCorrupt(BrankasError):
    """vault.db failed to open or failed its integrity check."""


class SchemaTooNew(BrankasError):
    """The vault was written by a newer version of Brankas."""


class StaleVault(BrankasError):
    """Not raised: warning code when vault.db is older than its key table (epoch)."""


class PermissionDenied(BrankasError):
    """The operator's role does not allow this action."""


class LastAdmin(BrankasError):
    """The last admin cannot be removed or demoted."""


class BackupNotFound(BrankasError):
    """No backup with that name."""


class AuditChainBroken(BrankasError):
    """The audit chain does not verify; ``seq`` names the first broken event."""

    def __init__(self, message: str, seq: int | None = None) -> None:
        super().__init__(message)
        self.seq = seq


class DeviceKeyUnavailable(BrankasError):
    """ "Remember on this PC" cannot be used: no OS keyring, or the key is gone/expired."""


# --- domain ----------------------------------------------------------------------
class ValidationError(BrankasError):
    """A value a user entered is not valid; ``field`` names it."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class NotFound(BrankasError):
    """A record with that id does not exist."""


class IllegalTransition(BrankasError):
    """The lifecycle table does not allow this change of status."""


class Conflict(BrankasError):
    """The change conflicts with existing data (duplicate, already held, in use)."""


class InvalidValue(ValidationError):
    """A ValidationError with a stable ``code`` (e.g. ``"handle_too_long"``) the GUI translates."""

    def __init__(self, message: str, field: str = "", code: str = "") -> None:
        super().__init__(message, field=field)
        self.code = code


class KeyTableForeign(KeyTableCorrupt):
    """The key table belongs to another vault (its database salt does not match vault.db)."""


class DomainConflict(Conflict):
    """A Conflict with the ``field`` it concerns and a stable ``code`` the GUI translates
    (e.g. ``"account_duplicate"``, ``"kecamatan_has_history"``)."""

    def __init__(self, message: str, field: str = "", code: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.code = code


class DomainNotFound(NotFound):
    """A NotFound with the ``field`` it concerns and a stable ``code`` (e.g. ``"totp_not_set"``)."""

    def __init__(self, message: str, field: str = "", code: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.code = code


# --- import and export -------------------------------------------------------------
class ImportFileInvalid(BrankasError):
    """A file to import cannot be read; ``code`` is a stable reason the GUI translates
    (e.g. ``"csv_encoding"``, ``"xlsx_encrypted"``) and ``row`` the file row concerned."""

    def __init__(self, message: str, code: str = "", *, row: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.row = row


class ImportTooLarge(ImportFileInvalid):
    """A file to import is over a limit (bytes, rows, columns, cell length); ``limit`` is it."""

    def __init__(
        self, message: str, code: str = "", *, limit: int = 0, row: int | None = None
    ) -> None:
        super().__init__(message, code, row=row)
        self.limit = limit


class ExportNotConfirmed(PermissionDenied):
    """An export with secrets was asked for without a re-verified operator password."""


# --- review archive (.brankas) -----------------------------------------------------
class ArchiveError(BrankasError):
    """A review archive was refused; ``code`` is a stable reason the GUI may translate
    (e.g. ``"member_missing"``, ``"json_too_deep"``) and ``member`` names the file inside
    the archive it concerns ('' when none). Nothing from the archive was shown or kept."""

    def __init__(self, message: str, *, code: str = "", member: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.member = member


class ArchiveMalformed(ArchiveError):
    """The file is not a well-formed Brankas archive (container, JSON or schema)."""


class ArchiveTooLarge(ArchiveError):
    """The archive, or something inside it, is bigger than the limits (zip bomb guard)."""


class ArchiveUnsupported(ArchiveError):
    """The archive was written in a format version this Brankas does not read."""


class ArchiveNotAuthentic(ArchiveError):
    """The signature of manifest.json does not verify: the archive is not authentic."""


class ArchiveTampered(ArchiveError):
    """Signed hashes do not match the contents: the archive was changed after signing."""


class ArchiveNotForThisKey(ArchiveError):
    """The payload is not addressed to this key (or passphrase): it cannot be opened here."""


class ArchiveInconsistent(ArchiveError):
    """The signed manifest does not match what the payload holds (counts, audit chain)."""


class ArchiveReplayed(ArchiveError):
    """This archive, or a newer one from the same vault, was already imported."""


class ArchiveSignerChanged(ArchiveError):
    """The archive is signed by another key than the one pinned for this office."""


class ArchiveSignerUnconfirmed(ArchiveError):
    """First archive from this office: its signing key's fingerprint must be confirmed."""


class ExportRefused(ArchiveError):
    """The vault cannot be exported now (failed checks, no province key, no office code)."""
