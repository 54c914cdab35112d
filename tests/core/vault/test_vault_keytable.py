"""The key table: JSON round trip, MAC, hostile files, size limit, the two copies."""

from __future__ import annotations

import base64
import copy
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vault_support import FAST_POLICY, fast_kdf

from brankas.core.crypto.kdf import KdfParams, KdfPolicy
from brankas.core.crypto.primitives import random_key
from brankas.core.errors import BrankasError, KeyTableCorrupt
from brankas.core.keys import slots as sl
from brankas.core.keys.table import (
    MAX_SLOTS,
    MAX_TABLE_BYTES,
    DeviceSlot,
    KeyTable,
    OperatorSlot,
    PendingRekey,
    RecoverySlot,
    copy_paths,
    parse,
    read_copies,
    serialize,
    write_copies,
)
from brankas.core.secret import Secret
from brankas.core.vault.opening import open_table, operator_opener

VK = bytes(range(32))
HERE = Path("vault.keys")

# --- strategies ------------------------------------------------------------------------
ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=24)
kdfs = st.builds(
    KdfParams,
    memory_kib=st.integers(64, 4096),
    time_cost=st.integers(1, 8),
    parallelism=st.integers(1, 4),
    salt=st.binary(min_size=16, max_size=16),
)


def _operator(slot_id: str) -> st.SearchStrategy[OperatorSlot]:
    return st.builds(
        OperatorSlot,
        id=st.just(slot_id),
        tag=st.binary(min_size=16, max_size=16),
        kdf=kdfs,
        public_key=st.binary(min_size=32, max_size=32),
        private_enc=st.binary(max_size=80),
        vk_sealed=st.binary(max_size=100),
    )


def _recovery(slot_id: str) -> st.SearchStrategy[RecoverySlot]:
    return st.builds(
        RecoverySlot,
        id=st.just(slot_id),
        public_key=st.binary(min_size=32, max_size=32),
        vk_sealed=st.binary(max_size=100),
        created_at=st.text(min_size=1, max_size=40),
    )


def _device(slot_id: str) -> st.SearchStrategy[DeviceSlot]:
    return st.builds(
        DeviceSlot,
        id=st.just(slot_id),
        operator_id=ids,
        expires_at=st.text(min_size=1, max_size=40),
        kdev_wrapped=st.binary(max_size=80),
        vk_wrapped=st.binary(max_size=100),
    )


@st.composite
def slot_sets(draw: st.DrawFn, max_size: int = 6) -> tuple[Any, ...]:
    names = draw(st.lists(ids, max_size=max_size, unique=True))
    return tuple(draw(st.one_of(_operator(n), _recovery(n), _device(n))) for n in names)


json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
KNOWN = {"format", "version", "vault_id", "epoch", "slots", "pending", "mac"}
extras = st.dictionaries(
    st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12).filter(
        lambda k: k not in KNOWN
    ),
    json_values,
    max_size=3,
)


@st.composite
def tables(draw: st.DrawFn) -> KeyTable:
    slots = draw(slot_sets())
    pending = None
    if draw(st.booleans()):
        pending = PendingRekey(
            epoch=draw(st.integers(0, 2**40)),
            slots=draw(slot_sets(max_size=3)),
            reason=draw(st.dictionaries(st.text(max_size=10), json_scalars, max_size=3)),
        )
    return KeyTable(
        vault_id=draw(st.text(min_size=1, max_size=64).filter(_utf8_ok)),
        epoch=draw(st.integers(0, 2**63 - 1)),
        slots=slots,
        pending=pending,
        extra=draw(extras),
    )


def _utf8_ok(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- round trip -------------------------------------------------------------------------
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables())
def test_serialize_parse_round_trip(table: KeyTable) -> None:
    raw = serialize(table, VK)
    parsed = parse(raw, HERE, FAST_POLICY)
    assert parsed.table == table
    assert parsed.authentic(VK)
    assert not parsed.authentic(random_key())
    assert serialize(parsed.table, VK) == raw  # deterministic


def _real_table() -> tuple[KeyTable, bytes]:
    """A small real table: two operators, recovery, device slot."""
    vid = "0123456789abcdef0123456789abcdef"
    vk = random_key()
    a = sl.make_operator_slot(vid, 3, vk, "Ani", Secret("pw a"), fast_kdf(), FAST_POLICY)
    b = sl.make_operator_slot(vid, 3, vk, "Budi", Secret("pw b"), fast_kdf(), FAST_POLICY)
    r = sl.make_recovery_slot(vid, 3, vk, b"\x05" * 16)
    d = sl.make_device_slot(vid, 3, vk, a.id, 30, b"\x06" * 32)
    return KeyTable(vid, 3, (a, b, r, d), None, {"db_salt": "00" * 16}), vk


REAL_TABLE, REAL_VK = _real_table()
REAL_RAW = serialize(REAL_TABLE, REAL_VK)


def test_real_table_round_trip_and_no_names_in_clear() -> None:
    parsed = parse(REAL_RAW, HERE, FAST_POLICY)
    assert parsed.table == REAL_TABLE
    assert parsed.authentic(REAL_VK)
    assert b"Ani" not in REAL_RAW and b"Budi" not in REAL_RAW


# --- the MAC detects every edit ----------------------------------------------------------
def _edited(edit: Callable[[dict[str, Any]], object]) -> bytes:
    body = json.loads(REAL_RAW)
    edit(body)
    return json.dumps(body).encode()


def _flip_b64(text: str, index: int = 0) -> str:
    data = bytearray(base64.b64decode(text))
    data[index] ^= 0x01
    return base64.b64encode(bytes(data)).decode()


EDITS: dict[str, Callable[[dict[str, Any]], object]] = {
    "epoch": lambda b: b.update(epoch=b["epoch"] + 1),
    "epoch_down": lambda b: b.update(epoch=b["epoch"] - 1),
    "slot_order": lambda b: b["slots"].reverse(),
    "swap_two_slots": lambda b: b["slots"].insert(0, b["slots"].pop(1)),
    "drop_slot": lambda b: b["slots"].pop(1),
    "duplicate_of_slot_renamed": lambda b: b["slots"].append({**b["slots"][0], "id": "op-x"}),
    "vk_sealed_byte": lambda b: b["slots"][0].update(
        vk_sealed=_flip_b64(b["slots"][0]["vk_sealed"])
    ),
    "private_enc_last_byte": lambda b: b["slots"][1].update(
        private_enc=_flip_b64(b["slots"][1]["private_enc"], -1)
    ),
    "tag_byte": lambda b: b["slots"][0].update(tag=_flip_b64(b["slots"][0]["tag"], 5)),
    "public_key_byte": lambda b: b["slots"][2].update(
        public_key=_flip_b64(b["slots"][2]["public_key"], 31)
    ),
    "kdf_t": lambda b: b["slots"][0]["kdf"].update(t=b["slots"][0]["kdf"]["t"] + 1),
    "kdf_salt": lambda b: b["slots"][0]["kdf"].update(salt=_flip_b64(b["slots"][0]["kdf"]["salt"])),
    "slot_id": lambda b: b["slots"][1].update(id="op-moved"),
    "device_expiry": lambda b: b["slots"][3].update(expires_at="2999-01-01T00:00:00+00:00"),
    "device_operator": lambda b: b["slots"][3].update(operator_id=b["slots"][1]["id"]),
    "vault_id": lambda b: b.update(vault_id="f" * 32),
    "db_salt": lambda b: b.update(db_salt="11" * 16),
    "unknown_field": lambda b: b.update(comment="hello"),
    "unknown_slot_field": lambda b: b["slots"][0].update(note="x"),
    "pending_added": lambda b: b.update(pending={"epoch": 4, "slots": [], "reason": {}}),
    "remove_extra": lambda b: b.pop("db_salt"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_mac_detects_edit(name: str) -> None:
    raw = _edited(EDITS[name])
    try:
        parsed = parse(raw, HERE, FAST_POLICY)
    except KeyTableCorrupt:
        return  # refused before the MAC: also fine
    assert not parsed.authentic(REAL_VK), f"edit {name!r} went unnoticed"


def test_unedited_copy_authenticates_after_reformatting() -> None:
    # The MAC covers canonical JSON, not the file's bytes: whitespace is not an edit.
    raw = json.dumps(json.loads(REAL_RAW), indent=4).encode()
    assert parse(raw, HERE, FAST_POLICY).authentic(REAL_VK)


def test_unknown_slot_field_is_kept_out_of_the_table_but_refused_by_mac() -> None:
    parsed = parse(_edited(EDITS["unknown_slot_field"]), HERE, FAST_POLICY)
    assert parsed.table == REAL_TABLE  # the parsed slots ignore it ...
    assert not parsed.authentic(REAL_VK)  # ... but the MAC does not


# --- malformed files: always KeyTableCorrupt ----------------------------------------------
def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], object]:
    def edit(body: dict[str, Any]) -> None:
        node: Any = body
        for p in path[:-1]:
            node = node[p]
        node[path[-1]] = value

    return edit


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], object]:
    def edit(body: dict[str, Any]) -> None:
        node: Any = body
        for p in path[:-1]:
            node = node[p]
        del node[path[-1]]

    return edit


MALFORMED_RAW: dict[str, bytes] = {
    "empty": b"",
    "truncated": REAL_RAW[: len(REAL_RAW) // 2],
    "truncated_by_one": REAL_RAW[:-3],
    "not_json": b"hello",
    "not_utf8": b"\xff\xfe{}",
    "utf16": REAL_RAW.decode().encode("utf-16"),
    "array": b"[]",
    "string": b'"brankas-keys"',
    "null": b"null",
    "nan": b'{"format": NaN}',
    "deeply_nested_array": b"[" * 100_000 + b"]" * 100_000,
    "deeply_nested_value": b'{"format":"brankas-keys","x":'
    + b"[" * 100_000
    + b"]" * 100_000
    + b"}",
    "sqlite_header": b"SQLite format 3\x00" + bytes(100),
}
MALFORMED_EDITS: dict[str, Callable[[dict[str, Any]], object]] = {
    "format": _set(("format",), "brankas-keyz"),
    "no_format": _drop(("format",)),
    "version_2": _set(("version",), 2),
    "version_str": _set(("version",), "1"),
    "epoch_negative": _set(("epoch",), -1),
    "epoch_str": _set(("epoch",), "3"),
    "epoch_bool": _set(("epoch",), True),
    "epoch_float": _set(("epoch",), 3.0),
    "epoch_missing": _drop(("epoch",)),
    "vault_id_missing": _drop(("vault_id",)),
    "vault_id_empty": _set(("vault_id",), ""),
    "vault_id_long": _set(("vault_id",), "a" * 65),
    "vault_id_int": _set(("vault_id",), 7),
    "slots_missing": _drop(("slots",)),
    "slots_object": _set(("slots",), {}),
    "slot_not_object": _set(("slots", 0), "op"),
    "slot_type_unknown": _set(("slots", 0, "type"), "admin"),
    "slot_type_missing": _drop(("slots", 0, "type")),
    "slot_id_missing": _drop(("slots", 0, "id")),
    "slot_id_long": _set(("slots", 0, "id"), "x" * 201),
    "duplicate_ids": _set(("slots", 1, "id"), "recovery"),
    "tag_short": _set(("slots", 0, "tag"), base64.b64encode(b"x" * 15).decode()),
    "tag_not_b64": _set(("slots", 0, "tag"), "!!!!"),
    "tag_int": _set(("slots", 0, "tag"), 5),
    "public_key_long": _set(("slots", 2, "public_key"), base64.b64encode(b"x" * 33).decode()),
    "vk_sealed_missing": _drop(("slots", 0, "vk_sealed")),
    "kdf_missing": _drop(("slots", 0, "kdf")),
    "kdf_list": _set(("slots", 0, "kdf"), [1, 2]),
    "kdf_string": _set(("slots", 0, "kdf"), "argon2id"),
    "kdf_huge_memory": _set(("slots", 0, "kdf", "m"), 2**80),
    "kdf_huge_t": _set(("slots", 0, "kdf", "t"), 10**30),
    "kdf_p_zero": _set(("slots", 0, "kdf", "p"), 0),
    "kdf_salt_short": _set(("slots", 0, "kdf", "salt"), "AAAA"),
    "device_expiry_missing": _drop(("slots", 3, "expires_at")),
    "recovery_created_missing": _drop(("slots", 2, "created_at")),
    "mac_missing": _drop(("mac",)),
    "mac_short": _set(("mac",), base64.b64encode(b"m" * 31).decode()),
    "mac_not_b64": _set(("mac",), "not base64"),
    "pending_list": _set(("pending",), []),
    "pending_epoch_str": _set(("pending",), {"epoch": "4", "slots": []}),
    "pending_slots_missing": _set(("pending",), {"epoch": 4}),
    "pending_reason_list": _set(("pending",), {"epoch": 4, "slots": [], "reason": [1]}),
    "too_many_slots": _set(("slots",), [{"type": "x"}] * (MAX_SLOTS + 1)),
    "vault_id_lone_surrogate": _set(("vault_id",), "\ud800"),
    "nested_extra": _set(("x",), json.loads("[" * 100 + "]" * 100)),
}


@pytest.mark.parametrize("name", sorted(MALFORMED_RAW))
def test_malformed_raw_is_corrupt(name: str) -> None:
    with pytest.raises(KeyTableCorrupt):
        parse(MALFORMED_RAW[name], HERE, FAST_POLICY)


@pytest.mark.parametrize("name", sorted(MALFORMED_EDITS))
def test_malformed_field_is_corrupt(name: str) -> None:
    body = json.loads(REAL_RAW)
    MALFORMED_EDITS[name](body)
    with pytest.raises(KeyTableCorrupt):
        parse(json.dumps(body).encode(), HERE, FAST_POLICY)


def test_any_nesting_depth_never_escapes_as_recursion_error(tmp_path: Path) -> None:
    # json.loads and the MAC's json.dumps run at different stack depths: a file nested
    # just deep enough to load could make the MAC check blow the stack.
    opener = operator_opener("Ani", Secret("pw a"), FAST_POLICY)
    head, _, tail = REAL_RAW.rpartition(b"}")
    for depth in range(850, 1001):
        nested = b',"x":' + b"[" * depth + b"]" * depth
        raw = head.rstrip() + nested + b"}" + tail
        for path in copy_paths(tmp_path):
            path.write_bytes(raw)
        with pytest.raises(BrankasError):
            open_table(tmp_path, FAST_POLICY, opener)


def test_size_limit() -> None:
    body = json.loads(REAL_RAW)
    body["padding"] = ""
    base = len(json.dumps(body).encode())
    body["padding"] = "x" * (MAX_TABLE_BYTES - base)
    at_limit = json.dumps(body).encode()
    assert len(at_limit) == MAX_TABLE_BYTES
    parse(at_limit, HERE, FAST_POLICY)  # exactly at the limit: read (MAC will refuse it)
    with pytest.raises(KeyTableCorrupt, match="too large"):
        parse(at_limit + b" ", HERE, FAST_POLICY)


# --- fuzzing: only BrankasError ever leaves -----------------------------------------------
SMALL_POLICY = KdfPolicy(
    min_memory_kib=8, min_time_cost=1, max_memory_kib=1024, max_time_cost=2, max_parallelism=2
)


def _only_brankas_errors(raw: bytes) -> None:
    try:
        parsed = parse(raw, HERE, SMALL_POLICY)
    except BrankasError:
        return
    # Whatever parsed must also survive authentication and re-serialisation.
    try:
        assert not parsed.authentic(random_key())
        parsed.authentic(REAL_VK)
        serialize(parsed.table, REAL_VK)
    except BrankasError:
        return


@settings(max_examples=300)
@given(raw=st.binary(max_size=2000))
def test_random_bytes_raise_only_brankas_errors(raw: bytes) -> None:
    _only_brankas_errors(raw)


@settings(max_examples=300)
@given(data=st.data())
def test_byte_mutations_raise_only_brankas_errors(data: st.DataObject) -> None:
    raw = bytearray(REAL_RAW)
    for _ in range(data.draw(st.integers(1, 5))):
        op = data.draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        i = data.draw(st.integers(0, max(0, len(raw) - 1)))
        if op == "flip" and raw:
            raw[i] ^= data.draw(st.integers(1, 255))
        elif op == "delete" and raw:
            del raw[i : i + data.draw(st.integers(1, 8))]
        elif op == "insert":
            raw[i:i] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            del raw[i:]
    _only_brankas_errors(bytes(raw))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated_bodies(draw: st.DrawFn) -> dict[str, Any]:
    body = copy.deepcopy(json.loads(REAL_RAW))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(body) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = body
        for p in path[:-1]:
            parent = parent[p]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
        else:
            parent.append(draw(json_values))
    return body


@settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow])
@given(body=mutated_bodies())
def test_json_mutations_raise_only_brankas_errors(body: dict[str, Any]) -> None:
    raw = json.dumps(body).encode()
    _only_brankas_errors(raw)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=mutated_bodies(), both=st.booleans())
def test_open_table_on_mutated_copies_raises_only_brankas_errors(
    body: dict[str, Any], both: bool
) -> None:
    # End to end: one or both copies mutated, then a real unlock attempt with the right password.
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b = copy_paths(folder)
        a.write_bytes(json.dumps(body).encode())
        b.write_bytes(json.dumps(body).encode() if both else REAL_RAW)
        opener = operator_opener("Ani", Secret("pw a"), SMALL_POLICY)
        try:
            opened = open_table(folder, SMALL_POLICY, opener)
        except BrankasError:
            assert both or a.exists()
            return
        assert opened.vk == REAL_VK
        # A success repairs both copies to one authentic table.
        assert a.read_bytes() == b.read_bytes()
        assert parse(a.read_bytes(), a, SMALL_POLICY).authentic(REAL_VK)


# --- the two copies ------------------------------------------------------------------------
def test_write_copies_writes_two_identical_owner_only_files(tmp_path: Path) -> None:
    write_copies(tmp_path, REAL_TABLE, REAL_VK)
    a, b = copy_paths(tmp_path)
    assert a.read_bytes() == b.read_bytes() == REAL_RAW
    assert a.stat().st_mode & 0o777 == 0o600
    assert b.stat().st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_read_copies_newest_first_and_reports_errors(tmp_path: Path) -> None:
    old = REAL_TABLE
    new = KeyTable(old.vault_id, old.epoch + 1, old.slots, None, old.extra)
    a, b = copy_paths(tmp_path)
    a.write_bytes(serialize(old, REAL_VK))
    b.write_bytes(serialize(new, REAL_VK))
    copies, errors = read_copies(tmp_path, FAST_POLICY)
    assert [c.table.epoch for c in copies] == [4, 3]
    assert errors == []
    a.write_bytes(b"garbage")
    copies, errors = read_copies(tmp_path, FAST_POLICY)
    assert [c.path for c in copies] == [b]
    assert len(errors) == 1 and isinstance(errors[0], KeyTableCorrupt)
    a.unlink()
    b.unlink()
    assert read_copies(tmp_path, FAST_POLICY) == ([], [])


def test_kdf_floor_applies_per_copy(tmp_path: Path) -> None:
    # Parsed under a floor above the table's parameters, each copy is an error, not a table.
    write_copies(tmp_path, REAL_TABLE, REAL_VK)
    strict = KdfPolicy(min_memory_kib=128, min_time_cost=1)
    copies, errors = read_copies(tmp_path, strict)
    assert copies == [] and len(errors) == 2


def test_assume_real_table_kdf_is_fast() -> None:
    # Guard for the fuzz tests above: the real table's parameters fit SMALL_POLICY.
    for s in REAL_TABLE.operator_slots():
        SMALL_POLICY.check(s.kdf)
