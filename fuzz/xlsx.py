"""Fuzz target: an .xlsx workbook (zip container, then openpyxl)."""

from __future__ import annotations

from fuzz._harness import as_file, instrumented, main, typed

with instrumented(__name__, "zipfile", "openpyxl"):
    from brankas.core.importers._xlsx import read_xlsx


def TestOneInput(data: bytes) -> None:
    typed(read_xlsx, as_file(data, "fuzz.xlsx"))


if __name__ == "__main__":
    main(TestOneInput)
