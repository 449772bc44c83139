"""Preset policies, each citing its source.

Use :func:`get` with a name from :func:`names`; :func:`info` returns the preset with its summary
and source. Every function that takes a ``policy`` argument also accepts these names directly.

Example:
    >>> from passkit import policies
    >>> policies.names()
    ('amazon', 'amazon-recommended', 'nist-800-63b', 'nist-800-63b-mfa', 'owasp-asvs-l1', 'owasp-asvs-l2')
    >>> policies.get("amazon").min_length
    6
"""

from __future__ import annotations

from dataclasses import dataclass

from passkit._policy import Policy
from passkit.exceptions import UnknownPolicyError

__all__ = [
    "AMAZON",
    "AMAZON_RECOMMENDED",
    "NIST_800_63B",
    "NIST_800_63B_MFA",
    "OWASP_ASVS_L1",
    "OWASP_ASVS_L2",
    "Preset",
    "get",
    "info",
    "names",
]


@dataclass(frozen=True, slots=True)
class Preset:
    """A named policy with a one-line summary and the source it follows."""

    name: str
    policy: Policy
    summary: str
    source: str


AMAZON = Policy.from_rules("minlength: 6; allowed: ascii-printable; forbid: common, previous;")
"""Amazon's account password rule.

At least 6 characters, case-sensitive; letters, digits and symbols such as ``@`` allowed; not a
previous password; not an easily guessed word (passkit's common-password blocklist).
Source: Amazon Help, "Password Requirements" for Amazon accounts (amazon.com help page
"Create a Strong Password").
"""

AMAZON_RECOMMENDED = Policy.from_rules(
    "minlength: 10; required: upper; required: lower; required: digit; required: special;"
    " allowed: ascii-printable; forbid: common, context, previous;"
)
"""The stronger rule recommended for Amazon accounts.

At least 10 characters mixing upper case, lower case, digits and symbols; not a common password;
no personal information (name, email, phone number, birthday); not a previous password.
Source: Amazon Help, "Create a Strong Password" recommendations.
"""

NIST_800_63B = Policy.from_rules("minlength: 15; allowed: unicode; forbid: common, context;")
"""NIST SP 800-63B-4, section 3.1.1.2, for a password used as a single factor.

At least 15 characters; no maximum below 64 (passkit sets none); every printing ASCII and Unicode
character accepted; no composition rules; compared against a blocklist of common passwords and
context-specific words.
"""

NIST_800_63B_MFA = Policy.from_rules("minlength: 8; allowed: unicode; forbid: common, context;")
"""NIST SP 800-63B-4, section 3.1.1.2, for a password used only as part of multi-factor authentication.

At least 8 characters; otherwise as :data:`NIST_800_63B`.
"""

OWASP_ASVS_L1 = Policy.from_rules("minlength: 8; allowed: unicode; forbid: common;")
"""OWASP ASVS 5.0, V6.2 (password security), level 1.

At least 8 characters (V6.2.1); at least 64 characters permitted (V6.2.9; passkit sets no
maximum); no composition rules (V6.2.5); checked against at least the top 3,000 common
passwords (V6.2.4; passkit's list holds 19,640).
"""

OWASP_ASVS_L2 = Policy.from_rules("minlength: 8; allowed: unicode; forbid: common, context;")
"""OWASP ASVS 5.0, V6.2 (password security), level 2.

As :data:`OWASP_ASVS_L1`, and context-specific words such as the user's name or email are
rejected (V6.2.11).
"""

_PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset("amazon", AMAZON, "Amazon: 6+ characters, not common, not reused", "Amazon Help, Password Requirements"),
        Preset(
            "amazon-recommended",
            AMAZON_RECOMMENDED,
            "Amazon recommended: 10+ characters mixing upper, lower, digits, symbols; no personal information",
            "Amazon Help, Create a Strong Password",
        ),
        Preset(
            "nist-800-63b",
            NIST_800_63B,
            "NIST SP 800-63B-4 single-factor: 15+ characters, blocklist, context words",
            "NIST SP 800-63B-4 section 3.1.1.2",
        ),
        Preset(
            "nist-800-63b-mfa",
            NIST_800_63B_MFA,
            "NIST SP 800-63B-4 multi-factor: 8+ characters, blocklist, context words",
            "NIST SP 800-63B-4 section 3.1.1.2",
        ),
        Preset(
            "owasp-asvs-l1",
            OWASP_ASVS_L1,
            "OWASP ASVS 5.0 L1: 8+ characters, top-3000 blocklist",
            "OWASP ASVS 5.0 V6.2",
        ),
        Preset(
            "owasp-asvs-l2",
            OWASP_ASVS_L2,
            "OWASP ASVS 5.0 L2: as L1, plus context-specific words",
            "OWASP ASVS 5.0 V6.2",
        ),
    )
}


def names() -> tuple[str, ...]:
    """Return the preset names in a stable order.

    Example:
        >>> "nist-800-63b" in names()
        True
    """
    return tuple(_PRESETS)


def info(name: str) -> Preset:
    """Return the preset called ``name`` with its summary and source.

    Raises:
        TypeError: ``name`` is not a ``str``.
        UnknownPolicyError: no preset has that name; the message lists the names.

    Example:
        >>> info("owasp-asvs-l1").source
        'OWASP ASVS 5.0 V6.2'
    """
    if not isinstance(name, str):
        raise TypeError(f"preset name must be a str, not {type(name).__name__}")
    try:
        return _PRESETS[name.lower()]
    except KeyError:
        raise UnknownPolicyError(
            f"no preset policy has that name; use one of {', '.join(_PRESETS)}"
            " or pass Password Rules text such as 'minlength: 12;'"
        ) from None


def get(name: str) -> Policy:
    """Return the preset policy called ``name``.

    Raises:
        TypeError: ``name`` is not a ``str``.
        UnknownPolicyError: no preset has that name; the message lists the names.

    Example:
        >>> get("amazon-recommended").min_length
        10
    """
    return info(name).policy
