"""Shared test set-up. Qt must never need a real display here."""

from __future__ import annotations

import os

# Without a display, a Qt test would abort the whole pytest process (PITFALLS.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from brankas.core.crypto.kdf import KdfParams, KdfPolicy, new_salt  # noqa: E402

# Test-only KDF policy: the app never builds one of these (it always uses the
# production floor); tests need unlocks in milliseconds, not half a second.
FAST_POLICY = KdfPolicy(min_memory_kib=8, min_time_cost=1)


def fast_kdf() -> KdfParams:
    """Cheap Argon2id parameters that only FAST_POLICY accepts."""
    return KdfParams(memory_kib=64, time_cost=1, parallelism=1, salt=new_salt())


@pytest.fixture
def fast_policy() -> KdfPolicy:
    return FAST_POLICY
