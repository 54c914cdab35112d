"""Storage for the optional "remember on this PC" device key in the OS keyring."""

from __future__ import annotations

import base64
import binascii
import inspect
import logging
import sys
from typing import Any, Final, Protocol, runtime_checkable

from brankas.core.errors import DeviceKeyUnavailable

# ``keyring`` is imported where a keyring is actually used (~25-40 ms with its entry-point
# machinery): unlocking with a password, and every brankas-cli run, never need it.

log = logging.getLogger(__name__)

DEFAULT_SERVICE: Final = "Brankas"
# win32cred.CRED_PERSIST_LOCAL_MACHINE: kept on this PC for this user, never roamed to
# other PCs with a domain profile (CRED_PERSIST_ENTERPRISE, keyring's default, roams).
_CRED_PERSIST_LOCAL_MACHINE: Final = 2
# Backends that keep secrets in plain or merely encoded files, or nowhere.
_INSECURE_MODULE_PREFIXES: Final = ("keyrings.alt",)


@runtime_checkable
class DeviceKeyStore(Protocol):
    """Where device keys live; values are raw bytes, names are not secret."""

    def get(self, name: str) -> bytes | None:
        """Return the value stored under ``name``, or None if there is none.

        Raises:
            DeviceKeyUnavailable: the store cannot be used (or the value is damaged).
        """
        ...

    def set(self, name: str, value: bytes) -> None:
        """Store ``value`` under ``name``, replacing any earlier value.

        Raises:
            DeviceKeyUnavailable: the store cannot be used.
        """
        ...

    def delete(self, name: str) -> None:
        """Remove ``name``; removing a name that is not there is not an error.

        Raises:
            DeviceKeyUnavailable: the store cannot be used.
        """
        ...

    def available(self) -> bool:
        """Whether this store can be used on this PC right now."""
        ...


class MemoryDeviceKeyStore:
    """A process-local store for tests and for PCs where remembering is switched off."""

    def __init__(self, *, available: bool = True) -> None:
        """Create an empty store; ``available=False`` makes every call fail like a PC
        without a keyring."""
        self._values: dict[str, bytes] = {}
        self._available = available

    def get(self, name: str) -> bytes | None:
        """Return the value stored under ``name``, or None."""
        self._check(name)
        return self._values.get(name)

    def set(self, name: str, value: bytes) -> None:
        """Store a copy of ``value`` under ``name``."""
        self._check(name)
        self._values[name] = _require_bytes(value)

    def delete(self, name: str) -> None:
        """Remove ``name`` if present."""
        self._check(name)
        self._values.pop(name, None)

    def available(self) -> bool:
        """Whether the store was created available."""
        return self._available

    def _check(self, name: str) -> None:
        _require_name(name)
        if not self._available:
            raise DeviceKeyUnavailable("remembering this PC is not available")


class KeyringDeviceKeyStore:
    """Device keys in the OS keyring through the ``keyring`` package.

    Values are stored base64-encoded under ``(service, name)``. Only a backend that
    keeps secrets encrypted by the OS is used (Windows Credential Manager, macOS
    Keychain, Secret Service, KWallet): keyring's ``fail`` and ``null`` backends and
    every ``keyrings.alt`` file backend are refused, and from a chain only its secure
    members are used. On Windows the credential is kept on the local machine only.
    """

    def __init__(self, service: str = DEFAULT_SERVICE) -> None:
        """Use the OS keyring under ``service``.

        Args:
            service: the keyring service name the entries are filed under.
        """
        if not service:
            raise ValueError("a keyring service name is required")
        self._service = service

    @property
    def service(self) -> str:
        """The keyring service name."""
        return self._service

    def get(self, name: str) -> bytes | None:
        """Return the device key stored under ``name``, or None if there is none.

        Args:
            name: the entry's name (not secret), e.g. vault id and slot id.

        Returns:
            The stored bytes, or None.

        Raises:
            DeviceKeyUnavailable: no secure keyring, the keyring failed, or the stored
                value is damaged.
        """
        _require_name(name)
        backend = _secure_backend()
        try:
            text = backend.get_password(self._service, name)
        except Exception as exc:  # any backend failure (D-Bus, locked, denied) means the same
            raise _failed("read", exc) from None
        if text is None:
            return None
        try:
            return base64.b64decode(str(text).encode("ascii"), validate=True)
        except (UnicodeEncodeError, binascii.Error):
            raise DeviceKeyUnavailable("the device key stored in the keyring is damaged") from None

    def set(self, name: str, value: bytes) -> None:
        """Store ``value`` under ``name``, replacing any earlier value.

        Args:
            name: the entry's name (not secret).
            value: the device key.

        Raises:
            DeviceKeyUnavailable: no secure keyring, or the keyring failed.
        """
        _require_name(name)
        text = base64.b64encode(_require_bytes(value)).decode("ascii")
        backend = _secure_backend()
        try:
            backend.set_password(self._service, name, text)
        except Exception as exc:  # the backend's message might quote the value: not kept
            raise _failed("store", exc) from None

    def delete(self, name: str) -> None:
        """Remove the entry ``name``; a missing entry is not an error.

        Args:
            name: the entry's name (not secret).

        Raises:
            DeviceKeyUnavailable: no secure keyring, or the keyring failed.
        """
        _require_name(name)
        backend = _secure_backend()
        try:
            backend.delete_password(self._service, name)
        except Exception as exc:
            # keyring signals "nothing to delete" with PasswordDeleteError, like a failure;
            # tell them apart by looking.
            try:
                still_there = backend.get_password(self._service, name) is not None
            except Exception:
                still_there = True
            if still_there:
                raise _failed("delete", exc) from None

    def available(self) -> bool:
        """Whether a secure OS keyring can be used (does not read any entry)."""
        try:
            _secure_backend()
        except DeviceKeyUnavailable:
            return False
        return True


def is_secure_backend(backend: Any) -> bool:
    """Whether a ``keyring`` backend keeps secrets protected by the OS.

    Args:
        backend: a ``keyring.backend.KeyringBackend`` instance (a chain is not secure
            in itself: look at its members).

    Returns:
        False for keyring's ``fail``, ``null`` and chainer backends and for any class
        from ``keyrings.alt``; True otherwise.
    """
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring | chainer.ChainerBackend):
        return False
    return not any(
        klass.__module__.startswith(_INSECURE_MODULE_PREFIXES) for klass in type(backend).__mro__
    )


def _secure_backend() -> Any:
    """Return the keyring backend to use, set up for this platform."""
    try:
        import keyring
        from keyring.backends import chainer

        current = keyring.get_keyring()
        members = (
            list(current.backends) if isinstance(current, chainer.ChainerBackend) else [current]
        )
    except Exception as exc:
        log.warning("OS keyring could not be loaded (%s)", type(exc).__name__)
        raise DeviceKeyUnavailable("the OS keyring could not be loaded") from None
    for backend in members:
        if is_secure_backend(backend):
            _pin_local_machine(backend)
            return backend
    names = ", ".join(type(b).__module__ + "." + type(b).__name__ for b in members) or "none"
    raise DeviceKeyUnavailable(f"no secure OS keyring is available (found: {names})")


def _pin_local_machine(backend: Any, platform: str = sys.platform) -> None:
    """Keep Windows Credential Manager entries on this PC, never roaming.

    keyring's WinVaultKeyring exposes ``persist`` (default ``CRED_PERSIST_ENTERPRISE``,
    which roams with a domain profile); it accepts ``"local machine"``.
    """
    if platform != "win32":
        return
    if inspect.getattr_static(type(backend), "persist", None) is None:
        return
    try:
        backend.persist = "local machine"
        pinned = backend.persist == _CRED_PERSIST_LOCAL_MACHINE
    except Exception:
        pinned = False
    if not pinned:
        raise DeviceKeyUnavailable("the keyring cannot keep the device key on this PC only")


def _failed(action: str, exc: BaseException) -> DeviceKeyUnavailable:
    # Only the exception's type is kept: a backend's message could quote the value.
    log.warning("OS keyring failed to %s a device key (%s)", action, type(exc).__name__)
    return DeviceKeyUnavailable(f"the OS keyring failed to {action} the device key")


def _require_name(name: object) -> None:
    if not isinstance(name, str) or not name:
        raise ValueError("a device key needs a non-empty name")


def _require_bytes(value: object) -> bytes:
    if not isinstance(value, bytes | bytearray):
        raise TypeError("a device key is bytes")
    return bytes(value)
