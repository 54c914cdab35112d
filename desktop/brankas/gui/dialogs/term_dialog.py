"""Term editors: a term's election, SK and dates; adding kecamatan; one kecamatan's own end date."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from brankas.core.domain.enums import Election
from brankas.core.domain.models import Kecamatan, Term
from brankas.core.services import terms
from brankas.gui.dialogs.record_dialog import ContextFactory, RecordDialog, ServiceJob
from brankas.gui.models.record_model import short_date
from brankas.gui.models.terms_model import KecamatanPickModel, election_label
from brankas.gui.session import Session

LONG_DATE = "dddd, d MMMM yyyy"  # "Senin, 27 Januari 2025" in the Indonesian locale


class DateField(QWidget):
    """A date with a calendar pop-up, shown in the UI language; optionally "not set"."""

    changed = Signal()

    def __init__(
        self, value: date | None, *, optional: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known: QCheckBox | None = None
        if optional:
            self.known = QCheckBox()
            self.known.setChecked(value is not None)
            self.known.setToolTip(self.tr("Tick when the date is known"))
            self.known.toggled.connect(self._known_toggled)
            row.addWidget(self.known)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(LONG_DATE)
        self.edit.setDateRange(QDate(1999, 1, 1), QDate(2100, 12, 31))
        shown = value or date.today()
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.edit.setEnabled(value is not None or not optional)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        row.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)  # an error shown under the field focuses the date

    def _known_toggled(self, known: bool) -> None:
        self.edit.setEnabled(known)
        self.changed.emit()

    def value(self) -> date | None:
        """The date, or None when it is optional and not set."""
        if self.known is not None and not self.known.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: not set, for an optional date)."""
        if self.known is not None:
            self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class TermDialog(RecordDialog):
    """Add a term, or edit ``term``."""

    def __init__(
        self,
        session: Session,
        make_context: ContextFactory,
        on_unexpected: Callable[[BaseException], None],
        term: Term | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, make_context, on_unexpected, parent)
        self.setObjectName("termDialog")
        self.term = term
        self.setWindowTitle(self.tr("Edit a term") if term else self.tr("Add a term"))
        if term is None:
            self.ok.setText(self.tr("Add"))
        self.election = QComboBox()
        for election in Election:
            self.election.addItem(election_label(election), election.value)
        self.year = QSpinBox()
        self.year.setRange(1999, 2100)
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.sk_number = QLineEdit()
        self.sk_number.setMaxLength(120)
        self.sk_number.setPlaceholderText(self.tr("e.g. 123/HK.01.01/K.ST-05/04/2024"))
        self.sk_date = DateField(term.sk_date if term else None, optional=True)
        today = date.today()
        self.start = DateField(term.start_date if term else today)
        self.end = DateField(term.end_date if term else today)
        if term is not None:
            self.election.setCurrentIndex(max(self.election.findData(str(term.election)), 0))
            self.year.setValue(term.year)
            self.name.setText(term.name)
            self.sk_number.setText(term.sk_number)
        else:
            self.year.setValue(today.year)
        self.add_field("election", self.tr("Election:"), self.election)
        self.add_field("year", self.tr("Election year:"), self.year)
        self.add_field(
            "name",
            self.tr("Name:"),
            self.name,
            hint=self.tr("Leave empty to call it after the election and year."),
        )
        self.add_field("sk_number", self.tr("SK number:"), self.sk_number)
        self.add_field("sk_date", self.tr("SK date:"), self.sk_date)
        self.add_field("start_date", self.tr("Term starts:"), self.start)
        self.add_field(
            "end_date",
            self.tr("Term ends:"),
            self.end,
            hint=self.tr(
                "Planned and active accounts of the term whose period still follows the "
                "term move with its dates."
            )
            if term
            else "",
        )
        self.finish_layout()
        self.election.currentIndexChanged.connect(self._update_name_hint)
        self.year.valueChanged.connect(self._update_name_hint)
        self._update_name_hint()

    def _update_name_hint(self) -> None:
        election = "Pilkada" if self.election.currentData() == Election.PILKADA else "Pemilu"
        self.name.setPlaceholderText(f"{election} {self.year.value()}")

    def service_call(self) -> ServiceJob | None:
        """add_term or update_term with every field."""
        election, year = str(self.election.currentData()), self.year.value()
        name, sk_number, sk_date = self.name.text(), self.sk_number.text(), self.sk_date.value()
        start, end = self.start.value(), self.end.value()
        assert start is not None and end is not None  # not optional
        current = self.term
        if current is None:
            return lambda ctx: terms.add_term(
                ctx,
                election=election,
                year=year,
                start_date=start,
                end_date=end,
                name=name,
                sk_number=sk_number,
                sk_date=sk_date,
            )
        return lambda ctx: terms.update_term(
            ctx,
            current.id,
            election=election,
            year=year,
            start_date=start,
            end_date=end,
            name=name,
            sk_number=sk_number,
            sk_date=sk_date,
        )


class KecamatanEndDialog(RecordDialog):
    """One kecamatan's term end: the term's, or its own date with a note."""

    def __init__(
        self,
        session: Session,
        make_context: ContextFactory,
        on_unexpected: Callable[[BaseException], None],
        term: Term,
        kecamatan: Kecamatan,
        own_end: date | None,
        note: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, make_context, on_unexpected, parent)
        self.setObjectName("kecamatanEndDialog")
        self.setWindowTitle(self.tr("Term end of {name}").format(name=kecamatan.name))
        self.term, self.kecamatan = term, kecamatan
        intro = QLabel(
            self.tr(
                "The term {term} ends on {date}. A kecamatan can end later, for example when "
                "its result was disputed at the Constitutional Court."
            ).format(term=term.name, date=short_date(term.end_date))
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.follow = QRadioButton(self.tr("Ends with the term"))
        self.follow.setObjectName("followTerm")
        self.own = QRadioButton(self.tr("Has its own end date"))
        self.own.setObjectName("ownEnd")
        self.end = DateField(own_end or term.end_date)
        self.note = QLineEdit(note)
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(
            self.tr("e.g. Extended: result disputed at the Constitutional Court")
        )
        choice = QWidget()
        choice_row = QHBoxLayout(choice)
        choice_row.setContentsMargins(0, 0, 0, 0)
        choice_row.addWidget(self.follow)
        choice_row.addWidget(self.own)
        choice_row.addStretch(1)
        self.add_field("choice", self.tr("Term end:"), choice)
        self.add_field("end_date", self.tr("Own end date:"), self.end)
        self.add_field("note", self.tr("Why:"), self.note)
        self.finish_layout()
        (self.own if own_end is not None else self.follow).setChecked(True)
        self.own.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        own = self.own.isChecked()
        self.end.setEnabled(own)
        self.note.setEnabled(own)

    def service_call(self) -> ServiceJob | None:
        """set_kecamatan_end (None follows the term again)."""
        own = self.own.isChecked()
        end = self.end.value() if own else None
        note = self.note.text() if own else ""
        term_id, kid = self.term.id, self.kecamatan.id
        return lambda ctx: terms.set_kecamatan_end(ctx, term_id, kid, end, note=note)


class AttachKecamatanDialog(RecordDialog):
    """Tick the kecamatan a term should cover."""

    def __init__(
        self,
        session: Session,
        make_context: ContextFactory,
        on_unexpected: Callable[[BaseException], None],
        term: Term,
        offered: Sequence[Kecamatan],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, make_context, on_unexpected, parent)
        self.setObjectName("attachKecamatanDialog")
        self.setWindowTitle(self.tr("Add kecamatan to {term}").format(term=term.name))
        self.ok.setText(self.tr("Add"))
        self.term = term
        self.pick = KecamatanPickModel(offered, self)
        self.list = QListView()
        self.list.setObjectName("kecamatanPick")
        self.list.setModel(self.pick)
        self.list.setMinimumHeight(240)
        all_button = QPushButton(self.tr("Select all"))
        all_button.clicked.connect(lambda: self.pick.set_all(True))
        none_button = QPushButton(self.tr("Select none"))
        none_button.clicked.connect(lambda: self.pick.set_all(False))
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        self.add_field("kecamatan_id", self.tr("Kecamatan:"), self.list)
        self.form.addRow("", buttons)
        self.finish_layout()
        self.pick.dataChanged.connect(lambda *_a: self._update())
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.pick.checked_ids()))

    def service_call(self) -> ServiceJob | None:
        """attach_kecamatan with the ticked ones."""
        ids, term_id = self.pick.checked_ids(), self.term.id
        return lambda ctx: terms.attach_kecamatan(ctx, term_id, ids)
