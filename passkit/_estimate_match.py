"""Pattern matchers for :func:`passkit.estimate`, on zxcvbn's data, with per-call state only.

Each matcher finds candidate matches ``(i, j, guesses, ...)`` in the analysed text; together they
find every match zxcvbn 4.5 finds (and a few more: overlapping recent years up to 2099, l33t
tables zxcvbn never tries, dates zxcvbn drops as sub-dates), each with zxcvbn's guess formula.
Since :mod:`passkit._estimate` then takes the exact minimum over match sequences, a superset of
matches can only lower the guess count: passkit is never more optimistic than zxcvbn.

The data (zxcvbn's ranked frequency lists and keyboard adjacency graphs) plugs in through two
seams: :class:`RankedDictionary` loaders and :class:`KeyboardGraph` values. All dictionaries are
merged into one :class:`WordIndex` that also records every prefix of every word, so dictionary
and l33t matching stop as soon as no word can continue, instead of trying every substring
against every dictionary.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import math
import operator
import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from passkit._wordlists import lazy

__all__ = [
    "DEFAULT_LETTER_SUBSTITUTIONS",
    "MIN_SHORTENED",
    "SHORT_FORM",
    "Found",
    "KeyboardGraph",
    "Keyboards",
    "RankedDictionary",
    "ShortenedName",
    "WordIndex",
    "add_word",
    "brute_limits",
    "find_matches_and_edges",
    "keyboard_graph",
    "l33t_classes",
    "lower_each",
    "two_pieces_do",
    "uppercase_variations",
    "zxcvbn_dictionaries",
    "zxcvbn_graphs",
]

# Value stored for a prefix that is not itself a word.
_PREFIX_ONLY = ("", 0)
# Meanings of the l33t characters seen so far in a token: (character, letter or "" for itself).
_Subs = tuple[tuple[str, str], ...]
# Guesses above which a match over ``size`` code points is never part of a minimum sequence:
# brute force over the same span (11 for one code point, else 10 ** size) is one piece as well,
# with fewer guesses. The margin leaves near-ties to the exact search; beyond 10 ** 308, no limit.
_BRUTE_LIMIT = (math.inf, 11.0 * (1 + 1e-9), *(10.0**size * (1 + 1e-9) for size in range(2, 309)))


def brute_limits(n: int) -> tuple[float, ...]:
    """``_BRUTE_LIMIT``, long enough to index with any size up to ``n``."""
    if n < len(_BRUTE_LIMIT):
        return _BRUTE_LIMIT
    return (*_BRUTE_LIMIT, *(math.inf for _ in range(n + 1 - len(_BRUTE_LIMIT))))


class Found(NamedTuple):
    """One candidate match (internal; the public form is :class:`passkit._estimate.Match`)."""

    i: int
    j: int
    guesses: float
    pattern: str
    dictionary_name: str = ""
    rank: int = 0
    reversed: bool = False
    l33t: bool = False
    name: str = ""  # graph, regex or sequence name
    turns: int = 0  # spatial
    base_length: int = 0  # repeat


_new_tuple = tuple.__new__


def _word(i: int, j: int, guesses: float, entry: tuple[str, int], *, reverse: bool, l33t: bool) -> Found:
    """A dictionary :class:`Found`, built without the generated ``__new__`` (the hottest path)."""
    return _new_tuple(Found, (i, j, guesses, "dictionary", entry[0], entry[1], reverse, l33t, "", 0, 0))


@dataclass(frozen=True, slots=True)
class RankedDictionary:
    """A named word list, most common first (rank 1 is the first word).

    Attributes:
        name: unique name reported in matches (``"passwords"``, ``"surnames"``, ...).
        load: returns the words; called once, when the index is first needed.
    """

    name: str
    load: Callable[[], Sequence[str]]


@dataclass(frozen=True, slots=True)
class KeyboardGraph:
    """A keyboard adjacency graph in zxcvbn's format, with the figures its guess formula uses.

    Attributes:
        name: unique graph name reported in matches (``"qwerty"``, ``"keypad"``, ...).
        adjacency: key -> neighbour slots, each ``None`` or a string ``unshifted + shifted``.
        shifted_keys: characters typed with shift; each counts as an extra variation (empty for keypads).
        starting_positions: number of keys a pattern can start on.
        average_degree: mean number of neighbours per key.
        moves: two-key string -> (direction, whether the second key is shifted); derived from
            ``adjacency`` (the first direction wins, as in zxcvbn's scan).
    """

    name: str
    adjacency: Mapping[str, Sequence[str | None]]
    shifted_keys: frozenset[str]
    starting_positions: int
    average_degree: float
    moves: Mapping[str, tuple[int, bool]]


def keyboard_graph(
    name: str,
    adjacency: Mapping[str, Sequence[str | None]],
    *,
    shift_aware: bool,
    stats_from: KeyboardGraph | None = None,
) -> KeyboardGraph:
    """Build a :class:`KeyboardGraph`, computing its figures (or borrowing them, as zxcvbn does).

    Shifted keys are the second character of every neighbour slot (``"2@"``: ``@`` is shifted).
    """
    shifted = frozenset(slot[1] for slots in adjacency.values() for slot in slots if slot and len(slot) > 1)
    shifted = shifted if shift_aware else frozenset()
    moves: dict[str, tuple[int, bool]] = {}
    for key, slots in adjacency.items():
        for direction, slot in enumerate(slots):
            for position, neighbour in enumerate(slot or ""):
                moves.setdefault(key + neighbour, (direction, position == 1))
    if stats_from is not None:
        starts, degree = stats_from.starting_positions, stats_from.average_degree
    else:
        starts = len(adjacency)
        degree = sum(sum(1 for slot in slots if slot) for slots in adjacency.values()) / len(adjacency)
    return KeyboardGraph(name, adjacency, shifted, starts, degree, moves)


class Keyboards:
    """Keyboard graphs, with one table of every graph's moves (a quick test for any chain at all).

    ``moves[pair]`` has bit ``b`` set when ``pair`` is a move on ``graphs[b]``. A chain needs two
    consecutive moves on one graph, so most passwords skip the per-graph scans. ``tables[b]`` holds
    graph ``b``'s pattern counts for short chains (see :func:`_spatial_table`). Immutable.
    """

    __slots__ = ("graphs", "moves", "tables")

    def __init__(self, graphs: Iterable[KeyboardGraph]) -> None:
        self.graphs = tuple(graphs)
        moves: dict[str, int] = {}
        for bit, graph in enumerate(self.graphs):
            for pair in graph.moves:
                moves[pair] = moves.get(pair, 0) | 1 << bit
        self.moves: Mapping[str, int] = moves
        self.tables = tuple(_spatial_table(graph) for graph in self.graphs)


def _zxcvbn_data(module: str) -> Any:
    """One of zxcvbn's pure-data modules, read without running the zxcvbn package's ``__init__``.

    Importing ``zxcvbn`` builds its own ranked dictionaries (about 70 ms and 6 MB passkit never
    uses), so the data files are executed on their own; if the package layout is unexpected,
    this falls back to a normal import.
    """
    spec = importlib.util.find_spec("zxcvbn")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    path = Path(locations[0], f"{module}.py") if locations else None
    data_spec = (
        importlib.util.spec_from_file_location(f"passkit._zxcvbn_{module}", path)
        if path is not None and path.is_file()
        else None
    )
    if data_spec is None or data_spec.loader is None:
        return importlib.import_module(f"zxcvbn.{module}")
    loaded = importlib.util.module_from_spec(data_spec)
    data_spec.loader.exec_module(loaded)
    return loaded


_FREQUENCY_LISTS = lazy(lambda: _zxcvbn_data("frequency_lists").FREQUENCY_LISTS)
_ADJACENCY_GRAPHS = lazy(lambda: _zxcvbn_data("adjacency_graphs").ADJACENCY_GRAPHS)


def zxcvbn_dictionaries() -> tuple[RankedDictionary, ...]:
    """zxcvbn's six frequency lists, read from the zxcvbn package on first use."""

    def loader(name: str) -> Callable[[], Sequence[str]]:
        def load() -> Sequence[str]:
            words: Sequence[str] = _FREQUENCY_LISTS()[name]
            return words

        return load

    names = ("passwords", "english_wikipedia", "female_names", "surnames", "us_tv_and_film", "male_names")
    return tuple(RankedDictionary(name, loader(name)) for name in names)


def zxcvbn_graphs() -> tuple[KeyboardGraph, ...]:
    """zxcvbn's four keyboard graphs; dvorak and mac_keypad borrow qwerty's and keypad's figures."""
    graphs: dict[str, Any] = _ADJACENCY_GRAPHS()
    qwerty = keyboard_graph("qwerty", graphs["qwerty"], shift_aware=True)
    keypad = keyboard_graph("keypad", graphs["keypad"], shift_aware=False)
    return (
        qwerty,
        keyboard_graph("dvorak", graphs["dvorak"], shift_aware=True, stats_from=qwerty),
        keypad,
        keyboard_graph("mac_keypad", graphs["mac_keypad"], shift_aware=False, stats_from=keypad),
    )


# zxcvbn's l33t table, inverted: substitute character -> letters it may stand for.
DEFAULT_LETTER_SUBSTITUTIONS: Mapping[str, str] = {
    "4": "a", "@": "a", "8": "b", "(": "c", "{": "c", "[": "c", "<": "c", "3": "e", "6": "g", "9": "g",
    "1": "il", "!": "i", "|": "il", "7": "lt", "0": "o", "$": "s", "5": "s", "+": "t", "%": "x", "2": "z",
}  # fmt: skip


# For each l33t character, its possible meanings as (text appended, (character, letter or "")).
_MEANINGS = {
    ch: ((ch, (ch, "")), *((letter, (ch, letter)) for letter in letters))
    for ch, letters in DEFAULT_LETTER_SUBSTITUTIONS.items()
}


MIN_SHORTENED = 5
"""A word of at least ``MIN_SHORTENED + 1`` characters also matches without its last character."""


class ShortenedName(str):
    """The dictionary name of an index entry that is a word with its last character dropped.

    Such an entry's rank is twice the word's (an attacker tries every word whole and without its
    last letter: in that combined list the shortened form comes about twice as late), so the
    matchers price it like any word; the public :class:`passkit.Match` reports the plain name, the
    word's own rank and ``last_letter_dropped``.
    """

    __slots__ = ()


def _shortened_wins(doubled: int, known: tuple[str, int] | None) -> bool:
    """Whether a shortened entry of rank ``doubled`` replaces ``known`` (a word wins ties)."""
    if known is None or not known[1]:
        return True
    return doubled < known[1]


SHORT_FORM = 4
"""Words of at most this many characters are also kept by l33t class (``WordIndex.short_forms``)."""


def _l33t_class_table() -> dict[int, str]:
    """Each l33t character and each letter it stands for, to one private-use character per class.

    Classes join what can stand for what (``1``, ``!``, ``|``, ``7``, ``+``, ``i``, ``l`` and ``t`` are
    one class), so a word that an l33t reading of a text spells has the text's classes.
    """
    classes: list[set[str]] = []
    for symbol, letters in DEFAULT_LETTER_SUBSTITUTIONS.items():
        joined = {symbol, *letters}
        for known in [c for c in classes if c & joined]:
            joined |= known
            classes.remove(known)
        classes.append(joined)
    return {ord(ch): chr(0xE000 + number) for number, members in enumerate(classes) for ch in members}


_L33T_CLASSES = _l33t_class_table()


def l33t_classes(text: str) -> str:
    """``text`` (lower case) with each character that takes part in l33t replaced by its class.

    Any l33t reading of a text that spells a word has the word's classes (the converse need not hold).
    """
    return text.translate(_L33T_CLASSES)


def add_word(entries: dict[str, tuple[str, int]], name: str, rank: int, word: str) -> None:
    """Add ``word`` (already lower-cased), its prefixes and its shortened form to an index dict.

    Each key keeps the entry with the fewest guesses (a word wins a tie with a shortened form).
    """
    if not word:
        return
    known = entries.get(word)
    if known is None or not known[1] or rank < known[1] or (rank == known[1] and type(known[0]) is ShortenedName):
        entries[word] = (name, rank)
    # Every key already present has all its prefixes present, so stop at the first known prefix.
    for end in range(len(word) - 1, 0, -1):
        if word[:end] in entries:
            break
        entries[word[:end]] = _PREFIX_ONLY
    if len(word) > MIN_SHORTENED and _shortened_wins(rank * 2, entries[word[:-1]]):
        entries[word[:-1]] = (ShortenedName(name), rank * 2)


_FIRST, _SECOND, _THIRD = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)
_CHOP = operator.itemgetter(slice(None, -1))  # all but the last character


class WordIndex:
    """Every word of several ranked dictionaries in one dict, with every prefix of every word.

    ``entries[text]`` is ``(dictionary name, rank)`` for a word (the best rank over all
    dictionaries) and ``("", 0)`` for a proper prefix that is not a word; absent text is neither.
    A word of at least ``MIN_SHORTENED + 1`` characters without its last character (already a key,
    as a prefix) is ``(ShortenedName(dictionary name), 2 * rank)`` unless a word or another
    shortened word there has no more guesses (a word wins ties). ``short_forms`` holds every word of
    at most ``SHORT_FORM`` characters with each character replaced by its l33t class (see
    :func:`l33t_classes`): a text whose classes are not there reads as none of them. Immutable once
    built.
    """

    __slots__ = ("entries", "short_forms")

    def __init__(self, dictionaries: Iterable[tuple[str, Iterable[str]]]) -> None:
        best: dict[str, tuple[str, int]] = {}
        names: list[str] = []
        for name, words in dictionaries:
            names.append(name)
            for rank, raw in enumerate(words, 1):
                lowered = raw.lower()
                word = raw if lowered == raw else lowered  # share the list's string when possible
                known = best.get(word)
                if word and (known is None or rank < known[1]):
                    best[word] = (name, rank)
        entries = dict.fromkeys({word[:end] for word in best for end in range(1, len(word))}, _PREFIX_ONLY)
        entries.update(best)
        # Shortened words at twice their rank: per key the lowest rank (the earliest list on a tie, as
        # for words), where no word there has as few guesses. Built with C-level loops (this is load
        # time): words in reverse order, stably sorted by falling rank, so that the dict keeps each
        # key's last, lowest-ranked, earliest shortened word.
        longer = [(rank, word, name) for word, (name, rank) in reversed(best.items()) if len(word) > MIN_SHORTENED]
        longer.sort(key=_FIRST, reverse=True)
        twice = list(range(0, 2 * longer[0][0] + 1, 2)) if longer else []  # one int object per doubled rank
        marks = {name: ShortenedName(name) for name in names}
        shortened = dict(
            zip(
                map(_CHOP, map(_SECOND, longer)),
                zip(
                    map(marks.__getitem__, map(_THIRD, longer)),
                    map(twice.__getitem__, map(_FIRST, longer)),
                    strict=True,
                ),
                strict=True,
            )
        )
        for key in shortened.keys() & best.keys():
            if best[key][1] <= shortened[key][1]:
                del shortened[key]
        entries.update(shortened)
        self.entries: Mapping[str, tuple[str, int]] = entries
        # The l33t classes of every word of at most SHORT_FORM characters (no shortened word is so short).
        self.short_forms = frozenset(word.translate(_L33T_CLASSES) for word in best if len(word) <= SHORT_FORM)


def uppercase_variations(token: str) -> float:
    """zxcvbn's capitalisation factor: 1 for lower case, 2 for First/lasT/ALL, else a binomial sum."""
    if token.lower() == token or not _ASCII_UPPER.search(token):
        return 1
    if _START_UPPER.match(token) or _END_UPPER.match(token) or not _ASCII_LOWER.search(token):
        return 2
    upper = sum(1 for ch in token if ch.isupper())
    lower = sum(1 for ch in token if ch.islower())
    return sum(math.comb(upper + lower, k) for k in range(1, min(upper, lower) + 1))


_ASCII_UPPER = re.compile("[A-Z]")
_ASCII_LOWER = re.compile("[a-z]")
# Anchored with ``$`` (which also matches before a final newline), exactly as zxcvbn tests them.
_START_UPPER = re.compile("[A-Z][^A-Z]+$")
_END_UPPER = re.compile("[^A-Z]+[A-Z]$")


def _l33t_variations(token: str, subs: Sequence[tuple[str, str]]) -> float:
    """zxcvbn's substitution factor: per substitution, how many mixes of subbed and plain letters."""
    lowered = token.lower()
    variations = 1
    for subbed, letter in subs:
        s_count, u_count = lowered.count(subbed), lowered.count(letter)
        if not s_count or not u_count:
            variations *= 2
        else:
            variations *= sum(math.comb(s_count + u_count, k) for k in range(1, min(s_count, u_count) + 1))
    return variations


def _dictionary_matches(  # noqa: PLR0915 (one hot loop; helpers would cost a call per step)
    text: str,
    lowered: str,
    index: Mapping[str, tuple[str, int]],
    out: list[Found],
    *,
    max_tables: int,
    edges_only: bool = False,
    short_forms: Container[str] | None = None,
) -> bool:
    """Plain and l33t dictionary matches, walking prefixes so that dead ends stop at once.

    Each l33t character keeps one meaning within a token (itself or one letter); at most
    ``max_tables`` partial substitution tables are alive per starting position. Once no sequence of
    three pieces can be the minimum (``edges_only``, or :func:`two_pieces_do` after the walk from
    the text's start), walks from later starts report only the words that end the text: every key's
    prefixes are in the index, so a plain stretch is one lookup; and with ``short_forms`` (the
    index's :attr:`WordIndex.short_forms`), a start whose rest of at most ``SHORT_FORM`` characters
    has no word's l33t classes is not walked. Returns whether that was so.
    """
    n = len(text)
    last = n - 1
    table = _MEANINGS
    lookup = index.get
    limits = brute_limits(n)  # a word ranked above the limit for its length never wins: skipped
    caseless = not _ASCII_UPPER.search(text)  # then every token's capitalisation factor is 1
    # plain_end[k]: the first l33t character at or after k (n if none).
    plain_end = [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        plain_end[k] = k if lowered[k] in table else plain_end[k + 1]
    classes = ""
    for start in range(n):
        if start == 1 and not edges_only:
            edges_only = two_pieces_do(n, out)
        # Plain stretch: no l33t character yet, so the candidate is just a slice.
        stop = plain_end[start]
        if edges_only and start:
            if short_forms is not None and n - start <= SHORT_FORM:
                classes = classes or lowered.translate(_L33T_CLASSES)
                if classes[start:] not in short_forms:
                    continue
            if stop > start:
                entry = lookup(lowered[start:stop])
                if entry is None:
                    continue
                if stop == n:
                    rank = entry[1]
                    if rank and rank <= limits[n - start]:
                        guesses = rank if caseless else rank * uppercase_variations(text[start:])
                        out.append(
                            _new_tuple(
                                Found, (start, last, guesses, "dictionary", entry[0], rank, False, False, "", 0, 0)
                            )
                        )
                    continue
        else:
            alive = True
            for pos in range(start, stop):
                entry = lookup(lowered[start : pos + 1])
                if entry is None:
                    alive = False
                    break
                rank = entry[1]
                if rank and rank <= limits[pos + 1 - start]:
                    guesses = rank if caseless else rank * uppercase_variations(text[start : pos + 1])
                    out.append(
                        _new_tuple(Found, (start, pos, guesses, "dictionary", entry[0], rank, False, False, "", 0, 0))
                    )
            if not alive or stop >= n:
                continue
        # The first l33t character: one branch per meaning; the walk goes on only from live ones.
        ends_only = edges_only and start > 0
        prefix = lowered[start:stop]
        limit = limits[stop + 1 - start]
        frontier: list[tuple[str, _Subs]] = []
        for piece, pair in table[lowered[stop]]:
            candidate = prefix + piece
            entry = lookup(candidate)
            if entry is None:
                continue
            subs = (pair,)
            if (
                entry[1]
                and entry[1] <= limit
                and (stop == last or not ends_only)
                and (word := _word_match(text, start, stop, entry, subs)) is not None
            ):
                out.append(word)
            frontier.append((candidate, subs))
        if frontier and stop + 1 < n:
            _l33t_walk(
                text,
                lowered,
                start,
                stop + 1,
                frontier,
                lookup=lookup,
                limits=limits,
                out=out,
                max_tables=max_tables,
                ends_only=ends_only,
            )
    return edges_only


def _l33t_walk(
    text: str,
    lowered: str,
    start: int,
    first: int,
    frontier: list[tuple[str, _Subs]],
    *,
    lookup: Callable[[str], tuple[str, int] | None],
    limits: Sequence[float],
    out: list[Found],
    max_tables: int,
    ends_only: bool = False,
) -> None:
    """Dictionary matches from ``start`` on, continuing the live ``frontier`` from ``first`` on.

    ``frontier`` holds (prefix so far, each l33t character's meaning so far: a letter, or "" for
    itself); the prefixes end at ``first - 1``. Each l33t character keeps one meaning within a
    token (itself or one letter), so the walk branches only at each one's first occurrence.
    ``limits`` is :func:`brute_limits` for the text. With ``ends_only``, only the words ending the
    text are reported.
    """
    table = _MEANINGS
    report = len(text) - 1 if ends_only else first  # matches are reported from this position on
    for pos in range(first, len(text)):
        ch = lowered[pos]
        letters = table.get(ch)
        limit = limits[pos + 1 - start]
        grown: list[tuple[str, _Subs]] = []
        for prefix, subs in frontier:
            piece = ch
            if letters is not None:
                for subbed, letter in subs:
                    if subbed == ch:
                        piece = letter or ch
                        break
                else:  # the first of this l33t character: one branch per meaning (tables built only if alive)
                    for piece, pair in letters:
                        candidate = prefix + piece
                        entry = lookup(candidate)
                        if entry is None:
                            continue
                        new_subs = (*subs, pair)
                        if entry[1] and entry[1] <= limit and pos >= report:
                            word = _word_match(text, start, pos, entry, new_subs)
                            if word is not None:
                                out.append(word)
                        grown.append((candidate, new_subs))
                    continue
            candidate = prefix + piece
            entry = lookup(candidate)
            if entry is None:
                continue
            if (
                entry[1]
                and entry[1] <= limit
                and pos >= report
                and (word := _word_match(text, start, pos, entry, subs)) is not None
            ):
                out.append(word)
            grown.append((candidate, subs))
        if not grown:
            break
        frontier = grown if len(grown) <= max_tables else grown[:max_tables]


def _word_match(text: str, start: int, pos: int, entry: tuple[str, int], subs: _Subs) -> Found | None:
    """The match for a dictionary word found at ``text[start:pos + 1]``, plain or l33t."""
    used = [pair for pair in subs if pair[1]]
    if used and pos == start:
        return None  # zxcvbn ignores one-character l33t tokens
    token = text[start : pos + 1]
    guesses = entry[1] * uppercase_variations(token)
    if used:
        guesses *= _l33t_variations(token, used)
    return _word(start, pos, guesses, entry, reverse=False, l33t=bool(used))


def _reverse_dictionary_matches(
    text: str, index: Mapping[str, tuple[str, int]], out: list[Found], *, edges_only: bool = False
) -> None:
    """Dictionary words spelled backwards (no l33t, as in zxcvbn); twice the guesses of the word.

    With ``edges_only``, only the words that begin or end the text (see :func:`two_pieces_do`).
    """
    n = len(text)
    backwards = lower_each(text[::-1])
    lookup = index.get
    limits = brute_limits(n)  # twice the rank above the limit for the length: never wins, skipped
    caseless = not _ASCII_UPPER.search(text)  # then every token's capitalisation factor is 1
    for start in range(n):
        if start and edges_only:
            # Only the word reaching the text's start: the walk gets there exactly when the rest of
            # the reversed text is in the index (every key's prefixes are), so look that up alone.
            entry = lookup(backwards[start:])
            if entry is not None and entry[1] and entry[1] * 2 <= limits[n - start]:
                j = n - 1 - start
                guesses = entry[1] * 2 if caseless else entry[1] * uppercase_variations(text[: j + 1]) * 2
                out.append(_word(0, j, guesses, entry, reverse=True, l33t=False))
            continue
        for end in range(start + 1, n + 1):
            entry = lookup(backwards[start:end])
            if entry is None:
                break
            if entry[1] and entry[1] * 2 <= limits[end - start]:
                i, j = n - end, n - 1 - start
                guesses = entry[1] * 2 if caseless else entry[1] * uppercase_variations(text[i : j + 1]) * 2
                out.append(_word(i, j, guesses, entry, reverse=True, l33t=False))


_SPATIAL_TABLE = 16  # chains up to this long take their pattern count from a table


def _spatial_table(graph: KeyboardGraph) -> tuple[tuple[float, ...], ...]:
    """``table[length][turns]``: :func:`_spatial_guesses` before the shift factor, for short chains.

    Each entry is summed in the very order the formula sums (the same floating-point result).
    """
    starts, degree = graph.starting_positions, graph.average_degree
    table = [[0.0] * _SPATIAL_TABLE for _ in range(_SPATIAL_TABLE + 1)]
    for turns in range(1, _SPATIAL_TABLE):
        guesses = 0.0
        for size in range(2, _SPATIAL_TABLE + 1):
            for turn in range(1, min(turns, size - 1) + 1):
                guesses += math.comb(size - 1, turn - 1) * starts * degree**turn
            table[size][turns] = guesses
    return tuple(tuple(row) for row in table)


def _spatial_guesses(
    graph: KeyboardGraph, length: int, turns: int, shifted: int, table: Sequence[Sequence[float]] = ()
) -> float:
    """zxcvbn's count of keyboard patterns of at most this length and number of turns."""
    if length < len(table) and turns < len(table[length]):
        guesses = table[length][turns]
    else:
        starts, degree = graph.starting_positions, graph.average_degree
        guesses = 0.0
        for size in range(2, length + 1):
            for turn in range(1, min(turns, size - 1) + 1):
                guesses += math.comb(size - 1, turn - 1) * starts * degree**turn
    if shifted:
        unshifted = length - shifted
        if unshifted <= 0:
            guesses *= 2
        else:
            guesses *= sum(math.comb(length, k) for k in range(1, min(shifted, unshifted) + 1))
    return guesses


def _keyboard_matches(text: str, keyboards: Keyboards, out: list[Found], *, edges_only: bool = False) -> None:
    """Runs of adjacent keys (three or more) on each graph, as zxcvbn's greedy left-to-right scan finds them.

    Only graphs on which two consecutive moves occur can have one; all graphs share the key pairs.
    With ``edges_only``, only the runs that begin or end the text (see :func:`two_pieces_do`).
    """
    pairs = [text[k : k + 2] for k in range(len(text) - 1)]
    masks = list(map(keyboards.moves.get, pairs))
    if edges_only:
        # A run at an end begins with the first two moves or ends with the last two, on one graph.
        if len(masks) < 2 or not ((masks[0] or 0) & (masks[1] or 0) or (masks[-2] or 0) & (masks[-1] or 0)):
            return
        found: list[Found] = []
        _keyboard_matches(text, keyboards, found)
        last = len(text) - 1
        out.extend(match for match in found if not match[0] or match[1] == last)
        return
    live = 0
    for first, second in itertools.pairwise(masks):
        if first and second:
            live |= first & second
    if not live:
        return
    # hot: (k, graphs on which steps k and k + 1 are both moves). A chain of three or more keys is a
    # maximal run of moves on one graph: a run of hot positions k..k + t is the chain of keys
    # k..k + t + 2 (zxcvbn's scan starts a chain at a run's first move and drops two-key chains).
    hot = [(k, first & second) for k, (first, second) in enumerate(itertools.pairwise(masks)) if first and second]
    # The same chain on a later graph, with no fewer guesses, is never the match the search keeps
    # for its span (the first with the fewest): it is left out.
    fewest: dict[int, tuple[int, float]] = {}  # chain start -> (its last key, fewest guesses so far)
    for bit, graph in enumerate(keyboards.graphs):
        if not live >> bit & 1:
            continue
        moves, shifted_keys, table = graph.moves, graph.shifted_keys, keyboards.tables[bit]
        runs = [k for k, both in hot if both >> bit & 1]
        for at, i in enumerate(runs):
            if at and runs[at - 1] == i - 1:
                continue  # inside the chain of an earlier hot position
            j = i + 2  # the last key
            after = at + 1
            while after < len(runs) and runs[after] == j - 1:
                after += 1
                j += 1
            last_direction = -1
            turns = 0
            shifted = 1 if text[i] in shifted_keys else 0
            for pair in pairs[i:j]:
                direction, shift = moves[pair]
                if shift:
                    shifted += 1
                if direction != last_direction:
                    turns += 1
                    last_direction = direction
            guesses = _spatial_guesses(graph, j - i + 1, turns, shifted, table)
            known = fewest.get(i)
            if known is not None and known[0] == j and known[1] <= guesses:
                continue
            if known is None or known[0] == j:
                fewest[i] = (j, guesses)
            out.append(_new_tuple(Found, (i, j, guesses, "spatial", "", 0, False, False, graph.name, turns, 0)))


_SHORT_REPEAT = re.compile(r"(.)\1|(..)\2", re.DOTALL)
_REPEATS = tuple((re.compile(r"(.+)\1+", flags), re.compile(r"(.+?)\1+", flags)) for flags in (re.NOFLAG, re.DOTALL))


def _repeat_matches(
    text: str, base_guesses: Callable[[str], float], out: list[Found], *, edges_only: bool = False
) -> None:
    """Repeated blocks (``aaa``, ``abcabc``), found as zxcvbn does; the base is scored recursively.

    zxcvbn's ``.`` skips newlines; a second pass with ``re.DOTALL`` adds repeats across them. With
    ``edges_only``, only the repeats that begin or end the text are scored and reported (see
    :func:`two_pieces_do`); the scan itself is the same.
    """
    # A block repeated at once is a doubled character, a doubled pair or a three-character window
    # seen twice: without any, there is no repeat (the searches below cost far more than this test).
    windows = len(text) - 2
    if not _SHORT_REPEAT.search(text) and len(set(zip(text, text[1:], text[2:], strict=False))) == max(windows, 0):
        return
    for pass_number, (greedy, shortest) in enumerate(_REPEATS):
        if pass_number and "\n" not in text:
            break
        pos = 0
        while pos < len(text):
            long_match = greedy.search(text, pos)
            if long_match is None:
                break
            short_match = shortest.search(text, pos)
            assert short_match is not None  # a greedy repeat implies a lazy one  # noqa: S101
            if len(long_match.group(0)) > len(short_match.group(0)):
                whole = long_match
                inner = shortest.fullmatch(whole.group(0))
                assert inner is not None  # noqa: S101
                base = inner.group(1)
            else:
                whole = short_match
                base = whole.group(1)
            i, j = whole.start(), whole.end() - 1
            if edges_only and i and j != len(text) - 1:
                pos = j + 1
                continue
            count = (j - i + 1) // len(base)
            guesses = base_guesses(base) * count
            out.append(_new_tuple(Found, (i, j, guesses, "repeat", "", 0, False, False, "", 0, len(base))))
            pos = j + 1


def _sequence_matches(text: str, out: list[Found], *, edges_only: bool = False) -> None:
    """Runs with a constant code-point step of 1 to 5 (``abcd``, ``9753``), as zxcvbn finds them.

    With ``edges_only``, only the runs that begin or end the text (see :func:`two_pieces_do`).
    """
    n = len(text)
    if n < 2:
        return
    codes = list(map(ord, text))
    if edges_only:
        _edge_sequences(text, codes, out)
        return
    i = 0
    last = codes[1] - codes[0]
    for k in range(2, n):
        delta = codes[k] - codes[k - 1]
        if delta != last:
            # Most runs are kept by no rule (step 0 or above 5, or two characters a step other
            # than 1 apart): skip the call.
            if last and -5 <= last <= 5 and (k - i > 2 or last in {1, -1}):
                _sequence_match(text, i, k - 1, last, out)
            i = k - 1
            last = delta
    if last and -5 <= last <= 5 and (n - i > 2 or last in {1, -1}):
        _sequence_match(text, i, n - 1, last, out)


def _edge_sequences(text: str, codes: Sequence[int], out: list[Found]) -> None:
    """The runs of :func:`_sequence_matches` that begin or end the text, found from the two ends."""
    n = len(codes)
    first = codes[1] - codes[0]
    k = 2  # the first run is 0..k - 1
    while k < n and codes[k] - codes[k - 1] == first:
        k += 1
    if first and -5 <= first <= 5 and (k > 2 or first in {1, -1}):
        _sequence_match(text, 0, k - 1, first, out)
    if k == n:
        return  # one run over everything
    last = codes[n - 1] - codes[n - 2]
    i = n - 2  # the last run is i..n - 1
    while i > 0 and codes[i] - codes[i - 1] == last:
        i -= 1
    if last and -5 <= last <= 5 and (n - i > 2 or last in {1, -1}):
        _sequence_match(text, i, n - 1, last, out)


def _sequence_match(text: str, i: int, j: int, delta: int, out: list[Found]) -> None:
    """The sequence match over ``text[i : j + 1]``, whose steps are all ``delta``, if zxcvbn keeps it."""
    if (j - i > 1 or abs(delta) == 1) and 0 < abs(delta) <= 5:
        first = text[i]
        if first in "aAzZ019":
            base = 4
        elif first.isdecimal():
            base = 10
        else:
            base = 26
        if delta < 0:
            base *= 2
        token = text[i : j + 1]
        if token.isascii() and token.islower() and token.isalpha():
            name = "lower"
        elif token.isascii() and token.isupper() and token.isalpha():
            name = "upper"
        elif token.isdecimal():
            name = "digits"
        else:
            name = "unicode"
        out.append(_new_tuple(Found, (i, j, base * (j - i + 1), "sequence", "", 0, False, False, name, 0, 0)))


_YEAR = re.compile(r"(?=(19\d\d|20\d\d))")  # every window, overlapping ones too
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
MIN_YEAR_SPACE = 20


def _year_matches(text: str, reference_year: int, out: list[Found], *, edges_only: bool = False) -> None:
    """Every four-character window that reads as a year 1900-2099 (zxcvbn: 1900-2019, non-overlapping).

    With ``edges_only``, only the windows that begin or end the text (see :func:`two_pieces_do`).
    """
    if "19" not in text and "20" not in text:
        return  # no year can start anywhere (a substring test costs far less than the scan)
    windows: Iterable[re.Match[str] | None]
    if edges_only:
        windows = [_YEAR.match(text, i) for i in sorted({0, len(text) - 4}) if i >= 0]
    else:
        windows = _YEAR.finditer(text)
    for found in windows:
        if found is None:
            continue
        space = max(abs(int(found.group(1)) - reference_year), MIN_YEAR_SPACE)
        i = found.start()
        out.append(_new_tuple(Found, (i, i + 3, space, "regex", "", 0, False, False, "recent_year", 0, 0)))


_DATE_WITH_SEPARATOR = re.compile(r"(\d{1,4})([\s/\\_.-])(\d{1,2})\2(\d{1,4})$")
# Where a run of digits may split into three numbers, by run length (zxcvbn's table).
_DATE_SPLITS = {
    4: ((1, 2), (2, 3)),
    5: ((1, 3), (2, 3)),
    6: ((1, 2), (2, 4), (4, 5)),
    7: ((1, 3), (2, 3), (4, 5), (4, 6)),
    8: ((2, 4), (4, 6)),
}
_DATE_MIN_YEAR, _DATE_MAX_YEAR = 1000, 2050


def _day_month(a: int, b: int) -> bool:
    """Whether (a, b) reads as day-month or month-day."""
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= b <= 31 and 1 <= a <= 12)


def _date_year(numbers: tuple[int, int, int]) -> int | None:
    """The year of a plausible date made of these three numbers (zxcvbn's rules), else ``None``."""
    first, second, third = numbers
    low, high = _DATE_MIN_YEAR, _DATE_MAX_YEAR
    if (
        not 0 < second <= 31
        or 99 < first < low
        or first > high
        or 99 < second < low
        or second > high
        or 99 < third < low
        or third > high
        or (first > 31) + (second > 31) + (third > 31) >= 2
        or (first > 12 and second > 12 and third > 12)
        or (first <= 0) + (second <= 0) + (third <= 0) >= 2
    ):
        return None
    # Year last (day and month first), then year first; a four-digit year decides.
    if low <= third <= high:
        return third if _day_month(first, second) else None
    if low <= first <= high:
        return first if _day_month(second, third) else None
    year = third if _day_month(first, second) else first if _day_month(second, third) else None
    if year is None or year > 99:
        return year
    return year + (1900 if year > 50 else 2000)


def _date_matches(text: str, reference_year: int, out: list[Found], *, edges_only: bool = False) -> None:
    """Dates of 4-8 digits, or with one repeated separator; every one, sub-dates included.

    With ``edges_only``, only the dates that begin or end the text (see :func:`two_pieces_do`).
    """
    n = len(text)
    last = n - 1
    # Runs of decimal digits (zxcvbn's \d is any Unicode decimal digit): every date starts in one.
    spans = [digits.span() for digits in _DIGITS.finditer(text)]
    for begin, end in spans:
        for i in range(begin, min(end, n - 3)):
            width = end - i  # how many digits start at i
            # Past the text's start, only a date ending the text is wanted: the test below stops at
            # the same place for it whether the shorter ones were tried first or not.
            for j in range(i + 3 if not (edges_only and i) else max(i + 3, last), min(i + 8, n)):
                # zxcvbn tests r"^\d{4,8}$", whose "$" also accepts one final newline.
                if j - i + 1 > width and not (j - i == width and text[j] == "\n"):
                    break
                token = text[i : j + 1]
                space = 0
                for k, m in _DATE_SPLITS.get(len(token), ()):
                    try:
                        numbers = (int(token[:k]), int(token[k:m]), int(token[m:]))
                    except ValueError:
                        continue
                    year = _date_year(numbers)
                    if year is not None:
                        distance = max(abs(year - reference_year), MIN_YEAR_SPACE)
                        space = distance if not space or distance < space else space
                if space:
                    out.append(_new_tuple(Found, (i, j, space * 365, "date", "", 0, False, False, "", 0, 0)))
    for begin, end in spans:
        for i in range(begin, min(end, n - 5)):
            width = end - i
            # The separator must follow the first run of 1-4 digits (zxcvbn's \s is str.isspace()).
            if width > 4 or not (text[i + width] in "/\\_.-" or text[i + width].isspace()):
                continue
            for j in range(i + 5 if not (edges_only and i) else max(i + 5, last), min(i + 10, n)):
                found = _DATE_WITH_SEPARATOR.match(text, i, j + 1)
                if found is None:
                    continue
                year = _date_year((int(found.group(1)), int(found.group(3)), int(found.group(4))))
                if year is not None:
                    out.append(Found(i, j, max(abs(year - reference_year), MIN_YEAR_SPACE) * 365 * 4, "date"))


def lower_each(text: str) -> str:
    """Lower case, one code point for one (a character whose lower case is longer stays as is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def two_pieces_do(n: int, found: Iterable[Found]) -> bool:
    """Whether some sequence of at most two pieces costs well below ``10000 ** 2`` (with a match found).

    Every sequence of three or more pieces costs at least ``10000 ** 2`` in the minimum search (its
    penalty), so then no match missing both ends of the text can be in a minimum (nor tie one): the
    search leaves all of them out, and a matcher need not find them. A match over one end, its guesses
    floored and within brute force's limit as the search takes them, with one brute-force run over
    the rest costs ``2 * guesses * 10 ** rest + 10000`` (11 for one code point); the margin (half of
    ``10000 ** 2``) keeps rounding from deciding.
    """
    limits = brute_limits(n)
    last = n - 1
    for match in found:
        i, j = match[0], match[1]
        if i and j != last:
            continue
        size = j - i + 1
        rest = n - size
        if rest > 7:  # 2 * 10 ** rest alone is too much (and 10.0 ** rest may overflow)
            continue
        raw = match[2]
        floor = 1 if size == n else (10 if size == 1 else 50)
        guesses = raw if raw >= floor else floor
        if guesses > limits[size]:
            continue
        cost = guesses + 1 if not rest else 2 * guesses * (11.0 if rest == 1 else 10.0**rest) + 10000
        if cost < _TWO_PIECES_SUFFICE:
            return True
    return False


_TWO_PIECES_SUFFICE = 10000.0**2 / 2


def find_matches_and_edges(
    text: str,
    indexes: Sequence[Mapping[str, tuple[str, int]]],
    graphs: Sequence[KeyboardGraph] | Keyboards,
    reference_year: int,
    base_guesses: Callable[[str], float],
    *,
    max_tables: int,
    short_forms: Sequence[Container[str] | None] = (),
) -> tuple[list[Found], bool]:
    """Every candidate match in ``text`` (at most a few hundred for 100 code points), and whether
    the matches show that no sequence of three pieces can be the minimum.

    Dictionary words ranked too low to beat brute force over their own span are left out: they
    can never be part of a minimum sequence. ``short_forms[k]``, where given, is the
    :attr:`WordIndex.short_forms` of ``indexes[k]``. Once the dictionary walks show that two pieces
    suffice (:func:`two_pieces_do`), every matcher after the walk from the text's start leaves out
    the matches missing both ends of the text.
    """
    out: list[Found] = []
    lowered = lower_each(text)
    edges_only = False
    checked = 0  # out[:checked] are known not to show it
    for number, index in enumerate(indexes):  # each walked on its own: a small per-call one dies at once
        forms = short_forms[number] if number < len(short_forms) else None
        edges_only = _dictionary_matches(
            text, lowered, index, out, max_tables=max_tables, edges_only=edges_only, short_forms=forms
        )
        if not edges_only:
            edges_only = two_pieces_do(len(text), out)
            checked = len(out)
        _reverse_dictionary_matches(text, index, out, edges_only=edges_only)
    _keyboard_matches(text, graphs if isinstance(graphs, Keyboards) else Keyboards(graphs), out, edges_only=edges_only)
    _repeat_matches(text, base_guesses, out, edges_only=edges_only)
    _sequence_matches(text, out, edges_only=edges_only)
    if _DIGIT.search(text):
        _year_matches(text, reference_year, out, edges_only=edges_only)
        _date_matches(text, reference_year, out, edges_only=edges_only)
    return out, edges_only or two_pieces_do(len(text), out[checked:])
