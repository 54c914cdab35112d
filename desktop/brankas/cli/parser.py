"""The brankas-cli command tree, declared without importing the commands it runs.

Each top-level command is a :class:`Group` (name, help, a function that adds its
options); each handler is a :class:`Command` naming a module and a function, imported
only when that command runs. Start-up then costs the argument parser alone: a
``brankas-cli accounts show`` never loads age, minisign, openpyxl, keyring or the review
machinery, and only the group named on the command line gets its options filled in.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True, slots=True)
class Command:
    """A command handler, ``brankas.cli.<module>.<function>``, imported when called."""

    module: str
    function: str

    def resolve(self) -> Handler:
        """Import the module and return the handler.

        Raises:
            ImportError, AttributeError: the declaration names no such handler.
        """
        found: Handler = getattr(
            importlib.import_module(f"brankas.cli.{self.module}"), self.function
        )
        return found

    def __call__(self, args: argparse.Namespace) -> int:
        return self.resolve()(args)


@dataclass(frozen=True, slots=True)
class Group:
    """A top-level command: its name, its help line and what fills in its options."""

    name: str
    help: str
    fill: Callable[[argparse.ArgumentParser], None]


class _LazyVersion(argparse.Action):
    """``--version``, with the version looked up only when asked (importlib.metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show program's version number and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from brankas import __version__

        formatter = parser._get_formatter()
        formatter.add_text(f"brankas-cli {__version__}")
        parser._print_message(formatter.format_help(), sys.stdout)
        parser.exit()


def groups() -> tuple[Group, ...]:
    """Every top-level command, in the order ``--help`` lists them."""
    from brankas.cli import archive_args, domain_args, import_args, vault_args

    return (*vault_args.GROUPS, *domain_args.GROUPS, *import_args.GROUPS, *archive_args.GROUPS)


def _named_command(argv: Sequence[str]) -> str | None:
    # The global options take no values, so the first word that is not an option is the
    # command (argparse allows no abbreviations of sub-command names).
    return next((a for a in argv if not a.startswith("-")), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command tree.

    Args:
        argv: the arguments about to be parsed: only the command they name gets its
            options (every command keeps its name and help line). None builds it all.

    Returns:
        The parser.
    """
    parser = argparse.ArgumentParser(
        prog="brankas-cli",
        description="Brankas vault from the command line.",
        epilog="Exit codes: 0 ok, 1 check failed, 2 usage, 3 wrong password/operator/kit, 4 in use, "
        "5 not found, 6 damaged, 7 too new, 8 disk full/read-only, 9 not allowed, 10 invalid input.",
    )
    parser.add_argument("--version", action=_LazyVersion)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument(
        "--stats",
        action="store_true",
        help="afterwards, print to stderr the time of the password KDF, the time of the "
        "rest and the peak memory after the KDF (a diagnostic)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = None if argv is None else _named_command(argv)
    for group in groups():
        p = sub.add_parser(group.name, help=group.help)
        if argv is None or group.name == wanted:
            group.fill(p)
    return parser
