"""Password strength estimation: ``passkit.estimate``, zxcvbn's model made safe, bounded and current.

Pipeline: NFKC-normalise, keep at most :data:`MAX_ANALYSED` code points, find every candidate
match (:mod:`passkit._estimate_match`), then pick the match sequence that minimises zxcvbn's cost
``l! * product(guesses) + 10000 ** (l - 1)`` exactly, by dynamic programming over
(position, sequence length) with Pareto pruning. zxcvbn's own search prunes heuristically; an
exact minimum over a superset of zxcvbn's matches is never above zxcvbn's answer.

All state is per call: user inputs become a per-call dictionary, the shared word index and
keyboard graphs are built once (lazily, behind a lock) and never written afterwards.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import math
import time
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from passkit._context import birthday_digits, iso_date, text_dates
from passkit._estimate_match import (
    Found,
    KeyboardGraph,
    Keyboards,
    RankedDictionary,
    ShortenedName,
    WordIndex,
    add_word,
    brute_limits,
    find_matches_and_edges,
    lower_each,
    uppercase_variations,
    zxcvbn_dictionaries,
    zxcvbn_graphs,
)
from passkit._estimate_text import display_time, message
from passkit._japanese import Matcher, graphs_with_jis, japanese_dictionaries, japanese_matchers
from passkit._messages import check_locale
from passkit._normalize import nfkc
from passkit._wordlists import lazy

__all__ = [
    "MAX_ANALYSED",
    "MAX_L33T_TABLES",
    "CrackTime",
    "CrackTimes",
    "Estimate",
    "Estimator",
    "Feedback",
    "Match",
    "estimate",
    "strength_score",
]

MAX_ANALYSED = 100
"""At most this many code points (after NFKC) are analysed; longer passwords set ``truncated``."""
MAX_L33T_TABLES = 64
"""At most this many partial l33t substitution tables are followed from each starting position."""
_MAX_RAW = 4 * MAX_ANALYSED  # NFKC looks at no more than this many input code points
_SEQUENCE_PENALTY = 10000.0  # zxcvbn's MIN_GUESSES_BEFORE_GROWING_SEQUENCE
_RESERVED = "user_inputs"

# The best way to cover a prefix with a given number of pieces: (product of guesses, last piece's
# match or None for brute force, its first index, the length of the sequence before it, its guesses).
_Entry = tuple[float, Found | None, int, int, float]


@dataclass(frozen=True, slots=True, repr=False)
class Match:
    """One piece of the optimal match sequence; its ``repr`` masks the token.

    Attributes:
        pattern: ``dictionary``, ``spatial``, ``repeat``, ``sequence``, ``regex``, ``date``,
            ``romaji`` (a run of kana, priced as its Hepburn romaji) or ``bruteforce``.
        i: index of the first code point (in the analysed, NFKC-normalised text).
        j: index of the last code point, inclusive.
        token: the matched text (part of the password: never logged, masked in ``repr``).
        guesses: guesses zxcvbn's model assigns to this piece.
        dictionary_name: for dictionary matches, the list the word comes from.
        rank: for dictionary matches, the word's rank in that list (1 is the most common).
        reversed: the word is spelled backwards.
        l33t: the word is written with substitutions such as ``@`` for ``a``.
        name: keyboard graph, regex or sequence name, where the pattern has one.
        last_letter_dropped: the token is a dictionary word of six or more characters without its
            last character (``passwor``); ``rank`` is the whole word's, and the guesses are twice
            those of the word itself (an attacker tries each word whole and shortened). Not to be
            confused with :attr:`Estimate.truncated`, which is about the password, not one word.
    """

    pattern: str
    i: int
    j: int
    token: str
    guesses: float
    dictionary_name: str = ""
    rank: int = 0
    reversed: bool = False
    l33t: bool = False
    name: str = ""
    last_letter_dropped: bool = False

    def __repr__(self) -> str:
        extra = ""
        if self.pattern == "dictionary":
            extra = f", dictionary_name={self.dictionary_name!r}, rank={self.rank}"
            extra += f", reversed={self.reversed}, l33t={self.l33t}, last_letter_dropped={self.last_letter_dropped}"
        elif self.name:
            extra = f", name={self.name!r}"
        return (
            f"Match(pattern={self.pattern!r}, i={self.i}, j={self.j}, token=<masked>, guesses={self.guesses!r}{extra})"
        )


@dataclass(frozen=True, slots=True)
class CrackTime:
    """Time to guess the password in one attack scenario.

    Attributes:
        seconds: guesses divided by the scenario's guessing rate.
        display: rounded, in words, in the requested locale (``"3 hours"``, ``"3時間"``).
    """

    seconds: float
    display: str


@dataclass(frozen=True, slots=True)
class CrackTimes:
    """zxcvbn's four attack scenarios."""

    online_throttling_100_per_hour: CrackTime
    online_no_throttling_10_per_second: CrackTime
    offline_slow_hashing_1e4_per_second: CrackTime
    offline_fast_hashing_1e10_per_second: CrackTime


@dataclass(frozen=True, slots=True)
class Feedback:
    """What to tell the user: one warning (possibly empty) and suggestions, in the requested locale."""

    warning: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Estimate:
    """The result of :func:`estimate`; its ``repr`` never shows the password.

    Attributes:
        guesses: estimated guesses to find the password (an ``int`` when exact and small).
        guesses_log10: ``log10(guesses)``.
        score: 0-4 on zxcvbn's thresholds (below 10**3, 10**6, 10**8, 10**10 guesses, plus 5).
        crack_times: seconds and display for zxcvbn's four attack scenarios.
        feedback: warning and suggestions.
        sequence: the optimal match sequence (tokens masked in ``repr``).
        truncated: ``True`` when only a prefix of the password was analysed.
    """

    guesses: int | float
    guesses_log10: float
    score: int
    crack_times: CrackTimes
    feedback: Feedback
    sequence: tuple[Match, ...]
    truncated: bool


def _score(guesses: float) -> int:
    """zxcvbn's score thresholds."""
    for score, limit in enumerate((1e3, 1e6, 1e8, 1e10)):
        if guesses < limit + 5:
            return score
    return 4


def _pareto(front: dict[int, _Entry]) -> dict[int, _Entry]:
    """Keep a length only if its product beats every shorter length's (others can never win)."""
    if len(front) < 2:
        return front
    kept: dict[int, _Entry] = {}
    best = math.inf
    for length in sorted(front):
        entry = front[length]
        if entry[0] < best:
            kept[length] = entry
            best = entry[0]
    return kept


def _cost(length: int, product: float) -> float:
    """zxcvbn's sequence cost ``l! * product + 10000 ** (l - 1)``, in floating point."""
    penalty = _SEQUENCE_PENALTY ** (length - 1) if length < 70 else math.inf
    return math.factorial(length) * product + penalty


# l! and 10000 ** (l - 1) for every sequence length a call can reach (immutable tables).
_FACTORIAL = tuple(float(math.factorial(size)) for size in range(MAX_ANALYSED + 2))
_PENALTY = tuple(_cost(size, 0.0) for size in range(MAX_ANALYSED + 2))
_POWER_OFFSET = MAX_ANALYSED + 2
_POWERS_OF_TEN = tuple(10.0**power for power in range(-_POWER_OFFSET, _POWER_OFFSET + 2))
# The cost of brute force over the whole text, n code points, with the search's rounding margin.
_BRUTE_BOUND = (
    0.0,
    *(_cost(1, 11.0 if size == 1 else 10.0**size) * (1 + 1e-12) for size in range(1, MAX_ANALYSED + 2)),
)


_NOTHING: Mapping[int, _Entry] = types.MappingProxyType({})  # the front of a position never kept


def _minimum_sequence(  # noqa: PLR0915 (one hot loop; helpers would cost a call per step)
    n: int, candidates: Iterable[Found]
) -> tuple[float, list[tuple[int, int, float, Found | None]]]:
    """The exact minimum-cost sequence covering ``n`` code points, brute force filling the gaps."""
    by_end: dict[int, list[tuple[int, float, Found]]] = {}
    # Two brute-force pieces side by side are never in a minimum: one run over both has fewer pieces
    # and no more guesses. So only prefixes ending where a match ends, just before one starts, or at
    # the end are ever kept (``marks``); the others could only lead to such pairs.
    marks = {n - 1}
    limits = brute_limits(n)
    factorial, penalty, powers = _FACTORIAL, _PENALTY, _POWERS_OF_TEN
    whole: Found | None = None  # the first match over all n code points with the fewest guesses
    whole_guesses = 0.0
    # ``ceiling``: the cost of some complete sequence (with the search's rounding margin), from brute
    # force over everything and each match at an end with one brute-force run over the rest.
    ceiling = _BRUTE_BOUND[n] if n < len(_BRUTE_BOUND) else _cost(1, 10.0**n) * (1 + 1e-12)
    usable: list[tuple[int, int, float, Found]] = []
    last = n - 1
    heads: dict[int, float] = {}  # last index -> fewest guesses of a match from the start to there
    tails: dict[int, float] = {}  # first index -> fewest guesses of a match from there to the end
    for found in candidates:
        i, j, raw = found[0], found[1], found[2]
        size = j - i + 1
        floor = 1 if size == n else (10 if size == 1 else 50)
        guesses = raw if raw >= floor else floor  # max(raw, floor)
        # Brute force over the same span is one piece too (11 for one code point, else 10 ** size):
        # a match costing more can always be swapped for it, same length and a smaller product, so
        # it is never part of a minimum (the margin keeps rounding from deciding).
        if guesses > limits[size]:
            continue
        if size == n:
            if whole is None or guesses < whole_guesses:
                whole, whole_guesses = found, guesses
            cost = (factorial[1] * guesses + penalty[1]) * (1 + 1e-12)
        elif not i:
            rest = last - j
            cost = (factorial[2] * guesses * (11.0 if rest == 1 else powers[_POWER_OFFSET + rest]) + penalty[2]) * (
                1 + 1e-12
            )
            if guesses < heads.get(j, math.inf):
                heads[j] = guesses
        elif j == last:
            cost = (factorial[2] * (11.0 if i == 1 else powers[_POWER_OFFSET + i]) * guesses + penalty[2]) * (1 + 1e-12)
            if guesses < tails.get(i, math.inf):
                tails[i] = guesses
        else:
            cost = ceiling
        if cost < ceiling:  # noqa: PLR1730 (a call to min costs more, once per candidate)
            ceiling = cost
        usable.append((i, j, guesses, found))
    if heads and tails:  # two matches side by side, one at each end
        for j, head in heads.items():
            tail = tails.get(j + 1)
            if tail is not None:
                cost = (factorial[2] * head * tail + penalty[2]) * (1 + 1e-12)
                if cost < ceiling:  # noqa: PLR1730
                    ceiling = cost
    for i, j, guesses, found in usable:
        # A match needs at least one more piece when it misses an end, two when it misses both; every
        # piece has at least one guess, so a sequence with it costs at least factorial[l] * guesses +
        # penalty[l] for that many pieces l. Above ``ceiling``, it is never in a minimum (nor a tie).
        if (i and j != last and factorial[3] * guesses + penalty[3] > ceiling) or (
            (not i) != (j == last) and factorial[2] * guesses + penalty[2] > ceiling
        ):
            continue
        ending = by_end.get(j)
        if ending is None:
            by_end[j] = [(i, guesses, found)]
            marks.add(j)
        else:
            # Over one span only the first match with the fewest guesses can be in a minimum.
            for other in ending:
                if other[0] == i:
                    if guesses < other[1]:
                        ending.remove(other)
                        ending.append((i, guesses, found))
                    break
            else:
                ending.append((i, guesses, found))
        if i:
            marks.add(i - 1)
    # One match over everything costing g + 1 below 10000 beats every longer sequence (at least
    # 2 * product + 10000) and, no dearer than brute force over everything, is the minimum.
    if whole is not None and whole_guesses < 9999 and whole_guesses <= (11.0 if n == 1 else 10.0**n):
        return _FACTORIAL[1] * (1.0 * whole_guesses) + _PENALTY[1], [(0, n - 1, whole_guesses, whole)]
    # Some sequence of at most two pieces costs below 10000 ** 2, the least any longer one costs: the
    # minimum has one or two pieces, and is found without the search over every prefix.
    if ceiling < penalty[3]:
        return _one_or_two_pieces(n, by_end)
    # fronts[k]: sequence length -> best (product, match or None, first index, length before, guesses)
    # for a sequence covering 0..k; pairs[k] holds the (length, product) items kept, shortest first.
    origin: tuple[tuple[int, float], ...] = ((0, 1.0),)
    fronts: list[Mapping[int, _Entry]] = [_NOTHING] * n
    pairs: list[Sequence[tuple[int, float]]] = [()] * n
    # matched[k]: the items of pairs[k] whose last piece is a match. Brute force after a brute-force
    # piece is never in a minimum, so only these (and the origin) precede brute force.
    matched: list[Sequence[tuple[int, float]]] = [()] * n
    # factorial[l] and penalty[l] = 10000 ** (l - 1): a sequence of l pieces with product p costs
    # at least factorial[l] * p + penalty[l], and pieces only add to both terms. A prefix that
    # already costs more than a complete sequence found so far (``bound``) is dropped.
    bound = ceiling  # a complete sequence's cost: a minimum costs no more
    # Brute-force runs of two or more code points, i..k, cost 10 ** (k - i + 1): for each length l
    # of the sequence before the run, the least product before it divided by 10 ** i, with that i.
    # The run ending at k then costs scaled * 10 ** (k + 1), so one running minimum serves every k.
    # A run starting at i enters at k = i + 1 (shorter is one brute-forced code point), from the
    # prefix ending at i - 1: ``sources`` lists those prefixes (-1: the empty one), in order.
    runs: dict[int, tuple[float, int]] = {}
    sources = [-1]
    fed = 0  # sources[:fed] are in runs
    for k in sorted(marks):
        ending = by_end.get(k)
        before = matched[k - 1] if k else origin
        if ending is None:  # only brute force ends here: one brute-forced code point after each length
            best: dict[int, _Entry] = {length + 1: (product * 11, None, k, length, 11.0) for length, product in before}
            get = best.get
        else:
            best = {}
            get = best.get
            for i, guesses, candidate in ending:
                for length, product in pairs[i - 1] if i else origin:
                    value = product * guesses
                    current = get(length + 1)
                    if current is None or value < current[0]:
                        best[length + 1] = (value, candidate, i, length, guesses)
            for length, product in before:
                value = product * 11  # one brute-forced code point
                current = get(length + 1)
                if current is None or value < current[0]:
                    best[length + 1] = (value, None, k, length, 11.0)
        if k:
            while fed < len(sources) and sources[fed] <= k - 2:
                source = sources[fed]
                fed += 1
                scale = powers[_POWER_OFFSET - source - 1]
                for length, product in matched[source] if source >= 0 else origin:
                    known = runs.get(length)
                    if known is None or product * scale < known[0]:
                        runs[length] = (product * scale, source + 1)
            grow = powers[_POWER_OFFSET + k + 1]
            stale = None
            for length, (scaled, i) in runs.items():
                value = scaled * grow
                if factorial[length + 1] * value + penalty[length + 1] > bound:
                    stale = [*(stale or ()), length]  # runs only grow: this one can never win again
                    continue
                current = get(length + 1)
                if current is None or value < current[0]:
                    best[length + 1] = (value, None, i, length, powers[_POWER_OFFSET + k - i + 1])
            for length in stale or ():
                del runs[length]
        # Keep a length only if its product beats every shorter length's and it can still beat the
        # bound; then tighten the bound by finishing each kept prefix with one brute-force run.
        rest = n - 1 - k
        tail = 1.0 if not rest else 11.0 if rest == 1 else powers[_POWER_OFFSET + rest]
        extra = 1 if rest else 0
        kept: list[tuple[int, float]] = []
        kept_matched: list[tuple[int, float]] = []
        least = math.inf
        for length in sorted(best) if len(best) > 1 else best:
            entry = best[length]
            product = entry[0]
            if product >= least or factorial[length] * product + penalty[length] > bound:
                continue
            kept.append((length, product))
            if entry[1] is not None:
                kept_matched.append((length, product))
            least = product
            cost = factorial[length + extra] * product * tail + penalty[length + extra]
            if cost < bound:
                bound = cost * (1 + 1e-12)
        if not kept:
            front = _pareto(best)
            kept = [(length, entry[0]) for length, entry in front.items()]
            kept_matched = [(length, entry[0]) for length, entry in front.items() if entry[1] is not None]
        # Backtracking only reads the lengths kept (in pairs[k]), whose entries are best's own.
        fronts[k] = best
        pairs[k] = kept
        if kept_matched:
            matched[k] = kept_matched
            sources.append(k)
    final = pairs[n - 1]  # shortest first: the first least cost wins ties, as min over the front
    if len(final) > 1:
        length = min(final, key=lambda pair: factorial[pair[0]] * pair[1] + penalty[pair[0]])[0]
    else:
        length = final[0][0]
    steps: list[tuple[int, int, float, Found | None]] = []
    product = 1.0
    k = n - 1
    while k >= 0:
        _, match, i, previous, guesses = fronts[k][length]
        steps.append((i, k, guesses, match))
        product *= guesses
        k, length = i - 1, previous
    steps.reverse()
    # Recomputed from the steps' own guesses, so that exact inputs give an exact total (the tables
    # hold the same floats as _cost computes).
    return factorial[len(steps)] * product + penalty[len(steps)], steps


def _one_or_two_pieces(
    n: int, by_end: Mapping[int, Sequence[tuple[int, float, Found]]]
) -> tuple[float, list[tuple[int, int, float, Found | None]]]:
    """The minimum when it has one or two pieces, exactly as :func:`_minimum_sequence`'s search finds it.

    The same products, computed in the same floating-point order, compared in the same order with
    the same strict comparisons (so ties go the same way). What the search prunes on the way costs
    more than the minimum, so considering it here changes nothing.
    """
    last = n - 1
    powers = _POWERS_OF_TEN
    heads: dict[int, tuple[float, Found | None, float]] = {}

    def head(k: int) -> tuple[float, Found | None, float]:
        """The search's one piece over 0..k: (product, match or None for brute force, guesses)."""
        known = heads.get(k)
        if known is not None:
            return known
        best: tuple[float, Found | None, float] | None = None
        for i, guesses, found in by_end.get(k, ()):
            if not i and (best is None or 1.0 * guesses < best[0]):
                best = (1.0 * guesses, found, guesses)
        brute = 11.0 if not k else powers[_POWER_OFFSET + k + 1]
        if best is None or 1.0 * brute < best[0]:
            best = (1.0 * brute, None, brute)
        heads[k] = best
        return best

    one = head(last)
    # Two pieces, in the search's order: a match ending the text after the one piece before it,
    # one brute-forced code point after a match, then a brute-force run after a match.
    two: tuple[float, int, float, Found | None] | None = None  # (product, second piece's i, guesses, match)
    for i, guesses, found in by_end.get(last, ()):
        if i:
            value = head(i - 1)[0] * guesses
            if two is None or value < two[0]:
                two = (value, i, guesses, found)
    if n > 1:
        before = head(last - 1)
        if before[1] is not None and (two is None or before[0] * 11 < two[0]):
            two = (before[0] * 11, last, 11.0, None)
    run: tuple[float, int] | None = None  # (least product before it, scaled by 10 ** -i; its first index i)
    for source in sorted(by_end):
        if source > last - 2:
            break
        before = head(source)
        if before[1] is not None:
            scaled = before[0] * powers[_POWER_OFFSET - source - 1]
            if run is None or scaled < run[0]:
                run = (scaled, source + 1)
    if run is not None:
        value = run[0] * powers[_POWER_OFFSET + n]
        if two is None or value < two[0]:
            two = (value, run[1], powers[_POWER_OFFSET + n - run[1]], None)
    if (
        two is not None
        and two[0] < one[0]
        and _FACTORIAL[2] * two[0] + _PENALTY[2] < _FACTORIAL[1] * one[0] + _PENALTY[1]
    ):
        _, i, guesses, match = two
        first = head(i - 1)
        product = 1.0 * guesses * first[2]
        return _FACTORIAL[2] * product + _PENALTY[2], [(0, i - 1, first[2], first[1]), (i, last, guesses, match)]
    return _FACTORIAL[1] * (1.0 * one[2]) + _PENALTY[1], [(0, last, one[2], one[1])]


def _one_character(char: str, indexes: Sequence[Mapping[str, tuple[str, int]]]) -> float:
    """What a full analysis of one character gives, without running it: a one-piece sequence.

    With one code point only brute force (11) and one-letter dictionary words can match (l33t
    needs two code points, spatial, sequence and dates more; reversed costs twice as much).
    """
    ranks = [entry[1] for index in indexes if (entry := index.get(lower_each(char))) and entry[1]]
    return _cost(1, min([11.0, *(rank * uppercase_variations(char) for rank in ranks)]))


def _prepare(password: str) -> tuple[str, bool]:
    """NFKC-normalise a bounded prefix and keep at most :data:`MAX_ANALYSED` code points."""
    normalized = nfkc(password[:_MAX_RAW])
    return normalized[:MAX_ANALYSED], len(password) > _MAX_RAW or len(normalized) > MAX_ANALYSED


def _date_words(day: datetime.date) -> tuple[str, ...]:
    """The ways a date is typed: ISO, then digits as in ``passkit.check``'s birthday tokens.

    ``1985-04-12``, ``19850412``, ``850412``, ``0412``, ``1204``, ``1985``, ``12041985``,
    ``04121985``, ``120485``, ``041285``.
    """
    return (iso_date(day), *birthday_digits(day.year, day.month, day.day))


def _user_entries(user_inputs: Sequence[str | datetime.date]) -> dict[str, tuple[str, int]]:
    """A per-call dictionary of the user's own words, ranked by position (zxcvbn lower-cases them).

    A date stands for each of its typed forms (:func:`_date_words`), all at its position's rank; so
    does text that ``passkit.check`` reads as a birthday (``1985-04-12``, ``12.04.1985``,
    ``1985年4月12日``: :func:`passkit._context.text_dates`), besides the text itself.
    """
    entries: dict[str, tuple[str, int]] = {}
    for rank, raw in enumerate(user_inputs, 1):
        if isinstance(raw, datetime.date):
            for word in _date_words(raw):
                add_word(entries, _RESERVED, rank, word)
            continue
        text = raw[:_MAX_RAW]
        normalized = nfkc(text)
        words = {text.lower(), normalized.lower()}
        for reading in text_dates(normalized.strip()):  # valid readings: each is a real date
            words.update(_date_words(datetime.date(*reading)))
        for word in words:
            add_word(entries, _RESERVED, rank, word)
    return entries


def _check_types(password: object, user_inputs: object) -> tuple[str | datetime.date, ...]:
    """Gather every wrong argument type into one ``TypeError``; return the user inputs as a tuple."""
    if isinstance(password, str) and type(user_inputs) is tuple and not user_inputs:
        return ()  # the common call: nothing to check
    problems = []
    if not isinstance(password, str):
        problems.append(f"password must be a str, not {type(password).__name__}")
    inputs: tuple[object, ...] = ()
    if isinstance(user_inputs, str | bytes) or not isinstance(user_inputs, Iterable):
        problems.append(f"user_inputs must be an iterable of str or datetime.date, not {type(user_inputs).__name__}")
    else:
        # The first 64 inputs, each cut to 256 code points: enough for any user, and bounded work.
        inputs = tuple(item[:256] if isinstance(item, str) else item for item in itertools.islice(user_inputs, 64))
        wrong = sorted({type(item).__name__ for item in inputs if not isinstance(item, str | datetime.date)})
        if wrong:
            problems.append(f"user_inputs must hold only str or datetime.date, not {', '.join(wrong)}")
    if problems:
        raise TypeError("; ".join(problems))
    return tuple(item if isinstance(item, datetime.date) else str(item) for item in inputs)


class Estimator:
    """An estimator over a set of ranked dictionaries and keyboard graphs (the plug-in seam).

    The default estimator (used by :func:`estimate`) has zxcvbn's six frequency lists and four
    keyboard graphs. Further lists (Japanese romaji, a site's own words) and graphs (JIS) plug in
    through ``extra_dictionaries`` and ``extra_graphs``; names must be unique. Everything loads on
    the first estimate, once, behind a lock; an estimator is safe to share between threads.

    Args:
        extra_dictionaries: more ranked word lists, searched together with zxcvbn's.
        extra_graphs: more keyboard graphs, searched together with zxcvbn's.
        dictionaries: the base lists (zxcvbn's by default).
        graphs: returns the base graphs (zxcvbn's by default); called once, lazily.
        extra_matchers: more matchers, each called with the analysed text and the estimator's own
            (memoised) analysis of a string, returning further candidate matches.

    Raises:
        ValueError: two dictionaries or two graphs share a name, or a dictionary is called
            ``"user_inputs"`` (reserved for the per-call words).

    Example:
        >>> from passkit._estimate_match import RankedDictionary
        >>> romaji = RankedDictionary("romaji", lambda: ["sakura", "tanuki"])
        >>> Estimator(extra_dictionaries=[romaji]).estimate("tanuki").sequence[0].dictionary_name
        'romaji'
    """

    __slots__ = ("_data", "_dictionaries", "_graphs", "_matchers")

    def __init__(
        self,
        *,
        extra_dictionaries: Sequence[RankedDictionary] = (),
        extra_graphs: Sequence[KeyboardGraph] = (),
        dictionaries: Sequence[RankedDictionary] | None = None,
        graphs: Callable[[], Sequence[KeyboardGraph]] = zxcvbn_graphs,
        extra_matchers: Sequence[Matcher] = (),
    ) -> None:
        base = zxcvbn_dictionaries() if dictionaries is None else tuple(dictionaries)
        self._dictionaries = (*base, *extra_dictionaries)
        names = [d.name for d in self._dictionaries]
        if len(set(names)) != len(names) or _RESERVED in names:
            raise ValueError(f"dictionary names must be unique and not {_RESERVED!r}; got {names}")
        self._graphs = (graphs, tuple(extra_graphs))
        self._matchers = tuple(extra_matchers)
        self._data = lazy(self._load)

    def _load(self) -> tuple[Mapping[str, tuple[str, int]], Keyboards, frozenset[str]]:
        """Build the merged word index and the graph list (runs once)."""
        base_graphs, extra_graphs = self._graphs
        graphs = (*base_graphs(), *extra_graphs)
        names = [g.name for g in graphs]
        if len(set(names)) != len(names):
            raise ValueError(f"keyboard graph names must be unique; got {names}")
        index = WordIndex((d.name, d.load()) for d in self._dictionaries)
        return index.entries, Keyboards(graphs), index.short_forms

    def estimate(
        self, password: str, *, user_inputs: Iterable[str | datetime.date] = (), locale: str = "en"
    ) -> Estimate:
        """Estimate like :func:`estimate`, with this estimator's dictionaries and graphs."""
        inputs = _check_types(password, user_inputs)
        locale = check_locale(locale)
        text, truncated = _prepare(password)
        entries, graphs, short_forms = self._data()
        user = _user_entries(inputs)
        indexes = (entries, user) if user else (entries,)
        year = time.localtime().tm_year  # today's year, as datetime.date.today() reads it (cheaper)
        memo: dict[str, float] = {}

        def analyse(part: str) -> tuple[float, list[tuple[int, int, float, Found | None]]]:
            found, edges = find_matches_and_edges(
                part, indexes, graphs, year, base_guesses, max_tables=MAX_L33T_TABLES, short_forms=(short_forms,)
            )
            for matcher in self._matchers:
                # A matcher that offers ``edges`` is asked only for matches at an end of the text when
                # no sequence of three pieces can be the minimum (the search leaves the others out).
                narrow = getattr(matcher, "edges", None) if edges else None
                if narrow is not None:
                    found.extend(narrow(part))
                    continue
                found.extend(matcher(part, base_guesses))
            return _minimum_sequence(len(part), found)

        def base_guesses(part: str) -> float:
            if part not in memo:
                memo[part] = _one_character(part, indexes) if len(part) == 1 else analyse(part)[0]
            return memo[part]

        if text:
            total, steps = analyse(text)
        else:
            total, steps = 1.0, []
        sequence = tuple([_public_match(text, step) for step in steps])
        guesses: int | float = int(total) if total < 2**53 and total.is_integer() else total
        score = _score(total)
        result = _new_object(Estimate)  # as Estimate(guesses, guesses_log10, ...) builds it
        _SET_EST_GUESSES(result, guesses)
        _SET_EST_LOG10(result, math.log10(total))
        _SET_EST_SCORE(result, score)
        _SET_EST_CRACK_TIMES(result, _crack_times(total, locale))
        _SET_EST_FEEDBACK(result, _feedback(score, sequence, [step[3] for step in steps], locale))
        _SET_EST_SEQUENCE(result, sequence)
        _SET_EST_TRUNCATED(result, truncated)
        return result


# Results are built by setting their slots directly: a frozen dataclass's generated ``__init__``
# goes through ``object.__setattr__`` once per field, which costs more than the rest of the result.
_new_object = object.__new__


def _slot_setters(cls: type) -> tuple[Callable[[object, object], None], ...]:
    """The ``__set__`` of each field's slot of a slotted dataclass, in field order."""
    return tuple(cls.__dict__[field.name].__set__ for field in dataclasses.fields(cls))


(
    _SET_PATTERN,
    _SET_I,
    _SET_J,
    _SET_TOKEN,
    _SET_GUESSES,
    _SET_DICTIONARY,
    _SET_RANK,
    _SET_REVERSED,
    _SET_L33T,
    _SET_NAME,
    _SET_DROPPED,
) = _slot_setters(Match)
_SET_SECONDS, _SET_DISPLAY = _slot_setters(CrackTime)
(
    _SET_EST_GUESSES,
    _SET_EST_LOG10,
    _SET_EST_SCORE,
    _SET_EST_CRACK_TIMES,
    _SET_EST_FEEDBACK,
    _SET_EST_SEQUENCE,
    _SET_EST_TRUNCATED,
) = _slot_setters(Estimate)
_SET_WARNING, _SET_SUGGESTIONS = _slot_setters(Feedback)


def _public_match(text: str, step: tuple[int, int, float, Found | None]) -> Match:
    """The public form of one step of the optimal sequence (as ``Match(...)`` builds it)."""
    i, j, guesses, found = step
    match = _new_object(Match)
    _SET_I(match, i)
    _SET_J(match, j)
    _SET_TOKEN(match, text[i : j + 1])
    _SET_GUESSES(match, guesses)
    if found is None:
        _SET_PATTERN(match, "bruteforce")
        _SET_DICTIONARY(match, "")
        _SET_RANK(match, 0)
        _SET_REVERSED(match, False)
        _SET_L33T(match, False)
        _SET_NAME(match, "")
        _SET_DROPPED(match, False)
    else:
        name = found.dictionary_name
        _SET_PATTERN(match, found.pattern)
        _SET_REVERSED(match, found.reversed)
        _SET_L33T(match, found.l33t)
        _SET_NAME(match, found.name)
        if type(name) is ShortenedName:  # its rank in the index is twice the word's
            _SET_DICTIONARY(match, str(name))
            _SET_RANK(match, found.rank // 2)
            _SET_DROPPED(match, True)
        else:
            _SET_DICTIONARY(match, name)
            _SET_RANK(match, found.rank)
            _SET_DROPPED(match, False)
    return match


_RATES = {
    "online_throttling_100_per_hour": 100 / 3600,
    "online_no_throttling_10_per_second": 10.0,
    "offline_slow_hashing_1e4_per_second": 1e4,
    "offline_fast_hashing_1e10_per_second": 1e10,
}


_RATE_VALUES = tuple(_RATES.values())  # in the order of CrackTimes' fields


def _crack_times(guesses: float, locale: str) -> CrackTimes:
    """Seconds and display for each of zxcvbn's attack scenarios."""
    times = []
    for rate in _RATE_VALUES:
        seconds = guesses / rate
        crack = _new_object(CrackTime)  # as CrackTime(seconds, display) builds it
        _SET_SECONDS(crack, seconds)
        _SET_DISPLAY(crack, display_time(seconds, locale))
        times.append(crack)
    return CrackTimes(*times)


def _feedback(score: int, sequence: tuple[Match, ...], found: Sequence[Found | None], locale: str) -> Feedback:
    """zxcvbn's feedback rules: judge the longest match of a weak password."""
    if not sequence:
        return Feedback("", (message("use-few-words", locale), message("no-need-symbols", locale)))
    if score > 2:
        return _NO_FEEDBACK
    spans = [match.j - match.i for match in sequence]
    longest = spans.index(max(spans))  # the first longest
    warning, suggestions = _match_feedback(sequence[longest], found[longest], len(sequence) == 1)
    feedback = _new_object(Feedback)  # as Feedback(warning, suggestions) builds it
    _SET_WARNING(feedback, message(warning, locale) if warning else "")
    _SET_SUGGESTIONS(feedback, (message("add-word", locale), *[message(key, locale) for key in suggestions]))
    return feedback


_NO_FEEDBACK = Feedback("", ())  # immutable: every strong password shares it


def _match_feedback(match: Match, found: Found | None, sole: bool) -> tuple[str, tuple[str, ...]]:
    """Warning key and suggestion keys for one match."""
    if match.pattern == "dictionary":
        return _dictionary_feedback(match, sole)
    if match.pattern == "spatial":
        return ("straight-row" if found is not None and found.turns == 1 else "short-keyboard"), ("longer-keyboard",)
    if match.pattern == "repeat":
        return ("repeat-char" if found is not None and found.base_length == 1 else "repeat-block"), ("avoid-repeats",)
    return _PATTERN_FEEDBACK.get(match.pattern, ("", ()))


_PATTERN_FEEDBACK = {
    "sequence": ("sequence", ("avoid-sequences",)),
    "regex": ("recent-year", ("avoid-recent-years", "avoid-your-years")),
    "date": ("date", ("avoid-dates",)),
    "romaji": ("kana-as-romaji", ()),
}


# Dictionaries whose words are names (zxcvbn's and the Japanese lists), and the Japanese lists of
# words and phrases: their matches get zxcvbn's name warnings or passkit's romaji warnings.
_NAME_DICTIONARIES = frozenset(
    {
        "surnames",
        "male_names",
        "female_names",
        "ja_surnames",
        "ja_given_names",
        "ja_zxcvbnts_lastnames",
        "ja_zxcvbnts_firstnames",
    }
)
_JAPANESE_WORD_DICTIONARIES = frozenset({"ja_curated", "ja_zxcvbnts_common_words", "ja_zxcvbnts_wikipedia"})


def _dictionary_feedback(match: Match, sole: bool) -> tuple[str, tuple[str, ...]]:
    """zxcvbn's dictionary warnings, plus warnings for the user's own words and Japanese words."""
    warning = ""
    if match.dictionary_name == "passwords":
        if sole and not match.l33t and not match.reversed:
            warning = "top-10" if match.rank <= 10 else "top-100" if match.rank <= 100 else "very-common"
        elif math.log10(match.guesses) <= 4:
            warning = "similar-common"
    elif match.dictionary_name == "english_wikipedia":
        warning = "word-alone" if sole else ""
    elif match.dictionary_name in _NAME_DICTIONARIES:
        warning = "names-alone" if sole else "names-common"
    elif match.dictionary_name in _JAPANESE_WORD_DICTIONARIES:
        warning = "romaji-alone" if sole else "romaji-common"
    elif match.dictionary_name == _RESERVED:
        warning = "user-input"
    if match.last_letter_dropped and match.dictionary_name != _RESERVED:
        warning = "last-letter-dropped"
    suggestions = []
    token = match.token
    if token[:1].isupper() and token[1:].lower() == token[1:] and len(token) > 1:
        suggestions.append("capitalization")
    elif token.upper() == token and token.lower() != token:
        suggestions.append("all-uppercase")
    if match.reversed and len(token) >= 4:
        suggestions.append("reversed")
    if match.l33t:
        suggestions.append("l33t")
    return warning, tuple(suggestions)


# zxcvbn's data plus the Japanese romaji lists (also matched by spelling-variant key), the JIS
# keyboard and kana read as romaji (passkit._japanese); extras only add candidate matches.
_DEFAULT = Estimator(
    extra_dictionaries=japanese_dictionaries(), graphs=graphs_with_jis, extra_matchers=japanese_matchers()
)


def estimate(password: str, *, user_inputs: Iterable[str | datetime.date] = (), locale: str = "en") -> Estimate:
    """Estimate how many guesses a password takes, on zxcvbn's model, safely and within a bound.

    The password is NFKC-normalised (full-width ``ｐａｓｓ`` reads as ``pass``) and at most its first
    :data:`MAX_ANALYSED` (100) code points are analysed; the normalisation itself looks at no more
    than the first 400 input code points. When anything is cut, ``truncated`` is ``True``. l33t
    matching follows at most :data:`MAX_L33T_TABLES` substitution tables per starting position.
    So the work per call is bounded for any input (the empty string, 1 MB, lone surrogates, NUL,
    combining marks), and the cost grows only linearly with the total length of ``user_inputs``.

    Guesses are never above zxcvbn 4.5's for the same analysed text (with zxcvbn's reference year
    set to today's): passkit finds every match zxcvbn finds, and more, and minimises exactly.
    Years and dates are scored against today's year. User inputs are a per-call dictionary, so
    concurrent calls never see each other's words.

    Args:
        password: the password; never stored, logged or shown in a ``repr``.
        user_inputs: the user's own words (name, email, ...); each is a dictionary word. A
            ``datetime.date`` (a birthday) stands for the ways it is typed: ``1985-04-12``,
            ``19850412``, ``850412``, ``0412``, ``1204``, ``1985``, ``12041985``, ``04121985``,
            ``120485`` and ``041285``; so does text that :func:`passkit.check` reads as a
            birthday (``"1985-04-12"``, ``"12.04.1985"``, ``"1985年4月12日"``), as well as itself.
        locale: language of ``feedback`` and the crack-time displays, ``"en"`` or ``"ja"``.

    Returns:
        An :class:`Estimate`.

    Raises:
        TypeError: ``password`` is not a ``str`` or ``user_inputs`` is not an iterable of ``str``
            and ``datetime.date``.
        passkit.exceptions.UnsupportedLocaleError: ``locale`` is not ``"en"`` or ``"ja"``.

    Example:
        >>> result = estimate("password")
        >>> result.guesses, result.score
        (3, 0)
        >>> result.feedback.warning
        'This is a top-10 common password.'
        >>> estimate("correct horse battery staple").score
        4
        >>> estimate("ｐａｓｓｗｏｒｄ", locale="ja").feedback.warning
        'よく使われるパスワードの上位10位に入っています。'
        >>> [(m.pattern, m.dictionary_name, m.guesses) for m in estimate("tanaka", user_inputs=["Tanaka"]).sequence]
        [('dictionary', 'user_inputs', 1)]
        >>> import datetime
        >>> birthday = datetime.date(1985, 4, 12)
        >>> [(m.pattern, m.dictionary_name) for m in estimate("850412", user_inputs=[birthday]).sequence]
        [('dictionary', 'user_inputs')]
        >>> "tanaka" in repr(estimate("tanaka"))
        False
    """
    return _DEFAULT.estimate(password, user_inputs=user_inputs, locale=locale)


def strength_score(password: str, user_inputs: Sequence[str]) -> int:
    """The score 0-4 of :func:`estimate`, shaped as a ``passkit._strength.Scorer`` (``min-strength``).

    Args:
        password: the (already normalised) password.
        user_inputs: the user's own words.

    Returns:
        ``estimate(password, user_inputs=user_inputs).score``.

    Example:
        >>> strength_score("password", ()), strength_score("correct horse battery staple", ())
        (0, 4)
    """
    return _DEFAULT.estimate(password, user_inputs=user_inputs).score
