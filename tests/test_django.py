"""Tests for passkit.contrib.django.PasskitValidator against real Django."""

from __future__ import annotations

import django_settings
import pytest
from django.conf import settings

if not settings.configured:
    django_settings.configure()

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import (
    get_default_password_validators,
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils import translation

from passkit.contrib.django import PasskitValidator
from passkit.exceptions import PolicyError, UnsupportedLocaleError


def codes(error: ValidationError) -> list[str]:
    """The codes of every error in a ValidationError."""
    return [e.code for e in error.error_list]


class TestValidator:
    """The validator as Django's settings load it."""

    def test_loaded_from_settings(self) -> None:
        """AUTH_PASSWORD_VALIDATORS builds a PasskitValidator with the configured policy."""
        (validator,) = get_default_password_validators()
        assert isinstance(validator, PasskitValidator)
        assert 10 == validator.policy.min_length

    def test_good_password_passes(self) -> None:
        """A password meeting the policy raises nothing."""
        assert validate_password("Zq9!xK7#mW2pT") is None

    def test_one_error_per_violation_with_codes(self) -> None:
        """Each violation becomes one ValidationError carrying the violation code."""
        with pytest.raises(ValidationError) as caught:
            validate_password("Pa$$w0rD123")
        assert ["common-password"] == codes(caught.value)
        with pytest.raises(ValidationError) as caught:
            validate_password("abc")
        assert ["too-short", "missing-required", "missing-required", "missing-required", "common-password"] == codes(
            caught.value
        )

    def test_user_attributes_are_context_words(self) -> None:
        """The user's username, names and email are context words."""
        user = User(username="hanako", first_name="Hanako", last_name="Yamada", email="h.yamada@example.co.jp")
        with pytest.raises(ValidationError) as caught:
            validate_password("Qx!7Yamada2024", user)
        assert ["context-word"] == codes(caught.value)
        assert validate_password("Qx!7Yamada2024") is None

    def test_messages_follow_the_language(self) -> None:
        """English by default; Japanese when Django's active language is ja."""
        with pytest.raises(ValidationError) as caught:
            validate_password("abc12")
        assert "Use at least 10 characters" in caught.value.messages[0]
        with translation.override("ja"), pytest.raises(ValidationError) as caught:
            validate_password("abc12")
        assert "10文字以上にしてください" in caught.value.messages[0]

    def test_messages_never_contain_the_password(self) -> None:
        """No message repeats the password."""
        with pytest.raises(ValidationError) as caught:
            validate_password("Qx!7Yam")
        assert all("Qx!7Yam" not in message for message in caught.value.messages)


class TestHelpText:
    """get_help_text describes the policy."""

    def test_english(self) -> None:
        """The help text lists the rules of amazon-recommended in English."""
        text = PasskitValidator("amazon-recommended", locale="en").get_help_text()
        assert text.startswith("Your password must have: at least 10 characters; ")
        assert "not a commonly used password" in text

    def test_japanese(self) -> None:
        """With the ja locale the help text is Japanese."""
        text = PasskitValidator("nist-800-63b", locale="ja").get_help_text()
        assert "パスワードの条件: 15文字以上、よく使われるパスワードではない、" in text

    def test_django_collects_it(self) -> None:
        """Django's password_validators_help_texts() includes it."""
        assert any("at least 10 characters" in text for text in password_validators_help_texts())


class TestConfiguration:
    """Misconfiguration fails when the validator is built."""

    def test_bad_policy(self) -> None:
        """A policy that does not parse raises at construction."""
        with pytest.raises(PolicyError):
            PasskitValidator("minlength: ten")

    def test_bad_locale(self) -> None:
        """An unsupported locale raises at construction."""
        with pytest.raises(UnsupportedLocaleError):
            PasskitValidator(locale="fr")

    def test_rules_text_policy(self) -> None:
        """Password Rules text works as the policy option (required digits only allow digits)."""
        validator = PasskitValidator("minlength: 4; required: digit;", locale="en")
        with pytest.raises(ValidationError) as caught:
            validator.validate("abcd")
        assert ["disallowed-character", "missing-required"] == codes(caught.value)
