"""Import wizard pages up to the mapping: choose the term, choose and read the file (sheet,
database password), then say what each column holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from brankas.core.domain.models import Term
from brankas.core.errors import ImportFileInvalid
from brankas.core.importers._xlsx import SheetInfo, list_sheets
from brankas.core.importers.detect import open_import, sniff
from brankas.core.importers.mapping import remembered_mapping
from brankas.core.importers.prepared import MappingOrigin, Prepared
from brankas.core.importers.sources import PROGRESS_EVERY, SourceKind
from brankas.core.services import terms
from brankas.gui.import_wizard import flow
from brankas.gui.import_wizard.base import Env, JobPage
from brankas.gui.import_wizard.texts import file_error_text
from brankas.gui.widgets.password_edit import CapsLockHint, PasswordEdit
from brankas.gui.workers import ProgressFn


class ImportTermPage(JobPage):
    """The term the imported accounts belong to."""

    def __init__(self, env: Env) -> None:
        super().__init__(env)
        self.setTitle(self.tr("Import accounts"))
        self.setSubTitle(
            self.tr(
                "Bring in accounts from an Excel or CSV file, a KeePassXC database or export, "
                "or a Bitwarden export. Nothing is written until the last step."
            )
        )
        form = QFormLayout()
        self.term = QComboBox()
        self.term.setObjectName("importTerm")
        self.term.currentIndexChanged.connect(self._chosen)
        form.addRow(self.tr("Term of office:"), self.term)
        self.body.addLayout(form)
        self.empty = QLabel(
            self.tr("There is no term yet. Add one on the Terms of office page first.")
        )
        self.empty.setProperty("role", "warning")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        self.body.addWidget(self.empty)
        self.body.addStretch(1)
        self.finish_layout()
        self._loaded = False

    def initializePage(self) -> None:
        """Read the terms (newest first) once."""
        if self._loaded:
            return
        env = self.env

        def job(_progress: ProgressFn) -> list[Term]:
            return sorted(terms.list_terms(env.service()), key=lambda t: t.start_date, reverse=True)

        self.run(job, self._show)

    def _show(self, found: list[Term]) -> None:
        self._loaded = True
        self.term.blockSignals(True)
        self.term.clear()
        for t in found:
            self.term.addItem(t.name, t.id)
        self.term.blockSignals(False)
        at = self.term.findData(self.env.state.term_id)
        self.term.setCurrentIndex(at if at >= 0 else 0 if found else -1)
        self._chosen()
        self.empty.setVisible(not found)

    def _chosen(self) -> None:
        data = self.term.currentData()
        self.env.state.term_id = int(data) if data is not None else None
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """A term is chosen."""
        return not self.running and self.env.state.term_id is not None


FILE_FILTER = (
    "*.xlsx *.csv *.txt *.kdbx *.json *.xml",
    "*.xlsx",
    "*.csv *.txt",
    "*.kdbx",
    "*.json",
    "*.xml",
)


class ImportFilePage(JobPage):
    """The file, its sheet (.xlsx) or its password (.kdbx); read when Next is pressed.
    A spreadsheet's first rows are read first (:attr:`first_look`); the wizard reads the rest."""

    first_look = Signal()

    def __init__(self, env: Env) -> None:
        super().__init__(env)
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "Excel workbooks (.xlsx), CSV files with any separator, KeePassXC databases "
                "(.kdbx) and exports (CSV, XML), Bitwarden exports (JSON, CSV)."
            )
        )
        self._read_key: tuple[Any, ...] | None = None
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.textChanged.connect(self._path_changed)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File:"), row)
        self.kind = QLabel()
        self.kind.setObjectName("importKind")
        self.kind.setProperty("role", "hint")
        form.addRow("", self.kind)
        self.sheet = QComboBox()
        self.sheet.setObjectName("importSheet")
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.sheet_label = QLabel(self.tr("Sheet:"))
        form.addRow(self.sheet_label, self.sheet)
        self.password = PasswordEdit(env.session.ctx.resources)
        self.password.setObjectName("importDbPassword")
        self.password.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.password_label = QLabel(self.tr("Database password:"))
        form.addRow(self.password_label, self.password)
        self.caps = CapsLockHint(self.password)
        form.addRow("", self.caps)
        self.keyfile_note = QLabel(
            self.tr(
                "Databases that also need a key file or a hardware key cannot be opened "
                "here: export them from KeePassXC as CSV (Database → Export → CSV)."
            )
        )
        self.keyfile_note.setProperty("role", "hint")
        self.keyfile_note.setWordWrap(True)
        form.addRow("", self.keyfile_note)
        self.body.addLayout(form)
        self.progress = QLabel()
        self.progress.setObjectName("importProgress")
        self.body.addWidget(self.progress)
        self.body.addStretch(1)
        self.finish_layout()
        self._set_kind(None)

    def _browse(self) -> None:
        names = (
            self.tr("Files Brankas can import ({patterns})"),
            self.tr("Excel workbooks ({patterns})"),
            self.tr("CSV files ({patterns})"),
            self.tr("KeePass databases ({patterns})"),
            self.tr("Bitwarden exports ({patterns})"),
            self.tr("KeePass XML exports ({patterns})"),
        )
        filters = ";;".join(n.format(patterns=p) for n, p in zip(names, FILE_FILTER, strict=True))
        chosen, _f = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file to import"), self.path.text(), filters
        )
        if chosen:
            self.path.setText(chosen)

    def _kind_text(self, kind: SourceKind | None) -> str:
        names = {
            SourceKind.XLSX: self.tr("Excel workbook"),
            SourceKind.CSV: self.tr("CSV file (or a KeePassXC or Bitwarden CSV export)"),
            SourceKind.KDBX: self.tr("KeePass database"),
            SourceKind.KEEPASS_XML: self.tr("KeePass XML export"),
            SourceKind.BITWARDEN_JSON: self.tr("Bitwarden export (JSON)"),
        }
        return names.get(kind, "") if kind is not None else ""

    def _set_kind(self, kind: SourceKind | None) -> None:
        self.kind.setText(self._kind_text(kind))
        sheets = flow.has_sheets(kind)
        self.sheet.setVisible(sheets)
        self.sheet_label.setVisible(sheets)
        secret = flow.needs_password(kind)
        for w in (self.password, self.password_label, self.keyfile_note):
            w.setVisible(secret)
        if not secret:
            self.password.wipe()

    def _path_changed(self, text: str) -> None:
        self.show_error("")
        self.sheet.clear()
        path = Path(text.strip()) if text.strip() else None
        kind: SourceKind | None = None
        if path is not None and path.is_file():
            try:
                kind = sniff(path)
            except ImportFileInvalid as exc:
                self.show_error(file_error_text(exc))
        self._set_kind(kind)
        self.env.state.set_file(path if kind else None, kind, None)
        if kind is SourceKind.XLSX and path is not None:
            self._list_sheets(path)
        self.completeChanged.emit()

    def _list_sheets(self, path: Path) -> None:
        def job(_progress: ProgressFn) -> list[SheetInfo]:
            return list_sheets(path)

        def show(found: list[SheetInfo]) -> None:
            if self.env.state.path != path:
                return
            self.sheet.blockSignals(True)
            for info in found:
                label = (
                    info.name if info.visible else self.tr("{name} (hidden)").format(name=info.name)
                )
                self.sheet.addItem(label, info.name)
            first = next((i for i, s in enumerate(found) if s.visible), 0)
            self.sheet.setCurrentIndex(first)
            self.sheet.blockSignals(False)
            self._sheet_changed()

        self.run(job, show, on_vault=False)

    def _sheet_changed(self) -> None:
        state = self.env.state
        sheet = self.sheet.currentData()
        state.set_file(state.path, state.kind, str(sheet) if sheet is not None else None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """A readable file (with its sheet and password where needed)."""
        state = self.env.state
        if self.running or state.path is None:
            return False
        if flow.has_sheets(state.kind) and state.sheet is None:
            return False
        return not flow.needs_password(state.kind) or bool(self.password.text())

    def _key(self) -> tuple[Any, ...]:
        state = self.env.state
        return (state.path, state.kind, state.sheet, self.password.text())

    def validatePage(self) -> bool:
        """Go on when the file was read; otherwise read it (the page moves on by itself)."""
        state = self.env.state
        if state.prepared is not None and self._read_key == self._key():
            return True
        self._read(state.path, state.sheet)
        return False

    def _read(self, path: Path | None, sheet: str | None) -> None:
        if path is None:
            return
        key = self._key()
        password = self.password.secret() if flow.needs_password(self.env.state.kind) else None

        def job(progress: ProgressFn) -> Prepared:
            try:
                return open_import(
                    path,
                    sheet=sheet,
                    password=password,
                    conn=None,  # the remembered mapping is read on the vault's thread
                    max_rows=flow.QUICK_ROWS,  # the rest is read while the user maps
                    progress=lambda rows: progress(rows, 0, "rows"),
                )
            finally:
                if password is not None:
                    password.wipe()

        self.progress.setText(self.tr("Reading the file…"))
        self.run(
            job,
            lambda prepared: self._remember(prepared, key),
            on_vault=False,
            progress=self._progressed,
            failed=lambda _e: self.progress.clear(),
        )

    def _progressed(self, done: int, _total: int, _label: str) -> None:
        if done and done % PROGRESS_EVERY == 0:
            self.progress.setText(self.tr("Reading the file… {rows} rows").format(rows=done))

    def _remember(self, prepared: Prepared, key: tuple[Any, ...]) -> None:
        env = self.env
        if prepared.origin is not MappingOrigin.PROPOSED:
            self._finish(prepared, key)
            return
        names = prepared.header.names

        def job(_progress: ProgressFn) -> Prepared:
            found = remembered_mapping(env.session.vault.conn, names)
            if found is None:
                return prepared
            return Prepared(prepared.table, prepared.header, found, MappingOrigin.REMEMBERED)

        self.run(job, lambda p: self._finish(p, key))

    def _finish(self, prepared: Prepared, key: tuple[Any, ...]) -> None:
        if key[:3] != self._key()[:3]:
            self.progress.clear()
            return  # another file or sheet was chosen while this one was read
        complete = prepared.table.complete
        self.progress.setText(
            self.tr("{rows} rows read.").format(rows=prepared.data_rows)
            if prepared.data_rows and complete
            else ""
        )
        self.env.state.set_prepared(prepared)
        if not complete:
            self.first_look.emit()
        # The database password is not kept; going back to this page asks for it again.
        self.password.wipe()
        self._read_key = self._key()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()
