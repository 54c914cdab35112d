"""Audit log page: every event, a kind filter, and the hash-chain check."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from brankas.core.archive import province
from brankas.core.audit import ChainStatus, Event
from brankas.core.errors import AuditChainBroken, NotFound
from brankas.core.review.lookup import rows_for
from brankas.core.services import handover, office, people, terms
from brankas.core.services.context import ServiceContext
from brankas.gui.dialogs.messages import show_error
from brankas.gui.errors import error_message
from brankas.gui.i18n import current_language, format_datetime, format_short_datetime, parse_iso
from brankas.gui.labels import audit_kind_label, platform_label
from brankas.gui.models.audit_model import AuditModel, Column
from brankas.gui.pages.base import Page
from brankas.gui.session import Session, operator_names
from brankas.gui.theme import set_role
from brankas.gui.workers import ProgressFn


class _Record(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=_Record)
AuditData = tuple[list[Event], dict[str, str], dict[str, str]]
NameReader = Callable[[ServiceContext, set[int]], Iterable[tuple[int, str]]]
ONE_BY_ONE = 64  # up to this many people or handovers named: read each; more, the list


def _some(
    ctx: ServiceContext,
    ids: set[int],
    get: Callable[[ServiceContext, int], R],
    list_all: Callable[[ServiceContext], list[R]],
) -> list[R]:
    """The records with these ids that exist."""
    if len(ids) > ONE_BY_ONE:
        return [r for r in list_all(ctx) if r.id in ids]
    found = []
    for record_id in sorted(ids):
        with suppress(NotFound):  # deleted since
            found.append(get(ctx, record_id))
    return found


def _account_names(ctx: ServiceContext, ids: set[int]) -> Iterable[tuple[int, str]]:
    # Platform and handle straight from SQL: no 30-field record per account.
    return ((r[0], f"{platform_label(r[1])} {r[2]}") for r in rows_for(ctx.conn, ids))


_READERS: dict[str, NameReader] = {
    "kecamatan": lambda ctx, ids: (
        (k.id, k.name) for k in office.list_kecamatan(ctx) if k.id in ids
    ),
    "term": lambda ctx, ids: ((t.id, t.name) for t in terms.list_terms(ctx) if t.id in ids),
    "person": lambda ctx, ids: (
        (p.id, p.name) for p in _some(ctx, ids, people.get_person, people.list_people)
    ),
    "handover": lambda ctx, ids: (
        (h.id, h.number) for h in _some(ctx, ids, handover.get_handover, handover.list_handovers)
    ),
    "account": _account_names,
}


def target_names(ctx: ServiceContext, targets: Iterable[str]) -> dict[str, str]:
    """The records the audit targets point at ("account:12", "term:3" …) by name, so that
    the log says which account or kecamatan; deleted ones are absent (worker thread).

    Only the records ``targets`` name are read: at 50,000 accounts, naming every account,
    person and handover took over a second and kept ~95,000 names for a log that may
    mention a handful.
    """
    wanted: dict[str, set[int]] = {}
    for target in targets:
        kind, _sep, ident = target.partition(":")
        if kind in _READERS and ident.isascii() and ident.isdigit():
            wanted.setdefault(kind, set()).add(int(ident))
    names: dict[str, str] = {}
    for kind, ids in wanted.items():
        names.update((f"{kind}:{record_id}", name) for record_id, name in _READERS[kind](ctx, ids))
    archives = {t.partition(":")[2] for t in targets if t.startswith("archive:")}
    if archives - {"identity", "province_recipient"}:
        names.update(_archive_names(ctx, archives))
    return names


def _archive_names(ctx: ServiceContext, export_ids: set[str]) -> Iterable[tuple[str, str]]:
    """Archives a province imported, by regency, terms and export time (a regency's own
    exports keep their id: its log names the office already)."""
    language = current_language()
    for imp in province.list_imports(ctx.conn):
        if imp.export_id in export_ids:
            terms_ = ", ".join(t.name for t in imp.terms)
            when = format_short_datetime(imp.exported_at, language)
            yield f"archive:{imp.export_id}", f"{imp.office_name} — {terms_} ({when})"


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
            events = list(vault.audit.events())
            names = target_names(ctx, {e.target for e in events})
            return events, operator_names(vault), names

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
