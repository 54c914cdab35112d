"""Domain commands: demo, accounts (list/search/show/add/edit/password), handover, checklist,
status and review findings. Tables for people, ``--json`` for scripts."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from brankas.cli.common import CliError, Prompter, add_vault_args, open_vault
from brankas.core.crypto.kdf import KdfParams, new_salt
from brankas.core.domain.enums import (
    AccountStatus,
    HandoverKind,
    LifecycleKind,
    Platform,
    RotationReason,
)
from brankas.core.review.labels import platform_label, status_label
from brankas.core.review.load import load_snapshot
from brankas.core.review.matrix import completeness_matrix
from brankas.core.review.rules import review
from brankas.core.review.search import SearchIndex
from brankas.core.review.status import term_end_status
from brankas.core.services import accounts, checklist, custody, handover, secrets, terms
from brankas.core.services.context import ServiceContext
from brankas.core.services.demo import build_demo_vault
from brankas.core.services.handover_wizard import HandoverDraft
from brankas.core.vault.vault import Vault


def register(sub: Any) -> None:
    """Add the domain commands to the parser."""
    p = sub.add_parser("demo", help="create the Kabupaten Buol demo vault (fictional data)")
    p.add_argument("path", type=Path, help="folder for the new demo vault")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_demo)

    acc = sub.add_parser(
        "accounts", help="list, search, show, add or edit accounts"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")
    p = acc.add_parser("list", help="list accounts (no secrets)")
    _filters(p)
    p.set_defaults(func=cmd_accounts_list)
    p = acc.add_parser("search", help="as-you-type search (never over secrets)")
    _filters(p)
    p.add_argument("text")
    p.set_defaults(func=cmd_accounts_search)
    p = acc.add_parser("show", help="one account; secrets only with --reveal (audited)")
    add_vault_args(p)
    p.add_argument("id", type=int)
    p.add_argument(
        "--reveal", action="store_true", help="also print password, TOTP code, backup codes"
    )
    p.add_argument("--reason", default="", help="why the secrets are revealed (audit log)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_accounts_show)
    p = acc.add_parser("add", help="register an account")
    add_vault_args(p)
    _account_fields(p, required=True)
    p.add_argument("--with-password", action="store_true", help="read its password (stdin/TTY)")
    p.set_defaults(func=cmd_accounts_add)
    p = acc.add_parser("edit", help="change an account's fields")
    add_vault_args(p)
    p.add_argument("id", type=int)
    _account_fields(p, required=False)
    p.set_defaults(func=cmd_accounts_edit)
    p = acc.add_parser("password", help="set an account's password (old one kept in history)")
    add_vault_args(p)
    p.add_argument("id", type=int)
    p.add_argument("--reason", choices=[r.value for r in RotationReason], default="routine")
    p.set_defaults(func=cmd_accounts_password)

    p = sub.add_parser("handover", help="record a handover (BAST)")
    add_vault_args(p)
    p.add_argument("--kind", choices=[k.value for k in HandoverKind], required=True)
    p.add_argument("--term", type=int, required=True)
    p.add_argument("--first-party", type=int, required=True, help="person id handing over")
    p.add_argument("--second-party", type=int, required=True, help="person id receiving")
    p.add_argument("--accounts", required=True, help="account ids, comma-separated")
    p.add_argument(
        "--date", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default today)"
    )
    p.add_argument("--place", default="")
    p.add_argument("--number", default=None, help="BAST number (default: the next in the sequence)")
    p.add_argument(
        "--witness", type=int, action="append", default=[], help="person id (repeatable)"
    )
    p.add_argument(
        "--mengetahui", type=int, default=None, help="person id of the official who acknowledges"
    )
    p.set_defaults(func=cmd_handover)

    ck = sub.add_parser("checklist", help="deactivation checklist").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = ck.add_parser("show", help="an account's checklist")
    add_vault_args(p)
    p.add_argument("account", type=int)
    p.set_defaults(func=cmd_checklist_show)
    p = ck.add_parser("tick", help="tick (or --undo) an item")
    add_vault_args(p)
    p.add_argument("item", type=int)
    p.add_argument("--undo", action="store_true")
    p.set_defaults(func=cmd_checklist_tick)
    p = ck.add_parser("complete", help="finish: deactivate (ad hoc) or retain (permanent)")
    add_vault_args(p)
    p.add_argument("account", type=int)
    p.set_defaults(func=cmd_checklist_complete)

    p = sub.add_parser("status", help="term-end status and completeness matrix")
    add_vault_args(p)
    p.add_argument("--term", type=int, required=True)
    p.add_argument("--today", type=date.fromisoformat, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("findings", help="the province's eight review rules over this vault")
    add_vault_args(p)
    p.add_argument("--term", type=int, action="append", default=None)
    p.add_argument("--today", type=date.fromisoformat, default=None)
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_findings)


def _filters(p: argparse.ArgumentParser) -> None:
    add_vault_args(p)
    p.add_argument("--term", type=int)
    p.add_argument("--kecamatan", type=int)
    p.add_argument("--platform", choices=[x.value for x in Platform])
    p.add_argument("--status", choices=[s.value for s in AccountStatus])
    p.add_argument("--json", action="store_true")


def _account_fields(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--platform", choices=[x.value for x in Platform], required=required)
    p.add_argument("--handle", required=required, help="name, @name, profile link, e-mail or phone")
    p.add_argument("--display-name")
    p.add_argument("--kecamatan", type=int)
    p.add_argument("--term", type=int)
    p.add_argument("--kind", choices=[k.value for k in LifecycleKind])
    p.add_argument("--recovery-email")
    p.add_argument("--recovery-phone")


def _ctx(vault: Vault) -> ServiceContext:
    return ServiceContext(vault)


def _row(a: Any, holder: str) -> dict[str, Any]:
    return {
        "id": a.id,
        "platform": a.platform.value,
        "handle": a.handle,
        "kecamatan_id": a.kecamatan_id,
        "term_id": a.term_id,
        "status": a.status.value,
        "holder": holder,
        "active_until": a.active_until.isoformat() if a.active_until else None,
        "needs_password_change": a.needs_password_change,
    }


_FETCH_ONE_BY_ONE = 200


def _print_accounts(vault: Vault, ids: Iterable[int] | None, args: argparse.Namespace) -> int:
    ctx = _ctx(vault)
    wanted = None if ids is None else list(ids)
    if wanted is not None and len(wanted) <= _FETCH_ONE_BY_ONE:
        # A search hit a few accounts: read just those rows, not the whole register
        # (at 50,000 accounts listing everything costs more than the search itself).
        found = sorted((accounts.get_account(ctx, i) for i in set(wanted)), key=lambda a: a.id)
    else:
        found = accounts.list_accounts(
            ctx,
            term_id=args.term,
            kecamatan_id=args.kecamatan,
            platform=args.platform,
            status=args.status,
        )
        if wanted is not None:
            keep = set(wanted)
            found = [a for a in found if a.id in keep]
    holders = custody.current_holders(ctx, [a.id for a in found])
    names = {p.id: p.name for p in _people(ctx)}
    rows = []
    for a in found:
        h = holders.get(a.id)
        rows.append(
            _row(a, "office" if h is None or h.is_office else names.get(h.person_id or 0, "?"))
        )
    if args.json:
        print(json.dumps(rows))
        return 0
    for r in rows:
        flag = " !" if r["needs_password_change"] else ""
        print(f"{r['id']}\t{r['platform']}\t{r['handle']}\t{r['status']}\t{r['holder']}{flag}")
    print(f"({len(rows)} accounts)", file=sys.stderr)
    return 0


def _people(ctx: ServiceContext) -> Sequence[Any]:
    from brankas.core.services import people

    return people.list_people(ctx)


def cmd_demo(args: argparse.Namespace) -> int:
    """brankas-cli demo PATH."""
    pr = Prompter(args.password_stdin)
    password = pr.password("Password for the demo admin: ", confirm=True)
    # Demo data is fictional: the KDF at its floor (not calibrated) keeps the demo quick.
    kdf = KdfParams(64 * 1024, 3, max(1, min(4, os.cpu_count() or 1)), new_salt())
    vault, kit = build_demo_vault(args.path, password=password, kdf=kdf)
    admin = vault.operator.name if vault.operator else "?"
    vault.close()
    print(f"Demo vault for Kabupaten Buol created in {args.path} (admin: {admin}).")
    print("RECOVERY KEY (demo):")
    print(kit)
    return 0


def cmd_accounts_list(args: argparse.Namespace) -> int:
    """brankas-cli accounts list."""
    with open_vault(args) as v:
        return _print_accounts(v, None, args)


def cmd_accounts_search(args: argparse.Namespace) -> int:
    """brankas-cli accounts search TEXT."""
    with open_vault(args) as v:
        index = SearchIndex.build(load_snapshot(v.conn))
        ids = index.query(
            args.text,
            term_id=args.term,
            kecamatan_id=args.kecamatan,
            platform=Platform(args.platform) if args.platform else None,
            status=AccountStatus(args.status) if args.status else None,
        )
        return _print_accounts(v, ids, args)


def cmd_accounts_show(args: argparse.Namespace) -> int:
    """brankas-cli accounts show ID [--reveal]."""
    with open_vault(args) as v:
        ctx = _ctx(v)
        a = accounts.get_account(ctx, args.id)
        out: dict[str, Any] = {
            **_row(a, ""),
            "url": a.url,
            "display_name": a.display_name,
            "lifecycle_kind": a.lifecycle_kind.value,
            "active_from": a.active_from.isoformat() if a.active_from else None,
            "recovery_email": a.recovery_email,
            "recovery_email_owner": a.recovery_email_owner.value,
            "recovery_phone": a.recovery_phone,
            "recovery_phone_owner": a.recovery_phone_owner.value,
            "twofa_method": a.twofa_method.value,
            "backup_codes_remaining": a.backup_codes_remaining,
            "warnings": accounts.personal_recovery_links(a),
            "secrets_on_record": {
                k.value: bool(val) for k, val in secrets.secret_presence(ctx, a.id).items()
            },
        }
        del out["holder"]
        if args.reveal:
            revealed: dict[str, Any] = {}
            for field in (secrets.SecretField.PASSWORD, secrets.SecretField.BACKUP_CODES):
                s = secrets.reveal(ctx, a.id, field, reason=args.reason)
                revealed[field.value] = s.reveal() if s is not None else None
            if out["secrets_on_record"].get("totp_secret"):
                revealed["totp_code"] = secrets.totp_code(ctx, a.id)[0]
            out["revealed"] = revealed
    if args.json:
        print(json.dumps(out))
    else:
        for k, val in out.items():
            print(f"{k}: {val}")
    return 0


def _account_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    pairs = {
        "platform": args.platform,
        "handle": args.handle,
        "display_name": args.display_name,
        "kecamatan_id": args.kecamatan,
        "term_id": args.term,
        "lifecycle_kind": args.kind,
        "recovery_email": args.recovery_email,
        "recovery_phone": args.recovery_phone,
    }
    return {k: val for k, val in pairs.items() if val is not None}


def cmd_accounts_add(args: argparse.Namespace) -> int:
    """brankas-cli accounts add."""
    pr = Prompter(args.password_stdin)
    with open_vault(args, pr) as v:
        ctx = _ctx(v)
        password = pr.password("Account password: ") if args.with_password else None
        with ctx.tx():
            saved = accounts.create_account(ctx, **_account_kwargs(args))
            if password is not None:
                secrets.set_password(ctx, saved.account.id, password, reason=RotationReason.INITIAL)
    for w in saved.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(saved.account.id)
    return 0


def cmd_accounts_edit(args: argparse.Namespace) -> int:
    """brankas-cli accounts edit ID."""
    fields = _account_kwargs(args)
    if not fields:
        raise CliError("nothing to change: give at least one field option", 2)
    with open_vault(args) as v:
        saved = accounts.update_account(_ctx(v), args.id, **fields)
    for w in saved.warnings:
        print(f"warning: {w}", file=sys.stderr)
    return 0


def cmd_accounts_password(args: argparse.Namespace) -> int:
    """brankas-cli accounts password ID."""
    pr = Prompter(args.password_stdin)
    with open_vault(args, pr) as v:
        new = pr.password("New account password: ", confirm=True)
        secrets.set_password(_ctx(v), args.id, new, reason=RotationReason(args.reason))
    print("Password changed; the old one is kept in the history.")
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    """brankas-cli handover ..."""
    try:
        ids = tuple(int(x) for x in args.accounts.split(",") if x.strip())
    except ValueError as exc:
        raise CliError("--accounts takes account ids separated by commas", 2) from exc
    with open_vault(args) as v:
        ctx = _ctx(v)
        draft = HandoverDraft(
            kind=HandoverKind(args.kind),
            term_id=args.term,
            first_party_id=args.first_party,
            second_party_id=args.second_party,
            account_ids=ids,
            on=args.date or ctx.today(),
            place=args.place,
            number=args.number,
            witness_ids=tuple(args.witness),
            mengetahui_id=args.mengetahui,
        )
        h = handover.record_handover(ctx, draft)
    print(f"Handover {h.number} recorded ({len(ids)} accounts).")
    return 0


def cmd_checklist_show(args: argparse.Namespace) -> int:
    """brankas-cli checklist show ACCOUNT."""
    with open_vault(args) as v:
        found = checklist.items(_ctx(v), args.account)
    for it in found:
        mark = "x" if it.done_at else " "
        print(f"[{mark}] {it.id}\t{it.text_id}")
    return 0


def cmd_checklist_tick(args: argparse.Namespace) -> int:
    """brankas-cli checklist tick ITEM."""
    with open_vault(args) as v:
        checklist.tick(_ctx(v), args.item, done=not args.undo)
    return 0


def cmd_checklist_complete(args: argparse.Namespace) -> int:
    """brankas-cli checklist complete ACCOUNT."""
    with open_vault(args) as v:
        a = checklist.complete(_ctx(v), args.account)
    print(f"Account {a.id} is now {a.status.value}.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """brankas-cli status --term N."""
    with open_vault(args) as v:
        ctx = _ctx(v)
        terms.get_term(ctx, args.term)
        snap = load_snapshot(v.conn)
        today = args.today or ctx.today()
        st = term_end_status(snap, args.term, today)
        mx = completeness_matrix(snap, args.term, today)
    out = {
        "term_id": st.term_id,
        "today": today.isoformat(),
        "total": st.total,
        "counts": {k.value: n for k, n in st.counts.items()},
        "overdue": _refs(st.overdue),
        "due_soon": _refs(st.due_soon),
        "needs_password_change": _refs(st.needs_password_change),
        "checklist_incomplete": _refs(st.checklist_incomplete),
        "personal_recovery": _refs(st.personal_recovery),
        "matrix": [
            {
                "kecamatan_id": row.kecamatan_id,
                "cells": {str(k): c.state.value for k, c in row.cells.items()},
            }
            for row in mx.rows
        ],
    }
    if args.json:
        print(json.dumps(out))
        return 0
    print(f"Term {st.term_id} at {today:%d-%m-%Y}: {st.total} accounts")
    for status, n in st.counts.items():
        if n:
            print(f"  {status_label(status)}: {n}")
    for label in (
        "overdue",
        "due_soon",
        "needs_password_change",
        "checklist_incomplete",
        "personal_recovery",
    ):
        items = out[label]
        print(f"{label.replace('_', ' ')}: {len(items)}")
        for r in items[:20]:
            print(f"  {r['account_id']}\t{platform_label(Platform(r['platform']))}\t{r['handle']}")
    return 0


def _refs(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [
        {"account_id": r.account_id, "platform": r.platform.value, "handle": r.handle}
        for r in items
    ]


def cmd_findings(args: argparse.Namespace) -> int:
    """brankas-cli findings."""
    with open_vault(args) as v:
        ctx = _ctx(v)
        snap = load_snapshot(v.conn)
        found = review(snap, today=args.today or ctx.today(), term_ids=args.term)
    rows = [
        {
            "rule": f.rule_id,
            "severity": f.severity.value,
            "code": f.code,
            "term_id": f.term_id,
            "kecamatan_id": f.kecamatan_id,
            "account_id": f.account_id,
            "handover_id": f.handover_id,
            "message": f.message_id if args.lang == "id" else f.message_en,
        }
        for f in found
    ]
    if args.json:
        print(json.dumps(rows))
    else:
        for r in rows:
            print(f"{r['rule']}\t{r['severity']}\t{r['message']}")
        print(f"({len(rows)} findings)", file=sys.stderr)
    return 0
