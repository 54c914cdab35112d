"""Re-check the signed-in admin's password before an archive-key change (run it in the worker)."""

from __future__ import annotations

from brankas.core.errors import UnknownOperator, WrongPassword
from brankas.core.keys import slots as sl
from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault

# TODO(integrator): this belongs in brankas.core.vault.operators (e.g. verify_password);
# the archive engineer does not own that module, so it lives here for now.


def verify_admin_password(vault: Vault, password: Secret) -> None:
    """Check that ``password`` opens the acting admin's own key slot (Argon2id: slow).

    Raises:
        PermissionDenied: the operator is not an admin.
        WrongPassword: the password does not open the slot.
        UnknownOperator: the operator's slot is gone.
    """
    op = vault.require_admin()
    slot = next((s for s in vault.table.operator_slots() if s.id == op.id), None)
    if slot is None:
        raise UnknownOperator("no such operator")
    if not password:
        raise WrongPassword("no password given")
    sl.operator_private_key(
        vault.vault_id, slot, sl.operator_wrap_key(password, slot, vault.policy)
    )
