"""Type-directed JSON encoding and strict decoding of the frozen domain dataclasses (as objects or as column tables)."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from operator import attrgetter, methodcaller
from typing import Any, Final, TypeVar

from brankas.core.errors import InvalidValue

T = TypeVar("T")
Json = Any  # what json.loads gives: dict, list, str, int, float, bool, None
Encode = Callable[[Any], Json]
Decode = Callable[[Json, str], Any]

MALFORMED = "snapshot_malformed"


def bad(message: str, path: str) -> InvalidValue:
    """The error for a malformed snapshot value at ``path`` (never quotes the value)."""
    return InvalidValue(f"{path}: {message}", field=path, code=MALFORMED)


def name_of(keys: set[Any]) -> str:
    """One of some unknown keys, quoted and cut short (the file is untrusted)."""
    return repr(str(sorted(map(str, keys))[0])[:40])


def encode_datetime(value: datetime) -> str:
    """A timezone-aware datetime as fixed-width ISO-8601 text in UTC (text order = time)."""
    if value.tzinfo is not UTC:  # what the vault stores is UTC already: skip the conversion
        value = value.astimezone(UTC)
    return value.isoformat(timespec="microseconds")


def decode_int(value: Json, path: str) -> int:
    """A JSON integer (booleans refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad("expected an integer", path)
    return value


def decode_str(value: Json, path: str) -> str:
    """A JSON string."""
    if not isinstance(value, str):
        raise bad("expected text", path)
    return value


def _decode_bool(value: Json, path: str) -> bool:
    if not isinstance(value, bool):
        raise bad("expected true or false", path)
    return value


def _decode_date(value: Json, path: str) -> date:
    try:
        return date.fromisoformat(decode_str(value, path))
    except ValueError:
        raise bad("expected a date YYYY-MM-DD", path) from None


def decode_datetime(value: Json, path: str) -> datetime:
    """ISO-8601 text with a UTC offset back to an aware datetime."""
    try:
        parsed = datetime.fromisoformat(decode_str(value, path))
    except ValueError:
        raise bad("expected an ISO-8601 date and time", path) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise bad("the date and time has no UTC offset", path)
    return parsed


def _enum_decoder(enum: type[StrEnum]) -> Decode:
    values = {m.value: m for m in enum}

    def decode(value: Json, path: str) -> StrEnum:
        member = values.get(value) if isinstance(value, str) else None
        if member is None:
            raise bad(f"not a known {enum.__name__} value", path)
        return member

    return decode


def _optional(inner: Decode) -> Decode:
    def decode(value: Json, path: str) -> Any:
        return None if value is None else inner(value, path)

    return decode


def _tuple_of(inner: Decode) -> Decode:
    def decode(value: Json, path: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise bad("expected a list", path)
        return tuple(inner(v, f"{path}[{n}]") for n, v in enumerate(value))

    return decode


def _identity(value: Any) -> Json:
    return value


def _encoder_for(hint: Any) -> Encode:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        (inner,) = (a for a in typing.get_args(hint) if a is not type(None))
        enc = _encoder_for(inner)
        return lambda v: None if v is None else enc(v)
    if origin is tuple:
        enc = _encoder_for(typing.get_args(hint)[0])
        return lambda v: [enc(x) for x in v]
    if hint is datetime:
        return encode_datetime
    if hint is date:
        return lambda v: v.isoformat()
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return lambda v: v.value
    if dataclasses.is_dataclass(hint):
        return encoder(hint)  # type: ignore[arg-type]
    if hint in (int, str, bool):
        return _identity
    raise TypeError(f"no JSON encoding for {hint!r}")


def _decoder_for(hint: Any) -> Decode:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        (inner,) = (a for a in typing.get_args(hint) if a is not type(None))
        return _optional(_decoder_for(inner))
    if origin is tuple:
        return _tuple_of(_decoder_for(typing.get_args(hint)[0]))
    simple: dict[Any, Decode] = {
        datetime: decode_datetime,
        date: _decode_date,
        int: decode_int,
        str: decode_str,
        bool: _decode_bool,
    }
    if hint in simple:
        return simple[hint]
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return _enum_decoder(hint)
    if dataclasses.is_dataclass(hint):
        return decoder(hint)  # type: ignore[arg-type]
    raise TypeError(f"no JSON decoding for {hint!r}")


def _fields(cls: type[Any]) -> list[tuple[dataclasses.Field[Any], Any]]:
    hints = typing.get_type_hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls) if f.init]


@cache
def encoder(cls: type[T]) -> Callable[[T], dict[str, Json]]:
    """A function turning one ``cls`` record into a JSON object (fields in order)."""
    plan = [(f.name, _encoder_for(hint)) for f, hint in _fields(cls)]

    def encode(obj: T) -> dict[str, Json]:
        return {name: enc(getattr(obj, name)) for name, enc in plan}

    return encode


@cache
def decoder(cls: type[T]) -> Callable[[Json, str], T]:
    """A strict function turning a JSON object back into a ``cls`` record.

    Unknown keys are refused (the format is versioned: new fields need a new version);
    a missing key takes the field's default, or is an error when it has none.
    """
    plan = []
    for f, hint in _fields(cls):
        has_default = (
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        )
        plan.append((f.name, _decoder_for(hint), has_default))
    known = frozenset(name for name, _, _ in plan)

    def decode(value: Json, path: str) -> T:
        if not isinstance(value, dict):
            raise bad("expected an object", path)
        unknown = value.keys() - known
        if unknown:
            raise bad(f"unknown field {name_of(unknown)}", path)
        kwargs: dict[str, Any] = {}
        for name, dec, has_default in plan:
            if name in value:
                kwargs[name] = dec(value[name], f"{path}.{name}")
            elif not has_default:
                raise bad(f"missing field {name!r}", path)
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:  # a model's own check refused the values
            raise bad(f"invalid record ({type(exc).__name__})", path) from None

    return decode


# --- column tables ---------------------------------------------------------------------
# A table is ``{"columns": [names], "rows": [[values], ...]}``: the field names once, not
# once per record (an archive holds hundreds of thousands of records). Columns are
# encoded and checked one at a time, with a fast path for the common value types.
Where = Callable[[int], str]  # row number -> the JSON path of the value, for errors
ColumnDecode = Callable[[Sequence[Json], Where], list[Any]]


_NAMES: dict[type[Any], tuple[str, ...]] = {}


def field_names(cls: type[Any]) -> tuple[str, ...]:
    """``cls``'s fields in declaration order (a table's default columns)."""
    found = _NAMES.get(cls)
    if found is None:
        found = _NAMES[cls] = tuple(f.name for f, _ in _fields(cls))
    return found


def _column_encoder(hint: Any) -> Encode | None:
    """How to write one column's values; None when they are written as they are."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        (inner,) = (a for a in typing.get_args(hint) if a is not type(None))
        enc = _column_encoder(inner)
        return None if enc is None else (lambda v: None if v is None else enc(v))
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return str  # StrEnum's __str__ is str's: the value as a plain str, at C speed
    if hint in (int, str, bool):
        return None
    return _encoder_for(hint)


_ENCODERS: dict[type[Any], Mapping[str, tuple[Encode | None, type | None]]] = {}
_DECODERS: dict[type[Any], Mapping[str, ColumnDecode]] = {}
_BUILDERS: dict[type[Any], Callable[..., Any]] = {}


def _repeats(hint: Any) -> type | None:
    """``datetime`` or ``date`` for a column of dates or times (a column holds few
    distinct ones: a batch shares its time), else None."""
    optional = typing.get_origin(hint) in (types.UnionType, typing.Union)
    for kind in (datetime, date):  # datetime first: it is a date too
        if hint is kind or (optional and kind in typing.get_args(hint)):
            return kind
    return None


def _column_encoders(cls: type[Any]) -> Mapping[str, tuple[Encode | None, type | None]]:
    found = _ENCODERS.get(cls)
    if found is None:
        found = _ENCODERS[cls] = {
            f.name: (_column_encoder(hint), _repeats(hint)) for f, hint in _fields(cls)
        }
    return found


_ISO_MICRO = methodcaller("isoformat", timespec="microseconds")
_ISO = methodcaller("isoformat")
_TZ = attrgetter("tzinfo")


def _memoized(values: Sequence[Any], enc: Encode, kind: type | None = None) -> list[Json]:
    """``enc`` of each value, computed once per distinct value (equal values, such as
    one instant in two time zones, encode alike; None stays None).

    Dates, and times already in UTC (what the vault and archives hold), are written
    with their own ``isoformat`` called from C: what ``enc`` gives, without a Python
    call per value.
    """
    distinct = list(set(values) - {None})
    if kind is datetime and set(map(_TZ, distinct)) <= {UTC}:
        table = dict(zip(distinct, map(_ISO_MICRO, distinct), strict=True))
    elif kind is date:
        table = dict(zip(distinct, map(_ISO, distinct), strict=True))
    else:
        table = {v: enc(v) for v in distinct}
    table[None] = None
    return list(map(table.__getitem__, values))


def encode_table(
    cls: type[Any],
    records: Sequence[Any],
    columns: Sequence[str],
    computed: Mapping[str, Sequence[Json]] | None = None,
) -> dict[str, Json]:
    """``records`` as a column table.

    Args:
        cls: the records' dataclass.
        records: the records, in the order they are written.
        columns: the column names: fields of ``cls`` or keys of ``computed``.
        computed: columns that are not fields (one JSON value per record).
    """
    given = computed or {}
    values = {
        name: given[name] if name in given else list(map(attrgetter(name), records))
        for name in columns
    }
    return encode_columns(cls, values, columns, written=given.keys())


def encode_columns(
    cls: type[Any],
    values: Mapping[str, Sequence[Any]],
    columns: Sequence[str],
    *,
    written: Collection[str] = (),
) -> dict[str, Json]:
    """A column table from each column's values (all of one length).

    Args:
        cls: the dataclass whose fields the columns are (how each value is encoded).
        values: column name → its values, one per row.
        columns: the column names, in the order they are written.
        written: columns already JSON-ready (those that are not fields of ``cls``, or
            whose values were encoded already).
    """
    encoders = _column_encoders(cls)
    out: list[Sequence[Json]] = []
    for name in columns:
        raw = values[name]
        if name in written:
            out.append(raw)
            continue
        enc, kind = encoders[name]
        if enc is None:
            out.append(raw)
        else:
            out.append(_memoized(raw, enc, kind) if kind is not None else list(map(enc, raw)))
    return {"columns": list(columns), "rows": list(map(list, zip(*out, strict=True)))}


def _checked(types_: frozenset[type[Any]], what: str) -> ColumnDecode:
    """Values whose exact type is one of ``types_`` (``type(v) is int``: a boolean is not
    an integer here), checked without a Python call per value."""

    def decode(values: Sequence[Json], where: Where) -> list[Any]:
        if set(map(type, values)) <= types_:
            return list(values)
        n = next(i for i, v in enumerate(values) if type(v) not in types_)
        raise bad(what, where(n))

    return decode


def _parsed(
    parse: Decode,
    optional: bool,
    fast: Callable[[str], Any] | None = None,
    accept: Callable[[list[Any]], bool] | None = None,
) -> ColumnDecode:
    """Text parsed into an immutable value, each distinct text once; equal texts share
    one parsed object.

    ``fast`` (a C parser such as ``datetime.fromisoformat``, the one ``parse`` uses)
    parses the distinct texts in one go, and ``accept`` applies ``parse``'s other rules
    to all the results at once; on any doubt ``parse`` runs text by text and names the
    bad row.
    """
    allowed = {str, type(None)} if optional else {str}

    def decode(values: Sequence[Json], where: Where) -> list[Any]:
        if not set(map(type, values)) <= allowed:
            n = next(i for i, v in enumerate(values) if type(v) not in allowed)
            parse(values[n], where(n))  # raises for a value that is not text
        seen: dict[str | None, Any] | None = None
        if fast is not None:
            texts = list(set(values) - {None})
            try:
                parsed = list(map(fast, texts))
            except ValueError:
                parsed = None  # the slow path says which row is wrong
            if parsed is not None and (accept is None or accept(parsed)):
                seen = dict(zip(texts, parsed, strict=True))
                seen[None] = None
        if seen is None:
            seen = {None: None}
            for n, v in enumerate(values):
                if v not in seen:
                    seen[v] = parse(v, where(n))
        return list(map(seen.__getitem__, values))

    return decode


def _aware(parsed: list[datetime]) -> bool:
    """What :func:`decode_datetime` requires: an offset on every value (fromisoformat
    gives a fixed-offset ``timezone``, whose ``utcoffset`` is never None, or no tzinfo)."""
    return None not in {p.tzinfo for p in parsed}


def _enum_column(enum: type[StrEnum], optional: bool) -> ColumnDecode:
    members_of: dict[Any, StrEnum | None] = {m.value: m for m in enum}
    if optional:
        members_of[None] = None
    allowed = {str, type(None)} if optional else {str}

    def decode(values: Sequence[Json], where: Where) -> list[Any]:
        # Type first: only then are the values hashable, for the set.
        if set(map(type, values)) <= allowed and set(values) <= members_of.keys():
            return list(map(members_of.__getitem__, values))
        for n, v in enumerate(values):
            if type(v) not in allowed or v not in members_of:
                raise bad(f"not a known {enum.__name__} value", where(n))
        raise AssertionError("unreachable: a value was refused above")  # pragma: no cover

    return decode


def _each(dec: Decode) -> ColumnDecode:
    def decode(values: Sequence[Json], where: Where) -> list[Any]:
        return [dec(v, where(n)) for n, v in enumerate(values)]

    return decode


_SIMPLE_TYPES: Final = {int: "an integer", str: "text", bool: "true or false"}


def _column_decoder(hint: Any) -> ColumnDecode:
    optional = False
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        (hint,) = (a for a in typing.get_args(hint) if a is not type(None))
        optional = True
    if hint in _SIMPLE_TYPES:
        kinds = frozenset({hint, type(None)} if optional else {hint})
        return _checked(kinds, f"expected {_SIMPLE_TYPES[hint]}")
    if hint is datetime:
        return _parsed(decode_datetime, optional, datetime.fromisoformat, _aware)
    if hint is date:
        return _parsed(_decode_date, optional, date.fromisoformat)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return _enum_column(hint, optional)
    dec = _decoder_for(hint)
    return _each(_optional(dec) if optional else dec)


def _column_decoders(cls: type[Any]) -> Mapping[str, ColumnDecode]:
    found = _DECODERS.get(cls)
    if found is None:
        found = _DECODERS[cls] = {f.name: _column_decoder(hint) for f, hint in _fields(cls)}
    return found


def decode_table(
    cls: type[Any],
    table: Json,
    path: str,
    columns: Sequence[str],
    computed: Mapping[str, ColumnDecode] | None = None,
) -> dict[str, list[Any]]:
    """A column table's values, checked column by column.

    Args:
        cls: the records' dataclass (how each field column is checked).
        table: the parsed JSON (untrusted).
        path: the table's JSON path, for errors.
        columns: the columns the table must have, in this order.
        computed: decoders of the columns that are not fields of ``cls``.

    Returns:
        Column name → its values, one per row.

    Raises:
        InvalidValue: code ``snapshot_malformed``, ``field`` = the JSON path.
    """
    if not isinstance(table, dict) or table.keys() != {"columns", "rows"}:
        raise bad("expected an object with columns and rows", path)
    if table["columns"] != list(columns):
        raise bad(f"expected the columns {list(columns)}", f"{path}.columns")
    rows = table["rows"]
    width = len(columns)
    if not isinstance(rows, list):
        raise bad("expected a list", f"{path}.rows")
    if not (set(map(type, rows)) <= {list} and set(map(len, rows)) <= {width}):
        n = next(i for i, r in enumerate(rows) if type(r) is not list or len(r) != width)
        raise bad(f"expected a list of {width} values", f"{path}.rows[{n}]")
    decoders = _column_decoders(cls)
    by_column = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    out: dict[str, list[Any]] = {}
    for name, values in zip(columns, by_column, strict=True):
        dec = computed[name] if computed is not None and name in computed else decoders[name]
        out[name] = dec(values, lambda n, name=name: f"{path}.rows[{n}].{name}")  # type: ignore[misc]
    return out


def build_records(cls: type[T], values: Mapping[str, list[Any]]) -> list[T]:
    """Records from checked column values (every field of ``cls`` must be given).

    Raises:
        InvalidValue: a model's own check refused the values.
    """
    build = _BUILDERS.get(cls)
    if build is None:
        build = _BUILDERS[cls] = builder(cls)
    try:
        return list(map(build, *(values[n] for n in field_names(cls))))
    except (TypeError, ValueError) as exc:
        raise bad(f"invalid record ({type(exc).__name__})", cls.__name__) from None


_new = object.__new__


def builder(cls: type[T]) -> Callable[..., T]:
    """A positional constructor for a frozen slots dataclass (fields in declaration order,
    inherited ones first), two to three times as fast as its keyword ``__init__``.

    Only for records whose values the caller has already checked: it runs no
    ``__post_init__`` and fills no defaults. Like :mod:`dataclasses` itself, it compiles
    the function from generated source: one slot assignment per field, no loop.
    """
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __post_init__: use the normal constructor")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    namespace: dict[str, Any] = {"new": _new, "cls": cls}
    lines = [f"def build({', '.join(f'v{n}' for n in range(len(fields)))}):", "    obj = new(cls)"]
    for n, f in enumerate(fields):
        namespace[f"set{n}"] = getattr(cls, f.name).__set__  # the slot's member descriptor
        lines.append(f"    set{n}(obj, v{n})")
    lines.append("    return obj")
    exec("\n".join(lines), namespace)  # noqa: S102 - source made of field positions only
    build: Callable[..., T] = namespace["build"]
    return build
