"""The printed recovery kit sheet: one function renders it to a printer or a PDF writer.

A simple sheet for now; the documents layer will replace :func:`render_recovery_sheet`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from brankas.core.fsutil import atomic_write
from brankas.gui.i18n import format_date


@dataclass(frozen=True, slots=True)
class RecoverySheetData:
    """What the sheet shows. ``recovery_key`` is the secret: the sheet's whole point."""

    vault_id: str
    office_name: str
    created: date
    recovery_key: str
    language: str = "id"

    @property
    def groups(self) -> list[str]:
        """The 8 groups of 6 digits."""
        return [g for g in self.recovery_key.replace(" ", "-").split("-") if g]


def recovery_sheet_html(data: RecoverySheetData) -> str:
    """The sheet as HTML (QTextDocument's subset)."""
    cells = "".join(
        f'<td align="center" style="padding:6px 10px;">'
        f'<span style="font-size:8pt;color:#555;">{i}</span><br/>'
        f"<span style=\"font-family:'DejaVu Sans Mono','Courier New',monospace;"
        f'font-size:20pt;font-weight:bold;">{html.escape(g)}</span></td>'
        + ("</tr><tr>" if i == 4 else "")
        for i, g in enumerate(data.groups, 1)
    )
    steps = [
        QCoreApplication.translate(
            "RecoverySheet",
            "Keep this sheet in the office safe. Do not photograph it, "
            "scan it or store it on a computer.",
        ),
        QCoreApplication.translate(
            "RecoverySheet",
            "Anyone holding this sheet can open the vault: treat it like "
            "the key to the safe itself.",
        ),
        QCoreApplication.translate(
            "RecoverySheet",
            "If every admin password is lost, open Brankas, choose "
            "“Use recovery kit” and type the 48 digits.",
        ),
        QCoreApplication.translate(
            "RecoverySheet",
            "After the kit is used, Brankas prints a new one and this "
            "sheet stops working: destroy it.",
        ),
    ]
    items = "".join(f"<li>{html.escape(s)}</li>" for s in steps)
    labels = {
        "title": QCoreApplication.translate("RecoverySheet", "Brankas recovery kit"),
        "office": QCoreApplication.translate("RecoverySheet", "Office"),
        "vault": QCoreApplication.translate("RecoverySheet", "Vault ID"),
        "date": QCoreApplication.translate("RecoverySheet", "Date"),
        "key": QCoreApplication.translate("RecoverySheet", "Recovery key"),
        "steps": QCoreApplication.translate("RecoverySheet", "Instructions"),
        "sign": QCoreApplication.translate("RecoverySheet", "Stored by (name, signature):"),
    }
    t = {k: html.escape(v) for k, v in labels.items()}
    office = html.escape(data.office_name)
    vault = html.escape(data.vault_id)
    day = html.escape(format_date(data.created, data.language))
    return (
        "<html><body style=\"font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;\">"
        f'<h1 style="font-size:18pt;">{t["title"]}</h1>'
        '<table cellspacing="0" cellpadding="3">'
        f"<tr><td><b>{t['office']}</b></td><td>{office}</td></tr>"
        f"<tr><td><b>{t['vault']}</b></td><td>{vault}</td></tr>"
        f"<tr><td><b>{t['date']}</b></td><td>{day}</td></tr>"
        "</table>"
        f'<h2 style="font-size:13pt;">{t["key"]}</h2>'
        f'<table border="1" cellspacing="0" style="border-color:#888;"><tr>{cells}</tr></table>'
        f'<h2 style="font-size:13pt;">{t["steps"]}</h2>'
        f"<ol>{items}</ol>"
        f'<p style="margin-top:24pt;">{t["sign"]} ______________________________</p>'
        "</body></html>"
    )


def render_recovery_sheet(data: RecoverySheetData, device: QPagedPaintDevice) -> None:
    """Render the sheet on ``device`` (a QPrinter or QPdfWriter), A4 portrait."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = QTextDocument()
    # Lay the text out for the device's resolution; without this, text comes out
    # microscopic at 300 dpi (PITFALLS.md).
    doc.documentLayout().setPaintDevice(device)
    doc.setHtml(recovery_sheet_html(data))
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(device)


def save_recovery_sheet_pdf(data: RecoverySheetData, path: Path) -> None:
    """Write the sheet as a PDF file, readable by its owner only (it holds the key).

    Raises:
        DiskFull, VaultReadOnly: the file could not be written (nothing is left behind).
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(QCoreApplication.translate("RecoverySheet", "Brankas recovery kit"))
    writer.setCreator("Brankas")
    render_recovery_sheet(data, writer)
    del writer  # the PDF is complete once the writer is gone
    atomic_write(path, bytes(buffer.data().data()))
    buffer.close()
