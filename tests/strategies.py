"""Shared Hypothesis strategies: character classes, policies, rules texts, passwords, user inputs.

Every new feature of passkit gets its strategy here, so that all property tests draw from the
same, growing, pool of awkward inputs (full-width, kana, combining marks, lone surrogates, ...).
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from passkit import CharClass, Policy, policies

REPO_ROOT = Path(__file__).resolve().parents[1]
COMMON_PASSWORDS_PATH = REPO_ROOT / "wordlists" / "common-passwords.txt"

ASCII_PRINTABLE = "".join(chr(c) for c in range(0x20, 0x7F))
NAMED_CLASSES = ("upper", "lower", "digit", "special", "ascii-printable", "unicode")
FORBID_CHECKS = ("common", "context", "previous")
PRESET_NAMES = policies.names()

HIRAGANA = "".join(chr(c) for c in range(0x3041, 0x3097))
KATAKANA = "".join(chr(c) for c in range(0x30A1, 0x30FB)) + "ー"
HALFWIDTH_KATAKANA = "".join(chr(c) for c in range(0xFF66, 0xFF9E))
KANA = HIRAGANA + KATAKANA + HALFWIDTH_KATAKANA
# Odd characters: compatibility forms NFKC rewrites (some into several code points), combining
# marks, case-folding oddities, invisible and bidi controls, non-BMP, controls, lone surrogates.
UNUSUAL = (
    "\u0301\u0308\u0323\u20dd"  # combining marks
    "ﬁﬀⅫ㍻²①ℌ𝐀\ufdfa\u1e9e"  # compatibility forms, one expands to 18 code points
    "ßİıΣσς\u212a\u212bé"  # case-folding and canonical-equivalence oddities
    "\u00a0\u3000\u2028\u200b\u200d\u202e\ufeff"  # spaces, separators, invisible and bidi controls
    "漢字😀𓀀\U000e0041"  # CJK, emoji, non-BMP
    "\x00\x1f\x7f\x85"  # controls (category Cc)
    "\ud800\udfff"  # lone surrogates
)
# Non-ASCII characters a custom class may hold when parsed with non_ascii=True.
CLASS_NON_ASCII = "éßüÄ§£’ａあ漢😀\u00a0Ωｶ\u3000\u2028\u0301\ufeff"


def fullwidth(text: str) -> str:
    """Type ``text`` with the Japanese input method on: printable ASCII becomes its full-width form."""
    return "".join("\u3000" if ch == " " else chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


FULLWIDTH = fullwidth(ASCII_PRINTABLE)
MIXED_ALPHABET = ASCII_PRINTABLE + FULLWIDTH + KANA + UNUSUAL

COMMON_PASSWORDS: tuple[str, ...] = (
    tuple(line.strip() for line in COMMON_PASSWORDS_PATH.read_text(encoding="utf-8").splitlines() if line.strip())
    if COMMON_PASSWORDS_PATH.is_file()
    else ("password", "abc123", "qwerty")
)

# Spellings that fold onto a letter, as listed in the Policies guide (for generating look-alikes).
LOOKALIKE_SPELLINGS = {
    "a": "@4",
    "b": "8",
    "c": "(<{[",
    "e": "3",
    "g": "69",
    "h": "#",
    "i": "1!|l",
    "l": "1!|i",
    "o": "0",
    "s": "$5",
    "t": "7+",
    "z": "2",
}

# -- character classes and policies ------------------------------------------------------------------

named_classes = st.sampled_from(NAMED_CLASSES).map(CharClass.named)


def custom_class_chars(*, non_ascii: bool = False) -> st.SearchStrategy[frozenset[str]]:
    """Characters of a custom ``[...]`` class: printable ASCII, plus some non-ASCII when allowed."""
    alphabet = ASCII_PRINTABLE + (CLASS_NON_ASCII if non_ascii else "")
    return st.frozensets(st.sampled_from(alphabet), min_size=1, max_size=10)


def char_classes(*, non_ascii: bool = False) -> st.SearchStrategy[CharClass]:
    """A class list as one ``CharClass``: the union of one to three named or custom classes."""
    one = st.one_of(
        st.sampled_from(NAMED_CLASSES[:5]).map(CharClass.named),
        custom_class_chars(non_ascii=non_ascii).map(CharClass),
        st.just(CharClass.named("unicode")),
    )
    return st.lists(one, min_size=1, max_size=3).map(CharClass.union_of)


@st.composite
def generated_policies(draw: st.DrawFn, *, non_ascii: bool = False, min_strength: bool = False) -> Policy:
    """A ``Policy`` built directly from its fields (no rules text involved)."""
    min_length = draw(st.integers(0, 16))
    max_length = draw(st.none() | st.integers(max(1, min_length), 40))
    max_consecutive = draw(st.none() | st.integers(1, 4))
    required = tuple(draw(st.lists(char_classes(non_ascii=non_ascii), max_size=3)))
    allowed = draw(st.just(CharClass.named("ascii-printable")) | char_classes(non_ascii=non_ascii))
    forbid = draw(st.frozensets(st.sampled_from(FORBID_CHECKS)))
    strength = draw(st.none() | st.integers(0, 4)) if min_strength else None
    return Policy(
        min_length=min_length,
        max_length=max_length,
        max_consecutive=max_consecutive,
        required=required,
        allowed=allowed,
        forbid=forbid,
        min_strength=strength,
    )


presets = st.sampled_from(PRESET_NAMES)
preset_policies = presets.map(policies.get)


def any_policy(*, non_ascii: bool = False) -> st.SearchStrategy[Policy]:
    """A preset or a generated policy (without ``min-strength``)."""
    return preset_policies | generated_policies(non_ascii=non_ascii)


@st.composite
def restricting_rules(draw: st.DrawFn, policy: Policy) -> str:
    """One more rule that can only restrict ``policy`` (a ``required`` class inside ``allowed``)."""
    kind = draw(st.sampled_from(("minlength", "maxlength", "max-consecutive", "required", "forbid", "min-strength")))
    if kind == "minlength":
        return f"minlength: {draw(st.integers(0, 30))};"
    if kind == "maxlength":
        return f"maxlength: {draw(st.integers(1, 40))};"
    if kind == "max-consecutive":
        return f"max-consecutive: {draw(st.integers(1, 4))};"
    if kind == "forbid":
        return f"forbid: {draw(st.sampled_from(FORBID_CHECKS))};"
    if kind == "min-strength":
        return f"min-strength: {draw(st.integers(0, 4))};"
    if policy.allowed.unicode:
        cls = draw(char_classes(non_ascii=True))
    else:
        cls = CharClass(draw(st.frozensets(st.sampled_from(sorted(policy.allowed.chars)), min_size=1, max_size=6)))
    return f"required: {cls.to_rules()};"


# -- Password Rules text -------------------------------------------------------------------------------

_WHITESPACE = st.sampled_from(["", "", " ", "  ", "\t", "\n", " \r\n ", "\f"])


@st.composite
def _random_case(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(ch.upper() if flip else ch for ch, flip in zip(word, flips, strict=True))


@st.composite
def _class_text(draw: st.DrawFn, *, non_ascii: bool) -> tuple[str, CharClass]:
    """One class as written in rules text, with the class it stands for."""
    if draw(st.booleans()):
        name = draw(st.sampled_from(NAMED_CLASSES))
        return draw(_random_case(name)), CharClass.named(name)
    chars = draw(custom_class_chars(non_ascii=non_ascii))
    middle = draw(st.permutations(sorted(chars - {"-", "]"})))
    body = ("-" if "-" in chars else "") + "".join(middle) + ("]" if "]" in chars else "")
    return f"[{body}]", CharClass(chars)


@st.composite
def _integer_text(draw: st.DrawFn, value: int) -> str:
    width = draw(st.integers(1, 7))  # leading zeros are allowed, up to 7 digits in all
    return f"{value:0{width}d}"


@dataclass(frozen=True)
class RulesDocument:
    """Generated rules text with the policy it must parse to (``None`` when minlength > maxlength)."""

    text: str
    expected: Policy | None
    non_ascii: bool


@st.composite
def rules_documents(draw: st.DrawFn, *, non_ascii: bool = False) -> RulesDocument:
    """Rules text in random case and spacing with repeated properties, and the policy it means.

    The expected policy is computed from the documented merge rules (larger ``minlength``, smaller
    ``maxlength`` and ``max-consecutive``, larger ``min-strength``, union of ``forbid`` and of
    ``allowed``, one rule per ``required``; required characters are allowed; without ``required``
    or ``allowed``, printable ASCII).
    """
    names = draw(
        st.lists(
            st.sampled_from(
                ("minlength", "maxlength", "max-consecutive", "required", "allowed", "forbid", "min-strength")
            ),
            max_size=7,
        )
    )
    pieces: list[str] = []
    mins: list[int] = []
    maxs: list[int] = []
    runs: list[int] = []
    strengths: list[int] = []
    required: list[CharClass] = []
    classes: list[CharClass] = []
    forbid: set[str] = set()
    for name in names:
        if name in ("required", "allowed"):
            items = draw(st.lists(_class_text(non_ascii=non_ascii), min_size=1, max_size=3))
            joined = ""
            for index, (text, _) in enumerate(items):
                joined += (draw(_WHITESPACE) + "," + draw(_WHITESPACE) if index else "") + text
            value = joined
            classes.extend(cls for _, cls in items)
            if name == "required":
                required.append(CharClass.union_of([cls for _, cls in items]))
        elif name == "forbid":
            checks = draw(st.lists(st.sampled_from(FORBID_CHECKS), min_size=1, max_size=3))
            forbid.update(checks)
            value = (draw(_WHITESPACE) + "," + draw(_WHITESPACE)).join(draw(_random_case(c)) for c in checks)
        else:
            low = {"minlength": 0, "maxlength": 1, "max-consecutive": 1, "min-strength": 0}[name]
            high = 4 if name == "min-strength" else 40
            number = draw(st.integers(low, high))
            {"minlength": mins, "maxlength": maxs, "max-consecutive": runs, "min-strength": strengths}[name].append(
                number
            )
            value = draw(_integer_text(number))
        pieces.append(f"{draw(_random_case(name))}{draw(_WHITESPACE)}:{draw(_WHITESPACE)}{value}")
    text = draw(_WHITESPACE)
    for index, piece in enumerate(pieces):
        text += (draw(_WHITESPACE) + ";" + draw(_WHITESPACE) if index else "") + piece
    if pieces and draw(st.booleans()):
        text += draw(_WHITESPACE) + ";"
    text += draw(_WHITESPACE)

    min_length = max(mins, default=0)
    max_length = min(maxs, default=None)
    expected = None
    if max_length is None or min_length <= max_length:
        expected = Policy(
            min_length=min_length,
            max_length=max_length,
            max_consecutive=min(runs, default=None),
            required=tuple(required),
            allowed=CharClass.union_of(classes) if classes else CharClass.named("ascii-printable"),
            forbid=frozenset(forbid),
            min_strength=max(strengths, default=None),
        )
    return RulesDocument(text, expected, non_ascii)


# -- passwords -------------------------------------------------------------------------------------------


@st.composite
def common_password_variants(draw: st.DrawFn) -> str:
    """An entry of the common-password list, respelt: case changes, look-alikes, full-width, extras."""
    word = draw(st.sampled_from(COMMON_PASSWORDS))
    out = []
    for ch in word:
        how = draw(st.sampled_from(("keep", "keep", "upper", "lookalike", "fullwidth")))
        if how == "upper":
            out.append(ch.upper())
        elif how == "lookalike" and ch in LOOKALIKE_SPELLINGS:
            out.append(draw(st.sampled_from(LOOKALIKE_SPELLINGS[ch])))
        elif how == "fullwidth":
            out.append(fullwidth(ch))
        else:
            out.append(ch)
    extra = draw(st.sampled_from(("", "", "", "!", " ", "x", "1")))
    return "".join(out) + extra if draw(st.booleans()) else extra + "".join(out)


def passwords(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Passwords: plain ASCII, full-width, kana, unusual Unicode, arbitrary text, common-list variants."""
    return st.one_of(
        st.text(st.sampled_from(ASCII_PRINTABLE), max_size=max_size),
        st.text(st.sampled_from(MIXED_ALPHABET), max_size=max_size),
        st.text(st.sampled_from(ASCII_PRINTABLE), max_size=max_size).map(fullwidth),
        st.text(st.sampled_from(KANA + ASCII_PRINTABLE[16:26]), max_size=max_size),
        st.text(st.sampled_from("aaAb1!"), max_size=max_size),  # few characters: long runs
        st.text(max_size=max_size),
        common_password_variants(),
    )


@st.composite
def passwords_for(draw: st.DrawFn, policy: Policy) -> str:
    """A password built from the policy's own classes, so that it often passes."""
    pool = sorted(policy.allowed.chars) if not policy.allowed.unicode else list(ASCII_PRINTABLE + KANA + "éß漢")
    needed = [
        draw(st.sampled_from(sorted(cls.chars) if not cls.unicode else list(ASCII_PRINTABLE)))
        for cls in policy.required
    ]
    low = max(policy.min_length - len(needed), 0)
    high = max(low, (policy.max_length or low + 12) - len(needed))
    body = draw(st.lists(st.sampled_from(pool), min_size=low, max_size=min(high, low + 12)))
    return "".join(draw(st.permutations(needed + body)))


# Passwords long enough (4+) to be searched for in output without matching by chance.
secret_passwords = st.one_of(
    st.text(st.sampled_from(ASCII_PRINTABLE), min_size=4, max_size=24),
    st.text(st.sampled_from(MIXED_ALPHABET), min_size=4, max_size=24),
    st.text(min_size=4, max_size=24),
    common_password_variants().filter(lambda pw: len(pw) >= 4),
)


@st.composite
def policies_and_passwords(draw: st.DrawFn, *, non_ascii: bool = False) -> tuple[Policy, str]:
    """A preset or generated policy, and a password either made for it or drawn at large."""
    policy = draw(any_policy(non_ascii=non_ascii))
    password = draw(passwords() | passwords_for(policy))
    return policy, password


@st.composite
def nfkc_variants(draw: st.DrawFn, text: str) -> str:
    """A string with the same NFKC form as ``text``: full-width, math letters, NBSP, decomposed forms."""
    out = []
    for ch in text:
        options = [ch, unicodedata.normalize("NFD", ch), unicodedata.normalize("NFKD", ch)]
        if "!" <= ch <= "~":
            options.append(fullwidth(ch))
        if ch == " ":
            options += ["\u3000", "\u00a0"]
        if "A" <= ch <= "Z":
            options.append(chr(0x1D400 + ord(ch) - ord("A")))  # MATHEMATICAL BOLD CAPITAL
        if "a" <= ch <= "z":
            options.append(chr(0x1D41A + ord(ch) - ord("a")))  # MATHEMATICAL BOLD SMALL
        if "0" <= ch <= "9":
            options.append(chr(0x1D7CE + ord(ch) - ord("0")))  # MATHEMATICAL BOLD DIGIT
        out.append(draw(st.sampled_from(options)))
    return "".join(out)


# -- user inputs and previous passwords --------------------------------------------------------------

GIVEN_NAMES = ("Hanako", "Taro", "Yuki", "Alice", "Robert", "Sakura", "Kenji", "Maria")
FAMILY_NAMES = ("Yamada", "Suzuki", "Tanaka", "Smith", "Garcia", "Watanabe", "Nakamura")

birthdays = st.dates(min_value=datetime.date(1920, 1, 1), max_value=datetime.date(2020, 12, 31))


@st.composite
def birthday_texts(draw: st.DrawFn) -> str:
    """A birthday written the ways people write one (year first, day first, Japanese)."""
    day = draw(birthdays)
    fmt = draw(
        st.sampled_from(
            (
                "{y:04d}-{m:02d}-{d:02d}",
                "{y:04d}/{m}/{d}",
                "{y:04d}.{m:02d}.{d:02d}",
                "{y:04d}年{m}月{d}日",
                "{d:02d}.{m:02d}.{y:04d}",
            )
        )
    )
    return fmt.format(y=day.year, m=day.month, d=day.day)


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    """A phone number: groups of digits (7 or more in all) with separators."""
    groups = draw(st.lists(st.text("0123456789", min_size=2, max_size=5), min_size=2, max_size=4))
    if sum(map(len, groups)) < 7:
        groups.append("1234567"[: 7 - sum(map(len, groups))])
    sep = draw(st.sampled_from(("-", " ", ".", "")))
    prefix = draw(st.sampled_from(("", "+")))
    return prefix + sep.join(groups)


@st.composite
def emails(draw: st.DrawFn) -> str:
    """An email address: given and family name, optional digits, a domain."""
    given = draw(st.sampled_from(GIVEN_NAMES)).lower()
    family = draw(st.sampled_from(FAMILY_NAMES)).lower()
    digits = draw(st.sampled_from(("", "", "77", "1990")))
    domain = draw(st.sampled_from(("example.co.jp", "kitsune.example.org", "mail.yamada-shoten.jp", "gmail.com")))
    return f"{given}.{family}{digits}@{domain}"


names = st.builds(lambda g, f: f"{g} {f}", st.sampled_from(GIVEN_NAMES), st.sampled_from(FAMILY_NAMES))


def user_input_items() -> st.SearchStrategy[str | datetime.date]:
    """One user input: name, email, phone, birthday (date or text), or arbitrary text."""
    return st.one_of(names, emails(), phone_numbers(), birthdays, birthday_texts(), st.text(max_size=12))


user_inputs = st.lists(user_input_items(), max_size=4)
previous_passwords = st.lists(passwords(max_size=16), max_size=3)

# Violation codes in the documented rule order (the Policies guide lists them).
VIOLATION_CODES = (
    "too-short",
    "too-long",
    "disallowed-character",
    "missing-required",
    "max-consecutive",
    "common-password",
    "context-word",
    "previous-password",
    "similar-to-previous",
    "too-weak",
)
