"""Violation and finding messages in English and Japanese."""

from __future__ import annotations

from collections.abc import Mapping

from passkit._charclass import CharClass
from passkit.exceptions import UnsupportedLocaleError

__all__ = ["LOCALES", "check_locale", "describe_class", "render"]

LOCALES = ("en", "ja")

_TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "too-short": "Use at least {min} characters (this password has {length}).",
        "too-long": "Use at most {max} characters (this password has {length}).",
        "disallowed-character": "Remove {count} character(s) that are not allowed; use only {allowed}.",
        "missing-required": "Add at least one character from: {classes}.",
        "max-consecutive": "Do not repeat one character more than {max} times in a row.",
        "common-password": (
            "This is a commonly used password (or a look-alike of one); choose something less predictable."
        ),
        "context-word": "Do not use your {kind} in your password.",
        "previous-password": "This is one of your previous passwords; choose a new one.",
        "similar-to-previous": (
            "This is too close to a previous password; changing case, digits or a character"
            " or two at either end is not enough."
        ),
        "too-weak": "This password is too easy to guess (strength {score} of 4; at least {min} is needed).",
        "fullwidth": (
            "The password contains full-width characters; Japanese input was probably on."
            " They are read as their half-width forms."
        ),
        "kana": "The password contains kana; Japanese input was probably on.",
    },
    "ja": {
        "too-short": "{min}文字以上にしてください(現在{length}文字)。",
        "too-long": "{max}文字以下にしてください(現在{length}文字)。",
        "disallowed-character": "使用できない文字が{count}文字含まれています。使用できるのは{allowed}です。",
        "missing-required": "{classes}のうち少なくとも1文字を含めてください。",
        "max-consecutive": "同じ文字を{max}回より多く続けないでください。",
        "common-password": "よく使われるパスワード(またはその変形)です。推測されにくいものにしてください。",
        "context-word": "パスワードに{kind}を含めないでください。",
        "previous-password": "以前に使ったパスワードです。新しいパスワードにしてください。",
        "similar-to-previous": (
            "以前のパスワードに似すぎています。大文字・小文字や数字、前後の1〜2文字を変えるだけでは不十分です。"
        ),
        "too-weak": "推測されやすいパスワードです(強度 {score}/4、{min}以上が必要です)。",
        "fullwidth": "全角文字が含まれています。日本語入力がオンになっていた可能性があります。半角文字として扱います。",
        "kana": "かなが含まれています。日本語入力がオンになっていた可能性があります。",
    },
}

_CONTEXT_KINDS = {
    "en": {"name": "name or username", "email": "email address", "phone": "phone number", "birthday": "birthday"},
    "ja": {"name": "名前やユーザー名", "email": "メールアドレス", "phone": "電話番号", "birthday": "誕生日"},
}

_CLASS_WORDS = {
    "en": {
        "upper": "upper-case letters (A-Z)",
        "lower": "lower-case letters (a-z)",
        "digit": "digits (0-9)",
        "special": "symbols such as @ # $ or space",
        "ascii-printable": "printable ASCII characters",
        "unicode": "any characters but control characters",
        "custom": "the characters {chars}",
        "or": " or ",
    },
    "ja": {
        "upper": "英大文字(A-Z)",
        "lower": "英小文字(a-z)",
        "digit": "数字(0-9)",
        "special": "記号(@ # $ や空白など)",
        "ascii-printable": "半角英数字・記号",
        "unicode": "制御文字以外の文字",
        "custom": "文字 {chars}",
        "or": "・",
    },
}


def check_locale(locale: object) -> str:
    """Validate a locale argument."""
    if not isinstance(locale, str):
        raise TypeError(f"locale must be a str, not {type(locale).__name__}")
    if locale not in LOCALES:
        raise UnsupportedLocaleError(f"locale must be one of {', '.join(LOCALES)}; got {locale!r}")
    return locale


def describe_class(cls: CharClass, locale: str) -> str:
    """Describe a character class in words."""
    words = _CLASS_WORDS[locale]
    named, bracket, custom = cls.to_rules().partition("[")
    parts = [words[name] for name in named.split(", ") if name.strip(", ")]
    if bracket:
        parts.append(words["custom"].format(chars=custom[:-1]))
    return words["or"].join(parts)


def render(code: str, params: Mapping[str, object], locale: str) -> str:
    """Render the message for ``code`` with ``params`` in ``locale``."""
    values = dict(params)
    if code == "context-word":
        values["kind"] = _CONTEXT_KINDS[locale][str(values["kind"])]
    return _TEMPLATES[locale][code].format(**values)
