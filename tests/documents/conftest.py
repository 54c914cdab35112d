"""Fixtures for the document tests: a demo vault per module; Qt warnings fail a test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from doc_support import build_demo
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

from brankas.core.services.context import ServiceContext
from brankas.core.vault.vault import Vault

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


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, str]]:
    """One demo vault per test module (tests that change it build their own)."""
    vault, kit, _ctx = build_demo(tmp_path_factory.mktemp("demo") / "vault")
    yield vault, kit
    vault.close(backup=False)


@pytest.fixture
def ctx(demo_vault: tuple[Vault, str]) -> ServiceContext:
    return ServiceContext(demo_vault[0])
