"""Context words: turning a user's name, email, phone number and birthday into tokens to reject.

Each input is classified by its shape and expanded:

* a ``datetime.date`` or text like ``1985-04-12`` / ``1985/4/12`` / ``12.04.1985`` is a birthday:
  ``19850412``, ``850412``, ``0412``, ``1204``, ``1985``, ``12041985``, ``04121985``, ``120485``,
  ``041285``;
* text with ``@`` is an email: its local part, the words of the local part, and the domain
  words (labels of at least 3 characters, so ``co`` and ``jp`` are not tokens);
* text made of digits, spaces and ``+-().`` with at least 7 digits is a phone number: all its
  digits, and every run of 4 or more digits, alone or joined with its neighbours;
* anything else is a name or word: the whole text without spaces, and each word.

Letter tokens shorter than 3 characters and digit tokens shorter than 4 are dropped: they would
match too much to be useful.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from passkit._normalize import nfkc, skeleton

__all__ = ["ContextToken", "expand_user_inputs"]

_DATE_YMD = re.compile(r"^\s*(\d{4})[-/.年 ](\d{1,2})[-/.月 ](\d{1,2})日?\s*$")
_DATE_DMY = re.compile(r"^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$")
_PHONE = re.compile(r"^\s*\+?[\d\s().\-]+$")
_WORD_SPLIT = re.compile(r"[\W_\d]+")
_DIGIT_RUN = re.compile(r"\d+")
MIN_LETTER_TOKEN = 3
MIN_DIGIT_TOKEN = 4
# Inputs longer than this are cut: a name, email or phone number is never that long, and the cut
# keeps the work per call bounded.
MAX_INPUT_LENGTH = 256


@dataclass(frozen=True, slots=True)
class ContextToken:
    """One token derived from a user input; ``digits`` tokens are matched without folding."""

    kind: str  # "name", "email", "phone", "birthday"
    text: str
    digits: bool


def _birthday_tokens(year: int, month: int, day: int) -> list[str]:
    y4, y2, mm, dd = f"{year:04d}", f"{year % 100:02d}", f"{month:02d}", f"{day:02d}"
    return [y4 + mm + dd, y2 + mm + dd, mm + dd, dd + mm, y4, dd + mm + y4, mm + dd + y4, dd + mm + y2, mm + dd + y2]


def _parse_date(text: str) -> tuple[int, int, int] | None:
    match = _DATE_YMD.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DATE_DMY.match(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def _phone_tokens(text: str) -> list[str]:
    runs = _DIGIT_RUN.findall(text)
    joined = ["".join(runs[start:end]) for start in range(len(runs)) for end in range(start + 1, len(runs) + 1)]
    return ["".join(runs), *joined]


def _word_tokens(text: str) -> list[str]:
    words = [w for w in _WORD_SPLIT.split(text) if w]
    tokens = ["".join(text.split()), *words]
    if len(words) > 1:
        tokens.append("".join(words))
    return tokens


def _classify(item: str | datetime.date) -> list[ContextToken]:
    if isinstance(item, datetime.date):
        return [ContextToken("birthday", t, True) for t in _birthday_tokens(item.year, item.month, item.day)]
    text = nfkc(item[:MAX_INPUT_LENGTH]).strip()
    date = _parse_date(text)
    if date is not None:
        return [ContextToken("birthday", t, True) for t in _birthday_tokens(*date)]
    if "@" in text:
        local, _, domain = text.rpartition("@")
        labels = [label for label in domain.split(".") if len(label) >= MIN_LETTER_TOKEN]
        words = _word_tokens(local) + labels
        digits = _DIGIT_RUN.findall(local)
        return [ContextToken("email", w, False) for w in words] + [ContextToken("email", d, True) for d in digits]
    if _PHONE.match(text) and sum(c.isdigit() for c in text) >= 7:
        return [ContextToken("phone", t, True) for t in _phone_tokens(text)]
    digits = _DIGIT_RUN.findall(text)
    return [ContextToken("name", w, False) for w in _word_tokens(text)] + [
        ContextToken("name", d, True) for d in digits
    ]


def expand_user_inputs(user_inputs: Iterable[str | datetime.date]) -> tuple[ContextToken, ...]:
    """Expand user inputs into distinct tokens, letter tokens as skeletons, longest first.

    Expansions of recent inputs are memoized (at most 256 entries, each input cut to 256 code
    points; ``functools.lru_cache`` is thread-safe). Passwords are never cached.
    """
    if user_inputs == ():
        return ()
    if isinstance(user_inputs, (str, bytes)):
        raise TypeError("user_inputs must be a sequence of strings (or dates), not a single string; wrap it: [value]")
    if not isinstance(user_inputs, Iterable):
        raise TypeError(f"user_inputs must be an iterable of str or datetime.date, not {type(user_inputs).__name__}")
    items: list[str | datetime.date] = []
    for item in user_inputs:
        if isinstance(item, str):
            items.append(item[:MAX_INPUT_LENGTH])
        elif isinstance(item, datetime.date):
            items.append(item)
        else:
            raise TypeError(f"each user input must be a str or datetime.date, not {type(item).__name__}")
    return _expand(tuple(items))


@functools.lru_cache(maxsize=256)
def _expand(items: tuple[str | datetime.date, ...]) -> tuple[ContextToken, ...]:
    seen: dict[tuple[str, bool], ContextToken] = {}
    for item in items:
        for token in _classify(item):
            if token.digits:
                if len(token.text) < MIN_DIGIT_TOKEN or not token.text.isdigit():
                    continue
                text = token.text
            else:
                text = skeleton(token.text)
                if len(text) < MIN_LETTER_TOKEN:
                    continue
            seen.setdefault((text, token.digits), ContextToken(token.kind, text, token.digits))
    return tuple(sorted(seen.values(), key=lambda t: (-len(t.text), t.text)))
