"""The credential slip: one member's passwords only, confidential, never for another account."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from doc_support import pdf_pages, pdf_text

from brankas.core.domain.enums import HandoverKind
from brankas.core.errors import InvalidValue
from brankas.core.secret import Secret
from brankas.core.services import accounts, handover, people
from brankas.core.services.context import ServiceContext
from brankas.documents.credential_slip import (
    credential_slip_data,
    credential_slip_html,
    render_credential_slip,
)


def _issue(ctx: ServiceContext, kecamatan_handle: str) -> handover.Handover:
    for h in handover.list_handovers(ctx):
        if h.kind is HandoverKind.ISSUE and h.date == date(2024, 5, 21):
            handles = [accounts.get_account(ctx, i.account_id).handle for i in h.items]
            if any(kecamatan_handle in x for x in handles):
                return h
    raise AssertionError("no such handover")


def test_slip_lists_that_members_passwords(ctx: ServiceContext, tmp_path: Path) -> None:
    h = _issue(ctx, "biau")
    passwords = {i.account_id: Secret(f"Sandi-{i.account_id}-Qx!") for i in h.items}
    data = credential_slip_data(ctx, h.id, passwords)
    assert "Sandi-" not in repr(data)  # secrets stay masked in reprs
    path = tmp_path / "slip.pdf"
    pages = render_credential_slip(data, path)
    text = pdf_text(path)
    flat = " ".join(text.split())
    holder = people.get_person(ctx, h.second_party_person_id)
    assert holder.name in flat and h.number in flat
    for i in h.items:
        assert f"Sandi-{i.account_id}-Qx!" in text
        assert accounts.get_account(ctx, i.account_id).handle in "".join(text.split())
    split = pdf_pages(text)
    assert len(split) == pages and all("RAHASIA" in p for p in split)
    assert "LEMBAR KATA SANDI AKUN" in flat and "Halaman 1 dari" in flat
    assert data.document_id in text
    assert path.stat().st_mode & 0o777 == 0o600
    # The hash covers handles, never the passwords: a different password, the same hash.
    again = credential_slip_data(ctx, h.id, {k: "lain" for k in passwords})
    assert again.record_hash == data.record_hash


def test_slip_refuses_other_accounts_and_returns(ctx: ServiceContext) -> None:
    biau = _issue(ctx, "biau")
    bokat = _issue(ctx, "bokat")
    stranger = bokat.items[0].account_id
    with pytest.raises(InvalidValue) as err:
        credential_slip_data(ctx, biau.id, {stranger: "x"})
    assert err.value.code == "slip_account_not_listed" and "x" not in str(err.value).split()
    with pytest.raises(InvalidValue) as err:
        credential_slip_data(ctx, biau.id, {})
    assert err.value.code == "slip_empty"
    back = next(h for h in handover.list_handovers(ctx) if h.kind is HandoverKind.RETURN)
    with pytest.raises(InvalidValue) as err:
        credential_slip_data(ctx, back.id, {back.items[0].account_id: "x"})
    assert err.value.code == "slip_wrong_kind"


def test_only_the_given_passwords_are_printed(ctx: ServiceContext) -> None:
    h = _issue(ctx, "biau")
    first, *rest = [i.account_id for i in h.items]
    html = credential_slip_html(credential_slip_data(ctx, h.id, {first: "Satu-Saja-1"}))
    assert "Satu-Saja-1" in html
    for other in rest:
        assert accounts.get_account(ctx, other).handle not in html
