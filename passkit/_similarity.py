"""Equal and near-equal passwords, for the ``previous`` check.

Two passwords are *near-equal* when, after NFKC, case folding and folding look-alikes, they are
equal; or equal once every run of digits is treated as the same (``Summer2023!`` and
``Summer2024!``) with at least 3 other characters kept; or equal once at most two characters are
changed, added or removed at each end, with at least 4 characters in common.
"""

from __future__ import annotations

import re

from passkit._normalize import LOOKALIKE_TABLE

__all__ = ["SimilarityKey", "is_near"]

_DIGIT_RUNS = re.compile(r"\d+")
# Look-alike folding without the digits, so that changed digits stay visible.
_SYMBOL_TABLE = {code: letter for code, letter in LOOKALIKE_TABLE.items() if not chr(code).isdigit()}
MAX_END_CHANGE = 2
MIN_CORE = 4
MIN_NON_DIGITS = 3


class SimilarityKey:
    """Precomputed forms of one password, so that many comparisons stay cheap."""

    __slots__ = ("folded", "masked", "non_digits")

    def __init__(self, normalized: str) -> None:
        casefolded = normalized.casefold()
        self.folded = casefolded.translate(LOOKALIKE_TABLE)
        symbols = casefolded.translate(_SYMBOL_TABLE)
        self.masked = _DIGIT_RUNS.sub("0", symbols)
        self.non_digits = len(_DIGIT_RUNS.sub("", symbols))

    def __repr__(self) -> str:
        return "SimilarityKey(<masked>)"


def _ends_changed(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 2 * MAX_END_CHANGE:
        return False
    for front_a in range(MAX_END_CHANGE + 1):
        for back_a in range(MAX_END_CHANGE + 1):
            core_len = len(a) - front_a - back_a
            if core_len < MIN_CORE:
                continue
            core = a[front_a : front_a + core_len]
            for front_b in range(MAX_END_CHANGE + 1):
                back_b = len(b) - front_b - core_len
                if 0 <= back_b <= MAX_END_CHANGE and b.startswith(core, front_b):
                    return True
    return False


def is_near(new: SimilarityKey, old: SimilarityKey) -> bool:
    """Whether two passwords are near-equal (see the module docstring)."""
    if new.folded == old.folded:
        return True
    if new.masked == old.masked and new.non_digits >= MIN_NON_DIGITS:
        return True
    return _ends_changed(new.folded, old.folded)
