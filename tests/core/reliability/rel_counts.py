"""Trial counts: small in the normal suite, large under ./reliability.sh (environment variables)."""

from __future__ import annotations

import os


def count(name: str, normal: int) -> int:
    """``BRANKAS_REL_<NAME>`` when set (./reliability.sh sets them), else ``normal``."""
    raw = os.environ.get(f"BRANKAS_REL_{name.upper()}")
    return int(raw) if raw else normal
