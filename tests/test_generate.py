"""Tests for passkit.Generator: exact uniformity, exact entropy, every real-world policy."""

from __future__ import annotations

import collections
import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stats import chi_square_p_value

import passkit
from passkit import Generator, Policy, check, generate, policies
from passkit._generate import LOOKALIKES
from passkit.exceptions import OptionError, PolicyError, RulesSyntaxError, UnsatisfiablePolicyError

APPLE_RULES = Path(__file__).resolve().parents[2] / "shared" / "data" / "apple-password-rules.json"


def brute_force(generator: Generator) -> list[str]:
    """Every string over the generator's alphabet, of its length, that check() accepts."""
    policy = generator.policy
    return [
        text
        for text in ("".join(t) for t in itertools.product(generator.alphabet, repeat=generator.length))
        if check(text, policy).ok
    ]


class TestUniformity:
    """Outputs are exactly uniform over the accepted strings, by both samplers."""

    RULES = "required: [12]; allowed: [abcd]; max-consecutive: 2; forbid: common;"

    @pytest.mark.parametrize("sampler", ["_by_rejection", "_by_construction"])
    def test_chi_square_small_space(self, sampler: str) -> None:
        """Length 4 over 6 characters, a required class and max-consecutive: every valid string, evenly."""
        generator = Generator(self.RULES, length=4)
        valid = set(brute_force(generator))
        draws = 120 * len(valid)
        produced: list[str] = []
        while len(produced) < draws:
            produced.extend(getattr(generator, sampler)(draws - len(produced)))
        counts = collections.Counter(produced[:draws])
        assert set() == set(counts) - valid  # never an invalid string
        assert valid == set(counts)  # every valid string seen
        p_value = chi_square_p_value([counts[s] for s in sorted(valid)], draws / len(valid))
        assert p_value > 1e-6, f"chi-square p-value {p_value:.3g} says the output is not uniform"

    def test_one_class_then_shuffle_would_fail(self) -> None:
        """The test has power: a biased 'one from each class, then pad' sampler is rejected."""
        generator = Generator(self.RULES, length=4)
        valid = sorted(brute_force(generator))
        # Bias: half the draws come from the strings that start with a digit.
        starts_with_digit = [s for s in valid if s[0] in "12"]
        draws = 120 * len(valid)
        counts = collections.Counter()
        for i in range(draws):
            pool = starts_with_digit if i % 2 else valid
            counts[pool[(i * 7919) % len(pool)]] += 1
        assert chi_square_p_value([counts[s] for s in valid], draws / len(valid)) < 1e-6


policy_pool = "ab12@o0"


@st.composite
def small_policies(draw: st.DrawFn) -> tuple[str, int]:
    """Rules text over a 7-character pool with look-alikes (so the blocklist matters), and a length."""
    allowed = draw(st.sets(st.sampled_from(policy_pool), min_size=1, max_size=len(policy_pool)))
    parts = ["allowed: [" + "".join(sorted(allowed)) + "]"]
    for _ in range(draw(st.integers(0, 2))):
        required = draw(st.sets(st.sampled_from(policy_pool), min_size=1, max_size=3))
        parts.append("required: [" + "".join(sorted(required)) + "]")
    if draw(st.booleans()):
        parts.append(f"max-consecutive: {draw(st.integers(1, 3))}")
    if draw(st.booleans()):
        parts.append("forbid: common")
    return "; ".join(parts), draw(st.integers(1, 4))


class TestExactEntropy:
    """entropy_bits is log2 of a brute-force count of the accepted strings."""

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(small_policies())
    def test_matches_brute_force(self, case: tuple[str, int]) -> None:
        """For small generated policies, the counted entropy equals the brute-force count."""
        rules, length = case
        try:
            generator = Generator(rules, length=length)
        except UnsatisfiablePolicyError:
            policy = Policy.from_rules(rules)
            pool = sorted(policy.allowed.chars)
            accepted = [t for t in itertools.product(pool, repeat=length) if check("".join(t), policy).ok]
            assert [] == accepted
            return
        accepted = brute_force(generator)
        assert math.log2(len(accepted)) == pytest.approx(generator.entropy_bits, abs=1e-9)
        assert set(generator.generate_many(20)) <= set(accepted)

    def test_known_answer_lower_with_digit(self) -> None:
        """8 characters of lower+digit with a digit required: 36**8 - 26**8 strings, minus blocked ones."""
        generator = Generator("minlength: 8; maxlength: 8; required: digit; allowed: lower;")
        assert math.log2(36**8 - 26**8) == pytest.approx(generator.entropy_bits, abs=1e-9)

    def test_issue_example_min_digits_is_not_length_times_log(self) -> None:
        """Exact entropy is below the naive length * log2(alphabet) whenever classes are required."""
        generator = Generator(length=16)
        assert 16 * math.log2(len(generator.alphabet)) > generator.entropy_bits > 100

    def test_blocklist_counted(self) -> None:
        """4 digits with the blocklist: 10**4 minus exactly the blocked digit strings."""
        generator = Generator("allowed: digit; forbid: common", length=4)
        blocked = [f"{i:04d}" for i in range(10_000) if not check(f"{i:04d}", generator.policy).ok]
        assert 0 < len(blocked)
        assert math.log2(10_000 - len(blocked)) == pytest.approx(generator.entropy_bits, abs=1e-9)
        assert not set(generator.generate_many(2000)) & set(blocked)


class TestPolicies:
    """Every preset and every real-world rule generates passwords that check() accepts."""

    @pytest.mark.parametrize("name", policies.names())
    def test_presets(self, name: str) -> None:
        """Each preset's default generator meets the preset, at 80 bits or more."""
        generator = Generator(name)
        assert generator.entropy_bits >= 80
        for password in generator.generate_many(200):
            assert check(password, name).ok

    def test_apple_rules(self) -> None:
        """All 434 site rules from Apple's password-manager-resources generate accepted passwords."""
        if not APPLE_RULES.is_file():
            pytest.skip(f"{APPLE_RULES} is absent (it lives in ../shared/data beside the repository)")
        rules = json.loads(APPLE_RULES.read_text(encoding="utf-8"))
        assert 434 == len(rules)
        for site, entry in rules.items():
            text = entry["password-rules"]
            try:
                policy = Policy.from_rules(text)
            except RulesSyntaxError:
                policy = Policy.from_rules(text, non_ascii=True)
            generator = Generator(policy)
            for password in generator.generate_many(5):
                assert check(password, policy).ok, site

    @settings(max_examples=40, deadline=None)
    @given(
        st.sampled_from(sorted(json.loads(APPLE_RULES.read_text(encoding="utf-8")).items()))
        if APPLE_RULES.is_file()
        else st.just(("preset", {"password-rules": "minlength: 8;"})),
        st.integers(0, 20),
        st.booleans(),
    )
    def test_apple_rules_lengths_and_options(
        self, item: tuple[str, dict[str, str]], extra: int, lookalikes: bool
    ) -> None:
        """Sampled site rules with sampled lengths and options still yield accepted passwords."""
        site, entry = item
        policy = Policy.from_rules(entry["password-rules"], non_ascii=True)
        low = max(policy.min_length, len(policy.required), 1)  # sites may set no minimum
        length = min(low + extra, policy.max_length or low + extra)
        try:
            generator = Generator(policy, length=length, exclude_lookalikes=lookalikes)
        except UnsatisfiablePolicyError:
            assert lookalikes, site  # only dropping look-alikes may empty a required class
            return
        for password in generator.generate_many(5):
            assert length == len(password)
            assert check(password, policy).ok, site


class TestOptions:
    """Generator options and their errors."""

    def test_default_length_and_alphabet(self) -> None:
        """The default is 16 characters over the 94 printable ASCII characters without space."""
        generator = Generator()
        assert (16, 94) == (generator.length, len(generator.alphabet))
        assert " " not in generator.alphabet

    def test_default_length_reaches_80_bits(self) -> None:
        """With a small alphabet the default length grows until 80 bits."""
        generator = Generator("allowed: digit;")
        assert generator.entropy_bits >= 80
        assert generator.length == math.ceil(80 / math.log2(10))

    def test_default_length_capped_by_maxlength(self) -> None:
        """A policy's maxlength caps the default length even below 80 bits."""
        assert 8 == Generator("maxlength: 8; allowed: digit;").length

    def test_exclude_lookalikes(self) -> None:
        """exclude_lookalikes drops exactly the documented set."""
        generator = Generator(exclude_lookalikes=True)
        assert set() == set(generator.alphabet) & set(LOOKALIKES)
        assert 94 - len(LOOKALIKES) == len(generator.alphabet)

    def test_symbols_and_exclude(self) -> None:
        """A custom symbol set and excluded characters shape the alphabet; it stays de-duplicated."""
        generator = Generator(symbols="!!@#", exclude="abc")
        assert {"!", "@", "#"} == set(generator.alphabet) - set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZdefghijklmnopqrstuvwxyz0123456789"
        )
        assert len(set(generator.alphabet)) == len(generator.alphabet)

    def test_classes(self) -> None:
        """classes restricts the alphabet to the named classes."""
        assert "0123456789" == Generator("allowed: ascii-printable", classes=["digit"], length=20).alphabet

    @pytest.mark.parametrize(
        ("rules", "kwargs"),
        [
            ("maxlength: 3; required: upper; required: lower; required: digit; required: special;", {"length": 3}),
            ("required: digit; allowed: lower", {"exclude": "0123456789"}),
            ("minlength: 10", {"length": 5}),
            ("allowed: [ab]; max-consecutive: 1; required: [a]; required: [b]", {"length": 1}),
        ],
    )
    def test_unsatisfiable(self, rules: str, kwargs: dict[str, object]) -> None:
        """Impossible policies raise a clear error before any generation."""
        with pytest.raises(UnsatisfiablePolicyError):
            Generator(rules, **kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"length": 0}, OptionError),
            ({"length": "16"}, TypeError),
            ({"classes": "digit"}, TypeError),
            ({"classes": ["digits"]}, OptionError),
            ({"symbols": "é"}, OptionError),
            ({"exclude": 5}, TypeError),
        ],
    )
    def test_bad_options(self, kwargs: dict[str, object], error: type[Exception]) -> None:
        """Wrong types raise TypeError; out-of-range values raise passkit's ValueError subclasses."""
        with pytest.raises(error):
            Generator(**kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "rules",
        [
            "minlength: 2000;",
            "".join(f"required: [{chr(97 + i)}{chr(98 + i)}]; " for i in range(9)),
            "minlength: 1024; max-consecutive: 1000; required: upper; required: lower; required: digit;",
        ],
    )
    def test_counting_cost_is_refused(self, rules: str) -> None:
        """Policies whose exact count would cost too much are refused at once with PolicyError."""
        with pytest.raises(PolicyError):
            Generator(rules)

    def test_min_strength_never_met_stops(self) -> None:
        """When min-strength rejects every candidate, generation stops with a clear error."""
        generator = Generator("minlength: 4; maxlength: 4; allowed: digit; min-strength: 3;")
        assert not generator.entropy_exact
        with pytest.raises(UnsatisfiablePolicyError):
            generator.generate()

    def test_min_strength_outputs_pass(self) -> None:
        """With a reachable min-strength, every output passes check() (the rule included)."""
        generator = Generator("minlength: 12; maxlength: 12; min-strength: 3;")
        assert all(check(p, generator.policy).ok for p in generator.generate_many(20))
        assert Generator().entropy_exact

    def test_generate_many_zero_and_negative(self) -> None:
        """generate_many(0) is empty; a negative count is an OptionError."""
        assert [] == Generator().generate_many(0)
        with pytest.raises(OptionError):
            Generator().generate_many(-1)

    def test_repr_has_no_password(self) -> None:
        """A Generator's repr shows the policy and entropy, never a generated password."""
        generator = Generator()
        assert "entropy_bits=" in repr(generator)

    def test_generate_convenience(self) -> None:
        """passkit.generate returns one accepted password."""
        assert check(generate("amazon-recommended"), "amazon-recommended").ok


class TestRandomness:
    """Randomness comes from the OS CSPRNG only."""

    def test_random_module_never_imported(self) -> None:
        """Using every generator and check() never imports `random` (nor `secrets`, which imports it)."""
        code = (
            "import sys, passkit\n"
            "passkit.Generator().generate_many(10); passkit.generate('amazon'); passkit.check('x')\n"
            "passkit.Generator('required: [12]; allowed: [ab]; max-consecutive: 1', length=6).generate_many(5)\n"
            "passkit.passphrase(capitalize='random', digit=True); passkit.pin(6, exclude_patterns=True)\n"
            "passkit.one_time_code(); passkit.parse_recovery_code(passkit.recovery_codes(2)[0])\n"
            "passkit.romaji_password(yoon=True)\n"
            "print(sorted({'random', 'secrets'} & set(sys.modules)))\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert "[]" == result.stdout.strip()

    def test_outputs_differ(self) -> None:
        """1,000 default passwords are all distinct (a collision at 104 bits would be a bug)."""
        assert 1000 == len(set(passkit.Generator().generate_many(1000)))
