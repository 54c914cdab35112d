"""As-you-type search: words AND-ed, case and accents ignored, filters, never secrets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_world import END, ISSUED, World, buol

from brankas.core.domain.enums import AccountStatus, Election, HandoverKind, Platform
from brankas.core.domain.models import Account, AccountSecrets, Kecamatan, Term
from brankas.core.review.load import load_snapshot
from brankas.core.review.search import SearchIndex, fold
from brankas.core.secret import Secret
from brankas.core.storage.repos import account, office, term
from brankas.core.vault.vault import Vault


@pytest.fixture
def index_and_ids() -> tuple[SearchIndex, dict[str, int]]:
    b = buol((Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X))
    w = b.world
    tiloan = w.kec("Tiloán")
    ids = {f"biau.{p.value}": aid for p, aid in b.biau_accounts.items()}
    ids |= {f"bokat.{p.value}": aid for p, aid in b.bokat_accounts.items()}
    ids["tiloan"] = w.account(
        Platform.EMAIL,
        "humas.tiloan@buolkab.bawaslu.go.id",
        tiloan,
        b.term,
        display_name="Surel Panwaslu Tiloán",
        url="https://mail.example/tiloan",
        recovery_email="",
        status=AccountStatus.PLANNED,
    )
    w.handover(
        HandoverKind.RETURN,
        END,
        tuple(b.bokat_accounts.values()),
        committee=b.ketua_bokat,
        term=b.term,
    )
    for aid in b.bokat_accounts.values():
        w.update(aid, status=AccountStatus.RETURNED)
    ids["term"] = b.term
    ids["biau"], ids["bokat"], ids["tiloan_kec"] = b.biau, b.bokat, tiloan
    return SearchIndex.build(w.snapshot()), ids


def test_every_word_must_match(index_and_ids: tuple[SearchIndex, dict[str, int]]) -> None:
    index, ids = index_and_ids
    assert index.query("biau instagram") == [ids["biau.instagram"]]
    assert index.query("instagram biau") == [ids["biau.instagram"]]
    assert index.query("biau nothing-like-this") == []


def test_case_and_accents_are_ignored(index_and_ids: tuple[SearchIndex, dict[str, int]]) -> None:
    index, ids = index_and_ids
    for text in ("tiloan", "TILOÁN", "Tiloán", "surel panwaslu"):
        assert index.query(text) == [ids["tiloan"]], text
    assert fold("Ünïcödé Ǆ") == "unicode dz"  # compatibility decomposition, marks dropped


def test_platform_names_in_both_languages(
    index_and_ids: tuple[SearchIndex, dict[str, int]],
) -> None:
    index, ids = index_and_ids
    pages = sorted([ids["biau.facebook_page"], ids["bokat.facebook_page"]])
    assert index.query("halaman facebook") == pages
    assert index.query("facebook page") == pages
    assert index.query("facebook_page") == pages
    assert index.query("twitter") == sorted([ids["biau.x"], ids["bokat.x"]])


def test_holder_url_and_recovery_email(index_and_ids: tuple[SearchIndex, dict[str, int]]) -> None:
    index, ids = index_and_ids
    biau = sorted(v for k, v in ids.items() if k.startswith("biau."))
    assert index.query("ketua biau") == biau
    assert index.query("ketua bokat") == []  # Bokat's accounts were handed back
    assert index.query("mail.example") == [ids["tiloan"]]
    assert len(index.query("humas@buolkab")) == 6  # the office recovery address


def test_no_match_across_two_fields(index_and_ids: tuple[SearchIndex, dict[str, int]]) -> None:
    index, ids = index_and_ids
    key = index.key_of(ids["tiloan"])
    handle, display = key.split("\n")[:2]
    assert index.query(handle[-3:] + display[:3]) == []


def test_filters(index_and_ids: tuple[SearchIndex, dict[str, int]]) -> None:
    index, ids = index_and_ids
    assert index.query("", kecamatan_id=ids["tiloan_kec"]) == [ids["tiloan"]]
    assert index.query("panwascam", platform=Platform.X) == sorted([ids["biau.x"], ids["bokat.x"]])
    returned = sorted(v for k, v in ids.items() if k.startswith("bokat."))
    assert index.query("", status=AccountStatus.RETURNED) == returned
    assert len(index.query("", term_id=ids["term"])) == 7
    assert index.query("", term_id=ids["term"] + 1000) == []
    assert index.query("biau", status=AccountStatus.RETURNED) == []
    assert index.query("", term_id=ids["term"], kecamatan_id=ids["biau"], platform=Platform.X) == [
        ids["biau.x"]
    ]


def test_empty_query_lists_everything_in_id_order(
    index_and_ids: tuple[SearchIndex, dict[str, int]],
) -> None:
    index, _ = index_and_ids
    everything = index.query("   ")
    assert everything == sorted(everything) and len(everything) == len(index) == 7


def _naive(snapshot_keys: dict[int, str], text: str) -> list[int]:
    words = fold(text).split()
    return [aid for aid, key in sorted(snapshot_keys.items()) if all(w in key for w in words)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abiux .ktl", max_size=8),
            st.sampled_from([None, Platform.X, Platform.INSTAGRAM]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_narrowing_gives_the_same_hits_as_a_fresh_scan(
    steps: list[tuple[str, Platform | None]],
) -> None:
    """Typing on, erasing, and changing filters: always what a full scan would find."""
    index = _SHARED_INDEX()
    keys = {aid: index.key_of(aid) for aid in index.query("")}
    platforms = _SHARED_PLATFORMS()
    for text, platform in steps:
        expected = [a for a in _naive(keys, text) if platform is None or platforms[a] is platform]
        assert index.query(text, platform=platform) == expected


def _shared() -> tuple[Callable[[], SearchIndex], Callable[[], dict[int, Platform]]]:
    b = buol((Platform.INSTAGRAM, Platform.X, Platform.TIKTOK))
    snapshot = b.world.snapshot()
    index = SearchIndex.build(snapshot)
    platforms = {aid: a.platform for aid, a in snapshot.accounts.items()}
    return (lambda: index), (lambda: platforms)


_SHARED_INDEX, _SHARED_PLATFORMS = _shared()


def test_the_index_is_built_from_the_snapshot_only() -> None:
    w = World()
    kec = w.kec("Biau")
    t = w.term(kecamatan=(kec,))
    aid = w.account(Platform.INSTAGRAM, "satu", kec, t)
    w.handover(HandoverKind.ISSUE, ISSUED, (aid,), committee=w.official, term=t)
    index = SearchIndex.build(w.snapshot())
    assert "pejabat contoh" in index.key_of(aid)  # the holder (an official here)
    with pytest.raises(KeyError):
        index.key_of(999)


def test_secrets_and_notes_never_match(make_vault: Callable[..., tuple[Vault, str]]) -> None:
    vault, _kit = make_vault()
    conn = vault.conn
    office_id = office.own_office(conn).id
    kec = office.add_kecamatan(conn, Kecamatan(office_id=office_id, name="Biau"))
    t = term.add_term(
        conn,
        Term(
            name="Pilkada 2024",
            election=Election.PILKADA,
            year=2024,
            start_date=date(2024, 5, 1),
            end_date=END,
        ),
    )
    secret_words = ("kanaripassword77", "kanaritotp", "kanaribackup", "kanarinote")
    (aid,) = account.add_accounts(
        conn,
        [
            Account(
                platform=Platform.INSTAGRAM,
                handle="panwascam.biau",
                kecamatan_id=kec.id,
                term_id=t.id,
            )
        ],
        [
            AccountSecrets(
                account_id=0,
                password=Secret(secret_words[0]),
                totp_secret=Secret(secret_words[1]),
                backup_codes=Secret(secret_words[2]),
                notes=Secret(secret_words[3]),
            )
        ],
    )
    index = SearchIndex.build(load_snapshot(conn))
    assert index.query("panwascam") == [aid]
    for word in secret_words:
        assert index.query(word) == []
        assert word not in index.key_of(aid)
