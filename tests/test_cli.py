"""Tests for the ``passkit check`` command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import ASCII_PRINTABLE, KANA

import passkit
from passkit._cli import main

PASSWORDS = ["abc12", "kx7Qm2", "abc123", "Pa$$w0rD123", "ＰＡＳＳＷＯＲＤ", "ぱすわーどです", "Tr0ub4dor&3-horse"]


def run(argv: list[str], text: str = "") -> tuple[int, str]:
    """Run ``main`` with ``text`` on stdin; return the exit code and stdout (usage errors included)."""
    stdout = io.StringIO()
    try:
        code = main(argv, stdin=io.StringIO(text), stdout=stdout)
    except SystemExit as exit_:  # argparse refuses bad arguments by exiting
        code = exit_.code if isinstance(exit_.code, int) else 2
    return code, stdout.getvalue()


def lines(text: str) -> str:
    """Passwords one per line, as a pipe delivers them."""
    return "".join(f"{line}\n" for line in text.split("|"))


class TestExitCodes:
    """0 when all pass, 1 when any fails, 2 on a usage error."""

    def test_all_pass(self) -> None:
        """Every password passing gives 0."""
        assert 0 == run(["check", "--policy", "amazon"], "kx7Qm2\nTr0ub4dor&3-horse\n")[0]

    def test_some_fail(self) -> None:
        """One failing password gives 1."""
        assert 1 == run(["check", "--policy", "amazon"], "kx7Qm2\nabc12\n")[0]

    def test_default_policy_is_amazon(self) -> None:
        """Without ``--policy`` the ``amazon`` preset is used."""
        assert run(["check", "--policy", "amazon"], lines("abc12|kx7Qm2")) == run(["check"], lines("abc12|kx7Qm2"))

    def test_no_input(self) -> None:
        """Empty stdin is a usage error (2): nothing was checked, which must not read as a pass."""
        assert (2, "") == run(["check"], "")

    def test_empty_line_is_an_empty_password(self) -> None:
        """An empty line is checked as the empty password."""
        assert (1, "line 1: FAIL\n  too-short: Use at least 6 characters (this password has 0).\n") == run(
            ["check"], "\n"
        )

    @pytest.mark.parametrize(
        "argv",
        [
            ["check", "--policy", "no-such-policy"],
            ["check", "--rules", "minlength: many;"],
            ["check", "--rules", "minlength: 10; maxlength: 6"],
            ["check", "--policy", "amazon", "--rules", "minlength: 8;"],
            ["check", "--locale", "fr"],
            ["check", "--no-such-option"],
            ["check", "kx7Qm2"],
            [],
            ["no-such-command"],
        ],
    )
    def test_usage_errors(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """Unknown policies, bad rules text, bad options, and passwords in argv are usage errors."""
        code, out = run(argv, "kx7Qm2\n")
        assert 2 == code
        assert "" == out
        assert capsys.readouterr().err

    def test_rules_error_names_the_position(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A rules text error on stderr names its position."""
        assert 2 == run(["check", "--rules", "minlength: 8; requird: upper"], "kx7Qm2\n")[0]
        assert "position 14" in capsys.readouterr().err

    def test_missing_previous_file(self, tmp_path: Path) -> None:
        """An unreadable previous-passwords file is a usage error."""
        assert 2 == run(["check", "--previous-file", str(tmp_path / "absent.txt")], "kx7Qm2\n")[0]


class TestBadEncoding:
    """Input that is not UTF-8 is a usage problem, never a crash that looks like a failed password."""

    def test_invalid_utf8_on_stdin(self) -> None:
        """A line that is not UTF-8 gives an exit code, not an exception."""
        stdin = io.TextIOWrapper(io.BytesIO(b"abc\xffdef\nkx7Qm2\n"), encoding="utf-8")
        code = main(["check"], stdin=stdin, stdout=io.StringIO())
        assert 2 == code

    def test_previous_file_not_utf8(self, tmp_path: Path) -> None:
        """A previous-passwords file that is not UTF-8 is a usage error."""
        previous = tmp_path / "previous.txt"
        previous.write_bytes(b"Summer\xff2023!\n")
        assert 2 == run(["check", "--previous-file", str(previous)], "kx7Qm2\n")[0]


class TestTextOutput:
    """The plain text report."""

    def test_report(self) -> None:
        """One numbered block per password, with each violation's code and message."""
        code, out = run(["check", "--policy", "amazon"], lines("abc12|kx7Qm2"))
        expected = "line 1: FAIL\n  too-short: Use at least 6 characters (this password has 5).\nline 2: ok\n"
        assert (1, expected) == (code, out)

    def test_findings_are_notes(self) -> None:
        """Findings are reported as notes."""
        out = run(["check"], "ｋｘ７Ｑｍ２\n")[1]
        assert out.startswith("line 1: ok\n")
        assert "note fullwidth:" in out

    def test_rules_text(self) -> None:
        """``--rules`` takes a policy as Password Rules text."""
        code, out = run(
            ["check", "--rules", "minlength: 8; required: digit; allowed: lower"], lines("abcdefg1|abcdefgh")
        )
        assert 1 == code
        assert "line 1: ok" in out
        assert "line 2: FAIL\n  missing-required:" in out

    def test_japanese(self) -> None:
        """``--locale ja`` gives Japanese messages."""
        out = run(["check", "--locale", "ja"], "abc12\n")[1]
        assert "  too-short: 6文字以上にしてください(現在5文字)。" in out

    def test_user_inputs(self) -> None:
        """``--user-input`` feeds the context check."""
        argv = ["check", "--policy", "amazon-recommended", "--user-input", "1985-04-12"]
        assert (1, "line 1: FAIL\n  context-word: Do not use your birthday in your password.\n") == run(
            argv, "Qx!19850412z\n"
        )
        assert 0 == run(["check", "--policy", "amazon-recommended"], "Qx!19850412z\n")[0]

    def test_previous_file(self, tmp_path: Path) -> None:
        """``--previous-file`` feeds the previous-password check."""
        previous = tmp_path / "previous.txt"
        previous.write_text("Summer2023!\n\n", encoding="utf-8")
        code, out = run(["check", "--previous-file", str(previous)], lines("Summer2024!|Summer2023!|Autumn-Leaf-88"))
        assert 1 == code
        assert "line 1: FAIL\n  similar-to-previous:" in out
        assert "line 2: FAIL\n  previous-password:" in out
        assert "line 3: ok" in out

    def test_crlf_lines(self) -> None:
        """Windows line ends are not part of the password."""
        assert run(["check"], "kx7Qm2\n") == run(["check"], "kx7Qm2\r\n")


class TestJsonOutput:
    """``--json`` prints one JSON object per password (JSON Lines)."""

    def test_documented_keys(self) -> None:
        """Each line parses as JSON with line, ok, violations (code, message, params) and findings."""
        code, out = run(["check", "--json"], lines("|".join(PASSWORDS)))
        assert 1 == code
        records = [json.loads(line) for line in out.splitlines()]
        assert list(range(1, len(PASSWORDS) + 1)) == [r["line"] for r in records]
        for record in records:
            assert {"line", "ok", "violations", "findings"} == set(record)
            assert record["ok"] == (not record["violations"])
            for violation in record["violations"]:
                assert {"code", "message", "params"} == set(violation)
                assert isinstance(violation["params"], dict)
            for finding in record["findings"]:
                assert {"code", "message"} == set(finding)

    def test_known_answers(self) -> None:
        """The JSON carries the codes, messages and params of ``check``."""
        out = run(["check", "--json"], lines("abc12|kx7Qm2|ＰＡＳＳＷＯＲＤ"))[1]
        first, second, third = (json.loads(line) for line in out.splitlines())
        assert {
            "line": 1,
            "ok": False,
            "violations": [
                {
                    "code": "too-short",
                    "message": "Use at least 6 characters (this password has 5).",
                    "params": {"min": 6, "length": 5},
                }
            ],
            "findings": [],
        } == first
        assert {"line": 2, "ok": True, "violations": [], "findings": []} == second
        assert ["common-password"] == [v["code"] for v in third["violations"]]
        assert ["fullwidth"] == [f["code"] for f in third["findings"]]

    def test_japanese(self) -> None:
        """``--json --locale ja`` writes Japanese messages as UTF-8 text, not escapes."""
        out = run(["check", "--json", "--locale", "ja"], "abc12\n")[1]
        assert "6文字以上にしてください(現在5文字)。" == json.loads(out)["violations"][0]["message"]
        assert "文字" in out

    def test_estimate_sequence_carries_the_match_flags(self) -> None:
        """``estimate --json`` gives each match's place, list, rank and flags as ``passkit.estimate`` has them."""
        passwords = ["H4j!meMAsiT", "drowssap", "P@ssw0rd1985", "qwerty"]
        out = run(["estimate", "--json"], lines("|".join(passwords)))[1]
        for password, line in zip(passwords, out.splitlines(), strict=True):
            expected = [
                {
                    "pattern": m.pattern,
                    "i": m.i,
                    "j": m.j,
                    "guesses": m.guesses,
                    "dictionary": m.dictionary_name,
                    "rank": m.rank,
                    "l33t": m.l33t,
                    "reversed": m.reversed,
                    "last_letter_dropped": m.last_letter_dropped,
                }
                for m in passkit.estimate(password).sequence
            ]
            assert expected == json.loads(line)["sequence"]
            assert password not in line
        flags = [
            [(m["l33t"], m["reversed"], m["last_letter_dropped"]) for m in json.loads(line)["sequence"]]
            for line in out.splitlines()
        ]
        assert (True, False, True) in flags[0]  # the recipe example: l33t, last letter dropped
        assert (False, True, False) in flags[1]  # "password" backwards


class TestNoPasswordInOutput:
    """The output never contains the passwords."""

    @pytest.mark.parametrize("options", [[], ["--json"], ["--locale", "ja"], ["--json", "--locale", "ja"]])
    @pytest.mark.parametrize("policy", ["amazon", "amazon-recommended", "nist-800-63b"])
    def test_known_passwords(self, options: list[str], policy: str, capsys: pytest.CaptureFixture[str]) -> None:
        """None of the sample passwords appears on stdout or stderr."""
        out = run(["check", "--policy", policy, *options], lines("|".join(PASSWORDS)))[1]
        err = capsys.readouterr().err
        for password in PASSWORDS:
            assert password not in out
            assert password not in err

    @given(
        secrets=st.lists(
            st.text(st.sampled_from(ASCII_PRINTABLE[1:] + KANA + "ＡＢＣ１２３"), min_size=6, max_size=20),
            min_size=1,
            max_size=4,
        ),
        json_output=st.booleans(),
    )
    def test_generated_passwords(self, secrets: list[str], json_output: bool) -> None:
        """Generated passwords never appear in the output."""
        options = ["--json"] if json_output else []
        probe = run(
            ["check", "--policy", "amazon-recommended", *options], lines("|".join(["", "x", "password", "ＡＢかな"]))
        )
        for secret in secrets:
            assume(secret not in probe[1])
        out = run(["check", "--policy", "amazon-recommended", *options], lines("|".join(secrets)))[1]
        assert all(secret not in out for secret in secrets)


class TestSubprocess:
    """``python -m passkit check`` end to end, with the passwords on stdin."""

    @staticmethod
    def _run(args: list[str], stdin: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1"}
        return subprocess.run(
            [sys.executable, "-m", "passkit", *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            env=env,
            check=False,
            timeout=60,
        )

    def test_check_exit_codes_and_json(self, tmp_path: Path) -> None:
        """Exit 1 when one fails, JSON Lines on stdout, no password anywhere."""
        done = self._run(["check", "--policy", "amazon", "--json", "--locale", "ja"], lines("abc12|kx7Qm2"), tmp_path)
        assert 1 == done.returncode
        records = [json.loads(line) for line in done.stdout.splitlines()]
        assert [False, True] == [r["ok"] for r in records]
        assert "6文字以上にしてください(現在5文字)。" == records[0]["violations"][0]["message"]
        for password in ("abc12", "kx7Qm2"):
            assert password not in done.stdout
            assert password not in done.stderr

    def test_all_pass(self, tmp_path: Path) -> None:
        """Exit 0 when every password passes."""
        done = self._run(
            ["check", "--policy", "nist-800-63b-mfa"], lines("Tr0ub4dor&3-horse|かなカナ漢字ですよ"), tmp_path
        )
        assert (0, "") == (done.returncode, done.stderr)
        assert "line 2: ok" in done.stdout

    def test_usage_error(self, tmp_path: Path) -> None:
        """Exit 2 for rules text that does not parse, with the error on stderr."""
        done = self._run(["check", "--rules", "minlength: 8;;"], "kx7Qm2\n", tmp_path)
        assert 2 == done.returncode
        assert "" == done.stdout
        assert "position 13" in done.stderr
        assert "kx7Qm2" not in done.stderr


class TestRobustness:
    """Odd invocations end with a usage error, never a traceback."""

    def test_non_utf8_stdin_under_c_locale(self) -> None:
        """Under the C.UTF-8 locale (surrogateescape stdin), bytes that are not UTF-8 still exit 2."""
        env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        done = subprocess.run(
            [sys.executable, "-m", "passkit", "check"],
            input=b"Zq9Xk7\xff\xfeJv\n",
            capture_output=True,
            env=env,
            check=False,
        )
        assert 2 == done.returncode
        assert b"Zq9Xk7" not in done.stderr + done.stdout

    @pytest.mark.parametrize("argv", [["generate", "--count", "100000000000"], ["generate", "--recovery-codes", "0"]])
    def test_count_is_bounded(self, argv: list[str]) -> None:
        """Counts outside 1 to 1,000,000 are usage errors (exit 2), not a memory error."""
        with pytest.raises(SystemExit) as caught:
            main(argv, stdin=io.StringIO(""), stdout=io.StringIO())
        assert 2 == caught.value.code
