"""The import wizard window: term → file → mapping → preview → dry run → import."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from brankas.core.importers.detect import open_import
from brankas.core.importers.prepared import Prepared
from brankas.gui.import_wizard import flow
from brankas.gui.import_wizard.base import Env, JobPage, sentence_for
from brankas.gui.import_wizard.flow import ImportState, Page
from brankas.gui.import_wizard.pages_mapping import ImportMappingPage
from brankas.gui.import_wizard.pages_preview import ImportPreviewPage
from brankas.gui.import_wizard.pages_run import ImportDryRunPage, ImportRunPage
from brankas.gui.import_wizard.pages_source import ImportFilePage, ImportTermPage
from brankas.gui.session import Session
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY
from brankas.gui.workers import JobRunner, ProgressFn


class ImportWizard(QWizard):
    """Emits :attr:`imported` with the summary once accounts were written."""

    imported = Signal(object)

    def __init__(
        self,
        session: Session,
        files: JobRunner,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        # The preview holds the file's passwords: closed on lock like any secret dialog.
        self.setProperty(SECRET_PROPERTY, True)
        self.env = Env(session, files, on_unexpected, ImportState())
        self.setWindowTitle(self.tr("Import accounts"))
        self.setWindowIcon(session.ctx.resources.app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self._set_button_texts()
        self.term_page = ImportTermPage(self.env)
        self.file_page = ImportFilePage(self.env)
        self.mapping_page = ImportMappingPage(self.env)
        self.preview_page = ImportPreviewPage(self.env)
        self.dry_run_page = ImportDryRunPage(self.env)
        self.import_page = ImportRunPage(self.env)
        self.import_page.imported.connect(self.imported.emit)
        self.file_page.first_look.connect(self._read_whole)
        for page_id, page in (
            (Page.TERM, self.term_page),
            (Page.FILE, self.file_page),
            (Page.MAPPING, self.mapping_page),
            (Page.PREVIEW, self.preview_page),
            (Page.DRY_RUN, self.dry_run_page),
            (Page.IMPORT, self.import_page),
        ):
            self.setPage(int(page_id), page)
        self.setStartId(int(Page.TERM))
        self.currentIdChanged.connect(self._on_page)
        self.resize(1100, 720)

    @property
    def state(self) -> ImportState:
        """The choices made so far."""
        return self.env.state

    def _set_button_texts(self) -> None:
        # Qt ships no Indonesian for its own wizard buttons (PITFALLS.md): set them here.
        button = QWizard.WizardButton
        self.setButtonText(button.BackButton, self.tr("< Back"))
        self.setButtonText(button.NextButton, self.tr("Next >"))
        self.setButtonText(button.CommitButton, self.tr("Import"))
        self.setButtonText(button.FinishButton, self.tr("Finish"))
        self.setButtonText(button.CancelButton, self.tr("Cancel"))

    def _read_whole(self) -> None:
        """Read the whole spreadsheet after its first rows were shown."""
        env = self.env
        state = env.state
        path, sheet = state.path, state.sheet
        if path is None:
            return

        def job(_progress: ProgressFn) -> Prepared:
            return open_import(path, sheet=sheet, conn=None)

        def done(whole: Prepared) -> None:
            if env.closed or state.prepared is None or (state.path, state.sheet) != (path, sheet):
                return
            state.complete_table(whole.table)
            page = self.currentPage()
            if page is self.mapping_page:
                self.mapping_page.initializePage()
            elif page is self.preview_page:
                self.preview_page.table_completed()

        def failed(exc: BaseException) -> None:
            if env.closed or (state.path, state.sheet) != (path, sheet):
                return
            text = sentence_for(exc)
            if text is None:
                env.on_unexpected(exc)
                return
            state.table_error = text
            page = self.currentPage()
            if isinstance(page, JobPage):
                page.show_error(text)
                page.completeChanged.emit()

        env.files.start(job, on_success=done, on_error=failed)

    def _on_page(self, page_id: int) -> None:
        if page_id < 0:
            return
        page = Page(page_id)
        self.setOption(QWizard.WizardOption.NoCancelButton, page is Page.IMPORT)

    def nextId(self) -> int:
        """Decided by :func:`flow.next_page`."""
        current = self.currentId()
        if current < 0:
            return int(Page.TERM)
        following = flow.next_page(Page(current))
        return int(following) if following is not None else -1

    def reject(self) -> None:
        """Cancel (not while the import is being written)."""
        if self.import_page.running:
            return
        self._forget()
        super().reject()

    def accept(self) -> None:
        """Finish."""
        self._forget()
        super().accept()

    def force_close(self) -> None:
        """Close whatever the state (the vault is locking; its job runner finishes first)."""
        self._forget()
        self.done(QWizard.DialogCode.Rejected)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window is cancelling."""
        if self.import_page.running:
            event.ignore()
            return
        self._forget()
        super().closeEvent(event)

    def _forget(self) -> None:
        self.env.closed = True
        self.preview_page.model.clear()
        self.mapping_page.model.set_prepared(None)
        self.file_page.password.wipe()
        self.env.state.forget()
