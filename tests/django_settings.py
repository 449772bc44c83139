"""Django settings shared by the tests that load real Django (configured once per test process)."""

from __future__ import annotations

import django


def configure() -> None:
    """Configure Django for the tests, unless it already is (the settings are the same either way)."""
    # Imported here, not at module level: pytest's doctest collection inspects module globals, and
    # Django's lazy settings object raises on inspection before it is configured.
    from django.conf import settings  # noqa: PLC0415

    if settings.configured:
        return
    settings.configure(
        INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"],
        DATABASES={},
        USE_I18N=True,
        LANGUAGE_CODE="en",
        AUTH_PASSWORD_VALIDATORS=[
            {"NAME": "passkit.contrib.django.PasskitValidator", "OPTIONS": {"policy": "amazon-recommended"}},
        ],
    )
    django.setup()
