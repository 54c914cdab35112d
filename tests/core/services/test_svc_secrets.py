"""Secret services: passwords with history, TOTP, backup codes, notes, audited reveal/copy."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from svc_a_support import (
    Clock,
    MakeVault,
    Org,
    break_audit,
    last_audit,
    make_account,
    make_org,
    new_ctx,
    snapshot,
)

from brankas.core.domain.enums import HandoverKind, RotationReason, TwoFactorMethod
from brankas.core.domain.models import Account, Handover, HandoverItem
from brankas.core.domain.totp import current_code, parse_totp
from brankas.core.errors import DomainNotFound, InvalidValue, NotFound
from brankas.core.secret import Secret
from brankas.core.services import accounts, secrets
from brankas.core.services.context import ServiceContext
from brankas.core.services.secrets import SecretField
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import handover as handover_repo

TOTP_KEY = "JBSWY3DPEHPK3PXP"  # the common documentation example, 80 bits


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


@pytest.fixture
def org(ctx: ServiceContext) -> Org:
    return make_org(ctx)


@pytest.fixture
def acc(ctx: ServiceContext, org: Org) -> Account:
    return make_account(ctx, org)


def _audit_text(ctx: ServiceContext) -> str:
    rows = ctx.conn.execute("SELECT * FROM audit_event").fetchall()
    return "\n".join(repr(tuple(r)) for r in rows)


# --- passwords -------------------------------------------------------------------------------
def test_first_password(ctx: ServiceContext, acc: Account, clock: Clock) -> None:
    u = secrets.set_password(ctx, acc.id, Secret("Sandi-Pertama-1"))
    assert u.password_changed_at == clock.now and not u.needs_password_change
    assert accounts.get_account(ctx, acc.id) == u
    assert secrets.password_history(ctx, acc.id) == []
    assert last_audit(ctx) == (
        "change",
        f"account:{acc.id}",
        {"field": "password", "reason": "routine", "history_kept": False},
    )
    assert secrets.reveal(ctx, acc.id, SecretField.PASSWORD) == Secret("Sandi-Pertama-1")


def test_password_history_keeps_old_values(ctx: ServiceContext, acc: Account, clock: Clock) -> None:
    secrets.set_password(ctx, acc.id, "lama-1")
    t1 = clock.advance(days=1)
    secrets.set_password(ctx, acc.id, "lama-2", reason=RotationReason.HANDOVER)
    t2 = clock.advance(days=1)
    secrets.set_password(ctx, acc.id, "baru-3", reason="compromise")
    info = secrets.password_history(ctx, acc.id)
    assert [(i.changed_at, i.reason) for i in info] == [
        (t1, RotationReason.HANDOVER),
        (t2, RotationReason.COMPROMISE),
    ]
    assert all(i.changed_by_operator_id == ctx.operator_id for i in info)
    assert not hasattr(info[0], "password")  # the listing carries no values
    full = secrets.reveal_history(ctx, acc.id, reason="audit provinsi")
    assert [e.password.reveal() for e in full] == ["lama-1", "lama-2"]
    kind, target, detail = last_audit(ctx)
    assert (kind, target) == ("reveal", f"account:{acc.id}")
    assert detail == {
        "field": "password_history",
        "entries": [i.id for i in info],
        "reason": "audit provinsi",
    }
    one = secrets.reveal_history(ctx, acc.id, entry_id=info[1].id)
    assert [e.password.reveal() for e in one] == ["lama-2"]
    with pytest.raises(DomainNotFound) as err:
        secrets.reveal_history(ctx, acc.id, entry_id=999)
    assert (err.value.field, err.value.code) == ("entry_id", "history_entry_not_found")
    assert secrets.reveal(ctx, acc.id, "password") == Secret("baru-3")


@pytest.mark.parametrize(
    ("value", "code"),
    [("", "password_empty"), ("   ", "password_empty"), ("sama", "password_unchanged")],
)
def test_set_password_refuses(ctx: ServiceContext, acc: Account, value: str, code: str) -> None:
    secrets.set_password(ctx, acc.id, "sama")
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as err:
        secrets.set_password(ctx, acc.id, Secret(value))
    assert (err.value.field, err.value.code) == ("password", code)
    assert "sama" not in str(err.value)
    assert snapshot(ctx) == before


def test_set_password_refuses_unknown_reason_and_account(ctx: ServiceContext, acc: Account) -> None:
    with pytest.raises(InvalidValue) as err:
        secrets.set_password(ctx, acc.id, "x", reason="bosan")
    assert (err.value.field, err.value.code) == ("reason", "value_not_allowed")
    with pytest.raises(NotFound):
        secrets.set_password(ctx, 999, "x")


def test_set_password_clears_the_rotation_flag_and_marks_the_return(
    ctx: ServiceContext, org: Org, acc: Account, clock: Clock
) -> None:
    secrets.set_password(ctx, acc.id, "sebelum")
    today = ctx.today()
    back = handover_repo.add_handover(
        ctx.conn,
        Handover(
            number="BAST/001/BWS.BUOL/I/2025",
            kind=HandoverKind.RETURN,
            date=today,
            first_party_person_id=org.ketua.id,
            second_party_person_id=org.official.id,
            items=(HandoverItem(account_id=acc.id),),
        ),
    )
    later = handover_repo.add_handover(
        ctx.conn,
        Handover(
            number="BAST/002/BWS.BUOL/I/2025",
            kind=HandoverKind.RETURN,
            date=today + timedelta(days=3),
            first_party_person_id=org.ketua.id,
            second_party_person_id=org.official.id,
            items=(HandoverItem(account_id=acc.id),),
        ),
    )
    account_repo.update_account(
        ctx.conn, dataclasses.replace(accounts.get_account(ctx, acc.id), needs_password_change=True)
    )
    clock.advance(hours=2)
    u = secrets.set_password(ctx, acc.id, "sesudah", reason="handover")
    assert not u.needs_password_change
    items = {h.id: h.items[0] for h in handover_repo.handovers_of_account(ctx.conn, acc.id)}
    assert items[back.id].password_changed_at == clock.now
    assert items[later.id].password_changed_at is None  # a handover still to come


# --- TOTP ------------------------------------------------------------------------------------
def test_set_totp_from_base32(ctx: ServiceContext, acc: Account, clock: Clock) -> None:
    u = secrets.set_totp(ctx, acc.id, "jbsw y3dp ehpk 3pxp")
    assert u.twofa_method is TwoFactorMethod.TOTP
    assert secrets.reveal(ctx, acc.id, "totp_secret") == Secret(TOTP_KEY)
    code, left = secrets.totp_code(ctx, acc.id)
    assert (code, left) == current_code(parse_totp(TOTP_KEY), clock.now)
    assert last_audit(ctx) == ("reveal", f"account:{acc.id}", {"field": "totp"})


def test_set_totp_from_uri_keeps_its_settings(
    ctx: ServiceContext, acc: Account, clock: Clock
) -> None:
    uri = f"otpauth://totp/Instagram:panwascam.biau?secret={TOTP_KEY}&issuer=Instagram&digits=8&period=60"
    secrets.set_totp(ctx, acc.id, Secret(uri))
    stored = secrets.reveal(ctx, acc.id, "totp_secret")
    assert stored is not None and stored.reveal().startswith("otpauth://totp/")
    config = parse_totp(stored)
    assert (config.digits, config.period, config.issuer) == (8, 60, "Instagram")
    code, left = secrets.totp_code(ctx, acc.id)
    assert len(code) == 8 and 1 <= left <= 60
    assert code == current_code(parse_totp(uri), clock.now)[0]


def test_set_totp_keeps_another_2fa_method(ctx: ServiceContext, acc: Account) -> None:
    accounts.update_account(ctx, acc.id, twofa_method="sms")
    assert secrets.set_totp(ctx, acc.id, TOTP_KEY).twofa_method is TwoFactorMethod.SMS


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "totp_secret_empty"),
        ("JBSWY3DPEHPK3PX1", "totp_secret_invalid_chars"),
        ("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP", "totp_hotp_unsupported"),
        ("otpauth://totp/x?digits=6", "totp_uri_missing_secret"),
    ],
)
def test_set_totp_refuses(ctx: ServiceContext, acc: Account, raw: str, code: str) -> None:
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as err:
        secrets.set_totp(ctx, acc.id, raw)
    assert (err.value.field, err.value.code) == ("totp_secret", code)
    assert snapshot(ctx) == before


def test_totp_code_without_a_secret(ctx: ServiceContext, acc: Account) -> None:
    with pytest.raises(DomainNotFound) as err:
        secrets.totp_code(ctx, acc.id)
    assert (err.value.field, err.value.code) == ("totp_secret", "totp_not_set")
    secrets.set_totp(ctx, acc.id, TOTP_KEY)
    secrets.clear_totp(ctx, acc.id)
    with pytest.raises(DomainNotFound):
        secrets.totp_code(ctx, acc.id)
    with pytest.raises(NotFound):
        secrets.totp_code(ctx, 999)


# --- backup codes and notes ---------------------------------------------------------------
def test_backup_codes(ctx: ServiceContext, acc: Account, clock: Clock) -> None:
    u = secrets.set_backup_codes(ctx, acc.id, "1234 5678\n\n8765 4321\n1234 5678\n 1111  2222 ")
    assert (u.backup_codes_remaining, u.backup_codes_regenerated_at) == (3, clock.now)
    assert last_audit(ctx)[2] == {"field": "backup_codes", "count": 3}
    assert secrets.reveal(ctx, acc.id, "backup_codes") == Secret("1234 5678\n8765 4321\n1111 2222")
    clock.advance(days=1)
    u = secrets.use_backup_code(ctx, acc.id, "87654321")
    assert u.backup_codes_remaining == 2
    assert u.backup_codes_regenerated_at == clock.now - timedelta(days=1)
    assert secrets.reveal(ctx, acc.id, "backup_codes") == Secret("1234 5678\n1111 2222")
    with pytest.raises(InvalidValue) as err:
        secrets.use_backup_code(ctx, acc.id, "87654321")
    assert (err.value.field, err.value.code) == ("code", "backup_code_unknown")
    secrets.use_backup_code(ctx, acc.id, Secret("1234 5678"))
    u = secrets.use_backup_code(ctx, acc.id, "1111 2222")
    assert u.backup_codes_remaining == 0
    assert secrets.reveal(ctx, acc.id, "backup_codes") is None
    u = secrets.set_backup_codes(ctx, acc.id, ["a1", "b2"])
    assert u.backup_codes_remaining == 2


def test_backup_codes_refuse_an_empty_set(ctx: ServiceContext, acc: Account) -> None:
    for empty in ("", " \n ", []):
        with pytest.raises(InvalidValue) as err:
            secrets.set_backup_codes(ctx, acc.id, empty)
        assert (err.value.field, err.value.code) == ("backup_codes", "backup_codes_empty")


def test_notes(ctx: ServiceContext, acc: Account) -> None:
    secrets.set_notes(ctx, acc.id, "PIN kartu SIM: 1234")
    assert secrets.reveal(ctx, acc.id, SecretField.NOTES) == Secret("PIN kartu SIM: 1234")
    assert secrets.secret_presence(ctx, acc.id)[SecretField.NOTES]
    secrets.set_notes(ctx, acc.id, "  ")
    assert secrets.reveal(ctx, acc.id, "notes") is None


def test_secret_presence(ctx: ServiceContext, acc: Account) -> None:
    assert set(secrets.secret_presence(ctx, acc.id).values()) == {False}
    secrets.set_password(ctx, acc.id, "x1")
    secrets.set_totp(ctx, acc.id, TOTP_KEY)
    assert secrets.secret_presence(ctx, acc.id) == {
        SecretField.PASSWORD: True,
        SecretField.TOTP_SECRET: True,
        SecretField.BACKUP_CODES: False,
        SecretField.NOTES: False,
    }
    with pytest.raises(NotFound):
        secrets.secret_presence(ctx, 999)


# --- reveal and copy are audited, values never are ------------------------------------------
def test_reveal_and_copy_are_audited(ctx: ServiceContext, acc: Account) -> None:
    secrets.set_password(ctx, acc.id, "Rahasia-Sekali-9")
    value = secrets.reveal(ctx, acc.id, "password", reason="serah terima")
    assert value == Secret("Rahasia-Sekali-9")
    assert last_audit(ctx) == (
        "reveal",
        f"account:{acc.id}",
        {"field": "password", "reason": "serah terima"},
    )
    secrets.record_copy(ctx, acc.id, SecretField.PASSWORD)
    assert last_audit(ctx) == ("copy", f"account:{acc.id}", {"field": "password"})
    secrets.record_copy(ctx, acc.id, "totp")
    assert last_audit(ctx)[2] == {"field": "totp"}
    assert secrets.reveal(ctx, acc.id, "notes") is None
    assert last_audit(ctx)[2] == {"field": "notes", "reason": "", "empty": True}


def test_unknown_fields_are_refused(ctx: ServiceContext, acc: Account) -> None:
    for call in (
        lambda: secrets.reveal(ctx, acc.id, "handle"),
        lambda: secrets.reveal(ctx, acc.id, "totp"),  # a code is read with totp_code
        lambda: secrets.record_copy(ctx, acc.id, "pin"),
    ):
        with pytest.raises(InvalidValue) as err:
            call()
        assert (err.value.field, err.value.code) == ("field", "secret_field_unknown")
    with pytest.raises(NotFound):
        secrets.reveal(ctx, 999, "password")
    with pytest.raises(NotFound):
        secrets.record_copy(ctx, 999, "password")


def test_no_secret_value_ever_reaches_the_audit_log(ctx: ServiceContext, acc: Account) -> None:
    values = ["Kata-Sandi-Lama-1", "Kata-Sandi-Baru-2", "9182 7364", "5647 3829", "catatan rahasia"]
    secrets.set_password(ctx, acc.id, values[0])
    secrets.set_password(ctx, acc.id, values[1], reason="handover")
    secrets.set_totp(ctx, acc.id, TOTP_KEY)
    secrets.set_backup_codes(ctx, acc.id, [values[2], values[3]])
    secrets.use_backup_code(ctx, acc.id, values[2])
    secrets.set_notes(ctx, acc.id, values[4])
    for field in SecretField:
        secrets.reveal(ctx, acc.id, field)
        secrets.record_copy(ctx, acc.id, field)
    code, _ = secrets.totp_code(ctx, acc.id)
    secrets.record_copy(ctx, acc.id, "totp")
    secrets.reveal_history(ctx, acc.id)
    text = _audit_text(ctx)
    for v in [*values, TOTP_KEY, code, "98273645", "56473829"]:
        assert v not in text
    assert text.count("'reveal'") == len(SecretField) + 2


def test_set_password_rolls_back_when_audit_fails(
    ctx: ServiceContext, acc: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets.set_password(ctx, acc.id, "lama")
    before = snapshot(ctx)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        secrets.set_password(ctx, acc.id, "baru")
    assert snapshot(ctx) == before  # no new password, no history entry, flag untouched
    monkeypatch.undo()
    assert secrets.reveal(ctx, acc.id, "password") == Secret("lama")


def test_reveal_fails_closed_when_audit_fails(
    ctx: ServiceContext, acc: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets.set_password(ctx, acc.id, "lama")
    secrets.set_totp(ctx, acc.id, TOTP_KEY)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        secrets.reveal(ctx, acc.id, "password")  # no value without its audit event
    with pytest.raises(RuntimeError):
        secrets.totp_code(ctx, acc.id)
    with pytest.raises(RuntimeError):
        secrets.reveal_history(ctx, acc.id)


def test_history_needs_an_account(ctx: ServiceContext) -> None:
    with pytest.raises(NotFound):
        secrets.password_history(ctx, 999)
    with pytest.raises(NotFound):
        secrets.reveal_history(ctx, 999)
