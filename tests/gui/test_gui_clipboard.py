"""Clipboard service: secret hints, clearing after N seconds only if unchanged, on lock."""

from __future__ import annotations

import struct

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brankas.core.secret import Secret
from brankas.gui.clipboard import (
    KDE_HINT,
    WIN_CLOUD,
    WIN_EXCLUDE,
    WIN_HISTORY,
    ClipboardService,
)


def test_copy_marks_the_value_as_secret(qtbot: QtBot, qapp: QApplication) -> None:
    service = ClipboardService(qapp.clipboard(), 15)
    with qtbot.waitSignal(service.copied) as copied:
        service.copy(Secret("rahasia-ig-kecamatan"), "Password")
    assert copied.args == ["Password", 15]
    mime = qapp.clipboard().mimeData()
    assert mime.text() == "rahasia-ig-kecamatan"
    assert bytes(mime.data(KDE_HINT).data()) == b"secret"
    assert mime.hasFormat(WIN_EXCLUDE)
    assert bytes(mime.data(WIN_HISTORY).data()) == struct.pack("<I", 0)
    assert bytes(mime.data(WIN_CLOUD).data()) == struct.pack("<I", 0)
    service.clear()


def test_clears_after_the_timeout(qtbot: QtBot, qapp: QApplication) -> None:
    service = ClipboardService(qapp.clipboard(), 15)
    service.set_timeout_msecs(50)
    service.copy("kata-sandi-fb", "Password")
    assert service.seconds_left == 1
    with qtbot.waitSignal(service.cleared, timeout=5_000):
        pass
    assert qapp.clipboard().text() == ""
    assert not service.holds_copy


def test_leaves_a_changed_clipboard_alone(qtbot: QtBot, qapp: QApplication) -> None:
    service = ClipboardService(qapp.clipboard(), 15)
    service.set_timeout_msecs(50)
    service.copy("kata-sandi-x", "Password")
    qapp.clipboard().setText("something the user copied later")
    with qtbot.waitSignal(service.expired, timeout=5_000):
        pass
    assert qapp.clipboard().text() == "something the user copied later"
    assert not service.clear()
