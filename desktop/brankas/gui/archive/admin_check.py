"""Re-check the signed-in admin's password before an archive-key change (run it in the worker)."""

from __future__ import annotations

from brankas.core.secret import Secret
from brankas.core.vault.operators import verify_password
from brankas.core.vault.vault import Vault


def verify_admin_password(vault: Vault, password: Secret) -> None:
    """Check that the acting operator is an admin and that ``password`` is theirs (Argon2id:
    slow).

    Raises:
        PermissionDenied: not an admin (or no operator is signed in).
        WrongPassword: the password is wrong or empty.
    """
    vault.require_admin()
    verify_password(vault, password)
