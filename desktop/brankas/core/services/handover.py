"""Handovers (serah terima, recorded by a BAST): validate, number, record and apply them.

Recording a handover is one transaction: the handover with its witnesses and items,
custody (closed and opened), the status moves through the lifecycle table (issue of a
planned account: activate; return: returned; next committee: reissue), for a return the
"needs password change" flag and the deactivation checklist, and the audit events.

Decisions where the issue is silent (see also the module docs of custody and wizard):

* Sides: issue and next committee go from an office person (official/operator) to a
  committee person (ketua/anggota/staff); a return the other way. The committee party
  must belong to the handover's term and to the kecamatan of every listed account, so a
  batch over many kecamatan is one handover per kecamatan (:func:`record_handovers`).
* Every account must belong to the handover's term (next committee: the accounts are
  moved into it, see :mod:`brankas.core.services.continuation`).
* Custody: issue and next committee need the office to hold the account; a return takes
  accounts held by the returning person or by any committee member of the account's
  kecamatan and term (the ketua usually returns the whole committee's accounts).
* The custody change happens "now" when the handover is dated today (or tomorrow, for an
  office one time zone east of WIB), else at 12:00 WIB on its date; never before the
  current holder's period began. Dates more than a day ahead are refused.
* "Changed after the handover" means changed at or after 00:00 WIB of the handover's date
  (the BAST has a date, not a time; rotation usually follows on the same day), as the
  transitions service's facts read it. The secrets service marks the return items when
  it stores a password; :func:`sync_password_changes` marks changes stored any other way.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from brankas.core.audit import AuditKind
from brankas.core.domain.calendar import WIB
from brankas.core.domain.enums import AccountStatus, HandoverKind
from brankas.core.domain.lifecycle import Action, TransitionRefused, find_transition
from brankas.core.domain.models import Account, Attachment, Handover, HandoverItem, Person, Term
from brankas.core.errors import InvalidValue, NotFound
from brankas.core.services import _fields as f
from brankas.core.services import checklist, custody, transitions
from brankas.core.services.context import ServiceContext
from brankas.core.services.custody import wizard_data as wizard_data
from brankas.core.services.handover_numbers import Numbers
from brankas.core.services.handover_numbers import next_number as next_number
from brankas.core.services.handover_numbers import number_pattern as number_pattern
from brankas.core.services.handover_numbers import set_number_pattern as set_number_pattern
from brankas.core.services.handover_wizard import COMMITTEE_ROLES, OFFICE_ROLES, check_draft
from brankas.core.services.handover_wizard import HandoverDraft as HandoverDraft
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import attachment as attachment_repo
from brankas.core.storage.repos import handover as repo
from brankas.core.storage.repos import office as office_repo
from brankas.core.storage.repos import person as person_repo
from brankas.core.storage.repos import term as term_repo
from brankas.core.storage.repos._convert import dt_in, dt_out

log = logging.getLogger(__name__)


SCAN_MAX_BYTES = 20 * 1024 * 1024
_SCAN_TYPES = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
)
_ACTIONS = {
    HandoverKind.ISSUE: Action.ACTIVATE,
    HandoverKind.RETURN: Action.RETURN,
    HandoverKind.NEXT_COMMITTEE: Action.REISSUE,
}


# --- checking a draft ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Plan:
    """A checked draft (clean texts, the office's city as default place), its accounts as
    stored now and their holders."""

    draft: HandoverDraft
    accounts: tuple[Account, ...]
    holders: dict[int, custody.Holder]


def _bad(message: str, field: str, code: str) -> InvalidValue:
    return InvalidValue(message, field=field, code=code)


def _person(conn: Connection, person_id: object, field: str) -> Person:
    if not isinstance(person_id, int) or isinstance(person_id, bool):
        raise _bad(f"{field} is not a person id", field, "person_not_found")
    try:
        return person_repo.get_person(conn, person_id)
    except NotFound:
        raise _bad(f"no person {person_id}", field, "person_not_found") from None


def _load_accounts(conn: Connection, ids: Sequence[int]) -> tuple[Account, ...]:
    out: list[Account] = []
    for i in ids:
        if not isinstance(i, int) or isinstance(i, bool):
            raise _bad("an account id is not a number", "accounts", "account_not_found")
        try:
            out.append(account_repo.get_account(conn, i))
        except NotFound:
            raise _bad(f"no account {i}", "accounts", "account_not_found") from None
    return tuple(out)


def _check_parties(conn: Connection, d: HandoverDraft, term: Term) -> Person:
    """Check that the people exist and sit on the right sides; return the committee party."""
    first = _person(conn, d.first_party_id, "first_party")
    second = _person(conn, d.second_party_id, "second_party")
    for w in d.witness_ids:
        _person(conn, w, "witnesses")
    if d.mengetahui_id is not None:
        _person(conn, d.mengetahui_id, "mengetahui")
    back = d.kind is HandoverKind.RETURN
    (office, office_f), (committee, committee_f) = (
        ((second, "second_party"), (first, "first_party"))
        if back
        else ((first, "first_party"), (second, "second_party"))
    )
    if office.role not in OFFICE_ROLES:
        raise _bad(
            "the office's party must be an official or operator", office_f, "party_wrong_side"
        )
    if committee.role not in COMMITTEE_ROLES:
        raise _bad(
            "the committee's party must be a member or staff", committee_f, "party_wrong_side"
        )
    if committee.term_id != term.id:
        raise _bad("the committee's party serves in another term", committee_f, "party_other_term")
    return committee


def _plan(ctx: ServiceContext, d: HandoverDraft) -> _Plan:
    """Check a draft against the vault as it is now; nothing is written.

    Raises:
        InvalidValue, DomainConflict, TransitionRefused: see :func:`record_handover`.
    """
    from brankas.core.services import continuation

    conn = ctx.conn
    kind = f.enum_value(HandoverKind, d.kind, "kind")
    if not isinstance(d.term_id, int):
        raise _bad("the handover has no term", "term", "term_not_found")
    try:
        term = term_repo.get_term(conn, d.term_id)
    except NotFound:
        raise _bad(f"no term {d.term_id}", "term", "term_not_found") from None
    d = check_draft(
        dataclasses.replace(d, kind=kind), today=ctx.today(), term_start=term.start_date
    )
    d = dataclasses.replace(d, place=d.place or office_repo.own_office(conn).city)
    ids = d.account_ids
    committee = _check_parties(conn, d, term)
    accounts = _load_accounts(conn, ids)
    action = _ACTIONS[kind]
    for a in accounts:
        if kind is HandoverKind.NEXT_COMMITTEE:
            continuation.check_move(ctx, a, term)
        elif a.term_id != term.id:
            raise _bad(f"account {a.id} belongs to another term", "accounts", "account_other_term")
        if a.kecamatan_id != committee.kecamatan_id:
            raise _bad(
                f"account {a.id} belongs to another kecamatan than the committee's party",
                "accounts",
                "account_other_kecamatan",
            )
        if find_transition(a.status, action) is None and not (
            kind is HandoverKind.ISSUE and a.status is AccountStatus.ACTIVE
        ):
            raise TransitionRefused(
                f"cannot {action.value} account {a.id}: it is {a.status.value}",
                status=a.status,
                action=action,
            )
    holders = custody.holders_of(conn, ids)
    for a in accounts:
        custody.check_holder(conn, kind, d.first_party_id, a, holders[a.id])
    return _Plan(d, accounts, holders)


# --- recording -----------------------------------------------------------------------
def _moment(ctx: ServiceContext, on: date, plan: _Plan) -> datetime:
    at = ctx.now() if on >= ctx.today() else datetime.combine(on, time(12), tzinfo=WIB)
    latest = max((h.since for h in plan.holders.values() if h.since is not None), default=None)
    if latest is not None and latest > at:
        if latest.astimezone(WIB).date() > on:
            raise InvalidValue(
                "the handover is dated before the accounts reached their current holder",
                field="date",
                code="handover_date_before_custody",
            )
        at = latest
    return at


def preview_handover(ctx: ServiceContext, draft: HandoverDraft) -> Handover:
    """Check a draft and show the handover it would record, without writing anything.

    Returns:
        The handover with ``id`` 0 and the number it would get now.

    Raises:
        As :func:`record_handover`, except errors that only applying finds (guards of
        the lifecycle table).
    """
    return preview_handovers(ctx, [draft])[0]


def preview_handovers(ctx: ServiceContext, drafts: Sequence[HandoverDraft]) -> list[Handover]:
    """Like :func:`preview_handover` for a batch: the numbers follow on as
    :func:`record_handovers` would give them. Nothing is written.

    Raises:
        As :func:`record_handovers`, except errors that only applying finds.
    """
    _check_batch(drafts)
    numbers = Numbers(ctx)
    out: list[Handover] = []
    for given in drafts:
        plan = _plan(ctx, given)
        d = plan.draft
        out.append(
            _handover(ctx, plan, numbers.claim(d.number) if d.number else numbers.next(d.on))
        )
    return out


def _check_batch(drafts: Sequence[HandoverDraft]) -> None:
    if not drafts:
        raise InvalidValue("no handover to record", field="accounts", code="handover_no_accounts")
    listed = [i for d in drafts for i in set(d.account_ids)]
    if len(set(listed)) != len(listed):
        # Checked first: after the first handover applies, the second would otherwise
        # report the account as held elsewhere.
        raise InvalidValue(
            "an account is listed on two handovers", field="accounts", code="account_repeated"
        )


def _handover(ctx: ServiceContext, plan: _Plan, number: str) -> Handover:
    draft = plan.draft
    return Handover(
        number=number,
        kind=draft.kind,
        date=draft.on,
        place=draft.place,
        term_id=draft.term_id,
        first_party_person_id=draft.first_party_id,
        second_party_person_id=draft.second_party_id,
        mengetahui_person_id=draft.mengetahui_id,
        notes=draft.notes,
        created_at=ctx.now(),
        created_by_operator_id=ctx.operator_id,
        witness_person_ids=tuple(draft.witness_ids),
        items=tuple(HandoverItem(account_id=a.id) for a in plan.accounts),
    )


def record_handover(ctx: ServiceContext, draft: HandoverDraft) -> Handover:
    """Record one handover and apply it (one transaction).

    Args:
        ctx: the service context.
        draft: kind, term, parties, accounts, date, place, number (None: the next in
            the year's sequence), witnesses, "mengetahui", notes.

    Returns:
        The stored handover.

    Raises:
        InvalidValue: ``handover_no_accounts``, ``account_repeated`` (field ``accounts``);
            ``account_other_term``, ``account_other_kecamatan`` (``accounts``);
            ``party_wrong_side``, ``party_other_term`` (``first_party``/``second_party``);
            ``same_party`` (``second_party``); ``witness_is_party``, ``witness_repeated``
            (``witnesses``); ``mengetahui_is_party`` (``mengetahui``);
            ``handover_date_in_future``, ``handover_date_before_term``,
            ``handover_date_before_custody`` (``date``); ``number_too_long``,
            ``number_control_char`` (``number``); ``value_too_long`` (``place``/``notes``);
            ``term_not_later``, ``kecamatan_not_in_term`` (``term``, next committee);
            ``office_code_empty`` (``office_code``); ``person_not_found``,
            ``account_not_found``, ``term_not_found`` (the id's field).
        DomainConflict: ``bast_number_used`` (``number``); ``account_held_elsewhere``
            (``accounts``).
        TransitionRefused: an account's status does not allow the kind (e.g. returning
            a planned account) or a guard fails (e.g. activating an account without a
            password on record).
    """
    return record_handovers(ctx, [draft])[0]


def record_handovers(ctx: ServiceContext, drafts: Sequence[HandoverDraft]) -> list[Handover]:
    """Record several handovers (e.g. one per kecamatan at term end) in one transaction.

    Raises:
        InvalidValue: as :func:`record_handover`; also ``account_repeated`` when two
            drafts list the same account, and ``handover_no_accounts`` for no drafts.
        DomainConflict, TransitionRefused: as :func:`record_handover`.
    """
    _check_batch(drafts)
    out: list[Handover] = []
    with ctx.tx() as conn:
        numbers = Numbers(ctx)
        for given in drafts:
            plan = _plan(ctx, given)
            draft = plan.draft
            number = numbers.claim(draft.number) if draft.number else numbers.next(draft.on)
            out.append(_apply(ctx, conn, plan, number))
        numbers.save(conn)
    return out


def _apply(ctx: ServiceContext, conn: Connection, plan: _Plan, number: str) -> Handover:
    from brankas.core.services import continuation

    draft = plan.draft
    if draft.kind is HandoverKind.NEXT_COMMITTEE:
        continuation.move_into_term(ctx, plan.accounts, draft.term_id)
    at = _moment(ctx, draft.on, plan)
    stored = repo.add_handover(conn, _handover(ctx, plan, number))
    holder = None if draft.kind is HandoverKind.RETURN else draft.second_party_id
    custody.transfer(conn, plan.accounts, holder, at, stored.id)
    action = _ACTIONS[draft.kind]
    reason = f"handover {number}"
    for a in plan.accounts:
        if not (draft.kind is HandoverKind.ISSUE and a.status is AccountStatus.ACTIVE):
            transitions.apply_transition(ctx, a.id, action, reason=reason)
    if draft.kind is HandoverKind.RETURN:
        _after_return(ctx, conn, stored, plan.accounts)
    ctx.audit(
        AuditKind.HANDOVER,
        f"handover:{stored.id}",
        {
            "number": number,
            "kind": draft.kind.value,
            "date": draft.on.isoformat(),
            "term_id": draft.term_id,
            "first_party": draft.first_party_id,
            "second_party": draft.second_party_id,
            "witnesses": list(draft.witness_ids),
            "mengetahui": draft.mengetahui_id,
            "accounts": [a.id for a in plan.accounts],
        },
    )
    log.info("handover %s recorded with %d accounts", stored.id, len(plan.accounts))
    return repo.get_handover(conn, stored.id)


def _threshold(on: date) -> datetime:
    """From when a password change counts as "after" a handover dated ``on``."""
    return datetime.combine(on, time(), tzinfo=WIB)


def _after_return(
    ctx: ServiceContext, conn: Connection, h: Handover, accounts: Sequence[Account]
) -> None:
    # The return transition flagged every account "needs password change"; an account
    # whose password was already changed on or after the handover date (a BAST recorded
    # late) is rotated already: unflag it and note the change on the item.
    since = _threshold(h.date)
    done = [
        (a.id, a.password_changed_at)
        for a in accounts
        if a.password_changed_at is not None and a.password_changed_at >= since
    ]
    conn.executemany(
        "UPDATE handover_item SET password_changed_at = ? WHERE handover_id = ? AND account_id = ?",
        [(dt_out(t), h.id, i) for i, t in done],
    )
    conn.executemany(
        "UPDATE account SET needs_password_change = 0 WHERE id = ?", [(i,) for i, _ in done]
    )
    checklist.start_checklists(ctx, accounts)


# --- password changes after a return --------------------------------------------------
def sync_password_changes(ctx: ServiceContext, account_ids: Iterable[int] | None = None) -> int:
    """Mark return items whose account's password was changed after the handover date.

    The secrets service marks them itself; this finds changes stored any other way.

    Returns:
        How many handover items were marked.
    """
    rows = ctx.conn.execute(
        "SELECT i.handover_id, i.account_id, h.date, a.password_changed_at FROM handover_item i"
        " JOIN handover h ON h.id = i.handover_id JOIN account a ON a.id = i.account_id"
        " WHERE h.kind = 'return' AND i.password_changed_at IS NULL"
        " AND a.password_changed_at IS NOT NULL"
    ).fetchall()
    wanted = None if account_ids is None else set(account_ids)
    due = []
    for hid, aid, d, changed in rows:
        at = dt_in(changed)
        if (wanted is None or aid in wanted) and at and at >= _threshold(date.fromisoformat(d)):
            due.append((changed, hid, aid))
    if due:
        with ctx.tx() as conn:
            conn.executemany(
                "UPDATE handover_item SET password_changed_at = ?"
                " WHERE handover_id = ? AND account_id = ?",
                due,
            )
    return len(due)


def rotation_queue(ctx: ServiceContext, term_id: int | None = None) -> list[Account]:
    """Returned accounts whose password still has to be changed (the rotation queue).

    The queue is the accounts' ``needs_password_change`` flag, so it survives restarts.
    """
    return [
        a for a in account_repo.list_accounts(ctx.conn, term_id=term_id) if a.needs_password_change
    ]


# --- reading -------------------------------------------------------------------------
def get_handover(ctx: ServiceContext, handover_id: int) -> Handover:
    """One handover with its witnesses and items.

    Raises:
        NotFound: no such handover.
    """
    return repo.get_handover(ctx.conn, handover_id)


def list_handovers(ctx: ServiceContext, *, term_id: int | None = None) -> list[Handover]:
    """Handovers by date then id, of one term when given."""
    return repo.list_handovers(ctx.conn, term_id=term_id)


def handovers_of_account(ctx: ServiceContext, account_id: int) -> list[Handover]:
    """Every handover that lists the account, by date then id."""
    return repo.handovers_of_account(ctx.conn, account_id)


# --- scans ---------------------------------------------------------------------------
def _scan_name(filename: str, ext: str) -> str:
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    base = "".join(ch for ch in base if ch.isprintable())[:200]
    return base or f"bast.{ext}"


def attach_scan(ctx: ServiceContext, handover_id: int, filename: str, data: bytes) -> Attachment:
    """Attach the signed BAST's scan to a handover (stored in the encrypted vault).

    Args:
        ctx: the service context.
        handover_id: the handover.
        filename: the file's name (any folder part is dropped).
        data: the file's bytes: a PDF, JPEG or PNG (told by its first bytes), ≤ 20 MiB.

    Returns:
        The attachment with its SHA-256 and size.

    Raises:
        NotFound: no such handover.
        InvalidValue: field ``scan``: ``scan_too_large``, ``scan_wrong_type``.
    """
    if len(data) > SCAN_MAX_BYTES:
        raise InvalidValue("the scan is larger than 20 MB", field="scan", code="scan_too_large")
    kind = next((t for t in _SCAN_TYPES if data.startswith(t[0])), None)
    if kind is None:
        raise InvalidValue(
            "the scan is not a PDF, JPEG or PNG file", field="scan", code="scan_wrong_type"
        )
    with ctx.tx() as conn:
        repo.get_handover(conn, handover_id)
        stored = attachment_repo.add_attachment(
            conn,
            Attachment(
                owner_kind="handover",
                owner_id=handover_id,
                filename=_scan_name(filename, kind[2]),
                mime=kind[1],
                sha256="",
                size=0,
                added_at=ctx.now(),
                added_by_operator_id=ctx.operator_id,
            ),
            bytes(data),
        )
        ctx.audit(
            AuditKind.CHANGE,
            f"handover:{handover_id}",
            {
                "scan_attached": stored.id,
                "filename": stored.filename,
                "sha256": stored.sha256,
                "size": stored.size,
            },
        )
    return stored


def list_scans(ctx: ServiceContext, handover_id: int) -> list[Attachment]:
    """The scans attached to a handover, in the order added."""
    return attachment_repo.list_attachments(ctx.conn, "handover", handover_id)


def read_scan(ctx: ServiceContext, attachment_id: int) -> bytes:
    """A scan's bytes.

    Raises:
        NotFound: no such attachment.
    """
    return attachment_repo.read_attachment_data(ctx.conn, attachment_id)
