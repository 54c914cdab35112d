"""People services: committee members, officials, operators."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from svc_a_support import (
    Clock,
    MakeVault,
    Org,
    audit_count,
    break_audit,
    last_audit,
    make_account,
    make_org,
    new_ctx,
    snapshot,
)

from brankas.core.domain.enums import Owner, PersonRole
from brankas.core.errors import DomainConflict, InvalidValue, NotFound
from brankas.core.services import accounts, people
from brankas.core.services.context import ServiceContext


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


@pytest.fixture
def org(ctx: ServiceContext) -> Org:
    return make_org(ctx)


def test_add_committee_member_normalises(ctx: ServiceContext, org: Org) -> None:
    p = people.add_person(
        ctx,
        name="  Andi   Contoh ",
        role=PersonRole.ANGGOTA,
        kecamatan_id=org.biau.id,
        term_id=org.term.id,
        position=" Anggota Panwaslu Kecamatan Biau ",
        phone="0812-3456-7890",
        email=" Andi.Contoh@Example.COM ",
        nip="19800101 200501 1 001",
        nik="7205.0101.0101.0001",
    )
    assert p.name == "Andi Contoh"
    assert p.position == "Anggota Panwaslu Kecamatan Biau"
    assert p.phone == "+6281234567890"
    assert p.email == "Andi.Contoh@example.com"
    assert (p.nip, p.nik) == ("198001012005011001", "7205010101010001")
    assert people.get_person(ctx, p.id) == p
    assert last_audit(ctx) == (
        "create",
        f"person:{p.id}",
        {"name": "Andi Contoh", "role": "anggota"},
    )


def test_officials_and_operators_have_no_kecamatan(ctx: ServiceContext, org: Org) -> None:
    op = people.add_person(ctx, name="Operator Satu", role="operator", institution="Bawaslu Buol")
    assert (op.role, op.kecamatan_id, op.term_id) == (PersonRole.OPERATOR, None, None)
    with pytest.raises(InvalidValue) as err:
        people.add_person(ctx, name="Pejabat", role="official", kecamatan_id=org.biau.id)
    assert (err.value.field, err.value.code) == ("kecamatan_id", "kecamatan_not_allowed")


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"name": " "}, "name", "value_empty"),
        ({"role": "bendahara"}, "role", "value_not_allowed"),
        ({"kecamatan_id": None}, "kecamatan_id", "kecamatan_required"),
        ({"term_id": None}, "term_id", "term_required"),
        ({"kecamatan_id": 999}, "kecamatan_id", "kecamatan_not_found"),
        ({"term_id": 999}, "term_id", "term_not_found"),
        ({"phone": "0812"}, "phone", "phone_too_short"),
        ({"phone": "+1 555 0100"}, "phone", "phone_bad_country"),
        ({"email": "andi.example.com"}, "email", "email_missing_at"),
        ({"nip": "19800101200501100"}, "nip", "nip_invalid"),
        ({"nip": "1980010120050110011"}, "nip", "nip_invalid"),
        ({"nik": "72050101010100OI"}, "nik", "nik_invalid"),
        ({"position": "p" * 101}, "position", "value_too_long"),
        ({"institution": "Bawaslu\x1b"}, "institution", "value_control_char"),
    ],
)
def test_add_person_refuses(
    ctx: ServiceContext, org: Org, kwargs: dict[str, object], field: str, code: str
) -> None:
    args: dict[str, object] = {
        "name": "Andi",
        "role": "anggota",
        "kecamatan_id": org.biau.id,
        "term_id": org.term.id,
    }
    args.update(kwargs)
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as err:
        people.add_person(ctx, **args)  # type: ignore[arg-type]
    assert (err.value.field, err.value.code) == (field, code)
    assert snapshot(ctx) == before


@given(st.text(alphabet="0123456789", max_size=25))
def test_nip_is_exactly_18_digits(digits: str) -> None:
    if len(digits) in (0, 18):
        assert people.check_nip(digits) == digits
    else:
        with pytest.raises(InvalidValue) as err:
            people.check_nip(digits)
        assert (err.value.field, err.value.code) == ("nip", "nip_invalid")


@given(st.text(alphabet="0123456789", max_size=25))
def test_nik_is_exactly_16_digits(digits: str) -> None:
    if len(digits) in (0, 16):
        assert people.check_nik(digits) == digits
    else:
        with pytest.raises(InvalidValue) as err:
            people.check_nik(digits)
        assert err.value.code == "nik_invalid"


@given(
    digits=st.text(alphabet="0123456789", min_size=18, max_size=18),
    intruder=st.characters(categories=("L", "S", "P")).filter(lambda c: c not in ".-"),
    at=st.integers(0, 18),
)
def test_a_nip_with_another_character_is_refused(digits: str, intruder: str, at: int) -> None:
    with pytest.raises(InvalidValue):
        people.check_nip(digits[:at] + intruder + digits[at:])


def test_update_person(ctx: ServiceContext, org: Org) -> None:
    p = org.ketua
    u = people.update_person(ctx, p.id, phone="+62 812 1111 2222", position="Ketua")
    assert (u.phone, u.position, u.name) == ("+6281211112222", "Ketua", p.name)
    assert people.get_person(ctx, p.id) == u
    kind, target, detail = last_audit(ctx)
    assert (kind, target) == ("change", f"person:{p.id}")
    assert set(detail["fields"]) == {"phone", "position"}
    before = audit_count(ctx)
    people.update_person(ctx, p.id, phone="0812-1111-2222")  # same number, other spelling
    assert audit_count(ctx) == before
    with pytest.raises(NotFound):
        people.update_person(ctx, 999, name="x")


def test_update_checks_the_merged_record(ctx: ServiceContext, org: Org) -> None:
    # Becoming an official while still tied to a kecamatan is refused...
    with pytest.raises(InvalidValue) as err:
        people.update_person(ctx, org.ketua.id, role="official")
    assert err.value.code == "kecamatan_not_allowed"
    assert people.get_person(ctx, org.ketua.id) == org.ketua
    # ... and allowed when the kecamatan goes in the same call.
    u = people.update_person(ctx, org.ketua.id, role="official", kecamatan_id=None)
    assert (u.role, u.kecamatan_id) == (PersonRole.OFFICIAL, None)
    with pytest.raises(InvalidValue) as err:
        people.update_person(ctx, org.official.id, role="ketua")
    assert err.value.code == "kecamatan_required"


def test_list_people_filters(ctx: ServiceContext, org: Org) -> None:
    staff = people.add_person(
        ctx, name="Ani Staf", role="staff", kecamatan_id=org.bokat.id, term_id=org.term.id
    )
    assert {p.id for p in people.list_people(ctx)} == {org.ketua.id, org.official.id, staff.id}
    assert [p.id for p in people.list_people(ctx, kecamatan_id=org.bokat.id)] == [staff.id]
    assert [p.id for p in people.list_people(ctx, role="official")] == [org.official.id]
    assert [p.id for p in people.list_people(ctx, term_id=org.term.id, role=PersonRole.KETUA)] == [
        org.ketua.id
    ]
    with pytest.raises(InvalidValue):
        people.list_people(ctx, role="raja")


def test_delete_person(ctx: ServiceContext, org: Org) -> None:
    p = people.add_person(ctx, name="Salah Input", role="operator")
    people.delete_person(ctx, p.id)
    assert last_audit(ctx) == ("delete", f"person:{p.id}", {"name": "Salah Input"})
    with pytest.raises(NotFound):
        people.get_person(ctx, p.id)


def test_delete_person_with_history_is_refused(ctx: ServiceContext, org: Org) -> None:
    acc = make_account(ctx, org)
    accounts.update_account(
        ctx, acc.id, recovery_phone="0812-3456-7890", recovery_phone_holder_person_id=org.ketua.id
    )
    before = snapshot(ctx)
    with pytest.raises(DomainConflict) as err:
        people.delete_person(ctx, org.ketua.id)
    assert (err.value.field, err.value.code) == ("person_id", "person_has_history")
    assert snapshot(ctx) == before
    assert accounts.get_account(ctx, acc.id).recovery_phone_owner is Owner.UNKNOWN


def test_add_person_rolls_back_when_audit_fails(
    ctx: ServiceContext, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(ctx)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        people.add_person(ctx, name="Operator", role="operator")
    assert snapshot(ctx) == before
