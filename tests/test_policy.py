"""Tests for ``Policy``, ``CharClass``, the Password Rules parser and the presets."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import (
    ASCII_PRINTABLE,
    RulesDocument,
    char_classes,
    generated_policies,
    rules_documents,
)

import passkit
from passkit import CharClass, Policy, policies
from passkit.exceptions import PolicyError, RulesSyntaxError, UnknownPolicyError

UPPER = CharClass.named("upper")
LOWER = CharClass.named("lower")
DIGIT = CharClass.named("digit")
SPECIAL = CharClass.named("special")
PRINTABLE = CharClass.named("ascii-printable")
UNICODE = CharClass.named("unicode")


def _is_ascii_policy(policy: Policy) -> bool:
    classes = (policy.allowed, *policy.required)
    return all(cls.unicode or all(ch.isascii() for ch in cls.chars) for cls in classes)


def _parse_or_position(text: str, *, non_ascii: bool) -> tuple[Policy | None, int]:
    """The parsed policy, or ``None`` and the position of the syntax error."""
    try:
        return Policy.from_rules(text, non_ascii=non_ascii), -1
    except RulesSyntaxError as error:
        return None, error.position


class TestFromRulesKnownAnswers:
    """Known answers for ``Policy.from_rules``."""

    @pytest.mark.parametrize(
        ("text", "canonical"),
        [
            ("", "allowed: ascii-printable;"),
            ("   ", "allowed: ascii-printable;"),
            ("minlength: 8", "minlength: 8; allowed: ascii-printable;"),
            ("minlength: 8;", "minlength: 8; allowed: ascii-printable;"),
            (" minlength :\t8 ;\n", "minlength: 8; allowed: ascii-printable;"),
            ("minlength: 0008", "minlength: 8; allowed: ascii-printable;"),
            ("minlength: 0", "allowed: ascii-printable;"),
            ("maxlength: 1", "maxlength: 1; allowed: ascii-printable;"),
            ("max-consecutive: 2", "max-consecutive: 2; allowed: ascii-printable;"),
            ("required: digit", "required: digit; allowed: digit;"),
            ("allowed: lower", "allowed: lower;"),
            ("allowed: unicode, [a]", "allowed: unicode;"),
            ("allowed: [abcdefghijklmnopqrstuvwxyz], [-]]", "allowed: lower, [-]];"),
            ("allowed: upper, lower, digit, special", "allowed: ascii-printable;"),
            ("forbid: previous, common", "allowed: ascii-printable; forbid: common, previous;"),
            ("min-strength: 3", "allowed: ascii-printable; min-strength: 3;"),
            (
                "minlength: 8; required: upper; required: digit, special;",
                "minlength: 8; required: digit, special; required: upper; allowed: upper, digit, special;",
            ),
            (
                "required: upper; required: digit, special; allowed: lower",
                "required: digit, special; required: upper; allowed: ascii-printable;",
            ),
            (
                "required: upper; required: [-@]; allowed: lower",
                "required: [-@]; required: upper; allowed: upper, lower, [-@];",
            ),
        ],
    )
    def test_canonical_text(self, text: str, canonical: str) -> None:
        """Each text parses and formats back to the expected canonical text."""
        assert canonical == Policy.from_rules(text).to_rules()

    def test_names_are_case_insensitive(self) -> None:
        """Property and class names may be written in any case."""
        assert Policy.from_rules(
            "minlength: 8; required: upper, digit; allowed: ascii-printable;"
        ) == Policy.from_rules("MinLength: 8; REQUIRED: Upper, DIGIT; Allowed: ASCII-Printable;")

    def test_required_is_and_across_rules_or_inside_one(self) -> None:
        """Two ``required`` rules must both hold; one rule with two classes needs either."""
        both = Policy.from_rules("required: upper; required: digit; allowed: lower;")
        either = Policy.from_rules("required: upper, digit; allowed: lower;")
        assert {UPPER, DIGIT} == set(both.required)
        assert (CharClass.union_of([UPPER, DIGIT]),) == either.required
        assert [False, False, True] == [passkit.check(pw, both).ok for pw in ("abcA", "abc1", "abcA1")]
        assert [True, True, True] == [passkit.check(pw, either).ok for pw in ("abcA", "abc1", "abcA1")]
        assert ("missing-required",) == passkit.check("abc", either).codes
        assert ("missing-required", "missing-required") == passkit.check("abc", both).codes

    def test_allowed_is_the_union(self) -> None:
        """Several ``allowed`` properties, and several classes in one, add up."""
        expected = CharClass.union_of([LOWER, DIGIT, CharClass(frozenset("@"))])
        assert expected == Policy.from_rules("allowed: lower; allowed: digit, [@]").allowed

    def test_required_characters_are_allowed(self) -> None:
        """Characters of required classes are allowed even where ``allowed`` does not name them."""
        policy = Policy.from_rules("required: upper; allowed: lower;")
        assert CharClass.union_of([UPPER, LOWER]) == policy.allowed
        assert passkit.check("aB", policy).ok
        assert ("disallowed-character",) == passkit.check("aB1", policy).codes

    def test_required_outside_allowed_widens_allowed(self) -> None:
        """Apple's semantics: appending ``required: upper`` to ``allowed: lower`` lets upper case in."""
        assert not passkit.check("aB", "allowed: lower;").ok
        assert passkit.check("aB", "allowed: lower; required: upper;").ok

    def test_required_alone_allows_only_required(self) -> None:
        """With ``required`` and no ``allowed``, only the required characters are allowed."""
        assert DIGIT == Policy.from_rules("required: digit").allowed
        assert PRINTABLE == Policy.from_rules("minlength: 3").allowed

    @pytest.mark.parametrize(
        ("text", "field", "expected"),
        [
            ("minlength: 6; minlength: 8; minlength: 7", "min_length", 8),
            ("maxlength: 20; maxlength: 16; maxlength: 30", "max_length", 16),
            ("max-consecutive: 3; max-consecutive: 2; max-consecutive: 4", "max_consecutive", 2),
            ("min-strength: 2; min-strength: 3; min-strength: 1", "min_strength", 3),
            ("forbid: common; forbid: previous, context", "forbid", frozenset({"common", "context", "previous"})),
        ],
    )
    def test_repeated_property_merges_to_the_stricter_value(self, text: str, field: str, expected: object) -> None:
        """A repeated property keeps the stricter value (or the union of checks)."""
        assert expected == getattr(Policy.from_rules(text), field)

    def test_each_required_is_one_more_rule(self) -> None:
        """Repeated ``required`` properties each add a rule; identical rules collapse into one."""
        assert 3 == len(Policy.from_rules("required: upper; required: lower; required: digit").required)
        assert Policy.from_rules("required: upper") == Policy.from_rules("required: upper; required: UPPER")

    @pytest.mark.parametrize(
        ("text", "chars"),
        [
            ("[-@]", "-@"),
            ("[abc]]", "abc]"),
            ("[]]", "]"),
            ("[-]]", "-]"),
            ("[-]", "-"),
            ("[[]", "["),
            ("[ ;,:]", " ;,:"),
            ("[\"'\\`]", "\"'\\`"),
        ],
    )
    def test_custom_classes(self, text: str, chars: str) -> None:
        """Custom classes hold exactly the characters listed; ``-`` first and ``]]`` last are literals."""
        assert CharClass(frozenset(chars)) == Policy.from_rules(f"allowed: {text}").allowed
        assert CharClass(frozenset(chars)) == CharClass.from_rules(text)

    def test_non_ascii_custom_class_with_flag(self) -> None:
        """``non_ascii=True`` keeps non-ASCII characters of custom classes."""
        policy = Policy.from_rules("allowed: lower, [é];", non_ascii=True)
        assert "é" in policy.allowed
        assert passkit.check("café", policy).ok

    def test_from_rules_rejects_non_str(self) -> None:
        """Rules text must be a ``str``."""
        with pytest.raises(TypeError):
            Policy.from_rules(b"minlength: 8")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Policy.from_rules(None)  # type: ignore[arg-type]


class TestFromRulesErrors:
    """Every syntax error raises ``RulesSyntaxError`` naming the right position."""

    @pytest.mark.parametrize(
        ("text", "position"),
        [
            # unknown property
            ("bogus: 1", 0),
            ("minlength: 8; requird: upper;", 14),
            ("minlength: 8; min_length: 9", 14),
            # empty value
            ("minlength:", 10),
            ("minlength: ;", 11),
            ("required:   ; minlength: 3", 12),
            ("forbid:", 7),
            # malformed or out-of-range integer
            ("minlength: abc", 11),
            ("minlength: -1", 11),
            ("minlength: 1.5", 12),
            ("minlength: 8 9", 13),
            ("minlength: ８", 11),
            ("minlength: 99999999", 11),
            ("minlength: 1000001", 11),
            ("maxlength: 0", 11),
            ("max-consecutive: 0", 17),
            ("min-strength: 5", 14),
            # unknown class or check
            ("required: uper;", 10),
            ("allowed: lower, nope", 16),
            ("required: upper,", 16),
            ("required: upper lower", 16),
            ("forbid: dictionary", 8),
            ("forbid: common, nope", 16),
            # non-ASCII or control characters in a custom class
            ("allowed: lower, [é];", 17),
            ("allowed: [ab\u3042]", 12),
            ("required: [\t]", 11),
            ("required: [a\x00]", 12),
            # misplaced '-'
            ("allowed: [a-z];", 11),
            ("allowed: [--]", 11),
            ("allowed: [ab-]", 12),
            # misplaced ']'
            ("allowed: [a]b]", 12),
            # unclosed '['
            ("required: [abc", 10),
            ("minlength: 8; allowed: [", 23),
            # empty '[]'
            ("required: []", 10),
            ("allowed: upper, []", 16),
            # minlength above maxlength: the later of the two properties
            ("minlength: 10; maxlength: 6", 15),
            ("maxlength: 6; minlength: 10", 14),
            ("minlength: 10; maxlength: 8; minlength: 5", 15),
            # stray separators
            (";", 0),
            ("minlength: 8;;", 13),
            ("minlength 8", 10),
        ],
    )
    def test_error_position(self, text: str, position: int) -> None:
        """The error is a ``RulesSyntaxError`` (a ``ValueError``) at the expected position."""
        with pytest.raises(RulesSyntaxError) as info:
            Policy.from_rules(text)
        assert position == info.value.position
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, PolicyError)
        assert info.value.problem
        assert info.value.problem in str(info.value)
        assert f"position {position}" in str(info.value)

    @given(
        document=rules_documents(),
        bad=st.sampled_from(
            [
                ("bogus: 1", 0),
                ("minlength: x", 11),
                ("minlength: 1000001", 11),
                ("maxlength: 0", 11),
                ("minlength:", 10),
                ("required: [a-b]", 12),
                ("required: []", 10),
                ("required: [ab", 10),
                ("allowed: nope", 9),
                ("allowed: [é]", 10),
                ("forbid: all", 8),
            ]
        ),
    )
    def test_error_position_after_valid_text(self, document: RulesDocument, bad: tuple[str, int]) -> None:
        """A bad property after any valid rules text is reported at its own offset."""
        assume(document.expected is not None)
        fragment, offset = bad
        prefix = document.text.rstrip(" \t\n\r\f")
        if prefix and not prefix.endswith(";"):
            prefix += ";"
        prefix += " "
        with pytest.raises(RulesSyntaxError) as info:
            Policy.from_rules(prefix + fragment)
        assert len(prefix) + offset == info.value.position

    @given(
        document=rules_documents(non_ascii=True),
        position=st.integers(0, 200),
        insert=st.sampled_from(
            ["[", "]", "]]", "-", ",", ";", ":", " ", "\x00", "é", "a", "1", "[-", "minlength:", ""]
        ),
        cut=st.integers(0, 3),
        non_ascii=st.booleans(),
    )
    def test_mutated_text_parses_or_raises_syntax_error(
        self, document: RulesDocument, position: int, insert: str, cut: int, non_ascii: bool
    ) -> None:
        """Any edit of valid text either parses (and round-trips) or raises ``RulesSyntaxError`` inside the text."""
        position = min(position, len(document.text))
        text = document.text[:position] + insert + document.text[position + cut :]
        policy, position = _parse_or_position(text, non_ascii=non_ascii)
        if policy is None:
            assert 0 <= position <= len(text)
        else:
            assert policy == Policy.from_rules(policy.to_rules(), non_ascii=True)

    @given(text=st.text(max_size=40), non_ascii=st.booleans())
    def test_any_text_parses_or_raises_syntax_error(self, text: str, non_ascii: bool) -> None:
        """Arbitrary text never raises anything but ``RulesSyntaxError``."""
        policy, position = _parse_or_position(text, non_ascii=non_ascii)
        assert policy is not None or 0 <= position <= len(text)

    def test_non_ascii_flag_does_not_allow_controls(self) -> None:
        """Even with ``non_ascii=True``, controls and lone surrogates are refused in a custom class."""
        for text, position in (("allowed: [a\x85]", 11), ("allowed: [\ud800]", 10)):
            with pytest.raises(RulesSyntaxError) as info:
                Policy.from_rules(text, non_ascii=True)
            assert position == info.value.position


class TestRoundTrip:
    """``Policy.from_rules(p.to_rules()) == p`` and the canonical form."""

    @given(policy=generated_policies(min_strength=True))
    def test_round_trip_ascii_policies(self, policy: Policy) -> None:
        """A policy built in Python survives formatting and parsing."""
        assert policy == Policy.from_rules(policy.to_rules())

    @given(policy=generated_policies(non_ascii=True, min_strength=True))
    def test_round_trip_non_ascii_policies(self, policy: Policy) -> None:
        """With ``non_ascii=True``, policies holding non-ASCII class characters round-trip too."""
        assert policy == Policy.from_rules(policy.to_rules(), non_ascii=True)
        if not _is_ascii_policy(policy):
            with pytest.raises(RulesSyntaxError):
                Policy.from_rules(policy.to_rules())

    @given(document=rules_documents())
    def test_generated_text_parses_to_its_meaning(self, document: RulesDocument) -> None:
        """Generated rules text parses to the policy the documented merge rules give."""
        if document.expected is None:
            with pytest.raises(RulesSyntaxError):
                Policy.from_rules(document.text)
            return
        policy = Policy.from_rules(document.text)
        assert document.expected == policy
        assert policy == Policy.from_rules(policy.to_rules())

    @given(document=rules_documents(non_ascii=True))
    def test_generated_non_ascii_text_round_trips(self, document: RulesDocument) -> None:
        """Generated text with non-ASCII custom classes parses with the flag and round-trips."""
        assume(document.expected is not None)
        policy = Policy.from_rules(document.text, non_ascii=True)
        assert document.expected == policy
        assert policy == Policy.from_rules(policy.to_rules(), non_ascii=True)

    @given(policy=generated_policies(non_ascii=True, min_strength=True))
    def test_canonical_text_is_a_fixed_point(self, policy: Policy) -> None:
        """Formatting a parsed canonical text gives the same text."""
        text = policy.to_rules()
        assert text == Policy.from_rules(text, non_ascii=True).to_rules()
        assert text.endswith(";")
        assert text == text.strip()

    @given(a=generated_policies(non_ascii=True, min_strength=True), b=generated_policies(min_strength=True))
    def test_equal_exactly_when_canonical_texts_equal(self, a: Policy, b: Policy) -> None:
        """Two policies are equal exactly when their canonical texts are equal, and hash alike."""
        assert (a == b) == (a.to_rules() == b.to_rules())
        if a == b:
            assert hash(a) == hash(b)

    @pytest.mark.parametrize("name", policies.names())
    def test_presets_round_trip(self, name: str) -> None:
        """Every preset round-trips through its canonical text."""
        preset = policies.get(name)
        assert preset == Policy.from_rules(preset.to_rules())

    @given(policy=generated_policies(non_ascii=True, min_strength=True))
    def test_repr_rebuilds_the_policy(self, policy: Policy) -> None:
        """``repr(policy)`` is the ``from_rules`` call that rebuilds it."""
        assert repr(policy).startswith("Policy.from_rules(")
        assert policy == eval(repr(policy), {"Policy": Policy})  # noqa: S307 (evaluating our own repr)


class TestPolicyConstructor:
    """``Policy(...)`` validates its fields."""

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"min_length": "8"},
            {"min_length": 8.0},
            {"min_length": True},
            {"min_length": None},
            {"max_length": "64"},
            {"max_length": False},
            {"max_consecutive": 2.5},
            {"min_strength": "3"},
            {"required": [UPPER]},
            {"required": ("upper",)},
            {"required": UPPER},
            {"allowed": "lower"},
            {"allowed": None},
            {"forbid": {"common"}},
            {"forbid": ("common",)},
            {"forbid": frozenset({1})},
        ],
    )
    def test_wrong_types_raise_type_error(self, kwargs: dict[str, object]) -> None:
        """A field of the wrong type raises ``TypeError``."""
        with pytest.raises(TypeError):
            Policy(**kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"min_length": -1},
            {"min_length": 1_000_001},
            {"max_length": 0},
            {"max_consecutive": 0},
            {"min_strength": -1},
            {"min_strength": 5},
            {"min_length": 10, "max_length": 9},
            {"forbid": frozenset({"dictionary"})},
        ],
    )
    def test_bad_values_raise_policy_error(self, kwargs: dict[str, object]) -> None:
        """A field with an invalid value raises ``PolicyError`` (a ``ValueError``)."""
        with pytest.raises(PolicyError) as info:
            Policy(**kwargs)  # type: ignore[arg-type]
        assert isinstance(info.value, ValueError)

    def test_defaults(self) -> None:
        """The default policy allows printable ASCII and checks nothing else."""
        assert "allowed: ascii-printable;" == Policy().to_rules()
        assert Policy() == Policy.from_rules("")

    def test_required_is_sorted_and_deduplicated(self) -> None:
        """Equal policies do not depend on the order or repetition of required classes."""
        assert Policy(required=(DIGIT, UPPER, DIGIT)) == Policy(required=(UPPER, DIGIT))
        assert 2 == len(Policy(required=(DIGIT, UPPER, DIGIT)).required)

    def test_allowed_holds_required(self) -> None:
        """``allowed`` always holds every required class."""
        policy = Policy(required=(UPPER,), allowed=LOWER)
        assert CharClass.union_of([UPPER, LOWER]) == policy.allowed
        assert policy == Policy(required=(UPPER,), allowed=CharClass.union_of([UPPER, LOWER]))

    def test_python_policy_keeps_default_allowed(self) -> None:
        """A ``Policy`` built directly keeps printable ASCII allowed even with required classes."""
        assert PRINTABLE == Policy(required=(DIGIT,)).allowed

    def test_is_frozen(self) -> None:
        """A policy cannot be changed after it is built."""
        policy = Policy(min_length=8)
        with pytest.raises(dataclasses.FrozenInstanceError):
            policy.min_length = 4  # type: ignore[misc]

    @given(policy=generated_policies(min_strength=True))
    def test_hashable_and_usable_as_key(self, policy: Policy) -> None:
        """Policies are hashable values."""
        assert 1 == {policy: 1}[Policy.from_rules(policy.to_rules())]


class TestCharClass:
    """``CharClass`` values."""

    def test_named_classes(self) -> None:
        """The named classes hold the documented characters."""
        assert frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == UPPER.chars
        assert frozenset("abcdefghijklmnopqrstuvwxyz") == LOWER.chars
        assert frozenset("0123456789") == DIGIT.chars
        assert frozenset(" !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") == SPECIAL.chars
        assert frozenset(ASCII_PRINTABLE) == PRINTABLE.chars
        assert 95 == len(PRINTABLE.chars)
        assert UNICODE.unicode

    def test_named_is_case_insensitive(self) -> None:
        """``CharClass.named`` accepts any case."""
        assert UPPER == CharClass.named("UPPER")
        assert UNICODE == CharClass.named("Unicode")

    def test_unicode_membership(self) -> None:
        """``unicode`` holds every code point except controls (Cc) and lone surrogates."""
        for ch in ("a", " ", "あ", "\u00a0", "\u200b", "😀", "\u0301", "\ue000"):
            assert ch in UNICODE
        for ch in ("\x00", "\n", "\x7f", "\x85", "\ud800", "\udfff"):
            assert ch not in UNICODE
        assert "ab" not in UNICODE
        assert 5 not in UNICODE

    def test_equal_by_characters(self) -> None:
        """Two classes are equal when they hold the same characters, however written."""
        assert LOWER == CharClass.from_rules("[abcdefghijklmnopqrstuvwxyz]")
        assert PRINTABLE == CharClass.from_rules("upper, lower, digit, special")

    @pytest.mark.parametrize(
        "chars",
        [frozenset(), frozenset({"\x00"}), frozenset({"ab"}), frozenset({"\ud800"}), frozenset({"\n"})],
    )
    def test_bad_characters_raise_policy_error(self, chars: frozenset[str]) -> None:
        """Empty classes, multi-character strings, controls and surrogates are refused."""
        with pytest.raises(PolicyError):
            CharClass(chars)

    @pytest.mark.parametrize("kwargs", [{"chars": "abc"}, {"chars": {"a"}}, {"unicode": 1}, {"chars": frozenset({1})}])
    def test_wrong_types(self, kwargs: dict[str, object]) -> None:
        """Fields of the wrong type raise ``TypeError`` (or ``PolicyError`` for non-str members)."""
        with pytest.raises((TypeError, PolicyError)):
            CharClass(**kwargs)  # type: ignore[arg-type]

    def test_unknown_name(self) -> None:
        """An unknown class name raises ``PolicyError``."""
        with pytest.raises(PolicyError):
            CharClass.named("letters")

    @given(cls=char_classes(non_ascii=True))
    def test_round_trip(self, cls: CharClass) -> None:
        """A class survives its canonical text."""
        assert cls == CharClass.from_rules(cls.to_rules(), non_ascii=True)


class TestPresets:
    """The preset policies in ``passkit.policies``."""

    def test_names(self) -> None:
        """The six documented presets, in a stable order."""
        expected = (
            "amazon",
            "amazon-recommended",
            "nist-800-63b",
            "nist-800-63b-mfa",
            "owasp-asvs-l1",
            "owasp-asvs-l2",
        )
        assert expected == policies.names()

    @pytest.mark.parametrize(
        ("name", "canonical"),
        [
            ("amazon", "minlength: 6; allowed: ascii-printable; forbid: common, previous;"),
            (
                "amazon-recommended",
                (
                    "minlength: 10; required: digit; required: lower; required: special; required: upper;"
                    " allowed: ascii-printable; forbid: common, context, previous;"
                ),
            ),
            ("nist-800-63b", "minlength: 15; allowed: unicode; forbid: common, context;"),
            ("nist-800-63b-mfa", "minlength: 8; allowed: unicode; forbid: common, context;"),
            ("owasp-asvs-l1", "minlength: 8; allowed: unicode; forbid: common;"),
            ("owasp-asvs-l2", "minlength: 8; allowed: unicode; forbid: common, context;"),
        ],
    )
    def test_preset_rules(self, name: str, canonical: str) -> None:
        """Each preset says what its source says."""
        assert canonical == policies.get(name).to_rules()

    @pytest.mark.parametrize("name", policies.names())
    def test_at_least_64_characters_accepted(self, name: str) -> None:
        """No preset caps length below 64 characters."""
        max_length = policies.get(name).max_length
        assert max_length is None or max_length >= 64

    @pytest.mark.parametrize("name", policies.names())
    def test_info_cites_a_source(self, name: str) -> None:
        """``policies.info`` gives the preset with its summary and source."""
        info = policies.info(name)
        assert name == info.name
        assert policies.get(name) == info.policy
        assert info.summary
        assert info.source

    def test_names_are_case_insensitive(self) -> None:
        """Preset names may be written in any case."""
        assert policies.NIST_800_63B == policies.get("NIST-800-63B")
        assert policies.AMAZON == policies.get("Amazon")

    def test_unknown_name(self) -> None:
        """An unknown preset name raises ``UnknownPolicyError``, a ``LookupError`` and ``ValueError``."""
        with pytest.raises(UnknownPolicyError) as info:
            policies.get("facebook")
        assert isinstance(info.value, LookupError)
        assert isinstance(info.value, ValueError)
        assert "amazon" in str(info.value)

    def test_non_str_name(self) -> None:
        """A preset name must be a ``str``."""
        with pytest.raises(TypeError):
            policies.get(None)  # type: ignore[arg-type]

    def test_constants_match_names(self) -> None:
        """The module constants are the named presets."""
        assert [
            policies.AMAZON,
            policies.AMAZON_RECOMMENDED,
            policies.NIST_800_63B,
            policies.NIST_800_63B_MFA,
            policies.OWASP_ASVS_L1,
            policies.OWASP_ASVS_L2,
        ] == [policies.get(name) for name in policies.names()]

    @pytest.mark.parametrize("name", policies.names())
    def test_no_preset_uses_min_strength(self, name: str) -> None:
        """No preset uses ``min-strength`` yet (the estimator has not landed)."""
        assert policies.get(name).min_strength is None

    @given(name=st.sampled_from(policies.names()))
    def test_policy_argument_forms_agree(self, name: str) -> None:
        """A preset name, its Policy and its rules text give the same result."""
        policy = policies.get(name)
        for password in ("abc12", "kx7Qm2", "Tr0ub4dor&3-horse", "ＰＡＳＳＷＯＲＤ"):
            assert passkit.check(password, policy) == passkit.check(password, name)
            assert passkit.check(password, policy) == passkit.check(password, policy.to_rules())
