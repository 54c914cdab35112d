"""Settings page: language, auto-lock, clipboard, lock on minimise, backups, my account."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from brankas.gui import settings as s
from brankas.gui.archive.keys_box import ArchiveKeysBox
from brankas.gui.dialogs.office_dialog import OfficeBox
from brankas.gui.pages.base import Page
from brankas.gui.pages.my_account import MyAccountBox
from brankas.gui.session import Session
from brankas.gui.settings import GuiSettings


class SettingsPage(Page):
    """Preferences of this PC; every change applies at once."""

    language_chosen = Signal(str)

    def __init__(
        self,
        settings: GuiSettings,
        on_unexpected: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.title.setText(self.tr("Settings"))
        self.setObjectName("settingsPage")
        self._settings = settings
        general = QGroupBox(self.tr("Display"))
        form = QFormLayout(general)
        # A 1,000-pixel spin box reads badly: fields keep their natural width.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Language:"), self.language)
        note = QLabel(self.tr("The language changes at once."))
        note.setProperty("role", "hint")
        form.addRow("", note)
        theme = QLabel(self.tr("Light or dark follows the system setting."))
        theme.setProperty("role", "hint")
        form.addRow(self.tr("Colours:"), theme)
        self.layout_.addWidget(general)
        security = QGroupBox(self.tr("Security"))
        form = QFormLayout(security)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.auto_lock = QSpinBox()
        self.auto_lock.setObjectName("settingsAutoLock")
        self.auto_lock.setRange(s.AUTO_LOCK[2], s.AUTO_LOCK[3])
        self.auto_lock.setSuffix(self.tr(" minutes"))
        self.clipboard = QSpinBox()
        self.clipboard.setObjectName("settingsClipboard")
        self.clipboard.setRange(s.CLIPBOARD[2], s.CLIPBOARD[3])
        self.clipboard.setSuffix(self.tr(" seconds"))
        self.lock_minimise = QCheckBox(self.tr("Lock when the window is minimised"))
        self.lock_minimise.setObjectName("settingsLockOnMinimise")
        self.backups = QSpinBox()
        self.backups.setObjectName("settingsBackups")
        self.backups.setRange(s.BACKUPS[2], s.BACKUPS[3])
        form.addRow(self.tr("Lock after inactivity:"), self.auto_lock)
        form.addRow(self.tr("Clear copied passwords after:"), self.clipboard)
        form.addRow("", self.lock_minimise)
        form.addRow(self.tr("Backups to keep:"), self.backups)
        self.layout_.addWidget(security)
        self.office = OfficeBox(on_unexpected)
        self.layout_.addWidget(self.office)
        self.my_account = MyAccountBox(on_unexpected)
        self.layout_.addWidget(self.my_account)
        self.archive_keys = ArchiveKeysBox(on_unexpected)
        self.layout_.addWidget(self.archive_keys)
        self.layout_.addStretch(1)
        self._load()
        self.language.currentIndexChanged.connect(self._language_changed)
        self.auto_lock.valueChanged.connect(lambda v: setattr(settings, "auto_lock_minutes", v))
        self.clipboard.valueChanged.connect(lambda v: setattr(settings, "clipboard_seconds", v))
        self.lock_minimise.toggled.connect(lambda v: setattr(settings, "lock_on_minimise", v))
        self.backups.valueChanged.connect(lambda v: setattr(settings, "backups_to_keep", v))

    def _load(self) -> None:
        st = self._settings
        self.language.setCurrentIndex(max(self.language.findData(st.language), 0))
        self.auto_lock.setValue(st.auto_lock_minutes)
        self.clipboard.setValue(st.clipboard_seconds)
        self.lock_minimise.setChecked(st.lock_on_minimise)
        self.backups.setValue(st.backups_to_keep)

    def _language_changed(self, _index: int) -> None:
        language = str(self.language.currentData())
        self._settings.language = language
        self.language_chosen.emit(language)

    def start_session(self, session: Session) -> None:
        """Show the operator's own settings."""
        super().start_session(session)
        self.office.start_session(session)
        self.my_account.start_session(session)
        self.archive_keys.start_session(session)
        self.my_account.refresh()

    def end_session(self) -> None:
        """Forget the session."""
        self.office.end_session()
        self.my_account.end_session()
        self.archive_keys.end_session()
        super().end_session()

    def page_shown(self) -> None:
        """Refresh the "remember" state."""
        self.my_account.refresh()
