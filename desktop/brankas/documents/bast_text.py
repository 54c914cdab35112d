"""The BAST's sentences: opening, basis, what is handed over, responsibilities, closing.

Each returns HTML with every value escaped. The statements differ by kind: an issue
hands responsibility to the committee until its term ends; a return hands it back and
has the committee declare it keeps no password; a next-committee handover continues a
permanent account.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brankas.core.domain.enums import HandoverKind
from brankas.documents.blocks import esc
from brankas.documents.i18n import format_date, number_with_words, pick, spell_date, tr

if TYPE_CHECKING:
    from brankas.documents.bast import BastData


def title(lang: str) -> str:
    """The document's title line."""
    return pick(
        lang,
        "BERITA ACARA SERAH TERIMA AKUN MEDIA SOSIAL",
        "MINUTES OF HANDOVER OF SOCIAL MEDIA ACCOUNTS",
    )


def opening(data: BastData) -> str:
    """``Pada hari ini Senin tanggal … bertempat di …, kami yang bertanda tangan …``."""
    return pick(
        data.language,
        "Pada hari ini {day}, bertempat di {place}, kami yang bertanda tangan di bawah ini:",
        "On this day, {day}, at {place}, we the undersigned:",
    ).format(day=esc(spell_date(data.on, data.language)), place=esc(data.place))


def _basis(data: BastData) -> str:
    lang = data.language
    period = ""
    if data.term_start and data.term_end:
        period = pick(lang, " ({a} s.d. {b})", " ({a} to {b})").format(
            a=format_date(data.term_start, lang), b=format_date(data.term_end, lang)
        )
    term = esc(data.term_name + period)
    if data.sk_number:
        sk_date = (
            pick(lang, " tanggal {d}", " dated {d}").format(d=format_date(data.sk_date, lang))
            if data.sk_date
            else ""
        )
        return pick(
            lang,
            "Berdasarkan Surat Keputusan Nomor {sk}{date} tentang masa tugas {term}, ",
            "Pursuant to Decree Number {sk}{date} on the term of office {term}, ",
        ).format(sk=f"<b>{esc(data.sk_number)}</b>", date=esc(sk_date), term=term)
    if data.term_name:
        return pick(lang, "Untuk masa tugas {term}, ", "For the term of office {term}, ").format(
            term=term
        )
    return ""


def handing(data: BastData) -> str:
    """The basis and what the first party hands to the second."""
    lang = data.language
    p1, p2 = tr("first_party", lang), tr("second_party", lang)
    whose = esc(
        pick(lang, "Panwaslu Kecamatan {k}", "Panwaslu Kecamatan {k}").format(k=data.kecamatan)
        if data.kecamatan
        else data.letterhead.office_name
    )
    n = len(data.accounts)
    text = pick(
        lang,
        "<b>{p1}</b> menyerahkan kepada <b>{p2}</b>, dan <b>{p2}</b> menerima dari "
        "<b>{p1}</b>, {n} akun media sosial resmi {whose} sebagai berikut:",
        "the <b>{p1}</b> hands over to the <b>{p2}</b>, and the <b>{p2}</b> receives from "
        "the <b>{p1}</b>, {n} official social media account{s} of {whose}, as follows:",
    ).format(p1=p1, p2=p2, n=esc(number_with_words(n, lang)), whose=whose, s="" if n == 1 else "s")
    basis = _basis(data)
    if basis:
        return basis + text
    return text[0].upper() + text[1:]


def statements(data: BastData) -> list[str]:
    """The numbered statements of responsibility, by kind."""
    lang = data.language
    one = len(data.accounts) == 1
    # Indonesian doubles the noun for a plural it refers back to; English changes it.
    them = (
        pick(lang, "akun tersebut", "this account")
        if one
        else pick(lang, "akun-akun tersebut", "these accounts")
    )
    them_all = (
        pick(lang, "akun tersebut", "this account")
        if one
        else pick(lang, "seluruh akun tersebut", "all these accounts")
    )
    p1 = f"<b>{tr('first_party', lang)}</b>"
    p2 = f"<b>{tr('second_party', lang)}</b>"
    office = esc(data.letterhead.office_name)
    since = pick(lang, "Sejak Berita Acara ini ditandatangani", "From the signing of these minutes")
    if data.kind is HandoverKind.RETURN:
        return [
            pick(
                lang,
                f"{since}, tanggung jawab atas pengelolaan dan penggunaan {them} beralih dari "
                f"{p1} kembali kepada {p2} ({office}).",
                f"{since}, responsibility for managing and using {them} passes from the {p1} "
                f"back to the {p2} ({office}).",
            ),
            pick(
                lang,
                f"{p1} menyatakan tidak lagi menyimpan, menggunakan, atau memberikan kepada pihak "
                f"lain kata sandi, kode cadangan, maupun akses lain atas {them}.",
                f"The {p1} declares that they no longer keep, use or give anyone the passwords, "
                f"backup codes or any other access to {them}.",
            ),
            pick(
                lang,
                f"{p2} segera mengganti kata sandi {them_all}, kemudian menonaktifkan atau "
                "mempertahankannya sesuai ketentuan.",
                f"The {p2} changes the password of {them_all} at once, then deactivates or "
                "keeps each one as the rules require.",
            ),
        ]
    until = ""
    if data.term_end:
        until = pick(
            lang,
            " sampai dengan berakhirnya masa tugas pada tanggal {e}",
            " until the term ends on {e}",
        ).format(e=esc(format_date(data.term_end, lang)))
    out = [
        pick(
            lang,
            f"{since}, tanggung jawab atas pengelolaan dan penggunaan {them} beralih kepada "
            f"{p2}{until}.",
            f"{since}, responsibility for managing and using {them} passes to the {p2}{until}.",
        ),
        pick(
            lang,
            "Kata sandi diserahkan secara langsung dan tidak dicantumkan dalam Berita Acara ini. "
            f"{p2} wajib menjaga kerahasiaannya dan tidak mengubah kata sandi, surel atau nomor "
            "telepon pemulihan, maupun pengaturan verifikasi dua langkah tanpa persetujuan "
            f"{office}.",
            "Passwords are handed over in person and are not written in these minutes. The "
            f"{p2} keeps them confidential and changes no password, recovery e-mail or phone, "
            f"or two-step verification setting without the consent of {office}.",
        ),
        pick(
            lang,
            f"{them[0].upper() + them[1:]} hanya digunakan untuk kepentingan kedinasan dan tetap "
            f"menjadi milik {office}.",
            f"{them[0].upper() + them[1:]} may be used for official purposes only and remain"
            f"{'s' if one else ''} the property of {office}.",
        ),
        pick(
            lang,
            f"Pada akhir masa tugas, {p2} wajib mengembalikan {them_all} kepada {office} "
            "dengan Berita Acara Serah Terima.",
            f"At the end of the term, the {p2} returns {them_all} to {office} with minutes "
            "of handover.",
        ),
    ]
    if data.kind is HandoverKind.NEXT_COMMITTEE:
        permanent = pick(
            lang,
            f"{them[0].upper() + them[1:]} merupakan akun permanen yang dilanjutkan dari masa "
            "tugas sebelumnya.",
            f"{them[0].upper() + them[1:]} {'is a permanent account' if one else 'are permanent accounts'}"
            " continued from the previous term of office.",
        )
        out.insert(0, permanent)
    return out


def closing(lang: str) -> str:
    """The closing sentence."""
    return pick(
        lang,
        "Demikian Berita Acara Serah Terima ini dibuat dengan sebenarnya dalam rangkap {n}, "
        "masing-masing mempunyai kekuatan hukum yang sama, untuk dipergunakan sebagaimana "
        "mestinya.",
        "These minutes are made truthfully in {n} copies of equal force, to be used as required.",
    ).format(n=esc(number_with_words(2, lang)))
