"""Repositories for the organisation side: office, kecamatan, term, person, operator,
settings/meta and attachments."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime

import pytest
import storage_sample
from storage_sample import T0

from brankas.core.domain.enums import Election, OfficeKind, PersonRole, Role
from brankas.core.domain.models import (
    Attachment,
    Kecamatan,
    Meta,
    Office,
    Operator,
    Person,
    Term,
    TermKecamatanEnd,
)
from brankas.core.errors import Conflict, NotFound
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import attachment, office, operator, person, settings, term


def _office(conn: Connection) -> Office:
    return office.add_office(conn, Office(kind=OfficeKind.REGENCY, name="Bawaslu Kab. Contoh"))


def test_office_round_trip_and_update(conn: Connection) -> None:
    full = Office(
        kind=OfficeKind.PROVINCE,
        name="Bawaslu Provinsi Contoh",
        code="PROV",
        province="Contoh",
        region_code="99",
        address="Jl. A",
        city="Kota",
        head_name="H",
        head_nip="1",
        secretariat_name="S",
        secretariat_nip="2",
        language="en",
    )
    stored = office.add_office(conn, full)
    assert stored.id > 0
    assert office.get_office(conn, stored.id) == stored
    assert office.own_office(conn) == stored
    changed = dataclasses.replace(stored, name="Bawaslu Provinsi Lain", language="id")
    office.update_office(conn, changed)
    assert office.list_offices(conn) == [changed]
    with pytest.raises(NotFound):
        office.get_office(conn, 999)
    with pytest.raises(NotFound):
        office.update_office(conn, dataclasses.replace(changed, id=999))


def test_own_office_of_an_empty_vault_is_not_found(conn: Connection) -> None:
    with pytest.raises(NotFound):
        office.own_office(conn)


def test_kecamatan_unique_per_office_retire_and_delete(conn: Connection) -> None:
    off = _office(conn)
    biau = office.add_kecamatan(conn, Kecamatan(office_id=off.id, name="Biau", code="01"))
    bokat = office.add_kecamatan(conn, Kecamatan(office_id=off.id, name="Bokat"))
    assert office.get_kecamatan(conn, biau.id) == biau
    with pytest.raises(Conflict):
        office.add_kecamatan(conn, Kecamatan(office_id=off.id, name="BIAU"))
    retired = dataclasses.replace(bokat, retired_at=date(2025, 1, 1))
    office.update_kecamatan(conn, retired)
    assert office.list_kecamatan(conn) == [biau, retired]
    assert office.list_kecamatan(conn, office_id=off.id, include_retired=False) == [biau]
    office.delete_kecamatan(conn, bokat.id)
    with pytest.raises(NotFound):
        office.get_kecamatan(conn, bokat.id)
    with pytest.raises(NotFound):
        office.delete_kecamatan(conn, bokat.id)


def test_kecamatan_with_history_cannot_be_deleted(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    with pytest.raises(Conflict, match="FOREIGN KEY"):
        office.delete_kecamatan(conn, sample.kecamatan[0].id)
    assert office.get_kecamatan(conn, sample.kecamatan[0].id) == sample.kecamatan[0]


def test_kecamatan_needs_an_existing_office(conn: Connection) -> None:
    with pytest.raises(Conflict):
        office.add_kecamatan(conn, Kecamatan(office_id=42, name="Nowhere"))


def test_term_and_its_kecamatan_end_dates(conn: Connection) -> None:
    off = _office(conn)
    k1 = office.add_kecamatan(conn, Kecamatan(office_id=off.id, name="A"))
    k2 = office.add_kecamatan(conn, Kecamatan(office_id=off.id, name="B"))
    old = term.add_term(
        conn,
        Term(
            name="Pemilu 2024",
            election=Election.PEMILU,
            year=2024,
            start_date=date(2022, 10, 28),
            end_date=date(2024, 6, 30),
        ),
    )
    new = term.add_term(
        conn,
        Term(
            name="Pilkada 2024",
            election=Election.PILKADA,
            year=2024,
            sk_number="SK-1",
            sk_date=date(2024, 9, 1),
            start_date=date(2024, 9, 20),
            end_date=date(2025, 1, 27),
        ),
    )
    assert term.get_term(conn, new.id) == new
    assert term.list_terms(conn) == [new, old]
    term.set_term_kecamatan(conn, TermKecamatanEnd(term_id=new.id, kecamatan_id=k1.id))
    term.set_term_kecamatan(conn, TermKecamatanEnd(term_id=new.id, kecamatan_id=k2.id))
    extended = TermKecamatanEnd(
        term_id=new.id, kecamatan_id=k2.id, end_date=date(2025, 2, 28), note="MK"
    )
    term.set_term_kecamatan(conn, extended)  # upsert
    entries = term.list_term_kecamatan(conn, new.id)
    assert entries == [TermKecamatanEnd(term_id=new.id, kecamatan_id=k1.id), extended]
    assert [e.effective_end(new) for e in entries] == [date(2025, 1, 27), date(2025, 2, 28)]
    term.remove_term_kecamatan(conn, new.id, k1.id)
    assert term.list_term_kecamatan(conn) == [extended]
    with pytest.raises(NotFound):
        term.remove_term_kecamatan(conn, new.id, k1.id)
    term.update_term(conn, dataclasses.replace(old, sk_number="SK-0"))
    assert term.get_term(conn, old.id).sk_number == "SK-0"
    term.delete_term(conn, new.id)  # its kecamatan links go with it
    assert term.list_term_kecamatan(conn) == []
    with pytest.raises(NotFound):
        term.get_term(conn, new.id)


def test_term_end_before_start_is_refused(conn: Connection) -> None:
    bad = Term(
        name="x",
        election=Election.PEMILU,
        year=2024,
        start_date=date(2024, 2, 1),
        end_date=date(2024, 1, 1),
    )
    with pytest.raises(Conflict, match="CHECK"):
        term.add_term(conn, bad)


def test_person_round_trip_filters_and_delete(conn: Connection) -> None:
    sample = storage_sample.populate(conn)
    assert person.get_person(conn, sample.ketua.id) == sample.ketua
    assert person.list_people(conn, kecamatan_id=sample.kecamatan[0].id) == [sample.ketua]
    assert person.list_people(conn, role=PersonRole.OFFICIAL) == [sample.official]
    assert person.list_people(conn, term_id=sample.term.id, role=PersonRole.STAFF) == []
    assert len(person.list_people(conn)) == 3
    moved = dataclasses.replace(sample.witness, phone="0813", institution="Humas")
    person.update_person(conn, moved)
    assert person.get_person(conn, moved.id) == moved
    with pytest.raises(Conflict):  # a witness on a BAST: history
        person.delete_person(conn, sample.witness.id)
    lone = person.add_person(conn, Person(name="Tanpa Riwayat", role=PersonRole.ANGGOTA))
    person.delete_person(conn, lone.id)
    with pytest.raises(NotFound):
        person.get_person(conn, lone.id)


def test_operators_are_kept_when_removed(conn: Connection) -> None:
    admin = operator.add_operator(
        conn, Operator(id="slot-a", name="Admin", role=Role.ADMIN, created_at=T0)
    )
    op = operator.add_operator(
        conn,
        Operator(
            id="slot-b",
            name="Operator",
            role=Role.OPERATOR,
            created_at=datetime(2025, 1, 1, tzinfo=T0.tzinfo),
        ),
    )
    assert operator.get_operator(conn, "slot-a") == admin
    with pytest.raises(Conflict):
        operator.add_operator(conn, admin)
    operator.update_operator(conn, dataclasses.replace(op, name="Operator Baru"))
    operator.mark_operator_removed(conn, "slot-b", T0)
    assert operator.list_operators(conn) == [admin]
    removed = operator.list_operators(conn, include_removed=True)[1]
    assert (removed.name, removed.removed_at) == ("Operator Baru", T0)
    with pytest.raises(NotFound):
        operator.mark_operator_removed(conn, "slot-x", T0)


def test_naive_datetimes_are_refused(conn: Connection) -> None:
    with pytest.raises(ValueError, match="naive"):
        operator.add_operator(
            conn, Operator(id="s", name="n", role=Role.ADMIN, created_at=datetime(2025, 1, 1))
        )


def test_settings_are_json(conn: Connection) -> None:
    assert settings.get_setting(conn, "missing", "dflt") == "dflt"
    settings.set_setting(conn, "idle_lock_minutes", 5)
    settings.set_setting(conn, "labels", {"id": "Akun", "list": [1, 2.5, None, True]})
    settings.set_setting(conn, "idle_lock_minutes", 10)
    assert settings.get_setting(conn, "idle_lock_minutes") == 10
    assert settings.all_settings(conn) == {
        "idle_lock_minutes": 10,
        "labels": {"id": "Akun", "list": [1, 2.5, None, True]},
    }
    settings.delete_setting(conn, "labels")
    assert settings.get_setting(conn, "labels") is None
    with pytest.raises(TypeError):
        settings.set_setting(conn, "bad", object())


def test_meta_epoch_and_audit_key(conn: Connection) -> None:
    with pytest.raises(NotFound):
        settings.get_meta(conn)
    with pytest.raises(NotFound):
        settings.bump_epoch(conn)
    meta = Meta(vault_id="v" * 32, epoch=0, created_at=T0, app_version="0.1.0")
    settings.init_meta(conn, meta, audit_key=b"k" * 32)
    with pytest.raises(Conflict):
        settings.init_meta(conn, meta, audit_key=b"k" * 32)
    assert settings.get_meta(conn) == meta
    assert settings.bump_epoch(conn) == 1
    assert settings.bump_epoch(conn) == 2
    settings.set_epoch(conn, 7)
    settings.set_app_version(conn, "0.2.0")
    assert settings.get_meta(conn) == dataclasses.replace(meta, epoch=7, app_version="0.2.0")
    assert settings.get_audit_key(conn) == b"k" * 32
    assert "k" * 32 not in repr(settings.get_meta(conn))


def test_attachments_store_bytes_apart_from_the_listing(conn: Connection) -> None:
    data = b"\x00\xffscan" * 1000
    stored = attachment.add_attachment(
        conn,
        Attachment(
            owner_kind="term",
            owner_id=1,
            filename="sk.pdf",
            mime="application/pdf",
            sha256="",
            size=0,
            added_at=T0,
        ),
        data,
    )
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.size == len(data)
    assert attachment.get_attachment(conn, stored.id) == stored
    assert attachment.read_attachment_data(conn, stored.id) == data
    assert attachment.list_attachments(conn, "term", 1) == [stored]
    assert attachment.list_attachments(conn, "term") == [stored]
    assert attachment.list_attachments(conn, "handover", 1) == []
    assert attachment.list_attachments(conn) == [stored]
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    attachment.list_attachments(conn)
    conn.set_trace_callback(None)
    assert statements and not any("data" in s for s in statements)
    attachment.delete_attachment(conn, stored.id)
    with pytest.raises(NotFound):
        attachment.read_attachment_data(conn, stored.id)
