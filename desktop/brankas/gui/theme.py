"""Light and dark palettes that follow the system colour scheme, and the spacing scale."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import IntEnum
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from brankas.gui.resources import Resources


class Spacing(IntEnum):
    """The spacing scale (pixels before device scaling); use these, not ad-hoc numbers."""

    XS = 4
    S = 8
    M = 12
    L = 16
    XL = 24
    XXL = 32


@dataclass(frozen=True, slots=True)
class Colors:
    """The colours of one palette; names are the ``$tokens`` of resources/styles/app.qss."""

    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    border: str
    hover: str
    accent: str
    accent_hover: str
    accent_text: str
    link: str
    nav_bg: str
    nav_selected: str
    disabled_bg: str
    error: str
    error_bg: str
    error_border: str
    warning: str
    warning_bg: str
    warning_border: str
    ok: str
    ok_bg: str
    ok_border: str


# Calm blue-grey light palette: low-contrast surfaces, high-contrast text (WCAG AA).
LIGHT = Colors(
    window="#f4f6f8",
    base="#ffffff",
    alt_base="#eef2f5",
    text="#1c2833",
    muted="#5b6b79",
    border="#cfd8e0",
    hover="#e3eaf0",
    accent="#1d5b86",
    accent_hover="#246b9c",
    accent_text="#ffffff",
    link="#1d5b86",
    nav_bg="#e9eef2",
    nav_selected="#cfe0ee",
    disabled_bg="#e4e8ec",
    error="#8a1f17",
    error_bg="#fdecea",
    error_border="#d9534f",
    warning="#7a4b00",
    warning_bg="#fff4e0",
    warning_border="#e0a030",
    ok="#1e5e2e",
    ok_bg="#e8f5ea",
    ok_border="#4c9a5f",
)

DARK = Colors(
    window="#1b2128",
    base="#222a32",
    alt_base="#28313a",
    text="#e6ebef",
    muted="#9aa8b4",
    border="#3a4652",
    hover="#2e3944",
    accent="#4b9bd1",
    accent_hover="#5eaadd",
    accent_text="#0d1620",
    link="#7cbce6",
    nav_bg="#182027",
    nav_selected="#2b4257",
    disabled_bg="#2a323a",
    error="#ffb4ab",
    error_bg="#3b1f1d",
    error_border="#d9534f",
    warning="#ffd18a",
    warning_bg="#3a2e17",
    warning_border="#e0a030",
    ok="#a5dcb1",
    ok_bg="#1d3323",
    ok_border="#4c9a5f",
)


def palette_for(colors: Colors) -> QPalette:
    """A QPalette built from ``colors``."""
    pal = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    pairs = {
        role.Window: colors.window,
        role.WindowText: colors.text,
        role.Base: colors.base,
        role.AlternateBase: colors.alt_base,
        role.Text: colors.text,
        role.Button: colors.alt_base,
        role.ButtonText: colors.text,
        role.ToolTipBase: colors.base,
        role.ToolTipText: colors.text,
        role.PlaceholderText: colors.muted,
        role.Highlight: colors.accent,
        role.HighlightedText: colors.accent_text,
        role.Link: colors.link,
        role.Mid: colors.border,
        role.Midlight: colors.hover,
        # Fusion draws frames and check boxes with these: keep them visible on dark.
        role.Dark: colors.muted,
        role.Shadow: colors.border,
    }
    for r, value in pairs.items():
        pal.setColor(r, QColor(value))
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor(colors.muted))
    return pal


def stylesheet_for(colors: Colors, template: str) -> str:
    """The app stylesheet with the palette's colours filled in."""
    return Template(template).safe_substitute(asdict(colors))


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme (Qt 6.5+)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class Theme(QObject):
    """Applies the palette matching the system scheme and follows it when it changes."""

    scheme_changed = Signal(bool)  # True when dark

    def __init__(self, app: QApplication, resources: Resources) -> None:
        super().__init__(app)
        self._app = app
        self._resources = resources
        self.colors = LIGHT
        app.styleHints().colorSchemeChanged.connect(self._on_scheme)

    def apply(self, dark: bool | None = None) -> None:
        """Apply the dark or light palette (the system's choice when ``dark`` is None)."""
        is_dark = system_is_dark() if dark is None else dark
        self.colors = DARK if is_dark else LIGHT
        style = QStyleFactory.create("Fusion")
        if style is not None:
            self._app.setStyle(style)
        self._app.setPalette(palette_for(self.colors))
        self._app.setStyleSheet(stylesheet_for(self.colors, self._resources.stylesheet_template()))
        self._resources.clear_icon_cache()

    def icon_color(self) -> QColor:
        """The colour line icons are drawn in."""
        return QColor(self.colors.text)

    def _on_scheme(self, _scheme: Qt.ColorScheme) -> None:
        self.apply()
        self.scheme_changed.emit(self.colors is DARK)


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` a style role from app.qss (``"error"``, ``"ok"`` …) and re-apply
    the stylesheet. Switch only between roles with the same box (padding, border): Qt
    does not recompute a label's margins when a role adds padding after it was shown,
    so set a padded role at construction and hide the label when it has nothing to say."""
    widget.setProperty("role", role)
    repolish(widget)


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.updateGeometry()
