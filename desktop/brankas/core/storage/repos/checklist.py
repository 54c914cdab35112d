"""Deactivation checklists: per-platform templates and the items copied onto accounts."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from brankas.core.domain.enums import Platform
from brankas.core.domain.models import ChecklistItem, ChecklistTemplateStep
from brankas.core.errors import NotFound
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import dt_in, dt_out, enum_in
from brankas.core.storage.repos._table import Row, insert, select_sql, update

_TPL = ("platform", "step_key", "position", "text_id", "text_en", "active")
_TPL_SELECT = select_sql("checklist_template", _TPL)
_ITEM = (
    "account_id",
    "step_key",
    "position",
    "text_id",
    "text_en",
    "done_at",
    "done_by_operator_id",
)
_ITEM_SELECT = select_sql("checklist_item", _ITEM)


def _tpl_row(s: ChecklistTemplateStep) -> Row:
    return (s.platform.value, s.step_key, s.position, s.text_id, s.text_en, int(s.active))


def _tpl(r: Row) -> ChecklistTemplateStep:
    return ChecklistTemplateStep(
        id=r[0],
        platform=enum_in(Platform, r[1]),
        step_key=r[2],
        position=r[3],
        text_id=r[4],
        text_en=r[5],
        active=bool(r[6]),
    )


def add_template_step(conn: Connection, step: ChecklistTemplateStep) -> ChecklistTemplateStep:
    """Store a template step; returns it with its id.

    Raises:
        Conflict: the platform already has a step with that key.
    """
    new_id = insert(conn, "checklist_template", _TPL, _tpl_row(step))
    return dataclasses.replace(step, id=new_id)


def update_template_step(conn: Connection, step: ChecklistTemplateStep) -> None:
    """Save a template step (deactivate it rather than deleting it).

    Raises:
        NotFound: no step has that id.
    """
    update(conn, "checklist_template", _TPL, _tpl_row(step), "id", step.id)


def list_template_steps(
    conn: Connection, platform: Platform | None = None, *, active_only: bool = False
) -> list[ChecklistTemplateStep]:
    """Template steps by platform then position."""
    where: list[str] = []
    params: list[object] = []
    if platform is not None:
        where.append("platform = ?")
        params.append(platform.value)
    if active_only:
        where.append("active = 1")
    sql = _TPL_SELECT + (f" WHERE {' AND '.join(where)}" if where else "")
    return [_tpl(r) for r in conn.execute(f"{sql} ORDER BY platform, position, id", params)]


def _item_row(i: ChecklistItem) -> Row:
    return (
        i.account_id,
        i.step_key,
        i.position,
        i.text_id,
        i.text_en,
        dt_out(i.done_at),
        i.done_by_operator_id,
    )


def _item(r: Row) -> ChecklistItem:
    return ChecklistItem(
        id=r[0],
        account_id=r[1],
        step_key=r[2],
        position=r[3],
        text_id=r[4],
        text_en=r[5],
        done_at=dt_in(r[6]),
        done_by_operator_id=r[7],
    )


def add_checklist_items(conn: Connection, items: Sequence[ChecklistItem]) -> None:
    """Store checklist items (e.g. an account's copy of its platform's template).

    Raises:
        Conflict: an account already has an item with that step key.
    """
    with transaction(conn):
        conn.executemany(
            f"INSERT INTO checklist_item ({', '.join(_ITEM)})"  # noqa: S608
            f" VALUES ({', '.join('?' * len(_ITEM))})",
            [_item_row(i) for i in items],
        )


def list_checklist_items(conn: Connection, account_id: int | None = None) -> list[ChecklistItem]:
    """Checklist items of one account (or all), by account then position."""
    sql, params = (
        (f"{_ITEM_SELECT} WHERE account_id = ?", (account_id,))
        if account_id is not None
        else (_ITEM_SELECT, ())
    )
    return [_item(r) for r in conn.execute(f"{sql} ORDER BY account_id, position, id", params)]


def set_item_done(
    conn: Connection, item_id: int, done_at: datetime | None, operator_id: str | None
) -> None:
    """Tick (or, with ``done_at`` None, untick) a checklist item.

    Raises:
        NotFound: no item has that id.
    """
    with transaction(conn):
        count = conn.execute(
            "UPDATE checklist_item SET done_at = ?, done_by_operator_id = ? WHERE id = ?",
            (dt_out(done_at), operator_id if done_at is not None else None, item_id),
        ).rowcount
    if count == 0:
        raise NotFound(f"no checklist item {item_id}")
