"""Province page "Regency archives": the province key, importing archives (dialog or drag and
drop) with one sentence per file, and the archives kept in the vault."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from brankas.core.archive.format import EXTENSION
from brankas.core.archive.province import ImportedArchive, list_imports
from brankas.gui.archive.import_flow import ImportQueue
from brankas.gui.archive.imports_model import (
    ImportColumn,
    ImportsModel,
    Outcome,
    OutcomeColumn,
    OutcomesModel,
)
from brankas.gui.archive.keys_box import ArchiveKeysBox
from brankas.gui.archive.review_models import sorted_proxy
from brankas.gui.dialogs.messages import show_error
from brankas.gui.pages.base import Page
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn


def archive_paths(urls: Iterable[str]) -> list[Path]:
    """The local files among dropped URLs' paths (any name: the file is verified anyway)."""
    return [Path(u) for u in urls if u and Path(u).is_file()]


class ArchivesPage(Page):
    """Import archives and list the ones kept (province vaults)."""

    imports_changed = Signal()

    def __init__(
        self, on_unexpected: Callable[[BaseException], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent=parent)
        self.title.setText(self.tr("Regency archives"))
        self.setObjectName("archivesPage")
        self.setAcceptDrops(True)
        self._on_unexpected = on_unexpected
        self.queue: ImportQueue | None = None
        intro = QLabel(
            self.tr(
                "Import the review archives the regencies and cities send (.brankas files). "
                "Each file is checked before anything in it is shown: its signature, its "
                "contents, and that it is addressed to this province. You can also drop files "
                "here."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "subtitle")
        self.layout_.addWidget(intro)
        self.keys = ArchiveKeysBox(on_unexpected)
        self.layout_.addWidget(self.keys)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import archives…"))
        self.import_button.setObjectName("importArchives")
        self.import_button.setProperty("role", "primary")
        self.import_button.clicked.connect(lambda: self.choose_files())
        row.addWidget(self.import_button)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setProperty("role", "hint")
        row.addWidget(self.status, 1)
        self.layout_.addLayout(row)
        self.outcomes = OutcomesModel(self)
        self.outcome_view = QTableView()
        self.outcome_view.setObjectName("importOutcomes")
        self.outcome_view.setModel(self.outcomes)
        self.outcome_view.verticalHeader().setVisible(False)
        self.outcome_view.setWordWrap(True)
        self.outcome_view.setMaximumHeight(160)
        header = self.outcome_view.horizontalHeader()
        header.setSectionResizeMode(OutcomeColumn.FILE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OutcomeColumn.RESULT, QHeaderView.ResizeMode.Stretch)
        self.outcome_view.setVisible(False)
        self.layout_.addWidget(self.outcome_view)
        kept = QLabel(self.tr("Archives kept in this vault"))
        kept.setProperty("role", "heading")
        self.layout_.addWidget(kept)
        self.imports = ImportsModel(self)
        self.proxy = sorted_proxy(self.imports, self)
        self.table = QTableView()
        self.table.setObjectName("importedArchives")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ImportColumn.REGENCY, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportColumn.TERMS, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No archives imported yet."))
        self.empty.setProperty("role", "hint")
        self.layout_.addWidget(self.empty)
        self.layout_.addWidget(self.table, 1)
        self.stretch = QWidget()  # keeps the page's top aligned while the list is hidden
        self.layout_.addWidget(self.stretch, 1)
        self.outcomes.rowsInserted.connect(lambda *_: self.outcome_view.resizeRowsToContents())

    # --- session --------------------------------------------------------------------------
    def start_session(self, session: Session) -> None:
        """Show the province key and the archives kept (a short list: read at once)."""
        super().start_session(session)
        self.queue = ImportQueue(session, self, self._on_unexpected)
        self.queue.outcome_added.connect(self._outcome)
        self.queue.finished.connect(self._finished)
        self.keys.start_session(session)
        self.reload()

    def end_session(self) -> None:
        """Forget everything read from the vault."""
        if self.queue is not None:
            self.queue.deleteLater()
        self.queue = None
        self.keys.end_session()
        self.imports.clear()
        self.outcomes.clear()
        self.outcome_view.setVisible(False)
        self.status.clear()
        self.import_button.setEnabled(True)
        super().end_session()

    def page_shown(self) -> None:
        """Refresh the list."""
        self.reload()

    def reload(self) -> None:
        """Read the archives kept (in the worker)."""
        session = self.session
        if session is None:
            return
        vault = session.vault

        def job(_progress: ProgressFn) -> list[ImportedArchive]:
            return list_imports(vault.conn)

        session.runner.start(job, on_success=self._loaded, on_error=self._failed)

    def _loaded(self, rows: list[ImportedArchive]) -> None:
        if self.session is None:
            return
        self.imports.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.stretch.setVisible(not rows)

    def _failed(self, exc: BaseException) -> None:
        show_error(self.window(), exc)

    # --- importing ------------------------------------------------------------------------
    def choose_files(self) -> None:
        """Ask for archive files, then import them."""
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import review archives"),
            "",
            self.tr("Brankas archives (*{ext});;All files (*)").format(ext=EXTENSION),
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        """Import ``paths`` one after the other; each ends as a sentence in the list."""
        if self.queue is None or not paths:
            return
        if not self.queue.running:
            self.outcomes.clear()
        self.outcome_view.setVisible(True)
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Checking and importing {n} file(s)…").format(n=len(paths)))
        self.queue.start(paths)

    def _outcome(self, outcome: Outcome) -> None:
        self.outcomes.add(outcome)
        # File names have no spaces to wrap at: give the column the longest one (bounded).
        metrics = self.outcome_view.fontMetrics()
        width = max(
            metrics.horizontalAdvance(o.path.name) + 16
            for r in range(self.outcomes.rowCount())
            if (o := self.outcomes.row_at(r)) is not None
        )
        self.outcome_view.setColumnWidth(OutcomeColumn.FILE, min(width, 380))
        if outcome.ok:
            self.reload()
            self.imports_changed.emit()

    def _finished(self) -> None:
        self.import_button.setEnabled(True)
        ok = sum(
            1 for r in range(self.outcomes.rowCount()) if (o := self.outcomes.row_at(r)) and o.ok
        )
        self.status.setText(
            self.tr("{ok} of {n} file(s) imported.").format(ok=ok, n=self.outcomes.rowCount())
        )

    # --- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept local files while a session is open."""
        mime = event.mimeData()
        if (
            self.session is not None
            and mime.hasUrls()
            and any(u.isLocalFile() for u in mime.urls())
        ):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import the dropped files."""
        paths = archive_paths(u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)
        else:
            event.ignore()
