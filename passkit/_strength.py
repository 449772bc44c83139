"""The seam between policy checks and strength estimation (the ``min-strength`` rule).

A scorer maps ``(password, user_inputs)`` to a score 0-4. Until passkit's own estimator lands,
the default scorer is zxcvbn itself, made safe: imported lazily, called under a lock (zxcvbn
keeps ``user_inputs`` in a module-global dictionary), on at most the first
:data:`ZXCVBN_PREFIX` code points (zxcvbn raises above 72 and slows sharply with length), and
never on the empty string (zxcvbn raises ``IndexError`` there; the empty password scores 0).
Scoring a prefix can only lower the score, never raise it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["ZXCVBN_PREFIX", "Scorer", "zxcvbn_score"]

Scorer = Callable[[str, Sequence[str]], int]
ZXCVBN_PREFIX = 64
_ZXCVBN_LOCK = threading.Lock()


def zxcvbn_score(password: str, user_inputs: Sequence[str]) -> int:
    """Score 0-4 with the zxcvbn package, safely (see the module docstring)."""
    if not password:
        return 0
    from zxcvbn import zxcvbn  # noqa: PLC0415 (lazy: importing passkit must not import zxcvbn)

    inputs = [text[:ZXCVBN_PREFIX] for text in user_inputs]
    with _ZXCVBN_LOCK:
        result: dict[str, Any] = zxcvbn(password[:ZXCVBN_PREFIX], user_inputs=inputs)
    return int(result["score"])
