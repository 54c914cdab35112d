"""No secret reaches the disk in clear: canaries through create, reveal, backup, lock, close."""

from __future__ import annotations

import base64
import json
import os
import secrets
import string
from pathlib import Path

from rel_harness import Child, policy_fields

from brankas.core.crypto.kdf import KdfPolicy

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def _canary(tag: str) -> str:
    return f"KANARI{tag}{secrets.token_hex(10)}"


def _text_forms(text: str) -> set[bytes]:
    return {text.encode(enc) for enc in ENCODINGS}


def _bytes_forms(raw: bytes) -> set[bytes]:
    """A key as raw bytes and as the texts a careless program would write it in."""
    texts = {
        raw.hex(),
        raw.hex().upper(),
        base64.b64encode(raw).decode(),
        base64.b64encode(raw).decode().rstrip("="),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
    }
    return {raw} | {form for t in texts for form in _text_forms(t)}


def _files(*roots: Path) -> list[Path]:
    return sorted({p for root in roots for p in root.rglob("*") if p.is_file()})


def _hits(files: list[Path], needles: dict[str, set[bytes]]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for name, forms in needles.items():
            if any(form in data for form in forms):
                found.append(f"{name} in {path}")
    return found


def _make_canaries() -> dict[str, object]:
    base32 = string.ascii_uppercase + "234567"
    return {
        "office_name": "Kantor " + _canary("office"),
        "admin_name": "Admin " + _canary("admin"),
        "admin_password": _canary("adminpw") + " kata sandi é✓",
        "operator_name": "Operator " + _canary("opname"),
        "operator_password": _canary("oppw") + " ñ sandi",
        "accounts": [
            {
                "handle": _canary(f"handle{i}"),
                "password": _canary(f"pw{i}") + "-Ü€",
                "old_password": _canary(f"old{i}"),
                "totp": "".join(secrets.choice(base32) for _ in range(32)),
                "backup_codes": "\n".join(_canary(f"code{i}x{j}") for j in range(5)),
                "notes": f"Catatan rahasia {_canary(f'note{i}')} — jangan dibagikan",
            }
            for i in range(3)
        ],
    }


def _secret_needles(c: dict[str, object], known: dict[str, str]) -> dict[str, set[bytes]]:
    needles: dict[str, set[bytes]] = {
        "admin password": _text_forms(str(c["admin_password"])),
        "operator password": _text_forms(str(c["operator_password"])),
        "recovery key": _text_forms(known["recovery_key"])
        | _text_forms(known["recovery_key"].replace("-", "")),
        "recovery secret": _bytes_forms(bytes.fromhex(known["recovery_secret"])),
        "VK": _bytes_forms(bytes.fromhex(known["vk"])),
        "SQLCipher key": _bytes_forms(bytes.fromhex(known["db_key"])),
    }
    accounts = c["accounts"]
    assert isinstance(accounts, list)
    for i, a in enumerate(accounts):
        needles[f"password {i}"] = _text_forms(a["password"])
        needles[f"old password {i}"] = _text_forms(a["old_password"])
        needles[f"TOTP secret {i}"] = _text_forms(a["totp"])
        needles[f"notes {i}"] = _text_forms(a["notes"].split()[2])
        for j, code in enumerate(a["backup_codes"].split("\n")):
            needles[f"backup code {i}.{j}"] = _text_forms(code)
    return needles


def _name_needles(c: dict[str, object]) -> dict[str, set[bytes]]:
    """Not secrets, but they live only inside the encrypted database (DESIGN.md: no
    operator names in clear in vault.keys)."""
    accounts = c["accounts"]
    assert isinstance(accounts, list)
    needles = {k: _text_forms(str(c[k]).split()[1]) for k in ("admin_name", "operator_name")}
    needles["office name"] = _text_forms(str(c["office_name"]).split()[1])
    needles.update({f"handle {i}": _text_forms(a["handle"]) for i, a in enumerate(accounts)})
    return needles


def test_rel_scanner_finds_a_planted_canary(tmp_path: Path) -> None:
    secret = _canary("planted")
    (tmp_path / "a.bin").write_bytes(b"\x00junk" + secret.encode("utf-16-be") + b"junk")
    assert _hits(_files(tmp_path), {"planted": _text_forms(secret)}) == [
        f"planted in {tmp_path / 'a.bin'}"
    ]


def test_rel_no_secret_is_written_in_clear(tmp_path: Path, fast_policy: KdfPolicy) -> None:
    tmpdir, home, logs = tmp_path / "tmp", tmp_path / "home", tmp_path / "logs"
    for d in (tmpdir, home, logs):
        d.mkdir()
    folder = tmp_path / "vault"
    env = {
        **os.environ,
        "TMPDIR": str(tmpdir),
        "SQLITE_TMPDIR": str(tmpdir),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
    }
    c = _make_canaries()
    args = {
        "folder": str(folder),
        "policy": policy_fields(fast_policy),
        "kdf": {"memory_kib": 64, "time_cost": 1, "parallelism": 1},
        "log_file": str(logs / "brankas-debug.log"),
        "journal_copy": str(tmpdir / "vault.db-journal.copy"),
    }
    child = Child("canary", args, stdin=json.dumps(c) + "\n", env=env)
    assert child.finish() == 0, child.stderr_text()
    known = json.loads(child.lines[-1])

    files = _files(tmp_path)
    names = {p.name for p in files}
    # The scan must have seen what it claims to cover.
    assert {"vault.db", "vault.keys", "vault.keys.2", "backup.json"} <= names
    backups = [p for p in files if p.name == "vault.db" and "backups" in p.parts]
    assert len(backups) >= 3  # created, "canary", close
    assert (logs / "brankas-debug.log").stat().st_size > 0  # debug logging was on
    assert (tmpdir / "vault.db-journal.copy").stat().st_size > 4096  # a mid-write journal

    needles = _secret_needles(c, known)
    assert _hits(files, needles) == []
    assert not any(form in child.stderr_text().encode() for f in needles.values() for form in f)
    vault_files = _files(folder)
    assert _hits(vault_files, _name_needles(c)) == []

    # And explicitly: the key tables (live and in backups) hold no password and no VK.
    key_tables = [p for p in vault_files if p.name.startswith("vault.keys")]
    assert len(key_tables) >= 5
    wanted = {k: needles[k] for k in ("admin password", "operator password", "VK")}
    assert _hits(key_tables, wanted) == []
