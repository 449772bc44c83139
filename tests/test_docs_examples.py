"""Every example on the documentation site runs here, and its shown output is checked.

pytest already runs the ``>>>`` examples of ``docs/*.md`` and ``README.md`` as doctests
(``--doctest-glob``). This module covers the rest:

* shell transcripts (a ```` ```sh ```` block with ``$ `` lines): each block runs in bash, with
  this environment's ``passkit`` first on ``PATH``, in a temporary directory that the blocks of
  one page share in page order (as for a reader following the page, a file made by one block is
  there for the next); what each
  command prints (stdout and stderr together, as a terminal shows them) must equal the lines shown
  under it. A block right after ``<!-- docs-test: random -->`` shows secrets drawn at random: its
  lines are compared by shape (the same number of lines; comment lines equal; JSON lines with the
  same keys and the same values but for the secrets);
* shell command blocks (a ```` ```sh ```` block with no ``$ ``): each line that runs ``passkit``
  must exit 0 or 1 (1 is "some password failed"), print something, and print nothing on stderr but
  ``# `` comment lines (``passkit generate`` reports the entropy there); ``make`` and ``pip``
  lines are what CI itself runs and are not repeated here;
* Python blocks that are not doctests (settings snippets): executed; a block that defines
  ``AUTH_PASSWORD_VALIDATORS`` is loaded by real Django, which must then reject a weak password.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import django_settings
import pytest
from django.conf import settings

if not settings.configured:
    django_settings.configure()

from django.contrib.auth.password_validation import get_password_validators, validate_password
from django.core.exceptions import ValidationError

REPO_ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*(REPO_ROOT / "docs").glob("*.md"), REPO_ROOT / "README.md"])
RANDOM_MARK = "<!-- docs-test: random -->"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)
RUNS_PASSKIT = re.compile(r"(^|\|\s*)(\.venv/bin/)?passkit\b")
# Keys of ``passkit generate --json`` and ``passkit mangle --json`` whose values are drawn at random.
RANDOM_KEYS = frozenset({"secrets", "password", "estimate", "score", "guesses_log10"})


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    page: str
    line: int
    lang: str
    body: str
    random: bool

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}"


def _blocks() -> list[Block]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            before = text[: match.start()].rstrip("\n")
            found.append(
                Block(
                    page=str(page.relative_to(REPO_ROOT)),
                    line=text.count("\n", 0, match.start()) + 1,
                    lang=match.group(1),
                    body=match.group(2),
                    random=before.endswith(RANDOM_MARK),
                )
            )
    return found


BLOCKS = _blocks()
TRANSCRIPTS = [b for b in BLOCKS if b.lang == "sh" and any(line.startswith("$ ") for line in b.body.splitlines())]
COMMAND_BLOCKS = [b for b in BLOCKS if b.lang == "sh" and b not in TRANSCRIPTS]
PYTHON_SNIPPETS = [b for b in BLOCKS if b.lang == "python" and ">>>" not in b.body]


def _parse_transcript(body: str) -> list[tuple[str, list[str]]]:
    """``$ command`` lines (with ``\\`` continuations) and the output lines shown under each."""
    steps: list[tuple[str, list[str]]] = []
    lines = body.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.startswith("$ "):
            assert steps, f"output before the first command: {line!r}"
            steps[-1][1].append(line)
            continue
        command = line[2:]
        while command.endswith("\\") and index < len(lines):
            command += "\n" + lines[index]
            index += 1
        steps.append((command, []))
    return steps


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("COLUMNS", None)
    return env


def _bash(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in bash, as a reader's shell would, with no stdin; capture what it prints."""
    return subprocess.run(
        ["bash", "-c", script],  # noqa: S607 (bash from PATH, as a reader's shell)
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _run_transcript(steps: list[tuple[str, list[str]]], cwd: Path) -> list[str]:
    """Run the commands in one bash, in order; return what each printed (stdout and stderr)."""
    marker = "@@passkit-docs-step@@"
    script = ["exec 2>&1"]
    for command, _ in steps:
        script += [command, f"__status=$?; printf '\\n{marker}\\n'; (exit $__status)"]
    done = _bash("\n".join(script), cwd)
    outputs = done.stdout.split(f"\n{marker}\n")
    assert len(steps) + 1 == len(outputs), done.stdout
    return [out.rstrip("\n") for out in outputs[:-1]]


def _same_shape(shown: str, actual: str) -> None:
    """A random line: equal comments, JSON with equal non-random values, otherwise a non-empty line."""
    if shown.startswith("#"):
        assert shown == actual
    elif shown.startswith("{"):
        want, got = json.loads(shown), json.loads(actual)
        assert want.keys() == got.keys()
        for key in want:
            if key in RANDOM_KEYS:
                assert type(want[key]) is type(got[key]), key
            else:
                assert want[key] == got[key], key
    else:
        assert actual.strip(), "expected a line of output"


@pytest.fixture(scope="module")
def page_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One working directory per page, made on first use and shared by that page's blocks."""
    return {block.page: tmp_path_factory.mktemp(Path(block.page).stem, numbered=True) for block in TRANSCRIPTS}


@pytest.mark.parametrize("block", TRANSCRIPTS, ids=[b.id for b in TRANSCRIPTS])
def test_transcript(block: Block, page_dirs: dict[str, Path]) -> None:
    """Each shell transcript prints exactly what the page shows (by shape where it is random)."""
    steps = _parse_transcript(block.body)
    outputs = _run_transcript(steps, page_dirs[block.page])
    for (command, shown), actual in zip(steps, outputs, strict=True):
        if not block.random:
            assert "\n".join(shown) == actual, f"{block.id}: $ {command}"
            continue
        actual_lines = actual.splitlines()
        assert len(shown) == len(actual_lines), f"{block.id}: $ {command}\n{actual}"
        for want, got in zip(shown, actual_lines, strict=True):
            _same_shape(want, got)


@pytest.mark.parametrize("block", COMMAND_BLOCKS, ids=[b.id for b in COMMAND_BLOCKS])
def test_command_block(block: Block, tmp_path: Path) -> None:
    """Each ``passkit`` command shown without output runs and exits 0 or 1 with nothing on stderr."""
    commands = [line for line in block.body.splitlines() if RUNS_PASSKIT.search(line)]
    for command in commands:
        done = _bash(command.replace(".venv/bin/passkit", "passkit"), tmp_path)
        assert done.returncode in (0, 1), f"{block.id}: {command}\n{done.stderr}"
        stray = [line for line in done.stderr.splitlines() if not line.startswith("# ")]
        assert [] == stray, f"{block.id}: {command}"
        assert done.stdout.strip(), f"{block.id}: {command} printed nothing"


@pytest.mark.parametrize("block", PYTHON_SNIPPETS, ids=[b.id for b in PYTHON_SNIPPETS])
def test_python_snippet(block: Block) -> None:
    """Settings snippets run; a validator list is loaded by real Django and rejects a weak password."""
    namespace: dict[str, object] = {}
    exec(compile(block.body, block.id, "exec"), namespace)  # noqa: S102 (our own documentation)
    if "AUTH_PASSWORD_VALIDATORS" not in namespace:
        return
    validators = get_password_validators(namespace["AUTH_PASSWORD_VALIDATORS"])  # type: ignore[arg-type]
    assert validators
    with pytest.raises(ValidationError) as caught:
        validate_password("Pa$$w0rD123", password_validators=validators)
    assert ["common-password"] == [e.code for e in caught.value.error_list]
    assert validate_password("Zq9!xK7#mW2pT", password_validators=validators) is None


def test_every_example_is_covered() -> None:
    """Each fenced block is a doctest, a transcript, a command block, a snippet or plain text."""
    for block in BLOCKS:
        assert block.lang in {"python", "sh", "text", ""}, f"{block.id}: unknown language {block.lang!r}"
    assert TRANSCRIPTS, "no shell transcripts found in the docs"
    assert PYTHON_SNIPPETS, "no Python snippets found in the docs"
