"""Handovers page: the recorded serah terima with their BAST numbers; a new one, the signed scan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from brankas.core.domain.models import Handover, Term
from brankas.core.services import handover, people, terms
from brankas.core.services.context import Clock, ServiceContext
from brankas.gui.models.handovers_model import Column, HandoverRow, HandoversModel, handover_row
from brankas.gui.pages.service_page import ServicePage, search_shortcut, system_clock
from brankas.gui.widgets.record_table import RecordTable


@dataclass(frozen=True, slots=True)
class HandoversData:
    """Every handover and the terms the filter offers."""

    rows: list[HandoverRow]
    terms: list[Term]


def load_handovers(ctx: ServiceContext) -> HandoversData:
    """Handovers with their terms, parties and scan counts (worker thread)."""
    term_list = terms.list_terms(ctx)
    term_names = {t.id: t.name for t in term_list}
    persons = {p.id: p for p in people.list_people(ctx)}
    rows = [
        handover_row(
            h,
            term_names.get(h.term_id, "") if h.term_id is not None else "",
            persons.get(h.first_party_person_id),
            persons.get(h.second_party_person_id),
            len(handover.list_scans(ctx, h.id)),
        )
        for h in handover.list_handovers(ctx)
    ]
    return HandoversData(rows, term_list)


class HandoversPage(ServicePage):
    """A filterable list; "New handover…" asks for the wizard, "Attach scan…" and "Print
    BAST…" act on the handover selected (the main window opens the windows)."""

    new_requested = Signal()
    scan_requested = Signal(object)  # Handover
    print_requested = Signal(object)  # Handover

    def __init__(
        self,
        on_unexpected: Callable[[BaseException], None] | None = None,
        *,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_unexpected, clock=clock, parent=parent)
        self.setObjectName("handoversPage")
        self.title.setText(self.tr("Handovers"))
        self.add_intro(
            self.tr(
                "Every serah terima recorded with its BAST: accounts issued to a committee, "
                "returned to the regency, or handed to the next committee."
            )
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Term:")))
        self.term_box = QComboBox()
        self.term_box.setObjectName("handoversTerm")
        self.term_box.setMinimumWidth(200)
        row.addWidget(self.term_box)
        self.search = QLineEdit()
        self.search.setObjectName("handoversSearch")
        self.search.setPlaceholderText(self.tr("Search BAST numbers, places, names (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.layout_.addLayout(row)
        actions = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New handover…"))
        self.new_button.setObjectName("newHandover")
        self.new_button.setProperty("role", "primary")
        self.scan_button = QPushButton(self.tr("Attach scan…"))
        self.scan_button.setObjectName("attachScanButton")
        self.scan_button.setToolTip(self.tr("Attach the scan of the signed BAST (PDF, JPG or PNG)"))
        self.print_button = QPushButton(self.tr("Print BAST…"))
        self.print_button.setObjectName("printBastButton")
        for button in (self.new_button, self.scan_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)
        self.model = HandoversModel(self)
        self.table = RecordTable(self.model, stretch=Column.SECOND_PARTY)
        self.table.horizontalHeader().setSectionResizeMode(
            Column.FIRST_PARTY, QHeaderView.ResizeMode.Stretch
        )
        self.table.setObjectName("handoversTable")
        self.table.horizontalHeader().setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.layout_.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("handoversSummary")
        self.summary.setProperty("role", "hint")
        self.layout_.addWidget(self.summary)
        self._terms: list[Term] = []
        self._wanted_term: int | None = None
        self._fill_terms()
        self.term_box.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        search_shortcut(self, self.search)
        self.new_button.clicked.connect(self.new_requested.emit)
        self.scan_button.clicked.connect(self._ask_scan)
        self.print_button.clicked.connect(self._ask_print)
        self.table.current_changed.connect(lambda _r: self._update_buttons())
        self.table.record_activated.connect(lambda r: self.scan_requested.emit(r.handover))
        self._update_buttons()

    def current_handover(self) -> Handover | None:
        """The handover selected."""
        row = self.table.current_record()
        return row.handover if row is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current_handover() is not None
        self.scan_button.setEnabled(chosen)
        self.print_button.setEnabled(chosen)

    def _ask_scan(self) -> None:
        record = self.current_handover()
        if record is not None:
            self.scan_requested.emit(record)

    def _ask_print(self) -> None:
        record = self.current_handover()
        if record is not None:
            self.print_requested.emit(record)

    def end_session(self) -> None:
        """Forget the handovers."""
        self.model.clear()
        self._terms = []
        self.search.clear()
        self.summary.clear()
        super().end_session()
        self._fill_terms()

    def reload(self) -> None:
        """Read the handovers in the worker."""
        self.run(load_handovers, self._loaded)

    def show_term(self, term_id: int) -> None:
        """Show the handovers of ``term_id`` (the completeness matrix's BAST column)."""
        self._wanted_term = term_id
        index = self.term_box.findData(term_id)
        if index >= 0:
            self.term_box.setCurrentIndex(index)

    def _loaded(self, data: HandoversData) -> None:
        self._terms = data.terms
        self._fill_terms()
        self.model.set_handovers(data.rows)
        self._filter()

    def _fill_terms(self) -> None:
        chosen = self._wanted_term if self._wanted_term is not None else self.term_box.currentData()
        self._wanted_term = None
        self.term_box.blockSignals(True)
        self.term_box.clear()
        self.term_box.addItem(self.tr("All terms"), None)
        for t in self._terms:
            self.term_box.addItem(t.name, t.id)
        self.term_box.setCurrentIndex(max(self.term_box.findData(chosen), 0) if chosen else 0)
        self.term_box.blockSignals(False)

    def _filter(self, *_args: Any) -> None:
        self.model.set_filter(self.term_box.currentData(), self.search.text())
        self._update_buttons()
        self.summary.setText(
            self.tr("Showing {shown} of {total} handovers.").format(
                shown=self.model.rowCount(), total=self.model.total
            )
        )
