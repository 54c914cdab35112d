"""One entry point for the wizard: look at a file, read it with the right reader, find its
header and propose (or recall) a column mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from brankas.core.errors import ImportFileInvalid
from brankas.core.importers import bitwarden, keepass
from brankas.core.importers._xlsx import read_xlsx
from brankas.core.importers.header import find_header
from brankas.core.importers.mapping import propose_mapping, remembered_mapping
from brankas.core.importers.prepared import MappingOrigin, Prepared
from brankas.core.importers.sources import (
    DEFAULT_LIMITS,
    Limits,
    Progress,
    RawTable,
    SourceKind,
    read_csv,
)
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection

_ZIP: Final = b"PK\x03\x04"
_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KDBX: Final = b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5"
_KDB: Final = b"\x03\xd9\xa2\x9a\x65\xfb\x4b\xb5"
_ENCRYPTED_PACKAGE: Final = "EncryptedPackage".encode("utf-16-le")


def sniff(path: Path) -> SourceKind:
    """What a file is, from its first bytes (CSV variants are told apart after reading).

    Raises:
        ImportFileInvalid: ``file_unreadable``; ``xlsx_encrypted`` (a password-protected
            workbook: save it without a password), ``xls_legacy`` (an old .xls: save it
            as .xlsx), ``kdb_legacy`` (KeePass 1).
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 16)
    except OSError as exc:
        raise ImportFileInvalid("the file cannot be read", "file_unreadable") from exc
    if head.startswith(_ZIP):
        return SourceKind.XLSX
    if head.startswith(_OLE2):
        if _ENCRYPTED_PACKAGE in head or _encrypted_ole(path):
            raise ImportFileInvalid("the workbook is protected by a password", "xlsx_encrypted")
        raise ImportFileInvalid("old .xls workbooks are not supported", "xls_legacy")
    if head.startswith(_KDBX):
        return SourceKind.KDBX
    if head.startswith(_KDB):
        raise ImportFileInvalid("KeePass 1 databases are not supported", "kdb_legacy")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"{", b"[")):
        return SourceKind.BITWARDEN_JSON
    if text.startswith((b"<?xml", b"<KeePassFile")):
        return SourceKind.KEEPASS_XML
    return SourceKind.CSV


def _encrypted_ole(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return _ENCRYPTED_PACKAGE in fh.read(4 << 20)
    except OSError:
        return False


def prepare_table(table: RawTable, conn: Connection | None = None) -> Prepared:
    """Find the header of a spreadsheet table and map its columns.

    A mapping remembered in the vault for the same header layout wins over a proposal.
    """
    header = find_header(table)
    if conn is not None:
        remembered = remembered_mapping(conn, header.names)
        if remembered is not None:
            return Prepared(table, header, remembered, MappingOrigin.REMEMBERED)
    return Prepared(table, header, propose_mapping(header.names), MappingOrigin.PROPOSED)


def open_import(
    path: Path,
    *,
    sheet: str | None = None,
    password: Secret | None = None,
    conn: Connection | None = None,
    limits: Limits = DEFAULT_LIMITS,
    max_rows: int | None = None,
    progress: Progress | None = None,
) -> Prepared:
    """Read any supported file and prepare it for the preview.

    Args:
        path: an .xlsx, .csv (spreadsheet, KeePassXC or Bitwarden), Bitwarden .json,
            KeePass .xml or .kdbx file.
        sheet: the worksheet of an .xlsx (default: the first visible one).
        password: the .kdbx database password.
        conn: the vault connection, to recall the mapping used last time.
        limits: size limits.
        max_rows: read only this many rows (a quick first look at a spreadsheet; password
            manager exports are always read whole).
        progress: called every 1,000 rows of a spreadsheet.

    Raises:
        ImportFileInvalid, ImportTooLarge: the file cannot be imported; ``code`` says why
            (``kdbx_password_required`` when a .kdbx comes without its password).
    """
    kind = sniff(path)
    if kind is SourceKind.XLSX:
        table = read_xlsx(path, sheet=sheet, limits=limits, max_rows=max_rows, progress=progress)
        return prepare_table(table, conn)
    if kind is SourceKind.KDBX:
        if password is None:
            raise ImportFileInvalid("the database password is needed", "kdbx_password_required")
        return keepass.read_kdbx(path, password, limits=limits)
    if kind is SourceKind.BITWARDEN_JSON:
        return bitwarden.read_json(path, limits=limits)
    if kind is SourceKind.KEEPASS_XML:
        return keepass.read_xml(path, limits=limits)
    head = read_csv(path, limits=limits, max_rows=1)
    if keepass.is_keepass_csv(head):
        return keepass.prepare_csv(read_csv(path, limits=limits))
    if bitwarden.is_bitwarden_csv(head):
        return bitwarden.prepare_csv(read_csv(path, limits=limits))
    return prepare_table(read_csv(path, limits=limits, max_rows=max_rows, progress=progress), conn)
