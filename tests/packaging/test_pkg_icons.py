"""The app icon: exports are current with the SVG masters; the .ico holds 16-256 px."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "resources" / "icons" / "app"


def test_exports_match_the_svg_masters() -> None:
    r = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_icons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_ico_holds_every_windows_size(qapp: object) -> None:
    data = (APP / "brankas.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _c, _r, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert (planes, bits) == (1, 32)
        assert offset + length <= len(data)
        sizes.append(w or 256)
        assert (w or 256) == (h or 256)
    assert sizes == [16, 20, 24, 32, 40, 48, 64, 256]
    reader = QImageReader(str(APP / "brankas.ico"))
    read = []
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        read.append(image.width())
        reader.jumpToNextImage()
    assert sorted(read) == sizes


def test_small_sizes_are_drawn_not_empty(qapp: object) -> None:
    for size in (16, 24, 32, 48, 256):
        image = QImage(str(APP / "png" / f"brankas-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        opaque = sum(
            1 for y in range(size) for x in range(size) if image.pixelColor(x, y).alpha() > 200
        )
        # The box fills most of the square: a broken render would be (nearly) empty.
        assert opaque > 0.6 * size * size, size
