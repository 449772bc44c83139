"""Passwords per second of ``passkit audit`` on a large file, with one process and with all cores.

Writes a deterministic password file of ``--lines`` lines (default 1,000,000) into a temporary
directory: a SHAKE-256 counter stream with a fixed seed chooses every line (no ``random``, whose
streams are not promised to stay the same across Python versions), so every run on every machine
audits exactly the same bytes. Then it runs ``python -m passkit audit FILE --json`` as a child
process, once with ``--jobs 1`` and once with ``--jobs N`` (N = ``os.cpu_count()`` unless
``--jobs`` says otherwise), times each with ``time.perf_counter`` (wall clock, start-up and
word-list loading included), and prints lines per second, checked passwords per second, the
speed-up and the largest resident memory of any process of the run (flat memory: it should not
grow with ``--lines``).

Run: ``python benchmarks/bench_audit.py [--lines N] [--jobs N] [--policy NAME] [--keep PATH]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from detstream import KANA, NAMES, PRINTABLE, SYMBOLS, Stream, fullwidth  # benchmarks/detstream.py

import passkit

SEED = b"passkit-bench-audit-v1"
WORDLIST = Path(__file__).resolve().parent.parent / "wordlists" / "common-passwords.txt"
LEET = {"a": "@4", "o": "0", "e": "3", "s": "$5", "i": "1!", "t": "7", "l": "1"}
WORDS = ("correct", "horse", "battery", "staple", "purple", "monkey", "dishwasher", "tokyo", "river", "garden")


def make_line(s: Stream, common: Sequence[str]) -> bytes:
    """One line of a breach-corpus-like file (without its line ending). The mix, per 100 lines:

    25 common passwords (weighted toward the top of the list), 15 mangled common ones (``P@ssw0rd!``),
    15 random printable ASCII (6 to 24 characters), 12 name + year, 10 digits only, 8 passphrases,
    5 full-width or kana, 5 very short, 3 empty lines, 2 lines that are not UTF-8.
    """
    kind = s.below(100)
    if kind < 25:
        text = common[s.below(s.choice((100, 1000, len(common))))]
    elif kind < 40:
        word = common[s.below(2000)]
        text = "".join(s.choice(LEET[c]) if c in LEET and s.below(2) else c for c in word)
        text = text[:1].upper() + text[1:] + (s.choice(SYMBOLS) if s.below(2) else "")
    elif kind < 55:
        text = "".join(s.choice(PRINTABLE) for _ in range(s.between(6, 24)))
    elif kind < 67:
        text = s.choice(NAMES).capitalize() + str(s.between(1950, 2025)) + s.choice(("", "!", "#"))
    elif kind < 77:
        text = "".join(s.choice("0123456789") for _ in range(s.between(4, 12)))
    elif kind < 85:
        text = s.choice(("-", " ", "")).join(s.choice(WORDS) for _ in range(s.between(2, 5)))
    elif kind < 90:
        text = s.choice(KANA) + str(s.between(100, 9999)) if s.below(2) else fullwidth(common[s.below(1000)])
    elif kind < 95:
        text = "".join(s.choice(PRINTABLE) for _ in range(s.between(1, 5)))
    elif kind < 98:
        text = ""
    else:
        return b"\xff" + s.bytes(s.between(4, 12)).replace(b"\n", b"").replace(b"\r", b"")
    return text.encode("utf-8")


def write_file(path: Path, lines: int) -> int:
    """Write ``lines`` lines (one in ten ending in CRLF); return the file's size in bytes."""
    common = WORDLIST.read_text(encoding="utf-8").split()
    s = Stream(SEED)
    with path.open("wb") as handle:
        batch: list[bytes] = []
        for index in range(lines):
            batch.append(make_line(s, common) + (b"\r\n" if index % 10 == 9 else b"\n"))
            if len(batch) == 10_000:
                handle.write(b"".join(batch))
                batch.clear()
        handle.write(b"".join(batch))
    return path.stat().st_size


def run_audit(path: Path, jobs: int, policy: str) -> tuple[float, dict[str, object], int]:
    """Audit ``path`` in a child process; return the wall time, the JSON summary and the peak RSS in KiB.

    The peak is the largest resident set of any process waited for so far (the audit and its
    workers), from ``getrusage(RUSAGE_CHILDREN)``; each run is measured in a fresh grandchild so that
    the runs do not share one maximum.
    """
    probe = (
        "import resource, subprocess, sys;"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, check=False);"
        "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) + '\\n');"
        "sys.stdout.buffer.write(done.stdout); sys.exit(done.returncode)"
    )
    command = [sys.executable, "-c", probe, sys.executable, "-m", "passkit", "audit", str(path), "--json"]
    command += ["--policy", policy, "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)  # noqa: S603 (our interpreter, fixed arguments)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"audit failed with exit code {done.returncode}: {done.stderr.decode(errors='replace')}")
    peak_kib = int(done.stderr.decode().split()[-1])
    return seconds, json.loads(done.stdout), peak_kib


def main(argv: Sequence[str] | None = None) -> int:
    """Write the file, audit it with one process and with all cores, print the rates."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="lines in the file (default 1000000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel run")
    parser.add_argument("--policy", default="amazon", help="preset policy to check (default amazon)")
    parser.add_argument("--keep", type=Path, help="write the file here and keep it (default: a temporary directory)")
    args = parser.parse_args(argv)
    if args.lines < 1 or args.jobs < 1:
        parser.error("--lines and --jobs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="passkit-bench-audit-") as directory:
        path = args.keep or Path(directory) / "passwords.txt"
        start = time.perf_counter()
        size = write_file(path, args.lines)
        written = time.perf_counter() - start
        print(f"passkit audit benchmark: {args.lines:,} lines, {size / 1e6:.1f} MB, policy {args.policy}")
        print(f"Python {platform.python_version()} ({platform.python_implementation()}), passkit {passkit.__version__}")
        print(
            f"cpu_count {os.cpu_count()}, load average before {os.getloadavg()[0]:.2f}; file written in {written:.1f} s"
        )
        print()
        print(f"{'run':<12}{'seconds':>10}{'lines/s':>12}{'passwords/s':>14}{'peak RSS MiB':>15}")
        results = {}
        for jobs in dict.fromkeys((1, args.jobs)):
            seconds, summary, peak = run_audit(path, jobs, args.policy)
            results[jobs] = (seconds, summary)
            lines, checked = summary["lines"], summary["checked"]
            assert isinstance(lines, int)
            assert isinstance(checked, int)
            rates = f"{lines / seconds:>12,.0f}{checked / seconds:>14,.0f}"
            print(f"{f'--jobs {jobs}':<12}{seconds:>10.1f}{rates}{peak / 1024:>15.0f}")
        first, last = results[1], results[args.jobs]
        assert first[1] == last[1], "the summaries differ between --jobs 1 and --jobs N"
        summary = first[1]
        print()
        print(
            f"checked {summary['checked']:,} of {summary['lines']:,} lines (skipped {summary['empty']:,} empty,"
            f" {summary['undecodable']:,} not UTF-8); failed {summary['failed']:,}; summaries identical"
        )
        if args.jobs != 1:
            print(f"speed-up --jobs {args.jobs} / --jobs 1: {first[0] / last[0]:.2f}x")
    print(f"load average after {os.getloadavg()[0]:.2f} (other work on the machine slows both runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
