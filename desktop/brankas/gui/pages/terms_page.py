"""Terms page: terms of office with their SK and dates, and the kecamatan each covers with their ends."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from brankas.core.domain.models import Kecamatan
from brankas.core.services import office, terms
from brankas.core.services.context import ServiceContext
from brankas.gui.dialogs.messages import ask, show_message
from brankas.gui.dialogs.record_dialog import RecordDialog
from brankas.gui.dialogs.term_dialog import AttachKecamatanDialog, KecamatanEndDialog, TermDialog
from brankas.gui.models.terms_model import (
    TermColumn,
    TermKecamatanColumn,
    TermKecamatanModel,
    TermKecamatanRow,
    TermRow,
    TermsModel,
    term_kecamatan_rows,
)
from brankas.gui.pages.record_page import RecordListPage
from brankas.gui.pages.service_page import button_row
from brankas.gui.theme import Spacing
from brankas.gui.widgets.record_table import RecordTable


@dataclass(frozen=True, slots=True)
class TermsData:
    """What the page shows: every term with its kecamatan links, and every kecamatan."""

    rows: list[TermRow]
    kecamatan: dict[int, Kecamatan]


def load_terms(ctx: ServiceContext) -> TermsData:
    """Terms, their links and the kecamatan (worker thread)."""
    kecamatan = {k.id: k for k in office.list_kecamatan(ctx, include_retired=True)}
    rows = [TermRow(t, tuple(terms.list_term_kecamatan(ctx, t.id))) for t in terms.list_terms(ctx)]
    return TermsData(rows, kecamatan)


class TermsPage(RecordListPage):
    """Terms on top, the chosen term's kecamatan below."""

    record_type = TermRow

    def build_list(self) -> None:
        """The terms with their buttons above, the chosen term's kecamatan below."""
        self.setObjectName("termsPage")
        self.title.setText(self.tr("Terms of office"))
        self.add_intro(
            self.tr(
                "A term (masa tugas) is formed by an SK for one election. Each kecamatan of a "
                "term ends on the term's end date unless it has its own."
            )
        )
        self._data = TermsData([], {})
        # Terms.
        buttons = self.record_buttons(
            (self.tr("Add a term…"), "addTerm"),
            (self.tr("Edit…"), "editTerm"),
            (self.tr("Delete"), "deleteTerm"),
        )
        self.model = TermsModel(self)
        self.table = RecordTable(self.model, stretch=TermColumn.SK_NUMBER)
        self.table.setObjectName("termsTable")
        self.table.horizontalHeader().setSortIndicator(
            TermColumn.START, Qt.SortOrder.DescendingOrder
        )
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(button_row(*buttons))
        top_layout.addWidget(self.table, 1)
        # The chosen term's kecamatan.
        self.kec_heading = QLabel()
        self.kec_heading.setObjectName("termKecamatanHeading")
        self.kec_heading.setProperty("role", "heading")
        self.attach_button = QPushButton(self.tr("Add kecamatan…"))
        self.attach_button.setObjectName("attachKecamatan")
        self.end_button = QPushButton(self.tr("Own end date…"))
        self.end_button.setObjectName("kecamatanEnd")
        self.detach_button = QPushButton(self.tr("Remove from the term"))
        self.detach_button.setObjectName("detachKecamatan")
        self.kec_model = TermKecamatanModel(self)
        self.kec_table = RecordTable(self.kec_model, stretch=TermKecamatanColumn.NOTE)
        self.kec_table.setObjectName("termKecamatanTable")
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, Spacing.S, 0, 0)
        bottom_layout.addWidget(self.kec_heading)
        bottom_layout.addLayout(button_row(self.attach_button, self.end_button, self.detach_button))
        bottom_layout.addWidget(self.kec_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([170, 430])  # a few terms above, a regency's kecamatan below
        self.layout_.addWidget(split, 1)
        self.attach_button.clicked.connect(self.open_attach)
        self.end_button.clicked.connect(self.open_end)
        self.detach_button.clicked.connect(self.detach_current)
        self.kec_table.current_changed.connect(lambda _r: self.update_buttons())
        self.kec_table.record_activated.connect(lambda _r: self.open_end())

    # --- session -----------------------------------------------------------------------
    def end_session(self) -> None:
        """Forget the terms."""
        self.model.clear()
        self.kec_model.clear()
        self._data = TermsData([], {})
        super().end_session()
        self.selection_changed()

    def reload(self, select_id: int | None = None) -> None:
        """Read the terms in the worker; keep (or move to) the chosen term and kecamatan."""
        keep = select_id if select_id is not None else self.current_id()
        kec = self.current_kecamatan()
        keep_kec = kec.id if kec else None
        self.run(load_terms, lambda data: self._loaded(data, keep, keep_kec))

    def _loaded(self, data: TermsData, term_id: int | None, kec_id: int | None) -> None:
        self._data = data
        self.model.set_records(data.rows)
        if not self.reselect(term_id) and data.rows:
            self.table.setCurrentIndex(self.table.proxy.index(0, 0))
        self.selection_changed()
        if kec_id is not None:
            self.kec_table.select_where(lambda r: r.id == kec_id)
        self.update_buttons()

    # --- state -------------------------------------------------------------------------
    def current_kecamatan(self) -> TermKecamatanRow | None:
        """The chosen kecamatan of the chosen term."""
        record = self.kec_table.current_record()
        return record if isinstance(record, TermKecamatanRow) else None

    def selection_changed(self) -> None:
        """Show the chosen term's kecamatan."""
        row = self.current()
        if row is None:
            self.kec_model.clear()
            self.kec_heading.setText(self.tr("Kecamatan of the term"))
        else:
            self.kec_model.set_records(
                term_kecamatan_rows(row.term, row.links, self._data.kecamatan)
            )
            self.kec_heading.setText(
                self.tr("Kecamatan of {term} ({count})").format(
                    term=row.term.name, count=len(row.links)
                )
            )
        self.update_buttons()

    def update_buttons(self) -> None:
        """The term's buttons, and the kecamatan's by the chosen kecamatan."""
        super().update_buttons()
        term = self.current() if self.session is not None else None
        kec = self.current_kecamatan() if term else None
        self.attach_button.setEnabled(term is not None)
        self.end_button.setEnabled(kec is not None)
        self.detach_button.setEnabled(kec is not None)

    # --- term actions ------------------------------------------------------------------
    def record_dialog(self, record: TermRow | None) -> TermDialog:
        """The add-term dialog, or the edit dialog of ``record``."""
        assert self.session is not None
        return TermDialog(
            self.session,
            self.service_context,
            self.show_failure,
            term=record.term if record else None,
            parent=self,
        )

    def delete_current(self) -> None:
        """Delete the chosen term after asking (only one nothing uses)."""
        row = self.current()
        if row is None:
            return
        tid = row.id
        self.ask_delete(
            self.tr("Delete a term"),
            self.tr(
                "Delete the term {name}? Only a term without accounts, people or handovers "
                "can be deleted."
            ).format(name=row.term.name),
            lambda ctx: terms.delete_term(ctx, tid),
        )

    # --- kecamatan actions -------------------------------------------------------------
    def open_attach(self) -> RecordDialog | None:
        """Tick kecamatan to add to the chosen term."""
        row = self.current()
        if self.session is None or row is None:
            return None
        linked = {link.kecamatan_id for link in row.links}
        offered = sorted(
            (
                k
                for k in self._data.kecamatan.values()
                if k.id not in linked and k.retired_at is None
            ),
            key=lambda k: k.name.casefold(),
        )
        if not offered:
            show_message(
                self.window(),
                self.tr("Add kecamatan"),
                self.tr("Every kecamatan in use is already part of this term."),
            )
            return None
        dialog = AttachKecamatanDialog(
            self.session, self.service_context, self.show_failure, row.term, offered, parent=self
        )
        tid = row.id
        return self.open_dialog(dialog, lambda _links: tid)

    def open_end(self) -> RecordDialog | None:
        """Give the chosen kecamatan its own end date, or let it follow the term again."""
        row, kec = self.current(), self.current_kecamatan()
        if self.session is None or row is None or kec is None:
            return None
        dialog = KecamatanEndDialog(
            self.session,
            self.service_context,
            self.show_failure,
            row.term,
            kec.kecamatan,
            kec.link.end_date,
            kec.link.note,
            parent=self,
        )
        tid = row.id
        return self.open_dialog(dialog, lambda _link: tid)

    def detach_current(self) -> None:
        """Take the chosen kecamatan out of the term after asking."""
        row, kec = self.current(), self.current_kecamatan()
        if row is None or kec is None:
            return
        tid, kid = row.id, kec.id
        ask(
            self.window(),
            self.tr("Remove from the term"),
            self.tr(
                "Remove {kecamatan} from {term}? This is possible only while no account or "
                "person of the term belongs to it."
            ).format(kecamatan=kec.kecamatan.name, term=row.term.name),
            self.tr("Remove"),
            lambda: self.run(
                lambda ctx: terms.detach_kecamatan(ctx, tid, kid),
                lambda _n: self.reload(select_id=tid),
            ),
            destructive=True,
        )
