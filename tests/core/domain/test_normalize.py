"""Handles, profile links, e-mail addresses and Indonesian phone numbers, per platform."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from brankas.core.domain.enums import Platform as P
from brankas.core.domain.normalize import (
    WARN_FACEBOOK_PROFILE,
    WARN_PHONE_LANDLINE,
    Identity,
    PhoneKind,
    email_is_personal_provider,
    email_looks_official,
    normalize_account_identity,
    normalize_email,
    normalize_phone,
    repair_excel_phone,
)
from brankas.core.errors import InvalidValue, ValidationError

IG = "https://www.instagram.com/{}/"
FB = "https://www.facebook.com/{}"
YT = "https://www.youtube.com/{}"

GOOD = [
    # Instagram
    (P.INSTAGRAM, "bawaslu.buol", "@bawaslu.buol", IG.format("bawaslu.buol")),
    (P.INSTAGRAM, "@Bawaslu.Buol", "@bawaslu.buol", IG.format("bawaslu.buol")),
    (P.INSTAGRAM, " panwascam_biau ", "@panwascam_biau", IG.format("panwascam_biau")),
    (
        P.INSTAGRAM,
        "https://www.instagram.com/bawaslu.buol/",
        "@bawaslu.buol",
        IG.format("bawaslu.buol"),
    ),
    (
        P.INSTAGRAM,
        "https://instagram.com/Bawaslu.Buol?igsh=MWx0cDk1",
        "@bawaslu.buol",
        IG.format("bawaslu.buol"),
    ),
    (P.INSTAGRAM, "instagram.com/bawaslu.buol", "@bawaslu.buol", IG.format("bawaslu.buol")),
    (P.INSTAGRAM, "www.instagram.com/bawaslu.buol/", "@bawaslu.buol", IG.format("bawaslu.buol")),
    (
        P.INSTAGRAM,
        "http://m.instagram.com/bawaslu.buol#top",
        "@bawaslu.buol",
        IG.format("bawaslu.buol"),
    ),
    (
        P.INSTAGRAM,
        "instagram.com/_u/panwascam.bokat",
        "@panwascam.bokat",
        IG.format("panwascam.bokat"),
    ),
    (P.INSTAGRAM, "instagr.am/panwascam.bokat", "@panwascam.bokat", IG.format("panwascam.bokat")),
    (P.INSTAGRAM, "panwascam.bokat/", "@panwascam.bokat", IG.format("panwascam.bokat")),
    (P.INSTAGRAM, "a", "@a", IG.format("a")),
    (P.INSTAGRAM, "a" * 30, "@" + "a" * 30, IG.format("a" * 30)),
    # X / Twitter
    (P.X, "BawasluBuol", "@bawaslubuol", "https://x.com/bawaslubuol"),
    (P.X, "@Panwas_Biau", "@panwas_biau", "https://x.com/panwas_biau"),
    (P.X, "https://twitter.com/BawasluBuol?lang=id", "@bawaslubuol", "https://x.com/bawaslubuol"),
    (
        P.X,
        "https://x.com/bawaslubuol/status/1750000000000000000",
        "@bawaslubuol",
        "https://x.com/bawaslubuol",
    ),
    (P.X, "mobile.twitter.com/bawaslubuol", "@bawaslubuol", "https://x.com/bawaslubuol"),
    (P.X, "https://www.twitter.com/#!/bawaslubuol", "@bawaslubuol", "https://x.com/bawaslubuol"),
    (P.X, "x.com/@bawaslubuol", "@bawaslubuol", "https://x.com/bawaslubuol"),
    (P.X, "a" * 15, "@" + "a" * 15, "https://x.com/" + "a" * 15),
    # TikTok
    (P.TIKTOK, "@bawaslu.buol", "@bawaslu.buol", "https://www.tiktok.com/@bawaslu.buol"),
    (P.TIKTOK, "Bawaslu_Buol", "@bawaslu_buol", "https://www.tiktok.com/@bawaslu_buol"),
    (
        P.TIKTOK,
        "https://www.tiktok.com/@Bawaslu.Buol?_t=8abc&_r=1",
        "@bawaslu.buol",
        "https://www.tiktok.com/@bawaslu.buol",
    ),
    (
        P.TIKTOK,
        "tiktok.com/@bawaslu.buol/video/7300000000000000000",
        "@bawaslu.buol",
        "https://www.tiktok.com/@bawaslu.buol",
    ),
    (P.TIKTOK, "m.tiktok.com/@ab", "@ab", "https://www.tiktok.com/@ab"),
    (P.TIKTOK, ".ab", "@.ab", "https://www.tiktok.com/@.ab"),
    # Facebook Page
    (
        P.FACEBOOK_PAGE,
        "https://www.facebook.com/BawasluBuol",
        "BawasluBuol",
        FB.format("BawasluBuol"),
    ),
    (P.FACEBOOK_PAGE, "BawasluBuol", "BawasluBuol", FB.format("BawasluBuol")),
    (P.FACEBOOK_PAGE, "@bawaslu.buol", "bawaslu.buol", FB.format("bawaslu.buol")),
    (P.FACEBOOK_PAGE, "fb.com/bawaslu.buol/", "bawaslu.buol", FB.format("bawaslu.buol")),
    (
        P.FACEBOOK_PAGE,
        "https://web.facebook.com/bawaslu.buol/posts/123?ref=share",
        "bawaslu.buol",
        FB.format("bawaslu.buol"),
    ),
    (P.FACEBOOK_PAGE, "m.facebook.com/bawaslu.buol", "bawaslu.buol", FB.format("bawaslu.buol")),
    (
        P.FACEBOOK_PAGE,
        "facebook.com/pages/Bawaslu-Kabupaten-Buol/123456789012345",
        "123456789012345",
        FB.format("123456789012345"),
    ),
    (
        P.FACEBOOK_PAGE,
        "https://www.facebook.com/p/Panwaslu-Kecamatan-Biau-100083123456789/",
        "100083123456789",
        FB.format("100083123456789"),
    ),
    (
        P.FACEBOOK_PAGE,
        "https://www.facebook.com/Panwaslu-Kecamatan-Biau-100083123456789",
        "100083123456789",
        FB.format("100083123456789"),
    ),
    (
        P.FACEBOOK_PAGE,
        "facebook.com/pg/bawaslu.buol/about/",
        "bawaslu.buol",
        FB.format("bawaslu.buol"),
    ),
    (P.FACEBOOK_PAGE, "100083123456789", "100083123456789", FB.format("100083123456789")),
    (
        P.FACEBOOK_PAGE,
        "https://www.facebook.com/100083123456789",
        "100083123456789",
        FB.format("100083123456789"),
    ),
    # YouTube
    (P.YOUTUBE, "@BawasluBuol", "@BawasluBuol", YT.format("@BawasluBuol")),
    (P.YOUTUBE, "BawasluBuol", "@BawasluBuol", YT.format("@BawasluBuol")),
    (
        P.YOUTUBE,
        "https://www.youtube.com/@BawasluBuol/videos",
        "@BawasluBuol",
        YT.format("@BawasluBuol"),
    ),
    (
        P.YOUTUBE,
        "m.youtube.com/@bawaslu-buol.official",
        "@bawaslu-buol.official",
        YT.format("@bawaslu-buol.official"),
    ),
    (
        P.YOUTUBE,
        "youtube.com/channel/UCabcdefghijklmnopqrstuv",
        "UCabcdefghijklmnopqrstuv",
        YT.format("channel/UCabcdefghijklmnopqrstuv"),
    ),
    (
        P.YOUTUBE,
        "UC-_cdefghijklmnopqrst12",
        "UC-_cdefghijklmnopqrst12",
        YT.format("channel/UC-_cdefghijklmnopqrst12"),
    ),
    (P.YOUTUBE, "https://www.youtube.com/c/BawasluRI", "c/BawasluRI", YT.format("c/BawasluRI")),
    (P.YOUTUBE, "youtube.com/user/BawasluRI", "user/BawasluRI", YT.format("user/BawasluRI")),
    (P.YOUTUBE, "youtube.com/BawasluRI", "c/BawasluRI", YT.format("c/BawasluRI")),
    (P.YOUTUBE, "c/BawasluRI", "c/BawasluRI", YT.format("c/BawasluRI")),
    # E-mail, phone, other
    (
        P.EMAIL,
        " Panwascam.Biau@GMAIL.com ",
        "Panwascam.Biau@gmail.com",
        "mailto:Panwascam.Biau@gmail.com",
    ),
    (P.PHONE, "0812-3456-7890", "+6281234567890", "tel:+6281234567890"),
    (P.OTHER, "  akun.lain  ", "akun.lain", ""),
    (
        P.OTHER,
        "https://example.org/bawaslu",
        "https://example.org/bawaslu",
        "https://example.org/bawaslu",
    ),
]


@pytest.mark.parametrize(("platform", "raw", "handle", "url"), GOOD)
def test_good_inputs(platform: P, raw: str, handle: str, url: str) -> None:
    identity = normalize_account_identity(platform, raw)
    assert (identity.handle, identity.url, identity.warnings) == (handle, url, ())
    # Idempotent, from the URL and from the handle.
    if url:
        assert normalize_account_identity(platform, url) == identity
    assert normalize_account_identity(platform, handle).handle == handle


BAD = [
    (P.INSTAGRAM, "", "handle_empty"),
    (P.INSTAGRAM, "@", "handle_empty"),
    (P.INSTAGRAM, "a" * 31, "handle_too_long"),
    (P.INSTAGRAM, ".bawaslu", "handle_dot_position"),
    (P.INSTAGRAM, "bawaslu.", "handle_dot_position"),
    (P.INSTAGRAM, "bawaslu..buol", "handle_double_dot"),
    (P.INSTAGRAM, "bawaslu-buol", "handle_invalid_chars"),
    (P.INSTAGRAM, "bawaslu buol", "handle_invalid_chars"),
    (P.INSTAGRAM, "bawaslú", "handle_invalid_chars"),
    (P.INSTAGRAM, "explore", "handle_reserved"),
    (P.INSTAGRAM, "https://www.instagram.com/p/C2abcDEF/", "url_not_profile"),
    (P.INSTAGRAM, "instagram.com/reel/C2abcDEF", "url_not_profile"),
    (P.INSTAGRAM, "instagram.com/explore/tags/pilkada/", "url_not_profile"),
    (P.INSTAGRAM, "instagram.com/stories/bawaslu.buol/123", "url_not_profile"),
    (P.INSTAGRAM, "https://www.instagram.com/", "url_not_profile"),
    (P.INSTAGRAM, "help.instagram.com/1234", "url_not_profile"),
    (P.INSTAGRAM, "https://facebook.com/bawaslu.buol", "url_wrong_site"),
    (P.INSTAGRAM, "example.com/bawaslu", "url_wrong_site"),
    (P.INSTAGRAM, "ftp://instagram.com/bawaslu", "url_malformed"),
    (P.INSTAGRAM, "https://[instagram.com/x", "url_malformed"),
    (P.X, "a" * 16, "handle_too_long"),
    (P.X, "bawaslu.buol", "handle_invalid_chars"),
    (P.X, "home", "handle_reserved"),
    (P.X, "https://x.com/home", "url_not_profile"),
    (P.X, "https://twitter.com/search?q=bawaslu", "url_not_profile"),
    (P.X, "https://x.com/i/flow/login", "url_not_profile"),
    (P.X, "https://x.com/hashtag/Pilkada2024", "url_not_profile"),
    (P.X, "https://t.co/abc123", "url_short_link"),
    (P.X, "https://instagram.com/bawaslu", "url_wrong_site"),
    (P.TIKTOK, "a", "handle_too_short"),
    (P.TIKTOK, "a" * 25, "handle_too_long"),
    (P.TIKTOK, "bawaslu.", "handle_dot_position"),
    (P.TIKTOK, "bawaslu-buol", "handle_invalid_chars"),
    (P.TIKTOK, "https://www.tiktok.com/bawaslu.buol", "url_not_profile"),
    (P.TIKTOK, "https://www.tiktok.com/tag/pilkada", "url_not_profile"),
    (P.TIKTOK, "https://vm.tiktok.com/ZSNabc123/", "url_short_link"),
    (P.TIKTOK, "vt.tiktok.com/ZSNabc123/", "url_short_link"),
    (P.FACEBOOK_PAGE, "https://www.facebook.com/groups/123456789", "url_facebook_group"),
    (P.FACEBOOK_PAGE, "https://www.facebook.com/share/1AbCdEf/", "url_share_link"),
    (P.FACEBOOK_PAGE, "https://www.facebook.com/watch/?v=123", "url_not_profile"),
    (P.FACEBOOK_PAGE, "https://www.facebook.com/events/123", "url_not_profile"),
    (P.FACEBOOK_PAGE, "https://www.facebook.com/profile.php", "url_not_profile"),
    (P.FACEBOOK_PAGE, "https://www.facebook.com/profile.php?id=abc", "url_not_profile"),
    (P.FACEBOOK_PAGE, "https://www.facebook.com/", "url_not_profile"),
    (P.FACEBOOK_PAGE, "https://www.facebook.com/pages/", "url_not_profile"),
    (P.FACEBOOK_PAGE, "https://business.facebook.com/latest/home", "url_not_profile"),
    (P.FACEBOOK_PAGE, "bawaslu_buol", "handle_invalid_chars"),
    (P.FACEBOOK_PAGE, "ab", "handle_too_short"),
    (P.FACEBOOK_PAGE, "https://x.com/bawaslu", "url_wrong_site"),
    (P.YOUTUBE, "@ab", "handle_too_short"),
    (P.YOUTUBE, "@" + "a" * 31, "handle_too_long"),
    (P.YOUTUBE, "@bawaslu buol", "handle_invalid_chars"),
    (P.YOUTUBE, "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "url_not_profile"),
    (P.YOUTUBE, "https://www.youtube.com/shorts/abc", "url_not_profile"),
    (P.YOUTUBE, "https://www.youtube.com/channel/UCshort", "url_not_profile"),
    (P.YOUTUBE, "https://youtu.be/dQw4w9WgXcQ", "url_short_link"),
    (P.YOUTUBE, "https://music.youtube.com/channel/UCabcdefghijklmnopqrstuv", "url_not_profile"),
    (P.EMAIL, "panwascam.biau", "email_missing_at"),
    (P.PHONE, "0812", "phone_too_short"),
    (P.OTHER, "   ", "handle_empty"),
    (P.OTHER, "a\x00b", "handle_invalid_chars"),
    (P.OTHER, "a" * 201, "handle_too_long"),
]


@pytest.mark.parametrize(("platform", "raw", "code"), BAD)
def test_bad_inputs(platform: P, raw: str, code: str) -> None:
    with pytest.raises(InvalidValue) as info:
        normalize_account_identity(platform, raw)
    assert info.value.code == code
    assert info.value.field == "handle"
    assert isinstance(info.value, ValidationError)
    assert str(info.value)


def test_field_name_can_be_chosen() -> None:
    with pytest.raises(InvalidValue) as info:
        normalize_account_identity(P.EMAIL, "nope", field="recovery_email")
    assert info.value.field == "recovery_email"


@pytest.mark.parametrize(
    ("raw", "handle", "url"),
    [
        (
            "https://www.facebook.com/profile.php?id=100083123456789",
            "100083123456789",
            "https://www.facebook.com/profile.php?id=100083123456789",
        ),
        (
            "facebook.com/profile.php?id=100083123456789&sk=about",
            "100083123456789",
            "https://www.facebook.com/profile.php?id=100083123456789",
        ),
        (
            "https://www.facebook.com/people/Budi-Santoso/100012345678901/",
            "100012345678901",
            "https://www.facebook.com/profile.php?id=100012345678901",
        ),
    ],
)
def test_facebook_profile_links_warn(raw: str, handle: str, url: str) -> None:
    identity = normalize_account_identity(P.FACEBOOK_PAGE, raw)
    assert identity == Identity(handle, url, (WARN_FACEBOOK_PROFILE,))
    assert normalize_account_identity(P.FACEBOOK_PAGE, identity.url) == identity


def test_landline_warns() -> None:
    identity = normalize_account_identity(P.PHONE, "(0445) 21234")
    assert identity == Identity("+6244521234", "tel:+6244521234", (WARN_PHONE_LANDLINE,))


# --- hypothesis: any valid handle survives URL -> handle -> URL --------------------------


def _words(text: str) -> set[str]:
    return set(text.split())


# Written out independently of the module: paths that are pages of the platform, not users.
IG_RESERVED = _words(
    "p reel reels tv stories explore accounts direct about developer legal web challenge "
    "emails session oauth api graphql static privacy terms directory ar s _u"
)
X_RESERVED = _words(
    "home explore search i intent settings messages notifications login logout signup tos "
    "privacy hashtag share compose account jobs about download lists communities premium "
    "bookmarks topics"
)

ig_names = st.from_regex(r"[A-Za-z0-9._]{1,30}", fullmatch=True).filter(
    lambda s: (
        not s.startswith(".")
        and not s.endswith(".")
        and ".." not in s
        and s.lower() not in IG_RESERVED
    )
)
x_names = st.from_regex(r"[A-Za-z0-9_]{1,15}", fullmatch=True).filter(
    lambda s: s.lower() not in X_RESERVED
)
tiktok_names = st.from_regex(r"[A-Za-z0-9._]{2,24}", fullmatch=True).filter(
    lambda s: not s.endswith(".")
)
yt_names = st.from_regex(r"[A-Za-z0-9._-]{3,30}", fullmatch=True)

prefixes = st.sampled_from(["", "http://", "https://", "https://www.", "www.", "https://m."])
suffixes = st.sampled_from(["", "/", "?utm_source=wa", "/?igsh=abc123", "#x"])

URL_FORMS = {
    P.INSTAGRAM: (ig_names, ["instagram.com/{}"], "@{}", True),
    P.X: (x_names, ["x.com/{}", "twitter.com/{}"], "@{}", True),
    P.TIKTOK: (tiktok_names, ["tiktok.com/@{}"], "@{}", True),
    P.YOUTUBE: (yt_names, ["youtube.com/@{}"], "@{}", False),
}


@pytest.mark.parametrize("platform", list(URL_FORMS))
@given(data=st.data())
def test_valid_handles_survive_url_round_trip(platform: P, data: st.DataObject) -> None:
    names, templates, handle_form, lower = URL_FORMS[platform]
    name = data.draw(names)
    template = data.draw(st.sampled_from(templates))
    url = data.draw(prefixes) + template.format(name) + data.draw(suffixes)
    expected = handle_form.format(name.lower() if lower else name)
    from_url = normalize_account_identity(platform, url)
    assert from_url.handle == expected
    from_handle = normalize_account_identity(platform, from_url.handle)
    assert from_handle == from_url
    assert normalize_account_identity(platform, from_url.url) == from_url
    assert normalize_account_identity(platform, name) == from_url


fb_names = st.from_regex(r"[A-Za-z0-9.]{3,50}", fullmatch=True).filter(
    lambda s: not s.startswith(".") and not s.endswith(".") and ".." not in s and not s.isdigit()
)


@given(name=fb_names, prefix=prefixes, suffix=suffixes)
def test_facebook_usernames_round_trip(name: str, prefix: str, suffix: str) -> None:
    assume(
        name.lower()
        not in {
            "photo.php",
            "photos",
            "login.php",
            "home.php",
            "story.php",
            "sharer.php",
            "l.php",
            "permalink.php",
        }
    )
    try:
        identity = normalize_account_identity(
            P.FACEBOOK_PAGE, f"{prefix}facebook.com/{name}{suffix}"
        )
    except InvalidValue as err:
        # A path of the platform such as /events or /groups, or a host name such as fb.com.
        assert err.code in {
            "url_not_profile",
            "url_facebook_group",
            "url_share_link",
            "handle_reserved",
        }
        return
    assert identity.handle == name
    assert normalize_account_identity(P.FACEBOOK_PAGE, identity.url) == identity
    assert normalize_account_identity(P.FACEBOOK_PAGE, name) == identity


@pytest.mark.parametrize("platform", list(P))
@given(raw=st.text(max_size=80))
@example(raw="https://[")
@example(raw="//[x/y")
@example(raw="instagram.com:99999/x")
@example(raw="+")
def test_anything_either_normalises_idempotently_or_is_a_validation_error(
    platform: P, raw: str
) -> None:
    try:
        identity = normalize_account_identity(platform, raw)
    except InvalidValue as err:
        assert err.code and err.field == "handle"
        return
    again = normalize_account_identity(platform, identity.url or identity.handle)
    assert again == identity
    assert normalize_account_identity(platform, identity.handle).handle == identity.handle


# --- e-mail ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("panwascam.biau@gmail.com", "panwascam.biau@gmail.com"),
        ("  Panwascam.Biau@GMAIL.COM\t", "Panwascam.Biau@gmail.com"),
        ("mailto:humas@Buol.Bawaslu.go.id", "humas@buol.bawaslu.go.id"),
        ("mailto:humas@bawaslu.go.id?subject=BAST", "humas@bawaslu.go.id"),
        ("Humas Bawaslu Buol <humas@buol.bawaslu.go.id>", "humas@buol.bawaslu.go.id"),
        ("first.last+tag@example.co.id", "first.last+tag@example.co.id"),
        ("o'brien@example.com", "o'brien@example.com"),
        ("user@example.com.", "user@example.com"),
        ("user@bücher.de", "user@xn--bcher-kva.de"),
        ("a@xn--p1ai.xn--p1ai", "a@xn--p1ai.xn--p1ai"),
    ],
)
def test_good_emails(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected
    assert normalize_email(expected) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "email_empty"),
        ("mailto:", "email_empty"),
        ("panwascam.biau", "email_missing_at"),
        ("@gmail.com", "email_bad_local"),
        (".a@gmail.com", "email_bad_local"),
        ("a.@gmail.com", "email_bad_local"),
        ("a..b@gmail.com", "email_bad_local"),
        ("a b@gmail.com", "email_bad_local"),
        ("a@b@gmail.com", "email_bad_local"),
        ("a" * 65 + "@gmail.com", "email_bad_local"),
        ('"quoted"@gmail.com', "email_bad_local"),
        ("a@", "email_bad_domain"),
        ("a@localhost", "email_bad_domain"),
        ("a@gmail", "email_bad_domain"),
        ("a@gmail..com", "email_bad_domain"),
        ("a@-gmail.com", "email_bad_domain"),
        ("a@gmail-.com", "email_bad_domain"),
        ("a@gma_il.com", "email_bad_domain"),
        ("a@gmail.c", "email_bad_domain"),
        ("a@gmail.c0m", "email_bad_domain"),
        ("a@192.168.1.1", "email_bad_domain"),
        ("a@" + "b" * 64 + ".com", "email_bad_domain"),
        ("a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".com", "email_too_long"),
    ],
)
def test_bad_emails(raw: str, code: str) -> None:
    with pytest.raises(InvalidValue) as info:
        normalize_email(raw)
    assert (info.value.code, info.value.field) == (code, "email")


@given(st.emails())
def test_generated_emails_are_accepted_and_stable(email: str) -> None:
    try:
        once = normalize_email(email)
    except InvalidValue as err:
        assert err.code == "email_too_long"
        return
    assert normalize_email(once) == once
    assert once.rpartition("@")[2] == once.rpartition("@")[2].lower()


@pytest.mark.parametrize(
    ("email", "official", "personal"),
    [
        ("humas@bawaslu.go.id", True, False),
        ("Humas@BUOL.Bawaslu.go.id", True, False),
        ("  datin@sulteng.bawaslu.go.id ", True, False),
        ("panwascam.biau@gmail.com", False, True),
        ("panwascam.biau@yahoo.co.id", False, True),
        ("someone@ymail.com", False, True),
        ("someone@outlook.com", False, True),
        ("someone@hotmail.com", False, True),
        ("someone@yahoo.com", False, True),
        ("x@notbawaslu.go.id", False, False),
        ("x@bawaslu.go.id.example.com", False, False),
        ("x@kpu.go.id", False, False),
        ("not an address", False, False),
    ],
)
def test_official_and_personal_email(email: str, official: bool, personal: bool) -> None:
    assert email_looks_official(email) is official
    assert email_is_personal_provider(email) is personal


# --- phone numbers ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "canonical", "display", "kind"),
    [
        ("081234567890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("0812-3456-7890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("0812 3456 7890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("0812.3456.7890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("+62 812-3456-7890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("+62 (0) 812 3456 7890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("+620812 3456 7890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("6281234567890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("006281234567890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("81234567890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("tel:+6281234567890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("(0812) 3456-7890", "+6281234567890", "0812-3456-7890", PhoneKind.MOBILE),
        ("0811-123-456", "+62811123456", "0811-123-456", PhoneKind.MOBILE),
        ("08123456789", "+628123456789", "0812-3456-789", PhoneKind.MOBILE),
        ("0812-3456-78901", "+62812345678901", "0812-3456-78901", PhoneKind.MOBILE),
        ("0852 1234 5678", "+6285212345678", "0852-1234-5678", PhoneKind.MOBILE),
        ("0896-1234-5678", "+6289612345678", "0896-1234-5678", PhoneKind.MOBILE),
        ("021-1234-5678", "+622112345678", "(021) 1234-5678", PhoneKind.LANDLINE),
        ("(021) 5551234", "+62215551234", "(021) 555-1234", PhoneKind.LANDLINE),
        ("(0445) 21234", "+6244521234", "(0445) 21234", PhoneKind.LANDLINE),
        ("0445-212345", "+62445212345", "(0445) 212345", PhoneKind.LANDLINE),
        ("+62 911 312345", "+62911312345", "(0911) 312345", PhoneKind.LANDLINE),
    ],
)
def test_good_phones(raw: str, canonical: str, display: str, kind: PhoneKind) -> None:
    phone = normalize_phone(raw)
    assert (phone.canonical, phone.display, phone.kind) == (canonical, display, kind)
    assert normalize_phone(phone.display) == phone
    assert normalize_phone(phone.canonical) == phone


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "phone_empty"),
        ("  - ", "phone_empty"),
        ("0812-3456-789O", "phone_invalid_chars"),
        ("0812/3456#7890", "phone_invalid_chars"),
        ("٠٨١٢٣٤٥٦٧٨٩٠", "phone_invalid_chars"),
        ("+1 202 555 0143", "phone_bad_country"),
        ("0060 12 345 6789", "phone_bad_country"),
        ("0800-1-234567", "phone_bad_prefix"),
        ("0841-2345-6789", "phone_bad_prefix"),
        ("0112345678", "phone_bad_prefix"),
        ("12345678", "phone_bad_prefix"),
        ("+62", "phone_bad_prefix"),
        ("0812-345", "phone_too_short"),
        ("0812-3456", "phone_too_short"),
        ("0812-3456-789012", "phone_too_long"),
        ("021-123", "phone_too_short"),
        ("021-1234-567890", "phone_too_long"),
    ],
)
def test_bad_phones(raw: str, code: str) -> None:
    with pytest.raises(InvalidValue) as info:
        normalize_phone(raw)
    assert (info.value.code, info.value.field) == (code, "phone")


mobile_nsn = st.builds(
    lambda second, rest: "8" + second + rest,
    st.sampled_from("1235679"),
    st.from_regex(r"[0-9]{7,10}", fullmatch=True),
)
separators = st.sampled_from(["", " ", "-", ".", " - "])


def _spread(digits: str, sep: str, cuts: list[int]) -> str:
    pieces, last = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(digits[last:cut])
        last = cut
    pieces.append(digits[last:])
    return sep.join(p for p in pieces if p)


@given(
    nsn=mobile_nsn,
    sep=separators,
    cuts=st.lists(st.integers(1, 12), max_size=3),
    form=st.sampled_from(["0{}", "+62{}", "62{}", "{}", "+62 {}", "0062{}", "+62 (0){}"]),
)
def test_phone_forms_round_trip(nsn: str, sep: str, cuts: list[int], form: str) -> None:
    raw = form.format(_spread(nsn, sep, cuts))
    phone = normalize_phone(raw)
    assert phone.canonical == "+62" + nsn
    assert phone.kind is PhoneKind.MOBILE
    assert re.fullmatch(r"08\d{2}-\d{3,4}-\d{3,5}", phone.display)
    assert phone.display.replace("-", "") == "0" + nsn
    assert normalize_phone(phone.display) == phone
    assert normalize_phone(phone.canonical) == phone


landline_nsn = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("2345679"),
    st.from_regex(r"[0-9]{6,10}", fullmatch=True),
)


@given(nsn=landline_nsn)
def test_landline_round_trip(nsn: str) -> None:
    phone = normalize_phone("0" + nsn)
    assert phone.kind is PhoneKind.LANDLINE and phone.canonical == "+62" + nsn
    assert re.sub(r"\D", "", phone.display) == "0" + nsn
    assert normalize_phone(phone.display) == phone


# --- Excel damage -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (81234567890, "+6281234567890"),
        (81234567890.0, "+6281234567890"),
        (8.123456789e10, "+6281234567890"),
        (8.12345678901e11, "+62812345678901"),
        (Decimal("81234567890"), "+6281234567890"),
        ("81234567890.0", "+6281234567890"),
        ("81234567890", "+6281234567890"),
        ("8.1234567890E+10", "+6281234567890"),
        ("8.12345678901E+11", "+62812345678901"),
        ("'081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        (6281234567890, "+6281234567890"),
        (6281234567890.0, "+6281234567890"),
        (2112345678, "+622112345678"),  # (021) 1234-5678 without its 0
        (445212345, "+62445212345"),
        ("8.12346E+10", None),  # Excel rounded the digits away: never guess
        ("8.1234567E+9", None),
        (8.12345678901e10, None),  # 81234567890.1: not a whole number
        (81234567890.5, None),
        (float("nan"), None),
        (float("inf"), None),
        (0, None),
        (-81234567890, None),
        (True, None),
        (None, None),
        ("", None),
        ("   ", None),
        ("bukan nomor", None),
        (12345, None),
        (1234567890123456, None),
        (object(), None),
        pytest.param(10**5000, None, id="huge-int"),  # never print a 5000-digit int
        (Decimal("1E+1000000000"), None),
        (Decimal("NaN"), None),
        ("9E+999999999", None),
    ],
)
def test_repair_excel_phone(value: object, expected: str | None) -> None:
    assert repair_excel_phone(value) == expected


@given(nsn=mobile_nsn)
def test_excel_numbers_repair_to_the_phone(nsn: str) -> None:
    expected = "+62" + nsn
    assert repair_excel_phone(int(nsn)) == expected
    assert repair_excel_phone(float(nsn)) == expected
    assert repair_excel_phone(f"{nsn}.0") == expected
    assert repair_excel_phone(f"{float(nsn):.{len(nsn) - 1}E}") == expected
