"""Options of ``import`` and ``export``; their handlers are in :mod:`brankas.cli.import_cmds`.

The field and format names are written out here so that building the parser does not
load the importers; a test checks them against ``importers.mapping.Field``,
``importers.export.ExportFormat`` and the handlers' duplicate choices.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from brankas.cli.common import add_vault_args
from brankas.cli.parser import Command, Group

MAPPING_FIELDS = (
    "kecamatan", "platform", "handle", "password", "recovery_email", "recovery_phone", "url",
    "notes", "holder", "display_name", "title", "totp", "backup_codes", "active_from",
    "active_until", "row_number", "extra", "ignore",
)  # fmt: skip
EXPORT_FORMATS = ("xlsx", "csv")
DUPLICATE_CHOICES = ("keep", "skip", "update")


def _import(p: argparse.ArgumentParser) -> None:
    add_vault_args(p)
    p.add_argument("file", type=Path)
    p.add_argument("--term", type=int, required=True, help="the term the accounts belong to")
    p.add_argument("--sheet", help="worksheet of an .xlsx (default: the first visible one)")
    p.add_argument("--header-row", type=int, help="file row of the header (0: no header row)")
    p.add_argument(
        "--mapping",
        help='JSON object: column (header name or letter) → field, e.g. \'{"Sandi": "password"}\''
        f"; fields: {', '.join(MAPPING_FIELDS)}",
    )
    p.add_argument("--duplicates", choices=DUPLICATE_CHOICES, default="skip")
    p.add_argument("--create-kecamatan", action="store_true", help="create unknown kecamatan")
    p.add_argument("--dry-run", action="store_true", help="do everything, then undo it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=Command("import_cmds", "cmd_import"))


def _export(parent: argparse.ArgumentParser) -> None:
    ex = parent.add_subparsers(dest="what", required=True, metavar="WHAT")
    for name, helptext, func in (
        ("register", "the register without secrets (XLSX or CSV)", "cmd_export_register"),
        ("secrets", "the register WITH secrets, unencrypted (asks the password again)", "cmd_export_secrets"),
    ):  # fmt: skip
        p = ex.add_parser(name, help=helptext)
        add_vault_args(p)
        p.add_argument("file", type=Path)
        p.add_argument("--term", type=int)
        p.add_argument("--lang", choices=["id", "en"], default="id")
        p.add_argument("--format", choices=EXPORT_FORMATS, default=None)
        p.set_defaults(func=Command("import_cmds", func))


GROUPS = (
    Group("import", "import accounts from .xlsx, .csv, KeePassXC or Bitwarden exports", _import),
    Group("export", "export the account register", _export),
)
