"""An unlocked session: the open vault plus the services pages use (runner, clipboard)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from brankas.core.vault.vault import CurrentOperator, Vault
from brankas.gui.clipboard import ClipboardService
from brankas.gui.context import AppContext
from brankas.gui.workers import JobRunner


def office_name(vault: Vault) -> str:
    """The name of the office that owns the vault ("" if it has none)."""
    row = vault.conn.execute("SELECT name FROM office ORDER BY id LIMIT 1").fetchone()
    return str(row[0]) if row else ""


def operator_names(vault: Vault) -> dict[str, str]:
    """Every operator id (removed ones too, for the audit log) to their name."""
    return {str(r[0]): str(r[1]) for r in vault.conn.execute("SELECT id, name FROM operator")}


@dataclass(frozen=True, slots=True)
class Session:
    """What a page needs while the vault is unlocked. Built by the controller on unlock
    and dropped on lock; pages must not keep it afterwards."""

    ctx: AppContext
    vault: Vault
    office_name: str
    runner: JobRunner
    clipboard: ClipboardService

    def office_renamed(self, name: str) -> None:
        """The office was renamed during this session. Its name is the one thing a session
        shows that the operator can change, so it alone is updated in place (every page
        holds this same object)."""
        object.__setattr__(self, "office_name", name)

    @property
    def folder(self) -> Path:
        """The vault folder."""
        return self.vault.folder

    @property
    def operator(self) -> CurrentOperator:
        """Who unlocked (a recovery session becomes an admin's before reaching here)."""
        op = self.vault.operator
        assert op is not None, "sessions are built only for operator unlocks"
        return op

    @property
    def is_admin(self) -> bool:
        """Whether the operator is an admin."""
        return self.operator.is_admin
