"""passkit: password policy checking, generation and strength scoring, at home in English and Japanese.

The public surface is what this module exports (see ``__all__``) plus the public submodules
:mod:`passkit.policies`, :mod:`passkit.exceptions` and :mod:`passkit.recipes`.

Example:
    >>> import passkit
    >>> passkit.check("kx7Qm2").ok
    True
"""

from __future__ import annotations

from passkit import exceptions, policies, recipes
from passkit._charclass import CharClass
from passkit._check import CheckResult, Finding, Violation, check
from passkit._codes import (
    PinGenerator,
    RecoveryCodeGenerator,
    one_time_code,
    parse_recovery_code,
    pin,
    recovery_codes,
)
from passkit._estimate import CrackTime, CrackTimes, Estimate, Feedback, Match, estimate
from passkit._generate import Generator, generate
from passkit._mangle import Mangled, Mangler, apply_recipe, mangle, recipe_steps
from passkit._passphrase import PassphraseGenerator, passphrase
from passkit._policy import Policy
from passkit._romaji import romanize
from passkit._romaji_gen import RomajiGenerator, romaji_password

__all__ = [
    "CharClass",
    "CheckResult",
    "CrackTime",
    "CrackTimes",
    "Estimate",
    "Feedback",
    "Finding",
    "Generator",
    "Mangled",
    "Mangler",
    "Match",
    "PassphraseGenerator",
    "PinGenerator",
    "Policy",
    "RecoveryCodeGenerator",
    "RomajiGenerator",
    "Violation",
    "__version__",
    "apply_recipe",
    "check",
    "estimate",
    "exceptions",
    "generate",
    "mangle",
    "one_time_code",
    "parse_recovery_code",
    "passphrase",
    "pin",
    "policies",
    "recipe_steps",
    "recipes",
    "recovery_codes",
    "romaji_password",
    "romanize",
]

__version__ = "0.1.0"
