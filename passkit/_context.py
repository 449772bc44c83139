"""Context words: a user's name, email, phone number and birthday as tokens a password must not contain.

Each input is classified by its shape and expanded:

* a ``datetime.date``, or text of three numbers that reads as a date (``1985-04-12``,
  ``1985/4/12``, ``1985年4月12日``, ``12.04.1985``, US style ``04/12/1985``; both readings when
  day and month are ambiguous), or eight digits ``YYYYMMDD``, is a birthday: ``19850412``,
  ``850412``, ``0412``, ``1204``, ``1985``, ``12041985``, ``04121985``, ``120485``, ``041285``;
* text with ``@`` is an email: the words of its local part, alone and joined, the digit runs of
  the address, and the domain labels except the top-level domain, generic labels (``co``, ``com``, ``ne``, ...) and
  free-mail providers (``gmail``, ``yahoo``, ``docomo``, ...), which say nothing about the user;
* text of digits, spaces and ``+-().`` with at least 7 digits is a phone number: all its digits,
  and each of its first 8 digit runs alone or joined with up to 3 following runs;
* anything else is a name or word: each word, the words joined, and its digit runs.

Only the first 64 inputs are used, each cut to 256 code points, so the work stays bounded.

Matching, after NFKC and case folding:

* letter tokens of 5 or more characters match anywhere, also through look-alikes (``Y4m4da`` is
  ``yamada``);
* letter tokens of 3 or 4 characters match only as a whole word (not next to another letter),
  so the name ``Eli`` rejects ``Eli1985!`` but not ``Delicious``;
* digit tokens of 4 or more digits match anywhere;
* shorter tokens are dropped: they would match too much.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from passkit._normalize import nfkc, skeleton

__all__ = ["ContextTokens", "context_hit", "expand_user_inputs", "validate_user_inputs"]

_NUMBERS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]+")
_PHONE_CHARS = frozenset("0123456789+-(). ")
MIN_SHORT_TOKEN = 3
MIN_LONG_TOKEN = 5
MIN_DIGIT_TOKEN = 4
# Inputs are cut to this many code points: a name, email or phone number is never longer, and the
# cut keeps the work per call bounded.
MAX_INPUT_LENGTH = 256
# Only the first user inputs, and the first digit runs of a phone number, are used: enough for any
# real user, and it keeps the tokens, and so the work per password, bounded.
MAX_USER_INPUTS = 64
MAX_PHONE_RUNS = 8
_GENERIC_DOMAIN_LABELS = frozenset(
    {
        "co",
        "com",
        "ne",
        "net",
        "or",
        "org",
        "ac",
        "ad",
        "go",
        "gov",
        "edu",
        "info",
        "biz",
        "mail",
        "email",
        "gmail",
        "googlemail",
        "yahoo",
        "ymail",
        "hotmail",
        "outlook",
        "live",
        "msn",
        "icloud",
        "me",
        "mac",
        "aol",
        "gmx",
        "proton",
        "protonmail",
        "pm",
        "yandex",
        "qq",
        "naver",
        "docomo",
        "ezweb",
        "au",
        "softbank",
        "i-softbank",
        "ybb",
        "nifty",
        "ocn",
        "plala",
        "biglobe",
        "so-net",
    }
)

Token = tuple[str, str]  # (kind, text)


@dataclass(frozen=True, slots=True)
class ContextTokens:
    """Tokens derived from the user inputs, grouped by how they are matched."""

    long: tuple[Token, ...] = ()  # look-alike-folded letter tokens, matched anywhere
    short: tuple[Token, ...] = ()  # case-folded letter tokens, matched as whole words
    digits: tuple[Token, ...] = ()  # digit tokens, matched anywhere

    def __bool__(self) -> bool:
        return bool(self.long or self.short or self.digits)


def _birthday(year: int, month: int, day: int) -> list[str]:
    y4, y2, mm, dd = f"{year:04d}", f"{year % 100:02d}", f"{month:02d}", f"{day:02d}"
    return [y4 + mm + dd, y2 + mm + dd, mm + dd, dd + mm, y4, dd + mm + y4, mm + dd + y4, dd + mm + y2, mm + dd + y2]


def _valid(year: int, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return False
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _date_tokens(numbers: list[str]) -> list[str]:
    """Birthday tokens if the numbers read as a date, else an empty list."""
    if len(numbers) == 1 and len(numbers[0]) == 8:
        text = numbers[0]
        numbers = [text[:4], text[4:6], text[6:]]
    if len(numbers) != 3:
        return []
    a, b, c = numbers
    readings: list[tuple[int, int, int]] = []
    if len(a) == 4:
        readings.append((int(a), int(b), int(c)))
    elif len(c) == 4:
        readings += [(int(c), int(b), int(a)), (int(c), int(a), int(b))]  # day first, then US month first
    tokens: list[str] = []
    for year, month, day in readings:
        if _valid(year, month, day):
            tokens += _birthday(year, month, day)
    return tokens


def _phone_tokens(runs: list[str]) -> list[str]:
    """All digits, and each run joined with up to 3 following runs (a phone number has few runs)."""
    runs = runs[:MAX_PHONE_RUNS]
    joined = [
        "".join(runs[start:end])
        for start in range(len(runs))
        for end in range(start + 1, min(start + 5, len(runs) + 1))
    ]
    return ["".join(runs), *joined]


def _classify(text: str) -> list[Token]:
    """(kind, raw token) pairs for one input string."""
    numbers = _NUMBERS.findall(text)
    if "@" in text:
        local, _, domain = text.rpartition("@")
        words = _WORDS.findall(local)
        labels = [label for label in domain.split(".")[:-1] if label not in _GENERIC_DOMAIN_LABELS]
        return [("email", t) for t in ["".join(words), *words, *labels]] + [("email", n) for n in numbers]
    if numbers and not _WORDS.search(text.replace("年", "-").replace("月", "-").replace("日", "")):
        dates = _date_tokens(numbers)
        if dates:
            return [("birthday", t) for t in dates]
        if set(text) <= _PHONE_CHARS and sum(len(n) for n in numbers) >= 7:
            return [("phone", t) for t in _phone_tokens(numbers)]
        return [("name", n) for n in numbers]
    words = _WORDS.findall(text)
    tokens = [("name", w) for w in words]
    if len(words) > 1:
        tokens.append(("name", "".join(words)))
    return tokens + [("name", n) for n in numbers]


def validate_user_inputs(user_inputs: object) -> tuple[str | datetime.date, ...]:
    """Check the type of ``user_inputs`` and return it as a tuple, each string cut to 256 code points."""
    if user_inputs == ():
        return ()
    if isinstance(user_inputs, (list, tuple)):
        fast: tuple[str, ...] = tuple(user_inputs[:MAX_USER_INPUTS])
        if set(map(type, fast)) == {str} and max(map(len, fast)) <= MAX_INPUT_LENGTH:
            return fast
    if isinstance(user_inputs, (str, bytes)):
        raise TypeError("user_inputs must be a sequence of strings (or dates), not a single string; wrap it: [value]")
    if not isinstance(user_inputs, Iterable):
        raise TypeError(f"user_inputs must be an iterable of str or datetime.date, not {type(user_inputs).__name__}")
    items: list[str | datetime.date] = []
    for item in user_inputs:
        if len(items) == MAX_USER_INPUTS:
            break
        if isinstance(item, str):
            items.append(item[:MAX_INPUT_LENGTH])
        elif isinstance(item, datetime.date):
            items.append(item)
        else:
            raise TypeError(f"each user input must be a str or datetime.date, not {type(item).__name__}")
    return tuple(items)


def _is_digit_input(item: str | datetime.date) -> bool:
    """Inputs that can only yield digit tokens (dates, phone numbers, other numbers)."""
    return isinstance(item, datetime.date) or (_WORDS.search(item) is None and "@" not in item)


@functools.lru_cache(maxsize=1024)
def _expand_one(item: str | datetime.date) -> ContextTokens:
    """Tokens of one input (memoized per input: at most 1,024 entries, inputs only, never passwords)."""
    if isinstance(item, datetime.date):
        raw = [("birthday", t) for t in _birthday(item.year, item.month, item.day)]
    else:
        raw = _classify(nfkc(item).strip())
    long: dict[str, str] = {}
    short: dict[str, str] = {}
    digits: dict[str, str] = {}
    for kind, token in raw:
        if token.isdigit():
            if len(token) >= MIN_DIGIT_TOKEN:
                digits.setdefault(token, kind)
            continue
        folded = token.casefold()
        if len(folded) >= MIN_LONG_TOKEN:
            long.setdefault(skeleton(folded), kind)
        elif len(folded) >= MIN_SHORT_TOKEN:
            short.setdefault(folded, kind)
    return ContextTokens(
        tuple((kind, text) for text, kind in long.items()),
        tuple((kind, text) for text, kind in short.items()),
        tuple((kind, text) for text, kind in digits.items()),
    )


def expand_user_inputs(items: tuple[str | datetime.date, ...]) -> ContextTokens:
    """All tokens of validated user inputs, in input order."""
    parts = [_expand_one(item) for item in items]
    return ContextTokens(
        tuple(t for p in parts for t in p.long),
        tuple(t for p in parts for t in p.short),
        tuple(t for p in parts for t in p.digits),
    )


def _whole_word(text: str, token: str) -> bool:
    start = text.find(token)
    end = len(token)
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + end] if start + end < len(text) else " "
        if not before.isalpha() and not after.isalpha():
            return True
        start = text.find(token, start + 1)
    return False


_DIGIT_RUN4 = re.compile(r"\d{4}")


def _hit(casefolded: str, folded: str, tokens: ContextTokens) -> tuple[int, str] | None:
    """(length, kind) of the longest token the password contains, or None."""
    best: tuple[int, str] | None = None
    for kind, token in tokens.long:
        if token in folded and (best is None or len(token) > best[0]):
            best = (len(token), kind)
    for kind, token in tokens.digits:
        if token in casefolded and (best is None or len(token) > best[0]):
            best = (len(token), kind)
    for kind, token in tokens.short:
        if (best is None or len(token) > best[0]) and token in casefolded and _whole_word(casefolded, token):
            best = (len(token), kind)
    return best


@functools.lru_cache(maxsize=256)
def _tokens_for(items: tuple[str | datetime.date, ...], with_digit_inputs: bool) -> ContextTokens:
    """Tokens of all inputs, optionally leaving out inputs that only yield digit tokens (memoized)."""
    return expand_user_inputs(tuple(item for item in items if with_digit_inputs or not _is_digit_input(item)))


def context_hit(casefolded: str, folded: str, items: tuple[str | datetime.date, ...]) -> str | None:
    """The kind of the longest user-input token the password contains (the first one on a tie), or None.

    Inputs that only yield digit tokens (dates, phone numbers) are expanded only when the password
    holds a run of at least 4 digits, since no digit token is shorter.
    """
    best = _hit(casefolded, folded, _tokens_for(items, _DIGIT_RUN4.search(casefolded) is not None))
    return None if best is None else best[1]
