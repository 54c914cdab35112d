"""``accounts list``, ``search`` and ``show``: lean reads that print as they go.

These are the commands a script (or a benchmark) runs most, so they import little and
read straight from SQL (:mod:`brankas.core.review.lookup`): the list streams from one
cursor to standard output in batches, a search reads only its candidates, and ``show``
reads one account and, with ``--reveal``, its secrets (audited as always).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from brankas.cli.common import open_vault
from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.review import lookup


def _dicts(rows: Iterable[lookup.ListedRow]) -> Iterable[dict[str, Any]]:
    keys = lookup.LISTING_COLUMNS
    return (dict(zip(keys, r, strict=True)) for r in rows)


def print_rows(
    batches: Iterable[list[lookup.ListedRow]], *, as_json: bool, out: TextIO | None = None
) -> int:
    """Print listing rows as they come: tab-separated lines, or one JSON array.

    Returns:
        How many rows were printed.
    """
    stream = out or sys.stdout
    count = 0
    if as_json:
        # The same text as json.dumps(list_of_rows), written one batch at a time.
        stream.write("[")
        for batch in batches:
            if batch:
                stream.write((", " if count else "") + ", ".join(map(json.dumps, _dicts(batch))))
                count += len(batch)
        stream.write("]\n")
        return count
    for batch in batches:
        stream.write(
            "".join(
                f"{r[0]}\t{r[1]}\t{r[2]}\t{r[5]}\t{r[6]}{' !' if r[8] else ''}\n" for r in batch
            )
        )
        count += len(batch)
    return count


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "term_id": args.term,
        "kecamatan_id": args.kecamatan,
        "platform": Platform(args.platform) if args.platform else None,
        "status": AccountStatus(args.status) if args.status else None,
    }


def cmd_accounts_list(args: argparse.Namespace) -> int:
    """brankas-cli accounts list."""
    with open_vault(args, lean=True) as v:
        count = print_rows(lookup.list_rows(v.conn, **_filters(args)), as_json=args.json)
    if not args.json:
        print(f"({count} accounts)", file=sys.stderr)
    return 0


def cmd_accounts_search(args: argparse.Namespace) -> int:
    """brankas-cli accounts search TEXT (the app's search rules; never over secrets)."""
    with open_vault(args, lean=True) as v:
        rows = lookup.search_rows(v.conn, args.text, **_filters(args))
    count = print_rows([rows], as_json=args.json)
    if not args.json:
        print(f"({count} accounts)", file=sys.stderr)
    return 0


def cmd_accounts_show(args: argparse.Namespace) -> int:
    """brankas-cli accounts show ID [--reveal]."""
    from brankas.core.services import secrets
    from brankas.core.services.context import ServiceContext
    from brankas.core.services.recovery_chain import personal_recovery_links
    from brankas.core.storage.repos.account import get_account

    with open_vault(args, lean=True) as v, ServiceContext(v).tx():
        # One transaction: the reads, and the reveal events of every secret shown, commit
        # together (one commit instead of one per field, each an fsync).
        ctx = ServiceContext(v)
        a = get_account(v.conn, args.id)
        out: dict[str, Any] = {
            "id": a.id,
            "platform": a.platform.value,
            "handle": a.handle,
            "kecamatan_id": a.kecamatan_id,
            "term_id": a.term_id,
            "status": a.status.value,
            "active_until": a.active_until.isoformat() if a.active_until else None,
            "needs_password_change": a.needs_password_change,
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
            "warnings": personal_recovery_links(a),
            "secrets_on_record": {
                k.value: bool(val) for k, val in secrets.secret_presence(ctx, a.id).items()
            },
        }
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
