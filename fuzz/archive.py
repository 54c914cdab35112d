"""Fuzz target: the archive reader (container, signature, manifest, payload hashes)."""

from __future__ import annotations

from fuzz._harness import instrumented, main, typed

with instrumented(__name__, "zipfile"):
    from brankas.core.archive.verify import verify_signature_only


def TestOneInput(data: bytes) -> None:
    typed(verify_signature_only, data)


if __name__ == "__main__":
    main(TestOneInput)
