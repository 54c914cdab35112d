"""Import wizard: the preview of every row with its problems, and the choices that change it
(unknown platforms and kecamatan, new kecamatan, default platform, duplicates)."""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QWidget,
)

from brankas.core.domain.enums import LifecycleKind, Platform, Severity
from brankas.core.importers.apply import DuplicateChoice
from brankas.core.importers.model import ImportOptions
from brankas.core.importers.preview import Preview, build_preview
from brankas.core.importers.values import platform_key
from brankas.core.importers.vaultview import VaultView, kecamatan_key, load_vault_view
from brankas.gui.import_wizard.base import ChoiceDelegate, Env, Index, JobPage
from brankas.gui.import_wizard.preview_model import (
    CHOICES_ROLE,
    IMPORT_ROW_ROLE,
    Column,
    ImportPreviewModel,
)
from brankas.gui.import_wizard.texts import choice_label, field_label, problem_text, severity_label
from brankas.gui.labels import platform_label
from brankas.gui.workers import ProgressFn

MAX_ALIASES: Final = 30  # names offered for mapping; more are listed in the problems
MAX_ALIAS_HEIGHT: Final = 120


class ImportPreviewPage(JobPage):
    """Every row as the account it would become; options rebuild the preview."""

    def __init__(self, env: Env) -> None:
        super().__init__(env)
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(
            self.tr(
                "Rows with errors are left out. Fix the file, or tell Brankas what its names "
                "mean below; the preview updates at once."
            )
        )
        self._view: VaultView | None = None
        self._kecamatan: list[tuple[int, str]] = []
        self._kec_texts: dict[str, None] = {}
        self._platform_texts: dict[str, None] = {}
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.body.addWidget(self.counts)
        self.reading = QLabel()
        self.reading.setObjectName("importReading")
        self.reading.setProperty("role", "hint")
        self.reading.setVisible(False)
        self.body.addWidget(self.reading)
        self.body.addWidget(self._options_box())
        self.aliases = QGroupBox(self.tr("Names in the file"))
        self.aliases.setObjectName("importAliases")
        self.alias_form = QFormLayout()
        holder = QWidget()
        holder.setLayout(self.alias_form)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.alias_scroll = scroll
        box_layout = QGridLayout(self.aliases)
        box_layout.addWidget(scroll, 0, 0)
        self.body.addWidget(self.aliases)
        self.only_problems = QCheckBox(self.tr("Show only rows with errors or warnings"))
        self.only_problems.setObjectName("importOnlyProblems")
        self.body.addWidget(self.only_problems)
        self.model = ImportPreviewModel(env.state.choice_for, self._icon, self)
        self.model.choice_changed.connect(self._row_choice)
        self.only_problems.toggled.connect(self.model.set_only_problems)
        self.table = QTableView()
        self.table.setObjectName("importPreviewTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.ACTION, ChoiceDelegate(self._choices, self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in ((Column.ROW, 56), (Column.STATUS, 140), (Column.KECAMATAN, 130),
                           (Column.PLATFORM, 140), (Column.ACCOUNT, 170), (Column.PASSWORD, 90),
                           (Column.RECOVERY, 150), (Column.ACTION, 150)):  # fmt: skip
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._current)
        self.body.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setObjectName("importRowDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(40)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.detail)
        self.finish_layout()

    def _icon(self, name: str, color: str) -> Any:
        return self.env.session.ctx.resources.icon(name, color)

    def _options_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.default_platform = QComboBox()
        self.default_platform.setObjectName("importDefaultPlatform")
        self.default_platform.addItem(self.tr("(none: leave such rows out)"), "")
        for p in Platform:
            self.default_platform.addItem(platform_label(p), p.value)
        self.default_platform.currentIndexChanged.connect(self._default_platform)
        self.lifecycle = QComboBox()
        self.lifecycle.setObjectName("importLifecycle")
        self.lifecycle.addItem(self.tr("Ad hoc (for this term)"), LifecycleKind.AD_HOC.value)
        self.lifecycle.addItem(self.tr("Permanent"), LifecycleKind.PERMANENT.value)
        self.lifecycle.currentIndexChanged.connect(self._lifecycle)
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("importDuplicates")
        for choice in DuplicateChoice:
            self.duplicates.addItem(choice_label(choice), choice.value)
        self.duplicates.currentIndexChanged.connect(self._default_choice)
        self.create_kecamatan = QCheckBox(self.tr("Create kecamatan that are not in the vault"))
        self.create_kecamatan.setObjectName("importCreateKecamatan")
        self.create_kecamatan.toggled.connect(self._create_kecamatan)
        grid.addWidget(QLabel(self.tr("Platform when the row does not say:")), 0, 0)
        grid.addWidget(self.default_platform, 0, 1)
        grid.addWidget(QLabel(self.tr("New accounts are:")), 0, 2)
        grid.addWidget(self.lifecycle, 0, 3)
        grid.addWidget(QLabel(self.tr("Accounts already in the vault:")), 1, 0)
        grid.addWidget(self.duplicates, 1, 1)
        grid.addWidget(self.create_kecamatan, 1, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    # --- building -------------------------------------------------------------------------
    def initializePage(self) -> None:
        """Read the vault's kecamatan and accounts, then build the preview."""
        env = self.env
        term_id = env.state.term_id

        def job(_progress: ProgressFn) -> VaultView:
            return load_vault_view(env.service(), term_id)

        self.model.clear()
        self._kec_texts.clear()
        self._platform_texts.clear()
        self._sync_options(env.state.options)
        self.run(job, self._viewed)
        self.show_error(env.state.table_error)

    def _sync_options(self, options: ImportOptions) -> None:
        for box, value in (
            (
                self.default_platform,
                options.default_platform.value if options.default_platform else "",
            ),
            (self.lifecycle, options.lifecycle_kind.value),
            (self.duplicates, self.env.state.default_choice.value),
        ):
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(value), 0))
            box.blockSignals(False)
        self.create_kecamatan.blockSignals(True)
        self.create_kecamatan.setChecked(options.create_missing_kecamatan)
        self.create_kecamatan.blockSignals(False)

    def _viewed(self, view: VaultView) -> None:
        self._view = view
        self._kecamatan = sorted(
            ((k.id, k.name) for k in view.kecamatan.values() if k.retired_at is None),
            key=lambda item: item[1].casefold(),
        )
        self._rebuild(self.env.state.options)

    def _rebuild(self, options: ImportOptions) -> None:
        prepared, view = self.env.state.prepared, self._view
        if prepared is None or view is None:
            return
        self.env.state.options = options

        def job(_progress: ProgressFn) -> Preview:
            return build_preview(prepared, view, options)

        self.table.setEnabled(False)
        self.run(job, self._built, on_vault=False)

    def _built(self, preview: Preview) -> None:
        state = self.env.state
        if preview.options is not state.options or preview.prepared is not state.prepared:
            return  # an older build; a newer one is on its way
        state.set_preview(preview)
        self.table.setEnabled(True)
        self.model.set_preview(preview)
        self._show_counts(preview)
        self._show_aliases(preview)
        self.reading.setText(
            self.tr(
                "Only the first {rows} rows are shown while the rest of the file is read…"
            ).format(rows=len(preview.rows))
        )
        self.reading.setVisible(not preview.complete)
        self.detail.clear()
        self.completeChanged.emit()

    def table_completed(self) -> None:
        """The rest of the file was read: build the whole preview."""
        self._rebuild(self.env.state.options)

    def _show_counts(self, preview: Preview) -> None:
        c = preview.counts()
        self.counts.setText(
            self.tr(
                "{rows} rows: {ready} ready to add, {duplicates} already in the vault or "
                "repeated, {blocked} with errors (left out), {ignored} without an account "
                "(headings, totals) skipped."
            ).format(**c)
        )

    def _show_aliases(self, preview: Preview) -> None:
        # Names stay listed once mapped (they are then no longer unknown), so that a
        # choice can be changed back.
        self._kec_texts.update(dict.fromkeys(preview.unknown_kecamatan))
        self._platform_texts.update(dict.fromkeys(preview.unknown_platforms))
        while self.alias_form.rowCount():
            self.alias_form.removeRow(0)
        options = preview.options
        if not options.create_missing_kecamatan:
            for text in list(self._kec_texts)[:MAX_ALIASES]:
                self._kecamatan_row(text, options.kecamatan_aliases.get(kecamatan_key(text)))
        for text in list(self._platform_texts)[:MAX_ALIASES]:
            chosen = options.platform_aliases.get(platform_key(text))
            self._platform_row(text, chosen)
        self.aliases.setVisible(self.alias_form.rowCount() > 0)
        self._fit_aliases()

    def _fit_aliases(self) -> None:
        # Measured row by row: new rows are only shown by the event loop, and a layout
        # leaves hidden widgets out of its own size hint.
        form = self.alias_form
        heights = []
        for i in range(form.rowCount()):
            items = (
                form.itemAt(i, role) for role in (form.ItemRole.LabelRole, form.ItemRole.FieldRole)
            )
            widgets = [item.widget() for item in items if item is not None and item.widget()]
            heights.append(max((w.sizeHint().height() for w in widgets), default=0))
        margins = form.contentsMargins()
        spacing = max(form.verticalSpacing(), 0) * max(len(heights) - 1, 0)
        needed = sum(heights) + spacing + margins.top() + margins.bottom()
        needed += 2 * self.alias_scroll.frameWidth()
        self.alias_scroll.setFixedHeight(min(MAX_ALIAS_HEIGHT, needed))

    def _kecamatan_row(self, text: str, chosen: int | None) -> None:
        box = QComboBox()
        box.addItem(self.tr("(not in the vault)"), None)
        for kec_id, name in self._kecamatan:
            box.addItem(name, kec_id)
        box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
        box.currentIndexChanged.connect(
            lambda _i: self._rebuild(
                self.env.state.alias_kecamatan(kecamatan_key(text), box.currentData())
            )
        )
        self.alias_form.addRow(self.tr("Kecamatan “{name}” means:").format(name=text), box)

    def _platform_row(self, text: str, chosen: Platform | None) -> None:
        box = QComboBox()
        box.addItem(self.tr("(unknown platform)"), None)
        for p in Platform:
            box.addItem(platform_label(p), p.value)
        box.setCurrentIndex(max(box.findData(chosen.value), 0) if chosen is not None else 0)

        def changed(_index: int) -> None:
            value = box.currentData()
            platform = Platform(value) if value else None
            self._rebuild(self.env.state.alias_platform(text, platform))

        box.currentIndexChanged.connect(changed)
        self.alias_form.addRow(self.tr("Platform “{name}” means:").format(name=text), box)

    # --- options --------------------------------------------------------------------------
    def _default_platform(self) -> None:
        value = self.default_platform.currentData()
        platform = Platform(value) if value else None
        self._rebuild(self.env.state.with_options(default_platform=platform))

    def _lifecycle(self) -> None:
        kind = LifecycleKind(self.lifecycle.currentData())
        self._rebuild(self.env.state.with_lifecycle(kind))

    def _create_kecamatan(self, on: bool) -> None:
        self._rebuild(self.env.state.with_options(create_missing_kecamatan=on))

    def _default_choice(self) -> None:
        self.env.state.default_choice = DuplicateChoice(self.duplicates.currentData())
        self.env.state.row_choices.clear()
        self.model.refresh_choices()
        self.completeChanged.emit()

    def _row_choice(self, index: int, value: str) -> None:
        self.env.state.row_choices[index] = DuplicateChoice(value)
        self.completeChanged.emit()

    def _choices(self, index: Index) -> list[tuple[str, str]]:
        values = index.data(CHOICES_ROLE) or []
        return [(v, choice_label(DuplicateChoice(v))) for v in values]

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(IMPORT_ROW_ROLE) if current.isValid() else None
        if row is None:
            self.detail.clear()
            return
        lines = [self.tr("Row {row} of the file:").format(row=row.source_row)]
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        for p in sorted(row.problems, key=lambda p: order[p.severity]):
            lines.append(
                f"• {severity_label(p.severity)} — {field_label(p.field)}: {problem_text(p.code)}"
            )
        if len(lines) == 1:
            lines.append(self.tr("No problems: this row is ready."))
        self.detail.setText("\n".join(lines))

    def isComplete(self) -> bool:
        """Something can be imported and no rebuild is running."""
        return not self.running and self.env.state.ready_to_import()

    def cleanupPage(self) -> None:
        """Going back: the preview will be rebuilt from the new choices."""
        self.model.clear()
