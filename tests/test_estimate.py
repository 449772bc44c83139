"""Tests for passkit's strength estimator: zxcvbn as the oracle, thread safety, bounds, messages."""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime
import hashlib
import itertools
import math
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from passkit import check
from passkit._estimate import (
    _DEFAULT,
    MAX_ANALYSED,
    MAX_L33T_TABLES,
    Estimate,
    Estimator,
    _minimum_sequence,
    _one_character,
    estimate,
    strength_score,
)
from passkit._estimate_match import (
    MIN_SHORTENED,
    Found,
    KeyboardGraph,
    RankedDictionary,
    ShortenedName,
    WordIndex,
    _dictionary_matches,
    find_matches_and_edges,
    keyboard_graph,
    zxcvbn_dictionaries,
    zxcvbn_graphs,
)
from passkit._estimate_text import display_time
from passkit._japanese import japanese_dictionaries
from passkit._normalize import nfkc
from passkit._strength import Scorer
from passkit.exceptions import UnsupportedLocaleError

COMMON = Path(__file__).resolve().parent.parent / "wordlists" / "common-passwords.txt"
YEAR = datetime.date.today().year
ADVERSARIAL = "4@8({[</369&#!1/|0$5+7%2/"
# zxcvbn's guesses are Decimal arithmetic over float factors; passkit's are floats. Allow rounding.
TOLERANCE = 1 + 1e-9

_ZXCVBN_LOCK = threading.Lock()


@contextlib.contextmanager
def zxcvbn_today() -> Iterator[Any]:
    """zxcvbn with its reference year set to today's, one caller at a time (it is global state)."""
    from zxcvbn import scoring, zxcvbn  # noqa: PLC0415 (only the oracle tests need zxcvbn)

    with _ZXCVBN_LOCK:
        saved = scoring.REFERENCE_YEAR
        scoring.REFERENCE_YEAR = YEAR
        try:
            yield zxcvbn
        finally:
            scoring.REFERENCE_YEAR = saved


def zxcvbn_guesses(password: str, user_inputs: Sequence[str] = ()) -> float | None:
    """zxcvbn's guesses for the text passkit analyses, or ``None`` where zxcvbn cannot analyse it."""
    with zxcvbn_today() as zxcvbn:
        try:
            return float(zxcvbn(password, user_inputs=list(user_inputs))["guesses"])
        except (ValueError, IndexError, KeyError):
            return None  # zxcvbn raises on "", above 72, on some digit runs ending in a newline


def assert_not_more_optimistic(password: str, user_inputs: Sequence[str] = ()) -> None:
    """passkit's guesses are at most zxcvbn's wherever zxcvbn analyses the same text."""
    text = nfkc(password)
    assume(0 < len(text) <= 72 and len(text.lower()) == len(text))  # zxcvbn misaligns otherwise
    reference = zxcvbn_guesses(text, user_inputs)
    assume(reference is not None)
    assert reference is not None
    actual = estimate(password, user_inputs=user_inputs)
    assert not actual.truncated
    assert actual.guesses <= reference * TOLERANCE, (actual.guesses, reference)


def default_index() -> Any:
    """The default estimator's merged word index."""
    return _DEFAULT._data()[0]


def common_passwords() -> list[str]:
    """The shipped common-password list."""
    return [line.strip() for line in COMMON.read_text(encoding="utf-8").splitlines() if line.strip()]


# Characters zxcvbn's matchers react to: letters, digits, l33t symbols, keyboard rows, separators.
ALPHABET = st.sampled_from("abcdeilostxzAEIOSZ0123456789@$!|+%({[<7-/._ \nqwertyuiop;[]',.zxcvbnm") | st.characters(
    codec="utf-8"
)
WORDS = st.sampled_from(
    ["password", "dragon", "monkey", "sarah", "smith", "tanaka", "qwerty", "letmein", "love", "2019", "1987", "p@ss"]
)


def mangle(word: str, how: int) -> str:
    """A deterministic variant of ``word``: case, l33t, reversal."""
    if how & 1:
        word = word.capitalize()
    if how & 2:
        word = word.translate(str.maketrans("aeios", "43105"))
    if how & 4:
        word = word[::-1]
    if how & 8:
        word = word.upper()
    return word


PIECE = st.one_of(
    st.text(ALPHABET, min_size=1, max_size=6),
    st.builds(mangle, WORDS, st.integers(0, 15)),
    st.integers(1900, 2099).map(str),
    st.builds(lambda d, m, y, sep: f"{d}{sep}{m}{sep}{y}", st.integers(1, 31), st.integers(1, 12),
              st.integers(0, 2050), st.sampled_from(["", "/", "-", "."])),
    st.builds(lambda s, n: s * n, st.text(ALPHABET, min_size=1, max_size=3), st.integers(2, 5)),
)  # fmt: skip
PASSWORDS = st.lists(PIECE, min_size=1, max_size=5).map("".join).filter(lambda s: len(s) <= 30)


class TestNeverMoreOptimisticThanZxcvbn:
    """passkit's guesses <= zxcvbn's, with zxcvbn's reference year set to today's."""

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(PASSWORDS)
    @example("Tr0ub4dour&3")
    @example("correct horse battery staple")
    @example(ADVERSARIAL * 2)
    @example("aB\n")
    def test_generated_passwords(self, password: str) -> None:
        """Property over generated passwords mixing words, l33t, dates, years, repeats and noise."""
        assert_not_more_optimistic(password)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(st.text(ALPHABET, min_size=1, max_size=30))
    def test_arbitrary_text(self, password: str) -> None:
        """Property over arbitrary text of up to 30 code points."""
        assert_not_more_optimistic(password)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(PASSWORDS, st.lists(st.one_of(WORDS, st.text(ALPHABET, max_size=8)), max_size=4))
    def test_with_user_inputs(self, password: str, user_inputs: list[str]) -> None:
        """Property with user inputs (including pieces of the password itself)."""
        assert_not_more_optimistic(password, [*user_inputs, password[: len(password) // 2]])

    def test_common_password_sample(self) -> None:
        """Every 10th of the shipped common passwords, and their capitalised forms."""
        sample = common_passwords()[::10]
        for password in sample:
            text = nfkc(password)
            if len(text) > 72:
                continue
            for variant in (text, text.capitalize()):
                reference = zxcvbn_guesses(variant)
                assert reference is not None
                assert estimate(variant).guesses <= reference * TOLERANCE, variant

    @pytest.mark.parametrize(
        ("password", "expected"),
        [
            ("password", 3),
            ("p@ssw0rd", 9),
            ("drowssap", 5),
            ("qwertyuiop", 23),
            ("aaaaaa", 73),
            ("abcabcabc", 40),
            ("11/03/1991", 51101),
            ("Tr0ub4dour&3", 19058000),
        ],
    )
    def test_known_answers(self, password: str, expected: int) -> None:
        """Known answers, equal to zxcvbn's on these classics."""
        assert expected == estimate(password).guesses


def long_words() -> list[tuple[str, int, str]]:
    """(dictionary name, rank, word) for every word of six or more characters in the default lists."""
    found = []
    for dictionary in (*zxcvbn_dictionaries(), *japanese_dictionaries()):
        seen: set[str] = set()
        for rank, raw in enumerate(dictionary.load(), 1):
            word = raw.lower()
            if word not in seen and len(word) > MIN_SHORTENED and nfkc(word) == word and word.isascii():
                found.append((dictionary.name, rank, word))
            seen.add(word)
    return found


LONG_WORDS = long_words()


class TestLastLetterDropped:
    """A word of six or more characters without its last letter is a match at twice the word's guesses."""

    @pytest.mark.parametrize(
        ("password", "name", "rank", "guesses"),
        [
            ("passwor", "passwords", 2, 5),
            ("Passwor", "passwords", 2, 9),
            ("hajimemasit", "ja_curated", 5, 11),
            ("hajimemashit", "ja_curated", 5, 11),  # through the spelling-variant keys
            ("H4j!meMAsiT", "ja_curated", 5, 2 * 5 * 255 * 4 + 1),  # capitals (255), l33t a and i (2 * 2)
            ("qwert", "passwords", 4, 9),  # five characters from a six-character word
        ],
    )
    def test_known_answers(self, password: str, name: str, rank: int, guesses: int) -> None:
        """The whole password is one shortened dictionary match: the word's list and rank, twice its guesses."""
        result = estimate(password)
        (match,) = result.sequence
        assert ("dictionary", name, rank, True) == (
            match.pattern,
            match.dictionary_name,
            match.rank,
            match.last_letter_dropped,
        )
        assert guesses == result.guesses
        assert result.score <= 2

    def test_recipe_example_is_weak(self) -> None:
        """The documented recipe's output (はじめまして -> H4j!meMAsiT) scores at most 2, with l33t noted."""
        result = estimate("H4j!meMAsiT")
        assert (1, True, True) == (result.score, result.sequence[0].l33t, result.sequence[0].last_letter_dropped)

    def test_four_characters_never_count(self) -> None:
        """A four-character token is never a shortened word (``davi`` from ``david``)."""
        assert all(not m.last_letter_dropped for m in estimate("davi").sequence)
        index = default_index()
        assert all(len(key) >= MIN_SHORTENED for key, entry in index.items() if type(entry[0]) is ShortenedName)

    def test_word_wins_when_no_dearer(self) -> None:
        """Where the shortened text is itself a word with no more guesses, the word is the match."""
        (match,) = estimate("password").sequence  # also "passwords" shortened, at a worse rank
        assert (2, False) == (match.rank, match.last_letter_dropped)
        index = WordIndex([("a", ["abcdefg", "zzzzzz"]), ("b", ["x", "abcdef"])]).entries
        assert ("b", 2) == index["abcdef"]  # a word of rank 2 ties the shortened rank 1 (doubled): the word wins
        assert (ShortenedName, "a", 4) == (type(index["zzzzz"][0]), index["zzzzz"][0], index["zzzzz"][1])

    def test_user_inputs(self) -> None:
        """The user's own words count shortened too, with the user-input warning."""
        result = estimate("tanak", user_inputs=["Tanaka"])
        (match,) = result.sequence
        assert ("user_inputs", 1, True, 3) == (
            match.dictionary_name,
            match.rank,
            match.last_letter_dropped,
            result.guesses,
        )
        assert "Avoid your name, email address and other words related to you." == result.feedback.warning

    def test_feedback(self) -> None:
        """The warning says that dropping the last letter adds little, in English and Japanese."""
        assert "A word with its last letter dropped is about as easy to guess as the word itself." == (
            estimate("passwor").feedback.warning
        )
        assert "単語の最後の1文字を削っても、元の単語とほとんど同じくらい推測されやすいです。" == (
            estimate("H4j!meMAsiT", locale="ja").feedback.warning
        )

    def test_repr_masks_the_token(self) -> None:
        """The match's repr shows the flag and masks the token."""
        text = repr(estimate("H4j!meMAsiT"))
        assert "last_letter_dropped=True" in text
        assert "token=<masked>" in text
        for piece in ("H4j!meMAsiT", "H4j!", "meMAsiT", "hajimemasit"):
            assert piece not in text

    @settings(deadline=None)
    @given(st.sampled_from(LONG_WORDS))
    def test_shortened_at_most_twice_the_rank(self, listed: tuple[str, int, str]) -> None:
        """Any listed word of six or more characters, shortened, takes at most twice its rank (plus one)."""
        _, rank, word = listed
        assert estimate(word[:-1]).guesses <= 2 * rank + 1


class TestResult:
    """Shape and contents of the Estimate."""

    def test_empty_password(self) -> None:
        """The empty password takes one guess, scores 0 and gets the generic advice."""
        result = estimate("")
        assert (1, 0, 0.0, ()) == (result.guesses, result.score, result.guesses_log10, result.sequence)
        assert 2 == len(result.feedback.suggestions)

    def test_scores_on_zxcvbn_thresholds(self) -> None:
        """Scores follow zxcvbn's thresholds (10**3, 10**6, 10**8, 10**10, each plus 5)."""
        for password, score in [("password", 0), ("tanaka1987", 1), ("Tr0ub4dour&3", 2), (ADVERSARIAL, 4)]:
            assert score == estimate(password).score, password

    def test_crack_times(self) -> None:
        """Crack times divide the guesses by each scenario's rate."""
        times = estimate("password").crack_times
        assert 3 * 36 == pytest.approx(times.online_throttling_100_per_hour.seconds)
        assert 0.3 == pytest.approx(times.online_no_throttling_10_per_second.seconds)
        assert "2 minutes" == times.online_throttling_100_per_hour.display
        assert "less than a second" == times.offline_fast_hashing_1e10_per_second.display

    def test_sequence_covers_the_text(self) -> None:
        """The match sequence tiles the analysed text without gaps or overlaps."""
        result = estimate("JohnSmith1985!qwerty")
        spans = [(m.i, m.j) for m in result.sequence]
        assert 0 == spans[0][0]
        assert 19 == spans[-1][1]
        assert all(a[1] + 1 == b[0] for a, b in itertools.pairwise(spans))

    def test_dictionary_match_details(self) -> None:
        """Dictionary matches carry their list, rank and l33t/reversed flags."""
        (match,) = estimate("p@ssw0rd").sequence
        assert ("dictionary", "passwords", True, False) == (
            match.pattern,
            match.dictionary_name,
            match.l33t,
            match.reversed,
        )
        (match,) = estimate("drowssap").sequence
        assert (True, 2) == (match.reversed, match.rank)

    def test_repr_masks_the_password(self) -> None:
        """Neither the password nor any token appears in a repr."""
        secret = "Hunter2Hunter2xyz"
        result = estimate(secret, user_inputs=["hunter"])
        text = repr(result) + str(result) + "".join(repr(m) for m in result.sequence)
        for piece in {m.token for m in result.sequence} | {secret}:
            if len(piece) > 2:
                assert piece not in text
        assert "token=<masked>" in text

    def test_frozen_and_equal(self) -> None:
        """Results are immutable values: equal inputs give equal results."""
        first = estimate("dragon2000")
        assert first == estimate("dragon2000")
        with pytest.raises(AttributeError):
            first.score = 4  # type: ignore[misc]

    def test_fullwidth_reads_as_ascii(self) -> None:
        """Full-width input (Japanese IME on) scores as its half-width form."""
        assert estimate("password") == estimate("ｐａｓｓｗｏｒｄ")


class TestCurrentYear:
    """Years and dates are scored against today's year, not zxcvbn's 2017."""

    def test_this_year_is_cheap(self) -> None:
        """This year is within the minimum year space of 20 guesses."""
        (match,) = estimate(str(YEAR)).sequence
        assert ("regex", 20) == (match.pattern, match.guesses)

    def test_distance_from_today(self) -> None:
        """A year's guesses are its distance from today's year."""
        (match,) = estimate("1950").sequence
        assert YEAR - 1950 == match.guesses

    def test_years_after_2019_are_years(self) -> None:
        """zxcvbn stops recent years at 2019; passkit knows later ones."""
        assert "regex" == estimate("2024").sequence[0].pattern

    def test_dates(self) -> None:
        """Date guesses use today's year too."""
        (match,) = estimate("01.01.2000").sequence
        assert ("date", max(YEAR - 2000, 20) * 365 * 4) == (match.pattern, match.guesses)


class TestBounds:
    """Every input returns, within the stated bound, with ``truncated`` set when cut."""

    @pytest.mark.parametrize(
        "password",
        ["", "\0", "\0" * 1000, "\ud800", "\udfff\ud800" * 60, "e" + "\u0301" * 100_000, "a" * 1_000_000,
         ADVERSARIAL * 3, ADVERSARIAL * 40_000, "abcabcabd" * 1000, "1" * 999, "\n" * 300, "Σ" * 200, "İ" * 200],
    )  # fmt: skip
    def test_any_input_returns(self, password: str) -> None:
        """No exception on empty, NUL, lone surrogates, combining marks, megabytes, repeats."""
        result = estimate(password)
        assert isinstance(result, Estimate)
        assert 0 <= result.score <= 4
        assert (len(nfkc(password)) > MAX_ANALYSED) == result.truncated
        assert all(m.j < MAX_ANALYSED for m in result.sequence)

    def test_prefix_is_analysed(self) -> None:
        """A long password is scored on its first 100 code points."""
        long = ADVERSARIAL * 10
        assert estimate(long[:MAX_ANALYSED]).guesses == estimate(long).guesses
        assert estimate(long).truncated
        assert not estimate(long[:MAX_ANALYSED]).truncated

    @pytest.mark.parametrize(
        "password", [ADVERSARIAL * 4, "1|!7" * 25, "@4$5(<{[3690!1|+7%2" * 5, "p@55w0rd" * 12, "1!|7" * 25]
    )
    def test_l33t_cap_is_only_a_safety_net(self, password: str) -> None:
        """On l33t-heavy input the table cap changes nothing: prefix pruning keeps tables few."""
        text = password[:MAX_ANALYSED]
        capped: list[Found] = []
        uncapped: list[Found] = []
        _dictionary_matches(text, text, default_index(), capped, max_tables=MAX_L33T_TABLES)
        _dictionary_matches(text, text, default_index(), uncapped, max_tables=10**9)
        assert sorted(uncapped) == sorted(capped)

    @settings(max_examples=100, deadline=None)
    @given(st.text(min_size=0, max_size=300), st.lists(st.text(max_size=50), max_size=3))
    def test_never_raises(self, password: str, user_inputs: list[str]) -> None:
        """Any text and user inputs give a result."""
        result = estimate(password, user_inputs=user_inputs)
        assert result.guesses >= 1


class TestInternals:
    """Shortcuts agree with the general machinery."""

    @pytest.mark.parametrize("char", [*"aAzZ09!@ Iı", "İ", "Σ", "ß", "\n", "\0", "\ud800", "あ"])
    def test_one_character_shortcut(self, char: str) -> None:
        """Scoring a one-character repeat base directly equals a full analysis of it."""
        index = default_index()
        full = _minimum_sequence(
            1, find_matches_and_edges(char, (index,), zxcvbn_graphs(), YEAR, len, max_tables=64)[0]
        )[0]
        assert full == _one_character(char, (index,))

    @settings(max_examples=300, deadline=None)
    @given(
        st.integers(min_value=1, max_value=7).flatmap(
            lambda n: st.tuples(
                st.just(n),
                st.lists(
                    st.tuples(
                        st.integers(min_value=0, max_value=n - 1),
                        st.integers(min_value=0, max_value=n - 1),
                        st.sampled_from([1.0, 2.0, 10.0, 11.0, 50.0, 100.0, 365.0, 1000.0, 1e4, 1e5, 7.5]),
                    ),
                    max_size=12,
                ),
            )
        )
    )
    def test_minimum_sequence_is_exact(self, case: tuple[int, list[tuple[int, int, float]]]) -> None:
        """The pruned search finds the cost of an exhaustive search over every sequence."""
        n, spans = case
        candidates = [Found(min(i, j), max(i, j), guesses, "dictionary") for i, j, guesses in spans]

        def best(start: int) -> list[tuple[int, float]]:
            """(pieces, product) of every way to cover start..n-1."""
            if start == n:
                return [(0, 1.0)]
            ways = []
            for end in range(start, n):  # brute force over start..end
                size = end - start + 1
                for pieces, product in best(end + 1):
                    ways.append((pieces + 1, (11.0 if size == 1 else 10.0**size) * product))
            for found in candidates:
                if found.i == start:
                    size = found.j - found.i + 1
                    floor = 1 if size == n else (10 if size == 1 else 50)
                    for pieces, product in best(found.j + 1):
                        ways.append((pieces + 1, max(found.guesses, floor) * product))
            return ways

        expected = min(math.factorial(pieces) * product + 10000.0 ** (pieces - 1) for pieces, product in best(0))
        assert expected == pytest.approx(_minimum_sequence(n, candidates)[0], rel=1e-12)

    def test_strictly_below_zxcvbn_on_recent_years(self) -> None:
        """Years after 2019 are years to passkit, random digits to zxcvbn (even with today's year)."""
        reference = zxcvbn_guesses("qwerty2023")
        assert reference is not None
        assert 15000 == estimate("qwerty2023").guesses < reference


class TestThreadSafety:
    """Concurrent calls with different user inputs never see each other's words."""

    def test_many_threads(self) -> None:
        """8 threads x 200 calls, tiny switch interval: every result equals the single-threaded one."""
        jobs = []
        for k in range(1600):
            digest = hashlib.sha256(b"%d" % k).hexdigest()
            name = ("tanaka", "suzuki", "quixotic", "zebrafish")[k % 4] + digest[:2]
            jobs.append((f"{name}{digest[2:4]}", (name, f"{digest[4:8]}@example.com")))
        expected = [estimate(password, user_inputs=inputs) for password, inputs in jobs]
        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)
        try:
            with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
                actual = list(pool.map(lambda job: estimate(job[0], user_inputs=job[1]), jobs, chunksize=200))
        finally:
            sys.setswitchinterval(interval)
        assert 0 == sum(a != e for a, e in zip(actual, expected, strict=True))

    def test_user_inputs_are_per_call(self) -> None:
        """A user input lowers that call's guesses only."""
        alone = estimate("quixoticzebra")
        assert estimate("quixoticzebra", user_inputs=["quixoticzebra"]).guesses < alone.guesses
        assert alone == estimate("quixoticzebra")

    def test_import_does_not_load_zxcvbn(self) -> None:
        """Importing passkit loads no word list; estimating reads zxcvbn's data, never random."""
        code = (
            "import sys, passkit, passkit._estimate as e; print(e._DEFAULT._data._value is None);"
            " e.estimate('x'); print(e._DEFAULT._data._value is None, 'random' in sys.modules)"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert ["True", "False False"] == out.strip().splitlines()


class TestArguments:
    """Wrong types raise TypeError; an unknown locale raises UnsupportedLocaleError."""

    @pytest.mark.parametrize(
        ("password", "user_inputs"), [(b"secret", ()), (None, ()), ("x", "name"), ("x", [1]), ("x", 5)]
    )
    def test_type_errors(self, password: Any, user_inputs: Any) -> None:
        """Non-str passwords and user inputs that are not an iterable of str (or dates) are rejected."""
        with pytest.raises(TypeError):
            estimate(password, user_inputs=user_inputs)

    def test_type_error_never_echoes_the_password(self) -> None:
        """The TypeError message names types only."""
        with pytest.raises(TypeError) as info:
            estimate(b"hunter2")  # type: ignore[arg-type]
        assert "hunter2" not in str(info.value)

    @pytest.mark.parametrize(
        "typed", ["1985-04-12", "19850412", "850412", "0412", "1204", "1985", "12041985", "04121985", "120485"]
    )
    def test_date_user_input(self, typed: str) -> None:
        """A datetime.date user input stands for its typed forms: each is the user's own word."""
        birthday = datetime.date(1985, 4, 12)
        result = estimate(f"x{typed}", user_inputs=["taro", birthday])
        assert [("bruteforce", ""), ("dictionary", "user_inputs")] == [
            (m.pattern, m.dictionary_name) for m in result.sequence
        ]
        assert 2 == result.sequence[1].rank  # the date's position among the inputs
        for written in (birthday.isoformat(), "12.04.1985", "1985年4月12日"):
            assert result == estimate(f"x{typed}", user_inputs=["taro", written])  # a date as text: the same

    @given(
        day=st.dates(datetime.date(1000, 1, 1), datetime.date(2099, 12, 31)),
        which=st.integers(0, 9),
        front=st.sampled_from(["", "x", "Qz!"]),
    )
    def test_date_as_text_is_the_date(self, day: datetime.date, which: int, front: str) -> None:
        """A birthday given as ``YYYY-MM-DD`` text scores exactly as the date does, and ``check`` agrees.

        ``check`` hands its ``min-strength`` rule the dates as text, so the two must not differ.
        """
        iso = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
        forms = [iso, day.strftime("%Y%m%d"), day.strftime("%y%m%d"), day.strftime("%m%d"), day.strftime("%d%m")]
        forms += [f"{day.year:04d}", day.strftime("%d%m%Y"), day.strftime("%m%d%Y"), day.strftime("%d%m%y")]
        forms += [day.strftime("%m%d%y")]
        password = front + forms[which]
        as_date = estimate(password, user_inputs=["taro", day])
        assert as_date == estimate(password, user_inputs=["taro", iso])
        policy = f"minlength: 1; min-strength: {min(as_date.score + 1, 4)};"
        assert (as_date.score >= min(as_date.score + 1, 4)) == check(password, policy, user_inputs=["taro", day]).ok

    def test_datetime_user_input(self) -> None:
        """A datetime is a date: its day counts, the time of day is ignored."""
        moment = datetime.datetime(1985, 4, 12, 23, 59, tzinfo=datetime.UTC)
        assert estimate("850412", user_inputs=[moment]) == estimate("850412", user_inputs=[moment.date()])

    @pytest.mark.parametrize("locale", ["fr", "EN", ""])
    def test_bad_locale(self, locale: str) -> None:
        """Only en and ja are supported; the error is also a ValueError."""
        with pytest.raises(UnsupportedLocaleError):
            estimate("x", locale=locale)
        with pytest.raises(ValueError, match="locale"):
            estimate("x", locale=locale)


class TestMessages:
    """Feedback and crack-time displays in English and Japanese."""

    def test_japanese_feedback(self) -> None:
        """Japanese warnings and suggestions."""
        feedback = estimate("password", locale="ja").feedback
        assert "よく使われるパスワードの上位10位に入っています。" == feedback.warning
        assert feedback.suggestions[0].startswith("単語をもう1つか2つ")

    def test_english_feedback_like_zxcvbn(self) -> None:
        """English feedback follows zxcvbn's wording."""
        feedback = estimate("qwerasdf").feedback
        assert "Add another word or two. Uncommon words are better." == feedback.suggestions[0]

    def test_strong_password_has_no_feedback(self) -> None:
        """Scores above 2 get no warning and no suggestions."""
        assert ("", ()) == (estimate(ADVERSARIAL).feedback.warning, estimate(ADVERSARIAL).feedback.suggestions)

    @pytest.mark.parametrize(
        ("seconds", "english", "japanese"),
        [
            (0.5, "less than a second", "1秒未満"),
            (1, "1 second", "1秒"),
            (59, "59 seconds", "59秒"),
            (3600 * 3, "3 hours", "3時間"),
            (86400 * 2, "2 days", "2日"),
            (86400 * 31 * 2, "2 months", "2か月"),
            (86400 * 31 * 12 * 5, "5 years", "5年"),
            (1e12, "centuries", "100年以上"),
        ],
    )
    def test_display_time(self, seconds: float, english: str, japanese: str) -> None:
        """Durations are rounded into one unit, as zxcvbn does, in both languages."""
        assert (english, japanese) == (display_time(seconds, "en"), display_time(seconds, "ja"))

    def test_japanese_crack_times(self) -> None:
        """Crack-time displays follow the locale."""
        assert "1秒未満" == estimate("password", locale="ja").crack_times.offline_slow_hashing_1e4_per_second.display


class TestSeams:
    """Dictionaries and keyboard graphs plug in without touching the matchers."""

    def test_strength_score_is_a_scorer(self) -> None:
        """strength_score fits the min-strength seam and agrees with estimate()."""
        scorer: Scorer = strength_score
        assert estimate("tanaka1987", user_inputs=["tanaka"]).score == scorer("tanaka1987", ["tanaka"])

    def test_extra_dictionary(self) -> None:
        """An extra ranked list is searched with zxcvbn's lists."""
        romaji = RankedDictionary("romaji", lambda: ["himitsu", "sakura"])
        (match,) = Estimator(extra_dictionaries=[romaji]).estimate("Sakura").sequence
        assert ("romaji", 2) == (match.dictionary_name, match.rank)

    def test_extra_keyboard_graph(self) -> None:
        """An extra keyboard graph finds spatial patterns on it."""
        graph = keyboard_graph("toy", {"ア": [None, "イ"], "イ": ["ア", "ウ"], "ウ": ["イ", None]}, shift_aware=False)
        assert isinstance(graph, KeyboardGraph)
        result = Estimator(extra_graphs=[graph]).estimate("アイウ")
        assert [("spatial", "toy")] == [(m.pattern, m.name) for m in result.sequence]

    def test_duplicate_names_refused(self) -> None:
        """Dictionary names are unique, and user_inputs is reserved."""
        with pytest.raises(ValueError, match="unique"):
            Estimator(extra_dictionaries=[RankedDictionary("passwords", list)])
        with pytest.raises(ValueError, match="unique"):
            Estimator(extra_dictionaries=[RankedDictionary("user_inputs", list)])

    def test_duplicate_graph_refused(self) -> None:
        """Graph names are unique (checked when the data loads)."""
        graph = keyboard_graph("qwerty", {"a": [None]}, shift_aware=False)
        with pytest.raises(ValueError, match="unique"):
            Estimator(extra_graphs=[graph]).estimate("x")
