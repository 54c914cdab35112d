"""Finds the resources/ folder (icons, styles, translations) and loads icons from it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

_ICON_SIZES = (16, 20, 24, 32, 48)


def find_resources_dir(start: Path | None = None) -> Path:
    """The ``resources/`` folder: next to the package when bundled, else in the source tree.

    Args:
        start: where to start looking (defaults to this file).

    Raises:
        FileNotFoundError: no resources folder was found.
    """
    here = (start or Path(__file__)).resolve()
    # brankas/resources (a packaged install) first, then <repo>/resources above desktop/.
    for parent in here.parents:
        for candidate in (parent / "resources", parent.parent / "resources"):
            if (candidate / "icons").is_dir() and (candidate / "styles").is_dir():
                return candidate
    raise FileNotFoundError("the Brankas resources folder (icons, styles) was not found")


class Resources:
    """Icons, the stylesheet and the compiled translations, from one folder."""

    def __init__(self, root: Path, translations_dir: Path | None = None) -> None:
        """Use ``root`` (a ``resources/`` folder); ``translations_dir`` overrides where
        ``.qm`` files are looked for (tests compile them into a temporary folder)."""
        self.root = root
        self.translations_dir = translations_dir or root / "translations"
        self._icons: dict[tuple[str, str], QIcon] = {}

    @classmethod
    def locate(cls) -> Resources:
        """The resources of this installation or source tree."""
        return cls(find_resources_dir())

    def path(self, *parts: str) -> Path:
        """A file inside the resources folder."""
        return self.root.joinpath(*parts)

    def qm_file(self, language: str) -> Path:
        """The compiled translation for ``language`` (it may not exist)."""
        return self.translations_dir / f"brankas_{language}.qm"

    def stylesheet_template(self) -> str:
        """The Qt stylesheet with ``$token`` placeholders (see theme.py)."""
        return self.path("styles", "app.qss").read_text(encoding="utf-8")

    def app_icon(self) -> QIcon:
        """The Brankas strongbox icon, rendered crisp at the common sizes (a simpler
        drawing below 24 px, where the dial's details would blur)."""
        cached = self._icons.get(("app", ""))
        if cached is not None:
            return cached
        small, large = self.icon("app/brankas-small"), self.icon("app/brankas")
        icon = QIcon()
        for size in _ICON_SIZES:
            source = small if size < 24 else large
            icon.addPixmap(source.pixmap(size, size))
        self._icons[("app", "")] = icon
        return icon

    def icon(self, name: str, color: QColor | str | None = None) -> QIcon:
        """An SVG icon by name (``"lock"``, ``"nav/audit"``), its strokes in ``color``.

        Icons draw in ``currentColor``; Qt's SVG renderer has no notion of it, so the
        colour is substituted in the SVG text before rendering.
        """
        hex_color = QColor(color).name() if color is not None else ""
        key = (name, hex_color)
        cached = self._icons.get(key)
        if cached is not None:
            return cached
        file = self.path("icons", f"{name}.svg")
        try:
            svg = file.read_text(encoding="utf-8")
        except OSError:
            log.warning("icon %s is missing", name)
            return QIcon()
        if hex_color:
            svg = svg.replace("currentColor", hex_color)
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        icon = QIcon()
        for size in _ICON_SIZES:
            pixmap = QPixmap(QSize(size, size))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            icon.addPixmap(pixmap)
        self._icons[key] = icon
        return icon

    def themed_icon(self, name: str) -> QIcon:
        """An icon drawn in the current palette's text colour."""
        return self.icon(name, QGuiApplication.palette().color(QPalette.ColorRole.Text))

    def clear_icon_cache(self) -> None:
        """Forget rendered icons (after the palette changed colour)."""
        self._icons.clear()
