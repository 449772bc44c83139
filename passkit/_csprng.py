"""The one source of randomness in passkit: the operating system's CSPRNG via ``os.urandom``.

passkit does not use :mod:`secrets`, because importing it imports :mod:`random` (for
``SystemRandom``); passkit promises never to load ``random`` at all. ``randbelow`` here is exact:
it draws just enough bits and rejects values out of range, so every result is equally likely.
"""

from __future__ import annotations

import os

__all__ = ["choice", "randbelow", "token_bytes"]

token_bytes = os.urandom


def randbelow(n: int) -> int:
    """A uniformly random integer in ``[0, n)`` for ``n >= 1``, by rejection (no modulo bias)."""
    if n <= 0:
        raise ValueError("randbelow needs n >= 1")
    bits = (n - 1).bit_length()
    if bits == 0:
        return 0
    nbytes = (bits + 7) // 8
    shift = 8 * nbytes - bits
    while True:
        value = int.from_bytes(os.urandom(nbytes), "big") >> shift
        if value < n:
            return value


def choice(items: str | list[str] | tuple[str, ...]) -> str:
    """A uniformly random element of a non-empty sequence."""
    return items[randbelow(len(items))]
