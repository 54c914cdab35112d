"""What the wizard's pages collect, shared between them."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from brankas.core.crypto.recovery import GROUPS
from brankas.gui.wizard.flow import Choice

if TYPE_CHECKING:
    from brankas.core.vault.vault import Vault


@dataclass(slots=True)
class WizardState:
    """Filled in page by page; the wizard hands ``vault`` or ``existing_folder`` on."""

    choice: Choice = Choice.REGENCY
    folder: Path | None = None
    existing_folder: Path | None = None
    office_name: str = ""
    office_code: str = ""  # optional; saved with update_office right after creation
    city: str = ""
    admin_name: str = ""
    vault: Vault | None = None
    recovery_key: str = ""
    vault_id: str = ""
    created: date | None = None
    # Which kit group is typed back; chosen at random so it cannot be skipped by habit.
    kit_group: int = field(default_factory=lambda: secrets.randbelow(GROUPS) + 1)

    def forget_kit(self) -> None:
        """Drop the recovery key once it has been confirmed."""
        self.recovery_key = ""
