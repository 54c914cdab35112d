"""Small SQL helpers shared by the repositories (table and column names are constants)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brankas.core.errors import NotFound
from brankas.core.storage.db import Connection, transaction

Row = tuple[Any, ...]


def select_sql(table: str, columns: Sequence[str], key: str = "id") -> str:
    """``SELECT key, columns… FROM table`` (callers append WHERE/ORDER BY)."""
    return f"SELECT {', '.join((key, *columns))} FROM {table}"  # noqa: S608


def insert(conn: Connection, table: str, columns: Sequence[str], values: Row) -> int:
    """Insert one row and return its rowid (as one atomic step)."""
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
    with transaction(conn):
        rowid = conn.execute(sql, values).lastrowid
    assert rowid is not None
    return int(rowid)


def insert_many(conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
    """Insert many rows with one prepared statement (caller supplies the transaction)."""
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
    conn.executemany(sql, rows)


def update(
    conn: Connection, table: str, columns: Sequence[str], values: Row, key: str, key_value: object
) -> None:
    """Update one row by key.

    Raises:
        NotFound: no row has that key.
    """
    sets = ", ".join(f"{c} = ?" for c in columns)
    sql = f"UPDATE {table} SET {sets} WHERE {key} = ?"  # noqa: S608
    with transaction(conn):
        count = conn.execute(sql, (*values, key_value)).rowcount
    if count == 0:
        raise NotFound(f"no {table} with {key} {key_value}")


def delete(conn: Connection, table: str, key: str, key_value: object) -> None:
    """Delete one row by key.

    Raises:
        NotFound: no row has that key.
        Conflict: other rows still refer to it (history is kept, ON DELETE RESTRICT).
    """
    with transaction(conn):
        count = conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (key_value,)).rowcount  # noqa: S608
    if count == 0:
        raise NotFound(f"no {table} with {key} {key_value}")


def fetch_one(conn: Connection, sql: str, params: Row, what: str) -> Row:
    """The single row a query returns.

    Raises:
        NotFound: the query returned nothing; ``what`` names the record in the message.
    """
    row = conn.execute(sql, params).fetchone()
    if row is None:
        raise NotFound(f"no {what}")
    return tuple(row)
