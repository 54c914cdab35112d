"""Terms (masa tugas) and the kecamatan each covers, with per-kecamatan end dates."""

from __future__ import annotations

import dataclasses

from brankas.core.domain.enums import Election
from brankas.core.domain.models import Term, TermKecamatanEnd
from brankas.core.errors import NotFound
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos._convert import d_in, d_in_req, d_out, enum_in
from brankas.core.storage.repos._table import Row, delete, fetch_one, insert, select_sql, update

_TERM = ("name", "election", "year", "sk_number", "sk_date", "start_date", "end_date")
_TERM_SELECT = select_sql("term", _TERM)


def _term_row(t: Term) -> Row:
    return (
        t.name,
        t.election.value,
        t.year,
        t.sk_number,
        d_out(t.sk_date),
        d_out(t.start_date),
        d_out(t.end_date),
    )


def _term(r: Row) -> Term:
    return Term(
        id=r[0],
        name=r[1],
        election=enum_in(Election, r[2]),
        year=r[3],
        sk_number=r[4],
        sk_date=d_in(r[5]),
        start_date=d_in_req(r[6]),
        end_date=d_in_req(r[7]),
    )


def add_term(conn: Connection, term: Term) -> Term:
    """Store a new term; returns it with its id.

    Raises:
        Conflict: the end date is before the start date.
    """
    return dataclasses.replace(term, id=insert(conn, "term", _TERM, _term_row(term)))


def get_term(conn: Connection, term_id: int) -> Term:
    """The term with that id.

    Raises:
        NotFound: no such term.
    """
    return _term(fetch_one(conn, f"{_TERM_SELECT} WHERE id = ?", (term_id,), "term"))


def list_terms(conn: Connection) -> list[Term]:
    """All terms, newest start first."""
    return [_term(r) for r in conn.execute(f"{_TERM_SELECT} ORDER BY start_date DESC, id DESC")]


def update_term(conn: Connection, term: Term) -> None:
    """Save a term's fields.

    Raises:
        NotFound: no term has that id.
    """
    update(conn, "term", _TERM, _term_row(term), "id", term.id)


def delete_term(conn: Connection, term_id: int) -> None:
    """Delete a term nothing refers to (its kecamatan links go with it).

    Raises:
        NotFound: no such term.
        Conflict: accounts, people or handovers refer to it.
    """
    delete(conn, "term", "id", term_id)


def set_term_kecamatan(conn: Connection, entry: TermKecamatanEnd) -> None:
    """Add a kecamatan to a term, or change its end date override and note."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO term_kecamatan (term_id, kecamatan_id, end_date, note) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (term_id, kecamatan_id) DO UPDATE"
            " SET end_date = excluded.end_date, note = excluded.note",
            (entry.term_id, entry.kecamatan_id, d_out(entry.end_date), entry.note),
        )


def remove_term_kecamatan(conn: Connection, term_id: int, kecamatan_id: int) -> None:
    """Take a kecamatan out of a term.

    Raises:
        NotFound: the kecamatan was not in the term.
    """
    with transaction(conn):
        count = conn.execute(
            "DELETE FROM term_kecamatan WHERE term_id = ? AND kecamatan_id = ?",
            (term_id, kecamatan_id),
        ).rowcount
    if count == 0:
        raise NotFound(f"kecamatan {kecamatan_id} is not in term {term_id}")


def list_term_kecamatan(conn: Connection, term_id: int | None = None) -> list[TermKecamatanEnd]:
    """The kecamatan of one term (or of every term), by term then kecamatan id."""
    sql = "SELECT term_id, kecamatan_id, end_date, note FROM term_kecamatan"
    params: tuple[object, ...] = ()
    if term_id is not None:
        sql += " WHERE term_id = ?"
        params = (term_id,)
    return [
        TermKecamatanEnd(term_id=r[0], kecamatan_id=r[1], end_date=d_in(r[2]), note=r[3])
        for r in conn.execute(f"{sql} ORDER BY term_id, kecamatan_id", params)
    ]
