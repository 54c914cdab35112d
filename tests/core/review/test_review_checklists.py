"""Checklist items kept as columns: the same mapping as grouped records, made on demand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brankas.core.domain.models import ChecklistItem
from brankas.core.review import _rows
from brankas.core.review._checklists import ChecklistColumns
from brankas.core.review.snapshot import group

T0 = datetime(2025, 2, 1, 3, tzinfo=UTC)
TEXTS = {5: ("Ganti sandi", "Change the password"), 9: ("Nonaktifkan", "Deactivate")}

items_strategy = st.lists(
    st.builds(
        ChecklistItem,
        id=st.integers(1, 40),  # equal ids and positions happen: ties keep their order
        account_id=st.integers(1, 6),
        step_key=st.sampled_from(["a", "b", "c"]),
        position=st.integers(0, 3),
        text_id=st.just(""),
        text_en=st.just(""),
        done_at=st.none() | st.integers(0, 3).map(lambda d: T0 + timedelta(days=d)),
        done_by_operator_id=st.none() | st.just("op"),
    ),
    max_size=30,
)


def _with_texts(items: list[ChecklistItem], refs: list[int]) -> list[ChecklistItem]:
    out = []
    for i, ref in zip(items, refs, strict=True):
        text_id, text_en = TEXTS[ref]
        out.append(
            ChecklistItem(
                id=i.id,
                account_id=i.account_id,
                step_key=i.step_key,
                position=i.position,
                text_id=text_id,
                text_en=text_en,
                done_at=i.done_at,
                done_by_operator_id=i.done_by_operator_id,
            )
        )
    return out


def _columns(items: list[ChecklistItem], refs: list[int]) -> ChecklistColumns:
    return ChecklistColumns(
        ids=[i.id for i in items],
        account_ids=[i.account_id for i in items],
        step_keys=[i.step_key for i in items],
        positions=[i.position for i in items],
        text_refs=refs,
        texts=TEXTS,
        done_at=[i.done_at for i in items],
        done_by=[i.done_by_operator_id for i in items],
    )


@given(items_strategy, st.data())
def test_columns_read_as_the_grouped_records(
    items: list[ChecklistItem], data: st.DataObject
) -> None:
    refs = data.draw(
        st.lists(st.sampled_from(sorted(TEXTS)), min_size=len(items), max_size=len(items))
    )
    records = _with_texts(items, refs)
    expected = group(records, lambda i: i.account_id, lambda i: (i.position, i.id))
    got = _columns(items, refs)
    progress = {
        aid: (sum(i.done_at is not None for i in group_), len(group_))
        for aid, group_ in expected.items()
    }
    assert got.progress() == progress  # before any record is made
    assert list(got) == list(expected) and len(got) == len(expected)
    for aid in range(0, 8):
        assert (aid in got) == (aid in expected)
        assert got.get(aid) == expected.get(aid)
    assert got == expected and expected == got
    flat = [i for group_ in expected.values() for i in group_]
    columns = got.columns()  # in account, position, id order, whatever order came in
    assert list(columns["id"]) == [i.id for i in flat]
    assert list(columns["done_at"]) == [i.done_at for i in flat]
    assert [TEXTS[r][0] for r in columns["text_ref"]] == [i.text_id for i in flat]
    assert dict(got.items()) == dict(expected.items())
    if records:
        first = next(iter(got))
        assert got[first] is got[first]  # made once


def test_columns_of_ordered_rows_are_kept_as_given_and_texts_shared() -> None:
    got = ChecklistColumns(
        ids=[1, 2, 3],
        account_ids=[4, 4, 7],
        step_keys=["a", "b", "a"],
        positions=[0, 1, 0],
        text_refs=[9, 5, 9],
        texts=TEXTS,
        done_at=[T0, None, None],
        done_by=["op", None, None],
    )
    first, second = got[4]
    assert (first.id, first.text_id, first.text_en, first.done_at) == (
        1,
        "Nonaktifkan",
        "Deactivate",
        T0,
    )
    assert second.text_en == "Change the password" and second.done_at is None
    assert got[7][0].text_id is first.text_id
    assert got.progress() == {4: (1, 2), 7: (0, 1)}
    assert got.columns()["text_ref"] == [9, 5, 9] and got.texts() is TEXTS
    with pytest.raises(KeyError):
        got[5]
    assert "4" not in got and None not in got and got.get(8) is None
    assert "3 items of 2 accounts" in repr(got)


def test_runs_in_any_account_order_are_used_as_they_are() -> None:
    got = ChecklistColumns(
        ids=[1, 2, 3, 4],
        account_ids=[9, 9, 4, 4],  # as a vault stores checklists made at different times
        step_keys=["a", "b", "a", "b"],
        positions=[0, 1, 0, 1],
        text_refs=[5, 9, 5, 9],
        texts=TEXTS,
        done_at=[None, T0, T0, T0],
        done_by=[None, "op", "op", "op"],
    )
    assert list(got) == [4, 9] and [i.id for i in got[9]] == [1, 2]
    assert list(got.columns()["id"]) == [3, 4, 1, 2]
    assert got.progress() == {4: (2, 2), 9: (1, 2)}


def test_columns_refuse_unknown_texts_and_ragged_columns() -> None:
    good: dict[str, list[object]] = {
        "ids": [1],
        "account_ids": [1],
        "step_keys": ["a"],
        "positions": [0],
        "text_refs": [5],
        "done_at": [None],
        "done_by": [None],
    }
    ChecklistColumns(texts=TEXTS, **good)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="step text"):
        ChecklistColumns(texts=TEXTS, **(good | {"text_refs": [6]}))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lengths"):
        ChecklistColumns(texts=TEXTS, **(good | {"positions": [0, 1]}))  # type: ignore[arg-type]


@given(items_strategy, st.data(), st.integers(1, 4))
def test_rows_read_a_chunk_at_a_time_give_the_same_columns(
    items: list[ChecklistItem], data: st.DataObject, chunk: int
) -> None:
    refs = data.draw(
        st.lists(st.sampled_from(sorted(TEXTS)), min_size=len(items), max_size=len(items))
    )
    # As the vault stores them: times as UTC text, the text by reference.
    rows = [
        (
            i.id,
            i.account_id,
            i.step_key,
            i.position,
            ref,
            None if i.done_at is None else i.done_at.isoformat(),
            i.done_by_operator_id,
        )
        for i, ref in zip(items, refs, strict=True)
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_rows, "_CHUNK", chunk)  # chunks of 1 to 4 rows: many boundaries
        got = _rows.checklist_columns(iter(rows), TEXTS)
    assert got == _columns(items, refs)
    expected = _columns(items, refs).columns()
    assert {k: list(v) for k, v in got.columns().items()} == {
        k: list(v) for k, v in expected.items()
    }
    done = [t for t in got.columns()["done_at"] if t is not None]
    assert len({id(t) for t in done}) == len(set(done))  # one object per distinct time
