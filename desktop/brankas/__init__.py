"""Brankas: credential and handover manager for Bawaslu regency offices."""

from __future__ import annotations

APP_NAME = "Brankas"


def __getattr__(name: str) -> str:
    # __version__ is looked up on first use: importlib.metadata costs ~30 ms at start-up,
    # which every brankas-cli run would pay for a value only --version and a few writers use.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("brankas")
        except PackageNotFoundError:  # running from a source tree that is not installed
            found = "0.0.0+unknown"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
