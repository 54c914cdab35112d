"""Property: whatever a password is, the import reads it back byte for byte (CSV and XLSX)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from import_support import csv_bytes, write_xlsx

from brankas.core.importers._xlsx import read_xlsx
from brankas.core.importers.detect import open_import
from brankas.core.importers.preview import build_preview
from brankas.core.importers.vaultview import VaultView
from brankas.core.importers.xlsx_writer import XlsxColumn
from brankas.core.importers.xlsx_writer import write_xlsx as fast_xlsx

HEADER = ("Kecamatan", "Platform", "Username", "Password")
# Any Unicode text a file can hold: no lone surrogates (not encodable), no NUL (a binary file).
PASSWORDS = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
)
NASTY = (
    "_x0041_",
    "_x005F_x0041_",
    "a\r\nb\rc\n",
    "\r",
    "  spasi  ",
    "=1+1",
    "'=1+1",
    "+62812",
    "@bawaslu",
    "\ufeffbom",
    "zw\u200bsp\u00a0",
    "\x01\x1f\x7f",
    "\ufffe\uffff",
    '"kutip", koma; titik-koma\ttab',
    "0123",
)
CP1252 = st.text(st.characters(codec="cp1252", blacklist_characters="\x00"), min_size=1)


def _imported_password(path: Path) -> str:
    preview = build_preview(open_import(path), VaultView())
    row = next(r for r in preview.rows if r.handle == "@tested")
    assert row.password is not None
    return row.password.reveal()


def _rows(password: str) -> list[tuple[str, ...]]:
    return [
        HEADER,
        ("Biau", "Instagram", "satu", "biasa-1"),
        ("Biau", "Instagram", "tested", password),
        ("Biau", "Instagram", "dua", "biasa-2"),
    ]


def _via_csv(password: str, delimiter: str, bom: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "akun.csv"
        path.write_bytes(csv_bytes(_rows(password), delimiter=delimiter, bom=bom))
        return _imported_password(path)


def _via_excel(password: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsx(Path(tmp) / "akun.xlsx", _rows(password), excel_strings=True)
        return _imported_password(path)


def _via_own_xlsx(password: str) -> str:
    rows = _rows(password)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.xlsx"
        path.write_bytes(fast_xlsx([XlsxColumn(h) for h in rows[0]], rows[1:]))
        assert read_xlsx(path).rows[2][3] == password
        return _imported_password(path)


@pytest.mark.parametrize("password", NASTY)
def test_awkward_passwords_survive_every_format(password: str) -> None:
    for delimiter in (",", ";", "\t"):
        assert _via_csv(password, delimiter, bom=True) == password
    assert _via_excel(password) == password
    assert _via_own_xlsx(password) == password


@settings(max_examples=200, deadline=None)
@given(password=PASSWORDS, delimiter=st.sampled_from([",", ";", "\t"]), bom=st.booleans())
def test_any_password_survives_a_utf8_csv(password: str, delimiter: str, bom: bool) -> None:
    assert _via_csv(password, delimiter, bom) == password


@settings(max_examples=100, deadline=None)
@given(password=CP1252)
def test_any_password_survives_a_windows_1252_csv(password: str) -> None:
    # A Windows-1252 file whose bytes are also valid UTF-8 (no accent anywhere but, say,
    # "Ã©") is ambiguous and read as UTF-8; a real one has some accented text elsewhere.
    rows = [*_rows(password), ("Bokat", "Instagram", "kafe", "Kafé")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "akun.csv"
        path.write_bytes(csv_bytes(rows, delimiter=";", encoding="cp1252"))
        assert _imported_password(path) == password


@settings(max_examples=100, deadline=None)
@given(password=PASSWORDS)
def test_any_password_survives_an_xlsx_as_excel_writes_it(password: str) -> None:
    assert _via_excel(password) == password


@settings(max_examples=100, deadline=None)
@given(password=PASSWORDS)
def test_any_password_survives_our_own_xlsx(password: str) -> None:
    assert _via_own_xlsx(password) == password
