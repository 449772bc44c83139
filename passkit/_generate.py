"""Exactly uniform password generation under a policy, with the exact entropy.

The generator draws from the set S of all strings of the chosen length, over the generator's
alphabet, that the policy accepts: every required class present, no run of one character longer
than ``max-consecutive``, and (when the policy forbids ``common``) not a common password or a
look-alike of one. Each string of S is equally likely, and ``entropy_bits == log2(|S|)``.

|S| is counted, never estimated: inclusion-exclusion over the required classes, or, with
``max-consecutive``, dynamic programming over (classes seen, class of the last character, length
of the current run); blocked common passwords of the same length are counted the same way and
subtracted.

Sampling: candidates are drawn uniformly from all strings over the alphabet, from ``os.urandom``
bytes mapped through a table in bulk (bytes that would bias the mapping are dropped), and the
ones outside S are rejected. Where the acceptance rate would be below 1/64, passwords are built
position by position instead, each character chosen with probability proportional to the number
of valid completions (count-guided construction), which is exactly uniform too.
"""

from __future__ import annotations

import functools
import math
import os
import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from passkit._charclass import NAMED, CharClass, is_unicode_member
from passkit._csprng import randbelow
from passkit._estimate import strength_score
from passkit._normalize import LOOKALIKE_TABLE
from passkit._policy import Policy, resolve_policy
from passkit._wordlists import common_password_skeletons, lazy
from passkit.exceptions import OptionError, PolicyError, UnsatisfiablePolicyError

__all__ = ["DEFAULT_SYMBOLS", "LOOKALIKES", "Generator", "generate"]

LOOKALIKES = "0Oo1lI|5S2Z8B"
"""Characters dropped by ``exclude_lookalikes=True``: ``0 O o 1 l I | 5 S 2 Z 8 B``."""

DEFAULT_SYMBOLS = "".join(sorted(NAMED["special"] - {" "}))
"""The symbols used unless ``symbols=`` says otherwise: every ASCII symbol except space (32)."""

SAFE_BITS = 80
MAX_REQUIRED_CLASSES = 8
# Bound on the dynamic programme for max-consecutive (states x transitions x positions): a few
# seconds of work at most (measured at about 1 microsecond a unit).
MAX_COUNTING_WORK = 2_000_000
_MAX_BARREN_ROUNDS = 64
MIN_DEFAULT_LENGTH = 16
MAX_DEFAULT_LENGTH = 128
MAX_LENGTH = 1024
_MIN_ACCEPTANCE = 1 / 64
_SCAN_BLOCKED = 64
_CLASS_NAMES = ("upper", "lower", "digit", "special")
_DEFAULT_POLICY = Policy(
    required=tuple(CharClass.named(name) for name in _CLASS_NAMES),
    allowed=CharClass.named("ascii-printable"),
    forbid=frozenset({"common"}),
)


def _generatable(ch: str) -> bool:
    """Characters the generator may emit: stable under NFKC and case folding, one code point each.

    Characters that normalization would change or combine (combining marks, Hangul jamo,
    compatibility forms, ``ß``) are never generated, so what is generated is what is checked;
    nor is whitespace, which sites trim and people cannot see.
    """
    if ch.isspace():
        return False  # check() strips the ends before the blocklist; whitespace is never generated
    if " " < ch <= "~":
        return True
    return (
        is_unicode_member(ch)
        and unicodedata.normalize("NFKC", ch) == ch
        and not unicodedata.category(ch).startswith("M")
        and not ("\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f")
        and len(ch.casefold()) == 1
    )


def _char_skeleton(ch: str) -> str:
    return ch.casefold().translate(LOOKALIKE_TABLE)


@dataclass(frozen=True, slots=True)
class _Model:
    """The counting model: the alphabet grouped into atoms by which required classes they hit."""

    alphabet: tuple[str, ...]
    required: tuple[frozenset[str], ...]
    length: int
    max_run: int | None
    atoms: tuple[tuple[int, int], ...]  # (mask of required classes, number of characters)
    masks: dict[str, int]

    @property
    def full(self) -> int:
        return (1 << len(self.required)) - 1


def _build_model(
    alphabet: tuple[str, ...], required: tuple[frozenset[str], ...], length: int, max_run: int | None
) -> _Model:
    masks = {ch: sum(1 << i for i, cls in enumerate(required) if ch in cls) for ch in alphabet}
    sizes: dict[int, int] = {}
    for mask in masks.values():
        sizes[mask] = sizes.get(mask, 0) + 1
    run = None if max_run is None or max_run >= length else max_run
    return _Model(alphabet, required, length, run, tuple(sorted(sizes.items())), masks)


def _popcount(value: int) -> int:
    return bin(value).count("1")


def _cover_count(atoms: tuple[tuple[int, int], ...], missing: int, positions: int) -> int:
    """Strings of ``positions`` characters that hit every class in ``missing`` (inclusion-exclusion)."""
    total = 0
    subset = missing
    while True:
        outside = sum(size for mask, size in atoms if not mask & subset)
        term: int = outside**positions
        total += -term if _popcount(subset) % 2 else term
        if subset == 0:
            break
        subset = (subset - 1) & missing
    return total


class _RunTables:
    """Suffix counts for max-consecutive: completions from (position, classes seen, last atom, run)."""

    def __init__(self, model: _Model) -> None:
        if model.max_run is None:
            raise ValueError("run tables need a max-consecutive limit")
        self.model = model
        self.k = model.max_run
        self.m = len(model.atoms)
        self.nmasks = model.full + 1
        self.tables: list[list[int]] = [[] for _ in range(model.length + 1)]
        self._build()

    def index(self, mask: int, atom: int, run: int) -> int:
        return (mask * self.m + atom) * self.k + (run - 1)

    def _build(self) -> None:
        model, k, m = self.model, self.k, self.m
        size = self.nmasks * m * k
        last = [0] * size
        for mask in range(self.nmasks):
            if mask == model.full:
                for atom in range(m):
                    for run in range(1, k + 1):
                        last[self.index(mask, atom, run)] = 1
        self.tables[model.length] = last
        for position in range(model.length - 1, 0, -1):
            nxt = self.tables[position + 1]
            current = [0] * size
            for mask in range(self.nmasks):
                for atom in range(m):
                    for run in range(1, k + 1):
                        current[self.index(mask, atom, run)] = sum(
                            weight * nxt[self.index(mask | amask, target, new_run)]
                            for target, amask, weight, new_run in self.choices(atom, run)
                        )
            self.tables[position] = current

    def choices(self, atom: int, run: int) -> Iterable[tuple[int, int, int, int]]:
        """(target atom, its mask, number of characters, new run) for the next character."""
        for target, (amask, count) in enumerate(self.model.atoms):
            if target == atom:
                if run < self.k:
                    yield target, amask, 1, run + 1  # the same character again
                if count > 1:
                    yield target, amask, count - 1, 1  # another character of the same atom
            else:
                yield target, amask, count, 1

    def total(self) -> int:
        if self.model.length == 0:
            return 1 if self.model.full == 0 else 0
        table = self.tables[1]
        return sum(count * table[self.index(amask, atom, 1)] for atom, (amask, count) in enumerate(self.model.atoms))


def _count_pattern(model: _Model, sets: list[tuple[str, ...]]) -> int:
    """Strings with position j drawn from ``sets[j]`` that meet the required classes and runs."""
    if model.max_run is None:
        total = 0
        subset = model.full
        while True:
            term = 1
            for chars in sets:
                term *= sum(1 for ch in chars if not model.masks[ch] & subset)
                if not term:
                    break
            total += -term if _popcount(subset) % 2 else term
            if subset == 0:
                break
            subset = (subset - 1) & model.full
        return total
    states: dict[tuple[int, str, int], int] = {(0, "", 0): 1}
    for chars in sets:
        nxt: dict[tuple[int, str, int], int] = {}
        for (mask, last, run), count in states.items():
            for ch in chars:
                new_run = run + 1 if ch == last else 1
                if new_run > model.max_run:
                    continue
                key = (mask | model.masks[ch], ch, new_run)
                nxt[key] = nxt.get(key, 0) + count
        states = nxt
    return sum(count for (mask, _, _), count in states.items() if mask == model.full)


def _blocked_skeletons(length: int) -> frozenset[str]:
    return _blocked_by_length().get(length, frozenset())


@lazy
def _blocked_by_length() -> dict[int, frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for word in common_password_skeletons():
        groups.setdefault(len(word), set()).add(word)
    return {length: frozenset(words) for length, words in groups.items()}


def _blocked_count(model: _Model) -> int:
    by_skeleton: dict[str, list[str]] = {}
    for ch in model.alphabet:
        by_skeleton.setdefault(_char_skeleton(ch), []).append(ch)
    preimages = {key: tuple(chars) for key, chars in by_skeleton.items()}
    total = 0
    for word in _blocked_skeletons(model.length):
        sets = [preimages.get(ch, ()) for ch in word]
        if all(sets):
            total += _count_pattern(model, sets)
    return total


@dataclass(frozen=True, slots=True)
class _Plan:
    """Everything a Generator needs, computed once per (policy, options)."""

    model: _Model
    count: int
    use_blocklist: bool
    min_strength: int | None
    tables: _RunTables | None
    acceptance: float


def _check_cost(
    policy: Policy, alphabet: tuple[str, ...], required: tuple[frozenset[str], ...], low: int, longest: int
) -> None:
    """Refuse, before any work, policies whose exact count would take more than a few seconds."""
    if len(required) > MAX_REQUIRED_CLASSES:
        raise PolicyError(
            f"the policy has {len(required)} distinct required classes; exact counting supports at most"
            f" {MAX_REQUIRED_CLASSES} (its cost doubles with each): merge some of them"
        )
    if low > MAX_LENGTH:
        raise PolicyError(f"the policy's minlength {low} is above the generator's limit of {MAX_LENGTH} characters")
    run = policy.max_consecutive
    if run is not None and run < longest:
        groups = len({sum(1 << i for i, cls in enumerate(required) if ch in cls) for ch in alphabet})
        if longest * 2 ** len(required) * groups**2 * run > MAX_COUNTING_WORK:
            raise PolicyError(
                "counting this policy exactly would take too long (long passwords with a large"
                " max-consecutive and many required classes); choose a shorter length or a smaller"
                " max-consecutive"
            )


@functools.lru_cache(maxsize=128)
def _plan(
    policy: Policy, length: int | None, symbols: str | None, exclude: frozenset[str], classes: tuple[str, ...] | None
) -> _Plan:
    if policy.allowed.unicode:
        base = set(string.printable[:94])  # digits, letters, punctuation: printable ASCII without space
    else:
        base = {ch for ch in policy.allowed.chars if _generatable(ch)}
    for cls in policy.required:
        if not cls.unicode:
            base |= {ch for ch in cls.chars if _generatable(ch)}
    special = NAMED["special"]
    wanted_symbols = set(DEFAULT_SYMBOLS if symbols is None else symbols)
    alphabet_set = {ch for ch in base if ch not in special or ch in wanted_symbols}
    if classes is not None:
        keep: set[str] = set()
        for name in classes:
            keep |= NAMED[name] if name != "special" else wanted_symbols
        alphabet_set &= keep
    alphabet_set -= exclude
    alphabet = tuple(sorted(alphabet_set))
    if not alphabet:
        raise UnsatisfiablePolicyError(
            "the generator's alphabet is empty: the policy's allowed characters minus the excluded"
            " ones leave nothing; allow more characters or exclude fewer"
        )
    required_sets: list[frozenset[str]] = []
    for cls in policy.required:
        restricted = frozenset(alphabet) if cls.unicode else cls.chars & alphabet_set
        if not restricted:
            raise UnsatisfiablePolicyError(
                f"the required class {cls.to_rules()} has no character left in the generator's alphabet;"
                " stop excluding its characters or change the symbols"
            )
        if restricted != alphabet_set and restricted not in required_sets:
            required_sets.append(restricted)
    required = tuple(required_sets)

    def make(n: int) -> tuple[_Model, int, _RunTables | None]:
        model = _build_model(alphabet, required, n, policy.max_consecutive)
        tables = _RunTables(model) if model.max_run is not None else None
        count = tables.total() if tables is not None else _cover_count(model.atoms, model.full, n)
        if "common" in policy.forbid and count:
            count -= _blocked_count(model)
        return model, count, tables

    low = max(policy.min_length, 1)
    high = min(policy.max_length, MAX_LENGTH) if policy.max_length is not None else MAX_LENGTH
    _check_cost(policy, alphabet, required, low, length or high)
    if length is None:
        high = min(high, max(low, MAX_DEFAULT_LENGTH))
        n = max(low, min(MIN_DEFAULT_LENGTH, high))
        while n < high and len(alphabet) ** n < 2**SAFE_BITS:
            n += 1
        model, count, tables = make(n)
        while n < high and count < 2**SAFE_BITS:
            n += 1
            model, count, tables = make(n)
    else:
        if not low <= length <= high:
            raise UnsatisfiablePolicyError(
                f"length {length} is outside the policy's range {low} to {high}; choose a length in that range"
            )
        model, count, tables = make(length)
    if count <= 0:
        raise UnsatisfiablePolicyError(
            f"no password of length {model.length} over the generator's {len(alphabet)} characters satisfies"
            " the policy; raise the length or allow more characters"
        )
    acceptance = count / len(alphabet) ** model.length
    return _Plan(model, count, "common" in policy.forbid, policy.min_strength, tables, acceptance)


class _Sampler:
    """Uniform characters from the alphabet, drawn from os.urandom in bulk."""

    def __init__(self, alphabet: tuple[str, ...]) -> None:
        self.alphabet = alphabet
        size = len(alphabet)
        self.bytewise = size <= 256 and all(ord(ch) < 256 for ch in alphabet)
        if self.bytewise:
            keep = 256 - 256 % size
            self.keep = keep
            self.table = bytes(ord(alphabet[b % size]) if b < keep else 0 for b in range(256))
            self.delete = bytes(range(keep, 256))
        else:
            self.keep = 65536 - 65536 % size

    def draw(self, count: int) -> str:
        if self.bytewise:
            parts: list[bytes] = []
            have = 0
            while have < count:
                need = count - have
                chunk = os.urandom(need * 256 // self.keep + 8).translate(self.table, self.delete)
                parts.append(chunk)
                have += len(chunk)
            return b"".join(parts)[:count].decode("latin-1")
        chars: list[str] = []
        size = len(self.alphabet)
        while len(chars) < count:
            raw = os.urandom(2 * (count - len(chars)) + 16)
            for i in range(0, len(raw) - 1, 2):
                value = raw[i] << 8 | raw[i + 1]
                if value < self.keep:
                    chars.append(self.alphabet[value % size])
        return "".join(chars[:count])


class Generator:
    """Generates passwords drawn exactly uniformly from what a policy accepts.

    Args:
        policy: a :class:`Policy`, a preset name, Password Rules text, or ``None`` for the default
            (upper, lower, digit and symbol each required; not a common password).
        length: the password length in code points, 1 to 1,024. ``None`` picks the default: the
            shortest length of at least 16 (and at least the policy's minimum) that gives at least
            80 bits, within the policy's maximum and never above 128 unless the minimum is.
        symbols: the symbols to use (default :data:`DEFAULT_SYMBOLS`, every ASCII symbol but
            space); other characters of the policy are unaffected.
        classes: restrict the alphabet to these of ``"upper"``, ``"lower"``, ``"digit"``,
            ``"special"``.
        exclude: characters never to use.
        exclude_lookalikes: drop :data:`LOOKALIKES` (``0 O o 1 l I | 5 S 2 Z 8 B``).

    The policy's ``forbid: context`` and ``previous`` checks need a user and are not applied.
    A ``min-strength`` rule is applied by rejecting weaker samples after drawing, so the output
    stays uniform over the accepted strings, but the strings it removes cannot be counted: for such
    policies ``entropy_bits`` is an upper bound and ``entropy_exact`` is ``False``.

    Attributes:
        entropy_bits: exactly log2 of the number of equally likely passwords.
        length: the password length used.
        alphabet: the characters the generator draws from, sorted.

    Raises:
        TypeError: an option has the wrong type.
        OptionError: an option is out of range (unknown class name, length outside 1 to 1,024).
        UnsatisfiablePolicyError: no password meets the policy with these options (raised by
            ``generate`` when a ``min-strength`` rule rejects every candidate).
        PolicyError: counting the policy exactly would cost too much: more than 8 distinct
            required classes, a minlength above 1,024, or a very large ``max-consecutive`` with a
            long length (refused before any work, so construction stays within a few seconds).

    Time: construction counts once per (policy, options), memoized: inclusion-exclusion costs
    O(2^r x length) for r required classes; with ``max-consecutive`` k, dynamic programming costs
    O(length x 2^r x a^2 x k) for a character groups (a <= 2^r + 1); the blocklist adds work for
    each common password of the chosen length. Generation then costs O(length) per password.

    Example:
        >>> from passkit import Generator
        >>> gen = Generator("minlength: 8; maxlength: 8; required: digit; allowed: lower;")
        >>> gen.length, round(gen.entropy_bits, 2)
        (8, 41.25)
        >>> len(gen.generate())
        8
    """

    __slots__ = ("_plan", "_policy", "_sampler")

    def __init__(
        self,
        policy: Policy | str | None = None,
        *,
        length: int | None = None,
        symbols: str | None = None,
        classes: Iterable[str] | None = None,
        exclude: str = "",
        exclude_lookalikes: bool = False,
    ) -> None:
        resolved = _DEFAULT_POLICY if policy is None else resolve_policy(policy)
        if length is not None and (isinstance(length, bool) or not isinstance(length, int)):
            raise TypeError(f"length must be an int or None, not {type(length).__name__}")
        if length is not None and not 1 <= length <= MAX_LENGTH:
            raise OptionError(f"length must be from 1 to {MAX_LENGTH}, got {length}")
        if symbols is not None and not isinstance(symbols, str):
            raise TypeError(f"symbols must be a str or None, not {type(symbols).__name__}")
        if not isinstance(exclude, str):
            raise TypeError(f"exclude must be a str, not {type(exclude).__name__}")
        if not isinstance(exclude_lookalikes, bool):
            raise TypeError(f"exclude_lookalikes must be a bool, not {type(exclude_lookalikes).__name__}")
        class_tuple: tuple[str, ...] | None = None
        if classes is not None:
            if isinstance(classes, str):
                raise TypeError("classes must be a sequence of class names, not a single string: wrap it as [name]")
            class_list = list(classes)
            if not all(isinstance(name, str) for name in class_list):
                raise TypeError("classes must hold class names (str)")
            class_tuple = tuple(sorted(set(class_list)))
            unknown = [name for name in class_tuple if name not in _CLASS_NAMES]
            if unknown or not class_tuple:
                raise OptionError(f"classes must be a non-empty selection of {', '.join(_CLASS_NAMES)}")
        if symbols is not None and any(ch not in NAMED["special"] or ch == " " for ch in symbols):
            raise OptionError(
                "symbols may only hold ASCII symbols other than space (the class 'special');"
                " put other characters in the policy"
            )
        excluded = frozenset(exclude) | (frozenset(LOOKALIKES) if exclude_lookalikes else frozenset())
        self._policy = resolved
        self._plan = _plan(resolved, length, symbols, excluded, class_tuple)
        self._sampler = _Sampler(self._plan.model.alphabet)

    @property
    def entropy_bits(self) -> float:
        """Exactly log2 of the number of equally likely outputs."""
        return math.log2(self._plan.count)

    @property
    def entropy_exact(self) -> bool:
        """``False`` only for policies with ``min-strength``, where ``entropy_bits`` is an upper bound."""
        return self._plan.min_strength is None

    @property
    def length(self) -> int:
        """The length of every generated password."""
        return self._plan.model.length

    @property
    def alphabet(self) -> str:
        """The characters the generator draws from, sorted."""
        return "".join(self._plan.model.alphabet)

    @property
    def policy(self) -> Policy:
        """The policy every generated password satisfies."""
        return self._policy

    def __repr__(self) -> str:
        return f"Generator({self._policy!r}, length={self.length}, entropy_bits={self.entropy_bits:.2f})"

    def generate(self) -> str:
        """Return one password.

        Example:
            >>> len(Generator(length=20).generate())
            20
        """
        return self.generate_many(1)[0]

    def generate_many(self, n: int) -> list[str]:
        """Return ``n`` independent passwords; the fast path for bulk work.

        Example:
            >>> passwords = Generator("nist-800-63b").generate_many(3)
            >>> [len(p) for p in passwords]
            [16, 16, 16]
        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be an int, not {type(n).__name__}")
        if n < 0:
            raise OptionError(f"n must be zero or more, got {n}")
        plan = self._plan
        produce = self._by_rejection if plan.acceptance >= _MIN_ACCEPTANCE else self._by_construction
        results: list[str] = []
        barren = 0
        while len(results) < n:
            batch = produce(n - len(results))
            results.extend(batch)
            barren = 0 if batch else barren + 1
            if barren > _MAX_BARREN_ROUNDS:  # only a min-strength rule can reject every candidate
                raise UnsatisfiablePolicyError(
                    f"no candidate reached the policy's min-strength {plan.min_strength} after many tries;"
                    " lengthen the password or lower min-strength"
                )
        return results[:n]

    def _accept_extra(self, password: str, folded: str | None) -> bool:
        plan = self._plan
        if folded is not None and folded in _blocked_skeletons(plan.model.length):
            return False
        return plan.min_strength is None or strength_score(password, ()) >= plan.min_strength

    def _by_rejection(self, wanted: int) -> list[str]:
        """Draw a batch of uniform candidates and keep those in S; each filter is one C-speed pass."""
        plan = self._plan
        model = plan.model
        length = model.length
        batch = max(1, math.ceil(wanted / plan.acceptance * 1.05) + 1)
        drawn = self._sampler.draw(batch * length)
        blocked = _blocked_skeletons(length) if plan.use_blocklist else frozenset()
        rejected: set[int] = set()
        if blocked:
            folded = drawn.casefold().translate(LOOKALIKE_TABLE)
            if len(blocked) <= _SCAN_BLOCKED:  # few words of this length: scan the batch for each
                for word in blocked:
                    at = folded.find(word)
                    while at >= 0:
                        if at % length == 0:
                            rejected.add(at)
                        at = folded.find(word, at + 1)
            else:
                rejected = {at for at in range(0, batch * length, length) if folded[at : at + length] in blocked}
        candidates = [drawn[at : at + length] for at in range(0, batch * length, length) if at not in rejected]
        for cls in model.required:
            candidates = [c for c in candidates if not cls.isdisjoint(c)]
        if model.max_run is not None:
            run_re = re.compile(rf"(.)\1{{{model.max_run}}}", re.DOTALL)
            candidates = [c for c in candidates if run_re.search(c) is None]
        if plan.min_strength is not None:
            candidates = [c for c in candidates if self._accept_extra(c, None)]
        return candidates

    def _by_construction(self, wanted: int) -> list[str]:
        out: list[str] = []
        for _ in range(wanted):
            candidate = self._construct()
            folded = candidate.casefold().translate(LOOKALIKE_TABLE) if self._plan.use_blocklist else None
            if self._accept_extra(candidate, folded):
                out.append(candidate)
        return out

    def _construct(self) -> str:
        """Build one string of S (ignoring the blocklist) uniformly, position by position."""
        model = self._plan.model
        by_atom: dict[int, list[str]] = {}
        atom_of_mask = {mask: i for i, (mask, _) in enumerate(model.atoms)}
        for ch in model.alphabet:
            by_atom.setdefault(atom_of_mask[model.masks[ch]], []).append(ch)
        chars: list[str] = []
        mask = 0
        tables = self._plan.tables
        if tables is None:
            for position in range(model.length):
                remaining = model.length - position - 1
                weights = [
                    count * _cover_count(model.atoms, model.full & ~(mask | amask), remaining)
                    for amask, count in model.atoms
                ]
                atom = _pick(weights)
                chars.append(_choice(by_atom[atom]))
                mask |= model.atoms[atom][0]
            return "".join(chars)
        atom, run = -1, 0
        for position in range(model.length):
            nxt = tables.tables[position + 1]
            if atom < 0:
                options = [(t, amask, count, 1) for t, (amask, count) in enumerate(model.atoms)]
            else:
                options = list(tables.choices(atom, run))
            weights = [count * nxt[tables.index(mask | amask, t, new_run)] for t, amask, count, new_run in options]
            target, amask, _, new_run = options[_pick(weights)]
            if target == atom and new_run == run + 1:
                ch = chars[-1]
            elif target == atom:
                ch = _choice([c for c in by_atom[target] if c != chars[-1]])
            else:
                ch = _choice(by_atom[target])
            chars.append(ch)
            atom, run, mask = target, new_run, mask | amask
        return "".join(chars)


def _pick(weights: list[int]) -> int:
    """Index i with probability weights[i] / sum(weights), from the CSPRNG."""
    value = randbelow(sum(weights))
    for index, weight in enumerate(weights):
        if value < weight:
            return index
        value -= weight
    raise AssertionError("unreachable: value below the total weight")


def _choice(chars: list[str]) -> str:
    return chars[randbelow(len(chars))]


def generate(
    policy: Policy | str | None = None,
    *,
    length: int | None = None,
    symbols: str | None = None,
    classes: Iterable[str] | None = None,
    exclude: str = "",
    exclude_lookalikes: bool = False,
) -> str:
    """Return one password drawn exactly uniformly from what ``policy`` accepts.

    A convenience over :class:`Generator`, with the same arguments; use ``Generator`` to read
    the exact entropy or to generate in bulk.

    Example:
        >>> from passkit import check, generate
        >>> password = generate("amazon-recommended")
        >>> check(password, "amazon-recommended").ok
        True
    """
    return Generator(
        policy,
        length=length,
        symbols=symbols,
        classes=classes,
        exclude=exclude,
        exclude_lookalikes=exclude_lookalikes,
    ).generate()
