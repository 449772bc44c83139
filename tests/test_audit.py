"""Tests for ``passkit audit``: the streaming, multi-process audit of a password file."""

from __future__ import annotations

import collections
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import MIXED_ALPHABET

import passkit
from passkit import _audit
from passkit._audit import MAX_LINE_BYTES, SCHEMA_VERSION, AuditSummary, audit, summary_json, summary_text
from passkit._cli import main

# Distinctive secrets: none of them can appear in output by accident.
SECRETS = ("Quokka-Zebra-7731-secret", "ひみつのパスワードXYZ", "password", "ｐａｓｓｗｏｒｄ", "kx7Qm2-Wombat")
POLICIES = ("amazon", "nist-800-63b-mfa", "minlength: 8; required: digit; min-strength: 2;")
TEXT_LINE = st.text(
    alphabet=st.sampled_from([c for c in MIXED_ALPHABET if c not in "\r\n" and not "\ud800" <= c <= "\udfff"]),
    max_size=24,
)
# Raw bytes, often not UTF-8; a line never holds "\n" and never ends with "\r" (that would be CRLF).
BYTES_LINE = st.binary(max_size=16).map(lambda raw: raw.replace(b"\n", b"").rstrip(b"\r"))
CONTENT = st.one_of(
    TEXT_LINE.map(lambda text: text.encode("utf-8")),
    BYTES_LINE,
    st.just(b""),
    st.sampled_from(SECRETS).map(lambda text: text.encode("utf-8")),
)


@st.composite
def password_files(draw: st.DrawFn) -> tuple[list[bytes], bytes]:
    """Lines (without endings) and the file holding them: LF or CRLF endings, maybe none at the end."""
    contents = draw(st.lists(CONTENT, max_size=20))
    endings = [draw(st.sampled_from([b"\n", b"\r\n"])) for _ in contents]
    if contents and contents[-1] and draw(st.booleans()):
        endings[-1] = b""  # a last line without a line ending
    return contents, b"".join(content + ending for content, ending in zip(contents, endings, strict=True))


def weakness_labels(result: passkit.Estimate) -> set[str]:
    """The documented weakness labels of one estimate, worked out here independently."""
    labels = set()
    for match in result.sequence:
        if match.pattern == "dictionary":
            labels.add("dictionary:" + match.dictionary_name)
            flags = (
                ("l33t", match.l33t),
                ("reversed", match.reversed),
                ("last-letter-dropped", match.last_letter_dropped),
            )
            labels.update(name for name, flag in flags if flag)
        elif match.pattern != "bruteforce":
            labels.add(match.pattern)
    return labels


def recount(contents: list[bytes], policy: str, max_line_bytes: int = MAX_LINE_BYTES) -> dict[str, object]:
    """The summary's counts, recounted with ``passkit.check`` and ``passkit.estimate`` one line at a time."""
    counts: collections.Counter[str] = collections.Counter()
    violations: collections.Counter[str] = collections.Counter()
    findings: collections.Counter[str] = collections.Counter()
    weaknesses: collections.Counter[str] = collections.Counter()
    warnings: collections.Counter[str] = collections.Counter()
    scores = [0] * 5
    for content in contents:
        if len(content) > max_line_bytes:
            counts["too_long"] += 1
            continue
        if not content:
            counts["empty"] += 1
            continue
        try:
            password = content.decode("utf-8")
        except UnicodeDecodeError:
            counts["undecodable"] += 1
            continue
        result = passkit.check(password, policy)
        strength = passkit.estimate(password)
        counts["passed" if result.ok else "failed"] += 1
        counts["truncated"] += strength.truncated
        violations.update(result.codes)
        findings.update(finding.code for finding in result.findings)
        scores[strength.score] += 1
        weaknesses.update(weakness_labels(strength))
        if strength.feedback.warning:
            warnings[strength.feedback.warning] += 1
    return {
        "lines": len(contents),
        "checked": counts["passed"] + counts["failed"],
        **{key: counts[key] for key in ("empty", "undecodable", "too_long", "passed", "failed", "truncated")},
        "violations": dict(violations),
        "findings": dict(findings),
        "scores": scores,
        "weaknesses": dict(weaknesses),
        "warnings": dict(warnings),
    }


def counts_of(summary: AuditSummary) -> dict[str, object]:
    """The summary in the shape :func:`recount` gives (warnings by their English message)."""
    record = summary_json(summary)
    flat = {key: record[key] for key in ("lines", "checked", "empty", "undecodable", "too_long", "passed", "failed")}
    return {
        **flat,
        "truncated": record["truncated"],
        "violations": dict(summary.violations),
        "findings": dict(summary.findings),
        "scores": list(summary.scores),
        "weaknesses": dict(summary.weaknesses),
        "warnings": {item["message"]: item["count"] for item in record["warnings"]},  # type: ignore[attr-defined]
    }


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, str]:
    """Run ``main`` with ``stdin`` as a binary-backed stdin; return the exit code and stdout."""
    stdout = io.StringIO()
    try:
        code = main(argv, stdin=io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"), stdout=stdout)
    except SystemExit as exit_:  # argparse refuses bad arguments by exiting
        code = exit_.code if isinstance(exit_.code, int) else 2
    return code, stdout.getvalue()


class Terminal(io.StringIO):
    """A stream that says it is a terminal (to see the progress line)."""

    def isatty(self) -> bool:
        """Claim to be a terminal."""
        return True


class TestRecount:
    """The summary equals a recount done line by line with ``check`` and ``estimate``."""

    @given(password_files(), st.sampled_from(POLICIES), st.sampled_from([4, 16, MAX_LINE_BYTES]))
    def test_counts_match_check_and_estimate(
        self, file: tuple[list[bytes], bytes], policy: str, max_line_bytes: int
    ) -> None:
        """Every count (lines, skips, failures by code, scores, weaknesses, warnings) matches."""
        contents, data = file
        summary = audit(io.BytesIO(data), policy, jobs=1, max_line_bytes=max_line_bytes, chunk_lines=3)
        assert recount(contents, policy, max_line_bytes) == counts_of(summary)

    @given(password_files())
    def test_ranked_most_frequent_first(self, file: tuple[list[bytes], bytes]) -> None:
        """Violations, findings, weaknesses and warnings come most frequent first, ties by name."""
        summary = audit(io.BytesIO(file[1]), "amazon", jobs=1)
        for ranked in (summary.violations, summary.findings, summary.weaknesses, summary.warnings):
            assert sorted(ranked, key=lambda item: (-item[1], item[0])) == list(ranked)

    def test_match_flags_are_weaknesses(self) -> None:
        """l33t, reversed and last-letter-dropped words are counted by line, as the recount has them."""
        contents = [b"H4j!meMAsiT", b"drowssap", b"passwor", b"kx7Qm2"]
        summary = audit(io.BytesIO(b"\n".join(contents)), "amazon", jobs=1)
        weaknesses = dict(summary.weaknesses)
        assert recount(contents, "amazon")["weaknesses"] == weaknesses
        assert (1, 1, 2) == (weaknesses["l33t"], weaknesses["reversed"], weaknesses["last-letter-dropped"])

    def test_line_handling(self) -> None:
        """Only ``\\n`` or ``\\r\\n`` is removed; empty, non-UTF-8 and over-long lines are skipped."""
        data = b"kx7Qm2\r\n\n\r\n\xff\xfe\n" + b"x" * 9 + b"\n12345678\r\n" + b"y" * 100
        summary = audit(io.BytesIO(data), "amazon", jobs=1, max_line_bytes=8)
        expected = (7, 2, 2, 1, 2)
        assert expected == (summary.lines, summary.checked, summary.empty, summary.undecodable, summary.too_long)

    def test_lone_carriage_return_is_kept(self) -> None:
        """A ``\\r`` not followed by ``\\n`` is part of the password (here a disallowed character)."""
        summary = audit(io.BytesIO(b"kx7Qm2\r"), "amazon", jobs=1)
        assert (("disallowed-character", 1),) == summary.violations

    def test_empty_file(self) -> None:
        """An empty file has no lines and checks nothing."""
        summary = audit(io.BytesIO(b""), "amazon", jobs=1)
        assert (0, 0, (0, 0, 0, 0, 0)) == (summary.lines, summary.checked, summary.scores)

    def test_bad_arguments(self) -> None:
        """``jobs``, ``max_line_bytes`` and ``chunk_lines`` below 1 are refused."""
        for options in ({"jobs": 0}, {"max_line_bytes": 0}, {"chunk_lines": 0}):
            with pytest.raises(ValueError, match="at least 1"):
                audit(io.BytesIO(b"kx7Qm2\n"), "amazon", **options)  # type: ignore[arg-type]


class TestProcesses:
    """Worker processes give exactly what one process gives."""

    def test_jobs_1_and_2_agree(self) -> None:
        """``jobs=1`` and ``jobs=2`` give identical summaries, over many small chunks."""
        data = b"".join(
            f"{secret}{index}".encode() + (b"\r\n" if index % 3 else b"\n") for index in range(60) for secret in SECRETS
        )
        data += b"\n\xff\xfe\n" + b"z" * 50 + b"\n"
        one = audit(io.BytesIO(data), "amazon-recommended", jobs=1, max_line_bytes=40, chunk_lines=7)
        two = audit(io.BytesIO(data), "amazon-recommended", jobs=2, max_line_bytes=40, chunk_lines=7)
        assert one == two
        assert (len(SECRETS) * 60 + 3, 1, 1, 1) == (one.lines, one.empty, one.undecodable, one.too_long)

    def test_cli_jobs_agree(self, tmp_path: Path) -> None:
        """``--jobs 1`` and ``--jobs 2`` print the same JSON."""
        path = tmp_path / "passwords.txt"
        path.write_bytes("\n".join(SECRETS * 20).encode())
        assert run(["audit", str(path), "--json", "--jobs", "1"]) == run(["audit", str(path), "--json", "--jobs", "2"])


class TestJson:
    """The ``--json`` object has the documented, stable schema."""

    def test_documented_keys(self, tmp_path: Path) -> None:
        """Exactly the documented keys, with the documented types."""
        path = tmp_path / "passwords.txt"
        path.write_bytes("\n".join(SECRETS).encode() + b"\n\n\xff\n")
        code, out = run(["audit", str(path), "--json", "--jobs", "1"])
        record = json.loads(out)
        assert 1 == code
        assert 1 == len(out.splitlines())
        keys = [
            "schema_version", "policy", "lines", "checked", "empty", "undecodable", "too_long", "passed", "failed",
            "violations", "findings", "scores", "weaknesses", "warnings", "truncated",
        ]  # fmt: skip
        assert keys == list(record)
        assert SCHEMA_VERSION == record["schema_version"] == 1
        assert "minlength: 6; allowed: ascii-printable; forbid: common, previous;" == record["policy"]
        assert (7, 5, 1, 1, 0) == tuple(record[k] for k in ("lines", "checked", "empty", "undecodable", "too_long"))
        assert 5 == len(record["scores"])
        assert 5 == sum(record["scores"])
        assert {"code", "count"} == {key for item in record["violations"] + record["findings"] for key in item}
        assert {"label", "count"} == {key for item in record["weaknesses"] for key in item}
        assert {"key", "message", "count"} == {key for item in record["warnings"] for key in item}
        assert {"code": "common-password", "count": 2} in record["violations"]

    def test_japanese_warnings(self, tmp_path: Path) -> None:
        """``--locale ja`` gives the warnings in Japanese; the keys stay the same."""
        path = tmp_path / "passwords.txt"
        path.write_bytes(b"password\n")
        record = json.loads(run(["audit", str(path), "--json", "--locale", "ja", "--jobs", "1"])[1])
        assert [{"key": "top-10", "message": "よく使われるパスワードの上位10位に入っています。", "count": 1}] == (
            record["warnings"]
        )


class TestText:
    """The text summary."""

    def test_summary(self, tmp_path: Path) -> None:
        """Counts, failures by code, the score histogram and the weaknesses are all there."""
        path = tmp_path / "passwords.txt"
        path.write_bytes(b"password\r\nabc12\nkx7Qm2\n\n")
        code, out = run(["audit", str(path), "--jobs", "1"])
        assert 1 == code
        assert out.startswith("lines: 4\nchecked: 3 (skipped: 1 empty, 0 not UTF-8, 0 too long to audit)\n")
        assert "failed: 2 (66.7% of checked)" in out
        assert "  common-password" in out
        assert "  too-short" in out
        assert "strength scores (lines):\n  0/4" in out
        assert "dictionary:passwords" in out
        assert "This is a top-10 common password." in out

    def test_summary_text_japanese(self) -> None:
        """The warnings follow the locale."""
        summary = audit(io.BytesIO(b"password\n"), jobs=1)
        assert "よく使われるパスワードの上位10位に入っています。" in summary_text(summary, locale="ja")


class TestExitCodes:
    """0 when no line fails, 1 when one does, 2 on a usage error, as ``passkit check``."""

    def test_all_pass(self, tmp_path: Path) -> None:
        """No line failing gives 0, even with skipped lines."""
        path = tmp_path / "passwords.txt"
        path.write_bytes(b"kx7Qm2\n\n\xff\n")
        assert 0 == run(["audit", str(path), "--jobs", "1"])[0]

    def test_some_fail(self, tmp_path: Path) -> None:
        """One failing line gives 1."""
        path = tmp_path / "passwords.txt"
        path.write_bytes(b"kx7Qm2\nabc\n")
        assert 1 == run(["audit", str(path), "--jobs", "1"])[0]

    def test_stdin(self) -> None:
        """``-`` reads stdin as bytes."""
        code, out = run(["audit", "-", "--json", "--jobs", "1"], b"kx7Qm2\r\n\xff\n")
        assert (0, 2, 1) == (code, json.loads(out)["lines"], json.loads(out)["undecodable"])

    def test_stdin_text_stream(self) -> None:
        """A text stream without a byte buffer (``io.StringIO``) is read too."""
        stdout = io.StringIO()
        assert 1 == main(["audit", "-", "--jobs", "1"], stdin=io.StringIO("abc\n"), stdout=stdout)
        assert stdout.getvalue().startswith("lines: 1\n")

    def test_nothing_checked(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file with no line to check is a usage error, after the summary."""
        path = tmp_path / "passwords.txt"
        path.write_bytes(b"\n\xff\n")
        code, out = run(["audit", str(path), "--jobs", "1"])
        assert 2 == code
        assert out.startswith("lines: 2\n")
        assert "no line was checked" in capsys.readouterr().err

    @pytest.mark.parametrize(
        "argv",
        [
            ["audit", "FILE", "--policy", "no-such-policy"],
            ["audit", "FILE", "--rules", "minlength: many;"],
            ["audit", "FILE", "--policy", "amazon", "--rules", "minlength: 8;"],
            ["audit", "FILE", "--locale", "fr"],
            ["audit", "FILE", "--jobs", "0"],
            ["audit", "FILE", "--jobs", "two"],
            ["audit"],
            ["audit", "no-such-file.txt"],
        ],
    )
    def test_usage_errors(self, argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Unknown policies, bad rules, bad options and missing files give 2 and print nothing on stdout."""
        path = tmp_path / "passwords.txt"
        path.write_bytes(b"kx7Qm2\n")
        argv = [str(path) if arg == "FILE" else str(tmp_path / arg) if arg.endswith(".txt") else arg for arg in argv]
        assert (2, "") == run(argv)

    def test_unreadable_file_says_what_to_do(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file or a directory: the error names the path and what to give instead."""
        for path in (tmp_path / "missing.txt", tmp_path):
            assert (2, "") == run(["audit", str(path)])
            err = capsys.readouterr().err
            assert f"passkit: error: cannot read {str(path)!r}" in err
            assert "give the path of a readable password file, or - to read stdin" in err

    def test_terminal_stdin_refused(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Typed passwords would echo: ``-`` from a terminal is a usage error."""
        assert 2 == main(["audit", "-"], stdin=Terminal(), stdout=io.StringIO())
        assert "pipe it in" in capsys.readouterr().err


class TestNoPasswordInOutput:
    """No password, or the text of an undecodable line, ever appears in output or errors."""

    @pytest.mark.parametrize("options", [[], ["--json"], ["--locale", "ja"], ["--jobs", "2"]])
    def test_distinctive_secrets(self, options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Text and JSON output and stderr hold none of the secrets."""
        path = tmp_path / "passwords.txt"
        path.write_bytes("\n".join(SECRETS).encode() + b"\nQuokka\xff\xfeSecret\n")
        code, out = run(["audit", str(path), *options])
        err = capsys.readouterr().err
        assert 1 == code
        for secret in (*SECRETS[:2], SECRETS[4], "Quokka", "Wombat", "ひみつ"):
            assert secret not in out
            assert secret not in err

    def test_progress_line(self) -> None:
        """On a terminal, a progress line shows counts only and is cleared at the end."""
        terminal = Terminal()
        audit(io.BytesIO("\n".join(SECRETS).encode()), jobs=1, progress=terminal)
        shown = terminal.getvalue()
        assert "passkit audit: 5 lines" in shown
        assert "lines/s" in shown
        assert shown.endswith("\r\x1b[K")
        assert not any(secret in shown for secret in SECRETS)

    def test_no_progress_off_terminal(self) -> None:
        """Off a terminal nothing is written."""
        stream = io.StringIO()
        audit(io.BytesIO(b"kx7Qm2\n"), jobs=1, progress=stream)
        assert "" == stream.getvalue()

    def test_internal_error_hides_the_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """If checking a line fails, the error names its number and the error type, not its text."""

        def broken(password: str) -> passkit.Estimate:
            raise ValueError(f"cannot handle {password}")

        monkeypatch.setattr(_audit, "estimate", broken)
        with pytest.raises(RuntimeError) as caught:
            audit(io.BytesIO(b"\nQuokka-Zebra-7731-secret\n"), jobs=1)
        assert "line 2 (ValueError)" in str(caught.value)
        assert "Quokka" not in str(caught.value)
        assert caught.value.__cause__ is None
        assert caught.value.__suppress_context__


class TestSubprocess:
    """``python -m passkit audit`` end to end."""

    def test_python_m_passkit(self) -> None:
        """Exit code, one JSON object on stdout, nothing on stderr off a terminal, two worker processes."""
        done = subprocess.run(
            [sys.executable, "-m", "passkit", "audit", "-", "--json", "--jobs", "2"],
            input=b"password\r\nkx7Qm2\nQuokka-Zebra-7731-secret\n\n",
            capture_output=True,
            env={**os.environ, "PYTHONUTF8": "1"},
            check=False,
            timeout=60,
        )
        assert (1, b"") == (done.returncode, done.stderr)
        record = json.loads(done.stdout)
        assert (4, 3, 1, 1) == (record["lines"], record["checked"], record["empty"], record["failed"])
        assert b"Quokka" not in done.stdout


def test_last_line_over_the_limit_without_a_line_ending() -> None:
    """A final line one byte over the limit, with no line ending, is too long (found by Hypothesis)."""
    summary = audit(io.BytesIO(b"\n" + b"x" * 17), "amazon", jobs=1, max_line_bytes=16)
    assert (1, 1, 0) == (summary.empty, summary.too_long, summary.checked)
