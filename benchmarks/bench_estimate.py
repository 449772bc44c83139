"""Strength estimation: passkit's ``estimate`` against zxcvbn (Python) and zxcvbn-rs-py, in one run.

Corpora are deterministic (no ``random``: a SHAKE-256 counter stream with a fixed seed):

* random printable-ASCII passwords of 8, 16, 32 and 64 characters (zxcvbn raises above 72);
* a realistic corpus: common passwords from ``wordlists/common-passwords.txt``, names with years,
  EFF-word phrases, generated 12-20 character passwords;
* adversarial inputs for passkit (l33t-heavy text, megabyte strings, long repeats, combining marks);
  the peers run on the ones they accept (at most 72 characters for zxcvbn).

Each password is timed ``--repeat`` times and its best time kept; a corpus's figure is the median
over its passwords (the worst case is the maximum). Ratios are peer time / passkit time, so 5.0x
means passkit is five times faster. The first ``estimate`` (word index built) is timed and its
memory measured with ``tracemalloc`` before any peer is imported (the time in a fresh interpreter).

Run: ``python benchmarks/bench_estimate.py [--n N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

SEED = b"passkit-bench-estimate-v1"
ROOT = Path(__file__).resolve().parent.parent
PRINTABLE = "".join(chr(c) for c in range(0x21, 0x7F))
NAMES = (
    "taro", "hanako", "yuki", "sakura", "hiroshi", "kenji", "michael", "jennifer", "david", "sarah",
    "smith", "johnson", "garcia", "tanaka", "suzuki", "yamada", "miller", "brown", "wilson", "nguyen",
)  # fmt: skip
ADVERSARIAL = "4@8({[</369&#!1/|0$5+7%2/"

Estimator = Callable[[str], object]


class Stream:
    """Deterministic choices: SHAKE-256 of (seed, block counter), read 4 bytes at a time."""

    def __init__(self, seed: bytes) -> None:
        self._seed = seed
        self._block = 0
        self._buffer = b""

    def below(self, n: int) -> int:
        """An integer in [0, n) (tiny modulo bias is irrelevant for a benchmark corpus)."""
        if len(self._buffer) < 4:
            self._buffer += hashlib.shake_256(self._seed + self._block.to_bytes(8, "big")).digest(4096)
            self._block += 1
        value, self._buffer = int.from_bytes(self._buffer[:4], "big"), self._buffer[4:]
        return value % n

    def text(self, alphabet: str, length: int) -> str:
        """``length`` characters drawn from ``alphabet``."""
        return "".join(alphabet[self.below(len(alphabet))] for _ in range(length))

    def pick(self, items: Sequence[str]) -> str:
        """One item."""
        return items[self.below(len(items))]


def realistic_corpus(stream: Stream, n: int) -> list[str]:
    """Common passwords, names with years, phrases and generated passwords, ``n`` of each kind."""
    common = [w for w in (ROOT / "wordlists" / "common-passwords.txt").read_text().split() if w]
    eff = [line.split()[-1] for line in (ROOT / "wordlists" / "eff-large.txt").read_text().splitlines() if line]
    corpus = [common[stream.below(len(common))] for _ in range(n)]
    for _ in range(n):
        name = stream.pick(NAMES)
        name = name.capitalize() if stream.below(2) else name
        corpus.append(f"{name}{1950 + stream.below(76)}{stream.pick(['', '!', '.', '#'])}")
    for _ in range(n):
        words = [stream.pick(eff) for _ in range(3 + stream.below(2))]
        corpus.append(stream.pick([" ", "-", ""]).join(words))
    corpus.extend(stream.text(PRINTABLE, 12 + stream.below(9)) for _ in range(n))
    return corpus


def adversarial_corpus(stream: Stream) -> list[tuple[str, str]]:
    """Inputs built to be slow: (label, password)."""
    return [
        ("l33t x3 (75)", ADVERSARIAL * 3),
        ("l33t x2 + 22 (72)", (ADVERSARIAL * 3)[:72]),
        ("l33t x40000 (1 MB)", ADVERSARIAL * 40_000),
        ("'a' x 1e6", "a" * 1_000_000),
        ("random 1 MB", stream.text(PRINTABLE, 1_000_000)),
        ("'abc' x 1000", "abc" * 1000),
        ("'1|!7' x 25", "1|!7" * 25),
        ("p@55w0rd x 12", "p@55w0rd" * 12),
        ("digits 0-9 x 10", "0123456789" * 10),
        ("dates x 10", "11/11/2011" * 10),
        ("keyboard rows", "qwertyuiop[]asdfghjkl;'zxcvbnm,./" * 3),
        ("combining x 1e5", "e" + "\u0301" * 100_000),
        ("lone surrogates", "\ud800\udfff" * 60),
    ]


def best_time(fn: Estimator, password: str, repeat: int) -> float:
    """Best of ``repeat`` single calls, in seconds (``nan`` when the estimator raises)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            fn(password)
        except (ValueError, UnicodeError):
            return float("nan")
        best = min(best, time.perf_counter() - start)
    return best


def median_time(fn: Estimator, passwords: Sequence[str], repeat: int) -> float:
    """Median over passwords of each one's best time."""
    return statistics.median(best_time(fn, p, repeat) for p in passwords)


def fmt_ms(seconds: float) -> str:
    """Milliseconds, three significant figures."""
    return "raises" if math.isnan(seconds) else f"{seconds * 1000:.3g} ms"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="passwords per corpus (default 50)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per password, best kept (default 3)")
    args = parser.parse_args(argv)

    # Load time in a fresh interpreter (tracemalloc slows allocation), memory here, both before
    # any peer imports zxcvbn.
    code = (
        "import time, passkit._estimate as e; t = time.perf_counter(); e.estimate('w'); print(time.perf_counter() - t)"
    )
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    load = float(fresh.stdout)
    import passkit._estimate  # noqa: PLC0415

    tracemalloc.start()
    passkit._estimate.estimate("warm-up")
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    from zxcvbn import zxcvbn  # noqa: PLC0415

    try:
        import zxcvbn_rs_py  # noqa: PLC0415

        rust: Estimator | None = zxcvbn_rs_py.zxcvbn
        rust_version = getattr(zxcvbn_rs_py, "__version__", "?")
    except ImportError:
        rust, rust_version = None, "not installed"

    estimators: dict[str, Estimator | None] = {
        "passkit": passkit._estimate.estimate,
        "zxcvbn": zxcvbn,
        "zxcvbn-rs-py": rust,
    }
    stream = Stream(SEED)
    print(f"Python {platform.python_version()} on {platform.machine()}; zxcvbn-rs-py {rust_version}")
    print(f"n={args.n} per corpus, best of {args.repeat} per password, median over passwords")
    print("ratio = peer time / passkit time (above 1: passkit is faster)")
    print(f"first estimate (zxcvbn data read, index built), fresh interpreter: {load * 1000:.0f} ms")
    print(f"memory it allocates and keeps: {current / 2**20:.1f} MiB (peak {peak / 2**20:.1f} MiB, tracemalloc)")
    print()
    header = f"{'corpus':<22}{'passkit':>12}{'zxcvbn':>12}{'ratio':>9}{'rs-py':>12}{'ratio':>9}"
    print(header)
    print("-" * len(header))

    corpora = [(f"random {k}", [stream.text(PRINTABLE, k) for _ in range(args.n)]) for k in (8, 16, 32, 64)]
    corpora.append(("realistic (4 kinds)", realistic_corpus(stream, args.n // 4 or 1)))
    for label, passwords in corpora:
        times = {
            name: median_time(fn, passwords, args.repeat) if fn is not None else None for name, fn in estimators.items()
        }
        own = times["passkit"]
        assert own is not None
        row = f"{label:<22}{fmt_ms(own):>12}"
        for name in ("zxcvbn", "zxcvbn-rs-py"):
            peer = times[name]
            row += f"{fmt_ms(peer):>12}{peer / own:>8.2f}x" if peer is not None else f"{'-':>12}{'-':>9}"
        print(row)

    print()
    print(f"{'adversarial input':<22}{'passkit':>12}{'zxcvbn':>12}{'rs-py':>12}")
    print("-" * 58)
    worst = 0.0
    for label, password in adversarial_corpus(stream):
        own = best_time(passkit._estimate.estimate, password, args.repeat)
        worst = max(worst, own)
        zx = fmt_ms(best_time(zxcvbn, password, 1)) if len(password) <= 72 else "raises"
        rs = fmt_ms(best_time(rust, password, 1)) if rust is not None and len(password) <= 10_000 else "-"
        print(f"{label:<22}{fmt_ms(own):>12}{zx:>12}{rs:>12}")
    print(f"passkit worst case: {fmt_ms(worst)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
