"""Dry run and import: one transaction, duplicates, kecamatan, audit, same records as the
account services make."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from import_support import MakeVault, World, make_world, snapshot, write_csv

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import AccountStatus, Owner, Platform, RotationReason
from brankas.core.errors import InvalidValue
from brankas.core.importers import apply as apply_module
from brankas.core.importers.apply import (
    DuplicateChoice,
    apply_import,
    choices_for,
    dry_run,
)
from brankas.core.importers.detect import open_import
from brankas.core.importers.mapping import Field, remembered_mapping
from brankas.core.importers.preview import ImportOptions, Preview, build_preview
from brankas.core.importers.vaultview import load_vault_view
from brankas.core.services import accounts, office, secrets, terms
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import secrets as secrets_repo

HEADER = ("Kecamatan", "Platform", "Username", "Password", "Email Pemulihan", "No HP", "Catatan")


@pytest.fixture
def world(make_vault: MakeVault) -> World:
    return make_world(make_vault)


def preview(world: World, path: Path, options: ImportOptions | None = None) -> Preview:
    prepared = open_import(path, conn=world.ctx.conn)
    return build_preview(prepared, load_vault_view(world.ctx, world.term.id), options)


def rows_file(tmp_path: Path, *rows: tuple[Any, ...], name: str = "a.csv") -> Path:
    return write_csv(tmp_path / name, [HEADER, *rows], delimiter=";", bom=True)


def import_events(world: World) -> list[dict[str, Any]]:
    rows = world.ctx.conn.execute(
        "SELECT target, detail_json FROM audit_event WHERE kind = ? ORDER BY seq",
        (AuditKind.IMPORT.value,),
    ).fetchall()
    return [{"target": r[0], **json.loads(r[1])} for r in rows]


def test_dry_run_changes_nothing_then_import_does_it(world: World, tmp_path: Path) -> None:
    path = rows_file(
        tmp_path,
        ("Biau", "Instagram", "bawaslu.biau", " Rahasia\u200b 1 ", "", "0812-3456-7890", ""),
        ("Biau", "Email", "biau.panwas@gmail.com", "sandi-email", "", "", "dibuat 2022"),
        ("Biau", "Facebook", "panwaslu.biau", "fb", "biau.panwas@gmail.com", "", ""),
        ("Lakea", "X", "lakea", "x", "", "", ""),  # unknown kecamatan: blocked
    )
    pv = preview(world, path)
    before = snapshot(world.ctx)
    trial = dry_run(world.ctx, pv, term_id=world.term.id)
    assert snapshot(world.ctx) == before
    assert trial.dry_run and (trial.created, trial.skipped_errors) == (3, 1)

    done = apply_import(world.ctx, pv, term_id=world.term.id)
    assert dataclasses.replace(trial, dry_run=False) == done
    made = [account_repo.get_account(world.ctx.conn, i) for i in done.created_ids]
    by_platform = {a.platform: a for a in made}
    ig, email, fb = (
        by_platform[p] for p in (Platform.INSTAGRAM, Platform.EMAIL, Platform.FACEBOOK_PAGE)
    )
    assert ig.status is AccountStatus.PLANNED and ig.term_id == world.term.id
    assert (ig.active_from, ig.active_until) == (date(2024, 5, 1), date(2025, 1, 27))
    assert ig.recovery_phone == "+6281234567890"
    stored = secrets_repo.get_secrets(world.ctx.conn, ig.id)
    assert stored.password is not None and stored.password.reveal() == " Rahasia\u200b 1 "
    # The Page recovers through the e-mail account imported with it: linked, office-owned.
    assert fb.recovery_email_account_id == email.id and fb.recovery_email_owner is Owner.OFFICE
    notes = secrets_repo.get_secrets(world.ctx.conn, email.id).notes
    assert notes is not None and notes.reveal() == "dibuat 2022"
    (event,) = import_events(world)
    assert event["target"] == f"term:{world.term.id}"
    assert event["created"] == 3 and event["skipped_errors"] == 1
    assert event["created_ids"] == [[min(done.created_ids), max(done.created_ids)]]
    assert event["file"] == "a.csv" and len(event["sha256"]) == 64
    dump = json.dumps(event)
    assert "Rahasia" not in dump and "sandi-email" not in dump
    assert remembered_mapping(world.ctx.conn, pv.prepared.header.names) == pv.prepared.mapping
    linked = {k.kecamatan_id for k in terms.list_term_kecamatan(world.ctx, world.term.id)}
    assert linked == {world.kec["Biau"]} and done.kecamatan_attached == 1


def test_same_record_as_the_account_services_make(make_vault: MakeVault, tmp_path: Path) -> None:
    imported = make_world(make_vault)
    by_hand = make_world(lambda: make_vault("other"))
    for w in (imported, by_hand):  # the Biau term ends later, as after a court dispute
        terms.attach_kecamatan(w.ctx, w.term.id, [w.kec["Biau"]])
        terms.set_kecamatan_end(w.ctx, w.term.id, w.kec["Biau"], date(2025, 2, 28))
    path = rows_file(
        tmp_path,
        ("Biau", "No HP", "0812-1111-2222", "sim-pin", "", "", ""),
        ("Biau", "Instagram", "@Bawaslu.Biau", "pw-ig", "kantor@bawaslu.go.id", "081211112222", ""),
    )
    summary = apply_import(imported.ctx, preview(imported, path), term_id=imported.term.id)
    sim = accounts.create_account(
        by_hand.ctx,
        platform=Platform.PHONE,
        handle="0812-1111-2222",
        kecamatan_id=by_hand.kec["Biau"],
        term_id=by_hand.term.id,
    ).account
    secrets.set_password(by_hand.ctx, sim.id, "sim-pin", reason=RotationReason.IMPORT)
    ig = accounts.create_account(
        by_hand.ctx,
        platform=Platform.INSTAGRAM,
        handle="@Bawaslu.Biau",
        kecamatan_id=by_hand.kec["Biau"],
        term_id=by_hand.term.id,
        recovery_email="kantor@bawaslu.go.id",
        recovery_phone="081211112222",
    ).account
    secrets.set_password(by_hand.ctx, ig.id, "pw-ig", reason=RotationReason.IMPORT)
    expected = [account_repo.get_account(by_hand.ctx.conn, i) for i in (sim.id, ig.id)]
    got = [account_repo.get_account(imported.ctx.conn, i) for i in summary.created_ids]
    assert got == expected  # every field, ids and links included
    assert got[1].active_until == date(2025, 2, 28)
    assert got[1].recovery_phone_account_id == got[0].id


def test_duplicates_skip_update_keep_both(world: World, tmp_path: Path) -> None:
    old = accounts.create_account(
        world.ctx,
        platform=Platform.INSTAGRAM,
        handle="bawaslu.biau",
        kecamatan_id=world.kec["Biau"],
        term_id=world.term.id,
    ).account
    secrets.set_password(world.ctx, old.id, "lama")
    secrets.set_notes(world.ctx, old.id, "catatan lama")
    path = rows_file(
        tmp_path,
        ("Biau", "Instagram", "bawaslu.biau", "baru", "biau@bawaslu.go.id", "", "dari file"),
        ("Biau", "X", "biau_x", "x1", "", "", ""),
        ("Biau", "X", "BIAU_X", "x2", "", "", ""),
    )
    pv = preview(world, path)
    dup, first_x, second_x = pv.rows
    assert choices_for(dup) == (
        DuplicateChoice.SKIP,
        DuplicateChoice.UPDATE,
        DuplicateChoice.KEEP_BOTH,
    )
    assert choices_for(second_x) == (DuplicateChoice.SKIP, DuplicateChoice.KEEP_BOTH)
    assert choices_for(first_x) == ()
    with pytest.raises(ValueError):
        dry_run(world.ctx, pv, term_id=world.term.id, choices={2: DuplicateChoice.UPDATE})

    skipped = dry_run(world.ctx, pv, term_id=world.term.id)
    assert (skipped.created, skipped.skipped_duplicates) == (1, 2)

    done = apply_import(
        world.ctx,
        pv,
        term_id=world.term.id,
        choices={0: DuplicateChoice.UPDATE, 2: DuplicateChoice.KEEP_BOTH},
    )
    assert (done.created, done.updated, done.skipped_duplicates) == (2, 1, 0)
    assert done.updated_ids == (old.id,)
    updated = account_repo.get_account(world.ctx.conn, old.id)
    assert updated.recovery_email == "biau@bawaslu.go.id"
    stored = secrets_repo.get_secrets(world.ctx.conn, old.id)
    assert stored.password is not None and stored.password.reveal() == "baru"
    assert stored.notes is not None and stored.notes.reveal() == "catatan lama\ndari file"
    (history,) = secrets.password_history(world.ctx, old.id)
    assert history.reason is RotationReason.IMPORT
    assert len(account_repo.find_accounts(world.ctx.conn, Platform.X, "@biau_x")) == 2

    again = apply_import(
        world.ctx, preview(world, path), term_id=world.term.id, choices={0: DuplicateChoice.UPDATE}
    )
    assert (again.updated, again.unchanged) == (0, 1)  # nothing new: no change, no event


def test_new_kecamatan_are_created_and_everything_rolls_back_on_failure(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.create_account(world.ctx, platform=Platform.X, handle="biau_x")
    path = rows_file(
        tmp_path,
        ("Kecamatan Lakea", "Instagram", "lakea.ig", "a", "", "", ""),
        ("LAKEA", "Facebook", "lakea.fb", "b", "", "", ""),
        ("Biau", "X", "biau_x", "c", "bukan-email", "", ""),
    )
    pv = preview(world, path, ImportOptions(create_missing_kecamatan=True))
    assert [r.kecamatan_new for r in pv.rows[:2]] == ["Lakea", "Lakea"]
    before = snapshot(world.ctx)

    def refuse(*_a: Any, **_k: Any) -> Any:
        raise InvalidValue("refused", field="recovery_email", code="email_bad_domain")

    monkeypatch.setattr(apply_module.accounts, "update_account", refuse)
    with pytest.raises(InvalidValue):
        apply_import(world.ctx, pv, term_id=world.term.id, choices={2: DuplicateChoice.UPDATE})
    assert snapshot(world.ctx) == before  # kecamatan, accounts, audit: all undone
    monkeypatch.undo()
    assert not [k for k in office.list_kecamatan(world.ctx) if k.name == "Lakea"]

    done = apply_import(world.ctx, pv, term_id=world.term.id)
    assert done.kecamatan_created == ("Lakea",) and done.created == 2
    lakea = {
        a.kecamatan_id
        for a in (account_repo.get_account(world.ctx.conn, i) for i in done.created_ids)
    }
    assert len(lakea) == 1 and None not in lakea


def test_only_a_complete_preview_can_be_imported(world: World, tmp_path: Path) -> None:
    path = rows_file(tmp_path, *[("Biau", "IG", f"a{i}", "x", "", "", "") for i in range(5)])
    prepared = open_import(path)
    page = build_preview(prepared, load_vault_view(world.ctx, world.term.id), limit=2)
    with pytest.raises(ValueError):
        apply_import(world.ctx, page, term_id=world.term.id)
    assert world.ctx.conn.execute("SELECT count(*) FROM account").fetchone()[0] == 0


def test_fixed_mappings_are_not_remembered(world: World, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "kp.csv",
        [
            ("Group", "Title", "Username", "Password", "URL", "Notes"),
            ("Root/Biau", "IG", "bawaslu.biau", "x", "https://instagram.com/bawaslu.biau", ""),
        ],
    )
    pv = preview(world, path)
    apply_import(world.ctx, pv, term_id=world.term.id)
    assert remembered_mapping(world.ctx.conn, pv.prepared.header.names) is None
    assert pv.prepared.mapping.column_of(Field.KECAMATAN) == 0
