"""Domain commands: demo, accounts (add/edit/password), handover, checklist, status and
review findings. Tables for people, ``--json`` for scripts. (``accounts list``, ``search``
and ``show`` are lean reads in :mod:`brankas.cli.account_reads`.)"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from typing import Any

from brankas.cli.common import CliError, Prompter, open_vault
from brankas.core.crypto.kdf import KdfParams, new_salt
from brankas.core.domain.enums import HandoverKind, Platform, RotationReason
from brankas.core.review.labels import platform_label, status_label
from brankas.core.review.load import load_snapshot
from brankas.core.review.matrix import completeness_matrix
from brankas.core.review.rules import review
from brankas.core.review.status import term_end_status
from brankas.core.services import accounts, checklist, handover, secrets, terms
from brankas.core.services.context import ServiceContext
from brankas.core.services.demo import build_demo_vault
from brankas.core.services.handover_wizard import HandoverDraft
from brankas.core.vault.vault import Vault


def _ctx(vault: Vault) -> ServiceContext:
    return ServiceContext(vault)


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
