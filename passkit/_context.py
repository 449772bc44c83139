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

How the matching is done (the result is the same as expanding every input and testing every
token; ``tests/test_context.py`` checks this against the expansion): the token lists are built
only for non-ASCII text (memoized per input). For ASCII text and dates, :func:`context_hit` first
runs a few tests over all the inputs at once, each a necessary condition for one category of
tokens (letters, digits, birthdays), and usually stops there; otherwise it matches only the
categories still possible, input by input, from the password's side (a birthday through its few
digit groups, a phone number through the password's pieces of 4 digits in a row).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from passkit._normalize import LOOKALIKE_BYTES, fold_lookalikes, nfkc, skeleton

__all__ = [
    "ContextTokens",
    "birthday_digits",
    "context_hit",
    "expand_user_inputs",
    "iso_date",
    "plain_texts",
    "text_dates",
    "validate_user_inputs",
]

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
MIN_PHONE_DIGITS = 7
_YEAR_DIGITS = 4
_YYYYMMDD = 8
_MAX_DAY = 31
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


def birthday_digits(year: int, month: int, day: int) -> list[str]:
    """The digit forms a birthday is typed in: 19850412, 850412, 0412, 1204, 1985, 12041985, ..."""
    y4, y2, mm, dd = f"{year:04d}", f"{year % 100:02d}", f"{month:02d}", f"{day:02d}"
    return [y4 + mm + dd, y2 + mm + dd, mm + dd, dd + mm, y4, dd + mm + y4, mm + dd + y4, dd + mm + y2, mm + dd + y2]


_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(year: int, month: int, day: int) -> bool:
    """Whether ``datetime.date(year, month, day)`` exists (checked without raising)."""
    if not (1 <= month <= 12 and 1 <= year <= 9999 and 1 <= day <= _DAYS_IN_MONTH[month]):
        return False
    return month != 2 or day < 29 or calendar.isleap(year)


def _date_readings(numbers: list[str]) -> list[tuple[int, int, int]]:
    """The valid (year, month, day) readings of the numbers of a text, if it reads as a date."""
    if len(numbers) != 3:  # year, month, day
        if len(numbers) != 1 or len(numbers[0]) != _YYYYMMDD:
            return []
        text = numbers[0]
        numbers = [text[:4], text[4:6], text[6:]]
    a, b, c = numbers
    if len(a) == _YEAR_DIGITS:
        reading = (int(a), int(b), int(c))
        return [reading] if _valid(*reading) else []
    if len(c) == _YEAR_DIGITS:  # day first, then US month first
        year, first, second = int(c), int(a), int(b)
        return [reading for reading in ((year, second, first), (year, first, second)) if _valid(*reading)]
    return []


def _date_tokens(numbers: list[str]) -> list[str]:
    """Birthday tokens if the numbers read as a date, else an empty list."""
    return [token for reading in _date_readings(numbers) for token in birthday_digits(*reading)]


def _phone_tokens(runs: list[str]) -> list[str]:
    """All digits, and each run joined with up to 3 following runs (a phone number has few runs)."""
    runs = runs[:MAX_PHONE_RUNS]
    joined = [
        "".join(runs[start:end])
        for start in range(len(runs))
        for end in range(start + 1, min(start + 5, len(runs) + 1))
    ]
    return ["".join(runs), *joined]


def _without_letters(text: str) -> bool:
    """Whether ``text`` has no letters but the date marks 年, 月 and 日."""
    return not _WORDS.search(text.replace("年", "-").replace("月", "-").replace("日", ""))


def text_dates(text: str) -> list[tuple[int, int, int]]:
    """The (year, month, day) readings of an input that ``check`` takes for a birthday (else none).

    ``text`` is NFKC-normalised; it reads as a date when it has no ``@`` and no letters and its
    numbers are a year, month and day (``1985-04-12``, ``1985年4月12日``, ``12.04.1985`` read day
    first and month first), or eight digits ``YYYYMMDD``. A date's ``YYYY-MM-DD`` text reads as
    that date alone.
    """
    numbers = _NUMBERS.findall(text)
    if "@" in text or not numbers or not _without_letters(text):
        return []
    return _date_readings(numbers)


def _classify(text: str) -> list[Token]:
    """(kind, raw token) pairs for one input string."""
    numbers = _NUMBERS.findall(text)
    if "@" in text:
        local, _, domain = text.rpartition("@")
        words = _WORDS.findall(local)
        labels = [label for label in domain.split(".")[:-1] if label not in _GENERIC_DOMAIN_LABELS]
        return [("email", t) for t in ["".join(words), *words, *labels]] + [("email", n) for n in numbers]
    if numbers and _without_letters(text):
        dates = _date_tokens(numbers)
        if dates:
            return [("birthday", t) for t in dates]
        if set(text) <= _PHONE_CHARS and sum(len(n) for n in numbers) >= MIN_PHONE_DIGITS:
            return [("phone", t) for t in _phone_tokens(numbers)]
        return [("name", n) for n in numbers]
    words = _WORDS.findall(text)
    tokens = [("name", w) for w in words]
    if len(words) > 1:
        tokens.append(("name", "".join(words)))
    return tokens + [("name", n) for n in numbers]


def iso_date(day: datetime.date) -> str:
    """A date as ``YYYY-MM-DD`` text: it reads as the same birthday (a ``datetime`` loses its time)."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def validate_user_inputs(user_inputs: object) -> tuple[str, ...]:
    """Check the type of ``user_inputs`` and return it as a tuple of text.

    Each string is cut to 256 code points; each date becomes its ``YYYY-MM-DD`` text, which
    :func:`_classify` reads as the same birthday with the same tokens.
    """
    if (user_inputs.__class__ is list or user_inputs.__class__ is tuple) and len(user_inputs) <= MAX_USER_INPUTS:
        # The usual call: a short list of plain strings, dates among them, in one pass.
        texts = []
        for item in user_inputs:
            if item.__class__ is str:
                texts.append(item if len(item) <= MAX_INPUT_LENGTH else item[:MAX_INPUT_LENGTH])
            elif item.__class__ is datetime.date:
                texts.append(item.isoformat())  # YYYY-MM-DD, the year always in 4 digits
            else:
                break
        else:
            return tuple(texts)
    if user_inputs == ():
        return ()
    if isinstance(user_inputs, (str, bytes)):
        raise TypeError("user_inputs must be a sequence of strings (or dates), not a single string; wrap it: [value]")
    if not isinstance(user_inputs, Iterable):
        raise TypeError(f"user_inputs must be an iterable of str or datetime.date, not {type(user_inputs).__name__}")
    items: list[str] = []
    for item in user_inputs:
        if len(items) == MAX_USER_INPUTS:
            break
        if isinstance(item, str):
            items.append(item[:MAX_INPUT_LENGTH])
        elif isinstance(item, datetime.date):
            items.append(iso_date(item))
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
        raw = [("birthday", t) for t in birthday_digits(item.year, item.month, item.day)]
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


_DIGIT_RUNS = re.compile(r"\d{4,}")  # runs long enough to hold a digit token
_ASCII_DIGITS = frozenset("0123456789")
# After an ``@``, a character other than a letter or a dot before the end of the line or the next ``@``
# (possessive: no backtracking).
_ODD_DOMAIN = re.compile(r"@[A-Za-z.]*+[^A-Za-z.\n@]")

# Byte tables for ASCII inputs. Each maps every byte it does not keep to a space, so that
# ``text.encode().translate(table).decode().split()`` yields the runs: ASCII letters case-folded
# (and, for the skeleton, look-alike-folded: ``l`` becomes ``i``), or ASCII digits. For ASCII text
# these are exactly the runs the ``[^\W\d_]+`` and ``\d+`` patterns find. (The matching itself is
# done on ``str``: ``bytes.__contains__`` is several times slower for short needles.)
_ASCII_LETTERS = frozenset(range(ord("A"), ord("Z") + 1)) | frozenset(range(ord("a"), ord("z") + 1))
_LOWER_WORDS = bytes(code | 0x20 if code in _ASCII_LETTERS else 0x20 for code in range(256))
_SKELETON_WORDS = _LOWER_WORDS.translate(LOOKALIKE_BYTES)
_DIGIT_WORDS = bytes(code if 0x30 <= code <= 0x39 else 0x20 for code in range(256))
_NOT_DIGITS = bytes(code for code in range(256) if not (0x30 <= code <= 0x39 or code == 0x0A))  # keeps lines
_TWO_DIGITS = tuple(f"{number:02d}" for number in range(100))

# What one input contributes: its kind, and the lengths of its longest long, digit and short tokens
# the password contains (0: none).
_InputHit = tuple[str, tuple[int, int, int]]


def _runs(text: str, table: bytes) -> list[str]:
    """The runs of ASCII ``text`` that ``table`` keeps (see the tables above)."""
    return text.encode("ascii").translate(table).decode("ascii").split()


def _birthday_length(year: int, month: int, day: int, text: str) -> int:
    """Length of the longest birthday token of the date that ``text`` contains (0: none).

    Every token (see :func:`_birthday`) is ``YYYY``, or holds ``MMDD`` or ``DDMM``; ``MMDD`` may be
    preceded or followed by the year (4 or 2 digits), ``DDMM`` only followed.
    """
    y4 = str(year) if year >= 1000 else f"{year:04d}"
    best = 4 if y4 in text else 0
    month_day = _TWO_DIGITS[month] + _TWO_DIGITS[day]
    if month_day in text:
        if y4 + month_day in text or month_day + y4 in text:
            return 8
        y2 = y4[2:]
        best = 6 if y2 + month_day in text or month_day + y2 in text else 4
    day_month = _TWO_DIGITS[day] + _TWO_DIGITS[month]
    if day_month in text:
        if day_month + y4 in text:
            return 8
        best = max(best, 6 if day_month + y4[2:] in text else 4)
    return best


def _digits_length(tokens: Iterable[str], casefolded: str) -> int:
    """Length of the longest of these digit tokens (4 digits or more) the password contains."""
    best = 0
    for token in tokens:
        if len(token) > best and len(token) >= MIN_DIGIT_TOKEN and token in casefolded:
            best = len(token)
    return best


def _short_match(token: str, casefolded: str) -> bool:
    return token in casefolded and _whole_word(casefolded, token)


def _letters_lengths(text: str, skeletons: list[str], casefolded: str, folded: str) -> tuple[int, int]:
    """(long, short): the longest of the ASCII ``text``'s word tokens the password contains.

    ``skeletons`` are the look-alike-folded words of ``text``, then the words joined when that is
    a token of the input.
    """
    long = short = 0
    for index, word in enumerate(skeletons):
        size = len(word)
        if size >= MIN_LONG_TOKEN:
            if size > long and word in folded:
                long = size
        elif size >= MIN_SHORT_TOKEN and size > short and word in folded:
            # A short token matches case-folded (``l`` is not ``i``) and as a whole word: rebuild it
            # from the case-folded words. The skeleton test above is a necessary condition, since
            # the skeleton of a substring is a substring of the skeleton.
            lower = _runs(text, _LOWER_WORDS)
            if _short_match(lower[index] if index < len(lower) else "".join(lower), casefolded):
                short = size
    return long, short


def _label_lengths(label: str, casefolded: str, folded: str) -> tuple[int, int, int]:
    """(long, digit, short) for one ASCII domain label of 3 or more characters (any characters)."""
    if label.isdigit():
        return 0, _digits_length((label,), casefolded), 0
    lower = label.lower()
    if len(lower) >= MIN_LONG_TOKEN:
        return (len(lower) if fold_lookalikes(lower) in folded else 0), 0, 0
    return 0, 0, (len(lower) if _short_match(lower, casefolded) else 0)


def _email_hit(text: str, casefolded: str, folded: str, digit_runs: list[str]) -> _InputHit | None:
    """What one ASCII email address contributes (see :func:`_classify`)."""
    local, _, domain = text.rpartition("@")
    long = digit = short = 0
    skeletons = _runs(local, _SKELETON_WORDS)
    # Every letter token of the local part holds one of its words, so one pass can rule them out.
    for word in skeletons:
        if word in folded:
            long, short = _letters_lengths(local, [*skeletons, "".join(skeletons)], casefolded, folded)
            break
    for label in domain.split(".")[:-1]:
        if len(label) >= MIN_SHORT_TOKEN and label not in _GENERIC_DOMAIN_LABELS:
            # A label of letters folds to itself with ``l`` as ``i``: a quick necessary condition.
            if label.isalpha() and label.lower().replace("l", "i") not in folded:
                continue
            label_long, label_digit, label_short = _label_lengths(label, casefolded, folded)
            long, digit, short = max(long, label_long), max(digit, label_digit), max(short, label_short)
    if digit_runs and not _ASCII_DIGITS.isdisjoint(text):
        digit = max(digit, _digits_length(_runs(text, _DIGIT_WORDS), casefolded))
    return ("email", (long, digit, short)) if long or digit or short else None


def _name_hit(text: str, skeletons: list[str], casefolded: str, folded: str, digit_runs: list[str]) -> _InputHit | None:
    """What one ASCII name or other text with letters contributes; ``skeletons`` are its words."""
    long = digit = short = 0
    # Every letter token holds one of the words (the words joined hold them all).
    for word in skeletons:
        if word in folded:
            if len(skeletons) > 1:
                skeletons = [*skeletons, "".join(skeletons)]
            long, short = _letters_lengths(text, skeletons, casefolded, folded)
            break
    if digit_runs and not _ASCII_DIGITS.isdisjoint(text):
        digit = _digits_length(_runs(text, _DIGIT_WORDS), casefolded)
    return ("name", (long, digit, short)) if long or digit or short else None


def _digits_hit(kind: str, text: str, casefolded: str) -> _InputHit | None:
    """What the digit tokens of one ASCII name or email contribute, when no letter token can match."""
    digit = _digits_length(_runs(text, _DIGIT_WORDS), casefolded)
    return (kind, (0, digit, 0)) if digit else None


def _may_be_birthday(numbers: list[str], casefolded: str) -> bool:
    """False when the numbers read as no date, or as a date none of whose tokens the password holds.

    It reads the numbers as :func:`_date_readings` does (year first, else year last with the month
    and day in either order); every birthday token holds the year, or the month and day as two
    digits each, in either order.
    """
    if len(numbers) == 1 and len(numbers[0]) == _YYYYMMDD:
        numbers = [numbers[0][:4], numbers[0][4:6], numbers[0][6:]]
    if len(numbers) != 3:  # year, month, day
        return False
    a, b, c = numbers
    if len(a) == _YEAR_DIGITS:
        year, first, second = a, b, c
    elif len(c) == _YEAR_DIGITS:
        year, first, second = c, b, a
    else:
        return False
    if len(first) > 2 or len(second) > 2:  # a month or day of 3 or more digits
        # ``012`` can still be one (cannot tell without reading the date); ``1234`` cannot.
        return int(first) <= _MAX_DAY and int(second) <= _MAX_DAY
    pair = first.zfill(2) + second.zfill(2)
    return year in casefolded or pair in casefolded or pair[2:] + pair[:2] in casefolded


def _numbers_hit(text: str, casefolded: str, windows: list[str]) -> _InputHit | None:
    """What one ASCII text of numbers without letters contributes: a birthday, a phone number, numbers.

    ``windows`` are the password's pieces of 4 digits in a row.
    """
    numbers = _runs(text, _DIGIT_WORDS)
    # Phone and number tokens are pieces of the digits run together, and start with one of the
    # windows: unless the digits hold a window, and unless a birthday token may match, nothing can.
    whole = "".join(numbers)
    for window in windows:
        if window in whole:
            break
    else:
        if not _may_be_birthday(numbers, casefolded):
            return None
    readings = _date_readings(numbers)
    if readings:
        digit = _birthday_length(*readings[0], casefolded)
        if len(readings) > 1:
            digit = max(digit, _birthday_length(*readings[1], casefolded))
        return ("birthday", (0, digit, 0)) if digit else None
    if _PHONE_CHARS.issuperset(text) and len(whole) >= MIN_PHONE_DIGITS:
        digit = _phone_length(numbers, casefolded)
        return ("phone", (0, digit, 0)) if digit else None
    digit = _digits_length(numbers, casefolded)
    return ("name", (0, digit, 0)) if digit else None


def _phone_length(runs: list[str], casefolded: str) -> int:
    """Length of the longest phone token (see :func:`_phone_tokens`) the password contains."""
    runs = runs[:MAX_PHONE_RUNS]
    whole = "".join(runs)
    if whole in casefolded:
        return len(whole)
    best = 0
    for start in range(len(runs)):
        piece = ""
        for run in runs[start : start + 4]:
            piece += run
            if piece not in casefolded:
                break  # the longer pieces from this start hold this one
            if len(piece) > best and len(piece) >= MIN_DIGIT_TOKEN:
                best = len(piece)
    return best


def _general_hit(item: str, casefolded: str, folded: str, digit_run: bool) -> _InputHit | None:
    """What one input contributes, from its expanded (memoized) tokens."""
    if not digit_run and _is_digit_input(item):
        return None
    tokens = _expand_one(item)
    long = max((len(token) for _, token in tokens.long if token in folded), default=0)
    digit = max((len(token) for _, token in tokens.digits if token in casefolded), default=0)
    short = max((len(token) for _, token in tokens.short if _short_match(token, casefolded)), default=0)
    if not (long or digit or short):
        return None
    return (tokens.long or tokens.digits or tokens.short)[0][0], (long, digit, short)


def _letters_may_match(words: list[str], folded: str) -> bool:
    """Whether a letter token may match, given the look-alike-folded words of all the inputs.

    A word of 3 or more letters is tested as it is; a shorter one only as the start of the words
    joined from it (the first 3 letters of a joined token come from its first words).
    """
    for index, word in enumerate(words):
        if word in folded and (len(word) >= MIN_SHORT_TOKEN or "".join(words[index : index + 3])[:3] in folded):
            return True
    return False


def plain_texts(items: tuple[str, ...]) -> tuple[str, ...]:
    """The inputs as plain ``str``: a subclass's own methods never decide what passkit reads.

    :func:`context_hit` takes inputs that only ``"\\n".join`` has checked (it accepts ``str``
    subclasses); the paths that call the inputs' methods read them through this.
    """
    for item in items:
        if item.__class__ is not str:
            return tuple([str.__str__(text) for text in items])
    return items


def _birthday_may_match(items: tuple[str, ...], casefolded: str) -> bool:
    """Whether a birthday token of a text without letters that reads as a date may match."""
    for item in items:
        if "@" not in item and item.lower() == item.upper() and _may_be_birthday(_runs(item, _DIGIT_WORDS), casefolded):
            return True
    return False


# Every ``MMDD`` and ``DDMM`` of a date: a birthday token that is not the year holds one of them.
_CALENDAR_WINDOWS = frozenset(
    form
    for month in range(1, 13)
    for day in range(1, 32)
    for form in (f"{month:02d}{day:02d}", f"{day:02d}{month:02d}")
)


def _match_inputs(
    casefolded: str,
    folded: str,
    items: tuple[str, ...],
    digit_runs: list[str],
    windows: list[str],
    *,
    letters: bool,
    other_digits: bool,
    birthdays: bool,
) -> str | None:
    """:func:`context_hit` once the quick tests left some categories of tokens possible.

    Args:
        casefolded: the password, NFKC-normalized and case-folded.
        folded: ``casefolded`` with look-alikes folded.
        items: the validated user inputs.
        digit_runs: the password's runs of 4 or more digits.
        windows: the password's pieces of 4 digits in a row.
        letters: whether letter tokens may match.
        other_digits: whether digit tokens other than birthdays' may match.
        birthdays: whether birthday tokens may match.
    """
    runs = digit_runs if other_digits else []
    hits: list[_InputHit] = []
    for item in items:
        if item.isascii():
            if "@" in item:
                if letters:
                    hit = _email_hit(item.strip(), casefolded, folded, runs)
                elif runs and not _ASCII_DIGITS.isdisjoint(item):
                    hit = _digits_hit("email", item, casefolded)  # no letter token can match
                else:
                    continue
            elif item.lower() == item.upper():  # no ASCII letter: only digit tokens
                if not (runs or (birthdays and digit_runs)):
                    continue
                hit = _numbers_hit(item.strip(), casefolded, windows)
            elif not letters:  # no letter token can match
                if not runs or _ASCII_DIGITS.isdisjoint(item):
                    continue
                hit = _digits_hit("name", item, casefolded)
            else:
                skeletons = item.encode("ascii").translate(_SKELETON_WORDS).decode("ascii").split()
                # Every letter token holds one of the words (the words joined hold them all), and
                # every digit token needs a digit.
                for word in skeletons:
                    if word in folded:
                        break
                else:
                    if not runs or _ASCII_DIGITS.isdisjoint(item):
                        continue
                hit = _name_hit(item, skeletons, casefolded, folded, runs)
        else:
            hit = _general_hit(item, casefolded, folded, bool(digit_runs))
        if hit is not None:
            hits.append(hit)
    if not hits:
        return None
    best, kind = 0, ""
    for category in range(3):  # long, then digit, then short tokens; a later one must be longer
        for hit_kind, lengths in hits:
            if lengths[category] > best:
                best, kind = lengths[category], hit_kind
    return kind


def context_hit(casefolded: str, folded: str, items: tuple[str, ...], blob: str) -> str | None:
    """The kind of the longest user-input token the password contains (the first one on a tie), or None.

    ``items`` come from :func:`validate_user_inputs` (dates already as text), ``blob`` is
    ``"\\n".join(items)``. Ties go first to letter tokens of 5 or more characters, then to digit
    tokens, then to short letter tokens, each in input order.

    Most passwords are ruled out at once by tests over all the ASCII inputs together, each a
    necessary condition for a match: a letter token holds a word of its input, or is a domain
    label (made of letters, unless ``_ODD_DOMAIN`` finds another character in a domain); the
    joined words start with their first words' letters (see :func:`_letters_may_match`); a digit
    token other than a birthday's is a piece of its input's digits run together and starts with 4
    digits in a row of the password; a birthday token holds the year (a piece of its input's
    digits), or the month and day as ``MMDD`` or ``DDMM`` (see ``_CALENDAR_WINDOWS``). Otherwise
    ASCII text is matched from the password's side without building its tokens, and other inputs
    are expanded into tokens (memoized per input).
    """
    digit_runs = _DIGIT_RUNS.findall(casefolded)  # the password's runs of 4 or more digits
    # Every 4 digits in a row of the password (a year is the most common run: it is its own window).
    if not digit_runs or (len(digit_runs) == 1 and len(digit_runs[0]) == MIN_DIGIT_TOKEN):
        windows = digit_runs
    else:
        windows = [run[start : start + MIN_DIGIT_TOKEN] for run in digit_runs for start in range(len(run) - 3)]
    if not blob.isascii():
        return _match_inputs(
            casefolded, folded, plain_texts(items), digit_runs, windows, letters=True, other_digits=True, birthdays=True
        )
    raw = blob.encode("ascii")
    words = raw.translate(_SKELETON_WORDS).decode("ascii").split()
    letters = False
    for word in words:
        if word in folded:
            letters = len(word) >= MIN_SHORT_TOKEN or _letters_may_match(words, folded)
            break
    if not letters and "@" in blob:
        # A domain label with other characters than letters is a token the words do not cover. The
        # regex reads each line's domains; an input holding a line break of its own (more breaks
        # than between the inputs) may hide a label on a later line, so it is read in full.
        letters = _ODD_DOMAIN.search(blob) is not None or blob.count("\n") >= len(items)
    digits = birthdays = False
    if windows:
        blob_digits = raw.translate(None, _NOT_DIGITS).decode("ascii")
        for window in windows:
            if window in blob_digits:
                digits = birthdays = True
                break
        else:
            # A year is a piece of its input's digits (tested just above); a month and day are not.
            birthdays = not _CALENDAR_WINDOWS.isdisjoint(windows) and _birthday_may_match(
                plain_texts(items), casefolded
            )
    if not (letters or digits or birthdays):
        return None
    return _match_inputs(
        casefolded,
        folded,
        plain_texts(items),
        digit_runs,
        windows,
        letters=letters,
        other_digits=digits,
        birthdays=birthdays,
    )
