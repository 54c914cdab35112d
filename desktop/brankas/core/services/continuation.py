"""Continue retained (permanent) accounts into a new term and hand them to its committee.

One operation, one transaction: each account moves into the new term (its active period
becomes the new term's: start to the kecamatan's effective end), a next-committee
handover is recorded, custody goes from the office to the new committee's party, and the
account becomes active again through the lifecycle table's reissue action. The account
keeps its id, so its password history, custody periods, earlier handovers (which name the
old term) and checklist ticks stay with it; the term change is an audit event naming the
old and the new term.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import AccountStatus, HandoverKind, LifecycleKind
from brankas.core.domain.models import Account, Handover, Term
from brankas.core.errors import InvalidValue
from brankas.core.services import handover
from brankas.core.services.context import ServiceContext
from brankas.core.services.handover_wizard import HandoverDraft
from brankas.core.services.terms import effective_end
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import term as term_repo


def retained_accounts(ctx: ServiceContext, *, kecamatan_id: int | None = None) -> list[Account]:
    """Permanent accounts that are retained (kept at the office for the next committee)."""
    return [
        a
        for a in account_repo.list_accounts(
            ctx.conn, kecamatan_id=kecamatan_id, status=AccountStatus.RETAINED
        )
        if a.lifecycle_kind is LifecycleKind.PERMANENT
    ]


def check_move(ctx: ServiceContext, account: Account, term: Term) -> None:
    """Check that an account may continue into ``term`` (nothing to check if it is in it).

    Raises:
        InvalidValue: field ``term``: ``term_not_later`` (the new term does not start
            after the account's current one) or ``kecamatan_not_in_term`` (the term lists
            its kecamatan and the account's is not among them).
    """
    if account.term_id == term.id:
        return
    if account.term_id is not None:
        old = term_repo.get_term(ctx.conn, account.term_id)
        if term.start_date <= old.start_date:
            raise InvalidValue(
                f"account {account.id} can only continue into a later term",
                field="term",
                code="term_not_later",
            )
    covered = {k.kecamatan_id for k in term_repo.list_term_kecamatan(ctx.conn, term.id)}
    if covered and account.kecamatan_id not in covered:
        raise InvalidValue(
            f"the kecamatan of account {account.id} is not in the term",
            field="term",
            code="kecamatan_not_in_term",
        )


def move_into_term(ctx: ServiceContext, accounts: Sequence[Account], term_id: int) -> None:
    """Move accounts into a term with its active period (inside the caller's transaction).

    The next-committee handover calls this before applying itself; accounts already in
    the term are left as they are.
    """
    term = term_repo.get_term(ctx.conn, term_id)
    with ctx.tx() as conn:
        for a in accounts:
            if a.term_id == term_id:
                continue
            until = effective_end(ctx, term_id, a.kecamatan_id)
            moved = dataclasses.replace(
                a, term_id=term_id, active_from=term.start_date, active_until=until
            )
            account_repo.update_account(conn, moved, now=ctx.now())
            ctx.audit(
                AuditKind.CHANGE,
                f"account:{a.id}",
                {
                    "continued": True,
                    "term_from": a.term_id,
                    "term_to": term_id,
                    "active_from": term.start_date.isoformat(),
                    "active_until": until.isoformat(),
                },
            )


def continue_to_term(
    ctx: ServiceContext,
    *,
    account_ids: Iterable[int],
    term_id: int,
    office_party_id: int,
    committee_party_id: int,
    on: date,
    place: str = "",
    number: str | None = None,
    witness_ids: Iterable[int] = (),
    mengetahui_id: int | None = None,
    notes: str = "",
) -> Handover:
    """Take retained accounts into a new term and issue them to its committee at once.

    Args:
        ctx: the service context.
        account_ids: retained permanent accounts, all of the committee party's kecamatan.
        term_id: the new term.
        office_party_id: who hands them over for the office (first party).
        committee_party_id: the new committee's member who receives them (second party).
        on: the handover date.
        place, number, witness_ids, mengetahui_id, notes: as for a handover (empty
            place: the office's city; number None: the next in the sequence).

    Returns:
        The next-committee handover.

    Raises:
        InvalidValue: ``term_not_later``, ``kecamatan_not_in_term`` (field ``term``) and
            the codes of :func:`handover.record_handover`.
        DomainConflict: ``account_held_elsewhere``, ``bast_number_used``.
        TransitionRefused: an account is not retained, or not permanent.
    """
    draft = HandoverDraft(
        kind=HandoverKind.NEXT_COMMITTEE,
        term_id=term_id,
        first_party_id=office_party_id,
        second_party_id=committee_party_id,
        account_ids=tuple(account_ids),
        on=on,
        place=place,
        number=number,
        witness_ids=tuple(witness_ids),
        mengetahui_id=mengetahui_id,
        notes=notes,
    )
    return handover.record_handover(ctx, draft)
