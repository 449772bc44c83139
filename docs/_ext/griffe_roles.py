"""A Griffe extension for the API reference: Sphinx roles in passkit's docstrings become links.

passkit's docstrings are Google style and name other objects with Sphinx roles
(``:class:`Policy```, ``:func:`passkit.estimate```). mkdocstrings would show those roles as literal
text, so this extension rewrites them, before rendering, into mkdocs-autorefs links to the object's
entry on the API reference page (``[`Policy`][passkit.Policy]``), or into plain inline code when
the target is not a documented public object. It also reads an ``Example:`` heading as Griffe's
``Examples:`` section, so that doctests render as code. Used only by ``mkdocs build`` (see ``mkdocs.yml``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

import passkit
from passkit import exceptions, policies

_EXAMPLE_HEADING = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)
_ROLE = re.compile(r":(?:class|func|mod|meth|attr|exc|data|obj):`~?([\w.]+)`")
_TOP = set(passkit.__all__)
_SUBMODULES = {"policies": set(policies.__all__), "exceptions": set(exceptions.__all__)}


def _target(name: str) -> str | None:
    """The autorefs identifier of a public object named ``name`` in a docstring, or ``None``."""
    parts = name.removeprefix("passkit.").split(".")
    head = parts[0]
    if head in _SUBMODULES and (len(parts) == 1 or parts[1] in _SUBMODULES[head]):
        return "passkit." + ".".join(parts)
    if head in _TOP:
        return "passkit." + ".".join(parts)
    if head in _SUBMODULES["exceptions"]:
        return "passkit.exceptions." + ".".join(parts)
    return None


def _rewrite(match: re.Match[str]) -> str:
    name = match.group(1)
    target = _target(name)
    return f"[`{name}`][{target}]" if target else f"`{name}`"


class SphinxRoles(griffe.Extension):
    """Rewrite ``:role:`name``` in every docstring before mkdocstrings renders it."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Called by Griffe for every object it loads."""
        if obj.docstring is not None:
            text = _EXAMPLE_HEADING.sub(r"\1Examples:", obj.docstring.value)
            obj.docstring.value = _ROLE.sub(_rewrite, text)
