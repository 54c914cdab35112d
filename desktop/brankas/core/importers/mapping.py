"""Which column holds what: proposed from Indonesian and English headers, editable, and
remembered in the vault settings by the file's header signature."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from brankas.core.storage.db import Connection
from brankas.core.storage.repos import settings as settings_repo


class Field(StrEnum):
    """What a column means. Persisted in remembered mappings: never change a value."""

    KECAMATAN = "kecamatan"
    PLATFORM = "platform"
    HANDLE = "handle"
    PASSWORD = "password"  # noqa: S105 - a field name
    RECOVERY_EMAIL = "recovery_email"
    RECOVERY_PHONE = "recovery_phone"
    URL = "url"
    NOTES = "notes"
    HOLDER = "holder"
    DISPLAY_NAME = "display_name"
    TITLE = "title"  # a password manager's entry title: hints platform/kecamatan, kept as a note
    TOTP = "totp"
    BACKUP_CODES = "backup_codes"
    ACTIVE_FROM = "active_from"
    ACTIVE_UNTIL = "active_until"
    ROW_NUMBER = "row_number"  # "No": dropped
    EXTRA = "extra"  # anything else: kept in the notes as "Header: value"
    IGNORE = "ignore"


# Fields at most one column may have; the others may repeat.
REPEATABLE: Final = frozenset({Field.EXTRA, Field.IGNORE, Field.ROW_NUMBER})

SETTING_PREFIX: Final = "import.mapping."


def _n(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", strip_accents(text).casefold()).split())


def strip_accents(text: str) -> str:
    """Remove combining marks (``é`` → ``e``) so headers match whatever way they were typed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(phrases: str) -> frozenset[str]:
    return frozenset(_n(p) for p in phrases.split("|"))


# Exact headers (after normalising: lower case, punctuation as spaces).
_EXACT: Final[Mapping[Field, frozenset[str]]] = {
    Field.KECAMATAN: _words(
        "kecamatan|kec|nama kecamatan|panwaslu kecamatan|panwascam|wilayah|"
        "district|sub district|subdistrict|kecamatan panwaslu|asal kecamatan|"
        "folder|collections|collection|group|grup|kelompok"
    ),
    Field.PLATFORM: _words(
        "platform|media sosial|medsos|sosmed|jenis akun|jenis|aplikasi|"
        "social media|media|type of account|account type|jenis media sosial|"
        "jenis medsos|platform media sosial|nama media sosial|layanan|service"
    ),
    Field.HANDLE: _words(
        "nama akun|akun|username|user name|nama pengguna|id|user id|id akun|"
        "login|handle|account|account name|user|pengguna|nama user|"
        "login username|username email|akun media sosial|akun login|id pengguna|"
        "userid"
    ),
    Field.PASSWORD: _words(
        "kata sandi|password|sandi|pass|pwd|kata kunci|passwd|pw|login password|"
        "kata sandi akun|password akun"
    ),
    Field.RECOVERY_EMAIL: _words(
        "email|e mail|surel|surel pemulihan|email pemulihan|recovery email|"
        "alamat email|email recovery|email terdaftar|alamat surel|"
        "email pemulihan akun|e mail pemulihan"
    ),
    Field.RECOVERY_PHONE: _words(
        "no hp|nomor hp|no telepon|nomor telepon|telepon|telp|no telp|hp|wa|"
        "no wa|nomor wa|whatsapp|phone|phone number|mobile|no handphone|"
        "nomor handphone|recovery phone|nomor pemulihan|no hp pemulihan|"
        "nomor hp pemulihan|no hp wa|no telp hp"
    ),
    Field.URL: _words(
        "link|url|tautan|profile url|website|link akun|alamat|uri|login uri|"
        "alamat url|link profil|url akun|tautan akun|alamat akun"
    ),
    Field.NOTES: _words("keterangan|catatan|notes|note|ket|remarks|komentar|deskripsi|description"),
    Field.HOLDER: _words(
        "pemegang|pj|penanggung jawab|pemegang akun|pengelola|admin|holder|pic|"
        "operator|dikelola oleh|pengelola akun|admin akun"
    ),
    Field.DISPLAY_NAME: _words(
        "nama tampilan|display name|nama halaman|page name|nama profil|nama kanal|channel name"
    ),
    Field.TITLE: _words("title|judul|nama entri|entry|name|nama"),
    Field.TOTP: _words(
        "totp|2fa|otp|kode 2fa|authenticator|kunci totp|kunci 2fa|"
        "secret key 2fa|login totp|totp secret|totp seed"
    ),
    Field.BACKUP_CODES: _words(
        "kode cadangan|backup codes|backup code|kode pemulihan|recovery codes|kode cadangan 2fa"
    ),
    Field.ACTIVE_FROM: _words(
        "aktif sejak|tanggal aktif|mulai aktif|active from|tanggal dibuat|"
        "tgl dibuat|dibuat|tanggal mulai|mulai"
    ),
    Field.ACTIVE_UNTIL: _words(
        "aktif sampai|aktif hingga|berakhir|active until|tanggal berakhir|"
        "masa aktif sampai|tanggal selesai|selesai|sampai"
    ),
    Field.ROW_NUMBER: _words("no|nomor|no urut|#|number|nomor urut"),
    # Headers that contain a field's word but mean something else (our own register's
    # columns among them): kept as notes rather than mistaken for that field.
    Field.EXTRA: _words(
        "status|metode 2fa|2fa method|pemilik email|recovery e mail owner|"
        "pemilik no hp|recovery phone owner|pemilik perangkat 2fa|"
        "2fa device owner|kode cadangan tersisa|backup codes remaining|"
        "sandi diganti|password changed|masa tugas|term|sifat akun|lifecycle|"
        "diaktifkan|activated|dinonaktifkan|deactivated|password email|"
        "email password|kata sandi email|tanggal lahir"
    ),
    Field.IGNORE: _words("icon|last modified|created|favorite|reprompt|login fido2credentials"),
}

# Words that, found inside a longer header, suggest a field (the longest phrase wins).
_CONTAINS: Final[Mapping[Field, frozenset[str]]] = {
    Field.KECAMATAN: _words("kecamatan|kec|panwascam"),
    Field.PLATFORM: _words("platform|media sosial|medsos|sosmed|jenis akun"),
    Field.HANDLE: _words("username|nama akun|nama pengguna|akun|user"),
    Field.PASSWORD: _words("kata sandi|password|sandi"),
    Field.RECOVERY_EMAIL: _words("email|e mail|surel"),
    Field.RECOVERY_PHONE: _words("no hp|nomor hp|telepon|telp|whatsapp|phone"),
    Field.URL: _words("link|url|tautan"),
    Field.NOTES: _words("keterangan|catatan|notes"),
    Field.HOLDER: _words("pemegang|penanggung jawab|pengelola"),
    Field.DISPLAY_NAME: _words("nama tampilan|display name|nama halaman"),
    Field.TOTP: _words("totp|2fa|authenticator"),
    Field.BACKUP_CODES: _words("kode cadangan|backup code"),
    Field.ACTIVE_FROM: _words("aktif sejak|mulai aktif|tanggal dibuat"),
    Field.ACTIVE_UNTIL: _words("aktif sampai|aktif hingga|berakhir"),
}

_EXACT_SCORE: Final = 1000


def match_field(header: str) -> tuple[Field, int] | None:
    """The field a header names, with a score (exact matches beat partial ones).

    Partial matches look for a known phrase inside the header on word boundaries; the
    longest phrase wins, then the one nearest the start ("Password Email" is a password).

    Returns:
        (field, score), or None when nothing matches.
    """
    key = _n(header)
    if not key:
        return None
    for field, phrases in _EXACT.items():
        if key in phrases:
            return field, _EXACT_SCORE
    padded = f" {key} "
    best: tuple[int, int, Field] | None = None
    for field, phrases in _CONTAINS.items():
        for phrase in phrases:
            at = padded.find(f" {phrase} ")
            if at >= 0:
                candidate = (len(phrase), -at, field)
                if best is None or candidate[:2] > best[:2]:
                    best = candidate
    return None if best is None else (best[2], best[0])


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """The field of each column (``fields[i]`` belongs to the column named ``names[i]``)."""

    names: tuple[str, ...]
    fields: tuple[Field, ...]

    def __post_init__(self) -> None:
        if len(self.names) != len(self.fields):
            raise ValueError("a mapping needs one field per column")

    def column_of(self, field: Field) -> int | None:
        """The column holding ``field`` (the first, for repeatable fields), or None."""
        try:
            return self.fields.index(field)
        except ValueError:
            return None

    def with_field(self, column: int, field: Field) -> ColumnMapping:
        """The mapping with ``column`` set to ``field`` (what the user picks in the wizard).

        A field that only one column may hold moves: the column that had it becomes
        :attr:`Field.EXTRA`.

        Raises:
            IndexError: no such column.
        """
        if not 0 <= column < len(self.fields):
            raise IndexError("no such column")
        fields = list(self.fields)
        if field not in REPEATABLE:
            fields = [Field.EXTRA if f is field else f for f in fields]
        fields[column] = field
        return ColumnMapping(self.names, tuple(fields))

    @property
    def signature(self) -> str:
        """The key under which this header layout's mapping is remembered."""
        return header_signature(self.names)


def header_signature(names: Sequence[str]) -> str:
    """A stable digest of a header row (normalised names in order)."""
    joined = "\x1f".join(_n(n) for n in names)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def propose_mapping(names: Sequence[str]) -> ColumnMapping:
    """Propose a field for every column from its header.

    Each single-column field goes to the column that matches it best; the rest become
    :attr:`Field.EXTRA` (kept as notes), unnamed columns too.
    """
    scored = [match_field(n) for n in names]
    fields = [Field.EXTRA] * len(names)
    best: dict[Field, tuple[int, int]] = {}
    for column, hit in enumerate(scored):
        if hit is None:
            continue
        field, score = hit
        if field in REPEATABLE:
            fields[column] = field
        elif field not in best or score > best[field][0]:
            best[field] = (score, column)
    for field, (_score, column) in best.items():
        fields[column] = field
    return ColumnMapping(tuple(names), tuple(fields))


def remembered_mapping(conn: Connection, names: Sequence[str]) -> ColumnMapping | None:
    """The mapping saved for this header layout, or None (also when it no longer fits)."""
    stored = settings_repo.get_setting(conn, SETTING_PREFIX + header_signature(names))
    if not isinstance(stored, dict):
        return None
    raw = stored.get("fields")
    if not isinstance(raw, list) or len(raw) != len(names):
        return None
    try:
        fields = tuple(Field(f) for f in raw)
    except ValueError:
        return None
    return ColumnMapping(tuple(names), fields)


def remember_mapping(conn: Connection, mapping: ColumnMapping) -> None:
    """Save a mapping for the next file with the same header layout."""
    value = {"names": list(mapping.names), "fields": [f.value for f in mapping.fields]}
    settings_repo.set_setting(conn, SETTING_PREFIX + mapping.signature, value)
