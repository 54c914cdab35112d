"""The app controller: first run → unlock → main window, locking, language, quitting."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from brankas.core.lock import VaultLock
from brankas.core.vault.opening import looks_like_vault
from brankas.core.vault.vault import Vault
from brankas.gui.clipboard import ClipboardService
from brankas.gui.context import AppContext
from brankas.gui.dialogs.messages import show_error
from brankas.gui.errors import UnexpectedErrorDialog
from brankas.gui.file_opener import FileOpener
from brankas.gui.i18n import Translations
from brankas.gui.idle import IdleTimer
from brankas.gui.labels import vault_warning_text
from brankas.gui.main_window import MainWindow
from brankas.gui.open_file import FileKind, classify
from brankas.gui.session import Session, office_name
from brankas.gui.session_watch import SessionWatcher
from brankas.gui.theme import Theme
from brankas.gui.unlock.recovery_dialog import RecoveryDialog
from brankas.gui.unlock.unlock_window import UnlockWindow
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY
from brankas.gui.wizard.wizard import FirstRunWizard
from brankas.gui.workers import JobRunner

log = logging.getLogger(__name__)


def _same_folder(a: Path, b: Path) -> bool:
    return a.expanduser().resolve() == b.expanduser().resolve()


def keeps_edits_over_lock(dialog: QDialog) -> bool:
    """Whether a main-window dialog is hidden on lock (and shown again after the same
    operator unlocks the same vault) instead of closed: forms without a secret.

    Closed are: dialogs and wizards marked SECRET_PROPERTY or holding a widget so marked;
    questions, progress and file dialogs (they answer for the moment, not a form)."""
    if isinstance(dialog, QMessageBox | QProgressDialog | QFileDialog):
        return False
    if dialog.property(SECRET_PROPERTY):
        return False
    return not any(
        c.property(SECRET_PROPERTY) for c in dialog.findChildren(QWidget) if not c.isWindow()
    )


def close_dialog(dialog: QDialog) -> None:
    """Close a dialog the way it wants (its ``force_close`` when it has one)."""
    closer = getattr(dialog, "force_close", None)
    if callable(closer):
        closer()
    else:
        dialog.reject()


@dataclass
class HiddenDialogs:
    """Forms hidden by a lock, shown again when the same operator unlocks the same vault."""

    folder: Path
    operator_id: str | None
    dialogs: list[QDialog]

    def alive(self) -> list[QDialog]:
        """Those still there (a rebuilt main window takes its dialogs with it)."""
        return [d for d in self.dialogs if shiboken6.isValid(d)]


class AppController(QObject):
    """Owns the open vault (or the folder lock while locked) and which window shows."""

    finished = Signal()  # everything is closed; the app may quit
    vault_locked = Signal(str)  # reason: "user", "idle", "minimised", "session"
    vault_unlocked = Signal()

    def __init__(self, app: QApplication, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.ctx = ctx
        self.translations = Translations(app, ctx.resources)
        self.translations.apply(ctx.settings.language)
        self.theme = Theme(app, ctx.resources)
        self.theme.scheme_changed.connect(lambda _dark: self._rebuild_windows())
        self.runner = JobRunner(self)
        self.clipboard = ClipboardService(app.clipboard(), ctx.settings.clipboard_seconds, self)
        self.idle = IdleTimer(ctx.settings.auto_lock_minutes * 60_000, self)
        self.idle.watch(app)
        self.idle.timed_out.connect(lambda: self.lock("idle"))
        self.session_watch = SessionWatcher(app, self)
        self.session_watch.session_locked.connect(lambda: self.lock("session"))
        self.runner.busy_changed.connect(self._busy_changed)
        ctx.settings.changed.connect(self._setting_changed)
        self.vault: Vault | None = None
        self.session: Session | None = None
        self.held_lock: VaultLock | None = None
        self.main_window: MainWindow | None = None
        self.unlock_window: UnlockWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.recovery: RecoveryDialog | None = None
        self._pending_lock: str | None = None
        self.hidden: HiddenDialogs | None = None
        self._pending_rebuild = False
        self._closing = False
        self.opener = FileOpener(self)

    # --- starting -----------------------------------------------------------------------
    def start(self, files: Sequence[Path] = ()) -> None:
        """The first window: the wizard when there is no vault yet, else the unlock window;
        then act on ``files`` from the command line (see :meth:`open_files`)."""
        self.theme.apply()
        known = [p for p in self.ctx.settings.recent_vaults() if looks_like_vault(p)]
        given_vault = any(classify(f).kind is FileKind.VAULT for f in files)
        if given_vault or looks_like_vault(self.ctx.default_vault) or known:
            self.show_unlock()
        else:
            self.show_wizard(first_run=True)
        if files:
            self.open_files(files)

    def open_files(self, files: Sequence[Path]) -> None:
        """Open files given on the command line or by a second launch: a review archive or
        a province key after the vault is unlocked, a vault folder in the unlock window."""
        self.opener.open(files)

    def top_window(self) -> QWidget | None:
        """The window the user is looking at."""
        for w in (self.wizard, self.recovery, self.main_window, self.unlock_window):
            if w is not None and w.isVisible():
                return w
        return None

    def raise_window(self) -> None:
        """A second launch asked us to come forward."""
        w = self.top_window()
        if w is not None:
            w.showNormal() if w.isMinimized() else w.show()
            w.raise_()
            w.activateWindow()

    def show_unexpected(self, exc: BaseException) -> None:
        """Any error, as a sentence or the unexpected-error dialog."""
        show_error(self.top_window(), exc)

    def show_unexpected_details(self, details: str) -> None:
        """The sys.excepthook's dialog (details already scrubbed)."""
        dialog = UnexpectedErrorDialog(details, self.top_window())
        dialog.open()

    # --- wizard -------------------------------------------------------------------------
    def show_wizard(self, *, first_run: bool = False) -> None:
        """Open the first-run wizard."""
        wizard = FirstRunWizard(self.ctx, self.runner, self.show_unexpected)
        wizard.vault_created.connect(self._enter)
        wizard.folder_chosen.connect(self._folder_chosen)
        wizard.cancelled.connect(self._quit_or_unlock if first_run else self.show_unlock)
        wizard.finished.connect(lambda _r: setattr(self, "wizard", None))
        self.wizard = wizard
        if self.unlock_window is not None:
            self.unlock_window.hide()
        wizard.show()

    def _quit_or_unlock(self) -> None:
        self.quit()

    def _folder_chosen(self, folder: Path) -> None:
        self.ctx.settings.add_recent_vault(folder)
        self.show_unlock(folder=folder)

    # --- unlocking ----------------------------------------------------------------------
    def show_unlock(self, *, folder: Path | None = None, notice: str = "") -> UnlockWindow:
        """Show the unlock window (built fresh, so it is in the current language)."""
        old = self.unlock_window
        window = UnlockWindow(self.ctx, self.runner, self._lock_for, self.show_unexpected)
        if old is not None:
            if folder is None:
                folder = old.folder()
            window.set_operator(old.operator.text())
            old.hide()
            old.deleteLater()
        if folder is not None:
            window.set_folder(folder)
        window.show_notice(notice)
        window.unlocked.connect(self._enter)
        window.recovery_requested.connect(self.show_recovery)
        window.setup_requested.connect(lambda: self.show_wizard(first_run=False))
        window.language_chosen.connect(self.set_language)
        window.closed_by_user.connect(self.quit)
        self.unlock_window = window
        window.show()
        window.raise_()
        return window

    def _lock_for(self, folder: Path) -> VaultLock | None:
        lock = self.held_lock
        if lock is not None and lock.held and _same_folder(lock.path.parent, folder):
            return lock
        return None

    def show_recovery(self, folder: Path) -> None:
        """Start the recovery-kit flow for ``folder``."""
        dialog = RecoveryDialog(
            self.ctx,
            self.runner,
            folder,
            self._lock_for(folder),
            self.show_unexpected,
            self.unlock_window,
        )
        dialog.recovered.connect(self._enter)
        dialog.abandoned.connect(self._recovery_abandoned)
        dialog.finished.connect(lambda _r: setattr(self, "recovery", None))
        self.recovery = dialog
        dialog.open()

    def _recovery_abandoned(self, lock: VaultLock | None) -> None:
        if lock is not None and lock is not self.held_lock:
            if self.held_lock is not None:
                self.held_lock.release()
            self.held_lock = lock

    def _enter(self, vault: Vault) -> None:
        """A vault is open (created, unlocked or recovered): show the main window."""
        if self._closing:
            vault.close(backup=False)
            return
        held = self.held_lock
        if held is not None and held.held and not _same_folder(held.path.parent, vault.folder):
            held.release()  # a different vault was opened; same folder: the vault owns it now
        self.held_lock = None
        self.vault = vault
        vault.backup_keep = self.ctx.settings.backups_to_keep
        self.ctx.settings.add_recent_vault(vault.folder)
        self.session = Session(self.ctx, vault, office_name(vault), self.runner, self.clipboard)
        window = self.main_window or self._new_main_window()
        window.start_session(self.session)
        warnings = [vault_warning_text(w, vault.failed_unlocks) for w in vault.warnings]
        window.show_banner(" ".join(warnings))
        if self.unlock_window is not None:
            self.unlock_window.hide()
        window.show()
        window.raise_()
        window.activateWindow()
        self._bring_back_dialogs(vault)
        self.idle.start()
        self.vault_unlocked.emit()
        self.opener.vault_entered()

    def _bring_back_dialogs(self, vault: Vault) -> None:
        """Show the forms hidden at lock again, with their edits; they save through the
        pages' new session. Another vault or operator: close them."""
        hidden, self.hidden = self.hidden, None
        if hidden is None:
            return
        op = vault.operator
        same = _same_folder(hidden.folder, vault.folder) and (
            op is not None and op.id == hidden.operator_id
        )
        for dialog in hidden.alive():
            if same:
                dialog.show()
            else:
                close_dialog(dialog)

    def _new_main_window(self) -> MainWindow:
        window = MainWindow(self.ctx, self.show_unexpected)
        window.lock_requested.connect(lambda: self.lock("user"))
        window.minimised.connect(self._minimised)
        window.close_requested.connect(self.quit)
        window.language_chosen.connect(self.set_language)
        self.idle.ticked.connect(window.set_countdown)
        self.clipboard.copied.connect(window.show_copied)
        self.clipboard.cleared.connect(window.show_cleared)
        self.main_window = window
        return window

    # --- locking ------------------------------------------------------------------------
    def _minimised(self) -> None:
        if self.ctx.settings.lock_on_minimise:
            self.lock("minimised")

    def lock(self, reason: str = "user") -> None:
        """Lock now, or as soon as the running job ends (it may be using the database)."""
        if self.vault is None:
            return
        if self.runner.busy:
            self._pending_lock = reason
            return
        self._do_lock(reason)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            return
        if self._pending_lock is not None:
            reason, self._pending_lock = self._pending_lock, None
            self.lock(reason)
        if self._pending_rebuild and not self.runner.busy:
            self._rebuild_windows()

    def _close_dialogs_on_lock(self) -> list[QDialog]:
        """Close every dialog that shows a secret and every question of the main window;
        hide its other dialogs (forms keep their edits over a lock) and return them."""
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
        if self.main_window is not None:
            dialogs += self.main_window.findChildren(QDialog)
        main_children = set(self.main_window.findChildren(QDialog)) if self.main_window else set()
        kept: list[QDialog] = []
        for w in dict.fromkeys(dialogs):  # unique, in order (parents before children)
            if not w.isVisible() or not (w in main_children or w.property(SECRET_PROPERTY)):
                continue
            if w in main_children and keeps_edits_over_lock(w):
                w.hide()
                kept.append(w)
            else:
                close_dialog(w)
        return [w for w in kept if shiboken6.isValid(w)]

    def _do_lock(self, reason: str) -> None:
        vault, self.vault = self.vault, None
        assert vault is not None
        self.idle.stop()
        self.clipboard.clear()
        kept = self._close_dialogs_on_lock()
        op = vault.operator
        self.hidden = HiddenDialogs(vault.folder, op.id if op else None, kept) if kept else None
        window = self.main_window
        if window is not None:
            window.end_session()
            window.hide()
        self.session = None
        folder = vault.folder
        name = vault.operator.name if vault.operator else ""
        self.held_lock = vault.lock()
        notices = {
            "idle": self.tr(
                "The vault was locked after {minutes} minutes without activity."
            ).format(minutes=self.ctx.settings.auto_lock_minutes),
            "minimised": self.tr("The vault was locked when the window was minimised."),
            "session": self.tr("The vault was locked because the computer was locked."),
        }
        unlock = self.show_unlock(folder=folder, notice=notices.get(reason, ""))
        if name:
            unlock.set_operator(name)
            unlock.password.setFocus()
        self.vault_locked.emit(reason)

    # --- settings and language ----------------------------------------------------------
    def _setting_changed(self, key: str) -> None:
        settings = self.ctx.settings
        if key == "security/auto_lock_minutes":
            self.idle.set_timeout_msecs(settings.auto_lock_minutes * 60_000)
        elif key == "security/clipboard_seconds":
            self.clipboard.set_timeout(settings.clipboard_seconds)
        elif key == "vault/backups_to_keep" and self.vault is not None:
            self.vault.backup_keep = settings.backups_to_keep

    def set_language(self, language: str) -> None:
        """Switch language now: windows are rebuilt in it, nothing is lost."""
        if language != self.ctx.settings.language:
            self.ctx.settings.language = language
        self.translations.apply(language)
        self._rebuild_windows()

    def _rebuild_windows(self) -> None:
        """Build the main and unlock windows again (new language or palette), keeping the
        session, the page shown and anything typed in the unlock window. Waits for a
        running job: its results go to the widgets that started it."""
        if self.runner.busy:
            self._pending_rebuild = True
            return
        self._pending_rebuild = False
        if self.main_window is not None:
            old = self.main_window
            key = old.current_key
            visible = old.isVisible()
            geometry = old.saveGeometry()
            if self.session is not None:
                old.end_session()
            self.idle.ticked.disconnect(old.set_countdown)
            self.clipboard.copied.disconnect(old.show_copied)
            self.clipboard.cleared.disconnect(old.show_cleared)
            self.main_window = None
            window = self._new_main_window()
            window.restoreGeometry(geometry)
            if self.session is not None:
                window.start_session(self.session)
            window.show_page(key)
            if visible:
                window.show()
            old.hide()
            old.deleteLater()
        if self.unlock_window is not None and self.unlock_window.isVisible():
            notice = self.unlock_window.notice.text()
            self.show_unlock(notice=notice)

    # --- quitting -----------------------------------------------------------------------
    def quit(self) -> None:
        """Clear the clipboard, close the vault (with its closing backup), release locks."""
        if self._closing:
            return
        self._closing = True
        self.idle.stop()
        self.idle.unwatch()
        self.clipboard.clear()
        self.runner.wait()
        for w in (self.wizard, self.recovery):
            if w is not None:
                w.force_close()
        hidden, self.hidden = self.hidden, None
        for dialog in hidden.alive() if hidden else []:
            close_dialog(dialog)
        vault, self.vault = self.vault, None
        if vault is not None:
            if self.main_window is not None:
                self.main_window.end_session()
            vault.close(backup=True)
        if self.held_lock is not None:
            self.held_lock.release()
            self.held_lock = None
        for window in (self.main_window, self.unlock_window):
            if window is not None:
                window.hide()
                window.deleteLater()
        self.main_window = self.unlock_window = None
        self.translations.uninstall()
        self.finished.emit()
