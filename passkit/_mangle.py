"""Phrase mangling: ``passkit.mangle``, explicit recipes, and random changes with exact entropy.

A phrase (kana or romaji) becomes a password in three stages:

1. **Romanise**: kana go through :func:`passkit.romanize` in the chosen ``system``; romaji and
   other characters pass through (kanji raise :class:`~passkit.exceptions.KanjiError`).
2. **Recipe**: a tuple of explicit, deterministic steps (:class:`Replace`, :class:`Drop`,
   :class:`Insert`, :class:`Append`, :class:`Leet`, :class:`Upper`, :class:`Lower`), applied in
   order. A recipe adds no entropy: an attacker who knows the phrase knows the recipe family too.
   :data:`EXAMPLE_RECIPE` reproduces the well-known advice はじめまして → ``H4j!meMAsiT``, and
   :func:`recipe_steps` lists every intermediate text for the docs.
3. **Random changes** (:class:`Mangler`, :func:`mangle`), drawn from the OS CSPRNG: each ASCII
   letter independently takes one of its forms (itself, the other case with ``case=True``, its
   l33t substitutes from :data:`LEET` with ``leet=True``), ``digits`` random digits are appended,
   then ``insert`` characters of :data:`INSERT_ALPHABET` are inserted at random positions.

Exactness. Different choices can spell the same string (inserting ``4`` just before or just after
an ``a`` that became ``4``). The set of distinct outputs is the language, of one fixed length, of
a small automaton whose state is the set of possible insertion counts so far; passkit counts that
language exactly and draws one rank uniformly below the count, then spells the string of that rank
(count-guided unranking). So every distinct output is equally likely and
``entropy_bits == log2(count)``, the number of distinct outputs given the phrase and the options.

The estimate is what counts: a random change to a common phrase adds only ``entropy_bits``
to what an attacker must try, so when :func:`passkit.estimate` finds the phrase itself easy to
guess, the result carries a plain ``warning`` (English or Japanese).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar

from passkit._csprng import randbelow_many
from passkit._estimate import Estimate, estimate
from passkit._messages import check_locale
from passkit._romaji import romanize
from passkit.exceptions import OptionError

__all__ = [
    "DIGITS",
    "EXAMPLE_RECIPE",
    "INSERT_ALPHABET",
    "LEET",
    "MAX_DIGITS",
    "MAX_INSERT",
    "MAX_PHRASE_LENGTH",
    "Append",
    "Drop",
    "Insert",
    "Leet",
    "Lower",
    "Mangled",
    "Mangler",
    "Replace",
    "Step",
    "Upper",
    "apply_recipe",
    "mangle",
    "recipe_steps",
]

MAX_PHRASE_LENGTH = 256
"""Longest accepted phrase, in code points (before romanisation)."""
MAX_INSERT = 4
"""Most random characters :class:`Mangler` inserts."""
MAX_DIGITS = 16
"""Most random digits :class:`Mangler` appends."""
DIGITS = "0123456789"
INSERT_ALPHABET = "0123456789!#$%&*-?@_"
"""Characters :class:`Mangler` inserts: the ten digits and ten symbols easy to type on US and JIS keyboards."""
LEET: Mapping[str, str] = MappingProxyType(
    {
        "a": "4@",
        "b": "8",
        "e": "3",
        "g": "9",
        "i": "1!",
        "l": "1",
        "o": "0",
        "s": "5$",
        "t": "7",
        "z": "2",
    }
)
"""l33t substitutes per lower-case letter used by random mangling."""

_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LEET_WHICH = ("first", "last", "all")
_WEAK_LOG10 = 10.0  # zxcvbn's score-4 threshold: below 10**10 guesses a phrase counts as guessable


def _check_str(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return value


def _check_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def _index(name: str, position: int, length: int, *, allow_end: bool = False) -> int:
    """A non-negative index for ``position`` (negative counts from the end); never echoes the text."""
    limit = length + 1 if allow_end else length
    index = position + length if position < 0 else position
    if not 0 <= index < limit:
        raise OptionError(f"{name}: position {position} is outside the text; the recipe does not fit this phrase")
    return index


# --- Recipe steps -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Replace:
    """Replace every occurrence of ``old`` with ``new`` (``Replace("shi", "si")``).

    Example:
        >>> Replace("shi", "si").apply("hajimemashite")
        'hajimemasite'
    """

    old: str
    new: str

    def __post_init__(self) -> None:
        _check_str("Replace.old", self.old)
        _check_str("Replace.new", self.new)
        if not self.old:
            raise OptionError("Replace.old must not be empty")

    def apply(self, text: str) -> str:
        """Return ``text`` with the replacement made."""
        return text.replace(self.old, self.new)


@dataclass(frozen=True, slots=True)
class Drop:
    """Remove the character at ``position`` (negative counts from the end: ``Drop(-1)`` drops the last).

    Example:
        >>> Drop(-1).apply("hajimemasite")
        'hajimemasit'
    """

    position: int

    def __post_init__(self) -> None:
        _check_int("Drop.position", self.position)

    def apply(self, text: str) -> str:
        """Return ``text`` without the character at ``position``."""
        index = _index("Drop", self.position, len(text))
        return text[:index] + text[index + 1 :]


@dataclass(frozen=True, slots=True)
class Insert:
    """Insert ``text`` before the character at ``position`` (``len`` of the text inserts at the end).

    Example:
        >>> Insert(4, "-").apply("haji")
        'haji-'
        >>> Insert(-1, "!").apply("haji")
        'haj!i'
    """

    position: int
    text: str

    def __post_init__(self) -> None:
        _check_int("Insert.position", self.position)
        _check_str("Insert.text", self.text)

    def apply(self, text: str) -> str:
        """Return ``text`` with ``self.text`` inserted."""
        index = _index("Insert", self.position, len(text), allow_end=True)
        return text[:index] + self.text + text[index:]


@dataclass(frozen=True, slots=True)
class Append:
    """Add ``text`` at the end.

    Example:
        >>> Append("2024").apply("sakura")
        'sakura2024'
    """

    text: str

    def __post_init__(self) -> None:
        _check_str("Append.text", self.text)

    def apply(self, text: str) -> str:
        """Return ``text`` followed by ``self.text``."""
        return text + self.text


@dataclass(frozen=True, slots=True, init=False)
class Leet:
    """Substitute characters by a table: the ``"first"``, ``"last"`` or ``"all"`` occurrences of each key.

    Keys are single characters, matched exactly (case-sensitive); each key is replaced
    independently, in table order.

    Example:
        >>> Leet({"a": "4", "i": "!"}).apply("hajimemasit")
        'h4j!memasit'
        >>> Leet({"a": "4"}, which="all").apply("hajimemasit")
        'h4jimem4sit'
        >>> Leet({"a": "4", "i": "!"})
        Leet({'a': '4', 'i': '!'}, which='first')
    """

    table: tuple[tuple[str, str], ...]
    which: str

    def __init__(self, table: Mapping[str, str], which: str = "first") -> None:
        if not isinstance(table, Mapping):
            raise TypeError(f"Leet.table must be a mapping of str to str, not {type(table).__name__}")
        pairs = tuple(table.items())
        for key, value in pairs:
            _check_str("Leet.table key", key)
            _check_str("Leet.table value", value)
            if len(key) != 1:
                raise OptionError("Leet.table keys must be single characters")
        _check_str("Leet.which", which)
        if which not in _LEET_WHICH:
            raise OptionError(f"Leet.which must be one of {', '.join(_LEET_WHICH)}")
        object.__setattr__(self, "table", pairs)
        object.__setattr__(self, "which", which)

    def __repr__(self) -> str:
        return f"Leet({dict(self.table)!r}, which={self.which!r})"

    def apply(self, text: str) -> str:
        """Return ``text`` with the substitutions made."""
        for key, value in self.table:
            if self.which == "all":
                text = text.replace(key, value)
                continue
            index = text.find(key) if self.which == "first" else text.rfind(key)
            if index >= 0:
                text = text[:index] + value + text[index + 1 :]
        return text


@dataclass(frozen=True, slots=True, init=False)
class _Recase:
    """Shared shape of Upper and Lower: a case change at the given positions."""

    positions: tuple[int, ...]
    _change: ClassVar[Callable[[str], str]]

    def __init__(self, *positions: int) -> None:
        for position in positions:
            _check_int(f"{type(self).__name__} position", position)
        object.__setattr__(self, "positions", positions)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(str, self.positions))})"

    def apply(self, text: str) -> str:
        """Return ``text`` with the case of the characters at ``positions`` changed."""
        return _recase(text, self.positions, type(self)._change, type(self).__name__)


@dataclass(frozen=True, slots=True, init=False, repr=False)
class Upper(_Recase):
    """Upper-case the characters at the given positions (negative counts from the end).

    Example:
        >>> Upper(0, 6, 7, -1).apply("h4j!memasit")
        'H4j!meMAsiT'
    """

    _change = str.upper


@dataclass(frozen=True, slots=True, init=False, repr=False)
class Lower(_Recase):
    """Lower-case the characters at the given positions (negative counts from the end).

    Example:
        >>> Lower(0).apply("Sakura")
        'sakura'
    """

    _change = str.lower


def _recase(text: str, positions: tuple[int, ...], change: Callable[[str], str], name: str) -> str:
    chars = list(text)
    for position in positions:
        index = _index(name, position, len(chars))
        changed = change(chars[index])
        # str.upper may lengthen a character (ß -> SS); such characters are left as they are.
        if len(changed) == 1:
            chars[index] = changed
    return "".join(chars)


Step = Replace | Drop | Insert | Append | Leet | Upper | Lower
"""One deterministic recipe step; a recipe is a tuple of steps."""
_STEP_TYPES = (Replace, Drop, Insert, Append, Leet, Upper, Lower)

EXAMPLE_RECIPE: tuple[Step, ...] = (
    Replace("shi", "si"),
    Drop(-1),
    Leet({"a": "4", "i": "!"}),
    Upper(0, 6, 7, -1),
)
"""The documented example, after Hepburn romanisation: はじめまして → ``hajimemashite`` →
``hajimemasite`` (shi → si) → ``hajimemasit`` (drop the last letter) → ``h4j!memasit`` (first a → 4,
first i → !) → ``H4j!meMAsiT`` (upper-case the first letter, the second "ma" and the last letter)."""


def _check_recipe(recipe: object) -> tuple[Step, ...]:
    """The recipe as a tuple of steps; any iterable of steps will do, except a string or mapping."""
    if isinstance(recipe, str | bytes | Mapping) or not isinstance(recipe, Iterable):
        raise TypeError(f"recipe must be a tuple of steps, not {type(recipe).__name__}")
    steps = tuple(recipe)
    for step in steps:
        if not isinstance(step, _STEP_TYPES):
            raise TypeError(f"every recipe step must be a passkit mangle step, not {type(step).__name__}")
    return steps


def _check_phrase(phrase: object) -> str:
    if not isinstance(phrase, str):
        raise TypeError(f"phrase must be a str, not {type(phrase).__name__}")
    if len(phrase) > MAX_PHRASE_LENGTH:
        raise OptionError(f"the phrase is longer than {MAX_PHRASE_LENGTH} code points; use a shorter phrase")
    return phrase


def recipe_steps(
    phrase: str, recipe: Iterable[Step] = EXAMPLE_RECIPE, *, system: str = "hepburn", long_vowels: str = "keep"
) -> tuple[tuple[str, str], ...]:
    """Each stage of a recipe as ``(description, text after it)``, starting with the romanisation.

    Args:
        phrase: kana or romaji, at most 256 code points.
        recipe: the steps, in order.
        system: romanisation system for kana (see :func:`passkit.romanize`).
        long_vowels: ``"keep"`` or ``"omit"`` (see :func:`passkit.romanize`).

    Returns:
        One ``(description, text)`` pair for the romanisation, then one per step.

    Raises:
        TypeError: ``phrase`` is not a ``str`` or ``recipe`` holds something other than steps.
        OptionError: bad system, phrase too long, or a step's position is outside the text.
        KanjiError: the phrase holds kanji.

    Example:
        >>> for description, text in recipe_steps("はじめまして"):
        ...     print(f"{description:35} {text}")
        romanize(system='hepburn')          hajimemashite
        Replace(old='shi', new='si')        hajimemasite
        Drop(position=-1)                   hajimemasit
        Leet({'a': '4', 'i': '!'}, which='first') h4j!memasit
        Upper(0, 6, 7, -1)                  H4j!meMAsiT
    """
    phrase = _check_phrase(phrase)
    steps = _check_recipe(recipe)
    text = romanize(phrase, system, long_vowels=long_vowels)
    out = [(f"romanize(system={system!r})", text)]
    for step in steps:
        text = step.apply(text)
        out.append((repr(step), text))
    return tuple(out)


def _prepare(phrase: object, recipe: object, system: str, long_vowels: str) -> tuple[str, str]:
    """The romanised phrase, and the text after the recipe (never empty)."""
    phrase = _check_phrase(phrase)
    steps = _check_recipe(recipe)
    romanized = text = romanize(phrase, system, long_vowels=long_vowels)
    for step in steps:
        text = step.apply(text)
    if not text:
        raise OptionError("the phrase is empty (after the recipe); give a phrase to mangle")
    return romanized, text


# --- Exact counting and uniform sampling --------------------------------------------------------


class _Automaton:
    """The distinct strings ``interleave(word of sets, k characters of alphabet)``, counted and unranked.

    A word is one character from each of ``sets`` in order; the output inserts ``k`` characters
    of ``alphabet`` anywhere. Reading an output left to right, the state is the set (a bitmask)
    of possible insertion counts ``j`` so far; after ``m`` characters, count ``j`` means ``m - j``
    word positions are matched. The automaton is deterministic, so each distinct output has one
    path, and counting paths counts strings.
    """

    __slots__ = ("_completions", "_transitions", "count", "length")

    def __init__(self, sets: tuple[str, ...], alphabet: str, k: int) -> None:
        n = len(sets)
        self.length = length = n + k
        alphabet_set = frozenset(alphabet)
        # Forward: reachable masks per step, and for each its transitions (next mask, characters).
        transitions: list[dict[int, list[tuple[int, str]]]] = []
        frontier = {1}
        for m in range(length):
            table: dict[int, list[tuple[int, str]]] = {}
            after: set[int] = set()
            for mask in frontier:
                live = [j for j in range(k + 1) if mask >> j & 1]
                candidates: set[str] = set()
                for j in live:
                    if m - j < n:
                        candidates.update(sets[m - j])
                    if j < k:
                        candidates.update(alphabet)
                by_next: dict[int, list[str]] = {}
                for char in sorted(candidates):
                    nxt = 0
                    for j in live:
                        if m - j < n and char in sets[m - j]:
                            nxt |= 1 << j
                        if j < k and char in alphabet_set:
                            nxt |= 1 << (j + 1)
                    # Prune counts that can no longer finish: j insertions with too few characters left.
                    nxt &= self._feasible(m + 1, n, k)
                    if nxt:
                        by_next.setdefault(nxt, []).append(char)
                table[mask] = [(nxt, "".join(chars)) for nxt, chars in sorted(by_next.items())]
                after.update(by_next)
            transitions.append(table)
            frontier = after
        # Backward: completions[m][mask] = number of ways to finish from mask after m characters.
        completions: list[dict[int, int]] = [{} for _ in range(length + 1)]
        completions[length] = {mask: 1 if mask >> k & 1 else 0 for mask in frontier}
        for m in range(length - 1, -1, -1):
            following = completions[m + 1]
            completions[m] = {
                mask: sum(len(chars) * following[nxt] for nxt, chars in options)
                for mask, options in transitions[m].items()
            }
        self._transitions = transitions
        self._completions = completions
        self.count = completions[0].get(1, 0)

    @staticmethod
    def _feasible(m: int, n: int, k: int) -> int:
        """Mask of insertion counts ``j`` still able to finish after ``m`` characters."""
        mask = 0
        for j in range(k + 1):
            if 0 <= m - j <= n:
                mask |= 1 << j
        return mask

    def unrank(self, rank: int) -> str:
        """The string of index ``rank`` in ``range(count)``; distinct ranks give distinct strings."""
        out: list[str] = []
        mask = 1
        for m in range(self.length):
            following = self._completions[m + 1]
            for nxt, chars in self._transitions[m][mask]:
                weight = following[nxt]
                block = len(chars) * weight
                if rank < block:
                    index, rank = divmod(rank, weight)
                    out.append(chars[index])
                    mask = nxt
                    break
                rank -= block
        return "".join(out)


def _position_sets(base: str, case: bool, leet: bool, digits: int) -> tuple[str, ...]:
    sets: list[str] = []
    for char in base:
        options = [char]
        if char in _ASCII_LETTERS:
            if case:
                options.append(char.swapcase())
            if leet:
                options.extend(LEET.get(char.lower(), ""))
        sets.append("".join(dict.fromkeys(options)))
    sets.extend([DIGITS] * digits)
    return tuple(sets)


class Mangler:
    """Random mangling of one phrase, exactly uniform over the distinct outputs, with exact entropy.

    The phrase is romanised (``system``), the ``recipe`` applied, and then, with the OS CSPRNG:
    each ASCII letter may take one of its forms (itself; its other case when ``case``; its
    substitutes from :data:`LEET` when ``leet``), ``digits`` random digits are appended, and
    ``insert`` characters from :data:`INSERT_ALPHABET` are inserted at random positions. The
    outputs are drawn uniformly from the set of *distinct* strings these choices can spell, so
    ``entropy_bits`` is exactly ``log2(count)``: what an attacker who knows the phrase and these
    options still has to guess.

    Args:
        phrase: kana or romaji, at most 256 code points; never shown in ``repr`` or messages.
        recipe: deterministic steps applied after romanisation (default: none).
        system: romanisation system for kana (see :func:`passkit.romanize`).
        long_vowels: ``"keep"`` or ``"omit"`` (see :func:`passkit.romanize`).
        case: each letter may change case.
        leet: each letter with substitutes in :data:`LEET` may take one.
        insert: number of characters of :data:`INSERT_ALPHABET` to insert, 0 to 4.
        digits: number of random digits to append, 0 to 16.

    Raises:
        TypeError: an argument has the wrong type.
        OptionError: an option is out of range, the phrase is too long or empty, or a recipe
            step does not fit the phrase.
        KanjiError: the phrase holds kanji; give the reading in kana.

    Example:
        >>> mangler = Mangler("ねこ", insert=0, digits=0)
        >>> mangler.count, mangler.entropy_bits  # n, e, k, o: 2 * 3 * 2 * 3 forms
        (36, 5.169925001442312)
        >>> Mangler("a", case=False, leet=False, insert=1, digits=0).count  # one of 20 characters before or after 'a'
        40
        >>> len(Mangler("sakura").generate())
        9
        >>> "sakura" in repr(Mangler("sakura"))
        False
    """

    __slots__ = ("_automaton", "_options", "_romanized")

    def __init__(
        self,
        phrase: str,
        *,
        recipe: Iterable[Step] = (),
        system: str = "hepburn",
        long_vowels: str = "keep",
        case: bool = True,
        leet: bool = True,
        insert: int = 1,
        digits: int = 2,
    ) -> None:
        _check_bool("case", case)
        _check_bool("leet", leet)
        insert = _check_int("insert", insert)
        digits = _check_int("digits", digits)
        if not 0 <= insert <= MAX_INSERT:
            raise OptionError(f"insert must be from 0 to {MAX_INSERT}, got {insert}")
        if not 0 <= digits <= MAX_DIGITS:
            raise OptionError(f"digits must be from 0 to {MAX_DIGITS}, got {digits}")
        self._romanized, base = _prepare(phrase, recipe, system, long_vowels)
        self._automaton = _Automaton(_position_sets(base, case, leet, digits), INSERT_ALPHABET, insert)
        self._options = f"case={case}, leet={leet}, insert={insert}, digits={digits}"

    @property
    def count(self) -> int:
        """Number of distinct, equally likely outputs."""
        return self._automaton.count

    @property
    def entropy_bits(self) -> float:
        """Exactly ``log2(count)``: the entropy the random changes add to the known phrase."""
        return math.log2(self._automaton.count)

    def __repr__(self) -> str:
        return f"Mangler(<phrase hidden>, {self._options}, entropy_bits={self.entropy_bits:.2f})"

    def generate(self) -> str:
        """Return one mangled password."""
        return self.generate_many(1)[0]

    def generate_many(self, n: int) -> list[str]:
        """Return ``n`` independent mangled passwords.

        Example:
            >>> sorted(set(Mangler("a", leet=False, insert=0, digits=0).generate_many(64)))
            ['A', 'a']
        """
        n = _check_int("n", n)
        if n < 0:
            raise OptionError(f"n must be zero or more, got {n}")
        return [self._automaton.unrank(rank) for rank in randbelow_many(self._automaton.count, n)]


# --- Results ------------------------------------------------------------------------------------

_RECIPE_WARNINGS = {
    "en": (
        "The phrase itself is easy to guess (strength {score} of 4, about {guesses} guesses)."
        " A fixed recipe adds nothing: attackers try common phrases with substitutions like these"
        " first. The estimate, not the look of the password, is what counts; choose a less common"
        " phrase or a generated passphrase."
    ),
    "ja": (
        "元のフレーズ自体が推測されやすいものです(強度 {score}/4、推測回数は約{guesses}回)。"
        "決まった手順の変形では強さは増えません。攻撃者はよく使われるフレーズをこのような置き換えとともに"
        "最初に試します。見た目ではなく推定値で判断してください。"
        "あまり使われないフレーズか、生成したパスフレーズを使ってください。"
    ),
}
_WARNINGS = {
    "en": (
        "The phrase itself is easy to guess (strength {score} of 4, about {guesses} guesses)."
        " Attackers try common phrases with substitutions like these first: the changes add only"
        " {bits:.1f} bits. The estimate, not the look of the password, is what counts; choose a"
        " less common phrase or a generated passphrase."
    ),
    "ja": (
        "元のフレーズ自体が推測されやすいものです(強度 {score}/4、推測回数は約{guesses}回)。"
        "攻撃者はよく使われるフレーズをこのような置き換えとともに最初に試します。変形で増える強さは"
        "{bits:.1f}ビットだけです。見た目ではなく推定値で判断してください。"
        "あまり使われないフレーズか、生成したパスフレーズを使ってください。"
    ),
}


@dataclass(frozen=True, slots=True, repr=False)
class Mangled:
    """The result of :func:`mangle` or :func:`apply_recipe`; its ``repr`` never shows the password.

    Attributes:
        password: the mangled password.
        entropy_bits: exactly log2 of the number of distinct outputs the random changes could give
            (0.0 for a recipe alone): what they add for an attacker who knows the phrase.
        count: that number of distinct, equally likely outputs (1 for a recipe alone).
        estimate: :func:`passkit.estimate` of the password.
        phrase_estimate: :func:`passkit.estimate` of the romanised phrase, before the recipe and the
            random changes (neither adds anything for an attacker who knows the phrase is mangled).
        warning: empty, or a plain statement that the phrase is easy to guess (when the phrase's
            estimate is below 10**10 guesses, that is score 3 or less).
    """

    password: str
    entropy_bits: float
    count: int
    estimate: Estimate
    phrase_estimate: Estimate
    warning: str

    def __repr__(self) -> str:
        return (
            f"Mangled(password='***', entropy_bits={self.entropy_bits:.2f}, count={self.count},"
            f" score={self.estimate.score}, phrase_score={self.phrase_estimate.score}, warning={self.warning!r})"
        )


def _guesses_text(log10: float) -> str:
    """Guesses for a sentence: exact digits below a million, a power of ten above."""
    if log10 < 6:
        return f"{round(10**log10):,}"
    return f"10^{log10:.0f}"


def _result(password: str, base: str, count: int, locale: str) -> Mangled:
    bits = math.log2(count)
    phrase_estimate = estimate(base, locale=locale)
    warning = ""
    if phrase_estimate.guesses_log10 < _WEAK_LOG10:
        templates = _RECIPE_WARNINGS if count == 1 else _WARNINGS
        warning = templates[locale].format(
            score=phrase_estimate.score, guesses=_guesses_text(phrase_estimate.guesses_log10), bits=bits
        )
    return Mangled(password, bits, count, estimate(password, locale=locale), phrase_estimate, warning)


def mangle(
    phrase: str,
    *,
    recipe: Iterable[Step] = (),
    system: str = "hepburn",
    long_vowels: str = "keep",
    case: bool = True,
    leet: bool = True,
    insert: int = 1,
    digits: int = 2,
    locale: str = "en",
) -> Mangled:
    """Turn a phrase into a password with random changes, reporting the exact entropy they add.

    The options are those of :class:`Mangler`; ``locale`` (``"en"`` or ``"ja"``) chooses the
    language of the ``warning`` and of the estimates' feedback.

    Returns:
        A :class:`Mangled` with the password, the exact entropy added, the estimate of the
        password and of the phrase, and a warning when the phrase is easy to guess.

    Raises:
        TypeError: an argument has the wrong type.
        OptionError: an option is out of range, the phrase is too long or empty, or a recipe
            step does not fit the phrase.
        KanjiError: the phrase holds kanji; give the reading in kana.
        UnsupportedLocaleError: ``locale`` is not ``"en"`` or ``"ja"``.

    Example:
        >>> result = mangle("さくら", digits=0)
        >>> result.count, round(result.entropy_bits, 2), len(result.password)
        (70144, 16.1, 7)
        >>> result.warning.startswith("The phrase itself is easy to guess")
        True
        >>> mangle("さくら", locale="ja").warning.startswith("元のフレーズ")
        True
        >>> "sakura" in repr(result)
        False
    """
    locale = check_locale(locale)
    mangler = Mangler(
        phrase,
        recipe=recipe,
        system=system,
        long_vowels=long_vowels,
        case=case,
        leet=leet,
        insert=insert,
        digits=digits,
    )
    return _result(mangler.generate(), mangler._romanized, mangler.count, locale)


def apply_recipe(
    phrase: str,
    recipe: Iterable[Step] = EXAMPLE_RECIPE,
    *,
    system: str = "hepburn",
    long_vowels: str = "keep",
    locale: str = "en",
) -> Mangled:
    """Apply a deterministic recipe to a phrase; no randomness, so ``entropy_bits`` is 0.0.

    Args:
        phrase: kana or romaji, at most 256 code points.
        recipe: the steps, in order (default: :data:`EXAMPLE_RECIPE`).
        system: romanisation system for kana (see :func:`passkit.romanize`).
        long_vowels: ``"keep"`` or ``"omit"`` (see :func:`passkit.romanize`).
        locale: language of the warning and feedback, ``"en"`` or ``"ja"``.

    Returns:
        A :class:`Mangled` with ``count == 1``; the warning judges the romanised phrase.

    Raises:
        TypeError: an argument has the wrong type.
        OptionError: bad option, phrase too long or empty, or a step does not fit the phrase.
        KanjiError: the phrase holds kanji; give the reading in kana.
        UnsupportedLocaleError: ``locale`` is not ``"en"`` or ``"ja"``.

    Example:
        >>> result = apply_recipe("はじめまして")
        >>> result.password, result.entropy_bits, result.count
        ('H4j!meMAsiT', 0.0, 1)
        >>> apply_recipe("hajimemashite").password
        'H4j!meMAsiT'
    """
    locale = check_locale(locale)
    romanized, password = _prepare(phrase, recipe, system, long_vowels)
    return _result(password, romanized, 1, locale)
