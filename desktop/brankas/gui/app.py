"""Application entry point: ``brankas`` (GUI)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from brankas import APP_NAME, __version__
from brankas.core.paths import AppPaths


def main(argv: list[str] | None = None) -> int:
    """Start the GUI; returns the process exit code."""
    args = sys.argv if argv is None else argv
    if "--version" in args[1:]:
        print(f"{APP_NAME} {__version__}")
        return 0
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    app = QApplication(args)
    paths = AppPaths.default()
    label = QLabel(
        QCoreApplication.translate(
            "Placeholder",
            "Brankas {version}\n\nThe desktop window is being built.\nVault location: {path}",
        ).format(version=__version__, path=paths.default_vault)
    )
    label.setMargin(32)
    label.setWindowTitle(APP_NAME)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
