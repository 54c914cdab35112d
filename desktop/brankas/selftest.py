"""``brankas --self-test``: prove on this PC, in a temporary folder, that the app works end to end."""

from __future__ import annotations

import logging
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TextIO

from brankas import APP_NAME, __version__

log = logging.getLogger(__name__)

# Throwaway values for the temporary vault; nothing here is a real credential.
_ADMIN = "Uji Mandiri"
_PASSWORD = "uji-mandiri-brankas-7"  # noqa: S105 (a throwaway vault's password)
_SECRET = "Sandi-Uji-Mandiri-ü-42"  # noqa: S105 (stored and read back, then discarded)
_OFFICE_CODE = "UJI"
_FLOOR_MIB = 64  # the production KDF floor (DESIGN.md): m >= 64 MiB, t >= 3
_FLOOR_T = 3


class SelfTestFailed(Exception):
    """A step failed; ``str()`` is the sentence shown to the user (never a secret)."""


@dataclass(frozen=True, slots=True)
class StepResult:
    """One step that passed: its name, what it found, and how long it took."""

    name: str
    detail: str
    seconds: float


@dataclass(slots=True)
class _Run:
    """What the steps share: the temporary folder, the open vault and its ids."""

    folder: Path
    vault: object | None = None
    account_id: int = 0
    term_id: int = 0


def versions() -> dict[str, str]:
    """The versions of Python, Qt and the libraries that hold the secrets."""
    import cryptography
    import sqlcipher3.dbapi2 as sqlcipher
    from cryptography.hazmat.backends.openssl import backend
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    conn = sqlcipher.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return {
        APP_NAME: __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": pyside_version,
        "SQLCipher": f"{row[0] if row else 'missing'} (SQLite {sqlcipher.sqlite_version})",
        "cryptography": f"{cryptography.__version__} ({backend.openssl_version_text()})",
        "argon2-cffi": _dist_version("argon2-cffi"),
        "pyrage": _dist_version("pyrage"),
        "keyring": _dist_version("keyring"),
    }


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


# --- steps -----------------------------------------------------------------------------------
def _step_metadata(_run: _Run) -> str:
    if __version__.startswith("0.0.0"):
        raise SelfTestFailed(
            "The program does not know its own version: its package metadata is missing."
        )
    missing = [k for k, v in versions().items() if v == "unknown" or "missing" in v]
    if missing:
        raise SelfTestFailed(f"These components did not report a version: {', '.join(missing)}.")
    return f"{APP_NAME} {__version__}"


def _step_create(run: _Run) -> str:
    from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, new_salt
    from brankas.core.domain.enums import OfficeKind
    from brankas.core.keystore import MemoryDeviceKeyStore
    from brankas.core.secret import Secret
    from brankas.core.vault.vault import Vault

    params = KdfParams(
        memory_kib=_FLOOR_MIB * 1024,
        time_cost=_FLOOR_T,
        parallelism=max(1, min(4, os.cpu_count() or 1)),
        salt=new_salt(),
    )
    vault, _kit = Vault.create(
        run.folder / "vault",
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Uji",
        admin_name=_ADMIN,
        admin_password=Secret(_PASSWORD),
        kdf=params,
        policy=PRODUCTION_POLICY,
        keystore=MemoryDeviceKeyStore(),
    )
    vault.close(backup=False)
    return f"created with {params.describe()}"


def _step_unlock(run: _Run) -> str:
    from brankas.core.keystore import MemoryDeviceKeyStore
    from brankas.core.secret import Secret
    from brankas.core.vault.vault import Vault

    vault = Vault.unlock(
        run.folder / "vault", _ADMIN, Secret(_PASSWORD), keystore=MemoryDeviceKeyStore()
    )
    run.vault = vault
    report = vault.check()
    if not report.ok:
        raise SelfTestFailed("The new vault did not pass its own integrity check.")
    return "unlocked with the password; integrity and audit chain verified"


def _step_secret(run: _Run) -> str:
    from brankas.core.domain.enums import Election, Platform
    from brankas.core.services import accounts, office, secrets, terms
    from brankas.core.services.context import ServiceContext

    ctx = ServiceContext(run.vault)  # type: ignore[arg-type]
    office.update_office(ctx, code=_OFFICE_CODE, city="Uji")
    kec = office.add_kecamatan(ctx, "Kecamatan Uji")
    term = terms.add_term(
        ctx,
        election=Election.PILKADA,
        year=2024,
        start_date=date(2024, 5, 1),
        end_date=date(2025, 1, 27),
    )
    saved = accounts.create_account(
        ctx,
        platform=Platform.INSTAGRAM,
        handle="panwascam.uji",
        kecamatan_id=kec.id,
        term_id=term.id,
    )
    run.account_id, run.term_id = saved.account.id or 0, term.id or 0
    secrets.set_password(ctx, run.account_id, _SECRET)
    back = secrets.reveal(ctx, run.account_id, secrets.SecretField.PASSWORD, "self-test")
    if back is None or back.reveal() != _SECRET:
        raise SelfTestFailed("A password stored in the vault did not read back the same.")
    return "a password stored, read back identical"


def _step_bast(run: _Run) -> str:
    from brankas.core.domain.enums import HandoverKind
    from brankas.core.services import accounts, office
    from brankas.core.services.context import ServiceContext
    from brankas.documents.bast import BastData, bast_account, render_bast
    from brankas.documents.blocks import Party
    from brankas.documents.letterhead import letterhead_of

    ctx = ServiceContext(run.vault)  # type: ignore[arg-type]
    account = accounts.get_account(ctx, run.account_id)
    data = BastData(
        letterhead=letterhead_of(office.get_office(ctx)),
        number="001/BAST/UJI/2025",
        kind=HandoverKind.RETURN,
        on=date(2025, 1, 27),
        place="Uji",
        first_party=Party("Pihak Pertama", "Ketua Panwaslu Kecamatan Uji"),
        second_party=Party("Pihak Kedua", "Staf Bawaslu Kabupaten Uji"),
        accounts=(bast_account(account),),
        kecamatan="Kecamatan Uji",
        term_name="Pilkada 2024",
        draft=True,
    )
    target = run.folder / "bast.pdf"
    pages = render_bast(data, target)
    head = target.read_bytes()[:5]
    if pages < 1 or head != b"%PDF-":
        raise SelfTestFailed("The BAST could not be rendered as a PDF.")
    return f"{pages} page(s), {target.stat().st_size // 1024} KiB"


def _step_translation(_run: _Run) -> str:
    from PySide6.QtCore import QTranslator

    from brankas.gui.resources import Resources

    resources = Resources.locate()
    qm = resources.qm_file("id")
    translator = QTranslator()
    if not translator.load(str(qm)) or translator.isEmpty():
        raise SelfTestFailed(f"The Indonesian translation could not be loaded ({qm.name}).")
    if translator.translate("AboutDialog", "Close") != "Tutup":
        raise SelfTestFailed("The Indonesian translation does not translate its own words.")
    if resources.app_icon().pixmap(16, 16).isNull():
        raise SelfTestFailed("The application icon could not be drawn.")
    return f"{qm.name} loaded ({qm.stat().st_size // 1024} KiB); icons drawn"


def _step_archive(run: _Run) -> str:
    import pyrage

    from brankas.core.archive.export import export_archive
    from brankas.core.archive.verify import verify_archive
    from brankas.core.secret import Secret

    province = pyrage.x25519.Identity.generate()  # a throwaway province, gone with the folder
    out = run.folder / "out"
    out.mkdir()
    result = export_archive(
        run.vault,  # type: ignore[arg-type]
        term_ids=[run.term_id],
        province_recipient=str(province.to_public()),
        out_dir=out,
    )
    checked = verify_archive(result.path, identity=Secret(str(province)))
    stored = (checked.secrets or {}).get(run.account_id)
    if stored is None or stored.password is None or stored.password.reveal() != _SECRET:
        raise SelfTestFailed("The archive opened, but the password inside did not match.")
    return f"{result.path.name} ({result.size // 1024} KiB) signed, encrypted, verified"


def _step_keyring(_run: _Run) -> str:
    # Only that the OS keyring backend ships and loads; no D-Bus session is needed.
    wanted = "keyring.backends.Windows" if sys.platform == "win32" else None
    wanted = wanted or ("keyring.backends.macOS" if sys.platform == "darwin" else None)
    wanted = wanted or "keyring.backends.SecretService"
    found = {ep.value: ep for ep in metadata.entry_points(group="keyring.backends")}
    if wanted not in found:
        raise SelfTestFailed("The keyring backend for this system is not installed.")
    found[wanted].load()
    return wanted.rsplit(".", 1)[-1] + " backend loads"


def _step_gui(_run: _Run) -> str:
    # Importing the main window pulls in every page and dialog: a module left out of a
    # bundle shows up here, not in front of a user.
    import brankas.gui.main_window  # noqa: F401

    return "main window modules import"


STEPS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    ("versions", _step_metadata),
    ("create vault", _step_create),
    ("unlock", _step_unlock),
    ("store secret", _step_secret),
    ("BAST PDF", _step_bast),
    ("translation", _step_translation),
    ("archive", _step_archive),
    ("keyring", _step_keyring),
    ("interface", _step_gui),
)


def _close(run: _Run) -> None:
    vault = run.vault
    if vault is not None and getattr(vault, "is_open", False):
        vault.close(backup=False)  # type: ignore[attr-defined]
    run.vault = None


@contextmanager
def _qt_app() -> Iterator[None]:
    """A QApplication for fonts and icons; offscreen unless the caller chose a platform,
    so the self-test runs on a server or a CI runner without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    yield
    del app


def run_steps(folder: Path, report: Callable[[StepResult], None]) -> list[StepResult]:
    """Run every step in ``folder`` (which must exist and be empty).

    Args:
        folder: a scratch folder; the caller removes it.
        report: called after each step that passed.

    Returns:
        The steps, all passed.

    Raises:
        SelfTestFailed: a step failed; the message says which and why.
    """
    run = _Run(folder)
    done: list[StepResult] = []
    try:
        for name, step in STEPS:
            start = time.perf_counter()
            try:
                detail = step(run)
            except SelfTestFailed:
                raise
            except Exception as exc:
                log.debug("self-test step %s failed", name, exc_info=True)
                raise SelfTestFailed(
                    f"The step '{name}' failed: {type(exc).__name__}: {exc}"
                ) from exc
            result = StepResult(name, detail, time.perf_counter() - start)
            done.append(result)
            report(result)
    finally:
        _close(run)
    return done


def _console() -> TextIO | None:
    """Where to print: stdout, or on Windows, where the windowed ``brankas.exe`` has none,
    the console of the command prompt that started it (if any)."""
    if sys.stdout is not None:
        return sys.stdout
    if sys.platform == "win32":
        import ctypes

        attach_parent_process = -1
        if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            try:
                return open("CONOUT$", "w", encoding="utf-8")  # stays open until the process exits
            except OSError:
                return None
    return None


def main(report: Path | None = None, out: TextIO | None = None) -> int:
    """``brankas --self-test [REPORT]``: print each step and the versions; 0 when all passed.

    Args:
        report: also write the lines to this file (a windowed program on Windows has no
            standard output for a CI job to read).
        out: where to print (default: standard output).

    Returns:
        0 on success, 1 when a step failed (the last line says why).
    """
    streams = [s for s in (out or _console(),) if s is not None]
    lines: list[str] = []
    start = time.perf_counter()

    def say(text: str) -> None:
        lines.append(text)
        for stream in streams:
            print(text, file=stream, flush=True)

    say(f"{APP_NAME} self-test")
    code = 0
    try:
        with (
            _qt_app(),
            tempfile.TemporaryDirectory(
                prefix="brankas-selftest-", ignore_cleanup_errors=True
            ) as tmp,
        ):
            run_steps(
                Path(tmp), lambda r: say(f"  ok  {r.name:<13} {r.detail} ({r.seconds:.2f} s)")
            )
            for name, value in versions().items():
                say(f"  {name:<13} {value}")
    except SelfTestFailed as exc:
        say(f"FAILED: {exc}")
        code = 1
    else:
        say(f"Self-test passed in {time.perf_counter() - start:.1f} s.")
    if report is not None:
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return code
