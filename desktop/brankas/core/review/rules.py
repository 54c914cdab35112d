"""The province's eight review rules (DOMAIN.md) as one pure function over a snapshot.

Scope: the reviewed terms are ``term_ids`` (default: every term in the snapshot). An
account is reviewed when one of its terms is reviewed (its own term, or a next-committee
handover's term; with no ``term_ids``, accounts without a term too). Cancelled plans
(archived, never activated, held or handed over) are never reviewed. A handover is
reviewed when its term is (or, without one, its accounts' term). Shared definitions —
current term, effective end, ended, held by a committee member, password changed after a
handover — are in :mod:`brankas.core.review.facts`.

========  =======  =========================  ===========================================
rule      sev.     code                       fires when
========  =======  =========================  ===========================================
R1        error    required_account_missing   a kecamatan the term covers (its coverage
                                              rows, or every kecamatan not retired by the
                                              term start) has no account of a required
                                              platform (default Instagram, Facebook Page,
                                              X) in that term
R1        warning  required_account_planned   ... has only planned ones
R2        error    username_missing           a reviewed account past planned has an empty
                                              handle
R2        error    password_missing           ... has no password on record (for a phone
R2        warning  pin_missing                number: ``pin_missing``, a warning)
R3        error    active_period_missing      ... lacks active_from or active_until
R3        error    active_period_invalid      ... active_until is before active_from
R3        warning  active_period_beyond_term  an ad-hoc account's active_until is after
                                              its current term's effective end
R3        error    activation_not_recorded    ... past planned but ``activated_at`` unset
R4        error    held_after_term_end        the account's current term has ended for
                                              its kecamatan and a committee member still
                                              holds it (open custody)
R5        error    password_not_changed       a return handover lists the account and the
                                              password was not changed after it
R6        error    not_deactivated            current term ended; status active/returned
R6        warning  planned_after_term_end     current term ended; still only planned
R6        error    checklist_incomplete       deactivated/retained/archived with some
                                              checklist step not done
R6        warning  checklist_missing          ... with no checklist at all
R7        error    recovery_email_personal    recovery e-mail marked as a person's
R7        warning  recovery_email_provider    owner not recorded, free personal provider
                                              (gmail.com …) and not an account in the vault
R7        error    recovery_phone_personal    recovery phone a person's, or (owner not
                                              "office") held by a committee member
R7        warning  twofa_device_personal      the 2FA device likewise
R8        error    bast_number_missing        a handover has a blank BAST number
R8        error    bast_no_accounts           a handover lists no account
R8        warning  bast_scan_missing          no attachment (owner_kind "handover") holds
                                              its signed scan
R8        warning  custody_without_bast       a custody period gave an account to a
                                              committee member without a handover
========  =======  =========================  ===========================================

Each finding is stated in Indonesian and English and points at a term, kecamatan,
account and/or handover. Findings come sorted by rule, term, kecamatan name, account,
handover and code, so the same snapshot always gives the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from brankas.core.domain.enums import AccountStatus, HandoverKind, LifecycleKind, Platform, Severity
from brankas.core.domain.models import Account, Handover
from brankas.core.errors import NotFound
from brankas.core.review._memory import bulk
from brankas.core.review._rows import builder
from brankas.core.review.facts import Facts, facts_of
from brankas.core.review.labels import date_en, date_id, platform_label, status_label
from brankas.core.review.matrix import DEFAULT_REQUIRED, accounts_by_cell
from brankas.core.review.messages import MESSAGES
from brankas.core.review.recovery import PersonalLink
from brankas.core.review.snapshot import Snapshot

_ENDED_OK = frozenset({AccountStatus.DEACTIVATED, AccountStatus.RETAINED, AccountStatus.ARCHIVED})
_LINK_CODES = {
    PersonalLink.RECOVERY_EMAIL_PERSON: "recovery_email_personal",
    PersonalLink.RECOVERY_EMAIL_PROVIDER: "recovery_email_provider",
    PersonalLink.RECOVERY_PHONE_PERSON: "recovery_phone_personal",
    PersonalLink.TWOFA_DEVICE_PERSON: "twofa_device_personal",
}
Param = str | int | tuple[str, str]  # a tuple is (Indonesian, English)


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One thing a reviewer should see.

    ``code`` is stable and, with ``params``, is what a GUI translates; ``message_id`` and
    ``message_en`` are the sentences in Indonesian and English (formatted on demand: a
    national review can hold tens of thousands of findings and shows a few at a time).
    """

    rule_id: str  # "R1" … "R8"
    severity: Severity
    code: str
    term_id: int | None
    kecamatan_id: int | None
    account_id: int | None = None
    handover_id: int | None = None
    params: tuple[tuple[str, Param], ...] = ()  # template fields; a pair is (id, en)

    @property
    def message_id(self) -> str:
        """The finding in Indonesian."""
        values = {k: v[0] if isinstance(v, tuple) else v for k, v in self.params}
        return MESSAGES[self.code].text_id.format(**values)

    @property
    def message_en(self) -> str:
        """The finding in English."""
        values = {k: v[1] if isinstance(v, tuple) else v for k, v in self.params}
        return MESSAGES[self.code].text_en.format(**values)

    def to_json(self) -> dict[str, Any]:
        """The finding as a JSON-ready object (for ``--json`` output and reports)."""
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "code": self.code,
            "term_id": self.term_id,
            "kecamatan_id": self.kecamatan_id,
            "account_id": self.account_id,
            "handover_id": self.handover_id,
            "message_id": self.message_id,
            "message_en": self.message_en,
        }


_FINDING = builder(Finding)  # positional, in field order: a national review has ~10⁵
Add = Callable[[Finding], None]


@lru_cache(maxsize=4096)  # a review names few distinct dates (term ends) many times
def _dates(d: date) -> tuple[str, str]:
    return date_id(d), date_en(d)


class _Review:
    def __init__(self, snapshot: Snapshot, today: date, term_ids: frozenset[int]) -> None:
        self.s = snapshot
        self.f: Facts = facts_of(snapshot)
        self.today = today
        self.terms = term_ids
        self._what: dict[int, tuple[str, str]] = {}
        self.scanned = frozenset(
            x.owner_id for x in snapshot.attachments.values() if x.owner_kind == "handover"
        )

    def emit(
        self,
        code: str,
        term_id: int | None,
        kecamatan_id: int | None,
        account_id: int | None = None,
        handover_id: int | None = None,
        /,
        **params: Param,
    ) -> Finding:
        m = MESSAGES[code]
        return _FINDING(
            m.rule_id,
            m.severity,
            code,
            term_id,
            kecamatan_id,
            account_id,
            handover_id,
            tuple(params.items()),
        )

    def on(self, code: str, a: Account, term_id: int | None, **params: Param) -> Finding:
        """A finding about an account (``what`` names it in both languages, first)."""
        m = MESSAGES[code]  # emit(), inlined: most findings are about an account
        return _FINDING(
            m.rule_id,
            m.severity,
            code,
            term_id,
            a.kecamatan_id,
            a.id,
            None,
            (("what", self.what(a)), *params.items()),
        )

    def what(self, a: Account | None, account_id: int = 0) -> tuple[str, str]:
        """How a message names an account, in Indonesian and English."""
        if a is None:
            return f"#{account_id}", f"#{account_id}"
        known = self._what.get(a.id)
        if known is None:
            kec = self.f.kecamatan_name(a.kecamatan_id)
            where = f" (Kecamatan {kec})" if kec else ""
            name = a.handle or f"#{a.id}"
            known = self._what[a.id] = (
                f"{platform_label(a.platform)} {name}{where}",
                f"{platform_label(a.platform, 'en')} {name}{where}",
            )
        return known

    # --- scope ------------------------------------------------------------------------
    def accounts(self, *, with_termless: bool) -> Iterator[tuple[Account, int | None]]:
        """Reviewed accounts with the term a finding about them names."""
        f = self.f
        seen: set[int] = set()
        for tid in sorted(self.terms):
            for aid in f.accounts_in_term.get(tid, ()):
                if aid not in seen:
                    seen.add(aid)
                    a = self.s.accounts[aid]
                    current = f.current_term.get(aid)
                    if not f.is_cancelled(a):
                        yield a, current if current in self.terms else tid
        if with_termless:
            for aid, a in self.s.accounts.items():
                if aid not in seen and f.current_term.get(aid) is None and not f.is_cancelled(a):
                    yield a, None

    def handovers(self, *, with_termless: bool) -> Iterator[tuple[Handover, int | None]]:
        for h in self.s.handovers.values():
            terms = self.f.handover_terms(h) & self.terms
            if terms:
                yield h, h.term_id if h.term_id is not None else min(terms)
            elif with_termless and not self.f.handover_terms(h):
                yield h, None

    # --- rules ------------------------------------------------------------------------
    def r1(self, required: Collection[Platform]) -> Iterator[Finding]:
        for tid in sorted(self.terms):
            cells = accounts_by_cell(self.f, tid)
            term = self.s.terms[tid].name
            for kid in self.f.coverage(tid):
                for p in (p for p in Platform if p in required):
                    accounts = cells.get((kid, p), [])
                    if any(a.status is not AccountStatus.PLANNED for a in accounts):
                        continue
                    code = "required_account_planned" if accounts else "required_account_missing"
                    yield self.emit(
                        code,
                        tid,
                        kid,
                        kec=self.f.kecamatan_name(kid),
                        platform=(platform_label(p), platform_label(p, "en")),
                        term=term,
                    )

    # The per-account rules append to ``add`` (no generator per account and rule: a
    # national review visits hundreds of thousands of accounts, most with no finding).
    def r2_r3(self, a: Account, tid: int | None, add: Add) -> None:
        if a.status is AccountStatus.PLANNED:
            return
        if not a.handle.strip():
            add(self.on("username_missing", a, tid))
        if a.id not in self.s.password_on_record:
            add(
                self.on(
                    "pin_missing" if a.platform is Platform.PHONE else "password_missing", a, tid
                )
            )
        if a.active_from is None or a.active_until is None:
            add(self.on("active_period_missing", a, tid))
        elif a.active_until < a.active_from:
            add(self.on("active_period_invalid", a, tid))
        elif a.lifecycle_kind is LifecycleKind.AD_HOC:
            end = self.f.account_end(a.id)
            if end is not None and a.active_until > end:
                add(
                    self.on(
                        "active_period_beyond_term",
                        a,
                        tid,
                        until=_dates(a.active_until),
                        end=_dates(end),
                    )
                )
        if a.activated_at is None:
            add(self.on("activation_not_recorded", a, tid))

    def r4_r6(self, a: Account, tid: int | None, add: Add) -> None:
        f = self.f
        if f.current_term.get(a.id) not in self.terms:
            return  # handed on to a term not under review: judged there
        end = f.account_end(a.id)
        if end is None or self.today <= end:
            return
        custody = f.committee_holder(a.id)
        if custody is not None:
            holder = f.person(custody.holder_person_id)
            name = holder.name if holder is not None else f"#{custody.holder_person_id}"
            days = (self.today - end).days
            add(self.on("held_after_term_end", a, tid, end=_dates(end), holder=name, days=days))
        if a.status is AccountStatus.PLANNED:
            add(self.on("planned_after_term_end", a, tid))
        elif a.status not in _ENDED_OK:
            status = (status_label(a.status), status_label(a.status, "en"))
            add(self.on("not_deactivated", a, tid, end=_dates(end), status=status))
        else:
            done, total = f.checklist_progress(a.id)
            if total == 0:
                add(self.on("checklist_missing", a, tid))
            elif done < total:
                add(self.on("checklist_incomplete", a, tid, done=done, total=total))

    def r7(self, a: Account, tid: int | None, add: Add) -> None:
        for link in self.f.personal_links(a):
            add(self.on(_LINK_CODES[link], a, tid))

    def r5_r8(self, h: Handover, tid: int | None) -> Iterator[Finding]:
        f = self.f
        kecs = f.handover_kecamatan(h)
        kid = next(iter(kecs)) if len(kecs) == 1 else None
        bast = h.number.strip() or f"#{h.id}"
        if not h.number.strip():
            yield self.emit("bast_number_missing", tid, kid, None, h.id, date=_dates(h.date))
        if not h.items:
            yield self.emit("bast_no_accounts", tid, kid, None, h.id, bast=bast)
        if h.id not in self.scanned:
            yield self.emit("bast_scan_missing", tid, kid, None, h.id, bast=bast)
        if h.kind is not HandoverKind.RETURN or h.date > self.today:
            return
        for item in h.items:
            if not f.rotated_after(h, item):
                a = self.s.accounts.get(item.account_id)
                yield self.emit(
                    "password_not_changed",
                    tid,
                    a.kecamatan_id if a is not None else kid,
                    item.account_id,
                    h.id,
                    what=self.what(a, item.account_id),
                    bast=bast,
                    date=_dates(h.date),
                )

    def custody_without_bast(self, a: Account, tid: int | None, add: Add) -> None:
        for c in self.s.custody.get(a.id, ()):
            if c.handover_id is not None or c.holder_person_id is None:
                continue
            p = self.f.person(c.holder_person_id)
            if p is None or self.f.is_committee(p.id):
                name = p.name if p is not None else f"#{c.holder_person_id}"
                add(self.on("custody_without_bast", a, tid, holder=name))


@bulk
def review(
    snapshot: Snapshot,
    *,
    today: date,
    term_ids: Collection[int] | None = None,
    required: Collection[Platform] = DEFAULT_REQUIRED,
) -> list[Finding]:
    """Check a snapshot against the eight review rules (see the module docstring).

    Args:
        snapshot: the records (from the vault or an archive).
        today: the date "ended" is judged at.
        term_ids: the terms to review (default: all in the snapshot).
        required: the platforms rule R1 requires of every kecamatan.

    Returns:
        The findings, in a stable order.

    Raises:
        NotFound: a term in ``term_ids`` is not in the snapshot.
    """
    wanted = frozenset(snapshot.terms if term_ids is None else term_ids)
    missing = wanted - snapshot.terms.keys()
    if missing:
        raise NotFound(f"no term {min(missing)}")
    r = _Review(snapshot, today, wanted)
    termless = term_ids is None
    out = list(r.r1(required))
    add = out.append
    # Look-ups that tell, for most accounts, that a rule has nothing to say.
    personal, custody = r.f.personal, snapshot.custody
    r2_r3, r4_r6, r7, custody_without_bast = r.r2_r3, r.r4_r6, r.r7, r.custody_without_bast
    for a, tid in r.accounts(with_termless=termless):
        r2_r3(a, tid, add)
        r4_r6(a, tid, add)
        if a.id in personal:
            r7(a, tid, add)
        if a.id in custody:
            custody_without_bast(a, tid, add)
    for h, tid in r.handovers(with_termless=termless):
        out.extend(r.r5_r8(h, tid))
    names = {k.id: k.name.casefold() for k in snapshot.kecamatan.values()}
    out.sort(
        key=lambda x: (
            int(x.rule_id[1:]),
            x.term_id or 0,
            names.get(x.kecamatan_id, "\uffff") if x.kecamatan_id is not None else "",
            x.account_id or 0,
            x.handover_id or 0,
            x.code,
        )
    )
    return out
