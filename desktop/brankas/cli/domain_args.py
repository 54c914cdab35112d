"""Options of the domain commands (demo, accounts, handover, checklist, status, findings).

``accounts list``, ``search`` and ``show`` run in :mod:`brankas.cli.account_reads` (lean
reads, the commands benchmarks time); the others in :mod:`brankas.cli.domain_cmds`.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from brankas.cli.common import add_vault_args
from brankas.cli.parser import Command, Group
from brankas.core.domain.enums import (
    AccountStatus,
    HandoverKind,
    LifecycleKind,
    Platform,
    RotationReason,
)


def _cmd(name: str) -> Command:
    return Command("domain_cmds", name)


def _read(name: str) -> Command:
    return Command("account_reads", name)


def _demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", type=Path, help="folder for the new demo vault")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=_cmd("cmd_demo"))


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


def _accounts(parent: argparse.ArgumentParser) -> None:
    acc = parent.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = acc.add_parser("list", help="list accounts (no secrets)")
    _filters(p)
    p.set_defaults(func=_read("cmd_accounts_list"))
    p = acc.add_parser("search", help="as-you-type search (never over secrets)")
    _filters(p)
    p.add_argument("text")
    p.set_defaults(func=_read("cmd_accounts_search"))
    p = acc.add_parser("show", help="one account; secrets only with --reveal (audited)")
    add_vault_args(p)
    p.add_argument("id", type=int)
    p.add_argument(
        "--reveal", action="store_true", help="also print password, TOTP code, backup codes"
    )
    p.add_argument("--reason", default="", help="why the secrets are revealed (audit log)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_read("cmd_accounts_show"))
    p = acc.add_parser("add", help="register an account")
    add_vault_args(p)
    _account_fields(p, required=True)
    p.add_argument("--with-password", action="store_true", help="read its password (stdin/TTY)")
    p.set_defaults(func=_cmd("cmd_accounts_add"))
    p = acc.add_parser("edit", help="change an account's fields")
    add_vault_args(p)
    p.add_argument("id", type=int)
    _account_fields(p, required=False)
    p.set_defaults(func=_cmd("cmd_accounts_edit"))
    p = acc.add_parser("password", help="set an account's password (old one kept in history)")
    add_vault_args(p)
    p.add_argument("id", type=int)
    p.add_argument("--reason", choices=[r.value for r in RotationReason], default="routine")
    p.set_defaults(func=_cmd("cmd_accounts_password"))


def _handover(p: argparse.ArgumentParser) -> None:
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
    p.set_defaults(func=_cmd("cmd_handover"))


def _checklist(parent: argparse.ArgumentParser) -> None:
    ck = parent.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = ck.add_parser("show", help="an account's checklist")
    add_vault_args(p)
    p.add_argument("account", type=int)
    p.set_defaults(func=_cmd("cmd_checklist_show"))
    p = ck.add_parser("tick", help="tick (or --undo) an item")
    add_vault_args(p)
    p.add_argument("item", type=int)
    p.add_argument("--undo", action="store_true")
    p.set_defaults(func=_cmd("cmd_checklist_tick"))
    p = ck.add_parser("complete", help="finish: deactivate (ad hoc) or retain (permanent)")
    add_vault_args(p)
    p.add_argument("account", type=int)
    p.set_defaults(func=_cmd("cmd_checklist_complete"))


def _status(p: argparse.ArgumentParser) -> None:
    add_vault_args(p)
    p.add_argument("--term", type=int, required=True)
    p.add_argument("--today", type=date.fromisoformat, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_status"))


def _findings(p: argparse.ArgumentParser) -> None:
    add_vault_args(p)
    p.add_argument("--term", type=int, action="append", default=None)
    p.add_argument("--today", type=date.fromisoformat, default=None)
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_findings"))


GROUPS = (
    Group("demo", "create the Kabupaten Buol demo vault (fictional data)", _demo),
    Group("accounts", "list, search, show, add or edit accounts", _accounts),
    Group("handover", "record a handover (BAST)", _handover),
    Group("checklist", "deactivation checklist", _checklist),
    Group("status", "term-end status and completeness matrix", _status),
    Group("findings", "the province's eight review rules over this vault", _findings),
)
