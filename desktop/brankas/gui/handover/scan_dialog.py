"""The signed BAST's scans of one handover: the list (name, size, SHA-256) and "Attach…"."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.models import Attachment, Handover
from brankas.core.errors import InvalidValue
from brankas.core.services import handover
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover import SCAN_MAX_BYTES
from brankas.gui.errors import is_expected
from brankas.gui.handover.env import HandoverEnv
from brankas.gui.handover.sentences import error_text
from brankas.gui.handover.wizard_base import error_label, note_label, set_note
from brankas.gui.i18n import current_language, format_short_datetime
from brankas.gui.models.record_model import RecordTableModel, fold
from brankas.gui.theme import Spacing
from brankas.gui.widgets.record_table import RecordTable


def size_text(size: int) -> str:
    """``"1.2 MB"``, ``"340 KB"``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class ScanColumn(IntEnum):
    """Columns of the scan list."""

    NAME = 0
    SIZE = 1
    ADDED = 2
    SHA256 = 3


class ScansModel(RecordTableModel[Attachment]):
    """A handover's scans, in the order added."""

    column_count = len(ScanColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("SHA-256"))

    def display(self, record: Attachment, column: int) -> str:
        """Cell text (the hash shortened; in full as a tool tip)."""
        col = ScanColumn(column)
        if col is ScanColumn.NAME:
            return record.filename
        if col is ScanColumn.SIZE:
            return size_text(record.size)
        if col is ScanColumn.ADDED:
            return format_short_datetime(record.added_at, current_language())
        return f"{record.sha256[:16]}…"

    def sort_key(self, record: Attachment, column: int) -> Any:
        """Sizes and times as values."""
        col = ScanColumn(column)
        if col is ScanColumn.SIZE:
            return (record.size, record.id)
        if col is ScanColumn.ADDED:
            return (record.added_at, record.id)
        return (fold(self.display(record, column)), record.id)

    def role_data(self, record: Attachment, column: int, role: int) -> Any:
        """The full SHA-256 as a tool tip."""
        if column == ScanColumn.SHA256 and role == Qt.ItemDataRole.ToolTipRole:
            return record.sha256
        return None


def attach_file(ctx: ServiceContext, handover_id: int, path: Path) -> Attachment:
    """Read the file and attach it (worker thread); a file over the limit is not read."""
    if path.stat().st_size > SCAN_MAX_BYTES:
        raise InvalidValue("the scan is larger than 20 MB", field="scan", code="scan_too_large")
    return handover.attach_scan(ctx, handover_id, path.name, path.read_bytes())


class ScanDialog(QDialog):
    """Shows a handover's scans and attaches another one. ``attached`` carries the new
    attachment. Nothing secret here: locking hides the dialog until the vault is back."""

    attached = Signal(object)

    def __init__(self, env: HandoverEnv, record: Handover, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Signed BAST {number}").format(number=record.number))
        self.env = env
        self.handover = record
        layout = QVBoxLayout(self)
        layout.setSpacing(Spacing.M)
        intro = QLabel(
            self.tr(
                "Attach the scan of the signed BAST (PDF, JPG or PNG, at most 20 MB). It is "
                "stored encrypted in the vault with its SHA-256, so a printed copy can be "
                "matched to it later."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ScansModel(self)
        self.table = RecordTable(self.model, stretch=ScanColumn.NAME)
        self.table.setObjectName("scanTable")
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No scan is attached yet."))
        self.empty.setObjectName("noScan")
        self.empty.setProperty("role", "hint")
        layout.addWidget(self.empty)
        self.error = error_label("scanError")
        layout.addWidget(self.error)
        self.status = note_label("scanStatus")
        layout.addWidget(self.status)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        buttons = QDialogButtonBox()
        self.attach_button = QPushButton(self.tr("Attach a scan…"))
        self.attach_button.setObjectName("attachScan")
        self.attach_button.setProperty("role", "primary")
        buttons.addButton(self.attach_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.attach_button.clicked.connect(self.choose)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self.reload()

    def reload(self) -> None:
        """Read the scans again."""
        hid = self.handover.id
        self.env.run(lambda ctx: handover.list_scans(ctx, hid), self._listed, self._failed)

    def _listed(self, scans: list[Attachment]) -> None:
        self.model.set_records(scans)
        self.empty.setVisible(not scans)

    def choose(self) -> None:
        """Pick a file and attach it."""
        path = self.env.hooks.open_file(
            self,
            self.tr("Choose the scan of the signed BAST"),
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        if path is not None:
            self.attach(path)

    def attach(self, path: Path) -> None:
        """Attach ``path`` in the worker; a refusal shows as a sentence."""
        self.error.setVisible(False)
        self.status.setVisible(False)
        self._set_busy(True)
        hid = self.handover.id
        started = self.env.run(
            lambda ctx: attach_file(ctx, hid, path), self._attached, self._failed
        )
        if not started:
            self._set_busy(False)

    def _attached(self, scan: Attachment) -> None:
        self._set_busy(False)
        set_note(
            self.status,
            self.tr("{name} attached ({size}; SHA-256 {hash}…).").format(
                name=scan.filename, size=size_text(scan.size), hash=scan.sha256[:16]
            ),
        )
        self.attached.emit(scan)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not is_expected(exc):
            self.env.on_unexpected(exc)
            return
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.attach_button.setEnabled(not busy)
