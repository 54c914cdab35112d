"""Argon2id with per-slot parameters, calibration, and the parameter floor (downgrade defence)."""

from __future__ import annotations

import base64
import math
import os
import secrets
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw

from brankas.core.errors import KdfBelowFloor, KeyTableCorrupt
from brankas.core.secret import Secret

SALT_BYTES = 16
KEY_BYTES = 32
_MIB = 1024


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters of one key slot (memory in KiB)."""

    memory_kib: int
    time_cost: int
    parallelism: int
    salt: bytes
    version: int = ARGON2_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The JSON form stored in the key table."""
        return {
            "alg": "argon2id",
            "v": self.version,
            "m": self.memory_kib,
            "t": self.time_cost,
            "p": self.parallelism,
            "salt": base64.b64encode(self.salt).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KdfParams:
        """Parse the JSON form.

        Raises:
            KeyTableCorrupt: a field is missing or of the wrong type.
        """
        try:
            if data["alg"] != "argon2id":
                raise KeyTableCorrupt("key slot uses an unknown KDF")
            m, t, p, v = (data[k] for k in ("m", "t", "p", "v"))
            if not all(type(x) is int for x in (m, t, p, v)):
                raise KeyTableCorrupt("key slot KDF parameters are not integers")
            salt = base64.b64decode(data["salt"], validate=True)
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyTableCorrupt("key slot KDF parameters are malformed") from exc
        if len(salt) != SALT_BYTES:
            raise KeyTableCorrupt("key slot salt has the wrong length")
        return cls(memory_kib=m, time_cost=t, parallelism=p, salt=salt, version=v)

    def describe(self) -> str:
        """Human-readable summary (no salt), e.g. ``argon2id m=256 MiB t=3 p=2``."""
        return f"argon2id m={self.memory_kib // _MIB} MiB t={self.time_cost} p={self.parallelism}"


@dataclass(frozen=True, slots=True)
class KdfPolicy:
    """Bounds every slot must respect, on read and on write.

    The floor stops a tampered key table from making a password cheap to guess; the
    ceiling stops a hostile file from making the app allocate gigabytes. The app
    always uses :data:`PRODUCTION_POLICY`; only tests build a weaker one.
    """

    min_memory_kib: int = 64 * _MIB
    min_time_cost: int = 3
    max_memory_kib: int = 4 * 1024 * _MIB
    max_time_cost: int = 64
    max_parallelism: int = 16

    def check(self, params: KdfParams) -> None:
        """Raise if ``params`` are outside the policy.

        Raises:
            KdfBelowFloor: memory or time below the floor, or not Argon2 v1.3.
            KeyTableCorrupt: absurd values (above the ceiling, non-positive parallelism).
        """
        if params.version != ARGON2_VERSION:
            raise KdfBelowFloor("key slot does not use Argon2 version 1.3")
        if params.memory_kib < self.min_memory_kib or params.time_cost < self.min_time_cost:
            raise KdfBelowFloor(
                f"key slot KDF parameters ({params.describe()}) are below the floor "
                f"(m >= {self.min_memory_kib // _MIB} MiB, t >= {self.min_time_cost})"
            )
        if (
            params.memory_kib > self.max_memory_kib
            or params.time_cost > self.max_time_cost
            or not 1 <= params.parallelism <= self.max_parallelism
            or params.memory_kib < 8 * params.parallelism
        ):
            raise KeyTableCorrupt("key slot KDF parameters are out of range")


PRODUCTION_POLICY = KdfPolicy()


def new_salt() -> bytes:
    """A fresh random salt."""
    return secrets.token_bytes(SALT_BYTES)


# Diagnostics (brankas-cli --stats): who wants to hear about each derivation, per context.
_observers: ContextVar[tuple[Callable[[float], None], ...]] = ContextVar(
    "brankas_kdf_observers", default=()
)


@contextmanager
def observe_kdf(callback: Callable[[float], None]) -> Iterator[None]:
    """Within the block, call ``callback(seconds)`` right after each Argon2id derivation
    returns (its memory is already freed then), e.g. to time it or to reset a memory
    high-water mark. The callback must not raise.

    Args:
        callback: receives the wall-clock seconds the derivation took.
    """
    token = _observers.set((*_observers.get(), callback))
    try:
        yield
    finally:
        _observers.reset(token)


def derive_key(password: Secret, params: KdfParams, policy: KdfPolicy = PRODUCTION_POLICY) -> bytes:
    """Argon2id(password) → 32-byte key, after checking ``params`` against ``policy``.

    Raises:
        KdfBelowFloor, KeyTableCorrupt: see :meth:`KdfPolicy.check`.
    """
    policy.check(params)
    start = time.perf_counter()
    key: bytes = hash_secret_raw(
        password.reveal_bytes(),
        params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
        version=params.version,
    )
    observers = _observers.get()
    if observers:
        elapsed = time.perf_counter() - start
        for callback in observers:
            callback(elapsed)
    return key


def total_memory_bytes() -> int | None:
    """Physical memory of this machine, or None when it cannot be read."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def calibrate(
    policy: KdfPolicy = PRODUCTION_POLICY,
    *,
    target_seconds: tuple[float, float] = (0.5, 1.0),
    memory_bytes: int | None = None,
    cores: int | None = None,
    max_time_cost: int = 8,
    progress: Callable[[int, int], None] | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> KdfParams:
    """Choose Argon2id parameters for this PC (DESIGN.md "KDF").

    m = 256 MiB (128 MiB below 4 GiB of RAM), p = min(4, cores), and t from the floor
    upwards until one derivation takes at least the lower target (t <= ``max_time_cost``).

    Args:
        policy: the floor to respect.
        target_seconds: (low, high) wanted duration of one unlock.
        memory_bytes: physical memory; read from the OS when None.
        cores: CPU count; read from the OS when None.
        max_time_cost: the largest t to try.
        progress: called with (step, total steps) for a progress bar.
        clock: a monotonic clock (tests inject one).
    """
    ram = memory_bytes if memory_bytes is not None else total_memory_bytes()
    memory_kib = 128 * _MIB if ram is not None and ram < 4 * 1024**3 else 256 * _MIB
    memory_kib = max(memory_kib, policy.min_memory_kib)
    parallelism = max(1, min(4, cores if cores is not None else (os.cpu_count() or 1)))
    t = max(3, policy.min_time_cost)
    probe = Secret(secrets.token_bytes(16))
    steps = max_time_cost - t + 1
    for step in range(steps):
        params = KdfParams(memory_kib, t, parallelism, new_salt())
        start = clock()
        derive_key(probe, params, policy)
        elapsed = clock() - start
        if progress is not None:
            progress(step + 1, steps)
        if elapsed >= target_seconds[0] or t >= max_time_cost:
            break
        # Cost grows linearly in t: jump close to the target instead of creeping.
        per_t = elapsed / t if elapsed > 0 else target_seconds[0]
        t = min(max_time_cost, max(t + 1, math.ceil(target_seconds[0] / per_t)))
    probe.wipe()
    return KdfParams(memory_kib, t, parallelism, new_salt())
