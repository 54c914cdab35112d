"""The demo vault (Kabupaten Buol) and the benchmark generator."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from svc_b_support import Clock, MakeVault, new_ctx

from brankas.core.domain.enums import AccountStatus, HandoverKind, LifecycleKind, Platform
from brankas.core.errors import VaultExists
from brankas.core.secret import Secret
from brankas.core.services import custody, demo, handover, terms
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import office as office_repo
from brankas.core.storage.repos import person as person_repo
from brankas.core.storage.repos import secrets as secrets_repo
from brankas.core.vault.vault import Vault
from brankas_testing import FAST_POLICY, fast_kdf

FICTIONAL = re.compile(r"\b(Contoh|Fiktif|Rekaan|Samaran)\b")


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    folder = tmp_path_factory.mktemp("demo") / "vault"
    vault, kit = demo.build_demo_vault(
        folder, password="kata sandi demo", policy=FAST_POLICY, kdf=fast_kdf()
    )
    assert len(re.sub(r"\D", "", kit)) == 48
    yield vault
    vault.close(backup=False)


@pytest.fixture
def ctx(demo_vault: Vault) -> ServiceContext:
    return ServiceContext(demo_vault)


def test_demo_vault_passes_its_own_check(demo_vault: Vault) -> None:
    report = demo_vault.check()
    assert report.ok, report


def test_office_kecamatan_and_terms(ctx: ServiceContext) -> None:
    office = office_repo.own_office(ctx.conn)
    assert (office.name, office.province, office.code) == (
        "Bawaslu Kabupaten Buol",
        "Sulawesi Tengah",
        "BWS.BUOL",
    )
    assert FICTIONAL.search(office.head_name) and FICTIONAL.search(office.secretariat_name)
    names = [k.name for k in office_repo.list_kecamatan(ctx.conn)]
    assert names == list(demo.KECAMATAN) and len(names) == 11
    pilkada, pemilu = terms.list_terms(ctx)
    assert (pemilu.start_date, pilkada.end_date) == (date(2022, 10, 29), date(2025, 1, 27))
    assert pemilu.end_date < date(2025, 1, 1)
    kec = {k.name: k.id for k in office_repo.list_kecamatan(ctx.conn)}
    ends = {name: terms.effective_end(ctx, pilkada.id, kid) for name, kid in kec.items()}
    assert {n for n, d in ends.items() if d == date(2025, 2, 28)} == {"Momunu", "Tiloan"}
    assert Counter(ends.values())[date(2025, 1, 27)] == 9


def test_people_and_passwords_are_plainly_fictional(ctx: ServiceContext) -> None:
    people = person_repo.list_people(ctx.conn)
    assert len(people) > 60
    assert all(FICTIONAL.search(p.name) for p in people), [p.name for p in people]
    for a in account_repo.list_accounts(ctx.conn):
        current = secrets_repo.get_secrets(ctx.conn, a.id).password
        assert current is not None and current.reveal().startswith("Contoh-")
        for old in secrets_repo.list_password_history(ctx.conn, a.id):
            assert old.password.reveal().startswith("Contoh-")


def test_mixed_states(ctx: ServiceContext) -> None:
    pilkada = terms.list_terms(ctx)[0]
    kec = {k.id: k.name for k in office_repo.list_kecamatan(ctx.conn)}
    accounts = account_repo.list_accounts(ctx.conn, term_id=pilkada.id)
    holders = custody.current_holders(ctx, [a.id for a in accounts])
    by_status = Counter(a.status for a in account_repo.list_accounts(ctx.conn))
    assert {
        AccountStatus.ACTIVE,
        AccountStatus.RETURNED,
        AccountStatus.DEACTIVATED,
        AccountStatus.RETAINED,
    } <= set(by_status)
    overdue = {kec[a.kecamatan_id or 0] for a in accounts if not holders[a.id].is_office}
    assert overdue == set(demo.OVERDUE)
    not_rotated = {kec[a.kecamatan_id or 0] for a in accounts if a.needs_password_change}
    assert not_rotated == set(demo.NOT_ROTATED)
    retained = [a for a in accounts if a.status is AccountStatus.RETAINED]
    assert retained and all(
        a.lifecycle_kind is LifecycleKind.PERMANENT and a.platform is Platform.FACEBOOK_PAGE
        for a in retained
    )
    personal = {kec[a.kecamatan_id or 0] for a in accounts if a.recovery_phone_holder_person_id}
    assert personal == set(demo.PERSONAL_PHONE)
    platforms = {(kec[a.kecamatan_id or 0], a.platform) for a in accounts}
    assert ("Paleleh Barat", Platform.X) not in platforms and ("Biau", Platform.X) in platforms
    kinds = Counter(h.kind for h in handover.list_handovers(ctx))
    assert kinds[HandoverKind.NEXT_COMMITTEE] == len(demo.PERMANENT_PAGES)
    all_handovers = handover.list_handovers(ctx)
    scanned = [h for h in all_handovers if handover.list_scans(ctx, h.id)]
    assert 0 < len(scanned) < len(all_handovers)


def test_demo_refuses_an_existing_vault(demo_vault: Vault) -> None:
    with pytest.raises(VaultExists):
        demo.build_demo_vault(
            demo_vault.folder, password=Secret("x"), policy=FAST_POLICY, kdf=fast_kdf()
        )


def test_generate_accounts(make_vault: MakeVault, tmp_path: Path) -> None:
    ctx = new_ctx(make_vault, Clock())
    gen = demo.generate_accounts(ctx, 230, 7)
    assert (len(gen.account_ids), len(gen.kecamatan_ids), len(gen.ketua_ids)) == (230, 7, 7)
    accounts = account_repo.list_accounts(ctx.conn, term_id=gen.term_id)
    assert len(accounts) == 230
    assert Counter(a.kecamatan_id for a in accounts).most_common()[0][1] == 33
    assert {a.status for a in accounts} == {AccountStatus.PLANNED}
    assert len({(a.platform, a.handle) for a in accounts}) == 230
    assert all(a.active_from and a.active_until for a in accounts)
    assert secrets_repo.get_secrets(ctx.conn, gen.account_ids[-1]).password is not None
    second = demo.generate_accounts(ctx, 10, 2, seed=1)  # can share a vault
    assert set(second.account_ids).isdisjoint(gen.account_ids)
    assert ctx.vault.check().ok
