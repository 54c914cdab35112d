"""The account editor's non-secret fields kept across a lock, and put back after unlocking."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from brankas.core.domain.models import PageAccessEntry

from .account_editor_tabs import select_data

if TYPE_CHECKING:
    from .account_editor import AccountEditor


@dataclass(frozen=True, slots=True)
class Draft:
    """What an operator typed, secrets left out: the vault locked before they saved."""

    operator_id: str
    account_id: int | None  # None: a new account
    fields: Mapping[str, Any] = field(default_factory=dict)
    page_added: tuple[PageAccessEntry, ...] = ()
    page_removed: tuple[int, ...] = ()


def take_draft(editor: AccountEditor, operator_id: str) -> Draft:
    """The editor's non-secret state (passwords, keys, codes and notes are not kept)."""
    request = editor.request()
    return Draft(
        operator_id,
        request.account_id,
        dict(request.fields),
        editor.page.added(),
        editor.page.removed(),
    )


def restore_draft(editor: AccountEditor, draft: Draft) -> None:
    """Put a draft's fields back into a freshly opened editor."""
    f = draft.fields
    idt, rec = editor.identity, editor.recovery
    select_data(idt.platform, f.get("platform"))
    select_data(idt.kecamatan, f.get("kecamatan_id"))
    select_data(idt.term, f.get("term_id"))
    select_data(idt.lifecycle, f.get("lifecycle_kind"))
    idt.handle.setText(str(f.get("handle", "")))
    idt.display_name.setText(str(f.get("display_name", "")))
    start, end = f.get("active_from"), f.get("active_until")
    if isinstance(start, date) or isinstance(end, date):
        idt.follow_term.setChecked(False)
        idt.set_period(start, end)
    rec.email.setText(str(f.get("recovery_email", "")))
    select_data(rec.email_owner, f.get("recovery_email_owner"))
    rec.email_person.setCurrentIndex(editor.people.row_of(f.get("recovery_email_person_id")))
    rec.phone.setText(str(f.get("recovery_phone", "")))
    select_data(rec.phone_owner, f.get("recovery_phone_owner"))
    rec.phone_holder.setCurrentIndex(editor.people.row_of(f.get("recovery_phone_holder_person_id")))
    select_data(rec.twofa, f.get("twofa_method"))
    rec.device.setText(str(f.get("twofa_device", "")))
    select_data(rec.device_owner, f.get("twofa_device_owner"))
    rec.device_person.setCurrentIndex(editor.people.row_of(f.get("twofa_device_person_id")))
    model = editor.page.model
    model.pending_removal.update(draft.page_removed)
    model.set_records([*model.records(), *draft.page_added])
    editor.page.update_warnings()
