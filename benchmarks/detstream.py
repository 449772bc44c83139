"""Deterministic choices for the benchmarks' inputs, the same on every run, machine and Python.

Also the material the check and audit benchmarks draw their passwords from.

A SHAKE-256 counter stream with a fixed seed, read 4 bytes at a time. The benchmarks do not use
``random``: its streams are not promised to stay the same across Python versions, and a benchmark
must measure exactly the same inputs every time. Not for secrets: anyone with the seed can
replay it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class Stream:
    """Deterministic pseudo-random choices: SHAKE-256 of (seed, block counter), read 4 bytes at a time."""

    def __init__(self, seed: bytes) -> None:
        self._seed = seed
        self._block = 0
        self._buffer = b""
        self._pos = 0

    def _take4(self) -> int:
        if self._pos + 4 > len(self._buffer):
            self._buffer = hashlib.shake_256(self._seed + self._block.to_bytes(8, "big")).digest(4096)
            self._block += 1
            self._pos = 0
        value = int.from_bytes(self._buffer[self._pos : self._pos + 4], "big")
        self._pos += 4
        return value

    def below(self, n: int) -> int:
        """Uniform integer in ``[0, n)`` (rejection sampling, no modulo bias)."""
        limit = (1 << 32) - (1 << 32) % n
        while True:
            value = self._take4()
            if value < limit:
                return value % n

    def between(self, low: int, high: int) -> int:
        """Uniform integer in ``[low, high]``."""
        return low + self.below(high - low + 1)

    def choice(self, items: Sequence[T]) -> T:
        """One of ``items``, uniformly."""
        return items[self.below(len(items))]

    def chance(self, numerator: int, denominator: int) -> bool:
        """True with probability ``numerator / denominator``."""
        return self.below(denominator) < numerator

    def bytes(self, n: int) -> bytes:
        """``n`` uniform bytes."""
        return bytes(self.below(256) for _ in range(n))


# Material shared by bench_check.py and bench_audit.py.
NAMES = (
    "taro", "hanako", "yuki", "sakura", "hiroshi", "kenji", "akira", "naoko", "haruto", "yui",
    "michael", "jennifer", "david", "sarah", "james", "maria", "emma", "olivia", "liam", "noah",
)  # fmt: skip
SYMBOLS = "!@#$%&*?_-."
PRINTABLE = "".join(chr(c) for c in range(0x21, 0x7F))
KANA = ("ぱすわーど", "さくら", "ひみつ", "パスワード", "ネコ", "ｻｸﾗ")


def fullwidth(text: str) -> str:
    """ASCII to its full-width form, as typed with Japanese input on."""
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
