"""brankas-cli vault commands, end to end in-process (production KDF at its floor: ~0.1 s)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from brankas.cli import main

ADMIN_PW = "sandi-admin-uji-9"


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def vault_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    d = tmp_path / "v"
    code, out, _ = run(
        capsys,
        monkeypatch,
        ADMIN_PW + "\n",
        "init",
        "--vault",
        str(d),
        "--office",
        "Bawaslu Kabupaten Buol",
        "--admin",
        "Admin",
        "--kdf-memory-mib",
        "64",
        "--kdf-time",
        "3",
        "--password-stdin",
    )
    assert code == 0
    kit = out.strip().splitlines()[-1]
    assert len(kit.replace("-", "")) == 48
    (tmp_path / "kit").write_text(kit)
    return d


def test_operator_add_list_remove_and_exit_codes(
    vault_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    v = ["--vault", str(vault_dir), "--password-stdin"]
    assert (
        run(
            capsys,
            monkeypatch,
            f"{ADMIN_PW}\nbudi-pw-1\n",
            "operators",
            "add",
            *v,
            "-u",
            "Admin",
            "Budi",
        )[0]
        == 0
    )
    code, out, _ = run(
        capsys, monkeypatch, f"{ADMIN_PW}\n", "operators", "list", *v, "-u", "admin", "--json"
    )
    assert code == 0
    assert {o["name"] for o in json.loads(out)} == {"Admin", "Budi"}
    code, _, err = run(capsys, monkeypatch, "nope\n", "check", *v, "-u", "Admin")
    assert code == 3
    assert "Wrong password" in err
    assert "nope" not in err
    code, out, _ = run(
        capsys, monkeypatch, f"{ADMIN_PW}\n", "operators", "remove", *v, "-u", "Admin", "Budi"
    )
    assert code == 0
    assert "rotated" in out
    assert run(capsys, monkeypatch, "budi-pw-1\n", "check", *v, "-u", "Budi")[0] == 3
    code, out, err = run(capsys, monkeypatch, f"{ADMIN_PW}\n", "check", *v, "-u", "Admin", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"] is True
    assert report["epoch"] == {"database": 1, "key_table": 1}
    assert "failed unlock" in err


def test_passwd_recover_and_backups(
    vault_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    v = ["--vault", str(vault_dir), "--password-stdin"]
    assert run(capsys, monkeypatch, f"{ADMIN_PW}\nbaru-1\n", "passwd", *v, "-u", "Admin")[0] == 0
    assert run(capsys, monkeypatch, f"{ADMIN_PW}\n", "check", *v, "-u", "Admin")[0] == 3
    kit = (tmp_path / "kit").read_text()
    bad = "9" + kit[1:]
    code, _, err = run(capsys, monkeypatch, f"{bad}\nx\n", "recover", *v, "--admin", "Admin")
    assert code == 3
    assert "group 1" in err
    code, out, _ = run(capsys, monkeypatch, f"{kit}\nbaru-2\n", "recover", *v, "--admin", "Admin")
    assert code == 0
    new_kit = out.strip().splitlines()[-1]
    assert new_kit != kit
    assert run(capsys, monkeypatch, f"{kit}\nbaru-3\n", "recover", *v, "--admin", "Admin")[0] == 3
    assert run(capsys, monkeypatch, "baru-2\n", "audit", "verify", *v, "-u", "Admin")[0] == 0
    code, out, _ = run(
        capsys, monkeypatch, "", "backup", "list", "--vault", str(vault_dir), "--json"
    )
    names = [b["name"] for b in json.loads(out)]
    assert any(n.endswith("before-recovery-reset") for n in names)
    created = next(n for n in names if n.endswith("-created"))
    # Usual restore: current password to open, the password of backup time to prove the
    # right to the backup; the current keys stay (the new password keeps working).
    code, out, err = run(
        capsys,
        monkeypatch,
        f"baru-2\n{ADMIN_PW}\n",
        "backup",
        "restore",
        *v,
        "-u",
        "Admin",
        created,
    )
    assert code == 0, err
    assert run(capsys, monkeypatch, "baru-2\n", "check", *v, "-u", "Admin")[0] == 0
    # Disaster restore: the backup comes back with its own key file (password of that time).
    code, out, err = run(
        capsys,
        monkeypatch,
        f"{ADMIN_PW}\n",
        "backup",
        "restore",
        *v,
        "-u",
        "Admin",
        "--disaster",
        created,
    )
    assert code == 0, err
    assert "Admin" in out
    code, out, err = run(capsys, monkeypatch, f"{ADMIN_PW}\n", "check", *v, "-u", "Admin", "--json")
    assert code == 0, err
    epochs = json.loads(out)["epoch"]
    assert epochs["database"] == epochs["key_table"] >= 3  # never backwards after a restore


def test_not_a_vault_and_missing_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(
        capsys,
        monkeypatch,
        "pw\n",
        "check",
        "--vault",
        str(tmp_path),
        "-u",
        "x",
        "--password-stdin",
    )
    assert code == 5
    assert "no Brankas vault" in err
    code, _, err = run(
        capsys, monkeypatch, "", "check", "--vault", str(tmp_path), "-u", "x", "--password-stdin"
    )
    assert code == 2
