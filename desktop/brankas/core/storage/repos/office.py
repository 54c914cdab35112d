"""Office and kecamatan records."""

from __future__ import annotations

import dataclasses

from brankas.core.domain.enums import OfficeKind
from brankas.core.domain.models import Kecamatan, Office
from brankas.core.storage.db import Connection
from brankas.core.storage.repos._convert import d_in, d_out, enum_in
from brankas.core.storage.repos._table import Row, delete, fetch_one, insert, select_sql, update

_OFFICE = (
    "kind",
    "name",
    "code",
    "province",
    "region_code",
    "address",
    "city",
    "head_name",
    "head_nip",
    "secretariat_name",
    "secretariat_nip",
    "language",
)
_OFFICE_SELECT = select_sql("office", _OFFICE)
_KEC = ("office_id", "name", "code", "retired_at")
_KEC_SELECT = select_sql("kecamatan", _KEC)


def _office_row(o: Office) -> Row:
    return (
        o.kind.value,
        o.name,
        o.code,
        o.province,
        o.region_code,
        o.address,
        o.city,
        o.head_name,
        o.head_nip,
        o.secretariat_name,
        o.secretariat_nip,
        o.language,
    )


def _office(r: Row) -> Office:
    return Office(
        id=r[0],
        kind=enum_in(OfficeKind, r[1]),
        name=r[2],
        code=r[3],
        province=r[4],
        region_code=r[5],
        address=r[6],
        city=r[7],
        head_name=r[8],
        head_nip=r[9],
        secretariat_name=r[10],
        secretariat_nip=r[11],
        language=r[12],
    )


def add_office(conn: Connection, office: Office) -> Office:
    """Store a new office; returns it with its id."""
    return dataclasses.replace(office, id=insert(conn, "office", _OFFICE, _office_row(office)))


def get_office(conn: Connection, office_id: int) -> Office:
    """The office with that id.

    Raises:
        NotFound: no such office.
    """
    return _office(fetch_one(conn, f"{_OFFICE_SELECT} WHERE id = ?", (office_id,), "office"))


def own_office(conn: Connection) -> Office:
    """The vault's owner: the first office stored.

    Raises:
        NotFound: the vault has no office yet.
    """
    return _office(fetch_one(conn, f"{_OFFICE_SELECT} ORDER BY id LIMIT 1", (), "office"))


def list_offices(conn: Connection) -> list[Office]:
    """All offices, in id order."""
    return [_office(r) for r in conn.execute(f"{_OFFICE_SELECT} ORDER BY id")]


def update_office(conn: Connection, office: Office) -> None:
    """Save an office's fields.

    Raises:
        NotFound: no office has that id.
    """
    update(conn, "office", _OFFICE, _office_row(office), "id", office.id)


def _kec_row(k: Kecamatan) -> Row:
    return (k.office_id, k.name, k.code, d_out(k.retired_at))


def _kec(r: Row) -> Kecamatan:
    return Kecamatan(id=r[0], office_id=r[1], name=r[2], code=r[3], retired_at=d_in(r[4]))


def add_kecamatan(conn: Connection, kecamatan: Kecamatan) -> Kecamatan:
    """Store a new kecamatan; returns it with its id.

    Raises:
        Conflict: the office already has a kecamatan of that name (case-insensitive).
    """
    new_id = insert(conn, "kecamatan", _KEC, _kec_row(kecamatan))
    return dataclasses.replace(kecamatan, id=new_id)


def get_kecamatan(conn: Connection, kecamatan_id: int) -> Kecamatan:
    """The kecamatan with that id.

    Raises:
        NotFound: no such kecamatan.
    """
    row = fetch_one(conn, f"{_KEC_SELECT} WHERE id = ?", (kecamatan_id,), "kecamatan")
    return _kec(row)


def list_kecamatan(
    conn: Connection, *, office_id: int | None = None, include_retired: bool = True
) -> list[Kecamatan]:
    """Kecamatan ordered by name, optionally of one office and without retired ones."""
    where: list[str] = []
    params: list[object] = []
    if office_id is not None:
        where.append("office_id = ?")
        params.append(office_id)
    if not include_retired:
        where.append("retired_at IS NULL")
    sql = _KEC_SELECT + (f" WHERE {' AND '.join(where)}" if where else "")
    return [_kec(r) for r in conn.execute(f"{sql} ORDER BY name, id", params)]


def update_kecamatan(conn: Connection, kecamatan: Kecamatan) -> None:
    """Save a kecamatan's fields (retire it by setting ``retired_at``).

    Raises:
        NotFound: no kecamatan has that id.
        Conflict: the new name is already used in the office.
    """
    update(conn, "kecamatan", _KEC, _kec_row(kecamatan), "id", kecamatan.id)


def delete_kecamatan(conn: Connection, kecamatan_id: int) -> None:
    """Delete a kecamatan that has no history (otherwise retire it).

    Raises:
        NotFound: no such kecamatan.
        Conflict: accounts, people or terms refer to it.
    """
    delete(conn, "kecamatan", "id", kecamatan_id)
