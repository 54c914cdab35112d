"""The Windows installer script compiles with makensis (Debian's nsis) against a stand-in
payload, warnings as errors; the signing hook is called for the uninstaller and the
installer; a broken script fails the build. The real bundle is built on a Windows runner
(.github/workflows/windows.yml), which cannot run here."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from brankas import __version__

ROOT = Path(__file__).resolve().parents[2]
NSI = ROOT / "packaging" / "windows" / "brankas.nsi"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
MAKENSIS = shutil.which("makensis")
needs_makensis = pytest.mark.skipif(
    MAKENSIS is None, reason="makensis (Debian package nsis) is not installed"
)


def _quad(version: str) -> str:
    nums = [*re.findall(r"\d+", version)[:3], "0", "0", "0"]
    return ".".join(nums[:4])


def _payload(folder: Path) -> Path:
    """A stand-in for PyInstaller's onedir output: the same layout, tiny files."""
    (folder / "_internal" / "resources" / "manual").mkdir(parents=True)
    (folder / "brankas.exe").write_bytes(b"MZ stand-in for the PyInstaller program")
    (folder / "_internal" / "python311.dll").write_bytes(b"stand-in")
    (folder / "_internal" / "resources" / "manual" / "Panduan-Pengguna-Brankas.pdf").write_bytes(
        b"%PDF-1.4 stand-in"
    )
    return folder


def _makensis(
    script: Path, payload: Path, out: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    assert MAKENSIS is not None
    return subprocess.run(
        [
            MAKENSIS,
            "-V2",
            "-WX",  # a warning fails the build too
            f"-DVERSION={__version__}",
            f"-DVERSION_QUAD={_quad(__version__)}",
            f"-DBUNDLE={payload}",
            f"-DOUTDIR={out}",
            *extra,
            str(script),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@needs_makensis
def test_installer_compiles_with_version_info(tmp_path: Path) -> None:
    payload = _payload(tmp_path / "bundle")
    r = _makensis(NSI, payload, tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    setup = tmp_path / f"Brankas-Setup-{__version__}.exe"
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    pe = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe : pe + 4] == b"PE\0\0"
    # The version resource (file properties → Details) carries the package version.
    for key in ("ProductVersion", "FileDescription", "CompanyName"):
        assert key.encode("utf-16-le") in data
    assert f"{__version__}".encode("utf-16-le") in data
    assert "Brankas developers".encode("utf-16-le") in data


@needs_makensis
def test_signing_hook_is_called_for_the_uninstaller_and_the_installer(tmp_path: Path) -> None:
    # A stand-in for signtool that only records what it was given: this checks where a
    # certificate plugs in, it signs nothing.
    log = tmp_path / "signed.log"
    signer = tmp_path / "sign.sh"
    signer.write_text(f'#!/bin/sh\necho "$1" >> "{log}"\n', encoding="utf-8")
    signer.chmod(0o755)
    payload = _payload(tmp_path / "bundle")
    r = _makensis(NSI, payload, tmp_path, f'-DSIGN_COMMAND={signer} "%1"')
    assert r.returncode == 0, r.stdout + r.stderr
    signed = log.read_text(encoding="utf-8").splitlines()
    assert len(signed) == 2  # the uninstaller (a temporary file), then the installer
    assert signed[1] == str(tmp_path / f"Brankas-Setup-{__version__}.exe")
    failing = tmp_path / "fail.sh"
    failing.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    r = _makensis(NSI, payload, tmp_path / "none", f'-DSIGN_COMMAND={failing} "%1"')
    assert r.returncode != 0  # a signing failure fails the build


@needs_makensis
def test_a_broken_script_fails_the_build(tmp_path: Path) -> None:
    # The same tree around a copy of the script, with one mistake in a section.
    copy = tmp_path / "packaging" / "windows" / "brankas.nsi"
    copy.parent.mkdir(parents=True)
    for rel in ("resources/icons/app/brankas.ico", "resources/licenses/Brankas.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    text = NSI.read_text(encoding="utf-8")
    shutil.copy(NSI, copy)
    payload = _payload(tmp_path / "bundle")
    assert _makensis(copy, payload, tmp_path).returncode == 0  # the copy itself is fine
    copy.write_text(
        text.replace(
            '  SetOutPath "$INSTDIR"\n', '  SetOutPath "$INSTDIR"\n  CreateShortCutt\n', 1
        ),
        encoding="utf-8",
    )
    r = _makensis(copy, payload, tmp_path)
    assert r.returncode != 0
    assert "CreateShortCutt" in r.stdout + r.stderr


def test_script_speaks_indonesian_and_english_and_keeps_the_vaults() -> None:
    text = NSI.read_text(encoding="utf-8")
    languages = re.findall(r'MUI_LANGUAGE "(\w+)"', text)
    assert languages == ["Indonesian", "English"]  # Indonesian first
    ids = set(re.findall(r"^LangString (\w+) \$\{LANG_INDONESIAN\}", text, re.M))
    ens = set(re.findall(r"^LangString (\w+) \$\{LANG_ENGLISH\}", text, re.M))
    assert ids == ens and ids
    assert "RequestExecutionLevel user" in text  # per-user without admin by default
    assert '"$LOCALAPPDATA\\Programs\\${APP}"' in text
    assert "/ALLUSERS" in text and "$PROGRAMFILES64" in text
    # The data section of the uninstaller is off unless ticked (/o), and asks again.
    data = re.search(r'Section /o "un\.\$\(UnSecData\)".*?SectionEnd', text, re.S)
    assert data is not None and 'RMDir /r "$LOCALAPPDATA\\Brankas"' in data.group(0)
    assert "MB_YESNO" in data.group(0) and "/SD IDNO" in data.group(0)
    for ext in (".brankas", ".brankaskey"):
        assert f'Associate "{ext}"' in text and f'Unassociate "{ext}"' in text
    assert "$SMPROGRAMS\\${APP}.lnk" in text and "$DESKTOP\\${APP}.lnk" in text


def test_windows_workflow_builds_installs_self_tests_and_uploads() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text
    assert "runs-on: windows-" in text
    for needle in (
        "packaging/brankas.spec",
        "packaging\\windows\\brankas.nsi",
        "docs/manual/build_manual.py",
        "--self-test",
        "'/S'",
        "actions/upload-artifact",
        "Brankas-Setup-",
        "keep-me.txt",  # the uninstaller must leave the vaults
    ):
        assert needle in text, needle
