"""Re-check the signed-in admin's password before an archive-key change (run it in the worker)."""

from __future__ import annotations

from brankas.core.secret import Secret
from brankas.core.vault import operators
from brankas.core.vault.vault import Vault


def verify_admin_password(vault: Vault, password: Secret) -> None:
    """Check that the acting operator is an admin and ``password`` is theirs (Argon2id: slow).

    Raises:
        PermissionDenied: the operator is not an admin.
        WrongPassword: the password does not open their slot.
    """
    vault.require_admin()
    operators.verify_password(vault, password)
