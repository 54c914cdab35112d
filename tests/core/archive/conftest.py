"""Fixtures for the archive tests: a province and a regency vault (fast KDF) that trust each other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_support import Pair, make_province, make_regency

from brankas.core.archive import keys
from brankas.core.vault.vault import Vault


def _close(*vaults: Vault) -> None:
    for v in vaults:
        if v.is_open:
            v.close(backup=False)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    province = make_province(tmp_path / "provinsi")
    regency = make_regency(tmp_path / "kabupaten")
    keys.set_province_recipient(regency, keys.recipient_file_text(province))
    out = tmp_path / "keluar"
    out.mkdir()
    yield Pair(province, regency, out)
    _close(province, regency)
