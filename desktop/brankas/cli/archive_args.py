"""Options of the archive, province and keys commands; their handlers are in
:mod:`brankas.cli.archive_cmds` (age, minisign and the review are loaded only there)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from brankas.cli.common import add_vault_args
from brankas.cli.parser import Command, Group


def _cmd(name: str) -> Command:
    return Command("archive_cmds", name)


def _archive(parent: argparse.ArgumentParser) -> None:
    arc = parent.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = arc.add_parser("export", help="export terms as a signed, encrypted archive (admin)")
    add_vault_args(p)
    p.add_argument("--term", type=int, action="append", required=True, help="term id (repeat)")
    p.add_argument(
        "--metadata-only",
        action="store_true",
        help="leave passwords, TOTP secrets and backup codes out (the province's rules need them)",
    )
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="also make the archive openable with a passphrase, read as the next stdin line",
    )
    p.add_argument("--also-self", action="store_true", help="let this office open it too")
    p.add_argument("--out", type=Path, required=True, help="folder to write the archive into")
    p.add_argument(
        "--cover-sheet",
        type=Path,
        metavar="PATH",
        help="where to write the cover sheet PDF to print and send with the archive"
        " (default: next to the archive, same name, .pdf)",
    )
    p.add_argument("--no-cover-sheet", action="store_true", help="write no cover sheet")
    p.set_defaults(func=_cmd("cmd_export"))

    p = arc.add_parser("verify", help="check signature and hashes without decrypting")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_verify"))

    p = arc.add_parser("show", help="decrypt and describe an archive (no secrets printed)")
    p.add_argument("file", type=Path)
    p.add_argument("--identity", type=Path, help="an age identity file instead of the vault's")
    add_vault_args(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_show"))


def _province(parent: argparse.ArgumentParser) -> None:
    prov = parent.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = prov.add_parser("key", help="this province's public key for its regencies")
    add_vault_args(p)
    p.add_argument(
        "--out",
        type=Path,
        help="write the public-key file to send to regencies (a folder: kunci-provinsi-<code>.brankaskey in it)",
    )
    p.set_defaults(func=_cmd("cmd_province_key"))

    p = prov.add_parser("import", help="verify and keep archives in this province vault")
    add_vault_args(p)
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument(
        "--confirm-fingerprint",
        action="append",
        default=[],
        metavar="FP",
        help="a regency's signing-key fingerprint, checked against its letter (first import)",
    )
    p.add_argument(
        "--allow-older", action="store_true", help="accept an archive older than one imported"
    )
    p.set_defaults(func=_cmd("cmd_province_import"))

    p = prov.add_parser("report", help="review findings per regency and term")
    add_vault_args(p)
    p.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd("cmd_province_report"))

    p = prov.add_parser("repin", help="accept a regency's new signing key (admin, audited)")
    add_vault_args(p)
    p.add_argument("file", type=Path, help="an archive signed with the new key")
    p.add_argument("--reason", required=True, help="why the key changed (audit log)")
    p.add_argument("--confirm-fingerprint", required=True, metavar="FP")
    p.set_defaults(func=_cmd("cmd_province_repin"))


def _keys(parent: argparse.ArgumentParser) -> None:
    ks = parent.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = ks.add_parser("show", help="the signing key's id and fingerprint")
    add_vault_args(p)
    p.add_argument("--out", type=Path, help="write the minisign public key file")
    p.set_defaults(func=_cmd("cmd_keys_show"))

    p = ks.add_parser("set-province", help="store the province's public key (admin, audited)")
    add_vault_args(p)
    p.add_argument("key", help="the province's key file, or its age1… string")
    p.add_argument(
        "--expect-fingerprint", metavar="FP", help="refuse unless the key has this fingerprint"
    )
    p.set_defaults(func=_cmd("cmd_keys_set_province"))


GROUPS = (
    Group("archive", "review archives (.brankas) for the province", _archive),
    Group("province", "the province's side: its key, importing and reviewing archives", _province),
    Group("keys", "this vault's archive keys", _keys),
)
