"""Import wizard: the dry run (everything done, then undone) and the import itself, each
ending in a summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QWizard

from brankas.core.importers.apply import ImportSummary, run_import
from brankas.gui.import_wizard.base import Env, JobPage
from brankas.gui.import_wizard.texts import problem_text
from brankas.gui.workers import ProgressFn


def _t(dry: bool, would: str, did: str) -> str:
    return would if dry else did


def summary_lines(summary: ImportSummary) -> list[str]:
    """What an import did (or, for a dry run, would do), one sentence per line."""
    dry = summary.dry_run
    lines = [
        _t(
            dry,
            QCoreApplication.translate(
                "ImportSummary", "{created} new accounts would be added to the vault."
            ),
            QCoreApplication.translate(
                "ImportSummary", "{created} new accounts were added to the vault."
            ),
        ).format(created=summary.created)
    ]
    if summary.updated or summary.unchanged:
        lines.append(
            _t(
                dry,
                QCoreApplication.translate(
                    "ImportSummary",
                    "{updated} existing accounts would be updated ({unchanged} already match).",
                ),
                QCoreApplication.translate(
                    "ImportSummary",
                    "{updated} existing accounts were updated ({unchanged} already matched).",
                ),
            ).format(updated=summary.updated, unchanged=summary.unchanged)
        )
    if summary.skipped_duplicates:
        lines.append(
            QCoreApplication.translate(
                "ImportSummary", "{count} rows already in the vault or repeated are skipped."
            ).format(count=summary.skipped_duplicates)
        )
    if summary.skipped_errors:
        lines.append(
            QCoreApplication.translate(
                "ImportSummary", "{count} rows with errors are left out."
            ).format(count=summary.skipped_errors)
        )
    if summary.kecamatan_created:
        lines.append(
            _t(
                dry,
                QCoreApplication.translate(
                    "ImportSummary", "Kecamatan that would be created: {names}."
                ),
                QCoreApplication.translate("ImportSummary", "Kecamatan created: {names}."),
            ).format(names=", ".join(summary.kecamatan_created))
        )
    if summary.kecamatan_attached:
        lines.append(
            _t(
                dry,
                QCoreApplication.translate(
                    "ImportSummary", "{count} kecamatan would be added to the term."
                ),
                QCoreApplication.translate(
                    "ImportSummary", "{count} kecamatan were added to the term."
                ),
            ).format(count=summary.kecamatan_attached)
        )
    notes: dict[str, int] = {}
    for _row, code in summary.row_warnings:
        notes[code] = notes.get(code, 0) + 1
    for code, count in notes.items():
        lines.append(
            QCoreApplication.translate("ImportSummary", "{count} accounts: {note}").format(
                count=count, note=problem_text(code)
            )
        )
    return [f"• {line}" for line in lines]


class ImportDryRunPage(JobPage):
    """Runs the whole import and undoes it, to show exactly what would happen."""

    def __init__(self, env: Env) -> None:
        super().__init__(env)
        self.setTitle(self.tr("Dry run"))
        self.setSubTitle(
            self.tr(
                "Brankas went through the whole import and undid it. This is what importing "
                "will do; it happens in one step, all rows or none."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.result = QLabel()
        self.result.setObjectName("importDryRun")
        self.result.setWordWrap(True)
        self.body.addWidget(self.result)
        self.body.addStretch(1)
        self.finish_layout()

    def initializePage(self) -> None:
        """Run the dry run on the vault's thread."""
        env = self.env
        state = env.state
        preview, term_id, choices = state.preview, state.term_id, state.choices()
        self.result.clear()
        if preview is None or term_id is None:
            return

        def job(_progress: ProgressFn) -> ImportSummary:
            return run_import(
                env.service(), preview, term_id=term_id, choices=choices, dry_run=True
            )

        self.run(job, self._done)

    def _done(self, summary: ImportSummary) -> None:
        self.env.state.dry_run = summary
        self.result.setText("\n".join(summary_lines(summary)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """The dry run went through."""
        return not self.running and self.env.state.dry_run is not None


class ImportRunPage(JobPage):
    """The import itself (one transaction), then its summary."""

    imported = Signal(object)  # the ImportSummary

    def __init__(self, env: Env) -> None:
        super().__init__(env)
        self.setTitle(self.tr("Importing"))
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("importSummary")
        self.summary.setReadOnly(True)
        self.summary.setVisible(False)
        self.body.addWidget(self.summary, 1)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.setObjectName("importRetry")
        self.retry.setVisible(False)
        self.retry.clicked.connect(self._start)
        self.body.addWidget(self.retry)
        self.body.addStretch(0)
        self.finish_layout()

    def initializePage(self) -> None:
        """Start the import at once."""
        self._start()

    def _start(self) -> None:
        env = self.env
        state = env.state
        preview, term_id, choices = state.preview, state.term_id, state.choices()
        if preview is None or term_id is None:
            return
        self.retry.setVisible(False)
        self.status.setText(self.tr("Writing the accounts into the vault…"))

        def job(_progress: ProgressFn) -> ImportSummary:
            return run_import(env.service(), preview, term_id=term_id, choices=choices)

        self.run(job, self._done, failed=self._failed)

    def _failed(self, _exc: BaseException) -> None:
        self.status.setText(self.tr("Nothing was imported: the vault is as it was before."))
        self.retry.setVisible(True)

    def _done(self, summary: ImportSummary) -> None:
        self.env.state.summary = summary
        self.setTitle(self.tr("Import finished"))
        self.status.setText(
            self.tr("The import is recorded in the audit log. New accounts start as planned.")
        )
        self.summary.setPlainText("\n".join(summary_lines(summary)))
        self.summary.setVisible(True)
        self.completeChanged.emit()
        self.imported.emit(summary)

    def isComplete(self) -> bool:
        """Finished once the import went through."""
        return not self.running and self.env.state.summary is not None
