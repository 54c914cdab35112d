"""The handover wizard's first pages: kind, term, kecamatan and the accounts to list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QRadioButton

from brankas.core.domain.enums import HandoverKind
from brankas.core.services import handover_wizard as wh
from brankas.core.services.handover_wizard import Page
from brankas.gui.handover.choice_models import (
    AccountChoice,
    AccountChoiceModel,
    AccountColumn,
    KecamatanChoice,
    KecamatanChoiceModel,
    KecamatanColumn,
    TermChoiceModel,
    TermColumn,
)
from brankas.gui.handover.wizard_base import WizardStep
from brankas.gui.theme import Spacing
from brankas.gui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from brankas.gui.handover.wizard import HandoverWizard


class HandoverKindPage(WizardStep):
    """Issue, return or hand on to the next committee."""

    core_page = Page.KIND

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("kindPage")
        self.setTitle(self.tr("What kind of handover?"))
        self.setSubTitle(self.tr("Each kind is recorded with its own BAST (berita acara)."))
        self.group = QButtonGroup(self)
        self.buttons: dict[HandoverKind, QRadioButton] = {}
        texts = {
            HandoverKind.ISSUE: (
                self.tr("Issue accounts to a committee"),
                self.tr(
                    "The regency hands the accounts to the committee of a kecamatan, usually "
                    "when its term starts. The passwords are given in person, never on the BAST."
                ),
            ),
            HandoverKind.RETURN: (
                self.tr("Take accounts back from a committee"),
                self.tr(
                    "The committee returns the accounts, at the latest when its term ends. "
                    "Afterwards every password is changed and the deactivation checklist starts."
                ),
            ),
            HandoverKind.NEXT_COMMITTEE: (
                self.tr("Hand kept accounts to the next committee"),
                self.tr(
                    "Permanent accounts the office kept after the last term continue into a "
                    "new term and go to its committee."
                ),
            ),
        }
        for kind, (title, hint) in texts.items():
            button = QRadioButton(title)
            button.setObjectName(f"kind_{kind.value}")
            self.group.addButton(button)
            button.toggled.connect(lambda _on: self.clear_problems())
            self.buttons[kind] = button
            note = self.title_widget(hint)
            note.setContentsMargins(Spacing.XL, 0, 0, Spacing.S)
            self.body.addWidget(button)
            self.body.addWidget(note)
        self.body.addWidget(self.add_error("kind"))
        self.body.addStretch(1)
        self.finish_layout()

    def initializePage(self) -> None:
        """Show the kind chosen (or pre-filled)."""
        kind = self.wiz.state.kind
        if kind is not None:
            self.buttons[kind].setChecked(True)
        self.wiz.page_ready(self)

    def chosen(self) -> HandoverKind | None:
        """The kind ticked."""
        return next((k for k, b in self.buttons.items() if b.isChecked()), None)

    def store(self) -> None:
        """Set the kind (a different one clears later choices)."""
        kind = self.chosen()
        if kind is not None:
            self.wiz.state = wh.choose_kind(self.wiz.state, kind)


class HandoverTermPage(WizardStep):
    """The term the handover belongs to (for the next committee: the new term)."""

    core_page = Page.TERM

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("termPage")
        self.setTitle(self.tr("Which term?"))
        self.hint = self.title_widget("")
        self.body.addWidget(self.hint)
        self.model = TermChoiceModel(self)
        self.table = RecordTable(self.model, stretch=TermColumn.NAME)
        self.table.setObjectName("termTable")
        self.table.horizontalHeader().setSortIndicator(
            TermColumn.START, Qt.SortOrder.DescendingOrder
        )
        self.table.record_activated.connect(lambda _r: self.wiz.next())
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.add_error("term"))
        self.finish_layout()

    def initializePage(self) -> None:
        """Load the terms (once) and select the chosen or the likely one."""
        if self.wiz.state.kind is HandoverKind.NEXT_COMMITTEE:
            self.hint.setText(self.tr("Choose the new term the kept accounts continue into."))
        else:
            self.hint.setText(self.tr("Choose the term of the committee."))
        self.set_loading(True)
        self.wiz.ensure_data(self.wiz.state.kind, None, self._loaded)

    def _loaded(self) -> None:
        self.set_loading(False)
        self.model.set_records(self.wiz.data.terms)
        wanted = self.wiz.state.term_id
        if wanted is None:
            likely = self.wiz.likely_term()
            wanted = likely.id if likely else None
        if wanted is not None:
            self.table.select_where(lambda t: t.id == wanted)
        self.wiz.page_ready(self)

    def store(self) -> None:
        """Set the term (a different one clears the kecamatan and accounts)."""
        term = self.table.current_record()
        if term is not None:
            self.wiz.state = wh.choose_term(self.wiz.state, term.id)


class HandoverKecamatanPage(WizardStep):
    """One kecamatan or many; each one with accounts makes its own BAST."""

    core_page = Page.KECAMATAN

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("kecamatanPage")
        self.setTitle(self.tr("Which kecamatan?"))
        self.body.addWidget(
            self.title_widget(
                self.tr(
                    "At term end all kecamatan usually hand over together: one BAST is made "
                    "for each kecamatan, signed by its own committee."
                )
            )
        )
        self.model = KecamatanChoiceModel(self)
        self.table = RecordTable(self.model, stretch=KecamatanColumn.NAME)
        self.table.setObjectName("kecamatanTable")
        self.body.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("All with accounts"))
        self.all_button.setObjectName("kecamatanAll")
        self.none_button = QPushButton(self.tr("None"))
        self.none_button.setObjectName("kecamatanNone")
        self.summary = QLabel()
        self.summary.setObjectName("kecamatanSummary")
        self.summary.setProperty("role", "hint")
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addWidget(self.summary, 1)
        self.body.addLayout(row)
        self.body.addWidget(self.add_error("kecamatan"))
        self.finish_layout()
        self.all_button.clicked.connect(self.check_all)
        self.none_button.clicked.connect(lambda: self._set_checked(set()))
        self.model.toggled.connect(lambda _i, _on: self._summarise())
        self.model.toggled.connect(lambda _i, _on: self.clear_problems())

    def initializePage(self) -> None:
        """Load the term's kecamatan and candidates, then tick the chosen ones (or all
        with accounts when none was chosen yet)."""
        self.set_loading(True)
        self.wiz.ensure_data(self.wiz.state.kind, self.wiz.state.term_id, self._loaded)

    def _loaded(self) -> None:
        self.set_loading(False)
        data = self.wiz.data
        counts: dict[int, int] = {}
        for o in data.accounts:
            counts[o.kecamatan_id] = counts.get(o.kecamatan_id, 0) + 1
        self.model.set_records([KecamatanChoice(k, counts.get(k.id, 0)) for k in data.kecamatan])
        if self.wiz.state.kecamatan_ids:
            self._set_checked(set(self.wiz.state.kecamatan_ids))
        else:
            self.check_all()
        self.wiz.page_ready(self)

    def check_all(self) -> None:
        """Tick every kecamatan that has accounts to hand over."""
        self._set_checked({r.id for r in self.model.records() if r.candidates})

    def _set_checked(self, ids: set[int]) -> None:
        self.model.set_checked(ids)
        self._summarise()

    def _summarise(self) -> None:
        chosen = [r for r in self.model.records() if r.id in self.model.checked()]
        self.summary.setText(
            self.tr("{kecamatan} kecamatan chosen, {accounts} accounts to hand over.").format(
                kecamatan=len(chosen), accounts=sum(r.candidates for r in chosen)
            )
        )

    def store(self) -> None:
        """Set the kecamatan; newly chosen ones get their accounts pre-ticked."""
        self.wiz.state = wh.choose_kecamatan(self.wiz.state, self.model.checked(), self.wiz.data)


class HandoverAccountsPage(WizardStep):
    """The candidate accounts, pre-ticked from who holds them."""

    core_page = Page.ACCOUNTS

    def __init__(self, wizard: HandoverWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("accountsPage")
        self.setTitle(self.tr("Which accounts?"))
        self.hint = self.title_widget("")
        self.body.addWidget(self.hint)
        self.model = AccountChoiceModel(self)
        self.table = RecordTable(self.model, stretch=AccountColumn.ACCOUNT)
        self.table.setObjectName("accountsTable")
        self.table.horizontalHeader().setSortIndicator(
            AccountColumn.KECAMATAN, Qt.SortOrder.AscendingOrder
        )
        self.body.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Tick all"))
        self.all_button.setObjectName("accountsAll")
        self.none_button = QPushButton(self.tr("Untick all"))
        self.none_button.setObjectName("accountsNone")
        self.summary = QLabel()
        self.summary.setObjectName("accountsSummary")
        self.summary.setProperty("role", "hint")
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addWidget(self.summary, 1)
        self.body.addLayout(row)
        self.body.addWidget(self.add_error("accounts"))
        self.finish_layout()
        self.model.toggled.connect(self._toggled)
        self.model.toggled.connect(lambda _i, _on: self.clear_problems())
        self.all_button.clicked.connect(lambda: self._select({r.id for r in self.model.records()}))
        self.none_button.clicked.connect(lambda: self._select(set()))

    def initializePage(self) -> None:
        """The candidates of the chosen kecamatan, ticked as the state says."""
        state, data = self.wiz.state, self.wiz.data
        hints = {
            HandoverKind.ISSUE: self.tr("Accounts the office holds that the committee receives."),
            HandoverKind.RETURN: self.tr(
                "Accounts the committee still holds. Untick one only if it stays with them "
                "for now; it will show as overdue after the term ends."
            ),
            HandoverKind.NEXT_COMMITTEE: self.tr(
                "Permanent accounts the office kept, ready for the new committee."
            ),
        }
        self.hint.setText(hints.get(state.kind, "") if state.kind else "")
        names = {k.id: k.name for k in data.kecamatan}
        people = {p.id: p.name for p in data.people}
        rows = [
            AccountChoice(
                o,
                names.get(o.kecamatan_id, ""),
                ""
                if o.holder_person_id is None
                else people.get(o.holder_person_id, self.tr("a committee member")),
            )
            for o in data.accounts
            if o.kecamatan_id in state.kecamatan_ids
        ]
        self.model.set_records(rows)
        self.model.set_checked(state.selected)
        self._summarise()
        self.wiz.page_ready(self)

    def _toggled(self, account_id: int, on: bool) -> None:
        selected = set(self.wiz.state.selected)
        (selected.add if on else selected.discard)(account_id)
        self.wiz.state = wh.set_selected(self.wiz.state, selected)
        self._summarise()

    def _select(self, ids: set[int]) -> None:
        self.wiz.state = wh.set_selected(self.wiz.state, ids)
        self.model.set_checked(ids)
        self._summarise()

    def _summarise(self) -> None:
        basts = len(wh.active_kecamatan(self.wiz.state, self.wiz.data))
        self.summary.setText(
            self.tr("{ticked} of {total} accounts ticked; {basts} BAST will be made.").format(
                ticked=len(self.wiz.state.selected), total=self.model.rowCount(), basts=basts
            )
        )
