"""Lean reads for brankas-cli: a search finds exactly what the app's SearchIndex finds, and
the streamed listing holds what the services list (holders included)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brankas.core.domain.enums import (
    AccountStatus,
    LifecycleKind,
    PersonRole,
    Platform,
)
from brankas.core.domain.models import Account, Custody, Kecamatan, Person
from brankas.core.review import lookup
from brankas.core.review.load import load_snapshot
from brankas.core.review.search import SearchIndex
from brankas.core.services import accounts, custody, people
from brankas.core.services.context import ServiceContext
from brankas.core.services.demo import build_demo_vault
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import custody as custody_repo
from brankas.core.storage.repos import office, person
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY, fast_kdf

NOW = datetime(2024, 6, 1, 9, tzinfo=UTC)


def _odd_records(conn: Connection) -> dict[str, int]:
    """Non-ASCII names, LIKE metacharacters, an explicit office holder and a
    next-committee handover, on top of the demo's ordinary data."""
    with transaction(conn):
        office_id = office.own_office(conn).id
        tiloan = office.add_kecamatan(conn, Kecamatan(office_id=office_id, name="Tiloán")).id
        nono = person.add_person(conn, Person(name="Ñoño Ëstebán", role=PersonRole.ANGGOTA)).id
        terms = [r[0] for r in conn.execute("SELECT id FROM term ORDER BY id")]
        first, last = terms[0], terms[-1]
        account_repo.add_account(
            conn,
            Account(
                platform=Platform.EMAIL,
                handle="HUMAS.Tiloan@Contoh.Example",
                display_name="Surel Panwaslu Tiloán",
                url="https://mail.example/100%_done\\x",
                kecamatan_id=tiloan,
                term_id=last,
                recovery_email="straße@contoh.example",
            ),
        )
        elan = account_repo.add_account(
            conn,
            Account(
                platform=Platform.INSTAGRAM,
                handle="@ÉLAN.contoh",
                display_name="Großes Konto",
                term_id=first,
                lifecycle_kind=LifecycleKind.PERMANENT,
                status=AccountStatus.ACTIVE,
            ),
        ).id
        plain = account_repo.add_account(
            conn, Account(platform=Platform.X, handle="plain.ascii", term_id=first)
        ).id
        custody_repo.open_custody(
            conn, Custody(account_id=elan, holder_person_id=nono, from_at=NOW)
        )
        custody_repo.open_custody(
            conn, Custody(account_id=plain, holder_person_id=None, from_at=NOW)
        )
        official = conn.execute("SELECT id FROM person ORDER BY id LIMIT 1").fetchone()[0]
        hid = conn.execute(
            "INSERT INTO handover (number, kind, date, term_id, first_party_person_id,"
            " second_party_person_id, created_at) VALUES (?, 'next_committee', ?, ?, ?, ?, ?)",
            ("BAST/ONWARD/1", "2024-06-01", last, official, nono, NOW.isoformat()),
        ).lastrowid
        conn.execute(
            "INSERT INTO handover_item (handover_id, account_id) VALUES (?, ?)", (hid, elan)
        )
    return {"tiloan": tiloan, "nono": nono, "first": first, "last": last, "elan": elan}


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Vault, SearchIndex, dict[str, int]]]:
    folder: Path = tmp_path_factory.mktemp("lookup") / "demo"
    vault, _kit = build_demo_vault(
        folder, password="sandi demo", policy=FAST_POLICY, kdf=fast_kdf()
    )
    ids = _odd_records(vault.conn)
    yield vault, SearchIndex.build(load_snapshot(vault.conn)), ids
    vault.close(backup=False)


def _filters(ids: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {},
        {"term_id": ids["first"]},
        {"term_id": ids["last"]},  # includes the account handed on by next_committee
        {"status": AccountStatus.ACTIVE},
        {"platform": Platform.INSTAGRAM, "kecamatan_id": 2},
        {"kecamatan_id": ids["tiloan"]},
        {"term_id": ids["last"], "platform": Platform.EMAIL, "status": AccountStatus.ACTIVE},
        {"term_id": 999},
    ]


TEXTS = [
    "", "   ", "paleleh INST", "instagram", "halaman", "facebook page", "Surel", "e-mail",
    "gmail", "@", ".", "kartika", "fiktif", "contoh biau", "TILOAN", "tiloán", "Tiloán surel",
    "ß", "ss", "strasse", "straße", "grosses", "%", "_", "\\", "100%_", "ñoño", "nono", "ESTEBAN",
    "élan", "elan", "x (twitter)", "(twitter)", "https://www", "lainnya", "office", "\n", "zzz",
    "2024", "k003", "panwascam plain", "plain.ascii", "ascii x",
]  # fmt: skip


@pytest.mark.parametrize("text", TEXTS)
def test_search_finds_what_the_index_finds(
    world: tuple[Vault, SearchIndex, dict[str, int]], text: str
) -> None:
    vault, index, ids = world
    for filters in _filters(ids):
        assert lookup.search_ids(vault.conn, text, **filters) == index.query(text, **filters), (
            text,
            filters,
        )


def test_search_sees_accents_holders_and_handed_on_accounts(
    world: tuple[Vault, SearchIndex, dict[str, int]],
) -> None:
    vault, _index, ids = world
    assert lookup.search_ids(vault.conn, "nono elan") == [ids["elan"]]  # holder + handle
    assert ids["elan"] in lookup.search_ids(vault.conn, "", term_id=ids["last"])
    assert lookup.search_ids(vault.conn, "tiloan", kecamatan_id=ids["tiloan"])


def _fragments(index: SearchIndex, vault: Vault) -> list[str]:
    rng = random.Random(9)
    ids = [r[0] for r in vault.conn.execute("SELECT id FROM account ORDER BY id")]
    out: list[str] = []
    for aid in ids:
        key = index.key_of(aid)
        for _ in range(3):
            i = rng.randrange(len(key))
            out.append(key[i : i + rng.randint(1, 6)])
    return [w for w in out if w.split()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_search_equals_the_index_on_any_words(
    world: tuple[Vault, SearchIndex, dict[str, int]], data: st.DataObject
) -> None:
    vault, index, ids = world
    fragments = _fragments(index, vault)
    word = st.one_of(
        st.sampled_from(fragments),
        st.text(alphabet="aeiouÁÉßñÑ.@%_\\-x (tT)", min_size=1, max_size=4),
        st.text(min_size=1, max_size=3),
    )
    words = data.draw(st.lists(word, max_size=3))
    text = data.draw(st.sampled_from([" ", "  ", "\t"])).join(words)
    filters = data.draw(st.sampled_from(_filters(ids)))
    assert lookup.search_ids(vault.conn, text, **filters) == index.query(text, **filters)


def _expected_rows(vault: Vault, **filters: Any) -> list[lookup.ListedRow]:
    ctx = ServiceContext(vault)
    found = accounts.list_accounts(ctx, **filters)
    holders = custody.current_holders(ctx, [a.id for a in found])
    names = {p.id: p.name for p in people.list_people(ctx)}
    rows: list[lookup.ListedRow] = []
    for a in found:
        h = holders.get(a.id)
        holder = "office" if h is None or h.is_office else names.get(h.person_id or 0, "?")
        until = a.active_until.isoformat() if a.active_until else None
        rows.append(
            (a.id, a.platform.value, a.handle, a.kecamatan_id, a.term_id, a.status.value, holder,
             until, a.needs_password_change)
        )  # fmt: skip
    return rows


def test_list_rows_hold_what_the_services_list(
    world: tuple[Vault, SearchIndex, dict[str, int]],
) -> None:
    vault, _index, ids = world
    for filters in _filters(ids):
        batches = list(lookup.list_rows(vault.conn, batch=7, **filters))
        assert all(0 < len(b) <= 7 for b in batches)
        rows = [r for b in batches for r in b]
        assert rows == _expected_rows(vault, **filters), filters
    assert any(r[6] == "Ñoño Ëstebán" for b in lookup.list_rows(vault.conn) for r in b)


def test_rows_for_reads_the_given_accounts_in_id_order(
    world: tuple[Vault, SearchIndex, dict[str, int]],
) -> None:
    vault, _index, ids = world
    every = [r for b in lookup.list_rows(vault.conn) for r in b]
    wanted = [every[5][0], every[0][0], ids["elan"], 10_000_000, every[5][0]]
    got = lookup.rows_for(vault.conn, wanted)
    assert got == [r for r in every if r[0] in set(wanted)]
    many = [r[0] for r in every] * 12  # more than one chunk of ids
    assert lookup.rows_for(vault.conn, many) == every
