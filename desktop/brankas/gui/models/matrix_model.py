"""Table model of the completeness matrix: kecamatan × (Instagram, Facebook Page, X, e-mail, phone, BAST)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.review.facts import Problem
from brankas.core.review.matrix import BAST, CellState, Matrix, MatrixRow
from brankas.gui.labels import platform_label

Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the core MatrixRow
CELL_ROLE = Qt.ItemDataRole.UserRole + 2  # the core Cell (None in the name/complete columns)
LOOK_ROLE = Qt.ItemDataRole.UserRole + 3  # a Look value: how the cell is drawn
COLUMN_KEY_ROLE = Qt.ItemDataRole.UserRole + 4  # "instagram" … "bast", "" for name/complete
KECAMATAN_ID_ROLE = Qt.ItemDataRole.UserRole + 5


class Look(StrEnum):
    """How a cell is drawn; each has a colour, a symbol and a word (never colour alone)."""

    OK = "ok"
    PROBLEM = "problem"
    PLANNED = "planned"
    MISSING = "missing"  # a required column with nothing recorded
    NONE = "none"  # an optional column with nothing recorded
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"


def look_label(look: Look | str) -> str:
    """The word shown in a cell and in the legend."""
    words = {
        Look.OK: QCoreApplication.translate("MatrixModel", "OK"),
        Look.PROBLEM: QCoreApplication.translate("MatrixModel", "Needs attention"),
        Look.PLANNED: QCoreApplication.translate("MatrixModel", "Planned"),
        Look.MISSING: QCoreApplication.translate("MatrixModel", "Missing"),
        Look.NONE: QCoreApplication.translate("MatrixModel", "None"),
        Look.COMPLETE: QCoreApplication.translate("MatrixModel", "Complete"),
        Look.INCOMPLETE: QCoreApplication.translate("MatrixModel", "Incomplete"),
    }
    return words[Look(str(look))]


def problem_label(problem: Problem | str) -> str:
    """What is wrong, as a short phrase."""
    words = {
        Problem.OVERDUE: QCoreApplication.translate(
            "MatrixModel", "still held by the committee after the term ended"
        ),
        Problem.PASSWORD_MISSING: QCoreApplication.translate(
            "MatrixModel", "no password on record"
        ),
        Problem.PASSWORD_CHANGE_DUE: QCoreApplication.translate(
            "MatrixModel", "password not changed since it was handed back"
        ),
        Problem.PERSONAL_RECOVERY: QCoreApplication.translate(
            "MatrixModel", "a recovery link points to a person"
        ),
        Problem.CHECKLIST_INCOMPLETE: QCoreApplication.translate(
            "MatrixModel", "deactivation checklist not finished"
        ),
        Problem.BAST_NUMBER_MISSING: QCoreApplication.translate(
            "MatrixModel", "a handover has no BAST number"
        ),
    }
    try:
        return words[Problem(str(problem))]
    except ValueError:
        return str(problem)


def column_title(key: str) -> str:
    """A matrix column's title: a platform's name or "BAST"."""
    if key == BAST:
        return "BAST"
    return platform_label(key)


@dataclass(frozen=True, slots=True)
class AccountBrief:
    """What a cell's tool tip and chooser say about one account."""

    handle: str
    status: AccountStatus


@dataclass(frozen=True, slots=True)
class MatrixData:
    """One term's matrix with the accounts its cells name."""

    matrix: Matrix
    accounts: Mapping[int, AccountBrief] = field(default_factory=dict)


class MatrixModel(QAbstractTableModel):
    """Column 0 is the kecamatan, then one column per matrix column, then "complete"."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._data: MatrixData | None = None
        self._columns: tuple[str, ...] = ()
        self._rows: tuple[MatrixRow, ...] = ()

    def set_matrix(self, data: MatrixData | None) -> None:
        """Show ``data`` (None: nothing)."""
        self.beginResetModel()
        self._data = data
        self._columns = data.matrix.columns if data else ()
        self._rows = data.matrix.rows if data else ()
        self.endResetModel()

    def clear(self) -> None:
        """Forget the matrix (on lock)."""
        self.set_matrix(None)

    @property
    def matrix(self) -> Matrix | None:
        """The matrix shown."""
        return self._data.matrix if self._data else None

    def account(self, account_id: int) -> AccountBrief | None:
        """What is known of an account named by a cell."""
        return self._data.accounts.get(account_id) if self._data else None

    def column_key(self, column: int) -> str:
        """The matrix column key of a model column ("" for kecamatan and complete)."""
        return self._columns[column - 1] if 1 <= column <= len(self._columns) else ""

    def column_of(self, key: str) -> int | None:
        """The model column showing matrix column ``key``."""
        return self._columns.index(key) + 1 if key in self._columns else None

    def row_of(self, kecamatan_id: int) -> int | None:
        """The row of a kecamatan."""
        return next((i for i, r in enumerate(self._rows) if r.kecamatan_id == kecamatan_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per kecamatan."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Kecamatan, the matrix columns, complete."""
        if parent.isValid() or self._data is None:
            return 0
        return len(self._columns) + 2

    def look(self, row: MatrixRow, key: str) -> Look:
        """How the cell of ``row`` in column ``key`` is drawn."""
        state = row.cells[key].state
        if state is CellState.MISSING:
            matrix = self.matrix
            optional = matrix is not None and key != BAST and key not in matrix.required
            return Look.NONE if optional else Look.MISSING
        return Look(state.value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Words through DisplayRole; the core row and cell and the look through roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == KECAMATAN_ID_ROLE:
            return row.kecamatan_id
        key = self.column_key(column)
        if role == COLUMN_KEY_ROLE:
            return key
        if column == 0:
            return row.kecamatan_name if role == Qt.ItemDataRole.DisplayRole else None
        if not key:  # the "complete" column
            look = Look.COMPLETE if row.complete else Look.INCOMPLETE
            if role == Qt.ItemDataRole.DisplayRole:
                return look_label(look)
            return look.value if role == LOOK_ROLE else None
        cell = row.cells[key]
        if role == CELL_ROLE:
            return cell
        if role == LOOK_ROLE:
            return self.look(row, key).value
        if role == Qt.ItemDataRole.DisplayRole:
            word = look_label(self.look(row, key))
            count = len(cell.account_ids)
            return f"{word} ({count})" if count > 1 else word
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        return None

    def _tooltip(self, row: MatrixRow, key: str) -> str:
        cell = row.cells[key]
        lines = [f"{row.kecamatan_name} · {column_title(key)}: {look_label(self.look(row, key))}"]
        for aid in cell.account_ids:
            brief = self.account(aid)
            if brief is not None:
                lines.append(f"• {brief.handle}")
        lines.extend(f"– {problem_label(p)}" for p in cell.problems)
        if key == BAST and cell.handover_ids:
            lines.append(
                self.tr("{count} handover(s) recorded").format(count=len(cell.handover_ids))
            )
        elif not cell.account_ids and key != BAST:
            lines.append(self.tr("Click to create it."))
        return "\n".join(lines)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; required platforms are marked with an asterisk."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        key = self.column_key(section)
        matrix = self.matrix
        required = key == BAST or (matrix is not None and key in matrix.required)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Kecamatan")
            if not key:
                return self.tr("Complete")
            return f"{column_title(key)} *" if required else column_title(key)
        if role == Qt.ItemDataRole.ToolTipRole and key:
            if required:
                return self.tr("Required for every kecamatan")
            return self.tr("Optional")
        return None

    def platform_of(self, key: str) -> Platform | None:
        """The platform of a matrix column (None for BAST)."""
        try:
            return Platform(key)
        except ValueError:
            return None
