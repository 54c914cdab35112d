"""The key table's data, its JSON form, its MAC, and its two on-disk copies."""

from __future__ import annotations

import base64
import json
import logging
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from brankas.core.crypto.kdf import KdfParams, KdfPolicy
from brankas.core.crypto.primitives import hkdf, hmac_sha256
from brankas.core.errors import KeyTableCorrupt
from brankas.core.fsutil import atomic_write

log = logging.getLogger(__name__)

FORMAT = "brankas-keys"
FORMAT_VERSION = 1
COPY_NAMES = ("vault.keys", "vault.keys.2")
MAX_TABLE_BYTES = 1024 * 1024
MAX_SLOTS = 1000
MAX_DEPTH = 32  # a real table nests 5 deep; deeper input could blow the stack in the MAC
_MAC_INFO = b"brankas/slots/v1"


def canonical_json(obj: Any) -> bytes:
    """Deterministic JSON used for MACs and AADs."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def b64(data: bytes) -> str:
    """Standard base64 text."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, *, size: int | None = None) -> bytes:
    """Strict base64 decoding of a key-table field.

    Raises:
        KeyTableCorrupt: not base64, or not ``size`` bytes long.
    """
    if not isinstance(text, str):
        raise KeyTableCorrupt("key table field is not text")
    try:
        out = base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise KeyTableCorrupt("key table field is not base64") from exc
    if size is not None and len(out) != size:
        raise KeyTableCorrupt("key table field has the wrong length")
    return out


@dataclass(frozen=True, slots=True)
class OperatorSlot:
    """An operator's X25519 key pair: private key under Argon2id(password), VK sealed to it."""

    id: str
    tag: bytes  # HMAC(vault id, username): finds the slot without storing the name
    kdf: KdfParams
    public_key: bytes
    private_enc: bytes
    vk_sealed: bytes


@dataclass(frozen=True, slots=True)
class RecoverySlot:
    """The printed recovery kit: X25519 identity derived from the 128-bit kit secret."""

    id: str
    public_key: bytes
    vk_sealed: bytes
    created_at: str


@dataclass(frozen=True, slots=True)
class DeviceSlot:
    """ "Remember on this PC": VK wrapped under a key from the OS keyring, for one operator."""

    id: str
    operator_id: str
    expires_at: str
    kdev_wrapped: bytes  # the device key, wrapped under HKDF(VK) so VK holders can re-wrap
    vk_wrapped: bytes

    def expired(self, now: datetime) -> bool:
        """True once the slot's lifetime is over."""
        try:
            return datetime.fromisoformat(self.expires_at) <= now
        except ValueError:
            return True


Slot = OperatorSlot | RecoverySlot | DeviceSlot


@dataclass(frozen=True, slots=True)
class PendingRekey:
    """A rekey in progress: the next epoch's slots, written before ``PRAGMA rekey``."""

    epoch: int
    slots: tuple[Slot, ...]
    reason: Mapping[str, Any] = field(default_factory=dict)  # what the rekey is for


@dataclass(frozen=True, slots=True)
class KeyTable:
    """The whole key table (without its MAC)."""

    vault_id: str
    epoch: int
    slots: tuple[Slot, ...]
    pending: PendingRekey | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def operator_slots(self) -> list[OperatorSlot]:
        """The operator slots."""
        return [s for s in self.slots if isinstance(s, OperatorSlot)]

    def slot(self, slot_id: str) -> Slot | None:
        """The slot with that id, or None."""
        return next((s for s in self.slots if s.id == slot_id), None)

    def recovery(self) -> RecoverySlot | None:
        """The recovery slot, or None."""
        return next((s for s in self.slots if isinstance(s, RecoverySlot)), None)


# --- JSON -------------------------------------------------------------------------
def _slot_to_dict(s: Slot) -> dict[str, Any]:
    if isinstance(s, OperatorSlot):
        return {
            "type": "operator",
            "id": s.id,
            "tag": b64(s.tag),
            "kdf": s.kdf.to_dict(),
            "public_key": b64(s.public_key),
            "private_enc": b64(s.private_enc),
            "vk_sealed": b64(s.vk_sealed),
        }
    if isinstance(s, RecoverySlot):
        return {
            "type": "recovery",
            "id": s.id,
            "public_key": b64(s.public_key),
            "vk_sealed": b64(s.vk_sealed),
            "created_at": s.created_at,
        }
    return {
        "type": "device",
        "id": s.id,
        "operator_id": s.operator_id,
        "expires_at": s.expires_at,
        "kdev_wrapped": b64(s.kdev_wrapped),
        "vk_wrapped": b64(s.vk_wrapped),
    }


def _str(d: Mapping[str, Any], key: str, max_len: int = 200) -> str:
    v = d.get(key)
    if not isinstance(v, str) or not v or len(v) > max_len or not _utf8(v):
        raise KeyTableCorrupt(f"key table field {key!r} is missing or invalid")
    return v


def _utf8(text: str) -> bool:
    # JSON can carry lone surrogates ("\ud800"); ids are later encoded to bytes (AADs, tags).
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _nesting_ok(obj: Any, limit: int = MAX_DEPTH) -> bool:
    """True when ``obj`` nests at most ``limit`` levels (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return True


def _slot_from_dict(d: Any, policy: KdfPolicy) -> Slot:
    if not isinstance(d, dict):
        raise KeyTableCorrupt("key slot is not an object")
    kind = d.get("type")
    if kind == "operator":
        kdf = KdfParams.from_dict(d.get("kdf") or {})
        policy.check(kdf)  # the floor is enforced on read, before any password is tried
        return OperatorSlot(
            id=_str(d, "id"),
            tag=unb64(d.get("tag"), size=16),
            kdf=kdf,
            public_key=unb64(d.get("public_key"), size=32),
            private_enc=unb64(d.get("private_enc")),
            vk_sealed=unb64(d.get("vk_sealed")),
        )
    if kind == "recovery":
        return RecoverySlot(
            id=_str(d, "id"),
            public_key=unb64(d.get("public_key"), size=32),
            vk_sealed=unb64(d.get("vk_sealed")),
            created_at=_str(d, "created_at"),
        )
    if kind == "device":
        return DeviceSlot(
            id=_str(d, "id"),
            operator_id=_str(d, "operator_id"),
            expires_at=_str(d, "expires_at"),
            kdev_wrapped=unb64(d.get("kdev_wrapped")),
            vk_wrapped=unb64(d.get("vk_wrapped")),
        )
    raise KeyTableCorrupt("key slot has an unknown type")


def _slots_from_list(items: Any, policy: KdfPolicy) -> tuple[Slot, ...]:
    if not isinstance(items, list) or len(items) > MAX_SLOTS:
        raise KeyTableCorrupt("key table slots are malformed")
    slots = tuple(_slot_from_dict(d, policy) for d in items)
    if len({s.id for s in slots}) != len(slots):
        raise KeyTableCorrupt("key table has duplicate slot ids")
    return slots


def table_body(table: KeyTable) -> dict[str, Any]:
    """The JSON object of a table, without the MAC."""
    body: dict[str, Any] = dict(table.extra)
    body.update(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": table.vault_id,
            "epoch": table.epoch,
            "slots": [_slot_to_dict(s) for s in table.slots],
            "pending": None
            if table.pending is None
            else {
                "epoch": table.pending.epoch,
                "slots": [_slot_to_dict(s) for s in table.pending.slots],
                "reason": dict(table.pending.reason),
            },
        }
    )
    return body


def compute_mac(body: Mapping[str, Any], vk: bytes) -> bytes:
    """HMAC(HKDF(VK, "slots"), canonical JSON ‖ epoch) as DESIGN.md specifies."""
    epoch = body.get("epoch")
    if type(epoch) is not int or epoch < 0:
        raise KeyTableCorrupt("key table epoch is invalid")
    data = canonical_json({k: v for k, v in body.items() if k != "mac"}) + struct.pack(">Q", epoch)
    return hmac_sha256(hkdf(vk, _MAC_INFO), data)


def serialize(table: KeyTable, vk: bytes) -> bytes:
    """The file content: pretty JSON with the MAC, keyed by ``vk``."""
    body = table_body(table)
    body["mac"] = b64(compute_mac(body, vk))
    return json.dumps(body, sort_keys=True, indent=1).encode() + b"\n"


@dataclass(frozen=True, slots=True)
class ParsedCopy:
    """One copy of the key table, parsed but not yet authenticated."""

    path: Path
    raw: bytes
    table: KeyTable
    body: Mapping[str, Any]
    mac: bytes

    def authentic(self, vk: bytes) -> bool:
        """True when the MAC verifies under ``vk``."""
        import hmac as _hmac

        return _hmac.compare_digest(compute_mac(self.body, vk), self.mac)


def parse(raw: bytes, path: Path, policy: KdfPolicy) -> ParsedCopy:
    """Parse and validate one copy (structure, sizes, KDF floor). Does not check the MAC.

    Raises:
        KeyTableCorrupt: the file is not a valid key table.
        KdfBelowFloor: an operator slot asks for parameters below the floor.
    """
    if len(raw) > MAX_TABLE_BYTES:
        raise KeyTableCorrupt("key table is too large")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise KeyTableCorrupt("key table is not valid JSON") from exc
    if not _nesting_ok(body):
        raise KeyTableCorrupt("key table is nested too deeply")
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise KeyTableCorrupt("file is not a Brankas key table")
    if body.get("version") != FORMAT_VERSION:
        raise KeyTableCorrupt("key table version is not supported")
    epoch = body.get("epoch")
    if type(epoch) is not int or epoch < 0:
        raise KeyTableCorrupt("key table epoch is invalid")
    pend = body.get("pending")
    pending = None
    if pend is not None:
        if not isinstance(pend, dict) or type(pend.get("epoch")) is not int:
            raise KeyTableCorrupt("key table pending rekey is malformed")
        reason = pend.get("reason") or {}
        if not isinstance(reason, dict):
            raise KeyTableCorrupt("key table pending rekey is malformed")
        pending = PendingRekey(
            epoch=pend["epoch"], slots=_slots_from_list(pend.get("slots"), policy), reason=reason
        )
    known = {"format", "version", "vault_id", "epoch", "slots", "pending", "mac"}
    table = KeyTable(
        vault_id=_str(body, "vault_id", 64),
        epoch=epoch,
        slots=_slots_from_list(body.get("slots"), policy),
        pending=pending,
        extra={k: v for k, v in body.items() if k not in known},
    )
    return ParsedCopy(
        path=path, raw=raw, table=table, body=body, mac=unb64(body.get("mac"), size=32)
    )


def copy_paths(folder: Path) -> tuple[Path, Path]:
    """The two copies' paths."""
    return folder / COPY_NAMES[0], folder / COPY_NAMES[1]


def write_copies(folder: Path, table: KeyTable, vk: bytes) -> None:
    """Write both copies, one after the other, each atomically.

    A crash between the two leaves one old and one new copy; both authenticate, and
    the reader prefers the newer epoch and repairs the other.
    """
    data = serialize(table, vk)
    for path in copy_paths(folder):
        atomic_write(path, data)


def read_copies(folder: Path, policy: KdfPolicy) -> tuple[list[ParsedCopy], list[BaseException]]:
    """Parse every readable copy; returns (parsed copies, newest epoch first; errors)."""
    parsed: list[ParsedCopy] = []
    errors: list[BaseException] = []
    for path in copy_paths(folder):
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            continue
        except OSError as exc:
            errors.append(exc)
            continue
        try:
            parsed.append(parse(raw, path, policy))
        except Exception as exc:
            log.warning("key table copy %s is unreadable: %s", path.name, type(exc).__name__)
            errors.append(exc)
    parsed.sort(key=lambda c: c.table.epoch, reverse=True)
    return parsed, errors
