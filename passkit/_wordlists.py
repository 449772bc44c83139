"""Word lists shipped in ``wordlists/``, loaded lazily, once, behind a lock.

In a source checkout the lists live in the top-level ``wordlists/`` folder; the wheel carries the
same files as ``passkit/wordlists/``. Provenance of every list is in ``wordlists/SOURCES.md``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from passkit._normalize import skeleton

__all__ = ["common_password_skeletons", "read_wordlist", "wordlist_path"]

_T = TypeVar("_T")
_PACKAGE_DIR = Path(__file__).resolve().parent


def wordlist_path(name: str) -> Path:
    """Path of a shipped list, in the installed wheel or in the source checkout."""
    for folder in (_PACKAGE_DIR / "wordlists", _PACKAGE_DIR.parent / "wordlists"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"passkit word list {name!r} is missing; reinstall passkit")


def read_wordlist(name: str) -> list[str]:
    """Lines of a shipped list, stripped, skipping blank lines (lists carry no comments)."""
    with wordlist_path(name).open(encoding="utf-8") as handle:
        return [word for line in handle if (word := line.strip())]


class _Lazy(Generic[_T]):
    """A value computed on first use, once, even when many threads ask at the same time."""

    __slots__ = ("_build", "_lock", "_value")

    def __init__(self, build: Callable[[], _T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: tuple[_T] | None = None

    def __call__(self) -> _T:
        value = self._value
        if value is None:
            with self._lock:
                value = self._value
                if value is None:
                    value = self._value = (self._build(),)
        return value[0]


def lazy(build: Callable[[], _T]) -> Callable[[], _T]:
    """Wrap ``build`` so that it runs once, thread-safely, on the first call."""
    return _Lazy(build)


@lazy
def common_password_skeletons() -> frozenset[str]:
    """Skeletons (case-folded, look-alikes folded) of the common-password blocklist."""
    return frozenset(skeleton(word) for word in read_wordlist("common-passwords.txt"))
