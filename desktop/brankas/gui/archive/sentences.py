"""Translated sentences for archive errors and codes (registered in gui/errors.py's one table)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from brankas.core import errors as e

Sentence = Callable[[BaseException, str], str]


def code_sentences() -> dict[str, str]:
    """Sentences for the stable ``code`` of archive errors and of the InvalidValue /
    DomainNotFound the archive functions raise (checked before the class's sentence)."""
    return {
        # --- export refused (core/archive/export.py) ---
        "integrity_failed": QCoreApplication.translate(
            "ArchiveErrors",
            "The vault failed its integrity check, so it was not exported. Restore a backup "
            "or ask your IT staff for help.",
        ),
        "audit_broken": QCoreApplication.translate(
            "ArchiveErrors",
            "The audit log has been changed or damaged, so the vault was not exported. Check "
            "the audit log (Audit log → Verify chain) and ask your IT staff for help.",
        ),
        "not_regency": QCoreApplication.translate(
            "ArchiveErrors", "Only a regency's or city's vault exports review archives."
        ),
        "office_code_missing": QCoreApplication.translate(
            "ArchiveErrors",
            "The office code is not set. Set it in the office profile first; it names the "
            "archive and identifies this office to the province.",
        ),
        "no_terms": QCoreApplication.translate(
            "ArchiveErrors", "Choose at least one term to export."
        ),
        "no_province_key": QCoreApplication.translate(
            "ArchiveErrors",
            "The province's public key has not been imported yet. Import it in Settings "
            "(Review archive) after comparing its fingerprint with the province's letter.",
        ),
        "out_dir_missing": QCoreApplication.translate(
            "ArchiveErrors", "The output folder does not exist. Choose another folder."
        ),
        "too_many_recipients": QCoreApplication.translate(
            "ArchiveErrors", "Too many recipients for one archive."
        ),
        # --- replays (core/archive/verify.py) ---
        "already_imported": QCoreApplication.translate(
            "ArchiveErrors", "This archive was already imported."
        ),
        "older_than_imported": QCoreApplication.translate(
            "ArchiveErrors",
            "A newer archive from this regency's vault was already imported; this one is older.",
        ),
        # --- keys and review mode (core/archive/keys.py, review_mode.py) ---
        "recipient_invalid": QCoreApplication.translate(
            "ArchiveErrors",
            "This is not a valid province key. Paste the line that starts with age1, or choose "
            "the key file the province sent.",
        ),
        "reason_required": QCoreApplication.translate(
            "ArchiveErrors", "Give a reason; it is recorded in the audit log."
        ),
        "not_province": QCoreApplication.translate(
            "ArchiveErrors", "This can only be done in a province's vault."
        ),
        "secrets_not_included": QCoreApplication.translate(
            "ArchiveErrors",
            "This archive was exported without passwords (metadata only), so there is nothing "
            "to reveal.",
        ),
        "archive_account_not_found": QCoreApplication.translate(
            "ArchiveErrors", "That account is not in this archive."
        ),
    }


def _class_sentences() -> dict[type[BaseException], str]:
    return {
        e.ArchiveNotAuthentic: QCoreApplication.translate(
            "ArchiveErrors",
            "This archive is not authentic: its signature does not verify. Do not use it; ask "
            "the regency to send the archive again.",
        ),
        e.ArchiveTampered: QCoreApplication.translate(
            "ArchiveErrors",
            "This archive was changed after it was signed. Do not use it; ask the regency to "
            "send the archive again.",
        ),
        e.ArchiveNotForThisKey: QCoreApplication.translate(
            "ArchiveErrors",
            "This archive is not for this province's key, so it cannot be opened here. The "
            "regency may have used an old or wrong province key.",
        ),
        e.ArchiveMalformed: QCoreApplication.translate(
            "ArchiveErrors", "This file is not a valid Brankas archive, or it is damaged."
        ),
        e.ArchiveTooLarge: QCoreApplication.translate(
            "ArchiveErrors", "This archive, or a file inside it, is larger than Brankas accepts."
        ),
        e.ArchiveUnsupported: QCoreApplication.translate(
            "ArchiveErrors",
            "This archive was made by a newer version of Brankas. Update Brankas to open it.",
        ),
        e.ArchiveInconsistent: QCoreApplication.translate(
            "ArchiveErrors",
            "This archive contradicts its own signed description (its counts or its audit "
            "log). Ask the regency to export it again.",
        ),
        e.ArchiveReplayed: QCoreApplication.translate(
            "ArchiveErrors",
            "This archive, or a newer one from the same vault, was already imported.",
        ),
        e.ArchiveSignerChanged: QCoreApplication.translate(
            "ArchiveErrors",
            "This archive is signed with a different key than the one on record for this "
            "regency. An admin must confirm the new key, with a reason, before it is imported.",
        ),
        e.ArchiveSignerUnconfirmed: QCoreApplication.translate(
            "ArchiveErrors",
            "This is the first archive from this regency. Confirm its key fingerprint against "
            "the regency's letter before it is imported.",
        ),
        e.ExportRefused: QCoreApplication.translate(
            "ArchiveErrors", "The archive cannot be exported now."
        ),
        e.ArchiveError: QCoreApplication.translate("ArchiveErrors", "The archive was refused."),
    }


def _sentence(fallback: str) -> Sentence:
    def sentence(exc: BaseException, _language: str) -> str:
        return code_sentences().get(str(getattr(exc, "code", "")), fallback)

    return sentence


def archive_sentences() -> dict[type[BaseException], Sentence]:
    """Every archive error class with its sentence (a known ``code`` wins); gui/errors.py
    merges this into its table."""
    return {kind: _sentence(text) for kind, text in _class_sentences().items()}


def message(exc: BaseException) -> str:
    """The sentence for ``exc``: an archive code's own sentence first, else gui/errors.py's."""
    from brankas.gui.errors import error_message  # gui/errors.py imports this module

    text = code_sentences().get(str(getattr(exc, "code", "")))
    if text is not None and isinstance(exc, e.BrankasError):
        return text
    return error_message(exc)
