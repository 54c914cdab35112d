"""Child for the vault.keys crash test: change the password back and forth until killed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.secret import Secret
from brankas.core.vault import operators
from brankas.core.vault.vault import Vault


def main(args: dict[str, object]) -> None:
    policy = KdfPolicy(**args["policy"])  # type: ignore[arg-type]
    a, b = str(args["a"]), str(args["b"])
    current = a if args["start"] == "a" else b
    vault = Vault.unlock(
        Path(str(args["folder"])), str(args["user"]), Secret(current), policy=policy
    )
    print("ready", flush=True)
    for n in range(1, 100_000):
        new = b if current == a else a
        operators.change_password(vault, Secret(current), Secret(new))
        current = new
        print(f"ack {n} {'a' if current == a else 'b'}", flush=True)


if __name__ == "__main__":
    main(json.loads(sys.argv[2]))
