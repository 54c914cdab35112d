"""Where each platform's password is changed, opened in the browser by the rotation queue."""

from __future__ import annotations

from brankas.core.domain.enums import Platform
from brankas.core.domain.models import Account

GOOGLE = "https://myaccount.google.com/security"
PASSWORD_PAGES: dict[Platform, str] = {
    Platform.INSTAGRAM: "https://www.instagram.com/accounts/password/change/",
    Platform.FACEBOOK_PAGE: "https://www.facebook.com/settings?tab=security",
    Platform.X: "https://x.com/settings/password",
    Platform.TIKTOK: "https://www.tiktok.com/setting",
    Platform.YOUTUBE: GOOGLE,
}
# E-mail providers by the address's domain; an office's own mail server has no known page.
MAIL_PAGES: dict[str, str] = {
    "gmail.com": GOOGLE,
    "googlemail.com": GOOGLE,
    "yahoo.com": "https://login.yahoo.com/account/security",
    "yahoo.co.id": "https://login.yahoo.com/account/security",
    "ymail.com": "https://login.yahoo.com/account/security",
    "outlook.com": "https://account.live.com/password/change",
    "hotmail.com": "https://account.live.com/password/change",
    "live.com": "https://account.live.com/password/change",
}


def password_page(account: Account) -> str | None:
    """The page where the account's password is changed (None: not known, e.g. a phone
    number or an office mail server)."""
    if account.platform is Platform.EMAIL:
        domain = account.handle.rpartition("@")[2].strip().lower()
        return MAIL_PAGES.get(domain)
    if account.platform is Platform.OTHER:
        url = account.url.strip()
        return url if url.startswith(("https://", "http://")) else None
    return PASSWORD_PAGES.get(account.platform)
