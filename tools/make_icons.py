"""Export the app icon (resources/icons/app/*.svg) to PNG sizes and a Windows .ico with Qt.

Usage: .venv/bin/python tools/make_icons.py [--check]

Sizes below 40 px are drawn from ``brankas-small.svg`` (pixel-aligned), the rest from the
master ``brankas.svg``. ``--check`` renders everything and fails when a committed file
differs, so the exports cannot drift from the SVGs. Qt's QSvgRenderer does the drawing:
no Inkscape or ImageMagick is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
APP_ICONS = ROOT / "resources" / "icons" / "app"
MASTER = APP_ICONS / "brankas.svg"
SMALL = APP_ICONS / "brankas-small.svg"
SMALL_BELOW = 40
# hicolor theme sizes (Linux) and the sizes Windows asks an .ico for.
PNG_SIZES = (16, 20, 22, 24, 32, 40, 48, 64, 96, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def render(size: int) -> QImage:
    """The icon at ``size`` × ``size`` pixels, transparent background."""
    source = SMALL if size < SMALL_BELOW else MASTER
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source.name} is not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _dib(image: QImage) -> bytes:
    """A 32-bit BGRA DIB with its AND mask, as classic .ico entries store images (older
    tools, NSIS among them, read these more reliably than PNG entries below 256 px)."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    stride = ((size + 31) // 32) * 4
    for y in reversed(range(size)):  # bottom-up
        line = bytearray()
        mask = bytearray(stride)
        for x in range(size):
            pixel = argb.pixel(x, y)
            alpha = (pixel >> 24) & 0xFF
            line += struct.pack("<I", pixel)  # 0xAARRGGBB little-endian = B, G, R, A
            if alpha == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(line))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A Windows .ico holding every size (256 px as PNG, the others as DIBs)."""
    entries = []
    for size in sorted(images):
        data = png_bytes(images[size]) if size >= 256 else _dib(images[size])
        entries.append((size, data))
    offset = 6 + 16 * len(entries)
    head = struct.pack("<HHH", 0, 1, len(entries))
    directory = b""
    blobs = b""
    for size, data in entries:
        dim = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    return head + directory + blobs


def outputs() -> dict[Path, bytes]:
    """Every exported file and its content."""
    images = {size: render(size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    files = {APP_ICONS / "png" / f"brankas-{s}.png": png_bytes(images[s]) for s in PNG_SIZES}
    files[APP_ICONS / "brankas.ico"] = ico_bytes({s: images[s] for s in ICO_SIZES})
    return files


def main(argv: list[str] | None = None) -> int:
    """Write the exports, or with ``--check`` report the ones that are out of date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if an export is stale")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    stale = []
    for path, data in outputs().items():
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(str(path.relative_to(ROOT)))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    if stale:
        print("out of date (run tools/make_icons.py):\n  " + "\n  ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
