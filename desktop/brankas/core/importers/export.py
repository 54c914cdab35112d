"""Account registers as XLSX or CSV for office reports and evaluation meetings: without
secrets, or (only after the operator re-entered the password) with them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Final, NamedTuple

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import AccountStatus, LifecycleKind, Owner, Platform, TwoFactorMethod
from brankas.core.domain.models import Account
from brankas.core.domain.normalize import normalize_phone
from brankas.core.errors import ExportNotConfirmed, InvalidValue
from brankas.core.fsutil import atomic_write
from brankas.core.importers.xlsx_writer import XlsxColumn, XlsxValue, write_xlsx
from brankas.core.review.labels import PLATFORM_ORDER, platform_label, status_label
from brankas.core.services import accounts, custody, office, people, terms
from brankas.core.services._fields import wib_date
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import secrets as secrets_repo

__all__ = [
    "ExportFormat",
    "ExportResult",
    "export_register",
    "export_with_secrets",
    "register_table",
]


class ExportFormat(StrEnum):
    """The file formats a register can be written in."""

    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written."""

    path: Path
    format: ExportFormat
    rows: int
    with_secrets: bool


class _Spec(NamedTuple):
    key: str
    title_id: str
    title_en: str
    width: int


# The headers are ones the import mapping recognises, so a register can be read back.
_COLUMNS: Final = tuple(
    _Spec(*spec)
    for spec in (
        ("no", "No", "No", 6),
        ("kecamatan", "Kecamatan", "Kecamatan", 18),
        ("platform", "Platform", "Platform", 18),
        ("handle", "Akun", "Account", 28),
        ("url", "Link", "Link", 40),
        ("display_name", "Nama Tampilan", "Display Name", 24),
        ("status", "Status", "Status", 16),
        ("lifecycle", "Sifat Akun", "Lifecycle", 12),
        ("holder", "Pemegang", "Holder", 24),
        ("active_from", "Aktif Sejak", "Active From", 12),
        ("active_until", "Aktif Sampai", "Active Until", 12),
        ("activated_at", "Diaktifkan", "Activated", 12),
        ("deactivated_at", "Dinonaktifkan", "Deactivated", 13),
        ("recovery_email", "Email Pemulihan", "Recovery E-mail", 28),
        ("recovery_email_owner", "Pemilik Email", "Recovery E-mail Owner", 14),
        ("recovery_phone", "No HP Pemulihan", "Recovery Phone", 18),
        ("recovery_phone_owner", "Pemilik No HP", "Recovery Phone Owner", 14),
        ("twofa_method", "Metode 2FA", "2FA Method", 18),
        ("twofa_device_owner", "Pemilik Perangkat 2FA", "2FA Device Owner", 14),
        ("backup_codes_remaining", "Kode Cadangan Tersisa", "Backup Codes Remaining", 10),
        ("password_changed_at", "Sandi Diganti", "Password Changed", 12),
        ("term", "Masa Tugas", "Term", 18),
    )
)
_SECRET_COLUMNS: Final = tuple(
    _Spec(*spec)
    for spec in (
        ("password", "Kata Sandi", "Password", 22),
        ("totp", "Kunci TOTP", "TOTP Secret", 26),
        ("backup_codes", "Kode Cadangan", "Backup Codes", 26),
        ("notes", "Catatan", "Notes", 40),
    )
)
_OWNER: Final = {
    Owner.OFFICE: ("Kantor", "Office"),
    Owner.PERSON: ("Perorangan", "Person"),
    Owner.UNKNOWN: ("Belum diketahui", "Unknown"),
}
_LIFECYCLE: Final = {
    LifecycleKind.AD_HOC: ("Ad hoc", "Ad hoc"),
    LifecycleKind.PERMANENT: ("Permanen", "Permanent"),
}
_TWOFA: Final = {
    TwoFactorMethod.NONE: ("Tidak ada", "None"),
    TwoFactorMethod.TOTP: ("Aplikasi autentikator", "Authenticator app"),
    TwoFactorMethod.SMS: ("SMS", "SMS"),
    TwoFactorMethod.EMAIL: ("Email", "E-mail"),
    TwoFactorMethod.SECURITY_KEY: ("Kunci keamanan", "Security key"),
}
_CSV_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")


def _pick(labels: tuple[str, str], language: str) -> str:
    return labels[1] if language == "en" else labels[0]


def _phone(number: str) -> str:
    try:
        return normalize_phone(number).display if number else ""
    except InvalidValue:
        return number


def _day(moment: datetime | None) -> XlsxValue:
    return wib_date(moment) if moment is not None else None


@dataclass(frozen=True, slots=True)
class RegisterTable:
    """A register as values: ``secret_columns`` trailing columns hold secrets."""

    columns: tuple[XlsxColumn, ...]
    rows: list[list[XlsxValue]]
    secret_columns: int = 0


def register_table(
    ctx: ServiceContext,
    *,
    term_id: int | None = None,
    language: str = "id",
    secrets: Callable[[int], Sequence[str]] | None = None,
) -> RegisterTable:
    """The register's rows, sorted by kecamatan, platform and handle (nothing written).

    Args:
        ctx: the service context.
        term_id: only this term's accounts (default: all).
        language: "id" or "en" headers and labels.
        secrets: for the export with secrets only: account id → its secret columns.

    Raises:
        ValueError: an unknown language.
    """
    if language not in ("id", "en"):
        raise ValueError("language must be 'id' or 'en'")
    lang = 1 if language == "en" else 0
    kec = {k.id: k.name for k in office.list_kecamatan(ctx)}
    term_names = {t.id: t.name for t in terms.list_terms(ctx)}
    names = {p.id: p.name for p in people.list_people(ctx)}
    found = accounts.list_accounts(ctx, term_id=term_id)
    holders = custody.current_holders(ctx, [a.id for a in found] if term_id else None)
    office_label = _pick(_OWNER[Owner.OFFICE], language)
    platform_names: Mapping[Platform, str] = {p: platform_label(p, language) for p in Platform}
    status_names: Mapping[AccountStatus, str] = {
        s: status_label(s, language) for s in AccountStatus
    }

    def sort_key(a: Account) -> tuple[int, str, int, str]:
        name = kec.get(a.kecamatan_id, "") if a.kecamatan_id is not None else ""
        return (0 if name else 1, name.casefold(), PLATFORM_ORDER[a.platform], a.handle.casefold())

    rows: list[list[XlsxValue]] = []
    for number, a in enumerate(sorted(found, key=sort_key), start=1):
        holder = holders.get(a.id)
        person = holder.person_id if holder is not None else None
        row: list[XlsxValue] = [
            number,
            kec.get(a.kecamatan_id, "") if a.kecamatan_id is not None else "",
            platform_names[a.platform],
            a.handle,
            a.url,
            a.display_name,
            status_names[a.status],
            _LIFECYCLE[a.lifecycle_kind][lang],
            names.get(person, "") if person is not None else office_label,
            a.active_from,
            a.active_until,
            _day(a.activated_at),
            _day(a.deactivated_at),
            a.recovery_email,
            _OWNER[a.recovery_email_owner][lang] if a.recovery_email else "",
            _phone(a.recovery_phone),
            _OWNER[a.recovery_phone_owner][lang] if a.recovery_phone else "",
            _TWOFA[a.twofa_method][lang],
            _OWNER[a.twofa_device_owner][lang]
            if a.twofa_method is not TwoFactorMethod.NONE
            else "",
            a.backup_codes_remaining,
            _day(a.password_changed_at),
            term_names.get(a.term_id, "") if a.term_id is not None else "",
        ]
        if secrets is not None:
            row.extend(secrets(a.id))
        rows.append(row)
    specs = _COLUMNS + (_SECRET_COLUMNS if secrets is not None else ())
    columns = tuple(XlsxColumn(s.title_en if lang else s.title_id, s.width) for s in specs)
    return RegisterTable(columns, rows, len(_SECRET_COLUMNS) if secrets is not None else 0)


def _csv_bytes(table: RegisterTable, delimiter: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.title for c in table.columns])
    plain = len(table.columns) - table.secret_columns
    for row in table.rows:
        out: list[str] = []
        for i, value in enumerate(row):
            text = (
                ""
                if value is None
                else value.isoformat()
                if hasattr(value, "isoformat")
                else str(value)
            )
            # Spreadsheet formula injection: a text cell opened by Excel must not run.
            # Secret columns are written exactly (the import reads them back unchanged).
            if i < plain and isinstance(value, str) and text.startswith(_CSV_FORMULA):
                text = "'" + text
            out.append(text)
        writer.writerow(out)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def _format(path: Path, fmt: ExportFormat | str | None) -> ExportFormat:
    if fmt is not None:
        return ExportFormat(fmt)
    return ExportFormat.CSV if path.suffix.lower() == ".csv" else ExportFormat.XLSX


def _write(
    ctx: ServiceContext,
    path: Path,
    table: RegisterTable,
    fmt: ExportFormat,
    delimiter: str,
    sheet: str,
) -> None:
    if fmt is ExportFormat.CSV:
        data = _csv_bytes(table, delimiter)
    else:
        data = write_xlsx(table.columns, table.rows, sheet_name=sheet, created=ctx.now())
    atomic_write(path, data)


def _audit(ctx: ServiceContext, term_id: int | None, detail: dict[str, Any]) -> None:
    with ctx.tx():
        ctx.audit(AuditKind.EXPORT, f"term:{term_id}" if term_id is not None else "", detail)


def export_register(
    ctx: ServiceContext,
    path: Path,
    *,
    term_id: int | None = None,
    language: str = "id",
    fmt: ExportFormat | str | None = None,
    delimiter: str = ",",
) -> ExportResult:
    """Write the account register without any secret, and record an EXPORT audit event.

    Columns: kecamatan, platform, account, link, display name, status, lifecycle, holder,
    active period, activation/deactivation dates, recovery e-mail and phone with their
    owners, 2FA method and device owner, backup codes left, last password change, term.
    The XLSX has a styled, frozen header row with filters; the CSV is UTF-8 with a BOM.

    Args:
        ctx: the service context.
        path: where to write (owner-only permissions, replaced atomically).
        term_id: only this term's accounts (default: all).
        language: "id" or "en".
        fmt: XLSX or CSV (default: from the file name's suffix, else XLSX).
        delimiter: the CSV delimiter.

    Returns:
        What was written.

    Raises:
        ValueError: an unknown language or format.
        DiskFull, VaultReadOnly: the file could not be written.
    """
    form = _format(path, fmt)
    table = register_table(ctx, term_id=term_id, language=language)
    _write(ctx, path, table, form, delimiter, "Register" if language == "en" else "Daftar Akun")
    detail = {"what": "register", "format": form.value, "rows": len(table.rows), "secrets": False}
    _audit(ctx, term_id, {**detail, "file": path.name})
    return ExportResult(path, form, len(table.rows), with_secrets=False)


def export_with_secrets(
    ctx: ServiceContext,
    path: Path,
    *,
    confirmed: bool,
    term_id: int | None = None,
    language: str = "id",
    fmt: ExportFormat | str | None = None,
    delimiter: str = ",",
) -> ExportResult:
    """Write the register with passwords, TOTP keys, backup codes and notes (not encrypted).

    The GUI must re-verify the operator's password, say plainly that the file is not
    encrypted and offer the encrypted archive instead; ``confirmed`` is the result of that
    check. Both a refused and a done export are audited (the file name and row count,
    never a value).

    Args:
        ctx: the service context.
        path: where to write (owner-only permissions, replaced atomically).
        confirmed: True only after the operator's password was re-entered and verified.
        term_id, language, fmt, delimiter: as for :func:`export_register`.

    Returns:
        What was written.

    Raises:
        ExportNotConfirmed: ``confirmed`` is False (nothing is written).
        ValueError: an unknown language or format.
        DiskFull, VaultReadOnly: the file could not be written.
    """
    form = _format(path, fmt)
    detail: dict[str, Any] = {"what": "register", "format": form.value, "secrets": True}
    if not confirmed:
        _audit(ctx, term_id, {**detail, "confirmed": False, "file": path.name})
        raise ExportNotConfirmed("exporting secrets needs the operator password re-entered")

    def secret_values(account_id: int) -> list[str]:
        s = secrets_repo.get_secrets(ctx.conn, account_id)
        return [
            x.reveal() if x else "" for x in (s.password, s.totp_secret, s.backup_codes, s.notes)
        ]

    table = register_table(ctx, term_id=term_id, language=language, secrets=secret_values)
    sheet = "Register with secrets" if language == "en" else "Daftar Akun dan Sandi"
    _write(ctx, path, table, form, delimiter, sheet)
    _audit(
        ctx,
        term_id,
        {**detail, "confirmed": True, "rows": len(table.rows), "file": path.name},
    )
    return ExportResult(path, form, len(table.rows), with_secrets=True)
