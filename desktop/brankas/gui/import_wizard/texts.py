"""Translated words for import and export: column fields, row problems (by code), why a
file is refused, and what the summary notes mean."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from brankas.core.domain.enums import Severity
from brankas.core.errors import ExportNotConfirmed, ImportFileInvalid, ImportTooLarge
from brankas.core.importers.apply import DuplicateChoice
from brankas.core.importers.mapping import Field


def field_label(field: Field | str) -> str:
    """What a column holds, as the mapping table offers it."""
    labels = {
        Field.KECAMATAN: QCoreApplication.translate("ImportTexts", "Kecamatan"),
        Field.PLATFORM: QCoreApplication.translate("ImportTexts", "Platform"),
        Field.HANDLE: QCoreApplication.translate("ImportTexts", "Account (username)"),
        Field.PASSWORD: QCoreApplication.translate("ImportTexts", "Password"),
        Field.RECOVERY_EMAIL: QCoreApplication.translate("ImportTexts", "Recovery e-mail"),
        Field.RECOVERY_PHONE: QCoreApplication.translate("ImportTexts", "Recovery phone"),
        Field.URL: QCoreApplication.translate("ImportTexts", "Link (URL)"),
        Field.NOTES: QCoreApplication.translate("ImportTexts", "Notes"),
        Field.HOLDER: QCoreApplication.translate("ImportTexts", "Holder"),
        Field.DISPLAY_NAME: QCoreApplication.translate("ImportTexts", "Display name"),
        Field.TITLE: QCoreApplication.translate("ImportTexts", "Entry title (kept in the notes)"),
        Field.TOTP: QCoreApplication.translate("ImportTexts", "Authenticator (TOTP) key"),
        Field.BACKUP_CODES: QCoreApplication.translate("ImportTexts", "Backup codes"),
        Field.ACTIVE_FROM: QCoreApplication.translate("ImportTexts", "Active from"),
        Field.ACTIVE_UNTIL: QCoreApplication.translate("ImportTexts", "Active until"),
        Field.ROW_NUMBER: QCoreApplication.translate("ImportTexts", "Row number (left out)"),
        Field.EXTRA: QCoreApplication.translate("ImportTexts", "Other (kept in the notes)"),
        Field.IGNORE: QCoreApplication.translate("ImportTexts", "Leave out"),
    }
    try:
        return labels[Field(str(field))]
    except ValueError:
        return (
            QCoreApplication.translate("ImportTexts", "Whole row")
            if str(field) == "row"
            else str(field)
        )


def severity_label(severity: Severity) -> str:
    """Error / warning / note."""
    if severity is Severity.ERROR:
        return QCoreApplication.translate("ImportTexts", "Error")
    if severity is Severity.WARNING:
        return QCoreApplication.translate("ImportTexts", "Warning")
    return QCoreApplication.translate("ImportTexts", "Note")


def choice_label(choice: DuplicateChoice) -> str:
    """What to do with a row whose account already exists."""
    if choice is DuplicateChoice.UPDATE:
        return QCoreApplication.translate("ImportTexts", "Update the existing account")
    if choice is DuplicateChoice.KEEP_BOTH:
        return QCoreApplication.translate("ImportTexts", "Add as another account")
    return QCoreApplication.translate("ImportTexts", "Skip")


def problem_sentences() -> dict[str, str]:
    """One sentence per row problem code (see ``core.importers.preview``)."""
    return {
        # kecamatan
        "kecamatan_missing": QCoreApplication.translate(
            "ImportTexts", "No kecamatan is given; the account is added without one."
        ),
        "kecamatan_unknown": QCoreApplication.translate(
            "ImportTexts",
            "This kecamatan is not in the vault. Choose which kecamatan it means, or let the "
            "import create it.",
        ),
        "kecamatan_new": QCoreApplication.translate(
            "ImportTexts", "This kecamatan will be created."
        ),
        "kecamatan_retired": QCoreApplication.translate(
            "ImportTexts", "This kecamatan is retired; accounts cannot be added to it."
        ),
        "kecamatan_filled_down": QCoreApplication.translate(
            "ImportTexts", "The kecamatan is taken from the rows above."
        ),
        # platform
        "platform_missing": QCoreApplication.translate(
            "ImportTexts", "The platform cannot be told from the row. Choose a default."
        ),
        "platform_unknown": QCoreApplication.translate(
            "ImportTexts", "This platform is not known. Choose which platform it means."
        ),
        "platform_guessed": QCoreApplication.translate(
            "ImportTexts", "The platform was recognised from the link or the account."
        ),
        # account, link
        "handle_missing": QCoreApplication.translate(
            "ImportTexts", "The row has no account name or link."
        ),
        "handle_from_url": QCoreApplication.translate(
            "ImportTexts", "The account is taken from the link; the name given is in the notes."
        ),
        "url_mismatch": QCoreApplication.translate(
            "ImportTexts", "The link points to another account; it is kept in the notes."
        ),
        "handle_empty": QCoreApplication.translate(
            "ImportTexts", "The row has no account name or link."
        ),
        "handle_invalid_chars": QCoreApplication.translate(
            "ImportTexts", "The account name has characters this platform does not allow."
        ),
        "handle_too_short": QCoreApplication.translate(
            "ImportTexts", "The account name is too short."
        ),
        "handle_too_long": QCoreApplication.translate(
            "ImportTexts", "The account name is too long."
        ),
        "handle_dot_position": QCoreApplication.translate(
            "ImportTexts", "The account name cannot start or end with a dot."
        ),
        "handle_double_dot": QCoreApplication.translate(
            "ImportTexts", "The account name cannot have two dots in a row."
        ),
        "handle_reserved": QCoreApplication.translate(
            "ImportTexts", "This name is reserved by the platform."
        ),
        "handle_invalid": QCoreApplication.translate(
            "ImportTexts", "The account name is not valid for this platform."
        ),
        "url_malformed": QCoreApplication.translate(
            "ImportTexts", "The link is not a valid web address."
        ),
        "url_wrong_site": QCoreApplication.translate(
            "ImportTexts", "The link belongs to another site than the platform."
        ),
        "url_not_profile": QCoreApplication.translate(
            "ImportTexts", "The link does not point to a profile or page."
        ),
        "url_share_link": QCoreApplication.translate(
            "ImportTexts", "The link is a share link, not the account's address."
        ),
        "url_short_link": QCoreApplication.translate(
            "ImportTexts", "Shortened links cannot be followed; paste the full address."
        ),
        "url_facebook_group": QCoreApplication.translate(
            "ImportTexts", "The link is a Facebook group, not a Page."
        ),
        "email_empty": QCoreApplication.translate("ImportTexts", "The e-mail address is empty."),
        "email_missing_at": QCoreApplication.translate(
            "ImportTexts", "The e-mail address has no @."
        ),
        "email_bad_local": QCoreApplication.translate(
            "ImportTexts", "The part before @ of the e-mail address is not valid."
        ),
        "email_bad_domain": QCoreApplication.translate(
            "ImportTexts", "The domain of the e-mail address is not valid."
        ),
        "email_too_long": QCoreApplication.translate(
            "ImportTexts", "The e-mail address is too long."
        ),
        "phone_empty": QCoreApplication.translate("ImportTexts", "The phone number is empty."),
        "phone_invalid_chars": QCoreApplication.translate(
            "ImportTexts", "The phone number has characters that are not digits."
        ),
        "phone_too_short": QCoreApplication.translate(
            "ImportTexts", "The phone number is too short."
        ),
        "phone_too_long": QCoreApplication.translate(
            "ImportTexts", "The phone number is too long."
        ),
        "phone_bad_prefix": QCoreApplication.translate(
            "ImportTexts", "The phone number does not start like an Indonesian number."
        ),
        "phone_bad_country": QCoreApplication.translate(
            "ImportTexts", "Only Indonesian phone numbers (+62) are accepted."
        ),
        "phone_landline": QCoreApplication.translate(
            "ImportTexts", "This is a landline number: it cannot receive SMS codes."
        ),
        # password
        "password_missing": QCoreApplication.translate("ImportTexts", "No password is given."),
        "password_was_number": QCoreApplication.translate(
            "ImportTexts",
            "The spreadsheet stored the password as a number; check that it was not changed "
            "(leading zeros, rounding).",
        ),
        "password_was_boolean": QCoreApplication.translate(
            "ImportTexts", "The spreadsheet turned the password into TRUE or FALSE."
        ),
        "password_was_date": QCoreApplication.translate(
            "ImportTexts",
            "The spreadsheet turned the password into a date, so it is lost; it is left out.",
        ),
        "password_edge_whitespace": QCoreApplication.translate(
            "ImportTexts", "The password starts or ends with a space; kept as is."
        ),
        # recovery, 2FA, dates
        "email_invalid": QCoreApplication.translate(
            "ImportTexts", "The recovery e-mail is not valid; it is kept in the notes."
        ),
        "phone_repaired": QCoreApplication.translate(
            "ImportTexts", "The spreadsheet dropped the leading 0 of the phone number; repaired."
        ),
        "phone_rounded": QCoreApplication.translate(
            "ImportTexts",
            "The spreadsheet rounded the phone number (shown like 8.12E+10); check it.",
        ),
        "phone_invalid": QCoreApplication.translate(
            "ImportTexts", "The recovery phone number is not valid; it is kept in the notes."
        ),
        "totp_invalid": QCoreApplication.translate(
            "ImportTexts", "The authenticator key is not valid; it is kept in the notes."
        ),
        "date_invalid": QCoreApplication.translate(
            "ImportTexts", "This is not a valid date; it is kept in the notes."
        ),
        "active_period_invalid": QCoreApplication.translate(
            "ImportTexts", "The active period ends before it starts; the term's period is used."
        ),
        "formula_no_value": QCoreApplication.translate(
            "ImportTexts",
            "This cell is a formula whose result was never saved. Open the file in Excel, "
            "save it, and import it again.",
        ),
        "holder_in_notes": QCoreApplication.translate(
            "ImportTexts", "The holder is kept in the notes (record the handover later)."
        ),
        # whole row
        "duplicate_existing": QCoreApplication.translate(
            "ImportTexts", "This account is already in the vault (same platform and name)."
        ),
        "duplicate_in_file": QCoreApplication.translate(
            "ImportTexts", "This account appears earlier in the file."
        ),
        # after the import (ImportSummary.row_warnings)
        "recovery_email_personal": QCoreApplication.translate(
            "ImportTexts", "The recovery e-mail belongs to a person, not the office."
        ),
        "recovery_email_free_provider": QCoreApplication.translate(
            "ImportTexts",
            "The recovery e-mail is a free personal mailbox; an office address is safer.",
        ),
        "recovery_phone_personal": QCoreApplication.translate(
            "ImportTexts", "The recovery phone belongs to a person, not the office."
        ),
        "recovery_phone_landline": QCoreApplication.translate(
            "ImportTexts", "The recovery phone is a landline: it cannot receive SMS."
        ),
        "twofa_device_personal": QCoreApplication.translate(
            "ImportTexts", "The authenticator is on a person's own phone."
        ),
    }


def problem_text(code: str) -> str:
    """The sentence for a problem code (the code itself when it has none)."""
    return problem_sentences().get(code, code)


def file_error_text(exc: ImportFileInvalid) -> str:
    """Why a file cannot be imported, as one sentence."""
    texts = {
        "file_unreadable": QCoreApplication.translate(
            "ImportTexts",
            "The file cannot be read. Check that it still exists and is not open elsewhere.",
        ),
        "file_too_large": QCoreApplication.translate(
            "ImportTexts", "The file is too large to import (over 64 MB)."
        ),
        "too_many_rows": QCoreApplication.translate(
            "ImportTexts", "The file has more than {limit} rows. Split it into smaller files."
        ),
        "too_many_columns": QCoreApplication.translate(
            "ImportTexts", "Row {row} has more than {limit} columns."
        ),
        "cell_too_long": QCoreApplication.translate(
            "ImportTexts", "A cell in row {row} holds more text than a spreadsheet cell can."
        ),
        "csv_encoding": QCoreApplication.translate(
            "ImportTexts",
            "The text encoding of this file is not recognised. Save it as “CSV UTF-8”.",
        ),
        "csv_binary": QCoreApplication.translate("ImportTexts", "This is not a text (CSV) file."),
        "csv_malformed": QCoreApplication.translate(
            "ImportTexts",
            "The CSV file is malformed near row {row} (a quote that is never closed?).",
        ),
        "xlsx_encrypted": QCoreApplication.translate(
            "ImportTexts",
            "The workbook is protected by a password. Save a copy without the password and import that.",
        ),
        "xls_legacy": QCoreApplication.translate(
            "ImportTexts",
            "Old .xls workbooks cannot be read. Open it in Excel and save it as .xlsx.",
        ),
        "ods_unsupported": QCoreApplication.translate(
            "ImportTexts", "OpenDocument spreadsheets cannot be read. Save it as .xlsx."
        ),
        "xlsx_malformed": QCoreApplication.translate("ImportTexts", "The workbook is damaged."),
        "xlsx_not_workbook": QCoreApplication.translate(
            "ImportTexts", "This is not an Excel workbook."
        ),
        "xlsx_no_sheet": QCoreApplication.translate(
            "ImportTexts", "The workbook has no such sheet."
        ),
        "kdb_legacy": QCoreApplication.translate(
            "ImportTexts", "KeePass 1 databases cannot be read. Export it as CSV and import that."
        ),
        "kdbx_password_required": QCoreApplication.translate(
            "ImportTexts", "Type the password of the KeePass database."
        ),
        "kdbx_unsupported": QCoreApplication.translate(
            "ImportTexts",
            "Reading KeePass databases is not available in this installation. Export the database from KeePassXC as CSV.",
        ),
        "kdbx_wrong_password": QCoreApplication.translate(
            "ImportTexts",
            "The database password is wrong. If the database also needs a key file or a "
            "hardware key, Brankas cannot open it: in KeePassXC choose Database → Export → "
            "CSV and import that file.",
        ),
        "kdbx_keyfile_unsupported": QCoreApplication.translate(
            "ImportTexts",
            "This is a KeePass key file, not a database. Choose the .kdbx file; databases "
            "that need a key file must be exported from KeePassXC as CSV.",
        ),
        "kdbx_malformed": QCoreApplication.translate(
            "ImportTexts", "The KeePass database is damaged."
        ),
        "kdbx_kdf_too_costly": QCoreApplication.translate(
            "ImportTexts",
            "This database's security settings would take minutes to open here. Export it "
            "from KeePassXC as CSV and import that file.",
        ),
        "keepass_xml_malformed": QCoreApplication.translate(
            "ImportTexts", "The KeePass XML file is damaged or not a KeePass export."
        ),
        "keepass_xml_protected": QCoreApplication.translate(
            "ImportTexts",
            "The XML file holds encrypted values. Export it again from KeePassXC (Database → Export → XML).",
        ),
        "xml_doctype": QCoreApplication.translate(
            "ImportTexts", "The XML file was refused because it declares a DTD."
        ),
        "bitwarden_encrypted": QCoreApplication.translate(
            "ImportTexts",
            "This Bitwarden export is encrypted. Export it again as “.json” (not “.json (Encrypted)”).",
        ),
        "bitwarden_malformed": QCoreApplication.translate(
            "ImportTexts", "The Bitwarden export is damaged or not a Bitwarden export."
        ),
    }
    text = texts.get(
        exc.code, QCoreApplication.translate("ImportTexts", "This file cannot be imported.")
    )
    limit = exc.limit if isinstance(exc, ImportTooLarge) else 0
    return text.format(limit=f"{limit:,}".replace(",", "."), row=exc.row or "?")


def _file_sentence(exc: BaseException, _language: str) -> str:
    assert isinstance(exc, ImportFileInvalid)
    return file_error_text(exc)


def _export_not_confirmed(_exc: BaseException, _language: str) -> str:
    return QCoreApplication.translate(
        "ImportTexts",
        "Exporting the secrets needs your password typed again. Nothing was written.",
    )


def import_sentences() -> dict[type[BaseException], Callable[[BaseException, str], str]]:
    """Sentences for the import and export errors, for ``gui.errors``."""
    return {
        ImportFileInvalid: _file_sentence,
        ImportTooLarge: _file_sentence,
        ExportNotConfirmed: _export_not_confirmed,
    }
