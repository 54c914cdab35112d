"""What the main window gets from the archive package: the export action (regency), the
province pages, and a navigation model that shows the pages of the vault's office kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from brankas.core.domain.enums import OfficeKind
from brankas.core.storage.repos.office import own_office
from brankas.gui.archive.archives_page import ArchivesPage
from brankas.gui.archive.export_dialog import ExportDialog
from brankas.gui.archive.review_page import ReviewPage
from brankas.gui.context import AppContext
from brankas.gui.models.nav_model import NavEntry, NavModel
from brankas.gui.pages.base import Page
from brankas.gui.session import Session

PROVINCE_PAGES = ("archives", "review")
# A province vault holds no accounts of its own: it shows its pages and the common ones.
PROVINCE_KEYS = frozenset({*PROVINCE_PAGES, "audit", "operators", "settings"})


class KindNavModel(NavModel):
    """The navigation of one office kind: a regency sees its pages, a province "Regency
    archives" and "Review" instead (plus the audit log, operators and settings)."""

    _kind = OfficeKind.REGENCY  # a class default: NavModel.__init__ already filters

    def _visible(self) -> list[NavEntry]:
        rows = super()._visible()
        if self._kind is OfficeKind.PROVINCE:
            return [e for e in rows if e.key in PROVINCE_KEYS]
        return [e for e in rows if e.key not in PROVINCE_PAGES]

    @property
    def office_kind(self) -> OfficeKind:
        """The kind whose pages are shown."""
        return self._kind

    def set_office_kind(self, kind: OfficeKind) -> None:
        """Show the pages of ``kind``."""
        if kind is self._kind:
            return
        self.beginResetModel()
        self._kind = kind
        self._rows = self._visible()
        self.endResetModel()


class ArchiveUi:
    """Builds and wires the archive pieces of the main window (one instance per window)."""

    def __init__(
        self,
        window: QWidget,
        ctx: AppContext,
        on_unexpected: Callable[[BaseException], None],
    ) -> None:
        self._window = window
        self._ctx = ctx
        self._on_unexpected = on_unexpected
        self.session: Session | None = None
        self.nav: KindNavModel | None = None
        self.kind = OfficeKind.REGENCY
        self.export_action = QAction(
            ctx.resources.themed_icon("save"),
            QCoreApplication.translate("ArchiveUi", "E&xport archive for the province…"),
            window,
        )
        self.export_action.setObjectName("exportArchiveAction")
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(lambda: self.open_export())
        self.archives = ArchivesPage(on_unexpected)
        self.review = ReviewPage(on_unexpected)
        self.archives.imports_changed.connect(self.review.mark_dirty)

    def nav_entries(self) -> list[NavEntry]:
        """The province pages' entries (hidden in a regency vault)."""
        icon = self._ctx.resources.themed_icon
        return [
            NavEntry(
                "archives",
                QCoreApplication.translate("ArchiveUi", "Regency archives"),
                icon("folder"),
            ),
            NavEntry("review", QCoreApplication.translate("ArchiveUi", "Review"), icon("check")),
        ]

    def nav_model(self, entries: list[NavEntry], parent: Any = None) -> KindNavModel:
        """The main window's navigation model."""
        self.nav = KindNavModel(entries, parent)
        return self.nav

    def add_pages(self, add: Callable[[str, Page], None]) -> None:
        """Register the province pages with the main window."""
        add("archives", self.archives)
        add("review", self.review)

    def start_session(self, session: Session) -> None:
        """Show the pages of the vault's office kind; offer export to a regency's admins."""
        self.session = session
        self.kind = own_office(session.vault.conn).kind  # one row, read once per unlock
        if self.nav is not None:
            self.nav.set_office_kind(self.kind)
        regency = self.kind is OfficeKind.REGENCY
        self.export_action.setVisible(regency)
        self.export_action.setEnabled(regency and session.is_admin)
        self.export_action.setToolTip(
            ""
            if session.is_admin
            else QCoreApplication.translate("ArchiveUi", "Only an admin can export archives.")
        )

    def end_session(self) -> None:
        """Nothing to export while locked."""
        self.session = None
        self.export_action.setEnabled(False)

    def open_export(self) -> ExportDialog | None:
        """The export dialog (regency admins)."""
        session = self.session
        if session is None or self.kind is not OfficeKind.REGENCY or not session.is_admin:
            return None
        dialog = ExportDialog(session, self._on_unexpected, self._window)
        dialog.open()
        return dialog
