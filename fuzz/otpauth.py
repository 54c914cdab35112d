"""Fuzz target: otpauth:// URIs and bare Base32 TOTP secrets."""

from __future__ import annotations

from fuzz._harness import instrumented, main, typed

with instrumented(__name__, "pyotp"):
    from brankas.core.domain.totp import parse_totp


def TestOneInput(data: bytes) -> None:
    typed(parse_totp, data.decode("utf-8", "replace"))


if __name__ == "__main__":
    main(TestOneInput)
