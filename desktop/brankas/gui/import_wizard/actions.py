"""The main window's "Import…" and "Export…" actions and the windows they open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from brankas.gui.dialogs.export_dialog import RegisterExportDialog
from brankas.gui.import_wizard.wizard import ImportWizard
from brankas.gui.resources import Resources
from brankas.gui.session import Session
from brankas.gui.workers import JobRunner


class ImportExportActions(QObject):
    """Owns the two actions; ``session()`` is asked each time (None: nothing opens)."""

    imported = Signal(object)  # ImportSummary

    def __init__(
        self,
        window: QWidget,
        resources: Resources,
        session: Callable[[], Session | None],
        on_unexpected: Callable[[BaseException], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._on_unexpected = on_unexpected
        # Files are read on their own thread, so the vault's stays free.
        self.files = JobRunner(self)
        self.wizard: ImportWizard | None = None
        self.export_dialog: RegisterExportDialog | None = None
        self.import_action = QAction(resources.themed_icon("folder"), self.tr("&Import…"), self)
        self.import_action.setObjectName("importAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(
            self.tr("Import accounts from Excel, CSV, KeePassXC or Bitwarden (Ctrl+I)")
        )
        self.import_action.triggered.connect(self.open_import)
        self.export_action = QAction(
            resources.themed_icon("save"), self.tr("&Export register…"), self
        )
        self.export_action.setObjectName("exportAction")
        self.export_action.setToolTip(self.tr("Export the account register as XLSX or CSV"))
        self.export_action.triggered.connect(self.open_export)
        self.set_enabled(False)

    def actions(self) -> list[QAction]:
        """For the File menu."""
        return [self.import_action, self.export_action]

    def set_enabled(self, on: bool) -> None:
        """Enabled while a vault is unlocked."""
        self.import_action.setEnabled(on)
        self.export_action.setEnabled(on)

    def set_regency(self, regency: bool) -> None:
        """Shown and enabled in a regency's vault; a province keeps no register of its own."""
        for action in self.actions():
            action.setVisible(regency)
        self.set_enabled(regency)

    def open_import(self) -> ImportWizard | None:
        """Open the import wizard (or raise the one already open)."""
        session = self._session()
        if session is None:
            return None
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        wizard = ImportWizard(session, self.files, self._on_unexpected, self._window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.imported.connect(self.imported.emit)
        wizard.destroyed.connect(lambda _o=None: self._forget_wizard(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _forget_wizard(self, wizard: ImportWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None

    def open_export(self) -> RegisterExportDialog | None:
        """Open the export dialog."""
        session = self._session()
        if session is None:
            return None
        dialog = RegisterExportDialog(session, self._on_unexpected, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None: self._forget_export(dialog))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _forget_export(self, dialog: RegisterExportDialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
