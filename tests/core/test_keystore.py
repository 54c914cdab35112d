"""Tests for the device-key store; none of them touch the developer's real keychain."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordDeleteError

from brankas.core.errors import DeviceKeyUnavailable
from brankas.core.keystore import (
    DeviceKeyStore,
    KeyringDeviceKeyStore,
    MemoryDeviceKeyStore,
    _pin_local_machine,
    is_secure_backend,
)

KEY = bytes(range(32))
NAME = "vault-1234/device-5678"


class MemoryBackend(KeyringBackend):
    """An in-memory keyring backend, standing in for the OS keychain."""

    # Every KeyringBackend subclass registers itself for discovery; a non-viable one is
    # never picked by keyring for code that did not ask for it with set_keyring().
    viable = False
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError("not found") from None


class BrokenBackend(MemoryBackend):
    """Fails every call the way a locked or vanished keyring does."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError(f"could not store {password!r}")  # quotes the value on purpose

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


class FakePlaintextKeyring(MemoryBackend):
    """Looks like keyrings.alt's plain-text file backend."""


FakePlaintextKeyring.__module__ = "keyrings.alt.file"


class SubclassOfAlt(FakePlaintextKeyring):
    """A backend defined elsewhere on top of a keyrings.alt class."""


@pytest.fixture
def keyring_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Record the current backend without calling keyring.get_keyring(), which would run
    # backend discovery (and talk to the real keychain on a developer's desktop);
    # monkeypatch puts it back after the test.
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.core._keyring_backend)
    yield


@pytest.fixture
def memory(keyring_backend: None) -> MemoryBackend:
    backend = MemoryBackend()
    keyring.set_keyring(backend)
    return backend


def _use(backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)


# --- the protocol and the memory store ---------------------------------------------------


def test_both_stores_satisfy_the_protocol() -> None:
    assert isinstance(MemoryDeviceKeyStore(), DeviceKeyStore)
    assert isinstance(KeyringDeviceKeyStore(), DeviceKeyStore)


def test_memory_store_round_trip() -> None:
    store = MemoryDeviceKeyStore()
    assert store.available()
    assert store.get(NAME) is None
    value = bytearray(KEY)
    store.set(NAME, bytes(value))
    assert store.get(NAME) == KEY
    store.set(NAME, b"\x01" * 32)
    assert store.get(NAME) == b"\x01" * 32
    store.delete(NAME)
    assert store.get(NAME) is None
    store.delete(NAME)


def test_memory_store_keeps_its_own_copy() -> None:
    store = MemoryDeviceKeyStore()
    value = bytearray(KEY)
    store.set(NAME, value)  # type: ignore[arg-type]
    value[:] = bytes(32)
    assert store.get(NAME) == KEY


def test_memory_store_can_play_a_pc_without_keyring() -> None:
    store = MemoryDeviceKeyStore(available=False)
    assert not store.available()
    for call in (lambda: store.get(NAME), lambda: store.set(NAME, KEY), lambda: store.delete(NAME)):
        with pytest.raises(DeviceKeyUnavailable):
            call()


@pytest.mark.parametrize("store", [MemoryDeviceKeyStore(), KeyringDeviceKeyStore()])
def test_bad_arguments_are_programming_errors(store: DeviceKeyStore) -> None:
    with pytest.raises(ValueError):
        store.get("")
    with pytest.raises(TypeError):
        store.set(NAME, "not bytes")  # type: ignore[arg-type]


def test_service_name_is_required() -> None:
    with pytest.raises(ValueError):
        KeyringDeviceKeyStore("")


# --- the keyring store over an in-memory backend ----------------------------------------


def test_keyring_store_round_trip_stores_base64(memory: MemoryBackend) -> None:
    store = KeyringDeviceKeyStore()
    assert store.service == "Brankas"
    assert store.available()
    assert store.get(NAME) is None
    store.set(NAME, KEY)
    assert memory.entries == {("Brankas", NAME): base64.b64encode(KEY).decode("ascii")}
    assert store.get(NAME) == KEY
    store.set(NAME, b"\xff" * 32)
    assert store.get(NAME) == b"\xff" * 32
    store.delete(NAME)
    assert memory.entries == {}
    assert store.get(NAME) is None


def test_keyring_store_uses_its_service_name(memory: MemoryBackend) -> None:
    KeyringDeviceKeyStore("Brankas-test").set(NAME, KEY)
    assert list(memory.entries) == [("Brankas-test", NAME)]
    assert KeyringDeviceKeyStore().get(NAME) is None


def test_deleting_a_missing_entry_is_not_an_error(memory: MemoryBackend) -> None:
    KeyringDeviceKeyStore().delete(NAME)


def test_a_damaged_entry_is_reported(memory: MemoryBackend) -> None:
    memory.entries[("Brankas", NAME)] = "not base64 at all!"
    with pytest.raises(DeviceKeyUnavailable, match="damaged"):
        KeyringDeviceKeyStore().get(NAME)


@pytest.mark.parametrize(
    "error",
    [
        NoKeyringError("no backend"),
        KeyringLocked("locked"),
        KeyringError("D-Bus went away"),
        RuntimeError("secretstorage exploded"),
        PasswordDeleteError("denied"),
    ],
)
def test_backend_errors_become_device_key_unavailable(
    keyring_backend: None, error: Exception
) -> None:
    _use(BrokenBackend(error))
    store = KeyringDeviceKeyStore()
    with pytest.raises(DeviceKeyUnavailable):
        store.get(NAME)
    with pytest.raises(DeviceKeyUnavailable):
        store.delete(NAME)


def test_error_messages_and_logs_never_carry_the_value(
    keyring_backend: None, caplog: pytest.LogCaptureFixture
) -> None:
    _use(BrokenBackend(KeyringError("x")))
    encoded = base64.b64encode(KEY).decode("ascii")
    with pytest.raises(DeviceKeyUnavailable) as info:
        KeyringDeviceKeyStore().set(NAME, KEY)
    assert encoded not in str(info.value)
    # The backend's own message (which quotes the value) is not chained either.
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__
    assert encoded not in caplog.text
    assert "KeyringError" in caplog.text


# --- refusing insecure backends ----------------------------------------------------------


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), FakePlaintextKeyring(), SubclassOfAlt()],
    ids=["fail", "null", "keyrings.alt", "subclass-of-keyrings.alt"],
)
def test_insecure_backends_are_refused(keyring_backend: None, backend: KeyringBackend) -> None:
    assert not is_secure_backend(backend)
    _use(backend)
    store = KeyringDeviceKeyStore()
    assert not store.available()
    with pytest.raises(DeviceKeyUnavailable, match="no secure OS keyring"):
        store.set(NAME, KEY)
    with pytest.raises(DeviceKeyUnavailable):
        store.get(NAME)
    with pytest.raises(DeviceKeyUnavailable):
        store.delete(NAME)
    if isinstance(backend, MemoryBackend):
        assert backend.entries == {}  # nothing was written to the file backend


class FixedChain(chainer.ChainerBackend):
    """keyring's chainer over a given list instead of the discovered backends."""

    viable = False

    def __init__(self, members: list[KeyringBackend]) -> None:
        super().__init__()
        self._members = members

    @property
    def backends(self) -> list[KeyringBackend]:
        return self._members


def test_the_test_backends_are_never_discovered() -> None:
    discovered = set(KeyringBackend.get_viable_backends())
    assert not discovered & {MemoryBackend, BrokenBackend, FakePlaintextKeyring, FixedChain}


def test_a_chain_with_no_backends_is_refused(keyring_backend: None) -> None:
    _use(FixedChain([]))
    assert not is_secure_backend(keyring.get_keyring())
    assert not KeyringDeviceKeyStore().available()


def test_a_chain_of_insecure_backends_is_refused(keyring_backend: None) -> None:
    _use(FixedChain([FakePlaintextKeyring(), null.Keyring()]))
    with pytest.raises(DeviceKeyUnavailable, match=r"keyrings\.alt\.file\.FakePlaintextKeyring"):
        KeyringDeviceKeyStore().set(NAME, KEY)


def test_from_a_chain_only_the_secure_member_is_used(keyring_backend: None) -> None:
    plaintext, secure = FakePlaintextKeyring(), MemoryBackend()
    _use(FixedChain([plaintext, null.Keyring(), secure]))
    store = KeyringDeviceKeyStore()
    assert store.available()
    store.set(NAME, KEY)
    assert plaintext.entries == {}
    assert ("Brankas", NAME) in secure.entries
    assert store.get(NAME) == KEY


def test_no_os_keyring_at_all_is_unavailable(
    keyring_backend: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode() -> KeyringBackend:
        raise NoKeyringError("nothing here")

    monkeypatch.setattr(keyring, "get_keyring", explode)
    assert not KeyringDeviceKeyStore().available()
    with pytest.raises(DeviceKeyUnavailable, match="could not be loaded"):
        KeyringDeviceKeyStore().get(NAME)


# --- Windows: local machine, never roaming -----------------------------------------------


class _Persistence:
    """Mimics keyring's Windows ``Persistence`` descriptor."""

    names: ClassVar[dict[str, int]] = {"session": 1, "local machine": 2, "enterprise": 3}

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        return self if obj is None else getattr(obj, "_persist", 3)

    def __set__(self, obj: Any, value: Any) -> None:
        obj._persist = self.names[value] if isinstance(value, str) else value


class FakeWinVault(MemoryBackend):
    persist = _Persistence()


class StubbornWinVault(MemoryBackend):
    """A backend whose persistence cannot be changed."""

    @property
    def persist(self) -> int:
        return 3

    @persist.setter
    def persist(self, value: Any) -> None:
        raise ValueError("read-only")


def test_windows_credentials_are_kept_on_the_local_machine() -> None:
    backend = FakeWinVault()
    assert backend.persist == 3  # like keyring's default: CRED_PERSIST_ENTERPRISE, roams
    _pin_local_machine(backend, platform="win32")
    assert backend.persist == 2  # CRED_PERSIST_LOCAL_MACHINE


def test_persistence_is_left_alone_off_windows() -> None:
    backend = FakeWinVault()
    _pin_local_machine(backend, platform="linux")
    assert backend.persist == 3


def test_a_backend_without_persistence_is_fine_on_windows() -> None:
    _pin_local_machine(MemoryBackend(), platform="win32")


def test_a_windows_backend_that_would_roam_is_refused() -> None:
    with pytest.raises(DeviceKeyUnavailable, match="this PC only"):
        _pin_local_machine(StubbornWinVault(), platform="win32")


@pytest.mark.skipif(sys.platform != "win32", reason="only Windows pins persistence")
def test_the_store_pins_persistence_on_windows(keyring_backend: None) -> None:
    backend = FakeWinVault()
    _use(backend)
    KeyringDeviceKeyStore().set(NAME, KEY)
    assert backend.persist == 2


# --- a real Secret Service ---------------------------------------------------------------

REAL_CHILD = """
import json, shutil, subprocess, sys
import keyring
from brankas.core.keystore import KeyringDeviceKeyStore
store = KeyringDeviceKeyStore(service="BrankasTest")
result = {"backend": type(keyring.get_keyring()).__module__, "available": store.available()}
key = bytes(range(32))
store.set("vault/device", key)
result["read_back"] = store.get("vault/device") == key
# Ask the Secret Service directly (not through keyring) what it holds, if we can.
result["secret_tool"] = shutil.which("secret-tool") and subprocess.run(
    ["secret-tool", "lookup", "service", "BrankasTest", "username", "vault/device"],
    capture_output=True, text=True,
).stdout.strip()
store.delete("vault/device")
result["after_delete"] = store.get("vault/device")
store.delete("vault/device")
print(json.dumps(result))
"""


@pytest.mark.secret_service
def test_a_real_secret_service_stores_reads_and_deletes(tmp_path: Path) -> None:
    missing = [
        tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None
    ]
    if missing:
        reason = f"needs {', '.join(missing)} (apt-get install gnome-keyring dbus-bin)"
        print(reason)
        pytest.skip(reason)
    # A throw-away home and runtime dir, and a fresh session bus: the keyring created
    # here is not the developer's, and the developer's is unreachable from here.
    home, runtime = tmp_path / "home", tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    script = tmp_path / "child.py"
    script.write_text(REAL_CHILD, encoding="utf-8")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "LANG": "C.UTF-8",
    }
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    command = (
        'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" "$1"'
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", command, sys.executable, str(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["secret_tool"] is None:  # libsecret-tools not installed: skip that check
        result["secret_tool"] = base64.b64encode(bytes(range(32))).decode("ascii")
    assert result == {
        "backend": "keyring.backends.SecretService",
        "available": True,
        "read_back": True,
        "secret_tool": base64.b64encode(bytes(range(32))).decode("ascii"),
        "after_delete": None,
    }
