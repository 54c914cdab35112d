"""Type-directed JSON encoding and strict decoding of the frozen domain dataclasses."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

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
    return value.astimezone(UTC).isoformat(timespec="microseconds")


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
