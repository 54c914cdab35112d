"""The recovery chain of an account drawn as a chain: account → e-mail → phone/SIM → 2FA → backup codes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from brankas.core.domain.enums import Owner, TwoFactorMethod
from brankas.core.domain.normalize import normalize_phone
from brankas.core.errors import InvalidValue
from brankas.core.services.accounts import (
    RECOVERY_EMAIL_FREE_PROVIDER,
    RECOVERY_EMAIL_PERSONAL,
    RECOVERY_PHONE_PERSONAL,
    TWOFA_DEVICE_PERSONAL,
)
from brankas.gui.i18n import current_language, format_date
from brankas.gui.models.account_data import wib_date
from brankas.gui.models.account_detail import AccountDetail
from brankas.gui.models.account_labels import owner_label, twofa_label
from brankas.gui.theme import Spacing

IconFor = Callable[[str], QIcon]
_ICON = 24


@dataclass(frozen=True, slots=True)
class Link:
    """One link of the chain as shown: what it is, its value, whose it is, any warning."""

    key: str  # "account", "email", "phone", "twofa", "codes"
    icon: str
    title: str
    value: str
    owner: str = ""
    warning: str = ""
    missing: bool = False


class _Connector(QWidget):
    """The line between two links, under their icons."""

    def __init__(self, warn: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._warn = warn
        self.setFixedHeight(Spacing.M)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """A short vertical line with an arrow head."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor("#d98b12") if self._warn else self.palette().color(QPalette.ColorRole.Dark)
        p.setPen(QPen(color, 2))
        x = Spacing.M + _ICON / 2 + 1
        h = self.height()
        p.drawLine(QPointF(x, 0), QPointF(x, h - 1))
        p.drawLine(QPointF(x - 3, h - 4), QPointF(x, h - 1))
        p.drawLine(QPointF(x + 3, h - 4), QPointF(x, h - 1))
        p.end()


class _LinkCard(QFrame):
    def __init__(self, link: Link, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chain_{link.key}")
        self.setProperty("role", "card")
        self.link = link
        row = QHBoxLayout(self)
        row.setContentsMargins(Spacing.M, Spacing.S, Spacing.M, Spacing.S)
        row.setSpacing(Spacing.M)
        pic = QLabel()
        pic.setPixmap(icon.pixmap(QSize(_ICON, _ICON)))
        pic.setFixedSize(_ICON, _ICON)
        row.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        title = QLabel(link.title)
        title.setStyleSheet("font-weight: 600;")
        text.addWidget(title)
        self.value = QLabel(link.value)
        self.value.setObjectName("chainValue")
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if link.missing:
            self.value.setProperty("role", "hint")
        text.addWidget(self.value)
        if link.owner:
            owner = QLabel(link.owner)
            owner.setProperty("role", "hint")
            owner.setWordWrap(True)
            text.addWidget(owner)
        self.warning = QLabel(link.warning)
        self.warning.setObjectName("chainWarning")
        self.warning.setProperty("role", "warning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(bool(link.warning))
        text.addWidget(self.warning)
        row.addLayout(text, 1)


class RecoveryChainView(QWidget):
    """Shows :func:`chain_links` of an account as cards joined by arrows; a link that
    points at a person carries a warning."""

    def __init__(self, icon_for: IconFor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon_for = icon_for
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.links: list[Link] = []

    def set_detail(self, detail: AccountDetail | None) -> None:
        """Draw the chain of ``detail`` (None: nothing)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.links = chain_links(detail) if detail is not None else []
        for n, link in enumerate(self.links):
            if n:
                self._layout.addWidget(_Connector(bool(link.warning)))
            self._layout.addWidget(_LinkCard(link, self._icon_for(f"chain/{link.icon}")))

    def warnings(self) -> list[str]:
        """The warnings shown, in chain order."""
        return [link.warning for link in self.links if link.warning]


def phone_display(number: str) -> str:
    """``+6281200000002`` as people write it (``0812-0000-0002``)."""
    try:
        return normalize_phone(number).display
    except InvalidValue:
        return number


def chain_links(d: AccountDetail) -> list[Link]:
    """The links of an account's recovery chain, in order, with their warnings."""
    a = d.account
    codes = set(d.personal_links)
    lang = current_language()
    links = [
        Link(
            "account",
            "account",
            QCoreApplication.translate("RecoveryChain", "Account"),
            a.handle,
            a.display_name,
        )
    ]
    # Recovery e-mail
    if a.recovery_email:
        warn = ""
        if RECOVERY_EMAIL_PERSONAL in codes:
            warn = QCoreApplication.translate(
                "RecoveryChain", "This e-mail address belongs to a person, not the office."
            )
        elif RECOVERY_EMAIL_FREE_PROVIDER in codes:
            warn = QCoreApplication.translate(
                "RecoveryChain",
                "A free e-mail address whose owner is not recorded: make sure the office "
                "controls it.",
            )
        owner = _owner(
            a.recovery_email_owner,
            d.person(a.recovery_email_person_id),
            d.linked.get(a.recovery_email_account_id or 0, ""),
        )
        links.append(
            Link(
                "email",
                "email",
                QCoreApplication.translate("RecoveryChain", "Recovery e-mail"),
                a.recovery_email,
                owner,
                warn,
            )
        )
    else:
        links.append(
            Link(
                "email",
                "email",
                QCoreApplication.translate("RecoveryChain", "Recovery e-mail"),
                QCoreApplication.translate("RecoveryChain", "None recorded"),
                missing=True,
            )
        )
    # Phone / SIM
    if a.recovery_phone:
        warn = ""
        if RECOVERY_PHONE_PERSONAL in codes:
            warn = QCoreApplication.translate(
                "RecoveryChain",
                "The SIM that receives the codes belongs to or is held by a person.",
            )
        owner = _owner(
            a.recovery_phone_owner, "", d.linked.get(a.recovery_phone_account_id or 0, "")
        )
        holder = d.person(a.recovery_phone_holder_person_id)
        if holder:
            owner += "\n" + QCoreApplication.translate(
                "RecoveryChain", "SIM held by: {name}"
            ).format(name=holder)
        links.append(
            Link(
                "phone",
                "phone",
                QCoreApplication.translate("RecoveryChain", "Recovery phone (SIM)"),
                phone_display(a.recovery_phone),
                owner,
                warn,
            )
        )
    else:
        links.append(
            Link(
                "phone",
                "phone",
                QCoreApplication.translate("RecoveryChain", "Recovery phone (SIM)"),
                QCoreApplication.translate("RecoveryChain", "None recorded"),
                missing=True,
            )
        )
    # Two-factor device
    if a.twofa_method is TwoFactorMethod.NONE:
        links.append(
            Link(
                "twofa",
                "device",
                QCoreApplication.translate("RecoveryChain", "Two-factor sign-in"),
                QCoreApplication.translate("RecoveryChain", "Not turned on"),
                missing=True,
            )
        )
    else:
        warn = (
            QCoreApplication.translate(
                "RecoveryChain", "Sign-in codes arrive on a person's own device."
            )
            if TWOFA_DEVICE_PERSONAL in codes
            else ""
        )
        value = twofa_label(a.twofa_method)
        if a.twofa_device:
            value += f" — {a.twofa_device}"
        owner = _owner(a.twofa_device_owner, d.person(a.twofa_device_person_id), "")
        links.append(
            Link(
                "twofa",
                "device",
                QCoreApplication.translate("RecoveryChain", "Two-factor sign-in"),
                value,
                owner,
                warn,
            )
        )
    # Backup codes
    left = a.backup_codes_remaining
    if left is None:
        links.append(
            Link(
                "codes",
                "codes",
                QCoreApplication.translate("RecoveryChain", "Backup codes"),
                QCoreApplication.translate("RecoveryChain", "None recorded"),
                missing=True,
            )
        )
    else:
        value = QCoreApplication.translate("RecoveryChain", "{count} left").format(count=left)
        when = wib_date(a.backup_codes_regenerated_at)
        detail = (
            QCoreApplication.translate("RecoveryChain", "Made on {date}").format(
                date=format_date(when, lang)
            )
            if when is not None
            else ""
        )
        warn = (
            QCoreApplication.translate(
                "RecoveryChain",
                "No backup codes are left: make new ones while you can still sign in.",
            )
            if left == 0
            else ""
        )
        links.append(
            Link(
                "codes",
                "codes",
                QCoreApplication.translate("RecoveryChain", "Backup codes"),
                value,
                detail,
                warn,
            )
        )
    return links


def _owner(owner: Owner, person: str, linked: str) -> str:
    if person:
        return QCoreApplication.translate("RecoveryChain", "Belongs to: {name}").format(name=person)
    if linked:
        return QCoreApplication.translate(
            "RecoveryChain", "Belongs to the office (an account recorded in Brankas)"
        )
    return QCoreApplication.translate("RecoveryChain", "Belongs to: {owner}").format(
        owner=owner_label(owner)
    )
