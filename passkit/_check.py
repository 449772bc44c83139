"""Checking a password against a policy: ``passkit.check``."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from passkit import policies
from passkit._charclass import CharClass
from passkit._context import MAX_INPUT_LENGTH, MAX_USER_INPUTS, context_hit, plain_texts, validate_user_inputs
from passkit._estimate import strength_score
from passkit._messages import LOCALES, check_locale, describe_class, render
from passkit._normalize import LOOKALIKE_BYTES, fold_lookalikes, has_fullwidth, has_kana, nfkc
from passkit._policy import Policy, resolve_policy
from passkit._similarity import SimilarityKey, is_near
from passkit._strength import Scorer
from passkit._wordlists import common_password_skeletons

__all__ = ["CheckResult", "Finding", "Violation", "check"]

Params = tuple[tuple[str, int | str], ...]
# Preset names resolved once; presets are immutable, so this table is never written again.
_PRESETS: dict[str, Policy] = {name: policies.get(name) for name in policies.names()}


@dataclass(frozen=True, slots=True)
class Violation:
    """One rule the password breaks.

    Attributes:
        code: stable identifier, such as ``"too-short"`` (the codes are listed in the Policies guide).
        message: what to do, in the requested locale; never contains the password.
        params: the rule's parameters as ``(name, value)`` pairs, such as ``(("min", 6), ("length", 5))``.
    """

    code: str
    message: str
    params: Params = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """Something worth telling the user that is not a rule: full-width or kana input.

    Attributes:
        code: ``"fullwidth"`` or ``"kana"``.
        message: explanation in the requested locale.
    """

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of :func:`check`; it holds no trace of the password.

    Attributes:
        ok: ``True`` when no rule is broken.
        violations: the broken rules, in the policy's rule order.
        findings: notes that do not affect ``ok`` (full-width or kana input).
    """

    ok: bool
    violations: tuple[Violation, ...]
    findings: tuple[Finding, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """The violation codes, in order."""
        return tuple(v.code for v in self.violations)


# A frozen dataclass sets each field through ``object.__setattr__``, which is most of the cost of
# a result; the fields' slot descriptors set them directly (the result is still never changed after).
_SET_OK, _SET_VIOLATIONS, _SET_FINDINGS = (
    CheckResult.__dict__[name].__set__ for name in ("ok", "violations", "findings")
)


def _result(ok: bool, violations: tuple[Violation, ...], findings: tuple[Finding, ...] = ()) -> CheckResult:
    """``CheckResult(ok, violations, findings)``, built faster (see above)."""
    result = object.__new__(CheckResult)
    _SET_OK(result, ok)
    _SET_VIOLATIONS(result, violations)
    _SET_FINDINGS(result, findings)
    return result


@functools.lru_cache(maxsize=1024)
def _violation(code: str, locale: str, params: Params = ()) -> Violation:
    """Build a violation; results are immutable, so equal requests share one object."""
    return Violation(code, render(code, dict(params), locale), params)


@functools.lru_cache(maxsize=256)
def _class_violation(code: str, cls: CharClass, count: int, locale: str) -> Violation:
    """A violation about a character class, described in words in the message."""
    if code == "missing-required":
        params: Params = (("classes", cls.to_rules()),)
        display = {"classes": describe_class(cls, locale)}
    else:
        params = (("count", count), ("allowed", cls.to_rules()))
        display = {"count": str(count), "allowed": describe_class(cls, locale)}
    return Violation(code, render(code, {**dict(params), **display}, locale), params)


_RUNS = re.compile(r"(.)\1*", re.DOTALL)


@functools.lru_cache(maxsize=64)
def _run_pattern(limit: int) -> re.Pattern[str]:
    return re.compile(rf"(.)\1{{{limit}}}", re.DOTALL)


def _longest_run(text: str, limit: int) -> bool:
    """Whether some character repeats more than ``limit`` times in a row.

    A back-reference search costs up to ``limit`` steps per position, so it serves small limits;
    larger limits scan the runs once, which is linear whatever the limit.
    """
    if limit <= 64:
        return _run_pattern(limit).search(text) is not None
    return any(match.end() - match.start() > limit for match in _RUNS.finditer(text))


def _previous_codes(normalized: str, previous: Iterable[str]) -> str | None:
    key = SimilarityKey(normalized)
    near = False
    for old in previous:
        old_normalized = nfkc(old)
        if old_normalized == normalized:
            return "previous-password"
        if not near and is_near(key, SimilarityKey(old_normalized)):
            near = True
    return "similar-to-previous" if near else None


def _check_args(password: object, previous: object) -> tuple[str, ...]:
    if not isinstance(password, str):
        raise TypeError(f"password must be a str, not {type(password).__name__}")
    if previous == ():
        return ()
    if isinstance(previous, (str, bytes)):
        raise TypeError("previous must be a sequence of strings, not a single string; wrap it: [old]")
    if not isinstance(previous, Iterable):
        raise TypeError(f"previous must be an iterable of str, not {type(previous).__name__}")
    try:
        items = tuple(previous)
    except TypeError:
        raise TypeError(f"previous must be an iterable of str, not {type(previous).__name__}") from None
    if not all(isinstance(p, str) for p in items):
        raise TypeError("each previous password must be a str")
    return items


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A policy prepared for one locale: fixed violations rendered once, sets ready for C-speed tests."""

    policy: Policy
    allowed: frozenset[str] | None  # None: the unicode class
    required: tuple[tuple[frozenset[str] | None, CharClass, Violation], ...]
    required_sets: tuple[tuple[frozenset[str], Violation], ...] | None  # None: some class is unicode
    # For ASCII passwords: a byte table marking each character with the required class it belongs
    # to (0, 1, ...), _OUTSIDE when ``allowed`` lacks it, _NO_CLASS otherwise; None when the
    # required classes overlap, are 254 or more, or one is unicode.
    ascii_marks: bytes | None
    required_marks: tuple[tuple[int, Violation], ...]
    max_run: Violation | None
    common: Violation | None
    blocklist: frozenset[str]  # the common-password skeletons when ``common`` is set (loaded on compiling)
    context: bool
    previous: bool
    too_short: tuple[Violation, ...]  # by length, when the minimum is small enough to render all


_MAX_PRERENDERED_LENGTH = 64
_OUTSIDE, _NO_CLASS = 255, 254
# ASCII case folding (A-Z to a-z) and then look-alike folding, as one byte table.
_FOLD_BYTES = bytes(LOOKALIKE_BYTES[code | 0x20 if 0x41 <= code <= 0x5A else code] for code in range(256))


def _ascii_marks(policy: Policy) -> bytes | None:
    """The byte table of :class:`_Compiled` ``ascii_marks`` for ``policy``, or None."""
    if len(policy.required) >= _NO_CLASS or any(cls.unicode for cls in policy.required):
        return None
    table = [_NO_CLASS if chr(code) in policy.allowed else _OUTSIDE for code in range(128)]
    for index, cls in enumerate(policy.required):
        for ch in cls.chars:
            if ch.isascii():
                # In two required classes, or outside ``allowed`` (which Policy never lets happen):
                # one mark per character cannot say it, so no table.
                if table[ord(ch)] != _NO_CLASS:
                    return None
                table[ord(ch)] = index
    return bytes(table + [_OUTSIDE] * 128)


def _compile(policy: Policy, locale: str) -> _Compiled:
    limit = policy.max_consecutive
    minimum = policy.min_length
    required = tuple(
        (None if cls.unicode else cls.chars, cls, _class_violation("missing-required", cls, 0, locale))
        for cls in policy.required
    )
    sets = tuple((chars, violation) for chars, _, violation in required if chars is not None)
    return _Compiled(
        policy,
        None if policy.allowed.unicode else policy.allowed.chars,
        required,
        sets if len(sets) == len(required) else None,
        _ascii_marks(policy),
        tuple((index, violation) for index, (_, _, violation) in enumerate(required)),
        _violation("max-consecutive", locale, (("max", limit),)) if limit is not None else None,
        _violation("common-password", locale) if "common" in policy.forbid else None,
        common_password_skeletons() if "common" in policy.forbid else frozenset(),
        "context" in policy.forbid,
        "previous" in policy.forbid,
        tuple(_violation("too-short", locale, (("min", minimum), ("length", n))) for n in range(minimum))
        if minimum <= _MAX_PRERENDERED_LENGTH
        else (),
    )


_compile_policy = functools.lru_cache(maxsize=256)(_compile)


@functools.lru_cache(maxsize=256)
def _compile_text(text: str, locale: str) -> _Compiled:
    """Compile a preset name or short rules text (memoized by the text, which is not secret)."""
    return _compile_policy(_PRESETS.get(text) or resolve_policy(text), locale)


_MAX_CACHED_TEXT = 4096


def _compiled_for(policy: Policy | str, locale: str) -> _Compiled:
    if locale not in LOCALES:
        check_locale(locale)
    if isinstance(policy, str) and len(policy) <= _MAX_CACHED_TEXT:
        return _compile_text(policy, locale)
    return _compile_policy(resolve_policy(policy), locale)


def evaluate(  # noqa: PLR0915, PLR0917 (the hot path, kept in one function; check calls it positionally)
    password: str,
    policy: Policy | str,
    user_inputs: Iterable[str | datetime.date],
    previous: Iterable[str],
    locale: str,
    scorer: Scorer,
) -> CheckResult:
    """The body of :func:`check`, with the strength scorer as a parameter (the seam)."""
    # The usual call (a str, no previous passwords, a known locale, a preset name) takes the
    # shortest way; anything else goes through the full argument checks, in the same order.
    old_passwords = () if password.__class__ is str and previous == () else _check_args(password, previous)
    if policy.__class__ is str and locale in LOCALES and len(policy) <= _MAX_CACHED_TEXT:
        compiled = _compile_text(policy, locale)
    else:
        compiled = _compiled_for(policy, locale)
    resolved = compiled.policy
    # The user inputs, validated, and their lines joined for the context test. The usual call (a
    # short list or tuple of short strings) is validated by the join itself, which takes only text.
    inputs_given: tuple[str, ...] = ()
    blob: str | None = ""
    if (user_inputs.__class__ is tuple or user_inputs.__class__ is list) and len(user_inputs) <= MAX_USER_INPUTS:
        if user_inputs:
            inputs_given = tuple(user_inputs)
            try:
                blob = "\n".join(inputs_given)
            except TypeError:  # a date, or the wrong type: validated below
                blob = None
    else:
        blob = None
    if blob is None or len(blob) > MAX_INPUT_LENGTH:
        inputs_given = validate_user_inputs(user_inputs)
        blob = "\n".join(inputs_given)

    ascii_password = password.isascii()
    raw = password.encode("ascii") if ascii_password else b""
    normalized = password if ascii_password else nfkc(password)
    length = len(normalized)
    violations: list[Violation] = []
    if length < resolved.min_length:
        violations.append(
            compiled.too_short[length]
            if compiled.too_short
            else _violation("too-short", locale, (("min", resolved.min_length), ("length", length)))
        )
    if resolved.max_length is not None and length > resolved.max_length:
        violations.append(_violation("too-long", locale, (("max", resolved.max_length), ("length", length))))
    # For an ASCII password, one table lookup per character marks what each class test needs (see
    # _Compiled); otherwise the classes are tested as sets.
    marks = raw.translate(compiled.ascii_marks) if ascii_password and compiled.ascii_marks is not None else None
    if (
        _OUTSIDE in marks
        if marks is not None
        else compiled.allowed is None or not compiled.allowed.issuperset(normalized)
    ):
        disallowed = resolved.allowed.count_outside(normalized)
        if disallowed:
            violations.append(_class_violation("disallowed-character", resolved.allowed, disallowed, locale))
    if marks is not None:
        for mark, violation in compiled.required_marks:
            if mark not in marks:
                violations.append(violation)
    elif compiled.required_sets is not None:
        for chars, violation in compiled.required_sets:
            if chars.isdisjoint(normalized):
                violations.append(violation)
    else:
        for maybe_chars, cls, violation in compiled.required:
            if maybe_chars.isdisjoint(normalized) if maybe_chars is not None else not cls.intersects(normalized):
                violations.append(violation)
    if compiled.max_run is not None and _longest_run(normalized, resolved.max_consecutive or 0):
        violations.append(compiled.max_run)

    casefolded = normalized.casefold()
    # fold_lookalikes(casefolded); for ASCII, inline: one byte table folds case and look-alikes.
    folded = raw.translate(_FOLD_BYTES).decode("ascii") if ascii_password else fold_lookalikes(casefolded)
    if compiled.common is not None and folded.strip() in compiled.blocklist:
        violations.append(compiled.common)
    if compiled.context and blob:
        kind = context_hit(casefolded, folded, inputs_given, blob)
        if kind is not None:
            violations.append(_violation("context-word", locale, (("kind", kind),)))
    if compiled.previous and old_passwords:
        code = _previous_codes(normalized, old_passwords)
        if code is not None:
            violations.append(_violation(code, locale))
    if resolved.min_strength is not None:
        score = scorer(normalized, plain_texts(inputs_given))  # dates are already YYYY-MM-DD text
        if score < resolved.min_strength:
            violations.append(_violation("too-weak", locale, (("score", score), ("min", resolved.min_strength))))

    if ascii_password:
        return _result(False, tuple(violations)) if violations else _PASSED
    findings = tuple(
        _finding(code, locale)
        for code, present in (("fullwidth", has_fullwidth(password)), ("kana", has_kana(password)))
        if present
    )
    return _result(not violations, tuple(violations), findings)


_PASSED = CheckResult(True, ())  # results are immutable, so every plain pass can share one


@functools.lru_cache(maxsize=8)
def _finding(code: str, locale: str) -> Finding:
    return Finding(code, render(code, {}, locale))


def check(
    password: str,
    policy: Policy | str = "amazon",
    *,
    user_inputs: Iterable[str | datetime.date] = (),
    previous: Iterable[str] = (),
    locale: str = "en",
) -> CheckResult:
    """Check a password against a policy.

    The password is NFKC-normalized first (so full-width ``ＡＢＣ１２３`` counts as ``ABC123``) and
    its length is counted in code points. Each rule of the policy is checked; the violations come
    in the policy's rule order, each with a stable code and a message in English or Japanese.

    Args:
        password: the password to check. It never appears in the result, a message or an error.
        policy: a :class:`Policy`, a preset name from :mod:`passkit.policies`, or Password
            Rules text.
        user_inputs: the user's name, username, email, phone number, birthday (``str`` or
            ``datetime.date``); used when the policy forbids ``context``.
        previous: the user's previous passwords; used when the policy forbids ``previous``.
        locale: ``"en"`` or ``"ja"``.

    Returns:
        A :class:`CheckResult` with ``.ok``, ``.violations`` and ``.findings``.

    Raises:
        TypeError: an argument has the wrong type (for example a single string as ``previous``).
        UnknownPolicyError: ``policy`` names no preset.
        RulesSyntaxError: ``policy`` is rules text that does not parse.
        UnsupportedLocaleError: ``locale`` is neither ``"en"`` nor ``"ja"``.

    Time: linear in the NFKC-normalised length of the password (NFKC can expand one code point
    to at most 18), the user inputs (the first 64, each cut to 256 code points) and the previous
    passwords; about 1 s per million code points after normalisation. A ``min-strength`` rule
    analyses at most the first 100 code points (see :func:`passkit.estimate`).

    Example:
        >>> from passkit import check
        >>> check("kx7Qm2", "amazon").ok
        True
        >>> result = check("abc12", "amazon")
        >>> result.codes
        ('too-short',)
        >>> result.violations[0].message
        'Use at least 6 characters (this password has 5).'
        >>> check("abc12", "amazon", locale="ja").violations[0].message
        '6文字以上にしてください(現在5文字)。'
    """
    return evaluate(password, policy, user_inputs, previous, locale, strength_score)  # positional: a faster call
