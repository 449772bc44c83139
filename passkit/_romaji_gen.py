"""Memorable romaji passwords for Japanese speakers: random morae such as ``kotanemisoha``.

Different mora sequences can spell the same string: ``n`` + ``a`` is ``na``, so with three morae
``n a na`` and ``na n a`` are both ``nana``; with yoon, ``n`` + ``ya`` is ``nya``. Counting mora
sequences would overstate the entropy and sampling them would favour such strings. So the outputs
are the *distinct strings* that exactly ``morae`` morae can spell, and each is equally likely:

1. An automaton that reads a string letter by letter and tracks every way of splitting it into
   morae so far (the set of ``(position in a mora, morae completed)`` pairs) is made deterministic
   by the subset construction; it accepts a string iff some split into exactly ``morae`` morae
   exists, and every string follows exactly one path.
2. The number of accepted strings below each state is counted (the automaton is acyclic), which
   gives the exact count and ``entropy_bits == log2(count)``.
3. A password is one uniform rank in ``range(count)`` (from ``os.urandom``) turned into the string
   of that rank by walking the automaton (count-guided construction), so each distinct string has
   probability exactly ``1 / count``.
"""

from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass

from passkit._csprng import randbelow_many
from passkit.exceptions import OptionError

__all__ = ["RomajiGenerator", "romaji_password"]

MAX_MORAE = 32

MORAE_BASIC = (
    *("a", "i", "u", "e", "o"),
    *("ka", "ki", "ku", "ke", "ko"),
    *("sa", "shi", "su", "se", "so"),
    *("ta", "chi", "tsu", "te", "to"),
    *("na", "ni", "nu", "ne", "no"),
    *("ha", "hi", "fu", "he", "ho"),
    *("ma", "mi", "mu", "me", "mo"),
    *("ya", "yu", "yo"),
    *("ra", "ri", "ru", "re", "ro"),
    *("wa", "n"),
)
"""The 45 plain morae, Hepburn spelling (``shi``, ``chi``, ``tsu``, ``fu``; ``n`` on its own)."""

MORAE_VOICED = (
    *("ga", "gi", "gu", "ge", "go"),
    *("za", "ji", "zu", "ze", "zo"),
    *("da", "de", "do"),
    *("ba", "bi", "bu", "be", "bo"),
    *("pa", "pi", "pu", "pe", "po"),
)
"""The 23 voiced and half-voiced morae; ぢ and づ spell ``ji`` and ``zu`` in Hepburn, already listed."""

MORAE_YOON = (
    *("kya", "kyu", "kyo", "sha", "shu", "sho", "cha", "chu", "cho"),
    *("nya", "nyu", "nyo", "hya", "hyu", "hyo", "mya", "myu", "myo", "rya", "ryu", "ryo"),
)
"""The 21 plain contracted morae (yoon)."""

MORAE_YOON_VOICED = ("gya", "gyu", "gyo", "ja", "ju", "jo", "bya", "byu", "byo", "pya", "pyu", "pyo")
"""The 12 voiced contracted morae, used when both ``voiced`` and ``yoon`` are on."""


@dataclass(frozen=True, slots=True)
class _Automaton:
    """Deterministic, acyclic automaton of the strings spelled by exactly ``morae`` morae.

    State 0 is the start. For each state: whether it accepts, its outgoing letters in order, the
    next states, and the rank at which each letter's strings start (after the state's own string,
    rank 0, when it accepts).
    """

    accepts: tuple[bool, ...]
    letters: tuple[tuple[str, ...], ...]
    targets: tuple[tuple[int, ...], ...]
    starts: tuple[tuple[int, ...], ...]
    count: int

    def unrank(self, rank: int) -> str:
        """The string of the given rank (``0 <= rank < count``) in the automaton's order."""
        state = 0
        out: list[str] = []
        accepts, letters, targets, starts = self.accepts, self.letters, self.targets, self.starts
        while True:
            if rank == 0 and accepts[state]:
                return "".join(out)
            offsets = starts[state]
            index = bisect.bisect_right(offsets, rank) - 1
            rank -= offsets[index]
            out.append(letters[state][index])
            state = targets[state][index]


@functools.lru_cache(maxsize=32)
def build_automaton(morae: frozenset[str], count: int) -> _Automaton:
    """Build the automaton of the distinct strings spelled by exactly ``count`` morae of ``morae``.

    Works for any set of non-empty morae; results are immutable and cached.
    """
    # Trie of the morae: node 0 is the root; ``ends`` marks nodes where a mora is complete.
    children: list[dict[str, int]] = [{}]
    ends: list[bool] = [False]
    for mora in sorted(morae):
        node = 0
        for letter in mora:
            if letter not in children[node]:
                children.append({})
                ends.append(False)
                children[node][letter] = len(children) - 1
            node = children[node][letter]
        ends[node] = True

    # Subset construction. An NFA state is (trie node, morae completed); node 0 is a boundary.
    def step(subset: frozenset[tuple[int, int]], letter: str) -> frozenset[tuple[int, int]]:
        nxt: set[tuple[int, int]] = set()
        for node, done in subset:
            child = children[node].get(letter)
            if child is None:
                continue
            if children[child] and done < count:
                nxt.add((child, done))
            if ends[child] and done < count:
                nxt.add((0, done + 1))
        return frozenset(nxt)

    alphabet = sorted({letter for mora in morae for letter in mora})
    start: frozenset[tuple[int, int]] = frozenset({(0, 0)})
    ids = {start: 0}
    order = [start]
    edges: list[list[tuple[str, int]]] = []
    for subset in order:  # grows while iterating: breadth-first over reachable subsets
        out: list[tuple[str, int]] = []
        for letter in alphabet:
            target = step(subset, letter)
            if not target:
                continue
            if target not in ids:
                ids[target] = len(order)
                order.append(target)
            out.append((letter, ids[target]))
        edges.append(out)

    accepts = [(0, count) in subset for subset in order]
    # Completions below each state; the automaton is acyclic (each letter moves every NFA state
    # deeper into a mora or past one more mora), so a depth-first post-order visit is enough.
    totals: dict[int, int] = {}
    stack = [0]
    while stack:
        state = stack[-1]
        pending = [nxt for _, nxt in edges[state] if nxt not in totals]
        if pending:
            stack.extend(pending)
            continue
        stack.pop()
        totals[state] = int(accepts[state]) + sum(totals[nxt] for _, nxt in edges[state])
    starts: list[tuple[int, ...]] = []
    for state, out in enumerate(edges):
        offsets = [int(accepts[state])]
        for _, nxt in out[:-1]:
            offsets.append(offsets[-1] + totals[nxt])
        starts.append(tuple(offsets[: len(out)]))
    return _Automaton(
        accepts=tuple(accepts),
        letters=tuple(tuple(letter for letter, _ in out) for out in edges),
        targets=tuple(tuple(target for _, target in out) for out in edges),
        starts=tuple(starts),
        count=totals[0],
    )


def mora_set(*, voiced: bool = True, yoon: bool = False) -> tuple[str, ...]:
    """The morae a :class:`RomajiGenerator` with these options draws from, in table order.

    Example:
        >>> len(mora_set()), len(mora_set(voiced=False)), len(mora_set(yoon=True))
        (68, 45, 101)
    """
    morae = MORAE_BASIC + (MORAE_VOICED if voiced else ())
    if yoon:
        morae += MORAE_YOON + (MORAE_YOON_VOICED if voiced else ())
    return morae


class RomajiGenerator:
    """Generates memorable romaji passwords: ``morae`` random morae, such as ``kotanemisoha``.

    The outputs are the distinct lower-case strings that exactly ``morae`` morae of the chosen set
    spell, each equally likely; strings that several mora sequences spell (``n a na`` and
    ``na n a`` are both ``nana``) count once. ``entropy_bits`` is log2 of the number of those
    strings, counted exactly (see the module notes for how), which is less than
    ``morae * log2(len(mora set))``.

    Args:
        morae: number of morae, 1 to 32.
        voiced: include the voiced and half-voiced morae (``ga``, ``ji``, ``da``, ``ba``,
            ``pa`` ...): 68 morae instead of 45.
        yoon: include the contracted morae (``kya``, ``sha``, ``cho``, ``nyu`` ...; with
            ``voiced`` also ``gya``, ``ja``, ``byo``, ``pyu`` ...).

    Attributes:
        entropy_bits: exactly log2 of the number of distinct, equally likely passwords.
        morae: the number of morae.
        mora_set: the morae drawn from.

    Raises:
        TypeError: an option has the wrong type.
        OptionError: ``morae`` is out of range.

    Example:
        >>> gen = RomajiGenerator(8)
        >>> round(gen.entropy_bits, 3)
        48.698
        >>> gen.generate()  # doctest: +SKIP
        'kotanemisoha'
        >>> gen.generate().isalpha()
        True
    """

    __slots__ = ("_automaton", "_mora_set", "_morae", "_voiced", "_yoon")

    def __init__(self, morae: int = 8, *, voiced: bool = True, yoon: bool = False) -> None:
        if isinstance(morae, bool) or not isinstance(morae, int):
            raise TypeError(f"morae must be an int, not {type(morae).__name__}")
        for name, value in (("voiced", voiced), ("yoon", yoon)):
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
        if not 1 <= morae <= MAX_MORAE:
            raise OptionError(f"morae must be from 1 to {MAX_MORAE}, got {morae}")
        self._morae = morae
        self._voiced = voiced
        self._yoon = yoon
        self._mora_set = mora_set(voiced=voiced, yoon=yoon)
        self._automaton = build_automaton(frozenset(self._mora_set), morae)

    @property
    def entropy_bits(self) -> float:
        """Exactly log2 of the number of distinct, equally likely passwords."""
        return math.log2(self._automaton.count)

    @property
    def morae(self) -> int:
        """Number of morae in every password."""
        return self._morae

    @property
    def mora_set(self) -> tuple[str, ...]:
        """The morae drawn from."""
        return self._mora_set

    def __repr__(self) -> str:
        return (
            f"RomajiGenerator({self._morae}, voiced={self._voiced}, yoon={self._yoon},"
            f" entropy_bits={self.entropy_bits:.2f})"
        )

    def generate(self) -> str:
        """Return one password.

        Example:
            >>> RomajiGenerator(4, voiced=False).generate().isascii()
            True
        """
        return self.generate_many(1)[0]

    def generate_many(self, n: int) -> list[str]:
        """Return ``n`` independent passwords; the fast path for bulk work.

        Example:
            >>> len(RomajiGenerator(6).generate_many(5))
            5
        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be an int, not {type(n).__name__}")
        if n < 0:
            raise OptionError(f"n must be zero or more, got {n}")
        automaton = self._automaton
        return [automaton.unrank(rank) for rank in randbelow_many(automaton.count, n)]


def romaji_password(morae: int = 8, *, voiced: bool = True, yoon: bool = False) -> str:
    """Return one memorable romaji password; options as for :class:`RomajiGenerator`.

    Example:
        >>> romaji_password()  # doctest: +SKIP
        'kotanemisoha'
        >>> romaji_password(6).islower()
        True
    """
    return RomajiGenerator(morae, voiced=voiced, yoon=yoon).generate()
