"""Tests for romaji passwords: distinct strings counted exactly, and sampled uniformly."""

from __future__ import annotations

import collections
import functools
import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stats import chi_square_p_value

from passkit._csprng import randbelow_many
from passkit._romaji_gen import (
    MORAE_BASIC,
    MORAE_VOICED,
    MORAE_YOON,
    MORAE_YOON_VOICED,
    RomajiGenerator,
    build_automaton,
    romaji_password,
)
from passkit.exceptions import OptionError


def spelled(morae: tuple[str, ...] | frozenset[str], count: int) -> set[str]:
    """Brute force: every string that exactly ``count`` morae spell."""
    return {"".join(seq) for seq in itertools.product(sorted(morae), repeat=count)}


def splits_into(text: str, morae: frozenset[str], count: int) -> bool:
    """Whether ``text`` splits into exactly ``count`` morae (an independent recursive parser)."""

    @functools.cache
    def go(start: int, left: int) -> bool:
        if start == len(text):
            return left == 0
        return left > 0 and any(text.startswith(mora, start) and go(start + len(mora), left - 1) for mora in morae)

    return go(0, count)


class TestMoraSets:
    """The mora tables: Hepburn spellings, no duplicates."""

    def test_sizes(self) -> None:
        """45 plain, 23 voiced, 21 plain yoon, 12 voiced yoon; 68 by default, 101 with everything."""
        assert (45, 23, 21, 12) == (len(MORAE_BASIC), len(MORAE_VOICED), len(MORAE_YOON), len(MORAE_YOON_VOICED))
        every = MORAE_BASIC + MORAE_VOICED + MORAE_YOON + MORAE_YOON_VOICED
        assert len(every) == len(set(every))
        assert 68 == len(RomajiGenerator().mora_set)
        assert 101 == len(RomajiGenerator(yoon=True).mora_set)
        assert 66 == len(RomajiGenerator(voiced=False, yoon=True).mora_set)

    def test_hepburn(self) -> None:
        """Hepburn spellings are used, and the Nihon-shiki/Kunrei ones are not."""
        every = set(RomajiGenerator(yoon=True).mora_set)
        assert {"shi", "chi", "tsu", "fu", "ji", "zu", "sha", "cho", "ja"} <= every
        assert set() == {"si", "ti", "tu", "hu", "zi", "di", "du", "sya", "tyo", "zya", "wo"} & every


class TestExactness:
    """entropy_bits is log2 of the number of distinct strings, found by brute force."""

    @pytest.mark.parametrize(
        ("morae", "options"),
        [(1, {}), (2, {}), (3, {}), (1, {"yoon": True}), (2, {"yoon": True}), (3, {"voiced": False})],
    )
    def test_brute_force(self, morae: int, options: dict) -> None:
        """Enumerating every mora sequence gives the same number of distinct strings."""
        generator = RomajiGenerator(morae, **options)
        assert math.log2(len(spelled(generator.mora_set, morae))) == generator.entropy_bits

    def test_three_morae_collisions(self) -> None:
        """With three morae exactly 25 strings have two spellings: n+V+nW and nV+n+W ('nana')."""
        generator = RomajiGenerator(3)
        assert math.log2(68**3 - 25) == generator.entropy_bits
        assert 68**3 - 25 == len(spelled(generator.mora_set, 3))

    def test_yoon_collisions(self) -> None:
        """n+ya and nya spell the same string with different mora counts, so two morae still give 101**2."""
        assert math.log2(101**2) == RomajiGenerator(2, yoon=True).entropy_bits
        assert "nya" in spelled(MORAE_BASIC, 2)
        assert "nya" in spelled(MORAE_YOON, 1)

    @pytest.mark.parametrize(("morae", "options"), [(2, {}), (3, {}), (2, {"yoon": True})])
    def test_unrank_is_a_bijection(self, morae: int, options: dict) -> None:
        """Ranks 0..count-1 give every distinct string once, in sorted order: uniform ranks, uniform strings."""
        generator = RomajiGenerator(morae, **options)
        automaton = build_automaton(frozenset(generator.mora_set), morae)
        assert sorted(spelled(generator.mora_set, morae)) == [automaton.unrank(r) for r in range(automaton.count)]

    @settings(max_examples=100)
    @given(
        morae=st.sets(st.text(alphabet="nayk", min_size=1, max_size=3), min_size=1, max_size=6),
        count=st.integers(1, 4),
    )
    def test_any_mora_set(self, morae: set[str], count: int) -> None:
        """For any small mora set, the automaton lists exactly the distinct strings, each once."""
        automaton = build_automaton(frozenset(morae), count)
        assert sorted(spelled(frozenset(morae), count)) == [automaton.unrank(r) for r in range(automaton.count)]

    @pytest.mark.parametrize(
        ("morae", "options", "bits"),
        [
            (8, {}, 48.69756909381929),
            (8, {"voiced": False}, 43.92789348729855),
            (8, {"yoon": True}, 53.26403995945768),
            (16, {}, 97.39048360215304),
        ],
    )
    def test_known_answers(self, morae: int, options: dict, bits: float) -> None:
        """Known entropies: 8 default morae give 48.698 bits (8 * log2(68) would say 48.700)."""
        assert round(bits, 4) == round(RomajiGenerator(morae, **options).entropy_bits, 4)


class TestUniformity:
    """Outputs are exactly uniform over the distinct strings."""

    def test_chi_square_two_morae(self) -> None:
        """Two morae: every one of the 4,624 strings appears, evenly."""
        generator = RomajiGenerator(2)
        valid = spelled(generator.mora_set, 2)
        draws = 25 * len(valid)
        counts = collections.Counter(generator.generate_many(draws))
        assert valid == set(counts)
        p_value = chi_square_p_value([counts[s] for s in sorted(valid)], draws / len(valid))
        assert p_value > 1e-6, f"chi-square p-value {p_value:.3g} says the output is not uniform"

    def test_chi_square_with_collisions(self) -> None:
        """A set full of collisions (n+a = na, n+ya = nya): strings with several spellings are not favoured."""
        morae = frozenset({"n", "a", "na", "ya", "nya", "ka"})
        automaton = build_automaton(morae, 3)
        valid = spelled(morae, 3)
        assert len(valid) < len(morae) ** 3  # collisions exist
        draws = 200 * len(valid)
        counts = collections.Counter(automaton.unrank(r) for r in randbelow_many(automaton.count, draws))
        assert valid == set(counts)
        assert chi_square_p_value([counts[s] for s in sorted(valid)], draws / len(valid)) > 1e-6

    def test_mora_sequence_sampling_would_fail(self) -> None:
        """The test has power: drawing mora sequences (not strings) is rejected."""
        morae = sorted({"n", "a", "na", "ya", "nya", "ka"})
        valid = sorted(spelled(frozenset(morae), 3))
        sequences = list(itertools.product(morae, repeat=3))
        draws = 200 * len(valid)
        counts = collections.Counter("".join(sequences[i % len(sequences)]) for i in range(draws))
        assert chi_square_p_value([counts[s] for s in valid], draws / len(valid)) < 1e-6


class TestOutput:
    """Every output is in the documented set."""

    @settings(max_examples=20)
    @given(morae=st.integers(1, 12), voiced=st.booleans(), yoon=st.booleans())
    def test_outputs_split_into_morae(self, morae: int, voiced: bool, yoon: bool) -> None:
        """Each password is lower-case ASCII and splits into exactly `morae` morae of the set."""
        generator = RomajiGenerator(morae, voiced=voiced, yoon=yoon)
        mora_set = frozenset(generator.mora_set)
        for text in generator.generate_many(10):
            assert text.isascii()
            assert text.isalpha()
            assert text.islower()
            assert splits_into(text, mora_set, morae)

    def test_convenience(self) -> None:
        """romaji_password() returns one password of 8 morae."""
        assert splits_into(romaji_password(), frozenset(RomajiGenerator().mora_set), 8)

    def test_generate_many_zero(self) -> None:
        """Asking for none returns an empty list."""
        assert [] == RomajiGenerator().generate_many(0)

    def test_repr(self) -> None:
        """The repr shows options and entropy, never a password."""
        assert "RomajiGenerator(8, voiced=True, yoon=False, entropy_bits=48.70)" == repr(RomajiGenerator())


class TestErrors:
    """Wrong types raise TypeError; bad values raise OptionError."""

    @pytest.mark.parametrize("options", [{"morae": "8"}, {"morae": True}, {"voiced": 1}, {"yoon": None}])
    def test_types(self, options: dict) -> None:
        """Each wrongly typed option raises TypeError."""
        with pytest.raises(TypeError):
            RomajiGenerator(**options)

    @pytest.mark.parametrize("morae", [0, 33])
    def test_range(self, morae: int) -> None:
        """morae is 1 to 32."""
        with pytest.raises(OptionError, match="from 1 to 32"):
            RomajiGenerator(morae)

    def test_n(self) -> None:
        """n must be a non-negative int."""
        with pytest.raises(TypeError):
            RomajiGenerator().generate_many(2.0)  # type: ignore[arg-type]
        with pytest.raises(OptionError):
            RomajiGenerator().generate_many(-1)
