"""Every Password Rules text Apple publishes for real sites parses, strictly, and round-trips.

The rules come from ``../shared/data/apple-password-rules.json`` relative to the repository root
(Apple's password-manager-resources ``quirks/password-rules.json``); the tests skip, saying why,
where that file is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from passkit import Policy
from passkit.exceptions import RulesSyntaxError

RULES_PATH = Path(__file__).resolve().parents[2] / "shared" / "data" / "apple-password-rules.json"
SKIP_REASON = (
    f"Apple's password rules are not available: {RULES_PATH} is absent"
    " (it lives outside the repository, in ../shared/data/; see its README)"
)


def _load_rules() -> dict[str, str] | None:
    if not RULES_PATH.is_file():
        return None
    data = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    return {domain: entry["password-rules"] for domain, entry in data.items()}


RULES = _load_rules()
DOMAINS = (
    [pytest.param(domain, id=domain) for domain in sorted(RULES)]
    if RULES is not None
    else [pytest.param(None, id="rules-file-absent", marks=pytest.mark.skip(reason=SKIP_REASON))]
)


def _rules(domain: str | None) -> str:
    if RULES is None or domain is None:
        pytest.skip(SKIP_REASON)
    return RULES[domain]


def _first_non_ascii_in_class(text: str) -> int | None:
    """Offset of the first non-ASCII character inside a ``[...]`` class, by a scanner of our own."""
    inside = False
    index = 0
    while index < len(text):
        ch = text[index]
        if not inside:
            inside = ch == "["
        elif ch == "]":
            if text[index + 1 : index + 2] == "]":
                index += 1  # "]]": a literal "]" last, then the closing bracket
            inside = False
        elif not ch.isascii():
            return index
        index += 1
    return None


class TestAppleRules:
    """Apple's 434 published site rules against passkit's strict parser."""

    def test_file_holds_434_sites(self) -> None:
        """The data file holds the 434 rules the issue speaks of."""
        if RULES is None:
            pytest.skip(SKIP_REASON)
        assert 434 == len(RULES)

    def test_sites_with_non_ascii_classes(self) -> None:
        """Exactly these sites write non-ASCII characters inside a custom class."""
        if RULES is None:
            pytest.skip(SKIP_REASON)
        expected = {"axa.de", "dkb.de", "kundenportal.edeka-smart.de", "posteo.de", "unito.it"}
        assert expected == {domain for domain, text in RULES.items() if _first_non_ascii_in_class(text) is not None}

    @pytest.mark.parametrize("domain", DOMAINS)
    def test_parses_with_non_ascii(self, domain: str | None) -> None:
        """Every rule parses when non-ASCII class characters are kept."""
        Policy.from_rules(_rules(domain), non_ascii=True)

    @pytest.mark.parametrize("domain", DOMAINS)
    def test_parses_with_defaults_unless_non_ascii(self, domain: str | None) -> None:
        """Rules without non-ASCII class characters parse by default; the others name the character."""
        text = _rules(domain)
        position = _first_non_ascii_in_class(text)
        if position is None:
            assert Policy.from_rules(text, non_ascii=True) == Policy.from_rules(text)
            return
        with pytest.raises(RulesSyntaxError) as info:
            Policy.from_rules(text)
        assert position == info.value.position
        assert f"U+{ord(text[position]):04X}" in info.value.problem

    @pytest.mark.parametrize("domain", DOMAINS)
    def test_round_trips(self, domain: str | None) -> None:
        """Each parsed rule formats to canonical text that parses back to the same policy."""
        text = _rules(domain)
        policy = Policy.from_rules(text, non_ascii=True)
        canonical = policy.to_rules()
        assert policy == Policy.from_rules(canonical, non_ascii=True)
        assert canonical == Policy.from_rules(canonical, non_ascii=True).to_rules()
        if _first_non_ascii_in_class(text) is None:
            assert policy == Policy.from_rules(canonical)

    @pytest.mark.parametrize("domain", DOMAINS)
    def test_parsed_policy_is_consistent(self, domain: str | None) -> None:
        """Each parsed policy has minlength <= maxlength and allows every required class."""
        policy = Policy.from_rules(_rules(domain), non_ascii=True)
        assert policy.max_length is None or policy.min_length <= policy.max_length
        for cls in policy.required:
            assert policy.allowed.issuperset(cls)
