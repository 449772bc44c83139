"""The immutable Policy value and its conversion from and to Password Rules text."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from passkit._charclass import NAMED, CharClass
from passkit._rules import FORBID_CHECKS, MAX_INTEGER, parse_rules
from passkit.exceptions import PolicyError

__all__ = ["Policy", "resolve_policy"]

_ASCII_PRINTABLE = CharClass(NAMED["ascii-printable"])


def _check_int(name: str, value: object, minimum: int, maximum: int, *, optional: bool) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        kind = "an int or None" if optional else "an int"
        raise TypeError(f"{name} must be {kind}, not {type(value).__name__}")
    if not minimum <= value <= maximum:
        raise PolicyError(f"{name} must be from {minimum} to {maximum}, got {value}")


@dataclass(frozen=True, slots=True)
class Policy:
    """An immutable password policy.

    Built from Password Rules text with :meth:`from_rules`, taken from :mod:`passkit.policies`, or
    constructed directly. Equal policies accept exactly the same passwords: required classes are
    kept sorted and de-duplicated, and ``allowed`` always holds every required class (as in Apple's
    semantics, characters of required classes are allowed even where ``allowed`` does not name them).

    Rules text and the constructor differ in one default, as in Apple's parser: text with
    ``required`` but no ``allowed`` allows only the required classes, while the constructor's
    ``allowed`` defaults to printable ASCII.

    Attributes:
        min_length: fewest code points (after NFKC normalization).
        max_length: most code points, or ``None`` for no limit.
        max_consecutive: longest run of one repeated character, or ``None`` for no limit.
        required: classes the password must each draw at least one character from.
        allowed: every character the password may contain (default printable ASCII).
        forbid: passkit checks to run: ``"common"`` (blocklist of common passwords),
            ``"context"`` (the user's name, email, phone, birthday) and ``"previous"``
            (equal or near-equal to a previous password).
        min_strength: lowest acceptable strength score 0-4, or ``None``.

    Example:
        >>> from passkit import Policy
        >>> policy = Policy.from_rules("minlength: 8; required: upper; required: digit, special;")
        >>> policy.min_length
        8
        >>> policy.to_rules()
        'minlength: 8; required: digit, special; required: upper; allowed: upper, digit, special;'
        >>> Policy.from_rules(policy.to_rules()) == policy
        True
    """

    min_length: int = 0
    max_length: int | None = None
    max_consecutive: int | None = None
    required: tuple[CharClass, ...] = ()
    allowed: CharClass = field(default=_ASCII_PRINTABLE)
    forbid: frozenset[str] = frozenset()
    min_strength: int | None = None

    def __post_init__(self) -> None:
        _check_int("min_length", self.min_length, 0, MAX_INTEGER, optional=False)
        _check_int("max_length", self.max_length, 1, MAX_INTEGER, optional=True)
        _check_int("max_consecutive", self.max_consecutive, 1, MAX_INTEGER, optional=True)
        _check_int("min_strength", self.min_strength, 0, 4, optional=True)
        if self.max_length is not None and self.min_length > self.max_length:
            raise PolicyError(
                f"min_length {self.min_length} is above max_length {self.max_length};"
                " lower min_length or raise max_length"
            )
        if not isinstance(self.required, tuple) or not all(isinstance(c, CharClass) for c in self.required):
            raise TypeError("required must be a tuple of CharClass")
        if not isinstance(self.allowed, CharClass):
            raise TypeError(f"allowed must be a CharClass, not {type(self.allowed).__name__}")
        if not isinstance(self.forbid, frozenset) or not all(isinstance(f, str) for f in self.forbid):
            raise TypeError("forbid must be a frozenset of str")
        unknown = sorted(self.forbid - set(FORBID_CHECKS))
        if unknown:
            raise PolicyError(f"unknown forbid check(s) {unknown}; use {', '.join(FORBID_CHECKS)}")
        required = tuple(sorted(set(self.required), key=CharClass.to_rules))
        object.__setattr__(self, "required", required)
        object.__setattr__(self, "allowed", CharClass.union_of([self.allowed, *required]))

    @classmethod
    def from_rules(cls, text: str, *, non_ascii: bool = False) -> Policy:
        """Parse Apple's Password Rules syntax (with passkit's extensions) strictly.

        A property given twice merges as the stricter value: the larger ``minlength``, the smaller
        ``maxlength`` and ``max-consecutive``, the union of ``forbid``; each ``required`` adds a
        rule. Without any ``required`` or ``allowed``, printable ASCII is allowed.

        Args:
            text: rules such as ``"minlength: 8; required: upper; allowed: lower, digit;"``.
            non_ascii: keep non-ASCII characters inside custom ``[...]`` classes instead of
                raising (five of Apple's 434 published rules use them; Apple's own parser
                silently drops them).

        Returns:
            The policy.

        Raises:
            TypeError: ``text`` is not a ``str``.
            RulesSyntaxError: the text does not parse; the error names the position.

        Example:
            >>> Policy.from_rules("minlength: 10; maxlength: 6")
            Traceback (most recent call last):
            ...
            passkit.exceptions.RulesSyntaxError: Password Rules syntax error at position 15: minlength 10 is above ...
        """
        if isinstance(text, str) and len(text) <= _CACHE_TEXT_LIMIT:
            return _from_rules_cached(text, non_ascii)
        return _from_rules(text, non_ascii)

    def to_rules(self) -> str:
        """Format as canonical Password Rules text; ``Policy.from_rules(p.to_rules()) == p``.

        Example:
            >>> Policy.from_rules("required: DIGIT; minlength: 4; MINLENGTH: 6").to_rules()
            'minlength: 6; required: digit; allowed: digit;'
        """
        parts: list[str] = []
        if self.min_length:
            parts.append(f"minlength: {self.min_length}")
        if self.max_length is not None:
            parts.append(f"maxlength: {self.max_length}")
        if self.max_consecutive is not None:
            parts.append(f"max-consecutive: {self.max_consecutive}")
        parts.extend(f"required: {c.to_rules()}" for c in self.required)
        parts.append(f"allowed: {self.allowed.to_rules()}")
        if self.forbid:
            parts.append("forbid: " + ", ".join(c for c in FORBID_CHECKS if c in self.forbid))
        if self.min_strength is not None:
            parts.append(f"min-strength: {self.min_strength}")
        return "; ".join(parts) + ";"

    def __repr__(self) -> str:
        text = self.to_rules()
        extra = "" if text.isascii() else ", non_ascii=True"
        return f"Policy.from_rules({text!r}{extra})"


def _from_rules(text: str, non_ascii: bool) -> Policy:
    parsed = parse_rules(text, non_ascii=non_ascii)
    return Policy(
        min_length=parsed.min_length,
        max_length=parsed.max_length,
        max_consecutive=parsed.max_consecutive,
        required=tuple(parsed.required),
        allowed=CharClass.union_of(parsed.allowed) if parsed.allowed else _ASCII_PRINTABLE,
        forbid=parsed.forbid,
        min_strength=parsed.min_strength,
    )


_CACHE_TEXT_LIMIT = 4096
# Policies are immutable, so parsed texts can be shared between threads; lru_cache is thread-safe.
_from_rules_cached = functools.lru_cache(maxsize=256)(_from_rules)


def resolve_policy(policy: Policy | str) -> Policy:
    """Accept a Policy, a preset name or Password Rules text (anything containing ':')."""
    if isinstance(policy, Policy):
        return policy
    if not isinstance(policy, str):
        raise TypeError(f"policy must be a Policy, a preset name or rules text, not {type(policy).__name__}")
    if ":" in policy:
        return Policy.from_rules(policy)
    from passkit import policies  # noqa: PLC0415 (policies imports this module)

    return policies.get(policy)
