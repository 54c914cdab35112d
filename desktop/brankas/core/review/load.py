"""Build a review :class:`Snapshot` from an open vault in a handful of set-based queries."""

from __future__ import annotations

import logging
import time
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from types import MappingProxyType
from typing import Any

from brankas.core.domain.enums import HandoverKind
from brankas.core.domain.models import (
    Account,
    Attachment,
    Custody,
    Handover,
    HandoverItem,
    Office,
    Person,
)
from brankas.core.errors import NotFound
from brankas.core.review import _rows
from brankas.core.review._memory import many_objects
from brankas.core.review.snapshot import Snapshot, freeze
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import attachment, office, person, term
from brankas.core.storage.repos._convert import d_in_req, enum_in, members

# The account repository's row reader is its listing hot path (positional builder, enum
# tables); reusing it keeps one definition of how an account row maps to a record.
from brankas.core.storage.repos.account import ACCOUNT_SELECT as _ACCOUNT_SELECT
from brankas.core.storage.repos.account import account_from_row as _account_from_row

log = logging.getLogger(__name__)

_iso = datetime.fromisoformat
_KINDS = members(HandoverKind)


@contextmanager
def _read(conn: Connection) -> Iterator[None]:
    """One read transaction, so every query sees the same state of the vault."""
    if conn.in_transaction:  # the caller's transaction already gives that
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _own_office(conn: Connection) -> Office | None:
    try:
        return office.own_office(conn)
    except NotFound:
        return None


class _Scope:
    """The SQL that restricts per-account tables to the accounts being loaded."""

    def __init__(self, term_ids: Collection[int] | None) -> None:
        self.term_ids = None if term_ids is None else sorted(set(term_ids))
        if self.term_ids is None:
            self.accounts_sql = ""
            self.params: tuple[int, ...] = ()
            return
        marks = ", ".join("?" * len(self.term_ids))
        # An account belongs to the selection if its own term is selected, or if a handover
        # of a selected term lists it (a permanent account handed to the next committee).
        self.accounts_sql = (
            f"SELECT id FROM account WHERE term_id IN ({marks})"  # noqa: S608
            " UNION SELECT i.account_id FROM handover_item i"
            f" JOIN handover h ON h.id = i.handover_id WHERE h.term_id IN ({marks})"
        )
        self.params = (*self.term_ids, *self.term_ids)

    def rows(self, conn: Connection, select: str, column: str) -> Any:
        """``select`` restricted to the loaded accounts by ``column`` (no ORDER BY: an
        index-ordered scan would visit the table in random order, several times slower).

        ``select`` is constant SQL; values travel as parameters.
        """
        if not self.accounts_sql:
            return conn.execute(select)
        # "+column": no index for the IN either. SQLite would otherwise look each account
        # up in the column's index, visiting the table in random order (at 50,000
        # accounts, checklist items 0.52 s instead of 0.33 s); a scan that tests each row
        # against the (small, in-memory) account list reads the pages in order.
        return conn.execute(f"{select} WHERE +{column} IN ({self.accounts_sql})", self.params)


def _accounts(conn: Connection, scope: _Scope) -> Mapping[int, Account]:
    return freeze({r[0]: _account_from_row(r) for r in scope.rows(conn, _ACCOUNT_SELECT, "id")})


def _secrets_on_record(conn: Connection, scope: _Scope) -> tuple[frozenset[int], frozenset[int]]:
    # The comparison happens in SQL: no secret value ever reaches Python.
    select = (
        "SELECT account_id, coalesce(password, '') <> '', coalesce(totp_secret, '') <> ''"
        " FROM account_secret"
    )
    passwords: list[int] = []
    totps: list[int] = []
    for aid, has_password, has_totp in scope.rows(conn, select, "account_id"):
        if has_password:
            passwords.append(aid)
        if has_totp:
            totps.append(aid)
    return frozenset(passwords), frozenset(totps)


_TEXT_SELECT = "SELECT id, text_id, text_en FROM checklist_text"
_HANDOVER_SELECT = (
    "SELECT id, number, kind, date, place, term_id, first_party_person_id,"
    " second_party_person_id, mengetahui_person_id, notes, created_at,"
    " created_by_operator_id FROM handover"
)


def _handovers(conn: Connection) -> list[Handover]:
    items = _rows.handover_item_groups(
        conn.execute(
            "SELECT handover_id, account_id, position, password_changed_at FROM handover_item"
        )
    )
    witnesses = _rows.witness_groups(
        conn.execute("SELECT handover_id, person_id, position FROM handover_witness")
    )
    none: tuple[HandoverItem, ...] = ()
    return [
        Handover(
            id=r[0],
            number=r[1],
            kind=_KINDS.get(r[2]) or enum_in(HandoverKind, r[2]),
            date=d_in_req(r[3]),
            place=r[4],
            term_id=r[5],
            first_party_person_id=r[6],
            second_party_person_id=r[7],
            mengetahui_person_id=r[8],
            notes=r[9],
            created_at=_iso(r[10]),
            created_by_operator_id=r[11],
            witness_person_ids=witnesses.get(r[0], ()),
            items=items.get(r[0], none),
        )
        for r in conn.execute(_HANDOVER_SELECT)
    ]


def load_snapshot(conn: Connection, *, term_ids: Collection[int] | None = None) -> Snapshot:
    """Read everything the read side needs from the vault, never a secret value.

    Args:
        conn: an open vault connection.
        term_ids: load only these terms; their accounts (own term, or listed on one of
            their handovers); the handovers of those terms or of those accounts; and the
            people who are officials (no term), of those terms, or named by the loaded
            records. None loads the whole vault.

    Returns:
        The snapshot (one read transaction: a consistent picture).
    """
    start = time.perf_counter()
    scope = _Scope(term_ids)
    with many_objects():
        return _load(conn, scope, start)


def _load(conn: Connection, scope: _Scope, start: float) -> Snapshot:
    with _read(conn):
        own = _own_office(conn)
        kecamatan = office.list_kecamatan(conn)
        terms = term.list_terms(conn)
        coverage = term.list_term_kecamatan(conn)
        accounts = _accounts(conn, scope)
        passwords, totps = _secrets_on_record(conn, scope)
        changes = _rows.change_groups(
            scope.rows(conn, "SELECT account_id, changed_at FROM password_history", "account_id")
        )
        custody = _rows.custody_groups(
            scope.rows(
                conn,
                "SELECT id, account_id, holder_person_id, from_at, until_at, handover_id"
                " FROM custody",
                "account_id",
            )
        )
        # The few dozen step texts once, then the items naming them (schema v3).
        texts = {r[0]: (r[1], r[2]) for r in conn.execute(_TEXT_SELECT)}
        checklists = _rows.checklist_columns(
            scope.rows(
                conn,
                "SELECT id, account_id, step_key, position, text_ref, done_at,"
                " done_by_operator_id FROM checklist_item",
                "account_id",
            ),
            texts,
        )
        access = _rows.page_access_groups(
            scope.rows(
                conn,
                "SELECT id, account_id, person_id, person_name, access, added_at, removed_at"
                " FROM page_access",
                "account_id",
            )
        )
        handovers = _handovers(conn)
        people = person.list_people(conn)
        attachments = attachment.list_attachments(conn)
    if scope.term_ids is not None:
        wanted = set(scope.term_ids)
        terms = [t for t in terms if t.id in wanted]
        coverage = [c for c in coverage if c.term_id in wanted]
        handovers = [
            h
            for h in handovers
            if h.term_id in wanted or any(i.account_id in accounts for i in h.items)
        ]
        people = _people_in_scope(people, wanted, accounts, custody, handovers)
        attachments = _attachments_in_scope(attachments, accounts, handovers, wanted)
    snapshot = Snapshot(
        office=own,
        kecamatan=freeze({k.id: k for k in kecamatan}),
        terms=freeze({t.id: t for t in terms}),
        term_kecamatan=MappingProxyType(
            {(c.term_id, c.kecamatan_id): c for c in coverage}  # ordered by the query
        ),
        people=freeze({p.id: p for p in people}),
        accounts=accounts,
        password_on_record=passwords,
        totp_on_record=totps,
        password_changes=changes,
        custody=custody,
        handovers=freeze({h.id: h for h in handovers}),
        checklists=checklists,
        page_access=access,
        attachments=freeze({a.id: a for a in attachments}),
    )
    log.debug(
        "loaded a review snapshot: %d accounts in %.3f s",
        len(accounts),
        time.perf_counter() - start,
    )
    return snapshot


def _people_in_scope(
    people: list[Person],
    term_ids: set[int],
    accounts: Mapping[int, Account],
    custody: Mapping[int, tuple[Custody, ...]],
    handovers: list[Handover],
) -> list[Person]:
    named: set[int | None] = {c.holder_person_id for periods in custody.values() for c in periods}
    for a in accounts.values():
        named.update(
            (
                a.recovery_email_person_id,
                a.recovery_phone_holder_person_id,
                a.twofa_device_person_id,
            )
        )
    for h in handovers:
        named.update((h.first_party_person_id, h.second_party_person_id, h.mengetahui_person_id))
        named.update(h.witness_person_ids)
    return [p for p in people if p.term_id is None or p.term_id in term_ids or p.id in named]


def _attachments_in_scope(
    attachments: list[Attachment],
    accounts: Mapping[int, Account],
    handovers: list[Handover],
    term_ids: set[int],
) -> list[Attachment]:
    owners: dict[str, Collection[int]] = {
        "account": accounts,
        "handover": {h.id for h in handovers},
        "term": term_ids,
    }
    return [a for a in attachments if a.owner_id in owners.get(a.owner_kind, {a.owner_id})]
