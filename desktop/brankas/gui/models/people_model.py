"""Table model of people (committee members, officials, operators), filtered in Python on raw values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from brankas.core.domain.enums import PersonRole
from brankas.core.domain.models import Person
from brankas.core.domain.normalize import normalize_phone
from brankas.core.errors import InvalidValue
from brankas.gui.models.record_model import RecordTableModel, fold

ROLE_ORDER = {role: n for n, role in enumerate(PersonRole)}


def person_role_label(role: PersonRole | str) -> str:
    """A person's role in the current language."""
    names = {
        PersonRole.KETUA: QCoreApplication.translate("Labels", "Ketua (chair)"),
        PersonRole.ANGGOTA: QCoreApplication.translate("Labels", "Anggota (member)"),
        PersonRole.STAFF: QCoreApplication.translate("Labels", "Secretariat staff"),
        PersonRole.OFFICIAL: QCoreApplication.translate("Labels", "Regency official"),
        PersonRole.OPERATOR: QCoreApplication.translate("Labels", "Brankas operator"),
    }
    try:
        return names[PersonRole(str(role))]
    except ValueError:
        return str(role)


def phone_display(canonical: str) -> str:
    """``+6281234567890`` as ``0812-3456-7890`` (as stored when it cannot be read)."""
    if not canonical:
        return ""
    try:
        return normalize_phone(canonical).display
    except InvalidValue:
        return canonical


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person with the names of their kecamatan and term, and a search key."""

    person: Person
    kecamatan_name: str = ""
    term_name: str = ""
    phone: str = ""  # as shown: 0812-3456-7890
    key: str = field(default="", compare=False)

    @property
    def id(self) -> int:
        """The person's id."""
        return self.person.id


def person_row(person: Person, kecamatan_name: str, term_name: str) -> PersonRow:
    """A row with its lowercase search key precomputed (name, position, contacts, ids)."""
    p = person
    key = fold(" ".join((p.name, p.position, p.phone, p.email, p.nip, p.institution)))
    return PersonRow(p, kecamatan_name, term_name, phone_display(p.phone), key)


class Column(IntEnum):
    """Columns, in display order."""

    NAME = 0
    ROLE = 1
    POSITION = 2
    KECAMATAN = 3
    TERM = 4
    PHONE = 5
    EMAIL = 6


@dataclass(frozen=True, slots=True)
class PeopleFilter:
    """What to show: None means any."""

    kecamatan_id: int | None = None
    term_id: int | None = None
    role: PersonRole | None = None
    text: str = ""

    def accepts(self, row: PersonRow) -> bool:
        """Whether ``row`` passes (all words of ``text`` must appear in its key)."""
        p = row.person
        if self.kecamatan_id is not None and p.kecamatan_id != self.kecamatan_id:
            return False
        if self.term_id is not None and p.term_id != self.term_id:
            return False
        if self.role is not None and p.role != self.role:
            return False
        return all(word in row.key for word in fold(self.text).split())


class PeopleModel(RecordTableModel[PersonRow]):
    """Everyone, narrowed by a :class:`PeopleFilter` (the list is reset, never proxied)."""

    column_count = len(Column)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[PersonRow] = []
        self._filter = PeopleFilter()

    def set_people(self, rows: Sequence[PersonRow]) -> None:
        """Replace everyone."""
        self._all = list(rows)
        self._apply()

    def set_filter(self, wanted: PeopleFilter) -> None:
        """Show only the people ``wanted`` accepts."""
        self._filter = wanted
        self._apply()

    @property
    def total(self) -> int:
        """Everyone, before filtering."""
        return len(self._all)

    def clear(self) -> None:
        """Forget everyone (on lock)."""
        self._all = []
        super().clear()

    def _apply(self) -> None:
        accepts = self._filter.accepts
        self.set_records([r for r in self._all if accepts(r)])

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Position"),
            self.tr("Kecamatan"),
            self.tr("Term"),
            self.tr("Phone"),
            self.tr("E-mail"),
        )

    def display(self, record: PersonRow, column: int) -> str:
        """Cell text."""
        p = record.person
        col = Column(column)
        if col is Column.NAME:
            return p.name
        if col is Column.ROLE:
            return person_role_label(p.role)
        if col is Column.POSITION:
            return p.position
        if col is Column.KECAMATAN:
            return record.kecamatan_name or "—"
        if col is Column.TERM:
            return record.term_name or "—"
        if col is Column.PHONE:
            return record.phone
        return p.email

    def sort_key(self, record: PersonRow, column: int) -> Any:
        """Roles in their natural order (ketua first), text folded, then by name."""
        p = record.person
        if column == Column.ROLE:
            return (ROLE_ORDER.get(p.role, 99), fold(p.name))
        if column == Column.NAME:
            return (fold(p.name), p.id)
        return (fold(self.display(record, column)), fold(p.name))
