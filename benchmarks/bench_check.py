"""Checks per second: passkit's ``check`` against Django's password validators, in one run.

Builds N varied passwords deterministically (a SHAKE-256 counter stream with a fixed seed, no
``random``, so every run on every Python checks exactly the same passwords), each for a user with
a name, email, phone number and birthday; warms every checker up (word lists loaded before
timing); then times, side by side on the same passwords:

* passkit ``check(pw, "amazon")``;
* passkit ``check(pw, "amazon-recommended", user_inputs=[name, email, phone, birthday])``, with the
  blocklist and the context words doing real work;
* Django's MinimumLengthValidator + CommonPasswordValidator + NumericPasswordValidator, each
  ``validate(pw)`` called in turn and ``ValidationError`` caught (what ``validate_password`` does);
* the same trio through ``django.contrib.auth.password_validation.validate_password``;
* Django's four default validators, the trio plus ``UserAttributeSimilarityValidator``, given a
  user whose first name, last name, email, phone and birthday (as text) are the same user inputs:
  Django's counterpart of passkit's context words, for reference (the issue's target is the trio).

Each figure is the best of ``--repeat`` runs, timed with ``time.perf_counter``.

Run: ``python benchmarks/bench_check.py [--n N] [--repeat R] [--users K]`` (``make bench`` runs the defaults).
"""

from __future__ import annotations

import argparse
import datetime
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import django
from detstream import KANA, NAMES, PRINTABLE, SYMBOLS, Stream, fullwidth  # benchmarks/detstream.py
from django.conf import settings

import passkit

SEED = b"passkit-bench-check-v1"
WORDLIST = Path(__file__).resolve().parent.parent / "wordlists" / "common-passwords.txt"

SURNAMES = (
    "yamada", "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "nakamura", "kobayashi", "kato",
    "smith", "johnson", "garcia", "miller", "brown", "martin", "lopez", "wilson", "nguyen", "kim",
)  # fmt: skip
LEET = {"a": "@4", "o": "0", "e": "3", "s": "$5", "i": "1!", "t": "7", "l": "1", "b": "8", "g": "9"}


Profile = tuple[str, str, str, str | datetime.date]


def make_profile(s: Stream) -> Profile:
    """A user: (name, email, phone number, birthday), in the shapes people type them."""
    given, family = s.choice(NAMES), s.choice(SURNAMES)
    year, month, day = s.between(1950, 2007), s.between(1, 12), s.between(1, 28)
    name = (
        f"{family.capitalize()} {given.capitalize()}"
        if s.chance(1, 2)
        else f"{given.capitalize()} {family.capitalize()}"
    )
    email = s.choice(
        (
            f"{given}.{family}@example.co.jp",
            f"{given[0]}{family}{year % 100:02d}@mail.example.com",
            f"{family}_{given}@example.org",
        )
    )
    a, b = s.between(1000, 9999), s.between(1000, 9999)
    phone = s.choice((f"090-{a}-{b}", f"03-{a}-{b}", f"+1 (415) 555-{b}", f"+81 80 {a} {b}"))
    birthday: str | datetime.date = s.choice(
        (f"{year}-{month:02d}-{day:02d}", f"{year}/{month}/{day}", f"{day:02d}.{month:02d}.{year}", "date")
    )
    if birthday == "date":
        birthday = datetime.date(year, month, day)
    return name, email, phone, birthday


def mangle(word: str, s: Stream) -> str:
    """Change case and swap in look-alikes, the way people 'strengthen' a common password."""
    out = []
    for c in word:
        subs = LEET.get(c)
        if subs and s.chance(1, 2):
            out.append(s.choice(subs))
        elif c.isalpha() and s.chance(1, 4):
            out.append(c.upper())
        else:
            out.append(c)
    text = "".join(out)
    if s.chance(1, 3):
        text = text[:1].upper() + text[1:]
    if s.chance(1, 3):
        text += s.choice(SYMBOLS)
    return text


def common_password(_profile: Profile, common: Sequence[str], s: Stream) -> str:
    """Straight from the list, weighted toward its top, as real choices are."""
    return common[s.below(s.choice((100, 1000, len(common))))]


def common_mangled(_profile: Profile, common: Sequence[str], s: Stream) -> str:
    return mangle(common[s.below(2000)], s)


def short(_profile: Profile, _common: Sequence[str], s: Stream) -> str:
    return "".join(s.choice(PRINTABLE) for _ in range(s.between(1, 7)))


def long_random(_profile: Profile, _common: Sequence[str], s: Stream) -> str:
    return "".join(s.choice(PRINTABLE) for _ in range(s.between(12, 40)))


def name_year(_profile: Profile, _common: Sequence[str], s: Stream) -> str:
    name = s.choice(NAMES)
    name = name.capitalize() if s.chance(1, 2) else name
    year = str(s.between(1950, 2025))
    return name + s.choice(("", "_", ".")) + (year if s.chance(2, 3) else year[2:]) + s.choice(("", "!", "#"))


def full_width(_profile: Profile, common: Sequence[str], s: Stream) -> str:
    """Typed with Japanese input on: full-width ASCII, or kana with digits."""
    if s.chance(1, 4):
        return s.choice(KANA) + str(s.between(100, 9999))
    base = common[s.below(1000)] if s.chance(1, 2) else s.choice(NAMES).capitalize() + str(s.between(1950, 2025))
    return fullwidth(base)


def numeric(_profile: Profile, _common: Sequence[str], s: Stream) -> str:
    return "".join(s.choice("0123456789") for _ in range(s.between(4, 12)))


def personal(profile: Profile, _common: Sequence[str], s: Stream) -> str:
    """A password built from the user's own name, email, phone number or birthday."""
    name, email, phone, birthday = profile
    if isinstance(birthday, datetime.date):
        year, month, day = birthday.year, birthday.month, birthday.day
    else:
        parts = [int(p) for p in birthday.replace("/", "-").replace(".", "-").split("-")]
        year, month, day = parts if parts[0] > 31 else parts[::-1]
    digits = "".join(c for c in phone if c.isdigit())
    pieces = (
        f"{year}{month:02d}{day:02d}",
        f"{month:02d}{day:02d}",
        str(year),
        digits[-4:],
        digits,
        email.split("@")[0],
        name.split()[s.below(2)].lower(),
    )
    piece = s.choice(pieces)
    word = s.choice(NAMES).capitalize()
    return s.choice((word + piece + s.choice(SYMBOLS), piece + word, s.choice(SYMBOLS) + piece + "Xy"))


Maker = Callable[[Profile, Sequence[str], Stream], str]
# Each kind of password, its maker, and how many of every 100 passwords it gets.
MIX: tuple[tuple[str, Maker, int], ...] = (
    ("common", common_password, 20),
    ("common-mangled", common_mangled, 15),
    ("short", short, 8),
    ("long-random", long_random, 20),
    ("name-year", name_year, 12),
    ("full-width/kana", full_width, 5),
    ("numeric", numeric, 10),
    ("personal", personal, 10),
)


def build_workload(n: int, users: int) -> tuple[list[str], list[list[str | datetime.date]], dict[str, int]]:
    """N passwords and the user inputs of the user setting each, the same on every run.

    Password ``i`` belongs to user ``i % users``; with ``users == n`` every check is for a new user,
    as in a real sign-up or password-change form, so no cache of user inputs can help.
    """
    common = WORDLIST.read_text(encoding="utf-8").split()
    kinds = [(kind, maker) for kind, maker, weight in MIX for _ in range(weight)]
    s = Stream(SEED)
    people = Stream(SEED + b"/users")  # a stream of its own: the passwords do not depend on --users
    profiles = [make_profile(people) for _ in range(min(users, n))]
    passwords: list[str] = []
    counts = dict.fromkeys((kind for kind, _, _ in MIX), 0)
    for index in range(n):
        kind, maker = kinds[s.below(len(kinds))]
        counts[kind] += 1
        passwords.append(maker(profiles[index % len(profiles)], common, s))
    inputs = [list(profiles[index % len(profiles)]) for index in range(n)]
    return passwords, inputs, counts


USER_ATTRIBUTES = ("first_name", "last_name", "email", "phone", "birthday")


def setup_django() -> tuple[list[object], Callable[..., None], object]:
    """The trio, ``validate_password`` and a ``UserAttributeSimilarityValidator`` for USER_ATTRIBUTES."""
    settings.configure(USE_I18N=True, USE_TZ=True, INSTALLED_APPS=[])
    django.setup()
    from django.contrib.auth import password_validation  # noqa: PLC0415 (needs settings first)

    validators: list[object] = [
        password_validation.MinimumLengthValidator(),
        password_validation.CommonPasswordValidator(),
        password_validation.NumericPasswordValidator(),
    ]
    similarity = password_validation.UserAttributeSimilarityValidator(user_attributes=USER_ATTRIBUTES)
    return validators, password_validation.validate_password, similarity


class _NoFields:
    """A model's ``_meta`` for a plain user object: the error message then names the attribute."""

    @staticmethod
    def get_field(name: str) -> object:
        from django.core.exceptions import FieldDoesNotExist  # noqa: PLC0415 (after django.setup())

        raise FieldDoesNotExist(name)


def django_user(profile: list[str | datetime.date]) -> SimpleNamespace:
    """A stand-in user with the profile as text attributes, for ``UserAttributeSimilarityValidator``."""
    name, email, phone, birthday = (str(item) for item in profile)
    first, _, last = name.partition(" ")
    return SimpleNamespace(
        first_name=first, last_name=last, email=email, phone=phone, birthday=birthday, _meta=_NoFields()
    )


def time_best(
    label: str, run: Callable[[Sequence[str]], int], passwords: Sequence[str], repeat: int
) -> tuple[str, float, int]:
    """Best wall time of ``repeat`` runs; ``run`` returns how many passwords it rejected."""
    best = float("inf")
    rejected = 0
    for _ in range(repeat):
        start = time.perf_counter()
        rejected = run(passwords)
        best = min(best, time.perf_counter() - start)
    return label, best, rejected


def django_checkers(inputs: Sequence[list[str | datetime.date]]) -> list[tuple[str, Callable[[Sequence[str]], int]]]:
    """Django's checkers, each returning how many passwords it rejected (call after setup_django)."""
    validators, validate_password, similarity = setup_django()
    from django.core.exceptions import ValidationError  # noqa: PLC0415 (after django.setup())

    def trio_failed(pw: str) -> bool:
        failed = False
        for validator in validators:
            try:
                validator.validate(pw)  # type: ignore[attr-defined]
            except ValidationError:
                failed = True
        return failed

    def django_trio(passwords: Sequence[str]) -> int:
        # trio_failed's loop, inline: the reference pays no extra call per password (~1%).
        rejected = 0
        for pw in passwords:
            failed = False
            for validator in validators:
                try:
                    validator.validate(pw)  # type: ignore[attr-defined]
                except ValidationError:
                    failed = True
            rejected += failed
        return rejected

    users = [django_user(profile) for profile in inputs]

    def django_four(passwords: Sequence[str]) -> int:
        rejected = 0
        for pw, user in zip(passwords, users, strict=False):
            failed = trio_failed(pw)
            try:
                similarity.validate(pw, user)  # type: ignore[attr-defined]
            except ValidationError:
                failed = True
            rejected += failed
        return rejected

    def django_validate_password(passwords: Sequence[str]) -> int:
        rejected = 0
        for pw in passwords:
            try:
                validate_password(pw, password_validators=validators)
            except ValidationError:
                rejected += 1
        return rejected

    return [
        ("Django trio, validator.validate(pw) x3", django_trio),
        ("Django validate_password(pw, trio)", django_validate_password),
        ("Django trio + UserAttributeSimilarity(user), x4", django_four),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of passwords (default 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per checker; the best counts (default 3)")
    parser.add_argument(
        "--users",
        type=int,
        default=0,
        help="distinct users whose inputs are cycled (default: one per password, so caches never hit)",
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also time amazon-recommended without user inputs, and with parts of the context test stubbed out",
    )
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1 or args.users < 0:
        parser.error("--n and --repeat must be at least 1, --users at least 0")
    users = args.users or args.n

    passwords, inputs, counts = build_workload(args.n, users)
    check = passkit.check

    def passkit_amazon(passwords: Sequence[str]) -> int:
        return sum(not check(pw, "amazon").ok for pw in passwords)

    def passkit_recommended(passwords: Sequence[str]) -> int:
        return sum(
            not check(pw, "amazon-recommended", user_inputs=context).ok
            for pw, context in zip(passwords, inputs, strict=False)
        )

    runs = (
        ('passkit check(pw, "amazon")', passkit_amazon),
        ('passkit check(pw, "amazon-recommended", user_inputs=[4])', passkit_recommended),
        *django_checkers(inputs),
    )
    # Warm-up: load the word lists and fill caches outside the timings.
    for _, run in runs:
        run(passwords[:2000])

    results = [time_best(label, run, passwords, args.repeat) for label, run in runs]
    rates = {label: args.n / seconds for label, seconds, _ in results}

    impl = platform.python_implementation()
    print(f"passkit check benchmark: {args.n:,} passwords, best of {args.repeat} runs (time.perf_counter)")
    print(f"Python {platform.python_version()} ({impl}), Django {django.get_version()}, passkit {passkit.__version__}")
    print(f"users: {min(users, args.n):,} distinct (name, email, phone, birthday each)")
    print("password mix: " + ", ".join(f"{kind} {count:,}" for kind, count in counts.items()))
    print()
    print(f"{'checker':<60}{'checks/s':>12}{'rejected':>11}")
    for label, _seconds, rejected in results:
        print(f"{label:<60}{rates[label]:>12,.0f}{rejected / args.n:>10.1%} ")
    print()
    print("ratios, passkit checks/s divided by Django checks/s (above 1.00: passkit is faster)")
    for passkit_label, _, _ in results[:2]:
        for django_label, _, _ in results[2:]:
            if passkit_label == results[0][0] and django_label == results[4][0]:
                continue  # "amazon" looks at no user inputs: no counterpart of the four
            name = f"{passkit_label.removeprefix('passkit ')} / {django_label.removeprefix('Django ')}"
            print(f"  {name:<92}{rates[passkit_label] / rates[django_label]:>6.2f}")
    if args.breakdown:
        print_breakdown(passwords, passkit_recommended, args.repeat, rates[results[1][0]], rates[results[2][0]])
    return 0


def print_breakdown(
    passwords: Sequence[str], with_inputs: Callable[[Sequence[str]], int], repeat: int, full: float, trio: float
) -> None:
    """Where ``amazon-recommended``'s time goes: the same check with parts of it replaced by stubs.

    Diagnostics only: the stubbed checks give wrong verdicts. ``with_inputs`` runs the check with
    the user inputs; ``full`` and ``trio`` are the checks per second measured above.
    """
    import passkit._check  # noqa: PLC0415 (internals, for this diagnostic only)
    import passkit._context  # noqa: PLC0415

    check = passkit.check
    # The names ``evaluate`` and ``context_hit`` look up at call time, swapped for stubs below.
    real_context_hit, real_match_inputs = vars(passkit._check)["context_hit"], passkit._context._match_inputs

    def without_inputs(passwords: Sequence[str]) -> int:
        return sum(not check(pw, "amazon-recommended").ok for pw in passwords)

    def no_context(*_args: object) -> None:
        return None

    def constant_kind(*_args: object, **_kwargs: object) -> str:
        return "name"

    print()
    print("breakdown of amazon-recommended (diagnostic: stubbed checks give wrong verdicts)")
    print(f"  {'with the 4 user inputs (as above)':<76}{full:>12,.0f}  {full / trio:>5.2f}x trio")
    print(f"  {'no user inputs':<76}", end="")
    _, seconds, _ = time_best("", without_inputs, passwords, repeat)
    print(f"{len(passwords) / seconds:>12,.0f}  {len(passwords) / seconds / trio:>5.2f}x trio")
    for label, module, name, stub in (
        ("user inputs, context test stubbed (validation only)", passkit._check, "context_hit", no_context),
        ("user inputs, exact matching after the quick tests stubbed", passkit._context, "_match_inputs", constant_kind),
    ):
        setattr(module, name, stub)
        try:
            _, seconds, _ = time_best(label, with_inputs, passwords, repeat)
        finally:
            setattr(passkit._check, "context_hit", real_context_hit)  # noqa: B010 (not exported)
            passkit._context._match_inputs = real_match_inputs
        print(f"  {label:<76}{len(passwords) / seconds:>12,.0f}  {len(passwords) / seconds / trio:>5.2f}x trio")


if __name__ == "__main__":
    sys.exit(main())
