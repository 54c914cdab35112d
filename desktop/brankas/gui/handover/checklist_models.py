"""Deactivation checklists: the per-account overview, one account's steps, the templates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from brankas.core.domain.enums import AccountStatus
from brankas.core.domain.models import ChecklistItem, ChecklistTemplateStep
from brankas.core.review.labels import PLATFORM_ORDER
from brankas.core.services import checklist, office, terms
from brankas.core.services.checklist import AccountChecklist
from brankas.core.services.context import ServiceContext
from brankas.gui.handover.choice_models import CheckableModel
from brankas.gui.i18n import current_language, format_short_datetime
from brankas.gui.labels import platform_label
from brankas.gui.models.dashboard_model import status_word
from brankas.gui.models.record_model import RecordTableModel, fold
from brankas.gui.session import operator_names


def step_text(step: ChecklistItem | ChecklistTemplateStep) -> str:
    """A step in the UI's language."""
    return step.text_id if current_language() == "id" else step.text_en


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    """One account's checklist with its kecamatan's name."""

    entry: AccountChecklist
    kecamatan: str

    @property
    def id(self) -> int:
        """The account id."""
        return self.entry.account.id


@dataclass(frozen=True, slots=True)
class ChecklistData:
    """The overview of a term (or all terms) and the operators' names for "who"."""

    rows: list[ChecklistRow]
    kecamatan: list[tuple[int, str]]
    operators: dict[str, str] = field(default_factory=dict)


def load_checklists(ctx: ServiceContext, term_id: int | None) -> ChecklistData:
    """Every account with a checklist, of one term or all (worker thread)."""
    term_ids = [term_id] if term_id is not None else [t.id for t in terms.list_terms(ctx)]
    names = {k.id: k.name for k in office.list_kecamatan(ctx)}
    rows = [
        ChecklistRow(entry, names.get(entry.account.kecamatan_id or 0, ""))
        for t in term_ids
        for entry in checklist.checklist_overview(ctx, t)
    ]
    used = sorted(
        {(r.entry.account.kecamatan_id or 0, r.kecamatan) for r in rows}, key=lambda k: fold(k[1])
    )
    return ChecklistData(rows, [k for k in used if k[0]], operator_names(ctx.vault))


class OverviewColumn(IntEnum):
    """Columns of the overview."""

    KECAMATAN = 0
    PLATFORM = 1
    ACCOUNT = 2
    PROGRESS = 3


class ChecklistOverviewModel(RecordTableModel[ChecklistRow]):
    """Each account's progress; the bulk view of a kecamatan is this, filtered."""

    column_count = len(OverviewColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (
            self.tr("Kecamatan"),
            self.tr("Platform"),
            self.tr("Account"),
            self.tr("Done"),
        )

    def display(self, record: ChecklistRow, column: int) -> str:
        """Cell text."""
        entry = record.entry
        col = OverviewColumn(column)
        if col is OverviewColumn.KECAMATAN:
            return record.kecamatan or "—"
        if col is OverviewColumn.PLATFORM:
            return platform_label(entry.account.platform)
        if col is OverviewColumn.ACCOUNT:
            return entry.account.handle
        if entry.account.status is not AccountStatus.RETURNED:  # finished: where it went
            return status_word(entry.account.status)
        return self.tr("{done} of {total}").format(done=entry.done, total=entry.total)

    def next_step(self, record: ChecklistRow) -> str:
        """What comes next on the account's checklist."""
        entry = record.entry
        following = entry.next_item
        if following is not None:
            return step_text(following)
        if entry.ready_to_complete:
            return self.tr("Ready: press Finish")
        return self.tr("Finished")

    def sort_key(self, record: ChecklistRow, column: int) -> Any:
        """Kecamatan, then platform order; progress as a fraction."""
        entry = record.entry
        base = (
            fold(record.kecamatan),
            PLATFORM_ORDER.get(entry.account.platform, 99),
            fold(entry.account.handle),
        )
        col = OverviewColumn(column)
        if col is OverviewColumn.KECAMATAN:
            return base
        if col is OverviewColumn.PROGRESS:
            return (entry.done / max(entry.total, 1), *base)
        return (fold(self.display(record, column)), *base)

    def role_data(self, record: ChecklistRow, column: int, role: int) -> Any:
        """The next step as the progress column's tool tip."""
        if column == OverviewColumn.PROGRESS and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Next: {step}").format(step=self.next_step(record))
        return None


class ItemColumn(IntEnum):
    """Columns of one account's steps."""

    STEP = 0
    WHEN = 1
    WHO = 2


class ChecklistItemsModel(CheckableModel[ChecklistItem]):
    """One account's steps in order; ticking one reports it through ``toggled``."""

    column_count = len(ItemColumn)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.operators: Mapping[str, str] = {}
        self.editable = True

    def set_items(self, items: Sequence[ChecklistItem], operators: Mapping[str, str]) -> None:
        """Show ``items`` (ticked where done)."""
        self.operators = dict(operators)
        self.set_records(items)
        self.set_checked(i.id for i in items if i.done_at is not None)

    def can_check(self, record: ChecklistItem) -> bool:
        """While the checklist is open."""
        return self.editable

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (self.tr("Step"), self.tr("Done on"), self.tr("By"))

    def display(self, record: ChecklistItem, column: int) -> str:
        """Cell text."""
        col = ItemColumn(column)
        if col is ItemColumn.STEP:
            return step_text(record)
        if record.done_at is None:
            return ""
        if col is ItemColumn.WHEN:
            return format_short_datetime(record.done_at, current_language())
        who = record.done_by_operator_id or ""
        return self.operators.get(who, who or "—")

    def sort_key(self, record: ChecklistItem, column: int) -> Any:
        """The checklist's own order."""
        return (record.position, record.id)

    def more_role_data(self, record: ChecklistItem, column: int, role: int) -> Any:
        """The step in full as a tool tip."""
        if column == ItemColumn.STEP and role == Qt.ItemDataRole.ToolTipRole:
            return step_text(record)
        return None


class StepColumn(IntEnum):
    """Columns of a platform's template."""

    POSITION = 0
    TEXT = 1
    ACTIVE = 2


class TemplateStepsModel(RecordTableModel[ChecklistTemplateStep]):
    """A platform's template steps in their order (inactive ones too)."""

    column_count = len(StepColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return ("#", self.tr("Step"), self.tr("In use"))

    def display(self, record: ChecklistTemplateStep, column: int) -> str:
        """Cell text."""
        col = StepColumn(column)
        if col is StepColumn.POSITION:
            return str(self._rows.index(record) + 1) if record in self._rows else ""
        if col is StepColumn.TEXT:
            return step_text(record)
        return self.tr("yes") if record.active else self.tr("no (switched off)")

    def sort_key(self, record: ChecklistTemplateStep, column: int) -> Any:
        """The template's order."""
        return (record.position, record.id)

    def role_data(self, record: ChecklistTemplateStep, column: int, role: int) -> Any:
        """Both languages as a tool tip; switched-off steps greyed."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{record.text_id}\n{record.text_en}"
        if role == Qt.ItemDataRole.ForegroundRole and not record.active:
            return QGuiApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None
