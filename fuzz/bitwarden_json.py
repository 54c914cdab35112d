"""Fuzz target: a Bitwarden JSON export."""

from __future__ import annotations

from fuzz._harness import as_file, instrumented, json_mutator, main, typed

with instrumented(__name__):
    from brankas.core.importers import bitwarden


def TestOneInput(data: bytes) -> None:
    typed(bitwarden.read_json, as_file(data, "bitwarden_export.json"))


if __name__ == "__main__":
    main(TestOneInput, json_mutator)
