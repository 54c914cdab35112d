"""Password and passphrase generator (cryptographic randomness from ``secrets``)."""

from __future__ import annotations

import math
import secrets
import string
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Final

from brankas.core.errors import InvalidValue

MIN_LENGTH: Final = 8
MAX_LENGTH: Final = 128
MIN_WORDS: Final = 3
MAX_WORDS: Final = 12
DEFAULT_LENGTH: Final = 20
DEFAULT_WORDS: Final = 6

# Characters people misread on paper or in a small font (DOMAIN.md: passwords are handed
# over in person and typed on phones): 0/O/o, 1/l/I/|, 5/S, 2/Z, 8/B, and quote marks.
LOOK_ALIKES: Final = frozenset("0Oo1lI|5S2Z8B`'\"")
# Symbols that type on every keyboard layout (phones included), read clearly on paper and
# survive being pasted into web forms: no dots, commas, colons, tildes or carets.
SYMBOLS: Final = "!#$%&*+-=?@_"


class CharSet(StrEnum):
    """A group of characters a generated password may draw from."""

    UPPER = "upper"
    LOWER = "lower"
    DIGITS = "digits"
    SYMBOLS = "symbols"


_CHARS: Final[dict[CharSet, str]] = {
    CharSet.UPPER: string.ascii_uppercase,
    CharSet.LOWER: string.ascii_lowercase,
    CharSet.DIGITS: string.digits,
    CharSet.SYMBOLS: SYMBOLS,
}


@dataclass(frozen=True, slots=True)
class PasswordOptions:
    """How to build a random password."""

    length: int = DEFAULT_LENGTH
    sets: frozenset[CharSet] = frozenset(CharSet)
    avoid_look_alikes: bool = True


@dataclass(frozen=True, slots=True)
class PassphraseOptions:
    """How to build a passphrase from the Indonesian word list."""

    words: int = DEFAULT_WORDS
    separator: str = "-"
    capitalize: bool = False
    add_digit: bool = False


def alphabet(sets: frozenset[CharSet], avoid_look_alikes: bool) -> dict[CharSet, str]:
    """The characters of each chosen set (look-alikes removed when asked)."""
    out: dict[CharSet, str] = {}
    for s in CharSet:  # a fixed order, whatever order the caller's set has
        if s in sets:
            chars = _CHARS[s]
            if avoid_look_alikes:
                chars = "".join(c for c in chars if c not in LOOK_ALIKES)
            out[s] = chars
    return out


def generate_password(options: PasswordOptions | None = None) -> str:
    """A random password with at least one character of every chosen set.

    Args:
        options: length, character sets and whether to avoid look-alike characters
            (None: the defaults).

    Returns:
        The password (never logged by this module).

    Raises:
        InvalidValue: field ``length``, code ``passgen_length`` (outside 8–128 or shorter
            than the number of sets); field ``sets``, code ``passgen_no_sets``.
    """
    options = options or PasswordOptions()
    groups = alphabet(options.sets, options.avoid_look_alikes)
    if not groups:
        raise InvalidValue(
            "choose at least one character set", field="sets", code="passgen_no_sets"
        )
    if not MIN_LENGTH <= options.length <= MAX_LENGTH or options.length < len(groups):
        raise InvalidValue(
            f"the length must be {MIN_LENGTH}-{MAX_LENGTH}", field="length", code="passgen_length"
        )
    pool = "".join(groups.values())
    # One from each set first, the rest from the whole pool, then an unbiased shuffle:
    # every chosen set is present without making any position predictable.
    chars = [secrets.choice(g) for g in groups.values()]
    chars += [secrets.choice(pool) for _ in range(options.length - len(chars))]
    for i in range(len(chars) - 1, 0, -1):
        j = secrets.randbelow(i + 1)
        chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


@cache
def word_list() -> tuple[str, ...]:
    """The Indonesian passphrase words shipped with Brankas (``wordlist_id.txt``)."""
    text = resources.files("brankas.core").joinpath("wordlist_id.txt").read_text("utf-8")
    words = (w.strip() for w in text.splitlines())
    return tuple(dict.fromkeys(w for w in words if w and not w.startswith("#")))


def generate_passphrase(options: PassphraseOptions | None = None) -> str:
    """Random words from :func:`word_list`, joined by the separator.

    Args:
        options: how many words, the separator, capitalised words, one added digit
            (None: the defaults).

    Returns:
        The passphrase, e.g. ``"bambu-telaga-jeruk-pelita-rotan-sawah"``.

    Raises:
        InvalidValue: field ``words``, code ``passgen_words`` (outside 3–12); field
            ``separator``, code ``passgen_separator`` (more than one character or a letter).
    """
    options = options or PassphraseOptions()
    if not MIN_WORDS <= options.words <= MAX_WORDS:
        raise InvalidValue(
            f"the number of words must be {MIN_WORDS}-{MAX_WORDS}",
            field="words",
            code="passgen_words",
        )
    sep = options.separator
    if len(sep) > 1 or sep.isalpha():
        raise InvalidValue(
            "the separator is one character, not a letter",
            field="separator",
            code="passgen_separator",
        )
    words = word_list()
    chosen = [secrets.choice(words) for _ in range(options.words)]
    if options.capitalize:
        chosen = [w.capitalize() for w in chosen]
    if options.add_digit:
        i = secrets.randbelow(len(chosen))
        chosen[i] += str(secrets.randbelow(10))
    return sep.join(chosen)


def password_bits(options: PasswordOptions) -> float:
    """Entropy of :func:`generate_password` with ``options``, in bits (an estimate that
    ignores the one-per-set rule, which removes very little)."""
    pool = sum(len(c) for c in alphabet(options.sets, options.avoid_look_alikes).values())
    return options.length * math.log2(pool) if pool > 1 else 0.0


def passphrase_bits(options: PassphraseOptions) -> float:
    """Entropy of :func:`generate_passphrase` with ``options``, in bits."""
    bits = options.words * math.log2(len(word_list()))
    if options.add_digit:
        bits += math.log2(10 * options.words)
    return bits
