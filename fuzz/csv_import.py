"""Fuzz target: CSV import (registers, KeePassXC CSV): decoding, sniffing, detection, mapping."""

from __future__ import annotations

from fuzz._harness import as_file, instrumented, main, typed

with instrumented(__name__):
    from brankas.core.importers.detect import open_import
    from brankas.core.importers.sources import read_csv_bytes


def TestOneInput(data: bytes) -> None:
    typed(read_csv_bytes, data, "fuzz.csv")
    typed(open_import, as_file(data, "fuzz.csv"))


if __name__ == "__main__":
    main(TestOneInput)
