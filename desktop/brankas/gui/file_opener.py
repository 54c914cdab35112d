"""Acting on files given to ``brankas FILE`` (or passed on by a second launch): archives are
imported (province) or checked (regency), a province key goes to its dialog, a vault folder
to the unlock window; anything else gets one sentence."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from brankas.core.domain.enums import OfficeKind
from brankas.gui.archive.check_dialog import start_check
from brankas.gui.dialogs.messages import ask, show_message
from brankas.gui.open_file import FileKind, GivenFile, classify
from brankas.gui.pages.settings_page import SettingsPage

if TYPE_CHECKING:
    from brankas.gui.controller import AppController


def _same(a: Path, b: Path) -> bool:
    return a.expanduser().resolve() == b.expanduser().resolve()


def _names(files: Sequence[GivenFile]) -> str:
    return ", ".join(f"“{f.path.name}”" for f in files)


class FileOpener(QObject):
    """Holds archives and key files until a vault is unlocked, then acts on them."""

    def __init__(self, controller: AppController) -> None:
        super().__init__(controller)
        self._controller = controller
        self.pending: list[GivenFile] = []
        self._note = ""  # the last sentence put on the unlock window

    # --- arriving -------------------------------------------------------------------------
    def open(self, paths: Sequence[Path]) -> None:
        """Act on ``paths`` now, or after the next unlock when no vault is open."""
        given = [classify(p) for p in paths]
        problems = [g for g in given if g.kind in (FileKind.MISSING, FileKind.UNKNOWN)]
        vaults = [g for g in given if g.kind is FileKind.VAULT]
        wanted = [g for g in given if g.kind in (FileKind.ARCHIVE, FileKind.PROVINCE_KEY)]
        if vaults:
            self._open_vault(vaults[-1].target)
        if wanted:
            if self._controller.session is not None:
                self._act(wanted)
            else:
                self.pending.extend(wanted)
                self._ask_unlock()
        if problems:
            self._refuse(problems)

    def vault_entered(self) -> None:
        """A vault was unlocked (or created): act on the files waiting for it."""
        pending, self.pending = self.pending, []
        if pending and self._controller.session is not None:
            self._act(pending)

    def _parent(self) -> QWidget | None:
        return self._controller.top_window()

    def _refuse(self, problems: Sequence[GivenFile]) -> None:
        sentences = []
        for g in problems:
            if g.kind is FileKind.MISSING:
                sentences.append(
                    self.tr(
                        "Brankas cannot open “{name}”: there is no such file. It may have been "
                        "moved, renamed or deleted."
                    ).format(name=g.path.name or str(g.path))
                )
            else:
                sentences.append(
                    self.tr(
                        "Brankas cannot open “{name}”: it is not a review archive (.brankas), a "
                        "province key file (.brankaskey) or a Brankas vault. Nothing was changed."
                    ).format(name=g.path.name or str(g.path))
                )
        show_message(
            self._parent(),
            self.tr("Open file"),
            "\n\n".join(sentences),
            icon=QMessageBox.Icon.Warning,
        )

    def _ask_unlock(self) -> None:
        """Say on the unlock window what will happen once it is unlocked."""
        c = self._controller
        if c.wizard is not None and c.wizard.isVisible():
            return  # the files wait for the vault being created
        archives = [g for g in self.pending if g.kind is FileKind.ARCHIVE]
        key_files = [g for g in self.pending if g.kind is FileKind.PROVINCE_KEY]
        notes = []
        if archives:
            notes.append(
                self.tr("Unlock your vault to open the review archive {names}.").format(
                    names=_names(archives)
                )
            )
        if key_files:
            notes.append(
                self.tr("Unlock your vault to import the province key {names}.").format(
                    names=_names(key_files[-1:])
                )
            )
        window = c.unlock_window
        if window is None or not window.isVisible():
            window = c.show_unlock()
        # Keep why the vault was locked ("… after 5 minutes without activity"); replace
        # only an earlier note of ours.
        current = window.notice.text() if window.notice.isVisible() else ""
        if self._note and current.endswith(self._note):
            current = current[: -len(self._note)].strip()
        self._note = " ".join(notes)
        window.show_notice(f"{current} {self._note}".strip())
        c.raise_window()

    # --- vault folders --------------------------------------------------------------------
    def _open_vault(self, folder: Path) -> None:
        c = self._controller
        if c.wizard is not None and c.wizard.isVisible():
            show_message(
                c.wizard,
                self.tr("Open vault"),
                self.tr(
                    "A new vault is being set up. Finish or cancel the setup, then open “{name}” "
                    "again."
                ).format(name=str(folder)),
            )
            return
        vault = c.vault
        if vault is None:
            window = c.show_unlock(folder=folder)
            c.ctx.settings.add_recent_vault(folder)
            window.password.setFocus()
            return
        if _same(vault.folder, folder):
            return  # already open: the window was raised
        ask(
            c.top_window(),
            self.tr("Open another vault"),
            self.tr(
                "The vault of {office} is open. Lock it and open the vault in “{folder}”? "
                "Nothing is lost: you can unlock this one again later."
            ).format(office=c.session.office_name if c.session else "", folder=str(folder)),
            self.tr("Lock and open"),
            lambda: self._switch_to(folder),
        )

    def _switch_to(self, folder: Path) -> None:
        c = self._controller

        def locked(_reason: str) -> None:
            c.vault_locked.disconnect(locked)
            if c.unlock_window is not None:
                c.unlock_window.set_folder(folder)
                c.unlock_window.password.setFocus()

        c.vault_locked.connect(locked)
        c.lock("user")  # at once, or when the running job ends

    # --- with a vault open ----------------------------------------------------------------
    def _act(self, files: Sequence[GivenFile]) -> None:
        c = self._controller
        window, session = c.main_window, c.session
        if window is None or session is None:
            return
        archives = [g.path for g in files if g.kind is FileKind.ARCHIVE]
        key_files = [g.path for g in files if g.kind is FileKind.PROVINCE_KEY]
        province = window.archive.kind is OfficeKind.PROVINCE
        if archives and province:
            window.show_page("archives")
            window.archive.archives.import_files(archives)
        elif archives:
            for path in archives:
                self._offer_check(path)
        if key_files:
            self._open_key(key_files[-1], province=province)

    def _offer_check(self, path: Path) -> None:
        c = self._controller
        window = c.main_window
        assert window is not None

        def check() -> None:
            session = c.session
            if session is not None:
                start_check(session, path, window, c.show_unexpected)

        ask(
            window,
            self.tr("Review archive"),
            self.tr(
                "“{name}” is a review archive. Archives are opened in the province's Brankas "
                "vault; this vault belongs to a regency or city, so it does not open them. You "
                "can check the archive's signature and hashes here without decrypting anything."
            ).format(name=path.name),
            self.tr("Check signature"),
            check,
        )

    def _open_key(self, path: Path, *, province: bool) -> None:
        c = self._controller
        window, session = c.main_window, c.session
        assert window is not None and session is not None
        if province:
            show_message(
                window,
                self.tr("Province key"),
                self.tr(
                    "“{name}” is a province's public key. It is imported in the vault of a "
                    "regency or city (Settings → Review archive); this vault is the province's "
                    "own, so nothing was changed."
                ).format(name=path.name),
            )
            return
        if not session.is_admin:
            show_message(
                window,
                self.tr("Province key"),
                self.tr(
                    "“{name}” is a province key. Only an admin can import it: ask an admin to "
                    "open the file, or to import it under Settings → Review archive."
                ).format(name=path.name),
            )
            return
        window.show_page("settings")
        page = window.pages["settings"]
        assert isinstance(page, SettingsPage)
        page.archive_keys.open_change(path)
