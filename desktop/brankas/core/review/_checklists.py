"""A snapshot's checklist items kept as columns; an account's records are made when read.

At 50,000 accounts a snapshot holds ~235,000 checklist items, more records than anything
else, and its main readers need none of them as objects: the review rules need each
account's (done, total) and an archive writes the columns back out. Building every
record took more time than any other part of loading a vault or reading an archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import fields
from datetime import datetime
from itertools import chain, compress, pairwise, repeat
from operator import ge, is_not, ne
from typing import Any, TypeVar

from brankas.core.domain.models import ChecklistItem

T = TypeVar("T")
_new = object.__new__
# The slot setters of ChecklistItem's fields (records are made as in _rows: no __init__).
_SET = {f.name: ChecklistItem.__dict__[f.name].__set__ for f in fields(ChecklistItem)}


def _take(column: Sequence[T], order: Sequence[int]) -> list[T]:
    return list(map(column.__getitem__, order))


def _runs(
    accounts: Sequence[int], positions: Sequence[int], ids: Sequence[int]
) -> dict[int, tuple[int, int]] | None:
    """Each account's rows as one run ``(start, end)``, if every account's rows are
    contiguous and in (position, id) order; else None.

    The usual case (the vault writes an account's checklist in one go, in order) is
    checked with C-level maps: a Python step only where the account or the order changes.
    """
    n = len(accounts)
    if n == 0:
        return {}
    head, tail = accounts[:-1], accounts[1:]
    starts = [0, *compress(range(1, n), map(ne, head, tail))]
    runs = dict(zip(map(accounts.__getitem__, starts), pairwise([*starts, n]), strict=True))
    if len(runs) != len(starts):
        return None  # an account's rows in two places
    # Where the position does not grow, it must be a new account or an id that grows.
    for k in compress(range(n - 1), map(ge, positions[:-1], positions[1:])):
        if accounts[k] == accounts[k + 1] and (
            positions[k] != positions[k + 1] or ids[k] > ids[k + 1]
        ):
            return None
    return runs


class ChecklistColumns(Mapping[int, tuple[ChecklistItem, ...]]):
    """Account id → its checklist items by position then id (as :func:`snapshot.group`
    makes them), stored as one list per field.

    Only for checked values (from the vault, or an archive already validated): no record
    is checked again when it is made. Each account's tuple is made once, on first read;
    :meth:`progress` and :meth:`columns` read the columns without making records.
    Equality with any mapping compares the records.
    """

    __slots__ = (
        "_accounts",
        "_built",
        "_by",
        "_done",
        "_ids",
        "_keys",
        "_order",
        "_pos",
        "_refs",
        "_runs",
        "_texts",
    )

    def __init__(
        self,
        *,
        ids: Sequence[int],
        account_ids: Sequence[int],
        step_keys: Sequence[str],
        positions: Sequence[int],
        text_refs: Sequence[int],
        texts: Mapping[int, tuple[str, str]],
        done_at: Sequence[datetime | None],
        done_by: Sequence[str | None],
    ) -> None:
        """Take the columns (one value per item, in any order).

        Args:
            ids, account_ids, step_keys, positions, done_at, done_by: the item fields.
            text_refs: per item, a key of ``texts``.
            texts: the (Indonesian, English) step texts the items name.

        Raises:
            ValueError: the columns differ in length, or a text reference is not in
                ``texts``.
        """
        n = len(ids)
        columns = (account_ids, step_keys, positions, text_refs, done_at, done_by)
        if any(len(c) != n for c in columns):
            raise ValueError("checklist columns of different lengths")
        if not set(text_refs) <= texts.keys():
            raise ValueError("a checklist item names a step text that is not there")
        runs = _runs(account_ids, positions, ids)
        if runs is None:
            # Rows not grouped or not in order (not what the vault or Brankas writes):
            # sort them, stably (items with equal keys keep their order, as group() does).
            keys = list(zip(account_ids, positions, ids, strict=True))
            perm = sorted(range(n), key=keys.__getitem__)
            ids, account_ids, step_keys = (
                _take(ids, perm),
                _take(account_ids, perm),
                _take(step_keys, perm),
            )
            positions, text_refs = _take(positions, perm), _take(text_refs, perm)
            done_at, done_by = _take(done_at, perm), _take(done_by, perm)
            runs = _runs(account_ids, positions, ids)
            assert runs is not None  # sorted rows are grouped and in order
        self._ids, self._accounts, self._keys, self._pos = ids, account_ids, step_keys, positions
        self._refs, self._texts, self._done, self._by = text_refs, texts, done_at, done_by
        self._runs = runs
        self._order = sorted(runs)
        self._built: dict[int, tuple[ChecklistItem, ...]] = {}

    # --- Mapping ------------------------------------------------------------------------
    def __getitem__(self, account_id: int) -> tuple[ChecklistItem, ...]:
        built = self._built.get(account_id)
        if built is None:
            lo, hi = self._runs[account_id]  # KeyError: no items
            built = self._built[account_id] = self._make(lo, hi)
        return built

    def __iter__(self) -> Iterator[int]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, account_id: object) -> bool:
        return account_id in self._runs

    def __repr__(self) -> str:
        return f"ChecklistColumns({len(self._ids)} items of {len(self._order)} accounts)"

    def _make(self, lo: int, hi: int) -> tuple[ChecklistItem, ...]:
        text = self._texts.__getitem__
        s_id, s_acc, s_key, s_pos = (
            _SET["id"],
            _SET["account_id"],
            _SET["step_key"],
            _SET["position"],
        )
        s_tid, s_ten, s_done, s_by = (
            _SET["text_id"],
            _SET["text_en"],
            _SET["done_at"],
            _SET["done_by_operator_id"],
        )
        out = []
        for n in range(lo, hi):
            i = _new(ChecklistItem)
            s_id(i, self._ids[n])
            s_acc(i, self._accounts[n])
            s_key(i, self._keys[n])
            s_pos(i, self._pos[n])
            text_id, text_en = text(self._refs[n])
            s_tid(i, text_id)
            s_ten(i, text_en)
            s_done(i, self._done[n])
            s_by(i, self._by[n])
            out.append(i)
        return tuple(out)

    # --- without records ----------------------------------------------------------------
    def progress(self) -> dict[int, tuple[int, int]]:
        """(steps done, steps in all) per account, in account order."""
        runs = self._runs
        done = Counter(compress(self._accounts, map(is_not, self._done, repeat(None))))
        return {aid: (done[aid], runs[aid][1] - runs[aid][0]) for aid in self._order}

    def columns(self) -> dict[str, Sequence[Any]]:
        """The item fields in account, then position and id order: every ChecklistItem
        field but the texts, plus ``text_ref`` (per item, a key of :meth:`texts`)."""
        runs = self._runs
        columns: tuple[Sequence[Any], ...] = (
            self._ids,
            self._accounts,
            self._keys,
            self._pos,
            self._refs,
            self._done,
            self._by,
        )
        if any(a > b for a, b in pairwise(runs)):  # runs not in account order
            order = list(chain.from_iterable(range(*runs[aid]) for aid in self._order))
            columns = tuple(_take(c, order) for c in columns)
        names = ("id", "account_id", "step_key", "position", "text_ref", "done_at")
        return dict(zip((*names, "done_by_operator_id"), columns, strict=True))

    def texts(self) -> Mapping[int, tuple[str, str]]:
        """The step texts the items' ``text_ref`` name."""
        return self._texts
