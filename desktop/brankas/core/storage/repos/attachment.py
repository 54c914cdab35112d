"""Attachments: scanned signed BAST, SK decrees; bytes kept in the (encrypted) vault."""

from __future__ import annotations

import dataclasses
import hashlib

from brankas.core.domain.models import Attachment
from brankas.core.storage.db import Connection
from brankas.core.storage.repos._convert import dt_in_req, dt_out
from brankas.core.storage.repos._table import Row, delete, fetch_one, insert, select_sql

_COLS = (
    "owner_kind",
    "owner_id",
    "filename",
    "mime",
    "sha256",
    "size",
    "added_at",
    "added_by_operator_id",
)
_SELECT = select_sql("attachment", _COLS)  # never the data column: listing stays cheap


def _attachment(r: Row) -> Attachment:
    return Attachment(
        id=r[0],
        owner_kind=r[1],
        owner_id=r[2],
        filename=r[3],
        mime=r[4],
        sha256=r[5],
        size=r[6],
        added_at=dt_in_req(r[7]),
        added_by_operator_id=r[8],
    )


def add_attachment(conn: Connection, attachment: Attachment, data: bytes) -> Attachment:
    """Store a file; ``sha256`` and ``size`` are computed from ``data``.

    Returns:
        The attachment with its id, hash and size.
    """
    stored = dataclasses.replace(
        attachment, sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
    row = (
        stored.owner_kind,
        stored.owner_id,
        stored.filename,
        stored.mime,
        stored.sha256,
        stored.size,
        dt_out(stored.added_at),
        stored.added_by_operator_id,
        data,
    )
    return dataclasses.replace(stored, id=insert(conn, "attachment", (*_COLS, "data"), row))


def get_attachment(conn: Connection, attachment_id: int) -> Attachment:
    """An attachment's description.

    Raises:
        NotFound: no such attachment.
    """
    sql = f"{_SELECT} WHERE id = ?"
    return _attachment(fetch_one(conn, sql, (attachment_id,), "attachment"))


def read_attachment_data(conn: Connection, attachment_id: int) -> bytes:
    """An attachment's bytes.

    Raises:
        NotFound: no such attachment.
    """
    sql = "SELECT data FROM attachment WHERE id = ?"
    return bytes(fetch_one(conn, sql, (attachment_id,), "attachment")[0])


def list_attachments(
    conn: Connection, owner_kind: str | None = None, owner_id: int | None = None
) -> list[Attachment]:
    """Attachment descriptions, of one owner when given, in the order added."""
    if owner_kind is None:
        return [_attachment(r) for r in conn.execute(f"{_SELECT} ORDER BY id")]
    sql = f"{_SELECT} WHERE owner_kind = ? AND (? IS NULL OR owner_id = ?) ORDER BY id"
    return [_attachment(r) for r in conn.execute(sql, (owner_kind, owner_id, owner_id))]


def delete_attachment(conn: Connection, attachment_id: int) -> None:
    """Delete an attachment.

    Raises:
        NotFound: no such attachment.
    """
    delete(conn, "attachment", "id", attachment_id)
