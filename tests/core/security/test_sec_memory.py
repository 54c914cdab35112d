"""After Vault.lock(): what of the vault key, the SQLCipher key and a revealed password is
still in the process's memory? Read from outside (/proc/PID/mem), so the scan adds no copies.

Best effort, reported honestly (docs/evidence.md): Brankas zeroes VK's bytearray and drops
its references on lock; CPython does not zero freed str/bytes, and SQLCipher's own copies
are its business. The test pins what holds today so a regression shows.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from brankas.core.crypto.kdf import KdfPolicy
from brankas.core.domain.enums import Platform
from brankas.core.domain.models import Account, AccountSecrets
from brankas.core.secret import Secret
from brankas.core.storage.repos import account as account_repo
from brankas.core.storage.repos import secrets as secret_repo
from brankas.core.vault.opening import db_key
from brankas.core.vault.vault import Vault

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/PID/mem")
CHILD = Path(__file__).with_name("sec_memory_child.py")
ADMIN, PASSWORD = "Admin Satu", "kata sandi admin"


def scan(pid: int, needles: dict[str, bytes]) -> dict[str, int]:
    """Occurrences of each needle in the readable memory of process ``pid``."""
    counts = dict.fromkeys(needles, 0)
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            m = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+)", line)
            if not m or m.group(3)[0] != "r" or "[vsyscall]" in line or "[vvar]" in line:
                continue
            start, end = int(m.group(1), 16), int(m.group(2), 16)
            try:
                mem.seek(start)
                chunk = mem.read(end - start)
            except OSError:
                continue
            for name, needle in needles.items():
                counts[name] += chunk.count(needle)
    return counts


def test_sec_memory_after_lock(
    make_vault: Callable[..., tuple[Vault, str]], fast_policy: KdfPolicy
) -> None:
    canary = "KANARIMEM" + os.urandom(8).hex()
    vault, _ = make_vault(admin=ADMIN, password=PASSWORD)
    acc = account_repo.add_account(vault.conn, Account(platform=Platform.X, handle="mem-test"))
    secret_repo.set_secrets(vault.conn, AccountSecrets(account_id=acc.id, password=Secret(canary)))
    vk = vault.vault_key()
    folder = vault.folder
    vault.close(backup=False)
    needles = {
        "vk": vk,
        "vk_hex": vk.hex().encode(),
        "db_key": db_key(vk),
        "db_key_hex": db_key(vk).hex().encode(),
        "canary": canary.encode(),
        "canary_utf16": canary.encode("utf-16-le"),
    }
    args = {"folder": str(folder), "user": ADMIN, "password": PASSWORD,
            "policy": dataclasses.asdict(fast_policy), "account_id": acc.id}  # fmt: skip
    proc = subprocess.Popen([sys.executable, str(CHILD), json.dumps(args)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    try:
        assert proc.stdout.readline().startswith("revealed")
        open_counts = scan(proc.pid, needles)
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().startswith("locked")
        locked_counts = scan(proc.pid, needles)
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdin, proc.stdout):
            if not pipe.closed:
                pipe.close()
    print(f"\nmemory while open: {open_counts}\nmemory after lock: {locked_counts}")
    # Control: the scan sees the revealed password while the vault is open.
    assert open_counts["canary"] >= 1
    # What Brankas itself holds is gone: VK (bytearray zeroed on lock) and its hex form.
    assert locked_counts["vk"] == 0
    assert locked_counts["vk_hex"] == 0
