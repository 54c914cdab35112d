"""The rotation queue: returned accounts whose password still has to be changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from brankas.core.domain.enums import HandoverKind
from brankas.core.domain.models import Account
from brankas.core.review.labels import PLATFORM_ORDER
from brankas.core.services import handover, office
from brankas.core.services.context import ServiceContext
from brankas.gui.labels import platform_label
from brankas.gui.models.record_model import RecordTableModel, fold, short_date


@dataclass(frozen=True, slots=True)
class RotationRow:
    """An account waiting for its new password, and the return that put it there."""

    account: Account
    kecamatan: str
    returned_on: date | None = None
    handover_number: str = ""

    @property
    def id(self) -> int:
        """The account id."""
        return self.account.id


def load_queue(ctx: ServiceContext, term_id: int | None = None) -> list[RotationRow]:
    """The rotation queue (of one term, or all) with each account's latest return
    (worker thread). Derived from the vault, so it survives closing the app."""
    queue = handover.rotation_queue(ctx, term_id)
    if not queue:
        return []
    names = {k.id: k.name for k in office.list_kecamatan(ctx)}
    wanted = {a.id for a in queue}
    returns: dict[int, tuple[date, str]] = {}
    for h in handover.list_handovers(ctx, term_id=term_id):  # by date: the latest wins
        if h.kind is HandoverKind.RETURN:
            for item in h.items:
                if item.account_id in wanted:
                    returns[item.account_id] = (h.date, h.number)
    out = []
    for a in queue:
        on, number = returns.get(a.id, (None, ""))
        kec = names.get(a.kecamatan_id, "") if a.kecamatan_id is not None else ""
        out.append(RotationRow(a, kec, on, number))
    return out


class RotationColumn(IntEnum):
    """Columns of the queue."""

    KECAMATAN = 0
    PLATFORM = 1
    ACCOUNT = 2
    RETURNED = 3


class RotationQueueModel(RecordTableModel[RotationRow]):
    """The queue, by kecamatan and platform."""

    column_count = len(RotationColumn)

    def headers(self) -> Sequence[str]:
        """Column titles."""
        return (
            self.tr("Kecamatan"),
            self.tr("Platform"),
            self.tr("Account"),
            self.tr("Handed back"),
        )

    def display(self, record: RotationRow, column: int) -> str:
        """Cell text."""
        col = RotationColumn(column)
        if col is RotationColumn.KECAMATAN:
            return record.kecamatan or "—"
        if col is RotationColumn.PLATFORM:
            return platform_label(record.account.platform)
        if col is RotationColumn.ACCOUNT:
            return record.account.handle
        if record.returned_on is None:
            return self.tr("marked for a change")
        return self.tr("{date} ({number})").format(
            date=short_date(record.returned_on), number=record.handover_number
        )

    def sort_key(self, record: RotationRow, column: int) -> Any:
        """Kecamatan, then platform order, then handle."""
        base = (
            fold(record.kecamatan),
            PLATFORM_ORDER.get(record.account.platform, 99),
            fold(record.account.handle),
        )
        col = RotationColumn(column)
        if col is RotationColumn.KECAMATAN:
            return base
        if col is RotationColumn.PLATFORM:
            return (base[1], *base)
        if col is RotationColumn.RETURNED:
            return (record.returned_on or date.min, *base)
        return (fold(record.account.handle), *base)
