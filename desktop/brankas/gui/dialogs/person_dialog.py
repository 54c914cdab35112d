"""Add or edit a person: name, role, where and when they serve, position, contacts, NIP and NIK."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from brankas.core.domain.enums import PersonRole
from brankas.core.domain.models import Kecamatan, Person, Term
from brankas.core.services import people
from brankas.core.services.people import COMMITTEE_ROLES
from brankas.gui.dialogs.record_dialog import ContextFactory, RecordDialog, ServiceJob
from brankas.gui.models.people_model import person_role_label, phone_display
from brankas.gui.session import Session


@dataclass(frozen=True, slots=True)
class PersonDefaults:
    """What a new person starts with (the People page's filters)."""

    role: PersonRole = PersonRole.ANGGOTA
    kecamatan_id: int | None = None
    term_id: int | None = None


class PersonDialog(RecordDialog):
    """A new person, or changes to ``person``; committee members need a kecamatan and term."""

    def __init__(
        self,
        session: Session,
        make_context: ContextFactory,
        on_unexpected: Callable[[BaseException], None],
        *,
        kecamatan: Sequence[Kecamatan],
        terms: Sequence[Term],
        person: Person | None = None,
        defaults: PersonDefaults = PersonDefaults(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, make_context, on_unexpected, parent)
        self.setObjectName("personDialog")
        self.person = person
        if person is None:
            self.setWindowTitle(self.tr("Add a person"))
            self.ok.setText(self.tr("Add"))
        else:
            self.setWindowTitle(self.tr("Edit a person"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.role = QComboBox()
        for role in PersonRole:
            self.role.addItem(person_role_label(role), role.value)
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(self.tr("(none)"), None)
        current_kec = person.kecamatan_id if person else defaults.kecamatan_id
        for k in kecamatan:
            if k.retired_at is None or k.id == current_kec:
                self.kecamatan.addItem(k.name, k.id)
        self.term = QComboBox()
        self.term.addItem(self.tr("(none)"), None)
        for t in terms:
            self.term.addItem(t.name, t.id)
        self.position = QLineEdit()
        self.position.setMaxLength(100)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 0812-3456-7890"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("e.g. name@example.go.id"))
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("18 digits, for civil servants"))
        self.nik = QLineEdit()
        self.nik.setPlaceholderText(self.tr("16 digits, from the identity card"))
        self.institution = QLineEdit()
        self.institution.setMaxLength(200)
        self.add_field("name", self.tr("Full name:"), self.name)
        self.add_field("role", self.tr("Role:"), self.role)
        self.add_field("kecamatan_id", self.tr("Kecamatan:"), self.kecamatan)
        self.add_field("term_id", self.tr("Term:"), self.term)
        self.add_field("position", self.tr("Position:"), self.position)
        self.add_field("phone", self.tr("Phone:"), self.phone)
        self.add_field("email", self.tr("E-mail:"), self.email)
        self.add_field("nip", self.tr("NIP:"), self.nip)
        self.add_field("nik", self.tr("NIK:"), self.nik)
        self.add_field("institution", self.tr("Institution:"), self.institution)
        self.finish_layout()
        if person is not None:
            self.name.setText(person.name)
            self._choose(self.role, person.role.value)
            self._choose(self.kecamatan, person.kecamatan_id)
            self._choose(self.term, person.term_id)
            self.position.setText(person.position)
            self.phone.setText(phone_display(person.phone))
            self.email.setText(person.email)
            self.nip.setText(person.nip)
            self.nik.setText(person.nik)
            self.institution.setText(person.institution)
        else:
            self._choose(self.role, defaults.role.value)
            self._choose(self.kecamatan, defaults.kecamatan_id)
            self._choose(self.term, defaults.term_id)
        self.name.textChanged.connect(self._update)
        self.role.currentIndexChanged.connect(self._update)
        self.kecamatan.currentIndexChanged.connect(self._update)
        self._update()

    @staticmethod
    def _choose(box: QComboBox, value: object) -> None:
        index = box.findData(value)
        box.setCurrentIndex(max(index, 0))

    def selected_role(self) -> PersonRole:
        """The role chosen."""
        return PersonRole(str(self.role.currentData()))

    def _update(self) -> None:
        committee = self.selected_role() in COMMITTEE_ROLES
        # Regency officials and operators belong to no kecamatan (core refuses one).
        self.kecamatan.setEnabled(committee)
        if not committee:
            self.kecamatan.setCurrentIndex(0)
        role, kec = self.selected_role(), self.kecamatan.currentText()
        if committee and self.kecamatan.currentData() is not None:
            # Official Indonesian titles: the same in either UI language (BAST uses them).
            title = {
                PersonRole.KETUA: "Ketua",
                PersonRole.ANGGOTA: "Anggota",
                PersonRole.STAFF: "Staf Sekretariat",
            }[role]
            self.position.setPlaceholderText(f"{title} Panwaslu Kecamatan {kec}")
        else:
            self.position.setPlaceholderText(self.tr("e.g. Kepala Subbagian"))
        self.ok.setEnabled(bool(self.name.text().strip()))

    def service_call(self) -> ServiceJob | None:
        """add_person or update_person with every field; core checks and normalises."""
        role = self.selected_role()
        kid = self.kecamatan.currentData() if role in COMMITTEE_ROLES else None
        fields = {
            "name": self.name.text(),
            "role": role,
            "kecamatan_id": kid,
            "term_id": self.term.currentData(),
            "position": self.position.text() or self._suggested_position(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "nip": self.nip.text(),
            "nik": self.nik.text(),
            "institution": self.institution.text(),
        }
        current = self.person
        if current is None:
            return lambda ctx: people.add_person(ctx, **fields)
        return lambda ctx: people.update_person(ctx, current.id, **fields)

    def _suggested_position(self) -> str:
        """The committee position shown as the placeholder, taken when nothing was typed."""
        if self.selected_role() in COMMITTEE_ROLES and self.kecamatan.currentData() is not None:
            return self.position.placeholderText()
        return ""
