"""Province page "Review": regencies × terms with their findings (the same eight rules the
regencies run), drill-down to kecamatan and account, printable reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brankas.core.archive.review_mode import (
    ArchiveReview,
    RegencyTermRow,
    ReviewCache,
    overview,
    review_archive,
)
from brankas.core.domain.calendar import local_date
from brankas.documents.review_report import ReportInput, read_report_input, write_report
from brankas.gui.archive.review_detail import ReviewDetail
from brankas.gui.archive.review_models import (
    ROW_ROLE,
    OverviewColumn,
    OverviewModel,
    sorted_proxy,
)
from brankas.gui.dialogs.messages import show_error, show_message
from brankas.gui.i18n import current_language, format_date
from brankas.gui.pages.base import Page
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn

Clock = Callable[[], date]


def office_today() -> date:
    """Today on the office calendar (WIB), the day findings are judged at."""
    return local_date(datetime.now(UTC))


class ReviewPage(Page):
    """The province's review dashboard (read-only; revealing a secret is audited)."""

    def __init__(
        self,
        on_unexpected: Callable[[BaseException], None],
        clock: Clock = office_today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.title.setText(self.tr("Review"))
        self.setObjectName("reviewPage")
        self._on_unexpected = on_unexpected
        self._clock = clock
        self.cache = ReviewCache()  # in memory only; cleared when the vault locks
        self.today = clock()
        self.intro = QLabel()
        self.intro.setObjectName("reviewIntro")
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "subtitle")
        self.layout_.addWidget(self.intro)
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("← All regencies"))
        self.back.setObjectName("reviewBack")
        self.back.clicked.connect(self.show_overview)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("reviewRefresh")
        self.refresh_button.clicked.connect(self.reload)
        self.print_button = QPushButton(self.tr("Review report (PDF)…"))
        self.print_button.setObjectName("reviewPrint")
        self.print_button.clicked.connect(lambda: self.print_report())
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.print_button)
        self.layout_.addLayout(row)
        self.stack = QStackedWidget()
        self.model = OverviewModel(self)
        self.proxy = sorted_proxy(self.model, self)
        self.table = QTableView()
        self.table.setObjectName("reviewOverview")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OverviewColumn.REGENCY, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OverviewColumn.REGENCY, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.empty = QLabel(
            self.tr("No archives imported yet. Import them on the Regency archives page.")
        )
        self.empty.setProperty("role", "hint")
        overview_page = QWidget()
        ov = QVBoxLayout(overview_page)
        ov.setContentsMargins(0, 0, 0, 0)
        ov.addWidget(self.table, 1)
        ov.addWidget(self.empty)
        self.detail = ReviewDetail(on_unexpected)
        self.stack.addWidget(overview_page)
        self.stack.addWidget(self.detail)
        self.layout_.addWidget(self.stack, 1)
        self._dirty = True
        self.show_overview()

    # --- session --------------------------------------------------------------------------
    def start_session(self, session: Session) -> None:
        """Nothing is read until the page is shown (decrypting archives takes a moment)."""
        super().start_session(session)
        self._dirty = True
        if self.isVisible():
            self.reload()

    def end_session(self) -> None:
        """Forget every archive read (the cache lives in memory only)."""
        self.cache.clear()
        self.model.clear()
        self.detail.clear()
        self.show_overview()
        super().end_session()

    def page_shown(self) -> None:
        """Load on the first visit, and again when archives were imported meanwhile."""
        if self._dirty or self._clock() != self.today:
            self.reload()

    def mark_dirty(self) -> None:
        """Archives were imported: reload on the next visit."""
        self._dirty = True

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Judge every regency's newest archive on today's date (in the worker; only archives
        not in the cache are decrypted)."""
        session = self.session
        if session is None:
            return
        self._dirty = False
        self.today = self._clock()
        vault, today, cache = session.vault, self.today, self.cache

        def job(_progress: ProgressFn) -> list[RegencyTermRow]:
            return overview(vault, today=today, cache=cache)

        self._set_intro()
        self.refresh_button.setEnabled(False)
        session.runner.start(job, on_success=self._loaded, on_error=self._failed)

    def _set_intro(self) -> None:
        self.intro.setText(
            self.tr(
                "Findings of the eight review rules on each regency's newest archive, judged on "
                "{date}. Open a row to see its kecamatan and accounts."
            ).format(date=format_date(self.today, current_language()))
        )

    def _loaded(self, rows: list[RegencyTermRow]) -> None:
        self.refresh_button.setEnabled(True)
        if self.session is None:
            return
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.print_button.setEnabled(bool(rows))

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        show_error(self.window(), exc)

    # --- navigation -----------------------------------------------------------------------
    def show_overview(self) -> None:
        """Back to the regency × term table."""
        self.stack.setCurrentIndex(0)
        self.back.setVisible(False)
        self.print_button.setText(self.tr("Review report (PDF)…"))
        self.print_button.setEnabled(self.model.rowCount() > 0)

    def _open_index(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, RegencyTermRow):
            self.open_row(row)

    def open_row(self, row: RegencyTermRow) -> None:
        """Drill down into one regency and term (the archive comes from the cache)."""
        session = self.session
        if session is None:
            return
        vault, today, cache = session.vault, self.today, self.cache

        def job(_progress: ProgressFn) -> ArchiveReview:
            return review_archive(vault, row.import_id, today=today, cache=cache)

        def opened(archive: ArchiveReview) -> None:
            if self.session is None:
                return
            self.detail.show_archive(session, archive, row.term.id)
            self.stack.setCurrentIndex(1)
            self.back.setVisible(True)
            self.print_button.setText(self.tr("Report for this regency (PDF)…"))
            self.print_button.setEnabled(True)

        session.runner.start(job, on_success=opened, on_error=self._failed)

    def row_of(self, office_code: str, term_name: str) -> RegencyTermRow | None:
        """The overview row of a regency's term (for keyboard shortcuts and tests)."""
        for r in range(self.model.rowCount()):
            row = self.model.row_at(r)
            if row is not None and row.office_code == office_code and row.term.name == term_name:
                return row
        return None

    # --- reports --------------------------------------------------------------------------
    def print_report(self, path: Path | None = None) -> None:
        """Write the review report: every regency from the overview, or the regency shown."""
        session = self.session
        if session is None:
            return
        archive = self.detail.archive if self.stack.currentIndex() == 1 else None
        if path is None:
            suggested = (
                f"tinjauan-{archive.imported.office_code}-{self.today.isoformat()}.pdf"
                if archive is not None
                else f"tinjauan-provinsi-{self.today.isoformat()}.pdf"
            )
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the review report"), suggested, self.tr("PDF files (*.pdf)")
            )
            if not name:
                return
            path = Path(name)
        vault, today, cache = session.vault, self.today, self.cache
        code = archive.imported.office_code if archive is not None else None
        target = path

        def job(_progress: ProgressFn) -> ReportInput:
            return read_report_input(vault, today=today, cache=cache, office_code=code)

        def write(data: ReportInput) -> None:
            try:
                pages = write_report(data, target)
            except Exception as exc:  # DiskFull, VaultReadOnly: each has its sentence
                show_error(self.window(), exc)
                return
            self.last_report = (target, pages)
            show_message(
                self.window(),
                self.tr("Review report"),
                self.tr("The report was saved ({pages} pages): {path}").format(
                    pages=pages, path=target
                ),
            )

        session.runner.start(job, on_success=write, on_error=self._failed)

    last_report: tuple[Path, int] | None = None
