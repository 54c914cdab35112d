"""The eight review rules: each fires on crafted data and clears once fixed."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from review_world import END, ISSUED, START, Buol, World, at, buol, close_out

from brankas.core.domain.enums import (
    AccountStatus,
    HandoverKind,
    LifecycleKind,
    Owner,
    Platform,
    Severity,
)
from brankas.core.domain.models import Custody, Handover
from brankas.core.errors import NotFound
from brankas.core.review.messages import MESSAGES
from brankas.core.review.rules import Finding, review

TODAY = date(2025, 3, 10)  # both kecamatan have ended


def _run(world: World, **kwargs: object) -> list[Finding]:
    return review(world.snapshot(), today=TODAY, **kwargs)  # type: ignore[arg-type]


def _codes(findings: list[Finding], rule: str) -> list[tuple[str, int | None]]:
    return [
        (f.code, f.account_id or f.handover_id or f.kecamatan_id)
        for f in findings
        if f.rule_id == rule
    ]


@pytest.fixture
def clean() -> Buol:
    """Both kecamatan returned on the last day, rotated, checklists done, deactivated."""
    b = buol()
    close_out(b, b.biau)
    close_out(b, b.bokat, day=date(2025, 2, 28))
    return b


def test_a_clean_term_has_no_findings(clean: Buol) -> None:
    assert _run(clean.world) == []


def test_r1_required_accounts(clean: Buol) -> None:
    w = clean.world
    bukal = w.kec("Bukal")
    w.coverage.append(dataclasses.replace(w.coverage[0], kecamatan_id=bukal, end_date=None))
    assert _codes(_run(w), "R1") == [("required_account_missing", bukal)] * 3
    ids = [
        w.account(p, f"bukal.{p.value}", bukal, clean.term, status=AccountStatus.PLANNED)
        for p in (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
    ]
    found = [f for f in _run(w) if f.rule_id == "R1"]
    assert [f.code for f in found] == ["required_account_planned"] * 3
    assert {f.severity for f in found} == {Severity.WARNING}
    for aid in ids:
        w.update(aid, status=AccountStatus.ACTIVE)
    assert _codes(_run(w), "R1") == []


def test_r1_without_coverage_rows_checks_every_kecamatan_not_retired() -> None:
    w = World()
    w.kec("Biau")
    retired = w.kec("Lama")
    w.kecamatan = [
        dataclasses.replace(k, retired_at=date(2020, 1, 1)) if k.id == retired else k
        for k in w.kecamatan
    ]
    w.term()
    found = _run(w)
    assert {f.kecamatan_id for f in found} == {w.kecamatan[0].id}
    assert len(found) == 3


def test_r2_username_and_password_on_record(clean: Buol) -> None:
    w = clean.world
    ig, x = clean.biau_accounts[Platform.INSTAGRAM], clean.bokat_accounts[Platform.X]
    w.passwords.discard(ig)
    w.update(x, handle="")
    assert _codes(_run(w), "R2") == [("password_missing", ig), ("username_missing", x)]
    w.passwords.add(ig)
    w.update(x, handle="panwascam.bokat.x")
    assert _codes(_run(w), "R2") == []


def test_r2_a_phone_without_a_pin_is_a_warning(clean: Buol) -> None:
    w = clean.world
    phone = w.account(Platform.PHONE, "081234567890", clean.biau, None, password=False)
    (finding,) = [f for f in _run(w) if f.rule_id == "R2"]
    assert (finding.code, finding.severity, finding.account_id) == (
        "pin_missing",
        Severity.WARNING,
        phone,
    )


def test_r3_active_period_and_activation(clean: Buol) -> None:
    w = clean.world
    ig, fb, x = (
        clean.biau_accounts[p] for p in (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
    )
    tt = clean.bokat_accounts[Platform.X]
    w.update(ig, active_from=None)
    w.update(fb, active_until=date(2024, 1, 1))
    w.update(x, activated_at=None)
    w.update(tt, active_until=date(2025, 6, 30))
    assert sorted(_codes(_run(w), "R3")) == sorted(
        [
            ("active_period_missing", ig),
            ("active_period_invalid", fb),
            ("activation_not_recorded", x),
            ("active_period_beyond_term", tt),
        ]
    )
    w.update(ig, active_from=START)
    w.update(fb, active_until=END)
    w.update(x, activated_at=at(ISSUED))
    w.update(tt, lifecycle_kind=LifecycleKind.PERMANENT, status=AccountStatus.RETAINED)
    assert _codes(_run(w), "R3") == []


def test_r3_leaves_planned_accounts_alone() -> None:
    w = World()
    kec = w.kec("Biau")
    term = w.term(kecamatan=(kec,), end=date(2026, 1, 1))
    w.account(
        Platform.INSTAGRAM,
        "rencana",
        kec,
        term,
        status=AccountStatus.PLANNED,
        password=False,
        active_from=None,
    )
    assert _codes(_run(w), "R3") == [] and _codes(_run(w), "R2") == []


def test_r4_held_after_term_end() -> None:
    b = buol()
    found = [f for f in _run(b.world) if f.rule_id == "R4"]
    assert {f.account_id for f in found} == {*b.biau_accounts.values(), *b.bokat_accounts.values()}
    first = found[0]
    assert first.severity is Severity.ERROR and first.code == "held_after_term_end"
    assert "Ketua Biau (fiktif)" in first.message_id and "(42 hari)" in first.message_id
    assert "27 Januari 2025" in first.message_id and "27 January 2025" in first.message_en
    close_out(b, b.biau)
    close_out(b, b.bokat)
    assert _codes(_run(b.world), "R4") == []


def test_r4_waits_for_the_kecamatan_extension() -> None:
    b = buol()
    on_the_last_day = review(b.world.snapshot(), today=END)
    assert not [f for f in on_the_last_day if f.rule_id in ("R4", "R6")]
    found = review(b.world.snapshot(), today=date(2025, 2, 5))
    assert {f.account_id for f in found if f.rule_id == "R4"} == set(b.biau_accounts.values())


def test_r5_password_changed_after_the_return(clean: Buol) -> None:
    w = clean.world
    ig = clean.biau_accounts[Platform.INSTAGRAM]
    w.handovers = [
        dataclasses.replace(
            h, items=tuple(dataclasses.replace(i, password_changed_at=None) for i in h.items)
        )
        if h.kind is HandoverKind.RETURN
        else h
        for h in w.handovers
    ]
    found = [f for f in _run(w) if f.rule_id == "R5"]
    assert len(found) == 6 and found[0].handover_id is not None
    assert "BAST/" in found[0].message_id
    w.change_password(ig, at(END, 3))  # 03:00 UTC on the return day counts
    assert ig not in {f.account_id for f in _run(w) if f.rule_id == "R5"}
    x = clean.biau_accounts[Platform.X]
    w.change_password(x, at(date(2025, 1, 26), 12))  # the day before does not
    assert x in {f.account_id for f in _run(w) if f.rule_id == "R5"}
    for aid in (*clean.biau_accounts.values(), *clean.bokat_accounts.values()):
        w.update(aid, password_changed_at=at(date(2025, 3, 1)))
    assert _codes(_run(w), "R5") == []


def test_r6_deactivated_or_permanent_with_checklist_done(clean: Buol) -> None:
    w = clean.world
    ig, fb, x = (
        clean.biau_accounts[p] for p in (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
    )
    w.update(ig, status=AccountStatus.RETURNED)
    w.checklist_items = [i for i in w.checklist_items if i.account_id != fb]
    w.checklist_items = [
        dataclasses.replace(i, done_at=None) if i.account_id == x and i.position == 5 else i
        for i in w.checklist_items
    ]
    plan = w.account(
        Platform.TIKTOK,
        "bokat.tiktok",
        clean.bokat,
        clean.term,
        status=AccountStatus.PLANNED,
        password=False,
    )
    found = {(f.code, f.account_id): f for f in _run(w) if f.rule_id == "R6"}
    assert set(found) == {
        ("not_deactivated", ig),
        ("checklist_missing", fb),
        ("checklist_incomplete", x),
        ("planned_after_term_end", plan),
    }
    assert found["checklist_incomplete", x].message_en.endswith("(5/6 steps).")
    assert found["not_deactivated", ig].message_id.endswith("masih berstatus dikembalikan.")
    assert found["planned_after_term_end", plan].severity is Severity.WARNING
    w.update(ig, status=AccountStatus.DEACTIVATED)
    w.checklist(fb, done=6, total=6)
    w.checklist_items = [dataclasses.replace(i, done_at=at(END)) for i in w.checklist_items]
    w.update(plan, status=AccountStatus.ARCHIVED)  # cancelled
    assert _codes(_run(w), "R6") == []


def test_r6_retained_permanent_accounts_are_fine(clean: Buol) -> None:
    w = clean.world
    ig = clean.biau_accounts[Platform.INSTAGRAM]
    w.update(ig, status=AccountStatus.RETAINED, lifecycle_kind=LifecycleKind.PERMANENT)
    assert _codes(_run(w), "R6") == []


def test_r7_recovery_links_belong_to_the_office(clean: Buol) -> None:
    w = clean.world
    ig, fb, x = (
        clean.biau_accounts[p] for p in (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
    )
    y = clean.bokat_accounts[Platform.INSTAGRAM]
    w.update(ig, recovery_email_owner=Owner.PERSON)
    w.update(fb, recovery_email="panwascam.biau@gmail.com", recovery_email_owner=Owner.UNKNOWN)
    w.update(x, recovery_phone="081234567890", recovery_phone_owner=Owner.PERSON)
    w.update(
        y,
        twofa_device="HP ketua",
        twofa_device_owner=Owner.UNKNOWN,
        twofa_device_person_id=clean.ketua_bokat,
    )
    found = {(f.code, f.account_id): f.severity for f in _run(w) if f.rule_id == "R7"}
    assert found == {
        ("recovery_email_personal", ig): Severity.ERROR,
        ("recovery_email_provider", fb): Severity.WARNING,
        ("recovery_phone_personal", x): Severity.ERROR,
        ("twofa_device_personal", y): Severity.WARNING,
    }
    for aid in (ig, fb, x, y):
        w.update(
            aid,
            recovery_email_owner=Owner.OFFICE,
            recovery_phone_owner=Owner.OFFICE,
            twofa_device_owner=Owner.OFFICE,
        )
    assert _codes(_run(w), "R7") == []


def test_r8_every_handover_has_its_bast(clean: Buol) -> None:
    w = clean.world
    first = w.handovers[0]
    w.handovers[0] = dataclasses.replace(first, number="")
    w.attachments = [a for a in w.attachments if a.owner_id != w.handovers[1].id]
    empty = Handover(
        id=900, number="BAST/900/BUOL/2025", kind=HandoverKind.RETURN, date=END, term_id=clean.term,
        first_party_person_id=clean.ketua_biau, second_party_person_id=w.official, items=(),
    )  # fmt: skip
    w.handovers.append(empty)
    w.attachments.append(dataclasses.replace(w.attachments[0], id=901, owner_id=900))
    found = {(f.code, f.handover_id): f.severity for f in _run(w) if f.rule_id == "R8"}
    assert found == {
        ("bast_number_missing", first.id): Severity.ERROR,
        ("bast_scan_missing", w.handovers[1].id): Severity.WARNING,
        ("bast_no_accounts", 900): Severity.ERROR,
    }
    w.handovers[0] = first
    w.handovers.pop()
    w.attachments.append(dataclasses.replace(w.attachments[0], id=902, owner_id=w.handovers[1].id))
    assert _codes(_run(w), "R8") == []


def test_r8_custody_given_to_a_member_without_a_handover(clean: Buol) -> None:
    w = clean.world
    ig = clean.biau_accounts[Platform.INSTAGRAM]
    w.custody.append(
        Custody(
            id=950,
            account_id=ig,
            holder_person_id=clean.ketua_biau,
            from_at=at(ISSUED),
            until_at=at(ISSUED, 10),
        )
    )
    found = [f for f in _run(w) if f.rule_id == "R8"]
    assert [(f.code, f.account_id) for f in found] == [("custody_without_bast", ig)]
    assert "Ketua Biau (fiktif)" in found[0].message_en
    w.custody[-1] = dataclasses.replace(w.custody[-1], holder_person_id=w.official)  # an official
    assert _codes(_run(w), "R8") == []


def test_term_ids_limit_the_review() -> None:
    b = buol()
    w = b.world
    other_kec = w.kec("Tiloan")
    other = w.term("Pemilu 2029", date(2027, 10, 1), date(2029, 4, 30), kecamatan=(other_kec,))
    only_old = review(w.snapshot(), today=TODAY, term_ids=[b.term])
    assert {f.term_id for f in only_old} == {b.term}
    only_new = review(w.snapshot(), today=TODAY, term_ids=[other])
    assert {f.term_id for f in only_new} == {other}
    assert {f.code for f in only_new} == {"required_account_missing"}
    with pytest.raises(NotFound):
        review(w.snapshot(), today=TODAY, term_ids=[12345])


def test_every_code_can_fire_and_every_finding_is_well_formed() -> None:
    b = buol()
    w = b.world
    ig, fb, x = (
        b.biau_accounts[p] for p in (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
    )
    bok_ig, bok_fb, bok_x = (
        b.bokat_accounts[p] for p in (Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X)
    )
    w.handover(
        HandoverKind.RETURN,
        END,
        (ig, fb),
        committee=b.ketua_biau,
        term=b.term,
        number="",
        scan=False,
    )
    w.update(
        ig,
        status=AccountStatus.RETURNED,
        handle="",
        active_from=None,
        recovery_email_owner=Owner.PERSON,
    )
    w.update(
        fb,
        status=AccountStatus.DEACTIVATED,
        activated_at=None,
        recovery_email="a@gmail.com",
        recovery_email_owner=Owner.UNKNOWN,
    )
    w.update(
        bok_ig,
        status=AccountStatus.DEACTIVATED,
        active_until=date(2020, 1, 1),
        recovery_phone="0812",
        recovery_phone_owner=Owner.PERSON,
    )
    w.checklist(bok_ig, done=1, total=2)
    w.update(bok_fb, active_until=date(2026, 1, 1), twofa_device_owner=Owner.PERSON)
    w.passwords.discard(bok_x)
    w.account(Platform.PHONE, "0813", b.bokat, b.term, password=False, activated_at=at(ISSUED))
    w.account(Platform.TIKTOK, "rencana", b.bokat, b.term, status=AccountStatus.PLANNED)
    w.custody.append(
        Custody(id=990, account_id=x, holder_person_id=b.ketua_biau, from_at=at(START))
    )
    w.custody = [c for c in w.custody if not (c.account_id == x and c.handover_id is not None)]
    w.handovers.append(
        Handover(
            id=991, number="BAST/991", kind=HandoverKind.ISSUE, date=ISSUED, term_id=b.term,
            first_party_person_id=w.official, second_party_person_id=b.ketua_bokat,
        )
    )  # fmt: skip
    gadung = w.kec("Gadung")
    w.coverage.append(dataclasses.replace(w.coverage[0], kecamatan_id=gadung, end_date=None))
    w.account(Platform.INSTAGRAM, "gadung", gadung, b.term, status=AccountStatus.PLANNED)
    findings = _run(w)
    assert {f.code for f in findings} == set(MESSAGES)
    for f in findings:
        message = MESSAGES[f.code]
        assert (f.rule_id, f.severity) == (message.rule_id, message.severity)
        assert f.message_id and f.message_en and "{" not in f.message_id + f.message_en
        assert f.term_id == b.term
    keys = [int(f.rule_id[1:]) for f in findings]
    assert keys == sorted(keys)
    assert review(w.snapshot(), today=TODAY) == findings  # deterministic
    as_json = json.loads(json.dumps([f.to_json() for f in findings]))
    assert as_json[0]["message_en"] == findings[0].message_en
    assert {x["severity"] for x in as_json} == {"error", "warning"}
