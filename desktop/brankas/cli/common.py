"""Shared CLI plumbing: vault location, password input, error sentences and exit codes."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from brankas.core import errors as e
from brankas.core.secret import Secret

if TYPE_CHECKING:  # the parser imports this module: the vault loads when one is opened
    from brankas.core.vault.vault import Vault


class CliError(Exception):
    """A CLI-level failure with its exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


# One place maps typed core errors to what the user reads (core text is never shown).
_MESSAGES: list[tuple[type[e.BrankasError], int, str]] = [
    (e.WrongPassword, 3, "Wrong password."),
    (e.UnknownOperator, 3, "There is no operator with that name in this vault."),
    (e.WrongRecoveryKit, 3, "This recovery kit does not belong to this vault (or was replaced)."),
    (e.RecoveryKitInvalid, 3, "The recovery key is not valid."),
    (e.VaultInUse, 4, "The vault is already open elsewhere."),
    (e.NotAVault, 5, "There is no Brankas vault in that folder."),
    (e.VaultExists, 5, "A vault already exists in that folder."),
    (e.BackupNotFound, 5, "There is no backup with that name."),
    (e.NotFound, 5, "Not found."),
    (e.KeyTableForeign, 6, "The key file (vault.keys) belongs to another vault."),
    (
        e.KdfBelowFloor,
        6,
        "The key file asks for weakened password protection and was refused; "
        "restore it from a backup.",
    ),
    (e.KeyTableCorrupt, 6, "The key file (vault.keys) is damaged; restore it from a backup."),
    (e.DatabaseCorrupt, 6, "The vault database is damaged; restore it from a backup."),
    (e.AuditChainBroken, 6, "The audit log has been changed."),
    (e.SchemaTooNew, 7, "This vault was made by a newer Brankas; update Brankas to open it."),
    (e.DiskFull, 8, "The disk is full; nothing was changed."),
    (e.VaultReadOnly, 8, "The vault folder cannot be written."),
    (e.PermissionDenied, 9, "Your role does not allow this."),
    (e.LastAdmin, 9, "The last admin cannot be removed."),
    (e.DeviceKeyUnavailable, 3, "This PC does not remember you (or its keyring is unavailable)."),
    (e.ValidationError, 10, "Invalid input."),
    (e.Conflict, 10, "That conflicts with existing data."),
    (e.IllegalTransition, 10, "That change of status is not allowed."),
    (e.VaultLocked, 3, "The vault is locked."),
    # Review archives (.brankas): 6 = the file (or the vault) cannot be trusted, 10 = what
    # was asked is not possible as given. ExportRefused before ArchiveError (a subclass).
    (e.ExportRefused, 10, "The archive cannot be exported now."),
    (e.ArchiveNotAuthentic, 6, "The archive is not authentic: its signature does not verify."),
    (e.ArchiveTampered, 6, "The archive was changed after it was signed."),
    (
        e.ArchiveNotForThisKey,
        10,
        "The archive is not addressed to this key (or the passphrase is wrong).",
    ),
    (
        e.ArchiveInconsistent,
        6,
        "The archive's contents contradict its signed manifest (counts or audit log).",
    ),
    (e.ArchiveTooLarge, 6, "The archive, or a file inside it, is larger than Brankas allows."),
    (
        e.ArchiveUnsupported,
        6,
        "The archive was written in a newer format; update Brankas to read it.",
    ),
    (e.ArchiveMalformed, 6, "The file is not a valid Brankas archive (it may be damaged)."),
    (
        e.ArchiveReplayed,
        10,
        "This archive, or a newer one from the same vault, was already imported.",
    ),
    (
        e.ArchiveSignerChanged,
        6,
        "The archive is signed by another key than the one pinned for this office; "
        "an admin must confirm the new key (brankas-cli province repin).",
    ),
    (
        e.ArchiveSignerUnconfirmed,
        10,
        "This is the first archive from this office: confirm its signing key's fingerprint "
        "against the regency's letter (--confirm-fingerprint).",
    ),
    (e.ArchiveError, 6, "The archive was refused."),
]

# ExportRefused codes: the vault failing its checks is damage (6); the rest is input (10).
_EXPORT_REFUSED: dict[str, tuple[int, str]] = {
    "integrity_failed": (
        6,
        "The vault failed its integrity check, so it was not exported; restore a backup.",
    ),
    "audit_broken": (6, "The audit log has been changed, so the vault was not exported."),
    "not_regency": (10, "Only a regency's vault exports archives."),
    "office_code_missing": (10, "Set the office code before exporting."),
    "no_terms": (10, "Choose at least one term (at most 100) to export."),
    "no_province_key": (
        10,
        "Store the province's public key first (brankas-cli keys set-province).",
    ),
    "out_dir_missing": (10, "The output folder does not exist."),
    "too_many_recipients": (10, "Too many recipients for one archive."),
}


def _entry(exc: e.BrankasError) -> tuple[int, str]:
    if isinstance(exc, e.ExportRefused) and exc.code in _EXPORT_REFUSED:
        return _EXPORT_REFUSED[exc.code]
    for cls, code, text in _MESSAGES:
        if isinstance(exc, cls):
            return code, text
    return 1, "The operation failed."


def message_for(exc: e.BrankasError) -> str:
    """The sentence for an error, with safe specifics (never secrets)."""
    _code, text = _entry(exc)
    if isinstance(exc, e.VaultInUse) and exc.pid:
        text = f"The vault is already open on {exc.host} by process {exc.pid} since {exc.since}."
    elif isinstance(exc, e.RecoveryKitInvalid) and exc.group:
        text = f"The recovery key has a mistake in group {exc.group}."
    elif isinstance(exc, e.ArchiveError) and exc.code:
        # Stable reason codes (docs/archive-format.md §7) help whoever checks the file.
        where = f", {exc.member}" if exc.member else ""
        text = f"{text} [{exc.code}{where}]"
    elif isinstance(exc, e.ValidationError | e.Conflict | e.IllegalTransition | e.NotFound):
        text = f"{text} {exc}"  # core's domain messages name fields, never secret values
    return text


def exit_code_for(exc: e.BrankasError) -> int:
    """The documented exit code of an error."""
    return _entry(exc)[0]


def add_vault_args(p: argparse.ArgumentParser, *, user: bool = True) -> None:
    """--vault, --user and --password-stdin."""
    p.add_argument("--vault", type=Path, help="vault folder (default: the per-user location)")
    if user:
        p.add_argument("-u", "--user", help="operator name (asked when omitted)")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read passwords from standard input, one per line, instead of the terminal",
    )


def vault_path(args: argparse.Namespace) -> Path:
    """The vault folder from --vault or the default location."""
    path: Path | None = args.vault
    if path is not None:
        return path
    from brankas.core.paths import AppPaths

    return AppPaths.default().default_vault


class Prompter:
    """Reads passwords from the TTY, or line by line from stdin with --password-stdin."""

    def __init__(self, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self._from_stdin = from_stdin
        self._stdin = stdin or sys.stdin

    def password(self, prompt: str, *, confirm: bool = False) -> Secret:
        """One password (asked twice with ``confirm`` on a TTY)."""
        if self._from_stdin:
            line = self._stdin.readline()
            if not line:
                raise CliError("expected another password line on standard input", 2)
            return Secret(line.rstrip("\r\n"))
        if not sys.stdin.isatty():
            raise CliError("no terminal to ask for a password: use --password-stdin", 2)
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat: ") != first:
            raise CliError("the two passwords differ", 10)
        if not first:
            raise CliError("empty password", 10)
        return Secret(first)

    def text(self, prompt: str) -> str:
        """A non-secret line (e.g. the operator name) from the terminal."""
        if self._from_stdin or not sys.stdin.isatty():
            raise CliError(f"missing value: {prompt.strip(': ')} (give it as an option)", 2)
        return input(prompt).strip()


# Lean reads (list, search, show) visit each page about once and exit: a small page cache
# and a soft limit on SQLite's heap (which also bounds the copy a backup on close writes)
# keep their memory near the interpreter's own instead of growing with the vault.
READ_CACHE_KIB = 512
READ_HEAP_LIMIT = 2 * 1024 * 1024


def open_vault(
    args: argparse.Namespace, prompter: Prompter | None = None, *, lean: bool = False
) -> Vault:
    """Unlock the vault named by the arguments with the operator's password.

    Args:
        args: the parsed command line (--vault, --user, --password-stdin).
        prompter: where passwords come from (default: per --password-stdin).
        lean: a short read: small SQLite page cache and heap (see ``READ_CACHE_KIB``).
    """
    from brankas.core.crypto.kdf import PRODUCTION_POLICY
    from brankas.core.vault.vault import Vault

    pr = prompter or Prompter(args.password_stdin)
    user = args.user or pr.text("Operator: ")
    password = pr.password(f"Password for {user}: ")
    vault = Vault.unlock(vault_path(args), user, password, policy=PRODUCTION_POLICY)
    password.wipe()
    if lean:
        vault.conn.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
        vault.conn.execute(f"PRAGMA soft_heap_limit = {READ_HEAP_LIMIT}").fetchall()
    for w in vault.warnings:
        print(f"warning: {WARNING_TEXT.get(w.value, w.value)}", file=sys.stderr)
    return vault


WARNING_TEXT = {
    "key_table_repaired": "one copy of the key file was damaged and has been repaired from the other",
    "stale_database": "the vault database is OLDER than its key file: an old copy may have been put "
    "back; check the data before relying on it",
    "rekey_completed": "an interrupted key rotation was completed",
    "rekey_abandoned": "an interrupted key rotation never started; it was cancelled (run it again)",
    "failed_unlocks": "there were failed unlock attempts since the last unlock (see the audit log)",
}
