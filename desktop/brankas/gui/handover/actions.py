"""The main window's handover actions and the windows they open (wizard, scans)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from brankas.core.domain.enums import HandoverKind
from brankas.core.domain.models import Handover
from brankas.core.services.context import Clock
from brankas.core.services.handover_wizard import Page
from brankas.gui.handover.env import HandoverEnv, Hooks, SessionSource
from brankas.gui.handover.printing import BastOutput
from brankas.gui.handover.scan_dialog import ScanDialog
from brankas.gui.handover.wizard import HandoverWizard
from brankas.gui.pages.service_page import system_clock
from brankas.gui.resources import Resources


class HandoverActions(QObject):
    """Owns "New handover…" and "Continue kept accounts…"; ``session()`` is asked each
    time. ``clock`` decides "today" (tests and screenshots fix it)."""

    recorded = Signal(object)  # list[Handover]
    scan_attached = Signal(object)  # Attachment
    rotation_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        resources: Resources,
        session: SessionSource,
        on_unexpected: Callable[[BaseException], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._resources = resources
        self.clock: Clock = system_clock
        self.env = HandoverEnv(
            session=session,
            on_unexpected=on_unexpected,
            clock=lambda: self.clock(),
            hooks=Hooks(),
        )
        self.wizard: HandoverWizard | None = None
        self.output = BastOutput(window, lambda: self.env.hooks)
        self.new_action = QAction(
            resources.themed_icon("nav/handovers"), self.tr("New &handover…"), self
        )
        self.new_action.setObjectName("newHandoverAction")
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.new_action.setToolTip(
            self.tr("Record a handover: issue, take back or hand on accounts (Ctrl+Shift+H)")
        )
        self.new_action.triggered.connect(lambda: self.open_wizard())
        self.continue_action = QAction(self.tr("&Continue kept accounts into a new term…"), self)
        self.continue_action.setObjectName("continueTermAction")
        self.continue_action.triggered.connect(
            lambda: self.open_wizard(kind=HandoverKind.NEXT_COMMITTEE)
        )
        self.set_enabled(False)

    def actions(self) -> list[QAction]:
        """For the File menu."""
        return [self.new_action, self.continue_action]

    def set_enabled(self, on: bool) -> None:
        """Enabled while a vault is unlocked."""
        for action in self.actions():
            action.setEnabled(on)

    def open_wizard(
        self,
        *,
        kind: HandoverKind | None = None,
        term_id: int | None = None,
        kecamatan_ids: Iterable[int] = (),
        jump_to: Page | None = None,
    ) -> HandoverWizard | None:
        """The handover wizard, pre-filled as given (or the one already open, raised)."""
        if self.env.session() is None:
            return None
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        wizard = HandoverWizard(
            self.env,
            self._resources,
            kind=kind,
            term_id=term_id,
            kecamatan_ids=kecamatan_ids,
            jump_to=jump_to,
            parent=self._window,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.recorded.connect(self.recorded.emit)
        wizard.rotation_requested.connect(self.rotation_requested.emit)
        wizard.destroyed.connect(lambda _o=None: self._forget(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _forget(self, wizard: HandoverWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None

    def open_scans(self, record: Handover) -> ScanDialog | None:
        """The signed-scan dialog of a handover."""
        if self.env.session() is None:
            return None
        dialog = ScanDialog(self.env, record, self._window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.attached.connect(self.scan_attached.emit)
        dialog.open()
        return dialog

    def print_handover(self, record: Handover) -> None:
        """Print (or save as PDF) the BAST of a recorded handover."""
        from brankas.documents.bast import bast_data

        hid = record.id
        self.env.run(
            lambda ctx: bast_data(ctx, hid),
            lambda data: self.output.print_basts([data]),
            self.env.on_unexpected,
        )
