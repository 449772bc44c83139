"""Tests for context words: the user's name, email, phone number and birthday inside a password."""

from __future__ import annotations

import datetime
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import (
    FAMILY_NAMES,
    GIVEN_NAMES,
    LOOKALIKE_SPELLINGS,
    birthday_texts,
    birthdays,
    emails,
    fullwidth,
    names,
    passwords,
    phone_numbers,
    user_inputs,
)

from passkit import check
from passkit._context import (
    MAX_INPUT_LENGTH,
    MAX_USER_INPUTS,
    _is_digit_input,
    expand_user_inputs,
    text_dates,
    validate_user_inputs,
)
from passkit._normalize import LOOKALIKE_TABLE

POLICY = "amazon-recommended"
# Domain labels the generated emails use that are generic, not personal.
GENERIC_LABELS = {"co", "com", "ne", "net", "or", "org", "mail", "gmail", "yahoo"}


def _context(password: str, inputs: list[object], policy: str = POLICY, locale: str = "en") -> str | None:
    """The ``kind`` of the context-word violation, or ``None`` when there is none."""
    result = check(password, policy, user_inputs=inputs, locale=locale)  # type: ignore[arg-type]
    for violation in result.violations:
        if violation.code == "context-word":
            kind = dict(violation.params)["kind"]
            assert isinstance(kind, str)
            return kind
    return None


def _birthday_tokens(day: datetime.date) -> list[str]:
    """The documented birthday tokens, formatted independently with ``strftime``."""
    return [
        day.strftime("%Y%m%d"),
        day.strftime("%y%m%d"),
        day.strftime("%m%d"),
        day.strftime("%d%m"),
        f"{day.year:04d}",
        day.strftime("%d%m%Y"),
        day.strftime("%m%d%Y"),
        day.strftime("%d%m%y"),
        day.strftime("%m%d%y"),
    ]


class TestBirthday:
    """A birthday means 19850412, 850412, 0412, 1204, 1985 (and the day-first forms)."""

    @pytest.mark.parametrize(
        "birthday",
        [
            datetime.date(1985, 4, 12),
            datetime.datetime(1985, 4, 12, 9, 30),
            "1985-04-12",
            "1985/4/12",
            "1985.04.12",
            "1985年4月12日",
            "12.04.1985",
            " 1985-04-12 ",
        ],
    )
    @pytest.mark.parametrize(
        "token", ["19850412", "850412", "0412", "1204", "1985", "12041985", "04121985", "120485", "041285"]
    )
    def test_documented_tokens(self, birthday: object, token: str) -> None:
        """Each documented form of the birthday inside the password is refused."""
        password = f"Qx!{token}Tree"
        assert check(password, POLICY).ok
        assert "birthday" == _context(password, [birthday])

    @pytest.mark.parametrize(
        ("birthday", "token"), [("04/12/1985", "0412"), ("04/12/1985", "1204"), ("19850412", "850412")]
    )
    def test_more_date_forms(self, birthday: str, token: str) -> None:
        """US month-first dates (both readings) and eight digits ``YYYYMMDD`` are birthdays too."""
        assert "birthday" == _context(f"Qx!{token}Tree", [birthday])

    def test_fullwidth_digits(self) -> None:
        """A birthday typed with full-width digits is still found."""
        assert "birthday" == _context("Qx!１９８５Tree", [datetime.date(1985, 4, 12)])

    def test_other_dates_pass(self) -> None:
        """Digits that are not a form of the birthday pass."""
        assert _context("Qx!1986Tree", [datetime.date(1985, 4, 12)]) is None
        assert _context("Qx!0413Tree", ["1985-04-12"]) is None

    @given(day=birthdays, which=st.integers(0, 8), front=st.sampled_from(["Qx!", "Zz#k", ""]))
    def test_any_birthday_token(self, day: datetime.date, which: int, front: str) -> None:
        """Every documented token of any birthday, anywhere in the password, is refused."""
        password = f"{front}{_birthday_tokens(day)[which]}Tree!"
        assert "birthday" == _context(password, [day])
        assert "birthday" == _context(password, [day.isoformat()])

    @given(day=birthdays, letters=st.text(st.sampled_from("QXZqxz!%&*-_"), min_size=10, max_size=16))
    def test_no_digits_no_birthday(self, day: datetime.date, letters: str) -> None:
        """A password without digits never contains a birthday."""
        assert _context(letters, [day]) is None

    @pytest.mark.parametrize(
        ("text", "readings"),
        [
            ("1985-04-12", [(1985, 4, 12)]),
            ("1985年4月12日", [(1985, 4, 12)]),
            ("19850412", [(1985, 4, 12)]),
            ("12.04.1985", [(1985, 4, 12), (1985, 12, 4)]),  # day first, then month first
            ("31.04.1985", []),  # no 31 April, no month 31
            ("Taro 1985-04-12", []),  # letters: a name
            ("t@1985-04-12.jp", []),  # an email
            ("090-1234-5678", []),
        ],
    )
    def test_text_dates(self, text: str, readings: list[tuple[int, int, int]]) -> None:
        """``text_dates`` gives the readings the birthday tokens come from (``passkit.estimate`` uses it)."""
        assert readings == text_dates(text)
        tokens = {token for _, token in expand_user_inputs((text,)).digits}
        assert {t for reading in readings for t in _birthday_tokens(datetime.date(*reading))} <= tokens

    @given(day=birthdays)
    def test_date_is_its_iso_text(self, day: datetime.date) -> None:
        """A date is validated to its ``YYYY-MM-DD`` text, which expands to exactly the date's tokens.

        ``check`` relies on this: it matches dates as text, without a path of their own.
        """
        moment = datetime.datetime(day.year, day.month, day.day, 23, 59)
        assert (f"{day.year:04d}-{day.month:02d}-{day.day:02d}",) * 2 == validate_user_inputs([day, moment])
        assert expand_user_inputs((day,)) == expand_user_inputs(validate_user_inputs([day]))
        assert [(day.year, day.month, day.day)] == text_dates(validate_user_inputs([day])[0])


class TestPhone:
    """A phone number means its digits and every digit run of 4 or more."""

    @pytest.mark.parametrize("token", ["1234", "5678", "12345678", "0901234", "09012345678"])
    def test_runs_of_four_or_more(self, token: str) -> None:
        """Digit runs of 4 or more, alone or joined, are refused."""
        assert "phone" == _context(f"Tree#{token}Qx", ["090-1234-5678"])

    @pytest.mark.parametrize("password", ["Tree#090Qx", "Tree#0901Qx", "Tree#3456Qx"])
    def test_not_a_run(self, password: str) -> None:
        """Short runs and digits straddling a separator are not tokens."""
        assert _context(password, ["090-1234-5678"]) is None

    @pytest.mark.parametrize(
        ("phone", "token"),
        [
            ("+81 90 1234 5678", "5678"),
            ("(03) 1234-5678", "1234"),
            ("090.1234.5678", "5678"),
            ("09012345678", "09012345678"),
            ("０９０－１２３４－５６７８", "1234"),
        ],
    )
    def test_formats(self, phone: str, token: str) -> None:
        """Phone numbers in several formats, full-width included, are recognised."""
        assert "phone" == _context(f"Tree#{token}Qx", [phone])

    def test_unseparated_number_is_one_run(self) -> None:
        """Without separators the whole number is the only run."""
        assert _context("Tree#5678Qx", ["09012345678"]) is None

    def test_short_numbers_are_not_phones(self) -> None:
        """Fewer than 7 digits is not a phone number; its 4-digit runs still count as digits of a name."""
        assert _context("Tree#12Qx", ["12-34"]) is None

    @given(phone=phone_numbers(), data=st.data())
    def test_any_run(self, phone: str, data: st.DataObject) -> None:
        """Any run of 4 or more digits of any phone number is refused."""
        runs = [run for run in "".join(ch if ch.isdigit() else " " for ch in phone).split() if len(run) >= 4]
        if not runs:
            runs = ["".join(ch for ch in phone if ch.isdigit())]
        run = data.draw(st.sampled_from(runs))
        kind = _context(f"Tree#{run}Qx", [phone])
        assert kind in ("phone", "birthday")  # "1985.04.12" is a birthday, not a phone


class TestEmail:
    """An email means its local part, its words and digit runs, and its domain words."""

    @pytest.mark.parametrize(
        "password",
        [
            "Qx!Yamada7",
            "Qx!hanako7",
            "Qx!H4NAK0-7",
            "Qx!HanakoYamada7",
            "Qx!hanako.yamada7",
            "Qx!example7",
            "Qx7!1990z",
        ],
    )
    def test_tokens(self, password: str) -> None:
        """Local-part words, the whole local part, its digits and domain words are refused."""
        assert "email" == _context(password, ["hanako.yamada1990@example.co.jp"])

    def test_short_domain_labels_are_not_tokens(self) -> None:
        """Domain labels shorter than 3 characters (``co``, ``jp``) are not tokens."""
        assert _context("Qx!cojp-Tree7", ["hanako@example.co.jp"]) is None

    @pytest.mark.parametrize(
        ("password", "email"),
        [
            ("Comfortable-Horse-92", "hanako@example.com"),
            ("Welcome-to-Net-92!", "hanako@example.net"),
            ("Qx!Gmail-Tree7", "hanako@gmail.com"),
            ("Qx!Docomo-Tree7", "hanako@docomo.ne.jp"),
        ],
    )
    def test_generic_domain_labels_are_not_personal(self, password: str, email: str) -> None:
        """The top-level domain, generic labels and free-mail providers say nothing about the user."""
        assert _context(password, [email]) is None

    @given(email=emails(), data=st.data())
    def test_any_local_word_or_domain_word(self, email: str, data: st.DataObject) -> None:
        """Any word of the local part, or domain word of 3+ characters, is refused."""
        local, _, domain = email.rpartition("@")
        words = [w for w in local.replace(".", " ").split() if w.isalpha()]
        words += [label for label in domain.split(".")[:-1] if label not in GENERIC_LABELS]
        word = data.draw(st.sampled_from(words))
        assert "email" == _context(f"Qx7!{word.upper()}", [email])


class TestName:
    """A name means the whole text without spaces and each word of 3 letters or more."""

    @pytest.mark.parametrize("password", ["H4nak0!Qx72z", "Qx!7Yamada", "Qx!7HANAKOYAMADA", "Qx!7y4m4d4"])
    def test_tokens(self, password: str) -> None:
        """Names are found whatever the case and look-alike spelling."""
        assert "name" == _context(password, ["Hanako Yamada"])

    def test_short_words_are_dropped(self) -> None:
        """Words shorter than 3 letters are not tokens."""
        assert _context("Qx!7AlTree", ["Al"]) is None

    @pytest.mark.parametrize(
        ("password", "kind"), [("Eli1985!Qx", "name"), ("Qx!7-eli-", "name"), ("Delicious-7Q", None)]
    )
    def test_short_names_match_whole_words(self, password: str, kind: str | None) -> None:
        """A name of 3 or 4 letters matches only as a whole word: ``Eli`` is not in ``Delicious``."""
        assert kind == _context(password, ["Eli"])

    def test_long_names_match_anywhere(self) -> None:
        """A name of 5 letters or more matches inside other letters too."""
        assert "name" == _context("Qx7!xxHanakoxx", ["Hanako"])

    def test_japanese_name(self) -> None:
        """A Japanese name is found in a policy that allows Unicode."""
        assert "name" == _context("Qx!山田太郎7z-long-one", ["山田太郎"], policy="nist-800-63b")

    def test_input_is_cut_at_256_code_points(self) -> None:
        """Only the first 256 code points of an input are used."""
        assert _context("Qx!7Zebra", ["a" * 300 + " Zebra"]) is None
        assert "name" == _context("Qx!7Zebra", ["a" * 200 + " Zebra"])

    @given(name=names, data=st.data())
    def test_any_word(self, name: str, data: st.DataObject) -> None:
        """Any word of any name is refused."""
        word = data.draw(st.sampled_from(name.split()))
        assert "name" == _context(f"Qx7!{word.lower()}", [name])

    @given(
        inputs=st.lists(st.one_of(names, emails(), birthdays), min_size=1, max_size=4),
        password=st.text(st.sampled_from("%&*-_=~^"), min_size=10, max_size=16),
    )
    def test_no_letters_no_digits_no_context(self, inputs: list[object], password: str) -> None:
        """Symbols that fold to no letter never match a name, email or birthday."""
        assert _context(password, inputs) is None


class TestContextRule:
    """How the context rule fits in the policies."""

    @pytest.mark.parametrize("policy", ["amazon", "owasp-asvs-l1"])
    def test_ignored_without_the_rule(self, policy: str) -> None:
        """Policies that do not forbid context ignore user inputs."""
        assert check("Hanako-Yamada-1985", policy, user_inputs=["Hanako Yamada", "1985-04-12"]).ok

    @pytest.mark.parametrize("policy", ["amazon-recommended", "nist-800-63b", "nist-800-63b-mfa", "owasp-asvs-l2"])
    def test_applied_with_the_rule(self, policy: str) -> None:
        """Policies that forbid context refuse user inputs."""
        assert "name" == _context("Qx!7Hanako-Yamada-long", ["Hanako Yamada"], policy=policy)

    def test_kind_is_that_of_the_longest_token(self) -> None:
        """The reported ``kind`` is the one of the longest token found (here the 8-digit birthday)."""
        assert "birthday" == _context("Qx!Yamada19850412", ["Taro Yamada", datetime.date(1985, 4, 12)])

    def test_one_violation_for_the_longest_token(self) -> None:
        """Several matches give one ``context-word`` violation, for the longest token."""
        inputs = ["Hanako Yamada", "090-1234-5678", datetime.date(1985, 4, 12)]
        result = check("Qx!1234HanakoYamada1985", POLICY, user_inputs=inputs)
        assert ["context-word"] == [v.code for v in result.violations if v.code == "context-word"]
        assert "name" == _context("Qx!1234HanakoYamada1985", inputs)

    @pytest.mark.parametrize(
        ("inputs", "password", "english", "japanese"),
        [
            (["Hanako Yamada"], "Qx!7Yamada", "name or username", "名前やユーザー名"),
            (["taro@example.co.jp"], "Qx!7Example", "email address", "メールアドレス"),
            (["090-1234-5678"], "Tree#5678Qx", "phone number", "電話番号"),
            ([datetime.date(1985, 4, 12)], "Qx!19850412z", "birthday", "誕生日"),
        ],
    )
    def test_messages(self, inputs: list[object], password: str, english: str, japanese: str) -> None:
        """The message names the kind of input, in English and Japanese."""
        en = check(password, POLICY, user_inputs=inputs).violations[0].message  # type: ignore[arg-type]
        ja = check(password, POLICY, user_inputs=inputs, locale="ja").violations[0].message  # type: ignore[arg-type]
        assert f"Do not use your {english} in your password." == en
        assert f"パスワードに{japanese}を含めないでください。" == ja

    def test_generators_accepted(self) -> None:
        """``user_inputs`` may be any iterable, a generator included."""
        result = check("Qx!7Yamada", POLICY, user_inputs=(x for x in ["Hanako Yamada"]))
        assert ("context-word",) == result.codes

    @pytest.mark.parametrize(
        ("inputs", "password"),
        [
            (["1985/4/12"], "Qx!0412Tree"),  # a birthday's quick test
            (["Yamada Taro", "090-1234-5678"], "Qx!Yamada7"),  # matched exactly after the quick tests
            (["t@a1b2.example.jp"], "Zz!a1b2#"),
            (["山田 Taro"], "Qx!Taro-7"),  # not ASCII: expanded into tokens
            (["Yamada Taro"], "Qx!Kx7mPq"),
        ],
    )
    @pytest.mark.parametrize("policy", [POLICY, "minlength: 8; forbid: context; min-strength: 3;"])
    def test_str_subclasses_are_read_as_their_text(self, inputs: list[str], password: str, policy: str) -> None:
        """A ``str`` subclass is read as its text, whatever its own methods say (``min-strength`` too)."""

        class Odd(str):
            __slots__ = ()

            def strip(self, chars: str | None = None) -> str:
                return "1985-04-12"

            def lower(self) -> str:
                return "zz"

            def upper(self) -> str:
                return "zz"

            def __contains__(self, key: object) -> bool:
                return False

        odd = [Odd(item) for item in inputs]
        assert check(password, policy, user_inputs=inputs) == check(password, policy, user_inputs=odd)

    @given(given_name=st.sampled_from(GIVEN_NAMES), family=st.sampled_from(FAMILY_NAMES))
    def test_input_order_does_not_change_the_verdict(self, given_name: str, family: str) -> None:
        """The verdict does not depend on the order of the user inputs."""
        inputs = [f"{given_name} {family}", "090-1234-5678", datetime.date(1990, 7, 15)]
        password = f"Qx!{family}0715"
        assert check(password, POLICY, user_inputs=inputs).ok == check(password, POLICY, user_inputs=inputs[::-1]).ok


# -- the quick matcher against the token expansion ------------------------------------------------------


def _reference_kind(password: str, inputs: list[object]) -> str | None:
    """The documented algorithm, spelt out: expand every input into tokens, keep the longest found.

    Inputs that yield only digit tokens are left out when the password has no 4 digits in a row
    (no digit token is shorter). Ties go to long letter tokens, then digit tokens, then short
    letter tokens, each in input order.
    """
    items = validate_user_inputs(inputs)
    casefolded = unicodedata.normalize("NFKC", password).casefold()
    folded = casefolded.translate(LOOKALIKE_TABLE)
    if re.search(r"\d{4}", casefolded) is None:
        items = tuple(item for item in items if not _is_digit_input(item))
    tokens = expand_user_inputs(items)

    def whole_word(token: str) -> bool:
        for start in range(len(casefolded) - len(token) + 1):
            if casefolded.startswith(token, start):
                before = casefolded[start - 1] if start else " "
                after = casefolded[start + len(token)] if start + len(token) < len(casefolded) else " "
                if not before.isalpha() and not after.isalpha():
                    return True
        return False

    best: tuple[int, str] | None = None
    for found, group in (
        (folded.__contains__, tokens.long),
        (casefolded.__contains__, tokens.digits),
        (whole_word, tokens.short),
    ):
        for kind, token in group:
            if (best is None or len(token) > best[0]) and found(token):
                best = (len(token), kind)
    return None if best is None else best[1]


ASCII_SEPARATORS = " .-_@/+()#!'"


@st.composite
def ascii_user_inputs(draw: st.DrawFn) -> list[object]:
    """User inputs in the shapes the quick matcher handles, and odd ones it must hand over."""
    one = st.one_of(
        names,
        emails(),
        phone_numbers(),
        birthdays,
        birthday_texts(),
        st.text(st.sampled_from("abcLlxyz0123456789" + ASCII_SEPARATORS), max_size=14),
        st.builds(lambda a, b: f"{a}@{b}", st.text("ab1-.@", max_size=6), st.text("ab1-.cd", max_size=8)),
        st.sampled_from(["Li Na", "J. R. Ng", "a@b@c.jp", "ab@cd@x.jp", "t@a1b2.example.jp", "t@12-34.jp"]),
        st.sampled_from(["1985/4/2", "2.4.1985", "1985-004-12", "19850412", "1-2-3-4-5-6-7-8-9-0"]),
    )
    return draw(st.lists(one, min_size=1, max_size=4))


@st.composite
def passwords_from(draw: st.DrawFn, inputs: list[object]) -> str:
    """A password built around a piece of one input: plain, upper case, look-alikes or full-width."""
    item = draw(st.sampled_from(inputs))
    text = (
        item.strftime(draw(st.sampled_from(["%Y%m%d", "%m%d", "%d%m%y", "%Y"])))
        if isinstance(item, datetime.date)
        else str(item)
    )
    if draw(st.booleans()):
        text = "".join(ch for ch in text if ch.isdigit()) or text
    start = draw(st.integers(0, len(text)))
    piece = text[start : draw(st.integers(start, len(text)))]
    how = draw(st.sampled_from(["plain", "upper", "leet", "fullwidth"]))
    if how == "upper":
        piece = piece.upper()
    elif how == "leet":
        piece = "".join(draw(st.sampled_from([ch, *LOOKALIKE_SPELLINGS.get(ch.lower(), "")])) for ch in piece)
    elif how == "fullwidth":
        piece = fullwidth(piece)
    edge = st.text(st.sampled_from("aZ19 .!x漢"), max_size=3)
    return draw(edge) + piece + draw(edge)


class TestQuickMatching:
    """The quick matcher (no token lists for ASCII inputs and dates) agrees with the token expansion."""

    @given(data=st.data(), inputs=ascii_user_inputs())
    def test_agrees_with_token_expansion(self, data: st.DataObject, inputs: list[object]) -> None:
        """Passwords built from the inputs get the kind the documented algorithm gives."""
        password = data.draw(passwords_from(inputs))
        assert _reference_kind(password, inputs) == _context(password, inputs)

    @given(inputs=user_inputs, password=passwords(max_size=20))
    def test_agrees_on_any_inputs(self, inputs: list[object], password: str) -> None:
        """Arbitrary inputs (non-ASCII included) and passwords get the kind the algorithm gives."""
        assert _reference_kind(password, inputs) == _context(password, inputs)

    @pytest.mark.parametrize(
        ("inputs", "password", "kind"),
        [
            (["ab@cd@x.jp"], "Qx!abcd9", "email"),  # the local part is all before the last @: ab, cd, abcd
            (["t@a1b2.example.jp"], "Zz!a1b2#", "email"),  # a label mixing letters and digits
            (["t@a1b2.example.jp", "u@x.jp"], "Zz!a1b2#", "email"),  # the same, with two addresses
            (["t@12-34.jp"], "Zz 12-34 q", "email"),  # a label without letters
            (["t@123456.example.jp"], "Zz!123456#", "email"),  # a label of digits
            (["Li Na"], "Qx!Lina7", "name"),  # words of 2 letters, joined
            (["Li Na"], "Qx!Li7Na", None),  # words of 2 letters are no tokens
            (["1985/4/2"], "Qx!0402Tree", "birthday"),  # month and day without leading zeros
            (["2.4.1985"], "Qx!0204Tree", "birthday"),  # day first
            (["1985-004-12"], "Qx!0412Tree", "birthday"),  # a month of 3 digits still reads as April
            (["19850412"], "Qx!041285Tree", "birthday"),  # YYYYMMDD
            (["1-2-3-4-5-6-7-8-9-0"], "Qx!1234Tree", "phone"),  # runs joined, from the first 8 only
            (["1-2-3-4-5-6-7-8-9-0"], "Qx!7890Tree", None),
            ([datetime.datetime(1985, 4, 12, 9, 30)], "Qx!1204Tree", "birthday"),
            (["山田 Taro", "taro@example.jp"], "Qx!Taro-7", "name"),  # non-ASCII inputs are expanded
            (["Yamada Taro", "yamada@example.jp"], "Qx!Yamada7", "name"),  # a tie goes to the first input
            # inputs holding line breaks of their own (the inputs are matched joined by line breaks)
            (["Taro\nYamada", "1985/4/12"], "Qx!0412Tree", "birthday"),
            (["Taro\nYamada", "1985/4/12"], "Qx!Yamada99", "name"),
            (["x\n@ab", "a@b\nc@example.jp", "090-1234-5678"], "Qx!example1", "email"),
            (["x\n@ab", "a@b\nc@example.jp", "090-1234\n5678"], "Qx!12345678", "name"),  # no phone
            (["1985\n4\n12", "x"], "Qx!0412Tree", "birthday"),
            (["x@a\nb.c-de.jp"], "Qx!c-de", "email"),  # a domain label on a later line of its input
            (["x@\n.c-de.jp"], "TreeC!c-de#9", "email"),
            (["Olivia.Smith", "x@a\nb.c-de.jp"], "1A\nB!.c-de ", "email"),
            (["x12y34@a\nb.c-de.jp"], "c-de!1234", "email"),  # a digit run as well: read in full all the same
        ],
    )
    def test_odd_shapes(self, inputs: list[object], password: str, kind: str | None) -> None:
        """Inputs the quick tests cannot rule out are matched exactly."""
        assert _reference_kind(password, inputs) == kind
        assert kind == _context(password, inputs)

    @pytest.mark.parametrize(
        "inputs",
        [
            ["Taro Yamada", "taro@example.jp", datetime.date(1985, 4, 12)],
            ("Taro Yamada", "x" * 300),
            ["Taro"] * 70,
        ],
    )
    def test_validated_inputs_same_from_any_iterable(self, inputs: list[object]) -> None:
        """A list, a tuple and a generator of the same inputs validate to the same tuple."""
        expected = validate_user_inputs(iter(inputs))
        assert expected == validate_user_inputs(list(inputs))
        assert expected == validate_user_inputs(tuple(inputs))
        assert len(expected) <= MAX_USER_INPUTS
        assert all(len(item) <= MAX_INPUT_LENGTH for item in expected if isinstance(item, str))
