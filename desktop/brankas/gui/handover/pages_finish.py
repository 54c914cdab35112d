"""The handover wizard's last pages: preview each BAST, record, then print or save them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from brankas.core.domain.enums import HandoverKind
from brankas.core.errors import InvalidValue
from brankas.core.services import handover
from brankas.core.services import handover_wizard as wh
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover_wizard import HandoverDraft, Page
from brankas.documents import render
from brankas.documents.bast import BastData, bast_data, bast_document
from brankas.gui.errors import is_expected
from brankas.gui.handover.bast_model import BastColumn, BastListModel, BastRow, bast_row
from brankas.gui.handover.sentences import error_field, error_text
from brankas.gui.handover.slip_dialog import CredentialSlipDialog
from brankas.gui.handover.wizard_base import WizardStep, note_label, set_note
from brankas.gui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from brankas.gui.handover.wizard import HandoverWizard

# Which page owns a field the services name in their errors.
_FIELD_PAGES = {
    "kind": Page.KIND,
    "term": Page.TERM,
    "kecamatan": Page.KECAMATAN,
    "accounts": Page.ACCOUNTS,
    "first_party": Page.PARTIES,
    "second_party": Page.PARTIES,
    "office_party": Page.PARTIES,
    "committee_party": Page.PARTIES,
    "witnesses": Page.PARTIES,
    "mengetahui": Page.PARTIES,
    "date": Page.DETAILS,
    "place": Page.DETAILS,
    "number": Page.DETAILS,
    "notes": Page.DETAILS,
}


def preview_rows(ctx: ServiceContext, drafts: tuple[HandoverDraft, ...]) -> list[BastRow]:
    """Each BAST as it would be recorded now, with its HTML (worker thread)."""
    return [bast_row(h, bast_data(ctx, h)) for h in handover.preview_handovers(ctx, drafts)]


def record_rows(ctx: ServiceContext, drafts: tuple[HandoverDraft, ...]) -> list[BastRow]:
    """Record the batch in one transaction, then each BAST as recorded (worker thread)."""
    return [bast_row(h, bast_data(ctx, h)) for h in handover.record_handovers(ctx, drafts)]


class HandoverPreviewPage(WizardStep):
    """Every BAST of the batch as it will print; "Record" writes them all at once."""

    core_page = Page.PREVIEW

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("previewPage")
        self.setTitle(self.tr("Check the BAST"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Record"))
        self.summary = self.title_widget("")
        self.summary.setObjectName("previewSummary")
        self.body.addWidget(self.summary)
        self.model = BastListModel(self)
        self.table = RecordTable(self.model, stretch=BastColumn.KECAMATAN)
        self.table.setObjectName("previewList")
        self.browser = QTextBrowser()
        self.browser.setObjectName("bastPreview")
        self.browser.setOpenLinks(False)
        self.pages = QWidget()
        self.pages_column = QVBoxLayout(self.pages)
        pages_scroll = QScrollArea()
        pages_scroll.setObjectName("bastPages")
        pages_scroll.setWidgetResizable(True)
        pages_scroll.setWidget(self.pages)
        self.views = QStackedWidget()
        self.views.addWidget(self.browser)
        self.views.addWidget(pages_scroll)
        self.as_printed = QCheckBox(self.tr("Show the pages as printed"))
        self.as_printed.setObjectName("asPrinted")
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.as_printed)
        right_column.addWidget(self.views, 1)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([400, 570])
        split.setChildrenCollapsible(False)
        self.body.addWidget(split, 1)
        self.finish_layout()
        self.table.current_changed.connect(self._show)
        self.as_printed.toggled.connect(lambda _on: self._show(self.table.current_record()))
        self.drafts: tuple[HandoverDraft, ...] = ()
        self.recorded: list[BastRow] | None = None
        self._blocked = False

    def isComplete(self) -> bool:
        """Not while loading or recording, nor when the preview failed."""
        return super().isComplete() and not self._blocked and self.model.rowCount() > 0

    def initializePage(self) -> None:
        """Make the drafts (core checks every page again) and preview them."""
        self.clear_problems()
        self.model.clear()
        self.browser.clear()
        self._blocked = False
        try:
            self.drafts = wh.drafts(self.wiz.state, self.wiz.data)
        except InvalidValue as exc:
            self._fail(exc)
            return
        self.summary.setText(
            self.tr(
                "{count} BAST will be recorded. Recording changes who holds the accounts; "
                "print the BAST afterwards for signing."
            ).format(count=len(self.drafts))
        )
        self.set_loading(True)
        drafts = self.drafts
        started = self.wiz.env.run(
            lambda ctx: preview_rows(ctx, drafts), self._previewed, self._fail
        )
        if not started:
            self.set_loading(False)

    def _previewed(self, rows: list[BastRow]) -> None:
        self.set_loading(False)
        self.model.set_records(rows)
        self.table.selectRow(0)
        self.completeChanged.emit()

    def _show(self, row: BastRow | None) -> None:
        self.browser.setHtml(row.html if row is not None else "")
        while (item := self.pages_column.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        printed = self.as_printed.isChecked() and row is not None
        self.views.setCurrentIndex(1 if printed else 0)
        if printed and row is not None:
            # The pages as the PDF and the printer get them: footer, page numbers, hash.
            # As wide as the view allows (an A4 page is 210 mm), between 48 and 96 dpi.
            dpi = max(48.0, min(96.0, (self.views.width() - 40) / (210 / 25.4)))
            for image in render.render_images(bast_document(row.data), dpi=dpi):
                page = QLabel()
                page.setPixmap(QPixmap.fromImage(image))
                page.setObjectName("bastPage")
                page.setFrameShape(QLabel.Shape.Box)
                self.pages_column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages_column.addStretch(1)

    def _fail(self, exc: BaseException) -> None:
        self.set_loading(False)
        if not is_expected(exc):
            self.wiz.env.on_unexpected(exc)
            return
        self._blocked = True
        text = error_text(exc)
        page = _FIELD_PAGES.get(error_field(exc))
        if page is not None and page is not Page.PREVIEW:
            title = self.wiz.page(self.wiz.id_of(page)).title()
            text += " " + self.tr('Use Back to change it on the page "{page}".').format(page=title)
        self.show_text(text)
        self.completeChanged.emit()

    def validatePage(self) -> bool:
        """Record (in the worker); the wizard moves on when that succeeded."""
        if self.recorded is not None:
            return True
        if self.loading or self._blocked:
            return False
        self.clear_problems()
        self.set_loading(True)
        drafts = self.drafts
        started = self.wiz.env.run(lambda ctx: record_rows(ctx, drafts), self._recorded, self._fail)
        if not started:
            self.set_loading(False)
        return False

    def _recorded(self, rows: list[BastRow]) -> None:
        self.set_loading(False)
        self.recorded = rows
        self.wiz.recorded.emit([r.handover for r in rows])
        self.wiz.next()


class HandoverDonePage(WizardStep):
    """What was recorded; print the BAST or save them as PDF."""

    core_page = Page.PREVIEW  # nothing left to check

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("donePage")
        self.setTitle(self.tr("Recorded"))
        self.summary = self.title_widget("")
        self.summary.setObjectName("doneSummary")
        self.body.addWidget(self.summary)
        self.model = BastListModel(self)
        self.table = RecordTable(self.model, stretch=BastColumn.KECAMATAN)
        self.table.setObjectName("recordedList")
        self.body.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(wizard.icon("print"), self.tr("Print…"))
        self.print_button.setObjectName("printBast")
        self.pdf_button = QPushButton(wizard.icon("save"), self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("saveBast")
        self.slips_button = QPushButton(wizard.icon("key"), self.tr("Credential slips…"))
        self.slips_button.setObjectName("printSlips")
        self.slips_button.setToolTip(
            self.tr("Each member's passwords on a confidential sheet, printed only")
        )
        self.rotate_button = QPushButton(wizard.icon("key"), self.tr("Change the passwords now"))
        self.rotate_button.setObjectName("startRotation")
        self.rotate_button.setProperty("role", "primary")
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addWidget(self.slips_button)
        row.addStretch(1)
        row.addWidget(self.rotate_button)
        self.body.addLayout(row)
        self.status = note_label("outputStatus")
        self.body.addWidget(self.status)
        self.next_steps = self.title_widget("")
        self.body.addWidget(self.next_steps)
        self.finish_layout()
        self.print_button.clicked.connect(lambda: self.wiz.output.print_basts(self.basts()))
        self.pdf_button.clicked.connect(lambda: self.wiz.output.save_pdfs(self.basts()))
        self.rotate_button.clicked.connect(self.wiz.start_rotation)
        self.slips_button.clicked.connect(self.open_slips)
        self.wiz.output.done.connect(lambda text: set_note(self.status, text))

    def basts(self) -> list[BastData]:
        """What prints: every recorded BAST."""
        return [r.data for r in self.model.records()]

    def initializePage(self) -> None:
        """List what was recorded."""
        rows = self.wiz.preview.recorded or []
        self.model.set_records(rows)
        numbers = ", ".join(r.data.number for r in rows)
        self.summary.setText(
            self.tr("{count} BAST recorded: {numbers}.").format(count=len(rows), numbers=numbers)
        )
        back = self.wiz.state.kind is HandoverKind.RETURN
        self.rotate_button.setVisible(back)
        self.slips_button.setVisible(not back)
        steps = self.tr(
            "Print the BAST and have them signed. Then scan each signed BAST and attach it "
            "on the Handovers page (Attach scan…)."
        )
        if back:
            steps += " " + self.tr(
                "The returned accounts now wait for a new password and their deactivation "
                "checklist (Term end page)."
            )
        self.next_steps.setText(steps)

    def open_slips(self) -> CredentialSlipDialog:
        """The credential slips of the members who received accounts."""
        dialog = CredentialSlipDialog(
            self.wiz.env, [r.handover for r in self.model.records()], self.wiz
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def validatePage(self) -> bool:
        """Finishing needs nothing more."""
        return True
