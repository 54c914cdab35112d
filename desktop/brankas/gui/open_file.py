"""What a file given to ``brankas FILE`` is: a review archive, a province key, a vault, or none."""

from __future__ import annotations

import enum
import zipfile
from dataclasses import dataclass
from pathlib import Path

from brankas.core.archive import format as fmt
from brankas.core.archive.keys import KEY_EXTENSION, parse_recipient
from brankas.core.errors import InvalidValue
from brankas.core.keys.table import COPY_NAMES
from brankas.core.vault.opening import DB_NAME, looks_like_vault

# The key file Brankas writes is four short lines; anything much larger is not one.
_MAX_KEY_BYTES = 4096
_ZIP_MAGIC = b"PK\x03\x04"


class FileKind(enum.Enum):
    """What Brankas makes of a path given on its command line."""

    ARCHIVE = "archive"  # a .brankas review archive (or a ZIP holding a signed manifest)
    PROVINCE_KEY = "province_key"  # a .brankaskey file, or a text file holding one age1… key
    VAULT = "vault"  # a vault folder, or one of its files
    MISSING = "missing"  # nothing at that path
    UNKNOWN = "unknown"  # something else


@dataclass(frozen=True, slots=True)
class GivenFile:
    """A path from the command line and what it is; ``target`` is the vault folder for a
    vault, else the path itself (absolute)."""

    path: Path
    kind: FileKind
    target: Path


def _is_archive(path: Path) -> bool:
    if path.suffix.lower() == fmt.EXTENSION:
        return True
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != _ZIP_MAGIC:
                return False
        with zipfile.ZipFile(path) as zf:  # reads only the central directory
            names = set(zf.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    return fmt.MANIFEST in names and fmt.SIGNATURE in names


def _is_key(path: Path) -> bool:
    if path.suffix.lower() == KEY_EXTENSION:
        return True
    try:
        if path.stat().st_size > _MAX_KEY_BYTES:
            return False
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        parse_recipient(text)
    except InvalidValue:
        return False
    return True


def classify(path: Path) -> GivenFile:
    """What ``path`` is. Reads at most a ZIP's central directory or a few kilobytes.

    Archives and keys are recognised by their extension first (a damaged one is then
    refused by the import with its own sentence), else by their contents, so that a copy
    saved under another name still opens.
    """
    path = path.expanduser().absolute()
    if path.is_dir():
        kind = FileKind.VAULT if looks_like_vault(path) else FileKind.UNKNOWN
        return GivenFile(path, kind, path)
    if not path.exists():
        return GivenFile(path, FileKind.MISSING, path)
    if path.name in (DB_NAME, *COPY_NAMES) and looks_like_vault(path.parent):
        return GivenFile(path, FileKind.VAULT, path.parent)
    if _is_archive(path):
        return GivenFile(path, FileKind.ARCHIVE, path)
    if _is_key(path):
        return GivenFile(path, FileKind.PROVINCE_KEY, path)
    return GivenFile(path, FileKind.UNKNOWN, path)
