"""Indonesian spelled-out numbers ("terbilang") and dates, as written in a BAST."""

from __future__ import annotations

from datetime import date
from typing import Final

_UNITS: Final = (
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)
# Scale words for each group of three digits, lowest first. "Miliar" and "triliun" are the
# KBBI spellings used in official documents (not "milyar"/"trilyun").
_SCALES: Final = ("", "ribu", "juta", "miliar", "triliun")
_LIMIT: Final = 1000 ** len(_SCALES)

_DAYS: Final = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS: Final = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def _below_hundred(n: int) -> list[str]:
    if n == 0:
        return []
    if n < 10:
        return [_UNITS[n]]
    if n == 10:
        return ["sepuluh"]
    if n == 11:
        return ["sebelas"]
    if n < 20:
        return [_UNITS[n - 10], "belas"]
    tens, unit = divmod(n, 10)
    return [_UNITS[tens], "puluh", *_below_hundred(unit)]


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        head: list[str] = []
    elif hundreds == 1:
        head = ["seratus"]
    else:
        head = [_UNITS[hundreds], "ratus"]
    return head + _below_hundred(rest)


def terbilang(n: int) -> str:
    """Spell an integer in Indonesian, lower case, words separated by single spaces.

    Args:
        n: the number; negative numbers get a leading "minus".

    Returns:
        e.g. ``"nol"``, ``"sebelas"``, ``"seratus satu"``, ``"seribu"``,
        ``"dua ribu dua puluh lima"``, ``"satu juta"``.

    Raises:
        ValueError: when ``abs(n)`` is a quadrillion (10**15) or more.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("terbilang() needs an int")
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    if n >= _LIMIT:
        raise ValueError("number too large to spell (limit: below 10**15)")
    words: list[str] = []
    for power in range(len(_SCALES) - 1, -1, -1):
        group = (n // 1000**power) % 1000
        if group == 0:
            continue
        if power == 1 and group == 1:
            # 1000 is "seribu", but 1,000,000 is "satu juta": only "ribu" takes the "se-" form.
            words.append("seribu")
            continue
        words.extend(_below_thousand(group))
        if _SCALES[power]:
            words.append(_SCALES[power])
    return " ".join(words)


def day_name_id(d: date) -> str:
    """Return the Indonesian day name ("Senin" … "Minggu") of a date.

    Args:
        d: the date.

    Returns:
        The capitalised day name.
    """
    return _DAYS[d.weekday()]


def month_name_id(month: int) -> str:
    """Return the Indonesian month name ("Januari" … "Desember").

    Args:
        month: 1-12.

    Returns:
        The capitalised month name.

    Raises:
        ValueError: when ``month`` is not 1-12.
    """
    if isinstance(month, bool) or not 1 <= month <= 12:
        raise ValueError("month must be 1-12")
    return _MONTHS[month - 1]


def format_date_id(d: date) -> str:
    """Format a date the Indonesian way, e.g. ``"Senin, 27 Januari 2025"``.

    Args:
        d: the date.

    Returns:
        Day name, day of month, month name and year.
    """
    return f"{day_name_id(d)}, {d.day} {month_name_id(d.month)} {d.year}"


def spell_date_id(d: date) -> str:
    """Spell a date as a BAST opening does.

    Args:
        d: the date.

    Returns:
        e.g. ``"Senin tanggal dua puluh tujuh bulan Januari tahun dua ribu dua puluh lima"``.
    """
    return (
        f"{day_name_id(d)} tanggal {terbilang(d.day)} bulan {month_name_id(d.month)}"
        f" tahun {terbilang(d.year)}"
    )
