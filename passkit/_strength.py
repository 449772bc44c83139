"""The seam between policy checks and strength estimation (the ``min-strength`` rule).

A scorer maps ``(password, user_inputs)`` to a score 0-4. ``check`` and ``Generator`` use
:func:`passkit._estimate.strength_score` (the score of :func:`passkit.estimate`); tests can pass
another scorer to :func:`passkit._check.evaluate`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["Scorer"]

Scorer = Callable[[str, Sequence[str]], int]
