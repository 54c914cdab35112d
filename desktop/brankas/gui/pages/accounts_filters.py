"""The Accounts page's search field and filter boxes (term, kecamatan, platform, status)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.gui.labels import platform_label
from brankas.gui.models.account_data import AccountsData
from brankas.gui.models.account_labels import status_label
from brankas.gui.resources import Resources
from brankas.gui.theme import Spacing


@dataclass(frozen=True, slots=True)
class Filters:
    """What the user asked to see."""

    text: str = ""
    term_id: int | None = None
    kecamatan_id: int | None = None
    platform: Platform | None = None
    status: AccountStatus | None = None

    def as_defaults(self) -> dict[str, Any]:
        """Fields a new account starts with (those the filters pin down)."""
        out: dict[str, Any] = {}
        if self.term_id is not None:
            out["term_id"] = self.term_id
        if self.kecamatan_id is not None:
            out["kecamatan_id"] = self.kecamatan_id
        if self.platform is not None:
            out["platform"] = self.platform
        return out


E = TypeVar("E", Platform, AccountStatus)


def _enum(kind: type[E], value: object) -> E | None:
    # Qt hands a StrEnum item's data back as a plain str.
    return kind(value) if value else None


def _combo(name: str, width: int) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setMinimumContentsLength(width)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box


class FilterBar(QWidget):
    """Emits :attr:`changed` on every keystroke and every filter choice."""

    changed = Signal()

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(Spacing.S)
        self.search = QLineEdit()
        self.search.setObjectName("accountSearch")
        self.search.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        self.search.setToolTip(
            self.tr(
                "Finds accounts by username, name, kecamatan, platform, holder or recovery "
                "e-mail as you type; every word must match."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            resources.themed_icon("search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.setMinimumWidth(220)
        self.term = _combo("termFilter", 12)
        self.kecamatan = _combo("kecamatanFilter", 12)
        self.platform = _combo("platformFilter", 10)
        self.status = _combo("statusFilter", 10)
        row.addWidget(self.search, 3)
        for box in (self.term, self.kecamatan, self.platform, self.status):
            row.addWidget(box, 1)
        self.platform.addItem(self.tr("All platforms"), None)
        for p in Platform:
            self.platform.addItem(resources.icon(f"platform/{p.value}"), platform_label(p), p)
        self.status.addItem(self.tr("All statuses"), None)
        for s in AccountStatus:
            self.status.addItem(resources.icon(f"status/{s.value}"), status_label(s), s)
        self.clear_choices()
        self.search.textChanged.connect(lambda _text: self.changed.emit())
        for box in (self.term, self.kecamatan, self.platform, self.status):
            box.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def filters(self) -> Filters:
        """The current search text and choices."""
        return Filters(
            self.search.text(),
            self.term.currentData(),
            self.kecamatan.currentData(),
            _enum(Platform, self.platform.currentData()),
            _enum(AccountStatus, self.status.currentData()),
        )

    def set_choices(self, data: AccountsData) -> None:
        """Fill the term and kecamatan boxes from the vault, keeping what was chosen."""
        term, kec = self.term.currentData(), self.kecamatan.currentData()
        for box in (self.term, self.kecamatan):
            box.blockSignals(True)
            box.clear()
        self.term.addItem(self.tr("All terms"), None)
        for t in sorted(data.terms.values(), key=lambda t: t.start_date, reverse=True):
            self.term.addItem(t.name, t.id)
        self.kecamatan.addItem(self.tr("All kecamatan"), None)
        for k in sorted(data.kecamatan.values(), key=lambda k: k.name.casefold()):
            self.kecamatan.addItem(k.name, k.id)
        self.term.setCurrentIndex(max(self.term.findData(term), 0))
        self.kecamatan.setCurrentIndex(max(self.kecamatan.findData(kec), 0))
        for box in (self.term, self.kecamatan):
            box.blockSignals(False)

    def clear_filters(self) -> None:
        """Show everything: no search text, every box on "All" (one ``changed``)."""
        boxes = (self.term, self.kecamatan, self.platform, self.status)
        for w in (self.search, *boxes):
            w.blockSignals(True)
        self.search.clear()
        for box in boxes:
            box.setCurrentIndex(0)
        for w in (self.search, *boxes):
            w.blockSignals(False)
        self.changed.emit()

    def clear_choices(self) -> None:
        """Forget the vault's terms and kecamatan and the search text (on lock)."""
        for box in (self.term, self.kecamatan, self.platform, self.status):
            box.blockSignals(True)
        self.search.blockSignals(True)
        self.search.clear()
        self.term.clear()
        self.term.addItem(self.tr("All terms"), None)
        self.kecamatan.clear()
        self.kecamatan.addItem(self.tr("All kecamatan"), None)
        self.platform.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        for box in (self.term, self.kecamatan, self.platform, self.status):
            box.blockSignals(False)
        self.search.blockSignals(False)
