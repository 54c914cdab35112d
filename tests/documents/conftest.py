"""Shared set-up for the document tests: a demo vault, PDF text extraction, Qt warnings fail."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

from brankas.core.keystore import MemoryDeviceKeyStore
from brankas.core.services import demo
from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY, fast_kdf

_FAILING = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qapp: QGuiApplication) -> Iterator[None]:
    """Any Qt warning while rendering (a font, a layout, a painter) fails the test.

    ``qapp`` is pytest-qt's application, shared with the GUI tests; that documents need
    only a QGuiApplication is checked in a fresh interpreter (test_doc_render).
    """
    seen: list[str] = []

    def handler(mode: QtMsgType, context: object, message: str) -> None:
        if mode in _FAILING:
            seen.append(f"{mode.name}: {message}")

    previous = qInstallMessageHandler(handler)
    yield
    qInstallMessageHandler(previous)
    if seen:
        pytest.fail("Qt warnings:\n" + "\n".join(seen))


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


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, str]]:
    """One demo vault per test module (tests that change it build their own)."""
    vault, kit, _ctx = build_demo(tmp_path_factory.mktemp("demo") / "vault")
    yield vault, kit
    vault.close(backup=False)


@pytest.fixture
def ctx(demo_vault: tuple[Vault, str]) -> ServiceContext:
    return ServiceContext(demo_vault[0])


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
