"""Account services: identity, period defaults, recovery chain, duplicates, Page roster."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

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

from brankas.core.domain.enums import (
    AccountStatus,
    LifecycleKind,
    Owner,
    PageAccess,
    PersonRole,
    Platform,
    TwoFactorMethod,
)
from brankas.core.domain.models import Account, PageAccessEntry
from brankas.core.errors import Conflict, DomainConflict, DomainNotFound, InvalidValue, NotFound
from brankas.core.services import accounts, office, people, secrets, terms
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as account_repo


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


@pytest.fixture
def org(ctx: ServiceContext) -> Org:
    return make_org(ctx)


# --- creating ------------------------------------------------------------------------------
def test_create_account_normalises_and_defaults(
    ctx: ServiceContext, org: Org, clock: Clock
) -> None:
    saved = accounts.create_account(
        ctx,
        platform="instagram",
        handle="https://www.instagram.com/Panwascam.Biau/?hl=id",
        display_name=" Panwaslu  Kecamatan Biau ",
        kecamatan_id=org.biau.id,
        term_id=org.term.id,
    )
    a = saved.account
    assert (a.handle, a.url) == ("@panwascam.biau", "https://www.instagram.com/panwascam.biau/")
    assert a.display_name == "Panwaslu Kecamatan Biau"
    assert a.status is AccountStatus.PLANNED
    assert a.lifecycle_kind is LifecycleKind.AD_HOC
    assert (a.active_from, a.active_until) == (date(2024, 5, 1), date(2025, 1, 27))
    assert a.created_at == clock.now
    assert saved.warnings == ()
    assert accounts.get_account(ctx, a.id) == a
    assert last_audit(ctx) == (
        "create",
        f"account:{a.id}",
        {"platform": "instagram", "handle": "@panwascam.biau"},
    )


def test_period_defaults_to_the_kecamatans_extended_end(ctx: ServiceContext, org: Org) -> None:
    terms.set_kecamatan_end(ctx, org.term.id, org.bokat.id, date(2025, 2, 28), note="MK")
    a = make_account(ctx, org, "@bokat", kecamatan_id=org.bokat.id)
    assert a.active_until == date(2025, 2, 28)


def test_explicit_period(ctx: ServiceContext, org: Org) -> None:
    a = make_account(ctx, org, active_from=date(2024, 6, 1), active_until=date(2024, 6, 1))
    assert (a.active_from, a.active_until) == (date(2024, 6, 1), date(2024, 6, 1))
    with pytest.raises(InvalidValue) as err:
        make_account(ctx, org, "@x2", active_from=date(2024, 6, 2), active_until=date(2024, 6, 1))
    assert (err.value.field, err.value.code) == ("active_until", "active_until_before_from")
    # An explicit start after the term's end is refused against the defaulted end too.
    with pytest.raises(InvalidValue) as err:
        make_account(ctx, org, "@x3", active_from=date(2025, 3, 1))
    assert err.value.code == "active_until_before_from"


def test_an_account_without_term_has_no_period(ctx: ServiceContext, org: Org) -> None:
    a = make_account(ctx, org, term_id=None)
    assert (a.active_from, a.active_until) == (None, None)


def test_facebook_profile_link_is_kept_with_a_warning(ctx: ServiceContext, org: Org) -> None:
    saved = accounts.create_account(
        ctx,
        platform=Platform.FACEBOOK_PAGE,
        handle="https://www.facebook.com/profile.php?id=100064000000001",
        kecamatan_id=org.biau.id,
        term_id=org.term.id,
    )
    assert saved.account.handle == "100064000000001"
    assert saved.warnings == ("facebook_personal_profile",)


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"handle": ""}, "handle", "handle_empty"),
        ({"handle": "https://twitter.com/panwascam"}, "handle", "url_wrong_site"),
        ({"handle": "a" * 31}, "handle", "handle_too_long"),
        ({"platform": "friendster"}, "platform", "value_not_allowed"),
        ({"lifecycle_kind": "forever"}, "lifecycle_kind", "value_not_allowed"),
        ({"kecamatan_id": 999}, "kecamatan_id", "kecamatan_not_found"),
        ({"term_id": 999}, "term_id", "term_not_found"),
        ({"display_name": "d" * 201}, "display_name", "value_too_long"),
        ({"recovery_email": "bukan-email"}, "recovery_email", "email_missing_at"),
        ({"recovery_phone": "12345"}, "recovery_phone", "phone_bad_prefix"),
        ({"recovery_email_person_id": 999}, "recovery_email_person_id", "person_not_found"),
        (
            {"recovery_phone_holder_person_id": 999},
            "recovery_phone_holder_person_id",
            "person_not_found",
        ),
        ({"twofa_device_person_id": 999}, "twofa_device_person_id", "person_not_found"),
        ({"recovery_email_owner": "boss"}, "recovery_email_owner", "value_not_allowed"),
        ({"twofa_method": "carrier_pigeon"}, "twofa_method", "value_not_allowed"),
        ({"backup_codes_remaining": -1}, "backup_codes_remaining", "backup_codes_negative"),
        (
            {"backup_codes_regenerated_at": datetime(2024, 9, 1)},
            "backup_codes_regenerated_at",
            "datetime_naive",
        ),
        ({"recovery_email_account_id": 999}, "recovery_email_account_id", "account_not_found"),
    ],
)
def test_create_account_refuses(
    ctx: ServiceContext, org: Org, kwargs: dict[str, object], field: str, code: str
) -> None:
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as err:
        make_account(ctx, org, **kwargs)
    assert (err.value.field, err.value.code) == (field, code)
    assert snapshot(ctx) == before


def test_a_retired_kecamatan_gets_no_new_accounts(ctx: ServiceContext, org: Org) -> None:
    existing = make_account(ctx, org)
    office.retire_kecamatan(ctx, org.biau.id)
    with pytest.raises(InvalidValue) as err:
        make_account(ctx, org, "@baru")
    assert (err.value.field, err.value.code) == ("kecamatan_id", "kecamatan_retired")
    # Its existing accounts can still be edited.
    assert (
        accounts.update_account(ctx, existing.id, display_name="Lama").account.display_name
        == "Lama"
    )


@pytest.mark.parametrize(
    ("platform", "first", "second"),
    [
        (Platform.INSTAGRAM, "@Panwascam.Biau", "https://instagram.com/panwascam.biau"),
        (Platform.FACEBOOK_PAGE, "PanwascamBiau", "https://m.facebook.com/panwascambiau"),
        (Platform.EMAIL, "panwascam.biau@gmail.com", "Panwascam.Biau@GMAIL.com"),
        (Platform.PHONE, "0812-3456-7890", "+62 812 3456 7890"),
    ],
)
def test_duplicate_accounts_are_refused(
    ctx: ServiceContext, org: Org, platform: Platform, first: str, second: str
) -> None:
    make_account(ctx, org, first, platform=platform)
    before = snapshot(ctx)
    with pytest.raises(DomainConflict) as err:
        make_account(ctx, org, second, platform=platform, kecamatan_id=org.bokat.id)
    assert isinstance(err.value, Conflict)
    assert (err.value.field, err.value.code) == ("handle", "account_duplicate")
    assert snapshot(ctx) == before


def test_same_handle_on_another_platform_is_fine(ctx: ServiceContext, org: Org) -> None:
    make_account(ctx, org, "@panwascambiau")
    x = make_account(ctx, org, "@panwascambiau", platform=Platform.X)
    assert x.handle == "@panwascambiau"


# --- the recovery chain --------------------------------------------------------------------
def test_recovery_email_links_to_the_vaults_email_account(ctx: ServiceContext, org: Org) -> None:
    mail = make_account(ctx, org, "panwascam.biau@gmail.com", platform=Platform.EMAIL)
    saved = accounts.create_account(
        ctx,
        platform=Platform.INSTAGRAM,
        handle="@panwascam.biau",
        kecamatan_id=org.biau.id,
        term_id=org.term.id,
        recovery_email=" Panwascam.Biau@GMAIL.COM ",
    )
    a = saved.account
    assert a.recovery_email == "Panwascam.Biau@gmail.com"
    assert a.recovery_email_account_id == mail.id
    assert a.recovery_email_owner is Owner.OFFICE  # it is an account the office records
    assert saved.warnings == ()


def test_recovery_email_by_account_id_fills_the_address(ctx: ServiceContext, org: Org) -> None:
    mail = make_account(ctx, org, "panwascam.biau@bawaslu.go.id", platform=Platform.EMAIL)
    a = make_account(ctx, org, recovery_email_account_id=mail.id)
    assert a.recovery_email == "panwascam.biau@bawaslu.go.id"
    with pytest.raises(InvalidValue) as err:
        make_account(
            ctx, org, "@x2", recovery_email_account_id=mail.id, recovery_email="lain@bawaslu.go.id"
        )
    assert (err.value.field, err.value.code) == ("recovery_email", "recovery_email_mismatch")
    ig = make_account(ctx, org, "@x3")
    with pytest.raises(InvalidValue) as err:
        make_account(ctx, org, "@x4", recovery_email_account_id=ig.id)
    assert (err.value.field, err.value.code) == (
        "recovery_email_account_id",
        "recovery_account_not_email",
    )
    with pytest.raises(InvalidValue) as err:
        accounts.update_account(ctx, mail.id, recovery_email_account_id=mail.id)
    assert err.value.code == "recovery_account_self"


def test_changing_the_recovery_email_relinks_it(ctx: ServiceContext, org: Org) -> None:
    one = make_account(ctx, org, "satu@bawaslu.go.id", platform=Platform.EMAIL)
    two = make_account(ctx, org, "dua@bawaslu.go.id", platform=Platform.EMAIL)
    a = make_account(ctx, org, recovery_email="satu@bawaslu.go.id")
    assert a.recovery_email_account_id == one.id
    b = accounts.update_account(ctx, a.id, recovery_email="dua@bawaslu.go.id").account
    assert b.recovery_email_account_id == two.id
    c = accounts.update_account(ctx, a.id, recovery_email="luar@bawaslu.go.id").account
    assert c.recovery_email_account_id is None
    d = accounts.update_account(ctx, a.id, recovery_email="").account
    assert (d.recovery_email, d.recovery_email_account_id) == ("", None)


def test_recovery_phone_and_its_holder(ctx: ServiceContext, org: Org) -> None:
    sim = make_account(ctx, org, "0811-1111-2222", platform=Platform.PHONE)
    saved = accounts.create_account(
        ctx,
        platform=Platform.X,
        handle="@panwascambiau",
        kecamatan_id=org.biau.id,
        term_id=org.term.id,
        recovery_phone="62 811 1111 2222",
        recovery_phone_holder_person_id=org.official.id,
    )
    a = saved.account
    assert a.recovery_phone == "+6281111112222"
    assert a.recovery_phone_account_id == sim.id
    assert a.recovery_phone_owner is Owner.OFFICE
    assert a.recovery_phone_holder_person_id == org.official.id
    assert saved.warnings == ()
    with pytest.raises(InvalidValue) as err:
        make_account(ctx, org, "@x2", recovery_phone_account_id=a.id)
    assert err.value.code == "recovery_account_not_phone"
    with pytest.raises(InvalidValue) as err:
        make_account(
            ctx, org, "@x3", recovery_phone_account_id=sim.id, recovery_phone="0812-9999-0000"
        )
    assert (err.value.field, err.value.code) == ("recovery_phone", "recovery_phone_mismatch")


def test_landline_recovery_phone_warns(ctx: ServiceContext, org: Org) -> None:
    saved = accounts.create_account(
        ctx,
        platform="x",
        handle="@kantor",
        recovery_phone="(0445) 21234",
        recovery_phone_owner="office",
    )
    assert saved.account.recovery_phone == "+6244521234"
    assert saved.warnings == ("recovery_phone_landline",)


def test_personal_links_are_flagged_and_returned_as_warnings(ctx: ServiceContext, org: Org) -> None:
    saved = accounts.create_account(
        ctx,
        platform=Platform.TIKTOK,
        handle="@panwascam.biau",
        kecamatan_id=org.biau.id,
        term_id=org.term.id,
        recovery_email="budi.pribadi@gmail.com",
        recovery_email_person_id=org.ketua.id,
        recovery_phone="0812-3456-7890",
        recovery_phone_owner="person",
        recovery_phone_holder_person_id=org.ketua.id,
        twofa_method="totp",
        twofa_device="HP Budi",
        twofa_device_person_id=org.ketua.id,
    )
    a = saved.account
    assert a.recovery_email_owner is Owner.PERSON  # a person id makes the owner a person
    assert a.twofa_device_owner is Owner.PERSON
    expected = ["recovery_email_personal", "recovery_phone_personal", "twofa_device_personal"]
    assert accounts.personal_recovery_links(a) == expected
    assert list(saved.warnings) == expected


def test_an_office_link_cannot_name_a_person(ctx: ServiceContext, org: Org) -> None:
    for kwargs, field in (
        (
            {
                "recovery_email": "a@bawaslu.go.id",
                "recovery_email_owner": "office",
                "recovery_email_person_id": org.ketua.id,
            },
            "recovery_email_owner",
        ),
        (
            {"twofa_device_owner": "office", "twofa_device_person_id": org.ketua.id},
            "twofa_device_owner",
        ),
    ):
        with pytest.raises(InvalidValue) as err:
            make_account(ctx, org, **kwargs)
        assert (err.value.field, err.value.code) == (field, "owner_conflict")


def _acc(**kw: object) -> Account:
    return dataclasses.replace(Account(platform=Platform.INSTAGRAM, handle="@a"), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, []),
        ({"recovery_email": "x@gmail.com"}, ["recovery_email_free_provider"]),
        ({"recovery_email": "x@gmail.com", "recovery_email_owner": Owner.OFFICE}, []),
        (
            {"recovery_email": "x@gmail.com", "recovery_email_owner": Owner.PERSON},
            ["recovery_email_personal"],
        ),
        (
            {"recovery_email": "x@bawaslu.go.id", "recovery_email_owner": Owner.PERSON},
            ["recovery_email_personal"],
        ),
        ({"recovery_email": "x@bawaslu.go.id"}, []),
        ({"recovery_email_owner": Owner.PERSON}, []),  # no address: no link to flag
        (
            {"recovery_phone": "+6281234567890", "recovery_phone_owner": Owner.PERSON},
            ["recovery_phone_personal"],
        ),
        (
            {"recovery_phone": "+6281234567890", "recovery_phone_holder_person_id": 3},
            ["recovery_phone_personal"],
        ),
        (
            {
                "recovery_phone": "+6281234567890",
                "recovery_phone_owner": Owner.OFFICE,
                "recovery_phone_holder_person_id": 3,
            },
            [],
        ),
        (
            {"twofa_method": TwoFactorMethod.TOTP, "twofa_device_owner": Owner.PERSON},
            ["twofa_device_personal"],
        ),
        ({"twofa_method": TwoFactorMethod.NONE, "twofa_device_owner": Owner.PERSON}, []),
        (
            {"twofa_method": TwoFactorMethod.SMS, "twofa_device_person_id": 4},
            ["twofa_device_personal"],
        ),
    ],
)
def test_personal_recovery_links_table(fields: dict[str, object], expected: list[str]) -> None:
    assert accounts.personal_recovery_links(_acc(**fields)) == expected


_OWNERS = st.sampled_from(list(Owner))


@given(
    email=st.sampled_from(["", "a@gmail.com", "a@yahoo.co.id", "a@bawaslu.go.id", "a@contoh.id"]),
    email_owner=_OWNERS,
    phone=st.sampled_from(["", "+6281234567890"]),
    phone_owner=_OWNERS,
    holder=st.sampled_from([None, 7]),
    method=st.sampled_from(list(TwoFactorMethod)),
    device_owner=_OWNERS,
    device_person=st.sampled_from([None, 8]),
)
def test_personal_recovery_links_properties(
    email: str,
    email_owner: Owner,
    phone: str,
    phone_owner: Owner,
    holder: int | None,
    method: TwoFactorMethod,
    device_owner: Owner,
    device_person: int | None,
) -> None:
    a = _acc(
        recovery_email=email,
        recovery_email_owner=email_owner,
        recovery_phone=phone,
        recovery_phone_owner=phone_owner,
        recovery_phone_holder_person_id=holder,
        twofa_method=method,
        twofa_device_owner=device_owner,
        twofa_device_person_id=device_person,
    )
    links = accounts.personal_recovery_links(a)
    assert len(links) == len(set(links))
    # An office-owned link is never flagged; a person-owned one always is.
    assert ("recovery_email_personal" in links) == (bool(email) and email_owner is Owner.PERSON)
    free = email in ("a@gmail.com", "a@yahoo.co.id")
    assert ("recovery_email_free_provider" in links) == (free and email_owner is Owner.UNKNOWN)
    assert ("recovery_phone_personal" in links) == (
        bool(phone)
        and (phone_owner is Owner.PERSON or (phone_owner is Owner.UNKNOWN and holder is not None))
    )
    assert ("twofa_device_personal" in links) == (
        method is not TwoFactorMethod.NONE
        and (
            device_owner is Owner.PERSON
            or (device_owner is Owner.UNKNOWN and device_person is not None)
        )
    )
    assert accounts.personal_recovery_links(a) == links  # pure: same answer again


# --- updating ------------------------------------------------------------------------------
def test_update_account_fields(ctx: ServiceContext, org: Org, clock: Clock) -> None:
    a = make_account(ctx, org)
    clock.advance(hours=1)
    saved = accounts.update_account(
        ctx,
        a.id,
        handle="instagram.com/panwascam_biau",
        lifecycle_kind="permanent",
        twofa_method=TwoFactorMethod.SMS,
        backup_codes_remaining=8,
        backup_codes_regenerated_at=date(2024, 8, 1),
    )
    u = saved.account
    assert u.handle == "@panwascam_biau" and u.url == "https://www.instagram.com/panwascam_biau/"
    assert u.lifecycle_kind is LifecycleKind.PERMANENT
    assert u.backup_codes_regenerated_at == datetime(2024, 8, 1, tzinfo=UTC) - timedelta(hours=7)
    assert u.updated_at == clock.now and u.created_at == a.created_at
    assert u.status is AccountStatus.PLANNED
    kind, target, detail = last_audit(ctx)
    assert (kind, target) == ("change", f"account:{a.id}")
    assert set(detail["fields"]) == {
        "handle",
        "url",
        "lifecycle_kind",
        "twofa_method",
        "backup_codes_remaining",
        "backup_codes_regenerated_at",
    }
    before = audit_count(ctx)
    accounts.update_account(ctx, a.id, handle="@PANWASCAM_BIAU")  # same, other spelling
    assert audit_count(ctx) == before
    with pytest.raises(NotFound):
        accounts.update_account(ctx, 999, display_name="x")


def test_update_refuses_a_duplicate_handle(ctx: ServiceContext, org: Org) -> None:
    make_account(ctx, org, "@satu")
    two = make_account(ctx, org, "@dua")
    with pytest.raises(DomainConflict) as err:
        accounts.update_account(ctx, two.id, handle="@Satu")
    assert err.value.code == "account_duplicate"
    assert accounts.get_account(ctx, two.id) == two


def test_moving_an_account_moves_a_defaulted_period(ctx: ServiceContext, org: Org) -> None:
    terms.set_kecamatan_end(ctx, org.term.id, org.bokat.id, date(2025, 2, 28))
    defaulted = make_account(ctx, org, "@satu")
    explicit = make_account(ctx, org, "@dua", active_until=date(2024, 12, 1))
    a = accounts.update_account(ctx, defaulted.id, kecamatan_id=org.bokat.id).account
    b = accounts.update_account(ctx, explicit.id, kecamatan_id=org.bokat.id).account
    assert a.active_until == date(2025, 2, 28)
    assert b.active_until == date(2024, 12, 1)
    cleared = accounts.update_account(ctx, explicit.id, active_until=None, active_from=None).account
    assert (cleared.active_from, cleared.active_until) == (None, None)


def test_status_cannot_be_changed_by_update(ctx: ServiceContext, org: Org) -> None:
    a = make_account(ctx, org)
    with pytest.raises(TypeError):
        accounts.update_account(ctx, a.id, status="active")  # type: ignore[call-arg]


def test_list_accounts(ctx: ServiceContext, org: Org) -> None:
    a = make_account(ctx, org, "@satu")
    b = make_account(ctx, org, "@dua", platform="x", kecamatan_id=org.bokat.id)
    assert [x.id for x in accounts.list_accounts(ctx)] == [a.id, b.id]
    assert [x.id for x in accounts.list_accounts(ctx, platform="x")] == [b.id]
    assert [x.id for x in accounts.list_accounts(ctx, kecamatan_id=org.biau.id)] == [a.id]
    assert [x.id for x in accounts.list_accounts(ctx, status="planned", term_id=org.term.id)] == [
        a.id,
        b.id,
    ]
    with pytest.raises(InvalidValue) as err:
        accounts.list_accounts(ctx, status="lost")
    assert err.value.field == "status"


def test_delete_account(ctx: ServiceContext, org: Org) -> None:
    a = make_account(ctx, org)
    secrets.set_password(ctx, a.id, "sandi-contoh-1")
    accounts.delete_account(ctx, a.id)  # its secrets go with it
    assert accounts.list_accounts(ctx) == []
    assert ctx.conn.execute("SELECT count(*) FROM account_secret").fetchone()[0] == 0
    assert last_audit(ctx)[0] == "delete"
    b = make_account(ctx, org, "@dua")
    account_repo.update_account(ctx.conn, dataclasses.replace(b, status=AccountStatus.ACTIVE))
    with pytest.raises(DomainConflict) as err:
        accounts.delete_account(ctx, b.id)
    assert (err.value.field, err.value.code) == ("account_id", "account_has_history")
    c = make_account(ctx, org, "@tiga")
    secrets.set_password(ctx, c.id, "sandi-1")
    secrets.set_password(ctx, c.id, "sandi-2")  # a history entry refers to it now
    with pytest.raises(DomainConflict):
        accounts.delete_account(ctx, c.id)


def test_create_account_rolls_back_when_audit_fails(
    ctx: ServiceContext, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(ctx)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        make_account(ctx, org)
    assert snapshot(ctx) == before


# --- Facebook Page access ------------------------------------------------------------------
@pytest.fixture
def page(ctx: ServiceContext, org: Org) -> Account:
    return make_account(ctx, org, "PanwascamBiau", platform=Platform.FACEBOOK_PAGE)


def test_page_access_roster(ctx: ServiceContext, org: Org, page: Account, clock: Clock) -> None:
    e1 = accounts.add_page_access(ctx, page.id, access="full", person_id=org.official.id)
    assert (e1.person_name, e1.access, e1.added_at) == ("Siti Pejabat", PageAccess.FULL, clock.now)
    kind, target, detail = last_audit(ctx)
    assert (kind, target, detail["page_access"]) == ("change", f"account:{page.id}", "added")
    e2 = accounts.add_page_access(
        ctx, page.id, access=PageAccess.TASK, person_name=" Admin  Lama ", added_at=date(2024, 6, 1)
    )
    assert e2.person_name == "Admin Lama"
    assert e2.added_at == datetime(2024, 5, 31, 17, 0, tzinfo=UTC)  # 1 June 00:00 WIB
    clock.advance(days=1)
    removed = accounts.remove_page_access(ctx, e2.id)
    assert removed.removed_at == clock.now
    assert [e.id for e in accounts.list_page_access(ctx, page.id)] == [e2.id, e1.id]
    assert [e.id for e in accounts.list_page_access(ctx, page.id, current_only=True)] == [e1.id]
    assert last_audit(ctx)[2] == {
        "page_access": "removed",
        "entry_id": e2.id,
        "person_name": "Admin Lama",
    }
    # The same person may be added again once removed.
    assert accounts.add_page_access(ctx, page.id, access="partial", person_name="admin lama").id > 0


def test_page_access_refusals(ctx: ServiceContext, org: Org, page: Account) -> None:
    ig = make_account(ctx, org, "@ig")
    with pytest.raises(InvalidValue) as err:
        accounts.add_page_access(ctx, ig.id, access="full", person_name="A")
    assert (err.value.field, err.value.code) == ("account_id", "not_a_facebook_page")
    with pytest.raises(InvalidValue) as err:
        accounts.add_page_access(ctx, page.id, access="full")
    assert (err.value.field, err.value.code) == ("person_name", "value_empty")
    with pytest.raises(InvalidValue) as err:
        accounts.add_page_access(ctx, page.id, access="owner", person_name="A")
    assert (err.value.field, err.value.code) == ("access", "value_not_allowed")
    with pytest.raises(InvalidValue) as err:
        accounts.add_page_access(ctx, page.id, access="full", person_id=999)
    assert (err.value.field, err.value.code) == ("person_id", "person_not_found")
    with pytest.raises(NotFound):
        accounts.add_page_access(ctx, 999, access="full", person_name="A")
    e = accounts.add_page_access(ctx, page.id, access="full", person_id=org.ketua.id)
    with pytest.raises(DomainConflict) as err:
        accounts.add_page_access(ctx, page.id, access="task", person_id=org.ketua.id)
    assert (err.value.field, err.value.code) == ("person_id", "page_access_duplicate")
    accounts.add_page_access(ctx, page.id, access="task", person_name="Tamu")
    with pytest.raises(DomainConflict) as err:
        accounts.add_page_access(ctx, page.id, access="task", person_name="TAMU")
    assert (err.value.field, err.value.code) == ("person_name", "page_access_duplicate")
    with pytest.raises(InvalidValue) as err:
        accounts.remove_page_access(ctx, e.id, removed_at=e.added_at - timedelta(seconds=1))
    assert (err.value.field, err.value.code) == ("removed_at", "removed_before_added")
    accounts.remove_page_access(ctx, e.id)
    with pytest.raises(DomainConflict) as err:
        accounts.remove_page_access(ctx, e.id)
    assert err.value.code == "page_access_already_removed"
    with pytest.raises(DomainNotFound) as nf:
        accounts.remove_page_access(ctx, 999)
    assert (nf.value.field, nf.value.code) == ("entry_id", "page_access_not_found")


def _entry(pid: int | None, access: PageAccess, removed: bool = False) -> PageAccessEntry:
    at = datetime(2024, 6, 1, tzinfo=UTC)
    return PageAccessEntry(
        account_id=1,
        person_id=pid,
        person_name=f"p{pid}",
        access=access,
        added_at=at,
        removed_at=at if removed else None,
    )


_ROLES = {
    1: PersonRole.OFFICIAL,
    2: PersonRole.OPERATOR,
    3: PersonRole.OFFICIAL,
    4: PersonRole.ANGGOTA,
    5: PersonRole.KETUA,
}


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([], ["page_few_office_admins"]),
        ([_entry(1, PageAccess.FULL)], ["page_few_office_admins"]),
        ([_entry(1, PageAccess.FULL), _entry(2, PageAccess.FULL)], []),
        ([_entry(1, PageAccess.FULL), _entry(1, PageAccess.FULL)], ["page_few_office_admins"]),
        ([_entry(1, PageAccess.FULL), _entry(3, PageAccess.PARTIAL)], ["page_few_office_admins"]),
        (
            [_entry(1, PageAccess.FULL), _entry(3, PageAccess.FULL, removed=True)],
            ["page_few_office_admins"],
        ),
        ([_entry(1, PageAccess.FULL), _entry(None, PageAccess.FULL)], ["page_few_office_admins"]),
        (
            [_entry(1, PageAccess.FULL), _entry(3, PageAccess.FULL), _entry(4, PageAccess.FULL)],
            ["page_committee_full_control"],
        ),
        (
            [_entry(1, PageAccess.FULL), _entry(3, PageAccess.FULL), _entry(5, PageAccess.TASK)],
            [],
        ),
        ([_entry(5, PageAccess.FULL)], ["page_few_office_admins", "page_committee_full_control"]),
    ],
)
def test_page_access_warnings(entries: list[PageAccessEntry], expected: list[str]) -> None:
    assert accounts.page_access_warnings(entries, _ROLES) == expected


@given(
    st.lists(
        st.tuples(
            st.sampled_from([None, 1, 2, 3, 4, 5, 6]),
            st.sampled_from(list(PageAccess)),
            st.booleans(),
        ),
        max_size=8,
    )
)
def test_page_access_warnings_properties(rows: list[tuple[int | None, PageAccess, bool]]) -> None:
    entries = [_entry(pid, access, removed) for pid, access, removed in rows]
    warnings = accounts.page_access_warnings(entries, _ROLES)
    office_full = {
        pid
        for pid, access, removed in rows
        if not removed and access is PageAccess.FULL and pid in (1, 2, 3)
    }
    assert ("page_few_office_admins" in warnings) == (len(office_full) < 2)
    committee_full = any(
        not removed and access is PageAccess.FULL and pid in (4, 5) for pid, access, removed in rows
    )
    assert ("page_committee_full_control" in warnings) == committee_full
    # Removed entries never matter.
    assert (
        accounts.page_access_warnings([e for e in entries if e.removed_at is None], _ROLES)
        == warnings
    )


def test_page_access_warnings_for_a_stored_page(
    ctx: ServiceContext, org: Org, page: Account
) -> None:
    accounts.add_page_access(ctx, page.id, access="full", person_id=org.official.id)
    accounts.add_page_access(ctx, page.id, access="full", person_id=org.ketua.id)
    assert accounts.page_access_warnings_for(ctx, page.id) == [
        "page_few_office_admins",
        "page_committee_full_control",
    ]
    second = people.add_person(ctx, name="Operator Dua", role="operator")
    accounts.add_page_access(ctx, page.id, access="full", person_id=second.id)
    (ketua_entry,) = [
        e for e in accounts.list_page_access(ctx, page.id) if e.person_id == org.ketua.id
    ]
    accounts.remove_page_access(ctx, ketua_entry.id)
    assert accounts.page_access_warnings_for(ctx, page.id) == []


def test_add_page_access_rolls_back_when_audit_fails(
    ctx: ServiceContext, page: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(ctx)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        accounts.add_page_access(ctx, page.id, access="full", person_name="A")
    assert snapshot(ctx) == before
