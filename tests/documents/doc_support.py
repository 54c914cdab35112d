"""Helpers for the document tests: the demo vault and reading PDFs back (poppler's tools)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from brankas.core.domain.enums import OfficeKind
from brankas.core.keystore import MemoryDeviceKeyStore
from brankas.core.secret import Secret
from brankas.core.services import demo
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY, fast_kdf


def build_demo(folder: Path) -> tuple[Vault, str, ServiceContext]:
    """The Kabupaten Buol demo vault (fast KDF), its recovery kit and a service context."""
    vault, kit = demo.build_demo_vault(
        folder,
        password="kata sandi demo",
        policy=FAST_POLICY,
        kdf=fast_kdf(),
        keystore=MemoryDeviceKeyStore(),
    )
    return vault, kit, ServiceContext(vault)


def pdf_text(path: Path, *, layout: bool = False) -> str:
    """The PDF's text through poppler's pdftotext; skips the test when it is missing."""
    tool = shutil.which("pdftotext")
    if tool is None:
        print("pdftotext (poppler-utils) is not installed: PDF text checks skipped")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    args = [tool, *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_pages(text: str) -> list[str]:
    """pdftotext's output split into pages (it ends each page with a form feed)."""
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_streams(data: bytes) -> bytes:
    """Every stream of a PDF, inflated where it is Flate-compressed, and the rest of the
    file: what a byte search has to look through."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        raw = match.group(1)
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            out.append(raw)
    return b"\n".join(out)


def build_vault(folder: Path) -> tuple[Vault, ServiceContext, list[datetime]]:
    """An empty vault (fast KDF) whose service context reads the time from ``now[0]``."""
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Contoh",
        admin_name="Admin Contoh",
        admin_password=Secret("kata sandi contoh"),
        kdf=fast_kdf(),
        policy=FAST_POLICY,
        keystore=MemoryDeviceKeyStore(),
    )
    now = [datetime(2024, 5, 10, 3, tzinfo=UTC)]
    return vault, ServiceContext(vault, clock=lambda: now[0]), now
