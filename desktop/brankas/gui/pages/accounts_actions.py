"""What the Accounts page does with the selected account: reveal, copy, edit, create, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from brankas.core.domain.enums import AccountStatus
from brankas.core.secret import Secret
from brankas.core.services import accounts, secrets
from brankas.core.services.accounts import SavedAccount
from brankas.core.services.secrets import SecretField
from brankas.gui.dialogs.account_editor import AccountEditor, EditRequest, save_account
from brankas.gui.dialogs.account_editor_draft import Draft, take_draft
from brankas.gui.dialogs.account_editor_draft import restore_draft as restore
from brankas.gui.dialogs.messages import ask, show_message
from brankas.gui.models.account_labels import warning_text
from brankas.gui.pages.accounts_secrets import Copied, copy_value, reveal_password, totp_now


class AccountActions:
    """Mixed into ``AccountsPage`` (it uses the page's ``run``, ``detail``, ``session``…).
    Every reveal and copy runs an audited service call in the worker; a copy goes to the
    session's clipboard service, which clears itself."""

    # Provided by the page.
    run: Any
    detail: Any
    session: Any
    data: Any
    filters: Any
    resources: Any
    _detail_for: int | None
    _editor: AccountEditor | None
    draft: Draft | None
    _shown: Any
    reload: Any
    window: Any

    # --- reveal and copy ----------------------------------------------------------------
    def _reveal_toggled(self, on: bool) -> None:
        d = self._shown()
        if not on or d is None:
            return
        aid = d.account.id
        self.run(lambda ctx: reveal_password(ctx, aid), lambda v: self._revealed(aid, v))

    def _revealed(self, account_id: int, value: Secret | None) -> None:
        if account_id == self._detail_for and self.detail.reveal_password.isChecked():
            self.detail.show_password(value)

    def show_totp(self) -> None:
        """Show the current TOTP code with its countdown (audited)."""
        d = self._shown()
        if d is None or not d.presence.get(SecretField.TOTP_SECRET):
            return
        aid = d.account.id
        self.run(lambda ctx: totp_now(ctx, aid), lambda r: self._totp_arrived(aid, r))

    def _totp_arrived(self, account_id: int, result: tuple[str, int]) -> None:
        if account_id == self._detail_for:
            self.detail.totp.show_code(*result)

    def copy(self, field: str) -> None:
        """Copy the selected account's username, password or TOTP code (audited, through
        the clipboard service that clears itself)."""
        d = self._shown()
        if d is None:
            return
        if field == "password" and not d.presence.get(SecretField.PASSWORD):
            return
        if field == "totp" and not d.presence.get(SecretField.TOTP_SECRET):
            return
        aid = d.account.id
        self.run(lambda ctx: copy_value(ctx, aid, field), self._copied)

    def _copied(self, copied: Copied) -> None:
        if self.session is None or copied.value is None:
            return
        labels = {
            "username": QCoreApplication.translate("AccountsPage", "Username"),
            "password": QCoreApplication.translate("AccountsPage", "Password"),
            "totp": QCoreApplication.translate("AccountsPage", "TOTP code"),
        }
        self.session.clipboard.copy(copied.value, labels.get(copied.field, copied.field))

    # --- editing ------------------------------------------------------------------------
    def _save(
        self,
        request: EditRequest,
        on_success: Callable[[SavedAccount], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.run(lambda ctx: save_account(ctx, request), on_success, on_error)

    def _load_notes(self, account_id: int, deliver: Callable[[Secret | None], None]) -> None:
        self.run(lambda ctx: secrets.reveal(ctx, account_id, SecretField.NOTES, "edit"), deliver)

    def open_new(self, defaults: dict[str, Any] | None = None) -> AccountEditor | None:
        """Ctrl+N: the editor for a new account (``defaults``, else the filters, pre-fill it)."""
        if self.session is None or self._editor is not None:
            return None
        editor = AccountEditor(
            self.resources,
            self.data,
            self._save,
            defaults=defaults if defaults is not None else self.filters.filters().as_defaults(),
            parent=self,
        )
        return self._open(editor)

    def open_edit(self) -> AccountEditor | None:
        """Enter / Ctrl+E: the editor for the selected account."""
        d = self._shown()
        if self.session is None or d is None or self._editor is not None:
            return None
        aid = d.account.id
        editor = AccountEditor(
            self.resources,
            self.data,
            self._save,
            d,
            notes_loader=lambda deliver: self._load_notes(aid, deliver),
            parent=self,
        )
        return self._open(editor)

    def _open(self, editor: AccountEditor) -> AccountEditor:
        self._editor = editor
        self.detail.hide_secrets()
        editor.saved.connect(self._saved)
        editor.locked_out.connect(lambda: self._keep_draft(editor))
        editor.finished.connect(lambda _r: self._editor_closed(editor))
        editor.open()
        return editor

    def _keep_draft(self, editor: AccountEditor) -> None:
        """The vault locks with the editor open: keep what was typed (no secrets)."""
        if self.session is not None:
            self.draft = take_draft(editor, self.session.operator.id)

    def restore_draft(self) -> None:
        """After unlocking, reopen the editor with the fields typed before the lock (for
        the same operator only)."""
        draft = self.draft
        if draft is None or self.session is None:
            return
        if draft.operator_id != self.session.operator.id:
            self.draft = None  # someone else unlocked: not theirs to see
            return
        if draft.account_id is None:
            editor = self.open_new({})
        else:
            shown = self._shown()
            if shown is None or shown.account.id != draft.account_id:
                if draft.account_id not in self.data.accounts:
                    self.draft = None  # deleted meanwhile
                    return
                self.show_account(draft.account_id)  # edited once its detail is read
                return
            editor = self.open_edit()
        if editor is not None:
            self.draft = None
            restore(editor, draft)
            editor.show_restored()

    def _editor_closed(self, editor: AccountEditor) -> None:
        if self._editor is editor:
            self._editor = None
        editor.deleteLater()

    def _saved(self, saved: SavedAccount) -> None:
        self._detail_for = saved.account.id
        if saved.warnings:
            text = "\n".join(warning_text(w) for w in saved.warnings)
            show_message(
                self.window(),
                QCoreApplication.translate("AccountsPage", "Saved, with a caution"),
                text,
            )
        self.reload()

    def delete_selected(self) -> None:
        """Delete the selected account after asking (only a planned account)."""
        d = self._shown()
        if d is None or d.account.status is not AccountStatus.PLANNED:
            return
        aid, handle = d.account.id, d.account.handle
        ask(
            self.window(),
            QCoreApplication.translate("AccountsPage", "Delete account"),
            QCoreApplication.translate(
                "AccountsPage",
                "Delete {handle}? Only an account registered by mistake should be deleted; "
                "its password and notes go with it.",
            ).format(handle=handle),
            QCoreApplication.translate("AccountsPage", "Delete"),
            lambda: self.run(lambda ctx: accounts.delete_account(ctx, aid), self._deleted),
            destructive=True,
        )

    def _deleted(self, _result: object) -> None:
        self._detail_for = None
        self.detail.show_detail(None)
        self.reload()
