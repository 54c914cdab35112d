"""An immutable, database-free picture of one office's records: what the read side works on.

The regency builds it from its vault (:func:`brankas.core.review.load.load_snapshot`); the
province builds the same thing from an archive's JSON (:func:`from_json`). Nothing in it is
a secret: for each account only whether a password and a TOTP secret are on record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
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
    Kecamatan,
    Office,
    PageAccessEntry,
    Person,
    Term,
    TermKecamatanEnd,
)
from brankas.core.errors import InvalidValue
from brankas.core.review._codec import (
    Json,
    bad,
    decode_datetime,
    decode_int,
    decoder,
    encode_datetime,
    encoder,
    name_of,
)
from brankas.core.review._memory import bulk, many_objects

SNAPSHOT_FORMAT: Final = "brankas-review-snapshot"
SNAPSHOT_VERSION: Final = 1

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
) -> Snapshot:
    """Build a snapshot from flat lists of records, grouping and ordering them.

    Args:
        office: the office the records belong to (None when unknown).
        kecamatan, terms, people, accounts, handovers, attachments: records with ids.
        term_kecamatan: which kecamatan each term covers, with end-date overrides.
        password_on_record, totp_on_record: ids of accounts with that secret stored.
        password_changes: (account id, when a password was replaced) pairs.
        custody, checklist_items, page_access: per-account records.

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
        checklists=group(checklist_items, _account_id, lambda i: (i.position, i.id)),
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


@bulk
def to_json(snapshot: Snapshot) -> dict[str, Json]:
    """The snapshot as a JSON-ready object (deterministic: same snapshot, same JSON).

    Datetimes are written in UTC; every list is in id (or account, then time) order.
    """
    flat: dict[str, Iterable[Any]] = {
        "kecamatan": snapshot.kecamatan.values(),
        "terms": snapshot.terms.values(),
        "term_kecamatan": snapshot.term_kecamatan.values(),
        "people": snapshot.people.values(),
        "accounts": snapshot.accounts.values(),
        "custody": (c for group in snapshot.custody.values() for c in group),
        "handovers": snapshot.handovers.values(),
        "checklist_items": (i for group in snapshot.checklists.values() for i in group),
        "page_access": (e for group in snapshot.page_access.values() for e in group),
        "attachments": snapshot.attachments.values(),
    }
    out: dict[str, Json] = {
        "format": SNAPSHOT_FORMAT,
        "version": SNAPSHOT_VERSION,
        "office": None if snapshot.office is None else encoder(Office)(snapshot.office),
    }
    for name, cls in _LISTS:
        encode = encoder(cls)
        out[name] = [encode(r) for r in flat[name]]
    out["password_on_record"] = sorted(snapshot.password_on_record)
    out["totp_on_record"] = sorted(snapshot.totp_on_record)
    out["password_changes"] = [
        {"account_id": aid, "changed_at": encode_datetime(at)}
        for aid, times in snapshot.password_changes.items()
        for at in times
    ]
    return out


def _list(data: Mapping[str, Json], name: str) -> list[Json]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise bad("expected a list", name)
    return value


def from_json(data: Json) -> Snapshot:
    """Read a snapshot written by :func:`to_json`, validating every value.

    Args:
        data: the parsed JSON (untrusted: it comes from an archive).

    Returns:
        The snapshot.

    Raises:
        InvalidValue: code ``snapshot_version_unsupported`` for another format or a newer
            version; code ``snapshot_malformed`` (``field`` = the JSON path) for any value
            of the wrong shape, an unknown field, or two records with one id.
    """
    with many_objects():
        return _from_json(data)


def _from_json(data: Json) -> Snapshot:
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise bad("not a review snapshot", "format")
    version = data.get("version")
    if version != SNAPSHOT_VERSION:
        raise InvalidValue(
            f"snapshot version {version!r} is not supported (this app reads {SNAPSHOT_VERSION})",
            field="version",
            code="snapshot_version_unsupported",
        )
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
            password_changes=changes,
            custody=records["custody"],
            handovers=records["handovers"],
            checklist_items=records["checklist_items"],
            page_access=records["page_access"],
            attachments=records["attachments"],
        )
    except ValueError as exc:  # duplicate ids
        raise bad(str(exc), "snapshot") from None


__all__ = [
    "SNAPSHOT_FORMAT",
    "SNAPSHOT_VERSION",
    "Snapshot",
    "from_json",
    "make_snapshot",
    "to_json",
]
