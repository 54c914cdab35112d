"""brankas-cli: the command-line front end over core (automation, scripting, benchmarks).

Exit codes (stable; scripts may rely on them):
  0 success · 1 a check found problems · 2 usage error · 3 wrong password, operator or
  recovery kit · 4 vault in use elsewhere · 5 no vault / not found · 6 damaged vault
  (key table, database, audit chain) · 7 vault from a newer Brankas · 8 disk full or
  read-only · 9 not allowed (role) · 10 invalid input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from brankas import __version__
from brankas.cli import archive_cmds, domain_cmds, import_cmds, vault_cmds
from brankas.cli.common import CliError, exit_code_for, message_for
from brankas.core.errors import BrankasError


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    parser = argparse.ArgumentParser(
        prog="brankas-cli",
        description="Brankas vault from the command line.",
        epilog="Exit codes: 0 ok, 1 check failed, 2 usage, 3 wrong password/operator/kit, 4 in use, "
        "5 not found, 6 damaged, 7 too new, 8 disk full/read-only, 9 not allowed, 10 invalid input.",
    )
    parser.add_argument("--version", action="version", version=f"brankas-cli {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    vault_cmds.register(sub)
    domain_cmds.register(sub)
    import_cmds.register(sub)
    archive_cmds.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        result: int = args.func(args)
        return result
    except CliError as exc:
        print(f"brankas-cli: {exc}", file=sys.stderr)
        return exc.code
    except BrankasError as exc:
        print(f"brankas-cli: {message_for(exc)}", file=sys.stderr)
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("brankas-cli: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
