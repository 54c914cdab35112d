"""Application entry point: ``brankas`` (GUI), also ``python -m brankas.gui.app``."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from brankas import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Command-line options (Qt's own options are passed on to Qt)."""
    parser = argparse.ArgumentParser(prog="brankas", description="Brankas desktop app")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--self-test",
        nargs="?",
        const="",
        metavar="REPORT",
        help="check this installation end to end and exit (also writing REPORT if given)",
    )
    parser.add_argument("--vault", type=Path, help="vault folder to open (default: per user)")
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="a review archive (.brankas), a province key (.brankaskey) or a vault folder",
    )
    args, rest = parser.parse_known_args(list(argv))
    # Unknown options are Qt's (or a newer version's); other words are files too.
    args.files += [Path(a) for a in rest if not a.startswith("-")]
    return args


def _quit_on_signals(app: QCoreApplication) -> None:
    """SIGTERM (logout, shutdown) and Ctrl+C quit cleanly: the vault is closed and backed
    up as on a normal quit. Python runs signal handlers only between bytecodes, so a
    timer wakes the interpreter while Qt's event loop waits."""
    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda _signum, _frame: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)


def main(argv: list[str] | None = None) -> int:
    """Start the GUI; returns the process exit code."""
    full = list(sys.argv if argv is None else argv)
    args = parse_args(full[1:])
    if args.version:
        print(f"{APP_NAME} {__version__}")
        return 0
    if args.self_test is not None:
        from brankas import selftest

        return selftest.main(Path(args.self_test) if args.self_test else None)
    # Qt is imported only now, so that --version works without a display or Qt libraries.
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from brankas.gui.context import AppContext
    from brankas.gui.controller import AppController
    from brankas.gui.errors import ExceptHook
    from brankas.gui.single_instance import SingleInstance, instance_key

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(full)
    # Qt took its own options (-platform offscreen …) out: what is left names the files.
    files = [f.absolute() for f in parse_args(app.arguments()[1:]).files]
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("brankas")
    app.setQuitOnLastWindowClosed(False)  # windows are swapped; the controller quits
    ctx = AppContext.production(vault_folder=args.vault)
    instance = SingleInstance(instance_key(ctx.default_vault), app)
    if instance.notify_running(files):
        return 0  # the running Brankas raises its window and opens the files
    instance.listen()
    app.setWindowIcon(ctx.resources.app_icon())
    controller = AppController(app, ctx)
    instance.activation_requested.connect(controller.raise_window)
    instance.files_requested.connect(controller.open_files)
    controller.finished.connect(app.quit)
    hook = ExceptHook(controller.show_unexpected_details)
    hook.install()
    app.aboutToQuit.connect(controller.quit)
    _quit_on_signals(app)
    controller.start(files)
    try:
        return app.exec()
    finally:
        hook.uninstall()
        instance.close()
        ctx.settings.sync()


if __name__ == "__main__":
    sys.exit(main())
