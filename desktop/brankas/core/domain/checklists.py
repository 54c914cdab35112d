"""Per-platform term-end checklist templates (Indonesian with English), as data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from brankas.core.domain.enums import LifecycleKind, Platform


@dataclass(frozen=True, slots=True)
class Step:
    """One checklist step; ``step_key`` is persisted with the step's progress."""

    step_key: str
    text_id: str
    text_en: str


# The last step of every checklist; its text depends on the account's lifecycle kind.
FINAL_STEP_KEY: Final = "final_disposition"

_CHANGE_PASSWORD = Step(
    "change_password",
    "Pastikan kata sandi sudah diganti setelah serah terima kembali dan kata sandi baru "
    "tersimpan di Brankas.",
    "Make sure the password was changed after the account was handed back and the new one "
    "is stored in Brankas.",
)
_SIGN_OUT = Step(
    "sign_out_sessions",
    "Keluar dari semua sesi login di perangkat lain, lalu pastikan hanya perangkat kantor yang "
    "tersisa.",
    "Sign out all sessions on other devices, then make sure only office devices remain.",
)
_RECOVERY = Step(
    "replace_recovery",
    "Ganti e-mail dan nomor telepon pemulihan dengan milik kantor, lalu hapus kontak pribadi "
    "anggota panitia.",
    "Replace the recovery e-mail and phone number with the office's, and remove committee "
    "members' personal contacts.",
)
_TWO_FACTOR = Step(
    "two_factor",
    "Aktifkan atau atur ulang autentikasi dua faktor (2FA) dengan aplikasi autentikator di "
    "perangkat kantor, lalu simpan kunci rahasianya di Brankas.",
    "Turn on or reset two-factor authentication (2FA) with an authenticator app on an office "
    "device, and store its secret key in Brankas.",
)
_BACKUP_CODES = Step(
    "backup_codes",
    "Buat ulang kode cadangan, simpan di Brankas, dan catat jumlah serta tanggal pembuatannya.",
    "Regenerate the backup codes, store them in Brankas, and record how many there are and "
    "when they were made.",
)
_REVOKE_APPS = Step(
    "revoke_apps",
    "Cabut akses aplikasi dan layanan pihak ketiga yang tidak lagi diperlukan.",
    "Revoke access for third-party apps and services that are no longer needed.",
)
_BUSINESS_SUITE = Step(
    "business_suite_access",
    "Periksa akses di Meta Business Suite (portofolio bisnis), lalu hapus orang atau mitra "
    "yang tidak berwenang.",
    "Check access in Meta Business Suite (business portfolio) and remove people or partners "
    "who are not authorised.",
)
_DEPENDENT_ACCOUNTS = Step(
    "record_dependent_accounts",
    "Catat akun-akun yang memakai {what} ini untuk pemulihan atau kode verifikasi, agar rantai "
    "pemulihannya tetap utuh.",
    "Record which accounts use this {what_en} for recovery or verification codes, so that "
    "their recovery chain stays intact.",
)


def _dependents(what: str, what_en: str) -> Step:
    return Step(
        _DEPENDENT_ACCOUNTS.step_key,
        _DEPENDENT_ACCOUNTS.text_id.format(what=what),
        _DEPENDENT_ACCOUNTS.text_en.format(what_en=what_en),
    )


_FACEBOOK_PAGE = (
    # Officials first: removing members before the office holds full control can lose the Page.
    Step(
        "two_officials_full_control",
        "Pastikan sekurang-kurangnya dua pejabat Bawaslu Kabupaten/Kota memiliki akses Facebook "
        "dengan kendali penuh atas Halaman.",
        "Make sure at least two officials of the regency office have Facebook access with full "
        "control of the Page.",
    ),
    Step(
        "remove_member_access",
        "Hapus akses anggota panitia dari Halaman, baik akses Facebook maupun akses tugas.",
        "Remove committee members from the Page's access, both Facebook access and task access.",
    ),
    _BUSINESS_SUITE,
    _CHANGE_PASSWORD,
    _SIGN_OUT,
    _RECOVERY,
    _TWO_FACTOR,
    _BACKUP_CODES,
)

_INSTAGRAM = (
    _CHANGE_PASSWORD,
    _SIGN_OUT,
    Step(
        "unlink_personal_accounts",
        "Lepaskan akun ini dari Pusat Akun (Accounts Center) yang terhubung ke profil Facebook "
        "pribadi anggota panitia.",
        "Remove this account from any Accounts Center linked to a committee member's personal "
        "Facebook profile.",
    ),
    _BUSINESS_SUITE,
    _RECOVERY,
    _TWO_FACTOR,
    _BACKUP_CODES,
    _REVOKE_APPS,
)

_X = (
    _CHANGE_PASSWORD,
    _SIGN_OUT,
    Step(
        "remove_delegates",
        "Hapus anggota panitia dari delegasi akun, jika fitur tersebut digunakan.",
        "Remove committee members from account delegation, if it is used.",
    ),
    _REVOKE_APPS,
    _RECOVERY,
    _TWO_FACTOR,
    _BACKUP_CODES,
)

_TIKTOK = (
    _CHANGE_PASSWORD,
    _SIGN_OUT,
    _RECOVERY,
    Step(
        "two_factor",
        "Aktifkan atau atur ulang verifikasi 2 langkah dengan metode milik kantor (aplikasi "
        "autentikator, e-mail atau nomor kantor).",
        "Turn on or reset 2-step verification with methods the office owns (authenticator app, "
        "office e-mail or number).",
    ),
    _REVOKE_APPS,
)

_YOUTUBE = (
    Step(
        "brand_account_owner",
        "Jika kanal memakai Akun Merek (Brand Account), pastikan pemilik utamanya adalah akun "
        "Google kantor.",
        "If the channel uses a Brand Account, make sure its primary owner is the office's Google "
        "account.",
    ),
    Step(
        "remove_member_access",
        "Hapus anggota panitia dari izin kanal di YouTube Studio (Setelan > Izin).",
        "Remove committee members from the channel permissions in YouTube Studio "
        "(Settings > Permissions).",
    ),
    _CHANGE_PASSWORD,
    _SIGN_OUT,
    _RECOVERY,
    _TWO_FACTOR,
    _BACKUP_CODES,
)

_EMAIL = (
    _CHANGE_PASSWORD,
    _SIGN_OUT,
    Step(
        "check_forwarding",
        "Periksa penerusan e-mail (forwarding), filter, dan alamat balasan; hapus yang mengarah "
        "ke alamat pribadi anggota panitia.",
        "Check forwarding, filters and reply-to addresses; remove any that point to a committee "
        "member's personal address.",
    ),
    _RECOVERY,
    _TWO_FACTOR,
    _BACKUP_CODES,
    _REVOKE_APPS,
    _dependents("alamat e-mail", "address"),
)

_PHONE = (
    Step(
        "sim_to_office",
        "Pastikan kartu SIM berada di kantor, lalu catat di Brankas siapa yang memegangnya dan di "
        "mana kartu itu disimpan.",
        "Make sure the SIM card is at the office, and record in Brankas who holds it and where it "
        "is kept.",
    ),
    Step(
        "change_sim_pin",
        "Ganti PIN kartu SIM, lalu simpan PIN dan PUK di Brankas.",
        "Change the SIM card's PIN, and store the PIN and PUK in Brankas.",
    ),
    Step(
        "unlink_messaging",
        "Keluarkan WhatsApp dan aplikasi pesan lain yang memakai nomor ini dari perangkat lain "
        "(Perangkat tertaut).",
        "Sign WhatsApp and other messaging apps that use this number out of other devices "
        "(Linked devices).",
    ),
    Step(
        "registration_owner",
        "Periksa atas nama siapa nomor ini teregistrasi; jika atas nama pribadi anggota panitia, "
        "urus pengalihannya ke kantor di gerai operator.",
        "Check whose name the number is registered to; if it is a committee member's, have it "
        "transferred to the office at the operator's service centre.",
    ),
    Step(
        "keep_number_active",
        "Periksa masa aktif dan pulsa agar nomor tidak hangus lalu didaur ulang operator untuk "
        "pelanggan lain.",
        "Check the validity period and credit so that the number does not expire and get "
        "recycled by the operator to another subscriber.",
    ),
    _dependents("nomor", "number"),
)

_OTHER = (
    Step(
        "remove_member_access",
        "Hapus akses anggota panitia (pengguna, admin, atau perangkat) dari akun.",
        "Remove committee members' access (users, admins or devices) from the account.",
    ),
    _CHANGE_PASSWORD,
    _SIGN_OUT,
    _RECOVERY,
    _TWO_FACTOR,
)

_BODIES: Final[Mapping[Platform, tuple[Step, ...]]] = {
    Platform.FACEBOOK_PAGE: _FACEBOOK_PAGE,
    Platform.INSTAGRAM: _INSTAGRAM,
    Platform.X: _X,
    Platform.TIKTOK: _TIKTOK,
    Platform.YOUTUBE: _YOUTUBE,
    Platform.EMAIL: _EMAIL,
    Platform.PHONE: _PHONE,
    Platform.OTHER: _OTHER,
}

# What "deactivate" means differs per platform; these notes keep an operator from losing the
# account or its name for good. (Indonesian, English) appended to the deactivation text.
_DEACTIVATE_ID: Final[Mapping[Platform, str]] = {
    Platform.FACEBOOK_PAGE: "Nonaktifkan Halaman (bukan menghapusnya).",
    Platform.INSTAGRAM: "Nonaktifkan akun untuk sementara (bukan menghapusnya).",
    Platform.X: "Nonaktifkan akun. Catatan: X menghapus akun secara permanen 30 hari setelah "
    "dinonaktifkan, dan nama penggunanya dapat diambil pihak lain.",
    Platform.YOUTUBE: "Sembunyikan kanal, agar kontennya dapat dipulihkan bila diperlukan.",
    Platform.EMAIL: "Nonaktifkan atau hapus alamat ini hanya setelah tidak ada lagi akun yang "
    "memakainya untuk pemulihan.",
    Platform.PHONE: "Berhenti memakai nomor ini hanya setelah nomor tersebut dilepas dari semua "
    "akun; sampai saat itu, jaga agar tetap aktif.",
}
_DEACTIVATE_EN: Final[Mapping[Platform, str]] = {
    Platform.FACEBOOK_PAGE: "Deactivate the Page (do not delete it).",
    Platform.INSTAGRAM: "Deactivate the account temporarily (do not delete it).",
    Platform.X: "Deactivate the account. Note: X deletes an account permanently 30 days after "
    "it is deactivated, and its username can then be taken by someone else.",
    Platform.YOUTUBE: "Hide the channel, so that its content can be restored if needed.",
    Platform.EMAIL: "Deactivate or delete this address only once no account uses it for "
    "recovery any more.",
    Platform.PHONE: "Stop using this number only once it is detached from every account; until "
    "then, keep it active.",
}
_DEFAULT_DEACTIVATE = ("Nonaktifkan akun.", "Deactivate the account.")
_RETAIN = (
    "Tandai sebagai permanen dan simpan di kantor untuk diserahkan kepada panitia berikutnya.",
    "Mark it permanent and keep it at the office to hand to the next committee.",
)
_RETAIN_INSTEAD = (
    "Untuk akun permanen, jangan dinonaktifkan: simpan di kantor untuk diserahkan kepada "
    "panitia berikutnya.",
    "For a permanent account, do not deactivate it: keep it at the office to hand to the next "
    "committee.",
)


def final_step(platform: Platform, kind: LifecycleKind | None = None) -> Step:
    """Return the closing step: deactivate (ad hoc), keep (permanent), or either (unknown).

    Args:
        platform: the account's platform.
        kind: the account's lifecycle kind, or None when it is not decided yet.

    Returns:
        The step with key :data:`FINAL_STEP_KEY`.
    """
    deactivate = (
        _DEACTIVATE_ID.get(platform, _DEFAULT_DEACTIVATE[0]),
        _DEACTIVATE_EN.get(platform, _DEFAULT_DEACTIVATE[1]),
    )
    if kind is LifecycleKind.AD_HOC:
        text_id, text_en = deactivate
    elif kind is LifecycleKind.PERMANENT:
        text_id, text_en = _RETAIN
    else:
        text_id = f"{deactivate[0]} {_RETAIN_INSTEAD[0]}"
        text_en = f"{deactivate[1]} {_RETAIN_INSTEAD[1]}"
    return Step(FINAL_STEP_KEY, text_id, text_en)


def default_steps(platform: Platform, kind: LifecycleKind | None = None) -> tuple[Step, ...]:
    """Return the term-end checklist for an account, in the order to work through it.

    Args:
        platform: the account's platform.
        kind: its lifecycle kind; decides the wording of the last step only, so the step
            keys are the same whatever the kind.

    Returns:
        The steps; the last one has key :data:`FINAL_STEP_KEY`.
    """
    return (*_BODIES[platform], final_step(platform, kind))
