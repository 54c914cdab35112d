"""Deactivation checklists: per-platform templates and the items copied onto accounts."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import datetime

from brankas.core.domain.enums import Platform
from brankas.core.domain.models import ChecklistItem, ChecklistTemplateStep
from brankas.core.errors import NotFound
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import dt_in, dt_out, enum_in
from brankas.core.storage.repos._table import Row, insert, select_sql, update

_TPL = ("platform", "step_key", "position", "text_id", "text_en", "active")
_TPL_SELECT = select_sql("checklist_template", _TPL)
# Items keep their step texts in checklist_text (schema v3), each distinct pair once; the
# repository joins and interns them, so that ChecklistItem still carries its own texts.
ITEM_SELECT = (
    "SELECT i.id, i.account_id, i.step_key, i.position, t.text_id, t.text_en, i.done_at,"
    " i.done_by_operator_id FROM checklist_item i JOIN checklist_text t ON t.id = i.text_ref"
)
_ITEM_INSERT = (
    "INSERT INTO checklist_item"
    " (account_id, step_key, position, text_ref, done_at, done_by_operator_id)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


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


def item_from_row(r: Row) -> ChecklistItem:
    """A row of :data:`ITEM_SELECT` as a record."""
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


def text_refs(conn: Connection, texts: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The ids of step texts (Indonesian, English) in checklist_text, adding the new ones.

    A text once stored is never changed or removed while an item may name it: an item
    keeps the wording it was made with.
    """
    out: dict[tuple[str, str], int] = {}
    for pair in dict.fromkeys(texts):
        conn.execute(
            "INSERT INTO checklist_text (text_id, text_en) VALUES (?, ?)"
            " ON CONFLICT (text_id, text_en) DO NOTHING",
            pair,
        )
        row = conn.execute(
            "SELECT id FROM checklist_text WHERE text_id = ? AND text_en = ?", pair
        ).fetchone()
        out[pair] = int(row[0])
    return out


def add_checklist_items(conn: Connection, items: Sequence[ChecklistItem]) -> None:
    """Store checklist items (e.g. an account's copy of its platform's template).

    Raises:
        Conflict: an account already has an item with that step key.
    """
    with transaction(conn):
        refs = text_refs(conn, ((i.text_id, i.text_en) for i in items))
        conn.executemany(
            _ITEM_INSERT,
            [
                (
                    i.account_id,
                    i.step_key,
                    i.position,
                    refs[i.text_id, i.text_en],
                    dt_out(i.done_at),
                    i.done_by_operator_id,
                )
                for i in items
            ],
        )


def list_checklist_items(conn: Connection, account_id: int | None = None) -> list[ChecklistItem]:
    """Checklist items of one account (or all), by account then position."""
    sql, params = (
        (f"{ITEM_SELECT} WHERE i.account_id = ?", (account_id,))
        if account_id is not None
        else (ITEM_SELECT, ())
    )
    order = " ORDER BY i.account_id, i.position, i.id"
    return [item_from_row(r) for r in conn.execute(sql + order, params)]


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
