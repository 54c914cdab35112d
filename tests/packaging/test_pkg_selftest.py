"""``brankas --self-test`` from the source tree: every step passes, offscreen, and a failing
step ends with a sentence and a non-zero exit code."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brankas import selftest


def _env_without_display() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)  # the self-test must pick offscreen by itself
    return env


def test_self_test_passes_in_a_subprocess_without_a_display(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    start = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "brankas.gui.app", "--self-test", str(report)],
        capture_output=True,
        text=True,
        env=_env_without_display(),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    elapsed = time.perf_counter() - start
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    for step, _fn in selftest.STEPS:
        assert f"ok  {step}" in out, out
    assert "argon2id m=64 MiB t=3" in out  # the production floor, not a test setting
    for component in ("Python", "Qt", "PySide6", "SQLCipher", "cryptography", "argon2-cffi"):
        assert f"  {component} " in out
    assert "pyrage" in out
    assert "4." in out.split("SQLCipher", 1)[1].splitlines()[0]
    assert out.rstrip().endswith("s.") and "Self-test passed" in out
    # Nothing of the throwaway vault's secrets is printed or left behind.
    assert selftest._SECRET not in out + r.stderr
    assert selftest._PASSWORD not in out + r.stderr
    assert report.read_text(encoding="utf-8") == out
    print(f"self-test from source: {elapsed:.2f} s (target < 5 s)")
    assert elapsed < 30  # a wild regression, not the target (measured by the bench)


def test_self_test_leaves_no_temporary_vault_behind(tmp_path: Path) -> None:
    env = _env_without_display()
    env["TMPDIR"] = str(tmp_path)
    r = subprocess.run(
        [sys.executable, "-m", "brankas.gui.app", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_failing_step_gives_a_sentence_and_exit_code_1(
    monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    def broken(_run: object) -> str:
        raise OSError("disk on fire")

    steps = (*selftest.STEPS[:3], ("broken step", broken), *selftest.STEPS[3:])
    monkeypatch.setattr(selftest, "STEPS", steps)
    out = io.StringIO()
    assert selftest.main(out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[-1] == "FAILED: The step 'broken step' failed: OSError: disk on fire"
    assert "ok  unlock" in out.getvalue()
    assert "ok  store secret" not in out.getvalue()  # it stops at the first failure


def test_a_step_that_finds_a_wrong_value_says_so(
    monkeypatch: pytest.MonkeyPatch, qapp: object, tmp_path: Path
) -> None:
    # A translation that does not translate: the sentence names the problem.
    monkeypatch.setattr("PySide6.QtCore.QTranslator.translate", lambda *_a: "")
    out = io.StringIO()
    report = tmp_path / "r.txt"
    assert selftest.main(report, out=out) == 1
    assert out.getvalue().splitlines()[-1] == (
        "FAILED: The Indonesian translation does not translate its own words."
    )
    assert report.read_text(encoding="utf-8") == out.getvalue()
