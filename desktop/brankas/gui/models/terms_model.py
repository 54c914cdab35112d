"""Models of the Terms page: the terms, the kecamatan of one term, and a pick list of kecamatan."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from brankas.core.domain.enums import Election
from brankas.core.domain.models import Kecamatan, Term, TermKecamatanEnd
from brankas.gui.models.record_model import ID_ROLE, RecordTableModel, fold, short_date

Index = QModelIndex | QPersistentModelIndex


def election_label(election: Election | str) -> str:
    """ "Pemilu" / "Pilkada" with what it means in English."""
    if str(election) == Election.PILKADA:
        return QCoreApplication.translate("Labels", "Pilkada (regional election)")
    return QCoreApplication.translate("Labels", "Pemilu (general election)")


@dataclass(frozen=True, slots=True)
class TermRow:
    """A term with the kecamatan it covers."""

    term: Term
    links: tuple[TermKecamatanEnd, ...]

    @property
    def id(self) -> int:
        """The term's id."""
        return self.term.id

    @property
    def overrides(self) -> int:
        """How many kecamatan have their own end date."""
        return sum(1 for link in self.links if link.end_date is not None)


class TermColumn(IntEnum):
    """Columns of the terms table."""

    NAME = 0
    ELECTION = 1
    SK_NUMBER = 2
    SK_DATE = 3
    START = 4
    END = 5
    KECAMATAN = 6


class TermsModel(RecordTableModel[TermRow]):
    """Every term, newest first until the user sorts."""

    column_count = len(TermColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (
            self.tr("Term"),
            self.tr("Election"),
            self.tr("SK number"),
            self.tr("SK date"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Kecamatan"),
        )

    def display(self, record: TermRow, column: int) -> str:
        """Cell text; dates in the UI language."""
        t = record.term
        col = TermColumn(column)
        if col is TermColumn.NAME:
            return t.name
        if col is TermColumn.ELECTION:
            return election_label(t.election)
        if col is TermColumn.SK_NUMBER:
            return t.sk_number or "—"
        if col is TermColumn.SK_DATE:
            return short_date(t.sk_date)
        if col is TermColumn.START:
            return short_date(t.start_date)
        if col is TermColumn.END:
            return short_date(t.end_date)
        if record.overrides:
            return self.tr("{count} ({own} with their own end)").format(
                count=len(record.links), own=record.overrides
            )
        return str(len(record.links))

    def sort_key(self, record: TermRow, column: int) -> Any:
        """Dates and counts sort as values, text folded."""
        t = record.term
        col = TermColumn(column)
        if col is TermColumn.SK_DATE:
            return (t.sk_date or date.min, t.id)
        if col is TermColumn.START:
            return (t.start_date, t.id)
        if col is TermColumn.END:
            return (t.end_date, t.id)
        if col is TermColumn.KECAMATAN:
            return (len(record.links), record.overrides)
        if col is TermColumn.NAME:
            return (t.start_date, fold(t.name))  # by start: "Pemilu 2019" before "Pemilu 2024"
        return fold(self.display(record, column))


@dataclass(frozen=True, slots=True)
class TermKecamatanRow:
    """One kecamatan of a term with its effective end."""

    kecamatan: Kecamatan
    link: TermKecamatanEnd
    end: date

    @property
    def id(self) -> int:
        """The kecamatan's id."""
        return self.kecamatan.id

    @property
    def overridden(self) -> bool:
        """Whether the kecamatan has its own end date."""
        return self.link.end_date is not None


def term_kecamatan_rows(
    term: Term, links: Iterable[TermKecamatanEnd], kecamatan: dict[int, Kecamatan]
) -> list[TermKecamatanRow]:
    """Rows for the kecamatan of ``term`` (links to unknown kecamatan are skipped)."""
    return [
        TermKecamatanRow(kecamatan[link.kecamatan_id], link, link.effective_end(term))
        for link in links
        if link.kecamatan_id in kecamatan
    ]


class TermKecamatanColumn(IntEnum):
    """Columns of a term's kecamatan table."""

    KECAMATAN = 0
    END = 1
    SOURCE = 2
    NOTE = 3


class TermKecamatanModel(RecordTableModel[TermKecamatanRow]):
    """The kecamatan a term covers, each with the day its term ends."""

    column_count = len(TermKecamatanColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (
            self.tr("Kecamatan"),
            self.tr("Term ends"),
            self.tr("Own end date"),
            self.tr("Note"),
        )

    def display(self, record: TermKecamatanRow, column: int) -> str:
        """Cell text."""
        col = TermKecamatanColumn(column)
        if col is TermKecamatanColumn.KECAMATAN:
            name = record.kecamatan.name
            return (
                self.tr("{name} (retired)").format(name=name)
                if record.kecamatan.retired_at
                else name
            )
        if col is TermKecamatanColumn.END:
            return short_date(record.end)
        if col is TermKecamatanColumn.SOURCE:
            return self.tr("Yes") if record.overridden else self.tr("No")
        return record.link.note

    def sort_key(self, record: TermKecamatanRow, column: int) -> Any:
        """Ends by date, else folded text."""
        if column == TermKecamatanColumn.END:
            return (record.end, fold(record.kecamatan.name))
        if column == TermKecamatanColumn.KECAMATAN:
            return fold(record.kecamatan.name)
        return (fold(self.display(record, column)), fold(record.kecamatan.name))


class KecamatanPickModel(QAbstractListModel):
    """Kecamatan with check boxes, for choosing several at once."""

    def __init__(self, kecamatan: Sequence[Kecamatan] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._items = list(kecamatan)
        self._checked: set[int] = set()

    def set_kecamatan(self, kecamatan: Sequence[Kecamatan]) -> None:
        """Offer these kecamatan, none checked."""
        self.beginResetModel()
        self._items = list(kecamatan)
        self._checked = set()
        self.endResetModel()

    def checked_ids(self) -> list[int]:
        """The ids of the checked kecamatan, in list order."""
        return [k.id for k in self._items if k.id in self._checked]

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every kecamatan."""
        self._checked = {k.id for k in self._items} if checked else set()
        if self._items:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._items) - 1), [Qt.ItemDataRole.CheckStateRole]
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The name, the check state and the id."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        k = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return k.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if k.id in self._checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return k.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Checkable items."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Check or uncheck one kecamatan."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._items):
            return False
        kid = self._items[index.row()].id
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(kid)
        else:
            self._checked.discard(kid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def default_term(terms: Sequence[Term], today: date) -> Term | None:
    """The term to show first: one running today (the latest to start), else the newest."""
    running = [t for t in terms if t.start_date <= today <= t.end_date]
    pool = running or list(terms)
    return max(pool, key=lambda t: (t.start_date, t.id), default=None)
