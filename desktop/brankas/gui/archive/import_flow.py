"""Import archives one after the other: confirm a first key, re-pin a changed one (admin),
import an older archive on request; every file ends as one plain sentence."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from brankas.core.archive import keys, province
from brankas.core.archive.keys import Pin
from brankas.core.archive.province import ImportedArchive
from brankas.core.archive.verify import SignatureCheck, verify_signature_only
from brankas.core.errors import (
    ArchiveReplayed,
    ArchiveSignerChanged,
    ArchiveSignerUnconfirmed,
    BrankasError,
)
from brankas.core.secret import Secret
from brankas.gui.archive.admin_check import verify_admin_password
from brankas.gui.archive.confirm_dialogs import FingerprintDialog, RepinDialog
from brankas.gui.archive.imports_model import Outcome
from brankas.gui.archive.sentences import message
from brankas.gui.dialogs.messages import ask
from brankas.gui.errors import is_expected
from brankas.gui.i18n import current_language, format_date
from brankas.gui.session import Session
from brankas.gui.workers import ProgressFn


@dataclass(frozen=True, slots=True)
class _Attempt:
    """What one try at importing a file gave (computed in the worker)."""

    kind: str  # "imported", "confirm", "signer_changed", "older"
    imported: ImportedArchive | None = None
    check: SignatureCheck | None = None
    pin: Pin | None = None


def attempt(
    session: Session, path: Path, *, fingerprint: str | None = None, allow_older: bool = False
) -> _Attempt:
    """Try to import ``path`` (worker thread). A question for the reviewer comes back as a
    result; any other refusal is raised as its typed error."""
    vault = session.vault
    try:
        imported = province.import_archive(
            vault, path, confirm_fingerprint=fingerprint, allow_older=allow_older
        )
    except ArchiveSignerUnconfirmed:
        return _Attempt("confirm", check=verify_signature_only(path))
    except ArchiveSignerChanged:
        check = verify_signature_only(path)
        return _Attempt(
            "signer_changed", check=check, pin=keys.get_pin(vault.conn, check.manifest.office_code)
        )
    except ArchiveReplayed as exc:
        if exc.code != "older_than_imported" or allow_older:
            raise
        return _Attempt("older", check=verify_signature_only(path))
    return _Attempt("imported", imported=imported)


def repin_and_import(session: Session, path: Path, reason: str, password: Secret) -> _Attempt:
    """Check the admin's password, pin the archive's key for its office, import it (worker)."""
    vault = session.vault
    try:
        verify_admin_password(vault, password)
    finally:
        password.wipe()
    check = verify_signature_only(path)
    keys.repin_regency_key(vault, check.manifest.office_code, check.manifest.signer, reason=reason)
    return attempt(session, path)


class ImportQueue(QObject):
    """Imports files in order through the session's worker, asking the reviewer when needed."""

    outcome_added = Signal(object)  # Outcome
    finished = Signal()

    def __init__(
        self,
        session: Session,
        parent_widget: QWidget,
        on_unexpected: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent_widget)
        self.session = session
        self._widget = parent_widget
        self._on_unexpected = on_unexpected
        self._queue: deque[Path] = deque()
        self._current: Path | None = None
        self.running = False

    def start(self, paths: Iterable[Path]) -> None:
        """Queue files (more may be queued while it runs)."""
        self._queue.extend(paths)
        if not self.running:
            self.running = True
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self.running = False
            self._current = None
            self.finished.emit()
            return
        self._current = self._queue.popleft()
        self._try()

    def _try(self, *, fingerprint: str | None = None, allow_older: bool = False) -> None:
        path, session = self._current, self.session
        assert path is not None

        def job(_progress: ProgressFn) -> _Attempt:
            return attempt(session, path, fingerprint=fingerprint, allow_older=allow_older)

        session.runner.start(job, on_success=self._answered, on_error=self._refused)

    # --- results --------------------------------------------------------------------------
    def _answered(self, result: _Attempt) -> None:
        if result.kind == "imported":
            assert result.imported is not None
            self._done(True, self._imported_sentence(result.imported))
        elif result.kind == "confirm":
            self._ask_fingerprint(result)
        elif result.kind == "signer_changed":
            self._ask_repin(result)
        else:
            self._ask_older()

    def _refused(self, exc: BaseException) -> None:
        if not is_expected(exc):
            self._on_unexpected(exc)
            self._done(False, message(exc))
            return
        self._done(False, message(exc), str(getattr(exc, "code", "")))

    def _done(self, ok: bool, sentence: str, code: str = "") -> None:
        assert self._current is not None
        self.outcome_added.emit(Outcome(self._current, ok, sentence, code))
        self._next()

    def _imported_sentence(self, imp: ImportedArchive) -> str:
        terms = ", ".join(t.name for t in imp.terms)
        when = format_date(imp.exported_at.astimezone().date(), current_language())
        text = self.tr("Imported: {office} — {terms}, exported {date}.").format(
            office=imp.office_name, terms=terms, date=when
        )
        if not imp.secrets_included:
            text += " " + self.tr("Metadata only: it holds no passwords.")
        for code in imp.warnings:
            text += " " + self._warning_sentence(code)
        return text

    def _warning_sentence(self, code: str) -> str:
        if code == "seq_backwards":
            return self.tr(
                "Note: its export number is not higher than that of an archive already "
                "imported from this regency, although it is newer. The regency has probably "
                "restored a backup of its vault; ask them whether records were lost."
            )
        return self.tr("Note: verification reported “{code}”.").format(code=code)

    # --- questions ------------------------------------------------------------------------
    def _ask_fingerprint(self, result: _Attempt) -> None:
        check = result.check
        assert check is not None
        m = check.manifest
        dialog = FingerprintDialog(m.office_name, m.office_code, m.signer, self._widget.window())
        fp = m.signer.fingerprint
        dialog.accepted.connect(lambda: self._try(fingerprint=fp))
        dialog.rejected.connect(
            lambda: self._done(
                False,
                self.tr("Not imported: the key fingerprint was not confirmed."),
                "signer_unconfirmed",
            )
        )
        dialog.open()

    def _ask_repin(self, result: _Attempt) -> None:
        check = result.check
        assert check is not None
        m = check.manifest
        refusal = message(ArchiveSignerChanged("", code="signer_changed"))
        dialog = RepinDialog(
            self.session.ctx.resources,
            m.office_name,
            result.pin,
            m.signer,
            is_admin=self.session.is_admin,
            parent=self._widget.window(),
        )
        path, session = self._current, self.session
        assert path is not None
        settled: list[bool] = []  # closing the dialog after a failure is not a "cancel"

        def confirmed() -> None:
            reason = dialog.reason.text()
            password = dialog.password.secret()
            dialog.set_busy()

            def job(_progress: ProgressFn) -> _Attempt:
                return repin_and_import(session, path, reason, password)

            session.runner.start(job, on_success=repinned, on_error=failed)

        def repinned(answer: _Attempt) -> None:
            settled.append(True)
            dialog.done(1)
            self._answered(answer)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, BrankasError) and not isinstance(exc, ArchiveSignerChanged):
                dialog.show_error(message(exc))  # e.g. a wrong password: try again
                return
            settled.append(True)
            dialog.done(0)
            self._refused(exc)

        def cancelled() -> None:
            if not settled:
                self._done(False, refusal, "signer_changed")

        dialog.confirmed.connect(confirmed)
        dialog.rejected.connect(cancelled)
        dialog.open()

    def _ask_older(self) -> None:
        answered = []

        def yes() -> None:
            answered.append(True)
            self._try(allow_older=True)

        box = ask(
            self._widget.window(),
            self.tr("Older archive"),
            self.tr(
                "A newer archive from this regency's vault was already imported. Import this "
                "older one as well? It is kept next to the newer one; the dashboard keeps "
                "showing the newest."
            ),
            self.tr("Import the older archive"),
            yes,
        )

        def closed() -> None:
            if not answered:
                code = "older_than_imported"
                self._done(False, message(ArchiveReplayed("", code=code)), code)

        box.finished.connect(closed)
