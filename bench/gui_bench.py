"""``python -m bench.gui_bench``: the Accounts screens at 50,000 accounts (offscreen).

Builds (or reuses, with ``--keep``) a vault of plainly fake data — the domain benchmark's
mixed states over ``repos/account.add_accounts`` — then measures, each in a fresh process:

* unlock (after the KDF) to a populated Accounts page: the page alone, and the whole main
  window with every page starting its session (the Accounts page shown);
* one filter keystroke on the Accounts page (median over typing and erasing words);
* peak RSS of the process that did both;
* cold start of the app to the unlock window (a subprocess, spawn to window shown).

Prints: figure, target, measured, pass/fail; exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.domain_bench import generate, peak_rss_mib, table
from brankas.core.crypto.kdf import KdfParams, new_salt
from brankas.core.domain.enums import OfficeKind
from brankas.core.secret import Secret
from brankas.core.vault.vault import Vault

ADMIN, PASSWORD = "Admin Bench", "kata sandi bench gui yang panjang"
TYPED = ("contoh 12", "ketua", "instagram 0042", "gmail")
ROOT = Path(__file__).resolve().parents[1]


def _say(text: str) -> None:
    print(f"[gui-bench] {text}", file=sys.stderr, flush=True)


def keystrokes(words: tuple[str, ...]) -> list[str]:
    """The search text after each key press: typing each phrase, then erasing it."""
    texts: list[str] = []
    for phrase in words:
        texts += [phrase[:n] for n in range(1, len(phrase) + 1)]
        texts += [phrase[:n] for n in range(len(phrase) - 1, -1, -1)]
    return texts


def build(folder: Path, accounts: int, kecamatan: int) -> None:
    """A vault with ``accounts`` accounts (production KDF at its floor: quick to unlock)."""
    _say(f"generating {accounts:,} accounts over {kecamatan:,} kecamatan in {folder} …")
    start = time.perf_counter()
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Contoh",
        admin_name=ADMIN,
        admin_password=Secret(PASSWORD),
        kdf=KdfParams(65536, 3, 1, new_salt()),
    )
    try:
        generate(vault.conn, accounts, kecamatan)
    finally:
        vault.close(backup=False)
    _say(f"generated in {time.perf_counter() - start:.1f} s")


# --- measuring, in a child process ---------------------------------------------------------
def _wait(app: Any, check: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run the event loop until ``check()``; the loop sleeps in Qt between checks, so the
    worker thread is not starved of the GIL by a busy Python loop."""
    from PySide6.QtCore import QEventLoop, QTimer

    if check():
        return
    loop = QEventLoop()
    end = time.monotonic() + timeout
    timer = QTimer()
    timer.setInterval(2)

    def poll() -> None:
        if check() or time.monotonic() > end:
            loop.quit()

    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()
    if not check():
        raise TimeoutError("the screen did not get there")


def _context(root: Path, folder: Path) -> Any:
    from brankas.core.keystore import MemoryDeviceKeyStore
    from brankas.core.paths import AppPaths
    from brankas.gui.context import AppContext
    from brankas.gui.resources import Resources
    from brankas.gui.settings import GuiSettings

    paths = AppPaths.under(root)
    settings = GuiSettings.in_folder(paths.config_dir)
    settings.language = "id"
    return AppContext(
        paths=paths,
        settings=settings,
        resources=Resources.locate(),
        keystore=MemoryDeviceKeyStore(),
        vault_folder=folder,
    )


def measure_window(folder: Path, accounts: int, first: str) -> dict[str, Any]:
    """Start a session in the main window with page ``first`` shown ("accounts", or
    "dashboard" as after a normal unlock, then open Accounts), then type in the search."""
    from PySide6.QtWidgets import QApplication

    from brankas.gui.controller import AppController
    from brankas.gui.pages.accounts_page import AccountsPage

    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="brankas-gui-bench-") as tmp:
        ctx = _context(Path(tmp), folder)
        ctrl = AppController(app, ctx)
        ctrl.theme.apply(dark=False)
        main = ctrl._new_main_window()
        main.resize(1366, 768)
        main.show_page(first)
        page = main.pages["accounts"]
        assert isinstance(page, AccountsPage)
        vault = Vault.unlock(folder, ADMIN, Secret(PASSWORD))  # the KDF: not measured
        start = time.perf_counter()
        ctrl._enter(vault)  # what the unlock window hands on after the KDF
        if first != "accounts":
            _wait(app, lambda: not ctrl.runner.busy)
            start = time.perf_counter()
            main.show_page("accounts")  # the operator clicks "Accounts"
        _wait(app, lambda: page.model.rowCount() == accounts)
        populated = time.perf_counter() - start
        _wait(app, lambda: not ctrl.runner.busy)
        settled = time.perf_counter() - start
        page.focus_search()
        per_key: list[float] = []
        for text in keystrokes(TYPED):
            t = time.perf_counter()
            page.filters.search.setText(text)  # filters synchronously
            app.processEvents()  # and the table repaints
            per_key.append(time.perf_counter() - t)
        shown = page.model.rowCount()
        ctrl.quit()
    return {
        "window_populated_s": populated,
        "window_settled_s": settled,
        "keystroke_median_s": statistics.median(per_key),
        "keystroke_max_s": max(per_key),
        "keystrokes": len(per_key),
        "rows_after_typing": shown,
        "peak_rss_mib": peak_rss_mib(),
    }


def measure_page(folder: Path, accounts: int) -> dict[str, Any]:
    """The Accounts page alone: session start to a populated table."""
    from PySide6.QtWidgets import QApplication

    from brankas.gui.clipboard import ClipboardService
    from brankas.gui.pages.accounts_page import AccountsPage
    from brankas.gui.session import Session, office_name
    from brankas.gui.workers import JobRunner

    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="brankas-gui-bench-") as tmp:
        ctx = _context(Path(tmp), folder)
        page = AccountsPage(ctx.resources)
        page.resize(1146, 700)
        page.show()
        vault = Vault.unlock(folder, ADMIN, Secret(PASSWORD))
        runner = JobRunner()
        session = Session(
            ctx, vault, office_name(vault), runner, ClipboardService(app.clipboard(), 15)
        )
        start = time.perf_counter()
        page.start_session(session)
        _wait(app, lambda: page.model.rowCount() == accounts)
        populated = time.perf_counter() - start
        _wait(app, lambda: not runner.busy)
        page.end_session()
        vault.close(backup=False)
    return {"page_populated_s": populated, "peak_rss_mib_page": peak_rss_mib()}


def cold_child(folder: Path) -> None:
    """Start the app as ``brankas`` does and say when the unlock window is on screen."""
    from PySide6.QtWidgets import QApplication

    from brankas.gui.controller import AppController

    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="brankas-gui-bench-") as tmp:
        ctrl = AppController(app, _context(Path(tmp), folder))
        ctrl.start()
        window = ctrl.unlock_window
        _wait(app, lambda: window is not None and window.isVisible())
        app.processEvents()
        print("ready", flush=True)
        ctrl.quit()


def _child(*args: str) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run(
        [sys.executable, "-m", "bench.gui_bench", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def cold_start(folder: Path) -> float:
    """Seconds from spawning the app process to its unlock window being shown."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.gui_bench", "--cold-child", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "ready":
        raise RuntimeError("the app did not show its unlock window")
    return elapsed


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the vault, measure in fresh processes, print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.gui_bench", description=__doc__)
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--kecamatan", type=int, default=7_300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="vault folder to create once and reuse")
    parser.add_argument("--measure-window", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--first", default="accounts", help=argparse.SUPPRESS)
    parser.add_argument("--measure-page", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cold-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_window:
        print(json.dumps(measure_window(args.measure_window, args.accounts, args.first)))
        return 0
    if args.measure_page:
        print(json.dumps(measure_page(args.measure_page, args.accounts)))
        return 0
    if args.cold_child:
        cold_child(args.cold_child)
        return 0
    with tempfile.TemporaryDirectory(prefix="brankas-gui-bench-") as tmp:
        folder = args.keep or Path(tmp) / "vault"
        if not (folder / "vault.keys").exists():
            build(folder, args.accounts, args.kecamatan)
        else:
            _say(f"reusing the vault in {folder}")
        n = str(args.accounts)
        pages, windows, usual = [], [], []
        for i in range(args.repeats):
            _say(f"run {i + 1}/{args.repeats} …")
            pages.append(_child("--accounts", n, "--measure-page", str(folder)))
            windows.append(_child("--accounts", n, "--measure-window", str(folder)))
            usual.append(
                _child("--accounts", n, "--first", "dashboard", "--measure-window", str(folder))
            )
        colds = [cold_start(folder) for _ in range(max(args.repeats, 3))]

    def med(runs: list[dict[str, Any]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    page_s = med(pages, "page_populated_s")
    window_s = med(windows, "window_populated_s")
    opened_s = med(usual, "window_populated_s")
    key_s = med(windows + usual, "keystroke_median_s")
    rss_usual = max(r["peak_rss_mib"] for r in usual)
    rss_worst = max(r["peak_rss_mib"] for r in windows)
    cold = statistics.median(colds)

    def mb(mib: float) -> str:
        return f"{mib * 1.048576:.0f} MB ({mib:.0f} MiB)"

    rows = [
        ("unlock → populated Accounts page (page alone)", "< 1.5 s", _ms(page_s), page_s < 1.5),
        (
            "unlock → populated Accounts page (main window)",
            "< 1.5 s",
            _ms(window_s),
            window_s < 1.5,
        ),
        ("  then every other page loaded", "info", _ms(med(windows, "window_settled_s")), None),
        ("Dashboard first, click Accounts → populated", "info", _ms(opened_s), None),
        ("filter keystroke (median)", "< 50 ms", _ms(key_s), key_s < 0.05),
        (
            "  slowest keystroke",
            "info",
            _ms(max(r["keystroke_max_s"] for r in windows + usual)),
            None,
        ),
        (
            "peak RSS: Dashboard at unlock, then Accounts",
            "< 400 MB",
            mb(rss_usual),
            rss_usual * 1.048576 < 400,
        ),
        (
            "peak RSS: Accounts at unlock, then the rest",
            "< 400 MB",
            mb(rss_worst),
            rss_worst * 1.048576 < 400,
        ),
        ("  Accounts page alone", "info", mb(max(r["peak_rss_mib_page"] for r in pages)), None),
        ("cold start to the unlock window", "< 1.5 s", _ms(cold), cold < 1.5),
    ]
    print(table(rows))
    print()
    print(
        f"data: {args.accounts:,} accounts over {args.kecamatan:,} kecamatan; "
        f"{args.repeats} runs per figure (median); cold starts: " + ", ".join(_ms(c) for c in colds)
    )
    return 0 if all(ok is not False for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
