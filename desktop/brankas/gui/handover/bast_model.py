"""Table model of the BAST a handover makes (previewed or recorded): number, kecamatan, accounts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from brankas.core.domain.models import Handover
from brankas.documents.bast import BastData, bast_html
from brankas.gui.models.record_model import RecordTableModel, fold


@dataclass(frozen=True, slots=True)
class BastRow:
    """One BAST: the handover (id 0 in a preview), what it prints, and its HTML."""

    handover: Handover
    data: BastData
    html: str

    @property
    def id(self) -> int:
        """The handover's id (0 before it is recorded)."""
        return self.handover.id


def bast_row(handover: Handover, data: BastData) -> BastRow:
    """A row with its HTML made now (worker thread)."""
    return BastRow(handover, data, bast_html(data))


class BastColumn(IntEnum):
    """Columns of the BAST list."""

    KECAMATAN = 0
    NUMBER = 1
    ACCOUNTS = 2


class BastListModel(RecordTableModel[BastRow]):
    """The BAST of one handover batch, in the order core made them."""

    column_count = len(BastColumn)

    def record_id(self, record: BastRow) -> Any:
        """The BAST number (handovers in a preview have no id yet)."""
        return record.data.number

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (self.tr("Kecamatan"), self.tr("BAST number"), self.tr("Accounts"))

    def display(self, record: BastRow, column: int) -> str:
        """Cell text."""
        col = BastColumn(column)
        if col is BastColumn.NUMBER:
            return record.data.number
        if col is BastColumn.KECAMATAN:
            return record.data.kecamatan or "—"
        return str(len(record.data.accounts))

    def sort_key(self, record: BastRow, column: int) -> Any:
        """Numbers in sequence order; counts as values."""
        col = BastColumn(column)
        if col is BastColumn.ACCOUNTS:
            return (len(record.data.accounts), record.data.number)
        if col is BastColumn.KECAMATAN:
            return (fold(record.data.kecamatan), record.data.number)
        return (record.handover.date, record.data.number)
