"""Import and export commands: ``import`` (spreadsheets, KeePassXC, Bitwarden) with a preview
of each row's problems and a dry run; ``export register`` and ``export secrets``."""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from typing import Any

from brankas.cli.common import CliError, Prompter, open_vault
from brankas.core.domain.enums import Severity
from brankas.core.errors import ImportFileInvalid, ImportTooLarge, PermissionDenied
from brankas.core.importers.apply import DuplicateChoice, ImportSummary, choices_for, run_import
from brankas.core.importers.detect import open_import, sniff
from brankas.core.importers.export import export_register, export_with_secrets
from brankas.core.importers.header import header_at
from brankas.core.importers.mapping import Field, propose_mapping
from brankas.core.importers.model import ImportOptions
from brankas.core.importers.prepared import Prepared
from brankas.core.importers.preview import Preview, build_preview
from brankas.core.importers.sources import SourceKind
from brankas.core.importers.vaultview import load_vault_view
from brankas.core.services.context import ServiceContext
from brankas.core.vault import operators

_DUPLICATES = {"skip": DuplicateChoice.SKIP, "update": DuplicateChoice.UPDATE, "keep": DuplicateChoice.KEEP_BOTH}  # fmt: skip
_LETTERS = re.compile(r"^[A-Z]{1,3}$")

# Why a file is refused (ImportFileInvalid.code); core's own text is never printed.
FILE_ERRORS = {
    "file_unreadable": "The file cannot be read.",
    "file_too_large": "The file is too large to import.",
    "too_many_rows": "The file has more rows than can be imported at once (100,000).",
    "too_many_columns": "A row has too many columns.",
    "cell_too_long": "A cell holds more text than a spreadsheet cell can.",
    "csv_encoding": "The text file's encoding is not recognised; save it as CSV UTF-8.",
    "csv_binary": "This is not a text (CSV) file.",
    "csv_malformed": "The CSV file is malformed (an unclosed quote?).",
    "xlsx_encrypted": "The workbook is protected by a password; save it without one.",
    "xls_legacy": "Old .xls workbooks are not supported; save it as .xlsx.",
    "ods_unsupported": "OpenDocument spreadsheets are not supported; save it as .xlsx.",
    "xlsx_malformed": "The workbook is damaged.",
    "xlsx_not_workbook": "This is not an Excel workbook.",
    "xlsx_no_sheet": "The workbook has no such sheet.",
    "kdb_legacy": "KeePass 1 databases are not supported; export it as CSV.",
    "kdbx_password_required": "The database password is needed.",
    "kdbx_unsupported": "Reading .kdbx files needs the pykeepass library.",
    "kdbx_wrong_password": "The database password is wrong - or the database also needs a key "
    "file or hardware key, which Brankas cannot use: export it from KeePassXC as CSV instead.",
    "kdbx_keyfile_unsupported": "This is a KeePass key file, not a database: choose the .kdbx "
    "file (key files are not supported; export such a database as CSV).",
    "kdbx_malformed": "The KeePass database is damaged.",
    "kdbx_kdf_too_costly": "The database's key settings would take minutes to open; "
    "export it from KeePassXC as CSV instead.",
    "keepass_xml_malformed": "The KeePass XML file is malformed.",
    "keepass_xml_protected": "The XML file holds encrypted values; export it again from KeePassXC.",
    "xml_doctype": "The XML file declares a DTD and was refused.",
    "bitwarden_encrypted": "The Bitwarden export is encrypted; export it again as unencrypted JSON.",
    "bitwarden_malformed": "The Bitwarden export is malformed.",
}
SECRETS_WARNING = (
    "WARNING: the file will hold every password, TOTP key, backup code and note in PLAIN "
    "TEXT. It is NOT encrypted: anyone who gets a copy can read them all. Prefer the "
    "encrypted review archive (.brankas). This export is recorded in the audit log."
)


# --- import -----------------------------------------------------------------------------------
def _with_mapping(prepared: Prepared, text: str) -> Prepared:
    try:
        wanted = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"--mapping is not valid JSON: {exc.msg}", 2) from exc
    if not isinstance(wanted, dict):
        raise CliError("--mapping must be a JSON object", 2)
    header = prepared.header
    mapping = prepared.mapping
    for column, field_name in wanted.items():
        if column in header.names:
            index = header.names.index(column)
        elif _LETTERS.match(str(column)):
            source = _letter_index(str(column))
            if source not in header.columns:
                raise CliError(f"--mapping: column {column} is empty", 2)
            index = header.columns.index(source)
        else:
            raise CliError(f"--mapping: no column named {column!r}", 2)
        try:
            mapping = mapping.with_field(index, Field(field_name))
        except ValueError as exc:
            raise CliError(f"--mapping: unknown field {field_name!r}", 2) from exc
    return prepared.with_mapping(mapping)


def _letter_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _at_header_row(prepared: Prepared, file_row: int) -> Prepared:
    table = prepared.table
    if file_row == 0:
        index = -1
    elif file_row in table.row_numbers:
        index = table.row_numbers.index(file_row)
    else:
        raise CliError(f"--header-row: row {file_row} is empty or not in the file", 2)
    header = header_at(table, index)
    return Prepared(table, header, propose_mapping(header.names), prepared.origin)


def _choices(preview: Preview, wanted: DuplicateChoice) -> dict[int, DuplicateChoice]:
    out: dict[int, DuplicateChoice] = {}
    for row in preview.rows:
        offered = choices_for(row)
        if not row.blocked and wanted in offered:
            out[row.index] = wanted
    return out


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "row": row.source_row,
        "platform": row.platform.value if row.platform else None,
        "handle": row.handle,
        "kecamatan_id": row.kecamatan_id,
        "kecamatan_new": row.kecamatan_new or None,
        "duplicate_of": row.duplicate_of,
        "blocked": row.blocked,
        "problems": [
            {"field": p.field, "code": p.code, "severity": p.severity.value} for p in row.problems
        ],
    }


def _summary_json(summary: ImportSummary) -> dict[str, Any]:
    return {
        "dry_run": summary.dry_run,
        "term_id": summary.term_id,
        "created": summary.created,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "skipped_duplicates": summary.skipped_duplicates,
        "skipped_errors": summary.skipped_errors,
        "ignored_rows": summary.ignored_rows,
        "kecamatan_created": list(summary.kecamatan_created),
        "kecamatan_attached": summary.kecamatan_attached,
        "row_warnings": [
            {"row": summary_row, "code": code} for summary_row, code in summary.row_warnings
        ],
    }


def _print_preview(preview: Preview) -> None:
    prepared = preview.prepared
    table = prepared.table
    where = f", sheet {table.sheet!r}" if table.sheet else ""
    print(f"{table.name}: {table.kind.value}{where}; mapping {prepared.origin.value}")
    for name, fld in zip(prepared.header.names, prepared.mapping.fields, strict=True):
        print(f"  {name} -> {fld.value}")
    notes = 0
    for row in preview.rows:
        shown = [p for p in row.problems if p.severity is not Severity.INFO]
        notes += len(row.problems) - len(shown)
        for p in shown:
            label = "error" if p.severity is Severity.ERROR else "warning"
            who = row.handle or "?"
            print(f"row {row.source_row} ({who}): {label} {p.code} [{p.field}]")
    counts = preview.counts()
    print(
        f"{counts['rows']} rows: {counts['ready']} ready, {counts['blocked']} with errors, "
        f"{counts['duplicates']} duplicates, {counts['ignored']} ignored; {notes} notes"
    )
    if preview.unknown_kecamatan:
        print("unknown kecamatan: " + ", ".join(preview.unknown_kecamatan))
    if preview.unknown_platforms:
        print("unknown platforms: " + ", ".join(preview.unknown_platforms))


def _print_summary(summary: ImportSummary) -> None:
    verb = "would be" if summary.dry_run else "were"
    print(
        f"{summary.created} accounts {verb} created, {summary.updated} updated "
        f"({summary.unchanged} unchanged); skipped: {summary.skipped_duplicates} duplicates, "
        f"{summary.skipped_errors} with errors"
    )
    if summary.kecamatan_created:
        print(f"kecamatan {verb} created: " + ", ".join(summary.kecamatan_created))
    for row, code in summary.row_warnings:
        print(f"note for preview row {row + 1}: {code}")
    if summary.dry_run:
        print("dry run: nothing was changed")


def cmd_import(args: argparse.Namespace) -> int:
    """brankas-cli import FILE --term N."""
    prompter = Prompter(args.password_stdin)
    try:
        kind = sniff(args.file)
    except ImportFileInvalid as exc:
        raise _file_error(exc) from exc
    with open_vault(args, prompter) as vault:
        ctx = ServiceContext(vault)
        password = None
        if kind is SourceKind.KDBX:
            password = prompter.password(f"Database password for {args.file.name}: ")
        try:
            prepared = open_import(args.file, sheet=args.sheet, password=password, conn=vault.conn)
        except ImportFileInvalid as exc:
            raise _file_error(exc) from exc
        finally:
            if password is not None:
                password.wipe()
        if args.header_row is not None:
            prepared = _at_header_row(prepared, args.header_row)
        if args.mapping:
            prepared = _with_mapping(prepared, args.mapping)
        options = ImportOptions(create_missing_kecamatan=args.create_kecamatan)
        preview = build_preview(prepared, load_vault_view(ctx, args.term), options)
        choices = _choices(preview, _DUPLICATES[args.duplicates])
        summary = run_import(ctx, preview, term_id=args.term, choices=choices, dry_run=args.dry_run)
    if args.json:
        table = preview.prepared.table
        out = {
            "file": table.name,
            "source": table.kind.value,
            "sheet": table.sheet or None,
            "mapping_origin": preview.prepared.origin.value,
            "mapping": dict(
                zip(
                    preview.prepared.header.names,
                    (f.value for f in preview.prepared.mapping.fields),
                    strict=True,
                )
            ),
            "counts": preview.counts(),
            "unknown_kecamatan": list(preview.unknown_kecamatan),
            "unknown_platforms": list(preview.unknown_platforms),
            "rows": [_row_json(r) for r in preview.rows],
            "summary": _summary_json(summary),
        }
        print(json.dumps(out, ensure_ascii=False))
    else:
        _print_preview(preview)
        _print_summary(summary)
    return 0


def _file_error(exc: ImportFileInvalid) -> CliError:
    text = FILE_ERRORS.get(exc.code, "The file cannot be imported.")
    if exc.row is not None:
        text = f"{text} (row {exc.row})"
    if isinstance(exc, ImportTooLarge) and exc.code == "too_many_rows":
        text = f"The file has more than {exc.limit:,} rows."
    return CliError(f"{text} [{exc.code}]", 10)


# --- export -----------------------------------------------------------------------------------
def cmd_export_register(args: argparse.Namespace) -> int:
    """brankas-cli export register FILE."""
    with open_vault(args) as vault:
        result = export_register(
            ServiceContext(vault), args.file, term_id=args.term, language=args.lang, fmt=args.format
        )
    print(f"{result.rows} accounts written to {result.path} ({result.format.value}, no secrets)")
    return 0


def cmd_export_secrets(args: argparse.Namespace) -> int:
    """brankas-cli export secrets FILE: warns, asks the password again, then writes."""
    prompter = Prompter(args.password_stdin)
    with open_vault(args, prompter) as vault:
        ctx = ServiceContext(vault)
        print(SECRETS_WARNING, file=sys.stderr)
        again = prompter.password("Type your password again to export the secrets: ")
        try:
            operators.verify_password(vault, again)
        except Exception:
            # The refusal is audited too (export_with_secrets records it and raises).
            with contextlib.suppress(PermissionDenied):
                export_with_secrets(ctx, args.file, confirmed=False, term_id=args.term)
            raise
        finally:
            again.wipe()
        result = export_with_secrets(
            ctx,
            args.file,
            confirmed=True,
            term_id=args.term,
            language=args.lang,
            fmt=args.format,
        )
    print(
        f"{result.rows} accounts WITH SECRETS written to {result.path} ({result.format.value}); "
        "the file is not encrypted: keep it safe and delete it when done"
    )
    return 0
