"""Office profile and kecamatan services."""

from __future__ import annotations

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

from brankas.core.domain.enums import OfficeKind
from brankas.core.errors import Conflict, DomainConflict, InvalidValue, NotFound
from brankas.core.services import office, people, terms
from brankas.core.services.context import ServiceContext


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(make_vault: MakeVault, clock: Clock) -> ServiceContext:
    return new_ctx(make_vault, clock)


def test_get_office_is_the_vaults_own(ctx: ServiceContext) -> None:
    o = office.get_office(ctx)
    assert o.name == "Bawaslu Kabupaten Buol"
    assert o.kind is OfficeKind.REGENCY
    assert o.code == ""


def test_update_office_every_field(ctx: ServiceContext) -> None:
    before = audit_count(ctx)
    o = office.update_office(
        ctx,
        kind="regency",
        name="  Bawaslu   Kabupaten Buol ",
        province="Sulawesi Tengah",
        region_code="72.05",
        code=" BWS.BUOL ",
        address="Jl. Contoh No. 1",
        city="Buol",
        head_name="Kepala Contoh",
        head_nip="19800101 200501 1 001",
        secretariat_name="Sekretaris Contoh",
        secretariat_nip="198001012005011002",
        language="en",
    )
    assert o.name == "Bawaslu Kabupaten Buol"
    assert o.code == "BWS.BUOL"
    assert o.head_nip == "198001012005011001"
    assert o.language == "en"
    assert office.get_office(ctx) == o
    kind, target, detail = last_audit(ctx)
    assert (kind, target) == ("change", f"office:{o.id}")
    assert set(detail["fields"]) == {
        "province",
        "region_code",
        "code",
        "address",
        "city",
        "head_name",
        "head_nip",
        "secretariat_name",
        "secretariat_nip",
        "language",
    }
    assert audit_count(ctx) == before + 1


def test_update_office_without_change_records_nothing(ctx: ServiceContext) -> None:
    before = audit_count(ctx)
    office.update_office(ctx, name="Bawaslu Kabupaten Buol")
    office.update_office(ctx)
    assert audit_count(ctx) == before


def test_office_code_may_stay_unset(ctx: ServiceContext) -> None:
    office.update_office(ctx, code="BWS.BUOL")
    assert office.update_office(ctx, code="  ").code == ""


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"name": "  "}, "name", "value_empty"),
        ({"name": "x" * 201}, "name", "value_too_long"),
        ({"kind": "city"}, "kind", "value_not_allowed"),
        ({"code": "X" * 41}, "code", "office_code_too_long"),
        ({"code": "BWS\x07BUOL"}, "code", "office_code_control_char"),
        ({"region_code": "7" * 21}, "region_code", "value_too_long"),
        ({"city": "Buol\x00"}, "city", "value_control_char"),
        ({"head_nip": "12345"}, "head_nip", "nip_invalid"),
        ({"secretariat_nip": "1980010120050110AB"}, "secretariat_nip", "nip_invalid"),
        ({"language": "fr"}, "language", "language_unsupported"),
    ],
)
def test_update_office_refuses(
    ctx: ServiceContext, kwargs: dict[str, str], field: str, code: str
) -> None:
    before = snapshot(ctx)
    with pytest.raises(InvalidValue) as err:
        office.update_office(ctx, province="Sulawesi Tengah", **kwargs)  # type: ignore[arg-type]
    assert (err.value.field, err.value.code) == (field, code)
    assert snapshot(ctx) == before  # the valid province was not saved either


def test_update_office_rolls_back_when_audit_fails(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(ctx)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        office.update_office(ctx, city="Buol")
    assert snapshot(ctx) == before


# --- kecamatan ----------------------------------------------------------------------------
def test_add_kecamatan_trims_and_audits(ctx: ServiceContext) -> None:
    k = office.add_kecamatan(ctx, "  Paleleh   Barat ", code=" 7205011 ")
    assert (k.name, k.code, k.retired_at) == ("Paleleh Barat", "7205011", None)
    assert k.office_id == office.get_office(ctx).id
    assert office.get_kecamatan(ctx, k.id) == k
    assert last_audit(ctx) == ("create", f"kecamatan:{k.id}", {"name": "Paleleh Barat"})


@pytest.mark.parametrize(
    ("name", "code"), [("", "value_empty"), ("   ", "value_empty"), ("x" * 101, "value_too_long")]
)
def test_add_kecamatan_refuses_bad_names(ctx: ServiceContext, name: str, code: str) -> None:
    with pytest.raises(InvalidValue) as err:
        office.add_kecamatan(ctx, name)
    assert (err.value.field, err.value.code) == ("name", code)
    assert office.list_kecamatan(ctx) == []


@pytest.mark.parametrize("dup", ["biau", "BIAU", " Biau ", "bIaU"])
def test_add_kecamatan_duplicate_case_insensitive(ctx: ServiceContext, dup: str) -> None:
    office.add_kecamatan(ctx, "Biau")
    with pytest.raises(DomainConflict) as err:
        office.add_kecamatan(ctx, dup)
    assert (err.value.field, err.value.code) == ("name", "kecamatan_duplicate")
    assert len(office.list_kecamatan(ctx)) == 1


def test_duplicate_check_folds_non_ascii_case(ctx: ServiceContext) -> None:
    # SQLite's NOCASE folds ASCII only: the service must catch "É" vs "é" itself.
    office.add_kecamatan(ctx, "Émbé")
    with pytest.raises(DomainConflict):
        office.add_kecamatan(ctx, "émbé")


def test_a_retired_kecamatans_name_stays_taken(ctx: ServiceContext) -> None:
    k = office.add_kecamatan(ctx, "Biau")
    office.retire_kecamatan(ctx, k.id)
    with pytest.raises(DomainConflict):
        office.add_kecamatan(ctx, "Biau")


_NAMES = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F),
    min_size=1,
    max_size=20,
)


class _Undo(Exception):
    """Raised to roll an example's writes back."""


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=_NAMES, data=st.data())
def test_any_case_and_spacing_variant_is_a_duplicate(
    ctx: ServiceContext, name: str, data: st.DataObject
) -> None:
    with pytest.raises(_Undo), ctx.tx():
        k = office.add_kecamatan(ctx, name)
        flips = data.draw(st.lists(st.booleans(), min_size=len(k.name), max_size=len(k.name)))
        variant = "".join(
            c.swapcase() if flip else c for c, flip in zip(k.name, flips, strict=True)
        )
        if variant.casefold() == k.name.casefold():  # (some swapcases are not case variants)
            with pytest.raises(DomainConflict):
                office.add_kecamatan(ctx, f"  {variant} ")
        raise _Undo
    assert office.list_kecamatan(ctx) == []


def test_rename_kecamatan(ctx: ServiceContext) -> None:
    k = office.add_kecamatan(ctx, "Bunobogu")
    office.add_kecamatan(ctx, "Gadung")
    renamed = office.rename_kecamatan(ctx, k.id, " Bunobogu  Baru ", code="7205")
    assert (renamed.name, renamed.code) == ("Bunobogu Baru", "7205")
    kind, target, detail = last_audit(ctx)
    assert (kind, target) == ("change", f"kecamatan:{k.id}")
    assert detail["from"] == "Bunobogu" and detail["to"] == "Bunobogu Baru"
    # A change of case alone is not a duplicate of itself.
    assert office.rename_kecamatan(ctx, k.id, "BUNOBOGU BARU").name == "BUNOBOGU BARU"
    with pytest.raises(DomainConflict) as err:
        office.rename_kecamatan(ctx, k.id, "gadung")
    assert err.value.code == "kecamatan_duplicate"
    with pytest.raises(NotFound):
        office.rename_kecamatan(ctx, 999, "Lakea")


def test_rename_to_same_name_records_nothing(ctx: ServiceContext) -> None:
    k = office.add_kecamatan(ctx, "Lakea")
    before = audit_count(ctx)
    office.rename_kecamatan(ctx, k.id, "Lakea")
    assert audit_count(ctx) == before


def test_retire_and_unretire(ctx: ServiceContext, clock: Clock) -> None:
    k = office.add_kecamatan(ctx, "Momunu")
    other = office.add_kecamatan(ctx, "Tiloan")
    # 2024-09-01 20:00 UTC is already 2 September in WIB.
    clock.now = datetime(2024, 9, 1, 20, 0, tzinfo=UTC)
    retired = office.retire_kecamatan(ctx, k.id)
    assert retired.retired_at == date(2024, 9, 2)
    assert last_audit(ctx)[2] == {"fields": ["retired_at"], "retired_at": "2024-09-02"}
    assert [x.id for x in office.list_kecamatan(ctx, include_retired=False)] == [other.id]
    assert {x.id for x in office.list_kecamatan(ctx)} == {k.id, other.id}
    before = audit_count(ctx)
    assert office.retire_kecamatan(ctx, k.id, on=date(2030, 1, 1)) == retired  # already retired
    assert audit_count(ctx) == before
    back = office.unretire_kecamatan(ctx, k.id)
    assert back.retired_at is None
    assert office.unretire_kecamatan(ctx, k.id) == back
    assert audit_count(ctx) == before + 1
    assert office.retire_kecamatan(ctx, k.id, on=date(2025, 2, 28)).retired_at == date(2025, 2, 28)


def test_retire_refuses_a_datetime(ctx: ServiceContext) -> None:
    k = office.add_kecamatan(ctx, "Karamat")
    with pytest.raises(InvalidValue) as err:
        office.retire_kecamatan(ctx, k.id, on=datetime(2025, 1, 1, tzinfo=UTC))
    assert (err.value.field, err.value.code) == ("on", "date_invalid")


def test_delete_kecamatan_without_history(ctx: ServiceContext) -> None:
    k = office.add_kecamatan(ctx, "Salah Ketik")
    assert not office.kecamatan_has_history(ctx, k.id)
    office.delete_kecamatan(ctx, k.id)
    assert office.list_kecamatan(ctx) == []
    assert last_audit(ctx) == ("delete", f"kecamatan:{k.id}", {"name": "Salah Ketik"})
    with pytest.raises(NotFound):
        office.delete_kecamatan(ctx, k.id)


@pytest.mark.parametrize("history", ["term", "person", "account"])
def test_delete_kecamatan_with_history_is_refused(ctx: ServiceContext, history: str) -> None:
    org = make_org(ctx)
    k = office.add_kecamatan(ctx, "Paleleh")
    if history == "term":
        terms.attach_kecamatan(ctx, org.term.id, k.id)
    elif history == "person":
        people.add_person(
            ctx, name="Anggota", role="anggota", kecamatan_id=k.id, term_id=org.term.id
        )
    else:
        make_account(ctx, org, kecamatan_id=k.id)
    assert office.kecamatan_has_history(ctx, k.id)
    before = snapshot(ctx)
    with pytest.raises(DomainConflict) as err:
        office.delete_kecamatan(ctx, k.id)
    assert isinstance(err.value, Conflict)
    assert (err.value.field, err.value.code) == ("kecamatan_id", "kecamatan_has_history")
    assert snapshot(ctx) == before
    assert office.retire_kecamatan(ctx, k.id).retired_at is not None  # the way out


def test_add_kecamatan_rolls_back_when_audit_fails(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(ctx)
    break_audit(ctx, monkeypatch)
    with pytest.raises(RuntimeError):
        office.add_kecamatan(ctx, "Bukal")
    assert snapshot(ctx) == before
