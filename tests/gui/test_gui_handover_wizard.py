"""The handover wizard on the demo vault: the full path of a term-end return, the checks
each page shows, and printing with no printer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from handover_support import FakeWorld, ctx_of, demo_session, fake_world, make_env
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_gui_org_support import confirm, settle

from brankas.core.domain.enums import AccountStatus, Election, HandoverKind, PersonRole
from brankas.core.services import accounts, continuation, handover, people, terms
from brankas.core.services.handover_wizard import Page
from brankas.gui.context import AppContext
from brankas.gui.handover.choice_models import AccountColumn
from brankas.gui.handover.env import HandoverEnv
from brankas.gui.handover.wizard import DONE_ID, HandoverWizard
from brankas.gui.session import Session


@pytest.fixture
def session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    with demo_session(gui_ctx, tmp_path) as s:
        yield s


@pytest.fixture
def world(tmp_path: Path) -> FakeWorld:
    return fake_world(tmp_path)


@pytest.fixture
def env(session: Session, world: FakeWorld) -> HandoverEnv:
    return make_env(session, world)


@pytest.fixture
def wizard(qtbot: QtBot, env: HandoverEnv, gui_ctx: AppContext) -> HandoverWizard:
    w = HandoverWizard(env, gui_ctx.resources)
    qtbot.addWidget(w)
    w.show()
    return w


def _next(qtbot: QtBot, session: Session, w: HandoverWizard) -> None:
    settle(qtbot, session)
    w.next()
    settle(qtbot, session)


def _pick(box: object, text: str) -> None:
    index = box.findText(text, Qt.MatchFlag.MatchStartsWith)  # type: ignore[attr-defined]
    assert index >= 0, text
    box.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_a_term_end_return_from_kind_to_pdf(
    qtmodeltester: ModelTester,
    qtbot: QtBot,
    wizard: HandoverWizard,
    session: Session,
    world: FakeWorld,
) -> None:
    before = len(handover.list_handovers(ctx_of(session)))
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Next >"
    _next(qtbot, session, wizard)  # nothing chosen
    assert wizard.currentId() == 0
    assert wizard.kind_page.error_text("kind") == "Choose what kind of handover this is."
    wizard.kind_page.buttons[HandoverKind.RETURN].setChecked(True)
    _next(qtbot, session, wizard)
    # The term: the demo's newest (Pilkada 2024, ended) is proposed.
    assert wizard.term_page.table.current_record().name == "Pilkada 2024"
    _next(qtbot, session, wizard)
    # Kecamatan: those whose committee still holds accounts are ticked (the overdue ones).
    page = wizard.kecamatan_page
    ticked = {r.option.name for r in page.model.records() if r.id in page.model.checked()}
    assert ticked == {"Biau", "Bokat", "Tiloan"}
    assert len(page.model.records()) == 11
    _next(qtbot, session, wizard)
    accounts = wizard.accounts_page
    assert wizard.currentPage() is accounts
    assert accounts.model.rowCount() == len(wizard.state.selected) > 3
    proxy = accounts.table.proxy
    holders = {proxy.index(r, AccountColumn.HOLDER).data() for r in range(proxy.rowCount())}
    assert "the office" not in holders
    _next(qtbot, session, wizard)
    # Parties: each committee's ketua is suggested; the office's party must be chosen.
    parties = wizard.parties_page
    assert set(parties.committee_boxes) == set(wizard.state.kecamatan_ids)
    assert all(b.currentText() for b in parties.committee_boxes.values())
    _next(qtbot, session, wizard)
    assert wizard.currentPage() is parties
    assert parties.error_text("office_party") == "Choose who signs here."
    _pick(parties.office_box, "Rina Contoh")
    _pick(parties.mengetahui_box, "Ahmad Rekaan")
    rows = parties.witness_model.records()
    rina = next(p for p in rows if p.name == "Rina Contoh")
    witness = next(p for p in rows if p.name == "Operator Contoh")
    index = parties.witness_model.index(rows.index(rina), 0)
    parties.witness_model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    _next(qtbot, session, wizard)
    assert wizard.currentPage() is parties
    assert "cannot also sign" in parties.error_text("witnesses")
    parties.witness_model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    index = parties.witness_model.index(rows.index(witness), 0)
    parties.witness_model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    _next(qtbot, session, wizard)
    # Details: a batch of three BAST takes its numbers from the sequence.
    details = wizard.details_page
    assert wizard.currentPage() is details
    assert details.chosen_date() == date(2025, 3, 10)
    assert not details.number.isEnabled()
    assert "The 3 BAST get the next numbers" in details.number_hint.text()
    details.date.setDate(QDate(2025, 3, 20))
    _next(qtbot, session, wizard)
    assert details.error_text("date") == "A handover cannot be dated in the future."
    details.date.setDate(QDate(2025, 3, 10))
    details.place.setText("Buol")
    _next(qtbot, session, wizard)
    # Preview: one BAST per kecamatan, none with a password in it.
    preview = wizard.preview
    assert wizard.currentPage() is preview and preview.isComplete()
    assert preview.model.rowCount() == 3
    html = preview.browser.toPlainText()
    assert "BERITA ACARA" in html.upper() and "Contoh-" not in html
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Record"
    qtmodeltester.check(preview.model)
    preview.as_printed.setChecked(True)  # the pages as printed: footer with page numbers
    pages = preview.pages.findChildren(QLabel, "bastPage")
    assert pages and not pages[0].pixmap().isNull()
    preview.as_printed.setChecked(False)
    _next(qtbot, session, wizard)
    assert wizard.currentId() == DONE_ID
    ctx = ctx_of(session)
    recorded = handover.list_handovers(ctx)
    assert len(recorded) == before + 3
    new = recorded[-3:]
    assert {h.kind for h in new} == {HandoverKind.RETURN}
    queue = {a.id for a in handover.rotation_queue(ctx)}
    for h in new:
        assert {i.account_id for i in h.items} <= queue
    assert all(
        a.status is AccountStatus.RETURNED
        for a in handover.rotation_queue(ctx)
        if a.id in {i.account_id for h in new for i in h.items}
    )
    # No printer: the offer to save PDF files instead, into the chosen folder.
    done = wizard.done_page
    qtmodeltester.check(done.model)
    assert done.model.rowCount() == 3
    assert done.rotate_button.isVisibleTo(wizard)
    done.print_button.click()
    assert "No printer" in confirm(qtbot)
    files = sorted(world.folder.glob("*.pdf"))
    assert len(files) == 3 and all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert "3 BAST saved" in done.status.text()
    assert not world.unexpected


def test_prefilled_return_jumps_to_the_accounts(
    qtbot: QtBot, env: HandoverEnv, gui_ctx: AppContext, session: Session
) -> None:
    ctx = ctx_of(session)
    term = next(t for t in handover.wizard_data(ctx).terms if t.name == "Pilkada 2024")
    data = handover.wizard_data(ctx, HandoverKind.RETURN, term.id)
    biau = next(k for k in data.kecamatan if k.name == "Biau")
    w = HandoverWizard(
        env,
        gui_ctx.resources,
        kind=HandoverKind.RETURN,
        term_id=term.id,
        kecamatan_ids=[biau.id],
        jump_to=Page.ACCOUNTS,
    )
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.currentPage() is w.accounts_page, timeout=10_000)
    settle(qtbot, session)
    assert w.state.kecamatan_ids == (biau.id,)
    assert {r.kecamatan for r in w.accounts_page.model.records()} == {"Biau"}
    assert w.state.selected == {r.id for r in w.accounts_page.model.records()}
    w.back()
    assert w.currentPage() is w.kecamatan_page


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, wizard: HandoverWizard, session: Session
) -> None:
    wizard.kind_page.buttons[HandoverKind.RETURN].setChecked(True)
    for _ in range(3):
        _next(qtbot, session, wizard)
    assert wizard.currentPage() is wizard.accounts_page
    qtmodeltester.check(wizard.term_page.model)
    qtmodeltester.check(wizard.kecamatan_page.model)
    qtmodeltester.check(wizard.accounts_page.model)
    wizard.accounts_page.none_button.click()
    _next(qtbot, session, wizard)
    assert wizard.accounts_page.error_text("accounts") == "Tick at least one account to hand over."
    wizard.accounts_page.all_button.click()
    _next(qtbot, session, wizard)
    assert wizard.currentPage() is wizard.parties_page
    qtmodeltester.check(wizard.parties_page.witness_model)


def test_next_term_takes_kept_accounts_to_the_new_committee(
    qtbot: QtBot, env: HandoverEnv, gui_ctx: AppContext, session: Session
) -> None:
    ctx = ctx_of(session)
    kept = continuation.retained_accounts(ctx)
    assert kept  # the demo's permanent Pages of Momunu and Paleleh, kept after Pilkada 2024
    kecamatan = {a.kecamatan_id for a in kept if a.kecamatan_id is not None}
    new = terms.add_term(
        ctx,
        election=Election.PEMILU,
        year=2029,
        start_date=date(2025, 3, 1),
        end_date=date(2026, 12, 31),
        sk_number="SK-CONTOH/PM/III/2025",
        sk_date=date(2025, 2, 27),
    )
    terms.attach_kecamatan(ctx, new.id, sorted(kecamatan))
    for n, k in enumerate(sorted(kecamatan)):
        people.add_person(
            ctx,
            name=f"Ketua Baru Contoh {n}",
            role=PersonRole.KETUA,
            kecamatan_id=k,
            term_id=new.id,
            position="Ketua Panwaslu Kecamatan",
        )
    w = HandoverWizard(env, gui_ctx.resources, kind=HandoverKind.NEXT_COMMITTEE)
    qtbot.addWidget(w)
    w.show()
    _next(qtbot, session, w)
    assert w.term_page.table.current_record().id == new.id  # running today
    _next(qtbot, session, w)
    assert w.kecamatan_page.model.checked() == kecamatan
    _next(qtbot, session, w)
    assert w.state.selected == {a.id for a in kept}
    _next(qtbot, session, w)
    _pick(w.parties_page.office_box, "Rina Contoh")
    _next(qtbot, session, w)
    _next(qtbot, session, w)
    assert w.preview.model.rowCount() == len(kecamatan)
    _next(qtbot, session, w)
    assert w.currentId() == DONE_ID
    assert not w.done_page.rotate_button.isVisibleTo(w)
    for a in kept:
        moved = accounts.get_account(ctx, a.id)
        assert moved.term_id == new.id and moved.status is AccountStatus.ACTIVE
        assert moved.active_from == date(2025, 3, 1)
