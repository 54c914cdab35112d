"""Open an archive without Brankas, exactly as docs/archive-format.md says: unzip, minisign, age."""

from __future__ import annotations

import hashlib
import json
import os
import select
import shutil
import subprocess
from pathlib import Path

import pytest
from archive_support import MARKER_PASSWORD, Pair

from brankas.core.archive import format as fmt
from brankas.core.archive import keys
from brankas.core.archive.verify import verify_archive
from brankas.core.secret import Secret

TOOLS = {name: shutil.which(name) for name in ("unzip", "minisign", "age")}
MISSING = sorted(name for name, path in TOOLS.items() if path is None)
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"stock tools not installed: {', '.join(MISSING)} (tools/bootstrap.sh test)",
)


def _run(args: list[str], cwd: Path, **kw: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, **kw)  # type: ignore[call-overload]
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done  # type: ignore[no-any-return]


def test_stock_tools_open_an_archive_like_brankas_does(pair: Pair, tmp_path: Path) -> None:
    result = pair.export(passphrase=None)
    work = tmp_path / "tanpa-brankas"
    work.mkdir()
    # 1. unzip the container.
    _run(["unzip", "-q", str(result.path), "-d", "arsip"], work)
    arsip = work / "arsip"
    assert sorted(p.name for p in arsip.iterdir()) == [fmt.MANIFEST, fmt.SIGNATURE, fmt.PAYLOAD]
    manifest = json.loads((arsip / fmt.MANIFEST).read_text("utf-8"))
    # 2. the signature, with the public key from the regency's letter (here: its vault).
    public = keys.signing_public_key(pair.regency.conn)
    assert manifest["signer"]["public_key"] == public.to_base64()
    done = _run(
        ["minisign", "-V", "-H", "-x", fmt.SIGNATURE, "-m", fmt.MANIFEST, "-P", public.to_base64()],
        arsip,
    )
    assert f"Trusted comment: {result.manifest.trusted_comment}" in done.stdout
    # 3. the payload's hash, as the signed manifest says.
    payload = (arsip / fmt.PAYLOAD).read_bytes()
    assert hashlib.sha256(payload).hexdigest() == manifest["payload"]["sha256"]
    # 4. decrypt with the province's identity, then unzip the plaintext.
    identity = keys.reveal_own_identity(pair.province, reason="uji alat standar")
    ident_file = work / "provinsi.key"
    ident_file.write_text(identity.reveal() + "\n")
    ident_file.chmod(0o600)
    _run(["age", "-d", "-i", str(ident_file), "-o", "payload.zip", str(arsip / fmt.PAYLOAD)], work)
    _run(["unzip", "-q", "payload.zip", "-d", "isi"], work)
    isi = work / "isi"
    names = sorted(p.name for p in isi.iterdir())
    assert names == sorted([fmt.MANIFEST, fmt.DATA, fmt.AUDIT, fmt.SECRETS])
    for entry in manifest["contents"]:
        body = (isi / entry["name"]).read_bytes()
        assert hashlib.sha256(body).hexdigest() == entry["sha256"] and len(body) == entry["size"]
    inner = json.loads((isi / fmt.MANIFEST).read_text("utf-8"))
    assert inner == {**manifest, "payload": None, "passphrase_payload": None}
    # 5. what the tools give is what Brankas reads.
    brankas = verify_archive(result.path, identity=pair.identity)
    assert json.loads((isi / fmt.DATA).read_text("utf-8")) == brankas.data
    secrets_doc = json.loads((isi / fmt.SECRETS).read_text("utf-8"))
    assert brankas.secrets is not None
    assert {a["account_id"]: a["password"] for a in secrets_doc["accounts"]} == {
        k: v.password.reveal() if v.password else None for k, v in brankas.secrets.items()
    }
    assert MARKER_PASSWORD in {a["password"] for a in secrets_doc["accounts"]}
    lines = (isi / fmt.AUDIT).read_text("utf-8").splitlines()
    assert [json.loads(x)["hash"] for x in lines] == [e.hash.hex() for e in brankas.audit_events]
    assert lines and json.loads(lines[-1])["hash"] == manifest["audit_head"]


def test_stock_tools_refuse_a_tampered_archive(pair: Pair, tmp_path: Path) -> None:
    result = pair.export()
    _run(["unzip", "-q", str(result.path), "-d", "arsip"], tmp_path)
    arsip = tmp_path / "arsip"
    text = (arsip / fmt.MANIFEST).read_text("utf-8").replace('"seq": 1', '"seq": 2')
    (arsip / fmt.MANIFEST).write_text(text, "utf-8")
    public = keys.signing_public_key(pair.regency.conn).to_base64()
    bad = subprocess.run(
        ["minisign", "-V", "-x", fmt.SIGNATURE, "-m", fmt.MANIFEST, "-P", public],
        cwd=arsip,
        capture_output=True,
        check=False,
    )
    assert bad.returncode != 0
    wrong = tmp_path / "salah.key"
    wrong.write_text(keys.own_identity(pair.regency.conn).reveal() + "\n")
    refused = subprocess.run(
        ["age", "-d", "-i", str(wrong), str(arsip / fmt.PAYLOAD)], capture_output=True, check=False
    )
    assert refused.returncode != 0 and refused.stdout == b""


def _age_with_passphrase(args: list[str], passphrase: str) -> int:
    """Run age in a pseudo-terminal (it reads passphrases from the terminal only)."""
    pty = pytest.importorskip("pty")
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes age
        os.execvp(TOOLS["age"] or "age", ["age", *args])  # noqa: S606 - fixed argv, no shell
    seen = b""
    sent = False
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child closed the terminal: it has finished
                break
            if not chunk:
                break
            seen += chunk
            if not sent and b"passphrase" in seen.lower():
                os.write(fd, passphrase.encode() + b"\n")
                sent = True
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_passphrase_payload_opens_with_age(pair: Pair, tmp_path: Path) -> None:
    result = pair.export(passphrase=Secret("frasa cadangan"))
    _run(["unzip", "-q", str(result.path), "-d", "arsip"], tmp_path)
    out = tmp_path / "payload.zip"
    code = _age_with_passphrase(
        ["-d", "-o", str(out), str(tmp_path / "arsip" / fmt.PASSPHRASE_PAYLOAD)], "frasa cadangan"
    )
    assert code == 0
    _run(["unzip", "-q", str(out), "-d", "isi"], tmp_path)
    brankas = verify_archive(result.path, identity=pair.identity)
    assert json.loads((tmp_path / "isi" / fmt.DATA).read_text("utf-8")) == brankas.data
