"""About Brankas (version, purpose, the licences of bundled components) and the user manual."""

from __future__ import annotations

import html
import json
import logging
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from brankas import __version__
from brankas.gui.dialogs.messages import show_message
from brankas.gui.resources import Resources

log = logging.getLogger(__name__)

MANUAL_NAME = "Panduan-Pengguna-Brankas.pdf"


@dataclass(frozen=True, slots=True)
class Component:
    """A bundled component: its name, version (when known), licence and licence text file."""

    name: str
    version: str
    licence: str
    file: Path


def components(resources: Resources) -> list[Component]:
    """The components listed in resources/licenses/components.json, with the versions this
    installation reports (empty when unknown)."""
    folder = resources.path("licenses")
    try:
        entries = json.loads((folder / "components.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("the licence list is missing or damaged")
        return []
    from brankas.selftest import versions

    known = versions()
    out = []
    for entry in entries:
        version = known.get(entry["name"], "")
        if not version and entry.get("dist"):
            try:
                version = metadata.version(entry["dist"])
            except metadata.PackageNotFoundError:
                version = ""
        out.append(Component(entry["name"], version, entry["licence"], folder / entry["file"]))
    return out


def manual_pdf(resources: Resources) -> Path | None:
    """The user manual PDF: shipped in resources/manual/, or built in docs/manual/build/ of
    a source tree (docs/manual/build_manual.py). None when neither exists."""
    for candidate in (
        resources.path("manual", MANUAL_NAME),
        resources.root.parent / "docs" / "manual" / "build" / MANUAL_NAME,
    ):
        if candidate.is_file():
            return candidate
    return None


def open_manual(resources: Resources, parent: QWidget | None = None) -> bool:
    """Open the user manual in the PC's PDF viewer; say so when it cannot be opened."""
    pdf = manual_pdf(resources)
    if pdf is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf))):
        return True
    title = QCoreApplication.translate("Help", "User manual")
    if pdf is None:
        text = QCoreApplication.translate(
            "Help",
            "The user manual is not part of this installation. Reinstall Brankas, or ask "
            "your IT staff for the file Panduan-Pengguna-Brankas.pdf.",
        )
    else:
        text = QCoreApplication.translate(
            "Help", "No program to open PDF files was found. The manual is here: {path}"
        ).format(path=str(pdf))
    show_message(parent, title, text)
    return False


class AboutDialog(QDialog):
    """Version, purpose, licence; the bundled components and their licence texts."""

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("About Brankas"))
        self._components = {c.name: c for c in components(resources)}
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_tab(resources), self.tr("Brankas"))
        self.tabs.addTab(self._components_tab(), self.tr("Components and licences"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _about_tab(self, resources: Resources) -> QWidget:
        tab = QWidget()
        row = QHBoxLayout(tab)
        icon = QLabel()
        icon.setPixmap(resources.app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(icon)
        title = self.tr("Brankas {version}").format(version=__version__)
        body = self.tr(
            "Keeps the official social media accounts of the Panwaslu Kecamatan, their "
            "passwords and their handovers in an encrypted vault, and prepares the archive "
            "for the province."
        )
        licence = self.tr("Free software under the GNU General Public License, version 3 or later.")
        qt = self.tr(
            "Brankas uses Qt under the GNU Lesser General Public License, version 3, as "
            "separate libraries that can be replaced. The licences of every component are "
            "on the next tab."
        )
        parts = (html.escape(t) for t in (title, body, licence, qt))
        text = QLabel("<h2>{}</h2><p>{}</p><p>{}</p><p>{}</p>".format(*parts))
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        return tab

    def _components_tab(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.component_list = QTextBrowser()
        self.component_list.setObjectName("componentList")
        self.component_list.setOpenLinks(False)
        self.component_list.anchorClicked.connect(lambda url: self.show_licence(url.path()))
        rows = "".join(self._row(c) for c in self._components.values())
        head = "<tr><th align='left'>{}</th><th align='left'>{}</th><th align='left'>{}</th></tr>"
        head = head.format(
            *(
                html.escape(t)
                for t in (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
            )
        )
        self.component_list.setHtml(f"<table cellpadding='3'>{head}{rows}</table>")
        self.licence_text = QPlainTextEdit()
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setReadOnly(True)
        self.licence_text.setPlaceholderText(self.tr("Click a component to read its licence."))
        splitter.addWidget(self.component_list)
        splitter.addWidget(self.licence_text)
        return splitter

    @staticmethod
    def _row(c: Component) -> str:
        name = html.escape(c.name)
        link = f"<a href='licence:{html.escape(c.name, quote=True)}'>{name}</a>"
        return f"<tr><td>{link}</td><td>{html.escape(c.version)}</td><td>{html.escape(c.licence)}</td></tr>"

    def component_names(self) -> list[str]:
        """The components listed, in order."""
        return list(self._components)

    def show_licence(self, name: str) -> None:
        """Show the licence text of the component ``name``."""
        component = self._components.get(name)
        if component is None:
            return
        try:
            text = component.file.read_text(encoding="utf-8")
        except OSError:
            text = self.tr("The licence text of {name} is missing from this installation.")
            text = text.format(name=name)
        self.licence_text.setPlainText(text)
