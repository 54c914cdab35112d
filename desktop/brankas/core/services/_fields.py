"""Input checks shared by the part-A services: free text, enums, dates, ids, "unchanged"."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum, StrEnum
from typing import Final, TypeVar

from brankas.core.domain.calendar import WIB
from brankas.core.errors import InvalidValue
from brankas.core.storage.db import Connection

E = TypeVar("E", bound=StrEnum)


class Unset(Enum):
    """The type of :data:`UNSET`: "leave this field as it is" in update functions."""

    UNSET = 0

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET

# Generic codes: the GUI puts the translated sentence next to the widget named by ``field``.
CODE_EMPTY: Final = "value_empty"
CODE_TOO_LONG: Final = "value_too_long"
CODE_CONTROL: Final = "value_control_char"
CODE_ENUM: Final = "value_not_allowed"
CODE_DATE: Final = "date_invalid"
CODE_NAIVE: Final = "datetime_naive"


def text(value: str, field: str, *, max_len: int = 200, required: bool = False) -> str:
    """Trim a one-line text field and check it.

    Raises:
        InvalidValue: ``value_empty`` (when required), ``value_too_long`` or
            ``value_control_char``.
    """
    if not isinstance(value, str):
        raise InvalidValue(f"{field} must be text", field=field, code=CODE_ENUM)
    out = " ".join(value.split())  # also collapses inner runs of spaces
    if required and not out:
        raise InvalidValue(f"{field} is empty", field=field, code=CODE_EMPTY)
    if len(out) > max_len:
        raise InvalidValue(
            f"{field} is longer than {max_len} characters", field=field, code=CODE_TOO_LONG
        )
    if not out.isprintable():
        raise InvalidValue(f"{field} has a control character", field=field, code=CODE_CONTROL)
    return out


def enum_value(enum: type[E], value: object, field: str) -> E:
    """A member of ``enum`` from a member or its stored value.

    Raises:
        InvalidValue: code ``value_not_allowed``.
    """
    if isinstance(value, enum):
        return value
    try:
        return enum(str(value))
    except ValueError:
        raise InvalidValue(
            f"{field} is not one of the allowed values", field=field, code=CODE_ENUM
        ) from None


def a_date(value: object, field: str) -> date:
    """Check a calendar date (a datetime is refused: it would carry a time of day).

    Raises:
        InvalidValue: code ``date_invalid``.
    """
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidValue(f"{field} is not a date", field=field, code=CODE_DATE)
    return value


def opt_date(value: object, field: str) -> date | None:
    """Like :func:`a_date`, allowing None."""
    return None if value is None else a_date(value, field)


def instant(value: datetime | date, field: str) -> datetime:
    """An aware datetime; a bare date means the start of that day in WIB.

    Raises:
        InvalidValue: ``datetime_naive`` or ``date_invalid``.
    """
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidValue(f"{field} has no time zone", field=field, code=CODE_NAIVE)
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=WIB)
    raise InvalidValue(f"{field} is not a date", field=field, code=CODE_DATE)


def wib_date(moment: datetime) -> date:
    """The calendar day of an aware instant, as the office counts days."""
    return moment.astimezone(WIB).date()


def exists(conn: Connection, table: str, row_id: int, field: str, code: str) -> None:
    """Check that a referenced row exists (``table`` is a constant of the caller).

    Raises:
        InvalidValue: ``field`` and ``code`` as given (e.g. ``kecamatan_not_found``).
    """
    if not isinstance(row_id, int) or isinstance(row_id, bool):
        raise InvalidValue(f"{field} is not an id", field=field, code=code)
    row = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone()  # noqa: S608
    if row is None:
        raise InvalidValue(f"no {table} with id {row_id}", field=field, code=code)


def target(kind: str, row_id: int) -> str:
    """An audit target such as ``"account:7"``."""
    return f"{kind}:{row_id}"
