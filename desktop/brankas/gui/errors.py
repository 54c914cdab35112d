"""The one place where core errors become translated sentences, plus the unexpected-error dialog."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import PurePath
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas import __version__
from brankas.core import errors as e
from brankas.core.crypto.primitives import DecryptionFailed
from brankas.core.domain.lifecycle import Guard, TransitionRefused
from brankas.gui.archive.sentences import archive_sentences
from brankas.gui.i18n import current_language, format_datetime, parse_iso
from brankas.gui.import_wizard.texts import import_sentences

log = logging.getLogger(__name__)


def _vault_in_use(exc: BaseException, language: str) -> str:
    assert isinstance(exc, e.VaultInUse)
    if not exc.host:
        return QCoreApplication.translate(
            "Errors", "The vault is already open in another Brankas window or program."
        )
    moment = parse_iso(exc.since)
    since = format_datetime(moment, language) if moment else exc.since or "?"
    return QCoreApplication.translate(
        "Errors",
        "The vault is already open on {host} by process {pid} since {since}. "
        "Close Brankas there first, then try again.",
    ).format(host=exc.host, pid=exc.pid, since=since)


def _recovery_kit(exc: BaseException, _language: str) -> str:
    group = getattr(exc, "group", None)
    if group:
        return QCoreApplication.translate(
            "Errors",
            "Group {group} of the recovery kit is not right. Check the six digits of that group.",
        ).format(group=group)
    return QCoreApplication.translate(
        "Errors",
        "The recovery kit must have 48 digits in 8 groups of 6. Check that every digit was typed.",
    )


def _audit_chain(exc: BaseException, _language: str) -> str:
    seq = getattr(exc, "seq", None)
    if seq:
        return QCoreApplication.translate(
            "Errors", "The audit log was changed or damaged, starting at event #{seq}."
        ).format(seq=seq)
    return QCoreApplication.translate("Errors", "The audit log was changed or damaged.")


def _transition_refused(exc: BaseException, language: str) -> str:
    guards = getattr(exc, "failed_guards", ())
    reasons = {
        Guard.CREDENTIALS_RECORDED: QCoreApplication.translate(
            "Errors", "its username and password are not recorded"
        ),
        Guard.ACTIVE_PERIOD_SET: QCoreApplication.translate(
            "Errors", "its active period is not set"
        ),
        Guard.PASSWORD_CHANGED: QCoreApplication.translate(
            "Errors", "its password has not been changed since it was handed back"
        ),
        Guard.CHECKLIST_COMPLETE: QCoreApplication.translate(
            "Errors", "its deactivation checklist is not complete"
        ),
        Guard.PERMANENT: QCoreApplication.translate("Errors", "it is not marked permanent"),
        Guard.AD_HOC: QCoreApplication.translate("Errors", "it is marked permanent"),
    }
    listed = [reasons[g] for g in guards if g in reasons]
    if not listed:
        return _sentences()[e.IllegalTransition](exc, language)
    return QCoreApplication.translate(
        "Errors", "The account cannot change status yet: {reasons}."
    ).format(reasons="; ".join(listed))


def _code_sentences() -> dict[str, str]:
    """Sentences for the stable ``code`` of InvalidValue, DomainConflict, DomainNotFound.
    The account screens add theirs here; an unknown code falls back to the class's
    sentence."""
    return {
        # --- any form field (core/services/_fields.py) ---
        "value_empty": QCoreApplication.translate("Errors", "Fill in this field."),
        "value_too_long": QCoreApplication.translate("Errors", "This text is too long."),
        "value_control_char": QCoreApplication.translate(
            "Errors", "This text has an invisible control character. Type it again."
        ),
        "value_not_allowed": QCoreApplication.translate("Errors", "Choose one of the options."),
        "date_invalid": QCoreApplication.translate("Errors", "This is not a valid date."),
        # --- kecamatan, terms and people (core/services/office.py, terms.py, people.py) ---
        "kecamatan_duplicate": QCoreApplication.translate(
            "Errors", "A kecamatan with this name is already recorded."
        ),
        "year_out_of_range": QCoreApplication.translate(
            "Errors", "The election year must be between 1999 and 2100."
        ),
        "term_end_before_start": QCoreApplication.translate(
            "Errors", "The term cannot end before it starts."
        ),
        "term_override_before_start": QCoreApplication.translate(
            "Errors",
            "A kecamatan of this term has its own end date before the new start. Change that "
            "end date first.",
        ),
        "term_in_use": QCoreApplication.translate(
            "Errors",
            "Accounts, people or handovers belong to this term, so it cannot be deleted.",
        ),
        "term_kecamatan_in_use": QCoreApplication.translate(
            "Errors",
            "Accounts or people of this term belong to the kecamatan, so it cannot be removed "
            "from the term.",
        ),
        "kecamatan_required": QCoreApplication.translate(
            "Errors", "A committee member needs a kecamatan."
        ),
        "term_required": QCoreApplication.translate("Errors", "A committee member needs a term."),
        "kecamatan_not_allowed": QCoreApplication.translate(
            "Errors", "Regency officials and operators do not belong to a kecamatan."
        ),
        "nip_invalid": QCoreApplication.translate(
            "Errors", "A NIP has 18 digits. Check the number, or leave it empty."
        ),
        # --- the office profile (core/services/office.py, core/domain/numbering.py) ---
        "office_code_empty": QCoreApplication.translate("Errors", "Type the office code."),
        "office_code_too_long": QCoreApplication.translate(
            "Errors", "The office code is too long: at most 40 characters."
        ),
        "office_code_control_char": QCoreApplication.translate(
            "Errors", "The office code has an invisible control character. Type it again."
        ),
        "language_unsupported": QCoreApplication.translate(
            "Errors", "Choose Indonesian or English."
        ),
        "nik_invalid": QCoreApplication.translate(
            "Errors", "A NIK has 16 digits. Check the number, or leave it empty."
        ),
        "person_has_history": QCoreApplication.translate(
            "Errors",
            "This person is named in handovers, custody or accounts, so they cannot be deleted.",
        ),
        # --- accounts ---
        "account_duplicate": QCoreApplication.translate(
            "Errors", "An account with this platform and username is already recorded."
        ),
        "kecamatan_has_history": QCoreApplication.translate(
            "Errors", "This kecamatan has a history, so it cannot be deleted. Retire it instead."
        ),
        "totp_not_set": QCoreApplication.translate(
            "Errors", "This account has no authenticator (TOTP) secret recorded."
        ),
        "handle_too_long": QCoreApplication.translate("Errors", "The username is too long."),
        # --- accounts: handles and links (core/domain/normalize.py) ---
        "handle_empty": QCoreApplication.translate(
            "Errors", "Type the username or paste the profile link."
        ),
        "handle_invalid_chars": QCoreApplication.translate(
            "Errors", "The username has characters this platform does not allow."
        ),
        "handle_too_short": QCoreApplication.translate("Errors", "The username is too short."),
        "handle_dot_position": QCoreApplication.translate(
            "Errors", "The username cannot start or end with a dot."
        ),
        "handle_double_dot": QCoreApplication.translate(
            "Errors", "The username cannot have two dots in a row."
        ),
        "handle_reserved": QCoreApplication.translate(
            "Errors", "That is a page of the platform itself, not a username."
        ),
        "url_malformed": QCoreApplication.translate("Errors", "The link is not a web address."),
        "url_short_link": QCoreApplication.translate(
            "Errors", "Short links cannot be checked offline. Paste the full profile link."
        ),
        "url_not_profile": QCoreApplication.translate(
            "Errors", "The link does not point to a profile or Page."
        ),
        "url_wrong_site": QCoreApplication.translate(
            "Errors", "The link is not on this platform's website."
        ),
        "url_facebook_group": QCoreApplication.translate(
            "Errors", "The link is a Facebook group, not a Page."
        ),
        "url_share_link": QCoreApplication.translate(
            "Errors", "Share links cannot be checked offline. Paste the Page's own link."
        ),
        "email_empty": QCoreApplication.translate("Errors", "Type the e-mail address."),
        "email_missing_at": QCoreApplication.translate(
            "Errors", "The e-mail address needs an '@', as in nama@contoh.go.id."
        ),
        "email_bad_local": QCoreApplication.translate(
            "Errors", "The part of the e-mail address before the '@' is not valid."
        ),
        "email_bad_domain": QCoreApplication.translate(
            "Errors", "The part of the e-mail address after the '@' is not valid."
        ),
        "email_too_long": QCoreApplication.translate("Errors", "The e-mail address is too long."),
        "phone_empty": QCoreApplication.translate("Errors", "Type the phone number."),
        "phone_invalid_chars": QCoreApplication.translate(
            "Errors", "The phone number may only have digits, spaces, dashes and a leading +."
        ),
        "phone_bad_country": QCoreApplication.translate(
            "Errors", "Only Indonesian numbers (+62 or 08…) can be recorded."
        ),
        "phone_bad_prefix": QCoreApplication.translate(
            "Errors", "The number does not start like an Indonesian phone number (08… or +628…)."
        ),
        "phone_too_short": QCoreApplication.translate("Errors", "The phone number is too short."),
        "phone_too_long": QCoreApplication.translate("Errors", "The phone number is too long."),
        # --- accounts: authenticator secrets (core/domain/totp.py) ---
        "totp_secret_empty": QCoreApplication.translate(
            "Errors", "Paste the authenticator key or the otpauth:// link."
        ),
        "totp_secret_too_long": QCoreApplication.translate(
            "Errors", "The authenticator key is too long."
        ),
        "totp_secret_invalid_chars": QCoreApplication.translate(
            "Errors", "The authenticator key may only have the letters A–Z and the digits 2–7."
        ),
        "totp_secret_malformed": QCoreApplication.translate(
            "Errors", "The authenticator key is incomplete. Copy it again in full."
        ),
        "totp_secret_too_short": QCoreApplication.translate(
            "Errors", "The authenticator key is too short. Copy it again in full."
        ),
        "totp_uri_malformed": QCoreApplication.translate(
            "Errors", "The link is not an otpauth://totp/ link."
        ),
        "totp_uri_missing_secret": QCoreApplication.translate(
            "Errors", "The otpauth:// link has no key in it."
        ),
        "totp_hotp_unsupported": QCoreApplication.translate(
            "Errors", "Counter-based (HOTP) codes are not supported; use a time-based code."
        ),
        "totp_uri_bad_algorithm": QCoreApplication.translate(
            "Errors", "The otpauth:// link uses an algorithm Brankas does not support."
        ),
        "totp_uri_bad_digits": QCoreApplication.translate(
            "Errors", "The otpauth:// link asks for a number of digits Brankas does not support."
        ),
        "totp_uri_bad_period": QCoreApplication.translate(
            "Errors", "The otpauth:// link has a code period Brankas does not support."
        ),
        # --- accounts: the record (core/services/accounts.py, secrets.py, page_access.py) ---
        "active_until_before_from": QCoreApplication.translate(
            "Errors", "The active period ends before it starts."
        ),
        "kecamatan_retired": QCoreApplication.translate(
            "Errors", "That kecamatan is retired. Choose another one."
        ),
        "kecamatan_not_found": QCoreApplication.translate(
            "Errors", "That kecamatan no longer exists."
        ),
        "term_not_found": QCoreApplication.translate("Errors", "That term no longer exists."),
        "person_not_found": QCoreApplication.translate("Errors", "That person no longer exists."),
        "account_not_found": QCoreApplication.translate("Errors", "That account no longer exists."),
        "owner_conflict": QCoreApplication.translate(
            "Errors", "A link that belongs to the office cannot also name a person as its owner."
        ),
        "recovery_account_self": QCoreApplication.translate(
            "Errors", "An account cannot be its own recovery e-mail or phone."
        ),
        "recovery_account_not_email": QCoreApplication.translate(
            "Errors", "The recovery e-mail must be an e-mail account."
        ),
        "recovery_account_not_phone": QCoreApplication.translate(
            "Errors", "The recovery phone must be a phone number account."
        ),
        "recovery_email_mismatch": QCoreApplication.translate(
            "Errors", "The recovery e-mail is not the address of the linked e-mail account."
        ),
        "recovery_phone_mismatch": QCoreApplication.translate(
            "Errors", "The recovery phone is not the number of the linked SIM."
        ),
        "backup_codes_negative": QCoreApplication.translate(
            "Errors", "The number of backup codes left cannot be below zero."
        ),
        "backup_codes_empty": QCoreApplication.translate(
            "Errors", "Paste the backup codes, one per line."
        ),
        "password_empty": QCoreApplication.translate("Errors", "The password is empty."),
        "password_unchanged": QCoreApplication.translate(
            "Errors", "The new password is the same as the current one. Choose another."
        ),
        "account_has_history": QCoreApplication.translate(
            "Errors",
            "This account has a history (it was activated or handed over), so it cannot be "
            "deleted. Change its status instead.",
        ),
        "page_access_duplicate": QCoreApplication.translate(
            "Errors", "That person already has access to the Page."
        ),
        "page_access_already_removed": QCoreApplication.translate(
            "Errors", "That person's access was already removed."
        ),
        "not_a_facebook_page": QCoreApplication.translate(
            "Errors", "Only a Facebook Page has a list of people with access."
        ),
    }


def _coded(fallback: type[e.BrankasError]) -> Callable[[BaseException, str], str]:
    def sentence(exc: BaseException, language: str) -> str:
        text = _code_sentences().get(str(getattr(exc, "code", "")))
        return text if text is not None else _sentences()[fallback](exc, language)

    return sentence


def _constant(text: str) -> Callable[[BaseException, str], str]:
    def sentence(_exc: BaseException, _language: str) -> str:
        return text

    return sentence


def _sentences() -> dict[type[BaseException], Callable[[BaseException, str], str]]:
    texts: dict[type[BaseException], str] = {
        e.NotAVault: QCoreApplication.translate(
            "Errors",
            "This folder does not contain a Brankas vault. "
            "Choose the folder that holds vault.db and vault.keys.",
        ),
        e.VaultExists: QCoreApplication.translate(
            "Errors",
            "This folder already contains a vault. Choose another folder, "
            "or open the existing vault instead.",
        ),
        e.WrongPassword: QCoreApplication.translate(
            "Errors",
            "The password is wrong. Check Caps Lock and the keyboard layout, then try again.",
        ),
        e.UnknownOperator: QCoreApplication.translate(
            "Errors", "There is no operator with that name in this vault. Check the spelling."
        ),
        e.WrongRecoveryKit: QCoreApplication.translate(
            "Errors",
            "This recovery kit does not open this vault. It may belong to another vault "
            "or have been replaced by a newer kit.",
        ),
        e.KeyTableCorrupt: QCoreApplication.translate(
            "Errors",
            "The vault's key file (vault.keys) is damaged and could not be repaired. "
            "Restore a backup or ask your IT staff for help.",
        ),
        e.KeyTableForeign: QCoreApplication.translate(
            "Errors",
            "The key file (vault.keys) belongs to another vault. Put back the matching "
            "files or restore a backup.",
        ),
        e.KeyTableRepaired: QCoreApplication.translate(
            "Errors", "One copy of the vault's key file was damaged and has been repaired."
        ),
        e.KdfBelowFloor: QCoreApplication.translate(
            "Errors",
            "The vault's key file asks for weaker password protection than Brankas allows. "
            "It may have been tampered with, so the vault was not opened.",
        ),
        e.VaultLocked: QCoreApplication.translate(
            "Errors", "The vault is locked. Unlock it to continue."
        ),
        e.VaultReadOnly: QCoreApplication.translate(
            "Errors",
            "Brankas cannot write to the vault folder. Check that the folder is not "
            "read-only and that you may change it.",
        ),
        e.DiskFull: QCoreApplication.translate(
            "Errors", "The disk is full, so nothing was changed. Free some space and try again."
        ),
        e.DatabaseCorrupt: QCoreApplication.translate(
            "Errors",
            "The vault's database (vault.db) is damaged. Restore a backup or ask your "
            "IT staff for help.",
        ),
        e.SchemaTooNew: QCoreApplication.translate(
            "Errors",
            "This vault was saved by a newer version of Brankas. Install that version to open it.",
        ),
        e.StaleVault: QCoreApplication.translate(
            "Errors",
            "The vault's database is older than its key file: an old copy may have been "
            "put back. Check with your colleagues before making changes.",
        ),
        e.PermissionDenied: QCoreApplication.translate("Errors", "Only an admin can do this."),
        e.LastAdmin: QCoreApplication.translate(
            "Errors", "The last admin cannot be removed. Make another operator an admin first."
        ),
        e.BackupNotFound: QCoreApplication.translate("Errors", "That backup no longer exists."),
        e.DeviceKeyUnavailable: QCoreApplication.translate(
            "Errors",
            "“Remember on this PC” cannot be used: this PC has no usable password store, "
            "or the remembered key has expired. Unlock with your password.",
        ),
        e.ValidationError: QCoreApplication.translate(
            "Errors", "Some of the data entered is not valid. Check the form and try again."
        ),
        e.NotFound: QCoreApplication.translate(
            "Errors", "That item no longer exists. It may have been removed."
        ),
        e.IllegalTransition: QCoreApplication.translate(
            "Errors", "That change of status is not allowed for this account at this stage."
        ),
        e.Conflict: QCoreApplication.translate(
            "Errors", "That name or item is already in use. Choose another."
        ),
        DecryptionFailed: QCoreApplication.translate(
            "Errors", "Data in the vault could not be decrypted. The file may be damaged."
        ),
        OSError: QCoreApplication.translate(
            "Errors",
            "Brankas could not read or write a file. Check the disk and the folder's "
            "permissions, then try again.",
        ),
    }
    out: dict[type[BaseException], Callable[[BaseException, str], str]] = {
        kind: _constant(text) for kind, text in texts.items()
    }
    out[e.VaultInUse] = _vault_in_use
    out[e.RecoveryKitInvalid] = _recovery_kit
    out[e.AuditChainBroken] = _audit_chain
    out[TransitionRefused] = _transition_refused
    out[e.InvalidValue] = _coded(e.ValidationError)
    out[e.DomainConflict] = _coded(e.Conflict)
    out[e.DomainNotFound] = _coded(e.NotFound)
    out.update(archive_sentences())  # review archives: gui/archive/sentences.py
    out.update(import_sentences())  # import and export: gui/import_wizard/texts.py
    return out


def mapped_error_types() -> set[type[BaseException]]:
    """The exception types that have their own sentence (the coverage test reads this)."""
    return set(_sentences())


def is_expected(exc: BaseException) -> bool:
    """Whether ``exc`` has a sentence (a typed core error or a file error)."""
    return any(isinstance(exc, kind) for kind in _sentences())


def error_message(exc: BaseException, language: str | None = None) -> str:
    """One translated sentence for ``exc``; core's own message text is never shown.

    The most specific mapped class in the exception's MRO wins, so a new subclass still
    gets its parent's sentence until it is given its own.
    """
    table = _sentences()
    lang = language or current_language()
    for kind in type(exc).__mro__:
        fn = table.get(kind)
        if fn is not None:
            return fn(exc, lang)
    return QCoreApplication.translate("Errors", "Something unexpected went wrong.")


def scrubbed_details(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
) -> str:
    """Details to copy for a bug report: versions, the exception's type and where it
    happened (file, line, function) — no message text and no local values, either of
    which could hold a secret."""
    lines = [
        f"Brankas {__version__}",
        f"Python {platform.python_version()} / Qt {qVersion()} / PySide6 {pyside_version}",
        f"{platform.system()} {platform.release()} ({platform.machine()})",
        f"{exc_type.__module__}.{exc_type.__qualname__}",
    ]
    # Typed core errors promise messages without secrets; others may quote anything.
    if isinstance(exc, e.BrankasError):
        lines.append(f"core: {type(exc).__name__}")
    for frame in traceback.extract_tb(tb):
        # Keep the last two path parts: enough to find the file, no home folder names.
        short = "/".join(PurePath(frame.filename).parts[-2:])
        lines.append(f"  at {short}:{frame.lineno} in {frame.name}")
    cause = exc.__cause__ if exc is not None else None
    if cause is not None:
        lines.append(f"caused by {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)


class UnexpectedErrorDialog(QDialog):
    """Says something went wrong, in words, with scrubbed details one click away."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unexpectedErrorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = details
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Brankas ran into an unexpected problem. Work that was already saved is safe. "
                "If this happens again, copy the details below and send them to your IT staff; "
                "they contain no passwords or vault contents."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setObjectName("errorDetails")
        box.setMinimumHeight(140)
        layout.addWidget(box)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._copy)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _copy(self) -> None:
        # Plain copy: the details are not secret, so they need no clearing.
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class ExceptHook:
    """Routes uncaught exceptions to a dialog instead of a raw traceback on screen."""

    def __init__(self, show: Callable[[str], None]) -> None:
        """``show`` receives the scrubbed details and puts them in front of the user."""
        self._show = show
        self._previous: Callable[..., object] | None = None

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """The hook itself: log the scrubbed details, then show them."""
        details = scrubbed_details(exc_type, exc, tb)
        log.error("unexpected error\n%s", details)
        if issubclass(exc_type, KeyboardInterrupt):
            return
        try:
            self._show(details)
        except Exception:  # a failing error dialog must not recurse into itself
            log.exception("could not show the error dialog")

    def install(self) -> None:
        """Become ``sys.excepthook``."""
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        """Put the previous hook back."""
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None
