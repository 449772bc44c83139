"""Japanese-aware estimation: romaji keys, the JIS graph, the weak-password corpus, only-adds-matches."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import passkit
import passkit._estimate
from passkit._estimate import Estimator
from passkit._estimate_match import (
    Found,
    Keyboards,
    RankedDictionary,
    _date_matches,
    _dictionary_matches,
    _keyboard_matches,
    _repeat_matches,
    _sequence_matches,
    _year_matches,
    lower_each,
    zxcvbn_graphs,
)
from passkit._estimate_text import message
from passkit._japanese import (
    JAPANESE_LISTS,
    KeyIndex,
    _key_map,
    _second_reading,
    _views,
    graphs_with_jis,
    japanese_dictionaries,
    japanese_matchers,
    jis_graph,
    kana_matches,
    romaji_key,
    romaji_key_map,
    spelling_variant_matches,
)
from passkit._wordlists import lazy, read_wordlist

# The estimator as it was before the Japanese data: zxcvbn's lists and graphs only.
BASELINE = Estimator()
# The shipped lists by romaji key, as the default estimator's key matcher has them (built once).
KEY_INDEX = lazy(lambda: KeyIndex(japanese_dictionaries()))


def zxcvbn_score(password: str) -> int:
    """zxcvbn 4.5's score for the password as typed (what a zxcvbn-based site would show)."""
    from zxcvbn import zxcvbn  # noqa: PLC0415 (only this module's corpus needs zxcvbn)

    result: dict[str, Any] = zxcvbn(password)
    return int(result["score"])


ROMAJI_KEYS = [
    # (spelling, key): every row of one group shares the key.
    ("hajimemashite", "hazimemasite"),
    ("hajimemasite", "hazimemasite"),
    ("hazimemasite", "hazimemasite"),
    ("HAJIMEMASHITE", "hazimemasite"),
    ("shi", "si"),
    ("si", "si"),
    ("chi", "ti"),
    ("ti", "ti"),
    ("tsu", "tu"),
    ("tu", "tu"),
    ("fu", "hu"),
    ("hu", "hu"),
    ("ji", "zi"),
    ("zi", "zi"),
    ("di", "zi"),
    ("sha", "sya"),
    ("sya", "sya"),
    ("cha", "tya"),
    ("tya", "tya"),
    ("ja", "zya"),
    ("zya", "zya"),
    ("jya", "zya"),
    ("toukyou", "tokyo"),
    ("tookyoo", "tokyo"),
    ("tohkyoh", "tokyo"),
    ("tokyo", "tokyo"),
    ("ohayou", "ohayo"),  # oh before a vowel is not a long vowel
    ("chuu", "tyu"),
    ("kin'en", "kinen"),
    ("kinnen", "kinen"),
    ("kinen", "kinen"),
    ("konnichiwa", "konitiwa"),
    ("konichiwa", "konitiwa"),
    ("shimbun", "sinbun"),
    ("shinbun", "sinbun"),
    ("sampo", "sanpo"),
    ("matcha", "mattya"),
    ("maccha", "mattya"),
    ("mattya", "mattya"),
    ("fujisan", "huzisan"),
    ("huzisan", "huzisan"),
    ("otsukaresama", "otukaresama"),
    ("arigatou", "arigato"),
    ("arigatoo", "arigato"),
    ("arigato", "arigato"),
    ("sakura2024", "sakura2024"),  # other characters pass through
]


class TestRomajiKey:
    """``romaji_key`` collapses the spelling variants of the romanisation systems."""

    @pytest.mark.parametrize(("spelling", "key"), ROMAJI_KEYS)
    def test_known_answers(self, spelling: str, key: str) -> None:
        """Known-answer table: each spelling's key."""
        assert key == romaji_key(spelling)

    def test_every_system_of_romanize_shares_a_key(self) -> None:
        """The four systems of ``passkit.romanize`` give one key for each word."""
        for kana in (
            "はじめまして",
            "ありがとうございます",
            "ふじさん",
            "まっちゃ",
            "しんぶん",
            "きんえん",
            "ぢゃ",
            "つづき",
        ):
            keys = {romaji_key(passkit.romanize(kana, system)) for system in ("hepburn", "kunrei", "nihon", "passport")}
            assert 1 == len(keys), kana

    def test_key_map_points_back_at_the_spelling(self) -> None:
        """Each key character maps to the span of the input that spells it."""
        key, starts, ends = romaji_key_map("matcha")
        assert ("mattya", [0, 1, 2, 2, 2, 5], [0, 1, 4, 4, 4, 5]) == (key, starts, ends)


class TestJisGraph:
    """The JIS keyboard graph, in zxcvbn's format (left, up-left, up-right, right, down-right, down-left)."""

    def test_shift_2_is_double_quote(self) -> None:
        """Shift+2 is ``"`` (the key is ``2"``), so ``"`` is a shifted key."""
        graph = jis_graph()
        assert "3#" == graph.adjacency['"'][3]
        assert '"' in graph.shifted_keys

    def test_at_and_bracket_right_of_p(self) -> None:
        """``@`` is right of P and ``[`` right of ``@``."""
        graph = jis_graph()
        assert "@`" == graph.adjacency["p"][3]
        assert "[{" == graph.adjacency["@"][3]

    def test_colon_right_of_semicolon(self) -> None:
        """``:`` is right of ``;`` (``;+`` and ``:*`` keys), ``]`` right of ``:``."""
        graph = jis_graph()
        assert ":*" == graph.adjacency[";"][3]
        assert "]}" == graph.adjacency[":"][3]

    def test_number_row_has_caret_and_yen(self) -> None:
        """``-``, ``^`` and ``¥`` end the number row; ``0`` types nothing with shift."""
        graph = jis_graph()
        assert ["-=", "^~", "¥|"] == [graph.adjacency["0"][3], graph.adjacency["-"][3], graph.adjacency["^"][3]]
        assert "0" == graph.adjacency["9"][3]

    def test_used_alongside_qwerty(self) -> None:
        """The default graphs are zxcvbn's four and ``jis``."""
        assert ["qwerty", "dvorak", "keypad", "mac_keypad", "jis"] == [g.name for g in graphs_with_jis()]

    def test_jis_walk_is_spatial(self) -> None:
        """``:;lkjhgf@p`` is a JIS walk (``;:`` and ``@`` sit where qwerty has ``'`` and ``[``)."""
        result = passkit.estimate(":;lkjhgf")
        assert [("spatial", "jis")] == [(m.pattern, m.name) for m in result.sequence]


class TestDictionaries:
    """The shipped romaji lists load and are found."""

    def test_every_list_loads(self) -> None:
        """Each list is non-empty lower-case ASCII romaji."""
        for filename in JAPANESE_LISTS.values():
            words = read_wordlist(filename)
            assert words, filename
            assert [] == [w for w in words if not (w.isascii() and w.isalpha() and w.islower())]

    @pytest.mark.parametrize("spelling", ["hajimemashite", "hajimemasite", "hazimemasite", "Hajimemasite"])
    def test_variants_match_one_entry(self, spelling: str) -> None:
        """Every spelling of はじめまして matches the curated entry, as one dictionary match."""
        (match,) = passkit.estimate(spelling).sequence
        assert ("dictionary", "ja_curated") == (match.pattern, match.dictionary_name)

    def test_names_romanised_by_passkit(self) -> None:
        """The most common surname of the name dataset is satou (佐藤, さとう)."""
        assert "satou" == read_wordlist("ja-names-surnames.txt")[0]


class TestKana:
    """Kana input is scored through its Hepburn romaji too; kanji never raise."""

    @pytest.mark.parametrize("password", ["はじめまして", "ハジメマシテ", "ありがとうございます", "ｻｸﾗ"])
    def test_kana_phrases_are_weak(self, password: str) -> None:
        """Common phrases in kana score like their romaji."""
        assert passkit.estimate(password).score <= 1

    def test_kanji_do_not_raise(self) -> None:
        """Kanji are skipped (no reading is known); the kana around them still count."""
        assert passkit.estimate("桜さくら2024").score <= 2
        assert [] == kana_matches("桜東京", len)

    def test_kana_match_scored_through_romaji(self) -> None:
        """A kana run becomes one ``romaji`` match with the guesses of its romaji."""
        (match,) = kana_matches("xはじめまして", lambda romaji: float(len(romaji)))
        assert (1, 6, 13.0, "romaji") == (match.i, match.j, match.guesses, match.pattern)

    def test_full_width_is_folded(self) -> None:
        """Full-width romaji is NFKC-folded before matching: same guesses as ASCII."""
        assert passkit.estimate("sakura2024").guesses == passkit.estimate("ｓａｋｕｒａ２０２４").guesses


# Japanese-derived weak passwords: (password, zxcvbn 4.5 score as typed, passkit score).
CORPUS = [
    ("hajimemashite", 4, 0),
    ("hajimemasite", 3, 0),
    ("hazimemasite", 4, 0),
    ("H4j!meMAsiT", 4, 1),  # the recipe example: last letter dropped, l33t, capitals
    ("hajimemasit", 3, 0),
    ("arigatougozaimas", 4, 0),
    ("Hajimemashite!", 4, 1),
    ("arigatougozaimasu", 4, 0),
    ("arigatogozaimasu", 4, 0),
    ("Arigatou2024", 3, 1),
    ("arigatou1234", 3, 1),
    ("Otsuk4resama!", 4, 1),
    ("otsukaresamadeshita", 4, 0),
    ("Otsukaresama2023", 4, 1),
    ("Yoroshiku0negaishimasu", 4, 0),
    ("yoroshikuonegaishimasu", 4, 0),
    ("Konnichiwa!", 3, 1),
    ("konnitiwa123", 4, 1),
    ("Konichiwa2025", 4, 1),
    ("Ohayougozaimasu!", 4, 1),
    ("oyasuminasai", 4, 0),
    ("sayounara2024", 4, 1),
    ("daisuki1234", 3, 1),
    ("aishiteru0214", 3, 1),
    ("ganbatte2024", 4, 1),
    ("Ganbare!!", 3, 1),
    ("itadakimasu!", 4, 1),
    ("gochisousama", 4, 0),
    ("Sakura@2024", 3, 2),
    ("pikachu2024!", 3, 2),
    ("Naruto@1999", 3, 2),
    ("Tanaka19850315", 3, 2),
    ("yumiko0823", 3, 2),
    ("Kenji@2020", 3, 2),
    ("tokyo2020!", 3, 2),
    ("Toukyou2024", 4, 1),
    ("fujisan3776", 4, 1),
    ("Huzisan2024", 4, 1),
    ("shimbun2024", 3, 1),
    ("tsukiyo123", 3, 2),
    ("Matcha2024", 3, 1),
    ("kin'en2024", 3, 1),
    (":;lkjhgf@p", 3, 1),
    (":;lkjhgf@p!", 3, 2),
    ("@[:;lkjh2024", 4, 2),
    ("Sakura:;lkj", 3, 1),
    ("Tanaka@[:;lk", 4, 2),
    ("hajime@[:;lk", 4, 2),
    ("ｈａｊｉｍｅｍａｓｈｉｔｅ", 4, 0),
    ("ありがとうございます", 3, 0),
    ("おはようございます", 3, 0),
    ("ｓａｋｕｒａ２０２４", 3, 1),
    ("Ｔａｎａｋａ１９８５", 3, 1),
    # Weak for zxcvbn already; passkit agrees (never more optimistic).
    ("S4kur4S4kur4", 1, 0),
    ("t4k4h4sh1", 1, 0),
    ("tanaka1985", 1, 1),
    ("Doraemon1970", 2, 1),
    ("qwertyuiop@[", 1, 1),
    ("はじめまして", 1, 0),
    ("ハジメマシテ", 1, 0),
    ("さくら2024", 2, 1),
    ("ｻｸﾗ2024", 2, 1),
    ("おつかれさま！", 2, 1),
]


class TestWeakCorpus:
    """Japanese-derived weak passwords score 2 or less, where zxcvbn often says 3 or 4."""

    @pytest.mark.parametrize(("password", "zxcvbn", "score"), CORPUS, ids=[row[0] for row in CORPUS])
    def test_scores(self, password: str, zxcvbn: int, score: int) -> None:
        """zxcvbn's score as typed and passkit's score, as in the table; passkit at most 2."""
        assert (zxcvbn, score) == (zxcvbn_score(password), passkit.estimate(password).score)
        assert score <= 2

    def test_at_least_forty_where_zxcvbn_says_strong(self) -> None:
        """At least 40 passwords of the corpus are 3-4 for zxcvbn and 2 or less for passkit."""
        assert 40 <= sum(1 for _, zxcvbn, score in CORPUS if zxcvbn >= 3 and score <= 2)

    def test_baseline_was_fooled(self) -> None:
        """Without the Japanese data, passkit itself scored most of these 3 or more."""
        fooled = [p for p, zxcvbn, _ in CORPUS if zxcvbn >= 3 and BASELINE.estimate(p).score >= 3]
        assert len(fooled) >= 30


class TestStrongStaysStrong:
    """Random passwords and passphrases keep the top score."""

    def test_random_sixteen_characters(self) -> None:
        """Sixteen random characters from the default policy score 4."""
        for password in passkit.Generator(length=16).generate_many(20):
            assert 4 == passkit.estimate(password).score

    def test_six_word_passphrases(self) -> None:
        """Six-word EFF passphrases score 4."""
        for _ in range(20):
            assert 4 == passkit.estimate(passkit.passphrase(words=6)).score


# Text that exercises the Japanese matchers: romaji syllables, l33t, digits, kana, JIS keys.
SYLLABLES = st.sampled_from(
    ["shi", "si", "chi", "ti", "tsu", "fu", "ji", "zi", "sha", "cha", "ja", "jya", "ou", "oo", "oh", "uu", "n'", "nn",
     "m", "tch", "cch", "ka", "sa", "ra", "to", "mo", "ha", "ga", "yo", "ku", "ri"]
)  # fmt: skip
PIECES = (
    SYLLABLES
    | st.sampled_from(["sakura", "tanaka", "hajime", "arigatou", "masite", "gozaimasu", "2024", "0101", "!"])
    | st.sampled_from([*"4@3!10$57|+2Ａｓ:;@[]^¥-", "さくら", "はじめ", "ッ", "ン", "ー", "桜"])
    | st.text(max_size=2)
)
JAPANESE_TEXT = st.lists(PIECES, max_size=12).map("".join)


_EXTRA = (RankedDictionary("extra", lambda: ["sakura", "hajime", "tokyo", "ringo"]),)
# One estimator per seam, built once (each builds its own word index on first use).
SEAMS = (
    Estimator(extra_dictionaries=_EXTRA),
    Estimator(graphs=graphs_with_jis),
    Estimator(extra_matchers=japanese_matchers(_EXTRA, also_exact=False)),
    Estimator(extra_matchers=japanese_matchers()),
)


class TestOnlyAddsMatches:
    """The Japanese data only adds matches: guesses never rise above the estimator without it."""

    @given(password=JAPANESE_TEXT)
    def test_default_at_most_baseline(self, password: str) -> None:
        """``passkit.estimate`` guesses <= the zxcvbn-only estimator's (float rounding aside)."""
        assert passkit.estimate(password).guesses <= BASELINE.estimate(password).guesses * (1 + 1e-9)

    @given(password=JAPANESE_TEXT)
    def test_each_seam_only_adds(self, password: str) -> None:
        """Each seam on its own (dictionaries, JIS graph, variant and kana matchers) never raises guesses."""
        baseline = BASELINE.estimate(password).guesses
        for estimator in SEAMS:
            assert estimator.estimate(password).guesses <= baseline * (1 + 1e-9)

    def test_key_matcher_alone_finds_listed_spellings(self) -> None:
        """Without the exact lists, ``also_exact=False`` still reports words spelled as listed."""
        (match,) = SEAMS[2].estimate("ringo").sequence
        assert ("dictionary", "extra") == (match.pattern, match.dictionary_name)

    def test_seams_compose_to_the_default(self) -> None:
        """An estimator built from the public seams agrees with ``passkit.estimate``."""
        built = Estimator(
            extra_dictionaries=japanese_dictionaries(), graphs=graphs_with_jis, extra_matchers=japanese_matchers()
        )
        for password in ("hazimemasite", "Sakura@2024", ":;lkjhgf@p", "はじめまして", "correct horse"):
            assert passkit.estimate(password).guesses == built.estimate(password).guesses

    def test_nfkc_of_corpus_is_what_is_analysed(self) -> None:
        """Full-width corpus entries are analysed as their NFKC form."""
        for password, _, _ in CORPUS:
            folded = unicodedata.normalize("NFKC", password)
            assert passkit.estimate(password).guesses == passkit.estimate(folded).guesses

    def test_zxcvbn_graphs_unchanged(self) -> None:
        """The baseline keeps zxcvbn's four graphs."""
        assert 4 == len(zxcvbn_graphs())


class TestEdgesOnly:
    """Asked only for matches at an end of the text, the matchers report exactly those, in order."""

    @given(password=JAPANESE_TEXT)
    def test_spelling_variants(self, password: str) -> None:
        """The key matcher's ``edges_only`` gives the full matcher's matches that begin or end the text."""
        index = KEY_INDEX()
        text = unicodedata.normalize("NFKC", password)
        last = len(text) - 1
        full = [m for m in spelling_variant_matches(text, index) if m.i == 0 or m.j == last]
        assert full == spelling_variant_matches(text, index, edges_only=True)

    @given(password=JAPANESE_TEXT)
    def test_dictionary_walk(self, password: str) -> None:
        """The dictionary walk with ``edges_only`` gives the full walk's matches that begin or end the text."""
        entries = passkit._estimate._DEFAULT._data()[0]
        text = unicodedata.normalize("NFKC", password)
        lowered, last = lower_each(text), len(text) - 1
        full: list[Found] = []
        _dictionary_matches(text, lowered, entries, full, max_tables=64)
        edges: list[Found] = []
        _dictionary_matches(text, lowered, entries, edges, max_tables=64, edges_only=True)
        assert [m for m in full if m.i == 0 or m.j == last] == edges

    @given(password=st.text(st.sampled_from("0123456789/.-_ \nab"), min_size=1, max_size=14))
    def test_years_and_dates(self, password: str) -> None:
        """Years and dates with ``edges_only`` are the full matchers' years and dates at the ends."""
        last = len(password) - 1
        full: list[Found] = []
        _year_matches(password, 2026, full)
        _date_matches(password, 2026, full)
        edges: list[Found] = []
        _year_matches(password, 2026, edges, edges_only=True)
        _date_matches(password, 2026, edges, edges_only=True)
        assert [m for m in full if m.i == 0 or m.j == last] == edges

    @given(password=st.text(st.sampled_from("abcdeqwertasdzxc123456789!@#"), min_size=1, max_size=14))
    def test_keyboard_runs_and_sequences(self, password: str) -> None:
        """Keyboard runs and sequences with ``edges_only`` are the full matchers' runs at the ends."""
        keyboards = Keyboards(graphs_with_jis())
        last = len(password) - 1
        full: list[Found] = []
        _keyboard_matches(password, keyboards, full)
        _sequence_matches(password, full)
        edges: list[Found] = []
        _keyboard_matches(password, keyboards, edges, edges_only=True)
        _sequence_matches(password, edges, edges_only=True)
        assert [m for m in full if m.i == 0 or m.j == last] == edges

    @given(password=st.text(st.sampled_from("ab1\n"), min_size=1, max_size=14))
    def test_repeats(self, password: str) -> None:
        """Repeats with ``edges_only`` are the full matcher's repeats at the ends."""
        last = len(password) - 1
        full: list[Found] = []
        _repeat_matches(password, len, full)
        edges: list[Found] = []
        _repeat_matches(password, len, edges, edges_only=True)
        assert [m for m in full if m.i == 0 or m.j == last] == edges


class TestSecondReading:
    """The second l33t reading's key map, made from the first's, is the one mapped afresh."""

    @given(
        password=st.lists(
            PIECES | st.sampled_from(["1", "|", "7", "h1", "oh1", "ch1", "d1", "sh7", "ts7u"]), max_size=10
        ).map("".join)
    )
    def test_same_as_mapped_afresh(self, password: str) -> None:
        """Wherever the first reading's map makes the second's, it is what ``_key_map`` gives."""
        lowered = lower_each(password)
        views = _views(lowered)
        if len(views) < 3 or len(views[1].lower()) != len(views[1]):
            return
        key, starts, ends = _key_map(views[1])
        derived = _second_reading(lowered, (views[1], key, starts, ends, 0))
        if derived is not None:
            assert _key_map(views[2]) == derived[:3]
            assert all(derived[0][k] == "l" for k in derived[3])


def test_dotted_capital_i_does_not_crash() -> None:
    """Text with İ (whose lower case is two code points) is estimated without an exception."""
    assert 0 <= passkit.estimate("İİİtokyo").score <= 4


class TestFeedback:
    """Weak Japanese passwords get a warning that says why, in English and Japanese."""

    @pytest.mark.parametrize(
        ("password", "warning"),
        [
            ("hajimemashite", "romaji-alone"),
            ("hazimemasite", "romaji-alone"),
            ("Sakura@2024", "romaji-common"),
            ("Otsuk4resama!", "romaji-common"),
            ("yamada", "names-alone"),
            ("tanaka1985", "names-common"),
            ("はじめまして", "kana-as-romaji"),
        ],
    )
    def test_warning(self, password: str, warning: str) -> None:
        """The warning names the weakness: a romaji word or phrase, a Japanese name, kana read as romaji."""
        for locale in ("en", "ja"):
            result = passkit.estimate(password, locale=locale)
            assert result.score <= 2
            assert message(warning, locale) == result.feedback.warning

    @given(st.sampled_from(["arigatou", "konnichiwa", "otsukaresama", "sayounara", "daisuki"]), st.integers(0, 99))
    def test_romaji_phrase_with_digits_is_warned(self, phrase: str, number: int) -> None:
        """A romaji phrase with digits appended still warns, whichever warning the longest match gives."""
        result = passkit.estimate(f"{phrase}{number}")
        assert result.score <= 2
        assert result.feedback.warning
