"""Character classes of the Password Rules syntax: named classes and custom ``[...]`` sets."""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

from passkit.exceptions import PolicyError

__all__ = ["CharClass"]

_ASCII_PRINTABLE = frozenset(chr(c) for c in range(0x20, 0x7F))
_UPPER = frozenset(string.ascii_uppercase)
_LOWER = frozenset(string.ascii_lowercase)
_DIGIT = frozenset(string.digits)
# Apple's "special": every printable ASCII character that is not a letter or digit, space included.
_SPECIAL = _ASCII_PRINTABLE - _UPPER - _LOWER - _DIGIT

NAMED: dict[str, frozenset[str]] = {
    "upper": _UPPER,
    "lower": _LOWER,
    "digit": _DIGIT,
    "special": _SPECIAL,
    "ascii-printable": _ASCII_PRINTABLE,
}
# Canonical order of the named classes in formatted rules.
_ORDER = ("upper", "lower", "digit", "special")


def is_unicode_member(ch: str) -> bool:
    """Whether ``ch`` belongs to the ``unicode`` class: any code point but controls and surrogates."""
    if ch.isprintable() or ch == " ":
        return True
    category = unicodedata.category(ch)
    return category not in ("Cc", "Cs")


@dataclass(frozen=True, slots=True)
class CharClass:
    """A set of characters as the Password Rules syntax names it.

    Either a finite set of characters (the named classes ``upper``, ``lower``, ``digit``,
    ``special``, ``ascii-printable`` and custom ``[...]`` classes, which hold printable ASCII
    unless parsed with ``non_ascii=True``), or ``unicode``: every code point except control
    characters (category Cc) and lone surrogates.

    Two classes are equal when they hold the same characters, however they were written.

    Example:
        >>> from passkit import CharClass
        >>> CharClass.from_rules("upper, [-@]").to_rules()
        'upper, [-@]'
        >>> "Q" in CharClass.from_rules("upper")
        True
        >>> CharClass.from_rules("[abcdefghijklmnopqrstuvwxyz]") == CharClass.from_rules("lower")
        True
    """

    chars: frozenset[str] = frozenset()
    unicode: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.chars, frozenset):
            raise TypeError(f"chars must be a frozenset of str, not {type(self.chars).__name__}")
        if not isinstance(self.unicode, bool):
            raise TypeError(f"unicode must be a bool, not {type(self.unicode).__name__}")
        if self.unicode:
            object.__setattr__(self, "chars", frozenset())
            return
        bad = [
            c
            for c in self.chars
            if not (isinstance(c, str) and len(c) == 1 and (c in _ASCII_PRINTABLE or is_unicode_member(c)))
        ]
        if bad:
            raise PolicyError(
                f"a character class holds {len(bad)} value(s) that are not single characters"
                " (control characters and lone surrogates are never allowed)"
            )
        if not self.chars:
            raise PolicyError("a character class must hold at least one character")

    @classmethod
    def named(cls, name: str) -> CharClass:
        """Return the named class ``upper``, ``lower``, ``digit``, ``special``, ``ascii-printable`` or ``unicode``.

        Example:
            >>> len(CharClass.named("special").chars)
            33
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        key = name.lower()
        if key == "unicode":
            return cls(unicode=True)
        if key not in NAMED:
            raise PolicyError(
                f"unknown character class {name!r}; use one of upper, lower, digit, special, ascii-printable, unicode"
            )
        return cls(NAMED[key])

    @classmethod
    def from_rules(cls, text: str, *, non_ascii: bool = False) -> CharClass:
        """Parse a class list as written after ``required:`` or ``allowed:``, as their union.

        Args:
            text: a class list such as ``"upper, digit, [-@]"``.
            non_ascii: keep non-ASCII characters inside ``[...]`` instead of raising.

        Raises:
            RulesSyntaxError: the text is not a valid class list.
        """
        from passkit._rules import parse_class_list  # noqa: PLC0415 (_rules imports this module)

        return cls.union_of(parse_class_list(text, non_ascii=non_ascii))

    @classmethod
    def union_of(cls, classes: tuple[CharClass, ...] | list[CharClass]) -> CharClass:
        """Return the union of several classes (at least one)."""
        if not classes:
            raise ValueError("union_of needs at least one class")
        if any(c.unicode for c in classes):
            return cls(unicode=True)
        chars: frozenset[str] = frozenset().union(*(c.chars for c in classes))
        return cls(chars)

    def __contains__(self, ch: object) -> bool:
        if not isinstance(ch, str):
            return False
        if self.unicode:
            return len(ch) == 1 and is_unicode_member(ch)
        return ch in self.chars

    def intersects(self, text: str) -> bool:
        """Whether at least one character of ``text`` is in this class."""
        if self.unicode:
            return any(is_unicode_member(ch) for ch in text)
        return not self.chars.isdisjoint(text)

    def count_outside(self, text: str) -> int:
        """How many characters of ``text`` (with repeats) are not in this class."""
        if self.unicode:
            return 0 if text.isprintable() else sum(1 for ch in text if not is_unicode_member(ch))
        if self.chars.issuperset(text):
            return 0
        chars = self.chars
        return sum(1 for ch in text if ch not in chars)

    def issuperset(self, other: CharClass) -> bool:
        """Whether every character of ``other`` is in this class."""
        if self.unicode:
            return True
        return not other.unicode and self.chars >= other.chars

    def to_rules(self) -> str:
        """Format as canonical Password Rules class list (named classes first, then ``[...]``)."""
        if self.unicode:
            return "unicode"
        if self.chars == _ASCII_PRINTABLE:
            return "ascii-printable"
        parts: list[str] = []
        rest = set(self.chars)
        for name in _ORDER:
            members = NAMED[name]
            if members <= self.chars:
                parts.append(name)
                rest -= members
        if rest:
            body = "".join(sorted(rest - {"-", "]"}))
            if "-" in rest:
                body = "-" + body
            if "]" in rest:
                body = body + "]"
            parts.append(f"[{body}]")
        return ", ".join(parts)

    def __repr__(self) -> str:
        return f"CharClass.from_rules({self.to_rules()!r})"
