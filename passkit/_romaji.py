"""Kana to romaji in four systems: modified Hepburn, Kunrei-shiki, Nihon-shiki and passport Hepburn.

Input is NFKC-normalised first (half-width katakana become full-width, full-width letters become
ASCII); katakana are read as hiragana. Characters that are not kana pass through unchanged (so
``はじめまして2024`` gives ``hajimemashite2024``); kanji raise :class:`KanjiError`, since their
reading cannot be known without a dictionary.

Rules, per system (the tests hold a known-answer table):

* ``hepburn`` (modified Hepburn): し shi, ち chi, つ tsu, ふ fu, じ/ぢ ji, づ zu, を o; しゃ sha,
  ちゃ cha, じゃ ja; っ doubles the next consonant, and っち is ``tch``; ん is ``n``, written
  ``n'`` before a vowel or y (きんえん ``kin'en``).
* ``kunrei`` (Kunrei-shiki, ISO 3602): し si, ち ti, つ tu, ふ hu, じ/ぢ zi, づ zu, を o; しゃ sya,
  ちゃ tya, じゃ zya; っ doubles (っち ``tti``); ``n'`` as in Hepburn.
* ``nihon`` (Nihon-shiki): as Kunrei, but ぢ di, づ du, を wo, ぢゃ dya.
* ``passport`` (Japanese passports): Hepburn, but ん before b, m, p is ``m`` and is never followed
  by an apostrophe, and long vowels are not written: おう, おお and うう become ``o``, ``o``, ``u``
  (とうきょう ``tokyo``), and ー is dropped.

は and へ are always ``ha`` and ``he`` (whether one is a particle cannot be known without parsing).
Long vowels elsewhere (``long_vowels="keep"``, the default) are spelled as written: おう ``ou``,
うう ``uu``, and the long-vowel mark ー repeats the vowel before it (ラーメン ``raamen``). With
``long_vowels="omit"`` every system drops them as the passport does.
"""

from __future__ import annotations

import unicodedata

from passkit.exceptions import KanjiError, OptionError

__all__ = ["SYSTEMS", "romanize"]

SYSTEMS = ("hepburn", "kunrei", "nihon", "passport")
_LONG_VOWEL_MODES = ("keep", "omit")
# Work is bounded: longer input is refused rather than processed slowly.
MAX_INPUT_LENGTH = 100_000

# Base kana: (hepburn, kunrei, nihon). Passport follows Hepburn for every base kana.
_BASE: dict[str, tuple[str, str, str]] = {}


def _row(kana: str, hepburn: str, kunrei: str | None = None, nihon: str | None = None) -> None:
    for ch, h, k, n in zip(
        kana,
        hepburn.split(),
        (kunrei or hepburn).split(),
        (nihon or kunrei or hepburn).split(),
        strict=True,
    ):
        _BASE[ch] = (h, k, n)


_row("あいうえお", "a i u e o")
_row("かきくけこ", "ka ki ku ke ko")
_row("がぎぐげご", "ga gi gu ge go")
_row("さしすせそ", "sa shi su se so", "sa si su se so")
_row("ざじずぜぞ", "za ji zu ze zo", "za zi zu ze zo")
_row("たちつてと", "ta chi tsu te to", "ta ti tu te to")
_row("だぢづでど", "da ji zu de do", "da zi zu de do", "da di du de do")
_row("なにぬねの", "na ni nu ne no")
_row("はひふへほ", "ha hi fu he ho", "ha hi hu he ho")
_row("ばびぶべぼ", "ba bi bu be bo")
_row("ぱぴぷぺぽ", "pa pi pu pe po")
_row("まみむめも", "ma mi mu me mo")
_row("やゆよ", "ya yu yo")
_row("らりるれろ", "ra ri ru re ro")
_row("わゐゑを", "wa i e o", "wa i e o", "wa wi we wo")
_row("ゔ", "vu")
# Small kana standing alone (not part of a combination) read as their full-size vowel or syllable.
_row("ぁぃぅぇぉゃゅょゎゕゖ", "a i u e o ya yu yo wa ka ke")

# Combinations with small ゃゅょ: consonant stem per system, for the i-row kana.
_YOON_STEMS: dict[str, tuple[str, str, str]] = {
    "き": ("ky", "ky", "ky"),
    "ぎ": ("gy", "gy", "gy"),
    "し": ("sh", "sy", "sy"),
    "じ": ("j", "zy", "zy"),
    "ち": ("ch", "ty", "ty"),
    "ぢ": ("j", "zy", "dy"),
    "に": ("ny", "ny", "ny"),
    "ひ": ("hy", "hy", "hy"),
    "び": ("by", "by", "by"),
    "ぴ": ("py", "py", "py"),
    "み": ("my", "my", "my"),
    "り": ("ry", "ry", "ry"),
}
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}

# Combinations with small vowels (loanword spellings): (hepburn, kunrei, nihon). Kunrei-shiki and
# Nihon-shiki define none; passkit follows their y-row pattern where one exists (しぇ sye) and
# Hepburn otherwise (ふぁ fa in every system).
_EXTENDED: dict[str, tuple[str, str, str]] = {
    "しぇ": ("she", "sye", "sye"),
    "じぇ": ("je", "zye", "zye"),
    "ちぇ": ("che", "tye", "tye"),
    "ぢぇ": ("je", "zye", "dye"),
    "ふぁ": ("fa", "fa", "fa"),
    "ふぃ": ("fi", "fi", "fi"),
    "ふぇ": ("fe", "fe", "fe"),
    "ふぉ": ("fo", "fo", "fo"),
    "ふゅ": ("fyu", "fyu", "fyu"),
    "てぃ": ("ti", "ti", "ti"),
    "でぃ": ("di", "di", "di"),
    "とぅ": ("tu", "tu", "tu"),
    "どぅ": ("du", "du", "du"),
    "つぁ": ("tsa", "tua", "tua"),
    "つぃ": ("tsi", "tui", "tui"),
    "つぇ": ("tse", "tue", "tue"),
    "つぉ": ("tso", "tuo", "tuo"),
    "うぃ": ("wi", "wi", "wi"),
    "うぇ": ("we", "we", "we"),
    "うぉ": ("wo", "wo", "wo"),
    "ゔぁ": ("va", "va", "va"),
    "ゔぃ": ("vi", "vi", "vi"),
    "ゔぇ": ("ve", "ve", "ve"),
    "ゔぉ": ("vo", "vo", "vo"),
    "いぇ": ("ye", "ye", "ye"),
    "くぁ": ("kwa", "kwa", "kwa"),
    "ぐぁ": ("gwa", "gwa", "gwa"),
}

_SYSTEM_INDEX = {"hepburn": 0, "kunrei": 1, "nihon": 2, "passport": 0}
_NOT_KANA = "\x00"  # marks a piece that is not kana
_VOWELS = "aeiou"


def _to_hiragana(text: str) -> str:
    """NFKC, then katakana (U+30A1-U+30F6) to hiragana; ー and other characters stay."""
    normalized = unicodedata.normalize("NFKC", text)
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in normalized)


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff" or ch == "々"


def _syllables(hiragana: str, index: int) -> list[str]:
    """Split into pieces: one romanised syllable each, or "っ", "ん", "ー", or a character as is."""
    pieces: list[str] = []
    i = 0
    n = len(hiragana)
    while i < n:
        ch = hiragana[i]
        pair = hiragana[i : i + 2]
        nxt = hiragana[i + 1] if i + 1 < n else ""
        if ch in _YOON_STEMS and nxt in _SMALL_Y:
            pieces.append(_YOON_STEMS[ch][index] + _SMALL_Y[nxt])
            i += 2
        elif pair in _EXTENDED:
            pieces.append(_EXTENDED[pair][index])
            i += 2
        elif ch in _BASE:
            pieces.append(_BASE[ch][index])
            i += 1
        elif ch in "っッ":
            pieces.append("っ")
            i += 1
        elif ch in "んン":
            pieces.append("ん")
            i += 1
        elif ch == "ー":
            pieces.append(ch)
            i += 1
        else:
            pieces.append(_NOT_KANA + ch)  # not kana: passed through unchanged, never part of a rule
            i += 1
    return pieces


def _omit_long(previous: str, piece: str) -> bool:
    """Whether ``piece`` (a bare vowel) only lengthens the syllable before it (おう, おお, うう)."""
    if not previous or previous[-1] not in _VOWELS or piece not in ("u", "o"):
        return False
    last = previous[-1]
    return (last == "o" and piece in ("u", "o")) or (last == "u" and piece == "u")


def _assemble(pieces: list[str], system: str, long_vowels: str) -> str:
    out: list[str] = []
    omit = system == "passport" or long_vowels == "omit"
    for k, piece in enumerate(pieces):
        following = next((p for p in pieces[k + 1 :] if p not in ("ー",)), "")
        if piece == "っ":
            if following and following[0].isascii() and following[0].isalpha() and following[0] not in _VOWELS:
                if following.startswith("ch") and system in ("hepburn", "passport"):
                    out.append("t")
                else:
                    out.append(following[0])
            # Before a vowel, at the end, or before a non-kana: the glottal stop is not written.
            continue
        if piece == "ん":
            nxt = pieces[k + 1] if k + 1 < len(pieces) else ""
            if system == "passport":
                out.append("m" if nxt[:1] in ("b", "m", "p") else "n")
            elif nxt[:1] in ("a", "i", "u", "e", "o", "y"):
                out.append("n'")
            else:
                out.append("n")
            continue
        if piece == "ー":
            if not omit and _is_syllable(pieces, k - 1):
                out.append(out[-1][-1])
            continue
        if piece.startswith(_NOT_KANA):
            out.append(piece[1:])
            continue
        if omit and len(piece) == 1 and out and _omit_long(out[-1], piece) and _is_syllable(pieces, k - 1):
            continue
        out.append(piece)
    return "".join(out)


def _is_syllable(pieces: list[str], k: int) -> bool:
    """Whether pieces[k] is a romanised kana syllable (not passed-through text or a mark)."""
    return (
        k >= 0
        and pieces[k] not in ("っ", "ん", "ー")
        and not pieces[k].startswith(_NOT_KANA)
        and pieces[k][-1:] in _VOWELS
    )


def romanize(text: str, system: str = "hepburn", *, long_vowels: str = "keep") -> str:
    """Romanise kana (hiragana, katakana, half-width katakana) in one of four systems.

    Args:
        text: kana, possibly mixed with ASCII; at most 100,000 code points.
        system: ``"hepburn"`` (modified Hepburn), ``"kunrei"``, ``"nihon"`` or ``"passport"``.
        long_vowels: ``"keep"`` spells long vowels as written (おう ``ou``, ー repeats the vowel);
            ``"omit"`` drops them as passports do. ``"passport"`` always omits.

    Returns:
        The romaji, lower case; characters that are not kana pass through.

    Raises:
        TypeError: an argument is not a ``str``.
        OptionError: unknown system or long-vowel mode, or text longer than 100,000 code points.
        KanjiError: the text holds kanji; give their reading in kana instead.

    Time: linear in the length of the text.

    Example:
        >>> from passkit import romanize
        >>> romanize("はじめまして"), romanize("はじめまして", "kunrei")
        ('hajimemashite', 'hazimemasite')
        >>> romanize("まっちゃ"), romanize("きんえん"), romanize("とうきょう", "passport")
        ('matcha', "kin'en", 'tokyo')
    """
    for name, value in (("text", text), ("system", system), ("long_vowels", long_vowels)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if system not in SYSTEMS:
        raise OptionError(f"system must be one of {', '.join(SYSTEMS)}")
    if long_vowels not in _LONG_VOWEL_MODES:
        raise OptionError(f"long_vowels must be one of {', '.join(_LONG_VOWEL_MODES)}")
    if len(text) > MAX_INPUT_LENGTH:
        raise OptionError(f"text is longer than {MAX_INPUT_LENGTH:,} code points; romanise it in parts")
    hiragana = _to_hiragana(text)
    kanji = sum(1 for ch in hiragana if _is_kanji(ch))
    if kanji:
        raise KanjiError(
            f"the text holds {kanji} kanji; passkit cannot know their reading: give the reading in kana"
            " (for example さくら instead of 桜)"
        )
    return _assemble(_syllables(hiragana, _SYSTEM_INDEX[system]), system, long_vowels)
