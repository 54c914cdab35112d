"""People: committee members, secretariat staff, regency officials."""

from __future__ import annotations

import dataclasses

from brankas.core.domain.enums import PersonRole
from brankas.core.domain.models import Person
from brankas.core.storage.db import Connection
from brankas.core.storage.repos._convert import enum_in
from brankas.core.storage.repos._table import Row, delete, fetch_one, insert, select_sql, update

_COLS = (
    "name",
    "role",
    "kecamatan_id",
    "term_id",
    "position",
    "phone",
    "email",
    "nip",
    "nik",
    "institution",
)
_SELECT = select_sql("person", _COLS)


def _row(p: Person) -> Row:
    return (
        p.name,
        p.role.value,
        p.kecamatan_id,
        p.term_id,
        p.position,
        p.phone,
        p.email,
        p.nip,
        p.nik,
        p.institution,
    )


def _person(r: Row) -> Person:
    return Person(
        id=r[0],
        name=r[1],
        role=enum_in(PersonRole, r[2]),
        kecamatan_id=r[3],
        term_id=r[4],
        position=r[5],
        phone=r[6],
        email=r[7],
        nip=r[8],
        nik=r[9],
        institution=r[10],
    )


def add_person(conn: Connection, person: Person) -> Person:
    """Store a new person; returns them with their id."""
    return dataclasses.replace(person, id=insert(conn, "person", _COLS, _row(person)))


def get_person(conn: Connection, person_id: int) -> Person:
    """The person with that id.

    Raises:
        NotFound: no such person.
    """
    return _person(fetch_one(conn, f"{_SELECT} WHERE id = ?", (person_id,), "person"))


def list_people(
    conn: Connection,
    *,
    kecamatan_id: int | None = None,
    term_id: int | None = None,
    role: PersonRole | None = None,
) -> list[Person]:
    """People ordered by name, optionally filtered by kecamatan, term and role."""
    where: list[str] = []
    params: list[object] = []
    for column, value in (
        ("kecamatan_id", kecamatan_id),
        ("term_id", term_id),
        ("role", role.value if role is not None else None),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = _SELECT + (f" WHERE {' AND '.join(where)}" if where else "")
    return [_person(r) for r in conn.execute(f"{sql} ORDER BY name, id", params)]


def update_person(conn: Connection, person: Person) -> None:
    """Save a person's fields.

    Raises:
        NotFound: no person has that id.
    """
    update(conn, "person", _COLS, _row(person), "id", person.id)


def delete_person(conn: Connection, person_id: int) -> None:
    """Delete a person who appears in no history.

    Raises:
        NotFound: no such person.
        Conflict: custody, handovers or accounts refer to them.
    """
    delete(conn, "person", "id", person_id)
