"""Kecamatan page: the office's kecamatan; add, rename, retire or bring back, delete without history."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from brankas.core.services import office
from brankas.core.services.context import ServiceContext
from brankas.gui.dialogs.kecamatan_dialog import KecamatanDialog
from brankas.gui.dialogs.messages import ask
from brankas.gui.dialogs.record_dialog import RecordDialog
from brankas.gui.errors import error_message
from brankas.gui.models.kecamatan_model import KecamatanModel, KecamatanRow
from brankas.gui.pages.record_page import RecordListPage
from brankas.gui.pages.service_page import button_row
from brankas.gui.widgets.record_table import RecordTable


def load_kecamatan(ctx: ServiceContext) -> list[KecamatanRow]:
    """Every kecamatan with whether records refer to it (worker thread)."""
    return [
        KecamatanRow(k, office.kecamatan_has_history(ctx, k.id))
        for k in office.list_kecamatan(ctx, include_retired=True)
    ]


class KecamatanPage(RecordListPage):
    """The list and its actions; every change goes through services/office.py."""

    record_type = KecamatanRow
    load = staticmethod(load_kecamatan)

    def build_list(self) -> None:
        """The buttons, the retired switch, the list and its summary."""
        self.setObjectName("kecamatanPage")
        self.title.setText(self.tr("Kecamatan"))
        self.add_intro(
            self.tr(
                "The kecamatan of this regency. A kecamatan that accounts, people or terms "
                "refer to is retired rather than deleted, so that its history stays."
            )
        )
        self.record_buttons(
            (self.tr("Add…"), "addKecamatan"),
            (self.tr("Rename…"), "renameKecamatan"),
            (self.tr("Delete"), "deleteKecamatan"),
        )
        self.rename_button = self.edit_button
        self._delete_tip = self.delete_button.toolTip()
        self.retire_button = QPushButton(self.tr("Retire"))
        self.retire_button.setObjectName("retireKecamatan")
        self.show_retired = QCheckBox(self.tr("Show retired kecamatan"))
        self.show_retired.setObjectName("showRetired")
        row = button_row(
            self.add_button, self.rename_button, self.retire_button, self.delete_button
        )
        row.addWidget(self.show_retired)
        self.layout_.addLayout(row)
        self.model = KecamatanModel(self)
        self.table = RecordTable(self.model)  # the last column stretches: names stay near
        self.table.setObjectName("kecamatanTable")
        self.layout_.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("kecamatanSummary")
        self.summary.setProperty("role", "hint")
        self.layout_.addWidget(self.summary)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.show_retired.toggled.connect(self._show_retired)

    # --- session -----------------------------------------------------------------------
    def end_session(self) -> None:
        """Forget the kecamatan."""
        self.model.clear()
        self.summary.clear()
        super().end_session()
        self.update_buttons()

    def loaded(self, rows: list[KecamatanRow], select_id: int | None) -> None:
        """Show the kecamatan read and how many are retired."""
        self.model.set_rows(rows)
        self.reselect(select_id)
        active = len(rows) - self.model.retired_count()
        self.summary.setText(
            self.tr("{active} kecamatan in use, {retired} retired.").format(
                active=active, retired=self.model.retired_count()
            )
        )
        self.update_buttons()

    # --- actions -----------------------------------------------------------------------
    def update_buttons(self) -> None:
        """Retire or bring back the selected one; Delete only one without records."""
        super().update_buttons()
        row = self.current() if self.session is not None else None
        self.retire_button.setEnabled(row is not None)
        self.retire_button.setText(
            self.tr("Bring back") if row is not None and row.retired else self.tr("Retire")
        )
        if row is not None and row.has_history:
            self.delete_button.setEnabled(False)
            self.delete_button.setToolTip(
                self.tr("This kecamatan has records, so it can only be retired.")
            )
        else:
            self.delete_button.setToolTip(self._delete_tip)

    def _show_retired(self, show: bool) -> None:
        keep = self.current_id()
        self.model.set_show_retired(show)
        self.reselect(keep)
        self.update_buttons()

    def record_dialog(self, record: KecamatanRow | None) -> KecamatanDialog:
        """The add dialog, or the rename dialog of ``record``."""
        assert self.session is not None
        return KecamatanDialog(
            self.session,
            self.service_context,
            self.show_failure,
            kecamatan=record.kecamatan if record else None,
            parent=self,
        )

    def open_rename(self) -> RecordDialog | None:
        """The rename dialog for the selected kecamatan."""
        return self.open_edit()

    def toggle_retired(self) -> None:
        """Retire the selected kecamatan (after asking), or bring a retired one back."""
        row = self.current()
        if row is None:
            return
        kid = row.id
        if row.retired:
            self.run(lambda ctx: office.unretire_kecamatan(ctx, kid), lambda k: self.reload(k.id))
            return
        ask(
            self.window(),
            self.tr("Retire a kecamatan"),
            self.tr(
                "Retire {name}? It keeps its accounts, people and history, but is no longer "
                "offered for new terms and accounts."
            ).format(name=row.kecamatan.name),
            self.tr("Retire"),
            lambda: self.run(
                lambda ctx: office.retire_kecamatan(ctx, kid), lambda k: self.reload(k.id)
            ),
        )

    def delete_current(self) -> None:
        """Delete the selected kecamatan after asking (only one without records)."""
        row = self.current()
        if row is None:
            return
        kid = row.id
        self.ask_delete(
            self.tr("Delete a kecamatan"),
            self.tr("Delete {name}? Use this only for a kecamatan entered by mistake.").format(
                name=row.kecamatan.name
            ),
            lambda ctx: office.delete_kecamatan(ctx, kid),
            self._delete_failed,
        )

    def _delete_failed(self, exc: BaseException) -> None:
        if getattr(exc, "code", "") != "kecamatan_has_history":
            self.show_failure(exc)
            return
        row = self.current()
        ask(
            self.window(),
            self.tr("Delete a kecamatan"),
            error_message(exc),
            self.tr("Retire"),
            self.toggle_retired if row is not None and not row.retired else self.reload,
        )
