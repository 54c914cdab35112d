"""The minisign format: our signatures verify with the stock tool and its signatures with us."""

from __future__ import annotations

import base64
import shutil
import string
import subprocess
from pathlib import Path

import pytest

from brankas.core.archive.minisign import (
    MinisignError,
    PublicKey,
    SigningKey,
    fingerprint,
    key_id_text,
    parse_signature,
    verify,
)

DATA = b'{"hello": "dunia"}\n'
MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(MINISIGN is None, reason="the minisign tool is not installed")


def _sign(key: SigningKey, data: bytes = DATA, comment: str = "brankas test") -> bytes:
    return key.sign(data, trusted_comment=comment, untrusted_comment="signature from brankas")


def test_sign_then_verify_returns_the_trusted_comment() -> None:
    key = SigningKey.generate()
    sig = parse_signature(_sign(key))
    assert sig.algorithm == b"ED"
    assert verify(DATA, sig, key.public_key()) == "brankas test"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("data", "signature"),
        ("comment", "trusted_comment"),
        ("key", "key_id"),
        ("same_id_other_key", "signature"),
    ],
)
def test_any_change_is_refused(change: str, reason: str) -> None:
    key = SigningKey.generate()
    raw = _sign(key)
    data, public = DATA, key.public_key()
    if change == "data":
        data = DATA.replace(b"dunia", b"duniA")
    elif change == "comment":
        raw = raw.replace(b"trusted comment: brankas test", b"trusted comment: brankas tesT")
    elif change == "key":
        public = SigningKey.generate().public_key()
    else:
        public = PublicKey(key.key_id, SigningKey.generate().public_key().key)
    with pytest.raises(MinisignError) as err:
        verify(data, parse_signature(raw), public)
    assert err.value.reason == reason


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe",
        b"untrusted comment: x\nAAAA\ntrusted comment: y\nAAAA\n",
        b"one line only\n",
        b"untrusted comment: x\n" + b"A" * 100 + b"\ntrusted comment: y\n" + b"A" * 88 + b"\n",
        b"x" * 9000,
    ],
)
def test_malformed_signature_files_are_refused(raw: bytes) -> None:
    with pytest.raises(MinisignError):
        parse_signature(raw)


def test_non_canonical_base64_is_refused() -> None:
    alphabet = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
    lines = _sign(SigningKey.generate()).decode().splitlines()
    text = lines[3]  # 64 bytes: the last sextet before "==" carries 4 unused bits
    index = alphabet.index(text[-3])
    assert index & 0xF == 0
    spelled = text[:-3] + alphabet[index | 1] + "=="
    assert base64.b64decode(spelled) == base64.b64decode(text)  # same bytes, other spelling
    lines[3] = spelled
    with pytest.raises(MinisignError) as err:
        parse_signature(("\n".join(lines) + "\n").encode())
    assert err.value.reason == "base64"


def test_comments_must_be_one_line() -> None:
    with pytest.raises(MinisignError):
        SigningKey.generate().sign(DATA, trusted_comment="a\nb", untrusted_comment="x")


def test_public_key_file_round_trip_and_key_id_text() -> None:
    key = SigningKey.generate()
    public = key.public_key()
    text = public.to_file_text()
    assert text.startswith(f"untrusted comment: minisign public key {public.key_id_text}\n")
    assert PublicKey.from_file_text(text) == public
    assert PublicKey.from_base64(public.to_base64()) == public
    # minisign prints the id as a little-endian number without leading zeros.
    assert (
        key_id_text(bytes([0x40, 0x74, 0x64, 0x83, 0x06, 0x4B, 0x31, 0x18])) == "18314B0683647440"
    )
    assert key_id_text(bytes([1, 0, 0, 0, 0, 0, 0, 0])) == "1"
    assert len(public.fingerprint) == 29 and public.fingerprint == fingerprint(public.key)
    assert "seed" not in repr(key).replace("seed=***", "")


def test_bad_public_keys_are_refused() -> None:
    for text in ("", "RWQ", "not base64 !!", base64.b64encode(b"Xx" + b"\0" * 40).decode()):
        with pytest.raises(MinisignError):
            PublicKey.from_base64(text)
    with pytest.raises(MinisignError):
        PublicKey.from_file_text("a\nb\nc\n")


@needs_minisign
def test_stock_minisign_verifies_our_signature(tmp_path: Path) -> None:
    key = SigningKey.generate()
    (tmp_path / "m.json").write_bytes(DATA)
    (tmp_path / "m.minisig").write_bytes(_sign(key, comment="brankas-archive v1 uji"))
    (tmp_path / "k.pub").write_text(key.public_key().to_file_text())
    for how in (["-p", "k.pub"], ["-P", key.public_key().to_base64()]):
        done = subprocess.run(
            [MINISIGN or "minisign", "-V", "-H", "-x", "m.minisig", "-m", "m.json", *how],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Trusted comment: brankas-archive v1 uji" in done.stdout
    (tmp_path / "m.json").write_bytes(DATA + b" ")
    bad = subprocess.run(
        [MINISIGN or "minisign", "-V", "-x", "m.minisig", "-m", "m.json", "-p", "k.pub"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert bad.returncode != 0


@needs_minisign
@pytest.mark.parametrize("legacy", [False, True])
def test_we_verify_the_stock_tools_signature(tmp_path: Path, legacy: bool) -> None:
    exe = MINISIGN or "minisign"
    subprocess.run(
        [exe, "-G", "-W", "-p", "k.pub", "-s", "k.key"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    (tmp_path / "f").write_bytes(DATA)
    subprocess.run(
        [exe, "-S", *(["-l"] if legacy else []), "-s", "k.key", "-m", "f", "-t", "dari minisign"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    public = PublicKey.from_file_text((tmp_path / "k.pub").read_text())
    sig = parse_signature((tmp_path / "f.minisig").read_bytes())
    assert sig.algorithm == (b"Ed" if legacy else b"ED")
    assert verify(DATA, sig, public) == "dari minisign"
    with pytest.raises(MinisignError):
        verify(DATA + b"x", sig, public)
