"""Failed unlock attempts, noted outside the database (it cannot be opened) and moved
into the audit log at the next successful unlock. Holds times and slot ids only."""

from __future__ import annotations

import contextlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FILE_NAME = "vault.failures"
_MAX_BYTES = 256 * 1024


def note_failure(folder: Path, reason: str) -> None:
    """Append one failed attempt (best effort: never raises)."""
    path = folder / FILE_NAME
    line = json.dumps({"at": datetime.now(UTC).isoformat(timespec="seconds"), "reason": reason})
    with contextlib.suppress(OSError):
        if path.exists() and path.stat().st_size > _MAX_BYTES:
            return  # someone is hammering the vault; the count so far is evidence enough
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line.encode() + b"\n")
        finally:
            os.close(fd)


def take_failures(folder: Path) -> list[dict[str, Any]]:
    """Read and remove the noted failures."""
    path = folder / FILE_NAME
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    out: list[dict[str, Any]] = []
    for raw in text.splitlines():
        try:
            item = json.loads(raw)
        except ValueError:
            continue
        if isinstance(item, dict):
            out.append(
                {"at": str(item.get("at", ""))[:40], "reason": str(item.get("reason", ""))[:40]}
            )
    with contextlib.suppress(OSError):
        path.unlink()
    return out
