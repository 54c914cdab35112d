"""Table model of the office's kecamatan: name, code, retired or not, whether it has history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from brankas.core.domain.models import Kecamatan
from brankas.gui.models.record_model import RecordTableModel, fold, short_date


class Column(IntEnum):
    """Columns, in display order."""

    NAME = 0
    CODE = 1
    STATUS = 2
    HISTORY = 3


@dataclass(frozen=True, slots=True)
class KecamatanRow:
    """A kecamatan and whether records refer to it (then it can only be retired)."""

    kecamatan: Kecamatan
    has_history: bool

    @property
    def id(self) -> int:
        """The kecamatan's id."""
        return self.kecamatan.id

    @property
    def retired(self) -> bool:
        """Whether it is retired."""
        return self.kecamatan.retired_at is not None


class KecamatanModel(RecordTableModel[KecamatanRow]):
    """Every kecamatan (retired ones only when asked)."""

    column_count = len(Column)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[KecamatanRow] = []
        self._show_retired = False

    def set_rows(self, rows: Sequence[KecamatanRow]) -> None:
        """Replace the kecamatan."""
        self._all = list(rows)
        self._apply()

    def set_show_retired(self, show: bool) -> None:
        """Include retired kecamatan or not."""
        self._show_retired = show
        self._apply()

    def retired_count(self) -> int:
        """How many are retired (shown or not)."""
        return sum(1 for r in self._all if r.retired)

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self._all = []
        super().clear()

    def _apply(self) -> None:
        self.set_records([r for r in self._all if self._show_retired or not r.retired])

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (self.tr("Kecamatan"), self.tr("Code"), self.tr("Status"), self.tr("Records"))

    def display(self, record: KecamatanRow, column: int) -> str:
        """Cell text."""
        k = record.kecamatan
        col = Column(column)
        if col is Column.NAME:
            return k.name
        if col is Column.CODE:
            return k.code or "—"
        if col is Column.STATUS:
            if k.retired_at is None:
                return self.tr("In use")
            return self.tr("Retired since {date}").format(date=short_date(k.retired_at))
        return self.tr("Has records") if record.has_history else self.tr("None yet")

    def sort_key(self, record: KecamatanRow, column: int) -> Any:
        """Names by folded text; status by retirement date (current ones first)."""
        k = record.kecamatan
        col = Column(column)
        if col is Column.STATUS:
            return (k.retired_at is not None, k.retired_at.isoformat() if k.retired_at else "")
        if col is Column.HISTORY:
            return (record.has_history, fold(k.name))
        if col is Column.CODE:
            return (fold(k.code), fold(k.name))
        return fold(k.name)

    def role_data(self, record: KecamatanRow, column: int, role: int) -> Any:
        """Why a kecamatan can or cannot be deleted, as the records column's tool tip."""
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.HISTORY:
            if record.has_history:
                return self.tr(
                    "Accounts, people or terms refer to this kecamatan: it can be retired "
                    "but not deleted."
                )
            return self.tr("Nothing refers to this kecamatan yet: it can still be deleted.")
        return None
