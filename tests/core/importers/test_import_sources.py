"""Reading files: CSV encodings and delimiters, XLSX sheets, merges, formulas; limits."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from import_support import csv_bytes, save_formula_values, write_csv, write_xlsx

from brankas.core.errors import ImportFileInvalid, ImportTooLarge
from brankas.core.importers._xlsx import list_sheets, read_xlsx, unescape
from brankas.core.importers.detect import open_import, sniff
from brankas.core.importers.sources import Limits, SourceKind, read_csv, read_csv_bytes
from brankas.core.importers.xlsx_writer import XlsxColumn
from brankas.core.importers.xlsx_writer import write_xlsx as fast_xlsx

ROWS = [
    ["Kecamatan", "Platform", "Username", "Password"],
    ["Biau", "Instagram", "bawaslu.biau", "Rahasia;1,2"],
    ["Paleleh Barat", "Facebook", "panwaslu.palelehbarat", 'kutip"dua'],
]


# --- CSV ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("delimiter", "encoding", "bom", "expected_encoding"),
    [
        (",", "utf-8", False, "utf-8"),
        (",", "utf-8", True, "utf-8-sig"),
        (";", "utf-8", True, "utf-8-sig"),  # Excel "CSV UTF-8" on an Indonesian Windows
        (";", "cp1252", False, "cp1252"),  # Excel "CSV (Comma delimited)": Windows-1252
        ("\t", "utf-16", False, "utf-16"),  # Excel "Unicode Text"
    ],
)
def test_csv_encodings_and_delimiters(
    delimiter: str, encoding: str, bom: bool, expected_encoding: str
) -> None:
    rows = [*ROWS, ["Bukal", "X", "café_bukal", "pässwörd é"]]
    data = csv_bytes(rows, delimiter=delimiter, encoding=encoding, bom=bom)
    table = read_csv_bytes(data, "akun.csv")
    assert table.delimiter == delimiter
    assert table.encoding == expected_encoding
    assert [list(r) for r in table.rows] == rows
    assert table.row_numbers == (1, 2, 3, 4)
    assert table.kind is SourceKind.CSV and table.complete


def test_csv_sep_hint_line_and_quoted_newlines() -> None:
    data = b'sep=;\r\nA;B\r\n1;"two\r\nlines"\r\n3;4\r\n'
    table = read_csv_bytes(data, "x.csv")
    assert table.delimiter == ";"
    assert table.rows == (("A", "B"), ("1", "two\r\nlines"), ("3", "4"))
    assert table.row_numbers == (2, 3, 5)  # file lines, the hint line counted


def test_csv_keeps_cells_exactly_and_skips_blank_rows() -> None:
    data = csv_bytes([["a", "b"], ["", ""], [" x ", "\u200bz\u00a0"], [], ["c", ""]])
    table = read_csv_bytes(data, "x.csv")
    assert table.rows == (("a", "b"), (" x ", "\u200bz\u00a0"), ("c",))


def test_csv_title_rows_do_not_confuse_the_delimiter() -> None:
    rows = [["DAFTAR AKUN", "", "", ""], ["", "", "", ""], *ROWS]
    table = read_csv_bytes(csv_bytes(rows, delimiter=";"), "x.csv")
    assert table.delimiter == ";"
    assert table.rows[1] == tuple(ROWS[0])


def test_csv_refuses_binary_and_unknown_bytes() -> None:
    with pytest.raises(ImportFileInvalid) as err:
        read_csv_bytes(b"a,b\x00c\n", "x.csv")
    assert err.value.code == "csv_binary"
    with pytest.raises(ImportFileInvalid) as err:
        read_csv_bytes(b"a,b\n\x81\x8d,c\n", "x.csv")  # not UTF-8, undefined in cp1252
    assert err.value.code == "csv_encoding"


def test_csv_runaway_quote_is_refused_not_swallowed() -> None:
    data = b'a,b\n"open quote,' + b"x" * 200_000 + b"\n1,2\n"
    with pytest.raises(ImportTooLarge) as err:
        read_csv_bytes(data, "x.csv")
    assert err.value.code == "cell_too_long"


@pytest.mark.parametrize(
    ("limits", "rows", "code"),
    [
        (Limits(max_rows=5, header_rows=1), [["a"]] * 7, "too_many_rows"),
        (Limits(max_columns=3), [["a", "b", "c", "d"]], "too_many_columns"),
        (Limits(max_cell_chars=10), [["a", "x" * 11]], "cell_too_long"),
        (Limits(max_bytes=100), [["x" * 200]], "file_too_large"),
    ],
)
def test_csv_limits(limits: Limits, rows: list[list[str]], code: str) -> None:
    with pytest.raises(ImportTooLarge) as err:
        read_csv_bytes(csv_bytes(rows), "x.csv", limits=limits)
    assert err.value.code == code


def test_csv_at_the_limit_is_read_and_one_more_row_refused(tmp_path: Path) -> None:
    limits = Limits(max_rows=100_000, header_rows=1)
    rows = [["h1", "h2"]] + [[str(i), "x"] for i in range(100_000)]
    table = read_csv(write_csv(tmp_path / "big.csv", rows), limits=limits)
    assert len(table.rows) == 100_001
    with pytest.raises(ImportTooLarge) as err:
        read_csv(write_csv(tmp_path / "bigger.csv", [*rows, ["x", "y"]]), limits=limits)
    assert err.value.code == "too_many_rows"
    assert err.value.limit == 100_000


def test_csv_first_rows_only_and_progress() -> None:
    seen: list[int] = []
    data = csv_bytes([["h"]] + [[str(i)] for i in range(2500)])
    assert len(read_csv_bytes(data, "x.csv", progress=seen.append).rows) == 2501
    assert seen == [1000, 2000]
    quick = read_csv_bytes(data, "x.csv", max_rows=10)
    assert len(quick.rows) == 10 and not quick.complete


# --- XLSX -------------------------------------------------------------------------------------
def test_xlsx_title_block_merges_and_values(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "akun.xlsx",
        [
            ["DAFTAR AKUN MEDIA SOSIAL PANWASLU KECAMATAN"],
            ["KABUPATEN BUOL"],
            [],
            ["No", "Kecamatan", "Platform", "Akun", "No HP", "Dibuat"],
            [1, "Biau", "Instagram", "bawaslu.biau", 81234567890, datetime(2024, 5, 2)],
            [2, None, "Facebook", "panwaslu.biau", 8.1234567890e10, 45413],
            [3, "Bokat", "X", "bokat", "'081234567890", None],
        ],
        merges=["A1:F1", "B5:B6"],
    )
    table = read_xlsx(path)
    assert table.sheet == "Akun" and table.kind is SourceKind.XLSX
    assert table.row_numbers == (1, 2, 4, 5, 6, 7)
    assert table.rows[0] == ("DAFTAR AKUN MEDIA SOSIAL PANWASLU KECAMATAN",) * 6
    assert table.rows[3] == (
        1,
        "Biau",
        "Instagram",
        "bawaslu.biau",
        81234567890,
        datetime(2024, 5, 2),
    )
    assert table.rows[4][1] == "Biau"  # the merged kecamatan, given to each row
    assert table.rows[4][4] == 81234567890  # numeric phone: the number Excel kept
    assert table.rows[4][5] == 45413  # a date serial in a number cell
    assert table.complete and not table.missing_values


def test_xlsx_formulas_read_as_saved_values_or_flagged(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "f.xlsx",
        [
            ["Akun", "Sandi"],
            ['="bawaslu."&"biau"', "rahasia"],
            ["bokat", "=1+1"],
            ['="only"&"formula"'],
        ],
    )
    table = read_xlsx(path)  # as openpyxl writes them: formulas without saved values
    assert table.rows[1:] == ((None, "rahasia"), ("bokat",), ())
    assert table.missing_values == {(2, 0), (3, 1), (4, 0)}
    save_formula_values(path, {"A2": "bawaslu.biau", "B3": 2, "A4": "onlyformula"})
    table = read_xlsx(path)  # the same file as Excel saves it, values included
    assert table.rows[1:] == (("bawaslu.biau", "rahasia"), ("bokat", 2), ("onlyformula",))
    assert not table.missing_values


def test_xlsx_sheet_choice_and_list(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "two.xlsx",
        [["Akun"], ["biau"]],
        extra_sheets={"Facebook": [["Akun"], ["fb.biau"]]},
    )
    assert [s.name for s in list_sheets(path)] == ["Akun", "Facebook"]
    assert read_xlsx(path, sheet="Facebook").rows[1] == ("fb.biau",)
    with pytest.raises(ImportFileInvalid) as err:
        read_xlsx(path, sheet="Nope")
    assert err.value.code == "xlsx_no_sheet"


def test_xlsx_text_escapes_are_decoded() -> None:
    assert unescape("a_x000D_\nb") == "a\r\nb"
    assert unescape("_x005F_x0041_") == "_x0041_"
    assert unescape("plain_x") == "plain_x"


def test_xlsx_limits_and_quick_look(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [["h"]] + [[f"v{i}"] for i in range(30)])
    with pytest.raises(ImportTooLarge) as err:
        read_xlsx(path, limits=Limits(max_rows=20, header_rows=2))
    assert err.value.code == "too_many_rows"
    quick = read_xlsx(path, max_rows=5)
    assert len(quick.rows) == 5 and not quick.complete
    wide = write_xlsx(tmp_path / "w.xlsx", [["x"] * 12])
    with pytest.raises(ImportTooLarge) as err:
        read_xlsx(wide, limits=Limits(max_columns=10))
    assert err.value.code == "too_many_columns"


def test_xlsx_stray_cell_far_below_does_not_count_as_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["h"], ["v"]])
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb.active["A200000"] = "stray"
    wb.save(path)
    table = read_xlsx(path, limits=Limits(max_rows=10))
    assert table.row_numbers == (1, 2, 200_000)


@pytest.mark.slow
def test_xlsx_100000_rows(tmp_path: Path) -> None:
    columns = [XlsxColumn("Kecamatan"), XlsxColumn("Platform"), XlsxColumn("Akun")]
    rows = [("Biau", "Instagram", f"akun_{i}") for i in range(100_000)]
    path = tmp_path / "big.xlsx"
    path.write_bytes(fast_xlsx(columns, rows))
    table = read_xlsx(path)
    assert len(table.rows) == 100_001 and table.rows[-1] == ("Biau", "Instagram", "akun_99999")


# --- what a file is -----------------------------------------------------------------------------
def test_damaged_and_foreign_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    cases: dict[str, tuple[bytes, str]] = {
        "cut.xlsx": (b"PK\x03\x04" + b"\x00" * 40, "xlsx_malformed"),
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "xls_legacy"),
        "locked.xlsx": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "xlsx_encrypted",
        ),
        "kp1.kdb": (b"\x03\xd9\xa2\x9a\x65\xfb\x4b\xb5" + b"\x00" * 100, "kdb_legacy"),
    }
    for name, (data, code) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportFileInvalid) as err:
            open_import(path)
        assert err.value.code == code, name
    ods = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<x/>")
    with pytest.raises(ImportFileInvalid) as err:
        open_import(ods)
    assert err.value.code == "ods_unsupported"
    with pytest.raises(ImportFileInvalid) as err:
        open_import(tmp_path / "missing.csv")
    assert err.value.code == "file_unreadable"


def test_zip_bomb_is_refused_before_openpyxl(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bomb.xlsx", [["a"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/padding.bin", b"\x00" * (4 * 2**20))
    with pytest.raises(ImportTooLarge) as err:
        read_xlsx(path, limits=Limits(max_unzipped=2**20))
    assert err.value.code == "file_too_large"


def test_sniff(tmp_path: Path) -> None:
    for name, data, kind in (
        ("a.json", b'\xef\xbb\xbf  {"items": []}', SourceKind.BITWARDEN_JSON),
        ("a.xml", b"<?xml version='1.0'?><KeePassFile/>", SourceKind.KEEPASS_XML),
        ("a.kdbx", b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5\x00", SourceKind.KDBX),
        ("a.txt", b"a,b\n", SourceKind.CSV),
    ):
        (tmp_path / name).write_bytes(data)
        assert sniff(tmp_path / name) is kind
