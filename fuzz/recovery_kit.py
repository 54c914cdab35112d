"""Fuzz target: the recovery key as typed or pasted from the kit."""

from __future__ import annotations

from fuzz._harness import instrumented, main, typed

with instrumented(__name__):
    from brankas.core.crypto.recovery import parse_recovery_key


def TestOneInput(data: bytes) -> None:
    typed(parse_recovery_key, data.decode("utf-8", "replace"))


if __name__ == "__main__":
    main(TestOneInput)
