"""Auditing a password file: ``passkit audit``, every line checked and estimated, only counts kept.

The file is read as bytes, line by line, in chunks of at most :data:`CHUNK_LINES` lines (and about
:data:`CHUNK_BYTES` bytes). Each chunk is checked against the policy and estimated, in this process
(``jobs=1``) or in a pool of worker processes; a chunk gives back only a :class:`collections.Counter`
of named counts, never a password. At most two chunks per worker are in flight, so memory stays flat
whatever the size of the file.

Each line is handled like this:

* the line ending, ``\\n`` or ``\\r\\n``, is removed, nothing else;
* an empty line is counted as ``empty`` and skipped (a corpus's blank lines are not passwords);
* a line longer than :data:`MAX_LINE_BYTES` bytes is counted as ``too_long`` and skipped, without
  ever being held in memory whole;
* a line that is not strict UTF-8 is counted as ``undecodable`` and skipped;
* every other line is ``checked``: ``check(password, policy)`` and ``estimate(password)``.
"""

from __future__ import annotations

import collections
import math
import os
import signal
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import Pool
from multiprocessing.pool import AsyncResult
from typing import BinaryIO, TextIO

from passkit._check import evaluate
from passkit._estimate import Estimate, estimate, strength_score
from passkit._estimate_text import _MESSAGES as _FEEDBACK_MESSAGES
from passkit._estimate_text import message
from passkit._messages import check_locale
from passkit._policy import Policy, resolve_policy

__all__ = [
    "CHUNK_BYTES",
    "CHUNK_LINES",
    "MAX_LINE_BYTES",
    "SCHEMA_VERSION",
    "AuditSummary",
    "audit",
    "summary_json",
    "summary_text",
]

SCHEMA_VERSION = 1
"""Version of the ``--json`` summary's schema; it changes only when a key changes meaning or goes."""
MAX_LINE_BYTES = 1 << 20
"""Lines longer than this many bytes (1 MiB, line ending excluded) are counted as ``too_long``."""
CHUNK_LINES = 1000
"""At most this many lines go to a worker at a time."""
CHUNK_BYTES = 1 << 20
"""A chunk is closed once its lines add up to this many bytes (so long lines make short chunks)."""

_SCORES = range(5)
# English feedback text back to its key: workers estimate in English and count warnings by key.
_WARNING_KEYS = {text: key for key, text in _FEEDBACK_MESSAGES["en"].items()}

# One chunk of lines: (first line number, lines; None stands for a line too long to audit).
_Chunk = tuple[int, list[bytes | None]]


@dataclass(frozen=True, slots=True)
class AuditSummary:
    """What :func:`audit` found: counts only, never a password or a piece of one.

    Attributes:
        policy: the policy checked, as Password Rules text.
        lines: lines read (a last line without a line ending counts).
        checked: lines checked and estimated (``passed + failed``).
        empty: empty lines, skipped.
        undecodable: lines that are not UTF-8, skipped.
        too_long: lines longer than the byte limit, skipped.
        passed: checked lines that break no rule of the policy.
        failed: checked lines that break at least one rule.
        violations: ``(code, lines)`` for each violation code, most frequent first (a line with two
            violations counts under both codes).
        findings: ``(code, lines)`` for ``fullwidth`` and ``kana`` findings, most frequent first.
        scores: how many checked lines have each strength score 0, 1, 2, 3 and 4.
        weaknesses: ``(label, lines)``: how many checked lines' estimates use each kind of match,
            most frequent first. Labels are ``dictionary:NAME`` (the word list), ``l33t``,
            ``reversed``, ``last-letter-dropped``, ``spatial``, ``repeat``, ``sequence``, ``regex`` (recent years),
            ``date`` and ``romaji``; brute force is not a weakness and is not counted.
        warnings: ``(key, lines)`` for each feedback warning key (such as ``top-10``), most
            frequent first; lines with no warning are not counted.
        truncated: checked lines of which the estimate analysed only the first 100 code points.
    """

    policy: str
    lines: int
    checked: int
    empty: int
    undecodable: int
    too_long: int
    passed: int
    failed: int
    violations: tuple[tuple[str, int], ...]
    findings: tuple[tuple[str, int], ...]
    scores: tuple[int, int, int, int, int]
    weaknesses: tuple[tuple[str, int], ...]
    warnings: tuple[tuple[str, int], ...]
    truncated: int


def _weakness_labels(result: Estimate) -> set[str]:
    """The kinds of match an estimate's optimal sequence uses (tokens are never looked at)."""
    labels = set()
    for match in result.sequence:
        if match.pattern == "bruteforce":
            continue
        if match.pattern == "dictionary":
            labels.add(f"dictionary:{match.dictionary_name}")
            if match.l33t:
                labels.add("l33t")
            if match.reversed:
                labels.add("reversed")
            if match.last_letter_dropped:
                labels.add("last-letter-dropped")
        else:
            labels.add(match.pattern)
    return labels


def _audit_one(password: str, policy: Policy, counts: collections.Counter[str]) -> None:
    """Check and estimate one password; add what was found to ``counts``."""
    result = estimate(password)
    if password.isascii():
        # NFKC leaves ASCII unchanged, so check's own strength score would be this very estimate's.
        checked = evaluate(
            password, policy, user_inputs=(), previous=(), locale="en", scorer=lambda _text, _inputs: result.score
        )
    else:
        checked = evaluate(password, policy, user_inputs=(), previous=(), locale="en", scorer=strength_score)
    counts["passed" if checked.ok else "failed"] += 1
    for violation in checked.violations:
        counts[f"violation:{violation.code}"] += 1
    for finding in checked.findings:
        counts[f"finding:{finding.code}"] += 1
    counts[f"score:{result.score}"] += 1
    if result.truncated:
        counts["truncated"] += 1
    for label in _weakness_labels(result):
        counts[f"weakness:{label}"] += 1
    if result.feedback.warning:
        counts[f"warning:{_WARNING_KEYS.get(result.feedback.warning, result.feedback.warning)}"] += 1


def _audit_chunk(task: tuple[Policy, _Chunk]) -> collections.Counter[str]:
    """Audit one chunk of lines; return only counts (this runs in the worker processes).

    Raises:
        RuntimeError: checking a line failed (a bug). The message names the line number and the
            error's type only: the error's own text could quote the password.
    """
    policy, (first, lines) = task
    counts: collections.Counter[str] = collections.Counter(lines=len(lines))
    for number, raw in enumerate(lines, start=first):
        if raw is None:
            counts["too_long"] += 1
            continue
        if not raw:
            counts["empty"] += 1
            continue
        try:
            password = raw.decode("utf-8")
        except UnicodeDecodeError:
            counts["undecodable"] += 1
            continue
        try:
            _audit_one(password, policy, counts)
        except Exception as error:
            raise RuntimeError(
                f"internal error while auditing line {number} ({type(error).__name__});"
                " please report it (the line's text is not shown)"
            ) from None
    return counts


def _lines(stream: BinaryIO, max_line_bytes: int) -> Iterator[bytes | None]:
    """Each line without its ending (``\\n`` or ``\\r\\n``), or ``None`` for a line over the limit.

    At most ``max_line_bytes + 2`` bytes of a line are read at once; the rest of an over-long line
    is read in pieces and dropped.
    """
    limit = max_line_bytes + 2
    while line := stream.readline(limit):
        if line.endswith(b"\n"):
            content = line[:-2] if line.endswith(b"\r\n") else line[:-1]
            yield content if len(content) <= max_line_bytes else None
        elif len(line) < limit:  # the last line, without a line ending
            yield line if len(line) <= max_line_bytes else None
        else:
            while (rest := stream.readline(1 << 16)) and not rest.endswith(b"\n"):
                pass
            yield None


def _chunks(lines: Iterable[bytes | None], chunk_lines: int) -> Iterator[tuple[_Chunk, int]]:
    """Group lines into chunks of at most ``chunk_lines`` lines and about :data:`CHUNK_BYTES` bytes.

    Yields each chunk with the number of bytes it holds.
    """
    first = 1
    batch: list[bytes | None] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += 1 if line is None else len(line) + 1
        if len(batch) >= chunk_lines or size >= CHUNK_BYTES:
            yield (first, batch), size
            first += len(batch)
            batch, size = [], 0
    if batch:
        yield (first, batch), size


class _Progress:
    """A one-line progress display on a terminal: lines done and lines per second, at most 10 a second."""

    _INTERVAL = 0.1

    def __init__(self, stream: TextIO | None, total_bytes: int | None) -> None:
        self._stream = stream if stream is not None and stream.isatty() else None
        self._total = total_bytes if total_bytes else None
        self._start = time.monotonic()
        self._last = -math.inf
        self._shown = False

    def update(self, lines: int, done_bytes: int) -> None:
        """Show ``lines`` done, unless the display was refreshed less than 0.1 s ago."""
        if self._stream is None:
            return
        now = time.monotonic()
        if now - self._last < self._INTERVAL:
            return
        self._last = now
        rate = lines / (now - self._start) if now > self._start else 0.0
        text = f"passkit audit: {lines:,} lines, {rate:,.0f} lines/s"
        if self._total is not None:
            text += f", {min(done_bytes / self._total, 1.0):.0%} of the file"
        self._stream.write(f"\r\x1b[K{text}")
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        """Clear the display line."""
        if self._stream is not None and self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


def _ignore_sigint() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it terminates the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_pool(
    tasks: Iterator[tuple[tuple[Policy, _Chunk], int]], jobs: int, progress: _Progress
) -> collections.Counter[str]:
    """Audit the chunks in ``jobs`` processes, with at most ``2 * jobs`` chunks in flight.

    ``Pool.imap`` would be simpler, but its feeder thread reads its whole input as fast as it can,
    which for a file larger than memory is the whole file in memory; submitting with
    ``apply_async`` and waiting on the oldest chunk keeps the number of chunks held bounded.
    """
    total: collections.Counter[str] = collections.Counter()
    done_bytes = 0
    pending: collections.deque[tuple[AsyncResult[collections.Counter[str]], int]] = collections.deque()
    with Pool(jobs, initializer=_ignore_sigint) as pool:
        for task, size in tasks:
            if len(pending) >= 2 * jobs:
                result, done = pending.popleft()
                total.update(result.get())
                done_bytes += done
                progress.update(total["lines"], done_bytes)
            pending.append((pool.apply_async(_audit_chunk, (task,)), size))
        while pending:
            result, done = pending.popleft()
            total.update(result.get())
            done_bytes += done
            progress.update(total["lines"], done_bytes)
    return total


def _ranked(counts: collections.Counter[str], prefix: str) -> tuple[tuple[str, int], ...]:
    """The counts under ``prefix``, most frequent first, ties in name order."""
    items = [(key.removeprefix(prefix), value) for key, value in counts.items() if key.startswith(prefix) and value]
    return tuple(sorted(items, key=lambda item: (-item[1], item[0])))


def _file_size(stream: BinaryIO) -> int | None:
    """The size of a regular file (for the progress display), or ``None`` for a pipe."""
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor: an in-memory stream
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) and status.st_size > 0 else None


def audit(
    stream: BinaryIO,
    policy: Policy | str = "amazon",
    *,
    jobs: int | None = None,
    progress: TextIO | None = None,
    max_line_bytes: int = MAX_LINE_BYTES,
    chunk_lines: int = CHUNK_LINES,
) -> AuditSummary:
    """Check and estimate every line of a binary stream; return counts only.

    Args:
        stream: the password file, opened in binary mode; read once, front to back, never whole.
        policy: a :class:`~passkit.Policy`, a preset name or Password Rules text.
        jobs: worker processes; ``None`` for ``os.cpu_count()``; ``1`` audits in this process.
        progress: where to show a progress line (lines done, lines per second), refreshed at most
            ten times a second and cleared at the end; only used when it is a terminal.
        max_line_bytes: lines longer than this (in bytes, without the line ending) are skipped and
            counted as ``too_long``.
        chunk_lines: lines per chunk handed to a worker.

    Returns:
        An :class:`AuditSummary`.

    Raises:
        ValueError: ``jobs``, ``max_line_bytes`` or ``chunk_lines`` is below 1.
        passkit.exceptions.UnknownPolicyError: ``policy`` names no preset.
        passkit.exceptions.RulesSyntaxError: ``policy`` is rules text that does not parse.
        OSError: reading the stream failed.

    Example:
        >>> import io
        >>> summary = audit(io.BytesIO(b"password\\nkx7Qm2\\n\\n\\xff\\n"), "amazon", jobs=1)
        >>> summary.lines, summary.checked, summary.empty, summary.undecodable
        (4, 2, 1, 1)
        >>> summary.failed, summary.violations, summary.scores
        (1, (('common-password', 1),), (1, 1, 0, 0, 0))
    """
    resolved = resolve_policy(policy)
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1 or max_line_bytes < 1 or chunk_lines < 1:
        raise ValueError("jobs, max_line_bytes and chunk_lines must each be at least 1")
    display = _Progress(progress, _file_size(stream))
    tasks = (((resolved, chunk), size) for chunk, size in _chunks(_lines(stream, max_line_bytes), chunk_lines))
    try:
        if jobs == 1:
            counts: collections.Counter[str] = collections.Counter()
            done_bytes = 0
            for task, size in tasks:
                counts.update(_audit_chunk(task))
                done_bytes += size
                display.update(counts["lines"], done_bytes)
        else:
            counts = _run_pool(tasks, jobs, display)
    finally:
        display.close()
    scores = tuple(counts[f"score:{score}"] for score in _SCORES)
    return AuditSummary(
        policy=resolved.to_rules(),
        lines=counts["lines"],
        checked=counts["passed"] + counts["failed"],
        empty=counts["empty"],
        undecodable=counts["undecodable"],
        too_long=counts["too_long"],
        passed=counts["passed"],
        failed=counts["failed"],
        violations=_ranked(counts, "violation:"),
        findings=_ranked(counts, "finding:"),
        scores=(scores[0], scores[1], scores[2], scores[3], scores[4]),
        weaknesses=_ranked(counts, "weakness:"),
        warnings=_ranked(counts, "warning:"),
        truncated=counts["truncated"],
    )


def _warning_text(key: str, locale: str) -> str:
    """The feedback warning for ``key`` in ``locale`` (the key itself if it has no text)."""
    return message(key, locale) if key in _FEEDBACK_MESSAGES[locale] else key


def summary_json(summary: AuditSummary, *, locale: str = "en") -> dict[str, object]:
    """The summary as the ``--json`` object (schema version :data:`SCHEMA_VERSION`, documented in the CLI guide).

    Example:
        >>> import io
        >>> record = summary_json(audit(io.BytesIO(b"password\\n"), jobs=1))
        >>> record["schema_version"], record["failed"], record["warnings"]
        (1, 1, [{'key': 'top-10', 'message': 'This is a top-10 common password.', 'count': 1}])
    """
    locale = check_locale(locale)
    return {
        "schema_version": SCHEMA_VERSION,
        "policy": summary.policy,
        "lines": summary.lines,
        "checked": summary.checked,
        "empty": summary.empty,
        "undecodable": summary.undecodable,
        "too_long": summary.too_long,
        "passed": summary.passed,
        "failed": summary.failed,
        "violations": [{"code": code, "count": count} for code, count in summary.violations],
        "findings": [{"code": code, "count": count} for code, count in summary.findings],
        "scores": list(summary.scores),
        "weaknesses": [{"label": label, "count": count} for label, count in summary.weaknesses],
        "warnings": [
            {"key": key, "message": _warning_text(key, locale), "count": count} for key, count in summary.warnings
        ],
        "truncated": summary.truncated,
    }


def _share(count: int, whole: int) -> str:
    """``count`` as a share of ``whole``, six characters wide."""
    return f"{count / whole:6.1%}" if whole else "     -"


def _of_checked(count: int, checked: int) -> str:
    return f" ({count / checked:.1%} of checked)" if checked else ""


def summary_text(summary: AuditSummary, *, locale: str = "en", top: int = 10) -> str:
    """The summary for people: counts, failures by code, score histogram, most common weaknesses.

    Args:
        summary: what :func:`audit` returned.
        locale: language of the feedback warnings (the labels are English, as in ``passkit check``).
        top: how many weaknesses and warnings to list.

    Returns:
        Text of several lines, without a final newline.
    """
    locale = check_locale(locale)
    checked = summary.checked
    skipped = f"{summary.empty:,} empty, {summary.undecodable:,} not UTF-8, {summary.too_long:,} too long to audit"
    out = [
        f"lines: {summary.lines:,}",
        f"checked: {checked:,} (skipped: {skipped})",
        f"policy: {summary.policy}",
        f"passed: {summary.passed:,}{_of_checked(summary.passed, checked)}",
        f"failed: {summary.failed:,}{_of_checked(summary.failed, checked)}",
    ]
    width = max((len(name) for name, _ in (*summary.violations, *summary.findings, *summary.weaknesses)), default=0)
    if summary.violations:
        out += ["", "failures by violation code (lines; a line can break several rules):"]
        out += [f"  {code:<{width}} {count:>10,} {_share(count, checked)}" for code, count in summary.violations]
    if summary.findings:
        out += ["", "findings (lines):"]
        out += [f"  {code:<{width}} {count:>10,} {_share(count, checked)}" for code, count in summary.findings]
    out += ["", "strength scores (lines):"]
    biggest = max(summary.scores)
    for score, count in zip(_SCORES, summary.scores, strict=True):
        bar = "#" * (round(40 * count / biggest) if biggest else 0)
        out.append(f"  {score}/4 {count:>10,} {_share(count, checked)}  {bar}".rstrip())
    if summary.weaknesses:
        out += ["", "most common weaknesses (lines whose estimate uses each):"]
        out += [
            f"  {label:<{width}} {count:>10,} {_share(count, checked)}" for label, count in summary.weaknesses[:top]
        ]
    if summary.warnings:
        out += ["", "most common warnings (lines):"]
        out += [
            f"  {count:>10,} {_share(count, checked)}  {_warning_text(key, locale)}"
            for key, count in summary.warnings[:top]
        ]
    if summary.truncated:
        out += ["", f"{summary.truncated:,} lines longer than 100 characters: only their first 100 were estimated"]
    return "\n".join(out)
