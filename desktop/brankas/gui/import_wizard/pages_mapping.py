"""Import wizard: which row is the header and what each column of the file holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
)

from brankas.core.importers.mapping import Field
from brankas.core.importers.prepared import MappingOrigin, Prepared
from brankas.gui.import_wizard import flow
from brankas.gui.import_wizard.base import ChoiceDelegate, Env, Index, JobPage
from brankas.gui.import_wizard.mapping_model import FIELD_ORDER, Column, ImportMappingModel
from brankas.gui.import_wizard.texts import field_label


class ImportMappingPage(JobPage):
    """Which row is the header and what each column holds."""

    def __init__(self, env: Env) -> None:
        super().__init__(env)
        self.setTitle(self.tr("What each column holds"))
        self.setSubTitle(
            self.tr(
                "Brankas guessed what each column holds from its header. Check it and "
                "change what is wrong; columns you leave as “Other” are kept in the notes."
            )
        )
        form = QFormLayout()
        self.header_row = QComboBox()
        self.header_row.setObjectName("importHeaderRow")
        self.header_row.currentIndexChanged.connect(self._header_chosen)
        form.addRow(self.tr("Header row:"), self.header_row)
        self.body.addLayout(form)
        self.origin = QLabel()
        self.origin.setObjectName("importMappingOrigin")
        self.origin.setProperty("role", "hint")
        self.origin.setWordWrap(True)
        self.body.addWidget(self.origin)
        self.model = ImportMappingModel(self)
        self.model.field_chosen.connect(self._field_chosen, Qt.ConnectionType.QueuedConnection)
        self.table = QTableView()
        self.table.setObjectName("importMappingTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.FIELD, ChoiceDelegate(self._field_options, self))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.FIELD, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(Column.FIELD, 240)
        self.body.addWidget(self.table, 1)
        self.missing = QLabel(self.tr("Choose the column that holds the account name or its link."))
        self.missing.setObjectName("importMappingMissing")
        self.missing.setProperty("role", "warning")
        self.missing.setWordWrap(True)
        self.body.addWidget(self.missing)
        self.finish_layout()

    def _field_options(self, _index: Index) -> list[tuple[str, str]]:
        return [(f.value, field_label(f)) for f in FIELD_ORDER]

    def initializePage(self) -> None:
        """Show the file as read."""
        prepared = self.env.state.prepared
        self.header_row.blockSignals(True)
        self.header_row.clear()
        if prepared is not None:
            for choice in flow.header_choices(prepared):
                label = (
                    self.tr("No header row")
                    if choice.index == flow.NO_HEADER
                    else self.tr("Row {row}: {text}").format(row=choice.file_row, text=choice.text)
                )
                self.header_row.addItem(label, choice.index)
            self.header_row.setCurrentIndex(max(self.header_row.findData(prepared.header.row), 0))
        self.header_row.blockSignals(False)
        self._show(prepared)
        self.show_error(self.env.state.table_error)

    def _show(self, prepared: Prepared | None) -> None:
        self.model.set_prepared(prepared)
        # Each field is a combo box from the start, so that it looks like a choice.
        for row in range(self.model.rowCount()):
            self.table.openPersistentEditor(self.model.index(row, Column.FIELD))
        origin = prepared.origin if prepared is not None else None
        texts = {
            MappingOrigin.PROPOSED: self.tr("Proposed from the column headers."),
            MappingOrigin.REMEMBERED: self.tr("Remembered from the last file with these columns."),
            MappingOrigin.FIXED: self.tr(
                "This export's layout is known. Set the group or folder column to “Leave "
                "out” when its names are not kecamatan."
            ),
            MappingOrigin.EDITED: self.tr(
                "Changed by you; it will be remembered for the next file with these columns."
            ),
        }
        self.origin.setText(texts.get(origin, "") if origin is not None else "")
        self.header_row.setEnabled(origin is not MappingOrigin.FIXED)
        self.missing.setVisible(prepared is not None and not flow.mapping_complete(prepared))
        self.completeChanged.emit()

    def _header_chosen(self) -> None:
        state = self.env.state
        index = self.header_row.currentData()
        if state.prepared is None or index is None or index == state.prepared.header.row:
            return
        prepared = flow.with_header_row(state.prepared, int(index))
        state.set_prepared(prepared)
        self._show(prepared)

    def _field_chosen(self, column: int, value: str) -> None:
        state = self.env.state
        if state.prepared is None:
            return
        mapping = state.prepared.mapping.with_field(column, Field(value))
        if mapping == state.prepared.mapping:
            return
        prepared = state.prepared.with_mapping(mapping)
        state.set_prepared(prepared)
        self._show(prepared)

    def isComplete(self) -> bool:
        """Some column names the account (and the whole file could be read)."""
        state = self.env.state
        return flow.mapping_complete(state.prepared) and not state.table_error
