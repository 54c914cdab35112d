"""The office profile: a dialog to edit it (admins only) and the Settings box that opens it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from brankas.core.domain.models import Office
from brankas.core.services import office as office_service
from brankas.core.services.context import ServiceContext
from brankas.gui.dialogs.record_dialog import ContextFactory, RecordDialog, ServiceJob
from brankas.gui.errors import is_expected
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn

# (service argument, maximum length) of the one-line text fields, in form order.
_TEXT_FIELDS: tuple[tuple[str, int], ...] = (
    ("name", 200),
    ("code", 40),
    ("province", 100),
    ("region_code", 20),
    ("address", 300),
    ("city", 100),
    ("head_name", 200),
    ("head_nip", 40),
    ("secretariat_name", 200),
    ("secretariat_nip", 40),
)


class OfficeDialog(RecordDialog):
    """Name, code, region, address and signatories of the vault's office. Saving goes
    through ``update_office`` in the session's worker; a non-admin sees it read-only."""

    def __init__(
        self,
        session: Session,
        make_context: ContextFactory,
        on_unexpected: Callable[[BaseException], None],
        office: Office,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, make_context, on_unexpected, parent)
        self.setObjectName("officeDialog")
        self.setWindowTitle(self.tr("Office profile"))
        self.setMinimumWidth(640)
        self.editable = session.is_admin
        self.office = office
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "name": self.tr("Office name:"),
            "code": self.tr("Office code:"),
            "province": self.tr("Province:"),
            "region_code": self.tr("Region code:"),
            "address": self.tr("Address:"),
            "city": self.tr("City:"),
            "head_name": self.tr("Head of office:"),
            "head_nip": self.tr("Head's NIP:"),
            "secretariat_name": self.tr("Head of secretariat:"),
            "secretariat_nip": self.tr("Secretariat head's NIP:"),
        }
        hints = {
            "code": self.tr("Needed for BAST numbers and the archive export."),
            "address": self.tr("Printed on the BAST letterhead."),
            "head_nip": self.tr("18 digits; spaces are allowed. It may stay empty."),
        }
        placeholders = {
            "name": self.tr("e.g. Bawaslu Kabupaten Buol"),
            "code": self.tr("e.g. BWS.BUOL"),
            "province": self.tr("e.g. Sulawesi Tengah"),
            "region_code": self.tr("e.g. 72.05 (optional)"),
            "address": self.tr("e.g. Jl. Syarif Mansyur No. 10, Buol"),
            "city": self.tr("e.g. Buol"),
        }
        for key, max_len in _TEXT_FIELDS:
            edit = QLineEdit(str(getattr(office, key)))
            edit.setMaxLength(max_len)
            edit.setPlaceholderText(placeholders.get(key, ""))
            edit.setReadOnly(not self.editable)
            self.edits[key] = edit
            self.add_field(key, labels[key], edit, hint=hints.get(key, ""))
        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(office.language), 0))
        self.language.setEnabled(self.editable)
        self.add_field(
            "language",
            self.tr("Document language:"),
            self.language,
            hint=self.tr("For the BAST and other printed documents."),
        )
        self.alias("code", "office_code")  # numbering's own name for the field
        self.read_only_note = QLabel(self.tr("Only an admin can change the office profile."))
        self.read_only_note.setObjectName("officeReadOnly")
        self.read_only_note.setProperty("role", "hint")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not self.editable)
        self.body.addWidget(self.read_only_note)
        self.finish_layout()
        self.ok.setVisible(self.editable)
        self.adjustSize()
        if not self.editable:
            close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            close.setText(self.tr("Close"))

    def service_call(self) -> ServiceJob | None:
        """update_office with every field (None for a non-admin: nothing is saved)."""
        if not self.editable:
            self.show_field_error("", self.tr("Only an admin can change the office profile."))
            return None
        values: dict[str, Any] = {key: edit.text() for key, edit in self.edits.items()}
        values["language"] = str(self.language.currentData())
        return lambda ctx: office_service.update_office(ctx, **values)


class OfficeBox(QGroupBox):
    """The Settings box: the office's name and code, and a button to the profile."""

    office_loaded = Signal(object)  # Office: read at unlock, or saved from the dialog

    def __init__(
        self, on_unexpected: Callable[[BaseException], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Office"), parent)
        self.setObjectName("officeBox")
        self._on_unexpected = on_unexpected
        self.session: Session | None = None
        self.office: Office | None = None
        self.dialog: OfficeDialog | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.name = QLabel()
        self.name.setObjectName("officeBoxName")
        self.code = QLabel()
        self.code.setObjectName("officeBoxCode")
        self.button = QPushButton(self.tr("Office profile…"))
        self.button.setObjectName("officeProfileButton")
        self.button.setEnabled(False)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Office code:"), self.code)
        form.addRow("", self.button)
        self.button.clicked.connect(self.open_dialog)

    def start_session(self, session: Session) -> None:
        """Load the office of ``session``."""
        self.session = session
        self.refresh()

    def end_session(self) -> None:
        """Forget the session and what was shown."""
        if self.dialog is not None:
            self.dialog.reject()
        self.session = None
        self.office = None
        self.dialog = None
        self.name.clear()
        self.code.clear()
        self.button.setEnabled(False)

    def _context(self) -> ServiceContext:
        assert self.session is not None
        return ServiceContext(self.session.vault)

    def refresh(self) -> None:
        """Read the office in the worker."""
        if self.session is None:
            return
        ctx = self._context()

        def job(_progress: ProgressFn) -> Office:
            return office_service.get_office(ctx)

        self.session.runner.start(job, on_success=self._show, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not is_expected(exc):
            self._on_unexpected(exc)

    def _show(self, office: Office) -> None:
        if self.session is None:
            return
        self.office = office
        self.name.setText(office.name)
        self.code.setText(office.code or self.tr("not set yet"))
        self.button.setEnabled(True)
        self.office_loaded.emit(office)

    def open_dialog(self) -> OfficeDialog | None:
        """The profile dialog (read-only for a non-admin); None before the office loaded."""
        if self.session is None or self.office is None:
            return None
        dialog = OfficeDialog(
            self.session, self._context, self._on_unexpected, self.office, parent=self
        )
        dialog.saved.connect(self._show)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog
