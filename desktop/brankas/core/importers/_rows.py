"""Build one preview row: read the mapped cells, normalise them, collect problems."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Final

from brankas.core.domain.enums import Platform, Severity
from brankas.core.domain.normalize import (
    Identity,
    normalize_account_identity,
    normalize_email,
)
from brankas.core.domain.totp import parse_totp, to_otpauth_uri
from brankas.core.errors import InvalidValue
from brankas.core.importers.mapping import REPEATABLE, Field
from brankas.core.importers.model import ROW_FIELD, ImportOptions, ImportRow, Problem
from brankas.core.importers.prepared import MappingOrigin, Prepared
from brankas.core.importers.sources import Cell, Row
from brankas.core.importers.values import (
    PASSWORD_EDGE_SPACE,
    PASSWORD_WAS_DATE,
    PHONE_REPAIRED,
    clean_multiline,
    clean_text,
    date_value,
    guess_platform,
    parse_platform,
    password_text,
    phone_value,
    platform_from_url,
    platform_key,
    split_urls,
)
from brankas.core.importers.vaultview import (
    VaultView,
    is_placeholder_group,
    kecamatan_display,
    kecamatan_key,
)
from brankas.core.secret import Secret

ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
_OFFICE_HOLDERS: Final = frozenset({"kantor", "office", "bawaslu", "sekretariat", "-"})
_PATH_SPLIT = re.compile(r"[/\\\n,]")
_CODE_SPLIT = re.compile(r"[\n,;]+")


class RowBuilder:
    """Turns data rows into :class:`ImportRow` s, remembering what the rows above said
    (the kecamatan to fill down, handles already seen)."""

    def __init__(self, prepared: Prepared, view: VaultView, options: ImportOptions) -> None:
        self._table = prepared.table
        self._view = view
        self._opts = options
        self._col: dict[Field, int] = {}
        self._name: dict[Field, str] = {}
        self._extras: list[tuple[str, int]] = []
        for name, source, fld in zip(
            prepared.header.names, prepared.header.columns, prepared.mapping.fields, strict=True
        ):
            if fld in (Field.EXTRA, Field.TITLE):
                self._extras.append((name, source))
            if fld not in REPEATABLE:
                self._col[fld] = source
                self._name[fld] = name
        self.ignored = 0
        self.unknown_platforms: dict[str, None] = {}
        self.unknown_kecamatan: dict[str, None] = {}
        self._seen: dict[tuple[Platform, str], int] = {}
        self._current_kecamatan = ""
        self._formula_rows = {number for number, _col in self._table.missing_values}
        # A password manager's entries stand alone: no row says anything about the next.
        self._fill_down = options.fill_down_kecamatan and prepared.origin is not MappingOrigin.FIXED

    # --- helpers ---------------------------------------------------------------------
    def _label(self, fld: Field) -> str:
        return self._name.get(fld, fld.value)

    def _known_kecamatan(self, text: str, problems: list[Problem]) -> tuple[bool, int | None]:
        key = kecamatan_key(text)
        if key in self._opts.kecamatan_aliases:
            return True, self._opts.kecamatan_aliases[key]
        kec = self._view.kecamatan.get(key)
        if kec is None:
            return False, None
        if kec.retired_at is not None:
            problems.append(Problem(Field.KECAMATAN, "kecamatan_retired", ERR))
            return True, None
        return True, kec.id

    def _kecamatan(self, text: str, problems: list[Problem]) -> tuple[int | None, str]:
        if not text:
            problems.append(Problem(Field.KECAMATAN, "kecamatan_missing", WARN))
            return None, ""
        parts = [p for p in _PATH_SPLIT.split(text) if p.strip()]
        candidates = [text] if len(parts) <= 1 else list(reversed(parts))  # deepest first
        for candidate in candidates:
            found, kec_id = self._known_kecamatan(candidate, problems)
            if found:
                return kec_id, ""
        named = [c for c in candidates if not is_placeholder_group(c)]
        if not named:
            problems.append(Problem(Field.KECAMATAN, "kecamatan_missing", WARN))
            return None, ""
        self.unknown_kecamatan[clean_text(named[0])] = None
        if self._opts.create_missing_kecamatan:
            problems.append(Problem(Field.KECAMATAN, "kecamatan_new", INFO))
            return None, kecamatan_display(named[0])
        problems.append(Problem(Field.KECAMATAN, "kecamatan_unknown", ERR))
        return None, ""

    def _is_section(self, text: str) -> bool:
        key = kecamatan_key(text)
        plain = " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())
        return bool(key) and (
            key != plain or key in self._view.kecamatan or key in self._opts.kecamatan_aliases
        )

    def _platform(
        self, text: str, raw_handle: str, urls: list[str], title: str, problems: list[Problem]
    ) -> Platform | None:
        if text:
            found = self._opts.platform_aliases.get(platform_key(text)) or parse_platform(text)
            if found is None:
                self.unknown_platforms[text] = None
                problems.append(Problem(Field.PLATFORM, "platform_unknown", ERR))
            return found
        guesses = [platform_from_url(u) for u in urls]
        guesses += [guess_platform(raw_handle), parse_platform(title) if title else None]
        guesses.append(self._opts.default_platform)
        found = next((g for g in guesses if g is not None), None)
        problems.append(
            Problem(Field.PLATFORM, "platform_guessed", INFO)
            if found is not None
            else Problem(Field.PLATFORM, "platform_missing", ERR)
        )
        return found

    def _identity(
        self,
        platform: Platform,
        raw: str,
        urls: list[str],
        problems: list[Problem],
        notes: list[str],
    ) -> Identity | None:
        error = ""
        if raw:
            try:
                ident = normalize_account_identity(platform, raw)
            except InvalidValue as exc:
                error = exc.code or "handle_invalid"
            else:
                for url in urls:
                    if platform is Platform.OTHER and not ident.url:
                        ident = Identity(ident.handle, url, ident.warnings)
                    elif not self._same(platform, url, ident):
                        problems.append(Problem(Field.URL, "url_mismatch", WARN))
                        notes.append(f"{self._label(Field.URL)}: {url}")
                return ident
        for i, url in enumerate(urls):
            try:
                ident = normalize_account_identity(platform, url)
            except InvalidValue:
                continue
            if raw:
                problems.append(Problem(Field.HANDLE, "handle_from_url", INFO))
                notes.append(f"{self._label(Field.HANDLE)}: {raw}")
            notes.extend(f"{self._label(Field.URL)}: {u}" for u in urls[:i] + urls[i + 1 :])
            return ident
        problems.append(Problem(Field.HANDLE, error or "handle_missing", ERR))
        return None

    @staticmethod
    def _same(platform: Platform, url: str, ident: Identity) -> bool:
        try:
            other = normalize_account_identity(platform, url)
        except InvalidValue:
            return False
        return other.handle.casefold() == ident.handle.casefold()

    # --- one row -----------------------------------------------------------------------
    def build(self, index: int, row: Row, number: int) -> ImportRow | None:
        """The preview row for one data row, or None for a row with no account in it."""

        def get(fld: Field) -> Cell:
            col = self._col.get(fld)
            return row[col] if col is not None and col < len(row) else None

        texts = [clean_text(v) for v in row]

        def text(fld: Field) -> str:
            col = self._col.get(fld)
            return texts[col] if col is not None and col < len(texts) else ""

        filled = {t for t in texts if t}
        if len(filled) == 1:
            only = next(iter(filled))
            if self._is_section(only):
                self._current_kecamatan = only  # a heading such as "KECAMATAN BIAU"
                self.ignored += 1
                return None
            if " " in only or only.endswith((",", ":")):
                self.ignored += 1  # a lone phrase: "Mengetahui,", "Jumlah: 4", a signature
                return None
        account_cells = (Field.HANDLE, Field.URL, Field.PASSWORD, Field.PLATFORM)
        if number not in self._formula_rows and not any(text(f) for f in account_cells):
            self.ignored += 1
            return None
        problems: list[Problem] = []
        notes: list[str] = []
        if note := clean_multiline(get(Field.NOTES)):
            notes.append(note)

        kec_text = text(Field.KECAMATAN)
        filled_down = False
        if kec_text:
            self._current_kecamatan = kec_text
        elif self._fill_down and self._current_kecamatan:
            kec_text, filled_down = self._current_kecamatan, True
        kec_id, kec_new = self._kecamatan(kec_text, problems)
        if filled_down and (kec_id is not None or kec_new):
            problems.append(Problem(Field.KECAMATAN, "kecamatan_filled_down", INFO))

        urls = split_urls(text(Field.URL))
        handle_cell = get(Field.HANDLE)
        raw_handle = clean_text(handle_cell)
        title = text(Field.TITLE)
        platform = self._platform(text(Field.PLATFORM), raw_handle, urls, title, problems)
        if platform is Platform.PHONE and isinstance(handle_cell, int | float):
            repaired = phone_value(handle_cell)
            if repaired.code == PHONE_REPAIRED:
                raw_handle = repaired.canonical
                problems.append(Problem(Field.HANDLE, PHONE_REPAIRED, INFO))
        ident = None
        if platform is not None:
            ident = self._identity(platform, raw_handle, urls, problems, notes)
            for warning in ident.warnings if ident else ():
                problems.append(Problem(Field.HANDLE, warning, WARN))
        handle = ident.handle if ident else raw_handle
        url = ident.url if ident else (urls[0] if urls else "")

        password = self._password(get(Field.PASSWORD), problems)
        email = self._email(get(Field.RECOVERY_EMAIL), problems, notes)
        if platform is Platform.EMAIL and email.casefold() == handle.casefold():
            email = ""  # an address cannot be its own recovery address
        phone = self._phone(get(Field.RECOVERY_PHONE), problems, notes)
        if platform is Platform.PHONE and phone == handle:
            phone = ""
        totp = self._totp(get(Field.TOTP), problems, notes)
        codes = [c.strip() for c in _CODE_SPLIT.split(clean_multiline(get(Field.BACKUP_CODES)))]
        codes = [c for c in codes if c]
        active_from, active_until = self._period(get, kec_id, problems, notes)

        holder = text(Field.HOLDER)
        if holder and holder.casefold() not in _OFFICE_HOLDERS:
            notes.append(f"{self._label(Field.HOLDER)}: {holder}")
            problems.append(Problem(Field.HOLDER, "holder_in_notes", INFO))
        for name, col in self._extras:
            value = clean_multiline(row[col]) if col < len(row) else ""
            if value:
                notes.append(f"{name}: {value}")
        for fld, col in self._col.items():
            if (number, col) in self._table.missing_values:
                problems.append(Problem(fld, "formula_no_value", WARN))

        duplicate_of = dup_in_file = None
        if ident is not None and platform is not None:
            key = (platform, handle.casefold())
            duplicate_of = self._view.existing.get(key)
            if duplicate_of is not None:
                problems.append(Problem(ROW_FIELD, "duplicate_existing", WARN))
            dup_in_file = self._seen.get(key)
            if dup_in_file is not None:
                problems.append(Problem(ROW_FIELD, "duplicate_in_file", WARN))
            elif not any(p.severity is ERR for p in problems):
                self._seen[key] = index
        return ImportRow(
            index=index,
            source_row=number,
            platform=platform,
            handle=handle,
            url=url,
            display_name=text(Field.DISPLAY_NAME)[:200],
            kecamatan_text=kec_text,
            kecamatan_id=kec_id,
            kecamatan_new=kec_new,
            password=Secret(password) if password else None,
            totp=totp,
            backup_codes=Secret("\n".join(codes)) if codes else None,
            recovery_email=email,
            recovery_phone=phone,
            active_from=active_from,
            active_until=active_until,
            holder=holder,
            notes=Secret("\n".join(notes)) if notes else None,
            duplicate_of=duplicate_of,
            duplicate_in_file=dup_in_file,
            problems=tuple(problems),
        )

    # --- single fields ---------------------------------------------------------------------
    def _password(self, cell: Cell, problems: list[Problem]) -> str:
        text, warnings = password_text(cell)
        for code in warnings:
            problems.append(
                Problem(Field.PASSWORD, code, INFO if code == PASSWORD_EDGE_SPACE else WARN)
            )
        if PASSWORD_WAS_DATE in warnings:
            return ""  # what was typed is gone; a date's text would be a wrong password
        if not text:
            problems.append(Problem(Field.PASSWORD, "password_missing", WARN))
        return text

    def _email(self, cell: Cell, problems: list[Problem], notes: list[str]) -> str:
        text = clean_text(cell)
        if not text:
            return ""
        try:
            return normalize_email(text, Field.RECOVERY_EMAIL.value)
        except InvalidValue:
            problems.append(Problem(Field.RECOVERY_EMAIL, "email_invalid", WARN))
            notes.append(f"{self._label(Field.RECOVERY_EMAIL)}: {text}")
            return ""

    def _phone(self, cell: Cell, problems: list[Problem], notes: list[str]) -> str:
        value = phone_value(cell)
        if value.code:
            severity = INFO if value.code == PHONE_REPAIRED else WARN
            problems.append(Problem(Field.RECOVERY_PHONE, value.code, severity))
            if not value.canonical:
                notes.append(f"{self._label(Field.RECOVERY_PHONE)}: {clean_text(cell)}")
        return value.canonical

    def _totp(self, cell: Cell, problems: list[Problem], notes: list[str]) -> Secret | None:
        raw = clean_text(cell) if not isinstance(cell, str) else cell.strip()
        if not raw:
            return None
        try:
            config = parse_totp(raw)
        except InvalidValue:
            problems.append(Problem(Field.TOTP, "totp_invalid", WARN))
            notes.append(f"{self._label(Field.TOTP)}: {raw}")
            return None
        return to_otpauth_uri(config) if raw.lower().startswith("otpauth:") else config.secret

    def _period(
        self,
        get: Callable[[Field], Cell],
        kec_id: int | None,
        problems: list[Problem],
        notes: list[str],
    ) -> tuple[date | None, date | None]:
        found: list[date | None] = []
        for fld in (Field.ACTIVE_FROM, Field.ACTIVE_UNTIL):
            cell = get(fld)
            try:
                found.append(date_value(cell, date1904=self._table.date1904))
            except ValueError:
                problems.append(Problem(fld, "date_invalid", WARN))
                notes.append(f"{self._label(fld)}: {clean_text(cell)}")
                found.append(None)
        start, until = found
        term = self._view.term
        # The account service refuses a period that ends before it starts, defaults included.
        eff_start = start or (term.start_date if term else None)
        eff_until = until or self._view.effective_end(kec_id)
        if (start or until) and eff_start and eff_until and eff_until < eff_start:
            problems.append(Problem(Field.ACTIVE_UNTIL, "active_period_invalid", WARN))
            return None, None
        return start, until
