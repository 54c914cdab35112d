"""Shared set-up of the brankas-cli tests: a demo vault made through the CLI itself."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from brankas.cli import main

PW = "sandi-demo-uji-7"
ADMIN = "Admin Contoh"


def make_demo(path: Path) -> Path:
    """``brankas-cli demo PATH`` with the test password typed on stdin; returns PATH."""
    old = sys.stdin
    sys.stdin = io.StringIO(PW + "\n")
    try:
        assert main(["demo", str(path), "--password-stdin"]) == 0
    finally:
        sys.stdin = old
    return path


def vault_args(demo: Path) -> list[str]:
    """The options that open ``demo`` as its admin, the password read from stdin."""
    return ["--vault", str(demo), "-u", ADMIN, "--password-stdin"]
