"""A strict parser for Apple's Password Rules syntax, with passkit's extensions.

Grammar (whitespace allowed around every token; names are case-insensitive)::

    rules      := [ property { ";" property } [ ";" ] ]
    property   := name ":" value
    name       := minlength | maxlength | max-consecutive | required | allowed   (Apple)
                | forbid | min-strength                                          (passkit)
    value      := integer                      for the three numeric properties and min-strength
                | class { "," class }          for required and allowed
                | check { "," check }          for forbid: common, context, previous
    class      := upper | lower | digit | special | ascii-printable | unicode | "[" chars "]"

Inside ``[...]``: printable ASCII only; ``-`` only as the first character; a literal ``]`` only
as the last one, written ``]]``. Every deviation raises :class:`RulesSyntaxError` with the
position; nothing is skipped and nothing falls back to a default.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from passkit._charclass import NAMED, CharClass, is_unicode_member
from passkit.exceptions import RulesSyntaxError

__all__ = ["FORBID_CHECKS", "ParsedRules", "parse_class_list", "parse_rules"]

APPLE_PROPERTIES = ("minlength", "maxlength", "max-consecutive", "required", "allowed")
PASSKIT_PROPERTIES = ("forbid", "min-strength")
_PROPERTIES = APPLE_PROPERTIES + PASSKIT_PROPERTIES
FORBID_CHECKS = ("common", "context", "previous")
_CLASS_NAMES = (*NAMED, "unicode")
_WHITESPACE = " \t\n\r\f"
# Largest integer value accepted: far above any real policy, small enough to stay cheap.
MAX_INTEGER = 1_000_000


@dataclass(slots=True)
class ParsedRules:
    """The merged content of a rules text, before it becomes a Policy."""

    min_length: int = 0
    max_length: int | None = None
    max_consecutive: int | None = None
    required: list[CharClass] = field(default_factory=list)
    allowed: list[CharClass] | None = None  # None: no required or allowed property was given
    forbid: frozenset[str] = frozenset()
    min_strength: int | None = None
    positions: dict[str, int] = field(default_factory=dict)


class _Parser:
    def __init__(self, text: str, *, non_ascii: bool) -> None:
        self.text = text
        self.pos = 0
        self.non_ascii = non_ascii

    def fail(self, problem: str, position: int | None = None) -> RulesSyntaxError:
        return RulesSyntaxError(problem, self.pos if position is None else position)

    def skip_ws(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in _WHITESPACE:
            pos += 1
        self.pos = pos

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def describe_here(self) -> str:
        if self.at_end():
            return "end of text"
        return f"{self.text[self.pos]!r}"

    def identifier(self) -> str:
        start = self.pos
        text = self.text
        while self.pos < len(text) and text[self.pos].isascii() and (text[self.pos].isalpha() or text[self.pos] == "-"):
            self.pos += 1
        return text[start : self.pos].lower()

    def integer(self, name: str, minimum: int, maximum: int) -> int:
        start = self.pos
        text = self.text
        while self.pos < len(text) and text[self.pos] in "0123456789":
            self.pos += 1
        digits = text[start : self.pos]
        if not digits:
            raise self.fail(f"{name} needs a whole number, found {self.describe_here()}")
        if len(digits) > 7 or not minimum <= int(digits) <= maximum:
            raise self.fail(f"{name} must be a whole number from {minimum} to {maximum}", start)
        return int(digits)

    def custom_class(self) -> CharClass:
        start = self.pos
        text = self.text
        self.pos += 1  # "["
        chars: set[str] = set()
        while True:
            if self.at_end():
                raise self.fail("custom class is not closed; end it with ']'", start)
            c = text[self.pos]
            if c == "]":
                if self.pos + 1 < len(text) and text[self.pos + 1] == "]":
                    # "]]": a literal "]" as the last character, then the closing bracket.
                    chars.add("]")
                    self.pos += 2
                else:
                    self.pos += 1
                break
            if c == "-" and self.pos != start + 1:
                raise self.fail("'-' may only be the first character of a custom class", self.pos)
            if not (" " <= c <= "~") and not (self.non_ascii and is_unicode_member(c)):
                raise self.fail(
                    f"custom class holds {c!r} (U+{ord(c):04X}), which is not printable ASCII;"
                    " use the class 'unicode', or parse with non_ascii=True to keep it",
                    self.pos,
                )
            chars.add(c)
            self.pos += 1
        if not chars:
            raise self.fail("custom class '[]' is empty; list at least one character", start)
        return CharClass(frozenset(chars))

    def class_list(self) -> list[CharClass]:
        classes: list[CharClass] = []
        while True:
            self.skip_ws()
            start = self.pos
            c = self.peek()
            if c == "[":
                classes.append(self.custom_class())
            elif c.isascii() and c.isalpha():
                name = self.identifier()
                if name not in _CLASS_NAMES:
                    raise self.fail(
                        f"unknown character class {name!r}; use one of {', '.join(_CLASS_NAMES)} or [...]",
                        start,
                    )
                classes.append(CharClass.named(name))
            else:
                raise self.fail(f"expected a character class, found {self.describe_here()}")
            self.skip_ws()
            if self.peek() != ",":
                return classes
            self.pos += 1

    def forbid_list(self) -> frozenset[str]:
        checks: set[str] = set()
        while True:
            self.skip_ws()
            start = self.pos
            name = self.identifier()
            if name not in FORBID_CHECKS:
                found = repr(name) if name else self.describe_here()
                raise self.fail(f"forbid takes {', '.join(FORBID_CHECKS)}; found {found}", start)
            checks.add(name)
            self.skip_ws()
            if self.peek() != ",":
                return frozenset(checks)
            self.pos += 1

    def property_name(self) -> tuple[str, int]:
        start = self.pos
        if not (self.peek().isascii() and self.peek().isalpha()):
            raise self.fail(f"expected a property name, found {self.describe_here()}")
        name = self.identifier()
        if name not in _PROPERTIES:
            raise self.fail(f"unknown property {name!r}; use one of {', '.join(sorted(_PROPERTIES))}", start)
        self.skip_ws()
        if self.peek() != ":":
            raise self.fail(f"expected ':' after {name!r}, found {self.describe_here()}")
        self.pos += 1
        self.skip_ws()
        if self.at_end() or self.peek() == ";":
            raise self.fail(f"{name} has an empty value; give a value or remove the property")
        return name, start

    def property_value(self, name: str, start: int, result: ParsedRules) -> None:
        """Parse the value of ``name`` and merge it into ``result`` as the stricter value."""
        if name == "minlength":
            value = self.integer(name, 0, MAX_INTEGER)
            if value >= result.min_length:
                result.min_length = value
                result.positions[name] = start
        elif name == "maxlength":
            value = self.integer(name, 1, MAX_INTEGER)
            if result.max_length is None or value < result.max_length:
                result.max_length = value
                result.positions[name] = start
        elif name == "max-consecutive":
            value = self.integer(name, 1, MAX_INTEGER)
            result.max_consecutive = min(value, result.max_consecutive or value)
        elif name == "min-strength":
            value = self.integer(name, 0, 4)
            result.min_strength = max(value, result.min_strength or 0)
        elif name == "forbid":
            result.forbid = result.forbid | self.forbid_list()
        else:
            classes = self.class_list()
            if result.allowed is None:
                result.allowed = []
            if name == "required":
                result.required.append(CharClass.union_of(classes))
            result.allowed.extend(classes)

    def parse(self) -> ParsedRules:
        result = ParsedRules()
        while True:
            self.skip_ws()
            if self.at_end():
                return result
            name, start = self.property_name()
            self.property_value(name, start, result)
            self.skip_ws()
            if self.at_end():
                return result
            if self.peek() != ";":
                raise self.fail(f"expected ';' after the value of {name}, found {self.describe_here()}")
            self.pos += 1


def parse_rules(text: str, *, non_ascii: bool = False) -> ParsedRules:
    """Parse Password Rules text into merged values; raise RulesSyntaxError on any error."""
    if not isinstance(text, str):
        raise TypeError(f"rules text must be a str, not {type(text).__name__}")
    parsed = _Parser(text, non_ascii=non_ascii).parse()
    if parsed.max_length is not None and parsed.min_length > parsed.max_length:
        where = max(parsed.positions.get("minlength", 0), parsed.positions.get("maxlength", 0))
        raise RulesSyntaxError(
            f"minlength {parsed.min_length} is above maxlength {parsed.max_length}; lower minlength or raise maxlength",
            where,
        )
    return parsed


def parse_class_list(text: str, *, non_ascii: bool = False) -> list[CharClass]:
    """Parse a class list such as ``upper, digit, [-@]``."""
    if not isinstance(text, str):
        raise TypeError(f"class list must be a str, not {type(text).__name__}")
    parser = _Parser(text, non_ascii=non_ascii)
    classes = parser.class_list()
    parser.skip_ws()
    if not parser.at_end():
        raise parser.fail(f"expected ',' or the end of the class list, found {parser.describe_here()}")
    return classes
