"""Word-list passphrases: ``passkit.passphrase`` and :class:`PassphraseGenerator`.

A passphrase is ``words`` words drawn independently and uniformly from a word list, joined by a
separator, optionally capitalised and with one digit added. The options are checked so that two
different sequences of random choices can never spell the same passphrase; the outputs are then
exactly uniform over ``count`` distinct strings and ``entropy_bits == log2(count)`` with

    count = N ** words * (2 ** words if capitalize == "random") * (10 * words if digit)

where ``N`` is the number of usable words in the list.

Randomness: indices are drawn in bulk from ``os.urandom`` (through :mod:`passkit._csprng`; passkit
does not use :mod:`secrets`, which imports :mod:`random`) and mapped with exact rejection
(:func:`randbelow_many`), so no index is favoured by a modulo bias.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable

from passkit._csprng import randbelow_many
from passkit._wordlists import lazy, read_wordlist
from passkit.exceptions import OptionError

__all__ = ["PassphraseGenerator", "passphrase"]

WORDLISTS = ("eff-large", "eff-short-1", "eff-short-2")
"""Names of the shipped word lists: the EFF large list (7,776 words) and short lists 1 and 2 (1,296 each)."""

CAPITALIZE_MODES = ("none", "first", "upper", "random")
"""Values of ``capitalize``: as listed, each word capitalised, all upper case, each word at random."""

MAX_WORDS = 1000

_FILES = {"eff-large": "eff-large.txt", "eff-short-1": "eff-short-1.txt", "eff-short-2": "eff-short-2.txt"}


def _loader(filename: str) -> Callable[[], tuple[str, ...]]:
    return lazy(lambda: tuple(read_wordlist(filename)))


# One lazy loader per shipped list: each file is read once, on first use, behind a lock.
_LOADERS = {name: _loader(filename) for name, filename in _FILES.items()}

# A word is a lower-case ASCII letter followed by lower-case ASCII letters and hyphens: every word
# of the shipped lists has this shape, and custom lists must too (see ``PassphraseGenerator``).
_WORD = re.compile(r"[a-z][a-z-]*\Z")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = "0123456789"


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return value


def _resolve_words(wordlist: str | Iterable[str]) -> tuple[str, ...]:
    """The words of a shipped list by name, or a validated custom list."""
    if isinstance(wordlist, str):
        if wordlist not in _LOADERS:
            raise OptionError(f"wordlist must be one of {', '.join(WORDLISTS)} or a sequence of words")
        return _LOADERS[wordlist]()
    if not isinstance(wordlist, Iterable):
        raise TypeError(f"wordlist must be a list name or an iterable of str, not {type(wordlist).__name__}")
    words = tuple(wordlist)
    if not all(isinstance(word, str) for word in words):
        raise TypeError("every word of a custom wordlist must be a str")
    if not all(_WORD.match(word) for word in words):
        raise OptionError(
            "every word of a custom wordlist must be lower-case ASCII letters and hyphens, starting with a letter"
        )
    if len(set(words)) != len(words):
        raise OptionError("a custom wordlist must not repeat a word: remove the duplicates")
    return words


def _prefix_free(words: Iterable[str]) -> bool:
    """Whether no word is a proper prefix of another (in sorted order a prefix comes right before)."""
    ordered = sorted(words)
    return not any(b.startswith(a) for a, b in itertools.pairwise(ordered))


class PassphraseGenerator:
    """Generates passphrases of words drawn uniformly from a word list, with exact entropy.

    Only random choices count: each word (uniform over the usable words), with
    ``capitalize="random"`` each word's case (lower or capitalised, one bit per word), and with
    ``digit=True`` which word gets the digit and which digit (``10 * words`` equally likely
    choices). The options are checked so that different choices always give different strings,
    so ``entropy_bits`` is exactly log2 of the number of distinct, equally likely passphrases.

    Why outputs are unique: words hold only ASCII letters and hyphens, the separator may hold no
    ASCII letter (and no ASCII digit when ``digit=True``), and words sharing a character with the
    separator are left out; so every separator in the output is a maximal run of separator
    characters, which splits the passphrase back into its words. With an empty separator the
    boundaries must show another way: either ``capitalize="first"`` (each word, and only a word,
    starts with a capital) or a prefix-free list (no word is the beginning of another, which holds
    for all three EFF lists and survives ``"upper"`` and ``"random"`` capitalisation), so the
    passphrase parses left to right in only one way.

    Args:
        words: number of words, 1 to 1000.
        wordlist: ``"eff-large"`` (7,776 words), ``"eff-short-1"`` or ``"eff-short-2"`` (1,296
            each), or a sequence of your own words (unique, lower-case ASCII letters and hyphens,
            starting with a letter).
        separator: put between words; printable, no ASCII letters, no ASCII digits when
            ``digit=True``. Words holding any character of the separator are left out (with
            ``"-"``: ``drop-down``, ``felt-tip``, ``t-shirt``, ``yo-yo``).
        capitalize: ``"none"`` (as listed, lower case), ``"first"`` (every word capitalised),
            ``"upper"`` (every word upper case) or ``"random"`` (each word independently lower
            case or capitalised; adds one bit per word).
        digit: add one random digit 0-9 at the end of one randomly chosen word.

    Attributes:
        entropy_bits: exactly log2 of the number of equally likely passphrases.
        wordlist_size: number of usable words (after leaving out those holding the separator).
        words: number of words per passphrase.

    Raises:
        TypeError: an option has the wrong type.
        OptionError: an option value is invalid; the message says what to use instead.

    Example:
        >>> gen = PassphraseGenerator(words=6)
        >>> gen.wordlist_size, round(gen.entropy_bits, 2)
        (7772, 77.54)
        >>> len(gen.generate().split("-"))
        6
        >>> PassphraseGenerator(words=3, wordlist=["cat", "dog"], separator=" ").generate()  # doctest: +SKIP
        'dog cat dog'
    """

    __slots__ = ("_capitalize", "_count", "_digit", "_name", "_separator", "_table", "_wordlist_size", "_words")

    def __init__(
        self,
        *,
        words: int = 6,
        wordlist: str | Iterable[str] = "eff-large",
        separator: str = "-",
        capitalize: str = "none",
        digit: bool = False,
    ) -> None:
        words = _check_int("words", words)
        if not isinstance(separator, str):
            raise TypeError(f"separator must be a str, not {type(separator).__name__}")
        if not isinstance(capitalize, str):
            raise TypeError(f"capitalize must be a str, not {type(capitalize).__name__}")
        if not isinstance(digit, bool):
            raise TypeError(f"digit must be a bool, not {type(digit).__name__}")
        if not 1 <= words <= MAX_WORDS:
            raise OptionError(f"words must be from 1 to {MAX_WORDS}, got {words}")
        if capitalize not in CAPITALIZE_MODES:
            raise OptionError(f"capitalize must be one of {', '.join(CAPITALIZE_MODES)}")
        if not separator.isprintable():
            raise OptionError("separator must be printable (no tabs, newlines or control characters)")
        if not _ASCII_LETTERS.isdisjoint(separator):
            raise OptionError("separator must not contain letters: use punctuation or spaces, such as '-', '.' or ' '")
        if digit and not frozenset(_DIGITS).isdisjoint(separator):
            raise OptionError("separator must not contain digits when digit=True: the added digit would be ambiguous")
        all_words = _resolve_words(wordlist)
        if separator:
            usable = tuple(word for word in all_words if frozenset(separator).isdisjoint(word))
        else:
            usable = all_words
            if capitalize != "first" and not _prefix_free(usable):
                raise OptionError(
                    "an empty separator needs visible word boundaries: use capitalize='first', a separator"
                    " such as '-', or a word list where no word begins another (all EFF lists qualify)"
                )
        if len(usable) < 2:
            raise OptionError("the word list needs at least 2 usable words (words holding the separator are left out)")
        self._name = wordlist if isinstance(wordlist, str) else None
        self._words = words
        self._separator = separator
        self._capitalize = capitalize
        self._digit = digit
        self._wordlist_size = len(usable)
        if capitalize == "none":
            table = usable
        elif capitalize == "first":
            table = tuple(word.capitalize() for word in usable)
        elif capitalize == "upper":
            table = tuple(word.upper() for word in usable)
        else:  # "random": index v < N is the word as listed, v >= N the same word capitalised
            table = usable + tuple(word.capitalize() for word in usable)
        self._table = table
        self._count = len(table) ** words * (10 * words if digit else 1)

    @property
    def entropy_bits(self) -> float:
        """Exactly log2 of the number of distinct, equally likely passphrases."""
        return math.log2(self._count)

    @property
    def wordlist_size(self) -> int:
        """Number of usable words in the list (words holding the separator are left out)."""
        return self._wordlist_size

    @property
    def words(self) -> int:
        """Number of words in every passphrase."""
        return self._words

    def __repr__(self) -> str:
        wordlist = repr(self._name) if self._name is not None else f"<{self._wordlist_size} custom words>"
        return (
            f"PassphraseGenerator(words={self._words}, wordlist={wordlist}, separator={self._separator!r},"
            f" capitalize={self._capitalize!r}, digit={self._digit}, entropy_bits={self.entropy_bits:.2f})"
        )

    def generate(self) -> str:
        """Return one passphrase.

        Example:
            >>> PassphraseGenerator(words=4, capitalize="first", separator="").generate()  # doctest: +SKIP
            'CorrectHorseBatteryStaple'
            >>> PassphraseGenerator(words=4, capitalize="first", separator="").generate()[0].isupper()
            True
        """
        return self.generate_many(1)[0]

    def generate_many(self, n: int) -> list[str]:
        """Return ``n`` independent passphrases; the fast path for bulk work.

        Example:
            >>> phrases = PassphraseGenerator(words=5, wordlist="eff-short-2", separator=" ").generate_many(3)
            >>> [len(p.split(" ")) for p in phrases]
            [5, 5, 5]
        """
        n = _check_int("n", n)
        if n < 0:
            raise OptionError(f"n must be zero or more, got {n}")
        k = self._words
        table = self._table
        chosen = list(map(table.__getitem__, randbelow_many(len(table), n * k)))
        separator = self._separator
        if not self._digit:
            if k == 1:
                return chosen
            grouped = [iter(chosen)] * k
            return [separator.join(group) for group in zip(*grouped, strict=True)]
        out: list[str] = []
        for i, where in enumerate(randbelow_many(10 * k, n)):
            group = chosen[i * k : (i + 1) * k]
            position, digit = divmod(where, 10)
            group[position] += _DIGITS[digit]
            out.append(separator.join(group))
        return out


def passphrase(
    *,
    words: int = 6,
    wordlist: str | Iterable[str] = "eff-large",
    separator: str = "-",
    capitalize: str = "none",
    digit: bool = False,
) -> str:
    """Return one passphrase; the options are those of :class:`PassphraseGenerator`.

    For the entropy, build the generator: ``PassphraseGenerator(...).entropy_bits``.

    Example:
        >>> len(passphrase(words=4).split("-"))
        4
        >>> passphrase(words=4, capitalize="first", digit=True)  # doctest: +SKIP
        'Unfasten-Tacky3-Duchess-Ritzy'
    """
    generator = PassphraseGenerator(
        words=words, wordlist=wordlist, separator=separator, capitalize=capitalize, digit=digit
    )
    return generator.generate()
