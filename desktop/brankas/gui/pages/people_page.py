"""People page: committee members and officials, filtered by kecamatan, term, role and text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit

from brankas.core.domain.enums import PersonRole
from brankas.core.domain.models import Kecamatan, Term
from brankas.core.services import office, people, terms
from brankas.core.services.context import ServiceContext
from brankas.gui.dialogs.person_dialog import PersonDefaults, PersonDialog
from brankas.gui.models.people_model import (
    Column,
    PeopleFilter,
    PeopleModel,
    PersonRow,
    person_role_label,
    person_row,
)
from brankas.gui.pages.record_page import RecordListPage
from brankas.gui.pages.service_page import button_row, search_shortcut
from brankas.gui.widgets.record_table import RecordTable


@dataclass(frozen=True, slots=True)
class PeopleData:
    """Everyone, with the kecamatan and terms the filters offer."""

    rows: list[PersonRow]
    kecamatan: list[Kecamatan]
    terms: list[Term]


def load_people(ctx: ServiceContext) -> PeopleData:
    """People with their kecamatan and term names (worker thread)."""
    kecamatan = office.list_kecamatan(ctx, include_retired=True)
    term_list = terms.list_terms(ctx)
    kec_names = {k.id: k.name for k in kecamatan}
    term_names = {t.id: t.name for t in term_list}
    rows = [
        person_row(
            p,
            kec_names.get(p.kecamatan_id, "") if p.kecamatan_id is not None else "",
            term_names.get(p.term_id, "") if p.term_id is not None else "",
        )
        for p in people.list_people(ctx)
    ]
    return PeopleData(rows, kecamatan, term_list)


class PeoplePage(RecordListPage):
    """Filters above the list; add, edit and delete through services/people.py."""

    record_type = PersonRow
    load = staticmethod(load_people)

    def build_list(self) -> None:
        """The filters, the buttons, the list and its summary."""
        self.setObjectName("peoplePage")
        self.title.setText(self.tr("People"))
        self.add_intro(
            self.tr(
                "Committee members receive and return accounts; regency officials sign the "
                "handovers as parties, witnesses or “mengetahui”."
            )
        )
        self._data = PeopleData([], [], [])
        filters = QHBoxLayout()
        self.kecamatan_filter = QComboBox()
        self.kecamatan_filter.setObjectName("peopleKecamatanFilter")
        self.term_filter = QComboBox()
        self.term_filter.setObjectName("peopleTermFilter")
        self.role_filter = QComboBox()
        self.role_filter.setObjectName("peopleRoleFilter")
        self.role_filter.addItem(self.tr("All roles"), None)
        for role in PersonRole:
            self.role_filter.addItem(person_role_label(role), role.value)
        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(self.tr("Search names, positions, contacts (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        for label, box in (
            (self.tr("Kecamatan:"), self.kecamatan_filter),
            (self.tr("Term:"), self.term_filter),
            (self.tr("Role:"), self.role_filter),
        ):
            filters.addWidget(QLabel(label))
            box.setMinimumWidth(150)
            filters.addWidget(box)
        filters.addWidget(self.search, 1)
        self.layout_.addLayout(filters)
        buttons = self.record_buttons(
            (self.tr("Add a person…"), "addPerson"),
            (self.tr("Edit…"), "editPerson"),
            (self.tr("Delete"), "deletePerson"),
        )
        self.layout_.addLayout(button_row(*buttons))
        self.model = PeopleModel(self)
        self.table = RecordTable(self.model, stretch=Column.POSITION)
        self.table.setObjectName("peopleTable")
        self.layout_.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("peopleSummary")
        self.summary.setProperty("role", "hint")
        self.layout_.addWidget(self.summary)
        self._fill_filter_boxes()
        for box in (self.kecamatan_filter, self.term_filter, self.role_filter):
            box.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        search_shortcut(self, self.search)

    # --- session -----------------------------------------------------------------------
    def end_session(self) -> None:
        """Forget everyone and the filter choices."""
        self.model.clear()
        self._data = PeopleData([], [], [])
        self.summary.clear()
        self.search.clear()
        super().end_session()
        self._fill_filter_boxes()
        self.update_buttons()

    def loaded(self, data: PeopleData, select_id: int | None) -> None:
        """Show the people read, filtered as the controls say."""
        self._data = data
        self._fill_filter_boxes()
        self.model.set_people(data.rows)
        self._filter()
        self.reselect(select_id)
        self.update_buttons()

    def _fill_filter_boxes(self) -> None:
        """Offer the loaded kecamatan and terms, keeping the choices made."""
        for box, everything, items in (
            (
                self.kecamatan_filter,
                self.tr("All kecamatan"),
                [(k.name, k.id) for k in self._data.kecamatan],
            ),
            (self.term_filter, self.tr("All terms"), [(t.name, t.id) for t in self._data.terms]),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for text, value in items:
                box.addItem(text, value)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
            box.blockSignals(False)

    # --- filtering ---------------------------------------------------------------------
    def current_filter(self) -> PeopleFilter:
        """The filter the controls describe."""
        role = self.role_filter.currentData()
        return PeopleFilter(
            kecamatan_id=self.kecamatan_filter.currentData(),
            term_id=self.term_filter.currentData(),
            role=PersonRole(role) if role else None,
            text=self.search.text(),
        )

    def _filter(self, *_args: Any) -> None:
        keep = self.current_id()
        self.model.set_filter(self.current_filter())
        self.reselect(keep)
        self.summary.setText(
            self.tr("Showing {shown} of {total} people.").format(
                shown=self.model.rowCount(), total=self.model.total
            )
        )
        self.update_buttons()

    # --- actions -----------------------------------------------------------------------
    def record_dialog(self, record: PersonRow | None) -> PersonDialog:
        """The add dialog prefilled from the filters, or the edit dialog of ``record``."""
        assert self.session is not None
        wanted = self.current_filter()
        newest = self._data.terms[0].id if self._data.terms else None  # newest start first
        defaults = PersonDefaults(
            role=wanted.role or PersonRole.ANGGOTA,
            kecamatan_id=wanted.kecamatan_id,
            term_id=wanted.term_id if wanted.term_id is not None else newest,
        )
        return PersonDialog(
            self.session,
            self.service_context,
            self.show_failure,
            kecamatan=self._data.kecamatan,
            terms=self._data.terms,
            person=record.person if record else None,
            defaults=defaults,
            parent=self,
        )

    def delete_current(self) -> None:
        """Delete the selected person after asking (only one without history)."""
        row = self.current()
        if row is None:
            return
        pid = row.id
        self.ask_delete(
            self.tr("Delete a person"),
            self.tr(
                "Delete {name}? Use this only for someone entered by mistake: a person named "
                "in a handover or custody record stays."
            ).format(name=row.person.name),
            lambda ctx: people.delete_person(ctx, pid),
        )
