"""Audit log page: every event, a kind filter, and the hash-chain check."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from brankas.core.audit import ChainStatus, Event
from brankas.core.errors import AuditChainBroken
from brankas.core.services import accounts, handover, office, people, terms
from brankas.core.services.context import ServiceContext
from brankas.gui.dialogs.messages import show_error
from brankas.gui.errors import error_message
from brankas.gui.i18n import current_language, format_datetime, parse_iso
from brankas.gui.labels import audit_kind_label, platform_label
from brankas.gui.models.audit_model import AuditModel, Column
from brankas.gui.pages.base import Page
from brankas.gui.session import Session, operator_names
from brankas.gui.theme import set_role
from brankas.gui.workers import ProgressFn

AuditData = tuple[list[Event], dict[str, str], dict[str, str]]


def target_names(ctx: ServiceContext) -> dict[str, str]:
    """The records audit events point at ("account:12", "term:3" …) by name, so that the
    log says which account or kecamatan; deleted ones are absent (worker thread)."""
    names = {f"kecamatan:{k.id}": k.name for k in office.list_kecamatan(ctx)}
    names.update((f"term:{t.id}", t.name) for t in terms.list_terms(ctx))
    names.update((f"person:{p.id}", p.name) for p in people.list_people(ctx))
    names.update((f"handover:{h.id}", h.number) for h in handover.list_handovers(ctx))
    names.update(
        (f"account:{a.id}", f"{platform_label(a.platform)} {a.handle}")
        for a in accounts.list_accounts(ctx)
    )
    return names


class AuditPage(Page):
    """Read-only view of the audit log."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.title.setText(self.tr("Audit log"))
        self.setObjectName("auditPage")
        self.add_intro(
            self.tr(
                "Every unlock, reveal, copy, change and handover is recorded here. The events "
                "are chained: a deleted or edited event breaks the chain."
            )
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("auditKindFilter")
        self.kind_box.setMinimumWidth(220)
        row.addWidget(self.kind_box)
        row.addStretch(1)
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.setObjectName("verifyChain")
        row.addWidget(self.verify_button)
        self.layout_.addLayout(row)
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setProperty("role", "ok")
        self.result.setWordWrap(True)
        self.result.setVisible(False)
        self.layout_.addWidget(self.result)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TARGET, QHeaderView.ResizeMode.Stretch)
        self.layout_.addWidget(self.table, 1)
        self.kind_box.currentIndexChanged.connect(self._filter)
        self.verify_button.clicked.connect(self.verify)
        self._events: list[Event] = []

    def start_session(self, session: Session) -> None:
        """Load the events."""
        super().start_session(session)
        self.reload()

    def end_session(self) -> None:
        """Forget them."""
        self.model.clear()
        self._events = []
        self.kind_box.clear()
        self._show_result("", "")
        super().end_session()

    def page_shown(self) -> None:
        """Refresh on every visit."""
        self.reload()

    def reload(self) -> None:
        """Read the events in the worker (a long log takes a moment)."""
        session = self.session
        if session is None:
            return
        vault = session.vault

        def job(_progress: ProgressFn) -> AuditData:
            return list(vault.audit.events()), operator_names(vault), target_names(ctx)

        ctx = ServiceContext(vault)

        session.runner.start(job, on_success=self._loaded, on_error=self._failed)

    def _loaded(self, result: AuditData) -> None:
        if self.session is None:
            return  # locked while loading
        events, names, targets = result
        self._events = events
        self.model.set_events(events, names, targets)
        current = self.kind_box.currentData()
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem(self.tr("All events"), None)
        for kind in sorted(self.model.kinds(), key=audit_kind_label):
            self.kind_box.addItem(audit_kind_label(kind), kind)
        index = self.kind_box.findData(current) if current else 0
        self.kind_box.setCurrentIndex(max(index, 0))
        self.kind_box.blockSignals(False)
        self._filter()

    def _filter(self, *_args: Any) -> None:
        self.model.set_kind_filter(self.kind_box.currentData())

    def verify(self) -> None:
        """Walk the hash chain in the worker and say where it breaks, if it does."""
        session = self.session
        if session is None:
            return
        vault = session.vault
        self.verify_button.setEnabled(False)

        def job(_progress: ProgressFn) -> ChainStatus:
            return vault.audit.verify()

        session.runner.start(job, on_success=self._verified, on_error=self._failed)

    def _verified(self, status: ChainStatus) -> None:
        self.verify_button.setEnabled(True)
        if status.ok:
            self.model.mark_broken(None)
            self._show_result(
                self.tr("The audit chain is intact: {count} events checked.").format(
                    count=status.count
                ),
                "ok",
            )
            return
        seq = status.first_broken_seq
        self.model.mark_broken(seq)
        sentence = error_message(AuditChainBroken("", seq=seq))
        event = next((e for e in self._events if e.seq == seq), None)
        if event is not None:
            moment = parse_iso(event.at)
            when = format_datetime(moment, current_language()) if moment else event.at
            sentence += " " + self.tr("That event: {kind}, {when}.").format(
                kind=audit_kind_label(event.kind), when=when
            )
        self._show_result(sentence, "error")
        if seq is not None:
            self.kind_box.setCurrentIndex(0)
            row = self.model.row_of_seq(seq)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

    def _failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        show_error(self.window(), exc)

    def _show_result(self, text: str, role: str) -> None:
        if role:
            set_role(self.result, role)
        self.result.setText(text)
        self.result.setVisible(bool(text))
