"""PINs, one-time codes and recovery codes, each exactly uniform with exact entropy.

- :class:`PinGenerator` / :func:`pin`: ``length`` digits, optionally avoiding repeats, runs and
  dates (the exact definition is in :class:`PinGenerator`); the entropy is counted after the
  exclusion.
- :func:`one_time_code`: uniform digits for codes that are sent to a person and typed back once.
- :class:`RecoveryCodeGenerator` / :func:`recovery_codes`: Crockford base32 groups such as
  ``7K3Q-XM0D-4ZRA``, at least 50 bits each, and :func:`parse_recovery_code`, which reads back
  what a person types (full-width, lower case, ``I``/``L`` for ``1``, ``O`` for ``0``, spaces).
"""

from __future__ import annotations

import base64
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from passkit._csprng import randbelow_many, token_bytes
from passkit._wordlists import lazy
from passkit.exceptions import OptionError, RecoveryCodeError

__all__ = [
    "PinGenerator",
    "RecoveryCodeGenerator",
    "one_time_code",
    "parse_recovery_code",
    "pin",
    "recovery_codes",
]

MAX_PIN_LENGTH = 64
MIN_RECOVERY_BITS = 50
MAX_RECOVERY_CHARS = 128

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Douglas Crockford's base32 digits: 0-9 and A-Z without I, L, O and U."""


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return value


def _check_n(n: object) -> int:
    n = _check_int("n", n)
    if n < 0:
        raise OptionError(f"n must be zero or more, got {n}")
    return n


# --- PINs -------------------------------------------------------------------------------------


def _proper_divisors(length: int) -> list[int]:
    return [p for p in range(1, length) if length % p == 0]


def _mobius(n: int) -> int:
    result, p = 1, 2
    while p * p <= n:
        if n % p == 0:
            n //= p
            if n % p == 0:
                return 0
            result = -result
        p += 1
    return -result if n > 1 else result


def _repeat_count(length: int) -> int:
    """How many digit strings of ``length`` are a shorter block repeated (Mobius inversion)."""
    primitive = sum(_mobius(d) * 10 ** (length // d) for d in range(1, length + 1) if length % d == 0)
    return int(10**length - primitive)


def _is_repeat(pin: str, divisors: tuple[int, ...]) -> bool:
    length = len(pin)
    return any(pin == pin[:p] * (length // p) for p in divisors)


def _runs(length: int) -> frozenset[str]:
    """Ascending and descending runs by step 1, without wrapping from 9 to 0."""
    digits = "0123456789"
    ascending = {digits[i : i + length] for i in range(11 - length)}
    return frozenset(ascending | {run[::-1] for run in ascending})


def _month_days(leap: bool) -> list[tuple[str, str]]:
    """``(MM, DD)`` of every day of a year, as two-digit strings."""
    lengths = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return [(f"{m:02d}", f"{d:02d}") for m, days in enumerate(lengths, start=1) for d in range(1, days + 1)]


def _build_dates(length: int) -> frozenset[str]:
    """Digit strings of ``length`` (4, 6 or 8) that read as a date (see ``PinGenerator``)."""
    if length == 4:
        found = {text for month, day in _month_days(True) for text in (month + day, day + month)}
        return frozenset(found | {str(year) for year in range(1900, 2100)})
    found = set()
    for year in range(1900, 2100):
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        y = f"{year % 100:02d}" if length == 6 else str(year)
        for month, day in _month_days(leap):
            found.update((y + month + day, day + month + y, month + day + y))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class _Exclusion:
    """The patterns excluded at one length: listed strings (runs, dates) and the repeat periods."""

    listed: frozenset[str]
    divisors: tuple[int, ...]
    excluded: int

    def __contains__(self, pin: object) -> bool:
        return pin in self.listed or (isinstance(pin, str) and _is_repeat(pin, self.divisors))


def _build_exclusion(length: int) -> _Exclusion:
    listed = _runs(length) | (_build_dates(length) if length in (4, 6, 8) else frozenset())
    divisors = tuple(_proper_divisors(length))
    # Repeats are counted by formula; listed strings that are also repeats are not counted twice.
    excluded = _repeat_count(length) + sum(1 for text in listed if not _is_repeat(text, divisors))
    return _Exclusion(listed, divisors, excluded)


def _exclusion_loader(length: int) -> Callable[[], _Exclusion]:
    return lazy(lambda: _build_exclusion(length))


# Built on first use of a length, once, behind a lock (about 0.1 s for 6 and 8 digits, which list
# about 84,000 and 200,000 dates).
_EXCLUSIONS = {length: _exclusion_loader(length) for length in range(2, MAX_PIN_LENGTH + 1)}


class PinGenerator:
    """Generates numeric PINs, exactly uniform, optionally avoiding guessable patterns.

    With ``exclude_patterns=True`` a PIN of ``length`` digits is never:

    - a **repeat**: a shorter block repeated to fill the length, that is the PIN has period ``p``
      for a divisor ``p`` of ``length`` below ``length``. This covers one digit throughout
      (``000000``), repeated pairs (``121212``, ``1212``), halves (``123123``, ``12341234``) and
      thirds (``121212`` again, ``123123123``);
    - a **run**: every digit one more than the one before (``012345``, ``1234``) or one less
      (``987654``, ``4321``); ``9`` is not followed by ``0``, so ``8901`` is not a run;
    - a **date** (only for 4, 6 and 8 digits): with 4 digits ``MMDD`` or ``DDMM`` of any day of a
      leap year (``0229`` and ``2902`` included), or a year ``1900``-``2099``; with 6 digits
      ``YYMMDD``, ``DDMMYY`` or ``MMDDYY`` and with 8 digits ``YYYYMMDD``, ``DDMMYYYY`` or
      ``MMDDYYYY``, of any real calendar day from 1900-01-01 to 2099-12-31 (``YY`` being the last
      two digits of the year, so ``000229`` is 29 February 2000).

    PINs are drawn uniformly from all ``10**length`` digit strings and the excluded ones are
    redrawn, so the result is exactly uniform over the rest and ``entropy_bits`` is
    ``log2(10**length - excluded)``. The excluded count is exact: repeats are counted by Mobius
    inversion, runs and dates are listed and those that are also repeats are not counted twice.

    Args:
        length: number of digits, 1 to 64 (2 or more with ``exclude_patterns``).
        exclude_patterns: leave out repeats, runs and dates as defined above.

    Attributes:
        entropy_bits: exactly log2 of the number of equally likely PINs.
        length: number of digits.
        excluded: how many of the ``10**length`` digit strings are left out (0 without exclusion).

    Raises:
        TypeError: an option has the wrong type.
        OptionError: ``length`` is out of range.

    Example:
        >>> gen = PinGenerator(6, exclude_patterns=True)
        >>> gen.excluded, round(gen.entropy_bits, 3)
        (85045, 19.803)
        >>> len(gen.generate())
        6
        >>> PinGenerator(4).entropy_bits == math.log2(10_000)
        True
    """

    __slots__ = ("_count", "_exclude", "_exclusion", "_length")

    def __init__(self, length: int = 6, *, exclude_patterns: bool = False) -> None:
        length = _check_int("length", length)
        if not isinstance(exclude_patterns, bool):
            raise TypeError(f"exclude_patterns must be a bool, not {type(exclude_patterns).__name__}")
        if not 1 <= length <= MAX_PIN_LENGTH:
            raise OptionError(f"length must be from 1 to {MAX_PIN_LENGTH}, got {length}")
        if exclude_patterns and length < 2:
            raise OptionError("exclude_patterns needs a length of 2 or more: every 1-digit PIN is one digit repeated")
        self._length = length
        self._exclude = exclude_patterns
        self._exclusion = _EXCLUSIONS[length]() if exclude_patterns else None
        self._count = 10**length - (self._exclusion.excluded if self._exclusion else 0)

    @property
    def entropy_bits(self) -> float:
        """Exactly log2 of the number of equally likely PINs."""
        return math.log2(self._count)

    @property
    def length(self) -> int:
        """Number of digits of every PIN."""
        return self._length

    @property
    def excluded(self) -> int:
        """How many digit strings of this length are never generated."""
        return int(10**self._length - self._count)

    def __repr__(self) -> str:
        return f"PinGenerator({self._length}, exclude_patterns={self._exclude}, entropy_bits={self.entropy_bits:.2f})"

    def is_excluded(self, pin: str) -> bool:
        """Whether this generator never produces ``pin`` (a digit string of its length).

        Example:
            >>> gen = PinGenerator(4, exclude_patterns=True)
            >>> [gen.is_excluded(p) for p in ("1234", "1212", "1225", "1987", "5831")]
            [True, True, True, True, False]
        """
        if not isinstance(pin, str):
            raise TypeError(f"pin must be a str, not {type(pin).__name__}")
        if len(pin) != self._length or not (pin.isascii() and pin.isdigit()):
            raise OptionError(f"pin must be {self._length} ASCII digits")
        return self._exclusion is not None and pin in self._exclusion

    def generate(self) -> str:
        """Return one PIN.

        Example:
            >>> pin_text = PinGenerator(8).generate()
            >>> len(pin_text), pin_text.isdigit()
            (8, True)
        """
        return self.generate_many(1)[0]

    def generate_many(self, n: int) -> list[str]:
        """Return ``n`` independent PINs (repeats between them are possible, as with dice).

        Example:
            >>> [len(p) for p in PinGenerator(4, exclude_patterns=True).generate_many(3)]
            [4, 4, 4]
        """
        n = _check_n(n)
        length = self._length
        out: list[str] = []
        while len(out) < n:
            need = n - len(out)
            # Draw a quarter more when some are excluded (28% are for 2 digits, under 9% from 3 on).
            drawn = [f"{v:0{length}d}" for v in randbelow_many(10**length, need + (need >> 2 if self._exclude else 0))]
            if self._exclusion is not None:
                exclusion = self._exclusion
                drawn = [text for text in drawn if text not in exclusion]
            out.extend(drawn)
        del out[n:]
        return out


def pin(length: int = 6, *, exclude_patterns: bool = False) -> str:
    """Return one PIN of ``length`` digits; options as for :class:`PinGenerator`.

    Example:
        >>> len(pin()), len(pin(4, exclude_patterns=True))
        (6, 4)
    """
    return PinGenerator(length, exclude_patterns=exclude_patterns).generate()


def one_time_code(digits: int = 6) -> str:
    """Return a one-time code: ``digits`` uniform random digits (``10**digits`` equally likely codes).

    For OTP-style codes that a service sends (by e-mail or SMS) and the person types back once,
    checked for a short time with a limit on attempts. Leading zeros are kept, so compare codes as
    strings. Not for time-based authenticator apps (those derive codes from a shared key, RFC 6238)
    and not for PINs a person keeps (see :class:`PinGenerator`). Entropy:
    ``digits * log2(10)`` bits (19.93 for 6 digits).

    Args:
        digits: number of digits, 4 to 12.

    Raises:
        TypeError: ``digits`` is not an int.
        OptionError: ``digits`` is out of range.

    Example:
        >>> code = one_time_code()
        >>> len(code), code.isdigit()
        (6, True)
    """
    digits = _check_int("digits", digits)
    if not 4 <= digits <= 12:
        raise OptionError(f"digits must be from 4 to 12, got {digits}")
    return f"{randbelow_many(10**digits, 1)[0]:0{digits}d}"


# --- Recovery codes ---------------------------------------------------------------------------

# base64.b32encode digits in value order, to translate into Crockford's digits.
_RFC4648_TO_CROCKFORD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", CROCKFORD_ALPHABET.encode("ascii"))
# What a person may type for each code character (after NFKC), upper-cased.
_READ_AS = {ch: ch for ch in CROCKFORD_ALPHABET} | {"I": "1", "L": "1", "O": "0"}
# Separators a person may type between groups; all are ignored. Whitespace is ignored as well.
_IGNORED = frozenset("_\u2212\u30fc")  # underscore, minus sign, katakana prolonged sound mark


def _check_layout(groups: object, group_size: object) -> tuple[int, int]:
    groups = _check_int("groups", groups)
    group_size = _check_int("group_size", group_size)
    if groups < 1 or group_size < 1:
        raise OptionError("groups and group_size must be at least 1")
    chars = groups * group_size
    if chars * 5 < MIN_RECOVERY_BITS:
        raise OptionError(
            f"a recovery code needs at least {MIN_RECOVERY_BITS} bits: groups * group_size must be 10 or more"
            f" (5 bits per character), got {chars}; for example groups=3, group_size=4"
        )
    if chars > MAX_RECOVERY_CHARS:
        raise OptionError(f"groups * group_size must be at most {MAX_RECOVERY_CHARS}, got {chars}")
    return groups, group_size


def _format(code: str, group_size: int) -> str:
    return "-".join(code[i : i + group_size] for i in range(0, len(code), group_size))


class RecoveryCodeGenerator:
    """Generates recovery codes: Crockford base32 characters in groups, such as ``7K3Q-XM0D-4ZRA``.

    Each character is one of the 32 of :data:`CROCKFORD_ALPHABET` (no ``I``, ``L``, ``O``, ``U``),
    so a code carries exactly ``5 * groups * group_size`` bits (60 for 3 groups of 4), at least 50.
    Every code is exactly uniform over the ``32 ** (groups * group_size)`` codes.

    :meth:`generate_many` returns *distinct* codes, since a set of recovery codes with a repeat
    would hold fewer usable codes than promised: a code equal to an earlier one of the same call is
    redrawn (with 60 bits, fewer than one call in 10**16 of ten codes ever needs it). The list is then a
    uniformly random ordered selection without replacement. Each code on its own is still exactly
    uniform with ``entropy_bits`` bits; the list of ``n`` codes together has
    ``log2(M * (M - 1) * ... * (M - n + 1))`` bits for ``M = 2 ** entropy_bits``, a hair under
    ``n * entropy_bits``.

    Args:
        groups: number of groups.
        group_size: characters per group; ``groups * group_size`` must be 10 to 128.

    Attributes:
        entropy_bits: exactly log2 of the number of equally likely codes.

    Raises:
        TypeError: an option has the wrong type.
        OptionError: the layout gives fewer than 50 bits or more than 128 characters.

    Example:
        >>> gen = RecoveryCodeGenerator()
        >>> gen.entropy_bits
        60.0
        >>> code = gen.generate()
        >>> [len(group) for group in code.split("-")]
        [4, 4, 4]
        >>> parse_recovery_code(code.lower()) == code
        True
    """

    __slots__ = ("_blocks", "_chars", "_group_size", "_groups")

    def __init__(self, *, groups: int = 3, group_size: int = 4) -> None:
        self._groups, self._group_size = _check_layout(groups, group_size)
        self._chars = self._groups * self._group_size
        self._blocks = -(-self._chars // 8)  # 40-bit blocks (8 characters, 5 bytes) per code

    @property
    def entropy_bits(self) -> float:
        """Exactly log2 of the number of equally likely codes: 5 bits per character."""
        return float(5 * self._chars)

    def __repr__(self) -> str:
        return f"RecoveryCodeGenerator(groups={self._groups}, group_size={self._group_size})"

    def generate(self) -> str:
        """Return one recovery code.

        Example:
            >>> len(RecoveryCodeGenerator(groups=4, group_size=5).generate())
            23
        """
        return self.generate_many(1)[0]

    def generate_many(self, n: int) -> list[str]:
        """Return ``n`` distinct recovery codes, each exactly uniform (see the class notes).

        Example:
            >>> codes = RecoveryCodeGenerator().generate_many(10)
            >>> len(set(codes))
            10
        """
        n = _check_n(n)
        chars, step = self._chars, 8 * self._blocks
        seen: set[str] = set()
        out: list[str] = []
        while len(out) < n:
            need = n - len(out)
            # Every bit of the random bytes is uniform, so each 5-bit base32 digit is too; the
            # digits past ``chars`` in a code's last block are dropped.
            text = base64.b32encode(token_bytes(5 * self._blocks * need)).translate(_RFC4648_TO_CROCKFORD)
            for i in range(need):
                code = text[i * step : i * step + chars].decode("ascii")
                if code not in seen:
                    seen.add(code)
                    out.append(code)
        return [_format(code, self._group_size) for code in out]


def recovery_codes(count: int = 10, *, groups: int = 3, group_size: int = 4) -> list[str]:
    """Return ``count`` distinct recovery codes such as ``7K3Q-XM0D-4ZRA``.

    Options as for :class:`RecoveryCodeGenerator`; each code has ``5 * groups * group_size`` bits
    (60 by default). Store only a hash of each code, and read typed codes back with
    :func:`parse_recovery_code`.

    Example:
        >>> codes = recovery_codes(8)
        >>> len(codes), len(set(codes)), all(len(code) == 14 for code in codes)
        (8, 8, True)
    """
    count = _check_int("count", count)
    if count < 1:
        raise OptionError(f"count must be at least 1, got {count}")
    return RecoveryCodeGenerator(groups=groups, group_size=group_size).generate_many(count)


def parse_recovery_code(text: str, *, groups: int = 3, group_size: int = 4) -> str:
    """Read back a recovery code as a person typed it; return its canonical form ``XXXX-XXXX-XXXX``.

    Each character is NFKC-normalised (full-width ``ＡＢ１`` reads as ``AB1``) and upper-cased;
    ``I`` and ``L`` read as ``1`` and ``O`` as ``0``; whitespace (including the ideographic space),
    hyphens and dashes (Unicode category Pd, the minus sign U+2212, the katakana prolonged sound
    mark U+30FC ``ー``) and underscores are ignored wherever they are. What remains must be exactly
    ``groups * group_size`` characters of :data:`CROCKFORD_ALPHABET`; ``U`` and anything else is
    an error. Errors never contain the text: they give its length or the position of the first
    character that cannot be part of a code.

    Args:
        text: what the person typed.
        groups: number of groups of the codes you issued.
        group_size: characters per group of the codes you issued.

    Returns:
        The canonical code: upper case, grouped with ``-``, to compare with the issued codes.

    Raises:
        TypeError: ``text`` is not a str (or an option has the wrong type).
        OptionError: the layout is invalid, as for :class:`RecoveryCodeGenerator`.
        RecoveryCodeError: the text is not a recovery code of this layout.

    Example:
        >>> parse_recovery_code("7k3q xmod 4zra")
        '7K3Q-XM0D-4ZRA'
        >>> parse_recovery_code("７Ｋ３Ｑ－ＸＭ０Ｄ－４ＺＲＡ")
        '7K3Q-XM0D-4ZRA'
        >>> parse_recovery_code("i1l1-0o00-abcd")
        '1111-0000-ABCD'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    groups, group_size = _check_layout(groups, group_size)
    chars = groups * group_size
    found: list[str] = []
    for position, raw in enumerate(text, start=1):
        for ch in unicodedata.normalize("NFKC", raw):
            if ch.isspace() or ch == "-" or ch in _IGNORED or unicodedata.category(ch) == "Pd":
                continue
            value = _READ_AS.get(ch.upper()) if ch.isascii() else None
            if value is None:
                raise RecoveryCodeError(
                    f"character {position} cannot be part of a recovery code: codes hold only digits and the"
                    " letters A-Z without I, L, O and U (type I or L as 1 and O as 0); spaces and hyphens are"
                    " ignored"
                )
            found.append(value)
    if len(found) != chars:
        raise RecoveryCodeError(
            f"a recovery code has {chars} letters and digits, but {len(found)} were typed: check for a"
            " missing or extra character"
        )
    return _format("".join(found), group_size)
