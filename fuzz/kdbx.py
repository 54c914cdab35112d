"""Fuzz target: a .kdbx database read with its password (header, KDF settings, pykeepass).

The KDF cost caps are lowered in the fuzzer's process so that a mutated round count or Argon2 memory costs
milliseconds, not the seconds the real caps allow; the caps themselves are tested in
tests/core/importers/test_import_kdbx.py.
"""

from __future__ import annotations

from fuzz._harness import as_file, instrumented, main, typed

with instrumented(__name__, "pykeepass"):
    from brankas.core.importers import keepass
from brankas.core.secret import Secret
from brankas_fuzzing import KDBX_PASSWORD


def _cheap_caps() -> None:
    keepass.MAX_AES_ROUNDS = 10_000  # type: ignore[misc]
    keepass.MAX_ARGON2_MEMORY = 1 << 20  # type: ignore[misc]
    keepass.MAX_ARGON2_WORK = 4 << 20  # type: ignore[misc]


def TestOneInput(data: bytes) -> None:
    typed(keepass.read_kdbx, as_file(data, "fuzz.kdbx"), Secret(KDBX_PASSWORD))


if __name__ == "__main__":
    _cheap_caps()  # only in the fuzzer's own process, never in an importing test run
    main(TestOneInput)
