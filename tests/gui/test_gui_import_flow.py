"""Import wizard decisions without Qt: page order, header choices, duplicate choices, forgetting."""

from __future__ import annotations

from pathlib import Path

import pytest

from brankas.core.domain.enums import LifecycleKind, Platform, Severity
from brankas.core.importers.apply import DuplicateChoice
from brankas.core.importers.header import find_header
from brankas.core.importers.mapping import Field, propose_mapping
from brankas.core.importers.model import ImportOptions, ImportRow, Problem
from brankas.core.importers.prepared import MappingOrigin, Prepared
from brankas.core.importers.preview import Preview
from brankas.core.importers.sources import RawTable, SourceKind
from brankas.core.importers.vaultview import VaultView
from brankas.core.secret import Secret
from brankas.gui.import_wizard import flow
from brankas.gui.import_wizard.flow import ImportState, Page


def _prepared() -> Prepared:
    rows = (
        ("DAFTAR AKUN PANWASLU",),
        ("Kecamatan", "Nama Akun", "Kata Sandi"),
        ("Biau", "@bawaslu.biau", "rahasia-1"),
        ("Bokat", "@bawaslu.bokat", "rahasia-2"),
    )
    table = RawTable(
        name="akun.csv", kind=SourceKind.CSV, rows=rows, row_numbers=(1, 2, 3, 4), sha256="0"
    )
    header = find_header(table)
    return Prepared(table, header, propose_mapping(header.names), MappingOrigin.PROPOSED)


def _row(index: int, *, existing: bool = False, blocked: bool = False) -> ImportRow:
    problems = (Problem(Field.KECAMATAN, "kecamatan_unknown", Severity.ERROR),) if blocked else ()
    return ImportRow(
        index=index,
        source_row=index + 3,
        platform=Platform.INSTAGRAM,
        handle=f"@akun{index}",
        password=Secret(f"sandi-{index}"),
        duplicate_of=7 if existing else None,
        problems=problems,
    )


def _preview(prepared: Prepared, rows: tuple[ImportRow, ...]) -> Preview:
    return Preview(prepared, VaultView(), ImportOptions(), rows, complete=True)


def test_pages_follow_in_order_and_the_import_cannot_be_undone() -> None:
    order = [Page.TERM]
    while (following := flow.next_page(order[-1])) is not None:
        order.append(following)
    assert order == list(Page)
    assert flow.can_go_back(Page.DRY_RUN) and not flow.can_go_back(Page.IMPORT)
    assert flow.needs_password(SourceKind.KDBX) and not flow.needs_password(SourceKind.CSV)
    assert flow.has_sheets(SourceKind.XLSX) and not flow.has_sheets(SourceKind.KEEPASS_CSV)


def test_header_choices_samples_and_another_header_row() -> None:
    prepared = _prepared()
    assert prepared.header.row == 1
    choices = flow.header_choices(prepared)
    assert choices[0].index == flow.NO_HEADER
    assert [(c.file_row, c.text) for c in choices[1:3]] == [
        (1, "DAFTAR AKUN PANWASLU"),
        (2, "Kecamatan | Nama Akun | Kata Sandi"),
    ]
    assert flow.samples(prepared, 1) == ["@bawaslu.biau", "@bawaslu.bokat"]
    assert flow.samples(prepared, 2) == []  # never a password column
    assert flow.mapping_complete(prepared)
    other = flow.with_header_row(prepared, flow.NO_HEADER)
    assert other.origin is MappingOrigin.EDITED and other.header.row == -1
    assert not flow.mapping_complete(other)  # "Kolom A…" columns name nothing


def test_duplicate_choices_default_and_per_row() -> None:
    state = ImportState()
    prepared = _prepared()
    state.set_file(Path("akun.csv"), SourceKind.CSV, None)
    state.set_prepared(prepared)
    rows = (_row(0), _row(1, existing=True), _row(2, existing=True, blocked=True))
    state.set_preview(_preview(prepared, rows))
    assert state.choices() == {1: DuplicateChoice.SKIP}
    assert state.ready_to_import()  # row 0 is new
    state.default_choice = DuplicateChoice.UPDATE
    assert state.choice_for(1) is DuplicateChoice.UPDATE and state.choice_for(0) is None
    state.row_choices[1] = DuplicateChoice.KEEP_BOTH
    assert state.choices() == {1: DuplicateChoice.KEEP_BOTH}
    assert state.choice_for(2) is None  # a blocked row is never imported
    assert state.ready_to_import()


def test_options_keep_some_choices_across_a_new_mapping() -> None:
    state = ImportState()
    state.set_prepared(_prepared())
    state.options = state.with_lifecycle(LifecycleKind.PERMANENT)
    state.options = state.alias_platform("Fesbuk", Platform.FACEBOOK_PAGE)
    state.options = state.with_options(create_missing_kecamatan=True)
    assert dict(state.options.platform_aliases) == {"fesbuk": Platform.FACEBOOK_PAGE}
    state.options = state.alias_platform("Fesbuk", None)
    assert not state.options.platform_aliases
    state.options = state.alias_kecamatan("biau", 3)
    state.set_prepared(_prepared())  # names may mean other things in another layout
    assert state.options.lifecycle_kind is LifecycleKind.PERMANENT
    assert state.options.create_missing_kecamatan and not state.options.kecamatan_aliases


def test_forget_wipes_the_previews_secrets() -> None:
    state = ImportState()
    prepared = _prepared()
    state.set_file(Path("akun.csv"), SourceKind.CSV, None)
    state.set_prepared(prepared)
    row = _row(0)
    state.set_preview(_preview(prepared, (row,)))
    state.forget()
    assert state.preview is None and state.prepared is None and state.path is None
    assert row.password is not None and not row.password
    with pytest.raises(ValueError, match="wiped"):
        row.password.reveal()


def test_the_whole_file_keeps_the_choices_made_on_its_first_rows() -> None:
    first = _prepared()
    edited = first.with_mapping(first.mapping.with_field(2, Field.NOTES))
    rows = (*first.table.rows, ("Tiloan", "@bawaslu.tiloan", "rahasia-3", "baru di bawah"))
    whole = RawTable(
        name="akun.csv", kind=SourceKind.CSV, rows=rows, row_numbers=(1, 2, 3, 4, 5), sha256="1"
    )
    merged = flow.with_full_table(edited, whole)
    assert merged.table is whole and merged.origin is MappingOrigin.EDITED
    assert merged.header.names == ("Kecamatan", "Nama Akun", "Kata Sandi", "Kolom D")
    assert merged.mapping.fields[:3] == (Field.KECAMATAN, Field.HANDLE, Field.NOTES)
    again = RawTable(
        name="akun.csv",
        kind=SourceKind.CSV,
        rows=first.table.rows,
        row_numbers=(1, 2, 3, 4),
        sha256="2",
    )
    assert flow.with_full_table(first, again).mapping == first.mapping
