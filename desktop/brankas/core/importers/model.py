"""The rows of an import preview and the wizard's options (see ``preview`` for the codes)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from brankas.core.domain.enums import LifecycleKind, Platform, Severity
from brankas.core.secret import Secret

ROW_FIELD = "row"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth knowing) about a row; ``field`` is a ``Field`` value or
    ``"row"``."""

    field: str
    code: str
    severity: Severity


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportOptions:
    """Choices the wizard offers before the preview is (re)built.

    ``platform_aliases`` maps ``values.platform_key(text)`` of a platform the file names
    in its own way to a platform; ``kecamatan_aliases`` maps ``vaultview.kecamatan_key(name)``
    to an existing kecamatan id. ``create_missing_kecamatan`` creates unknown kecamatan
    instead of refusing their rows.
    """

    default_platform: Platform | None = None
    platform_aliases: Mapping[str, Platform] = field(default_factory=dict)
    kecamatan_aliases: Mapping[str, int] = field(default_factory=dict)
    create_missing_kecamatan: bool = False
    fill_down_kecamatan: bool = True
    lifecycle_kind: LifecycleKind = LifecycleKind.AD_HOC


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportRow:
    """A row of the file as the account it would become. Secrets are :class:`Secret`.

    ``index`` is the row's position in the preview (the key for duplicate choices);
    ``source_row`` the file's row number. ``kecamatan_new`` names a kecamatan the import
    would create. ``notes`` gathers the notes column, extra columns ("Header: value") and
    values that could not be used.
    """

    index: int
    source_row: int
    platform: Platform | None
    handle: str
    url: str = ""
    display_name: str = ""
    kecamatan_text: str = ""
    kecamatan_id: int | None = None
    kecamatan_new: str = ""
    password: Secret | None = None
    totp: Secret | None = None
    backup_codes: Secret | None = None  # one code per line
    recovery_email: str = ""
    recovery_phone: str = ""
    active_from: date | None = None
    active_until: date | None = None
    holder: str = ""
    notes: Secret | None = None
    duplicate_of: int | None = None
    duplicate_in_file: int | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def blocked(self) -> bool:
        """True when an error keeps the row out of the import."""
        return any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def is_duplicate(self) -> bool:
        """True for a duplicate of an existing account or of an earlier row."""
        return self.duplicate_of is not None or self.duplicate_in_file is not None
