"""The snapshot: grouping and order, and its versioned JSON (round trip, strict reading, version 1 still read)."""

from __future__ import annotations

import copy
import dataclasses
import json
import typing
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from review_world import buol, close_out

from brankas.core.domain.models import (
    Account,
    Attachment,
    ChecklistItem,
    Custody,
    Handover,
    HandoverItem,
    Kecamatan,
    Office,
    PageAccessEntry,
    Person,
    Term,
    TermKecamatanEnd,
)
from brankas.core.errors import InvalidValue
from brankas.core.review.snapshot import (
    SNAPSHOT_FORMAT,
    SNAPSHOT_VERSION,
    Snapshot,
    from_json,
    make_snapshot,
    to_json,
)
from snapshot_v1 import to_json_v1

# --- strategies derived from the record types (a new field is covered automatically) ----
_ZONES = st.sampled_from(
    [UTC, timezone(timedelta(hours=7)), timezone(timedelta(hours=8, minutes=45))]
)
_SIMPLE: dict[Any, st.SearchStrategy[Any]] = {
    int: st.integers(-(2**53), 2**53),
    str: st.text(max_size=12),
    bool: st.booleans(),
    date: st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    datetime: st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=_ZONES
    ),
}


def _for(hint: Any) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if args and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        return st.none() | _for(inner)
    if origin is tuple:
        return st.lists(_for(args[0]), max_size=3).map(tuple)
    if hint in _SIMPLE:
        return _SIMPLE[hint]
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return st.sampled_from(list(hint))
    assert dataclasses.is_dataclass(hint), hint
    return records(hint)  # type: ignore[arg-type]


def records(cls: type[Any], **fixed: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: fixed.get(f.name, _for(hints[f.name])) for f in dataclasses.fields(cls)}
    return st.builds(cls, **fields)


_ID = st.integers(1, 10_000)


def _unique(cls: type[Any], **fixed: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    return st.lists(records(cls, id=_ID, **fixed), max_size=4, unique_by=lambda r: r.id)


@st.composite
def snapshots(draw: st.DrawFn) -> Snapshot:
    return make_snapshot(
        office=draw(st.none() | records(Office)),
        kecamatan=draw(_unique(Kecamatan)),
        terms=draw(_unique(Term)),
        term_kecamatan=draw(
            st.lists(
                records(TermKecamatanEnd),
                max_size=4,
                unique_by=lambda r: (r.term_id, r.kecamatan_id),
            )
        ),
        people=draw(_unique(Person)),
        accounts=draw(_unique(Account)),
        password_on_record=draw(st.frozensets(_ID, max_size=4)),
        totp_on_record=draw(st.frozensets(_ID, max_size=4)),
        password_changes=draw(st.lists(st.tuples(_ID, _SIMPLE[datetime]), max_size=4)),
        custody=draw(_unique(Custody)),
        handovers=draw(
            _unique(Handover, items=st.lists(records(HandoverItem), max_size=3).map(tuple))
        ),
        checklist_items=draw(_unique(ChecklistItem)),
        page_access=draw(_unique(PageAccessEntry)),
        attachments=draw(_unique(Attachment)),
    )


def _through_json(snapshot: Snapshot) -> Snapshot:
    return from_json(json.loads(json.dumps(to_json(snapshot), ensure_ascii=False)))


def _through_v1(snapshot: Snapshot) -> Snapshot:
    return from_json(json.loads(json.dumps(to_json_v1(snapshot), ensure_ascii=False)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots())
def test_json_round_trip(snapshot: Snapshot) -> None:
    back = _through_json(snapshot)
    assert back == snapshot
    assert to_json(back) == to_json(snapshot)
    assert _through_v1(snapshot) == snapshot  # version 1 (older archives) is still read


def test_round_trip_of_a_realistic_office() -> None:
    b = buol()
    close_out(b, b.biau)
    snapshot = b.world.snapshot()
    assert _through_json(snapshot) == snapshot
    assert _through_v1(snapshot) == snapshot


def test_json_is_versioned_and_carries_no_secret_fields() -> None:
    data = to_json(buol().world.snapshot())
    assert (
        (data["format"], data["version"])
        == (SNAPSHOT_FORMAT, SNAPSHOT_VERSION)
        == (
            SNAPSHOT_FORMAT,
            2,
        )
    )
    text = json.dumps(data)
    for secret_field in ("password", "totp_secret", "backup_codes", 'notes": "x'):
        assert f'"{secret_field}"' not in text
    columns = data["accounts"]["columns"]
    assert columns == [f.name for f in dataclasses.fields(Account)]
    assert data["accounts"]["rows"][0][columns.index("created_at")].endswith("+00:00")


def test_checklist_texts_are_written_once() -> None:
    b = buol()
    close_out(b, b.biau)
    snapshot = b.world.snapshot()
    data = to_json(snapshot)
    items = [i for g in snapshot.checklists.values() for i in g]
    pairs = {(i.text_id, i.text_en) for i in items}
    assert len(items) > len(pairs) > 1
    assert sorted(map(tuple, data["checklist_texts"])) == sorted(pairs)
    table = data["checklist_items"]
    assert "text_id" not in table["columns"] and "text_en" not in table["columns"]
    at = table["columns"].index("text")
    texts = data["checklist_texts"]
    assert [tuple(texts[r[at]]) for r in table["rows"]] == [(i.text_id, i.text_en) for i in items]


def test_make_snapshot_groups_and_orders() -> None:
    t0 = datetime(2024, 5, 1, tzinfo=UTC)
    later, earlier = (
        Custody(id=1, account_id=7, holder_person_id=None, from_at=t0 + timedelta(days=9)),
        Custody(
            id=2, account_id=7, holder_person_id=3, from_at=t0, until_at=t0 + timedelta(days=9)
        ),
    )
    steps = [
        ChecklistItem(
            id=10 + n, account_id=7, step_key=f"s{n}", position=p, text_id="x", text_en="x"
        )
        for n, p in enumerate((2, 0, 1))
    ]
    s = make_snapshot(
        custody=[later, earlier],
        checklist_items=steps,
        password_changes=[(7, t0 + timedelta(days=2)), (7, t0)],
        accounts=[Account(id=9, platform="x", handle="b"), Account(id=3, platform="x", handle="a")],  # type: ignore[arg-type]
    )
    assert s.custody[7] == (earlier, later)
    assert [i.position for i in s.checklists[7]] == [0, 1, 2]
    assert s.password_changes[7] == (t0, t0 + timedelta(days=2))
    assert list(s.accounts) == [3, 9]
    assert s.current_custody(7) == later and s.current_custody(8) is None
    with pytest.raises(TypeError):
        s.accounts[1] = s.accounts[3]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.office = None  # type: ignore[misc]


def test_make_snapshot_refuses_duplicate_ids() -> None:
    k = Kecamatan(id=1, office_id=1, name="Biau")
    with pytest.raises(ValueError, match="two kecamatan records have id 1"):
        make_snapshot(kecamatan=[k, dataclasses.replace(k, name="Bokat")])
    tk = TermKecamatanEnd(term_id=1, kecamatan_id=1)
    with pytest.raises(ValueError, match="twice"):
        make_snapshot(term_kecamatan=[tk, tk])


def _bad(mutate: Any, *, v1: bool = True) -> InvalidValue:
    snapshot = buol().world.snapshot()
    data = copy.deepcopy(to_json_v1(snapshot) if v1 else to_json(snapshot))
    mutate(data)
    with pytest.raises(InvalidValue) as caught:
        from_json(data)
    return caught.value


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.update(format="zip"), "format"),
        (lambda d: d.update(extra=[]), "snapshot"),
        (lambda d: d["accounts"][0].update(secret="x"), "accounts[0]"),
        (lambda d: d["accounts"][0].update(id="7"), "accounts[0].id"),
        (lambda d: d["accounts"][0].update(id=True), "accounts[0].id"),
        (lambda d: d["accounts"][0].pop("handle"), "accounts[0]"),
        (lambda d: d["accounts"][0].update(platform="myspace"), "accounts[0].platform"),
        (
            lambda d: d["accounts"][0].update(created_at="2025-01-27T09:00:00"),
            "accounts[0].created_at",
        ),
        (lambda d: d["accounts"][0].update(active_from="27/01/2025"), "accounts[0].active_from"),
        (lambda d: d["terms"].append(d["terms"][0]), "snapshot"),
        (lambda d: d["handovers"][0]["items"].append(7), "handovers[0].items[3]"),
        (lambda d: d.update(people={}), "people"),
        (lambda d: d["password_changes"].append({"account_id": 1}), "password_changes[0]"),
        (lambda d: d["password_on_record"].append("1"), "password_on_record[6]"),
    ],
)
def test_malformed_json_is_refused_with_its_path(mutate: Any, field: str) -> None:
    """Version 1, as older archives hold it."""
    error = _bad(mutate)
    assert (error.code, error.field) == ("snapshot_malformed", field)


def _cell(table: str, row: int, column: str, value: Any) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        d[table]["rows"][row][d[table]["columns"].index(column)] = value

    return mutate


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.update(format="zip"), "format"),
        (lambda d: d.update(extra=[]), "snapshot"),
        (lambda d: d["accounts"]["columns"].append("secret"), "accounts.columns"),
        (lambda d: d["accounts"]["columns"].reverse(), "accounts.columns"),
        (lambda d: d["accounts"].update(more=1), "accounts"),
        (lambda d: d["accounts"]["rows"][1].pop(), "accounts.rows[1]"),
        (lambda d: d["accounts"]["rows"].__setitem__(0, {}), "accounts.rows[0]"),
        (_cell("accounts", 0, "id", "7"), "accounts.rows[0].id"),
        (_cell("accounts", 0, "id", True), "accounts.rows[0].id"),
        (_cell("accounts", 0, "platform", "myspace"), "accounts.rows[0].platform"),
        (_cell("accounts", 0, "platform", ["x"]), "accounts.rows[0].platform"),
        (_cell("accounts", 0, "created_at", "2025-01-27T09:00:00"), "accounts.rows[0].created_at"),
        (_cell("accounts", 0, "created_at", 5), "accounts.rows[0].created_at"),
        (_cell("accounts", 0, "active_from", "27/01/2025"), "accounts.rows[0].active_from"),
        (_cell("accounts", 0, "display_name", None), "accounts.rows[0].display_name"),
        (lambda d: d["terms"]["rows"].append(d["terms"]["rows"][0]), "snapshot"),
        (_cell("handovers", 0, "items", {}), "handovers.rows[0].items"),
        (
            lambda d: d["handovers"]["rows"][0][d["handovers"]["columns"].index("items")].append(7),
            "handovers.items.rows[3]",
        ),
        (lambda d: d.update(people=[]), "people"),
        (lambda d: d["password_changes"]["rows"].append([1]), "password_changes.rows[0]"),
        (lambda d: d["password_on_record"].append("1"), "password_on_record[6]"),
        (lambda d: d["checklist_texts"].append(["x"]), "checklist_texts[0]"),
    ],
)
def test_malformed_version_2_is_refused_with_its_path(mutate: Any, field: str) -> None:
    error = _bad(mutate, v1=False)
    assert (error.code, error.field) == ("snapshot_malformed", field)


def test_a_checklist_text_reference_must_exist() -> None:
    b = buol()
    close_out(b, b.biau)
    data = to_json(b.world.snapshot())
    at = data["checklist_items"]["columns"].index("text")
    for wrong in (len(data["checklist_texts"]), -1, "0", None):
        bad = copy.deepcopy(data)
        bad["checklist_items"]["rows"][2][at] = wrong
        with pytest.raises(InvalidValue) as caught:
            from_json(bad)
        assert caught.value.field == "checklist_items.rows[2].text"


def test_a_newer_version_is_refused() -> None:
    for version in (SNAPSHOT_VERSION + 1, 0, "2", True):
        error = _bad(lambda d, v=version: d.update(version=v))
        assert (error.code, error.field) == ("snapshot_version_unsupported", "version")
    with pytest.raises(InvalidValue):
        from_json([])


def test_missing_optional_fields_take_their_defaults() -> None:
    """Version 1 (objects) allowed it; version 2 tables name every column."""
    data = to_json_v1(buol().world.snapshot())
    del data["accounts"][0]["display_name"]
    for name in ("page_access", "attachments", "password_changes"):
        del data[name]
    snapshot = from_json(data)
    assert snapshot.accounts[data["accounts"][0]["id"]].display_name == ""
    assert snapshot.attachments == {}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for n, v in enumerate(value):
            out += _paths(v, (*prefix, n))
    return out


_WORLD = buol()
close_out(_WORLD, _WORLD.biau)
_VALID = {1: to_json_v1(_WORLD.world.snapshot()), 2: to_json(_WORLD.world.snapshot())}
_ALL_PATHS = [(v, p) for v, data in _VALID.items() for p in _paths(data)[1:]]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_ALL_PATHS), _JSON)
def test_any_damage_gives_a_snapshot_or_invalid_value(
    where: tuple[int, tuple[Any, ...]], junk: Any
) -> None:
    """The archive reader relies on this: no other exception escapes from_json."""
    version, path = where
    data = copy.deepcopy(_VALID[version])
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = junk
    try:
        from_json(data)
    except InvalidValue as exc:
        assert exc.code in ("snapshot_malformed", "snapshot_version_unsupported")
        assert exc.field
