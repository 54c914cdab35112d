"""Tests' writer of the review snapshot's version 1 JSON (what archives held before version 2)."""

from __future__ import annotations

from typing import Any

from brankas.core.domain.models import (
    Account,
    Attachment,
    ChecklistItem,
    Custody,
    Handover,
    Kecamatan,
    Office,
    PageAccessEntry,
    Person,
    Term,
    TermKecamatanEnd,
)
from brankas.core.review._codec import encode_datetime, encoder
from brankas.core.review.snapshot import SNAPSHOT_FORMAT, Snapshot


def to_json_v1(snapshot: Snapshot) -> dict[str, Any]:
    """What Brankas wrote before version 2 (every record an object), as archives hold it."""
    lists: dict[str, tuple[type[Any], list[Any]]] = {
        "kecamatan": (Kecamatan, list(snapshot.kecamatan.values())),
        "terms": (Term, list(snapshot.terms.values())),
        "term_kecamatan": (TermKecamatanEnd, list(snapshot.term_kecamatan.values())),
        "people": (Person, list(snapshot.people.values())),
        "accounts": (Account, list(snapshot.accounts.values())),
        "custody": (Custody, [c for g in snapshot.custody.values() for c in g]),
        "handovers": (Handover, list(snapshot.handovers.values())),
        "checklist_items": (ChecklistItem, [i for g in snapshot.checklists.values() for i in g]),
        "page_access": (PageAccessEntry, [e for g in snapshot.page_access.values() for e in g]),
        "attachments": (Attachment, list(snapshot.attachments.values())),
    }
    out: dict[str, Any] = {
        "format": SNAPSHOT_FORMAT,
        "version": 1,
        "office": None if snapshot.office is None else encoder(Office)(snapshot.office),
    }
    for name, (cls, records) in lists.items():
        out[name] = [encoder(cls)(r) for r in records]
    out["password_on_record"] = sorted(snapshot.password_on_record)
    out["totp_on_record"] = sorted(snapshot.totp_on_record)
    out["password_changes"] = [
        {"account_id": a, "changed_at": encode_datetime(t)}
        for a, times in snapshot.password_changes.items()
        for t in times
    ]
    return out
