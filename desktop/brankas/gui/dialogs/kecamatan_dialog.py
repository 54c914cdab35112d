"""Add or rename a kecamatan (name and an optional region code)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from brankas.core.domain.models import Kecamatan
from brankas.core.services import office
from brankas.gui.dialogs.record_dialog import ContextFactory, RecordDialog, ServiceJob
from brankas.gui.session import Session


class KecamatanDialog(RecordDialog):
    """A new kecamatan, or a new name for ``kecamatan``."""

    def __init__(
        self,
        session: Session,
        make_context: ContextFactory,
        on_unexpected: Callable[[BaseException], None],
        kecamatan: Kecamatan | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, make_context, on_unexpected, parent)
        self.setObjectName("kecamatanDialog")
        self.kecamatan = kecamatan
        if kecamatan is None:
            self.setWindowTitle(self.tr("Add a kecamatan"))
            self.ok.setText(self.tr("Add"))
        else:
            self.setWindowTitle(self.tr("Rename a kecamatan"))
        self.name = QLineEdit(kecamatan.name if kecamatan else "")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. Paleleh Barat"))
        self.code = QLineEdit(kecamatan.code if kecamatan else "")
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("e.g. 72.05.01 (optional)"))
        self.add_field("name", self.tr("Name:"), self.name)
        self.add_field(
            "code",
            self.tr("Region code:"),
            self.code,
            hint=self.tr("The BPS region code, if you use it. It may stay empty."),
        )
        self.finish_layout()
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.name.text().strip()))

    def service_call(self) -> ServiceJob | None:
        """add_kecamatan or rename_kecamatan."""
        name, code = self.name.text(), self.code.text()
        current = self.kecamatan
        if current is None:
            return lambda ctx: office.add_kecamatan(ctx, name, code=code)
        return lambda ctx: office.rename_kecamatan(ctx, current.id, name, code=code)
