"""Term end: the rotation queue and the deactivation checklists, and the handovers that
start and continue them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QWidget

from brankas.core.domain.enums import HandoverKind
from brankas.core.domain.models import Term
from brankas.core.services import terms
from brankas.core.services.context import Clock, ServiceContext
from brankas.gui.handover.checklist_models import ChecklistData, load_checklists
from brankas.gui.handover.checklist_tab import ChecklistTab
from brankas.gui.handover.env import HandoverEnv, Hooks
from brankas.gui.handover.rotation_dialog import RotationDialog
from brankas.gui.handover.rotation_model import RotationRow, load_queue
from brankas.gui.handover.rotation_tab import RotationTab
from brankas.gui.pages.service_page import ServicePage, system_clock
from brankas.gui.resources import Resources


@dataclass(frozen=True, slots=True)
class TermEndData:
    """The terms, the rotation queue and the checklists of the term chosen (or all)."""

    terms: list[Term]
    queue: list[RotationRow]
    checklists: ChecklistData


def load_term_end(ctx: ServiceContext, term_id: int | None) -> TermEndData:
    """Everything the page shows (worker thread)."""
    return TermEndData(
        terms.list_terms(ctx), load_queue(ctx, term_id), load_checklists(ctx, term_id)
    )


class TermEndPage(ServicePage):
    """``wizard_requested`` asks the main window for the handover wizard of a kind."""

    wizard_requested = Signal(str, object)  # HandoverKind value, term id or None
    account_requested = Signal(int)

    def __init__(
        self,
        resources: Resources,
        on_unexpected: Callable[[BaseException], None] | None = None,
        *,
        clock: Clock = system_clock,
        hooks: Hooks | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_unexpected, clock=clock, parent=parent)
        self.setObjectName("termEndPage")
        self.resources = resources
        self.env = HandoverEnv(
            session=lambda: self.session,
            on_unexpected=self.show_failure,
            clock=lambda: self.clock(),
            hooks=hooks or Hooks(),
        )
        self.title.setText(self.tr("Term end"))
        self.layout_.removeWidget(self.title)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Term:")))
        self.term_box = QComboBox()
        self.term_box.setObjectName("termEndTerm")
        self.term_box.setMinimumWidth(200)
        top.addWidget(self.term_box)
        self.layout_.insertLayout(0, top)
        actions = QHBoxLayout()
        self.return_button = QPushButton(
            resources.themed_icon("nav/handovers"), self.tr("Take accounts back…")
        )
        self.return_button.setObjectName("termEndReturn")
        self.continue_button = QPushButton(self.tr("Continue kept accounts into a new term…"))
        self.continue_button.setObjectName("termEndContinue")
        actions.addWidget(self.return_button)
        actions.addWidget(self.continue_button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("termEndTabs")
        self.rotation = RotationTab()
        self.checklists = ChecklistTab(self.env)
        self.tabs.addTab(self.rotation, "")
        self.tabs.addTab(self.checklists, "")
        self.layout_.addWidget(self.tabs, 1)
        self.dialog: RotationDialog | None = None
        self._terms: list[Term] = []
        self._pending_rotation: int | None = None
        self._fill_terms()
        self._titles()
        self.term_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.return_button.clicked.connect(
            lambda: self.wizard_requested.emit(
                HandoverKind.RETURN.value, self.term_box.currentData()
            )
        )
        self.continue_button.clicked.connect(
            lambda: self.wizard_requested.emit(HandoverKind.NEXT_COMMITTEE.value, None)
        )
        self.rotation.rotate_requested.connect(self.open_rotation)
        self.rotation.account_requested.connect(self.account_requested.emit)
        self.checklists.changed.connect(self.reload)
        self.checklists.rotation_requested.connect(self.show_rotation)

    # --- session ------------------------------------------------------------------------
    def start_session(self, session: object) -> None:
        """Admins edit the checklist templates."""
        super().start_session(session)
        self.checklists.templates_button.setVisible(self.env.is_admin)

    def end_session(self) -> None:
        """Forget the queue and the checklists (the rotation dialog is closed by the lock)."""
        self.rotation.set_rows([])
        self.checklists.set_data(None)
        self._terms = []
        super().end_session()
        self._fill_terms()
        self._titles()

    def reload(self) -> None:
        """Read the queue and the checklists in the worker."""
        term_id = self.term_box.currentData()
        self.run(lambda ctx: load_term_end(ctx, term_id), self._loaded)

    def _loaded(self, data: TermEndData) -> None:
        self._terms = data.terms
        self._fill_terms()
        self.rotation.set_rows(data.queue)
        self.checklists.set_data(data.checklists)
        self._titles()
        pending, self._pending_rotation = self._pending_rotation, None
        if pending is not None:
            self.show_rotation(pending)

    def _fill_terms(self) -> None:
        chosen = self.term_box.currentData()
        self.term_box.blockSignals(True)
        self.term_box.clear()
        self.term_box.addItem(self.tr("All terms"), None)
        for t in self._terms:
            self.term_box.addItem(t.name, t.id)
        self.term_box.setCurrentIndex(max(self.term_box.findData(chosen), 0) if chosen else 0)
        self.term_box.blockSignals(False)

    def _titles(self) -> None:
        self.tabs.setTabText(
            0, self.tr("Password changes ({count})").format(count=self.rotation.model.rowCount())
        )
        self.tabs.setTabText(
            1,
            self.tr("Deactivation checklists ({count})").format(count=self.checklists.count_open()),
        )

    # --- going to an account -------------------------------------------------------------
    def show_rotation(self, account_id: int, *, open_dialog: bool = True) -> None:
        """Show the rotation queue at an account and start the guided queue there.
        Before the queue has loaded, this happens when it arrives."""
        self.tabs.setCurrentWidget(self.rotation)
        if not self.rotation.select(account_id):
            if self.term_box.currentIndex() != 0:
                self.term_box.setCurrentIndex(0)  # "All terms": reloads
            self._pending_rotation = account_id if open_dialog else None
            return
        if open_dialog:
            self.open_rotation(account_id)

    def show_checklist(self, account_id: int) -> None:
        """Show an account's deactivation checklist."""
        self.tabs.setCurrentWidget(self.checklists)
        if self.term_box.currentIndex() != 0 and not any(
            r.id == account_id for r in (self.checklists.data.rows if self.checklists.data else [])
        ):
            self.term_box.setCurrentIndex(0)
        self.checklists.show_account(account_id)

    def open_rotation(self, account_id: int) -> RotationDialog | None:
        """The guided queue, starting at ``account_id``."""
        rows = self.rotation.rows()
        start = next((i for i, r in enumerate(rows) if r.id == account_id), None)
        if start is None or self.session is None:
            return None
        if self.dialog is not None:
            self.dialog.force_close()
        dialog = RotationDialog(self.env, self.resources, rows, start, self.window())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.saved.connect(lambda _id: self.reload())
        dialog.destroyed.connect(lambda _o=None: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: RotationDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
