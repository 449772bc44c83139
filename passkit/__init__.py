"""passkit: password policy checking, generation and strength scoring, at home in English and Japanese.

The public surface is what this module exports (see ``__all__``) plus the public submodules
:mod:`passkit.policies` and :mod:`passkit.exceptions`.

Example:
    >>> import passkit
    >>> passkit.check("kx7Qm2").ok
    True
"""

from __future__ import annotations

from passkit import exceptions, policies
from passkit._charclass import CharClass
from passkit._check import CheckResult, Finding, Violation, check
from passkit._generate import Generator, generate
from passkit._policy import Policy

__all__ = [
    "CharClass",
    "CheckResult",
    "Finding",
    "Generator",
    "Policy",
    "Violation",
    "__version__",
    "check",
    "exceptions",
    "generate",
    "policies",
]

__version__ = "0.1.0"
