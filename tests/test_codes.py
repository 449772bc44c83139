"""Tests for PINs, one-time codes and recovery codes: exact counts, uniformity, typed-back codes."""

from __future__ import annotations

import collections
import datetime
import itertools
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stats import chi_square_p_value

import passkit._codes
from passkit._codes import (
    CROCKFORD_ALPHABET,
    PinGenerator,
    RecoveryCodeGenerator,
    one_time_code,
    parse_recovery_code,
    pin,
    recovery_codes,
)
from passkit.exceptions import OptionError, RecoveryCodeError


def is_date(text: str) -> bool:
    """Whether a digit string reads as a date, written independently with datetime."""

    def real(year: int, month: int, day: int) -> bool:
        try:
            datetime.date(year, month, day)
        except ValueError:
            return False
        return True

    n = [int(text[i : i + 2]) for i in range(0, len(text), 2)]
    if len(text) == 4:
        return real(2000, n[0], n[1]) or real(2000, n[1], n[0]) or 1900 <= int(text) <= 2099
    if len(text) == 6:
        years = (1900 + n[0], 2000 + n[0])
        yy_last = (1900 + n[2], 2000 + n[2])
        return (
            any(real(y, n[1], n[2]) for y in years)
            or any(real(y, n[1], n[0]) for y in yy_last)
            or any(real(y, n[0], n[1]) for y in yy_last)
        )
    if len(text) == 8:
        first, last = int(text[:4]), int(text[4:])
        return (
            (1900 <= first <= 2099 and real(first, n[2], n[3]))
            or (1900 <= last <= 2099 and real(last, n[1], n[0]))
            or (1900 <= last <= 2099 and real(last, n[0], n[1]))
        )
    return False


def is_pattern(text: str) -> bool:
    """The documented exclusion, written independently: repeat, run by step 1, or date."""
    length = len(text)
    repeat = any(length % p == 0 and all(text[i] == text[i % p] for i in range(length)) for p in range(1, length))
    steps = {int(b) - int(a) for a, b in itertools.pairwise(text)}
    return repeat or steps in ({1}, {-1}) or is_date(text)


class TestPinCounts:
    """The excluded count and entropy are exact."""

    @pytest.mark.parametrize("length", [2, 3, 4, 5])
    def test_brute_force(self, length: int) -> None:
        """Enumerating all 10**length strings gives the same excluded set and entropy."""
        generator = PinGenerator(length, exclude_patterns=True)
        everything = ["".join(t) for t in itertools.product("0123456789", repeat=length)]
        excluded = [s for s in everything if is_pattern(s)]
        assert len(excluded) == generator.excluded
        assert math.log2(10**length - len(excluded)) == generator.entropy_bits
        assert excluded == [s for s in everything if generator.is_excluded(s)]

    @pytest.mark.parametrize("length", [6, 8])
    def test_six_and_eight_digits(self, length: int) -> None:
        """For 6 and 8 digits the excluded set is rebuilt another way (dates from every calendar day)."""
        found: set[str] = set()
        for p in (p for p in range(1, length) if length % p == 0):
            found.update("".join(t) * (length // p) for t in itertools.product("0123456789", repeat=p))
        found.update("0123456789"[i : i + length] for i in range(11 - length))
        found.update("9876543210"[i : i + length] for i in range(11 - length))
        day = datetime.date(1900, 1, 1)
        while day.year < 2100:
            formats = ("%y%m%d", "%d%m%y", "%m%d%y") if length == 6 else ("%Y%m%d", "%d%m%Y", "%m%d%Y")
            found.update(day.strftime(f) for f in formats)
            day += datetime.timedelta(days=1)
        generator = PinGenerator(length, exclude_patterns=True)
        assert len(found) == generator.excluded
        assert all(generator.is_excluded(s) for s in found)

    @pytest.mark.parametrize(
        ("length", "excluded"),
        [(2, 28), (3, 26), (4, 863), (5, 22), (6, 85045), (7, 18), (8, 200329), (9, 1004), (10, 100092), (12, 1009900)],
    )
    def test_known_excluded_counts(self, length: int, excluded: int) -> None:
        """Known answers: 6 digits exclude 85,045 strings (19.803 bits remain)."""
        generator = PinGenerator(length, exclude_patterns=True)
        assert excluded == generator.excluded
        assert math.log2(10**length - excluded) == generator.entropy_bits

    @pytest.mark.parametrize("length", [1, 4, 6, 20])
    def test_without_exclusion(self, length: int) -> None:
        """Without exclusion every digit string counts: length * log2(10) bits."""
        generator = PinGenerator(length)
        assert 0 == generator.excluded
        assert math.log2(10**length) == generator.entropy_bits

    @settings(max_examples=200)
    @given(st.integers(2, 12).flatmap(lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n)))
    def test_is_excluded_matches_definition(self, text: str) -> None:
        """is_excluded agrees with the documented definition on any digit string."""
        assert is_pattern(text) == PinGenerator(len(text), exclude_patterns=True).is_excluded(text)

    @pytest.mark.parametrize(
        ("text", "excluded"),
        [
            ("000000", True),
            ("012345", True),
            ("987654", True),
            ("121212", True),
            ("123123", True),
            ("1234", True),
            ("8901", False),
            ("0229", True),
            ("2902", True),
            ("1987", True),
            ("2100", False),
            ("991231", True),
            ("311299", True),
            ("123199", True),
            ("310231", False),
            ("000229", True),
            ("20240229", True),
            ("20230229", False),
            ("29022024", True),
            ("02292024", True),
            ("18991231", False),
            ("583160", False),
        ],
    )
    def test_known_patterns(self, text: str, excluded: bool) -> None:
        """Known answers for repeats, runs and dates (including leap days)."""
        assert excluded == PinGenerator(len(text), exclude_patterns=True).is_excluded(text)


class TestPinGeneration:
    """Generated PINs are uniform over the allowed set and never excluded."""

    @pytest.mark.parametrize("length", [2, 3])
    def test_chi_square(self, length: int) -> None:
        """Short PINs with exclusions: every allowed PIN appears, evenly, no excluded one ever."""
        generator = PinGenerator(length, exclude_patterns=True)
        allowed = ["".join(t) for t in itertools.product("0123456789", repeat=length)]
        allowed = [s for s in allowed if not is_pattern(s)]
        draws = 60 * len(allowed)
        counts = collections.Counter(generator.generate_many(draws))
        assert set(allowed) == set(counts)
        p_value = chi_square_p_value([counts[s] for s in allowed], draws / len(allowed))
        assert p_value > 1e-6, f"chi-square p-value {p_value:.3g} says the output is not uniform"

    def test_chi_square_without_exclusion(self) -> None:
        """Plain 3-digit PINs cover all 1,000 strings evenly."""
        draws = 60_000
        counts = collections.Counter(PinGenerator(3).generate_many(draws))
        assert 1000 == len(counts)
        assert chi_square_p_value(list(counts.values()), draws / 1000) > 1e-6

    @pytest.mark.parametrize("length", [4, 6, 8])
    def test_never_excluded(self, length: int) -> None:
        """No generated PIN matches a pattern; each is length ASCII digits."""
        for text in PinGenerator(length, exclude_patterns=True).generate_many(2000):
            assert re.fullmatch(rf"[0-9]{{{length}}}", text)
            assert not is_pattern(text)

    def test_convenience(self) -> None:
        """pin() returns one PIN of the requested length."""
        assert 6 == len(pin())
        assert 4 == len(pin(4, exclude_patterns=True))

    def test_generate_many_zero(self) -> None:
        """Asking for no PINs returns an empty list."""
        assert [] == PinGenerator().generate_many(0)

    def test_repr(self) -> None:
        """The repr shows options and entropy."""
        assert "PinGenerator(4, exclude_patterns=True, entropy_bits=13.16)" == repr(
            PinGenerator(4, exclude_patterns=True)
        )


class TestPinErrors:
    """Wrong types raise TypeError; bad values raise OptionError."""

    @pytest.mark.parametrize("length", ["6", 6.0, True, None])
    def test_length_type(self, length: object) -> None:
        """length must be an int."""
        with pytest.raises(TypeError):
            PinGenerator(length)  # type: ignore[arg-type]

    def test_exclude_type(self) -> None:
        """exclude_patterns must be a bool."""
        with pytest.raises(TypeError):
            PinGenerator(6, exclude_patterns=1)  # type: ignore[arg-type]

    @pytest.mark.parametrize(("length", "exclude"), [(0, False), (65, False), (1, True)])
    def test_length_range(self, length: int, exclude: bool) -> None:
        """length is 1 to 64, and 2 or more with exclusions."""
        with pytest.raises(OptionError):
            PinGenerator(length, exclude_patterns=exclude)

    def test_is_excluded_checks_input(self) -> None:
        """is_excluded wants a digit string of the generator's length."""
        generator = PinGenerator(4, exclude_patterns=True)
        with pytest.raises(TypeError):
            generator.is_excluded(1234)  # type: ignore[arg-type]
        with pytest.raises(OptionError):
            generator.is_excluded("12345")
        with pytest.raises(OptionError):
            generator.is_excluded("１２３４")


class TestOneTimeCode:
    """one_time_code: uniform digits, leading zeros kept."""

    def test_shape(self) -> None:
        """Codes are exactly `digits` ASCII digits."""
        for digits in (4, 6, 8, 12):
            code = one_time_code(digits)
            assert re.fullmatch(rf"[0-9]{{{digits}}}", code)

    def test_first_digit_uniform(self) -> None:
        """The first digit is uniform over 0-9 (so leading zeros are kept)."""
        draws = 20_000
        counts = collections.Counter(one_time_code()[0] for _ in range(draws))
        assert set("0123456789") == set(counts)
        assert chi_square_p_value(list(counts.values()), draws / 10) > 1e-6

    @pytest.mark.parametrize("digits", [3, 13])
    def test_range(self, digits: int) -> None:
        """digits is 4 to 12."""
        with pytest.raises(OptionError, match="from 4 to 12"):
            one_time_code(digits)

    def test_type(self) -> None:
        """digits must be an int."""
        with pytest.raises(TypeError):
            one_time_code("6")  # type: ignore[arg-type]


CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


class TestRecoveryCodes:
    """Recovery codes: format, entropy, distinctness, uniformity."""

    def test_format_and_entropy(self) -> None:
        """Ten codes XXXX-XXXX-XXXX of Crockford base32, 60 bits each, all different."""
        codes = recovery_codes()
        assert 10 == len(codes)
        assert 10 == len(set(codes))
        assert all(CODE.fullmatch(code) for code in codes)
        assert 60.0 == RecoveryCodeGenerator().entropy_bits

    @pytest.mark.parametrize(("groups", "group_size", "bits"), [(2, 5, 50), (5, 2, 50), (4, 4, 80), (1, 13, 65)])
    def test_layouts(self, groups: int, group_size: int, bits: int) -> None:
        """Other layouts: groups of group_size characters, 5 bits each."""
        generator = RecoveryCodeGenerator(groups=groups, group_size=group_size)
        assert float(bits) == generator.entropy_bits
        code = generator.generate()
        assert [group_size] * groups == [len(g) for g in code.split("-")]

    def test_alphabet(self) -> None:
        """The alphabet is Crockford's: 32 characters, no I, L, O, U."""
        assert 32 == len(set(CROCKFORD_ALPHABET))
        assert set() == set("ILOU") & set(CROCKFORD_ALPHABET)

    def test_chi_square_per_position(self) -> None:
        """Every position of a code is uniform over the 32 characters."""
        codes = [code.replace("-", "") for code in RecoveryCodeGenerator().generate_many(6400)]
        for position in range(12):
            counts = collections.Counter(code[position] for code in codes)
            assert set(CROCKFORD_ALPHABET) == set(counts)
            assert chi_square_p_value([counts[c] for c in CROCKFORD_ALPHABET], len(codes) / 32) > 1e-6 / 12

    def test_chi_square_pairs(self) -> None:
        """Pairs of adjacent characters are uniform over 1,024 values (bits are not correlated)."""
        codes = [code.replace("-", "") for code in RecoveryCodeGenerator(groups=2, group_size=5).generate_many(10240)]
        counts = collections.Counter(code[7:9] for code in codes)
        assert chi_square_p_value([counts[a + b] for a in CROCKFORD_ALPHABET for b in CROCKFORD_ALPHABET], 10) > 1e-6

    def test_duplicates_are_redrawn(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """When the random bytes repeat a code, the repeat is dropped and another is drawn."""
        real = passkit._codes.token_bytes
        calls = []

        def stuck_then_real(count: int) -> bytes:
            calls.append(count)
            return bytes(count) if len(calls) == 1 else real(count)

        monkeypatch.setattr(passkit._codes, "token_bytes", stuck_then_real)
        codes = RecoveryCodeGenerator().generate_many(3)
        assert "0000-0000-0000" == codes[0]
        assert 3 == len(set(codes))
        assert 2 <= len(calls)

    def test_repr(self) -> None:
        """The repr shows the layout only."""
        assert "RecoveryCodeGenerator(groups=3, group_size=4)" == repr(RecoveryCodeGenerator())

    @pytest.mark.parametrize(
        ("options", "error"),
        [
            ({"groups": 2, "group_size": 4}, OptionError),
            ({"groups": 0, "group_size": 12}, OptionError),
            ({"groups": 16, "group_size": 9}, OptionError),
            ({"groups": "3"}, TypeError),
            ({"group_size": 4.0}, TypeError),
        ],
    )
    def test_layout_errors(self, options: dict, error: type[Exception]) -> None:
        """Fewer than 50 bits, more than 128 characters or wrong types are refused."""
        with pytest.raises(error):
            RecoveryCodeGenerator(**options)

    def test_count_errors(self) -> None:
        """count must be a positive int."""
        with pytest.raises(OptionError):
            recovery_codes(0)
        with pytest.raises(TypeError):
            recovery_codes("10")  # type: ignore[arg-type]


def fullwidth(text: str) -> str:
    """The full-width form of printable ASCII (space becomes the ideographic space)."""
    return "".join("\u3000" if ch == " " else chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


class TestParseRecoveryCode:
    """parse_recovery_code reads back what people type, and never echoes it."""

    @settings(max_examples=50)
    @given(st.text(alphabet=CROCKFORD_ALPHABET, min_size=12, max_size=12))
    def test_round_trip_variants(self, raw: str) -> None:
        """Any code, typed in lower case, full-width, with I/L/O, spaces or no separators, parses back."""
        canonical = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
        confusable = canonical.replace("1", "l").replace("0", "O")
        variants = [
            canonical,
            canonical.lower(),
            raw,
            raw.lower(),
            canonical.replace("-", " "),
            f"  {canonical.replace('-', ' - ')}  ",
            canonical.replace("-", "_"),
            confusable,
            confusable.lower(),
            canonical.replace("1", "I").lower(),
            fullwidth(canonical),
            fullwidth(canonical.lower().replace("-", " ")),
            canonical.replace("-", "ー"),
            canonical.replace("-", "\u2013"),
        ]
        assert [canonical] * len(variants) == [parse_recovery_code(v) for v in variants]

    def test_generated_codes_round_trip(self) -> None:
        """Every generated code parses back to itself."""
        for code in RecoveryCodeGenerator(groups=4, group_size=5).generate_many(50):
            assert code == parse_recovery_code(code.lower(), groups=4, group_size=5)

    @pytest.mark.parametrize(
        ("typed", "match"),
        [
            ("7K3Q-XM0D-4ZRU", "character 14"),
            ("7K3Q-XM0D-4ZR!", "character 14"),
            ("7K3Q-XM0D-4ZRÅ", "character 14"),
            ("7K3Q-XM0D-4ZR", "12 letters and digits, but 11"),
            ("7K3Q-XM0D-4ZRAA", "12 letters and digits, but 13"),
            ("", "but 0"),
            ("7K3Q.XM0D.4ZRA", "character 5"),
        ],
    )
    def test_errors_do_not_echo(self, typed: str, match: str) -> None:
        """A bad code raises RecoveryCodeError giving a position or count, never the text."""
        with pytest.raises(RecoveryCodeError, match=match) as info:
            parse_recovery_code(typed)
        message = str(info.value)
        assert isinstance(info.value, ValueError)
        for group in ("7K3Q", "XM0D", "4ZR"):
            assert group not in message

    @settings(max_examples=50)
    @given(st.text(alphabet=CROCKFORD_ALPHABET + "U!", min_size=8, max_size=20))
    def test_error_never_contains_text(self, typed: str) -> None:
        """Whatever is typed, an error message holds no 6-character piece of it."""
        try:
            parse_recovery_code(typed)
        except RecoveryCodeError as error:
            message = str(error)
            assert not any(typed[i : i + 6] in message for i in range(len(typed) - 5))

    def test_type_error(self) -> None:
        """Only str is accepted."""
        with pytest.raises(TypeError):
            parse_recovery_code(b"7K3Q-XM0D-4ZRA")  # type: ignore[arg-type]

    def test_layout_option(self) -> None:
        """The layout given decides the expected length and the grouping of the result."""
        assert "ABCDE-FGHJK" == parse_recovery_code("abcdefghjk", groups=2, group_size=5)
        with pytest.raises(OptionError):
            parse_recovery_code("abcd", groups=1, group_size=4)
