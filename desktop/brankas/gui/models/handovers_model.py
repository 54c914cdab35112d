"""Table model of handovers (serah terima): BAST number, date, kind, term, parties, accounts, scan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from brankas.core.domain.enums import HandoverKind
from brankas.core.domain.models import Handover, Person
from brankas.gui.models.record_model import RecordTableModel, fold, short_date


def handover_kind_label(kind: HandoverKind | str) -> str:
    """What a handover did, as a short phrase."""
    words = {
        HandoverKind.ISSUE: QCoreApplication.translate("Labels", "Issued to the committee"),
        HandoverKind.RETURN: QCoreApplication.translate("Labels", "Returned to the regency"),
        HandoverKind.NEXT_COMMITTEE: QCoreApplication.translate(
            "Labels", "Handed to the next committee"
        ),
    }
    try:
        return words[HandoverKind(str(kind))]
    except ValueError:
        return str(kind)


@dataclass(frozen=True, slots=True)
class HandoverRow:
    """A handover with the names the table shows and a search key."""

    handover: Handover
    term_name: str
    first_party: Person | None
    second_party: Person | None
    scans: int
    key: str = field(default="", compare=False)

    @property
    def id(self) -> int:
        """The handover's id."""
        return self.handover.id


def handover_row(
    handover: Handover,
    term_name: str,
    first: Person | None,
    second: Person | None,
    scans: int,
) -> HandoverRow:
    """A row with its search key (number, place, party names) precomputed."""
    names = " ".join(p.name for p in (first, second) if p is not None)
    key = fold(f"{handover.number} {handover.place} {term_name} {names}")
    return HandoverRow(handover, term_name, first, second, scans, key)


class Column(IntEnum):
    """Columns, in display order."""

    NUMBER = 0
    DATE = 1
    KIND = 2
    TERM = 3
    FIRST_PARTY = 4
    SECOND_PARTY = 5
    ACCOUNTS = 6
    SCAN = 7


class HandoversModel(RecordTableModel[HandoverRow]):
    """Every handover, narrowed by term and text in Python (the list is reset)."""

    column_count = len(Column)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[HandoverRow] = []
        self._term_id: int | None = None
        self._text = ""

    def set_handovers(self, rows: Sequence[HandoverRow]) -> None:
        """Replace every handover."""
        self._all = list(rows)
        self._apply()

    def set_filter(self, term_id: int | None, text: str = "") -> None:
        """Only one term's (None: all) whose key holds every word of ``text``."""
        self._term_id, self._text = term_id, text
        self._apply()

    @property
    def total(self) -> int:
        """Every handover, before filtering."""
        return len(self._all)

    def clear(self) -> None:
        """Forget every handover (on lock)."""
        self._all = []
        super().clear()

    def _apply(self) -> None:
        words = fold(self._text).split()
        tid = self._term_id
        self.set_records(
            [
                r
                for r in self._all
                if (tid is None or r.handover.term_id == tid) and all(w in r.key for w in words)
            ]
        )

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (
            self.tr("BAST number"),
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("Term"),
            self.tr("First party"),
            self.tr("Second party"),
            self.tr("Accounts"),
            self.tr("Scan"),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles, and what the parties and the scan column mean as tool tips."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                Column.FIRST_PARTY: self.tr("Who hands the accounts over"),
                Column.SECOND_PARTY: self.tr("Who receives the accounts"),
                Column.SCAN: self.tr("The signed BAST, scanned and stored in the vault"),
            }
            return tips.get(Column(section)) if 0 <= section < len(Column) else None
        return super().headerData(section, orientation, role)

    def display(self, record: HandoverRow, column: int) -> str:
        """Cell text."""
        h = record.handover
        col = Column(column)
        if col is Column.NUMBER:
            return h.number or "—"
        if col is Column.DATE:
            return short_date(h.date)
        if col is Column.KIND:
            return handover_kind_label(h.kind)
        if col is Column.TERM:
            return record.term_name or "—"
        if col is Column.FIRST_PARTY:
            return record.first_party.name if record.first_party else "—"
        if col is Column.SECOND_PARTY:
            return record.second_party.name if record.second_party else "—"
        if col is Column.ACCOUNTS:
            return str(len(h.items))
        if record.scans:
            return (
                self.tr("Attached")
                if record.scans == 1
                else self.tr("{count} attached").format(count=record.scans)
            )
        return self.tr("Not yet")

    def sort_key(self, record: HandoverRow, column: int) -> Any:
        """Dates and counts as values, then by date and id."""
        h = record.handover
        tail = (h.date, h.id)
        col = Column(column)
        if col is Column.DATE:
            return tail
        if col is Column.ACCOUNTS:
            return (len(h.items), *tail)
        if col is Column.SCAN:
            return (record.scans, *tail)
        return (fold(self.display(record, column)), *tail)

    def role_data(self, record: HandoverRow, column: int, role: int) -> Any:
        """Positions of the parties and the place as tool tips."""
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        person = None
        if column == Column.FIRST_PARTY:
            person = record.first_party
        elif column == Column.SECOND_PARTY:
            person = record.second_party
        if person is not None and person.position:
            return f"{person.name} — {person.position}"
        if column == Column.NUMBER and record.handover.place:
            return self.tr("Place: {place}").format(place=record.handover.place)
        return None
