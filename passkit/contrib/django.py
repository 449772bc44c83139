"""A Django password validator backed by :func:`passkit.check`.

Add it to ``AUTH_PASSWORD_VALIDATORS``::

    AUTH_PASSWORD_VALIDATORS = [
        {
            "NAME": "passkit.contrib.django.PasskitValidator",
            "OPTIONS": {"policy": "amazon-recommended"},
        },
    ]

The user's ``username``, ``first_name``, ``last_name`` and ``email`` (whichever the user model has)
become context words for policies that forbid ``context``. Messages follow the active Django
language (Japanese for ``ja``, English otherwise) unless ``locale`` is given. Each violation
becomes one ``ValidationError`` with the violation's code.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation

from passkit._charclass import CharClass
from passkit._check import check
from passkit._messages import LOCALES, check_locale, describe_class
from passkit._policy import Policy, resolve_policy

__all__ = ["PasskitValidator"]

USER_ATTRIBUTES = ("username", "first_name", "last_name", "email")

_HELP = {
    "en": {
        "min": "at least {n} characters",
        "max": "at most {n} characters",
        "required": "at least one of {classes}",
        "allowed": "only {classes}",
        "run": "no character repeated more than {n} times in a row",
        "common": "not a commonly used password",
        "context": "none of your personal information (name, email, phone number, birthday)",
        "previous": "not one of your previous passwords",
        "strength": "hard to guess (strength {n} of 4 or more)",
        "lead": "Your password must have: ",
        "join": "; ",
        "end": ".",
    },
    "ja": {
        "min": "{n}文字以上",
        "max": "{n}文字以下",
        "required": "{classes}を1文字以上",
        "allowed": "使用できるのは{classes}のみ",
        "run": "同じ文字を{n}回より多く続けない",
        "common": "よく使われるパスワードではない",
        "context": "名前・メールアドレス・電話番号・誕生日などの個人情報を含まない",
        "previous": "以前のパスワードではない",
        "strength": "推測されにくい(強度 {n}/4 以上)",
        "lead": "パスワードの条件: ",
        "join": "、",
        "end": "。",
    },
}


def describe_policy(policy: Policy, locale: str) -> str:
    """The policy's rules as one sentence in ``locale`` (``"en"`` or ``"ja"``)."""
    words = _HELP[check_locale(locale)]
    parts: list[str] = []
    if policy.min_length:
        parts.append(words["min"].format(n=policy.min_length))
    if policy.max_length is not None:
        parts.append(words["max"].format(n=policy.max_length))
    parts.extend(words["required"].format(classes=describe_class(cls, locale)) for cls in policy.required)
    if policy.allowed != CharClass.named("ascii-printable") and not policy.allowed.unicode:
        parts.append(words["allowed"].format(classes=describe_class(policy.allowed, locale)))
    if policy.max_consecutive is not None:
        parts.append(words["run"].format(n=policy.max_consecutive))
    parts.extend(words[check_name] for check_name in ("common", "context", "previous") if check_name in policy.forbid)
    if policy.min_strength is not None:
        parts.append(words["strength"].format(n=policy.min_strength))
    return words["lead"] + words["join"].join(parts) + words["end"]


class PasskitValidator:
    """Django password validator: ``validate`` raises one ``ValidationError`` per violation.

    Args:
        policy: a preset name or Password Rules text (default ``"amazon-recommended"``).
        locale: ``"en"`` or ``"ja"``; ``None`` follows Django's active language.

    Raises:
        TypeError, PolicyError: at construction, for a bad policy (so a misconfiguration shows
            when Django loads the validators, not at the first signup).
    """

    def __init__(self, policy: str | Policy = "amazon-recommended", locale: str | None = None) -> None:
        self.policy = resolve_policy(policy)
        if locale is not None:
            check_locale(locale)
        self.locale = locale

    def _locale(self) -> str:
        if self.locale is not None:
            return self.locale
        language = (translation.get_language() or "en").split("-")[0].lower()
        return language if language in LOCALES else "en"

    def validate(self, password: str, user: Any = None) -> None:
        """Raise ``ValidationError`` listing every violation of the policy; return ``None`` if it passes."""
        inputs = [
            value for attribute in USER_ATTRIBUTES if isinstance(value := getattr(user, attribute, None), str) and value
        ]
        result = check(password, self.policy, user_inputs=inputs, locale=self._locale())
        if not result.ok:
            raise ValidationError(
                [
                    ValidationError(violation.message, code=violation.code, params=dict(violation.params))
                    for violation in result.violations
                ]
            )

    def get_help_text(self) -> str:
        """The policy described in words, in the active (or configured) language."""
        return describe_policy(self.policy, self._locale())
