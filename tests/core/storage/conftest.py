"""Fixtures for the storage tests: keys and fresh, migrated vault databases."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from brankas.core.storage.db import Connection, open_database
from brankas.core.storage.migrations import migrate


def _no_backup(_current: int, _target: int) -> None:
    return None


@pytest.fixture
def raw_key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "vault.db"


@pytest.fixture
def conn(db_path: Path, raw_key: bytes) -> Iterator[Connection]:
    """A new vault database at the latest schema."""
    c = open_database(db_path, raw_key, create=True)
    migrate(c, before_upgrade=_no_backup)
    yield c
    c.close()
