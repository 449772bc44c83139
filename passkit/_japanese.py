"""Japanese-aware estimation: romaji dictionaries, spelling-variant keys, the JIS keyboard, kana input.

Everything here only *adds* candidate matches to :mod:`passkit._estimate`, which then takes the
exact minimum over all match sequences; so the Japanese data can lower an estimate, never raise it.

* Romaji word lists (``wordlists/ja-*.txt``, provenance in ``wordlists/SOURCES.md``) plug in as
  ranked dictionaries, matched exactly like zxcvbn's (case, l33t, reversed).
* The same lists are also indexed by :func:`romaji_key`, which collapses the spelling variants of
  the romanisation systems (``hajimemashite``, ``hajimemasite`` and ``hazimemasite`` share one
  key), and :func:`spelling_variant_matches` looks the password's substrings up by key.
* :data:`JIS_LAYOUT` is the Japanese (JIS) keyboard, as a graph in zxcvbn's format, searched
  alongside qwerty.
* :func:`kana_matches` scores every run of kana through its Hepburn romaji as well.

Full-width input needs nothing here: the estimator NFKC-normalises first (``ｓａｋｕｒａ`` is
``sakura``, half-width katakana become full-width).
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from passkit._estimate_match import (
    Found,
    KeyboardGraph,
    RankedDictionary,
    ShortenedName,
    WordIndex,
    _l33t_variations,
    brute_limits,
    keyboard_graph,
    lower_each,
    uppercase_variations,
    zxcvbn_graphs,
)
from passkit._romaji import romanize
from passkit._wordlists import lazy, read_wordlist
from passkit.exceptions import PasskitError

__all__ = [
    "JAPANESE_LISTS",
    "JIS_LAYOUT",
    "MAX_KANA_ROMAJI",
    "KeyIndex",
    "graphs_with_jis",
    "japanese_dictionaries",
    "japanese_matchers",
    "jis_graph",
    "kana_matches",
    "romaji_key",
    "romaji_key_map",
    "spelling_variant_matches",
]

# Dictionary name -> shipped file. Each list is most common first (see wordlists/SOURCES.md).
JAPANESE_LISTS: Mapping[str, str] = {
    "ja_curated": "ja-curated.txt",
    "ja_surnames": "ja-names-surnames.txt",
    "ja_given_names": "ja-names-given.txt",
    "ja_zxcvbnts_lastnames": "ja-zxcvbnts-lastnames.txt",
    "ja_zxcvbnts_firstnames": "ja-zxcvbnts-firstnames.txt",
    "ja_zxcvbnts_common_words": "ja-zxcvbnts-common-words.txt",
    "ja_zxcvbnts_wikipedia": "ja-zxcvbnts-wikipedia.txt",
}

_new_tuple = tuple.__new__

# ---------------------------------------------------------------------------------------------
# Spelling-variant keys

# Pass 1: consonant spellings, to Kunrei-shiki (tried in this order at each position).
_CONSONANTS: tuple[tuple[str, str], ...] = (
    ("[tc]chi", "tti"),  # っち: tchi (Hepburn), cchi -> tti (Kunrei)
    ("[tc]ch", "tty"),  # っちゃ: tcha, ccha -> ttya
    ("chi", "ti"),
    ("ch", "ty"),
    ("shi", "si"),
    ("sh", "sy"),
    ("tsu", "tu"),
    ("fu", "hu"),
    ("jy", "zy"),  # jya
    ("ji", "zi"),
    ("j(?=[aueo])", "zy"),  # ja, ju, je, jo
    ("dy", "zy"),  # ぢゃ in Nihon-shiki
    ("di", "zi"),
    ("du", "zu"),
    ("n'", "n"),
    ("m(?=[bmp])", "n"),  # shimbun (passport) -> shinbun
)
# Pass 2: long vowels and doubled n, on the result of pass 1.
_VOWELS_AND_N: tuple[tuple[str, str], ...] = (
    ("o(?:[ou]|h(?![aiueoy]))+", "o"),  # ou, oo, oh (not before a vowel or y) -> o
    ("uu+", "u"),
    ("nn+", "n"),  # konnichiwa, konichiwa; kin'en after pass 1
)


def _compile(rules: Sequence[tuple[str, str]]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One alternation whose group number tells which replacement applies."""
    return re.compile("|".join(f"({pattern})" for pattern, _ in rules)), tuple(out for _, out in rules)


_PASSES = (_compile(_CONSONANTS), _compile(_VOWELS_AND_N))
# For each pass, where its rules can apply: every match of a rule holds one of these at its first
# or second character. The alternation of groups is slow to search (and most text holds none of
# these), so the pass is tried only just before and at each place one starts (overlaps included).
_MAY_APPLY = (re.compile(r"ch|sh|tsu|fu|j|d[yiu]|n'|m[bmp]"), re.compile(r"o[ouh]|uu|nn"))
_SPOTS = tuple(re.compile(f"(?={quick.pattern})") for quick in _MAY_APPLY)  # the same, overlaps included


def _rewrite(
    text: str, pattern: re.Pattern[str], outputs: Sequence[str], spots: Sequence[int]
) -> tuple[str, list[int], list[int]] | None:
    """Apply one pass; for each output character, the first and last input index it comes from.

    A match of ``pattern`` can start only at a spot or just before one (``spots`` ascending): the
    matches found there, left to right without overlaps, are those ``pattern.finditer`` finds.
    Returns ``None`` when nothing in ``text`` changes (the common case, kept cheap).
    """
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    tried = -1
    match_at = pattern.match
    for spot in spots:
        for begin in (spot - 1, spot):
            if begin < position or begin <= tried:
                continue
            tried = begin
            found = match_at(text, begin)
            if found is None:
                continue
            stop = found.end()
            if position < begin:
                pieces.append(text[position:begin])
                starts.extend(range(position, begin))
                ends.extend(range(position, begin))
            assert found.lastindex is not None  # noqa: S101 (every alternative is one group)
            replacement = outputs[found.lastindex - 1]
            pieces.append(replacement)
            starts.extend([begin] * len(replacement))
            ends.extend([stop - 1] * len(replacement))
            position = stop
    if not pieces:
        return None
    pieces.append(text[position:])
    starts.extend(range(position, len(text)))
    ends.extend(range(position, len(text)))
    return "".join(pieces), starts, ends


def romaji_key_map(text: str) -> tuple[str, list[int], list[int]]:
    """:func:`romaji_key`, with the first and last index of ``text`` each key character comes from.

    A key character made from several input characters (``ti`` from ``chi``) maps to the whole
    group, so a key substring maps back to the input span that spells it.

    Example:
        >>> romaji_key_map("shi")
        ('si', [0, 0], [2, 2])
    """
    key, starts, ends = _key_map(text.lower())
    if starts is None or ends is None:
        return key, list(range(len(key))), list(range(len(key)))
    return key, starts, ends


def _key_map(key: str) -> tuple[str, list[int] | None, list[int] | None]:
    """:func:`romaji_key_map` of lower-case text, with ``None`` maps when the key is the text itself."""
    starts: list[int] | None = None
    ends: list[int] | None = None
    for (pattern, outputs), quick, spotter in zip(_PASSES, _MAY_APPLY, _SPOTS, strict=True):
        may = quick.search(key)  # the common case: none, found at C speed
        if may is None:
            continue
        rewritten = _rewrite(key, pattern, outputs, [spot.start() for spot in spotter.finditer(key, may.start())])
        if rewritten is None:
            continue
        key, first, last = rewritten
        starts = first if starts is None else [starts[k] for k in first]
        ends = last if ends is None else [ends[k] for k in last]
    return key, starts, ends


def romaji_key(text: str) -> str:
    """One key for the spelling variants of a romaji word (lower case, Kunrei-like, long vowels cut).

    shi/si, chi/ti, tsu/tu, fu/hu, ji/zi/di, sha/sya, cha/tya, ja/zya/jya, ou/oo/oh/o, uu/u,
    n'/nn/n, m/n before b/m/p and tch/cch/tt all collapse: ``hajimemashite``, ``hajimemasite``
    and ``hazimemasite`` share the key ``hazimemasite``.

    Args:
        text: romaji (any case; other characters pass through).

    Returns:
        The key.

    Example:
        >>> romaji_key("Hajimemashite"), romaji_key("toukyou"), romaji_key("shimbun")
        ('hazimemasite', 'tokyo', 'sinbun')
    """
    key = text.lower()
    for pattern, outputs in _PASSES:
        key = pattern.sub(functools.partial(_replacement, outputs), key)
    return key


def _replacement(outputs: Sequence[str], found: re.Match[str]) -> str:
    """The replacement for one match of a pass's alternation."""
    return outputs[(found.lastindex or 1) - 1]


# ---------------------------------------------------------------------------------------------
# Dictionaries


def _loader(filename: str) -> Callable[[], Sequence[str]]:
    def load() -> Sequence[str]:
        return read_wordlist(filename)

    return load


def japanese_dictionaries() -> tuple[RankedDictionary, ...]:
    """The shipped romaji lists as ranked dictionaries (each read on first use).

    Example:
        >>> [d.name for d in japanese_dictionaries()][:2]
        ['ja_curated', 'ja_surnames']
    """
    return tuple(RankedDictionary(name, _loader(filename)) for name, filename in JAPANESE_LISTS.items())


class KeyIndex:
    """The romaji lists indexed by :func:`romaji_key` (every key, and every prefix of every key).

    ``entries`` is as in :class:`~passkit._estimate_match.WordIndex`. When the same lists are also in
    the estimator's word index (``also_exact``), ``as_spelled`` holds the keys whose best-ranked word
    is spelled exactly as its key: typed that way, the word index already finds them. ``variants``
    is ``entries`` without the keys in ``as_spelled`` (each still a prefix where a longer key goes
    on): all a password whose key is its own text can match (a smaller index: walks end sooner).
    ``singles`` holds the one-character keys of ``entries`` and of ``variants``; ``endings`` the last
    three characters of every key with a rank in ``entries`` (the whole key when shorter): a text
    whose last three characters (or last one or two, for a shorter key) are in none ends no key.
    """

    __slots__ = ("as_spelled", "endings", "entries", "singles", "variants")

    def __init__(self, dictionaries: Iterable[RankedDictionary], *, also_exact: bool = True) -> None:
        best: dict[str, tuple[int, str]] = {}
        keyed: list[tuple[str, list[str]]] = []
        for dictionary in dictionaries:
            keys = []
            for rank, word in enumerate(dictionary.load(), 1):
                key = romaji_key(word)
                keys.append(key)
                known = best.get(key)
                if key and (known is None or rank < known[0]):
                    best[key] = (rank, word.lower())
            keyed.append((dictionary.name, keys))
        self.entries: Mapping[str, tuple[str, int]] = WordIndex(keyed).entries
        spelled = (key for key, (_, word) in best.items() if word == key) if also_exact else ()
        self.as_spelled = frozenset(spelled)
        if self.as_spelled:
            kept = [(name, [key if key not in self.as_spelled else "" for key in keys]) for name, keys in keyed]
            self.variants: Mapping[str, tuple[str, int]] = WordIndex(kept).entries
        else:
            self.variants = self.entries
        # The one-character keys of ``entries`` and of ``variants``, in that order (index by bool).
        self.singles = tuple(frozenset(key for key in keys if len(key) == 1) for keys in (self.entries, self.variants))
        self.endings = frozenset(key[-3:] for key, entry in self.entries.items() if entry[1])


# The substitution each l33t character most likely stands for, and a second reading for the
# characters that stand for two letters (zxcvbn's table: 1 and | are i or l, 7 is t or l).
_L33T_FIRST = str.maketrans({
    "4": "a", "@": "a", "8": "b", "(": "c", "{": "c", "[": "c", "<": "c", "3": "e", "6": "g", "9": "g",
    "1": "i", "!": "i", "|": "i", "7": "t", "0": "o", "$": "s", "5": "s", "+": "t", "%": "x", "2": "z",
})  # fmt: skip
_L33T_SECOND = str.maketrans({"1": "l", "|": "l", "7": "l"})
_L33T_CHARS = frozenset("4@8({[<3691!|70$5+%2")


def _views(lowered: str) -> list[str]:
    """The password as typed, with l33t characters read as letters, and with their second reading."""
    views = [lowered]
    if not _L33T_CHARS.isdisjoint(lowered):
        first = lowered.translate(_L33T_FIRST)
        views.append(first)
        second = lowered.translate(_L33T_SECOND).translate(_L33T_FIRST)
        if second != first:
            views.append(second)
    return views


def spelling_variant_matches(  # noqa: PLR0915 (one hot loop over readings and walks)
    text: str, index: KeyIndex, *, edges_only: bool = False
) -> list[Found]:
    """Dictionary matches found by key: any romanisation's spelling of a listed word, also in l33t.

    Guesses follow zxcvbn's dictionary formula on the typed token: rank, times its capitalisation
    factor, times its l33t factor when l33t characters were read as letters.

    Args:
        text: the analysed (NFKC-normalised) password.
        index: the lists by key.
        edges_only: only the matches that begin or end the text are wanted (no sequence of three
            pieces can be the minimum, so the search leaves the others out): see :func:`_edge_matches`.

    Returns:
        Candidate dictionary matches, leaving out those the exact word index finds as well (a key
        spelled as typed whose best word is spelled the same).
    """
    out: list[Found] = []
    lowered = lower_each(text)
    as_spelled = index.as_spelled
    limits = brute_limits(len(text))
    seen: set[tuple[int, int, str]] = set()
    # Each reading walked is kept: its key, how the key maps onto the text, the index it is looked
    # up in, and where the walk from each start ended (the first part not in the index). A later
    # reading whose key maps the same way and is looked up in the same index repeats such a walk
    # exactly up to the first key character that differs, and what that part of the walk finds is
    # all in ``seen`` already (the same parts of the same text): its walks resume there. The latest
    # such reading is the one to resume from (the second l33t reading differs least from the first).
    walked_views: list[tuple[str, list[int] | None, list[int] | None, Callable[[str], tuple[str, int] | None]]] = []
    reaches: list[list[int]] = []
    first_reading: tuple[str, str, list[int] | None, list[int] | None, int] | None = None  # view, key map, reach
    for number, view in enumerate(_views(lowered)):
        if len(view.lower()) != len(view):
            continue  # a character whose lower case is longer (such as İ) would misalign the spans
        derived = _second_reading(lowered, first_reading) if number == 2 and first_reading is not None else None
        if derived is not None:
            key, starts, ends, changed = derived
        else:
            key, starts, ends = _key_map(view.lower())
            changed = []
        size = len(key)
        # When the key is the view (each character its own group), every part is spelled as typed:
        # keys in as_spelled would all be skipped.
        variants = (starts is None or ends is None) and key == view
        lookup = index.variants.get if variants else index.entries.get
        if edges_only:
            # The second reading, made from the first, finds nothing new where its key is the first's:
            # its walk from the start if the first's ended before a change, and the later starts past
            # the last change.
            reach = _edge_matches(
                text,
                lowered,
                view,
                key,
                starts=starts,
                ends=ends,
                lookup=lookup,
                as_spelled=as_spelled,
                endings=index.endings,
                seen=seen,
                out=out,
                limits=limits,
                head=not changed or first_reading is None or first_reading[4] >= changed[0],
                tails_through=changed[-1] if changed else size,
            )
            if number == 1:
                first_reading = (view, key, starts, ends, reach)
            continue
        if number == 1:
            first_reading = (view, key, starts, ends, size)
        walks: Iterable[tuple[int, int]]
        reading = (key, starts, ends, lookup)
        for earlier in range(len(walked_views) - 1, -1, -1):
            known = walked_views[earlier]
            if len(known[0]) == size and known[1:] == reading[1:]:
                walked = reaches[earlier][:]  # where a walk ends before its first change, it ends as there
                walks = _resume_points(key, known[0], walked)
                for a, _ in walks:
                    walked[a] = size
                break
        else:
            walked, live = _first_steps(key, index.singles[variants])
            walks = zip(live, live, strict=True)
        walked_views.append(reading)
        reaches.append(walked)
        if starts is None or ends is None:
            for a, first in walks:
                for b in range(first, size):
                    part = key[a : b + 1]
                    entry = lookup(part)
                    if entry is None:
                        walked[a] = b
                        break
                    if entry[1]:
                        _variant_match(text, lowered, view, a, b, part, entry, as_spelled, seen, out, limits)
            continue
        # ends_group[b]: key character b is the last of its group (the next comes from elsewhere).
        ends_group = [*map(operator.or_, map(operator.ne, starts, starts[1:]), map(operator.ne, ends, ends[1:])), True]
        for a, first in walks:
            if a and not ends_group[a - 1]:
                continue  # not the first character of its group
            for b in range(first, size):
                part = key[a : b + 1]
                entry = lookup(part)
                if entry is None:
                    walked[a] = b
                    break
                if not entry[1] or not ends_group[b]:
                    continue  # a prefix only, or the group goes on
                i, j = starts[a], ends[b]
                _variant_match(text, lowered, view, i, j, part, entry, as_spelled, seen, out, limits)
    return out


def _edge_matches(
    text: str,
    lowered: str,
    view: str,
    key: str,
    *,
    starts: list[int] | None,
    ends: list[int] | None,
    lookup: Callable[[str], tuple[str, int] | None],
    as_spelled: frozenset[str],
    endings: frozenset[str],
    seen: set[tuple[int, int, str]],
    out: list[Found],
    limits: Sequence[float],
    head: bool = True,
    tails_through: int,
) -> int:
    """The matches of one reading that begin or end the text, as the full walks would report them.

    A walk from a key character that comes from the text's first character is whole. A match from
    any other start must end with the key (its last character is the only last of a group that
    ends the text): the walk gets there exactly when the rest of the key is in the index (every
    key's prefixes are), so that is one lookup, made only where the key's last characters end some
    key in the index (``endings``). Matches come in the full walks' order; those left out miss both
    ends. Without ``head``, the whole walks are left out; later starts are tried up to key character
    ``tails_through``. Returns where the whole walks ended (the farthest key character looked up).
    """
    size = len(key)
    last = size - 1
    reach = -1
    # Whether a key of one, two, or three or more characters can end the text.
    tails = (False, key[-1:] in endings, key[-2:] in endings, key[-3:] in endings)
    if starts is None or ends is None:
        for b in range(size if head else 0):
            reach = b
            part = key[: b + 1]
            entry = lookup(part)
            if entry is None:
                break
            if entry[1]:
                _variant_match(text, lowered, view, 0, b, part, entry, as_spelled, seen, out, limits)
        for a in range(1 if tails[3] else max(1, size - 2), min(tails_through + 1, size)):
            if not tails[min(size - a, 3)]:
                continue
            part = key[a:]
            entry = lookup(part)
            if entry is not None and entry[1]:
                _variant_match(text, lowered, view, a, last, part, entry, as_spelled, seen, out, limits)
        return reach
    ends_group = [*map(operator.or_, map(operator.ne, starts, starts[1:]), map(operator.ne, ends, ends[1:])), True]
    for a in range(size):
        if a and not ends_group[a - 1]:
            continue  # not the first character of its group
        if (not starts[a] and not head) or (starts[a] and (not tails[min(size - a, 3)] or a > tails_through)):
            continue
        # A key character from the text's first character starts a whole walk (after a rewrite, more
        # than one can: ``fuu`` gives ``hu``, whose ``u`` also begins at the ``f``).
        for b in range(a if not starts[a] else last, size):
            if not starts[a] and b > reach:
                reach = b
            part = key[a : b + 1]
            entry = lookup(part)
            if entry is None:
                break
            if not entry[1] or not ends_group[b]:
                continue
            i, j = starts[a], ends[b]
            _variant_match(text, lowered, view, i, j, part, entry, as_spelled, seen, out, limits)
    return reach


def _second_reading(
    lowered: str, first: tuple[str, str, list[int] | None, list[int] | None, int]
) -> tuple[str, list[int] | None, list[int] | None, list[int]] | None:
    """The second l33t reading's key map made from the first's, with the key characters that differ.

    The second reading reads ``1``, ``|`` and ``7`` as ``l`` where the first reads ``i`` or ``t``. No
    rule of :func:`romaji_key` has an ``l`` or looks at one, so where each such ``i`` or ``t`` is a key
    character of its own (in no rule's match) and is no ``i`` after an ``h`` (``oh`` before ``i`` is
    not a long vowel, before ``l`` it is), the second key is the first with ``l`` there and the same
    map. Otherwise (or when the first reading's key is not its own), ``None``: map it afresh.
    """
    view, key, starts, ends, _ = first
    chars = list(key)
    changed = []
    for position, char in enumerate(lowered):
        if char not in "1|7":
            continue
        if view[position] == "i" and position and view[position - 1] == "h":
            return None
        if starts is None or ends is None:
            k = position
        else:
            k = bisect.bisect_left(starts, position)
            if (
                k == len(starts)
                or starts[k] != position
                or ends[k] != position
                or (k + 1 < len(starts) and starts[k + 1] == position)
            ):
                return None  # part of a rule's match
        if chars[k] != view[position]:
            return None
        chars[k] = "l"
        changed.append(k)
    return "".join(chars), starts, ends, changed


def _first_steps(key: str, singles: frozenset[str]) -> tuple[list[int], list[int]]:
    """Where each walk over ``key`` ends as far as its first step tells, and the starts that go on.

    A walk from a character that is no key of its own (not in ``singles``) ends at once; the others
    are marked as reaching the end until their walk says otherwise.
    """
    size = len(key)
    walked = [size] * size
    live = []
    for a, char in enumerate(key):
        if char in singles:
            live.append(a)
        else:
            walked[a] = a
    return walked, live


def _variant_match(  # noqa: PLR0917 (called positionally from the walks: short lines, a cheaper call)
    text: str,
    lowered: str,
    view: str,
    i: int,
    j: int,
    part: str,
    entry: tuple[str, int],
    as_spelled: frozenset[str],
    seen: set[tuple[int, int, str]],
    out: list[Found],
    limits: Sequence[float],
) -> None:
    """Add the match of the word ``entry`` (key ``part``) that ``text[i : j + 1]`` spells (read as ``view``), if useful.

    Left out: a key typed as spelled, which the word index finds already (unless the entry is a
    shortened word, which it finds only by key), and a match already in ``seen``. ``limits`` is
    :func:`brute_limits` for the text.
    """
    if (i, j, entry[0]) in seen:
        return
    if part in as_spelled and view[i : j + 1] == part and type(entry[0]) is not ShortenedName:
        return
    if i == j and lowered[i] != view[i]:
        return  # zxcvbn ignores one-character l33t tokens
    seen.add((i, j, entry[0]))
    if entry[1] > limits[j + 1 - i]:  # brute force over the span always beats it
        return
    token = text[i : j + 1]
    if view is lowered or view[i : j + 1] == lowered[i : j + 1]:
        subs: list[tuple[str, str]] = []  # nothing read as a letter
    else:
        subs = sorted({(lowered[k], view[k]) for k in range(i, j + 1) if lowered[k] != view[k]})
    guesses = entry[1] * uppercase_variations(token)
    if subs:
        guesses *= _l33t_variations(token, subs)
    out.append(_new_tuple(Found, (i, j, guesses, "dictionary", entry[0], entry[1], False, bool(subs), "", 0, 0)))


def _resume_points(key: str, typed: str, reach: Sequence[int]) -> list[tuple[int, int]]:
    """(start, where a reading's walk from it must begin: its first key character unlike ``typed``).

    Before that character the reading's key is the typed text's, whose walk from the same start
    ended at ``reach[start]``: if that is before the character, the reading's walk ends there too.
    """
    size = len(key)
    resume = []
    changed = size
    for start in range(size - 1, -1, -1):
        if key[start] != typed[start]:
            changed = start
        if changed < size and reach[start] >= changed:
            resume.append((start, changed))
    resume.reverse()
    return resume


# ---------------------------------------------------------------------------------------------
# Kana input

MAX_KANA_ROMAJI = 100
"""Kana runs whose romaji is longer than this are not analysed through romaji (work stays bounded)."""
_KANA_RUN = re.compile("[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe]+")


def kana_matches(text: str, base_guesses: Callable[[str], float]) -> list[Found]:
    """Each run of kana, scored as its Hepburn romaji (``はじめまして`` as ``hajimemashite``).

    Args:
        text: the analysed (NFKC-normalised) password.
        base_guesses: the estimator's own analysis of a string (memoised per call).

    Returns:
        One ``romaji`` match per run of kana that romanises (runs with anything romanize refuses are
        skipped, never raised).
    """
    out: list[Found] = []
    if text.isascii():
        return out  # no kana (the common case: a flag test instead of a scan)
    for run in _KANA_RUN.finditer(text):
        try:
            romaji = romanize(run.group(), "hepburn")
        except PasskitError:
            continue
        if not romaji or len(romaji) > MAX_KANA_ROMAJI or not romaji.isascii():
            continue
        out.append(Found(run.start(), run.end() - 1, base_guesses(romaji), "romaji", name="hepburn"))
    return out


# ---------------------------------------------------------------------------------------------
# The JIS keyboard

# Rows of the JIS (106/109-key) layout, each key "unshifted shifted"; x positions as in zxcvbn's
# slanted qwerty (the number row's first key, 半角/全角, types nothing and is left out).
JIS_LAYOUT: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("1!", '2"', "3#", "4$", "5%", "6&", "7'", "8(", "9)", "0", "-=", "^~", "¥|")),
    (1, ("qQ", "wW", "eE", "rR", "tT", "yY", "uU", "iI", "oO", "pP", "@`", "[{")),
    (1, ("aA", "sS", "dD", "fF", "gG", "hH", "jJ", "kK", "lL", ";+", ":*", "]}")),
    (1, ("zZ", "xX", "cC", "vV", "bB", "nN", "mM", ",<", ".>", "/?", "\\_")),
)
"""The JIS layout: (x of the first key, keys) per row, top row first."""


def _jis_adjacency() -> dict[str, list[str | None]]:
    """zxcvbn's graph format: per character, neighbours left, up-left, up-right, right, down-right, down-left."""
    position = {(x0 + x, y): key for y, (x0, keys) in enumerate(JIS_LAYOUT) for x, key in enumerate(keys)}
    graph: dict[str, list[str | None]] = {}
    for (x, y), key in position.items():
        around = [(x - 1, y), (x, y - 1), (x + 1, y - 1), (x + 1, y), (x, y + 1), (x - 1, y + 1)]
        for char in key:
            graph[char] = [position.get(spot) for spot in around]
    return graph


jis_graph = lazy(lambda: keyboard_graph("jis", _jis_adjacency(), shift_aware=True))
"""The JIS keyboard as a :class:`KeyboardGraph` named ``"jis"`` (built once, on first use)."""


def graphs_with_jis() -> tuple[KeyboardGraph, ...]:
    """zxcvbn's four graphs and the JIS graph (the default estimator's ``graphs``)."""
    return (*zxcvbn_graphs(), jis_graph())


# ---------------------------------------------------------------------------------------------
# The estimator's extra matchers

Matcher = Callable[[str, Callable[[str], float]], Iterable[Found]]


def japanese_matchers(
    dictionaries: Sequence[RankedDictionary] | None = None, *, also_exact: bool = True
) -> tuple[Matcher, ...]:
    """Spelling-variant matching over ``dictionaries`` (the shipped lists by default) and kana matching.

    The key index is built on the first call of the spelling-variant matcher, once, behind a lock.

    Args:
        dictionaries: the romaji lists to match by key.
        also_exact: the same lists are also given to the estimator as ``extra_dictionaries`` (as in
            the default estimator), so matches spelled exactly as listed are left to the word index.
            With ``False`` the key matcher reports those too.

    Returns:
        The spelling-variant matcher and :func:`kana_matches`, for ``Estimator(extra_matchers=...)``.
    """
    chosen = japanese_dictionaries() if dictionaries is None else tuple(dictionaries)
    index = lazy(lambda: KeyIndex(chosen, also_exact=also_exact))

    return (_VariantMatcher(index), kana_matches)


class _VariantMatcher:
    """The spelling-variant matcher over a lazily built :class:`KeyIndex` (a :data:`Matcher`).

    ``edges`` is what the estimator calls instead once no sequence of three pieces can be its
    minimum: only the matches that begin or end the text.
    """

    __slots__ = ("_index",)

    def __init__(self, index: Callable[[], KeyIndex]) -> None:
        self._index = index

    def __call__(self, text: str, base_guesses: Callable[[str], float]) -> list[Found]:
        del base_guesses
        return spelling_variant_matches(text, self._index())

    def edges(self, text: str) -> list[Found]:
        """The matches of :meth:`__call__` that begin or end ``text``, and maybe others."""
        return spelling_variant_matches(text, self._index(), edges_only=True)
