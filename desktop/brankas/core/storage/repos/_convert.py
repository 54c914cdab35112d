"""Conversions between domain values and their stored SQLite form."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from brankas.core.secret import Secret

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


def dt_out(value: datetime | None) -> str | None:
    """A timezone-aware datetime as fixed-width ISO-8601 text in UTC.

    UTC with microseconds always, so that text order equals time order in SQL.

    Raises:
        ValueError: the datetime is naive (its instant would be ambiguous).
    """
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime: pass a timezone-aware value")
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def dt_in(text: str | None) -> datetime | None:
    """Stored ISO-8601 text back to an aware datetime."""
    return None if text is None else datetime.fromisoformat(text)


def dt_in_req(text: str) -> datetime:
    """Like :func:`dt_in` for a NOT NULL column."""
    return datetime.fromisoformat(text)


def d_out(value: date | None) -> str | None:
    """A calendar date as 'YYYY-MM-DD'.

    Raises:
        TypeError: a datetime was given where a date belongs.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        raise TypeError("a datetime was given where a date belongs")
    return value.isoformat()


# Thousands of accounts share a handful of term dates: parse each text once (dates are
# immutable, so sharing them is safe; the bound keeps memory flat).
_DATES: dict[str, date] = {}
_DATES_MAX = 10_000


def d_in(text: str | None) -> date | None:
    """Stored 'YYYY-MM-DD' back to a date."""
    if text is None:
        return None
    value = _DATES.get(text)
    if value is None:
        value = date.fromisoformat(text)
        if len(_DATES) < _DATES_MAX:
            _DATES[text] = value
    return value


def d_in_req(text: str) -> date:
    """Like :func:`d_in` for a NOT NULL column."""
    value = d_in(text)
    assert value is not None
    return value


@cache
def _members(enum: type[StrEnum]) -> dict[str, StrEnum]:
    return {m.value: m for m in enum}


def members(enum: type[E]) -> dict[str, E]:
    """Stored value -> member, for hot loops: ``m.get(v) or enum_in(enum, v)``."""
    return _members(enum)  # type: ignore[return-value]


def enum_in(enum: type[E], text: str) -> E:
    """A stored enum value back to its member (a dict look-up: fast for 50,000 rows).

    Raises:
        ValueError: the stored value is not a member (vault written by a newer app?).
    """
    member = _members(enum).get(text)
    if member is None:
        raise ValueError(f"unknown {enum.__name__} value in the vault: {text!r}")
    return member  # type: ignore[return-value]


def secret_out(value: Secret | None) -> str | None:
    """A secret as stored text (NULL when absent)."""
    return None if value is None else value.reveal()


def secret_in(text: str | None) -> Secret | None:
    """Stored text back to a Secret."""
    return None if text is None else Secret(text)


def fast_builder(cls: type[T], names: tuple[str, ...]) -> Callable[..., T]:
    """A constructor taking every field positionally, for rows read back from the vault.

    A frozen dataclass's ``__init__`` goes through ``object.__setattr__`` per field; at
    50,000 accounts that is most of the listing time. This sets the slots directly
    (about twice as fast). ``names`` must be the class's fields in order: checked here,
    so a field added to the class without its column fails at import, not silently.

    Raises:
        TypeError: ``names`` is not the field list, or the class needs ``__post_init__``.
    """
    fields = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    if fields != names:
        raise TypeError(f"{cls.__name__} fields {fields} do not match columns {names}")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __post_init__: use the normal constructor")
    setters = tuple(cls.__dict__[n].__set__ for n in names)  # slot member descriptors
    new = object.__new__

    def build(*values: Any) -> T:
        obj = new(cls)
        for set_, value in zip(setters, values, strict=True):
            set_(obj, value)
        return obj

    return build
