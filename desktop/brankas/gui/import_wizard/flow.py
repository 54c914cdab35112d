"""Import wizard: its pages, what comes next and the choices made so far. Pure (no Qt)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Final

from brankas.core.domain.enums import LifecycleKind, Platform
from brankas.core.importers.apply import DuplicateChoice, ImportSummary, choices_for
from brankas.core.importers.header import SCAN_ROWS, header_at
from brankas.core.importers.mapping import Field, propose_mapping
from brankas.core.importers.model import ImportOptions
from brankas.core.importers.prepared import MappingOrigin, Prepared
from brankas.core.importers.preview import Preview
from brankas.core.importers.sources import RawTable, SourceKind
from brankas.core.importers.values import clean_text, platform_key

NO_HEADER: Final = -1
SAMPLE_ROWS: Final = 3
QUICK_ROWS: Final = 200  # a first look at a spreadsheet, while the rest is read
_ROW_TEXT_CHARS: Final = 80


class Page(IntEnum):
    """The wizard's pages in order; values are QWizard page ids."""

    TERM = 0
    FILE = 1
    MAPPING = 2
    PREVIEW = 3
    DRY_RUN = 4
    IMPORT = 5


def next_page(page: Page) -> Page | None:
    """The page after ``page`` (None after the last)."""
    return Page(page + 1) if page < Page.IMPORT else None


def can_go_back(page: Page) -> bool:
    """Once the import ran there is nothing to go back to."""
    return page is not Page.IMPORT


def needs_password(kind: SourceKind | None) -> bool:
    """A .kdbx is opened with its database password."""
    return kind is SourceKind.KDBX


def has_sheets(kind: SourceKind | None) -> bool:
    """An .xlsx has sheets to choose from."""
    return kind is SourceKind.XLSX


def mapping_complete(prepared: Prepared | None) -> bool:
    """A mapping is usable when some column says which account a row is."""
    if prepared is None:
        return False
    return any(f in (Field.HANDLE, Field.URL) for f in prepared.mapping.fields)


@dataclass(frozen=True, slots=True)
class HeaderChoice:
    """A row the user may pick as the header (``index`` as for ``header_at``)."""

    index: int
    file_row: int
    text: str


def header_choices(prepared: Prepared) -> list[HeaderChoice]:
    """ "No header row" and the first rows of the file, each with its text in short."""
    table = prepared.table
    out = [HeaderChoice(NO_HEADER, 0, "")]
    for index, row in enumerate(table.rows[:SCAN_ROWS]):
        text = " | ".join(t for t in (clean_text(v) for v in row) if t)
        if len(text) > _ROW_TEXT_CHARS:
            text = text[: _ROW_TEXT_CHARS - 1] + "…"
        out.append(HeaderChoice(index, table.row_numbers[index], text))
    return out


def with_header_row(prepared: Prepared, index: int) -> Prepared:
    """The file read with another header row, its columns mapped afresh."""
    header = header_at(prepared.table, index)
    return Prepared(prepared.table, header, propose_mapping(header.names), MappingOrigin.EDITED)


def with_full_table(prepared: Prepared, table: RawTable) -> Prepared:
    """The first look at a file replaced by the whole file: same header row; the columns'
    fields kept by name (columns seen only further down get a proposal)."""
    header = header_at(table, prepared.header.row, guessed=prepared.header.guessed)
    if header.names == prepared.header.names:
        return Prepared(table, header, prepared.mapping, prepared.origin)
    chosen = dict(zip(prepared.mapping.names, prepared.mapping.fields, strict=True))
    mapping = propose_mapping(header.names)
    for column, name in enumerate(header.names):
        if name in chosen:
            mapping = mapping.with_field(column, chosen[name])
    return Prepared(table, header, mapping, prepared.origin)


def samples(prepared: Prepared, column: int) -> list[str]:
    """The first values below the header in one column (never of a password column)."""
    if prepared.mapping.fields[column] in (Field.PASSWORD, Field.TOTP, Field.BACKUP_CODES):
        return []
    source = prepared.header.columns[column]
    out: list[str] = []
    for row in prepared.table.rows[prepared.header.first_data_row :]:
        text = clean_text(row[source]) if source < len(row) else ""
        if text:
            out.append(text)
        if len(out) >= SAMPLE_ROWS:
            break
    return out


@dataclass
class ImportState:
    """Everything chosen so far. Holds secrets (in the preview) until :meth:`forget`."""

    term_id: int | None = None
    path: Path | None = None
    kind: SourceKind | None = None
    sheet: str | None = None
    prepared: Prepared | None = None
    options: ImportOptions = field(default_factory=ImportOptions)
    default_choice: DuplicateChoice = DuplicateChoice.SKIP
    row_choices: dict[int, DuplicateChoice] = field(default_factory=dict)
    preview: Preview | None = None
    dry_run: ImportSummary | None = None
    summary: ImportSummary | None = None
    table_error: str = ""  # why the whole file could not be read after a first look

    @property
    def reading(self) -> bool:
        """Only the first rows are read so far."""
        return self.prepared is not None and not self.prepared.table.complete

    def complete_table(self, table: RawTable) -> None:
        """The whole file arrived: the choices made on the first look stay."""
        if self.prepared is None:
            return
        self.prepared = with_full_table(self.prepared, table)
        choices = dict(self.row_choices)
        self.set_preview(None)
        self.row_choices = choices

    def set_file(self, path: Path | None, kind: SourceKind | None, sheet: str | None) -> None:
        """A new file (or sheet): everything read from the old one goes."""
        if (path, kind, sheet) != (self.path, self.kind, self.sheet):
            self.path, self.kind, self.sheet = path, kind, sheet
            self.set_prepared(None)

    def set_prepared(self, prepared: Prepared | None) -> None:
        """The file as read (or re-mapped): the preview and its choices must be rebuilt."""
        self.prepared = prepared
        if prepared is None:
            self.table_error = ""
        self.options = ImportOptions(
            create_missing_kecamatan=self.options.create_missing_kecamatan,
            lifecycle_kind=self.options.lifecycle_kind,
        )
        self.set_preview(None)

    def set_preview(self, preview: Preview | None) -> None:
        """A new preview; per-row choices that no longer apply are dropped."""
        self.preview = preview
        self.dry_run = None
        if preview is None:
            self.row_choices = {}
            return
        self.row_choices = {
            i: c
            for i, c in self.row_choices.items()
            if i < len(preview.rows) and c in choices_for(preview.rows[i])
        }

    def choice_for(self, index: int) -> DuplicateChoice | None:
        """What happens to a duplicate row (None: the row is no duplicate or is blocked)."""
        if self.preview is None or not 0 <= index < len(self.preview.rows):
            return None
        row = self.preview.rows[index]
        offered = choices_for(row)
        if not offered or row.blocked:
            return None
        chosen = self.row_choices.get(index, self.default_choice)
        return chosen if chosen in offered else offered[0]

    def choices(self) -> dict[int, DuplicateChoice]:
        """The duplicate choices for ``run_import``."""
        if self.preview is None:
            return {}
        out: dict[int, DuplicateChoice] = {}
        for row in self.preview.rows:
            chosen = self.choice_for(row.index)
            if chosen is not None:
                out[row.index] = chosen
        return out

    def with_options(self, **changes: object) -> ImportOptions:
        """The options with some changed (``dataclasses.replace``)."""
        return dataclasses.replace(self.options, **changes)  # type: ignore[arg-type]

    def alias_platform(self, text: str, platform: Platform | None) -> ImportOptions:
        """Options where a platform name used by the file means ``platform`` (None: unset)."""
        aliases = dict(self.options.platform_aliases)
        aliases.pop(platform_key(text), None)
        if platform is not None:
            aliases[platform_key(text)] = platform
        return self.with_options(platform_aliases=aliases)

    def alias_kecamatan(self, key: str, kecamatan_id: int | None) -> ImportOptions:
        """Options where a kecamatan written in the file's way means an existing one."""
        aliases = dict(self.options.kecamatan_aliases)
        aliases.pop(key, None)
        if kecamatan_id is not None:
            aliases[key] = kecamatan_id
        return self.with_options(kecamatan_aliases=aliases)

    def with_lifecycle(self, kind: LifecycleKind) -> ImportOptions:
        """Options where the new accounts are ad hoc or permanent."""
        return self.with_options(lifecycle_kind=kind)

    def ready_to_import(self) -> bool:
        """A complete preview with something to write."""
        preview = self.preview
        if preview is None or not preview.complete:
            return False
        counts = preview.counts()
        return counts["ready"] > 0 or any(
            c is not DuplicateChoice.SKIP for c in self.choices().values()
        )

    def forget(self) -> None:
        """Drop the file, the preview and their secrets (on close and on lock)."""
        for row in self.preview.rows if self.preview is not None else ():
            for secret in (row.password, row.totp, row.backup_codes, row.notes):
                if secret is not None:
                    secret.wipe()
        self.set_file(None, None, None)
        self.summary = None
