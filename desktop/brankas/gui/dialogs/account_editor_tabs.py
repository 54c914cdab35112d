"""The account editor's identity and recovery-chain tabs, and the pickers they share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from brankas.core.domain.enums import (
    LifecycleKind,
    Owner,
    Platform,
    TwoFactorMethod,
)
from brankas.core.domain.models import Account, Person
from brankas.core.domain.normalize import (
    normalize_account_identity,
    normalize_email,
    normalize_phone,
)
from brankas.core.errors import InvalidValue
from brankas.gui.errors import error_message
from brankas.gui.i18n import current_language, format_date
from brankas.gui.labels import platform_label
from brankas.gui.models.account_data import wib_date
from brankas.gui.models.account_labels import (
    lifecycle_label,
    owner_label,
    role_word,
    twofa_label,
    warning_text,
)
from brankas.gui.theme import Spacing

Index = QModelIndex | QPersistentModelIndex
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def error_label(field: str) -> QLabel:
    """The hidden error line under a field (named ``error_<field>``)."""
    label = QLabel()
    label.setObjectName(f"error_{field}")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class Note(QLabel):
    """A line under a field that takes no room while it has nothing to say."""

    def setText(self, text: str) -> None:
        """Show ``text`` ('' hides the line)."""
        super().setText(text)
        self.setVisible(bool(text))


def hint_label(name: str = "") -> QLabel:
    """A muted line under a field (hidden while empty)."""
    label = Note()
    if name:
        label.setObjectName(name)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def block(*widgets: QWidget | QHBoxLayout) -> QWidget:
    """A field with its notes and error line under it, as one cell of a form (rows of
    hidden notes then take no space, unlike rows of their own)."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(Spacing.XS)
    for w in widgets:
        if isinstance(w, QHBoxLayout):
            column.addLayout(w)
        else:
            column.addWidget(w)
    return holder


NO_DATE = QDate(2000, 1, 1)  # the date fields' minimum, shown as "—"


def _day(value: QDate) -> date | None:
    if value <= NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def enum_combo(name: str, items: Iterable[tuple[str, Any]]) -> QComboBox:
    """A combo box of (text, value) pairs."""
    box = QComboBox()
    box.setObjectName(name)
    for text, value in items:
        box.addItem(text, value)
    return box


def select_data(box: QComboBox, value: Any) -> None:
    """Make the item holding ``value`` current (the first item when none does)."""
    box.setCurrentIndex(max(box.findData(value), 0))


class PersonChoices(QAbstractListModel):
    """People to pick from, after a "—" row for nobody; shared by the editor's pickers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._people: list[Person] = []

    def set_people(self, people: Iterable[Person]) -> None:
        """Replace the people (shown by name)."""
        self.beginResetModel()
        self._people = sorted(people, key=lambda p: p.name.casefold())
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per person plus "—"."""
        return 0 if parent.isValid() else len(self._people) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The name with the role; the id through PERSON_ID_ROLE (None for "—")."""
        if not index.isValid() or not 0 <= index.row() <= len(self._people):
            return None
        if index.row() == 0:
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        p = self._people[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            detail = p.position or role_word(p.role)
            return f"{p.name} ({detail})"
        if role == PERSON_ID_ROLE:
            return p.id
        return None

    def row_of(self, person_id: int | None) -> int:
        """The row of a person (0, "—", when absent)."""
        for n, p in enumerate(self._people, 1):
            if p.id == person_id:
                return n
        return 0


def person_combo(name: str, model: PersonChoices) -> QComboBox:
    """A picker over the shared people model."""
    box = QComboBox()
    box.setObjectName(name)
    box.setModel(model)
    box.setMinimumContentsLength(18)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box


def picked_person(box: QComboBox) -> int | None:
    """The person id chosen in a picker."""
    value = box.currentData(PERSON_ID_ROLE)
    return value if isinstance(value, int) else None


def owner_combo(name: str) -> QComboBox:
    """Office / person / not known."""
    return enum_combo(
        name, ((owner_label(o), o) for o in (Owner.OFFICE, Owner.PERSON, Owner.UNKNOWN))
    )


class IdentityTab(QWidget):
    """Platform, username or link (normalised as typed), names, kecamatan, term, period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setSpacing(Spacing.S)
        self.form = form
        self.platform = enum_combo("platform", ((platform_label(p), p) for p in Platform))
        form.addRow(self.tr("Platform:"), self.platform)
        self.handle = QLineEdit()
        self.handle.setObjectName("handle")
        self.handle_preview = hint_label("handlePreview")
        self.handle_warning = Note()
        self.handle_warning.setObjectName("handleWarning")
        self.handle_warning.setProperty("role", "warning")
        self.handle_warning.setWordWrap(True)
        self.handle_warning.setVisible(False)
        self.errors = {"handle": error_label("handle")}
        form.addRow(
            self.tr("Username or link:"),
            block(self.handle, self.handle_preview, self.handle_warning, self.errors["handle"]),
        )
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.display_name.setPlaceholderText(self.tr("e.g. Panwaslu Kecamatan Biau"))
        self.errors["display_name"] = error_label("display_name")
        form.addRow(self.tr("Name shown:"), block(self.display_name, self.errors["display_name"]))
        self.kecamatan = QComboBox()
        self.kecamatan.setObjectName("kecamatan")
        self.errors["kecamatan_id"] = error_label("kecamatan_id")
        form.addRow(self.tr("Kecamatan:"), block(self.kecamatan, self.errors["kecamatan_id"]))
        self.term = QComboBox()
        self.term.setObjectName("term")
        self.errors["term_id"] = error_label("term_id")
        form.addRow(self.tr("Term:"), block(self.term, self.errors["term_id"]))
        self.lifecycle = enum_combo(
            "lifecycle",
            ((lifecycle_label(k), k) for k in (LifecycleKind.AD_HOC, LifecycleKind.PERMANENT)),
        )
        form.addRow(self.tr("Kind:"), self.lifecycle)
        self.follow_term = QCheckBox(self.tr("Active for the whole term"))
        self.follow_term.setObjectName("followTerm")
        self.follow_term.setChecked(True)
        dates = QHBoxLayout()
        self.active_from = QDateEdit()
        self.active_from.setObjectName("activeFrom")
        self.active_until = QDateEdit()
        self.active_until.setObjectName("activeUntil")
        for edit in (self.active_from, self.active_until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("—")  # shown at the minimum: no term, no dates
            edit.setDate(NO_DATE)
        dates.addWidget(self.active_from)
        dates.addWidget(QLabel(self.tr("until")))
        dates.addWidget(self.active_until)
        dates.addStretch(1)
        self.errors["active_until"] = error_label("active_until")
        self.errors["active_from"] = self.errors["active_until"]
        form.addRow(
            self.tr("Active period:"),
            block(self.follow_term, dates, self.errors["active_until"]),
        )

    def show_error(self, field: str, text: str) -> None:
        """An error under a field ('' hides it)."""
        label = self.errors[field]
        label.setText(text)
        label.setVisible(bool(text))

    def platform_value(self) -> Platform:
        """The platform chosen."""
        value = self.platform.currentData()  # Qt returns a StrEnum's data as str
        return Platform(value) if value else Platform.OTHER

    def show_platform_hint(self) -> None:
        """An example of what to type for the platform chosen."""
        examples = {
            Platform.INSTAGRAM: self.tr("@name or https://www.instagram.com/name"),
            Platform.FACEBOOK_PAGE: self.tr("Page name or https://www.facebook.com/name"),
            Platform.X: self.tr("@name or https://x.com/name"),
            Platform.TIKTOK: self.tr("@name or https://www.tiktok.com/@name"),
            Platform.YOUTUBE: self.tr("@Channel or the channel's link"),
            Platform.EMAIL: self.tr("name@example.go.id"),
            Platform.PHONE: self.tr("0812-3456-7890"),
            Platform.OTHER: self.tr("The username or the link"),
        }
        self.handle.setPlaceholderText(examples[self.platform_value()])

    def check_handle(self, *, required: bool = False) -> bool:
        """Normalise the username or link as the vault will store it, or say what is wrong."""
        text = self.handle.text()
        self.handle_warning.setVisible(False)
        self.handle_preview.clear()
        if not text.strip():
            empty = InvalidValue("", field="handle", code="handle_empty")
            self.show_error("handle", error_message(empty) if required else "")
            return False
        try:
            ident = normalize_account_identity(self.platform_value(), text)
        except InvalidValue as exc:
            self.show_error("handle", error_message(exc))
            return False
        self.show_error("handle", "")
        preview = self.tr("Saved as {handle}").format(handle=ident.handle)
        self.handle_preview.setText(f"{preview} · {ident.url}" if ident.url else preview)
        notes = " ".join(warning_text(w) for w in ident.warnings)
        self.handle_warning.setText(notes)
        self.handle_warning.setVisible(bool(notes))
        return True

    def set_period(self, start: date | None, end: date | None) -> None:
        """Put dates in the period fields (None shows "—")."""
        for edit, day in ((self.active_from, start), (self.active_until, end)):
            edit.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))

    def period(self) -> tuple[date | None, date | None]:
        """The period typed (None where a field shows "—")."""
        return _day(self.active_from.date()), _day(self.active_until.date())

    def check_dates(self) -> bool:
        """The period must not end before it starts."""
        start, end = self.period()
        if start is not None and end is not None and end < start:
            wrong = InvalidValue("", field="active_until", code="active_until_before_from")
            self.show_error("active_until", error_message(wrong))
            return False
        self.show_error("active_until", "")
        return True


class RecoveryTab(QWidget):
    """The recovery chain: e-mail, phone/SIM, two-factor device (with owners)."""

    def __init__(self, people: PersonChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setSpacing(Spacing.S)
        self.form = form
        intro = hint_label()
        intro.setText(
            self.tr(
                "Whoever controls these can take the account over. They should belong to the "
                "office, not to a committee member."
            )
        )
        form.addRow(intro)
        self.errors: dict[str, QLabel] = {}
        self.email = QLineEdit()
        self.email.setObjectName("recoveryEmail")
        self.email.setPlaceholderText(self.tr("e.g. panwascam.biau@bawaslu.go.id"))
        self.email_owner = owner_combo("recoveryEmailOwner")
        self.email_person = person_combo("recoveryEmailPerson", people)
        email_error = self._errors(
            "recovery_email", "recovery_email_owner", "recovery_email_person_id"
        )
        form.addRow(self.tr("Recovery e-mail:"), block(self.email, email_error))
        form.addRow(self.tr("Belongs to:"), self._pair(self.email_owner, self.email_person))
        self.phone = QLineEdit()
        self.phone.setObjectName("recoveryPhone")
        self.phone.setPlaceholderText(self.tr("e.g. 0812-3456-7890"))
        phone_error = self._errors(
            "recovery_phone", "recovery_phone_owner", "recovery_phone_holder_person_id"
        )
        form.addRow(self.tr("Recovery phone (SIM):"), block(self.phone, phone_error))
        self.phone_owner = owner_combo("recoveryPhoneOwner")
        form.addRow(self.tr("Belongs to:"), self.phone_owner)
        self.phone_holder = person_combo("recoveryPhoneHolder", people)
        form.addRow(self.tr("SIM held by:"), self.phone_holder)
        self.twofa = enum_combo("twofaMethod", ((twofa_label(m), m) for m in TwoFactorMethod))
        form.addRow(self.tr("Two-factor sign-in:"), self.twofa)
        self.device = QLineEdit()
        self.device.setObjectName("twofaDevice")
        self.device.setPlaceholderText(self.tr("e.g. office phone Samsung A14 (Humas)"))
        self.device_owner = owner_combo("twofaDeviceOwner")
        self.device_person = person_combo("twofaDevicePerson", people)
        device_error = self._errors(
            "twofa_device", "twofa_method", "twofa_device_owner", "twofa_device_person_id"
        )
        form.addRow(self.tr("Device:"), block(self.device, device_error))
        form.addRow(self.tr("Belongs to:"), self._pair(self.device_owner, self.device_person))
        self.codes_left = hint_label("backupCodesLeft")
        form.addRow(self.tr("Backup codes:"), self.codes_left)
        for picker, owner in (
            (self.email_person, self.email_owner),
            (self.device_person, self.device_owner),
        ):
            picker.currentIndexChanged.connect(
                lambda _i, p=picker, o=owner: (
                    picked_person(p) is not None and select_data(o, Owner.PERSON)
                )
            )

    def show_error(self, field: str, text: str) -> None:
        """An error under a field ('' hides it)."""
        label = self.errors[field]
        label.setText(text)
        label.setVisible(bool(text))

    def check_email(self) -> bool:
        """The recovery e-mail, if any, must be an address."""
        return self._check("recovery_email", self.email.text(), normalize_email)

    def check_phone(self) -> bool:
        """The recovery phone, if any, must be an Indonesian number."""
        return self._check("recovery_phone", self.phone.text(), normalize_phone)

    def _check(self, field: str, text: str, check: Callable[[str, str], object]) -> bool:
        try:
            if text.strip():
                check(text.strip(), field)
        except InvalidValue as exc:
            self.show_error(field, error_message(exc))
            return False
        self.show_error(field, "")
        return True

    def show_codes_left(self, account: Account | None) -> None:
        """How many backup codes are left and when they were made."""
        if account is None or account.backup_codes_remaining is None:
            self.codes_left.setText(self.tr("None recorded (add them on the secrets tab)"))
            return
        text = self.tr("{count} left").format(count=account.backup_codes_remaining)
        when = wib_date(account.backup_codes_regenerated_at)
        if when is not None:
            text += " · " + self.tr("made on {date}").format(
                date=format_date(when, current_language())
            )
        self.codes_left.setText(text)

    @staticmethod
    def _pair(left: QWidget, right: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(left)
        row.addWidget(right, 1)
        return row

    def _errors(self, first: str, *same: str) -> QLabel:
        label = error_label(first)
        for name in (first, *same):
            self.errors[name] = label
        return label
