"""Recipe steps for :func:`passkit.mangle` and :func:`passkit.apply_recipe`.

A recipe is a tuple of steps applied in order to the romanised phrase. Each step is a small
frozen value, so recipes compare by value and can be written down in documentation:

* :class:`Replace` ``(old, new)``: replace every occurrence;
* :class:`Drop` ``(position)``: remove one character (negative positions count from the end);
* :class:`Insert` ``(position, text)`` and :class:`Append` ``(text)``;
* :class:`Leet` ``(table, which="first"|"last"|"all")``: look-alike substitutions;
* :class:`Upper` ``(*positions)`` and :class:`Lower` ``(*positions)``.

:data:`EXAMPLE_RECIPE` turns はじめまして into ``H4j!meMAsiT``, the example Japanese users are
given; a fixed recipe adds no entropy, since an attacker who knows the phrase knows the recipe.

Example:
    >>> from passkit import apply_recipe
    >>> from passkit.recipes import EXAMPLE_RECIPE, Append
    >>> apply_recipe("はじめまして", EXAMPLE_RECIPE).password
    'H4j!meMAsiT'
    >>> apply_recipe("sakura", (Append("!"),)).password
    'sakura!'
"""

from __future__ import annotations

from passkit import _mangle
from passkit._mangle import Append, Drop, Insert, Leet, Lower, Replace, Upper

__all__ = [  # noqa: RUF022 (plain sorted order, as every passkit module; tests check it)
    "Append",
    "Drop",
    "EXAMPLE_RECIPE",
    "Insert",
    "LEET",
    "Leet",
    "Lower",
    "Replace",
    "Step",
    "Upper",
]

EXAMPLE_RECIPE = _mangle.EXAMPLE_RECIPE
"""The recipe that turns はじめまして into ``H4j!meMAsiT`` (see :func:`passkit.recipe_steps`)."""

LEET = _mangle.LEET
"""Look-alike substitutions used by random mangling: a→4 @, b→8, e→3, g→9, i→1 !, l→1, o→0, s→5 $, t→7, z→2."""

Step = _mangle.Step
"""Any recipe step: the union of Replace, Drop, Insert, Append, Leet, Upper and Lower."""
