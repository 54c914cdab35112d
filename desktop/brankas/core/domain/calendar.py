"""The office calendar: one time zone for every "which day was it" question in Brankas.

Bawaslu's national schedule (term ends, deadlines) is set in WIB (UTC+7), so core judges
calendar days in WIB everywhere: the write side (transition guards, handover dates) and
the read side (review rules, term-end status) must never disagree about a day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Final

WIB: Final = timezone(timedelta(hours=7), "WIB")


def day_start(day: date) -> datetime:
    """00:00 WIB on ``day``."""
    return datetime.combine(day, time(0), WIB)


def local_date(moment: datetime) -> date:
    """The WIB calendar day of an aware datetime."""
    return moment.astimezone(WIB).date()
