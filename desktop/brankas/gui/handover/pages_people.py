"""The handover wizard's middle pages: who signs, and the number, date and place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import HandoverKind
from brankas.core.services import handover
from brankas.core.services import handover_wizard as wh
from brankas.core.services.handover_wizard import Page, PersonOption
from brankas.gui.handover.choice_models import PeopleChoiceModel, PersonColumn
from brankas.gui.handover.sentences import error_text
from brankas.gui.handover.wizard_base import WizardStep, with_error
from brankas.gui.theme import Spacing
from brankas.gui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from brankas.gui.handover.wizard import HandoverWizard


def person_text(p: PersonOption) -> str:
    """ "Name — position" for a picker."""
    return f"{p.name} — {p.position}" if p.position else p.name


def fill_people(
    box: QComboBox, people: Sequence[PersonOption], chosen: int | None, none_text: str = ""
) -> None:
    """Offer ``people`` in ``box`` (with a "nobody" entry first when ``none_text`` is given)."""
    box.blockSignals(True)
    box.clear()
    if none_text:
        box.addItem(none_text, None)
    for p in people:
        box.addItem(person_text(p), p.id)
    index = box.findData(chosen) if chosen is not None else -1
    box.setCurrentIndex(index if index >= 0 else (0 if none_text or not people else -1))
    box.blockSignals(False)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class HandoverPartiesPage(WizardStep):
    """The office's party, each kecamatan's committee party, witnesses, "mengetahui"."""

    core_page = Page.PARTIES

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("partiesPage")
        self.setTitle(self.tr("Who signs?"))
        self.hint = self.title_widget("")
        self.body.addWidget(self.hint)
        columns = QHBoxLayout()
        columns.setSpacing(Spacing.XL)
        left = QVBoxLayout()
        self.office_label = QLabel()
        self.office_label.setProperty("role", "heading")
        self.office_box = QComboBox()
        self.office_box.setObjectName("officeParty")
        self.office_box.setPlaceholderText(self.tr("Choose a person…"))
        left.addWidget(self.office_label)
        left.addWidget(self.office_box)
        left.addWidget(self.add_error("office_party"))
        mengetahui = QLabel(self.tr("Acknowledged by (mengetahui)"))
        mengetahui.setProperty("role", "heading")
        self.mengetahui_box = QComboBox()
        self.mengetahui_box.setObjectName("mengetahui")
        left.addWidget(mengetahui)
        left.addWidget(self.mengetahui_box)
        left.addWidget(self.add_error("mengetahui"))
        witnesses = QLabel(self.tr("Witnesses"))
        witnesses.setProperty("role", "heading")
        self.witness_model = PeopleChoiceModel(self)
        self.witness_table = RecordTable(self.witness_model, stretch=PersonColumn.POSITION)
        self.witness_table.setObjectName("witnessTable")
        left.addWidget(witnesses)
        left.addWidget(self.witness_table, 1)
        left.addWidget(self.add_error("witnesses"))
        right = QVBoxLayout()
        self.committee_label = QLabel()
        self.committee_label.setProperty("role", "heading")
        right.addWidget(self.committee_label)
        self.committee_scroll = QScrollArea()
        self.committee_scroll.setObjectName("committeeParties")
        self.committee_scroll.setWidgetResizable(True)
        right.addWidget(self.committee_scroll, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.body.addLayout(columns, 1)
        self.finish_layout()
        self.committee_boxes: dict[int, QComboBox] = {}
        self._witness_order: list[int] = []
        self.witness_model.toggled.connect(self._witness_toggled)
        # A change answers the problem shown: the lines go until the next check.
        for box in (self.office_box, self.mengetahui_box):
            box.currentIndexChanged.connect(lambda _i: self.clear_problems())
        self.witness_model.toggled.connect(lambda _i, _on: self.clear_problems())

    def initializePage(self) -> None:
        """Fill the pickers; each kecamatan's ketua is suggested as its committee party."""
        self.wiz.state = wh.suggest_parties(self.wiz.state, self.wiz.data)
        state, data = self.wiz.state, self.wiz.data
        back = state.kind is HandoverKind.RETURN
        self.hint.setText(
            self.tr(
                "The committee hands over as the first party (Pihak Pertama) and the office "
                "receives as the second party (Pihak Kedua)."
            )
            if back
            else self.tr(
                "The office hands over as the first party (Pihak Pertama) and the committee "
                "receives as the second party (Pihak Kedua)."
            )
        )
        self.office_label.setText(
            self.tr("Receives for the office") if back else self.tr("Hands over for the office")
        )
        self.committee_label.setText(
            self.tr("Hands over for each committee")
            if back
            else self.tr("Receives for each committee")
        )
        fill_people(self.office_box, data.office_people(), state.office_party_id)
        fill_people(
            self.mengetahui_box, data.office_people(), state.mengetahui_id, self.tr("(nobody)")
        )
        self._build_committees()
        active = wh.active_kecamatan(state, data)
        offered = list(data.office_people())
        if len(active) == 1:
            offered += list(data.committee_of(active[0]))
        self.witness_model.set_records(offered)
        self._witness_order = [w for w in state.witness_ids if any(p.id == w for p in offered)]
        self.witness_model.set_checked(self._witness_order)
        self.wiz.page_ready(self)

    def _build_committees(self) -> None:
        state, data = self.wiz.state, self.wiz.data
        names = {k.id: k.name for k in data.kecamatan}
        holder = QWidget()
        form = QFormLayout(holder)
        form.setVerticalSpacing(Spacing.S)
        self.committee_boxes = {}
        for key in [k for k in self.errors if k[0] == "committee_party" and k[1] is not None]:
            del self.errors[key]
        for k in wh.active_kecamatan(state, data):
            box = QComboBox()
            box.setObjectName(f"committee_{k}")
            box.setPlaceholderText(self.tr("Choose a person…"))
            fill_people(box, data.committee_of(k), state.committee_party(k))
            box.currentIndexChanged.connect(lambda _i: self.clear_problems())
            form.addRow(names.get(k, "?"), with_error(box, self.add_error("committee_party", k)))
            self.committee_boxes[k] = box
        self.committee_scroll.setWidget(holder)

    def _witness_toggled(self, person_id: int, on: bool) -> None:
        if on and person_id not in self._witness_order:
            self._witness_order.append(person_id)
        elif not on and person_id in self._witness_order:
            self._witness_order.remove(person_id)

    def store(self) -> None:
        """Set the parties from the pickers."""
        parties = {k: box.currentData() for k, box in self.committee_boxes.items()}
        self.wiz.state = wh.choose_parties(
            self.wiz.state,
            office_party_id=self.office_box.currentData(),
            committee_parties={k: v for k, v in parties.items() if v is not None},
            witness_ids=list(self._witness_order),
            mengetahui_id=self.mengetahui_box.currentData(),
        )


class HandoverDetailsPage(WizardStep):
    """Date, place and number (suggested from the sequence) and notes."""

    core_page = Page.DETAILS

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("detailsPage")
        self.setTitle(self.tr("Number, date and place"))
        self.body.addWidget(
            self.title_widget(
                self.tr("These go on every BAST of this handover, with the date spelled out.")
            )
        )
        form = QFormLayout()
        form.setVerticalSpacing(Spacing.S)
        self.date = QDateEdit()
        self.date.setObjectName("handoverDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setMinimumWidth(220)
        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.date)
        date_row.addStretch(1)
        date_box = QWidget()
        date_box.setLayout(date_row)
        form.addRow(self.tr("Date:"), with_error(date_box, self.add_error("date")))
        self.place = QLineEdit()
        self.place.setObjectName("handoverPlace")
        form.addRow(self.tr("Place:"), with_error(self.place, self.add_error("place")))
        self.number = QLineEdit()
        self.number.setObjectName("handoverNumber")
        self.number_hint = QLabel()
        self.number_hint.setObjectName("numberHint")
        self.number_hint.setProperty("role", "hint")
        self.number_hint.setWordWrap(True)
        number_box = with_error(self.number, self.add_error("number"))
        number_layout = number_box.layout()
        assert number_layout is not None
        number_layout.addWidget(self.number_hint)
        form.addRow(self.tr("BAST number:"), number_box)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("handoverNotes")
        self.notes.setMaximumHeight(90)
        form.addRow(self.tr("Notes (optional):"), with_error(self.notes, self.add_error("notes")))
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.finish_layout()
        self.suggested = ""
        self.date.dateChanged.connect(lambda _d: self._suggest())
        self.date.dateChanged.connect(lambda _d: self.clear_problems())
        self.number.textEdited.connect(lambda _t: self.clear_problems())
        self.place.textEdited.connect(lambda _t: self.clear_problems())

    @property
    def single(self) -> bool:
        """Whether the handover makes one BAST (a number may then be typed)."""
        return len(wh.active_kecamatan(self.wiz.state, self.wiz.data)) == 1

    def initializePage(self) -> None:
        """Today (or the date chosen), the office's city, the next number."""
        state, data = self.wiz.state, self.wiz.data
        self.date.blockSignals(True)
        self.date.setDate(_qdate(state.on or data.today))
        self.date.blockSignals(False)
        self.place.setText(state.place)
        self.place.setPlaceholderText(data.default_place)
        self.notes.setPlainText(state.notes)
        self.number.setText(state.number)
        self.number.setEnabled(self.single)
        self._suggest()

    def chosen_date(self) -> date:
        """The date in the picker."""
        d = self.date.date()
        return date(d.year(), d.month(), d.day())

    def _suggest(self) -> None:
        count = len(wh.active_kecamatan(self.wiz.state, self.wiz.data))
        on = self.chosen_date()

        def shown(number: str) -> None:
            if self.number.text() in ("", self.suggested) and self.single:
                self.number.setText(number)
            self.suggested = number
            if self.single:
                self.number_hint.setText(
                    self.tr(
                        "The next number of the sequence. Change it only if this BAST already "
                        "has a number."
                    )
                )
            else:
                self.number.clear()
                self.number.setPlaceholderText(number)
                self.number_hint.setText(
                    self.tr(
                        "The {count} BAST get the next numbers of the sequence, starting with "
                        "{number}."
                    ).format(count=count, number=number)
                )

        def failed(exc: BaseException) -> None:
            self.number_hint.clear()
            self.show_text(error_text(exc), self.errors[("number", None)])

        self.wiz.env.run(lambda ctx: handover.next_number(ctx, on), shown, failed)

    def store(self) -> None:
        """Set the details; the suggested number is left to the sequence."""
        typed = self.number.text().strip()
        number = "" if typed == self.suggested or not self.single else typed
        self.wiz.state = wh.set_details(
            self.wiz.state,
            on=self.chosen_date(),
            place=self.place.text(),
            number=number,
            notes=self.notes.toPlainText(),
        )
