"""Exceptions raised by passkit.

Every error passkit raises on purpose derives from :class:`PasskitError`, which is never raised
itself. Errors about a bad *value* also derive from :class:`ValueError`, so code that already
catches ``ValueError`` keeps working. Wrong argument *types* raise the built-in ``TypeError``.
No message ever contains a password.

```text
PasskitError
 +-- PolicyError (ValueError)            a policy value is invalid
 |    +-- RulesSyntaxError               Password Rules text does not parse
 |    +-- UnknownPolicyError (LookupError) no preset has that name
 |    +-- UnsatisfiablePolicyError       no password can satisfy the policy with these options
 +-- OptionError (ValueError)            a generator option is out of range
 +-- UnsupportedLocaleError (ValueError) locale is not "en" or "ja"
 +-- KanjiError (ValueError)             text to romanise holds kanji; give the reading in kana
 +-- RecoveryCodeError (ValueError)      typed text is not a valid recovery code
```
"""

from __future__ import annotations

__all__ = [
    "KanjiError",
    "OptionError",
    "PasskitError",
    "PolicyError",
    "RecoveryCodeError",
    "RulesSyntaxError",
    "UnknownPolicyError",
    "UnsatisfiablePolicyError",
    "UnsupportedLocaleError",
]


class PasskitError(Exception):
    """Root of every error passkit raises on purpose; never raised directly."""


class PolicyError(PasskitError, ValueError):
    """A policy value is invalid (for example ``minlength`` above ``maxlength``)."""


class RulesSyntaxError(PolicyError):
    """Password Rules text does not parse.

    Attributes:
        position: 0-based offset in the rules text where the problem was found.
        problem: what is wrong and what to write instead.
    """

    def __init__(self, problem: str, position: int) -> None:
        self.problem = problem
        self.position = position
        super().__init__(f"Password Rules syntax error at position {position}: {problem}")


class UnknownPolicyError(PolicyError, LookupError):
    """No preset policy has the given name."""


class UnsatisfiablePolicyError(PolicyError):
    """No password of the requested length can satisfy the policy with the generator's options."""


class OptionError(PasskitError, ValueError):
    """A generator option is out of range (for example ``length=0``)."""


class UnsupportedLocaleError(PasskitError, ValueError):
    """The locale is not one passkit has messages for (``"en"`` or ``"ja"``)."""


class RecoveryCodeError(PasskitError, ValueError):
    """Text given to ``parse_recovery_code`` is not a valid recovery code.

    The message says what is wrong (length, or a character recovery codes never use, by position)
    and never contains the text itself.
    """


class KanjiError(PasskitError, ValueError):
    """Text given to ``romanize`` holds kanji, whose reading passkit cannot know; give it in kana.

    The message counts the kanji and never repeats the text.
    """
