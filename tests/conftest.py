"""Shared test set-up. Qt must never need a real display here."""

from __future__ import annotations

import os

# Without a display, a Qt test would abort the whole pytest process (PITFALLS.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from brankas.core.crypto.kdf import KdfPolicy
from brankas_testing import FAST_POLICY, fast_kdf


@pytest.fixture
def fast_policy() -> KdfPolicy:
    return FAST_POLICY


@pytest.fixture
def make_vault(tmp_path: Path) -> Iterator[Callable[..., tuple[Vault, str]]]:
    """Creates vaults (fast KDF) under tmp_path; closes whatever is still open afterwards."""
    from brankas.core.domain.enums import OfficeKind
    from brankas.core.keystore import MemoryDeviceKeyStore
    from brankas.core.secret import Secret
    from brankas.core.vault.vault import Vault

    opened: list[Vault] = []
    store = MemoryDeviceKeyStore()

    def make(
        name: str = "vault", *, admin: str = "Admin Satu", password: str = "kata sandi admin"
    ) -> tuple[Vault, str]:
        vault, kit = Vault.create(
            tmp_path / name,
            office_kind=OfficeKind.REGENCY,
            office_name="Bawaslu Kabupaten Buol",
            admin_name=admin,
            admin_password=Secret(password),
            kdf=fast_kdf(),
            policy=FAST_POLICY,
            keystore=store,
        )
        opened.append(vault)
        return vault, kit

    yield make
    for vault in opened:
        if vault.is_open:
            vault.close(backup=False)
        else:
            vault._lock.release()


if TYPE_CHECKING:
    from brankas.core.vault.vault import Vault
