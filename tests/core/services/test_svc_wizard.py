"""The handover wizard's state machine: pages, choices, validation per page, drafts (no Qt)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from svc_b_support import Clock, MakeVault, make_world, new_ctx

from brankas.core.domain.enums import AccountStatus, HandoverKind, PersonRole, Platform
from brankas.core.errors import InvalidValue
from brankas.core.services import accounts, custody, handover
from brankas.core.services import handover_wizard as wz
from brankas.core.services.handover_wizard import (
    AccountOption,
    HandoverDraft,
    KecamatanOption,
    Page,
    PersonOption,
    Problem,
    TermOption,
    WizardData,
    WizardState,
)

TODAY = date(2024, 5, 10)
K1, K2, K3 = 10, 20, 30
DATA = WizardData(
    terms=(TermOption(1, "Pilkada 2024", date(2024, 5, 1), date(2025, 1, 27)),),
    kecamatan=(
        KecamatanOption(K1, "Biau", date(2025, 1, 27)),
        KecamatanOption(K2, "Bokat", date(2025, 1, 27)),
        KecamatanOption(K3, "Bukal", date(2025, 2, 28)),
    ),
    accounts=(
        AccountOption(101, K1, Platform.INSTAGRAM, "@a", AccountStatus.PLANNED, None),
        AccountOption(102, K1, Platform.X, "@b", AccountStatus.PLANNED, None),
        AccountOption(103, K1, Platform.EMAIL, "c@d.id", AccountStatus.ACTIVE, None, False),
        AccountOption(201, K2, Platform.INSTAGRAM, "@e", AccountStatus.PLANNED, None),
    ),
    people=(
        PersonOption(1, "Pejabat", PersonRole.OFFICIAL),
        PersonOption(2, "Kepala", PersonRole.OFFICIAL),
        PersonOption(3, "Operator", PersonRole.OPERATOR),
        PersonOption(11, "Ketua Biau", PersonRole.KETUA, K1, 1),
        PersonOption(12, "Anggota Biau", PersonRole.ANGGOTA, K1, 1),
        PersonOption(21, "Anggota Bokat", PersonRole.ANGGOTA, K2, 1),
    ),
    today=TODAY,
    default_place="Buol",
)


def _complete(kind: HandoverKind = HandoverKind.ISSUE) -> WizardState:
    s = wz.choose_kind(wz.start(), kind)
    s = wz.choose_term(s, 1)
    s = wz.choose_kecamatan(s, [K2, K1], DATA)
    s = wz.suggest_parties(s, DATA)
    s = wz.choose_parties(
        s,
        office_party_id=1,
        committee_parties=dict(s.committee_parties),
        witness_ids=[3],
        mengetahui_id=2,
    )
    return wz.set_details(s, on=TODAY, notes="  catatan  ")


def _walk(state: WizardState) -> WizardState:
    while state.page is not Page.PREVIEW:
        state = wz.advance(state, DATA)
    return state


def test_pages_in_order() -> None:
    assert [p.value for p in wz.PAGES] == [
        "kind",
        "term",
        "kecamatan",
        "accounts",
        "parties",
        "details",
        "preview",
    ]
    assert wz.next_page_of(Page.KIND) is Page.TERM
    assert wz.next_page_of(Page.PREVIEW) is None
    assert wz.previous_page_of(Page.TERM) is Page.KIND
    assert wz.previous_page_of(Page.KIND) is None
    assert wz.back(wz.start()) == wz.start()


def test_each_page_blocks_until_complete() -> None:
    s = wz.start()
    assert wz.validate(s, DATA) == [Problem("kind", "kind_required")]
    assert not wz.can_advance(s, DATA)
    with pytest.raises(InvalidValue) as e:
        wz.advance(s, DATA)
    assert (e.value.field, e.value.code) == ("kind", "kind_required")
    s = wz.advance(wz.choose_kind(s, HandoverKind.ISSUE), DATA)
    assert s.page is Page.TERM
    assert wz.validate(s, DATA) == [Problem("term", "term_required")]
    assert wz.validate(wz.choose_term(s, 9), DATA) == [Problem("term", "term_unknown")]
    s = wz.advance(wz.choose_term(s, 1), DATA)
    assert wz.validate(s, DATA) == [Problem("kecamatan", "kecamatan_required")]
    assert wz.validate(wz.choose_kecamatan(s, [K1, 99], DATA), DATA) == [
        Problem("kecamatan", "kecamatan_unknown", 99)
    ]
    s = wz.advance(wz.choose_kecamatan(s, [K1], DATA), DATA)
    assert s.page is Page.ACCOUNTS and s.selected == {101, 102}  # pre-selected
    assert wz.validate(wz.set_selected(s, []), DATA) == [
        Problem("accounts", "handover_no_accounts")
    ]
    assert wz.validate(wz.toggle_account(s, 201), DATA) == [
        Problem("accounts", "account_not_candidate")
    ]
    s = wz.advance(wz.toggle_account(s, 103), DATA)
    assert s.selected == {101, 102, 103}
    assert wz.validate(s, DATA) == [
        Problem("office_party", "party_required"),
        Problem("committee_party", "party_required", K1),
    ]
    s = wz.advance(wz.choose_parties(s, office_party_id=1, committee_parties={K1: 12}), DATA)
    assert wz.validate(s, DATA) == [Problem("date", "date_required")]
    s = wz.advance(wz.set_details(s, on=TODAY), DATA)
    assert s.page is Page.PREVIEW and wz.can_advance(s, DATA)
    with pytest.raises(InvalidValue) as e:
        wz.advance(s, DATA)
    assert e.value.code == "wizard_at_end"
    assert wz.back(s).page is Page.DETAILS


def test_changing_an_early_choice_clears_what_depends_on_it() -> None:
    s = _complete()
    assert wz.choose_kind(s, HandoverKind.ISSUE) == s
    other = wz.choose_kind(s, HandoverKind.RETURN)
    assert (other.selected, other.office_party_id, other.committee_parties) == (
        frozenset(),
        None,
        (),
    )
    assert other.kecamatan_ids == s.kecamatan_ids and other.on == s.on
    assert wz.choose_term(s, 1) == s
    moved = wz.choose_term(s, 2)
    assert (moved.kecamatan_ids, moved.selected, moved.committee_parties) == ((), frozenset(), ())
    assert moved.office_party_id == 1
    fewer = wz.choose_kecamatan(wz.toggle_account(s, 103), [K1], DATA)
    assert fewer.selected == {101, 102, 103}  # kept, Bokat's dropped
    assert fewer.committee_parties == ((K1, 11),)
    again = wz.choose_kecamatan(wz.set_selected(s, [101]), [K1, K2], DATA)
    assert again.selected == {101}  # both were chosen before: nothing pre-selected again
    assert again.kecamatan_ids == (K1, K2)  # the data's order


def test_suggested_parties() -> None:
    s = wz.choose_kecamatan(wz.choose_term(wz.start(), 1), [K1, K2, K3], DATA)
    s = wz.suggest_parties(s, DATA)
    assert s.committee_parties == ((K1, 11), (K2, 21))  # ketua, else a member; K3 has no accounts
    assert s.office_party_id is None  # three office people: the operator chooses
    only = dataclasses.replace(DATA, people=(DATA.people[0], *DATA.people[3:]))
    assert wz.suggest_parties(s, only).office_party_id == 1
    chosen = wz.choose_parties(s, office_party_id=2, committee_parties={K1: 12})
    assert wz.suggest_parties(chosen, DATA).committee_parties == ((K1, 12), (K2, 21))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"office_party_id": 11}, Problem("office_party", "party_wrong_side")),
        (
            {"committee_parties": ((K1, 21), (K2, 21))},
            Problem("committee_party", "party_other_kecamatan", K1),
        ),
        ({"witness_ids": (3, 3)}, Problem("witnesses", "witness_repeated")),
        ({"witness_ids": (11,)}, Problem("witnesses", "witness_is_party")),
        ({"mengetahui_id": 1}, Problem("mengetahui", "mengetahui_is_party")),
        ({"on": date(2024, 5, 12)}, Problem("date", "handover_date_in_future")),
        ({"on": date(2024, 4, 30)}, Problem("date", "handover_date_before_term")),
        ({"number": "BAST/1"}, Problem("number", "number_needs_single_handover")),
        ({"place": "x" * 201}, Problem("place", "place_too_long")),
    ],
)
def test_problems_on_later_pages(change: dict[str, object], problem: Problem) -> None:
    s = dataclasses.replace(_complete(), **change)  # type: ignore[arg-type]
    assert problem in wz.validate(s, DATA, Page.PREVIEW)
    with pytest.raises(InvalidValue) as e:
        wz.drafts(s, DATA)
    assert (e.value.field, e.value.code) == (problem.field, problem.code)


def test_number_rules_for_a_single_handover() -> None:
    s = wz.choose_kecamatan(_complete(), [K1], DATA)
    assert wz.validate(dataclasses.replace(s, number="BAST/1"), DATA, Page.DETAILS) == []
    assert wz.validate(dataclasses.replace(s, number="B" * 121), DATA, Page.DETAILS) == [
        Problem("number", "number_too_long")
    ]
    assert wz.validate(dataclasses.replace(s, number="B\t1"), DATA, Page.DETAILS) == [
        Problem("number", "number_control_char")
    ]
    tomorrow = dataclasses.replace(s, on=date(2024, 5, 11))  # one zone east of WIB
    assert wz.validate(tomorrow, DATA, Page.DETAILS) == []


@pytest.mark.parametrize("kind", [HandoverKind.ISSUE, HandoverKind.RETURN])
def test_drafts_one_per_kecamatan(kind: HandoverKind) -> None:
    s = _walk(_complete(kind))
    biau, bokat = wz.drafts(s, DATA)
    office, committee = (biau.first_party_id, biau.second_party_id)
    if kind is HandoverKind.RETURN:
        office, committee = committee, office
    assert (office, committee) == (1, 11)
    assert biau == HandoverDraft(
        kind=kind,
        term_id=1,
        first_party_id=biau.first_party_id,
        second_party_id=biau.second_party_id,
        account_ids=(101, 102),
        on=TODAY,
        place="Buol",
        number=None,
        witness_ids=(3,),
        mengetahui_id=2,
        notes="catatan",
    )
    assert bokat.account_ids == (201,)
    solo = wz.choose_kecamatan(s, [K1, K3], DATA)  # Bukal offers nothing: no BAST for it
    assert [d.account_ids for d in wz.drafts(solo, DATA)] == [(101, 102)]


# --- the checks of a draft without a database ----------------------------------------------
def _draft(**kw: object) -> HandoverDraft:
    base = HandoverDraft(
        kind=HandoverKind.ISSUE,
        term_id=1,
        first_party_id=1,
        second_party_id=11,
        account_ids=(101,),
        on=TODAY,
    )
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"account_ids": ()}, "accounts", "handover_no_accounts"),
        ({"on": datetime(2024, 5, 10, tzinfo=UTC)}, "date", "date_invalid"),
        ({"place": "Buol\x00"}, "place", "value_control_char"),
        ({"notes": "x" * 2001}, "notes", "value_too_long"),
    ],
)
def test_check_draft(change: dict[str, object], field: str, code: str) -> None:
    with pytest.raises(InvalidValue) as e:
        wz.check_draft(_draft(**change), today=TODAY, term_start=date(2024, 5, 1))
    assert (e.value.field, e.value.code) == (field, code)


def test_check_draft_cleans() -> None:
    clean = wz.check_draft(
        _draft(number="  ", place="  Kantor   Bawaslu ", notes=" n ", account_ids=[101]),
        today=TODAY,
        term_start=date(2024, 5, 1),
    )
    assert (clean.number, clean.place, clean.notes, clean.account_ids) == (
        None,
        "Kantor Bawaslu",
        "n",
        (101,),
    )


# --- with the vault ------------------------------------------------------------------------
def test_wizard_over_a_vault_records_its_drafts(make_vault: MakeVault) -> None:
    ctx = new_ctx(make_vault, Clock())
    world = make_world(ctx)
    data = handover.wizard_data(ctx)
    s = wz.advance(wz.choose_kind(wz.start(), HandoverKind.ISSUE), data)
    s = wz.advance(wz.choose_term(s, world.term.id), data)
    data = handover.wizard_data(ctx, HandoverKind.ISSUE, world.term.id)
    s = wz.choose_kecamatan(s, [k.id for k in data.kecamatan], data)
    s = wz.advance(wz.advance(s, data), data)
    s = wz.suggest_parties(s, data)
    s = wz.choose_parties(
        s,
        office_party_id=world.official.id,
        committee_parties=dict(s.committee_parties),
        witness_ids=[world.witness.id],
        mengetahui_id=world.head.id,
    )
    s = wz.advance(s, data)
    s = wz.advance(wz.set_details(s, on=date(2024, 5, 10)), data)
    assert s.page is Page.PREVIEW
    drafts = wz.drafts(s, data)
    previews = [handover.preview_handover(ctx, d) for d in drafts]
    assert [p.number for p in previews] == ["BAST/001/BWS.BUOL/V/2024"] * 2  # each alone
    batch = handover.preview_handovers(ctx, drafts)
    assert [p.number for p in batch] == ["BAST/001/BWS.BUOL/V/2024", "BAST/002/BWS.BUOL/V/2024"]
    recorded = handover.record_handovers(ctx, drafts)
    assert [h.number for h in recorded] == [p.number for p in batch]
    assert [h.items for h in recorded] == [
        tuple(dataclasses.replace(i, handover_id=h.id) for i in p.items)
        for h, p in zip(recorded, batch, strict=True)
    ]
    for name in ("Biau", "Bokat"):
        for aid in world.ids(name):
            assert accounts.get_account(ctx, aid).status is AccountStatus.ACTIVE
            assert custody.current_holder(ctx, aid).person_id == world.kec(name).ketua.id
