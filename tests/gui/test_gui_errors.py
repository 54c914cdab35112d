"""Error mapping covers every core error; unexpected errors are scrubbed of secrets."""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import sys
from types import TracebackType

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import brankas.core
from brankas.core import errors as e
from brankas.gui.errors import (
    ExceptHook,
    UnexpectedErrorDialog,
    error_message,
    is_expected,
    mapped_error_types,
    scrubbed_details,
)


def _all_subclasses(cls: type) -> set[type]:
    out: set[type] = set()
    for sub in cls.__subclasses__():
        out |= {sub, *_all_subclasses(sub)}
    return out


def test_every_core_error_has_its_own_sentence() -> None:
    for module in pkgutil.walk_packages(brankas.core.__path__, "brankas.core."):
        # A core module that does not import is its own tests' failure, not this one's.
        with contextlib.suppress(Exception):
            importlib.import_module(module.name)
    missing = sorted(
        f"{c.__module__}.{c.__qualname__}"
        for c in _all_subclasses(e.BrankasError)
        if c not in mapped_error_types()
    )
    assert not missing, f"give these a sentence in gui/errors.py: {missing}"


def test_sentences_never_show_core_text() -> None:
    for kind in _all_subclasses(e.BrankasError):
        try:
            exc = kind("core-internal-message")
        except TypeError:  # errors with required extra arguments
            continue
        text = error_message(exc, "en")
        assert text and "core-internal-message" not in text


def test_specific_sentences() -> None:
    assert "Group 4" in error_message(e.RecoveryKitInvalid("x", group=4), "en")
    in_use = e.VaultInUse("x", host="PC-HUMAS", pid=4242, since="2025-01-27T03:05:00+00:00")
    text = error_message(in_use, "en")
    assert "PC-HUMAS" in text and "4242" in text and "January 2025" in text
    assert "#12" in error_message(e.AuditChainBroken("x", seq=12), "en")
    assert is_expected(OSError()) and not is_expected(ValueError())
    assert error_message(ValueError("secret"), "en") == "Something unexpected went wrong."


def _raise_with_secret() -> tuple[type[BaseException], BaseException, TracebackType]:
    password = "hunter2-kata-sandi"  # a local value that must not leak
    try:
        raise ValueError(f"failed for {password}")
    except ValueError:
        info = sys.exc_info()
    assert info[0] is not None and info[1] is not None and info[2] is not None
    return info[0], info[1], info[2]


def test_details_are_scrubbed() -> None:
    details = scrubbed_details(*_raise_with_secret())
    assert "builtins.ValueError" in details
    assert "_raise_with_secret" in details and "test_gui_errors.py" in details
    assert "hunter2" not in details and "failed for" not in details
    assert "/root" not in details and "/home" not in details


def test_excepthook_shows_scrubbed_details(qtbot: QtBot) -> None:
    shown: list[str] = []
    hook = ExceptHook(shown.append)
    previous = sys.excepthook
    hook.install()
    try:
        assert sys.excepthook is hook
        sys.excepthook(*_raise_with_secret())
    finally:
        hook.uninstall()
    assert sys.excepthook is previous
    assert len(shown) == 1 and "hunter2" not in shown[0] and "ValueError" in shown[0]


def test_unexpected_dialog_copies_its_details(qtbot: QtBot, qapp: QApplication) -> None:
    dialog = UnexpectedErrorDialog("Brankas 0.1\nbuiltins.ValueError")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert qapp.clipboard().text() == "Brankas 0.1\nbuiltins.ValueError"


@pytest.mark.parametrize("language", ["en", "id"])
def test_vault_in_use_date_follows_the_language(language: str) -> None:
    in_use = e.VaultInUse("x", host="h", pid=1, since="2025-01-27T05:00:00+00:00")
    text = error_message(in_use, language)
    assert ("Januari 2025" if language == "id" else "January 2025") in text
