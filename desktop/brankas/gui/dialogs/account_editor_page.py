"""The account editor's Facebook Page tab: who has access, edited here and saved with the account."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import PageAccess
from brankas.core.domain.models import PageAccessEntry
from brankas.core.errors import InvalidValue
from brankas.core.services.accounts import page_access_warnings
from brankas.gui.errors import error_message
from brankas.gui.models.account_data import AccountsData
from brankas.gui.models.account_labels import page_access_label, role_word, warning_text
from brankas.gui.models.account_lists import PageAccessModel

from .account_editor_tabs import (
    PersonChoices,
    enum_combo,
    error_label,
    hint_label,
    person_combo,
    picked_person,
)


class PageTab(QWidget):
    """Additions show "(not saved yet)", removals "(removed on saving)"; the good-practice
    warnings follow every change."""

    def __init__(
        self, people: PersonChoices, data: AccountsData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._data = data
        layout = QVBoxLayout(self)
        intro = hint_label()
        intro.setText(
            self.tr(
                "A Page is managed by people added on their own Facebook profiles. Keep at "
                "least two regency officials with full control; committee members get partial "
                "or task access and are removed at the term end."
            )
        )
        layout.addWidget(intro)
        self.model = PageAccessModel(self)
        self.model.roles = {pid: role_word(p.role) for pid, p in data.people.items()}
        self.table = QTableView()
        self.table.setObjectName("pageRoster")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 240)
        self.table.setColumnWidth(1, 120)
        layout.addWidget(self.table, 1)
        self.warnings = QLabel()
        self.warnings.setObjectName("pageWarnings")
        self.warnings.setProperty("role", "warning")
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(False)
        layout.addWidget(self.warnings)
        row = QHBoxLayout()
        self.person = person_combo("pagePerson", people)
        self.free_name = QLineEdit()
        self.free_name.setObjectName("pageFreeName")
        self.free_name.setPlaceholderText(self.tr("or a name on Facebook"))
        self.access = enum_combo("pageAccess", ((page_access_label(a), a) for a in PageAccess))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("pageAdd")
        self.remove_button = QPushButton(self.tr("Remove access"))
        self.remove_button.setObjectName("pageRemove")
        row.addWidget(self.person, 2)
        row.addWidget(self.free_name, 2)
        row.addWidget(self.access, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.error = error_label("page_access")
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add_access)
        self.remove_button.clicked.connect(self.remove_selected)

    def set_entries(self, entries: list[PageAccessEntry]) -> None:
        """The roster as stored."""
        self.model.pending_removal.clear()
        self.model.set_records(entries)
        self.update_warnings()

    def current(self) -> list[PageAccessEntry]:
        """Entries that will hold access after saving."""
        gone = self.model.pending_removal
        return [e for e in self.model.records() if e.removed_at is None and e.id not in gone]

    def added(self) -> tuple[PageAccessEntry, ...]:
        """Entries to add on saving."""
        return tuple(e for e in self.model.records() if e.id == 0)

    def removed(self) -> tuple[int, ...]:
        """Entry ids to mark removed on saving."""
        return tuple(sorted(self.model.pending_removal))

    def update_warnings(self) -> None:
        """Check the roster against good practice."""
        roles = {pid: p.role for pid, p in self._data.people.items()}
        text = " ".join(warning_text(c) for c in page_access_warnings(self.current(), roles))
        self.warnings.setText(text)
        self.warnings.setVisible(bool(text))

    def show_error(self, text: str) -> None:
        """A problem with the roster ('' hides it)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def add_access(self) -> None:
        """Add the chosen person (or typed name) with the chosen access."""
        pid = picked_person(self.person)
        name = self._data.person_name(pid) if pid is not None else self.free_name.text().strip()
        if not name:
            self.show_error(self.tr("Choose a person or type the name they use on Facebook."))
            return
        for e in self.current():
            same = (
                e.person_id == pid
                if pid is not None
                else e.person_id is None and e.person_name.casefold() == name.casefold()
            )
            if same:
                duplicate = InvalidValue("", field="person_id", code="page_access_duplicate")
                self.show_error(error_message(duplicate))
                return
        level = PageAccess(self.access.currentData())
        self.show_error("")
        entry = PageAccessEntry(
            account_id=0,
            person_id=pid,
            person_name=name,
            access=level,
            added_at=datetime.now(UTC),
        )
        self.model.set_records([*self.model.records(), entry])
        self.free_name.clear()
        self.person.setCurrentIndex(0)
        self.update_warnings()

    def remove_selected(self) -> None:
        """Take away the selected person's access (an unsaved addition just goes)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.model.records()[rows[0].row()]
        if entry.id == 0:
            self.model.set_records([e for e in self.model.records() if e is not entry])
        elif entry.removed_at is None:
            self.model.pending_removal.add(entry.id)
            self.model.set_records(self.model.records())
        self.update_warnings()
