"""Document ids and short record hashes that let a printed copy be matched to its record."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Final

HASH_CHARS: Final = 12  # 48 bits: enough to tell records of one vault apart on paper


def record_hash(record: Mapping[str, Any]) -> str:
    """SHA-256 over the record's canonical JSON (sorted keys, no spaces), in hex.

    The record holds what the paper shows (number, date, parties, accounts, …) and never
    a secret, so the same content always gives the same hash, before and after recording.
    """
    canonical = json.dumps(
        record, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def short_hash(full: str) -> str:
    """The first 12 hex digits of a hash in groups of four: ``3f2a-9c1b-07e4``."""
    head = full[:HASH_CHARS].upper()
    return "-".join(head[i : i + 4] for i in range(0, len(head), 4))


def hash_lines(sha256: str) -> list[str]:
    """A hex digest as lines of eight groups of four digits (two lines for SHA-256), the
    way the cover sheet prints it, easy to compare by eye."""
    groups = [sha256[i : i + 4] for i in range(0, len(sha256), 4)]
    return [" ".join(groups[i : i + 8]) for i in range(0, len(groups), 8)]


def document_id(kind: str, vault_id: str, record_id: int | str) -> str:
    """``BAST-FF4532-38``: the kind, the vault's first six hex digits and the record."""
    vault = "".join(ch for ch in vault_id if ch.isalnum())[:6].upper() or "000000"
    return f"{kind}-{vault}-{record_id}"
