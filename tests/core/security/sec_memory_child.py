"""Child for the memory test: unlock, reveal a canary, lock, and wait to be scanned."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.secret import Secret
from brankas.core.storage.repos import secrets as secret_repo
from brankas.core.vault.vault import Vault


def main() -> None:
    a = json.loads(sys.argv[1])
    vault = Vault.unlock(
        Path(a["folder"]), a["user"], Secret(a["password"]), policy=KdfPolicy(**a["policy"])
    )
    found = secret_repo.get_secrets(vault.conn, a["account_id"])
    assert found is not None and found.password is not None
    shown = found.password.reveal()  # what the reveal button puts in a Python str
    print("revealed", len(shown), flush=True)
    sys.stdin.readline()  # the parent scans while the vault is open (control)
    del shown, found
    vault.lock()
    gc.collect()
    print("locked", flush=True)
    sys.stdin.readline()  # the parent scans after the lock


if __name__ == "__main__":
    main()
