"""Password generator: lengths, character sets, look-alikes, passphrases, real randomness."""

from __future__ import annotations

import math
import secrets
import string

import pytest

from brankas.core import passgen
from brankas.core.errors import InvalidValue
from brankas.core.passgen import (
    LOOK_ALIKES,
    SYMBOLS,
    CharSet,
    PassphraseOptions,
    PasswordOptions,
    generate_passphrase,
    generate_password,
    passphrase_bits,
    password_bits,
    word_list,
)


@pytest.mark.parametrize("length", [8, 9, 20, 64, 128])
def test_length_is_exact(length: int) -> None:
    assert len(generate_password(PasswordOptions(length=length))) == length


@pytest.mark.parametrize("length", [0, 7, 129])
def test_length_out_of_range_is_refused(length: int) -> None:
    with pytest.raises(InvalidValue) as info:
        generate_password(PasswordOptions(length=length))
    assert info.value.field == "length" and info.value.code == "passgen_length"


def test_no_sets_is_refused() -> None:
    with pytest.raises(InvalidValue) as info:
        generate_password(PasswordOptions(sets=frozenset()))
    assert info.value.code == "passgen_no_sets"


@pytest.mark.parametrize(
    ("sets", "allowed"),
    [
        ({CharSet.DIGITS}, string.digits),
        ({CharSet.LOWER}, string.ascii_lowercase),
        ({CharSet.UPPER, CharSet.DIGITS}, string.ascii_uppercase + string.digits),
        ({CharSet.SYMBOLS, CharSet.LOWER}, SYMBOLS + string.ascii_lowercase),
    ],
)
def test_only_chosen_sets_are_used_and_each_appears(sets: set[CharSet], allowed: str) -> None:
    groups = {
        CharSet.UPPER: string.ascii_uppercase,
        CharSet.LOWER: string.ascii_lowercase,
        CharSet.DIGITS: string.digits,
        CharSet.SYMBOLS: SYMBOLS,
    }
    for _ in range(200):
        pw = generate_password(
            PasswordOptions(length=8, sets=frozenset(sets), avoid_look_alikes=False)
        )
        assert set(pw) <= set(allowed)
        for s in sets:  # at least one of every chosen set, even at the minimum length
            assert set(pw) & set(groups[s])


def test_look_alikes_are_left_out() -> None:
    seen: set[str] = set()
    for _ in range(300):
        pw = generate_password(PasswordOptions(length=64, avoid_look_alikes=True))
        seen |= set(pw)
    assert not seen & LOOK_ALIKES
    assert {"O", "0", "l", "1", "I"} <= LOOK_ALIKES
    # and without the option they do appear (the test can fail)
    seen.clear()
    for _ in range(300):
        seen |= set(generate_password(PasswordOptions(length=64, avoid_look_alikes=False)))
    assert seen & LOOK_ALIKES


def test_passwords_differ_and_cover_the_alphabet() -> None:
    made = {generate_password() for _ in range(500)}
    assert len(made) == 500
    chars = set("".join(made))
    expected = set("".join(passgen.alphabet(frozenset(CharSet), True).values()))
    assert chars == expected


def test_uses_the_secrets_module(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_choice, real_below = secrets.choice, secrets.randbelow

    def choice(seq: str) -> str:
        calls.append("choice")
        return real_choice(seq)

    def randbelow(n: int) -> int:
        calls.append("randbelow")
        return real_below(n)

    monkeypatch.setattr(passgen.secrets, "choice", choice)
    monkeypatch.setattr(passgen.secrets, "randbelow", randbelow)
    generate_password(PasswordOptions(length=12))
    assert calls.count("choice") == 12 and calls.count("randbelow") == 11
    calls.clear()
    generate_passphrase(PassphraseOptions(words=4, add_digit=True))
    assert calls.count("choice") == 4 and calls.count("randbelow") == 2


@pytest.mark.parametrize("words", [3, 4, 6, 12])
def test_passphrase_word_count(words: int) -> None:
    phrase = generate_passphrase(PassphraseOptions(words=words, separator="-"))
    parts = phrase.split("-")
    assert len(parts) == words
    assert all(p in word_list() for p in parts)


def test_passphrase_options() -> None:
    phrase = generate_passphrase(
        PassphraseOptions(words=5, separator=" ", capitalize=True, add_digit=True)
    )
    parts = phrase.split(" ")
    assert len(parts) == 5
    assert all(p[0].isupper() for p in parts)
    assert sum(ch.isdigit() for ch in phrase) == 1
    assert "".join(generate_passphrase(PassphraseOptions(words=3, separator="")).split()) != ""


@pytest.mark.parametrize(("words", "sep"), [(2, "-"), (13, "-"), (4, "ab"), (4, "x")])
def test_passphrase_bad_options(words: int, sep: str) -> None:
    with pytest.raises(InvalidValue) as info:
        generate_passphrase(PassphraseOptions(words=words, separator=sep))
    assert info.value.code in ("passgen_words", "passgen_separator")


def test_word_list_is_large_plain_and_unique() -> None:
    words = word_list()
    assert len(words) >= 500
    assert len(set(words)) == len(words)
    assert all(w.isascii() and w.isalpha() and w.islower() and 3 <= len(w) <= 10 for w in words)


def test_entropy_estimates() -> None:
    full = PasswordOptions(length=20, avoid_look_alikes=False)
    assert password_bits(full) == pytest.approx(20 * math.log2(26 + 26 + 10 + len(SYMBOLS)))
    assert password_bits(PasswordOptions(length=20)) < password_bits(full)
    six = passphrase_bits(PassphraseOptions(words=6))
    assert six == pytest.approx(6 * math.log2(len(word_list())))
    assert six > 55
