"""What every service function needs: the open vault's connection, who acts, a clock, audit."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from brankas.core.audit import AuditKind
from brankas.core.domain.calendar import local_date
from brankas.core.errors import PermissionDenied
from brankas.core.storage.db import Connection, transaction
from brankas.core.vault.vault import Vault

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ServiceContext:
    """Binds services to an open vault. Every write goes through :meth:`tx`, so a domain
    operation and its audit events commit together or not at all."""

    def __init__(self, vault: Vault, *, clock: Clock = _utc_now) -> None:
        self.vault = vault
        self._clock = clock

    @property
    def conn(self) -> Connection:
        """The vault connection (raises VaultLocked once locked)."""
        return self.vault.conn

    @property
    def operator_id(self) -> str | None:
        """Who acts (None in a recovery-kit session)."""
        op = self.vault.operator
        return op.id if op else None

    def now(self) -> datetime:
        """The current time (UTC, timezone-aware); tests inject a fixed clock."""
        return self._clock()

    def today(self) -> date:
        """Today's date on the office calendar (WIB)."""
        return local_date(self._clock())

    @contextmanager
    def tx(self) -> Iterator[Connection]:
        """One transaction (nested calls become savepoints)."""
        with transaction(self.conn) as c:
            yield c

    def audit(
        self, kind: AuditKind | str, target: str = "", detail: Mapping[str, Any] | None = None
    ) -> None:
        """Record an audit event; call inside :meth:`tx`. Never pass a secret in ``detail``."""
        self.vault.audit.record(
            kind, operator_id=self.operator_id, target=target, detail=detail, at=self.now()
        )

    def require_admin(self) -> None:
        """Raise PermissionDenied unless an admin acts."""
        op = self.vault.operator
        if op is None or not op.is_admin:
            raise PermissionDenied("this needs an admin")
