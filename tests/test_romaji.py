"""Tests for passkit.romanize: a known-answer table across four systems, and properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passkit import romanize
from passkit.exceptions import KanjiError, OptionError

# word: (hepburn, kunrei, nihon, passport). Standard romanisations, checked by hand against each
# system's rules (Cabinet Notification of 1954 for Kunrei; MOFA's passport Hepburn).
KNOWN = {
    "はじめまして": ("hajimemashite", "hazimemasite", "hazimemasite", "hajimemashite"),
    "ふじさん": ("fujisan", "huzisan", "huzisan", "fujisan"),
    "まっちゃ": ("matcha", "mattya", "mattya", "matcha"),
    "きんえん": ("kin'en", "kin'en", "kin'en", "kinen"),
    "とうきょう": ("toukyou", "toukyou", "toukyou", "tokyo"),
    "おおさか": ("oosaka", "oosaka", "oosaka", "osaka"),
    "きゅうしゅう": ("kyuushuu", "kyuusyuu", "kyuusyuu", "kyushu"),
    "しんいち": ("shin'ichi", "sin'iti", "sin'iti", "shinichi"),
    "ありがとう": ("arigatou", "arigatou", "arigatou", "arigato"),
    "おつかれさま": ("otsukaresama", "otukaresama", "otukaresama", "otsukaresama"),
    "ちょっと": ("chotto", "tyotto", "tyotto", "chotto"),
    "じゃあね": ("jaane", "zyaane", "zyaane", "jaane"),
    "ぢゃ": ("ja", "zya", "dya", "ja"),
    "づつみ": ("zutsumi", "zutumi", "dutumi", "zutsumi"),
    "しんぶん": ("shinbun", "sinbun", "sinbun", "shimbun"),
    "てんぷら": ("tenpura", "tenpura", "tenpura", "tempura"),
    "さんま": ("sanma", "sanma", "sanma", "samma"),
    "きっぷ": ("kippu", "kippu", "kippu", "kippu"),
    "さっぽろ": ("sapporo", "sapporo", "sapporo", "sapporo"),
    "まっすぐ": ("massugu", "massugu", "massugu", "massugu"),
    "にっぽん": ("nippon", "nippon", "nippon", "nippon"),
    "けっこん": ("kekkon", "kekkon", "kekkon", "kekkon"),
    "かんい": ("kan'i", "kan'i", "kan'i", "kani"),
    "げんいん": ("gen'in", "gen'in", "gen'in", "genin"),
    "ほんや": ("hon'ya", "hon'ya", "hon'ya", "honya"),
    "はっぴゃく": ("happyaku", "happyaku", "happyaku", "happyaku"),
    "ラーメン": ("raamen", "raamen", "raamen", "ramen"),
    "ｶﾀｶﾅ": ("katakana", "katakana", "katakana", "katakana"),
    "すうがく": ("suugaku", "suugaku", "suugaku", "sugaku"),
    "しゃしん": ("shashin", "syasin", "syasin", "shashin"),
    "ちず": ("chizu", "tizu", "tizu", "chizu"),
    "つなみ": ("tsunami", "tunami", "tunami", "tsunami"),
    "ふね": ("fune", "hune", "hune", "fune"),
    "じしん": ("jishin", "zisin", "zisin", "jishin"),
    "はなぢ": ("hanaji", "hanazi", "hanadi", "hanaji"),
    "をかし": ("okashi", "okasi", "wokasi", "okashi"),
    "りょこう": ("ryokou", "ryokou", "ryokou", "ryoko"),
    "ぎゅうにゅう": ("gyuunyuu", "gyuunyuu", "gyuunyuu", "gyunyu"),
    "びょういん": ("byouin", "byouin", "byouin", "byoin"),
    "ひゃく": ("hyaku", "hyaku", "hyaku", "hyaku"),
    "みゃく": ("myaku", "myaku", "myaku", "myaku"),
    "ぴょん": ("pyon", "pyon", "pyon", "pyon"),
    "チェック": ("chekku", "tyekku", "tyekku", "chekku"),
    "ファイル": ("fairu", "fairu", "fairu", "fairu"),
    "ヴァイオリン": ("vaiorin", "vaiorin", "vaiorin", "vaiorin"),
    "こんにちは": ("konnichiha", "konnitiha", "konnitiha", "konnichiha"),
    "さくら": ("sakura", "sakura", "sakura", "sakura"),
    "やまだ": ("yamada", "yamada", "yamada", "yamada"),
    "さとう": ("satou", "satou", "satou", "sato"),
    "おおの": ("oono", "oono", "oono", "ono"),
    "いっちょう": ("itchou", "ittyou", "ittyou", "itcho"),
    "ほっかいどう": ("hokkaidou", "hokkaidou", "hokkaidou", "hokkaido"),
}
SYSTEMS = ("hepburn", "kunrei", "nihon", "passport")
HIRAGANA = [chr(c) for c in range(0x3041, 0x3097)] + ["ー"]


class TestKnownAnswers:
    """A table of 52 words x 4 systems (208 answers)."""

    @pytest.mark.parametrize("word", sorted(KNOWN))
    @pytest.mark.parametrize("index", range(4))
    def test_word(self, word: str, index: int) -> None:
        """Each word romanises as the standard spelling in each system."""
        assert KNOWN[word][index] == romanize(word, SYSTEMS[index])

    def test_omit_long_vowels(self) -> None:
        """long_vowels="omit" drops long vowels in every system, as the passport does."""
        assert "tokyo" == romanize("とうきょう", long_vowels="omit")
        assert "tokyo" == romanize("とうきょう", "kunrei", long_vowels="omit")
        assert "ramen" == romanize("ラーメン", long_vowels="omit")

    def test_mixed_text_passes_through(self) -> None:
        """ASCII around kana is kept as it is."""
        assert "hajimemashite2024!" == romanize("はじめまして2024!")

    def test_sokuon_at_end_is_silent(self) -> None:
        """A final っ (a glottal stop) is not written."""
        assert "a" == romanize("あっ")


class TestErrors:
    """Bad arguments raise clear errors that never repeat the text."""

    def test_kanji(self) -> None:
        """Kanji raise KanjiError asking for the reading in kana, without echoing the text."""
        with pytest.raises(KanjiError) as caught:
            romanize("初めまして")
        assert "初め" not in str(caught.value)
        assert "kana" in str(caught.value)

    @pytest.mark.parametrize(("args", "kwargs"), [(("かな", "wapuro"), {}), (("かな",), {"long_vowels": "macron"})])
    def test_bad_option(self, args: tuple[str, ...], kwargs: dict[str, str]) -> None:
        """Unknown systems and modes raise OptionError (a ValueError)."""
        with pytest.raises(OptionError):
            romanize(*args, **kwargs)

    @pytest.mark.parametrize("value", [None, b"kana", 3])
    def test_types(self, value: object) -> None:
        """Non-str arguments raise TypeError."""
        with pytest.raises(TypeError):
            romanize(value)  # type: ignore[arg-type]

    def test_too_long(self) -> None:
        """More than 100,000 code points is refused rather than processed slowly."""
        with pytest.raises(OptionError):
            romanize("あ" * 100_001)


class TestProperties:
    """Properties over generated kana."""

    @given(st.lists(st.sampled_from(HIRAGANA), max_size=30).map("".join), st.sampled_from(SYSTEMS))
    def test_kana_become_ascii(self, text: str, system: str) -> None:
        """Any hiragana string romanises to printable ASCII, in every system."""
        result = romanize(text, system)
        assert result.isascii()
        assert result == "" or result.isprintable()

    @given(st.lists(st.sampled_from(HIRAGANA[:-1]), max_size=30).map("".join), st.sampled_from(SYSTEMS))
    def test_katakana_equals_hiragana(self, text: str, system: str) -> None:
        """Katakana (and half-width katakana) romanise as the matching hiragana."""
        katakana = "".join(chr(ord(ch) + 0x60) for ch in text)
        half_width = unicodedata.normalize("NFKC", katakana)  # NFKC maps half-width to full-width
        assert romanize(text, system) == romanize(katakana, system) == romanize(half_width, system)

    @given(st.text(alphabet=st.characters(codec="ascii"), max_size=40), st.sampled_from(SYSTEMS))
    def test_ascii_unchanged(self, text: str, system: str) -> None:
        """Text without kana comes back unchanged (after NFKC, a no-op on ASCII)."""
        assert text == romanize(text, system)

    @given(st.lists(st.sampled_from(HIRAGANA), max_size=30).map("".join))
    def test_passport_never_longer_than_hepburn(self, text: str) -> None:
        """The passport spelling only drops long vowels and apostrophes, and turns n into m."""
        assert len(romanize(text, "passport")) <= len(romanize(text, "hepburn"))
