"""Text normalization shared by the checks: NFKC, input-method findings, look-alike folding."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_lookalikes", "has_fullwidth", "has_kana", "nfkc", "skeleton"]

# Full-width ASCII variants (U+FF01-U+FF5E) and the ideographic space U+3000.
_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000]")
# Hiragana, katakana, katakana phonetic extensions, half-width katakana.
_KANA = re.compile("[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")

# Look-alike characters folded onto the letter they stand for. Letters that share a look-alike
# ("1" is both "i" and "l") fold together, so folding is one table lookup per character.
_LOOKALIKES = {
    "a": "@4",
    "b": "8",
    "c": "(<{[",
    "e": "3",
    "g": "69",
    "h": "#",
    "i": "1!|l",
    "o": "0",
    "s": "$5",
    "t": "7+",
    "z": "2",
}
LOOKALIKE_TABLE = {ord(ch): letter for letter, chars in _LOOKALIKES.items() for ch in chars}
# The same folding as a byte table, for ASCII and UTF-8 text: every look-alike is ASCII, and in UTF-8
# an ASCII byte never occurs inside another character's encoding.
LOOKALIKE_BYTES = bytes(ord(LOOKALIKE_TABLE.get(code, chr(code))) if code < 128 else code for code in range(256))


def nfkc(text: str) -> str:
    """NFKC-normalize; ASCII is returned unchanged without the Unicode machinery."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def has_fullwidth(text: str) -> bool:
    """Whether the raw text holds full-width ASCII or an ideographic space."""
    return not text.isascii() and _FULLWIDTH.search(text) is not None


def has_kana(text: str) -> bool:
    """Whether the raw text holds hiragana or katakana (full- or half-width)."""
    return not text.isascii() and _KANA.search(text) is not None


def fold_lookalikes(casefolded: str) -> str:
    """Fold look-alikes onto letters in case-folded text (``p@ssw0rd`` becomes ``password``).

    ASCII text goes through a byte table, several times faster than ``str.translate`` with a dict.
    """
    if casefolded.isascii():
        return casefolded.encode("ascii").translate(LOOKALIKE_BYTES).decode("ascii")
    return casefolded.translate(LOOKALIKE_TABLE)


def skeleton(text: str) -> str:
    """Case-fold and fold look-alikes onto letters; ``P@ssw0rd`` and ``password`` share one skeleton.

    The mapping is documented in the Policies guide; ``l`` and ``i`` share a skeleton.
    """
    return fold_lookalikes(text.casefold())
