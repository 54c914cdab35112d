"""Canary scan of a whole scripted session through brankas-cli: demo vault, accounts with
canary passwords, reveal, handover, province key, signed archive export, register export.

Every process runs with HOME, TMPDIR and XDG_* pointed into one folder; afterwards every
file in it, and every stderr (and every stdout except the reveal's, which shows the password
by design), is searched for the canaries as UTF-8 and UTF-16: none may be found.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX environment")
CLI = str(Path(sys.executable).with_name("brankas-cli"))


def _forms(text: str) -> set[bytes]:
    return {text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")}


def test_sec_no_canary_outside_the_vault_after_a_full_cli_session(tmp_path: Path) -> None:
    root = tmp_path / "sesi"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):  # fmt: skip
        (root / var.lower()).mkdir(parents=True)
        env[var] = str(root / var.lower())
    vault_pw = "KANARIVAULT" + secrets.token_hex(8)
    prov_pw = "KANARIPROV" + secrets.token_hex(8)
    account_pws = ["KANARIAKUN" + secrets.token_hex(8) for _ in range(3)]
    canaries = [vault_pw, prov_pw, *account_pws]
    outputs: list[bytes] = []

    def cli(*args: str, stdin: str, keep_stdout: bool = True) -> str:
        done = subprocess.run([CLI, *args], input=stdin.encode(), capture_output=True,
                              env=env, cwd=root, check=False, timeout=120)  # fmt: skip
        outputs.append(done.stderr)
        if keep_stdout:
            outputs.append(done.stdout)
        assert done.returncode == 0, (args[:2], done.stderr.decode(errors="replace")[-800:])
        return done.stdout.decode()

    vault, prov = root / "vault", root / "provinsi"
    me = ["--vault", str(vault), "-u", "Admin Contoh", "--password-stdin"]
    cli("demo", "--password-stdin", str(vault), stdin=f"{vault_pw}\n{vault_pw}\n")
    ids = []
    for i, pw in enumerate(account_pws):
        out = cli("accounts", "add", *me, "--platform", "instagram", "--handle", f"kanari_{i}",
                  "--with-password", "--term", "1", "--kecamatan", "1", stdin=f"{vault_pw}\n{pw}\n")  # fmt: skip
        ids.append(out.split()[0])
    shown = cli("accounts", "show", *me, "--reveal", "--reason", "uji", ids[0],
                stdin=f"{vault_pw}\n", keep_stdout=False)  # fmt: skip
    assert account_pws[0] in shown  # control: the reveal really showed it
    # The handover parties: a regency official hands over to kecamatan 1's ketua.
    v = Vault.unlock(vault, "Admin Contoh", Secret(vault_pw))
    try:
        official = v.conn.execute("SELECT min(id) FROM person WHERE role='official'").fetchone()[0]
        ketua = v.conn.execute(
            "SELECT min(id) FROM person WHERE role='ketua' AND kecamatan_id=1"
        ).fetchone()[0]
    finally:
        v.close()
    cli("handover", *me, "--kind", "issue", "--term", "1", "--first-party", str(official),
        "--second-party", str(ketua), "--accounts", ",".join(ids), stdin=f"{vault_pw}\n")  # fmt: skip
    cli("init", "--vault", str(prov), "--password-stdin", "--office", "Bawaslu Provinsi Contoh",
        "--kind", "province", "--admin", "Admin Prov", "--kdf-memory-mib", "64", "--kdf-time", "3",
        stdin=f"{prov_pw}\n{prov_pw}\n")  # fmt: skip
    cli("province", "key", "--vault", str(prov), "-u", "Admin Prov", "--password-stdin",
        "--out", str(root / "provinsi.pub"), stdin=f"{prov_pw}\n")  # fmt: skip
    cli("keys", "set-province", *me, str(root / "provinsi.pub"), stdin=f"{vault_pw}\n")
    (root / "keluar").mkdir()
    cli("archive", "export", *me, "--term", "1", "--out", str(root / "keluar"),
        "--no-cover-sheet", stdin=f"{vault_pw}\n")  # fmt: skip
    cli("export", "register", *me, str(root / "keluar" / "register.xlsx"),
        stdin=f"{vault_pw}\n")  # fmt: skip
    assert any(p.suffix == ".brankas" for p in (root / "keluar").iterdir())

    needles = {c: _forms(c) for c in canaries}
    files = sorted(p for p in root.rglob("*") if p.is_file())
    assert len(files) > 10
    found = []
    for path in files:
        data = path.read_bytes()
        found += [(str(path.relative_to(root)), c[:12]) for c, forms in needles.items()
                  if any(f in data for f in forms)]  # fmt: skip
    for i, out in enumerate(outputs):
        found += [(f"output {i}", c[:12]) for c, forms in needles.items()
                  if any(f in out for f in forms)]  # fmt: skip
    assert found == [], found
