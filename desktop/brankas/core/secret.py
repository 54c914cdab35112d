"""A wrapper that keeps secret values out of repr, str, logs and tracebacks."""

from __future__ import annotations

import hmac
from typing import Final

_MASK: Final = "***"


class Secret:
    """Holds a secret str or bytes; ``repr``/``str`` show ``***``.

    Python cannot guarantee that a str is wiped from memory; bytes given as a
    ``bytearray`` are zeroed by :meth:`wipe`. The wrapper's job is to stop
    accidental disclosure (logging, exception messages, debugger reprs).
    """

    __slots__ = ("_value",)

    def __init__(self, value: str | bytes | bytearray) -> None:
        self._value: str | bytearray | None = (
            bytearray(value) if isinstance(value, bytes | bytearray) else value
        )

    def reveal(self) -> str:
        """Return the secret as text (UTF-8 decoded if it was given as bytes)."""
        v = self._require()
        return v if isinstance(v, str) else bytes(v).decode("utf-8")

    def reveal_bytes(self) -> bytes:
        """Return the secret as bytes (UTF-8 encoded if it was given as text)."""
        v = self._require()
        return v.encode("utf-8") if isinstance(v, str) else bytes(v)

    def wipe(self) -> None:
        """Zero the bytes (if held as a bytearray) and drop the reference."""
        if isinstance(self._value, bytearray):
            self._value[:] = b"\x00" * len(self._value)
        self._value = None

    def __bool__(self) -> bool:
        return bool(self._value)

    def __len__(self) -> int:
        return len(self._value) if self._value is not None else 0

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self.reveal_bytes(), other.reveal_bytes())

    def __hash__(self) -> int:  # secrets are not dict keys
        raise TypeError("Secret is not hashable")

    def __repr__(self) -> str:
        return f"Secret({_MASK})"

    __str__ = __repr__

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("Secret cannot be pickled")

    def _require(self) -> str | bytearray:
        if self._value is None:
            raise ValueError("secret was wiped")
        return self._value
