"""Argon2id KDF: standard vectors, the floor on read and write, the ceiling, calibration."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2.low_level import ARGON2_VERSION, Type, core, ffi, lib
from hypothesis import given, settings
from hypothesis import strategies as st
from vault_support import FAST_POLICY, fast_kdf

from brankas.core.crypto import kdf as kdf_mod
from brankas.core.crypto.kdf import (
    PRODUCTION_POLICY,
    KdfParams,
    KdfPolicy,
    calibrate,
    derive_key,
    new_salt,
)
from brankas.core.crypto.primitives import random_key
from brankas.core.errors import KdfBelowFloor, KeyTableCorrupt
from brankas.core.keys import slots as sl
from brankas.core.keys.table import KeyTable, parse, serialize
from brankas.core.secret import Secret

MIB = 1024
GIB = 1024**3


def _argon2id_core(
    pwd: bytes, salt: bytes, secret: bytes, ad: bytes, *, t: int, m: int, p: int
) -> bytes:
    """Argon2id through libargon2's argon2_ctx (the only entry point taking secret and ad)."""
    out = ffi.new("uint8_t[]", 32)
    buffers = [ffi.new("uint8_t[]", x) if x else ffi.NULL for x in (pwd, salt, secret, ad)]
    ctx = ffi.new(
        "argon2_context *",
        {
            "out": out,
            "outlen": 32,
            "pwd": buffers[0],
            "pwdlen": len(pwd),
            "salt": buffers[1],
            "saltlen": len(salt),
            "secret": buffers[2],
            "secretlen": len(secret),
            "ad": buffers[3],
            "adlen": len(ad),
            "t_cost": t,
            "m_cost": m,
            "lanes": p,
            "threads": p,
            "version": ARGON2_VERSION,
            "allocate_cbk": ffi.NULL,
            "free_cbk": ffi.NULL,
            "flags": lib.ARGON2_DEFAULT_FLAGS,
        },
    )
    assert core(ctx, Type.ID.value) == lib.ARGON2_OK
    return bytes(ffi.buffer(out, 32))


# --- standard vectors -----------------------------------------------------------------
def test_libargon2_reproduces_rfc9106_argon2id_vector() -> None:
    # RFC 9106 §5.3: password 32×01, salt 16×02, secret 8×03, ad 12×04, m=32, t=3, p=4.
    tag = _argon2id_core(b"\x01" * 32, b"\x02" * 16, b"\x03" * 8, b"\x04" * 12, t=3, m=32, p=4)
    assert tag.hex() == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"


def test_derive_key_is_plain_argon2id_v13_without_secret_or_ad() -> None:
    # derive_key cannot take the RFC's secret/ad, so tie it to the same core (which just
    # passed the RFC vector) with secret and ad empty, at the production floor parameters.
    params = KdfParams(memory_kib=64 * MIB, time_cost=3, parallelism=2, salt=bytes(range(16)))
    pwd = "kata sandi ümlaut"
    expected = _argon2id_core(pwd.encode(), params.salt, b"", b"", t=3, m=64 * MIB, p=2)
    assert derive_key(Secret(pwd), params, PRODUCTION_POLICY) == expected


def test_derive_key_matches_reference_implementation_vector() -> None:
    # phc-winner-argon2 src/test.c: Argon2id v0x13, t=2, m=2^16, p=1, "password"/"somesalt".
    params = KdfParams(memory_kib=1 << 16, time_cost=2, parallelism=1, salt=b"somesalt")
    out = derive_key(Secret("password"), params, FAST_POLICY)
    assert out.hex() == "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"


# --- determinism and parameter sensitivity ------------------------------------------------
def test_derive_key_is_deterministic_and_32_bytes() -> None:
    params = fast_kdf()
    a = derive_key(Secret("rahasia"), params, FAST_POLICY)
    b = derive_key(Secret(b"rahasia"), params, FAST_POLICY)
    assert a == b
    assert len(a) == 32


@pytest.mark.parametrize(
    "change",
    [
        {"salt": b"\x07" * 16},
        {"memory_kib": 128},
        {"time_cost": 2},
        {"parallelism": 2},
    ],
    ids=["salt", "memory", "time", "parallelism"],
)
def test_every_parameter_changes_the_key(change: dict[str, object]) -> None:
    base = KdfParams(memory_kib=64, time_cost=1, parallelism=1, salt=b"\x01" * 16)
    other = dataclasses.replace(base, **change)  # type: ignore[arg-type]
    pw = Secret("rahasia")
    assert derive_key(pw, base, FAST_POLICY) != derive_key(pw, other, FAST_POLICY)


def test_password_changes_the_key() -> None:
    params = fast_kdf()
    assert derive_key(Secret("a"), params, FAST_POLICY) != derive_key(
        Secret("b"), params, FAST_POLICY
    )


# --- the floor ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("m", "t"),
    [(64 * MIB - 1, 3), (64 * MIB, 2), (64, 1), (32 * MIB, 8)],
)
def test_production_policy_refuses_below_floor(m: int, t: int) -> None:
    params = KdfParams(memory_kib=m, time_cost=t, parallelism=1, salt=new_salt())
    with pytest.raises(KdfBelowFloor):
        PRODUCTION_POLICY.check(params)


def test_production_policy_accepts_exact_floor() -> None:
    PRODUCTION_POLICY.check(KdfParams(64 * MIB, 3, 1, new_salt()))


def test_old_argon2_version_is_refused() -> None:
    params = KdfParams(64 * MIB, 3, 1, new_salt(), version=0x10)
    with pytest.raises(KdfBelowFloor):
        PRODUCTION_POLICY.check(params)


def test_derive_key_checks_floor_before_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    called = []
    monkeypatch.setattr(kdf_mod, "hash_secret_raw", lambda *a, **k: called.append(1))
    with pytest.raises(KdfBelowFloor):
        derive_key(Secret("x"), fast_kdf(), PRODUCTION_POLICY)
    assert called == []


def test_floor_enforced_on_write() -> None:
    with pytest.raises(KdfBelowFloor):
        sl.make_operator_slot(
            "v" * 32, 0, random_key(), "Ani", Secret("pw"), fast_kdf(), PRODUCTION_POLICY
        )


def _table_bytes(params: KdfParams) -> tuple[bytes, bytes]:
    vk = random_key()
    slot = sl.make_operator_slot("vault-1", 0, vk, "Ani", Secret("pw"), fast_kdf(), FAST_POLICY)
    raw = serialize(KeyTable("vault-1", 0, (slot,)), vk)
    body = json.loads(raw)
    body["slots"][0]["kdf"] = params.to_dict()  # as an attacker editing the file would
    return json.dumps(body).encode(), vk


@pytest.mark.parametrize(("m", "t"), [(64 * MIB - 1, 3), (64 * MIB, 2), (8, 1)])
def test_floor_enforced_on_read(m: int, t: int, tmp_path: Path) -> None:
    raw, _ = _table_bytes(KdfParams(m, t, 1, new_salt()))
    with pytest.raises(KdfBelowFloor):
        parse(raw, tmp_path / "vault.keys", PRODUCTION_POLICY)


def test_floor_on_read_also_covers_pending_slots(tmp_path: Path) -> None:
    raw, _ = _table_bytes(KdfParams(64 * MIB, 3, 1, new_salt()))
    body = json.loads(raw)
    weak = json.loads(json.dumps(body["slots"][0]))
    weak["kdf"]["m"] = 1024
    body["pending"] = {"epoch": 1, "slots": [weak], "reason": {}}
    with pytest.raises(KdfBelowFloor):
        parse(json.dumps(body).encode(), tmp_path / "vault.keys", PRODUCTION_POLICY)


def test_table_at_floor_parses_under_production(tmp_path: Path) -> None:
    raw, _ = _table_bytes(KdfParams(64 * MIB, 3, 1, new_salt()))
    copy = parse(raw, tmp_path / "vault.keys", PRODUCTION_POLICY)
    assert copy.table.operator_slots()[0].kdf.memory_kib == 64 * MIB


# --- the ceiling ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("m", "t", "p"),
    [
        (4 * 1024 * MIB + 1, 3, 1),  # above 4 GiB
        (2**40, 3, 1),
        (64 * MIB, 65, 1),
        (64 * MIB, 2**31, 1),
        (64 * MIB, 3, 0),
        (64 * MIB, 3, -1),
        (64 * MIB, 3, 17),
    ],
)
def test_absurd_parameters_are_corrupt(m: int, t: int, p: int, tmp_path: Path) -> None:
    params = KdfParams(m, t, p, new_salt())
    with pytest.raises(KeyTableCorrupt):
        PRODUCTION_POLICY.check(params)
    raw, _ = _table_bytes(params)
    with pytest.raises(KeyTableCorrupt):
        parse(raw, tmp_path / "vault.keys", PRODUCTION_POLICY)


def test_memory_below_8_per_lane_is_corrupt() -> None:
    with pytest.raises(KeyTableCorrupt):
        FAST_POLICY.check(KdfParams(8, 1, 2, new_salt()))


# --- the JSON form --------------------------------------------------------------------
def test_params_round_trip() -> None:
    p = KdfParams(256 * MIB, 4, 2, new_salt())
    assert KdfParams.from_dict(json.loads(json.dumps(p.to_dict()))) == p


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d.pop("m"),
        lambda d: d.pop("salt"),
        lambda d: d.update(alg="argon2i"),
        lambda d: d.update(m="65536"),
        lambda d: d.update(t=3.0),
        lambda d: d.update(p=True),
        lambda d: d.update(v=None),
        lambda d: d.update(salt="not base64!"),
        lambda d: d.update(salt="AAAA"),  # 3 bytes
        lambda d: d.update(salt=12),
    ],
)
def test_malformed_params_are_corrupt(edit: Callable[[dict[str, object]], object]) -> None:
    d = fast_kdf().to_dict()
    edit(d)
    with pytest.raises(KeyTableCorrupt):
        KdfParams.from_dict(d)


def test_non_mapping_params_are_corrupt() -> None:
    for bad in ([], "x", None, 3):
        with pytest.raises(KeyTableCorrupt):
            KdfParams.from_dict(bad)  # type: ignore[arg-type]


# --- calibration ------------------------------------------------------------------------
class _FakeMachine:
    """A clock plus a stand-in Argon2 whose cost is ``per_t`` seconds per pass."""

    def __init__(self, per_t: float) -> None:
        self.now = 100.0
        self.per_t = per_t
        self.tried: list[KdfParams] = []

    def clock(self) -> float:
        return self.now

    def derive(self, password: Secret, params: KdfParams, policy: KdfPolicy) -> bytes:
        policy.check(params)
        self.tried.append(params)
        self.now += self.per_t * params.time_cost
        return b"\x00" * 32


def _calibrate(
    monkeypatch: pytest.MonkeyPatch, per_t: float, **kw: object
) -> tuple[KdfParams, _FakeMachine]:
    machine = _FakeMachine(per_t)
    monkeypatch.setattr(kdf_mod, "derive_key", machine.derive)
    kw.setdefault("memory_bytes", 16 * GIB)
    kw.setdefault("cores", 8)
    params = calibrate(PRODUCTION_POLICY, clock=machine.clock, **kw)  # type: ignore[arg-type]
    return params, machine


@pytest.mark.parametrize(
    ("per_t", "want_t"),
    [(0.3, 3), (0.17, 3), (0.09, 6), (0.07, 8), (0.01, 8), (2.0, 3)],
)
def test_calibrate_picks_smallest_t_reaching_target(
    monkeypatch: pytest.MonkeyPatch, per_t: float, want_t: int
) -> None:
    params, machine = _calibrate(monkeypatch, per_t)
    assert params.time_cost == want_t
    assert machine.tried  # it measured something
    PRODUCTION_POLICY.check(params)


@settings(max_examples=200, deadline=None)
@given(per_t=st.floats(min_value=1e-4, max_value=5.0))
def test_calibrate_t_always_in_range(per_t: float) -> None:
    with pytest.MonkeyPatch.context() as mp:
        params, _ = _calibrate(mp, per_t)
    assert 3 <= params.time_cost <= 8
    if params.time_cost < 8:
        assert per_t * params.time_cost >= 0.5 - 1e-9
    if params.time_cost > 3:
        assert per_t * (params.time_cost - 1) < 0.5 + 1e-9  # not more than needed


def test_calibrate_with_a_coarse_clock_still_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    # A clock that never advances (timer resolution) must not loop forever.
    machine = _FakeMachine(0.0)
    monkeypatch.setattr(kdf_mod, "derive_key", machine.derive)
    params = calibrate(PRODUCTION_POLICY, clock=machine.clock, memory_bytes=8 * GIB, cores=2)
    assert params.time_cost == 8
    assert len(machine.tried) <= 6


@pytest.mark.parametrize(
    ("ram", "want_mib"),
    [(2 * GIB, 128), (4 * GIB - 1, 128), (4 * GIB, 256), (32 * GIB, 256)],
)
def test_calibrate_memory_rule(monkeypatch: pytest.MonkeyPatch, ram: int, want_mib: int) -> None:
    params, machine = _calibrate(monkeypatch, 0.3, memory_bytes=ram)
    assert params.memory_kib == want_mib * MIB
    assert all(p.memory_kib == want_mib * MIB for p in machine.tried)


@pytest.mark.parametrize(("cores", "want_p"), [(0, 1), (1, 1), (2, 2), (4, 4), (64, 4)])
def test_calibrate_parallelism_rule(
    monkeypatch: pytest.MonkeyPatch, cores: int, want_p: int
) -> None:
    params, _ = _calibrate(monkeypatch, 0.3, cores=cores)
    assert params.parallelism == want_p


def test_calibrate_respects_a_higher_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    machine = _FakeMachine(0.3)
    monkeypatch.setattr(kdf_mod, "derive_key", machine.derive)
    policy = KdfPolicy(min_memory_kib=512 * MIB, min_time_cost=5)
    params = calibrate(policy, clock=machine.clock, memory_bytes=2 * GIB, cores=1)
    assert params.memory_kib == 512 * MIB
    assert params.time_cost == 5
    policy.check(params)


def test_calibrate_returns_fresh_salt_and_reports_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[tuple[int, int]] = []
    params, machine = _calibrate(monkeypatch, 0.1, progress=lambda i, n: steps.append((i, n)))
    assert len(params.salt) == 16
    assert params.salt not in {p.salt for p in machine.tried}
    assert steps and all(1 <= i <= n for i, n in steps)
    assert [i for i, _ in steps] == list(range(1, len(steps) + 1))
