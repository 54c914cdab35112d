"""The office profile and its kecamatan: add, rename, retire, delete only without history."""

from __future__ import annotations

import dataclasses
import logging
from datetime import date
from typing import Any, Final

from brankas.core.audit import AuditKind
from brankas.core.domain import numbering
from brankas.core.domain.enums import OfficeKind
from brankas.core.domain.models import Kecamatan, Office
from brankas.core.errors import Conflict, DomainConflict, InvalidValue
from brankas.core.services import _fields as f
from brankas.core.services._fields import UNSET, Unset
from brankas.core.services.context import ServiceContext
from brankas.core.services.people import check_nip
from brankas.core.storage.repos import office as repo

log = logging.getLogger(__name__)

LANGUAGES: Final = ("id", "en")

# Tables whose rows keep a kecamatan's history (a retired kecamatan keeps them).
_KEC_REFERENCES: Final = (
    ("account", "kecamatan_id"),
    ("person", "kecamatan_id"),
    ("term_kecamatan", "kecamatan_id"),
)


def get_office(ctx: ServiceContext) -> Office:
    """The vault's own office (created with the vault).

    Raises:
        NotFound: the vault has no office row.
    """
    return repo.own_office(ctx.conn)


def update_office(
    ctx: ServiceContext,
    *,
    kind: OfficeKind | str | Unset = UNSET,
    name: str | Unset = UNSET,
    province: str | Unset = UNSET,
    region_code: str | Unset = UNSET,
    code: str | Unset = UNSET,
    address: str | Unset = UNSET,
    city: str | Unset = UNSET,
    head_name: str | Unset = UNSET,
    head_nip: str | Unset = UNSET,
    secretariat_name: str | Unset = UNSET,
    secretariat_nip: str | Unset = UNSET,
    language: str | Unset = UNSET,
) -> Office:
    """Change fields of the office profile; arguments left out stay as they are.

    Args:
        ctx: the service context.
        kind: regency/city or province.
        name: e.g. "Bawaslu Kabupaten Buol" (required).
        province, region_code, address, city: for documents.
        code: the office code used in BAST numbers and archive names (e.g. ``BWS.BUOL``);
            "" leaves it unset, anything else is checked by numbering.validate_office_code.
        head_name, head_nip, secretariat_name, secretariat_nip: signature blocks; a NIP is
            18 digits (spaces allowed when typing, stored without them).
        language: document language, "id" or "en".

    Returns:
        The office as stored.

    Raises:
        InvalidValue: field = the argument's name; codes ``value_empty``, ``value_too_long``,
            ``value_control_char``, ``value_not_allowed``, ``nip_invalid``,
            ``language_unsupported``, or the ``office_code_*`` codes (field ``code``).
    """
    changes: dict[str, Any] = {}
    if not isinstance(kind, Unset):
        changes["kind"] = f.enum_value(OfficeKind, kind, "kind")
    if not isinstance(name, Unset):
        changes["name"] = f.text(name, "name", required=True)
    if not isinstance(code, Unset):
        changes["code"] = _office_code(code)
    for field_name, value, max_len in (
        ("province", province, 100),
        ("region_code", region_code, 20),
        ("address", address, 300),
        ("city", city, 100),
        ("head_name", head_name, 200),
        ("secretariat_name", secretariat_name, 200),
    ):
        if not isinstance(value, Unset):
            changes[field_name] = f.text(value, field_name, max_len=max_len)
    for field_name, value in (("head_nip", head_nip), ("secretariat_nip", secretariat_nip)):
        if not isinstance(value, Unset):
            changes[field_name] = check_nip(value, field_name)
    if not isinstance(language, Unset):
        if language not in LANGUAGES:
            raise InvalidValue(
                "language must be id or en", field="language", code="language_unsupported"
            )
        changes["language"] = language
    with ctx.tx() as conn:
        old = repo.own_office(conn)
        new = dataclasses.replace(old, **changes)
        changed = _changed(old, new)
        if changed:
            repo.update_office(conn, new)
            ctx.audit(AuditKind.CHANGE, f.target("office", new.id), {"fields": changed})
    return new


def _office_code(code: str) -> str:
    if not code.strip():
        return ""  # not set yet: numbering refuses to number a BAST until it is
    try:
        return numbering.validate_office_code(code)
    except InvalidValue as exc:
        raise InvalidValue(str(exc), field="code", code=exc.code) from None


def _changed(old: object, new: object) -> list[str]:
    return [
        fl.name
        for fl in dataclasses.fields(old)  # type: ignore[arg-type]
        if getattr(old, fl.name) != getattr(new, fl.name)
    ]


# --- kecamatan ----------------------------------------------------------------------------
def _kec_name(name: str) -> str:
    return f.text(name, "name", max_len=100, required=True)


def _check_unique(ctx: ServiceContext, office_id: int, name: str, own_id: int = 0) -> None:
    wanted = name.casefold()  # NOCASE in SQL folds ASCII only; names may not be ASCII
    for k in repo.list_kecamatan(ctx.conn, office_id=office_id):
        if k.id != own_id and k.name.casefold() == wanted:
            raise DomainConflict(
                "the office already has a kecamatan of that name",
                field="name",
                code="kecamatan_duplicate",
            )


def get_kecamatan(ctx: ServiceContext, kecamatan_id: int) -> Kecamatan:
    """One kecamatan.

    Raises:
        NotFound: no such kecamatan.
    """
    return repo.get_kecamatan(ctx.conn, kecamatan_id)


def list_kecamatan(ctx: ServiceContext, *, include_retired: bool = True) -> list[Kecamatan]:
    """The office's kecamatan by name, optionally without retired ones."""
    office = repo.own_office(ctx.conn)
    return repo.list_kecamatan(ctx.conn, office_id=office.id, include_retired=include_retired)


def add_kecamatan(ctx: ServiceContext, name: str, *, code: str = "") -> Kecamatan:
    """Add a kecamatan to the office.

    Args:
        ctx: the service context.
        name: e.g. "Paleleh Barat"; trimmed, inner spaces collapsed.
        code: an optional region code (e.g. the BPS code).

    Returns:
        The stored kecamatan.

    Raises:
        InvalidValue: field ``name`` or ``code`` (``value_empty``, ``value_too_long``,
            ``value_control_char``).
        DomainConflict: field ``name``, code ``kecamatan_duplicate`` (case-insensitive).
    """
    clean = _kec_name(name)
    clean_code = f.text(code, "code", max_len=20)
    with ctx.tx() as conn:
        office = repo.own_office(conn)
        _check_unique(ctx, office.id, clean)
        kec = repo.add_kecamatan(conn, Kecamatan(office_id=office.id, name=clean, code=clean_code))
        ctx.audit(AuditKind.CREATE, f.target("kecamatan", kec.id), {"name": kec.name})
    return kec


def rename_kecamatan(
    ctx: ServiceContext, kecamatan_id: int, name: str, *, code: str | Unset = UNSET
) -> Kecamatan:
    """Rename a kecamatan (a change of letter case alone is allowed).

    Raises:
        NotFound: no such kecamatan.
        InvalidValue: as for :func:`add_kecamatan`.
        DomainConflict: code ``kecamatan_duplicate``.
    """
    clean = _kec_name(name)
    with ctx.tx() as conn:
        old = repo.get_kecamatan(conn, kecamatan_id)
        _check_unique(ctx, old.office_id, clean, own_id=old.id)
        new = dataclasses.replace(old, name=clean)
        if not isinstance(code, Unset):
            new = dataclasses.replace(new, code=f.text(code, "code", max_len=20))
        if new != old:
            repo.update_kecamatan(conn, new)
            detail = {"from": old.name, "to": new.name, "fields": _changed(old, new)}
            ctx.audit(AuditKind.CHANGE, f.target("kecamatan", new.id), detail)
    return new


def retire_kecamatan(
    ctx: ServiceContext, kecamatan_id: int, *, on: date | None = None
) -> Kecamatan:
    """Retire a kecamatan: it keeps its history and leaves the lists of current ones.

    Args:
        ctx: the service context.
        kecamatan_id: which one.
        on: the retirement date (default: today).

    Returns:
        The kecamatan; unchanged (and no audit event) when it was already retired.

    Raises:
        NotFound: no such kecamatan.
        InvalidValue: field ``on``, code ``date_invalid``.
    """
    day = ctx.today() if on is None else f.a_date(on, "on")
    with ctx.tx() as conn:
        old = repo.get_kecamatan(conn, kecamatan_id)
        if old.retired_at is not None:
            return old
        new = dataclasses.replace(old, retired_at=day)
        repo.update_kecamatan(conn, new)
        ctx.audit(
            AuditKind.CHANGE,
            f.target("kecamatan", new.id),
            {"fields": ["retired_at"], "retired_at": day.isoformat()},
        )
    return new


def unretire_kecamatan(ctx: ServiceContext, kecamatan_id: int) -> Kecamatan:
    """Bring a retired kecamatan back (no-op when it is not retired).

    Raises:
        NotFound: no such kecamatan.
    """
    with ctx.tx() as conn:
        old = repo.get_kecamatan(conn, kecamatan_id)
        if old.retired_at is None:
            return old
        new = dataclasses.replace(old, retired_at=None)
        repo.update_kecamatan(conn, new)
        ctx.audit(
            AuditKind.CHANGE,
            f.target("kecamatan", new.id),
            {"fields": ["retired_at"], "retired_at": None},
        )
    return new


def kecamatan_has_history(ctx: ServiceContext, kecamatan_id: int) -> bool:
    """Whether accounts, people or terms refer to the kecamatan (then it can only be retired)."""
    return any(
        ctx.conn.execute(
            f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1",  # noqa: S608 - constants
            (kecamatan_id,),
        ).fetchone()
        is not None
        for table, column in _KEC_REFERENCES
    )


def delete_kecamatan(ctx: ServiceContext, kecamatan_id: int) -> None:
    """Delete a kecamatan entered by mistake; one with history must be retired instead.

    Raises:
        NotFound: no such kecamatan.
        DomainConflict: field ``kecamatan_id``, code ``kecamatan_has_history``.
    """
    with ctx.tx() as conn:
        old = repo.get_kecamatan(conn, kecamatan_id)
        if kecamatan_has_history(ctx, kecamatan_id):
            raise _has_history()
        try:
            repo.delete_kecamatan(conn, kecamatan_id)
        except Conflict:  # a reference added by a later schema: still history
            raise _has_history() from None
        ctx.audit(AuditKind.DELETE, f.target("kecamatan", kecamatan_id), {"name": old.name})
    log.info("kecamatan %d deleted", kecamatan_id)


def _has_history() -> DomainConflict:
    return DomainConflict(
        "the kecamatan has history: retire it instead",
        field="kecamatan_id",
        code="kecamatan_has_history",
    )
