"""Smoke test of an installed wheel, run by `make wheel-smoke` from outside the source tree.

Exercises every capability once and fails loudly if a shipped word list is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import passkit


def main() -> None:
    """Check, generate and estimate once each, from the installed package."""
    location = Path(passkit.__file__).resolve().parent
    if "site-packages" not in str(location):
        sys.exit(f"smoke test must run against an installed wheel, not {location}")
    assert ("common-password",) == passkit.check("Pa$$w0rD123", "amazon-recommended").codes
    generator = passkit.Generator("amazon-recommended")
    assert passkit.check(generator.generate(), "amazon-recommended").ok
    assert 6 == len(passkit.passphrase(words=6).split("-"))
    assert 6 == len(passkit.pin(6))
    code = passkit.recovery_codes(1)[0]
    assert code == passkit.parse_recovery_code(code.lower())
    assert 4 <= len(passkit.romaji_password(4))  # 4 morae: at least one letter each
    assert 0 == passkit.estimate("password").score
    assert 0 == passkit.estimate("hajimemashite").score  # the Japanese lists are in the wheel
    assert "hazimemasite" == passkit.romanize("はじめまして", "kunrei")
    assert "H4j!meMAsiT" == passkit.apply_recipe("はじめまして").password
    assert passkit.mangle("さくら").warning
    for name in ("common-passwords.txt", "eff-large.txt", "eff-short-1.txt", "eff-short-2.txt", "SOURCES.md"):
        assert (location / "wordlists" / name).is_file(), name
    print(f"wheel smoke test passed: passkit {passkit.__version__} from {location}")


if __name__ == "__main__":
    main()
