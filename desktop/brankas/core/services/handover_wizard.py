"""The handover wizard's navigation and validation, decided in core and free of Qt and SQL.

Pages: kind → term → kecamatan (one or many) → accounts (pre-selected from custody) →
parties, witnesses and "mengetahui" → number, date and place → preview; finishing records.
The GUI renders the pages; this module says which page comes next, what each page needs
and what is wrong with it. State is an immutable :class:`WizardState`; every change
returns a new one. What the pages offer (terms, kecamatan, candidate accounts, people)
comes in a :class:`WizardData` that :func:`brankas.core.services.handover.wizard_data`
loads once the kind and term are known.

A batch over several kecamatan gives one handover (one BAST) per kecamatan that has
accounts selected: each committee signs its own minutes. The office party, witnesses,
"mengetahui", date and place are shared; the BAST numbers follow the sequence, so a
number typed by hand is only accepted when the batch yields a single handover.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from brankas.core.domain.enums import AccountStatus, HandoverKind, PersonRole, Platform
from brankas.core.errors import InvalidValue

COMMITTEE_ROLES = frozenset({PersonRole.KETUA, PersonRole.ANGGOTA, PersonRole.STAFF})
OFFICE_ROLES = frozenset({PersonRole.OFFICIAL, PersonRole.OPERATOR})
MAX_NUMBER = 120
MAX_PLACE = 200
MAX_NOTES = 2000
# The office may sit one time zone east of the clock's WIB "today" (Buol is in WITA).
FUTURE_TOLERANCE = timedelta(days=1)


class Page(StrEnum):
    """The wizard's pages, in order."""

    KIND = "kind"
    TERM = "term"
    KECAMATAN = "kecamatan"
    ACCOUNTS = "accounts"
    PARTIES = "parties"
    DETAILS = "details"
    PREVIEW = "preview"


PAGES: tuple[Page, ...] = tuple(Page)


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong on a page: the field, a stable code, and the kecamatan if per-kecamatan."""

    field: str
    code: str
    kecamatan_id: int | None = None


@dataclass(frozen=True, slots=True)
class TermOption:
    """A term the wizard offers."""

    id: int
    name: str
    start_date: date
    end_date: date


@dataclass(frozen=True, slots=True)
class KecamatanOption:
    """A kecamatan of the chosen term, with the day its term ends there."""

    id: int
    name: str
    end_date: date


@dataclass(frozen=True, slots=True)
class AccountOption:
    """A candidate account for the chosen kind and term."""

    account_id: int
    kecamatan_id: int
    platform: Platform
    handle: str
    status: AccountStatus
    holder_person_id: int | None  # None: the office holds it
    preselected: bool = True


@dataclass(frozen=True, slots=True)
class PersonOption:
    """A person the wizard offers as a party, witness or "mengetahui"."""

    id: int
    name: str
    role: PersonRole
    kecamatan_id: int | None = None
    term_id: int | None = None
    position: str = ""


@dataclass(frozen=True, slots=True)
class WizardData:
    """What the pages offer. Reload it when the kind or term changes."""

    terms: tuple[TermOption, ...] = ()
    kecamatan: tuple[KecamatanOption, ...] = ()
    accounts: tuple[AccountOption, ...] = ()
    people: tuple[PersonOption, ...] = ()  # everyone who can sign or witness
    today: date = date.min
    default_place: str = ""

    def office_people(self) -> tuple[PersonOption, ...]:
        """Regency officials and operators (the office's party)."""
        return tuple(p for p in self.people if p.role in OFFICE_ROLES)

    def committee_of(self, kecamatan_id: int) -> tuple[PersonOption, ...]:
        """Committee members (and secretariat staff) of a kecamatan."""
        return tuple(
            p for p in self.people if p.role in COMMITTEE_ROLES and p.kecamatan_id == kecamatan_id
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoverDraft:
    """One handover to record: what :func:`brankas.core.services.handover.record_handover`
    takes, and what :func:`drafts` yields (one per kecamatan)."""

    kind: HandoverKind
    term_id: int
    first_party_id: int  # issue/next committee: the office; return: the committee
    second_party_id: int  # issue/next committee: the committee; return: the office
    account_ids: tuple[int, ...]
    on: date
    place: str = ""  # empty: the office's city
    number: str | None = None  # None: the next number in the sequence
    witness_ids: tuple[int, ...] = ()
    mengetahui_id: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class WizardState:
    """Everything chosen so far; change it with the functions of this module."""

    page: Page = Page.KIND
    kind: HandoverKind | None = None
    term_id: int | None = None
    kecamatan_ids: tuple[int, ...] = ()
    selected: frozenset[int] = frozenset()
    office_party_id: int | None = None
    committee_parties: tuple[tuple[int, int], ...] = ()  # (kecamatan id, person id)
    witness_ids: tuple[int, ...] = ()
    mengetahui_id: int | None = None
    on: date | None = None
    place: str = ""
    number: str = ""  # empty: the next number in the sequence
    notes: str = ""

    def committee_party(self, kecamatan_id: int) -> int | None:
        """The committee party chosen for a kecamatan."""
        return dict(self.committee_parties).get(kecamatan_id)


def start() -> WizardState:
    """A new wizard on its first page."""
    return WizardState()


# --- navigation ----------------------------------------------------------------------
def next_page_of(page: Page) -> Page | None:
    """The page after ``page``; None after the preview (finishing records)."""
    i = PAGES.index(page)
    return PAGES[i + 1] if i + 1 < len(PAGES) else None


def previous_page_of(page: Page) -> Page | None:
    """The page before ``page``; None on the first."""
    i = PAGES.index(page)
    return PAGES[i - 1] if i > 0 else None


def can_advance(state: WizardState, data: WizardData) -> bool:
    """True when the current page is complete and valid."""
    return not validate(state, data)


def advance(state: WizardState, data: WizardData) -> WizardState:
    """Go to the next page.

    Raises:
        InvalidValue: the current page has a problem (its field and code), or the
            current page is the last (code ``wizard_at_end``; call :func:`drafts`).
    """
    problems = validate(state, data)
    if problems:
        p = problems[0]
        raise InvalidValue(f"the {state.page.value} page is not complete", p.field, p.code)
    nxt = next_page_of(state.page)
    if nxt is None:
        raise InvalidValue("the preview is the last page", "page", "wizard_at_end")
    return replace(state, page=nxt)


def back(state: WizardState) -> WizardState:
    """Go to the previous page (choices are kept); stays on the first page."""
    prev = previous_page_of(state.page)
    return state if prev is None else replace(state, page=prev)


# --- choices -------------------------------------------------------------------------
def choose_kind(state: WizardState, kind: HandoverKind) -> WizardState:
    """Set the kind; a different kind clears the accounts and parties chosen before."""
    if kind is state.kind:
        return state
    return replace(
        state, kind=kind, selected=frozenset(), office_party_id=None, committee_parties=()
    )


def choose_term(state: WizardState, term_id: int) -> WizardState:
    """Set the term; a different term clears kecamatan, accounts and committee parties."""
    if term_id == state.term_id:
        return state
    return replace(
        state, term_id=term_id, kecamatan_ids=(), selected=frozenset(), committee_parties=()
    )


def choose_kecamatan(
    state: WizardState, kecamatan_ids: Iterable[int], data: WizardData
) -> WizardState:
    """Set the kecamatan (in the data's order); newly chosen ones get their candidate
    accounts pre-selected, dropped ones lose their selection and committee party."""
    wanted = set(kecamatan_ids)
    ordered = tuple(k.id for k in data.kecamatan if k.id in wanted)
    ordered += tuple(sorted(wanted - set(ordered)))  # unknown ids stay, to be reported
    added = wanted - set(state.kecamatan_ids)
    kept = {
        o.account_id
        for o in data.accounts
        if o.account_id in state.selected and o.kecamatan_id in wanted
    }
    kept |= {o.account_id for o in data.accounts if o.kecamatan_id in added and o.preselected}
    parties = tuple((k, p) for k, p in state.committee_parties if k in wanted)
    return replace(
        state, kecamatan_ids=ordered, selected=frozenset(kept), committee_parties=parties
    )


def set_selected(state: WizardState, account_ids: Iterable[int]) -> WizardState:
    """Replace the selected accounts."""
    return replace(state, selected=frozenset(account_ids))


def toggle_account(state: WizardState, account_id: int) -> WizardState:
    """Select an account, or unselect it if it was selected."""
    return replace(state, selected=state.selected ^ {account_id})


def choose_parties(
    state: WizardState,
    *,
    office_party_id: int | None,
    committee_parties: Mapping[int, int],
    witness_ids: Iterable[int] = (),
    mengetahui_id: int | None = None,
) -> WizardState:
    """Set the office party, each kecamatan's committee party, witnesses and "mengetahui"."""
    return replace(
        state,
        office_party_id=office_party_id,
        committee_parties=tuple(sorted(committee_parties.items())),
        witness_ids=tuple(witness_ids),
        mengetahui_id=mengetahui_id,
    )


def suggest_parties(state: WizardState, data: WizardData) -> WizardState:
    """Fill in each kecamatan's committee party not chosen yet: its ketua (else its first
    member); and the office party when exactly one official is offered."""
    parties = dict(state.committee_parties)
    for k in active_kecamatan(state, data):
        if k in parties:
            continue
        members = data.committee_of(k)
        ketua = [p for p in members if p.role is PersonRole.KETUA]
        pick = (ketua or list(members))[:1]
        if pick:
            parties[k] = pick[0].id
    office = state.office_party_id
    if office is None and len(data.office_people()) == 1:
        office = data.office_people()[0].id
    return replace(state, committee_parties=tuple(sorted(parties.items())), office_party_id=office)


def set_details(
    state: WizardState, *, on: date | None, place: str = "", number: str = "", notes: str = ""
) -> WizardState:
    """Set the date, place, number (empty: automatic) and notes."""
    return replace(state, on=on, place=place, number=number, notes=notes)


# --- validation ----------------------------------------------------------------------
def active_kecamatan(state: WizardState, data: WizardData) -> tuple[int, ...]:
    """The chosen kecamatan that have at least one account selected (one BAST each)."""
    with_accounts = {o.kecamatan_id for o in data.accounts if o.account_id in state.selected}
    return tuple(k for k in state.kecamatan_ids if k in with_accounts)


def _kind_problems(state: WizardState, data: WizardData) -> list[Problem]:
    return [] if state.kind is not None else [Problem("kind", "kind_required")]


def _term_problems(state: WizardState, data: WizardData) -> list[Problem]:
    if state.term_id is None:
        return [Problem("term", "term_required")]
    if all(t.id != state.term_id for t in data.terms):
        return [Problem("term", "term_unknown")]
    return []


def _kecamatan_problems(state: WizardState, data: WizardData) -> list[Problem]:
    if not state.kecamatan_ids:
        return [Problem("kecamatan", "kecamatan_required")]
    known = {k.id for k in data.kecamatan}
    return [
        Problem("kecamatan", "kecamatan_unknown", k) for k in state.kecamatan_ids if k not in known
    ]


def _account_problems(state: WizardState, data: WizardData) -> list[Problem]:
    offered = {o.account_id for o in data.accounts if o.kecamatan_id in state.kecamatan_ids}
    if not state.selected:
        return [Problem("accounts", "handover_no_accounts")]
    if state.selected - offered:
        return [Problem("accounts", "account_not_candidate")]
    return []


def _party_problems(state: WizardState, data: WizardData) -> list[Problem]:
    out: list[Problem] = []
    office_ids = {p.id for p in data.office_people()}
    if state.office_party_id is None:
        out.append(Problem("office_party", "party_required"))
    elif state.office_party_id not in office_ids:
        out.append(Problem("office_party", "party_wrong_side"))
    parties = {state.office_party_id} - {None}
    for k in active_kecamatan(state, data):
        chosen = state.committee_party(k)
        if chosen is None:
            out.append(Problem("committee_party", "party_required", k))
        elif chosen not in {p.id for p in data.committee_of(k)}:
            out.append(Problem("committee_party", "party_other_kecamatan", k))
        else:
            parties.add(chosen)
    if len(set(state.witness_ids)) != len(state.witness_ids):
        out.append(Problem("witnesses", "witness_repeated"))
    if parties & set(state.witness_ids):
        out.append(Problem("witnesses", "witness_is_party"))
    if state.mengetahui_id is not None and state.mengetahui_id in parties:
        out.append(Problem("mengetahui", "mengetahui_is_party"))
    return out


def _detail_problems(state: WizardState, data: WizardData) -> list[Problem]:
    out: list[Problem] = []
    term = next((t for t in data.terms if t.id == state.term_id), None)
    if state.on is None:
        out.append(Problem("date", "date_required"))
    elif state.on > data.today + FUTURE_TOLERANCE:
        out.append(Problem("date", "handover_date_in_future"))
    elif term is not None and state.on < term.start_date:
        out.append(Problem("date", "handover_date_before_term"))
    number = state.number.strip()
    if number:
        if len(active_kecamatan(state, data)) > 1:
            out.append(Problem("number", "number_needs_single_handover"))
        if len(number) > MAX_NUMBER:
            out.append(Problem("number", "number_too_long"))
        if any(not ch.isprintable() for ch in number):
            out.append(Problem("number", "number_control_char"))
    if len(state.place.strip()) > MAX_PLACE:
        out.append(Problem("place", "place_too_long"))
    return out


_CHECKS = {
    Page.KIND: (_kind_problems,),
    Page.TERM: (_term_problems,),
    Page.KECAMATAN: (_kecamatan_problems,),
    Page.ACCOUNTS: (_account_problems,),
    Page.PARTIES: (_party_problems,),
    Page.DETAILS: (_detail_problems,),
}


def validate(state: WizardState, data: WizardData, page: Page | None = None) -> list[Problem]:
    """The problems of one page (default: the current one); the preview checks every page.

    Returns:
        The problems in page order; empty when the page is complete.
    """
    page = state.page if page is None else page
    if page is Page.PREVIEW:
        return [p for pg in PAGES[:-1] for p in validate(state, data, pg)]
    return [p for check in _CHECKS[page] for p in check(state, data)]


def drafts(state: WizardState, data: WizardData) -> tuple[HandoverDraft, ...]:
    """The handovers to record: one per kecamatan with accounts selected, in data order.

    Raises:
        InvalidValue: any page has a problem (the first one's field and code).
    """
    problems = validate(state, data, Page.PREVIEW)
    if problems:
        p = problems[0]
        raise InvalidValue("the handover is not complete", p.field, p.code)
    assert state.kind is not None and state.term_id is not None and state.on is not None
    assert state.office_party_id is not None
    out: list[HandoverDraft] = []
    for k in active_kecamatan(state, data):
        committee = state.committee_party(k)
        assert committee is not None
        accounts = tuple(
            o.account_id
            for o in data.accounts
            if o.kecamatan_id == k and o.account_id in state.selected
        )
        office = state.office_party_id
        first, second = (
            (committee, office) if state.kind is HandoverKind.RETURN else (office, committee)
        )
        out.append(
            HandoverDraft(
                kind=state.kind,
                term_id=state.term_id,
                first_party_id=first,
                second_party_id=second,
                account_ids=accounts,
                on=state.on,
                place=state.place.strip() or data.default_place,
                number=state.number.strip() or None,
                witness_ids=state.witness_ids,
                mengetahui_id=state.mengetahui_id,
                notes=state.notes.strip(),
            )
        )
    return tuple(out)


# --- the checks of a draft that need no database ----------------------------------------
def _fail(message: str, field: str, code: str) -> InvalidValue:
    return InvalidValue(message, field=field, code=code)


def _check_people(d: HandoverDraft) -> None:
    if d.first_party_id == d.second_party_id:
        raise _fail("the two parties are the same person", "second_party", "same_party")
    parties = {d.first_party_id, d.second_party_id}
    if len(set(d.witness_ids)) != len(d.witness_ids):
        raise _fail("a witness is listed twice", "witnesses", "witness_repeated")
    if parties & set(d.witness_ids):
        raise _fail("a witness is also a party", "witnesses", "witness_is_party")
    if d.mengetahui_id is not None and d.mengetahui_id in parties:
        raise _fail('"mengetahui" is also a party', "mengetahui", "mengetahui_is_party")


def check_draft(draft: HandoverDraft, *, today: date, term_start: date) -> HandoverDraft:
    """Check what a draft says by itself (the handover service adds the database checks).

    Args:
        draft: the draft.
        today: the office's today.
        term_start: the first day of the draft's term.

    Returns:
        The draft with clean texts (number None when empty, place and notes trimmed).

    Raises:
        InvalidValue: ``handover_no_accounts``, ``account_repeated`` (field ``accounts``);
            ``same_party`` (``second_party``); ``witness_repeated``, ``witness_is_party``
            (``witnesses``); ``mengetahui_is_party`` (``mengetahui``); ``date_invalid``,
            ``handover_date_in_future``, ``handover_date_before_term`` (``date``);
            ``number_too_long``, ``number_control_char`` (``number``); ``value_too_long``,
            ``value_control_char`` (``place``, ``notes``).
    """
    ids = tuple(draft.account_ids)
    if not ids:
        raise _fail("a handover needs at least one account", "accounts", "handover_no_accounts")
    if len(set(ids)) != len(ids):
        raise _fail("an account is listed twice", "accounts", "account_repeated")
    _check_people(draft)
    on = draft.on
    if not isinstance(on, date) or isinstance(on, datetime):
        raise _fail("the handover date is not a date", "date", "date_invalid")
    if on > today + FUTURE_TOLERANCE:
        raise _fail("the handover is dated in the future", "date", "handover_date_in_future")
    if on < term_start:
        raise _fail("the handover is dated before its term", "date", "handover_date_before_term")
    number = (draft.number or "").strip() or None
    if number is not None and len(number) > MAX_NUMBER:
        raise _fail("the BAST number is too long", "number", "number_too_long")
    if number is not None and not number.isprintable():
        raise _fail("the BAST number has a control character", "number", "number_control_char")
    place = " ".join(draft.place.split())
    if len(place) > MAX_PLACE:
        raise _fail("the place is too long", "place", "value_too_long")
    if not place.isprintable():
        raise _fail("the place has a control character", "place", "value_control_char")
    notes = draft.notes.strip()
    if len(notes) > MAX_NOTES:
        raise _fail("the notes are too long", "notes", "value_too_long")
    return replace(
        draft,
        account_ids=ids,
        witness_ids=tuple(draft.witness_ids),
        number=number,
        place=place,
        notes=notes,
    )
