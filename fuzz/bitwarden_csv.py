"""Fuzz target: a Bitwarden CSV export, through detection to the fixed mapping."""

from __future__ import annotations

from fuzz._harness import as_file, instrumented, main, typed

with instrumented(__name__):
    from brankas.core.importers.detect import open_import


def TestOneInput(data: bytes) -> None:
    typed(open_import, as_file(data, "bitwarden_export.csv"))


if __name__ == "__main__":
    main(TestOneInput)
