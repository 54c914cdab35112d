"""The whole life of a committee's accounts, through the service API only:

term → kecamatan and people → accounts with passwords → issue → term end → return →
rotation → checklist → deactivate one, retain the permanent one → next term continuation.
Each step asserts status, custody, history and the audit events it wrote.
"""

from __future__ import annotations

from datetime import date

from svc_b_support import Clock, MakeVault, events, last_seq, new_ctx

from brankas.core.domain.enums import (
    AccountStatus,
    Election,
    HandoverKind,
    LifecycleKind,
    Platform,
    RotationReason,
)
from brankas.core.services import (
    accounts,
    checklist,
    continuation,
    custody,
    handover,
    office,
    people,
    secrets,
    terms,
)
from brankas.core.services.handover_wizard import HandoverDraft


def test_full_lifecycle(make_vault: MakeVault) -> None:
    clock = Clock()
    ctx = new_ctx(make_vault, clock)

    # --- term, kecamatan, people --------------------------------------------------------
    clock.set_day(date(2024, 4, 25))
    office.update_office(ctx, code="BWS.BUOL", city="Buol")
    seq = last_seq(ctx)
    term = terms.add_term(
        ctx,
        election=Election.PILKADA,
        year=2024,
        start_date=date(2024, 5, 1),
        end_date=date(2025, 1, 27),
        sk_number="SK-CONTOH/2024",
    )
    lakea = office.add_kecamatan(ctx, "Lakea")
    terms.attach_kecamatan(ctx, term.id, [lakea.id])
    official = people.add_person(ctx, name="Rina Contoh", role="official")
    ketua = people.add_person(
        ctx, name="Budi Contoh", role="ketua", kecamatan_id=lakea.id, term_id=term.id
    )
    assert [(e[0], e[1].split(":")[0]) for e in events(ctx, seq)] == [
        ("create", "term"),
        ("create", "kecamatan"),
        ("change", "term"),
        ("create", "person"),
        ("create", "person"),
    ]

    # --- accounts with passwords: planned, at the office ----------------------------------
    ig = accounts.create_account(
        ctx,
        platform=Platform.INSTAGRAM,
        handle="@contoh.lakea",
        kecamatan_id=lakea.id,
        term_id=term.id,
    ).account
    page = accounts.create_account(
        ctx,
        platform=Platform.FACEBOOK_PAGE,
        handle="panwascam.lakea.contoh",
        kecamatan_id=lakea.id,
        term_id=term.id,
        lifecycle_kind=LifecycleKind.PERMANENT,
    ).account
    both = (ig.id, page.id)
    for aid in both:
        secrets.set_password(ctx, aid, f"Contoh-awal-{aid}", reason=RotationReason.INITIAL)
    for aid in both:
        a = accounts.get_account(ctx, aid)
        assert (a.status, a.active_from, a.active_until) == (
            AccountStatus.PLANNED,
            date(2024, 5, 1),
            date(2025, 1, 27),
        )
        assert custody.current_holder(ctx, aid).is_office
        assert secrets.password_history(ctx, aid) == []

    # --- issue to the committee ------------------------------------------------------------
    clock.set_day(date(2024, 5, 10))
    seq = last_seq(ctx)
    issued = handover.record_handover(
        ctx,
        HandoverDraft(
            kind=HandoverKind.ISSUE,
            term_id=term.id,
            first_party_id=official.id,
            second_party_id=ketua.id,
            account_ids=both,
            on=date(2024, 5, 10),
        ),
    )
    for aid in both:
        a = accounts.get_account(ctx, aid)
        assert (a.status, a.activated_at) == (AccountStatus.ACTIVE, clock.now)
        assert custody.current_holder(ctx, aid).person_id == ketua.id
    assert [(e[0], e[2].get("action")) for e in events(ctx, seq)] == [
        ("transition", "activate"),
        ("transition", "activate"),
        ("handover", None),
    ]

    # --- the term ends: still with the committee (overdue) ---------------------------------
    clock.set_day(date(2025, 1, 28))
    assert terms.effective_end(ctx, term.id, lakea.id) < clock.now.date()
    assert [a.id for a in custody.accounts_held_by(ctx, ketua.id)] == list(both)
    assert [h.account.id for h in custody.accounts_held_in(ctx, lakea.id, term.id)] == list(both)

    # --- return to the office ----------------------------------------------------------------
    seq = last_seq(ctx)
    returned = handover.record_handover(
        ctx,
        HandoverDraft(
            kind=HandoverKind.RETURN,
            term_id=term.id,
            first_party_id=ketua.id,
            second_party_id=official.id,
            account_ids=both,
            on=date(2025, 1, 28),
        ),
    )
    assert returned.number == "BAST/001/BWS.BUOL/I/2025"
    for aid in both:
        a = accounts.get_account(ctx, aid)
        assert (a.status, a.needs_password_change) == (AccountStatus.RETURNED, True)
        assert custody.current_holder(ctx, aid).handover_id == returned.id
        assert [p.holder_person_id for p in custody.custody_history(ctx, aid)] == [
            None,
            ketua.id,
            None,
        ]
        assert checklist.items(ctx, aid)
    assert [e[0] for e in events(ctx, seq)][-1] == "handover"
    assert [a.id for a in handover.rotation_queue(ctx, term.id)] == list(both)

    # --- rotation: the old passwords stay in the history ------------------------------------
    clock.advance(hours=2)
    seq = last_seq(ctx)
    for aid in both:
        secrets.set_password(ctx, aid, f"Contoh-baru-{aid}", reason=RotationReason.HANDOVER)
        a = accounts.get_account(ctx, aid)
        assert (a.needs_password_change, a.password_changed_at) == (False, clock.now)
        (old,) = secrets.reveal_history(ctx, aid, reason="uji")
        assert old.password.reveal() == f"Contoh-awal-{aid}"
        assert old.reason is RotationReason.HANDOVER
    items = {
        i.account_id: i.password_changed_at for i in handover.get_handover(ctx, returned.id).items
    }
    assert items == {aid: clock.now for aid in both}
    assert handover.rotation_queue(ctx) == []
    assert "Contoh-baru" not in str(events(ctx, seq)) and "Contoh-awal" not in str(events(ctx, seq))

    # --- checklist, then deactivate the ad hoc one and retain the permanent one --------------
    clock.advance(days=7)
    for aid in both:
        for item in checklist.items(ctx, aid):
            checklist.tick(ctx, item.id)
    overview = checklist.checklist_overview(ctx, term.id, lakea.id)
    assert [r.ready_to_complete for r in overview] == [True, True]
    seq = last_seq(ctx)
    assert checklist.complete(ctx, ig.id).status is AccountStatus.DEACTIVATED
    assert checklist.complete(ctx, page.id).status is AccountStatus.RETAINED
    assert accounts.get_account(ctx, ig.id).deactivated_at == clock.now
    assert [(e[0], e[1], e[2]["to"]) for e in events(ctx, seq)] == [
        ("transition", f"account:{ig.id}", "deactivated"),
        ("transition", f"account:{page.id}", "retained"),
    ]

    # --- next term: the retained page continues with the new committee ----------------------
    clock.set_day(date(2026, 9, 1))
    nxt = terms.add_term(
        ctx,
        election=Election.PEMILU,
        year=2029,
        start_date=date(2026, 9, 1),
        end_date=date(2029, 4, 30),
    )
    terms.attach_kecamatan(ctx, nxt.id, [lakea.id])
    new_ketua = people.add_person(
        ctx, name="Citra Contoh", role="ketua", kecamatan_id=lakea.id, term_id=nxt.id
    )
    seq = last_seq(ctx)
    cont = continuation.continue_to_term(
        ctx,
        account_ids=[page.id],
        term_id=nxt.id,
        office_party_id=official.id,
        committee_party_id=new_ketua.id,
        on=date(2026, 9, 1),
    )
    p = accounts.get_account(ctx, page.id)
    assert (p.status, p.term_id, p.active_from, p.active_until) == (
        AccountStatus.ACTIVE,
        nxt.id,
        date(2026, 9, 1),
        date(2029, 4, 30),
    )
    assert custody.current_holder(ctx, page.id).person_id == new_ketua.id
    assert [c.holder_person_id for c in custody.custody_history(ctx, page.id)] == [
        None,
        ketua.id,
        None,
        new_ketua.id,
    ]
    assert [h.id for h in handover.handovers_of_account(ctx, page.id)] == [
        issued.id,
        returned.id,
        cont.id,
    ]
    assert len(secrets.password_history(ctx, page.id)) == 1
    assert [e[0] for e in events(ctx, seq)] == ["change", "transition", "handover"]
    ig_now = accounts.get_account(ctx, ig.id)
    assert (ig_now.status, ig_now.term_id) == (AccountStatus.DEACTIVATED, term.id)
    assert ctx.vault.check().ok
