"""brankas-cli: the command-line front end over core."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    from brankas import __version__

    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--version"]:
        print(f"brankas-cli {__version__}")
        return 0
    print("brankas-cli: no commands yet", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
