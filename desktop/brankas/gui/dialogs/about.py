"""About Brankas."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from brankas import __version__
from brankas.gui.resources import Resources


class AboutDialog(QDialog):
    """Version, purpose, licence."""

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("About Brankas"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
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
        parts = (html.escape(t) for t in (title, body, licence))
        text = QLabel("<h2>{}</h2><p>{}</p><p>{}</p>".format(*parts))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(text, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 220)
