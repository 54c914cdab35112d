"""Language switching (QTranslator over resources/translations) and date formats per language."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTranslator, Signal

from brankas.core.domain.terbilang import format_date_id
from brankas.gui.resources import Resources

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"  # the language of the strings in the code


class Translations(QObject):
    """Installs the translator for the chosen language on the application."""

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, resources: Resources) -> None:
        super().__init__(app)
        self._app = app
        self._resources = resources
        self._translator: QTranslator | None = None
        self.current = SOURCE_LANGUAGE

    def apply(self, language: str) -> bool:
        """Switch to ``language`` ("id" or "en"). Returns False (and stays in English)
        when the compiled translation is missing."""
        self.uninstall()
        ok = True
        if language != SOURCE_LANGUAGE:
            translator = QTranslator(self)
            qm = self._resources.qm_file(language)
            if translator.load(str(qm)):
                self._app.installTranslator(translator)
                self._translator = translator
            else:
                log.warning("translation %s not found; showing English", qm.name)
                ok = False
                language = SOURCE_LANGUAGE
        self.current = language
        QLocale.setDefault(
            QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English)
        )
        self.language_changed.emit(language)
        return ok

    def uninstall(self) -> None:
        """Remove the installed translator (back to the source language)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        self.current = SOURCE_LANGUAGE
        QLocale.setDefault(QLocale(QLocale.Language.English))


def current_language() -> str:
    """The language the UI is showing ("id" or "en"), as set by :meth:`Translations.apply`."""
    return "id" if QLocale().language() == QLocale.Language.Indonesian else "en"


def format_date(d: date, language: str) -> str:
    """``"Senin, 27 Januari 2025"`` in Indonesian, ``"Monday, 27 January 2025"`` in English."""
    if language == "id":
        return format_date_id(d)
    return QLocale(QLocale.Language.English).toString(
        QDate(d.year, d.month, d.day), "dddd, d MMMM yyyy"
    )


def format_datetime(moment: datetime, language: str) -> str:
    """A moment in this PC's time zone with its date, e.g. ``"Senin, 27 Januari 2025 pukul 14.05"``."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()
    day = format_date(local.date(), language)
    if language == "id":
        # Indonesian writes times with a dot (14.05), per the KBBI/PUEBI convention.
        return f"{day} pukul {local:%H.%M}"
    return f"{day} at {local:%H:%M}"


def format_short_datetime(moment: datetime, language: str) -> str:
    """A compact local time for tables: ``"27-01-2025 14.05"`` / ``"2025-01-27 14:05"``."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()
    if language == "id":
        return f"{local:%d-%m-%Y %H.%M.%S}"
    return f"{local:%Y-%m-%d %H:%M:%S}"


def parse_iso(text: str) -> datetime | None:
    """An ISO 8601 time as core writes it, or None when it is not one."""
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
