"""Table model of the import preview: each row as the account it would become, its problems
highlighted per cell and explained; passwords only ever as a mask."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from brankas.core.domain.enums import Severity
from brankas.core.importers.apply import DuplicateChoice, choices_for
from brankas.core.importers.mapping import Field
from brankas.core.importers.model import ROW_FIELD, ImportRow, Problem
from brankas.core.importers.preview import Preview
from brankas.gui.import_wizard.texts import choice_label, problem_text
from brankas.gui.labels import platform_label
from brankas.gui.theme import DARK, LIGHT

Index = QModelIndex | QPersistentModelIndex
MASK: Final = "••••••••"
ERROR_COLOR: Final = "#c0392b"  # readable on the light and the dark palette
WARNING_COLOR: Final = "#b9770e"


class Column(IntEnum):
    """Columns, in display order."""

    ROW = 0
    STATUS = 1
    KECAMATAN = 2
    PLATFORM = 3
    ACCOUNT = 4
    PASSWORD = 5
    RECOVERY = 6
    ACTION = 7
    PROBLEMS = 8


IMPORT_ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the core ImportRow
SEVERITY_ROLE = (
    Qt.ItemDataRole.UserRole + 2
)  # the row's worst problem: "error", "warning", "info", ""
CODES_ROLE = Qt.ItemDataRole.UserRole + 3  # the problem codes of the cell's fields
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 4  # the duplicate choices offered (values)

# Which problems each column shows (the problems column shows them all).
_FIELDS: Final[dict[Column, frozenset[str]]] = {
    Column.KECAMATAN: frozenset({Field.KECAMATAN}),
    Column.PLATFORM: frozenset({Field.PLATFORM}),
    Column.ACCOUNT: frozenset({Field.HANDLE, Field.URL, Field.DISPLAY_NAME}),
    Column.PASSWORD: frozenset({Field.PASSWORD}),
    Column.RECOVERY: frozenset({Field.RECOVERY_EMAIL, Field.RECOVERY_PHONE}),
    Column.ACTION: frozenset({ROW_FIELD}),
}
_RANK: Final = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


def worst(problems: tuple[Problem, ...] | list[Problem]) -> Severity | None:
    """The most serious severity among ``problems``."""
    best: Severity | None = None
    for p in problems:
        if best is None or _RANK[p.severity] > _RANK[best]:
            best = p.severity
    return best


class ImportPreviewModel(QAbstractTableModel):
    """The rows of a :class:`Preview` (or those with problems only)."""

    choice_changed = Signal(int, str)  # row index, DuplicateChoice value

    def __init__(
        self,
        choice_for: Callable[[int], DuplicateChoice | None],
        icon: Callable[[str, str], QIcon] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._choice_for = choice_for
        self._icon = icon
        self._preview: Preview | None = None
        self._rows: list[ImportRow] = []
        self._kecamatan: dict[int, str] = {}
        self._only_problems = False

    # --- content ------------------------------------------------------------------------
    def set_preview(self, preview: Preview | None) -> None:
        """Show ``preview`` (None: nothing)."""
        self.beginResetModel()
        self._preview = preview
        self._kecamatan = (
            {k.id: k.name for k in preview.view.kecamatan.values()} if preview is not None else {}
        )
        self._apply_filter()
        self.endResetModel()

    def set_only_problems(self, only: bool) -> None:
        """Show only rows with an error or a warning."""
        self.beginResetModel()
        self._only_problems = only
        self._apply_filter()
        self.endResetModel()

    def clear(self) -> None:
        """Forget the preview (on close and lock)."""
        self.set_preview(None)

    def _apply_filter(self) -> None:
        rows = list(self._preview.rows) if self._preview is not None else []
        if self._only_problems:
            rows = [r for r in rows if any(p.severity is not Severity.INFO for p in r.problems)]
        self._rows = rows

    def row_at(self, row: int) -> ImportRow | None:
        """The preview row shown at ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_choices(self) -> None:
        """The default duplicate choice changed: repaint the action column."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.ACTION), self.index(len(self._rows) - 1, Column.ACTION)
            )

    # --- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows under the invisible root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per :class:`Column`."""
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The action of a duplicate row can be chosen in place."""
        base = super().flags(index)
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and index.column() == Column.ACTION and self._offered(row):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _offered(self, row: ImportRow) -> tuple[DuplicateChoice, ...]:
        return () if row.blocked else choices_for(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Values as text, problems by role; the password is a mask or nothing."""
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == IMPORT_ROW_ROLE:
            return row
        if role == SEVERITY_ROLE:
            found = worst(row.problems)
            return found.value if found is not None else ""
        if role == CODES_ROLE:
            return [p.code for p in self._problems(row, col)]
        if role == CHOICES_ROLE:
            return [c.value for c in self._offered(row)] if col == Column.ACTION else []
        if role == Qt.ItemDataRole.EditRole and col == Column.ACTION:
            chosen = self._choice_for(row.index)
            return chosen.value if chosen is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.PROBLEMS:
            level = worst([p for p in row.problems if p.severity is not Severity.INFO])
            if level is not None:
                return QColor(ERROR_COLOR if level is Severity.ERROR else WARNING_COLOR)
        if role == Qt.ItemDataRole.DecorationRole and col == Column.STATUS and self._icon:
            level = worst(row.problems)
            if level is Severity.ERROR:
                return self._icon("warning", ERROR_COLOR)
            if level is Severity.WARNING:
                return self._icon("warning", WARNING_COLOR)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Choose what happens to a duplicate row."""
        if not index.isValid() or index.column() != Column.ACTION:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        row = self.row_at(index.row())
        try:
            choice = DuplicateChoice(str(value))
        except ValueError:
            return False
        if row is None or choice not in self._offered(row):
            return False
        self.choice_changed.emit(row.index, choice.value)
        self.dataChanged.emit(index, index)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (
            self.tr("Row"),
            self.tr("Status"),
            self.tr("Kecamatan"),
            self.tr("Platform"),
            self.tr("Account"),
            self.tr("Password"),
            self.tr("Recovery"),
            self.tr("Action"),
            self.tr("Problems"),
        )[section]

    # --- cells ----------------------------------------------------------------------------
    def _problems(self, row: ImportRow, col: Column) -> list[Problem]:
        if col is Column.PROBLEMS or col is Column.STATUS:
            return list(row.problems)
        fields = _FIELDS.get(col)
        return [p for p in row.problems if fields is not None and p.field in fields]

    def _status(self, row: ImportRow) -> str:
        if row.blocked:
            return self.tr("Left out")
        if row.is_duplicate:
            return self.tr("Duplicate")
        if worst(row.problems) is Severity.WARNING:
            return self.tr("Check")
        return self.tr("Ready")

    def _kecamatan_text(self, row: ImportRow) -> str:
        if row.kecamatan_id is not None:
            return self._kecamatan.get(row.kecamatan_id, row.kecamatan_text)
        if row.kecamatan_new:
            return self.tr("{name} (new)").format(name=row.kecamatan_new)
        return row.kecamatan_text

    def _action(self, row: ImportRow) -> str:
        if row.blocked:
            return self.tr("Not imported")
        chosen = self._choice_for(row.index)
        if chosen is not None:
            return choice_label(chosen)
        return self.tr("Add")

    def _display(self, row: ImportRow, col: Column) -> str:
        if col is Column.ROW:
            return str(row.source_row)
        if col is Column.STATUS:
            return self._status(row)
        if col is Column.KECAMATAN:
            return self._kecamatan_text(row)
        if col is Column.PLATFORM:
            return platform_label(row.platform) if row.platform is not None else ""
        if col is Column.ACCOUNT:
            return row.handle
        if col is Column.PASSWORD:
            return MASK if row.password else ""  # never the password itself
        if col is Column.RECOVERY:
            return " · ".join(v for v in (row.recovery_email, row.recovery_phone) if v)
        if col is Column.ACTION:
            return self._action(row)
        shown = [p for p in row.problems if p.severity is not Severity.INFO]
        return "; ".join(problem_text(p.code) for p in shown)

    def _tooltip(self, row: ImportRow, col: Column) -> str:
        if col is Column.PASSWORD and row.password:
            base = self.tr("A password is recorded; it is shown after the import only.")
        elif col is Column.ACTION and self._offered(row):
            base = self.tr("Double-click to choose what happens to this row.")
        else:
            base = ""
        lines = [problem_text(p.code) for p in self._problems(row, col)]
        return "\n".join(x for x in [base, *lines] if x)

    def _background(self, row: ImportRow, col: Column) -> QColor | None:
        if col in (Column.ROW, Column.PROBLEMS, Column.STATUS):
            return None
        level = worst(self._problems(row, col))
        if level is None or level is Severity.INFO:
            return None
        dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
        colors = DARK if dark else LIGHT
        return QColor(colors.error_bg if level is Severity.ERROR else colors.warning_bg)
