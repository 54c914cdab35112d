"""brankas-cli: the command-line front end over core (automation, scripting, benchmarks).

Exit codes (stable; scripts may rely on them):
  0 success · 1 a check found problems · 2 usage error · 3 wrong password, operator or
  recovery kit · 4 vault in use elsewhere · 5 no vault / not found · 6 damaged vault
  (key table, database, audit chain) · 7 vault from a newer Brankas · 8 disk full or
  read-only · 9 not allowed (role) · 10 invalid input.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Sequence

from brankas.cli.common import CliError, exit_code_for, message_for
from brankas.cli.parser import build_parser
from brankas.core.errors import BrankasError

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    started = time.perf_counter()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    stats = None
    observing: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
    if args.stats:
        from brankas.cli.stats import RunStats
        from brankas.core.crypto.kdf import observe_kdf

        stats = RunStats(started)
        observing = observe_kdf(stats.on_kdf)
    try:
        with observing:
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
    finally:
        if stats is not None:
            stats.print()


if __name__ == "__main__":
    sys.exit(main())
