"""Review findings as data: each stable code with its rule, severity and sentences (id, en)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from brankas.core.domain.enums import Severity

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, slots=True)
class Message:
    """What a finding code means; templates take ``str.format`` fields."""

    rule_id: str
    severity: Severity
    text_id: str
    text_en: str


MESSAGES: Final[Mapping[str, Message]] = {
    "required_account_missing": Message(
        "R1",
        E,
        "Kecamatan {kec} belum memiliki akun {platform} untuk {term}.",
        "Kecamatan {kec} has no {platform} account for {term}.",
    ),
    "required_account_planned": Message(
        "R1",
        W,
        "Akun {platform} Kecamatan {kec} untuk {term} baru direncanakan, belum dibuat.",
        "The {platform} account of Kecamatan {kec} for {term} is only planned, not created.",
    ),
    "username_missing": Message(
        "R2",
        E,
        "Nama pengguna akun {what} belum tercatat.",
        "The username of account {what} is not on record.",
    ),
    "password_missing": Message(
        "R2",
        E,
        "Kata sandi akun {what} belum tercatat.",
        "The password of account {what} is not on record.",
    ),
    "pin_missing": Message(
        "R2",
        W,
        "PIN atau kata sandi nomor {what} belum tercatat.",
        "The PIN or password of {what} is not on record.",
    ),
    "active_period_missing": Message(
        "R3",
        E,
        "Masa aktif akun {what} belum diisi.",
        "The active period of account {what} is not set.",
    ),
    "active_period_invalid": Message(
        "R3",
        E,
        "Masa aktif akun {what} berakhir sebelum dimulai.",
        "The active period of account {what} ends before it starts.",
    ),
    "active_period_beyond_term": Message(
        "R3",
        W,
        "Masa aktif akun {what} ({until}) melewati akhir masa tugas ({end}).",
        "The active period of account {what} ({until}) runs past the end of the term ({end}).",
    ),
    "activation_not_recorded": Message(
        "R3",
        E,
        "Aktivasi akun {what} tidak tercatat.",
        "The activation of account {what} is not recorded.",
    ),
    "held_after_term_end": Message(
        "R4",
        E,
        "Masa tugas berakhir {end}, tetapi akun {what} masih dipegang {holder} ({days} hari).",
        "The term ended on {end} but account {what} is still held by {holder} ({days} days).",
    ),
    "password_not_changed": Message(
        "R5",
        E,
        "Kata sandi akun {what} belum diganti setelah serah terima kembali (BAST {bast}, {date}).",
        "The password of account {what} was not changed after it was handed back"
        " (BAST {bast}, {date}).",
    ),
    "not_deactivated": Message(
        "R6",
        E,
        "Masa tugas berakhir {end}, tetapi akun {what} masih berstatus {status}.",
        "The term ended on {end} but account {what} is still {status}.",
    ),
    "planned_after_term_end": Message(
        "R6",
        W,
        "Akun {what} direncanakan tetapi tidak pernah dibuat; batalkan rencananya.",
        "Account {what} was planned but never created; cancel the plan.",
    ),
    "checklist_incomplete": Message(
        "R6",
        E,
        "Daftar periksa akun {what} belum selesai ({done}/{total} langkah).",
        "The checklist of account {what} is not finished ({done}/{total} steps).",
    ),
    "checklist_missing": Message(
        "R6",
        W,
        "Akun {what} tidak memiliki daftar periksa penonaktifan.",
        "Account {what} has no deactivation checklist.",
    ),
    "recovery_email_personal": Message(
        "R7",
        E,
        "E-mail pemulihan akun {what} milik perorangan, bukan milik kantor.",
        "The recovery e-mail of account {what} belongs to a person, not the office.",
    ),
    "recovery_email_provider": Message(
        "R7",
        W,
        "E-mail pemulihan akun {what} memakai layanan e-mail pribadi dan pemiliknya belum"
        " tercatat.",
        "The recovery e-mail of account {what} is on a personal e-mail service and its owner"
        " is not recorded.",
    ),
    "recovery_phone_personal": Message(
        "R7",
        E,
        "Nomor telepon pemulihan akun {what} milik atau dipegang perorangan, bukan kantor.",
        "The recovery phone of account {what} belongs to or is held by a person, not the office.",
    ),
    "twofa_device_personal": Message(
        "R7",
        W,
        "Perangkat 2FA akun {what} milik perorangan, bukan milik kantor.",
        "The 2FA device of account {what} belongs to a person, not the office.",
    ),
    "bast_number_missing": Message(
        "R8",
        E,
        "Serah terima tanggal {date} tidak memiliki nomor BAST.",
        "The handover of {date} has no BAST number.",
    ),
    "bast_no_accounts": Message(
        "R8",
        E,
        "BAST {bast} tidak mencantumkan akun apa pun.",
        "BAST {bast} lists no account.",
    ),
    "bast_scan_missing": Message(
        "R8",
        W,
        "Pindaian BAST {bast} yang sudah ditandatangani belum dilampirkan.",
        "The signed scan of BAST {bast} is not attached.",
    ),
    "custody_without_bast": Message(
        "R8",
        W,
        "Akun {what} diserahkan kepada {holder} tanpa BAST tercatat.",
        "Account {what} was given to {holder} with no BAST on record.",
    ),
}
