"""The Accounts page's detail panel: credentials (masked), recovery chain, Page roster, histories."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.secret import Secret
from brankas.core.services.secrets import SecretField
from brankas.gui.labels import platform_label
from brankas.gui.models.account_detail import AccountDetail
from brankas.gui.models.account_labels import role_word, status_label, warning_text
from brankas.gui.models.account_lists import (
    AccountEventsModel,
    CustodyModel,
    PageAccessModel,
    PasswordHistoryModel,
)
from brankas.gui.resources import Resources
from brankas.gui.theme import Spacing
from brankas.gui.widgets.recovery_chain import RecoveryChainView
from brankas.gui.widgets.totp_widget import TotpWidget

MASK = "••••••••••"
# A zero-width space between characters lets a long revealed password wrap inside the
# panel instead of widening it (and squeezing the accounts list beside it).
_BREAK = "\u200b"
OVERVIEW, PAGE_TAB, HISTORY, AUDIT = range(4)


def _table(model: object, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class _WrappingLabel(QLabel):
    """A label that wraps within the width it is given and asks for the height of its
    lines (a form row does not pass height-for-width down through a row layout)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        height = self.heightForWidth(max(self.width(), 1))
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    return label


class AccountDetailPanel(QWidget):
    """Shows one :class:`AccountDetail`. Secrets stay masked until the page puts a
    revealed value in (after an audited reveal); :meth:`hide_secrets` masks them again."""

    password_reveal_toggled = Signal(bool)
    copy_requested = Signal(str)  # "username", "password", "totp"
    totp_requested = Signal()

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountDetail")
        self._resources = resources
        self.detail: AccountDetail | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.empty = QLabel(self.tr("Choose an account to see its details."))
        self.empty.setObjectName("detailEmpty")
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(Spacing.M, 0, 0, 0)
        layout.setSpacing(Spacing.S)
        self._build_header(layout)
        self._build_credentials(layout)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self._build_tabs()
        layout.addWidget(self.tabs, 1)
        self.stack.addWidget(body)

    # --- building -----------------------------------------------------------------------
    def _build_header(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.platform_icon = QLabel()
        self.platform_icon.setFixedSize(32, 32)
        self.handle = QLabel()
        self.handle.setObjectName("detailHandle")
        self.handle.setProperty("role", "heading")
        self.handle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_icon = QLabel()
        self.status = QLabel()
        self.status.setObjectName("detailStatus")
        row.addWidget(self.platform_icon)
        row.addWidget(self.handle, 1)
        row.addWidget(self.status_icon)
        row.addWidget(self.status)
        layout.addLayout(row)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setProperty("role", "hint")
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)
        self.warnings = QLabel()
        self.warnings.setObjectName("detailWarnings")
        self.warnings.setProperty("role", "warning")
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(False)
        layout.addWidget(self.warnings)

    def _tool(self, icon: str, tip: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(self._resources.themed_icon(icon))
        button.setIconSize(QSize(18, 18))
        button.setToolTip(tip)
        return button

    def _build_credentials(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        form.setSpacing(Spacing.S)
        user_row = QHBoxLayout()
        self.username = QLineEdit()
        self.username.setObjectName("detailUsername")
        self.username.setReadOnly(True)
        self.copy_username = self._tool(
            "copy", self.tr("Copy the username (Ctrl+B)"), "copyUsername"
        )
        user_row.addWidget(self.username, 1)
        user_row.addWidget(self.copy_username)
        form.addRow(self.tr("Username:"), user_row)
        pw_row = QHBoxLayout()
        # A label, not a line edit: a revealed password cannot be selected and copied
        # around the audited copy action.
        self.password = _WrappingLabel(MASK)
        self.password.setObjectName("detailPassword")
        self.password.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.password.setStyleSheet(
            'font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 11pt;'
        )
        self.reveal_password = self._tool(
            "eye", self.tr("Show the password (recorded in the audit log)"), "revealPassword"
        )
        self.reveal_password.setCheckable(True)
        self.copy_password = self._tool(
            "copy", self.tr("Copy the password (Ctrl+C)"), "copyPassword"
        )
        pw_row.addWidget(self.password, 1)
        pw_row.addWidget(self.reveal_password)
        pw_row.addWidget(self.copy_password)
        form.addRow(self.tr("Password:"), pw_row)
        self.totp = TotpWidget(self._resources)
        form.addRow(self.tr("TOTP code:"), self.totp)
        layout.addLayout(form)
        self.copy_username.clicked.connect(lambda: self.copy_requested.emit("username"))
        self.copy_password.clicked.connect(lambda: self.copy_requested.emit("password"))
        self.reveal_password.toggled.connect(self._reveal_toggled)
        self.totp.reveal_requested.connect(self.totp_requested.emit)
        self.totp.copy_requested.connect(lambda: self.copy_requested.emit("totp"))

    def _build_tabs(self) -> None:
        self.chain = RecoveryChainView(self._resources.themed_icon)
        chain_scroll = QScrollArea()
        chain_scroll.setWidgetResizable(True)
        chain_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, Spacing.S, Spacing.S, 0)
        holder_layout.addWidget(self.chain)
        holder_layout.addStretch(1)
        chain_scroll.setWidget(holder)
        self.tabs.addTab(chain_scroll, self.tr("Recovery"))
        page = QWidget()
        page_layout = QVBoxLayout(page)
        self.page_warnings = QLabel()
        self.page_warnings.setObjectName("detailPageWarnings")
        self.page_warnings.setProperty("role", "warning")
        self.page_warnings.setWordWrap(True)
        self.page_warnings.setVisible(False)
        self.page_model = PageAccessModel(self)
        page_layout.addWidget(self.page_warnings)
        page_layout.addWidget(_table(self.page_model, "detailPageRoster"), 1)
        self.tabs.addTab(page, self.tr("Page access"))
        history = QWidget()
        history_layout = QVBoxLayout(history)
        self.password_model = PasswordHistoryModel(self)
        self.custody_model = CustodyModel(parent=self)
        history_layout.addWidget(_heading(self.tr("Password changes")))
        history_layout.addWidget(_table(self.password_model, "detailPasswordHistory"), 1)
        history_layout.addWidget(_heading(self.tr("Who held it")))
        history_layout.addWidget(_table(self.custody_model, "detailCustody"), 1)
        self.tabs.addTab(history, self.tr("History"))
        self.audit_model = AccountEventsModel(self)
        self.tabs.addTab(_table(self.audit_model, "detailAudit"), self.tr("Audit"))

    # --- content ------------------------------------------------------------------------
    def show_detail(self, detail: AccountDetail | None) -> None:
        """Show ``detail`` (None: the "choose an account" hint); secrets start masked."""
        self.hide_secrets()
        self.detail = detail
        if detail is None:
            self.stack.setCurrentIndex(0)
            self.chain.set_detail(None)
            for model in (
                self.page_model,
                self.password_model,
                self.custody_model,
                self.audit_model,
            ):
                model.clear()
            self.username.clear()
            return
        a = detail.account
        self.stack.setCurrentIndex(1)
        self.platform_icon.setPixmap(
            self._resources.icon(f"platform/{a.platform.value}").pixmap(QSize(32, 32))
        )
        self.platform_icon.setToolTip(platform_label(a.platform))
        self.handle.setText(a.handle)
        self.status_icon.setPixmap(self._resources.icon(f"status/{a.status.value}").pixmap(16, 16))
        self.status.setText(status_label(a.status))
        parts = [platform_label(a.platform)]
        parts += [p for p in (a.display_name, detail.kecamatan) if p]
        if detail.term is not None:
            parts.append(detail.term.name)
        holder = detail.person(detail.holder_person_id)
        parts.append(
            self.tr("held by {name}").format(name=holder)
            if holder
            else self.tr("held by the office")
        )
        self.subtitle.setText(" · ".join(parts))
        notes = [warning_text(code) for code in detail.personal_links]
        self.warnings.setText("\n".join(notes))
        self.warnings.setVisible(bool(notes))
        self.username.setText(a.handle)
        has_password = bool(detail.presence.get(SecretField.PASSWORD))
        self.password.setText(MASK if has_password else self.tr("None recorded"))
        self.reveal_password.setEnabled(has_password)
        self.copy_password.setEnabled(has_password)
        self.totp.set_available(bool(detail.presence.get(SecretField.TOTP_SECRET)))
        self.chain.set_detail(detail)
        self.tabs.setTabVisible(PAGE_TAB, detail.is_page)
        page_notes = [warning_text(code) for code in detail.page_warnings]
        self.page_warnings.setText("\n".join(page_notes))
        self.page_warnings.setVisible(bool(page_notes))
        self.page_model.roles = {pid: role_word(r) for pid, r in detail.roles.items()}
        self.page_model.set_records(list(detail.page_access))
        self.password_model.operators = detail.operators
        self.password_model.set_records(list(reversed(detail.password_history)))
        self.custody_model.name_of = detail.person
        self.custody_model.set_records(list(reversed(detail.custody)))
        self.audit_model.set_events(list(detail.events), dict(detail.operators))

    def show_password(self, value: Secret | None) -> None:
        """Put a revealed password in (None: nothing on record)."""
        shown = _BREAK.join(value.reveal()) if value is not None else self.tr("None recorded")
        self.password.setText(shown)

    def hide_secrets(self) -> None:
        """Mask everything revealed (selection change, lock, toggle)."""
        self.reveal_password.blockSignals(True)
        self.reveal_password.setChecked(False)
        self.reveal_password.blockSignals(False)
        self.reveal_password.setIcon(self._resources.themed_icon("eye"))
        has = self.detail is not None and bool(self.detail.presence.get(SecretField.PASSWORD))
        self.password.setText(MASK if has or self.detail is None else self.tr("None recorded"))
        self.totp.hide_code()

    @property
    def password_shown(self) -> bool:
        """Whether a revealed password is on screen."""
        return self.reveal_password.isChecked() and self.password_text not in (MASK, "")

    @property
    def password_text(self) -> str:
        """What the password field shows, without the wrapping marks."""
        return self.password.text().replace(_BREAK, "")

    def _reveal_toggled(self, on: bool) -> None:
        self.reveal_password.setIcon(self._resources.themed_icon("eye-off" if on else "eye"))
        if not on:
            self.hide_secrets()
        self.password_reveal_toggled.emit(on)

    def clear(self) -> None:
        """Forget the account (on lock)."""
        self.show_detail(None)
