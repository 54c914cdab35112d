"""Screenshots of the organisation pages (dashboard, completeness, kecamatan, terms, people,
handovers) and their editors, on the demo vault at a fixed date. Called by screenshots.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Protocol

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from brankas.gui.dialogs.person_dialog import PersonDialog
from brankas.gui.dialogs.term_dialog import KecamatanEndDialog, TermDialog
from brankas.gui.main_window import MainWindow
from brankas.gui.pages.dashboard_page import DashboardPage
from brankas.gui.pages.kecamatan_page import KecamatanPage
from brankas.gui.pages.matrix_page import MatrixPage
from brankas.gui.pages.people_page import PeoplePage
from brankas.gui.pages.service_page import ServicePage
from brankas.gui.pages.terms_page import TermsPage
from brankas.gui.session import Session

# The demo story ends in March 2025; at this date its overdue and unfinished work shows.
STORY_DAY = date(2025, 3, 10)
ORG_PAGES = ("dashboard", "matrix", "kecamatan", "terms", "people", "handovers")


class Shoots(Protocol):
    def shot(self, widget: QWidget, name: str) -> None: ...


def story_clock() -> datetime:
    """10 o'clock WIB on STORY_DAY."""
    return datetime(STORY_DAY.year, STORY_DAY.month, STORY_DAY.day, 3, tzinfo=UTC)


def use_story_date(main: MainWindow, session: Session, idle: Callable[[], None]) -> None:
    """Give the organisation pages the story's date and load the dashboard (and its
    unlock banner) again at that date."""
    for key in ORG_PAGES:
        page = main.pages[key]
        if isinstance(page, ServicePage):
            page.clock = story_clock
    main.show_banner("")
    dashboard = main.pages["dashboard"]
    dashboard.start_session(session)
    idle()


def _box() -> QMessageBox:
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )


def _dialog(kind: type[QDialog]) -> QDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def shoot_org(main: MainWindow, shoot: Shoots, idle: Callable[[], None]) -> None:
    """Dialogs and states of the organisation pages worth looking at."""
    # Dashboard: another list.
    main.show_page("dashboard")
    idle()
    dashboard = main.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    dashboard.tabs.setCurrentWidget(dashboard.rotation)
    shoot.shot(main, "main-dashboard-password-change")
    dashboard.tabs.setCurrentIndex(dashboard.tabs.count() - 1)
    shoot.shot(main, "main-dashboard-by-kecamatan")
    dashboard.tabs.setCurrentIndex(0)
    # Completeness: the question for a missing account.
    main.show_page("matrix")
    idle()
    matrix = main.pages["matrix"]
    assert isinstance(matrix, MatrixPage)
    model = matrix.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Paleleh Barat")
    column = model.column_of("x")
    assert column is not None
    matrix.table.setCurrentIndex(model.index(row, column))
    matrix.choose_cell(model.index(row, column))
    box = _box()
    shoot.shot(box, "question-create-missing-account")
    box.reject()
    # Kecamatan: a duplicate name refused under the field.
    main.show_page("kecamatan")
    idle()
    kecamatan = main.pages["kecamatan"]
    assert isinstance(kecamatan, KecamatanPage)
    add = kecamatan.open_add()
    assert add is not None
    add.name.setText("Paleleh Barat")
    add.ok.click()
    idle()
    shoot.shot(add, "dialog-kecamatan-duplicate")
    add.reject()
    # Terms: editing a term (dates in the UI language) and one kecamatan's own end.
    main.show_page("terms")
    idle()
    terms_page = main.pages["terms"]
    assert isinstance(terms_page, TermsPage)
    terms_page.kec_table.select_where(lambda r: r.kecamatan.name == "Momunu")
    shoot.shot(main, "main-terms-momunu")
    terms_page.open_edit()
    edit = _dialog(TermDialog)
    shoot.shot(edit, "dialog-term-edit")
    edit.reject()
    terms_page.open_end()
    end = _dialog(KecamatanEndDialog)
    shoot.shot(end, "dialog-kecamatan-end")
    end.reject()
    # People: one kecamatan's committee, and a NIP refused under its field.
    main.show_page("people")
    idle()
    people_page = main.pages["people"]
    assert isinstance(people_page, PeoplePage)
    people_page.kecamatan_filter.setCurrentIndex(people_page.kecamatan_filter.findText("Biau"))
    shoot.shot(main, "main-people-biau")
    people_page.open_add()
    person = _dialog(PersonDialog)
    assert isinstance(person, PersonDialog)
    person.term.setCurrentIndex(person.term.findText("Pilkada 2024"))
    person.name.setText("Wulan Contoh")
    person.phone.setText("0812 3456 7890")
    person.nip.setText("1980 0101 2005")
    person.ok.click()
    idle()
    shoot.shot(person, "dialog-person-nip")
    person.reject()
    people_page.kecamatan_filter.setCurrentIndex(0)
