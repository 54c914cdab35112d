"""Brankas: credential and handover manager for Bawaslu regency offices."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("brankas")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

APP_NAME = "Brankas"
