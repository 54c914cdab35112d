"""Fuzz target: the key table parser (vault.keys, read before any password is checked)."""

from __future__ import annotations

from fuzz._harness import SCRATCH, instrumented, json_mutator, main, typed

with instrumented(__name__):
    from brankas.core.keys.table import parse
from brankas_testing import FAST_POLICY


def TestOneInput(data: bytes) -> None:
    typed(parse, data, SCRATCH / "vault.keys", FAST_POLICY)


if __name__ == "__main__":
    main(TestOneInput, json_mutator)
