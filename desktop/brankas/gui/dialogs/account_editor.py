"""The account editor: platform-aware fields checked as typed, recovery chain, Page roster, secrets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import LifecycleKind, Owner, Platform, RotationReason
from brankas.core.domain.models import Account, PageAccessEntry
from brankas.core.secret import Secret
from brankas.core.services import accounts, secrets
from brankas.core.services.accounts import SavedAccount
from brankas.core.services.context import ServiceContext
from brankas.gui.errors import error_message
from brankas.gui.models.account_data import AccountsData
from brankas.gui.models.account_detail import AccountDetail
from brankas.gui.resources import Resources
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY

from .account_editor_page import PageTab
from .account_editor_secrets import NotesLoader, SecretsTab
from .account_editor_tabs import IdentityTab, PersonChoices, RecoveryTab, picked_person, select_data

IDENTITY, RECOVERY, PAGE, SECRETS = range(4)
Saver = Callable[
    ["EditRequest", Callable[[SavedAccount], None], Callable[[BaseException], None]], None
]
# Fields named by roster errors of the Page access service.
_ROSTER_FIELDS = ("person_id", "person_name", "entry_id", "access", "added_at", "removed_at")


@dataclass(frozen=True, slots=True)
class EditRequest:
    """What saving the editor does; secrets are None when left unchanged."""

    account_id: int | None  # None: a new account
    fields: Mapping[str, Any]  # keyword arguments of accounts.create/update_account
    password: Secret | None = None
    reason: RotationReason = RotationReason.ROUTINE
    totp: Secret | None = None
    clear_totp: bool = False
    backup_codes: Secret | None = None
    notes: Secret | None = None
    page_added: tuple[PageAccessEntry, ...] = ()
    page_removed: tuple[int, ...] = ()


def save_account(ctx: ServiceContext, request: EditRequest) -> SavedAccount:
    """Create or update the account, its secrets and its roster in one transaction."""
    with ctx.tx():
        if request.account_id is None:
            saved = accounts.create_account(ctx, **request.fields)
        else:
            saved = accounts.update_account(ctx, request.account_id, **request.fields)
        aid = saved.account.id
        if request.password is not None:
            reason = RotationReason.INITIAL if request.account_id is None else request.reason
            secrets.set_password(ctx, aid, request.password, reason=reason)
        if request.totp is not None:
            secrets.set_totp(ctx, aid, request.totp)
        elif request.clear_totp:
            secrets.clear_totp(ctx, aid)
        if request.backup_codes is not None:
            secrets.set_backup_codes(ctx, aid, request.backup_codes)
        if request.notes is not None:
            secrets.set_notes(ctx, aid, request.notes)
        for entry_id in request.page_removed:
            accounts.remove_page_access(ctx, entry_id)
        for e in request.page_added:
            accounts.add_page_access(
                ctx, aid, access=e.access, person_id=e.person_id, person_name=e.person_name
            )
        account = accounts.get_account(ctx, aid)
    return dataclasses.replace(saved, account=account)


class AccountEditor(QDialog):
    """New account (``detail`` None) or edit one. Saving runs through ``saver`` (the page's
    worker); an error comes back by field and shows under it, translated by its code."""

    saved = Signal(object)  # SavedAccount
    locked_out = Signal()  # closing because the vault locks: the page may keep a draft

    def __init__(
        self,
        resources: Resources,
        data: AccountsData,
        saver: Saver,
        detail: AccountDetail | None = None,
        *,
        notes_loader: NotesLoader | None = None,
        defaults: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountEditor")
        self.setProperty(SECRET_PROPERTY, True)  # secrets are typed here: closed on lock
        self._data = data
        self._saver = saver
        self._account: Account | None = detail.account if detail is not None else None
        self._saving = False
        editing = self._account is not None
        self.setWindowTitle(
            self.tr("Edit account {handle}").format(handle=self._account.handle)
            if self._account is not None
            else self.tr("New account")
        )
        layout = QVBoxLayout(self)
        self.notice = QLabel()
        self.notice.setObjectName("editorNotice")
        self.notice.setProperty("role", "ok")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        self.people = PersonChoices(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.identity = IdentityTab()
        self.recovery = RecoveryTab(self.people)
        self.page = PageTab(self.people, data)
        self.secrets = SecretsTab(resources, editing, notes_loader)
        for tab, title in (
            (self.identity, self.tr("Account")),
            (self.recovery, self.tr("Recovery chain")),
            (self.page, self.tr("Page access")),
            (self.secrets, self.tr("Password and secrets")),
        ):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            # Tab goes from the tab bar straight to the first field, not to the scroll area.
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidget(tab)
            self.tabs.addTab(scroll, title)
        layout.addWidget(self.tabs, 1)
        self.form_error = QLabel()
        self.form_error.setObjectName("editorError")
        self.form_error.setProperty("role", "error")
        self.form_error.setWordWrap(True)
        self.form_error.setVisible(False)
        layout.addWidget(self.form_error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveAccount")
        self.save_button.setProperty("role", "primary")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.errors: dict[str, tuple[QLabel, int]] = {}
        for tab_index, labels in (
            (IDENTITY, self.identity.errors),
            (RECOVERY, self.recovery.errors),
            (SECRETS, self.secrets.errors),
        ):
            for name, label in labels.items():
                self.errors[name] = (label, tab_index)
        self.errors["page_access"] = (self.page.error, PAGE)
        self._fill_choices()
        self._load(detail, defaults or {})
        self._connect()
        self.resize(720, 600)

    # --- filling ------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        idt = self.identity
        idt.kecamatan.addItem("—", None)
        current = self._account.kecamatan_id if self._account else None
        for k in sorted(self._data.kecamatan.values(), key=lambda k: k.name.casefold()):
            if k.retired_at is None or k.id == current:
                idt.kecamatan.addItem(k.name, k.id)
        idt.term.addItem("—", None)
        for t in sorted(self._data.terms.values(), key=lambda t: t.start_date, reverse=True):
            idt.term.addItem(t.name, t.id)

    def _connect(self) -> None:
        idt, rec = self.identity, self.recovery
        idt.platform.currentIndexChanged.connect(self._platform_changed)
        idt.handle.textChanged.connect(lambda _t: idt.check_handle())
        idt.handle.textChanged.connect(lambda t: setattr(self.secrets, "user_inputs", [t]))
        for box in (idt.kecamatan, idt.term):
            box.currentIndexChanged.connect(self._place_changed)
        idt.follow_term.toggled.connect(self._place_changed)
        idt.active_from.dateChanged.connect(lambda _d: idt.check_dates())
        idt.active_until.dateChanged.connect(lambda _d: idt.check_dates())
        rec.email.textChanged.connect(lambda _t: rec.check_email())
        rec.phone.textChanged.connect(lambda _t: rec.check_phone())

    def _load(self, detail: AccountDetail | None, defaults: Mapping[str, Any]) -> None:
        idt, rec = self.identity, self.recovery
        a = self._account
        select_data(idt.platform, a.platform if a else defaults.get("platform", Platform.INSTAGRAM))
        select_data(idt.kecamatan, a.kecamatan_id if a else defaults.get("kecamatan_id"))
        select_data(idt.term, a.term_id if a else defaults.get("term_id"))
        select_data(idt.lifecycle, a.lifecycle_kind if a else LifecycleKind.AD_HOC)
        if detail is not None and detail.is_page:
            self.page.set_entries(list(detail.page_access))
        self._refresh_people()
        if a is None:
            for box in (rec.email_owner, rec.phone_owner, rec.device_owner):
                select_data(box, Owner.OFFICE)
            self._place_changed()
        else:
            idt.handle.setText(a.handle)
            idt.display_name.setText(a.display_name)
            default = self._data.default_period(a.term_id, a.kecamatan_id)
            idt.follow_term.setChecked((a.active_from, a.active_until) == default)
            idt.set_period(a.active_from, a.active_until)
            self._place_changed()
            rec.email.setText(a.recovery_email)
            select_data(rec.email_owner, a.recovery_email_owner)
            rec.email_person.setCurrentIndex(self.people.row_of(a.recovery_email_person_id))
            rec.phone.setText(a.recovery_phone)
            select_data(rec.phone_owner, a.recovery_phone_owner)
            rec.phone_holder.setCurrentIndex(self.people.row_of(a.recovery_phone_holder_person_id))
            select_data(rec.twofa, a.twofa_method)
            rec.device.setText(a.twofa_device)
            select_data(rec.device_owner, a.twofa_device_owner)
            rec.device_person.setCurrentIndex(self.people.row_of(a.twofa_device_person_id))
        rec.show_codes_left(a)
        self.secrets.show_presence(detail.presence if detail else {}, a is not None)
        self._platform_changed()

    def _refresh_people(self) -> None:
        """Offer the office's people and those of the chosen kecamatan (and anyone named)."""
        kec = self.identity.kecamatan.currentData()
        boxes = (
            self.recovery.email_person,
            self.recovery.phone_holder,
            self.recovery.device_person,
            self.page.person,
        )
        chosen = [(box, picked_person(box)) for box in boxes]
        a = self._account
        keep = {pid for _box, pid in chosen} | {e.person_id for e in self.page.model.records()}
        if a is not None:
            keep |= {
                a.recovery_email_person_id,
                a.recovery_phone_holder_person_id,
                a.twofa_device_person_id,
            }
        self.people.set_people(
            p
            for p in self._data.people.values()
            if p.kecamatan_id is None or p.kecamatan_id == kec or p.id in keep
        )
        for box, pid in chosen:
            box.setCurrentIndex(self.people.row_of(pid))

    def _platform_changed(self) -> None:
        self.identity.show_platform_hint()
        self.tabs.setTabVisible(PAGE, self.identity.platform_value() is Platform.FACEBOOK_PAGE)
        self.identity.check_handle()

    def _place_changed(self) -> None:
        idt = self.identity
        self._refresh_people()
        follow = idt.follow_term.isChecked()
        idt.active_from.setEnabled(not follow)
        idt.active_until.setEnabled(not follow)
        if follow:
            idt.set_period(
                *self._data.default_period(idt.term.currentData(), idt.kecamatan.currentData())
            )
        idt.check_dates()

    # --- saving -------------------------------------------------------------------------
    def request(self) -> EditRequest:
        """What saving would do, read from the form."""
        idt, rec, sec = self.identity, self.recovery, self.secrets
        start, end = idt.period()
        fields: dict[str, Any] = {
            "platform": idt.platform_value(),
            "handle": idt.handle.text(),
            "display_name": idt.display_name.text(),
            "kecamatan_id": idt.kecamatan.currentData(),
            "term_id": idt.term.currentData(),
            "lifecycle_kind": idt.lifecycle.currentData(),
            "active_from": start,
            "active_until": end,
            "recovery_email": rec.email.text(),
            "recovery_email_owner": rec.email_owner.currentData(),
            "recovery_email_person_id": picked_person(rec.email_person),
            "recovery_phone": rec.phone.text(),
            "recovery_phone_owner": rec.phone_owner.currentData(),
            "recovery_phone_holder_person_id": picked_person(rec.phone_holder),
            "twofa_method": rec.twofa.currentData(),
            "twofa_device": rec.device.text(),
            "twofa_device_owner": rec.device_owner.currentData(),
            "twofa_device_person_id": picked_person(rec.device_person),
        }
        a = self._account
        if a is not None and a.recovery_email == rec.email.text():
            fields["recovery_email_account_id"] = a.recovery_email_account_id
        if a is not None and a.recovery_phone == rec.phone.text():
            fields["recovery_phone_account_id"] = a.recovery_phone_account_id
        password, totp = sec.password.text(), sec.totp.text().strip()
        codes, notes = sec.codes.toPlainText(), sec.notes.toPlainText()
        reason = sec.reason.currentData()
        is_page = idt.platform_value() is Platform.FACEBOOK_PAGE
        keep_notes = sec.notes_loaded and (bool(notes.strip()) or a is not None)
        return EditRequest(
            account_id=a.id if a is not None else None,
            fields=fields,
            password=Secret(password) if password else None,
            reason=RotationReason(reason) if reason else RotationReason.ROUTINE,
            totp=Secret(totp) if totp else None,
            clear_totp=sec.clear_totp.isVisibleTo(sec) and sec.clear_totp.isChecked(),
            backup_codes=Secret(codes) if codes.strip() else None,
            notes=Secret(notes) if keep_notes else None,
            page_added=self.page.added() if is_page else (),
            page_removed=self.page.removed() if is_page else (),
        )

    def check(self) -> str | None:
        """Run every check as on typing; the first field in error (None when all pass)."""
        checks = (
            ("handle", lambda: self.identity.check_handle(required=True)),
            ("active_until", self.identity.check_dates),
            ("recovery_email", self.recovery.check_email),
            ("recovery_phone", self.recovery.check_phone),
            ("totp_secret", self.secrets.check_totp),
        )
        failed = [name for name, run in checks if not run()]
        return failed[0] if failed else None

    def save(self) -> None:
        """Check the form, then create or update in the worker."""
        if self._saving:
            return
        self.form_error.setVisible(False)
        first = self.check()
        if first is not None:
            self.go_to(first)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self._saver(self.request(), self._saved, self._failed)

    def _saved(self, saved: SavedAccount) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.saved.emit(saved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        name = getattr(exc, "field", None)
        if name in _ROSTER_FIELDS:
            name = "page_access"
        text = error_message(exc)
        if isinstance(name, str) and name in self.errors:
            label, _tab = self.errors[name]
            label.setText(text)
            label.setVisible(True)
            self.go_to(name)
            return
        self.form_error.setText(text)
        self.form_error.setVisible(True)

    def go_to(self, name: str) -> None:
        """Show the tab holding a field's error, scrolled to it."""
        label, tab = self.errors[name]
        self.tabs.setCurrentIndex(tab)
        scroll = self.tabs.widget(tab)
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(label)

    def field_error(self, name: str) -> str:
        """The error shown under a field ('' when none)."""
        label, _tab = self.errors[name]
        return label.text() if not label.isHidden() else ""

    def done(self, result: int) -> None:
        """Forget typed secrets whatever the outcome."""
        self.secrets.wipe()
        super().done(result)

    def show_restored(self) -> None:
        """Say that the fields hold what was typed before the vault locked."""
        self.notice.setText(
            self.tr(
                "The changes you had not saved when the vault locked are back. Passwords, "
                "keys and codes are never kept: type them again if needed."
            )
        )
        self.notice.setVisible(True)

    def force_close(self) -> None:
        """Close at once (the vault is locking): typed secrets are wiped."""
        self._saving = False
        self.locked_out.emit()
        self.done(QDialog.DialogCode.Rejected)
