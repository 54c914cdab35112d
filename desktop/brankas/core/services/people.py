"""People: committee members per kecamatan and term, regency officials and operators."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Final

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import PersonRole
from brankas.core.domain.models import Person
from brankas.core.domain.normalize import normalize_email, normalize_phone
from brankas.core.errors import Conflict, DomainConflict, InvalidValue
from brankas.core.services import _fields as f
from brankas.core.services._fields import UNSET, Unset
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import person as repo

COMMITTEE_ROLES: Final = frozenset({PersonRole.KETUA, PersonRole.ANGGOTA, PersonRole.STAFF})
OFFICE_ROLES: Final = frozenset({PersonRole.OFFICIAL, PersonRole.OPERATOR})

_ID_SEPARATORS = re.compile(r"[\s.\-]+")


def _digits(value: str, field: str, length: int, code: str, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidValue(f"{what} must be text", field=field, code=code)
    out = _ID_SEPARATORS.sub("", value)
    if out and not (len(out) == length and out.isascii() and out.isdigit()):
        raise InvalidValue(f"{what} must be {length} digits", field=field, code=code)
    return out


def check_nip(value: str, field: str = "nip") -> str:
    """Check a civil-servant number (NIP): 18 digits, "" for none.

    Spaces, dots and dashes typed between the groups are dropped.

    Raises:
        InvalidValue: code ``nip_invalid``.
    """
    return _digits(value, field, 18, "nip_invalid", "a NIP")


def check_nik(value: str, field: str = "nik") -> str:
    """Check a national identity number (NIK): 16 digits, "" for none.

    Raises:
        InvalidValue: code ``nik_invalid``.
    """
    return _digits(value, field, 16, "nik_invalid", "a NIK")


def _clean(ctx: ServiceContext, p: Person) -> Person:
    """Normalise and check a whole record (after merging an update)."""
    role = f.enum_value(PersonRole, p.role, "role")
    if role in COMMITTEE_ROLES:
        if p.kecamatan_id is None:
            raise InvalidValue(
                "a committee member needs a kecamatan",
                field="kecamatan_id",
                code="kecamatan_required",
            )
        if p.term_id is None:
            raise InvalidValue(
                "a committee member needs a term", field="term_id", code="term_required"
            )
    elif p.kecamatan_id is not None:
        raise InvalidValue(
            "regency officials and operators belong to no kecamatan",
            field="kecamatan_id",
            code="kecamatan_not_allowed",
        )
    if p.kecamatan_id is not None:
        f.exists(ctx.conn, "kecamatan", p.kecamatan_id, "kecamatan_id", "kecamatan_not_found")
    if p.term_id is not None:
        f.exists(ctx.conn, "term", p.term_id, "term_id", "term_not_found")
    phone, email = p.phone.strip(), p.email.strip()
    return dataclasses.replace(
        p,
        name=f.text(p.name, "name", required=True),
        role=role,
        position=f.text(p.position, "position", max_len=100),
        phone=normalize_phone(phone, "phone").canonical if phone else "",
        email=normalize_email(email, "email") if email else "",
        nip=check_nip(p.nip),
        nik=check_nik(p.nik),
        institution=f.text(p.institution, "institution", max_len=200),
    )


def add_person(
    ctx: ServiceContext,
    *,
    name: str,
    role: PersonRole | str,
    kecamatan_id: int | None = None,
    term_id: int | None = None,
    position: str = "",
    phone: str = "",
    email: str = "",
    nip: str = "",
    nik: str = "",
    institution: str = "",
) -> Person:
    """Add a person who can be a party to handovers.

    Args:
        ctx: the service context.
        name: full name (required).
        role: ketua, anggota or staff (committee: need ``kecamatan_id`` and ``term_id``),
            official or operator (regency: no kecamatan, term optional).
        kecamatan_id, term_id: where and when a committee member serves.
        position: free text, e.g. "Ketua Panwaslu Kecamatan Biau" or "Kepala Subbagian".
        phone: an Indonesian number in any usual form; stored canonical (``+62…``).
        email: stored normalised.
        nip: 18 digits or ""; nik: 16 digits or "".
        institution: e.g. "Bawaslu Kabupaten Buol".

    Returns:
        The stored person.

    Raises:
        InvalidValue: field = the argument's name; codes ``value_*``, ``kecamatan_required``,
            ``term_required``, ``kecamatan_not_allowed``, ``kecamatan_not_found``,
            ``term_not_found``, ``nip_invalid``, ``nik_invalid``, ``phone_*``, ``email_*``.
    """
    draft = Person(
        name=name,
        role=role,  # type: ignore[arg-type]  # checked by _clean
        kecamatan_id=kecamatan_id,
        term_id=term_id,
        position=position,
        phone=phone,
        email=email,
        nip=nip,
        nik=nik,
        institution=institution,
    )
    with ctx.tx() as conn:
        person = repo.add_person(conn, _clean(ctx, draft))
        detail = {"name": person.name, "role": person.role.value}
        ctx.audit(AuditKind.CREATE, f.target("person", person.id), detail)
    return person


def update_person(
    ctx: ServiceContext,
    person_id: int,
    *,
    name: str | Unset = UNSET,
    role: PersonRole | str | Unset = UNSET,
    kecamatan_id: int | Unset | None = UNSET,
    term_id: int | Unset | None = UNSET,
    position: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    nip: str | Unset = UNSET,
    nik: str | Unset = UNSET,
    institution: str | Unset = UNSET,
) -> Person:
    """Change a person's fields; arguments left out stay as they are.

    Returns:
        The person as stored.

    Raises:
        NotFound: no such person.
        InvalidValue: as for :func:`add_person`, checked on the whole merged record.
    """
    given: dict[str, Any] = {
        k: v
        for k, v in {
            "name": name,
            "role": role,
            "kecamatan_id": kecamatan_id,
            "term_id": term_id,
            "position": position,
            "phone": phone,
            "email": email,
            "nip": nip,
            "nik": nik,
            "institution": institution,
        }.items()
        if not isinstance(v, Unset)
    }
    with ctx.tx() as conn:
        old = repo.get_person(conn, person_id)
        new = _clean(ctx, dataclasses.replace(old, **given))
        changed = [
            fl.name
            for fl in dataclasses.fields(new)
            if getattr(old, fl.name) != getattr(new, fl.name)
        ]
        if changed:
            repo.update_person(conn, new)
            ctx.audit(AuditKind.CHANGE, f.target("person", new.id), {"fields": changed})
    return new


def get_person(ctx: ServiceContext, person_id: int) -> Person:
    """One person.

    Raises:
        NotFound: no such person.
    """
    return repo.get_person(ctx.conn, person_id)


def list_people(
    ctx: ServiceContext,
    *,
    kecamatan_id: int | None = None,
    term_id: int | None = None,
    role: PersonRole | str | None = None,
) -> list[Person]:
    """People by name, optionally of one kecamatan, term and role.

    Raises:
        InvalidValue: field ``role``, code ``value_not_allowed``.
    """
    r = None if role is None else f.enum_value(PersonRole, role, "role")
    return repo.list_people(ctx.conn, kecamatan_id=kecamatan_id, term_id=term_id, role=r)


def delete_person(ctx: ServiceContext, person_id: int) -> None:
    """Delete a person entered by mistake; one who appears in any history stays.

    Raises:
        NotFound: no such person.
        DomainConflict: field ``person_id``, code ``person_has_history``.
    """
    with ctx.tx() as conn:
        old = repo.get_person(conn, person_id)
        try:
            repo.delete_person(conn, person_id)
        except Conflict:
            raise DomainConflict(
                "the person appears in handovers, custody or accounts",
                field="person_id",
                code="person_has_history",
            ) from None
        ctx.audit(AuditKind.DELETE, f.target("person", person_id), {"name": old.name})
