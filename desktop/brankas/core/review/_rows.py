"""Fast construction of the many small records a snapshot load reads, grouped per account.

At 50,000 accounts a load reads hundreds of thousands of custody, handover and checklist
rows; a frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) would be
most of the load time, so records are built by setting their slots directly. Rows come
in table order, which is nearly always already grouped and ordered: groups are sorted only
when a row arrives out of order.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from itertools import islice, pairwise
from operator import attrgetter, itemgetter
from typing import Any, Final, TypeVar

from brankas.core.domain.enums import PageAccess
from brankas.core.domain.models import Custody, HandoverItem, PageAccessEntry
from brankas.core.errors import DatabaseCorrupt
from brankas.core.review._checklists import ChecklistColumns
from brankas.core.review._codec import builder as builder  # its users import it from here
from brankas.core.review.snapshot import freeze
from brankas.core.storage.repos._convert import enum_in, members

R = TypeVar("R")
Setter = Callable[[object, Any], None]
_new = object.__new__
_iso = datetime.fromisoformat
_ACCESS = members(PageAccess)
_CHUNK: Final = 4096  # rows turned into columns at a time


def _setters(cls: type[Any], names: tuple[str, ...]) -> tuple[Setter, ...]:
    """The slot setters of ``cls`` in field order (checked at import: a new field fails)."""
    fields = tuple(f.name for f in dataclasses.fields(cls))
    if fields != names:
        raise TypeError(f"{cls.__name__} fields {fields} are not {names}")
    return tuple(cls.__dict__[n].__set__ for n in names)


def _times() -> Callable[[str | None], datetime | None]:
    """Stored UTC text → datetime, parsing each distinct text once: rows written in one
    batch share their times, and one shared (immutable) object saves memory too."""
    seen: dict[str | None, datetime | None] = {None: None}

    def parse(text: str | None) -> datetime | None:
        if text in seen:
            return seen[text]
        got = seen[text] = _iso(text)  # type: ignore[arg-type]  # None is in seen
        return got

    return parse


def _append(groups: dict[int, list[R]], dirty: set[int], key: int, record: R) -> list[R]:
    """Start or extend a group; a group whose rows are not contiguous gets sorted later."""
    found = groups.get(key)
    if found is None:
        found = groups[key] = []
    else:
        dirty.add(key)
    found.append(record)
    return found


def _finish(
    groups: dict[int, list[R]], dirty: set[int], order: Callable[[R], Any]
) -> Mapping[int, tuple[R, ...]]:
    for key in dirty:
        groups[key].sort(key=order)
    return freeze({k: tuple(v) for k, v in groups.items()})


(_C_ID, _C_ACCOUNT, _C_HOLDER, _C_FROM, _C_UNTIL, _C_HANDOVER) = _setters(
    Custody, ("id", "account_id", "holder_person_id", "from_at", "until_at", "handover_id")
)


def custody_groups(rows: Iterable[Any]) -> Mapping[int, tuple[Custody, ...]]:
    """Rows (id, account_id, holder_person_id, from_at, until_at, handover_id)."""
    groups: dict[int, list[Custody]] = {}
    dirty: set[int] = set()
    last_id, last_key, last_list = None, ("", 0), []
    time = _times()
    for r in rows:
        c = _new(Custody)
        _C_ID(c, r[0])
        _C_ACCOUNT(c, r[1])
        _C_HOLDER(c, r[2])
        _C_FROM(c, time(r[3]))
        _C_UNTIL(c, time(r[4]))
        _C_HANDOVER(c, r[5])
        key = (r[3], r[0])  # stored UTC text sorts as time
        if r[1] == last_id:
            if key < last_key:
                dirty.add(r[1])
            last_list.append(c)
        else:
            last_id, last_list = r[1], _append(groups, dirty, r[1], c)
        last_key = key
    return _finish(groups, dirty, lambda c: (c.from_at, c.id))


def checklist_columns(
    rows: Iterable[Any], texts: Mapping[int, tuple[str, str]]
) -> ChecklistColumns:
    """Rows (id, account_id, step_key, position, text_ref, done_at, done_by), with
    ``texts`` the checklist_text table (text_ref → (text_id, text_en)); no record is made
    until one is read (see :class:`ChecklistColumns`).

    Raises:
        DatabaseCorrupt: an item names a text the table does not hold.
    """
    ids = array("q")  # 8 bytes per unique id instead of a pointer and an int object
    accounts: list[int] = []
    keys: list[str] = []
    positions: list[int] = []
    refs: list[int] = []
    done: list[datetime | None] = []
    by: list[str | None] = []
    # Equal values share one object: one int per account, one string per step key and
    # operator, one datetime per time (items ticked in one go share theirs).
    one_account: dict[int, int] = {}
    one_key: dict[str, str] = {}
    one_operator: dict[str | None, str | None] = {}
    times: dict[str | None, datetime | None] = {None: None}
    # Rows are turned into columns a chunk at a time: transposing the whole result at
    # once held every row tuple and its values as well as the columns (at 50,000 accounts
    # ~90 MiB at the peak of a load, for ~30 MiB of columns).
    source = iter(rows)
    while chunk := list(islice(source, _CHUNK)):
        c_id, c_account, c_key, c_position, c_ref, c_done, c_by = zip(*chunk, strict=True)
        del chunk
        ids.extend(c_id)
        accounts.extend(map(one_account.setdefault, c_account, c_account))
        keys.extend(map(one_key.setdefault, c_key, c_key))
        positions.extend(c_position)
        refs.extend(c_ref)
        for text in set(c_done).difference(times):
            times[text] = _iso(text)
        done.extend(map(times.__getitem__, c_done))
        by.extend(map(one_operator.setdefault, c_by, c_by))
    try:
        return ChecklistColumns(
            ids=ids,
            account_ids=accounts,
            step_keys=keys,
            positions=positions,
            text_refs=refs,
            texts=texts,
            done_at=done,
            done_by=by,
        )
    except ValueError:
        raise DatabaseCorrupt("a checklist item names a step text that is not stored") from None


(_H_HANDOVER, _H_ACCOUNT, _H_CHANGED) = _setters(
    HandoverItem, ("handover_id", "account_id", "password_changed_at")
)


def handover_item_groups(rows: Iterable[Any]) -> dict[int, tuple[HandoverItem, ...]]:
    """Rows (handover_id, account_id, position, password_changed_at), by handover."""
    groups: dict[int, list[tuple[int, HandoverItem]]] = {}
    for r in rows:
        i = _new(HandoverItem)
        _H_HANDOVER(i, r[0])
        _H_ACCOUNT(i, r[1])
        _H_CHANGED(i, None if r[3] is None else _iso(r[3]))
        found = groups.get(r[0])
        if found is None:
            groups[r[0]] = [(r[2], i)]
        else:
            found.append((r[2], i))
    out: dict[int, tuple[HandoverItem, ...]] = {}
    for k, pairs in groups.items():
        if any(a[0] > b[0] for a, b in pairwise(pairs)):
            pairs.sort(key=itemgetter(0))
        out[k] = tuple(i for _, i in pairs)
    return out


def witness_groups(rows: Iterable[Any]) -> dict[int, tuple[int, ...]]:
    """Rows (handover_id, person_id, position), by handover in position order."""
    groups: dict[int, list[tuple[int, int]]] = {}
    for hid, pid, pos in rows:
        groups.setdefault(hid, []).append((pos, pid))
    return {k: tuple(pid for _, pid in sorted(v)) for k, v in groups.items()}


def page_access_groups(rows: Iterable[Any]) -> Mapping[int, tuple[PageAccessEntry, ...]]:
    """Rows (id, account_id, person_id, person_name, access, added_at, removed_at)."""
    groups: dict[int, list[PageAccessEntry]] = {}
    for r in rows:
        e = PageAccessEntry(
            id=r[0],
            account_id=r[1],
            person_id=r[2],
            person_name=r[3],
            access=_ACCESS.get(r[4]) or enum_in(PageAccess, r[4]),
            added_at=_iso(r[5]),
            removed_at=None if r[6] is None else _iso(r[6]),
        )
        groups.setdefault(r[1], []).append(e)
    order = attrgetter("added_at", "id")
    return freeze({k: tuple(sorted(v, key=order)) for k, v in groups.items()})


def change_groups(rows: Iterable[Any]) -> Mapping[int, tuple[datetime, ...]]:
    """Rows (account_id, changed_at) → each account's change times, oldest first."""
    groups: dict[int, list[str]] = {}
    for aid, at in rows:
        groups.setdefault(aid, []).append(at)
    return freeze({k: tuple(_iso(t) for t in sorted(v)) for k, v in groups.items()})
