"""Term-end checklist templates: shape, keys, wording and the kind-dependent last step."""

from __future__ import annotations

import re

import pytest

from brankas.core.domain.checklists import FINAL_STEP_KEY, Step, default_steps, final_step
from brankas.core.domain.enums import LifecycleKind, Platform

KINDS = [None, LifecycleKind.AD_HOC, LifecycleKind.PERMANENT]
KEY = re.compile(r"[a-z][a-z0-9_]*[a-z0-9]")
# Words that would betray an untranslated English text in the Indonesian column.
ENGLISH_WORDS = {"the", "and", "with", "remove", "make", "sure", "office", "account", "of"}


def _keys(platform: Platform, kind: LifecycleKind | None = None) -> list[str]:
    return [s.step_key for s in default_steps(platform, kind)]


@pytest.mark.parametrize("platform", list(Platform))
@pytest.mark.parametrize("kind", KINDS)
def test_shape_of_every_template(platform: Platform, kind: LifecycleKind | None) -> None:
    steps = default_steps(platform, kind)
    assert len(steps) >= 5
    assert all(isinstance(s, Step) for s in steps)
    keys = [s.step_key for s in steps]
    assert len(keys) == len(set(keys)), "step keys must be unique within a checklist"
    assert all(KEY.fullmatch(k) for k in keys)
    assert keys[-1] == FINAL_STEP_KEY and keys.count(FINAL_STEP_KEY) == 1
    for s in steps:
        for text in (s.text_id, s.text_en):
            assert text == text.strip() and "  " not in text
            assert text[0].isupper() and text.endswith(".")
            assert "{" not in text and "}" not in text
        assert s.text_id != s.text_en
        # Product names in parentheses, e.g. "(Brand Account)", are meant to stay English.
        plain = re.sub(r"\([^)]*\)", "", s.text_id)
        words = set(re.findall(r"[a-z]+", plain.lower()))
        assert not words & ENGLISH_WORDS, (s.step_key, words & ENGLISH_WORDS)


@pytest.mark.parametrize("platform", list(Platform))
def test_keys_do_not_depend_on_the_kind(platform: Platform) -> None:
    assert _keys(platform, None) == _keys(platform, LifecycleKind.AD_HOC)
    assert _keys(platform, None) == _keys(platform, LifecycleKind.PERMANENT)


@pytest.mark.parametrize("platform", list(Platform))
def test_final_step_wording_follows_the_kind(platform: Platform) -> None:
    ad_hoc = final_step(platform, LifecycleKind.AD_HOC)
    permanent = final_step(platform, LifecycleKind.PERMANENT)
    either = final_step(platform)
    assert "panitia berikutnya" in permanent.text_id
    assert "next committee" in permanent.text_en
    assert "panitia berikutnya" not in ad_hoc.text_id
    assert either.text_id.startswith(ad_hoc.text_id)
    assert "panitia berikutnya" in either.text_id and "next committee" in either.text_en
    assert default_steps(platform, LifecycleKind.PERMANENT)[-1] == permanent


def test_facebook_page_keeps_office_control_before_removing_members() -> None:
    keys = _keys(Platform.FACEBOOK_PAGE)
    for needed in (
        "two_officials_full_control",
        "remove_member_access",
        "sign_out_sessions",
        "replace_recovery",
        "two_factor",
        "backup_codes",
        "change_password",
    ):
        assert needed in keys
    assert keys.index("two_officials_full_control") < keys.index("remove_member_access")
    officials = default_steps(Platform.FACEBOOK_PAGE)[0]
    assert "dua pejabat" in officials.text_id and "kendali penuh" in officials.text_id
    remove = default_steps(Platform.FACEBOOK_PAGE)[1]
    assert "akses tugas" in remove.text_id and "task access" in remove.text_en


@pytest.mark.parametrize(
    "platform",
    [
        Platform.INSTAGRAM,
        Platform.X,
        Platform.TIKTOK,
        Platform.YOUTUBE,
        Platform.EMAIL,
        Platform.FACEBOOK_PAGE,
        Platform.OTHER,
    ],
)
def test_online_accounts_cover_the_recovery_chain(platform: Platform) -> None:
    keys = _keys(platform)
    for needed in ("change_password", "sign_out_sessions", "replace_recovery", "two_factor"):
        assert needed in keys


def test_phone_checklist_is_about_the_sim() -> None:
    keys = _keys(Platform.PHONE)
    for needed in (
        "sim_to_office",
        "change_sim_pin",
        "keep_number_active",
        "record_dependent_accounts",
    ):
        assert needed in keys
    assert "password" not in " ".join(keys)
    texts = " ".join(s.text_id for s in default_steps(Platform.PHONE))
    assert "PIN" in texts and "PUK" in texts and "kartu SIM" in texts


def test_email_checklist_guards_the_chain() -> None:
    keys = _keys(Platform.EMAIL)
    assert "check_forwarding" in keys and "record_dependent_accounts" in keys
    dependents = next(
        s for s in default_steps(Platform.EMAIL) if s.step_key == "record_dependent_accounts"
    )
    assert "alamat e-mail ini" in dependents.text_id


def test_x_warns_that_deactivation_deletes() -> None:
    text = final_step(Platform.X, LifecycleKind.AD_HOC)
    assert "30 hari" in text.text_id and "30 days" in text.text_en


def test_steps_are_immutable() -> None:
    step = default_steps(Platform.INSTAGRAM)[0]
    with pytest.raises(AttributeError):
        step.text_id = "x"  # type: ignore[misc]
