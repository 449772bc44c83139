"""Statistics shared by the tests that check generators for uniformity."""

from __future__ import annotations

import math


def chi_square_p(statistic: float, df: int) -> float:
    """Upper-tail p-value of a chi-square statistic by the Wilson-Hilferty normal approximation."""
    z = ((statistic / df) ** (1 / 3) - (1 - 2 / (9 * df))) / math.sqrt(2 / (9 * df))
    return 0.5 * math.erfc(z / math.sqrt(2))


def chi_square_p_value(counts: list[int], expected: float) -> float:
    """Upper-tail p-value of Pearson's chi-square for ``counts`` that should each be ``expected``."""
    statistic = sum((c - expected) ** 2 / expected for c in counts)
    return chi_square_p(statistic, len(counts) - 1)
