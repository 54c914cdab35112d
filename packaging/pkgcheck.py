"""Build and measure the Linux packages: shared by tests/packaging and bench/packaging_bench.py.

Nothing here runs at import; the callers decide what to build and where.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"

# Targets from the issue (issue #8), in bytes (decimal megabytes: the stricter reading)
# and seconds.
BUNDLE_MAX = 150_000_000
DEB_MAX = 70_000_000
START_MAX = 2.0
SELF_TEST_MAX = 5.0


@dataclass(frozen=True, slots=True)
class Packages:
    """What packaging/build_linux.sh produced."""

    bundle: Path  # the onedir folder (brankas + _internal/)
    tarball: Path
    deb: Path
    build_seconds: float


def build(out: Path, work: Path, *, reuse: bool = False, xz: bool = False) -> Packages:
    """Run packaging/build_linux.sh into ``out`` (packages) and ``work`` (PyInstaller).

    Raises:
        RuntimeError: the build failed (its output is in the message).
    """
    args = ["bash", str(ROOT / "packaging" / "build_linux.sh"), "--out", str(out)]
    args += ["--work", str(work), *(["--reuse-bundle"] if reuse else []), *(["--xz"] if xz else [])]
    start = time.perf_counter()
    r = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if r.returncode != 0:
        raise RuntimeError(f"build_linux.sh failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    tarball, deb = (Path(line) for line in r.stdout.split())
    return Packages(work / "dist" / "brankas", tarball, deb, seconds)


def tree_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (symbolic links not followed)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment whose home, config, data and runtime folders are under ``home``, so a
    run never touches the real user's vaults or settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_"))}
    runtime = home / "run"
    for sub in ("cfg", "data", "cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "cfg"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(runtime),
        **extra,
    )
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def run_self_test(program: Path | str, env: Mapping[str, str], cwd: Path) -> tuple[float, int, str]:
    """Run ``program --self-test``; returns (seconds, exit code, output)."""
    start = time.perf_counter()
    r = subprocess.run(
        [str(program), "--self-test"],
        env=dict(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return time.perf_counter() - start, r.returncode, r.stdout + r.stderr


def make_vault(
    folder: Path,
    admin: str = "Admin Uji",
    password: str = "kata sandi uji 123",  # noqa: S107
) -> None:
    """A regency vault at the production KDF floor, made by the source tree's Python."""
    code = (
        "import sys; from pathlib import Path\n"
        "from brankas.core.crypto.kdf import KdfParams, new_salt\n"
        "from brankas.core.domain.enums import OfficeKind\n"
        "from brankas.core.keystore import MemoryDeviceKeyStore\n"
        "from brankas.core.secret import Secret\n"
        "from brankas.core.vault.vault import Vault\n"
        "v, _ = Vault.create(Path(sys.argv[1]), office_kind=OfficeKind.REGENCY,\n"
        "    office_name='Bawaslu Kabupaten Uji', admin_name=sys.argv[2],\n"
        "    admin_password=Secret(sys.argv[3]), kdf=KdfParams(65536, 3, 2, new_salt()),\n"
        "    keystore=MemoryDeviceKeyStore())\n"
        "v.close(backup=False)\n"
    )
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    subprocess.run([str(python), "-c", code, str(folder), admin, password], check=True)


def x11_tools_available() -> bool:
    """Whether Xvfb and xwininfo are installed (needed to time the first window)."""
    return shutil.which("Xvfb") is not None and shutil.which("xwininfo") is not None


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X server; yields its DISPLAY value."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # Xvfb writes it once it accepts clients
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _mapped_window(display: str, prefix: str) -> str | None:
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, check=False
    ).stdout
    for line in tree.splitlines():
        parts = line.split('"')
        if len(parts) >= 2 and parts[1].startswith(prefix):
            wid = line.split()[0]
            info = subprocess.run(
                ["xwininfo", "-id", wid], env=env, capture_output=True, text=True, check=False
            ).stdout
            if "IsViewable" in info:
                return parts[1]
    return None


def time_to_window(
    program: Path | str,
    args: list[str],
    env: Mapping[str, str],
    display: str,
    *,
    prefix: str = "Brankas",
    timeout: float = 30.0,
) -> tuple[float, str]:
    """Start ``program`` on ``display`` and time until a window titled ``prefix…`` is
    mapped; the program is then ended with SIGTERM (a clean quit).

    Returns:
        (seconds, the window's title).

    Raises:
        TimeoutError: no such window within ``timeout`` (with the program's output).
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(program), *args],
        env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        while time.perf_counter() - start < timeout:
            title = _mapped_window(display, prefix)
            if title is not None:
                return time.perf_counter() - start, title
            if proc.poll() is not None:
                break
            time.sleep(0.01)  # polling an external X server: nothing to wait on instead
        raise TimeoutError(f"no '{prefix}' window appeared; output:\n{_output(proc)}")
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _output(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.terminate()
    out, _ = proc.communicate(timeout=15)
    return out or ""
