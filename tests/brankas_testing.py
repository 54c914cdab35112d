"""Test-only helpers importable from any test module (pytest puts tests/ on sys.path).

The weak KDF policy lives here and nowhere in the package: the app always uses the
production floor and has no way to reach this one.
"""

from __future__ import annotations

from brankas.core.crypto.kdf import KdfParams, KdfPolicy, new_salt

FAST_POLICY = KdfPolicy(min_memory_kib=8, min_time_cost=1)


def fast_kdf() -> KdfParams:
    """Cheap Argon2id parameters that only FAST_POLICY accepts."""
    return KdfParams(memory_kib=64, time_cost=1, parallelism=1, salt=new_salt())
