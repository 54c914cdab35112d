"""The handover wizard (QWizard): core's wizard module decides the pages and checks them;
the last page prints or saves the recorded BAST."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QWidget, QWizard

from brankas.core.domain.enums import HandoverKind
from brankas.core.services import handover
from brankas.core.services import handover_wizard as wh
from brankas.core.services.handover_wizard import PAGES, Page, TermOption, WizardData
from brankas.gui.errors import is_expected
from brankas.gui.handover.env import HandoverEnv
from brankas.gui.handover.pages_choice import (
    HandoverAccountsPage,
    HandoverKecamatanPage,
    HandoverKindPage,
    HandoverTermPage,
)
from brankas.gui.handover.pages_finish import HandoverDonePage, HandoverPreviewPage
from brankas.gui.handover.pages_people import HandoverDetailsPage, HandoverPartiesPage
from brankas.gui.handover.printing import BastOutput
from brankas.gui.handover.sentences import error_text
from brankas.gui.handover.wizard_base import WizardStep
from brankas.gui.resources import Resources

DONE_ID = len(PAGES)  # the page after core's last: what was recorded


class HandoverWizard(QWizard):
    """Records one handover batch. Holds no secret (a BAST never shows a password), so
    locking only hides it; it works on whichever session is current when shown again."""

    recorded = Signal(object)  # list[Handover]
    rotation_requested = Signal()

    def __init__(
        self,
        env: HandoverEnv,
        resources: Resources,
        *,
        kind: HandoverKind | None = None,
        term_id: int | None = None,
        kecamatan_ids: Iterable[int] = (),
        jump_to: Page | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverWizard")
        self.env = env
        self._resources = resources
        state = wh.start()
        if kind is not None:
            state = wh.choose_kind(state, kind)
        if term_id is not None:
            state = wh.choose_term(state, term_id)
        self.state = state
        self.data = WizardData()
        self._data_key: tuple[HandoverKind | None, int | None] | None = None
        self._prefill = tuple(kecamatan_ids)
        self._jump_to = jump_to
        self.output = BastOutput(self, lambda: env.hooks)
        self.setWindowTitle(self.tr("Handover (serah terima)"))
        self.setWindowIcon(resources.app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self._set_button_texts()
        self.kind_page = HandoverKindPage(self)
        self.term_page = HandoverTermPage(self)
        self.kecamatan_page = HandoverKecamatanPage(self)
        self.accounts_page = HandoverAccountsPage(self)
        self.parties_page = HandoverPartiesPage(self)
        self.details_page = HandoverDetailsPage(self)
        self.preview = HandoverPreviewPage(self)
        self.done_page = HandoverDonePage(self)
        steps: list[WizardStep] = [
            self.kind_page,
            self.term_page,
            self.kecamatan_page,
            self.accounts_page,
            self.parties_page,
            self.details_page,
            self.preview,
        ]
        for page, step in zip(PAGES, steps, strict=True):
            self.setPage(self.id_of(page), step)
        self.setPage(DONE_ID, self.done_page)
        self.setStartId(self.id_of(Page.KIND))
        self.currentIdChanged.connect(self._on_page)
        self.resize(1000, 680)

    def _set_button_texts(self) -> None:
        # Qt ships no Indonesian for its own wizard buttons (PITFALLS.md): set them here.
        button = QWizard.WizardButton
        self.setButtonText(button.BackButton, self.tr("< Back"))
        self.setButtonText(button.NextButton, self.tr("Next >"))
        self.setButtonText(button.CommitButton, self.tr("Record"))
        self.setButtonText(button.FinishButton, self.tr("Finish"))
        self.setButtonText(button.CancelButton, self.tr("Cancel"))

    # --- navigation (decided in core) ---------------------------------------------------
    @staticmethod
    def id_of(page: Page) -> int:
        """The QWizard page id of one of core's pages."""
        return PAGES.index(page)

    def nextId(self) -> int:
        """Core's next page; after the preview, the page of what was recorded."""
        current = self.currentId()
        if current < 0:
            return self.id_of(Page.KIND)
        if current == DONE_ID:
            return -1
        following = wh.next_page_of(PAGES[current])
        return DONE_ID if following is None else self.id_of(following)

    def _on_page(self, page_id: int) -> None:
        if 0 <= page_id < len(PAGES):
            self.state = dataclasses.replace(self.state, page=PAGES[page_id])
        self.setOption(QWizard.WizardOption.NoCancelButton, page_id == DONE_ID)

    def page_ready(self, step: WizardStep) -> None:
        """A page has what it needs; a pre-filled wizard moves on to its target page."""
        target = self._jump_to
        if target is None or step is not self.currentPage():
            return
        if self.currentId() >= self.id_of(target):
            self._jump_to = None
            return
        QTimer.singleShot(0, self, self._jump)

    def _jump(self) -> None:
        before = self.currentId()
        self.next()
        if self.currentId() == before:  # a page had a problem: stay and show it
            self._jump_to = None

    # --- data ---------------------------------------------------------------------------
    def ensure_data(
        self, kind: HandoverKind | None, term_id: int | None, then: Callable[[], None]
    ) -> None:
        """Load what the pages offer for ``kind`` and ``term_id`` (once), then ``then()``."""
        key = (kind, term_id)
        if key == self._data_key:
            then()
            return

        def loaded(data: WizardData) -> None:
            self.data, self._data_key = data, key
            if self._prefill and term_id is not None and not self.state.kecamatan_ids:
                self.state = wh.choose_kecamatan(self.state, self._prefill, data)
                self._prefill = ()
            then()

        def failed(exc: BaseException) -> None:
            page = self.currentPage()
            if isinstance(page, WizardStep):
                page.set_loading(False)
                if is_expected(exc):
                    page.show_text(error_text(exc))
                    return
            self.env.on_unexpected(exc)

        self.env.run(lambda ctx: handover.wizard_data(ctx, kind, term_id), loaded, failed)

    def likely_term(self) -> TermOption | None:
        """The term running today (the latest to start), else the newest."""
        today, terms = self.data.today, self.data.terms
        running = [t for t in terms if t.start_date <= today <= t.end_date]
        return max(running or terms, key=lambda t: (t.start_date, t.id), default=None)

    # --- the end ------------------------------------------------------------------------
    def icon(self, name: str) -> QIcon:
        """A themed icon."""
        return self._resources.themed_icon(name)

    def start_rotation(self) -> None:
        """Close and ask for the rotation queue."""
        self.rotation_requested.emit()
        self.accept()

    @property
    def busy(self) -> bool:
        """True while the batch is being recorded."""
        return self.preview.loading and self.currentPage() is self.preview

    def reject(self) -> None:
        """Cancel, except while recording."""
        if self.busy:
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window is cancelling."""
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
