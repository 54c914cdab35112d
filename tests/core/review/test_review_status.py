"""Term-end status on crafted data at given dates."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from review_world import END, EXTENDED, ISSUED, Buol, World, at, buol, close_out

from brankas.core.domain.enums import (
    AccountStatus,
    HandoverKind,
    LifecycleKind,
    Owner,
    PersonRole,
    Platform,
)
from brankas.core.errors import NotFound
from brankas.core.review.recovery import PersonalLink
from brankas.core.review.status import term_end_status


def _ids(items: tuple[object, ...]) -> set[int]:
    return {i.account_id for i in items}  # type: ignore[attr-defined]


@pytest.fixture
def b() -> Buol:
    return buol()


def test_before_the_end_biau_is_due_soon_and_bokat_is_fine(b: Buol) -> None:
    status = term_end_status(b.world.snapshot(), b.term, date(2025, 1, 10))
    assert status.overdue == ()
    assert _ids(status.due_soon) == set(b.biau_accounts.values())
    first = status.due_soon[0]
    assert first.days_left == 17 and first.term_end == END
    assert first.holder_person_id == b.ketua_biau and first.holder_name == "Ketua Biau (fiktif)"
    assert first.held_since == at(ISSUED)


def test_after_biau_ends_it_is_overdue_while_extended_bokat_is_due_soon(b: Buol) -> None:
    status = term_end_status(b.world.snapshot(), b.term, date(2025, 2, 5))
    assert _ids(status.overdue) == set(b.biau_accounts.values())
    assert all(i.days_left == -9 for i in status.overdue)
    assert _ids(status.due_soon) == set(b.bokat_accounts.values())
    assert all(i.term_end == EXTENDED for i in status.due_soon)


def test_the_last_day_of_a_term_is_due_soon_and_the_next_day_is_overdue(b: Buol) -> None:
    snapshot = b.world.snapshot()
    on_the_day = term_end_status(snapshot, b.term, END)
    assert _ids(on_the_day.due_soon) >= set(b.biau_accounts.values())
    assert on_the_day.overdue == ()
    after = term_end_status(snapshot, b.term, END + timedelta(days=1))
    assert _ids(after.overdue) == set(b.biau_accounts.values())


def test_the_kecamatan_override_changes_the_answer(b: Buol) -> None:
    day = date(2025, 2, 5)
    with_override = term_end_status(b.world.snapshot(), b.term, day)
    assert not _ids(with_override.overdue) & set(b.bokat_accounts.values())
    b.world.coverage = [dataclasses.replace(c, end_date=None) for c in b.world.coverage]
    without = term_end_status(b.world.snapshot(), b.term, day)
    assert _ids(without.overdue) == set(b.biau_accounts.values()) | set(b.bokat_accounts.values())


def test_due_soon_days_is_the_window(b: Buol) -> None:
    snapshot = b.world.snapshot()
    assert term_end_status(snapshot, b.term, date(2025, 1, 10), due_soon_days=10).due_soon == ()
    wide = term_end_status(snapshot, b.term, date(2025, 1, 10), due_soon_days=60)
    assert len(wide.due_soon) == 6


def test_returned_accounts_are_neither_overdue_nor_counted_as_held(b: Buol) -> None:
    close_out(b, b.biau)
    status = term_end_status(b.world.snapshot(), b.term, date(2025, 2, 5))
    assert status.overdue == ()
    assert status.counts[AccountStatus.DEACTIVATED] == 3
    assert status.counts[AccountStatus.ACTIVE] == 3
    assert set(status.counts) == set(AccountStatus) and status.total == 6
    biau = next(r for r in status.countdown if r.kecamatan_id == b.biau)
    assert (biau.accounts, biau.held, biau.days_left, biau.overridden) == (3, 0, -9, False)
    bokat = next(r for r in status.countdown if r.kecamatan_id == b.bokat)
    assert (bokat.accounts, bokat.held, bokat.end_date, bokat.overridden) == (3, 3, EXTENDED, True)
    assert status.countdown[0].kecamatan_id == b.biau  # fewest days left first


def test_an_official_holding_an_account_is_not_a_committee_member(b: Buol) -> None:
    w = b.world
    aid = b.biau_accounts[Platform.X]
    w.custody = [c for c in w.custody if c.account_id != aid]
    w.handover(HandoverKind.ISSUE, ISSUED, (aid,), committee=w.official, term=b.term)
    status = term_end_status(w.snapshot(), b.term, date(2025, 2, 5))
    assert aid not in _ids(status.overdue)


def test_an_unknown_holder_is_not_assumed_to_be_the_office(b: Buol) -> None:
    w = b.world
    w.people = [p for p in w.people if p.id != b.ketua_biau]
    status = term_end_status(w.snapshot(), b.term, date(2025, 2, 5))
    assert _ids(status.overdue) == set(b.biau_accounts.values())
    assert all(i.holder_name == "" for i in status.overdue)


def test_needs_password_change_until_changed_after_the_return(b: Buol) -> None:
    w = b.world
    ig = b.biau_accounts[Platform.INSTAGRAM]
    w.change_password(ig, at(ISSUED))  # before the return: does not count
    hid = w.handover(HandoverKind.RETURN, END, (ig,), committee=b.ketua_biau, term=b.term)
    w.update(ig, status=AccountStatus.RETURNED)
    status = term_end_status(w.snapshot(), b.term, date(2025, 2, 5))
    (due,) = status.needs_password_change
    assert (due.account_id, due.returned_on, due.handover_id) == (ig, END, hid)
    assert due.handover_number == f"BAST/{hid}/BUOL/2024"
    w.change_password(ig, at(END, 16))
    assert term_end_status(w.snapshot(), b.term, date(2025, 2, 5)).needs_password_change == ()


def test_a_flagged_account_needs_a_password_change_without_a_return(b: Buol) -> None:
    x = b.bokat_accounts[Platform.X]
    b.world.update(x, needs_password_change=True)
    (due,) = term_end_status(b.world.snapshot(), b.term, date(2025, 2, 5)).needs_password_change
    assert (due.account_id, due.returned_on, due.handover_id) == (x, None, None)


def test_checklist_incomplete(b: Buol) -> None:
    w = b.world
    ig, fb, x = (
        b.biau_accounts[p] for p in (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
    )
    w.handover(HandoverKind.RETURN, END, (ig, fb, x), committee=b.ketua_biau, term=b.term)
    w.update(ig, status=AccountStatus.RETURNED)  # no checklist yet
    w.update(fb, status=AccountStatus.DEACTIVATED)
    w.checklist(fb, done=5, total=6)
    w.update(x, status=AccountStatus.DEACTIVATED)
    w.checklist(x, done=6, total=6)
    gaps = term_end_status(w.snapshot(), b.term, date(2025, 2, 5)).checklist_incomplete
    assert [(g.account_id, g.status, g.done, g.total) for g in gaps] == [
        (ig, AccountStatus.RETURNED, 0, 0),
        (fb, AccountStatus.DEACTIVATED, 5, 6),
    ]


def test_personal_recovery_links() -> None:
    w = World()
    kec = w.kec("Momunu")
    term = w.term(kecamatan=(kec,))
    member = w.person("Anggota Momunu (fiktif)", PersonRole.ANGGOTA, kec, term)
    cases = {
        "person": dict(recovery_email="a@buolkab.bawaslu.go.id", recovery_email_owner=Owner.PERSON),
        "gmail": dict(
            recovery_email="panwascam.momunu@gmail.com", recovery_email_owner=Owner.UNKNOWN
        ),
        "office gmail": dict(
            recovery_email="humas.buol@gmail.com", recovery_email_owner=Owner.OFFICE
        ),
        "gmail in vault": dict(
            recovery_email="humas2.buol@gmail.com",
            recovery_email_owner=Owner.UNKNOWN,
            recovery_email_account_id=1,
        ),
        "phone": dict(
            recovery_phone="081234567890",
            recovery_phone_owner=Owner.UNKNOWN,
            recovery_phone_holder_person_id=member,
        ),
        "office phone": dict(
            recovery_phone="081234567891",
            recovery_phone_owner=Owner.OFFICE,
            recovery_phone_holder_person_id=member,
        ),
        "device": dict(twofa_device="HP anggota", twofa_device_owner=Owner.PERSON),
    }
    ids = {
        name: w.account(Platform.INSTAGRAM, f"momunu.{n}", kec, term, **fields)  # type: ignore[arg-type]
        for n, (name, fields) in enumerate(cases.items())
    }
    found = {
        i.account_id: i.links
        for i in term_end_status(w.snapshot(), term, date(2025, 1, 1)).personal_recovery
    }
    assert found == {
        ids["person"]: (PersonalLink.RECOVERY_EMAIL_PERSON,),
        ids["gmail"]: (PersonalLink.RECOVERY_EMAIL_PROVIDER,),
        ids["phone"]: (PersonalLink.RECOVERY_PHONE_PERSON,),
        ids["device"]: (PersonalLink.TWOFA_DEVICE_PERSON,),
    }


def test_a_permanent_account_handed_to_the_next_committee_follows_the_new_term() -> None:
    w = World()
    kec = w.kec("Paleleh")
    first = w.term("Pemilu 2024", date(2022, 10, 31), date(2024, 4, 30), kecamatan=(kec,))
    second = w.term(kecamatan=(kec,))
    old = w.person("Ketua lama (fiktif)", PersonRole.KETUA, kec, first)
    new = w.person("Ketua baru (fiktif)", PersonRole.KETUA, kec, second)
    aid = w.account(
        Platform.INSTAGRAM, "panwascam.paleleh", kec, first, lifecycle_kind=LifecycleKind.PERMANENT
    )
    w.handover(HandoverKind.ISSUE, date(2022, 11, 1), (aid,), committee=old, term=first)
    w.handover(
        HandoverKind.RETURN, date(2024, 4, 30), (aid,), committee=old, term=first, rotated=True
    )
    w.handover(HandoverKind.NEXT_COMMITTEE, ISSUED, (aid,), committee=new, term=second)
    snapshot = w.snapshot()
    assert term_end_status(snapshot, first, date(2024, 8, 1)).overdue == ()
    later = term_end_status(snapshot, second, date(2025, 2, 5))
    assert _ids(later.overdue) == {aid}
    assert later.total == 1 and term_end_status(snapshot, first, date(2024, 8, 1)).total == 1


def test_items_carry_what_a_list_needs_in_kecamatan_then_platform_order(b: Buol) -> None:
    status = term_end_status(b.world.snapshot(), b.term, date(2025, 3, 5))
    rows = [(i.kecamatan_name, i.platform, i.handle) for i in status.overdue]
    assert rows == [
        ("Biau", Platform.INSTAGRAM, "panwascam.biau.instagram"),
        ("Biau", Platform.FACEBOOK_PAGE, "panwascam.biau.facebook_page"),
        ("Biau", Platform.X, "panwascam.biau.x"),
        ("Bokat", Platform.INSTAGRAM, "panwascam.bokat.instagram"),
        ("Bokat", Platform.FACEBOOK_PAGE, "panwascam.bokat.facebook_page"),
        ("Bokat", Platform.X, "panwascam.bokat.x"),
    ]
    assert status.overdue[0].kecamatan_id == b.biau


def test_a_cancelled_plan_is_counted_but_listed_nowhere(b: Buol) -> None:
    aid = b.world.account(
        Platform.TIKTOK, "batal", b.biau, b.term, status=AccountStatus.ARCHIVED, password=False,
        recovery_email="x@gmail.com", recovery_email_owner=Owner.PERSON,
    )  # fmt: skip
    b.world.update(aid, activated_at=None)
    status = term_end_status(b.world.snapshot(), b.term, date(2025, 3, 5))
    assert status.counts[AccountStatus.ARCHIVED] == 1
    assert aid not in _ids(status.personal_recovery)
    biau = next(r for r in status.countdown if r.kecamatan_id == b.biau)
    assert biau.accounts == 3


def test_an_unknown_term_is_not_found(b: Buol) -> None:
    with pytest.raises(NotFound):
        term_end_status(b.world.snapshot(), 999, date(2025, 1, 1))
