"""Screenshots of handover and term end: the handover wizard's pages with the BAST preview,
the Term end page (rotation queue, guided rotation, checklists, templates) and the signed-scan
dialog, on the demo vault at the story's date. Called by screenshots.py; run alone
(``tools/screenshots.sh`` style, under Xvfb) with ``python tools/screenshots_handover.py``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from screenshots_org import story_clock

from brankas.core.domain.enums import HandoverKind, Platform
from brankas.gui.handover.env import Hooks
from brankas.gui.handover.ui import TERM_END
from brankas.gui.main_window import MainWindow
from brankas.gui.pages.handovers_page import HandoversPage

OFFLINE = Hooks(open_url=lambda _url: True, has_printer=lambda: False)


class Shoots(Protocol):
    def shot(self, widget: QWidget, name: str) -> None: ...


def _pick(box: object, text: str) -> None:
    index = box.findText(text, Qt.MatchFlag.MatchStartsWith)  # type: ignore[attr-defined]
    if index >= 0:
        box.setCurrentIndex(index)  # type: ignore[attr-defined]


def shoot_handover(main: MainWindow, shoot: Shoots, idle: Callable[[], None]) -> None:
    """The wizard up to its preview (nothing is recorded, so every language sees the same
    vault), the Term end page and its dialogs, the scan dialog."""
    ui = main.handover
    ui.actions.clock = story_clock
    ui.actions.env.hooks = OFFLINE
    ui.term_end.clock = story_clock
    ui.term_end.env.hooks = OFFLINE
    wizard = ui.actions.open_wizard(kind=HandoverKind.RETURN)
    assert wizard is not None
    wizard.move(0, 0)
    idle()
    shoot.shot(wizard, "handover-1-kind")
    for name in ("handover-2-term", "handover-3-kecamatan", "handover-4-accounts"):
        wizard.next()
        idle()
        shoot.shot(wizard, name)
    wizard.next()
    idle()
    wizard.next()  # no office party chosen yet: the page says so under the field
    idle()
    shoot.shot(wizard, "handover-5-parties-problem")
    parties = wizard.parties_page
    _pick(parties.office_box, "Rina Contoh")
    _pick(parties.mengetahui_box, "Ahmad Rekaan")
    for row, person in enumerate(parties.witness_model.records()):
        if person.name == "Operator Contoh":
            parties.witness_model.setData(
                parties.witness_model.index(row, 0),
                Qt.CheckState.Checked,
                Qt.ItemDataRole.CheckStateRole,
            )
    shoot.shot(wizard, "handover-5-parties")
    wizard.next()
    idle()
    shoot.shot(wizard, "handover-6-details")
    wizard.next()
    idle()
    shoot.shot(wizard, "handover-7-preview-bast")
    wizard.preview.as_printed.setChecked(True)
    shoot.shot(wizard, "handover-7-preview-pages")
    wizard.preview.as_printed.setChecked(False)
    wizard.reject()
    idle()
    # Term end: the queue, the guided rotation, the checklists and their templates.
    main.show_page(TERM_END)
    idle()
    shoot.shot(main, "main-term-end-rotation")
    page = ui.term_end
    rows = page.rotation.rows()
    fb = next((r for r in rows if r.account.platform is Platform.FACEBOOK_PAGE), rows[0])
    dialog = page.open_rotation(fb.id)
    assert dialog is not None
    dialog.move(0, 0)
    dialog.confirm.setChecked(True)
    idle()
    shoot.shot(dialog, "dialog-rotation")
    dialog.force_close()
    idle()
    half = next(
        r
        for r in page.checklists.data.rows  # type: ignore[union-attr]
        if r.kecamatan == "Gadung" and 0 < r.entry.done < r.entry.total
    )
    page.show_checklist(half.id)
    idle()
    shoot.shot(main, "main-term-end-checklist")
    templates = page.checklists.edit_templates()
    templates.move(0, 0)
    idle()
    shoot.shot(templates, "dialog-checklist-templates")
    templates.reject()
    # Handovers: the buttons, and a handover's signed scan.
    main.show_page("handovers")
    idle()
    handovers = main.pages["handovers"]
    assert isinstance(handovers, HandoversPage)
    handovers.table.select_where(lambda r: r.scans > 0)
    shoot.shot(main, "main-handovers-actions")
    record = handovers.current_handover()
    assert record is not None
    scans = ui.actions.open_scans(record)
    assert scans is not None
    idle()
    shoot.shot(scans, "dialog-signed-scan")
    scans.reject()
    main.show_page("dashboard")
    idle()


def main(argv: list[str] | None = None) -> int:
    """Only these screens, both languages, into screenshots/handover/<language>/."""
    import tempfile

    from screenshots import (
        ADMIN,
        ADMIN_PASSWORD,
        ROOT,
        SCREEN,
        Shooter,
        make_context,
        make_demo_vault,
        wait_until,
    )
    from screenshots_org import use_story_date

    from brankas.core.paths import AppPaths
    from brankas.gui.controller import AppController

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory(prefix="brankas-shots-") as tmp:
        root = Path(tmp)
        make_demo_vault(AppPaths.under(root / "app").default_vault)
        for language in argv or ["id", "en"]:
            print(f"[{language}]")
            shoot = Shooter(ROOT / "screenshots" / "handover" / language)
            ctrl = AppController(app, make_context(root / "app", language))
            ctrl.start()
            unlock = ctrl.unlock_window
            assert unlock is not None
            unlock.operator.setText(ADMIN)
            unlock.password.setText(ADMIN_PASSWORD)
            unlock.unlock()
            wait_until(lambda c=ctrl: c.main_window is not None and c.main_window.isVisible())
            window = ctrl.main_window
            assert window is not None and ctrl.session is not None
            window.setGeometry(0, 0, *SCREEN)
            idle = lambda c=ctrl: wait_until(lambda: not c.runner.busy)  # noqa: E731
            idle()
            use_story_date(window, ctrl.session, idle)
            shoot_handover(window, shoot, idle)
            ctrl.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
