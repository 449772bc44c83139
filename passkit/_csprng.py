"""The one source of randomness in passkit: the operating system's CSPRNG via ``os.urandom``.

passkit does not use :mod:`secrets`, because importing it imports :mod:`random` (for
``SystemRandom``); passkit promises never to load ``random`` at all. ``randbelow`` here is exact:
it draws just enough bits and rejects values out of range, so every result is equally likely.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

__all__ = ["choice", "randbelow", "randbelow_many", "token_bytes"]

_NATIVE_I_SIZE = memoryview(b"\0" * 8).cast("I").itemsize

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


def randbelow_many(bound: int, count: int) -> list[int]:
    """Return ``count`` independent integers, each exactly uniform in ``range(bound)``.

    Bytes come from ``os.urandom`` in bulk. Each value is read from ``k`` bytes (``k`` in 1, 2, 4,
    8, or more for huge bounds) as an integer ``v`` below ``256**k``; values at or above the
    largest multiple of ``bound`` that fits are dropped (so at most half are dropped) and the
    rest give ``v % bound``, which is exactly uniform.

    Example:
        >>> values = randbelow_many(10, 1000)
        >>> len(values), min(values) >= 0, max(values) <= 9
        (1000, True, True)
    """
    if bound < 1:
        raise ValueError(f"bound must be at least 1, got {bound}")
    if bound == 1:
        return [0] * count
    nbytes = next((size for size in (1, 2, 4, 8) if bound <= 1 << 8 * size), (bound - 1).bit_length() + 7 >> 3)
    space = 1 << 8 * nbytes
    limit = space - space % bound
    out: list[int] = []
    while len(out) < count:
        need = count - len(out)
        data = token_bytes((need * space // limit + 8) * nbytes)
        values: Iterable[int]
        if nbytes == 1:
            values = data
        elif nbytes == 2:
            values = memoryview(data).cast("H")
        elif nbytes == 4 and _NATIVE_I_SIZE == 4:
            values = memoryview(data).cast("I")
        elif nbytes == 8:
            values = memoryview(data).cast("Q")
        else:
            values = (int.from_bytes(data[i : i + nbytes], "little") for i in range(0, len(data), nbytes))
        out.extend([v % bound for v in values if v < limit])
    del out[count:]
    return out
