"""Put a previewed file into the vault: a dry run, then one all-or-nothing transaction into
a chosen term, with an IMPORT audit event and a summary.

New accounts are written in bulk (``account`` repository's ``add_accounts``, the path it
documents for imports) with the same fields ``services.accounts.create_account`` would give
them; duplicates chosen for update, new kecamatan and term links go through the services.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from brankas.core.audit import AuditKind
from brankas.core.domain.enums import (
    AccountStatus,
    Owner,
    Platform,
    TwoFactorMethod,
)
from brankas.core.domain.models import Account, AccountSecrets, Term
from brankas.core.importers._update import update_existing
from brankas.core.importers.mapping import remember_mapping
from brankas.core.importers.prepared import MappingOrigin
from brankas.core.importers.preview import ImportRow, Preview
from brankas.core.importers.vaultview import existing_accounts, kecamatan_key
from brankas.core.services import accounts, office, terms
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos import account as account_repo

__all__ = [
    "DuplicateChoice",
    "ImportSummary",
    "apply_import",
    "choices_for",
    "dry_run",
    "run_import",
]


class DuplicateChoice(StrEnum):
    """What to do with a row whose account already exists (or came earlier in the file)."""

    SKIP = "skip"
    UPDATE = "update"  # fill the existing account from the row (old password to history)
    KEEP_BOTH = "keep_both"  # add the row as a second account with the same handle


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do).

    ``row_warnings`` pairs a preview row index with a warning code about the stored account
    (e.g. ``recovery_email_free_provider``); ``created_ids`` are the new accounts' ids (a
    dry run's are the ids they would get).
    """

    dry_run: bool
    term_id: int
    created: int
    updated: int
    unchanged: int
    skipped_duplicates: int
    skipped_errors: int
    ignored_rows: int
    kecamatan_created: tuple[str, ...]
    kecamatan_attached: int
    created_ids: tuple[int, ...]
    updated_ids: tuple[int, ...]
    row_warnings: tuple[tuple[int, str], ...] = ()


class _Rollback(Exception):  # control flow: never leaves this module
    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("dry run")
        self.summary = summary


def choices_for(row: ImportRow) -> tuple[DuplicateChoice, ...]:
    """The choices the wizard offers for a duplicate row (first: the default)."""
    if row.duplicate_of is not None:
        return (DuplicateChoice.SKIP, DuplicateChoice.UPDATE, DuplicateChoice.KEEP_BOTH)
    if row.duplicate_in_file is not None:
        return (DuplicateChoice.SKIP, DuplicateChoice.KEEP_BOTH)
    return ()


def _ranges(ids: Sequence[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in sorted(ids):
        if out and out[-1][1] == i - 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return out


class _Run:
    """One import inside one transaction."""

    def __init__(self, ctx: ServiceContext, preview: Preview, term: Term) -> None:
        self.ctx = ctx
        self.preview = preview
        self.term = term
        self.now: datetime = ctx.now()
        self.kec_ids: dict[str, int] = {}
        self.ends: dict[int, date] = {}
        self.links: dict[Platform, dict[str, list[int]]] = {Platform.EMAIL: {}, Platform.PHONE: {}}
        self.warnings: list[tuple[int, str]] = []

    def kecamatan_of(self, row: ImportRow) -> int | None:
        if row.kecamatan_id is not None:
            return row.kecamatan_id
        return self.kec_ids.get(kecamatan_key(row.kecamatan_new)) if row.kecamatan_new else None

    def create_kecamatan(self, rows: Sequence[ImportRow]) -> list[str]:
        existing = {kecamatan_key(k.name): k.id for k in office.list_kecamatan(self.ctx)}
        created: list[str] = []
        for row in rows:
            key = kecamatan_key(row.kecamatan_new)
            if not row.kecamatan_new or key in self.kec_ids:
                continue
            if key in existing:
                self.kec_ids[key] = existing[key]
                continue
            kec = office.add_kecamatan(self.ctx, row.kecamatan_new)
            self.kec_ids[key] = kec.id
            created.append(kec.name)
        return created

    def attach(self, kec_ids: set[int]) -> int:
        links = terms.list_term_kecamatan(self.ctx, self.term.id)
        linked = {link.kecamatan_id for link in links}
        self.ends = {link.kecamatan_id: link.effective_end(self.term) for link in links}
        missing = sorted(kec_ids - linked)
        if missing:
            terms.attach_kecamatan(self.ctx, self.term.id, missing)
        return len(missing)

    def load_links(self) -> None:
        for platform, index in self.links.items():
            for a in account_repo.list_accounts(self.ctx.conn, platform=platform):
                index.setdefault(a.handle.casefold(), []).append(a.id)

    def _link(self, platform: Platform, value: str) -> int | None:
        found = self.links[platform].get(value.casefold(), []) if value else []
        return found[0] if len(found) == 1 else None

    def new_account(self, row: ImportRow) -> tuple[Account, AccountSecrets | None]:
        assert row.platform is not None  # blocked rows never get here
        kec_id = self.kecamatan_of(row)
        default_until = self.ends.get(kec_id, self.term.end_date) if kec_id else None
        start = row.active_from or self.term.start_date
        until = row.active_until or default_until or self.term.end_date
        if until < start:  # the preview warned; fall back to the term's period
            start, until = self.term.start_date, default_until or self.term.end_date
        email_link = self._link(Platform.EMAIL, row.recovery_email)
        phone_link = self._link(Platform.PHONE, row.recovery_phone)
        codes = row.backup_codes.reveal().splitlines() if row.backup_codes else []
        account = Account(
            platform=row.platform,
            handle=row.handle,
            display_name=row.display_name,
            url=row.url,
            kecamatan_id=kec_id,
            term_id=self.term.id,
            lifecycle_kind=self.preview.options.lifecycle_kind,
            status=AccountStatus.PLANNED,
            active_from=start,
            active_until=until,
            recovery_email=row.recovery_email,
            recovery_email_account_id=email_link,
            recovery_email_owner=Owner.OFFICE if email_link else Owner.UNKNOWN,
            recovery_phone=row.recovery_phone,
            recovery_phone_account_id=phone_link,
            recovery_phone_owner=Owner.OFFICE if phone_link else Owner.UNKNOWN,
            twofa_method=TwoFactorMethod.TOTP if row.totp else TwoFactorMethod.NONE,
            backup_codes_remaining=len(codes) if codes else None,
            backup_codes_regenerated_at=self.now if codes else None,
            password_changed_at=self.now if row.password else None,
            created_at=self.now,
            updated_at=self.now,
        )
        secrets = None
        if row.password or row.totp or row.backup_codes or row.notes:
            secrets = AccountSecrets(
                account_id=0,
                password=row.password,
                totp_secret=row.totp,
                backup_codes=row.backup_codes,
                notes=row.notes,
            )
        return account, secrets

    def create(self, rows: Sequence[ImportRow]) -> list[int]:
        ids: list[int] = []
        # SIMs first, then e-mail accounts, then the rest: each can then be linked as the
        # recovery phone/address of those after it, as the account service would link it.
        for batch in (
            [r for r in rows if r.platform is Platform.PHONE],
            [r for r in rows if r.platform is Platform.EMAIL],
            [r for r in rows if r.platform not in (Platform.PHONE, Platform.EMAIL)],
        ):
            if not batch:
                continue
            built = [self.new_account(r) for r in batch]
            new_ids = account_repo.add_accounts(
                self.ctx.conn, [a for a, _ in built], [s for _, s in built]
            )
            for row, (account, _), new_id in zip(batch, built, new_ids, strict=True):
                if account.platform in self.links:
                    self.links[account.platform].setdefault(account.handle.casefold(), []).append(
                        new_id
                    )
                self.warnings.extend(
                    (row.index, code) for code in accounts.personal_recovery_links(account)
                )
            ids.extend(new_ids)
        return ids


def run_import(
    ctx: ServiceContext,
    preview: Preview,
    *,
    term_id: int,
    choices: Mapping[int, DuplicateChoice] | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Import the rows of a complete preview in one transaction (or only try, and undo).

    Rows with errors are left out; duplicates follow ``choices`` (by row index; default
    skip). Unknown kecamatan the preview marked as new are created, and every kecamatan
    used is added to the term. Accounts start as planned, with the term's active period
    unless the file gave one. The column mapping is remembered for the next file.

    Args:
        ctx: the service context.
        preview: a complete preview (``Preview.complete``).
        term_id: the term the accounts belong to.
        choices: duplicate row index → choice (see :func:`choices_for`).
        dry_run: do everything, then roll it all back (the summary says what would happen).

    Returns:
        The summary.

    Raises:
        ValueError: the preview is not complete, or a choice is not offered for its row.
        NotFound: no such term.
        InvalidValue, DomainConflict: a service refused a change (the whole import is
            undone).
    """
    if not preview.complete:
        raise ValueError("only a complete preview can be imported")
    chosen = dict(choices or {})
    for index, choice in chosen.items():
        if not 0 <= index < len(preview.rows) or choice not in choices_for(preview.rows[index]):
            raise ValueError("that choice is not offered for that row")
    try:
        with ctx.tx():
            summary = _run(ctx, preview, term_id, chosen, dry_run)
            if dry_run:
                raise _Rollback(summary)
    except _Rollback as done:
        return done.summary
    return summary


def _run(
    ctx: ServiceContext,
    preview: Preview,
    term_id: int,
    chosen: dict[int, DuplicateChoice],
    dry_run: bool,
) -> ImportSummary:
    run = _Run(ctx, preview, terms.get_term(ctx, term_id))
    existing = existing_accounts(ctx.conn)
    to_create: list[ImportRow] = []
    to_update: list[tuple[ImportRow, int]] = []
    skipped_errors = skipped_dupes = 0
    for row in preview.rows:
        if row.blocked or row.platform is None:
            skipped_errors += 1
            continue
        choice = chosen.get(row.index, DuplicateChoice.SKIP)
        now_existing = existing.get((row.platform, row.handle.casefold()))
        if (row.is_duplicate or now_existing is not None) and choice is DuplicateChoice.SKIP:
            skipped_dupes += 1
        elif choice is DuplicateChoice.UPDATE and now_existing is not None:
            to_update.append((row, now_existing))
        elif choice is DuplicateChoice.UPDATE:
            skipped_dupes += 1  # the account went away since the preview
        else:
            to_create.append(row)
    kecamatan_created = run.create_kecamatan([r for r, _ in to_update] + to_create)
    used = {k for k in (run.kecamatan_of(r) for r in to_create) if k is not None}
    attached = run.attach(used)
    run.load_links()
    created_ids = run.create(to_create)
    updated_ids: list[int] = []
    for row, account_id in to_update:
        changed, warnings = update_existing(ctx, row, account_id, run.kecamatan_of(row), term_id)
        if changed:
            updated_ids.append(account_id)
        run.warnings.extend((row.index, w) for w in warnings)
    prepared = preview.prepared
    if prepared.origin is not MappingOrigin.FIXED:
        remember_mapping(ctx.conn, prepared.mapping)
    detail: dict[str, Any] = {
        "file": prepared.table.name,
        "sha256": prepared.table.sha256,
        "source": prepared.table.kind.value,
        "sheet": prepared.table.sheet,
        "rows": len(preview.rows),
        "created": len(created_ids),
        "created_ids": _ranges(created_ids),
        "updated_ids": updated_ids,
        "skipped_duplicates": skipped_dupes,
        "skipped_errors": skipped_errors,
        "kecamatan_created": kecamatan_created,
    }
    ctx.audit(AuditKind.IMPORT, f"term:{term_id}", detail)
    return ImportSummary(
        dry_run=dry_run,
        term_id=term_id,
        created=len(created_ids),
        updated=len(updated_ids),
        unchanged=len(to_update) - len(updated_ids),
        skipped_duplicates=skipped_dupes,
        skipped_errors=skipped_errors,
        ignored_rows=preview.ignored_rows,
        kecamatan_created=tuple(kecamatan_created),
        kecamatan_attached=attached,
        created_ids=tuple(created_ids),
        updated_ids=tuple(updated_ids),
        row_warnings=tuple(run.warnings),
    )


def dry_run(
    ctx: ServiceContext,
    preview: Preview,
    *,
    term_id: int,
    choices: Mapping[int, DuplicateChoice] | None = None,
) -> ImportSummary:
    """:func:`run_import` with ``dry_run=True``: the vault is left exactly as it was."""
    return run_import(ctx, preview, term_id=term_id, choices=choices, dry_run=True)


def apply_import(
    ctx: ServiceContext,
    preview: Preview,
    *,
    term_id: int,
    choices: Mapping[int, DuplicateChoice] | None = None,
) -> ImportSummary:
    """:func:`run_import` for real: one transaction, all rows or none."""
    return run_import(ctx, preview, term_id=term_id, choices=choices)
