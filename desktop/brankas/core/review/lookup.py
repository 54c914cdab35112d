"""Lean account reads for brankas-cli: search, list and look up straight from SQL.

The GUI loads a whole :class:`~brankas.core.review.snapshot.Snapshot` once and searches
it as the user types (:class:`~brankas.core.review.search.SearchIndex`). A command-line
run answers one question and exits, so building that snapshot (30-field records for
every account) would be most of its cost. Here SQL does the work: the listing is
streamed from one cursor in batches of plain rows, and a search is a SQL pre-filter
that can only over-match, followed by the index's exact rule on the few candidates, so
that a search returns exactly what :meth:`SearchIndex.query` returns for the same text
and filters (tests compare the two).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from typing import Any, Final

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.review.labels import fold, platform_search_words, search_key
from brankas.core.storage.db import Connection

# What one listed account is, as a plain tuple (no record per row): these columns, in
# this order. ``holder`` is "office", the current holder's name, or "?" (unknown person).
LISTING_COLUMNS: Final = (
    "id",
    "platform",
    "handle",
    "kecamatan_id",
    "term_id",
    "status",
    "holder",
    "active_until",
    "needs_password_change",
)
ListedRow = tuple[int, str, str, int | None, int | None, str, str, str | None, bool]

BATCH: Final = 1000

_LISTING_SELECT: Final = (
    "SELECT a.id, a.platform, a.handle, a.kecamatan_id, a.term_id, a.status,"
    " CASE WHEN c.holder_person_id IS NULL THEN 'office' ELSE coalesce(p.name, '?') END,"
    " a.active_until, a.needs_password_change"
)
_HOLDER_JOIN: Final = (
    " FROM account a"
    " LEFT JOIN custody c ON c.account_id = a.id AND c.until_at IS NULL"
    " LEFT JOIN person p ON p.id = c.holder_person_id"
)
# The search also reads what its key is made of: handle, display name, URL, recovery
# e-mail, kecamatan name, platform and the holder's name (never a secret or a note).
_SEARCH_SELECT: Final = (
    f"{_LISTING_SELECT}, a.display_name, a.url, a.recovery_email, k.name,"
    " c.holder_person_id, p.name"
)
_SEARCH_FROM: Final = f"{_HOLDER_JOIN} LEFT JOIN kecamatan k ON k.id = a.kecamatan_id"
_TEXT_FIELDS: Final = (
    "a.handle",
    "a.display_name",
    "a.url",
    "a.recovery_email",
    "k.name",
    "p.name",
)
# A row whose text is not all ASCII is always a candidate: SQL's lower() folds ASCII
# only, while the index also folds accents and non-ASCII case. (Length in characters
# differs from length in bytes exactly when some character is not ASCII.)
_NOT_ASCII: Final = "length(CAST(({0}) AS BLOB)) <> length({0})".format(
    " || ".join(f"coalesce({f}, '')" for f in _TEXT_FIELDS)
)


def _listed(r: Sequence[Any]) -> ListedRow:
    until = r[7]
    if (
        until is not None and len(until) != 10
    ):  # stored as YYYY-MM-DD; anything else as a date would print
        until = date.fromisoformat(until).isoformat()
    return (r[0], r[1], r[2], r[3], r[4], r[5], r[6], until, bool(r[8]))


def _where(
    term_id: int | None,
    kecamatan_id: int | None,
    platform: Platform | None,
    status: AccountStatus | None,
    *,
    handed_on: bool,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if term_id is not None:
        if handed_on:
            # The index's (and the review's) terms of an account: its own, and the term
            # of every next-committee handover that lists it.
            where.append(
                "(a.term_id = ? OR a.id IN (SELECT i.account_id FROM handover_item i"
                " JOIN handover h ON h.id = i.handover_id"
                " WHERE h.kind = 'next_committee' AND h.term_id = ?))"
            )
            params += [term_id, term_id]
        else:
            where.append("a.term_id = ?")
            params.append(term_id)
    for column, value in (
        ("a.kecamatan_id", kecamatan_id),
        ("a.platform", None if platform is None else platform.value),
        ("a.status", None if status is None else status.value),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    return where, params


def list_rows(
    conn: Connection,
    *,
    term_id: int | None = None,
    kecamatan_id: int | None = None,
    platform: Platform | None = None,
    status: AccountStatus | None = None,
    batch: int = BATCH,
) -> Iterator[list[ListedRow]]:
    """Every account (optionally filtered) in id order, in batches, never a secret.

    The filters are those of ``accounts.list_accounts``: the account's own term,
    kecamatan, platform and status.

    Args:
        conn: an open vault connection.
        term_id: only accounts whose own term is this.
        kecamatan_id: only this kecamatan's accounts.
        platform: only this platform.
        status: only this status.
        batch: rows per batch.

    Yields:
        Lists of at most ``batch`` rows (:data:`LISTING_COLUMNS`).
    """
    where, params = _where(term_id, kecamatan_id, platform, status, handed_on=False)
    sql = _LISTING_SELECT + _HOLDER_JOIN
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = iter(conn.execute(sql + " ORDER BY a.id", params))
    while chunk := [_listed(r) for r in islice(rows, batch)]:
        yield chunk


def search_rows(
    conn: Connection,
    text: str,
    *,
    term_id: int | None = None,
    kecamatan_id: int | None = None,
    platform: Platform | None = None,
    status: AccountStatus | None = None,
) -> list[ListedRow]:
    """The accounts :meth:`SearchIndex.query` would find, as listing rows.

    Every word of ``text`` must occur (ignoring case and accents) inside one of the
    account's handle, display name, kecamatan name, platform (value, Indonesian and
    English name), current holder's name, URL or recovery e-mail.

    Args:
        conn: an open vault connection.
        text: what the user typed (words separated by spaces; empty: every account).
        term_id: only accounts of this term (own term, or handed on to it).
        kecamatan_id: only this kecamatan's accounts.
        platform: only this platform.
        status: only this status.

    Returns:
        Rows (:data:`LISTING_COLUMNS`) in ascending id order.
    """
    words = fold(text).split()
    where, params = _where(term_id, kecamatan_id, platform, status, handed_on=True)
    platform_words = platform_search_words()
    for word in words:
        # Exact for ASCII text: the index folds it with str.lower(), as SQL's lower() does.
        alternatives = [f"instr(lower({f}), ?) > 0" for f in _TEXT_FIELDS]
        params += [word] * len(_TEXT_FIELDS)
        named = [p for p, w in platform_words.items() if word in w]
        if named:
            alternatives.append(f"a.platform IN ({', '.join('?' * len(named))})")
            params += named
        alternatives.append(_NOT_ASCII)
        where.append("(" + " OR ".join(alternatives) + ")")
    sql = _SEARCH_SELECT + _SEARCH_FROM
    if where:
        sql += " WHERE " + " AND ".join(where)
    found: list[ListedRow] = []
    for r in conn.execute(sql + " ORDER BY a.id", params):
        if words:
            key = search_key(
                fold(r[2]),  # handle
                fold(r[9]),  # display name
                fold(r[12]) if r[12] is not None else "",  # kecamatan name
                platform_words.get(r[1], ""),
                fold(r[14]) if r[13] is not None and r[14] is not None else "",  # holder
                fold(r[10]),  # url
                fold(r[11]),  # recovery e-mail
            )
            if not all(w in key for w in words):
                continue
        found.append(_listed(r))
    return found


def search_ids(conn: Connection, text: str, **filters: Any) -> list[int]:
    """Like :func:`search_rows`, the ids only (what ``SearchIndex.query`` returns)."""
    return [r[0] for r in search_rows(conn, text, **filters)]


def rows_for(conn: Connection, ids: Iterable[int]) -> list[ListedRow]:
    """Listing rows of the given accounts (missing ids are left out), in id order."""
    wanted = sorted(set(ids))
    out: list[ListedRow] = []
    for start in range(0, len(wanted), 500):  # far below any build's parameter limit
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        sql = f"{_LISTING_SELECT}{_HOLDER_JOIN} WHERE a.id IN ({marks}) ORDER BY a.id"
        out.extend(_listed(r) for r in conn.execute(sql, chunk))
    return out
