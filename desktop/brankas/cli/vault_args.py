"""Options of the vault commands (init, operators, passwd, recover, backup, audit, check);
their handlers are in :mod:`brankas.cli.vault_cmds`."""

from __future__ import annotations

import argparse
from pathlib import Path

from brankas.cli.common import add_vault_args
from brankas.cli.parser import Command, Group
from brankas.core.domain.enums import OfficeKind, Role


def _cmd(name: str) -> Command:
    return Command("vault_cmds", name)


def _init(p: argparse.ArgumentParser) -> None:
    add_vault_args(p, user=False)
    p.add_argument("--office", required=True, help='office name, e.g. "Bawaslu Kabupaten Buol"')
    p.add_argument(
        "--kind", choices=[k.value for k in OfficeKind], default=OfficeKind.REGENCY.value
    )
    p.add_argument("--admin", required=True, help="name of the first admin operator")
    p.add_argument(
        "--kdf-memory-mib", type=int, help="Argon2id memory (default: calibrated; min 64)"
    )
    p.add_argument("--kdf-time", type=int, help="Argon2id passes (default: calibrated; min 3)")
    p.set_defaults(func=_cmd("cmd_init"))


def _operators(parent: argparse.ArgumentParser) -> None:
    ops = parent.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = ops.add_parser("list", help="list operators")
    add_vault_args(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_operators_list"))
    p = ops.add_parser("add", help="add an operator (admin)")
    add_vault_args(p)
    p.add_argument("name")
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.OPERATOR.value)
    p.set_defaults(func=_cmd("cmd_operators_add"))
    p = ops.add_parser("remove", help="remove an operator and rotate the vault key (admin)")
    add_vault_args(p)
    p.add_argument("name")
    p.set_defaults(func=_cmd("cmd_operators_remove"))


def _passwd(p: argparse.ArgumentParser) -> None:
    add_vault_args(p)
    p.set_defaults(func=_cmd("cmd_passwd"))


def _recover(p: argparse.ArgumentParser) -> None:
    add_vault_args(p, user=False)
    p.add_argument("--admin", required=True, help="admin whose password is reset")
    p.add_argument(
        "--kit-stdin", action="store_true", help="read the recovery key from stdin first"
    )
    p.set_defaults(func=_cmd("cmd_recover"))


def _backup(parent: argparse.ArgumentParser) -> None:
    bk = parent.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = bk.add_parser("list", help="list backups (no password needed)")
    p.add_argument("--vault", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_backup_list"))
    p = bk.add_parser("create", help="make a backup now")
    add_vault_args(p)
    p.set_defaults(func=_cmd("cmd_backup_create"))
    p = bk.add_parser("restore", help="restore a backup (current state is kept as a backup)")
    add_vault_args(p)
    p.add_argument("name")
    p.add_argument(
        "--disaster",
        action="store_true",
        help="the vault no longer opens: put the backup back with its own key file",
    )
    p.set_defaults(func=_cmd("cmd_backup_restore"))


def _audit(parent: argparse.ArgumentParser) -> None:
    au = parent.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = au.add_parser("verify", help="verify the audit hash chain")
    add_vault_args(p)
    p.set_defaults(func=_cmd("cmd_audit_verify"))
    p = au.add_parser("list", help="show audit events")
    add_vault_args(p)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_audit_list"))


def _check(p: argparse.ArgumentParser) -> None:
    add_vault_args(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_check"))


GROUPS = (
    Group("init", "create a new vault", _init),
    Group("operators", "list, add or remove operators", _operators),
    Group("passwd", "change your password", _passwd),
    Group("recover", "open with the recovery kit and set a new admin password", _recover),
    Group("backup", "list, make or restore backups", _backup),
    Group("audit", "audit log", _audit),
    Group("check", "integrity + audit chain + key table", _check),
)
