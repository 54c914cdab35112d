"""Term services: dates, kecamatan links, per-kecamatan end overrides."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from svc_a_support import (
    Clock,
    MakeVault,
    audit_count,
    break_audit,
    last_audit,
    make_account,
    make_org,
    new_ctx,
    snapshot,
)

from brankas.core.domain.enums import AccountStatus, Election
from brankas.core.errors import DomainConflict, InvalidValue, NotFound
from brankas.core.services import office, people, terms
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as account_repo


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


def _term(ctx: ServiceContext, **kw: object) -> terms.Term:
    args: dict[str, object] = {
        "election": "pilkada",
        "year": 2024,
        "start_date": date(2024, 5, 1),
        "end_date": date(2025, 1, 27),
    }
    args.update(kw)
    return terms.add_term(ctx, **args)  # type: ignore[arg-type]


def test_add_term(ctx: ServiceContext) -> None:
    t = _term(ctx, sk_number=" 123/HK.01/2024 ", sk_date=date(2024, 4, 20))
    assert t.id > 0
    assert (t.name, t.election, t.year) == ("Pilkada 2024", Election.PILKADA, 2024)
    assert t.sk_number == "123/HK.01/2024"
    assert terms.get_term(ctx, t.id) == t
    assert last_audit(ctx) == ("create", f"term:{t.id}", {"name": "Pilkada 2024"})


def test_list_terms_newest_first(ctx: ServiceContext) -> None:
    old = _term(
        ctx, election=Election.PEMILU, start_date=date(2022, 10, 27), end_date=date(2024, 6, 30)
    )
    new = _term(ctx, name="Pilkada Serentak 2024")
    assert [t.id for t in terms.list_terms(ctx)] == [new.id, old.id]
    assert old.name == "Pemilu 2024"


def test_a_one_day_term_is_allowed(ctx: ServiceContext) -> None:
    t = _term(ctx, start_date=date(2024, 5, 1), end_date=date(2024, 5, 1))
    assert t.start_date == t.end_date


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"end_date": date(2024, 4, 30)}, "end_date", "term_end_before_start"),
        ({"election": "pilpres"}, "election", "value_not_allowed"),
        ({"year": 1900}, "year", "year_out_of_range"),
        ({"year": True}, "year", "year_out_of_range"),
        ({"start_date": "2024-05-01"}, "start_date", "date_invalid"),
        ({"end_date": datetime(2025, 1, 27, tzinfo=UTC)}, "end_date", "date_invalid"),
        ({"sk_date": "kemarin"}, "sk_date", "date_invalid"),
        ({"name": "x" * 121}, "name", "value_too_long"),
        ({"sk_number": "x" * 121}, "sk_number", "value_too_long"),
        ({"sk_number": "SK\x001"}, "sk_number", "value_control_char"),
    ],
)
def test_add_term_refuses(
    ctx: ServiceContext, kwargs: dict[str, object], field: str, code: str
) -> None:
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as err:
        _term(ctx, **kwargs)
    assert (err.value.field, err.value.code) == (field, code)
    assert snapshot(ctx) == before


_DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=_DAYS, end=_DAYS)
def test_term_dates_accepted_iff_end_not_before_start(
    ctx: ServiceContext, start: date, end: date
) -> None:
    if end >= start:
        t = _term(ctx, start_date=start, end_date=end)
        assert (t.start_date, t.end_date) == (start, end)
    else:
        with pytest.raises(InvalidValue) as err:
            _term(ctx, start_date=start, end_date=end)
        assert err.value.code == "term_end_before_start"


def test_update_term(ctx: ServiceContext) -> None:
    t = _term(ctx)
    u = terms.update_term(
        ctx, t.id, sk_number="SK-2", sk_date=date(2024, 4, 1), name="Pilkada Buol"
    )
    assert (u.sk_number, u.sk_date, u.name) == ("SK-2", date(2024, 4, 1), "Pilkada Buol")
    assert terms.get_term(ctx, t.id) == u
    kind, target, detail = last_audit(ctx)
    assert (kind, target) == ("change", f"term:{t.id}")
    assert set(detail["fields"]) == {"sk_number", "sk_date", "name"}
    assert terms.update_term(ctx, t.id, sk_date=None).sk_date is None
    before = audit_count(ctx)
    terms.update_term(ctx, t.id, name="Pilkada Buol")
    assert audit_count(ctx) == before
    with pytest.raises(NotFound):
        terms.update_term(ctx, 999, name="x")


def test_update_term_refuses_end_before_start(ctx: ServiceContext) -> None:
    t = _term(ctx)
    with pytest.raises(InvalidValue) as err:
        terms.update_term(ctx, t.id, start_date=date(2025, 2, 1))
    assert (err.value.field, err.value.code) == ("end_date", "term_end_before_start")
    assert terms.get_term(ctx, t.id) == t


def test_update_term_keeps_overrides_after_the_start(ctx: ServiceContext) -> None:
    org = make_org(ctx)
    terms.set_kecamatan_end(ctx, org.term.id, org.biau.id, date(2024, 6, 1), note="dipercepat")
    with pytest.raises(InvalidValue) as err:
        terms.update_term(ctx, org.term.id, start_date=date(2024, 7, 1))
    assert (err.value.field, err.value.code) == ("start_date", "term_override_before_start")


def test_delete_term(ctx: ServiceContext) -> None:
    t = _term(ctx)
    k = office.add_kecamatan(ctx, "Biau")
    terms.attach_kecamatan(ctx, t.id, k.id)
    terms.delete_term(ctx, t.id)  # links go with it
    assert terms.list_terms(ctx) == []
    assert last_audit(ctx) == ("delete", f"term:{t.id}", {"name": "Pilkada 2024"})
    with pytest.raises(NotFound):
        terms.delete_term(ctx, t.id)


@pytest.mark.parametrize("user", ["account", "person"])
def test_delete_term_in_use_is_refused(ctx: ServiceContext, user: str) -> None:
    org = make_org(ctx)
    other = _term(ctx, name="Cadangan")
    if user == "account":
        make_account(ctx, org, term_id=other.id)
    else:
        people.add_person(ctx, name="Pejabat", role="official", term_id=other.id)
    before = snapshot(ctx)
    with pytest.raises(DomainConflict) as err:
        terms.delete_term(ctx, other.id)
    assert (err.value.field, err.value.code) == ("term_id", "term_in_use")
    assert snapshot(ctx) == before


# --- kecamatan links and overrides --------------------------------------------------------
def test_attach_kecamatan(ctx: ServiceContext) -> None:
    t = _term(ctx)
    a = office.add_kecamatan(ctx, "Biau")
    b = office.add_kecamatan(ctx, "Bokat")
    links = terms.attach_kecamatan(ctx, t.id, [b.id, a.id, b.id])
    assert [link.kecamatan_id for link in links] == [b.id, a.id]
    assert last_audit(ctx)[2] == {"kecamatan_added": [b.id, a.id]}
    assert [link.kecamatan_id for link in terms.list_term_kecamatan(ctx, t.id)] == [a.id, b.id]
    before = audit_count(ctx)
    assert terms.attach_kecamatan(ctx, t.id, a.id)[0].kecamatan_id == a.id  # already in
    assert audit_count(ctx) == before


def test_attach_keeps_an_existing_override(ctx: ServiceContext) -> None:
    org = make_org(ctx)
    terms.set_kecamatan_end(ctx, org.term.id, org.biau.id, date(2025, 2, 28), note="MK")
    (link,) = terms.attach_kecamatan(ctx, org.term.id, org.biau.id)
    assert (link.end_date, link.note) == (date(2025, 2, 28), "MK")


def test_attach_refuses_unknown_ids(ctx: ServiceContext) -> None:
    t = _term(ctx)
    a = office.add_kecamatan(ctx, "Biau")
    with pytest.raises(InvalidValue) as err:
        terms.attach_kecamatan(ctx, t.id, [a.id, 999])
    assert (err.value.field, err.value.code) == ("kecamatan_id", "kecamatan_not_found")
    assert terms.list_term_kecamatan(ctx, t.id) == []  # the valid one was not kept either
    with pytest.raises(NotFound):
        terms.attach_kecamatan(ctx, 999, a.id)


def test_detach_kecamatan(ctx: ServiceContext) -> None:
    org = make_org(ctx)
    terms.detach_kecamatan(ctx, org.term.id, org.bokat.id)
    assert [link.kecamatan_id for link in terms.list_term_kecamatan(ctx, org.term.id)] == [
        org.biau.id
    ]
    assert last_audit(ctx)[2] == {"kecamatan_removed": [org.bokat.id]}
    with pytest.raises(NotFound):
        terms.detach_kecamatan(ctx, org.term.id, org.bokat.id)
    # Biau has the ketua (a person of that term and kecamatan).
    with pytest.raises(DomainConflict) as err:
        terms.detach_kecamatan(ctx, org.term.id, org.biau.id)
    assert (err.value.field, err.value.code) == ("kecamatan_id", "term_kecamatan_in_use")


def test_effective_end_with_and_without_override(ctx: ServiceContext) -> None:
    org = make_org(ctx)
    assert terms.effective_end(ctx, org.term.id, org.biau.id) == date(2025, 1, 27)
    link = terms.set_kecamatan_end(
        ctx, org.term.id, org.biau.id, date(2025, 2, 28), note="  sengketa   di MK "
    )
    assert (link.end_date, link.note) == (date(2025, 2, 28), "sengketa di MK")
    assert terms.effective_end(ctx, org.term.id, org.biau.id) == date(2025, 2, 28)
    assert terms.effective_end(ctx, org.term.id, org.bokat.id) == date(2025, 1, 27)
    assert terms.effective_end(ctx, org.term.id, None) == date(2025, 1, 27)
    kind, target, detail = last_audit(ctx)
    assert (kind, target) == ("change", f"term:{org.term.id}")
    assert detail == {
        "kecamatan_id": org.biau.id,
        "end_date": "2025-02-28",
        "note": "sengketa di MK",
    }
    # Clearing the override: the term's end applies again.
    terms.set_kecamatan_end(ctx, org.term.id, org.biau.id, None)
    assert terms.effective_end(ctx, org.term.id, org.biau.id) == date(2025, 1, 27)
    with pytest.raises(NotFound):
        terms.effective_end(ctx, 999, org.biau.id)


def test_an_override_equal_to_the_term_end_is_no_override(ctx: ServiceContext) -> None:
    org = make_org(ctx)
    link = terms.set_kecamatan_end(ctx, org.term.id, org.biau.id, date(2025, 1, 27), note="sama")
    assert link.end_date is None
    terms.update_term(ctx, org.term.id, end_date=date(2025, 1, 31))
    assert terms.effective_end(ctx, org.term.id, org.biau.id) == date(2025, 1, 31)


def test_set_kecamatan_end_adds_the_kecamatan(ctx: ServiceContext) -> None:
    org = make_org(ctx)
    k = office.add_kecamatan(ctx, "Lakea")
    terms.set_kecamatan_end(ctx, org.term.id, k.id, date(2025, 2, 28))
    assert k.id in {link.kecamatan_id for link in terms.list_term_kecamatan(ctx, org.term.id)}


@pytest.mark.parametrize(
    ("args", "field", "code"),
    [
        ({"end_date": date(2024, 4, 30)}, "end_date", "term_end_before_start"),
        ({"end_date": datetime(2025, 2, 28, tzinfo=UTC)}, "end_date", "date_invalid"),
        ({"kecamatan_id": 999}, "kecamatan_id", "kecamatan_not_found"),
        ({"note": "n" * 301}, "note", "value_too_long"),
    ],
)
def test_set_kecamatan_end_refuses(
    ctx: ServiceContext, args: dict[str, object], field: str, code: str
) -> None:
    org = make_org(ctx)
    call: dict[str, object] = {
        "term_id": org.term.id,
        "kecamatan_id": org.biau.id,
        "end_date": date(2025, 2, 28),
    }
    call.update(args)
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as err:
        terms.set_kecamatan_end(ctx, **call)  # type: ignore[arg-type]
    assert (err.value.field, err.value.code) == (field, code)
    assert snapshot(ctx) == before


def test_accounts_follow_an_extension(ctx: ServiceContext) -> None:
    org = make_org(ctx)
    defaulted = make_account(ctx, org, "@biau.satu")
    explicit = make_account(ctx, org, "@biau.dua", active_until=date(2024, 12, 31))
    other_kec = make_account(ctx, org, "@bokat.satu", kecamatan_id=org.bokat.id)
    returned = make_account(ctx, org, "@biau.tiga")
    account_repo.update_account(
        ctx.conn, dataclasses.replace(returned, status=AccountStatus.RETURNED)
    )
    assert defaulted.active_until == date(2025, 1, 27)
    terms.set_kecamatan_end(ctx, org.term.id, org.biau.id, date(2025, 2, 28), note="MK")
    assert account_repo.get_account(ctx.conn, defaulted.id).active_until == date(2025, 2, 28)
    assert account_repo.get_account(ctx.conn, explicit.id).active_until == date(2024, 12, 31)
    assert account_repo.get_account(ctx.conn, other_kec.id).active_until == date(2025, 1, 27)
    assert account_repo.get_account(ctx.conn, returned.id).active_until == date(2025, 1, 27)
    assert last_audit(ctx)[2]["accounts_following"] == [defaulted.id]
    # A new account of Biau defaults to the extended end.
    assert make_account(ctx, org, "@biau.empat").active_until == date(2025, 2, 28)


def test_accounts_follow_a_change_of_term_dates(ctx: ServiceContext) -> None:
    org = make_org(ctx)
    terms.set_kecamatan_end(ctx, org.term.id, org.biau.id, date(2025, 2, 28))
    biau = make_account(ctx, org, "@biau.satu")
    bokat = make_account(ctx, org, "@bokat.satu", kecamatan_id=org.bokat.id)
    terms.update_term(ctx, org.term.id, start_date=date(2024, 5, 2), end_date=date(2025, 1, 31))
    b1 = account_repo.get_account(ctx.conn, biau.id)
    b2 = account_repo.get_account(ctx.conn, bokat.id)
    assert (b1.active_from, b1.active_until) == (date(2024, 5, 2), date(2025, 2, 28))
    assert (b2.active_from, b2.active_until) == (date(2024, 5, 2), date(2025, 1, 31))


def test_set_kecamatan_end_rolls_back_when_audit_fails(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = make_org(ctx)
    make_account(ctx, org)
    before = snapshot(ctx)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        terms.set_kecamatan_end(ctx, org.term.id, org.biau.id, date(2025, 2, 28))
    assert snapshot(ctx) == before  # neither the link nor the following account changed
