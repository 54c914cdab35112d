"""Kecamatan page: the office's kecamatan; add, rename, retire or bring back, delete without history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget

from brankas.core.services import office
from brankas.core.services.context import Clock, ServiceContext
from brankas.gui.dialogs.kecamatan_dialog import KecamatanDialog
from brankas.gui.dialogs.messages import ask
from brankas.gui.errors import error_message
from brankas.gui.models.kecamatan_model import KecamatanModel, KecamatanRow
from brankas.gui.pages.service_page import ServicePage, button_row, system_clock
from brankas.gui.widgets.record_table import RecordTable


def load_kecamatan(ctx: ServiceContext) -> list[KecamatanRow]:
    """Every kecamatan with whether records refer to it (worker thread)."""
    return [
        KecamatanRow(k, office.kecamatan_has_history(ctx, k.id))
        for k in office.list_kecamatan(ctx, include_retired=True)
    ]


class KecamatanPage(ServicePage):
    """The list and its actions; every change goes through services/office.py."""

    def __init__(
        self,
        on_unexpected: Callable[[BaseException], None] | None = None,
        *,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_unexpected, clock=clock, parent=parent)
        self.setObjectName("kecamatanPage")
        self.title.setText(self.tr("Kecamatan"))
        self.add_intro(
            self.tr(
                "The kecamatan of this regency. A kecamatan that accounts, people or terms "
                "refer to is retired rather than deleted, so that its history stays."
            )
        )
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addKecamatan")
        self.add_button.setProperty("role", "primary")
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setObjectName("renameKecamatan")
        self.retire_button = QPushButton(self.tr("Retire"))
        self.retire_button.setObjectName("retireKecamatan")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteKecamatan")
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
        self.add_button.clicked.connect(self.open_add)
        self.rename_button.clicked.connect(self.open_rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.delete_button.clicked.connect(self.delete_current)
        self.show_retired.toggled.connect(self._show_retired)
        self.table.current_changed.connect(lambda _r: self._update_buttons())
        self.table.record_activated.connect(lambda _r: self.open_rename())
        self._update_buttons()

    # --- session -----------------------------------------------------------------------
    def end_session(self) -> None:
        """Forget the kecamatan."""
        self.model.clear()
        self.summary.clear()
        super().end_session()
        self._update_buttons()

    def reload(self, select_id: int | None = None) -> None:
        """Read the kecamatan in the worker; keep (or move) the selection."""
        keep = select_id if select_id is not None else self._current_id()
        self.run(load_kecamatan, lambda rows: self._loaded(rows, keep))

    def _loaded(self, rows: list[KecamatanRow], select_id: int | None) -> None:
        self.model.set_rows(rows)
        if select_id is not None:
            self.table.select_where(lambda r: r.id == select_id)
        active = len(rows) - self.model.retired_count()
        self.summary.setText(
            self.tr("{active} kecamatan in use, {retired} retired.").format(
                active=active, retired=self.model.retired_count()
            )
        )
        self._update_buttons()

    # --- actions -----------------------------------------------------------------------
    def current(self) -> KecamatanRow | None:
        """The selected kecamatan."""
        record = self.table.current_record()
        return record if isinstance(record, KecamatanRow) else None

    def _current_id(self) -> int | None:
        row = self.current()
        return row.id if row else None

    def _update_buttons(self) -> None:
        row = self.current() if self.session is not None else None
        self.add_button.setEnabled(self.session is not None)
        for button in (self.rename_button, self.retire_button, self.delete_button):
            button.setEnabled(row is not None)
        self.retire_button.setText(
            self.tr("Bring back") if row is not None and row.retired else self.tr("Retire")
        )
        if row is not None and row.has_history:
            self.delete_button.setEnabled(False)
            self.delete_button.setToolTip(
                self.tr("This kecamatan has records, so it can only be retired.")
            )
        else:
            self.delete_button.setToolTip("")

    def _show_retired(self, show: bool) -> None:
        keep = self._current_id()
        self.model.set_show_retired(show)
        if keep is not None:
            self.table.select_where(lambda r: r.id == keep)
        self._update_buttons()

    def _dialog(self, row: KecamatanRow | None) -> KecamatanDialog | None:
        if self.session is None:
            return None
        dialog = KecamatanDialog(
            self.session,
            self.service_context,
            self.show_failure,
            kecamatan=row.kecamatan if row else None,
            parent=self,
        )
        dialog.saved.connect(lambda k: self.reload(select_id=k.id))
        dialog.open()
        return dialog

    def open_add(self) -> KecamatanDialog | None:
        """The add dialog."""
        return self._dialog(None)

    def open_rename(self) -> KecamatanDialog | None:
        """The rename dialog for the selected kecamatan."""
        row = self.current()
        return self._dialog(row) if row is not None else None

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
        ask(
            self.window(),
            self.tr("Delete a kecamatan"),
            self.tr("Delete {name}? Use this only for a kecamatan entered by mistake.").format(
                name=row.kecamatan.name
            ),
            self.tr("Delete"),
            lambda: self.run(
                lambda ctx: office.delete_kecamatan(ctx, kid),
                lambda _none: self.reload(),
                self._delete_failed,
            ),
            destructive=True,
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
