"""Tests for passphrases: shipped EFF lists, exact entropy, unique spelling, uniform output."""

from __future__ import annotations

import collections
import hashlib
import itertools
import math
import re
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stats import chi_square_p_value

from passkit._csprng import randbelow_many
from passkit._passphrase import CAPITALIZE_MODES, PassphraseGenerator, passphrase
from passkit.exceptions import OptionError

WORDLISTS = Path(__file__).resolve().parents[1] / "wordlists"
SHIPPED = {"eff-large": 7776, "eff-short-1": 1296, "eff-short-2": 1296}
HYPHENATED = {
    "eff-large": ["drop-down", "felt-tip", "t-shirt", "yo-yo"],
    "eff-short-1": ["yo-yo"],
    "eff-short-2": ["yo-yo"],
}


def spell(words: tuple[str, ...], cases: tuple[bool, ...], digit: tuple[int, int] | None, options: dict) -> str:
    """One passphrase from explicit choices, written independently of the generator's tables."""
    capitalize = options["capitalize"]
    parts = []
    for word, capital in zip(words, cases, strict=True):
        if capitalize == "upper":
            parts.append(word.upper())
        elif capitalize == "first" or (capitalize == "random" and capital):
            parts.append(word[0].upper() + word[1:])
        else:
            parts.append(word)
    if digit is not None:
        position, value = digit
        parts[position] += str(value)
    return options["separator"].join(parts)


def brute_force(options: dict) -> tuple[int, set[str]]:
    """Number of choice sequences and the set of distinct strings they spell."""
    separator = options["separator"]
    usable = [w for w in options["wordlist"] if not separator or not set(separator) & set(w)]
    k = options["words"]
    case_choices = [(False, True)] * k if options["capitalize"] == "random" else [(False,)] * k
    digit_choices = [(p, d) for p in range(k) for d in range(10)] if options["digit"] else [None]
    sequences = 0
    spelled = set()
    for words in itertools.product(usable, repeat=k):
        for cases in itertools.product(*case_choices):
            for digit in digit_choices:
                sequences += 1
                spelled.add(spell(words, cases, digit, options))
    return sequences, spelled


class TestShippedLists:
    """The EFF lists in wordlists/: counts, uniqueness, shape, provenance."""

    @pytest.mark.parametrize(("name", "size"), sorted(SHIPPED.items()))
    def test_count_and_unique(self, name: str, size: int) -> None:
        """Each list has the EFF's number of words, all different."""
        words = (WORDLISTS / f"{name}.txt").read_text(encoding="utf-8").split()
        assert size == len(words)
        assert size == len(set(words))

    @pytest.mark.parametrize("name", sorted(SHIPPED))
    def test_word_shape(self, name: str) -> None:
        """Every word is a lower-case ASCII letter then letters and hyphens; the hyphenated ones are known."""
        words = (WORDLISTS / f"{name}.txt").read_text(encoding="utf-8").split()
        assert all(re.fullmatch(r"[a-z][a-z-]*", word) for word in words)
        assert HYPHENATED[name] == [word for word in words if "-" in word]

    @pytest.mark.parametrize("name", sorted(SHIPPED))
    def test_prefix_free(self, name: str) -> None:
        """No word begins another word of the same list (what makes an empty separator safe)."""
        words = set((WORDLISTS / f"{name}.txt").read_text(encoding="utf-8").split())
        assert [] == [w for w in words for i in range(1, len(w)) if w[:i] in words]

    @pytest.mark.parametrize("name", sorted(SHIPPED))
    def test_sha256_matches_sources(self, name: str) -> None:
        """The file's SHA-256 is the one recorded in wordlists/SOURCES.md."""
        sources = (WORDLISTS / "SOURCES.md").read_text(encoding="utf-8")
        row = next(line for line in sources.splitlines() if line.startswith(f"| `{name}.txt` |"))
        recorded = re.findall(r"`([0-9a-f]{64})`", row)
        assert [hashlib.sha256((WORDLISTS / f"{name}.txt").read_bytes()).hexdigest()] == recorded


class TestEntropy:
    """Known answers: only random choices count, words holding the separator do not."""

    @pytest.mark.parametrize(
        ("options", "size", "count"),
        [
            ({}, 7772, 7772**6),
            ({"separator": " "}, 7776, 7776**6),
            ({"separator": ""}, 7776, 7776**6),
            ({"separator": " - "}, 7772, 7772**6),
            ({"words": 4, "capitalize": "first"}, 7772, 7772**4),
            ({"words": 4, "capitalize": "upper"}, 7772, 7772**4),
            ({"words": 6, "wordlist": "eff-short-1", "capitalize": "random", "digit": True}, 1295, 1295**6 * 2**6 * 60),
            ({"words": 5, "wordlist": "eff-short-2", "separator": ".", "digit": True}, 1296, 1296**5 * 50),
            ({"words": 1, "separator": "", "digit": True}, 7776, 7776 * 10),
        ],
    )
    def test_known_answers(self, options: dict, size: int, count: int) -> None:
        """Entropy is log2 of words**k, times 2**k for random case, times 10k for the digit."""
        generator = PassphraseGenerator(**options)
        assert size == generator.wordlist_size
        assert math.log2(count) == generator.entropy_bits

    def test_six_eff_large_words(self) -> None:
        """Six words of the large list with '-' give 77.544 bits (7,772 usable words)."""
        assert 77.544 == round(PassphraseGenerator().entropy_bits, 3)


tiny_words = st.lists(
    st.text(alphabet="ab-", min_size=1, max_size=3).filter(lambda w: w[0] != "-"), min_size=2, max_size=4, unique=True
)


class TestExactness:
    """entropy_bits is log2 of a brute-force count of distinct strings; no two choices collide."""

    @settings(max_examples=60)
    @given(
        wordlist=tiny_words,
        words=st.integers(1, 3),
        separator=st.sampled_from(["-", "", " ", ".", "--", " - ", "1"]),
        capitalize=st.sampled_from(CAPITALIZE_MODES),
        digit=st.booleans(),
    )
    def test_brute_force(self, wordlist: list[str], words: int, separator: str, capitalize: str, digit: bool) -> None:
        """Allowed options spell every choice sequence differently; refused ones are refused for a reason."""
        options = {"wordlist": wordlist, "words": words, "separator": separator, "capitalize": capitalize}
        options["digit"] = digit
        try:
            generator = PassphraseGenerator(**options)
        except OptionError:
            usable = [w for w in wordlist if not separator or not set(separator) & set(w)]
            prefix = any(a != b and b.startswith(a) for a in usable for b in usable)
            digit_clash = digit and separator == "1"
            assert len(usable) < 2 or digit_clash or (separator == "" and capitalize != "first" and prefix)
            return
        sequences, spelled = brute_force(options)
        assert sequences == len(spelled)
        assert math.log2(len(spelled)) == generator.entropy_bits
        assert set(generator.generate_many(20)) <= spelled

    @pytest.mark.parametrize("capitalize", ["none", "upper", "random"])
    def test_empty_separator_needs_prefix_free_list(self, capitalize: str) -> None:
        """'ab'+'a' and 'a'+'ba' both spell 'aba': such a list is refused without visible boundaries."""
        options = {"wordlist": ["a", "ab", "ba"], "words": 2, "separator": "", "capitalize": capitalize}
        options["digit"] = False
        sequences, spelled = brute_force(options)
        assert sequences > len(spelled)
        with pytest.raises(OptionError, match="empty separator"):
            PassphraseGenerator(**options)

    def test_empty_separator_with_capitals_is_unique(self) -> None:
        """capitalize='first' marks every word boundary, so even that list spells uniquely."""
        options = {"wordlist": ["a", "ab", "ba"], "words": 3, "separator": "", "capitalize": "first", "digit": True}
        sequences, spelled = brute_force(options)
        assert sequences == len(spelled)
        assert math.log2(len(spelled)) == PassphraseGenerator(**options).entropy_bits


class TestUniformity:
    """Outputs are exactly uniform over the distinct passphrases."""

    @pytest.mark.parametrize(
        "options",
        [
            {"wordlist": ["ab", "cd", "ef", "gh"], "words": 3, "separator": "-", "capitalize": "none", "digit": False},
            {"wordlist": ["ab", "cd", "ef"], "words": 2, "separator": "", "capitalize": "random", "digit": True},
        ],
    )
    def test_chi_square(self, options: dict) -> None:
        """Every passphrase appears, none outside the set, with counts consistent with uniform."""
        _, valid = brute_force(options)
        draws = 60 * len(valid)
        counts = collections.Counter(PassphraseGenerator(**options).generate_many(draws))
        assert set() == set(counts) - valid
        assert valid == set(counts)
        p_value = chi_square_p_value([counts[s] for s in sorted(valid)], draws / len(valid))
        assert p_value > 1e-6, f"chi-square p-value {p_value:.3g} says the output is not uniform"

    def test_chi_square_has_power(self) -> None:
        """The test rejects a sampler that favours one word a little (modulo-bias sized)."""
        valid = [a + b for a in "abcd" for b in "abcd"]
        draws = 60 * len(valid)
        counts = collections.Counter(valid[(i * 7) % 16] for i in range(draws))
        counts["aa"] += draws // 16  # one string twice as likely
        assert chi_square_p_value([counts[s] for s in valid], draws / len(valid)) < 1e-6

    @pytest.mark.parametrize("bound", [2, 3, 10, 255, 256, 257, 1000])
    def test_randbelow_many_chi_square(self, bound: int) -> None:
        """The bulk sampler is uniform for bounds around the byte-size boundaries."""
        draws = 50 * bound
        counts = collections.Counter(randbelow_many(bound, draws))
        assert set(range(bound)) == set(counts)
        assert chi_square_p_value([counts[v] for v in range(bound)], draws / bound) > 1e-6

    @pytest.mark.parametrize("bound", [1, 2**16 + 1, 2**24 + 3, 2**40, 2**64, 2**64 + 1, 10**30])
    def test_randbelow_many_range(self, bound: int) -> None:
        """Every size path returns the requested number of values, all in range."""
        values = randbelow_many(bound, 500)
        assert 500 == len(values)
        assert all(0 <= v < bound for v in values)

    def test_randbelow_many_top_bits(self) -> None:
        """Values reach the top half of a wide range (the high bytes are really used)."""
        assert any(v >= 2**63 for v in randbelow_many(2**64, 64))


class TestOutputShape:
    """What the options promise about each passphrase."""

    @settings(max_examples=25)
    @given(
        words=st.integers(1, 8),
        wordlist=st.sampled_from(sorted(SHIPPED)),
        separator=st.sampled_from(["-", " ", ".", "_", "", "+"]),
        capitalize=st.sampled_from(CAPITALIZE_MODES),
        digit=st.booleans(),
    )
    def test_parses_back(self, words: int, wordlist: str, separator: str, capitalize: str, digit: bool) -> None:
        """Each passphrase splits back into listed words, in the promised case, with one digit if asked."""
        generator = PassphraseGenerator(
            words=words, wordlist=wordlist, separator=separator, capitalize=capitalize, digit=digit
        )
        listed = set((WORDLISTS / f"{wordlist}.txt").read_text(encoding="utf-8").split())
        for text in generator.generate_many(5):
            assert (1 if digit else 0) == sum(ch.isdigit() for ch in text)
            if separator:
                parts = text.split(separator)
            elif capitalize == "first":
                parts = re.findall(r"[A-Z][a-z-]*[0-9]?", text)
            else:
                continue  # prefix-free parsing is covered by TestExactness
            assert words == len(parts)
            bare = [part.rstrip("0123456789") for part in parts]
            assert all(word.lower() in listed for word in bare)
            if capitalize == "none":
                assert all(word.islower() for word in bare)
            elif capitalize == "first":
                assert all(word == word.capitalize() for word in bare)
            elif capitalize == "upper":
                assert all(word == word.upper() for word in bare)
            else:
                assert all(word in (word.lower(), word.capitalize()) for word in bare)

    def test_hyphenated_words_left_out(self) -> None:
        """With '-' between words, no word of the passphrase holds a hyphen itself."""
        for text in PassphraseGenerator(words=8).generate_many(200):
            assert 8 == len(text.split("-"))

    def test_convenience_function(self) -> None:
        """passphrase() takes the same options and returns one string."""
        text = passphrase(words=3, wordlist="eff-short-2", separator=" ", capitalize="upper")
        assert 3 == len(text.split(" "))
        assert text == text.upper()

    def test_generate_many_zero(self) -> None:
        """Asking for no passphrases returns an empty list."""
        assert [] == PassphraseGenerator().generate_many(0)

    def test_repr_names_options_not_words(self) -> None:
        """The repr shows the options and entropy, never a passphrase or a custom list's words."""
        assert "PassphraseGenerator(words=2, wordlist=<3 custom words>, separator='-', capitalize='none'," in repr(
            PassphraseGenerator(words=2, wordlist=["alpha", "bravo", "charlie"])
        )
        assert "alpha" not in repr(PassphraseGenerator(words=2, wordlist=["alpha", "bravo", "charlie"]))


class TestErrors:
    """Wrong types raise TypeError; bad values raise OptionError saying what to do."""

    @pytest.mark.parametrize(
        "options",
        [
            {"words": "6"},
            {"words": True},
            {"words": 6.0},
            {"separator": 1},
            {"capitalize": None},
            {"digit": 1},
            {"wordlist": 3},
            {"wordlist": ["ab", 2]},
        ],
    )
    def test_type_errors(self, options: dict) -> None:
        """Each wrongly typed option raises TypeError."""
        with pytest.raises(TypeError):
            PassphraseGenerator(**options)

    @pytest.mark.parametrize(
        ("options", "match"),
        [
            ({"words": 0}, "words must be from 1"),
            ({"words": 1001}, "words must be from 1"),
            ({"capitalize": "title"}, "capitalize must be one of"),
            ({"wordlist": "eff"}, "wordlist must be one of"),
            ({"wordlist": ["ab", "ab", "cd"]}, "must not repeat"),
            ({"wordlist": ["Ab", "cd"]}, "lower-case ASCII"),
            ({"wordlist": ["-ab", "cd"]}, "starting with a letter"),
            ({"wordlist": ["ab"]}, "at least 2 usable words"),
            ({"wordlist": ["a-b", "c-d", "ef"]}, "at least 2 usable words"),
            ({"separator": "and"}, "must not contain letters"),
            ({"separator": "\t"}, "printable"),
            ({"separator": "7", "digit": True}, "must not contain digits"),
        ],
    )
    def test_option_errors(self, options: dict, match: str) -> None:
        """Each bad value raises OptionError (a ValueError) with a helpful message."""
        with pytest.raises(OptionError, match=match) as info:
            PassphraseGenerator(**options)
        assert isinstance(info.value, ValueError)

    def test_digit_separator_allowed_without_digit(self) -> None:
        """A digit separator is fine when no digit is added: the words hold none."""
        assert 3 == len(PassphraseGenerator(words=3, separator="7").generate().split("7"))

    def test_generate_many_checks_n(self) -> None:
        """n must be a non-negative int."""
        generator = PassphraseGenerator()
        with pytest.raises(TypeError):
            generator.generate_many("3")  # type: ignore[arg-type]
        with pytest.raises(OptionError):
            generator.generate_many(-1)


class TestRuntime:
    """Loading is lazy and thread-safe; randomness never loads the random module."""

    def test_many_threads(self) -> None:
        """Generators built and used from many threads at once all work and agree."""
        results: list[float] = []
        errors: list[BaseException] = []

        def work() -> None:
            try:
                generator = PassphraseGenerator(words=4, wordlist="eff-short-1")
                assert 4 == len(generator.generate().split("-"))
                results.append(generator.entropy_bits)
            except BaseException as error:  # collected and reported by the main thread
                errors.append(error)

        threads = [threading.Thread(target=work) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [] == errors
        assert [4 * math.log2(1295)] * 16 == results
