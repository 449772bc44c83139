"""Tests for ``passkit.check``: known answers, an independent oracle, and the security promises."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime
import functools
import itertools
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import (
    ASCII_PRINTABLE,
    COMMON_PASSWORDS_PATH,
    KANA,
    PRESET_NAMES,
    common_password_variants,
    fullwidth,
    generated_policies,
    nfkc_variants,
    passwords,
    passwords_for,
    policies_and_passwords,
    preset_policies,
    previous_passwords,
    restricting_rules,
    secret_passwords,
    user_inputs,
)
from strategies import VIOLATION_CODES as DOCUMENTED_ORDER

from passkit import CharClass, CheckResult, Finding, Policy, Violation, check, policies
from passkit._check import evaluate
from passkit.exceptions import RulesSyntaxError, UnknownPolicyError, UnsupportedLocaleError

# -- the oracle: each rule re-implemented from its documented definition -------------------------------

# Look-alike folding as documented in the Policies guide (docs/policies.md, "the blocklist").
LOOKALIKES = {
    **dict.fromkeys("@4", "a"),
    "8": "b",
    **dict.fromkeys("(<{[", "c"),
    "3": "e",
    **dict.fromkeys("69", "g"),
    "#": "h",
    **dict.fromkeys("1!|l", "i"),
    "0": "o",
    **dict.fromkeys("$5", "s"),
    **dict.fromkeys("7+", "t"),
    "2": "z",
}

Expected = list[tuple[str, tuple[tuple[str, int | str], ...]]]


def oracle_nfkc(text: str) -> str:
    """NFKC, straight from ``unicodedata``."""
    return unicodedata.normalize("NFKC", text)


def oracle_fold(text: str) -> str:
    """Case-fold, then fold each look-alike onto its letter."""
    return "".join(LOOKALIKES.get(ch, ch) for ch in text.casefold())


@functools.cache
def oracle_blocklist() -> frozenset[str]:
    """The shipped common-password list, each entry normalized and folded like a password."""
    lines = COMMON_PASSWORDS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(oracle_fold(oracle_nfkc(line.strip())) for line in lines if line.strip())


def oracle_member(ch: str, cls: CharClass) -> bool:
    """Class membership: ``unicode`` is every code point but Cc and Cs; other classes list theirs."""
    if cls.unicode:
        return unicodedata.category(ch) not in ("Cc", "Cs")
    return ch in cls.chars


def oracle(password: str, policy: Policy, *, scorer: object = None) -> Expected:
    """The violations (code, params) the documented rules give, without context or previous inputs."""
    text = oracle_nfkc(password)
    length = len(text)
    out: Expected = []
    if length < policy.min_length:
        out.append(("too-short", (("min", policy.min_length), ("length", length))))
    if policy.max_length is not None and length > policy.max_length:
        out.append(("too-long", (("max", policy.max_length), ("length", length))))
    allowed = (policy.allowed, *policy.required)
    outside = sum(1 for ch in text if not any(oracle_member(ch, cls) for cls in allowed))
    if outside:
        out.append(("disallowed-character", (("count", outside), ("allowed", policy.allowed.to_rules()))))
    out.extend(
        ("missing-required", (("classes", cls.to_rules()),))
        for cls in policy.required
        if not any(oracle_member(ch, cls) for ch in text)
    )
    if policy.max_consecutive is not None:
        longest = max((len(list(run)) for _, run in itertools.groupby(text)), default=0)
        if longest > policy.max_consecutive:
            out.append(("max-consecutive", (("max", policy.max_consecutive),)))
    # Surrounding whitespace is stripped before the lookup, as Django's validator does (passkit's
    # generator relies on it; docs/policies.md does not say so yet).
    if "common" in policy.forbid and oracle_fold(text).strip() in oracle_blocklist():
        out.append(("common-password", ()))
    if policy.min_strength is not None:
        assert callable(scorer)
        score = scorer(text, [])
        if score < policy.min_strength:
            out.append(("too-weak", (("score", score), ("min", policy.min_strength))))
    return out


def observed(result: CheckResult) -> Expected:
    """The (code, params) pairs of a result."""
    return [(v.code, v.params) for v in result.violations]


def stand_in_scorer(password: str, inputs: Sequence[str]) -> int:
    """A deterministic stand-in for the strength estimator: distinct characters, modulo 5."""
    del inputs
    return len(set(password)) % 5


# -- known answers -------------------------------------------------------------------------------------


class TestKnownAnswers:
    """Known answers from the source articles and the issue."""

    def test_abc12_is_too_short_for_amazon(self) -> None:
        """``abc12`` fails ``amazon`` as too short, and only as too short."""
        result = check("abc12", "amazon")
        assert not result.ok
        assert ("too-short",) == result.codes
        assert (("min", 6), ("length", 5)) == result.violations[0].params
        assert "Use at least 6 characters (this password has 5)." == result.violations[0].message

    def test_kx7qm2_passes_amazon(self) -> None:
        """``kx7Qm2`` passes ``amazon`` with nothing to report."""
        assert CheckResult(ok=True, violations=(), findings=()) == check("kx7Qm2", "amazon")

    def test_default_policy_is_amazon(self) -> None:
        """Without a policy argument, ``amazon`` is used."""
        for password in ("abc12", "kx7Qm2", "abc123"):
            assert check(password, "amazon") == check(password)

    def test_abc123_is_a_common_password(self) -> None:
        """``abc123`` fails ``amazon`` as an easily guessed password."""
        assert ("common-password",) == check("abc123", "amazon").codes

    def test_disguised_common_password_meets_composition(self) -> None:
        """``Pa$$w0rD123`` has all four classes and 10+ characters, yet is ``password123``."""
        password = "Pa$$w0rD123"
        assert len(password) >= 10
        assert any(ch.isupper() for ch in password)
        assert any(ch.islower() for ch in password)
        assert any(ch.isdigit() for ch in password)
        assert any(not ch.isalnum() for ch in password)
        assert ("common-password",) == check(password, "amazon-recommended").codes

    @pytest.mark.parametrize("password", ["P@ssw0rd", "PA55WORD", "pa$$w0rd", "ＰＡＳＳＷＯＲＤ", "PASSWORD"])
    def test_look_alikes_of_password(self, password: str) -> None:
        """Look-alike spellings of ``password`` are common passwords too."""
        assert ("common-password",) == check(password, "amazon").codes

    def test_blocklist_matches_whole_password(self) -> None:
        """The blocklist rejects ``password`` but not a password that merely contains it."""
        assert check("password-of-mine", "amazon").ok

    def test_fullwidth_password_is_reported(self) -> None:
        """``ＰＡＳＳＷＯＲＤ`` is reported as full-width input (and is a common password)."""
        result = check("ＰＡＳＳＷＯＲＤ", "amazon")
        assert ("fullwidth",) == tuple(f.code for f in result.findings)
        assert ("common-password",) == result.codes

    def test_kana_password_is_reported(self) -> None:
        """Kana input is reported as its own finding."""
        result = check("ぱすわーどです", "nist-800-63b-mfa")
        assert ("kana",) == tuple(f.code for f in result.findings)
        assert ("too-short",) == result.codes

    def test_birthday_inside_password_fails_with_context(self) -> None:
        """A birthday inside the password fails ``amazon-recommended`` when given as context."""
        password = "Qx!19850412z"
        assert check(password, "amazon-recommended").ok
        result = check(password, "amazon-recommended", user_inputs=[datetime.date(1985, 4, 12)])
        assert ("context-word",) == result.codes
        assert (("kind", "birthday"),) == result.violations[0].params

    def test_phone_number_inside_password_fails_with_context(self) -> None:
        """A run of a phone number's digits inside the password fails ``amazon-recommended``."""
        password = "Tree#5678Qx"
        assert check(password, "amazon-recommended").ok
        result = check(password, "amazon-recommended", user_inputs=["090-1234-5678"])
        assert ("context-word",) == result.codes
        assert (("kind", "phone"),) == result.violations[0].params

    def test_every_code_in_documented_order(self) -> None:
        """Violations come in the documented order, one ``missing-required`` per rule."""
        policy = (
            "minlength: 8; max-consecutive: 2; required: upper; required: digit; allowed: lower;"
            " forbid: common, context, previous"
        )
        result = check("aaaaaa", policy, user_inputs=["aaaaaa@example.com"], previous=["aaaaaa"])
        expected = (
            "too-short",
            "missing-required",
            "missing-required",
            "max-consecutive",
            "common-password",
            "context-word",
            "previous-password",
        )
        assert expected == result.codes
        too_long = check("aaaaaaaaa\x01", "maxlength: 8; max-consecutive: 2; required: upper; allowed: lower")
        assert ("too-long", "disallowed-character", "missing-required", "max-consecutive") == too_long.codes

    def test_length_counts_code_points_after_nfkc(self) -> None:
        """Length is counted in code points of the NFKC form."""
        assert (("min", 6), ("length", 5)) == check("ａｂｃ１２", "amazon").violations[0].params
        assert (("min", 6), ("length", 5)) == check("cafe\u0301!", "minlength: 6; allowed: unicode").violations[
            0
        ].params
        assert (("min", 6), ("length", 4)) == check("😀😀😀😀", "minlength: 6; allowed: unicode").violations[0].params
        assert check("ﬁﬁﬁ", "minlength: 6; allowed: lower").ok

    def test_disallowed_characters_are_counted(self) -> None:
        """``disallowed-character`` counts every character outside ``allowed``, repeats included."""
        result = check("abc\u3042\u3042x\u00e9", "amazon")
        assert ("disallowed-character",) == result.codes
        assert (("count", 3), ("allowed", "ascii-printable")) == result.violations[0].params
        message = "Remove 3 character(s) that are not allowed; use only printable ASCII characters."
        assert message == result.violations[0].message

    def test_unicode_policies_refuse_only_controls_and_surrogates(self) -> None:
        """``allowed: unicode`` accepts kana, emoji and symbols but not controls or lone surrogates."""
        assert check("かなカナ😀漢字§x", "nist-800-63b-mfa").ok
        result = check("abcdefgh\x00\ud800", "nist-800-63b-mfa")
        assert (("count", 2), ("allowed", "unicode")) == result.violations[0].params

    @pytest.mark.parametrize(
        ("password", "codes"),
        [
            ("b", ()),  # in both classes
            ("a", ("missing-required",)),  # only in the first
            ("ad", ()),
            ("ad\t", ("disallowed-character",)),  # a control character, ASCII too
            ("a\x00", ("disallowed-character", "missing-required")),
        ],
    )
    def test_overlapping_required_classes(self, password: str, codes: tuple[str, ...]) -> None:
        """A character in two required classes counts for both (ASCII passwords take a byte table
        when the classes do not overlap, and this other way when they do)."""
        rules = "required: [abc]; required: [bcd]; allowed: unicode;"
        result = check(password, rules)
        assert codes == result.codes
        if "missing-required" in codes:
            assert (("classes", "[bcd]"),) == result.violations[-1].params

    def test_control_characters_outside_unicode_in_ascii_passwords(self) -> None:
        """An ASCII control character is outside ``allowed: unicode`` with composition rules too."""
        result = check("Abcdefg1!\r", "required: upper; required: digit; allowed: unicode;")
        assert ("disallowed-character",) == result.codes
        assert (("count", 1), ("allowed", "unicode")) == result.violations[0].params

    def test_max_consecutive(self) -> None:
        """``max-consecutive: 2`` allows a run of two and refuses a run of three."""
        assert check("aab", "max-consecutive: 2").ok
        assert ("max-consecutive",) == check("abbb", "max-consecutive: 2").codes
        assert (("max", 2),) == check("abbb", "max-consecutive: 2").violations[0].params


class TestFindings:
    """Full-width and kana findings, separate from pass or fail."""

    @pytest.mark.parametrize(
        ("password", "codes"),
        [
            ("kx7Qm2", ()),
            ("ｋｘ７Ｑｍ２", ("fullwidth",)),
            ("kx7\u3000Qm2", ("fullwidth",)),
            ("ひらがな123", ("kana",)),
            ("カタカナ123", ("kana",)),
            ("ﾊﾝｶｸｶﾀｶﾅ", ("kana",)),
            ("ＡＢＣかな", ("fullwidth", "kana")),
            ("漢字éß😀", ()),
        ],
    )
    def test_findings(self, password: str, codes: tuple[str, ...]) -> None:
        """Each input gets the expected findings."""
        assert codes == tuple(f.code for f in check(password, "nist-800-63b").findings)

    def test_findings_do_not_change_the_verdict(self) -> None:
        """Full-width input gets the same violations as its half-width form."""
        assert check("ｋｘ７Ｑｍ２", "amazon").ok
        assert check("kx7Qm2", "amazon").violations == check("ｋｘ７Ｑｍ２", "amazon").violations

    def test_finding_messages_in_both_locales(self) -> None:
        """Findings have a message in English and in Japanese."""
        english = check("ＡＢＣかな").findings
        japanese = check("ＡＢＣかな", locale="ja").findings
        assert all(isinstance(f, Finding) and f.message for f in english + japanese)
        assert "full-width" in english[0].message
        assert "kana" in english[1].message
        assert "全角" in japanese[0].message
        assert "かな" in japanese[1].message

    @given(text=st.text(st.sampled_from(ASCII_PRINTABLE[1:]), min_size=1, max_size=12))
    def test_any_fullwidth_ascii_is_found(self, text: str) -> None:
        """Any printable ASCII typed full-width is reported."""
        assert "fullwidth" in [f.code for f in check(fullwidth(text), "nist-800-63b").findings]

    @given(text=st.text(st.sampled_from(KANA), min_size=1, max_size=8))
    def test_any_kana_is_found(self, text: str) -> None:
        """Any hiragana, katakana or half-width katakana is reported."""
        assert "kana" in [f.code for f in check(text, "nist-800-63b").findings]


class TestPrevious:
    """The ``previous`` check: equal and near-equal passwords."""

    def test_equal(self) -> None:
        """A previous password is refused as such."""
        assert ("previous-password",) == check("Kx7!mQ2zPw", "amazon", previous=["Kx7!mQ2zPw"]).codes

    def test_equal_after_nfkc(self) -> None:
        """A previous password typed full-width is still the same password."""
        assert ("previous-password",) == check("ｋｘ７！ｍＱ２ｚ", "amazon", previous=["kx7!mQ2z"]).codes

    def test_changed_digits(self) -> None:
        """``Summer2023!`` then ``Summer2024!`` is too similar."""
        assert ("similar-to-previous",) == check("Summer2024!", "amazon", previous=["Summer2023!"]).codes

    @pytest.mark.parametrize("password", ["SUMM3R2023!", "#Summer2023", "summer2023!", "Summer1999!", "Summer7!"])
    def test_documented_near_equal(self, password: str) -> None:
        """The guide's near-equal examples are refused."""
        assert ("similar-to-previous",) == check(password, "amazon", previous=["Summer2023!"]).codes

    @pytest.mark.parametrize(
        "old",
        [
            "XKx7!mQ2zPw",  # one added at the front
            "Kx7!mQ2zPwXY",  # two added at the back
            "XYKx7!mQ2zPw",  # two added at the front
            "x7!mQ2zPw",  # one removed at the front
            "Kx7!mQ2z",  # two removed at the back
            "Zx7!mQ2zPw",  # one changed at the front
            "Kx7!mQ2zPZ",  # one changed at the back
            "AB7!mQ2zPw",  # two changed at the front
            "Kx7!mQ2zAB",  # two changed at the back
            "AB7!mQ2zCD",  # two changed at each end
            "KX7!MQ2ZPW",  # case changed
        ],
    )
    def test_change_at_either_end(self, old: str) -> None:
        """Changing, adding or removing a character or two at either end is not enough."""
        assert ("similar-to-previous",) == check("Kx7!mQ2zPw", "amazon", previous=[old]).codes

    @pytest.mark.parametrize("old", ["ABC!mQ2zPw", "Kx7!ZZ2zPw", "Tr0ub4dor&3", "Autumn2024!"])
    def test_different_enough(self, old: str) -> None:
        """Three changes at one end, a change in the middle, or another password pass."""
        assert check("Kx7!mQ2zPw", "amazon", previous=[old]).ok

    def test_previous_ignored_without_the_rule(self) -> None:
        """Policies that do not forbid ``previous`` ignore previous passwords."""
        assert check("Kx7!mQ2zPw-long-one", "nist-800-63b", previous=["Kx7!mQ2zPw-long-one"]).ok

    def test_any_iterable(self) -> None:
        """``previous`` may be any iterable of strings, a generator included."""
        result = check("Summer2024!", "amazon", previous=(p for p in ["x", "Summer2023!"]))
        assert ("similar-to-previous",) == result.codes

    @given(
        base=st.text(st.sampled_from(ASCII_PRINTABLE), min_size=6, max_size=16),
        cut_front=st.integers(0, 2),
        cut_back=st.integers(0, 2),
        add_front=st.text(st.sampled_from(ASCII_PRINTABLE), max_size=2),
        add_back=st.text(st.sampled_from(ASCII_PRINTABLE), max_size=2),
    )
    def test_end_edits_are_near_equal(
        self, base: str, cut_front: int, cut_back: int, add_front: str, add_back: str
    ) -> None:
        """Up to two characters changed, added or removed at each end keep a password near-equal."""
        core = base[cut_front : len(base) - cut_back]
        assume(len(core) >= 4)
        old = add_front + core + add_back
        codes = check(base, "amazon", previous=[old]).codes
        assert {"previous-password", "similar-to-previous"} & set(codes)

    @given(data=st.data(), password=passwords(), previous=previous_passwords)
    def test_equal_previous_is_always_found(self, data: st.DataObject, password: str, previous: list[str]) -> None:
        """A password NFKC-equal to a previous one is ``previous-password`` under every such policy."""
        variant = data.draw(nfkc_variants(password))
        assume(oracle_nfkc(variant) == oracle_nfkc(password))
        codes = check(password, "amazon", previous=[*previous, variant]).codes
        assert "previous-password" in codes
        assert "similar-to-previous" not in codes

    @given(a=passwords(max_size=14), b=passwords(max_size=14))
    def test_near_equality_is_symmetric(self, a: str, b: str) -> None:
        """``a`` after ``b`` gets the same previous-password verdict as ``b`` after ``a``."""
        codes = ("previous-password", "similar-to-previous")
        forward = [c for c in check(a, "amazon", previous=[b]).codes if c in codes]
        backward = [c for c in check(b, "amazon", previous=[a]).codes if c in codes]
        assert forward == backward


class TestLocale:
    """Messages in English and Japanese."""

    def test_japanese_too_short(self) -> None:
        """``abc12`` in Japanese."""
        assert "6文字以上にしてください(現在5文字)。" == check("abc12", "amazon", locale="ja").violations[0].message

    @pytest.mark.parametrize(
        ("password", "policy", "message"),
        [
            ("abc123", "amazon", "よく使われるパスワード(またはその変形)です。推測されにくいものにしてください。"),
            ("aaaaaaaaa", "maxlength: 8", "8文字以下にしてください(現在9文字)。"),
            ("abbb", "max-consecutive: 2", "同じ文字を2回より多く続けないでください。"),
            ("abc", "required: upper; allowed: lower", "英大文字(A-Z)のうち少なくとも1文字を含めてください。"),
        ],
    )
    def test_japanese_messages(self, password: str, policy: str, message: str) -> None:
        """Messages follow the documented Japanese wording."""
        assert message == check(password, policy, locale="ja").violations[0].message

    def test_japanese_context_and_previous(self) -> None:
        """Context and previous messages in Japanese."""
        context = check("Qx!19850412z", "amazon-recommended", user_inputs=["1985-04-12"], locale="ja")
        assert "パスワードに誕生日を含めないでください。" == context.violations[0].message
        previous = check("Summer2023!", "amazon", previous=["Summer2023!"], locale="ja")
        assert "以前に使ったパスワードです。新しいパスワードにしてください。" == previous.violations[0].message

    @given(pair=policies_and_passwords())
    def test_locales_differ_only_in_messages(self, pair: tuple[Policy, str]) -> None:
        """Codes and params do not depend on the locale; every message is non-empty."""
        policy, password = pair
        english = check(password, policy)
        japanese = check(password, policy, locale="ja")
        assert observed(english) == observed(japanese)
        assert english.ok == japanese.ok
        assert [f.code for f in english.findings] == [f.code for f in japanese.findings]
        assert all(v.message for v in english.violations + japanese.violations)

    @pytest.mark.parametrize("locale", ["fr", "", "EN", "en-US", "jp", "ja_JP"])
    def test_unsupported_locale(self, locale: str) -> None:
        """An unsupported locale raises ``UnsupportedLocaleError``, a ``ValueError``."""
        with pytest.raises(UnsupportedLocaleError) as info:
            check("kx7Qm2", "amazon", locale=locale)
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize("locale", [None, 1, b"en", ["en"]])
    def test_locale_of_wrong_type(self, locale: object) -> None:
        """A locale that is not a ``str`` raises ``TypeError``."""
        with pytest.raises(TypeError):
            check("kx7Qm2", "amazon", locale=locale)  # type: ignore[arg-type]


class TestArguments:
    """Argument checking."""

    @pytest.mark.parametrize("password", [None, b"kx7Qm2", 123456, ["kx7Qm2"]])
    def test_password_must_be_str(self, password: object) -> None:
        """A password that is not a ``str`` raises ``TypeError``."""
        with pytest.raises(TypeError):
            check(password)  # type: ignore[arg-type]

    @pytest.mark.parametrize("previous", ["Summer2023!", b"Summer2023!", 5, ["ok", 5], [None]])
    def test_previous_must_be_strings(self, previous: object) -> None:
        """A bare string, or anything but an iterable of ``str``, as ``previous`` raises ``TypeError``."""
        with pytest.raises(TypeError):
            check("kx7Qm2", "amazon", previous=previous)  # type: ignore[arg-type]

    @pytest.mark.parametrize("inputs", ["Taro Yamada", b"taro", 5, ["Taro", 5], [None]])
    def test_user_inputs_must_be_strings_or_dates(self, inputs: object) -> None:
        """A bare string, or anything but an iterable of ``str``/``date``, raises ``TypeError``."""
        with pytest.raises(TypeError):
            check("kx7Qm2", "amazon-recommended", user_inputs=inputs)  # type: ignore[arg-type]

    def test_type_errors_regardless_of_policy(self) -> None:
        """A bare string as ``previous`` is refused even when the policy ignores previous passwords."""
        with pytest.raises(TypeError):
            check("kx7Qm2", "owasp-asvs-l1", previous="kx7Qm2")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            check("kx7Qm2", "owasp-asvs-l1", user_inputs="kx7Qm2")

    def test_unknown_preset(self) -> None:
        """An unknown preset name raises ``UnknownPolicyError``."""
        with pytest.raises(UnknownPolicyError):
            check("kx7Qm2", "no-such-policy")

    def test_bad_rules_text(self) -> None:
        """Rules text that does not parse raises ``RulesSyntaxError``."""
        with pytest.raises(RulesSyntaxError):
            check("kx7Qm2", "minlength: many;")

    @pytest.mark.parametrize("policy", [None, 8, ["amazon"], CharClass.named("upper")])
    def test_policy_of_wrong_type(self, policy: object) -> None:
        """A policy that is not a ``Policy`` or a ``str`` raises ``TypeError``."""
        with pytest.raises(TypeError):
            check("kx7Qm2", policy)  # type: ignore[arg-type]

    def test_keyword_only_options(self) -> None:
        """``user_inputs``, ``previous`` and ``locale`` are keyword-only."""
        with pytest.raises(TypeError):
            check("kx7Qm2", "amazon", (), (), "en")  # type: ignore[misc]


class TestResultValues:
    """``CheckResult``, ``Violation`` and ``Finding`` are frozen values."""

    def test_frozen(self) -> None:
        """Results cannot be changed."""
        result = check("abc12")
        with pytest.raises(dataclasses.FrozenInstanceError):
            result.ok = True  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            result.violations[0].code = "x"  # type: ignore[misc]

    def test_value_equality(self) -> None:
        """Equal checks give equal results."""
        assert check("abc12", "amazon") == check("abc12", policies.AMAZON)
        assert Violation("too-short", "m", (("min", 6),)) == Violation("too-short", "m", (("min", 6),))
        assert hash(check("abc12")) == hash(check("abc12"))

    def test_codes(self) -> None:
        """``codes`` lists the violation codes in order."""
        result = check("aaaaaa", "minlength: 8; required: upper; forbid: common; allowed: lower")
        assert tuple(v.code for v in result.violations) == result.codes

    def test_equal_to_a_constructed_result(self) -> None:
        """A result from ``check`` equals, and hashes like, the same result built by hand."""
        result = check("ｑｘ７", "amazon")
        expected = CheckResult(False, result.violations, result.findings)
        assert expected == result
        assert hash(expected) == hash(result)
        assert ("too-short",) == result.codes
        assert ("fullwidth",) == tuple(f.code for f in result.findings)

    @pytest.mark.parametrize("minimum", [1, 10, 64, 65, 1000])
    def test_too_short_for_any_minimum(self, minimum: int) -> None:
        """``too-short`` carries the minimum and the length, however large the minimum."""
        result = check("abc", f"minlength: {minimum}")
        if minimum <= 3:
            assert result.ok
            return
        assert (("min", minimum), ("length", 3)) == result.violations[0].params
        assert f"Use at least {minimum} characters (this password has 3)." == result.violations[0].message


# -- properties ----------------------------------------------------------------------------------------


class TestOracle:
    """``check`` agrees with the independent oracle, over every preset and generated policies."""

    @given(pair=policies_and_passwords())
    def test_matches_oracle(self, pair: tuple[Policy, str]) -> None:
        """A password passes exactly when each rule holds, with the same violations in order."""
        policy, password = pair
        result = check(password, policy)
        expected = oracle(password, policy)
        assert expected == observed(result)
        assert (not expected) == result.ok

    @given(pair=policies_and_passwords(non_ascii=True))
    def test_matches_oracle_non_ascii_classes(self, pair: tuple[Policy, str]) -> None:
        """The oracle also agrees on policies whose custom classes hold non-ASCII characters."""
        policy, password = pair
        assert oracle(password, policy) == observed(check(password, policy))

    @given(name=st.sampled_from(PRESET_NAMES), password=common_password_variants())
    def test_matches_oracle_on_common_variants(self, name: str, password: str) -> None:
        """Respelt common passwords are judged as the oracle's folding says."""
        policy = policies.get(name)
        assert oracle(password, policy) == observed(check(password, name))

    @given(name=st.sampled_from(PRESET_NAMES), data=st.data())
    def test_matches_oracle_on_passwords_made_for_presets(self, name: str, data: st.DataObject) -> None:
        """Passwords built from a preset's own classes are judged as the oracle says."""
        policy = policies.get(name)
        password = data.draw(passwords_for(policy))
        assert oracle(password, policy) == observed(check(password, name))

    @given(policy=generated_policies(min_strength=True), data=st.data())
    def test_min_strength_through_the_seam(self, policy: Policy, data: st.DataObject) -> None:
        """With a stand-in scorer, ``min-strength`` joins the other rules as the oracle says."""
        password = data.draw(passwords() | passwords_for(policy))
        result = evaluate(password, policy, user_inputs=(), previous=(), locale="en", scorer=stand_in_scorer)
        assert oracle(password, policy, scorer=stand_in_scorer) == observed(result)

    @given(
        pair=policies_and_passwords(),
        inputs=user_inputs,
        previous=previous_passwords,
        locale=st.sampled_from(["en", "ja"]),
    )
    def test_deterministic(
        self, pair: tuple[Policy, str], inputs: list[object], previous: list[str], locale: str
    ) -> None:
        """The same arguments always give the same result."""
        policy, password = pair
        first = check(password, policy, user_inputs=inputs, previous=previous, locale=locale)  # type: ignore[arg-type]
        again = check(password, policy, user_inputs=list(inputs), previous=tuple(previous), locale=locale)  # type: ignore[arg-type]
        assert first == again
        assert first.ok == (not first.violations)

    @given(pair=policies_and_passwords(), previous=previous_passwords, data=st.data())
    def test_nfkc_equivalent_inputs_same_verdict(
        self, pair: tuple[Policy, str], previous: list[str], data: st.DataObject
    ) -> None:
        """NFKC-equivalent passwords get the same violations."""
        policy, password = pair
        variant = data.draw(nfkc_variants(password))
        assume(oracle_nfkc(variant) == oracle_nfkc(password))
        first = check(password, policy, previous=previous)
        second = check(variant, policy, previous=previous)
        assert first.violations == second.violations
        assert first.ok == second.ok

    @given(pair=policies_and_passwords(), inputs=user_inputs, previous=previous_passwords, data=st.data())
    def test_adding_a_rule_never_lets_a_failing_password_pass(
        self, pair: tuple[Policy, str], inputs: list[object], previous: list[str], data: st.DataObject
    ) -> None:
        """Appending a restricting rule to a policy never turns a failure into a pass."""
        policy, password = pair
        extra = data.draw(restricting_rules(policy))
        try:
            stricter = Policy.from_rules(f"{policy.to_rules()} {extra}", non_ascii=True)
        except RulesSyntaxError:
            assume(False)
            return

        def run(p: Policy) -> CheckResult:
            return evaluate(
                password,
                p,
                user_inputs=inputs,  # type: ignore[arg-type]
                previous=previous,
                locale="en",
                scorer=stand_in_scorer,
            )

        base = run(policy)
        if not base.ok:
            assert not run(stricter).ok
        assert set(base.codes) <= set(run(stricter).codes)


class TestMinStrength:
    """The ``min-strength`` rule and its seam to the strength estimator."""

    def test_stand_in_below_minimum(self) -> None:
        """A score below the minimum is a ``too-weak`` violation with score and minimum."""
        result = evaluate(
            "kx7Qm2", "min-strength: 3;", user_inputs=(), previous=(), locale="en", scorer=lambda pw, inputs: 2
        )
        assert ("too-weak",) == result.codes
        assert (("score", 2), ("min", 3)) == result.violations[0].params
        expected = "This password is too easy to guess (strength 2 of 4; at least 3 is needed)."
        assert expected == result.violations[0].message

    def test_stand_in_at_minimum(self) -> None:
        """A score equal to the minimum passes."""
        result = evaluate(
            "kx7Qm2", "min-strength: 3;", user_inputs=(), previous=(), locale="en", scorer=lambda pw, inputs: 3
        )
        assert result.ok

    def test_scorer_sees_normalized_password_and_inputs(self) -> None:
        """The scorer gets the NFKC form of the password and the user inputs as text."""
        seen: list[tuple[str, list[str]]] = []

        def recorder(password: str, inputs: Sequence[str]) -> int:
            seen.append((password, list(inputs)))
            return 4

        evaluate(
            "ｋｘ７Ｑｍ２",
            "min-strength: 1;",
            user_inputs=["Taro Yamada", datetime.date(1985, 4, 12)],
            previous=(),
            locale="en",
            scorer=recorder,
        )
        assert 1 == len(seen)
        assert "kx7Qm2" == seen[0][0]
        assert "Taro Yamada" in seen[0][1]
        assert any("1985" in text for text in seen[0][1])

    @pytest.mark.parametrize("name", PRESET_NAMES)
    def test_scorer_not_called_without_the_rule(self, name: str) -> None:
        """Policies without ``min-strength`` never call the scorer."""

        def refuse(password: str, inputs: Sequence[str]) -> int:
            raise AssertionError("the scorer must not be called")

        evaluate("kx7Qm2", name, user_inputs=["Taro"], previous=(), locale="en", scorer=refuse)

    def test_japanese_message(self) -> None:
        """The ``too-weak`` message in Japanese."""
        result = evaluate("kx", "min-strength: 4;", user_inputs=(), previous=(), locale="ja", scorer=lambda pw, i: 1)
        assert "推測されやすいパスワードです(強度 1/4、4以上が必要です)。" == result.violations[0].message

    def test_default_scorer(self) -> None:
        """With the default scorer, a weak password fails ``min-strength: 3`` and the empty one scores 0."""
        assert ("too-weak",) == check("qwerty123", "min-strength: 3;").codes
        assert (("score", 0), ("min", 1)) == check("", "min-strength: 1;").violations[0].params
        assert check("correct-Horse-battery-staple-92!", "min-strength: 3;").ok


# -- security ------------------------------------------------------------------------------------------


def _shape(text: str) -> str:
    """Collapse digit runs, so that texts differing only in numbers compare equal."""
    return re.sub(r"\d+", "0", text)


@functools.lru_cache(maxsize=512)
def _fixed_texts(policy: Policy) -> str:
    """Every text ``check`` can show for ``policy``, from probe passwords that trigger each rule.

    Messages differ between passwords only in numbers (collapsed by ``_shape``), so a password
    whose shape is not in here cannot legitimately appear in a result.
    """
    probes = [
        "",
        "\x01" * ((policy.max_consecutive or 1) + 1),
        "password",
        "ＡＢかな",
        "x" * ((policy.max_length or 0) + 1),
    ]
    contexts = [
        ("probename", ["Probe Name"]),
        ("probe", ["probe@example.com"]),
        ("12345678", ["090-1234-5678"]),
        ("1985", [datetime.date(1985, 4, 12)]),
    ]
    texts = []
    for locale in ("en", "ja"):
        texts += [repr(check(probe, policy, locale=locale)) for probe in probes]
        texts += [repr(check(probe, policy, user_inputs=inputs, locale=locale)) for probe, inputs in contexts]
        texts += [repr(check("probe-pw", policy, previous=[old], locale=locale)) for old in ("probe-pw", "PROBE-PW")]
    return _shape("\n".join(texts))


class TestNoPasswordInOutput:
    """No result, message, ``repr`` or exception contains the password."""

    @given(
        policy=preset_policies | generated_policies(),
        password=secret_passwords,
        locale=st.sampled_from(["en", "ja"]),
        previous=st.lists(st.sampled_from(["Summer2023!", "kx7Qm2"]), max_size=2),
    )
    def test_results(self, policy: Policy, password: str, locale: str, previous: list[str]) -> None:
        """The password never appears in the result, its ``repr`` or any message."""
        assume(_shape(password) not in _fixed_texts(policy))
        result = check(password, policy, previous=previous, locale=locale)
        assert password not in repr(result)
        assert password not in str(result)
        for item in (*result.violations, *result.findings):
            assert password not in item.message
            assert password not in repr(item)
        for violation in result.violations:
            assert all(password not in str(value) for _, value in violation.params)

    @given(password=secret_passwords.filter(lambda pw: ":" not in pw))
    def test_password_given_as_policy_name(self, password: str) -> None:
        """A password passed by mistake as the policy name is not echoed."""
        assume(password.lower() not in PRESET_NAMES)
        reference = _error_text(lambda: check("x", "zz-no-such-preset"))
        assume(_shape(password) not in _shape(reference))
        assert password not in _error_text(lambda: check("x", password))

    @given(
        head=st.text(st.sampled_from(ASCII_PRINTABLE[1:]), min_size=1, max_size=12),
        tail=st.text(st.sampled_from(ASCII_PRINTABLE[1:] + KANA), min_size=2, max_size=12),
    )
    def test_password_given_as_rules_text(self, head: str, tail: str) -> None:
        """A password containing ``:`` passed by mistake as rules text is not echoed whole."""
        password = f"{head}:{tail}"
        assert password not in _error_text(lambda: check("x", password))

    @given(password=secret_passwords)
    def test_errors_about_other_arguments(self, password: str) -> None:
        """Errors about the other arguments never carry the password."""
        references = [_error_text(call) for call in _bad_calls("\x00reference\x00")]
        assume(all(_shape(password) not in _shape(text) for text in references))
        for call in _bad_calls(password):
            message = _error_text(call)
            assert message
            assert password not in message


def _error_text(call: Callable[[], object]) -> str:
    """The text and repr of the error ``call`` raises (``""`` when it raises none)."""
    try:
        call()
    except (TypeError, ValueError) as error:
        return f"{error}\n{error!r}"
    return ""


def _bad_calls(password: str) -> list[Callable[[], object]]:
    """Calls that check ``password`` with one other argument wrong."""
    bad: Any = None
    return [
        lambda: check(password, "amazon", locale="xx"),
        lambda: check(password, "amazon", locale=bad),
        lambda: check(password, "amazon", previous=password),
        lambda: check(password, "amazon", previous=[password, bad]),
        lambda: check(password, "amazon-recommended", user_inputs=password),
        lambda: check(password, "amazon-recommended", user_inputs=[password, bad]),
        lambda: check(password, bad),
        lambda: check(password, "no-such-preset"),
        lambda: check(password, "minlength: many"),
    ]


class TestBoundedInput:
    """Huge and malformed input returns a result, for every preset."""

    @pytest.mark.parametrize("name", PRESET_NAMES)
    @pytest.mark.parametrize(
        "password",
        [
            pytest.param("a" * 1_000_000, id="1MB-run"),
            pytest.param(("Kx7!mQ2zあ" * 100_000)[:1_000_000], id="1MB-mixed"),
            pytest.param("e\u0301" * 500_000, id="1MB-combining"),
            pytest.param("\u0301" * 1_000_000, id="1MB-lone-combining"),
            pytest.param("\ufdfa" * 50_000, id="nfkc-expands-18x"),
            pytest.param("\ud800abc\udfff" * 1000, id="lone-surrogates"),
            pytest.param("\x00" * 1000, id="nul"),
            pytest.param("", id="empty"),
            pytest.param("\n\r\t", id="newlines"),
        ],
    )
    def test_returns_a_result(self, name: str, password: str) -> None:
        """``check`` returns a result, without raising, on any ``str``."""
        result = check(password, name, user_inputs=["Taro Yamada", "090-1234-5678"], previous=["kx7Qm2"])
        assert isinstance(result, CheckResult)
        assert set(result.codes) <= set(DOCUMENTED_ORDER)

    @pytest.mark.parametrize("name", PRESET_NAMES)
    def test_huge_user_inputs_and_previous(self, name: str) -> None:
        """Megabyte user inputs and previous passwords return a result."""
        big = "x" * 1_000_000
        result = check(big, name, user_inputs=[big, "9" * 1_000_000], previous=[big, big + "y"])
        assert isinstance(result, CheckResult)

    @given(
        name=st.sampled_from(PRESET_NAMES),
        password=st.text(st.characters(codec=None), max_size=64),
        inputs=user_inputs,
        previous=st.lists(st.text(st.characters(codec=None), max_size=32), max_size=3),
    )
    def test_any_text_returns_a_result(
        self, name: str, password: str, inputs: list[object], previous: list[str]
    ) -> None:
        """Any code points at all, surrogates included, return a result."""
        result = check(password, name, user_inputs=inputs, previous=previous)  # type: ignore[arg-type]
        assert result.ok == (not result.violations)


class TestThreads:
    """``check`` is safe to call from many threads at once."""

    CASES = (
        ("abc12", {}),
        ("kx7Qm2", {}),
        ("Pa$$w0rD123", {}),
        ("ＰＡＳＳＷＯＲＤ", {"locale": "ja"}),
        ("Qx!19850412z", {"user_inputs": ["Hanako Yamada", "1985-04-12"]}),
        ("Summer2024!", {"previous": ["Summer2023!"]}),
    )

    def test_concurrent_checks_agree_with_sequential_ones(self) -> None:
        """Results from 8 threads equal the results of the same checks run one by one."""
        jobs = [(password, name, options) for password, options in self.CASES for name in PRESET_NAMES] * 8
        expected = [check(password, name, **options) for password, name, options in jobs]
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(lambda job: check(job[0], job[1], **job[2]), jobs))
        assert expected == got

    def test_first_use_from_many_threads(self, tmp_path: Path) -> None:
        """Threads that all check at once in a fresh process, loading the word list, agree."""
        script = """
import json, threading, passkit
barrier = threading.Barrier(8)
results = [None] * 8
def work(index):
    barrier.wait()
    results[index] = [
        list(passkit.check(pw, name).codes)
        for pw in ("abc123", "Pa$$w0rD123", "kx7Qm2", "P@ssw0rd")
        for name in passkit.policies.names()
    ]
threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps(results))
"""
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True, timeout=60
        )
        results = json.loads(done.stdout)
        expected = [
            list(check(pw, name).codes)
            for pw in ("abc123", "Pa$$w0rD123", "kx7Qm2", "P@ssw0rd")
            for name in PRESET_NAMES
        ]
        assert [expected] * 8 == results
