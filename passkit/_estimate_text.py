"""Feedback and crack-time wording for :func:`passkit.estimate`, in English and Japanese."""

from __future__ import annotations

__all__ = ["display_time", "message"]

_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "use-few-words": "Use a few words, avoid common phrases.",
        "no-need-symbols": "No need for symbols, digits, or uppercase letters.",
        "add-word": "Add another word or two. Uncommon words are better.",
        "straight-row": "Straight rows of keys are easy to guess.",
        "short-keyboard": "Short keyboard patterns are easy to guess.",
        "longer-keyboard": "Use a longer keyboard pattern with more turns.",
        "repeat-char": 'Repeats like "aaa" are easy to guess.',
        "repeat-block": 'Repeats like "abcabcabc" are only slightly harder to guess than "abc".',
        "avoid-repeats": "Avoid repeated words and characters.",
        "sequence": 'Sequences like "abc" or "6543" are easy to guess.',
        "avoid-sequences": "Avoid sequences.",
        "recent-year": "Recent years are easy to guess.",
        "avoid-recent-years": "Avoid recent years.",
        "avoid-your-years": "Avoid years that are associated with you.",
        "date": "Dates are often easy to guess.",
        "avoid-dates": "Avoid dates and years that are associated with you.",
        "top-10": "This is a top-10 common password.",
        "top-100": "This is a top-100 common password.",
        "very-common": "This is a very common password.",
        "similar-common": "This is similar to a commonly used password.",
        "word-alone": "A word by itself is easy to guess.",
        "names-alone": "Names and surnames by themselves are easy to guess.",
        "names-common": "Common names and surnames are easy to guess.",
        "romaji-alone": "A Japanese word or phrase by itself is easy to guess, in romaji too.",
        "romaji-common": "Common Japanese words and phrases are easy to guess, however the romaji is spelled.",
        "kana-as-romaji": "Kana are tried as their romaji, and as romaji this is easy to guess.",
        "user-input": "Avoid your name, email address and other words related to you.",
        "last-letter-dropped": "A word with its last letter dropped is about as easy to guess as the word itself.",
        "capitalization": "Capitalization doesn't help very much.",
        "all-uppercase": "All-uppercase is almost as easy to guess as all-lowercase.",
        "reversed": "Reversed words aren't much harder to guess.",
        "l33t": "Predictable substitutions like '@' instead of 'a' don't help very much.",
    },
    "ja": {
        "use-few-words": "いくつかの単語を組み合わせましょう。よくある言い回しは避けてください。",
        "no-need-symbols": "記号・数字・大文字を無理に入れる必要はありません。",
        "add-word": "単語をもう1つか2つ加えましょう。あまり使われない単語ほど効果的です。",
        "straight-row": "キーボードで一直線に並んだキーは推測されやすいです。",
        "short-keyboard": "短いキーボードのパターンは推測されやすいです。",
        "longer-keyboard": "キーボード上のパターンを使うなら、より長く、向きを何度も変えるものにしてください。",
        "repeat-char": "「aaa」のような繰り返しは推測されやすいです。",
        "repeat-block": "「abcabcabc」のような繰り返しは、「abc」よりわずかに推測しにくいだけです。",
        "avoid-repeats": "同じ単語や文字の繰り返しは避けてください。",
        "sequence": "「abc」や「6543」のような連続した並びは推測されやすいです。",
        "avoid-sequences": "連続した並びは避けてください。",
        "recent-year": "最近の西暦年は推測されやすいです。",
        "avoid-recent-years": "最近の年は避けてください。",
        "avoid-your-years": "自分に関係のある年は避けてください。",
        "date": "日付は推測されやすいことが多いです。",
        "avoid-dates": "自分に関係のある日付や年は避けてください。",
        "top-10": "よく使われるパスワードの上位10位に入っています。",
        "top-100": "よく使われるパスワードの上位100位に入っています。",
        "very-common": "非常によく使われているパスワードです。",
        "similar-common": "よく使われるパスワードに似ています。",
        "word-alone": "単語1つだけでは推測されやすいです。",
        "names-alone": "名前や名字だけでは推測されやすいです。",
        "names-common": "よくある名前や名字は推測されやすいです。",
        "romaji-alone": "日本語の単語やフレーズ1つだけでは、ローマ字で書いても推測されやすいです。",
        "romaji-common": "よく使われる日本語の単語やフレーズは、ローマ字の綴りを変えても推測されやすいです。",
        "kana-as-romaji": "かなはローマ字に直して試されます。ローマ字にすると推測されやすい文字列です。",
        "user-input": "名前やメールアドレスなど、自分に関係する言葉は避けてください。",
        "last-letter-dropped": "単語の最後の1文字を削っても、元の単語とほとんど同じくらい推測されやすいです。",
        "capitalization": "先頭を大文字にしても、あまり強くなりません。",
        "all-uppercase": "すべて大文字にしても、すべて小文字とほとんど変わらず推測されやすいです。",
        "reversed": "単語を逆さに綴っても、推測の難しさはあまり変わりません。",
        "l33t": "「a」の代わりに「@」を使うような、ありがちな置き換えはあまり効果がありません。",
    },
}

# (upper bound in seconds, unit seconds, English unit, Japanese unit); zxcvbn's month is 31 days.
_MINUTE, _HOUR, _DAY = 60, 3600, 86400
_MONTH = _DAY * 31
_YEAR = _MONTH * 12
_UNITS = (
    (_MINUTE, 1, "second", "秒"),
    (_HOUR, _MINUTE, "minute", "分"),
    (_DAY, _HOUR, "hour", "時間"),
    (_MONTH, _DAY, "day", "日"),
    (_YEAR, _MONTH, "month", "か月"),
    (_YEAR * 100, _YEAR, "year", "年"),
)


# Per locale, each unit's (upper bound, unit seconds, every display it can give): counts run from 0
# to the bound over the unit (rounding may reach it), so display_time only picks one.
_DISPLAYS: dict[str, tuple[tuple[int, int, tuple[str, ...]], ...]] = {
    "en": tuple(
        (limit, unit, tuple(f"{count} {english}" + ("" if count == 1 else "s") for count in range(limit // unit + 1)))
        for limit, unit, english, _ in _UNITS
    ),
    "ja": tuple(
        (limit, unit, tuple(f"{count}{japanese}" for count in range(limit // unit + 1)))
        for limit, unit, _, japanese in _UNITS
    ),
}


def message(key: str, locale: str) -> str:
    """The feedback text for ``key`` in ``locale`` (``"en"`` or ``"ja"``, already validated)."""
    return _MESSAGES[locale][key]


def display_time(seconds: float, locale: str) -> str:
    """A rounded human duration, as zxcvbn words it (``"3 hours"``, ``"centuries"``), or in Japanese."""
    if seconds < 1:
        return "less than a second" if locale == "en" else "1秒未満"
    for limit, unit, displays in _DISPLAYS[locale]:
        if seconds < limit:
            return displays[round(seconds / unit)]
    return "centuries" if locale == "en" else "100年以上"
