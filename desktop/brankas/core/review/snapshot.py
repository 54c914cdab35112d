"""An immutable, database-free picture of one office's records: what the read side works on.

The regency builds it from its vault (:func:`brankas.core.review.load.load_snapshot`); the
province builds the same thing from an archive's JSON (:func:`from_json`). Nothing in it is
a secret: for each account only whether a password and a TOTP secret are on record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import Any, Final, TypeVar

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
from brankas.core.review._checklists import ChecklistColumns
from brankas.core.review._codec import (
    ColumnDecode,
    Json,
    Where,
    bad,
    build_records,
    decode_datetime,
    decode_int,
    decode_table,
    decoder,
    encode_columns,
    encode_datetime,
    encode_table,
    encoder,
    field_names,
    name_of,
)
from brankas.core.review._memory import bulk, many_objects

SNAPSHOT_FORMAT: Final = "brankas-review-snapshot"
SNAPSHOT_VERSION: Final = 2  # what to_json writes; from_json reads 1 and 2
SNAPSHOT_VERSIONS: Final = (1, 2)

R = TypeVar("R")
_EMPTY: Final[Mapping[Any, Any]] = MappingProxyType({})


def _empty() -> Mapping[Any, Any]:
    return _EMPTY


@dataclass(frozen=True, slots=True, kw_only=True, weakref_slot=True)
class Snapshot:
    """Everything the read side needs about one office, keyed by id; build with :func:`make_snapshot`.

    Per-account groups (``custody``, ``checklists``, ``page_access``, ``password_changes``)
    hold only accounts that have entries. References are not enforced: an archive may
    name a record it does not carry, and every reader skips what it cannot find.
    """

    office: Office | None = None
    kecamatan: Mapping[int, Kecamatan] = field(default_factory=_empty)
    terms: Mapping[int, Term] = field(default_factory=_empty)
    # (term id, kecamatan id) -> coverage row with its optional end-date override
    term_kecamatan: Mapping[tuple[int, int], TermKecamatanEnd] = field(default_factory=_empty)
    people: Mapping[int, Person] = field(default_factory=_empty)
    accounts: Mapping[int, Account] = field(default_factory=_empty)
    password_on_record: frozenset[int] = frozenset()  # account ids with a password stored
    totp_on_record: frozenset[int] = frozenset()  # account ids with a TOTP secret stored
    # account id -> when its password was replaced (password history), oldest first
    password_changes: Mapping[int, tuple[datetime, ...]] = field(default_factory=_empty)
    custody: Mapping[int, tuple[Custody, ...]] = field(
        default_factory=_empty
    )  # account id -> periods, oldest first
    handovers: Mapping[int, Handover] = field(default_factory=_empty)
    checklists: Mapping[int, tuple[ChecklistItem, ...]] = field(
        default_factory=_empty
    )  # account id -> by position
    page_access: Mapping[int, tuple[PageAccessEntry, ...]] = field(
        default_factory=_empty
    )  # account id -> as added
    attachments: Mapping[int, Attachment] = field(
        default_factory=_empty
    )  # descriptions only, never the bytes
    # Derived indexes built on first use (brankas.core.review.facts); not part of equality.
    _cache: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def current_custody(self, account_id: int) -> Custody | None:
        """The account's open custody period, or None."""
        periods = self.custody.get(account_id, ())
        for period in reversed(periods):
            if period.until_at is None:
                return period
        return None


def _by_id(records: Iterable[R], what: str) -> Mapping[int, R]:
    items = list(records)
    out: dict[int, R] = {r.id: r for r in items}  # type: ignore[attr-defined]
    if len(out) != len(items):
        seen: set[int] = set()
        for r in items:
            if r.id in seen:  # type: ignore[attr-defined]
                raise ValueError(f"two {what} records have id {r.id}")  # type: ignore[attr-defined]
            seen.add(r.id)  # type: ignore[attr-defined]
    return freeze(out)


def freeze(mapping: dict[int, R]) -> Mapping[int, R]:
    """A read-only view of ``mapping`` in ascending key order (sorted only when needed)."""
    keys = list(mapping)
    if any(a > b for a, b in pairwise(keys)):
        mapping = dict(sorted(mapping.items()))
    return MappingProxyType(mapping)


def group(
    values: Iterable[R], key: Callable[[R], int], order: Callable[[R], Any]
) -> Mapping[int, tuple[R, ...]]:
    """Values grouped by ``key`` (ascending), each group in ``order`` (stable)."""
    groups: dict[int, list[R]] = defaultdict(list)
    for v in values:
        groups[key(v)].append(v)
    return freeze({k: tuple(sorted(v, key=order)) for k, v in groups.items()})


_first = itemgetter(0)
_second = itemgetter(1)
_account_id = attrgetter("account_id")


def make_snapshot(
    *,
    office: Office | None = None,
    kecamatan: Iterable[Kecamatan] = (),
    terms: Iterable[Term] = (),
    term_kecamatan: Iterable[TermKecamatanEnd] = (),
    people: Iterable[Person] = (),
    accounts: Iterable[Account] = (),
    password_on_record: Iterable[int] = (),
    totp_on_record: Iterable[int] = (),
    password_changes: Iterable[tuple[int, datetime]] = (),
    custody: Iterable[Custody] = (),
    handovers: Iterable[Handover] = (),
    checklist_items: Iterable[ChecklistItem] = (),
    page_access: Iterable[PageAccessEntry] = (),
    attachments: Iterable[Attachment] = (),
    checklists: ChecklistColumns | None = None,
) -> Snapshot:
    """Build a snapshot from flat lists of records, grouping and ordering them.

    Args:
        office: the office the records belong to (None when unknown).
        kecamatan, terms, people, accounts, handovers, attachments: records with ids.
        term_kecamatan: which kecamatan each term covers, with end-date overrides.
        password_on_record, totp_on_record: ids of accounts with that secret stored.
        password_changes: (account id, when a password was replaced) pairs.
        custody, checklist_items, page_access: per-account records.
        checklists: the checklist items as columns, instead of ``checklist_items``.

    Returns:
        The snapshot (every mapping sorted by key; groups in time or position order).

    Raises:
        ValueError: two records share an id, or a coverage row is listed twice.
    """
    coverage: dict[tuple[int, int], TermKecamatanEnd] = {}
    for tk in term_kecamatan:
        key = (tk.term_id, tk.kecamatan_id)
        if key in coverage:
            raise ValueError(f"term {key[0]} lists kecamatan {key[1]} twice")
        coverage[key] = tk
    return Snapshot(
        office=office,
        kecamatan=_by_id(kecamatan, "kecamatan"),
        terms=_by_id(terms, "term"),
        term_kecamatan=MappingProxyType(dict(sorted(coverage.items()))),
        people=_by_id(people, "person"),
        accounts=_by_id(accounts, "account"),
        password_on_record=frozenset(password_on_record),
        totp_on_record=frozenset(totp_on_record),
        password_changes=freeze(
            {k: tuple(t for _, t in v) for k, v in group(password_changes, _first, _second).items()}
        ),
        custody=group(custody, _account_id, lambda c: (c.from_at, c.id)),
        handovers=_by_id(handovers, "handover"),
        checklists=(
            checklists
            if checklists is not None
            else group(checklist_items, _account_id, lambda i: (i.position, i.id))
        ),
        page_access=group(page_access, _account_id, lambda e: (e.added_at, e.id)),
        attachments=_by_id(attachments, "attachment"),
    )


# --- JSON ------------------------------------------------------------------------------
_LISTS: Final = (
    ("kecamatan", Kecamatan),
    ("terms", Term),
    ("term_kecamatan", TermKecamatanEnd),
    ("people", Person),
    ("accounts", Account),
    ("custody", Custody),
    ("handovers", Handover),
    ("checklist_items", ChecklistItem),
    ("page_access", PageAccessEntry),
    ("attachments", Attachment),
)
_ID_SETS: Final = ("password_on_record", "totp_on_record")


# Version 2 writes every list as a column table (see _codec.encode_table). Checklist step
# texts, the same few dozen for hundreds of thousands of items, are written once in
# ``checklist_texts`` and referenced by position (column ``text``); a handover's ``items``
# are arrays in HandoverItem field order.
_COLUMNS: Final = {name: field_names(cls) for name, cls in _LISTS} | {
    "checklist_items": tuple(
        "text" if c == "text_id" else c for c in field_names(ChecklistItem) if c != "text_en"
    ),
}
_ITEM_COLUMNS: Final = field_names(HandoverItem)
_CHANGE_COLUMNS: Final = ("account_id", "changed_at")


def _items_json(items: tuple[HandoverItem, ...]) -> list[Json]:
    return [
        [
            i.handover_id,
            i.account_id,
            None if i.password_changed_at is None else encode_datetime(i.password_changed_at),
        ]
        for i in items
    ]


@bulk
def to_json(snapshot: Snapshot) -> dict[str, Json]:
    """The snapshot as a JSON-ready object, version 2 (deterministic: same snapshot, same JSON).

    Datetimes are written in UTC; every table is in id (or account, then time) order.
    """
    flat: dict[str, list[Any]] = {
        "kecamatan": list(snapshot.kecamatan.values()),
        "terms": list(snapshot.terms.values()),
        "term_kecamatan": list(snapshot.term_kecamatan.values()),
        "people": list(snapshot.people.values()),
        "accounts": list(snapshot.accounts.values()),
        "custody": [c for group in snapshot.custody.values() for c in group],
        "handovers": list(snapshot.handovers.values()),
        "page_access": [e for group in snapshot.page_access.values() for e in group],
        "attachments": list(snapshot.attachments.values()),
    }
    texts, items = _checklist_table(snapshot.checklists)
    computed: dict[str, dict[str, list[Json]]] = {
        "handovers": {"items": [_items_json(h.items) for h in flat["handovers"]]},
    }
    out: dict[str, Json] = {
        "format": SNAPSHOT_FORMAT,
        "version": SNAPSHOT_VERSION,
        "office": None if snapshot.office is None else encoder(Office)(snapshot.office),
        "checklist_texts": texts,
    }
    for name, cls in _LISTS:
        if name == "checklist_items":
            out[name] = items
        else:
            out[name] = encode_table(cls, flat[name], _COLUMNS[name], computed.get(name))
    out["password_on_record"] = sorted(snapshot.password_on_record)
    out["totp_on_record"] = sorted(snapshot.totp_on_record)
    changes = [(a, encode_datetime(t)) for a, ts in snapshot.password_changes.items() for t in ts]
    out["password_changes"] = {
        "columns": list(_CHANGE_COLUMNS),
        "rows": [list(c) for c in changes],
    }
    return out


def _checklist_table(
    checklists: Mapping[int, tuple[ChecklistItem, ...]],
) -> tuple[list[Json], dict[str, Json]]:
    """``checklist_texts`` and the ``checklist_items`` table: each distinct (text_id,
    text_en) pair once, in order of first use, the items naming it by position."""
    columns = _COLUMNS["checklist_items"]
    index: dict[tuple[str, str], int] = {}
    if isinstance(checklists, ChecklistColumns):
        # Straight from the columns: one look-up per distinct text, none per item.
        values = dict(checklists.columns())
        stored = checklists.texts()
        position = {
            ref: index.setdefault(stored[ref], len(index))
            for ref in dict.fromkeys(values["text_ref"])
        }
        values["text"] = list(map(position.__getitem__, values.pop("text_ref")))
        table = encode_columns(ChecklistItem, values, columns, written=("text",))
    else:
        items = [i for group in checklists.values() for i in group]
        refs = [index.setdefault((i.text_id, i.text_en), len(index)) for i in items]
        table = encode_table(ChecklistItem, items, columns, {"text": refs})
    return [list(t) for t in index], table


def _list(data: Mapping[str, Json], name: str) -> list[Json]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise bad("expected a list", name)
    return value


def from_json(data: Json) -> Snapshot:
    """Read a snapshot written by :func:`to_json` (version 2) or by an earlier Brankas
    (version 1), validating every value.

    Args:
        data: the parsed JSON (untrusted: it comes from an archive).

    Returns:
        The snapshot.

    Raises:
        InvalidValue: code ``snapshot_version_unsupported`` for another format or an
            unknown version; code ``snapshot_malformed`` (``field`` = the JSON path) for any
            value of the wrong shape, an unknown field, or two records with one id.
    """
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise bad("not a review snapshot", "format")
    version = data.get("version")
    if type(version) is not int or version not in SNAPSHOT_VERSIONS:
        raise InvalidValue(
            f"snapshot version {version!r} is not supported (this app reads {SNAPSHOT_VERSIONS})",
            field="version",
            code="snapshot_version_unsupported",
        )
    with many_objects():
        return _from_json_v1(data) if version == 1 else _from_json_v2(data)


def _text_refs(texts: list[tuple[str, str]]) -> ColumnDecode:
    def decode(values: Sequence[Json], where: Where) -> list[Any]:
        if not values:
            return []
        if set(map(type, values)) <= {int} and min(values) >= 0 and max(values) < len(texts):
            return list(values)  # positions in checklist_texts, checked
        n = next(i for i, v in enumerate(values) if type(v) is not int or not 0 <= v < len(texts))
        raise bad("expected the position of a text in checklist_texts", where(n))

    return decode


def _checklist_texts(data: Mapping[str, Json]) -> list[tuple[str, str]]:
    out = []
    for n, pair in enumerate(_list(data, "checklist_texts")):
        if type(pair) is not list or len(pair) != 2 or not all(type(t) is str for t in pair):
            raise bad("expected [text_id, text_en]", f"checklist_texts[{n}]")
        out.append((pair[0], pair[1]))
    return out


def _handover_items(values: Sequence[Json], where: Where) -> list[Any]:
    """Each handover's items: arrays in HandoverItem field order, checked as one table."""
    lengths = []
    flat: list[Json] = []
    for n, items in enumerate(values):
        if type(items) is not list:
            raise bad("expected a list", where(n))
        lengths.append(len(items))
        flat.extend(items)
    table = {"columns": list(_ITEM_COLUMNS), "rows": flat}
    checked = decode_table(HandoverItem, table, "handovers.items", _ITEM_COLUMNS)
    built = build_records(HandoverItem, checked)
    out: list[Any] = []
    start = 0
    for size in lengths:
        out.append(tuple(built[start : start + size]))
        start += size
    return out


_V2_FIELDS: Final = frozenset(
    {"format", "version", "office", "checklist_texts", "password_changes", *_ID_SETS, *_COLUMNS}
)


def _from_json_v2(data: dict[str, Json]) -> Snapshot:
    """Version 2: column tables (see :func:`to_json`)."""
    unknown = data.keys() - _V2_FIELDS
    if unknown:
        raise bad(f"unknown field {name_of(unknown)}", "snapshot")
    texts = _checklist_texts(data)
    computed: dict[str, dict[str, ColumnDecode]] = {
        "handovers": {"items": _handover_items},
        "checklist_items": {"text": _text_refs(texts)},
    }
    records: dict[str, list[Any]] = {}
    checklists = None
    for name, cls in _LISTS:
        columns = _COLUMNS[name]
        table = data.get(name, {"columns": list(columns), "rows": []})
        values = decode_table(cls, table, name, columns, computed.get(name))
        if name == "checklist_items":
            # Checked; kept as columns (records are made when an account's are read).
            checklists = ChecklistColumns(
                ids=values["id"],
                account_ids=values["account_id"],
                step_keys=values["step_key"],
                positions=values["position"],
                text_refs=values["text"],
                texts=dict(enumerate(texts)),
                done_at=values["done_at"],
                done_by=values["done_by_operator_id"],
            )
        else:
            records[name] = build_records(cls, values)
    ids = {n: [decode_int(v, f"{n}[{i}]") for i, v in enumerate(_list(data, n))] for n in _ID_SETS}
    table = data.get("password_changes", {"columns": list(_CHANGE_COLUMNS), "rows": []})
    changes = decode_table(_Change, table, "password_changes", _CHANGE_COLUMNS)
    pairs = zip(changes["account_id"], changes["changed_at"], strict=True)
    return _assemble(data, records, ids, pairs, checklists=checklists)


def _assemble(
    data: Mapping[str, Json],
    records: Mapping[str, list[Any]],
    ids: Mapping[str, list[int]],
    password_changes: Iterable[tuple[int, datetime]],
    **checklists: Any,
) -> Snapshot:
    """The snapshot from decoded tables (both versions; they differ in how checklists and
    password changes are written)."""
    office = data.get("office")
    try:
        return make_snapshot(
            office=None if office is None else decoder(Office)(office, "office"),
            kecamatan=records["kecamatan"],
            terms=records["terms"],
            term_kecamatan=records["term_kecamatan"],
            people=records["people"],
            accounts=records["accounts"],
            password_on_record=ids["password_on_record"],
            totp_on_record=ids["totp_on_record"],
            password_changes=password_changes,
            custody=records["custody"],
            handovers=records["handovers"],
            page_access=records["page_access"],
            attachments=records["attachments"],
            **checklists,
        )
    except ValueError as exc:  # duplicate ids
        raise bad(str(exc), "snapshot") from None


@dataclass(frozen=True, slots=True)
class _Change:
    """A password_changes row (the table's column types)."""

    account_id: int
    changed_at: datetime


def _from_json_v1(data: dict[str, Json]) -> Snapshot:
    """Version 1: every record a JSON object (archives written before version 2)."""
    known = {"format", "version", "office", *(n for n, _ in _LISTS), *_ID_SETS}
    known.add("password_changes")
    unknown = data.keys() - known
    if unknown:
        raise bad(f"unknown field {name_of(unknown)}", "snapshot")
    records: dict[str, list[Any]] = {}
    for name, cls in _LISTS:
        decode = decoder(cls)
        records[name] = [decode(v, f"{name}[{n}]") for n, v in enumerate(_list(data, name))]
    ids = {n: [decode_int(v, f"{n}[{i}]") for i, v in enumerate(_list(data, n))] for n in _ID_SETS}
    changes = []
    for n, v in enumerate(_list(data, "password_changes")):
        path = f"password_changes[{n}]"
        if not isinstance(v, dict) or v.keys() != {"account_id", "changed_at"}:
            raise bad("expected an object with account_id and changed_at", path)
        changes.append(
            (
                decode_int(v["account_id"], f"{path}.account_id"),
                decode_datetime(v["changed_at"], f"{path}.changed_at"),
            )
        )
    return _assemble(data, records, ids, changes, checklist_items=records["checklist_items"])


__all__ = [
    "SNAPSHOT_FORMAT",
    "SNAPSHOT_VERSION",
    "Snapshot",
    "from_json",
    "make_snapshot",
    "to_json",
]
