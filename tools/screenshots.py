"""Screenshots of every screen, in Indonesian and English, for looking at the app.

Run through tools/screenshots.sh (which starts Xvfb at 1366x768). Works on a throwaway
vault created through core with the production KDF policy at its floor (m=64 MiB, t=3):
the app's test-only fast KDF is deliberately unreachable from here. PNGs go to
screenshots/<language>/.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from screenshots_accounts import shoot_accounts
from screenshots_archive import prepare_regencies, shoot_export, shoot_province
from screenshots_handover import shoot_handover
from screenshots_import import shoot_import
from screenshots_office import shoot_office
from screenshots_open_file import newest_archive, shoot_open_files, shoot_open_locked
from screenshots_org import shoot_org, use_story_date

from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, KdfPolicy, new_salt
from brankas.core.domain.enums import Role
from brankas.core.keystore import MemoryDeviceKeyStore
from brankas.core.paths import AppPaths
from brankas.core.secret import Secret
from brankas.core.services import demo
from brankas.core.vault import operators
from brankas.gui.context import AppContext
from brankas.gui.controller import AppController
from brankas.gui.dialogs.operator_dialogs import AddOperatorDialog
from brankas.gui.errors import UnexpectedErrorDialog, scrubbed_details
from brankas.gui.resources import Resources
from brankas.gui.settings import GuiSettings
from brankas.gui.wizard.flow import Choice

ROOT = Path(__file__).resolve().parents[1]
SCREEN = (1366, 768)
OFFICE = "Bawaslu Kabupaten Buol"
ADMIN, ADMIN_PASSWORD = demo.ADMIN_NAME, "kopi-pagi-di-kantor-buol"
OTHER, OTHER_PASSWORD = "Budi Santoso", "sepeda-motor-biru-tahun-lalu"


def floor_kdf(_policy: KdfPolicy = PRODUCTION_POLICY, _progress: object = None) -> KdfParams:
    """The production floor (DESIGN.md): m = 64 MiB, t = 3."""
    return KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1, salt=new_salt())


def wait_until(check: Callable[[], bool], timeout: float = 20.0) -> None:
    """Run the event loop until ``check()`` is true."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not reach the expected state")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def settle(msecs: int = 150) -> None:
    """Let layouts and repaints finish."""
    end = time.monotonic() + msecs / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


class Shooter:
    """Saves numbered PNGs for one language."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.count = 0
        out.mkdir(parents=True, exist_ok=True)

    def shot(self, widget: QWidget, name: str) -> None:
        settle()
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        widget.grab().save(str(path))
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def make_context(root: Path, language: str) -> AppContext:
    paths = AppPaths.under(root)
    settings = GuiSettings.in_folder(paths.config_dir)
    settings.language = language
    return AppContext(
        paths=paths,
        settings=settings,
        resources=Resources.locate(),
        keystore=MemoryDeviceKeyStore(),
        policy=PRODUCTION_POLICY,
        choose_kdf=floor_kdf,
    )


def make_demo_vault(folder: Path) -> str:
    """The demo vault (Kabupaten Buol: kecamatan, terms, people, accounts, handovers) with a
    second operator; returns its recovery kit."""
    vault, kit = demo.build_demo_vault(
        folder, password=Secret(ADMIN_PASSWORD), policy=PRODUCTION_POLICY, kdf=floor_kdf()
    )
    operators.add_operator(vault, OTHER, Secret(OTHER_PASSWORD), Role.OPERATOR)
    vault.backup("demo")
    vault.close(backup=False)
    return kit


def shoot_wizard(app: QApplication, root: Path, language: str, shoot: Shooter) -> None:
    ctx = make_context(root / f"wizard-{language}", language)
    ctrl = AppController(app, ctx)
    ctrl.start()
    wizard = ctrl.wizard
    assert wizard is not None
    wizard.move(0, 0)
    shoot.shot(wizard, "wizard-choose")
    wizard.choose.buttons[Choice.REGENCY].setChecked(True)
    wizard.next()
    wizard.office.name.setText(OFFICE)
    wizard.office.code.setText("BWS.BUOL")
    wizard.office.city.setText("Buol")
    shoot.shot(wizard, "wizard-office")
    wizard.next()
    wizard.admin.name.setText(ADMIN)
    wizard.admin.password.password.setText(ADMIN_PASSWORD)
    wizard.admin.password.confirm.setText("kopi-pagi")
    shoot.shot(wizard, "wizard-admin-mismatch")
    wizard.admin.password.confirm.setText(ADMIN_PASSWORD)
    shoot.shot(wizard, "wizard-admin")
    wizard.next()
    shoot.shot(wizard, "wizard-creating")
    wait_until(lambda: wizard.kit.view is not None and wizard.kit.isVisible())
    shoot.shot(wizard, "wizard-kit")
    wizard.next()
    confirm = wizard.confirm.confirm
    assert confirm is not None
    confirm.input.setText(wizard.state.recovery_key.split("-")[confirm.group_number - 1])
    shoot.shot(wizard, "wizard-confirm-kit")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_until(lambda: ctrl.main_window is not None and ctrl.main_window.isVisible())
    ctrl.quit()


def shoot_app(
    app: QApplication, root: Path, language: str, kit: str, shoot: Shooter, *, dark: bool = False
) -> None:
    ctx = make_context(root / "app", language)
    ctrl = AppController(app, ctx)
    ctrl.start()
    if dark:
        ctrl.theme.apply(dark=True)
        ctrl.show_unlock()  # rebuilt: icons are drawn in the palette's colours
    unlock = ctrl.unlock_window
    assert unlock is not None
    unlock.move(0, 0)
    shoot.shot(unlock, "unlock")
    unlock.operator.setText(ADMIN)
    unlock.password.setText("salah-kata-sandi")
    unlock.unlock()
    wait_until(lambda: unlock.error.isVisible())
    shoot.shot(unlock, "unlock-wrong-password")
    # The recovery dialog with a typo in group 3.
    ctrl.show_recovery(ctx.default_vault)
    recovery = ctrl.recovery
    assert recovery is not None
    groups = kit.split("-")
    groups[2] = f"{(int(groups[2]) + 1) % 1_000_000:06d}"
    recovery.entry.set_key("-".join(groups))
    shoot.shot(recovery, "recovery-typo")
    recovery.reject()
    unlock.password.setText(ADMIN_PASSWORD)
    unlock.unlock()
    wait_until(lambda: ctrl.main_window is not None and ctrl.main_window.isVisible())
    main = ctrl.main_window
    assert main is not None
    main.setGeometry(0, 0, *SCREEN)
    wait_until(lambda: not ctrl.runner.busy)
    session = ctrl.session
    assert session is not None
    use_story_date(main, session, lambda: wait_until(lambda: not ctrl.runner.busy))
    for key in (
        "dashboard",
        "accounts",
        "kecamatan",
        "matrix",
        "terms",
        "people",
        "handovers",
        "audit",
        "operators",
        "settings",
    ):
        main.show_page(key)
        wait_until(lambda: not ctrl.runner.busy)
        shoot.shot(main, f"main-{key}")
    shoot_org(main, shoot, lambda: wait_until(lambda: not ctrl.runner.busy))
    shoot_office(main, shoot, lambda: wait_until(lambda: not ctrl.runner.busy))
    shoot_handover(main, shoot, lambda: wait_until(lambda: not ctrl.runner.busy))
    shoot_accounts(main, shoot, lambda: wait_until(lambda: not ctrl.runner.busy))
    shoot_import(main, shoot, lambda: wait_until(lambda: not ctrl.runner.busy))
    shoot_export(main, shoot, lambda: wait_until(lambda: not ctrl.runner.busy), root / "out")
    archive = newest_archive(root / "out")
    shoot_open_files(ctrl, shoot, lambda: wait_until(lambda: not ctrl.runner.busy), root, archive)
    main.show_page("audit")
    page = main.pages["audit"]
    page.verify()  # type: ignore[attr-defined]
    wait_until(lambda: not ctrl.runner.busy)
    shoot.shot(main, "main-audit-verified")
    main.show_page("operators")
    main.pages["operators"].open_add()  # type: ignore[attr-defined]
    dialog = next(w for w in main.findChildren(AddOperatorDialog) if w.isVisible())
    dialog.name.setText("Rina Wulandari")
    dialog.password.password.setText("rina")
    shoot.shot(dialog, "dialog-add-operator")
    dialog.reject()
    try:
        raise ValueError("contoh")
    except ValueError as exc:
        error = UnexpectedErrorDialog(scrubbed_details(type(exc), exc, exc.__traceback__), main)
    error.show()
    shoot.shot(error, "dialog-unexpected-error")
    error.close()
    ctrl.lock("idle")
    locked = ctrl.unlock_window
    assert locked is not None
    shoot.shot(locked, "unlock-after-idle-lock")
    shoot_open_locked(ctrl, shoot, archive)
    ctrl.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--languages", default="id,en")
    parser.add_argument("--no-dark", dest="dark", action="store_false", help="skip the dark pass")
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory(prefix="brankas-shots-") as tmp:
        root = Path(tmp)
        buol = AppPaths.under(root / "app").default_vault
        kit = make_demo_vault(buol)
        toli = prepare_regencies(root, buol, ADMIN, ADMIN_PASSWORD)
        for language in args.languages.split(","):
            print(f"[{language}]")
            shoot = Shooter(args.out / language)
            shoot_wizard(app, root, language, shoot)
            shoot_app(app, root, language, kit, shoot)
            shoot_province(
                app, root, language, shoot, [buol, toli], ADMIN, ADMIN_PASSWORD, make_context
            )
            for w in QApplication.topLevelWidgets():
                w.hide()
                w.deleteLater()
            settle()
        if args.dark:
            print("[id, dark palette]")
            shoot_app(app, root, "id", kit, Shooter(args.out / "id-dark"), dark=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
