"""Shared CLI plumbing: vault location, password input, error sentences and exit codes."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TextIO

from brankas.core import errors as e
from brankas.core.crypto.kdf import PRODUCTION_POLICY
from brankas.core.paths import AppPaths
from brankas.core.secret import Secret
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
]


def _entry(exc: e.BrankasError) -> tuple[int, str]:
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
    return path if path is not None else AppPaths.default().default_vault


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


def open_vault(args: argparse.Namespace, prompter: Prompter | None = None) -> Vault:
    """Unlock the vault named by the arguments with the operator's password."""
    pr = prompter or Prompter(args.password_stdin)
    user = args.user or pr.text("Operator: ")
    password = pr.password(f"Password for {user}: ")
    vault = Vault.unlock(vault_path(args), user, password, policy=PRODUCTION_POLICY)
    password.wipe()
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
