"""Tests for passkit._mangle: recipes, exact counting, uniform random mangling, results, bad input."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stats import chi_square_p

from passkit import estimate, romanize
from passkit._mangle import (
    DIGITS,
    EXAMPLE_RECIPE,
    INSERT_ALPHABET,
    LEET,
    MAX_PHRASE_LENGTH,
    Append,
    Drop,
    Insert,
    Leet,
    Lower,
    Mangled,
    Mangler,
    Replace,
    Upper,
    _Automaton,
    _guesses_text,
    apply_recipe,
    mangle,
    recipe_steps,
)
from passkit.exceptions import KanjiError, OptionError, UnsupportedLocaleError

SECRET = "ひみつのあいことば"  # a phrase that must never appear in messages or reprs
SECRET_ROMAJI = "himitsunoaikotoba"


def brute_force(sets: tuple[str, ...], alphabet: str, k: int) -> set[str]:
    """Every distinct string: one character per set, then k characters of alphabet inserted anywhere."""
    out: set[str] = set()
    for word in itertools.product(*sets):
        current = {"".join(word)}
        for _ in range(k):
            current = {s[:i] + c + s[i:] for s in current for i in range(len(s) + 1) for c in alphabet}
        out |= current
    return out


def forms(char: str, case: bool, leet: bool) -> str:
    """The forms a phrase character may take, straight from the documented rule."""
    if not (char.isascii() and char.isalpha()):
        return char
    options = {char}
    if case:
        options.add(char.swapcase())
    if leet:
        options.update(LEET.get(char.lower(), ""))
    return "".join(sorted(options))


class TestSteps:
    def test_replace(self) -> None:
        """Replace changes every occurrence."""
        assert "hajimemasite" == Replace("shi", "si").apply("hajimemashite")
        assert "sisi" == Replace("shi", "si").apply("shishi")

    def test_drop(self) -> None:
        """Drop removes one character; negative positions count from the end."""
        assert "ajime" == Drop(0).apply("hajime")
        assert "hajim" == Drop(-1).apply("hajime")

    def test_insert_and_append(self) -> None:
        """Insert puts text before a position (the length means the end); Append adds at the end."""
        assert "-haji" == Insert(0, "-").apply("haji")
        assert "haji-" == Insert(4, "-").apply("haji")
        assert "haj!i" == Insert(-1, "!").apply("haji")
        assert "sakura2024" == Append("2024").apply("sakura")

    def test_leet_which(self) -> None:
        """Leet replaces the first, last or every occurrence of each key."""
        assert "s4kura" == Leet({"a": "4"}).apply("sakura")
        assert "sakur4" == Leet({"a": "4"}, which="last").apply("sakura")
        assert "s4kur4" == Leet({"a": "4"}, which="all").apply("sakura")
        assert "sakura" == Leet({"x": "4"}).apply("sakura")

    def test_upper_and_lower(self) -> None:
        """Upper and Lower change case at positions; a character whose case grows (ß) stays."""
        assert "SakurA" == Upper(0, -1).apply("sakura")
        assert "sakura" == Lower(0, 5).apply("SakurA")
        assert "ß" == Upper(0).apply("ß")

    def test_steps_are_values(self) -> None:
        """Steps compare by value, hash, and show as they are written."""
        assert Leet({"a": "4"}) == Leet({"a": "4"})
        assert hash(Upper(0, 1)) == hash(Upper(0, 1))
        assert "Upper(0, 6, 7, -1)" == repr(Upper(0, 6, 7, -1))
        assert "Leet({'a': '4', 'i': '!'}, which='first')" == repr(Leet({"a": "4", "i": "!"}))

    def test_position_outside_text(self) -> None:
        """A step whose position does not fit raises OptionError without the text."""
        for step in (Drop(6), Drop(-7), Insert(7, "x"), Upper(6), Lower(-7)):
            with pytest.raises(OptionError) as info:
                step.apply("sakura")
            assert "sakura" not in str(info.value)

    def test_bad_step_arguments(self) -> None:
        """Steps check their arguments when built."""
        with pytest.raises(OptionError):
            Replace("", "x")
        with pytest.raises(OptionError):
            Leet({"ab": "4"})
        with pytest.raises(OptionError):
            Leet({"a": "4"}, which="middle")
        with pytest.raises(TypeError):
            Leet([("a", "4")])  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Upper("0")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Drop(True)


class TestExampleRecipe:
    def test_kana_gives_documented_password(self) -> None:
        """はじめまして gives exactly H4j!meMAsiT."""
        assert "H4j!meMAsiT" == apply_recipe("はじめまして", EXAMPLE_RECIPE).password

    def test_romaji_and_katakana_give_the_same(self) -> None:
        """Hepburn romaji, katakana and half-width katakana give the same password."""
        for phrase in ("hajimemashite", "ハジメマシテ", "ﾊｼﾞﾒﾏｼﾃ"):
            assert "H4j!meMAsiT" == apply_recipe(phrase).password

    def test_kunrei_route(self) -> None:
        """Kunrei-shiki with zi -> ji reaches the same password."""
        recipe = (Replace("zi", "ji"), *EXAMPLE_RECIPE[1:])
        assert "H4j!meMAsiT" == apply_recipe("はじめまして", recipe, system="kunrei").password

    def test_steps_for_the_docs(self) -> None:
        """recipe_steps lists the romanisation and every intermediate text."""
        expected = (
            ("romanize(system='hepburn')", "hajimemashite"),
            ("Replace(old='shi', new='si')", "hajimemasite"),
            ("Drop(position=-1)", "hajimemasit"),
            ("Leet({'a': '4', 'i': '!'}, which='first')", "h4j!memasit"),
            ("Upper(0, 6, 7, -1)", "H4j!meMAsiT"),
        )
        assert expected == recipe_steps("はじめまして", EXAMPLE_RECIPE)

    def test_recipe_adds_no_entropy(self) -> None:
        """A recipe alone has one output: 0.0 bits."""
        result = apply_recipe("はじめまして")
        assert (0.0, 1) == (result.entropy_bits, result.count)

    def test_recipe_as_list_or_iterator(self) -> None:
        """A list or an iterator of steps works like a tuple."""
        assert "H4j!meMAsiT" == apply_recipe("はじめまして", list(EXAMPLE_RECIPE)).password
        assert "H4j!meMAsiT" == apply_recipe("はじめまして", iter(EXAMPLE_RECIPE)).password


class TestCounts:
    @pytest.mark.parametrize(
        ("phrase", "options", "count"),
        [
            ("ねこ", {"insert": 0, "digits": 0}, 36),
            ("a", {"case": False, "leet": False, "insert": 1, "digits": 0}, 40),
            ("a", {"digits": 0}, 156),
            ("a", {"digits": 0, "insert": 2}, 4568),
            ("ab", {"digits": 0}, 704),
            ("さくら", {"insert": 0, "digits": 0}, 512),
            ("さくら", {"digits": 0}, 70144),
            ("さくら", {}, 8038400),
            ("はじめまして", {}, 26011238400),
            ("sakura", {"case": False, "leet": False, "insert": 0, "digits": 3}, 1000),
        ],
    )
    def test_known_counts(self, phrase: str, options: dict[str, int], count: int) -> None:
        """Known distinct-output counts; entropy is log2 of the count."""
        mangler = Mangler(phrase, **options)  # type: ignore[arg-type]
        assert count == mangler.count
        assert math.log2(count) == mangler.entropy_bits

    def test_no_change_means_one_output(self) -> None:
        """With every random change off, there is one output: the phrase."""
        mangler = Mangler("sakura", case=False, leet=False, insert=0, digits=0)
        assert (1, 0.0, "sakura") == (mangler.count, mangler.entropy_bits, mangler.generate())

    def test_lengths(self) -> None:
        """Every output has the romanised length plus digits plus insertions."""
        for password in Mangler("はじめまして", insert=2, digits=3).generate_many(50):
            assert 13 + 2 + 3 == len(password)


class TestExactness:
    @given(
        sets=st.lists(st.text(alphabet="ab4", min_size=1, max_size=3), max_size=3).map(
            lambda items: tuple("".join(sorted(set(item))) for item in items)
        ),
        alphabet=st.text(alphabet="ab4x", min_size=1, max_size=3).map(lambda a: "".join(sorted(set(a)))),
        k=st.integers(min_value=0, max_value=2),
    )
    def test_automaton_counts_and_unranks_exactly(self, sets: tuple[str, ...], alphabet: str, k: int) -> None:
        """The automaton's count and its unranked strings are exactly the brute-force set."""
        automaton = _Automaton(sets, alphabet, k)
        expected = brute_force(sets, alphabet, k)
        assert len(expected) == automaton.count
        assert expected == {automaton.unrank(rank) for rank in range(automaton.count)}

    @settings(max_examples=40)
    @given(
        phrase=st.text(alphabet="aeiostnk'", min_size=1, max_size=3),
        case=st.booleans(),
        leet=st.booleans(),
        insert=st.integers(min_value=0, max_value=1),
        digits=st.integers(min_value=0, max_value=1),
    )
    def test_entropy_is_log2_of_distinct_outputs(
        self, phrase: str, case: bool, leet: bool, insert: int, digits: int
    ) -> None:
        """entropy_bits == log2(number of distinct strings the random choices can spell)."""
        sets = tuple(forms(char, case, leet) for char in phrase) + (DIGITS,) * digits
        expected = brute_force(sets, INSERT_ALPHABET, insert)
        mangler = Mangler(phrase, case=case, leet=leet, insert=insert, digits=digits)
        assert len(expected) == mangler.count
        assert math.log2(len(expected)) == mangler.entropy_bits
        assert set(mangler.generate_many(20)) <= expected

    @settings(max_examples=20)
    @given(phrase=st.sampled_from(["ねこ", "いぬ", "か", "ん", "ゆき", "ゃ"]), insert=st.integers(0, 1))
    def test_kana_phrases_count_their_romaji(self, phrase: str, insert: int) -> None:
        """A kana phrase counts exactly like its Hepburn romaji."""
        sets = tuple(forms(char, True, True) for char in romanize(phrase))
        expected = brute_force(sets, INSERT_ALPHABET, insert)
        assert len(expected) == Mangler(phrase, insert=insert, digits=0).count


class TestUniformity:
    @pytest.mark.parametrize(("phrase", "options"), [("a", {"digits": 0}), ("o", {"digits": 0, "insert": 2})])
    def test_chi_square(self, phrase: str, options: dict[str, int]) -> None:
        """Outputs are uniform over the distinct outputs (chi-square p > 1e-6), collisions included."""
        mangler = Mangler(phrase, **options)  # type: ignore[arg-type]
        per_cell = 40
        samples = mangler.generate_many(per_cell * mangler.count)
        counts = Counter(samples)
        assert mangler.count == len(counts)
        statistic = sum((counts[s] - per_cell) ** 2 / per_cell for s in counts)
        assert chi_square_p(statistic, mangler.count - 1) > 1e-6

    def test_guesses_text(self) -> None:
        """Guesses read as digits below a million and as a power of ten above."""
        assert ("2", "1,000", "10^9") == (_guesses_text(math.log10(2)), _guesses_text(3.0), _guesses_text(9.2))

    def test_chi_square_helper(self) -> None:
        """The Wilson-Hilferty p-value is about 0.5 at the mean and tiny far above it."""
        assert 0.45 < chi_square_p(99.3, 100) < 0.55
        assert chi_square_p(300.0, 100) < 1e-6


class TestMangle:
    def test_result_fields(self) -> None:
        """mangle returns the password, exact entropy, and the estimates of password and phrase."""
        result = mangle("さくら", digits=0)
        assert isinstance(result, Mangled)
        assert (70144, math.log2(70144), 7) == (result.count, result.entropy_bits, len(result.password))
        assert estimate(result.password).guesses == result.estimate.guesses
        assert estimate("sakura").guesses == result.phrase_estimate.guesses

    def test_common_phrase_warns_in_english(self) -> None:
        """A common phrase gives a plain English warning that states the score and the bits."""
        result = mangle("さくら")
        score = result.phrase_estimate.score
        assert result.warning.startswith(f"The phrase itself is easy to guess (strength {score} of 4")
        assert f"{result.entropy_bits:.1f} bits" in result.warning

    def test_common_phrase_warns_in_japanese(self) -> None:
        """locale='ja' gives the warning in Japanese."""
        assert mangle("さくら", locale="ja").warning.startswith("元のフレーズ自体が推測されやすい")

    def test_recipe_on_common_phrase_warns(self) -> None:
        """A recipe does not hide a common phrase: the warning is there at 0 bits."""
        result = apply_recipe("sakura", (Leet({"a": "@"}, which="all"), Upper(0)))
        assert "S@kur@" == result.password
        assert "A fixed recipe adds nothing" in result.warning
        assert "決まった手順の変形では強さは増えません" in apply_recipe("sakura", (Upper(0),), locale="ja").warning

    def test_strong_phrase_no_warning(self) -> None:
        """A phrase the estimator finds hard gets no warning."""
        assert "" == mangle("correct horse battery staple").warning

    def test_recipe_then_random(self) -> None:
        """A recipe runs before the random changes, which count from its output."""
        mangler = Mangler("はじめまして", recipe=EXAMPLE_RECIPE, insert=0, digits=0)
        expected = math.prod(len(forms(char, True, True)) for char in "H4j!meMAsiT")
        assert expected == mangler.count

    def test_repr_hides_password_and_phrase(self) -> None:
        """Neither the result's nor the mangler's repr shows the password or the phrase."""
        result = mangle(SECRET)
        assert result.password not in repr(result)
        assert SECRET_ROMAJI not in repr(result)
        assert SECRET_ROMAJI not in repr(Mangler(SECRET))
        assert "password='***'" in repr(result)

    def test_generate_many_zero(self) -> None:
        """generate_many(0) is empty."""
        assert [] == Mangler("sakura").generate_many(0)


class TestBadInput:
    @pytest.mark.parametrize("phrase", [None, b"sakura", 42, ["sakura"]])
    def test_phrase_must_be_str(self, phrase: object) -> None:
        """A phrase that is not a str raises TypeError."""
        with pytest.raises(TypeError):
            mangle(phrase)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "options",
        [
            {"insert": True},
            {"digits": 1.0},
            {"case": 1},
            {"leet": "yes"},
            {"recipe": Upper(0)},
            {"recipe": ("x",)},
            {"recipe": "x"},
        ],
    )
    def test_option_types(self, options: dict[str, object]) -> None:
        """Options of the wrong type raise TypeError."""
        with pytest.raises(TypeError):
            mangle("sakura", **options)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "options",
        [{"insert": 5}, {"insert": -1}, {"digits": 17}, {"digits": -1}, {"system": "wapuro"}, {"long_vowels": "x"}],
    )
    def test_option_values(self, options: dict[str, object]) -> None:
        """Out-of-range options raise OptionError."""
        with pytest.raises(OptionError):
            mangle("sakura", **options)  # type: ignore[arg-type]

    def test_too_long(self) -> None:
        """A phrase over 256 code points raises OptionError without echoing it; 256 is fine."""
        assert 256 == MAX_PHRASE_LENGTH
        assert 256 + 2 + 1 == len(mangle("a" * 256).password)
        with pytest.raises(OptionError) as info:
            mangle("a" * 250 + "secret1")
        assert "secret" not in str(info.value)

    def test_empty(self) -> None:
        """An empty phrase, or one a recipe empties, raises OptionError."""
        with pytest.raises(OptionError):
            mangle("")
        with pytest.raises(OptionError):
            apply_recipe("a", (Drop(0),))

    def test_kanji(self) -> None:
        """Kanji raise KanjiError asking for kana, without echoing the phrase."""
        with pytest.raises(KanjiError) as info:
            mangle("猫もち")
        assert "猫" not in str(info.value)
        assert "もち" not in str(info.value)

    def test_locale(self) -> None:
        """An unknown locale raises UnsupportedLocaleError."""
        with pytest.raises(UnsupportedLocaleError):
            mangle("sakura", locale="fr")

    def test_recipe_misfit_does_not_echo(self) -> None:
        """A recipe that does not fit the phrase fails without showing it."""
        with pytest.raises(OptionError) as info:
            apply_recipe(SECRET, (Upper(40),))
        assert SECRET_ROMAJI not in str(info.value)
        assert SECRET not in str(info.value)

    def test_generate_many_negative(self) -> None:
        """generate_many with a negative n raises OptionError."""
        with pytest.raises(OptionError):
            Mangler("sakura").generate_many(-1)
